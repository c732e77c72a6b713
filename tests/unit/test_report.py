"""`roledef report`: the figures, owner merging, non-role files, every format, and the command."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from roledef.commands.report import ReportSettings, run_report
from roledef.config import resolve_config
from roledef.handbook import FORMATS, render
from roledef.handbook.data import build_report, collect
from roledef.handbook.owners import OwnerTally, owner_key
from roledef.lint.engine import run
from roledef.lint.result import collect as collect_findings
from tests.helpers import ROOT

HANDBOOK = Path("tests") / "fixtures" / "report" / "handbook"


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(ROOT)
    config = resolve_config({}, root=ROOT)
    return build_report(collect([str(HANDBOOK)], config), config, [str(HANDBOOK)])


def _role(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in report["roles"] if r["file"].endswith(name))


@pytest.mark.parametrize(
    "written",
    [
        "hiring manager",
        "Hiring Manager",
        "the hiring manager",
        "The  Hiring\nManager.",
        "our hiring manager",
    ],
)
def test_owner_spellings_share_one_key(written: str) -> None:
    assert owner_key(written) == "hiring manager"


def test_owner_shown_as_most_often_written_first_on_a_tie() -> None:
    tally = OwnerTally()
    for written in ("Hiring Manager", "hiring manager", "hiring manager"):
        tally.add(written, "a.md", "A", None, None)
    assert tally.name == "hiring manager"
    tie = OwnerTally()
    for written in ("CTO", "cto"):
        tie.add(written, "a.md", "A", 30, None)
    assert tie.name == "CTO"


def test_role_figures(report: dict[str, Any]) -> None:
    backend = _role(report, "backend-engineer.md")
    assert backend["steps"] == 4
    assert (backend["duration_known"], backend["duration_unknown"]) == (2, 2)
    # 20 + 45 (a 45-60 range at its lower bound); the upper bound is 20 + 60
    assert (backend["minutes"], backend["minutes_max"]) == (65, 80)
    # the Offer step is exempt from both rules, as in the linter
    assert (backend["missing_owner"], backend["missing_duration"]) == (0, 1)
    assert backend["missing_sections"] == []
    designer = _role(report, "designer.md")
    assert (designer["missing_owner"], designer["missing_duration"]) == (1, 1)
    support = _role(report, "support-lead.md")
    assert support["steps"] == 0
    assert support["missing_sections"] == ["Skills", "Hiring Plan"]


#: Figures that add up to the steps: with one, missing one (needed), not needing one.
STEP_SPLITS = (
    ("duration_known", "missing_duration", "duration_exempt"),
    ("owner_known", "missing_owner", "owner_exempt"),
)


def test_exempt_steps_are_counted_apart(report: dict[str, Any]) -> None:
    backend = _role(report, "backend-engineer.md")
    # the Offer step has neither owner nor duration, and needs neither
    assert (backend["owner_known"], backend["missing_owner"], backend["owner_exempt"]) == (3, 0, 1)
    known, missing, exempt = (backend[k] for k in STEP_SPLITS[0])
    assert (known, missing, exempt) == (2, 1, 1)
    assert missing + exempt == backend["duration_unknown"]


def test_with_without_and_exempt_add_up_to_the_steps(report: dict[str, Any]) -> None:
    for row in [*report["roles"], report["totals"]]:
        for split in STEP_SPLITS:
            assert sum(row[key] for key in split) == row["steps"], (row.get("file"), split)
    assert report["totals"]["owner_exempt"] == 2 and report["totals"]["duration_exempt"] == 2


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_the_exempt_steps(report: dict[str, Any], fmt: str) -> None:
    out = render(fmt, report)
    for label in ("Steps that need no owner", "Steps that need no duration"):
        assert label in out
    for header in ("Owner not needed", "Duration not needed"):
        assert header in out
    if fmt == "text":
        totals = dict(
            line.rsplit(":", 1) for line in out.split("\n\n")[1].splitlines() if ":" in line
        )
        for label in ("Steps with a duration", "Steps missing a duration"):
            assert label in totals
        timed = [int(totals[k]) for k in ("Steps with a duration", "Steps missing a duration")]
        assert sum(timed) + int(totals["Steps that need no duration"]) == int(
            totals["Hiring steps"]
        )


def test_owners_merged_across_spellings_with_minutes_per_role(report: dict[str, Any]) -> None:
    owners = {o["key"]: o for o in report["owners"]}
    assert set(owners) == {"hiring manager", "recruiter", "team"}  # "Meet the team"
    manager = owners["hiring manager"]
    assert manager["spellings"] == ["Hiring Manager", "hiring manager"]
    assert (manager["plans"], manager["steps"]) == (2, 3)
    assert (manager["minutes"], manager["minutes_max"]) == (75, 90)
    per_role = {Path(r["file"]).name: (r["steps"], r["minutes"]) for r in manager["roles"]}
    assert per_role == {"backend-engineer.md": (2, 45), "designer.md": (1, 30)}
    assert report["owners"][0]["key"] == "hiring manager"  # the most plans first


def test_files_that_are_not_roles_are_listed_apart(report: dict[str, Any]) -> None:
    assert [Path(o["file"]).name for o in report["other_files"]] == ["index.md"]
    assert all(not r["file"].endswith("index.md") for r in report["roles"])
    totals = report["totals"]
    assert (totals["files"], totals["roles"], totals["other_files"]) == (4, 3, 1)
    assert totals["roles_without_plan"] == 1


def test_totals_are_the_sums_of_the_roles(report: dict[str, Any]) -> None:
    totals = report["totals"]
    keys = ("steps", "minutes", "minutes_max", "missing_owner", "missing_duration")
    for key in (*keys, "owner_known", "owner_exempt", "duration_exempt"):
        assert totals[key] == sum(r[key] for r in report["roles"]), key
    assert (totals["steps"], totals["minutes"], totals["minutes_max"]) == (7, 95, 110)


def test_findings_are_the_linters(report: dict[str, Any]) -> None:
    config = resolve_config({}, root=ROOT)
    findings = collect_findings(run([str(HANDBOOK)], config, keep_lines=True)).findings
    assert report["totals"]["findings"]["total"] == len(findings)
    assert {r["code"]: r["count"] for r in report["rules"]} == Counter(f.code for f in findings)
    counts = [r["count"] for r in report["rules"]]
    assert counts == sorted(counts, reverse=True)
    per_file = sum(r["findings"]["total"] for r in [*report["roles"], *report["other_files"]])
    assert per_file == len(findings)


def test_json_format_is_the_data(report: dict[str, Any]) -> None:
    assert json.loads(render("json", report)) == report


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_shows_the_totals_and_each_role(report: dict[str, Any], fmt: str) -> None:
    out = render(fmt, report)
    assert out.endswith("\n")
    shown = out.replace("<wbr>", "")  # html: where a path may break
    for row in report["roles"]:
        assert row["file"] in shown
    assert "95" in out and "110" in out


def test_markdown_keeps_its_tables_whole(report: dict[str, Any]) -> None:
    report = json.loads(json.dumps(report))
    report["roles"][0]["title"] = "Ops | Support"
    out = render("markdown", report)
    assert "Ops \\| Support" in out
    assert "Designer &lt;Research" in out and "<Research" not in out
    widths = {line.count(" | ") for line in out.splitlines() if line.startswith("| Backend")}
    assert len(widths) <= 1


def test_html_is_escaped_and_self_contained(report: dict[str, Any]) -> None:
    page = render("html", report)
    assert "Designer &lt;Research &amp; &quot;UX&quot;&gt;" in page
    assert "<Research" not in page
    assert '<meta name="viewport"' in page
    # nothing is fetched: no scripts, links, imports, external urls or fonts
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|@font-face|https?://", page)
    for key, value in (("minutes", 95), ("roles", 3), ("steps", 7), ("owner_exempt", 2)):
        assert f'data-total="{key}">{value}<' in page


def test_command_writes_atomically_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    settings = ReportSettings((str(HANDBOOK),), "html", str(out))
    assert run_report(settings) == 0
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert run_report(settings) == 2
    assert f"{out}: exists; pass --force" in capsys.readouterr().err
    forced = ReportSettings((str(HANDBOOK),), "json", str(out), force=True)
    assert run_report(forced) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["totals"]["roles"] == 3


def test_command_names_a_missing_file_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.md"
    assert run_report(ReportSettings((str(missing),), "text")) == 2
    captured = capsys.readouterr()
    assert str(missing) in captured.err and len(captured.err.strip().splitlines()) == 1
    assert "Other files:" in captured.out


def test_command_reports_a_bad_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / ".roledef.toml"
    config.write_text("nonsense = 1\n", encoding="utf-8")
    assert run_report(ReportSettings((str(tmp_path),), "text", config=str(config))) == 2
    assert "unknown key 'nonsense'" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_report_agrees_with_the_linter(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus)
    config = resolve_config({}, root=corpus)
    data = build_report(collect(["flowfuse"], config), config, ["flowfuse"])
    others = {Path(o["file"]).name for o in data["other_files"]}
    assert {"index.md", "engineering-levels.md"} <= others
    assert data["totals"]["roles"] + data["totals"]["other_files"] == data["totals"]["files"]
    assert data["totals"]["findings"]["total"] == len(
        collect_findings(run(["flowfuse"], config, keep_lines=True)).findings
    )
    owners = {o["key"] for o in data["owners"]}
    assert "hiring manager" in owners and "the hiring manager" not in owners


def test_each_owner_of_a_step_counts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "analyst.yaml").write_text(
        "schema_version: 2\nid: analyst\ntitle: Analyst\nresponsibilities: []\n"
        "skills: {required: [], nice_to_have: []}\nhiring_plan:\n"
        "  - {name: Final Interview, owners: [CEO, CTO, the CEO], duration_minutes: 60}\n"
        "  - {name: Pairing, owners: [], duration_minutes: 90}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    config = resolve_config({}, root=tmp_path)
    data = build_report(collect(["."], config), config, ["."])
    owners = {o["key"]: (o["steps"], o["minutes"]) for o in data["owners"]}
    # "the CEO" is the CEO again: one step, counted once for each person who runs it
    assert owners == {"ceo": (1, 60), "cto": (1, 60)}
    assert data["roles"][0]["missing_owner"] == 1
    assert (data["roles"][0]["owner_known"], data["roles"][0]["owner_exempt"]) == (1, 0)
