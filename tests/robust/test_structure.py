"""Structure: odd, empty, broken, deeply nested and huge files all get a clear answer, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from roledef.read.limits import TimeLimitError, time_limit
from roledef.read.markdown import parse_markdown
from roledef.read.source import DEFAULT_MAX_BYTES
from roledef.write.structured import dump_role
from tests.helpers import ROOT
from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write

BODY = ROLE.split("---\n", 2)[2]

#: name -> (text, convert exit code, a word the message must hold when refused)
ODD: dict[str, tuple[str, int, str]] = {
    "empty": ("", 0, ""),
    "blank-lines": ("\n\n\n", 0, ""),
    "front-matter-only": ("---\nnavTitle: X\n---\n", 0, ""),
    "empty-front-matter": ("---\n---\n# T\n", 0, ""),
    "unclosed-front-matter": ("---\nnavTitle: X\n# T\n\n## Skills\n", 2, "not closed"),
    "invalid-yaml": ("---\nnavTitle: [X\n---\n" + BODY, 2, "not valid YAML"),
    "yaml-list": ("---\n- a\n- b\n---\n" + BODY, 2, "not a mapping"),
    "yaml-scalar": ("---\njust text\n---\n" + BODY, 2, "not a mapping"),
    "tab-indented-yaml": ("---\na:\n\tb: 1\n---\n" + BODY, 2, "not valid YAML"),
    "headings-only": ("# T\n## Skills\n### Nice to Have\n## Hiring Plan\n#######\n", 0, ""),
    "only-a-rule": ("---\n", 2, "not closed"),
    "hr-lines": ("---\n---\n---\n---\n", 0, ""),
    "html-only": ("<div>\n<!-- x -->\n</div>\n", 0, ""),
    "fences-unclosed": ("# T\n\n```\n## Skills\n* x\n", 0, ""),
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_files_get_a_clear_answer(tmp_path: Path, name: str) -> None:
    text, rc, word = ODD[name]
    path = write(tmp_path / "role.md", text)
    converted = run_cli("convert", str(path))
    assert_no_traceback(converted)
    assert converted.rc == rc, converted
    if rc:
        assert converted.err.startswith(f"roledef: {path}:"), converted.err
        assert word in converted.err and len(converted.err_lines) == 1
        assert converted.out == ""
    linted = run_cli("lint", str(path))
    assert_no_traceback(linted)
    assert linted.rc in (0, 1), linted
    if word:
        assert word in linted.out


NESTED = {
    "bullets": "- " * 10_000 + "x\n",
    "ordered": "1. " * 10_000 + "x\n",
    "quotes": "> " * 10_000 + "x\n",
    "quotes-tight": ">" * 10_000 + " x\n",
    "mixed": "> - 1. " * 3_000 + "x\n",
    "indented": "".join("  " * i + "- x\n" for i in range(400)),
    "brackets": "[" * 50_000 + "\n",
    "emphasis": "*a **b " * 10_000 + "\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NESTED))
def test_extreme_nesting_finishes_fast_without_recursion_errors(tmp_path: Path, name: str) -> None:
    text = "# T\n\n## Skills\n\n" + NESTED[name]
    start = time.perf_counter()
    role = parse_markdown(text, "nested.md")
    dump_role(role)
    assert time.perf_counter() - start < 10.0
    path = write(tmp_path / "nested.md", text)
    for args in (("convert", str(path)), ("lint", str(path))):
        result = run_cli(*args)
        assert_no_traceback(result)
        assert result.rc in (0, 1), result


def test_a_5mb_single_line_is_refused_by_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "long.md", "# T\n\n" + "word " * 1_000_000)
    for args in (("convert", str(path)), ("lint", str(path))):
        start = time.perf_counter()
        result = run_cli(*args)
        assert time.perf_counter() - start < 5.0
        assert result.rc == 2
        assert str(path) in result.err + result.out and "limit" in result.err + result.out


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    ["word " * 1_000_000, "x" * 5_000_000, "[a](" * 1_250_000],
    ids=["words", "one-word", "link-openers"],
)
def test_a_5mb_single_line_without_the_size_limit_finishes_or_is_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    monkeypatch.setenv("ROLEDEF_TIME_LIMIT", "5")
    path = write(tmp_path / "long.md", "# T\n\n## Skills\n\n* " + line + "\n")
    start = time.perf_counter()
    result = run_cli("convert", "--format", "json", "--max-file-size", "0", str(path))
    assert time.perf_counter() - start < 20.0
    assert_no_traceback(result)
    assert result.rc == 0 or "took more than" in result.err, result.err


@pytest.mark.slow
def test_the_size_limit_is_documented_configurable_and_named(tmp_path: Path) -> None:
    big = "# T\n\n## Skills\n\n" + "* a: b\n" * (DEFAULT_MAX_BYTES // 7 + 10)
    path = write(tmp_path / "big.md", big)
    refused = run_cli("convert", "--format", "json", str(path))
    assert refused.rc == 2
    assert (
        f"{path}: is {len(big):,} bytes, over the {DEFAULT_MAX_BYTES:,}-byte limit" in refused.err
    )
    assert "max-file-size" in refused.err
    allowed = run_cli("convert", "--format", "json", "--max-file-size", "0", str(path))
    assert allowed.rc == 0, allowed.err
    linted = run_cli("lint", str(path))
    assert linted.rc == 2 and "limit" in linted.out
    config = write(tmp_path / ".roledef.toml", "max-file-size = 0\n")
    assert run_cli("lint", "--config", str(config), str(path)).rc in (0, 1)
    small = write(tmp_path / "small.toml", "max-file-size = 100\n")
    assert run_cli("lint", "--config", str(small), str(write(tmp_path / "r.md", ROLE))).rc == 2
    assert "max-file-size" in (ROOT / "docs" / "robustness.md").read_text("utf-8")


def test_the_time_limit_gives_a_file_up() -> None:
    start = time.perf_counter()
    with pytest.raises(TimeLimitError) as caught, time_limit("slow.md", 0.2):
        while True:
            pass
    assert time.perf_counter() - start < 2.0
    assert str(caught.value).startswith("slow.md: took more than 0.2 s")


@pytest.mark.slow
def test_the_time_limit_is_disarmed_afterwards() -> None:
    with time_limit("fast.md", 0.2):
        pass
    time.sleep(0.4)  # an alarm left behind would fire here


@pytest.mark.slow
def test_a_file_over_the_time_limit_is_reported_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser that never finishes on one file (simulated: roledef is fast on every input we
    know of, which is the point) is given up; the other file is still done."""
    import roledef.read.markdown

    real = roledef.read.markdown.parse_markdown

    def hangs_on_slow(text: str, *args: object, **kwargs: object) -> object:
        while "SLOW" in text:
            time.sleep(0.01)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roledef.read.markdown, "parse_markdown", hangs_on_slow)
    monkeypatch.setenv("ROLEDEF_TIME_LIMIT", "0.3")
    slow = write(tmp_path / "slow.md", ROLE + "\nSLOW\n")
    fine = write(tmp_path / "fine.md", ROLE)
    out = tmp_path / "out"
    start = time.perf_counter()
    result = run_cli("convert", "--output-dir", str(out), str(slow), str(fine))
    assert result.rc == 2
    assert result.err_lines == [
        f"roledef: {slow}: took more than 0.3 s to process and was given up "
        "(a pathological file? ROLEDEF_TIME_LIMIT sets the limit)"
    ]
    assert (out / "fine.yaml").is_file() and not (out / "slow.yaml").exists()
    linted = run_cli("lint", str(slow), str(fine))
    assert linted.rc == 2 and f"{slow}:1:1" in linted.out and "took more than" in linted.out
    assert f"{fine}:" in linted.out or "2 files" in linted.out
    # and in --jobs worker processes, which arm their own limit
    parallel = run_cli("lint", "--jobs", "2", str(slow), str(fine))
    assert parallel.rc == 2 and "took more than" in parallel.out
    assert time.perf_counter() - start < 10.0
