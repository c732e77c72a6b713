"""The ``github`` format: workflow commands that GitHub Actions turns into annotations.

One line per finding, then the summary line of the ``text`` format, which the log shows as is::

    ::error file=PATH,line=L,col=C,endLine=L,endColumn=C2,title=RD201 rule-name::message
    ::warning file=PATH,line=L,endLine=L2,title=RD206 rule-name::message
    Found 1 error and 1 warning in 1 of 3 files.

Columns are sent only for a finding that starts and ends on one line: GitHub drops an
annotation that has ``col`` or ``endColumn`` and spans several lines, so a finding over
several lines is annotated on its lines alone.

The runner reads ``%XX`` escapes back: in the message ``%``, CR and LF must be escaped; in a
property value also ``:`` and ``,``, which would otherwise end the value.
"""

from __future__ import annotations

from roledef.findings import ERROR, Finding
from roledef.lint.formats import Report
from roledef.lint.formats.common import clean, posix_path
from roledef.lint.formats.text import summary_line

_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def render(report: Report) -> str:
    """One workflow command per finding, then the summary line (plain text in the log)."""
    lines = [command(finding) for finding in report.findings]
    return "".join(line + "\n" for line in [*lines, summary_line(report)])


def command(finding: Finding) -> str:
    """The ``::error`` or ``::warning`` line for one finding, without the newline."""
    kind = "error" if finding.severity == ERROR else "warning"
    # GitHub drops an annotation over several lines that names columns
    one_line = finding.end_line is None or finding.end_line == finding.line
    props: list[tuple[str, object]] = [("file", posix_path(finding.path)), ("line", finding.line)]
    if one_line:
        props.append(("col", finding.column))
    if finding.end_line is not None:
        props.append(("endLine", finding.end_line))
    if one_line and finding.end_column is not None:
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
