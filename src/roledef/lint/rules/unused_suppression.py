"""A suppression comment that suppresses nothing.

Why: a ``roledef-disable`` comment that no longer matches a finding hides nothing today but
would silently hide the next real problem on that line. Remove it once the problem is fixed.
Suppressions for rules that are not selected in the current run are not reported.

Failing::

    <!-- roledef-disable-next-line RD201 -->
    ## Skills

Passing::

    ## Skills
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import Role

CODE = "RD003"
NAME = "unused-suppression"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Reported by the linter after suppressions are applied (see roledef.lint.suppress)."""
    return iter(())
