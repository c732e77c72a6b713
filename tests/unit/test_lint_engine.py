"""The engine over many files: discovery, parallel runs, unreadable files, the real corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledef.config import resolve_config
from roledef.lint.discover import discover, matches
from roledef.lint.engine import run
from roledef.lint.result import collect
from roledef.read import Source
from tests.helpers import ROOT, corpus_files

ROLE = (ROOT / "examples" / "defective-role.md").read_text(encoding="utf-8")


def test_discover_walks_role_files_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.md", "a.yaml", "c.yml", "notes.txt", ".hidden/x.md", "sub/d.md", "README"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")
    found = [os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)])]
    assert found == ["a.yaml", "b.md", "c.yml", os.path.join("sub", "d.md")]
    # a file named explicitly is linted whatever its name, and only once
    named = discover([str(tmp_path / "README"), str(tmp_path / "README")])
    assert [Path(p).name for p in named] == ["README"]


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("jobs/index.md", "index.md", True),
        ("jobs/drafts/cto.md", "drafts", True),
        ("jobs/drafts/cto.md", "jobs/drafts", True),
        ("jobs/drafts/cto.md", "jobs/*.md", True),
        ("jobs/cto.md", "drafts", False),
        ("jobs/cto.md", "other/*.md", False),
    ],
)
def test_exclude_patterns(path: str, pattern: str, expected: bool) -> None:
    assert matches(path, [pattern]) is expected


def test_unreadable_file_is_reported_and_the_rest_still_linted(tmp_path: Path) -> None:
    good = tmp_path / "data-analyst.md"
    good.write_text(ROLE, encoding="utf-8")
    bad = tmp_path / "cafe-manager.md"
    bad.write_bytes(b"# Caf\xe9 Manager\n")
    result = collect(
        run(
            [str(bad), str(tmp_path / "missing.md"), str(good)], resolve_config({}), keep_lines=True
        )
    )
    unreadable = [(Path(f.path).name, f.code) for f in result.findings if f.code == "RD002"]
    assert unreadable == [("cafe-manager.md", "RD002"), ("missing.md", "RD002")]
    assert any(Path(f.path).name == "data-analyst.md" for f in result.findings)
    assert len(result.unreadable) == 2


@pytest.mark.slow
def test_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "data-analyst.md").write_text(ROLE, encoding="utf-8")
    (tmp_path / "cafe-manager.md").write_bytes(b"# Caf\xe9 Manager\n")
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--output-format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "cafe-manager.md" in run.stderr
    assert "RD104" in run.stdout  # the readable file was still checked
    assert "Traceback" not in run.stderr


def _as_dicts(paths: list[str], jobs: int) -> list[dict[str, object]]:
    return [
        f.to_dict()
        for f in collect(run(paths, resolve_config({}), jobs=jobs, keep_lines=True)).findings
    ]


@pytest.mark.slow
def test_jobs_give_the_same_findings(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"role-{i}.md").write_text(ROLE.replace("Data Analyst", f"Analyst {i}"))
    (tmp_path / "role-copy.md").write_text(ROLE.replace("Data Analyst", "Analyst 0"))
    serial = _as_dicts([str(tmp_path)], jobs=1)
    assert any(f["code"] == "RD401" for f in serial)  # the cross-file rule ran too
    assert _as_dicts([str(tmp_path)], jobs=3) == serial
    assert _as_dicts([str(tmp_path)], jobs=0) == serial


@pytest.mark.slow
@pytest.mark.corpus
def test_jobs_give_the_same_findings_on_the_corpus(corpus: Path) -> None:
    paths = [str(corpus / "flowfuse"), str(corpus / "flowfuse-history")]
    serial = _as_dicts(paths, jobs=1)
    assert len(serial) > 100
    assert _as_dicts(paths, jobs=4) == serial


@pytest.mark.slow
@pytest.mark.corpus
def test_jobs_output_is_identical_from_the_command(corpus: Path) -> None:
    def run(jobs: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "roledef", "lint", "-j", jobs, str(corpus / "flowfuse")],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )

    serial, parallel = run("1"), run("auto")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout


@pytest.mark.slow
@pytest.mark.corpus
def test_whole_flowfuse_folder(corpus: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", str(corpus / "flowfuse")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 1
    assert run.stderr == ""
    assert "engineering-manager.md:2:1: RD104" in run.stdout


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_file_lints_without_error(path: Path) -> None:
    result = collect(run([str(path)], resolve_config({}), keep_lines=True))
    assert result.files == (str(path),)
    assert result.unreadable == ()
    for finding in result.findings:
        assert 1 <= finding.line <= path.read_text(encoding="utf-8").count("\n") + 1
        assert finding.column >= 1


_PIECES = [
    "---\n", "navTitle: Data Analyst\n", "navTitle: [\n", "# Data Analyst\n", "## Skils\n",
    "## Hiring Plan:\n", "1. Offer (0m): x\n", "1. CTO Interview (600m)\n", "* SQL\n",
    "<!-- roledef-disable RD201 -->\n", "<!-- roledef-enable RD201 -->\n",
    "<!-- roledef-disable-next-line -->\n", "<!-- roledef-disable-file nope -->\n",
    "### Week 1-4\n", "## 90-Day Plan\n", "## Skills  \n", "## Responsibilities\n", "\n",
    "## \n", "## Job Description\n", "text\n", "```\n", "> quote\n", "\ufeff", "\r\n",
]  # fmt: skip


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_PIECES), max_size=20), st.text(max_size=20))
def test_lint_never_raises_and_positions_are_in_the_file(parts: list[str], tail: str) -> None:
    # line endings as roledef.read.source.decode leaves them for the engine
    text = ("".join(parts) + tail).replace("\r\n", "\n").replace("\r", "\n")
    config = resolve_config({"select": ["ALL"]})
    sources = [Source("data-analyst.md", text), Source("b/x.md", text)]
    lines = text.count("\n") + 1
    for finding in collect(run(sources, config)).findings:
        assert 1 <= finding.line <= lines, finding
        assert finding.column >= 1, finding
