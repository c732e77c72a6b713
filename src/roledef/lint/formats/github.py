"""The ``github`` format: workflow commands that GitHub Actions turns into annotations.

One line per finding::

    ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RD201 rule-name::message

The runner reads ``%XX`` escapes back: in the message ``%``, CR and LF must be escaped; in a
property value also ``:`` and ``,``, which would otherwise end the value.
"""

from __future__ import annotations

from roledef.findings import ERROR, Finding
from roledef.lint.formats import Report
from roledef.lint.formats.common import clean, posix_path

_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def render(report: Report) -> str:
    """One workflow command per finding; nothing at all when there are none."""
    return "".join(command(finding) + "\n" for finding in report.findings)


def command(finding: Finding) -> str:
    """The ``::error`` or ``::warning`` line for one finding, without the newline."""
    kind = "error" if finding.severity == ERROR else "warning"
    props: list[tuple[str, object]] = [
        ("file", posix_path(finding.path)),
        ("line", finding.line),
        ("col", finding.column),
    ]
    if finding.end_line is not None:
        props.append(("endLine", finding.end_line))
    if finding.end_column is not None:
        props.append(("endColumn", finding.end_column))
    props.append(("title", f"{finding.code} {finding.rule}"))
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{kind} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message (other control characters become visible escapes)."""
    return clean(text.translate(_DATA_ESCAPES))


def escape_property(text: str) -> str:
    """Escape a command's property value (other control characters become visible escapes)."""
    return clean(text.translate(_PROPERTY_ESCAPES))
