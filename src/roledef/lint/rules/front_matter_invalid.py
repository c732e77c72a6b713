"""The front matter is not closed, not valid YAML, or not a mapping of keys to values.

Why: an unreadable front matter is dropped whole, so the page loses its navigation title and
group, usually without anyone noticing on the rendered site. The message gives the YAML parser's
reason at the line where it stopped.

Failing::

    ---
    navTitle: Engineer: Platform
    navGroup: Job Descriptions
    ---

Passing::

    ---
    navTitle: "Engineer: Platform"
    navGroup: Job Descriptions
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import Hit, Options
from roledef.model import MARKDOWN, NO_SPAN, Role

CODE = "RD102"
NAME = "front-matter-invalid"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = (MARKDOWN,)
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    src = role.source
    if src.front_matter_error:
        yield src.front_matter_span or NO_SPAN, src.front_matter_error
