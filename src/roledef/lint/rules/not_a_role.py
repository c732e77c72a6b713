"""A file named on the command line is not a role file, so it is not checked.

Why: a handbook keeps other pages next to its job descriptions: an index of the open roles, a
level ladder across several roles, a page about the hiring process. Checked as roles they would
report a pile of missing sections that nobody should fix. roledef reads each file's content to
tell (a file name proves nothing: some handbooks name role files ``README.md``), and reports one
finding instead, with the reason: the page's shape ("an index page: 14 links and no sections of
a role", "a level ladder: levels across several roles", "a hiring-process page"), or that it has
neither the sections nor the wording of a role; a YAML file, that it has none of the keys of a
role (a CI workflow, say). Such a file found by walking a folder is skipped
without a finding. ``roledef lint --fix`` never edits it, ``roledef convert`` and
``roledef export`` refuse it, and ``roledef report`` lists it among the other files.

A role file that roledef takes for another page is a bug worth reporting; meanwhile, name its
sections the way a job description does (Responsibilities, Requirements, Skills) or give it a
title that names the role.

Failing::

    # Job Descriptions

    - [Data Engineer](data-engineer.md)
    - [Product Manager](product-manager.md)
    - [Site Reliability Engineer](site-reliability-engineer.md)

Passing::

    # Data Engineer

    ## Responsibilities

    * Pipelines: Build and run the event pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import Role

CODE = "RD005"
NAME = "not-a-role"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None

#: How every command words a file that is not a role file.
PREFIX = "not a role file: "


def message(reason: str) -> str:
    """The finding's message (and every command's wording) for a file that is not a role."""
    return f"{PREFIX}{reason}"


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Reported by the linter when it reads the file (it needs the text); no rule runs after."""
    return iter(())
