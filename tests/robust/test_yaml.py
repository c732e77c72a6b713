"""YAML from strangers: tags never construct anything, alias bombs are refused fast, duplicate
keys are reported with their line, in front matter and in structured role files alike."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from roledef.read.markdown import parse_markdown
from roledef.read.yamlio import YamlError, load_yaml
from roledef.write.structured import dump_role
from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write


def _evil_tags(marker: Path) -> list[str]:
    """YAML that would create ``marker`` (or run code) if any tag were constructed."""
    cmd = f"touch {marker}"
    return [
        f"a: !!python/object/apply:os.system ['{cmd}']",
        f"a: !!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
        f"a: !!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "a: !!python/name:os.system",
        "a: !!python/module:os",
        f"a: !!python/object:pathlib.Path {{_raw_paths: ['{marker}']}}",
        f"!!python/object/apply:os.system ['{cmd}']",
        "a: !<tag:yaml.org,2002:python/object/apply:os.system> ['true']",
        "a: !custom value",
        "a: !!binary aGVsbG8=",
        "a: !!set {x, y}",
    ]


def test_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    for doc in _evil_tags(marker):
        with pytest.raises(YamlError) as caught:
            load_yaml(doc)
        assert "not allowed" in caught.value.message, doc
    assert not marker.exists()


def test_tags_in_front_matter_are_reported_by_convert_and_lint(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    for i, doc in enumerate(_evil_tags(marker)):
        if doc.startswith("!!"):
            continue  # not a mapping: its own message, checked below
        path = write(tmp_path / f"r{i}.md", f"---\nnavTitle: X\n{doc}\n---\n# X\n")
        converted = run_cli("convert", str(path))
        assert converted.rc == 2, (doc, converted)
        assert f"{path}:3:" in converted.err and "not allowed" in converted.err, converted.err
        assert converted.out == ""
        linted = run_cli("lint", str(path))
        assert_no_traceback(linted)
        assert f"{path}:3" in linted.out, linted.out
    assert not marker.exists()


def test_tags_in_a_structured_role_file_are_refused(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    path = write(
        tmp_path / "role.yaml",
        f"title: X\nid: x\nfront_matter: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    rendered = run_cli("render", str(path))
    assert rendered.rc == 2, rendered
    assert "not allowed" in rendered.err and str(path) in rendered.err
    linted = run_cli("lint", str(path))
    assert_no_traceback(linted)
    assert linted.rc in (1, 2) and str(path) in linted.out + linted.err
    assert not marker.exists()


def _bomb(levels: int, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * width)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("levels", [4, 6, 9, 12])
def test_alias_bombs_are_refused_in_bounded_time_and_memory(levels: int) -> None:
    text = _bomb(levels)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(YamlError) as caught:
            load_yaml(text)
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "alias" in caught.value.message
    assert took < 2.0
    assert peak < 50 * 1024 * 1024


def test_small_aliases_are_fine() -> None:
    data, _ = load_yaml("base: &b {x: 1}\none: *b\ntwo: *b\n")
    assert data == {"base": {"x": 1}, "one": {"x": 1}, "two": {"x": 1}}


def test_a_bomb_in_front_matter_is_bounded_through_parse_validate_and_dump() -> None:
    text = "---\n" + _bomb(9) + "---\n" + ROLE.split("---\n", 2)[2]
    start = time.perf_counter()
    role = parse_markdown(text, "bomb.md")
    dump_role(role)  # the model holds no expansion to dump
    dump_role(role, "json", positions=True)
    assert time.perf_counter() - start < 3.0
    assert role.source.front_matter_error and "alias" in role.source.front_matter_error
    assert role.front_matter == {}


def test_a_bomb_under_the_budget_still_dumps_quickly() -> None:
    """The largest expansion that passes the budget stays cheap to validate and dump."""
    text = "---\n" + _bomb(2, width=20) + "---\n# T\n"
    start = time.perf_counter()
    role = parse_markdown(text, "small-bomb.md")
    dump_role(role)
    assert time.perf_counter() - start < 3.0


def test_bomb_files_via_the_cli(tmp_path: Path) -> None:
    md = write(tmp_path / "bomb.md", "---\n" + _bomb(10) + "---\n# T\n")
    yml = write(
        tmp_path / "bomb.yaml",
        "title: T\nid: t\nfront_matter:\n"
        + "".join("  " + line + "\n" for line in _bomb(10).splitlines()),
    )
    start = time.perf_counter()
    for args in (("convert", str(md)), ("lint", str(md), str(yml)), ("render", str(yml))):
        result = run_cli(*args)
        assert_no_traceback(result)
        assert result.rc == 2 or "alias" in result.out, (args, result)
        assert "alias" in result.err + result.out
    assert time.perf_counter() - start < 10.0


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\nnavTitle: A\nnavTitle: B\n---\n# T\n", 3),
        ("---\na: 1\nb:\n  c: 1\n  c: 2\n---\n# T\n", 5),
    ],
)
def test_duplicate_keys_in_front_matter_are_reported_with_their_line(
    tmp_path: Path, text: str, line: int
) -> None:
    path = write(tmp_path / "dup.md", text)
    converted = run_cli("convert", str(path))
    assert converted.rc == 2
    assert f"{path}:{line}:" in converted.err and "duplicate key" in converted.err
    linted = run_cli("lint", str(path))
    assert f"{path}:{line}:" in linted.out and "duplicate key" in linted.out, linted.out


def test_duplicate_keys_in_a_structured_role_file(tmp_path: Path) -> None:
    path = write(tmp_path / "dup.yaml", "title: A\nid: a\ntitle: B\n")
    rendered = run_cli("render", str(path))
    assert rendered.rc == 2
    assert f"{path}:3" in rendered.err and "duplicate key" in rendered.err
    linted = run_cli("lint", str(path))
    assert_no_traceback(linted)
    assert f"{path}:3" in linted.out and "duplicate key" in linted.out, linted.out


@pytest.mark.slow
@pytest.mark.parametrize(
    "doc",
    [
        "a: [" * 5000,
        "a: {" * 5000,
        "- " * 5000 + "x",
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 400)),
    ],
    ids=["flow-seq", "flow-map", "block-seq", "block-map"],
)
def test_deep_yaml_is_refused_not_a_recursion_crash(doc: str) -> None:
    start = time.perf_counter()
    with pytest.raises(YamlError):
        load_yaml(doc)
    assert time.perf_counter() - start < 5.0


def test_long_lines_with_runs_of_spaces_read_back() -> None:
    """ruamel.yaml folded lines over 4,096 characters inside a run of spaces, losing them."""
    from roledef.modeldict import role_to_dict

    role = parse_markdown("# T\n\n" + "1.   |x|" * 2000 + "\n\n## Skills\n\n* a  b " * 3, "x.md")
    assert load_yaml(dump_role(role))[0] == role_to_dict(role)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_non_finite_numbers_stay_valid_json(value: str) -> None:
    import json

    role = parse_markdown(f"---\nnavTitle: X\nscore: {value}\n---\n# X\n", "x.md")
    assert json.loads(dump_role(role, "json"))["front_matter"]["score"] == value


@pytest.mark.parametrize(
    ("doc", "line", "tag"),
    [
        ("!!set ", 1, "!!set"),
        ("a: !!set\n", 1, "!!set"),
        ("a: !!omap ", 1, "!!omap"),
        ("x: 1\ny: !!int x", 2, "!!int"),
        ("a: !!float x", 1, "!!float"),
        ("a: !!bool x", 1, "!!bool"),
        ("- x\n- !!set", 2, "!!set"),
    ],
)
def test_tagged_values_the_reader_fails_on_are_refused_with_their_line(
    doc: str, line: int, tag: str, tmp_path: Path
) -> None:
    """The YAML reader raises on these instead of reporting them: still a finding, not a crash."""
    with pytest.raises(YamlError) as caught:
        load_yaml(doc, line_offset=1)
    assert (caught.value.line, caught.value.message) == (line + 1, f"YAML tag {tag} is not allowed")
    front = "" if doc.startswith(("!!", "-")) else "navTitle: X\n"
    path = write(tmp_path / "role.md", f"---\n{front}{doc}\n---\n# X\n")
    linted = run_cli("lint", str(path))
    assert_no_traceback(linted)
    assert linted.rc == 1 and "internal error" not in linted.out + linted.err, linted
    assert "not allowed" in linted.out, linted.out
