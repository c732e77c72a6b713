"""A suppression comment that names an unknown rule or is not a known directive.

Why: a typo in a suppression (``RD2O1``, ``roledef-disabel``) suppresses nothing, and the finding
it was meant for keeps failing the build for no visible reason. The directives are
``roledef-disable-next-line``, ``roledef-disable``, ``roledef-enable`` and
``roledef-disable-file``, each followed by rule codes or names (none: every rule).

Failing::

    <!-- roledef-disable-next-line RD999 -->
    ## Skils

Passing::

    <!-- roledef-disable-next-line unknown-section -->
    ## Skils
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import Role

CODE = "RD004"
NAME = "unknown-suppression"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Reported by the linter while it reads suppression comments (see roledef.lint.suppress)."""
    return iter(())
