"""The file cannot be read as text: missing, a folder, too large, or not UTF-8.

Why: a file the linter cannot read is a file nobody has checked. It is reported like any other
finding so that it shows up in CI annotations, and the run exits with code 2 whatever else it
found. The other files of the run are still checked. This rule cannot be switched off.

Failing: ``role.md`` saved as Latin-1 with an ``é`` in it, or larger than ``max-file-size``.

Passing: the same file saved as UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import Role

CODE = "RD002"
NAME = "unreadable-file"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Reported by the linter when reading fails; there is no role to look at."""
    return iter(())
