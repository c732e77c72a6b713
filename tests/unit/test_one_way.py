"""One way in, one way through, one way out: every command reads a role with ``read.load``,
checks files with ``lint.engine.run`` (each file read once, with or without the cache), and
writes ``roledef lint``'s output through one ``Output`` protocol with one exit-code policy."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.config import resolve_config
from roledef.exitcodes import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, exit_code
from roledef.lint.cache import LintCache
from roledef.lint.engine import run
from roledef.lint.formats import REPORTERS, render_report
from roledef.lint.result import collect
from roledef.read import MARKDOWN, YAML, NotARole, Source, format_of, load
from roledef.read import source as read_source_module
from tests.helpers import EXAMPLES


def test_load_reads_markdown_and_yaml_alike() -> None:
    md = load(EXAMPLES / "site-reliability-engineer.md")
    yaml = load(str(EXAMPLES / "site-reliability-engineer.yaml"))
    assert (md.format, yaml.format) == (MARKDOWN, YAML)
    assert md.role is not None and yaml.role is not None
    assert md.role.title == yaml.role.title == "Site Reliability Engineer"
    assert md.schema_findings == () and yaml.schema_findings == ()
    assert md.text == (EXAMPLES / "site-reliability-engineer.md").read_text(encoding="utf-8")


def test_a_text_goes_the_way_its_file_would() -> None:
    path = EXAMPLES / "defective-role.md"
    text = path.read_text(encoding="utf-8")
    from_file = load(path).role
    from_text = load(Source(str(path), text)).role
    assert from_file == from_text
    buffer = text.replace("Data Analyst", "Support Analyst", 1)  # an unsaved edit
    assert load(Source(str(path), buffer)).role != from_file


def test_the_path_decides_the_format_unless_told() -> None:
    assert [format_of(p) for p in ("a.md", "a.YAML", "a.yml", "README", "a.json")] == [
        MARKDOWN, YAML, YAML, MARKDOWN, MARKDOWN
    ]  # fmt: skip
    loaded = load(Source("role.yaml", "title: [unclosed\n"))
    assert loaded.role is None and "not valid YAML" in loaded.schema_findings[0][1]
    assert load(Source("role.yaml", "# Title\n"), fmt=MARKDOWN).role is not None
    with pytest.raises(NotARole):
        load(Source("ci.yaml", "on: push\n"), walked=True)


def test_run_checks_texts_and_files_together_in_path_order(tmp_path: Path) -> None:
    text = (EXAMPLES / "defective-role.md").read_text(encoding="utf-8")
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    checks = list(run([str(tmp_path), Source(str(tmp_path / "a.md"), text)], resolve_config({})))
    assert [Path(c.path).name for c in checks] == ["a.md", "b.md"]
    # the same role twice: the cross-file rule judges the later one against the earlier
    assert [f.code for f in checks[1].findings if f.code == "RD401"] == ["RD401"]
    assert not [f for f in checks[0].findings if f.code == "RD401"]


@pytest.mark.parametrize("cached", [False, True])
def test_each_file_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    for i in range(5):
        (tmp_path / f"role-{i}.md").write_bytes((EXAMPLES / "defective-role.md").read_bytes())
    config = resolve_config({})
    cache = LintCache.open(str(tmp_path / ".cache"), config) if cached else None
    reads: Counter[str] = Counter()
    real = read_source_module.read_source

    def counting(path: str, *args: object, **kwargs: object) -> object:
        reads[os.path.basename(str(path))] += 1
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(read_source_module, "read_source", counting)
    # without the cache: once; with it, the first run misses every file, the second hits all
    for _ in range(2 if cached else 1):
        reads.clear()
        result = collect(run([str(tmp_path)], config, cache=cache, keep_lines=True))
        assert len(result.files) == 5 and all(result.lines.values())
        assert reads == {f"role-{i}.md": 1 for i in range(5)}
    if cache is not None:
        cache.close()


def test_every_format_is_written_through_one_protocol() -> None:
    result = collect(run([str(EXAMPLES)], resolve_config({})))
    from roledef.lint.rules import rules_info

    rules = rules_info()
    for name, reporter in REPORTERS.items():
        out = reporter.output(rules)
        fed = out.start()
        by_file: dict[str, list[object]] = {}
        for finding in result.findings:
            by_file.setdefault(finding.path, []).append(finding)
        for path in sorted({*result.files, *by_file}):
            fed += out.file(path, by_file.get(path, []))  # type: ignore[arg-type]
        fed += out.finish()
        whole = render_report(
            name, result.findings, files_checked=len(result.files), rules=rules, files=result.files
        )
        assert fed == whole, name


@pytest.mark.parametrize(
    ("counts", "flags", "expected"),
    [
        ((0, 0), {}, EXIT_OK),
        ((0, 2), {}, EXIT_OK),
        ((0, 2), {"strict": True}, EXIT_FINDINGS),
        ((1, 0), {}, EXIT_FINDINGS),
        ((1, 0), {"exit_zero": True}, EXIT_OK),
        ((1, 0), {"unreadable": True, "exit_zero": True}, EXIT_USAGE),
        ((0, 0), {"unreadable": True, "internal": True}, EXIT_INTERNAL),
    ],
)
def test_one_exit_code_policy(
    counts: tuple[int, int], flags: dict[str, bool], expected: int
) -> None:
    assert exit_code(*counts, **flags) == expected


def test_streamed_text_equals_the_text_written_to_a_file(tmp_path: Path) -> None:
    """The command's streamed text equals the document the format renders at once."""
    runner = CliRunner()
    streamed = runner.invoke(cli, ["lint", str(EXAMPLES)], standalone_mode=False)
    out = tmp_path / "report.txt"
    args = ["lint", "--output-file", str(out), str(EXAMPLES)]
    whole = runner.invoke(cli, args, standalone_mode=False)
    assert streamed.return_value == whole.return_value == EXIT_FINDINGS
    assert streamed.stdout == out.read_text(encoding="utf-8")
