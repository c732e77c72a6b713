"""RD002 unreadable-file, case by case: files on disk, as bytes, and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD002/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, lint_folder

CODE = "RD002"

CASES = [
    pytest.param(
        (HEAD + "Café\n").encode("latin-1"),
        {},
        # the byte's own column: "Caf" before it
        [("RD002", 8, 4, "the file is not valid UTF-8 (byte 0xe9 at offset 80); save it as UTF-8")],
        id="latin-1",
    ),
    pytest.param(
        HEAD.encode() + b"\x00\n",
        {},
        [("RD002", 8, 1, "the file contains NUL bytes: not a text file")],
        id="nul-byte",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00",
        {},
        [("RD002", 3, 1, "the file contains NUL bytes: not a text file")],
        id="png",
    ),
    pytest.param(
        ROLE.encode(),
        {"max_file_size": 100},
        [("RD002", 1, 1, "the file is 435 bytes, over the 100-byte limit (raise max-file-size)")],
        id="over-the-size-limit",
    ),
    pytest.param(ROLE.encode(), {}, [], id="utf-8"),
    pytest.param((HEAD + "Café\n").encode(), {}, [], id="utf-8-with-an-accent"),
    pytest.param(b"\xef\xbb\xbf" + HEAD.encode(), {}, [], id="utf-8-with-a-bom"),
    pytest.param(HEAD.encode("utf-16"), {}, [], id="utf-16-with-a-bom"),
]


@pytest.mark.parametrize(("data", "options", "expected"), CASES)
def test_cases(
    tmp_path: Path, data: bytes, options: dict[str, Any], expected: list[Expected]
) -> None:
    findings = lint_folder(tmp_path, {"data-engineer.md": data}, select=[CODE], **options)
    assert_findings(findings, expected)


def test_cannot_be_switched_off(tmp_path: Path) -> None:
    data = {"data-engineer.md": b"\xff\xfe\x00"}
    findings = lint_folder(tmp_path, data, select=["RD201"], ignore=[CODE])
    assert [f.code for f in findings] == [CODE]
