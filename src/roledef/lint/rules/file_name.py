"""The file name is not kebab-case with the ``.md`` extension (``.yaml``/``.yml`` for YAML).

Why: the file name is the page's address in the handbook and the role's id in every converted
file. ``Customer Succes Manager`` (spaces, no extension) is not served as a page at all, and
``account_executive.md`` next to ``account-executive.md`` is two addresses for one role.

Failing: ``Customer Succes Manager``, ``account_executive.md``, ``SRE.md``.

Passing: ``customer-success-manager.md``, ``account-executive.md``, ``sre.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import MARKDOWN, NO_SPAN, YAML, Role, SourceFormat
from roledef.read.frontmatter import file_stem
from roledef.text import Regex, slugify

CODE = "RD105"
NAME = "file-name"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None

_KEBAB_RE = Regex(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTENSIONS: dict[SourceFormat, tuple[str, ...]] = {MARKDOWN: (".md",), YAML: (".yaml", ".yml")}


def check(role: Role, options: Options) -> Iterator[Hit]:
    name = PurePath(role.source.path).name
    if not name or name.startswith("<") or name == "-":
        return  # text that did not come from a file (standard input without --stdin-filename)
    allowed = _EXTENSIONS.get(role.source.format, (".md",))
    ext = next((e for e in allowed if name.lower().endswith(e)), "")
    stem = name[: len(name) - len(ext)]
    if ext and name.endswith(ext) and _KEBAB_RE().match(stem):
        return
    if not ext and role.source.format == MARKDOWN:
        stem = file_stem(name)  # "readme.txt" becomes "readme.md", not "readme-txt.md"
    better = slugify(stem) + (ext or allowed[0])
    yield NO_SPAN, f"file name '{name}' is not kebab-case {allowed[0]}: rename it to '{better}'"
