"""``roledef new``: a template that lints with only placeholder findings, and clean once filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roledef.commands.new import NewSettings, run_new
from roledef.config import resolve_config
from roledef.lint.check import check_text
from roledef.read.markdown import parse_markdown
from roledef.write.render import render_markdown
from roledef.write.template import new_markdown, new_role

TITLE = "Site Reliability Engineer"
PLACEHOLDER_RE = re.compile(r"TODO\(roledef\)[^.\n]*")

#: What a contributor writes in place of each placeholder, in the template's order.
FILLED = [
    "The Site Reliability Engineer keeps the hosted platform fast, available and cheap to run",
    "Head of Engineering",
    "Availability: Keep the platform within its error budget",
    "Incident response: Lead the on-call rotation and write blameless reviews",
    "Capacity: Forecast load and right-size the clusters",
    "Building product features",
    "Linux: Has run production systems on Linux",
    "Kubernetes: Has operated clusters under real load",
    "Observability: Builds dashboards and alerts people trust",
    "Terraform: Has written infrastructure as code",
    "Learn the platform",
    "Shadow the on-call rotation and meet every engineering team",
    "Own the pipeline",
    "Own the deployment pipeline and its alerts",
    "Reduce toil",
    "Automate the three most frequent manual tasks",
    "Debug a broken service together and discuss the trade-offs",
    "A conversation about how the candidate works with the team",
]


def lint(text: str, path: str = "site-reliability-engineer.md") -> list[str]:
    result = check_text(text, path, resolve_config({}))
    return [f"{f.line}: {f.code} {f.message}" for f in result.findings]


def fill(text: str) -> str:
    answers = iter(FILLED)
    filled = PLACEHOLDER_RE.sub(lambda m: next(answers), text)
    assert next(answers, None) is None, "every answer fills a placeholder"
    return filled


def test_template_lints_with_placeholder_findings_only() -> None:
    text = new_markdown(TITLE)
    findings = lint(text)
    assert findings, "the template's blanks must be reported"
    assert all(" RD207 " in f for f in findings), findings
    # every line that holds a placeholder is reported (the overview: once, at its heading)
    marked = {n for n, line in enumerate(text.split("\n"), 1) if "TODO(roledef)" in line}
    reported = {int(f.split(":")[0]) for f in findings}
    assert reported <= marked | {text.split("\n").index("## Job Description") + 1}
    assert len(reported) == len(marked) - 1


def test_filled_template_lints_clean() -> None:
    text = fill(new_markdown(TITLE))
    assert "TODO" not in text
    assert lint(text) == []
    role = parse_markdown(text, "site-reliability-engineer.md")
    assert role.reports_to == "Head of Engineering"
    assert role.responsibilities[0].name == "Availability"
    assert [p.title for p in role.onboarding] == [
        "Learn the platform",
        "Own the pipeline",
        "Reduce toil",
    ]


def test_template_is_in_the_canonical_form() -> None:
    text = new_markdown(TITLE)
    assert render_markdown(parse_markdown(text)) == text
    assert text.startswith("---\nnavTitle: Site Reliability Engineer\nnavGroup: Job Descriptions\n")


def test_yaml_template_lints_with_placeholder_findings_only() -> None:
    from roledef.write.structured import dump_role

    findings = lint(dump_role(new_role(TITLE)), "site-reliability-engineer.yaml")
    assert findings and all(" RD207 " in f for f in findings), findings


# --- the command -----------------------------------------------------------------------------
def test_new_writes_the_file_named_after_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_new(NewSettings(TITLE)) == 0
    assert (tmp_path / "site-reliability-engineer.md").read_text(encoding="utf-8") == new_markdown(
        TITLE
    )


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sre.md"
    target.write_text("my draft\n", encoding="utf-8")
    assert run_new(NewSettings(TITLE, str(target))) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my draft\n"
    assert run_new(NewSettings(TITLE, str(target), force=True)) == 0
    assert target.read_text(encoding="utf-8") == new_markdown(TITLE)


def test_new_to_stdout_with_another_nav_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(NewSettings(TITLE, "-", nav_group="Engineering")) == 0
    assert "\nnavGroup: Engineering\n" in capsys.readouterr().out


def test_new_writes_yaml_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "sre.yaml"
    assert run_new(NewSettings(TITLE, str(target))) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "title: Site Reliability Engineer\n" in text


def test_new_refuses_an_empty_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(NewSettings("   ", "-")) == 2
    assert "title is empty" in capsys.readouterr().err


def test_new_takes_the_nav_group_from_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".roledef.toml").write_text('default-nav-group = "Engineering"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_new(NewSettings(TITLE, "-")) == 0
    assert "\nnavGroup: Engineering\n" in capsys.readouterr().out
