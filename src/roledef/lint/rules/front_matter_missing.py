"""The markdown file has no front matter.

Why: the handbook site builds its navigation from the front matter (``navTitle``, ``navGroup``);
a role file without it does not appear in the menu, and tools cannot tell which group it belongs
to. The front matter is a YAML block between two ``---`` lines at the very top of the file.

Failing::

    # Site Reliability Engineer

Passing::

    ---
    navTitle: Site Reliability Engineer
    navGroup: Job Descriptions
    ---

    # Site Reliability Engineer
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import Hit, Options
from roledef.model import MARKDOWN, NO_SPAN, Role

CODE = "RD101"
NAME = "front-matter-missing"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = (MARKDOWN,)
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    src = role.source
    if src.front_matter_span is None and src.front_matter_error is None:
        lines = f"'---', 'navTitle: {role.title}', 'navGroup: Job Descriptions', '---'"
        yield NO_SPAN, f"no front matter: start the file with {lines}"
