"""A section heading with nothing under it.

Why: an empty ``## Hiring Plan`` tells candidates and interviewers nothing, and it hides the gap
from ``missing-section``, which is satisfied by the heading alone. Fill the section in or remove
the heading. Known sections are empty when the model holds nothing for them; other sections when
no text follows their heading. (In a YAML role file an empty list is a missing section.)

Failing::

    ## Skills

    ## Hiring Plan

Passing::

    ## Skills

    * Kubernetes: Has run production clusters.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import Hit, Options
from roledef.lint.rules.missing_section import has_content
from roledef.model import MARKDOWN, Role
from roledef.read import vocab

CODE = "RD204"
NAME = "empty-section"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = (MARKDOWN,)
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    by_line = {h.span.line: h.text for h in role.source.headings}
    for kind, span in role.source.section_spans.items():
        if has_content(role, kind):
            continue
        name = by_line.get(span.line) or vocab.KIND_TITLES.get(kind, kind)
        yield span, f"section '{name}' is empty: fill it in or remove the heading"
    for section in role.sections:
        if section.level > 0 and not section.body.strip():
            yield section.span, f"section '{section.heading}' is empty: fill it in or remove it"
