"""The ``gitlab`` format: a GitLab Code Quality report (a JSON list of issues).

GitLab shows these in merge requests. It needs a unique ``fingerprint`` per issue (it uses it
to tell new problems from old ones), a ``severity`` from its own scale and a repository
relative ``location.path``: a file named by its absolute path is written relative to the folder
roledef runs in (the repository's root in a CI job) when it lies under it.
"""

from __future__ import annotations

import os

from roledef.findings import ERROR
from roledef.lint.formats import Report
from roledef.lint.formats.common import dump_json, fingerprints, posix_path

#: roledef severity -> Code Quality severity (info, minor, major, critical, blocker).
SEVERITIES = {ERROR: "major"}
DEFAULT_SEVERITY = "minor"


def render(report: Report) -> str:
    """A JSON array of Code Quality issues, in the usual order of findings."""
    issues = [
        {
            "description": f"{finding.message} ({finding.code} {finding.rule})",
            "check_name": finding.code,
            "fingerprint": fingerprint,
            "severity": SEVERITIES.get(finding.severity, DEFAULT_SEVERITY),
            "location": {
                "path": relative_path(finding.path),
                "lines": {"begin": finding.line},
            },
        }
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    return dump_json(issues)


def relative_path(path: str) -> str:
    """``path`` relative to the current folder when it is an absolute path under it."""
    if os.path.isabs(path):
        try:
            here = os.getcwd()
            if os.path.commonpath([here, path]) == here:
                path = os.path.relpath(path, here)
        except (OSError, ValueError):  # no current folder, or another drive on Windows
            pass
    return posix_path(path)
