"""What the parser records for the linter besides the model: comments, spans, headings."""

from __future__ import annotations

from roledef.read.markdown import parse_markdown

DOC = """# Role

<!-- roledef-disable-next-line RD206 -->
* Item: one

```markdown
<!-- roledef-disable-file -->
```

* Outer
  <!-- roledef-disable RD301 -->
  * inner
"""


def test_comments_come_from_html_blocks_only() -> None:
    role = parse_markdown(DOC, "role.md")
    assert role.source.comments == (
        (3, "roledef-disable-next-line RD206"),
        (11, "roledef-disable RD301"),
    )


def test_end_column_is_the_last_character() -> None:
    role = parse_markdown("# Role\n\n## Skills\n\n* Go: fluent\n", "role.md")
    span = role.skills.required[0].span
    assert (span.line, span.column, span.end_line, span.end_column) == (5, 1, 5, 12)
    assert "* Go: fluent"[span.end_column - 1] == "t"


def test_with_phrase_needs_a_role_to_be_an_owner() -> None:
    step = "- Initial Screening: Check alignment with the founding engineer role."
    text = f"# R\n\n## Hiring Plan\n\n{step}\n"
    assert parse_markdown(text, "r.md").hiring_plan[0].owners == ()


def test_a_title_from_a_file_name_leaves_out_its_text_extension() -> None:
    from roledef.read.markdown import parse_markdown

    assert parse_markdown("Just text.\n", "handbook/readme.txt").title == "Readme"
    assert parse_markdown("Just text.\n", "handbook/v2.0-engineer").title.startswith("V2.0")
