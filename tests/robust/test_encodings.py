"""Encodings: every way a role file's bytes can arrive, read the same or refused clearly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from roledef.modeldict import role_to_dict
from roledef.read import MARKDOWN, load
from roledef.write.structured import dump_role
from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write

LF = ROLE


def _variants() -> dict[str, bytes]:
    return {
        "utf8": LF.encode(),
        "utf8-bom": codecs.BOM_UTF8 + LF.encode(),
        "crlf": LF.replace("\n", "\r\n").encode(),
        "cr": LF.replace("\n", "\r").encode(),
        "crlf-bom": codecs.BOM_UTF8 + LF.replace("\n", "\r\n").encode(),
        "utf16-le": codecs.BOM_UTF16_LE + LF.encode("utf-16-le"),
        "utf16-be": codecs.BOM_UTF16_BE + LF.encode("utf-16-be"),
        "utf16-crlf": codecs.BOM_UTF16_LE + LF.replace("\n", "\r\n").encode("utf-16-le"),
    }


@pytest.mark.parametrize("name", sorted(_variants()))
def test_same_model_and_same_line_numbers_as_lf(tmp_path: Path, name: str) -> None:
    (tmp_path / "lf").mkdir()
    (tmp_path / name).mkdir()
    reference = load(write(tmp_path / "lf" / "role.md", LF), fmt=MARKDOWN).role
    role = load(write(tmp_path / name / "role.md", _variants()[name]), fmt=MARKDOWN).role
    assert role == reference
    assert role.source.line_count == reference.source.line_count
    # positions included: every element sits on the same line and column as in the LF file
    assert role_to_dict(role, positions=True) == role_to_dict(reference, positions=True)
    assert role.source.front_matter_keys == reference.source.front_matter_keys
    assert [h.span for h in role.source.headings] == [h.span for h in reference.source.headings]
    assert dump_role(role) == dump_role(reference)


@pytest.mark.parametrize("name", ["crlf", "cr", "utf16-le"])
def test_lint_reports_the_same_lines_as_lf(tmp_path: Path, name: str) -> None:
    broken = LF.replace("## Skills", "## Skills:").replace("* Go: some", "* Linux: deep")
    variant = {
        "crlf": broken.replace("\n", "\r\n").encode(),
        "cr": broken.replace("\n", "\r").encode(),
        "utf16-le": codecs.BOM_UTF16_LE + broken.encode("utf-16-le"),
    }[name]
    (tmp_path / "lf").mkdir()
    (tmp_path / "other").mkdir()
    lf = run_cli("lint", "--output-format", "json", str(write(tmp_path / "lf" / "role.md", broken)))
    other_path = write(tmp_path / "other" / "role.md", variant)
    other = run_cli("lint", "--output-format", "json", str(other_path))
    assert lf.rc == other.rc, (lf, other)
    assert lf.out.replace("/lf/", "/X/") == other.out.replace("/other/", "/X/")
    assert '"line"' in lf.out


LATIN1 = "# Caf\xe9 Manager\n\n## Skills\n\n* Cr\xe8me: br\xfbl\xe9e\n".encode("latin-1")


@pytest.mark.parametrize(
    ("data", "line", "what"),
    [
        (LATIN1, 1, "not valid UTF-8"),
        (b"# Title\n\nfine\n\nbad \xff\xfe here\n", 5, "not valid UTF-8"),
        (b"# Title\n\n\x00\x01\x02binary", 3, "NUL"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", 1, "not valid UTF-16"),  # a lone surrogate
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, "NUL"),
    ],
    ids=["latin1", "invalid-utf8", "nul", "bad-utf16", "png"],
)
def test_undecodable_files_are_refused_naming_file_and_line(
    tmp_path: Path, data: bytes, line: int, what: str
) -> None:
    path = write(tmp_path / "role.md", data)
    for args in (("convert", str(path)), ("lint", str(path))):
        result = run_cli(*args)
        assert_no_traceback(result)
        assert result.rc == 2, result
        assert f"{path}:{line}" in result.err + result.out, result
        assert what in result.err + result.out
    # nothing guessed: the file itself is untouched
    assert path.read_bytes() == data


def test_latin1_is_not_guessed_into_text(tmp_path: Path) -> None:
    result = run_cli("convert", str(write(tmp_path / "role.md", LATIN1)))
    assert result.out == ""  # no document made from guessed text
    assert "save it as UTF-8" in result.err


def test_random_binary_is_refused(tmp_path: Path) -> None:
    import random

    data = random.Random(6).randbytes(4096)
    result = run_cli("convert", str(write(tmp_path / "blob.md", data)))
    assert_no_traceback(result)
    assert result.rc == 2
    assert str(tmp_path / "blob.md") in result.err
