"""Reading role files: a source (a path, or a text with the path it stands for) in, a role out.

Markdown is split into blocks by a CommonMark parser (:mod:`~roledef.read.blocks`) and read into
the model by :mod:`~roledef.read.markdown` (hiring steps by :mod:`~roledef.read.hiring`, headings
by :mod:`~roledef.read.vocab`); YAML and JSON role files are read by :mod:`~roledef.read.yamlio`
and checked against the packaged JSON Schema (:mod:`~roledef.read.schema`). Every element of the
model carries the span it was read from; nothing past this package sees tokens or YAML nodes.
"""
