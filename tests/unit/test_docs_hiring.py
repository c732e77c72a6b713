"""The example of docs/hiring.md is what roledef reads: its output is a real run's."""

from __future__ import annotations

import re

from roledef.read.markdown import parse_markdown
from tests.helpers import ROOT

DOC = ROOT / "docs" / "hiring.md"


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_the_example_reads_as_the_docs_say() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text[text.index("## An example") :]
    plan = _blocks(example, "markdown")[0]
    shown = _blocks(example, "console")[0].splitlines()
    expected = shown[3:]  # after the command's three lines
    role = parse_markdown(f"---\nnavTitle: Support Engineer\n---\n\n# Support Engineer\n\n{plan}")
    read = [
        f"{s.name} {list(s.owners)} {s.duration_minutes} {s.optional}" for s in role.hiring_plan
    ]
    assert read == expected
