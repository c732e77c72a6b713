"""Reading role files: a source (a path, or a text with the path it stands for) in, a role out.

:func:`load` is the one way in. Markdown is decoded (:mod:`~roledef.read.source`, within the limits
of :mod:`~roledef.read.limits`), split into blocks by a CommonMark parser
(:mod:`~roledef.read.blocks`) and read into the model by :mod:`~roledef.read.markdown`: the front
matter and title (:mod:`~roledef.read.frontmatter`), then each block in turn, a heading or label
deciding the section (:mod:`~roledef.read.sections`, :mod:`~roledef.read.labels`), paragraphs and
lists going to that section's collector (:mod:`~roledef.read.body`, :mod:`~roledef.read.collect`,
the reader's state in :mod:`~roledef.read.state`), hiring steps read by :mod:`~roledef.read.hiring`
with the phrases of :mod:`~roledef.read.vocab`. YAML and JSON role files are read by
:mod:`~roledef.read.yamlio` and :mod:`~roledef.read.structured`, and checked against the packaged
JSON Schema (:mod:`~roledef.read.schema`, with :mod:`~roledef.read.fastschema` for a quick yes).
Every element of the model carries the span it was read from; nothing past this package sees
tokens or YAML nodes.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from roledef.model import MARKDOWN, YAML, Role, SourceFormat, Span
from roledef.record import Record

if TYPE_CHECKING:
    from roledef.config import Config

__all__ = [
    "MARKDOWN",
    "YAML",
    "YAML_SUFFIXES",
    "Loaded",
    "NotARole",
    "Source",
    "SourceFormat",
    "format_of",
    "load",
]

#: File name endings read as YAML; everything else is read as markdown.
YAML_SUFFIXES = (".yaml", ".yml")


def format_of(path: str) -> SourceFormat:
    """``yaml`` for a ``.yaml`` or ``.yml`` file, else ``markdown``."""
    return YAML if path.lower().endswith(YAML_SUFFIXES) else MARKDOWN


class Source(Record):
    """What to read: a file, or a text with the path it stands for (standard input, an
    editor's unsaved buffer). The path decides the format, the config and the messages."""

    __slots__ = ("path", "text")

    def __init__(self, path: str, text: str | None = None) -> None:
        self.path: Final = path
        self.text: Final = text

    def read(self, max_bytes: int) -> str:
        """The text: as given, or read and decoded from the file.

        Raises :class:`~roledef.read.source.SourceError` when the file cannot be read.
        """
        if self.text is not None:
            return self.text
        from roledef.read.source import read_source

        return read_source(self.path, max_bytes).text


class NotARole(Exception):
    """A YAML file found by walking a folder that is not a role file: it is skipped."""


class Loaded(Record):
    """A source, read: its role (None when it is not a mapping or not YAML), its text and the
    schema findings of a YAML role (markdown is checked against the schema by a rule)."""

    __slots__ = ("format", "path", "role", "schema_findings", "text")

    def __init__(
        self,
        path: str,
        format: SourceFormat,
        text: str,
        role: Role | None,
        schema_findings: tuple[tuple[Span, str], ...] = (),
    ) -> None:
        self.path: Final = path
        self.format: Final = format
        self.text: Final = text
        self.role: Final = role
        self.schema_findings: Final = schema_findings


def load(
    source: Source | str | os.PathLike[str],
    config: Config | None = None,
    *,
    fmt: SourceFormat | None = None,
    walked: bool = False,
    max_bytes: int | None = None,
) -> Loaded:
    """Read one role file, markdown or YAML: the one way in.

    ``config`` gives the heading aliases and the size limit (``max_bytes`` overrides it).
    ``fmt`` forces a format (default: by the file name, :func:`format_of`). ``walked``: the
    file was found in a folder rather than named; a YAML file that has none of the keys of a
    role then raises :class:`NotARole`. Raises :class:`~roledef.read.source.SourceError` when
    the file cannot be read.
    """
    if not isinstance(source, Source):
        source = Source(os.fspath(source))
    if max_bytes is None:
        from roledef.read.source import DEFAULT_MAX_BYTES

        max_bytes = config.max_file_size if config is not None else DEFAULT_MAX_BYTES
    text = source.read(max_bytes)
    path = source.path
    fmt = fmt or format_of(path)
    if fmt == YAML:
        from roledef.read.structured import load_yaml_role

        role, hits = load_yaml_role(text, path, walked=walked)
        return Loaded(path, fmt, text, role, tuple(hits))
    from roledef.read.markdown import parse_markdown

    aliases = config.aliases if config is not None else None
    return Loaded(path, fmt, text, parse_markdown(text, path, aliases=aliases))
