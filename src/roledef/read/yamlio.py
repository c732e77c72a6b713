"""YAML in and out through ruamel.yaml.

Loading uses the round-trip loader, which never constructs Python objects from tags and keeps the
line and column of every key; the result is turned into plain data with a node budget, so an alias
bomb cannot expand without bound. Dumping writes keys in schema order with block scalars for
multi-line text.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from collections.abc import Iterator
from typing import Any

from roledef.model import Span
from roledef.text import Regex

#: Upper bound on nodes when turning loaded YAML into plain data (alias expansion included).
MAX_NODES = 200_000

KeyPath = tuple[str | int, ...]


class YamlError(Exception):
    """Invalid YAML, with the 1-based line and column of the problem when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _yaml(typ: str = "rt") -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ=typ, pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


#: Loaders ready for another document. Making one costs about half as much as loading a front
#: matter (ruamel.yaml looks on disk for plug-ins, then builds its reader, scanner, parser and
#: constructor), so a loader is reused, but only after a load that succeeded on text without
#: directives: a failed load can leave anchors or half-built objects behind, and a ``%YAML``
#: directive changes the version later documents are read with. A reused loader is then in the
#: state of a new one. Popped for each load, so no two loads ever share one.
_IDLE: list[Any] = []


def load_yaml(text: str, *, line_offset: int = 0) -> tuple[Any, dict[KeyPath, Span]]:
    """Parse YAML text into plain data and a map from each key path to its 1-based span.

    ``line_offset`` shifts the reported lines (front matter starts below the ``---``).
    Raises :class:`YamlError` on invalid YAML, duplicate keys, tags or oversized expansion.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        with warnings.catch_warnings():
            # ruamel.yaml warns on stderr about re-used anchors; roledef speaks for itself
            warnings.simplefilter("ignore")
            yaml = _IDLE.pop() if _IDLE else _yaml()
            raw = yaml.load(text)
            if "%" not in text:
                yaml.doc_infos.clear()  # one entry per load, else kept for good
                _IDLE.append(yaml)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(" ".join(str(problem).split()), line, column) from None
    except YAMLError as exc:
        raise YamlError(" ".join(str(exc).split()[:30])) from None
    except RecursionError:
        raise YamlError("YAML nested too deeply") from None
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        # the reader fails, rather than reports, on a few tagged values ('!!set ', '!!int x')
        found = _first_tag(text)
        if found is None:
            detail = " ".join(str(exc).split()[:20])
            raise YamlError(f"YAML that cannot be read ({detail})") from None
        line, tag = found
        raise YamlError(f"YAML tag {tag} is not allowed", line + line_offset) from None
    positions: dict[KeyPath, Span] = {}
    # Without aliases a document has at most about one node per character: more means aliases
    # are multiplying it (a "billion laughs" bomb), refused before the expansion costs anything.
    budget = [min(MAX_NODES, len(text) + 1000)]
    data = _plain(raw, (), positions, budget, line_offset, 0)
    return data, positions


_TAG_RE = Regex(r"(?:^|[\s\[{,?:-])(![^\s,\[\]{}]*)")


def _first_tag(text: str) -> tuple[int, str] | None:
    """The 1-based line and the text of the first explicit tag (``!!int``, ``!custom``)."""
    for number, line in enumerate(text.split("\n"), 1):
        match = _TAG_RE().search(line)
        if match:
            return number, match.group(1)
    return None


def _span(lc: Any, line_offset: int) -> Span:
    return Span(lc[0] + 1 + line_offset, lc[1] + 1)


def _plain(
    node: Any,
    path: KeyPath,
    positions: dict[KeyPath, Span],
    budget: list[int],
    off: int,
    depth: int,
) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError("YAML aliases expand to too many nodes (an alias bomb?)")
    if depth > 100:
        raise YamlError("YAML nested more than 100 levels deep")
    # The round-trip loader never constructs tagged objects, but it would hand a tagged value's
    # content on as if untagged: refuse every explicit tag (``!!python/object``, ``!foo``, ...).
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag or isinstance(node, TaggedScalar):
        shown = str(tag).replace("tag:yaml.org,2002:", "!!")
        raise YamlError(f"YAML tag {shown} is not allowed", _line_of(path, positions))
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if isinstance(key, (CommentedMap, CommentedSeq)):
                raise YamlError("YAML mapping keys must be scalars")
            skey = str(key)
            sub = (*path, skey)
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                positions[sub] = _span(node.lc.key(key), off)
                positions[(*sub, "<value>")] = _span(node.lc.value(key), off)
            out[skey] = _plain(value, sub, positions, budget, off, depth + 1)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            sub = (*path, i)
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                positions[sub] = _span(node.lc.item(i), off)
            items.append(_plain(value, sub, positions, budget, off, depth + 1))
        return items
    if isinstance(node, float) and not math.isfinite(node):  # no JSON can hold .nan or .inf
        return ".nan" if node != node else ("-.inf" if node < 0 else ".inf")
    if node is None or isinstance(node, (bool, int, float)):
        return node if not isinstance(node, bool) else bool(node)
    if isinstance(node, str):
        return str(node)
    if hasattr(node, "isoformat"):
        return node.isoformat()
    # !!binary, !!set and the like: not role data, and not worth guessing a text form for
    raise YamlError(f"YAML {type(node).__name__} values are not allowed", _line_of(path, positions))


def _line_of(path: KeyPath, positions: dict[KeyPath, Span]) -> int | None:
    """The line of the value at ``path`` (recorded by its parent before it is read), if known."""
    span = positions.get(path + ("<value>",)) or positions.get(path)  # noqa: RUF005
    return span.line if span else None


#: Characters YAML cannot hold as they are (control characters, surrogates, U+FFFE and U+FFFF)
#: or reads as line breaks (NEL, LS, PS): only a double-quoted, escaped scalar keeps them.
#: Written as the characters refused rather than as the complement of those allowed: the same
#: set, but a negated class spanning all of Unicode costs about 4 ms to compile at start-up.
_NEEDS_ESCAPES = Regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _represent_str(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    if style and any(line != line.rstrip() for line in value.split("\n")):
        style = None  # trailing spaces cannot round-trip through a block scalar
    if _NEEDS_ESCAPES().search(value):
        style = '"'  # else the output is not YAML that reads back (or reads back different)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def dump_yaml(data: Any, *, header: str | None = None) -> str:
    """YAML text for plain data: block style, multi-line strings as ``|`` blocks."""
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class _Representer(RoundTripRepresenter):
        pass

    _Representer.add_representer(str, _represent_str)
    _Representer.add_representer(
        type(None), lambda d, _v: d.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    yaml = YAML(typ="rt", pure=True)
    yaml.Representer = _Representer
    yaml.default_flow_style = False
    # never fold: long lines rather than folds with trailing spaces, and a fold inside a run of
    # spaces loses the spaces (ruamel.yaml), so a 5,000-character line would not read back
    yaml.width = 2**31 - 1
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    if header:
        buf.write(header.rstrip("\n") + "\n")
    yaml.dump(data, buf)
    return buf.getvalue()


def iter_paths(positions: dict[KeyPath, Span]) -> Iterator[tuple[KeyPath, Span]]:
    """Key paths with their spans, in source order."""
    yield from sorted(positions.items(), key=lambda kv: (kv[1].line, kv[1].column))
