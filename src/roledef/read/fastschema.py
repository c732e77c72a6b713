"""A fast yes/no check of a document against a JSON Schema, without importing jsonschema.

Importing jsonschema costs more than the rest of a ``roledef lint`` hook run, and almost every
document is valid. So a schema is compiled once into nested closures that only answer "valid?";
jsonschema stays the reference and is asked only when the answer is no, to explain why (see
:func:`roledef.read.schema.validate`). The check covers the keywords roledef's schemas use, with
jsonschema's semantics (draft 2020-12); a schema with any other keyword is not compiled at all
(:class:`Unsupported`), and jsonschema then does all the work. ``tests/unit/test_fastpaths.py``
checks that both agree, on the corpus and on generated documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that only annotate: they never make a document invalid.
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
        "$defs",
    }
)


class Unsupported(Exception):
    """The schema uses a keyword (or a form of one) this module does not check."""


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}

_PY_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "object": dict,
    "array": list,
    "boolean": bool,
    "null": type(None),
}

_SCALARS = (str, int, float, bool, type(None))


def _all(checks: list[Check]) -> Check:
    """One check that passes when every one of ``checks`` does (unrolled for the usual few)."""
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda v: a(v) and b(v)
    if len(checks) == 3:
        a, b, c = checks
        return lambda v: a(v) and b(v) and c(v)
    return lambda v: all(check(v) for check in checks)


def _equal(value: Any, expected: Any) -> bool:
    """jsonschema's equality for a scalar ``expected``: ``True`` is not ``1``."""
    if isinstance(value, bool) or isinstance(expected, bool):
        return isinstance(value, bool) and isinstance(expected, bool) and value == expected
    if isinstance(value, (list, dict)):
        return False
    return bool(value == expected)


class _Compiler:
    """Compiles the nodes of one schema, each ``$ref`` once (so a recursive one terminates)."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, target: str) -> Check:
        """The check of ``#/$defs/<name>``; other references are :class:`Unsupported`."""
        if not target.startswith("#/$defs/") or "/" in target[len("#/$defs/") :]:
            raise Unsupported(f"$ref {target}")
        if target not in self.refs:
            name = target[len("#/$defs/") :]
            cell: list[Check] = []
            # a placeholder first, so that a recursive definition compiles
            self.refs[target] = lambda v: cell[0](v)
            cell.append(self.node(self.root.get("$defs", {})[name]))
        return self.refs[target]

    def node(self, schema: Any) -> Check:
        """The check of one schema node: all of its keywords' checks."""
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        checks: list[Check] = []
        for key, value in schema.items():
            # required and additionalProperties are checked with properties, in one pass;
            # then and else with their if (alone, they check nothing)
            if key in _ANNOTATIONS or key in ("required", "additionalProperties", "then", "else"):
                continue
            keyword = _KEYWORDS.get(key)
            if keyword is None:
                raise Unsupported(f"keyword {key}")
            checks.append(keyword(self, value, schema))
        if "properties" not in schema and (
            "required" in schema or "additionalProperties" in schema
        ):
            checks.append(_properties(self, {}, schema))
        return _all(checks)


#: A keyword's compiler: (compiler, the keyword's value, the schema node it is in) -> its check.
Keyword = Callable[[_Compiler, Any, dict[str, Any]], Check]


def _type(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    if not all(n in _TYPES for n in names):
        raise Unsupported(f"type {value!r}")
    # plain isinstance for the types that map to one Python type (bool is not an int)
    plain = tuple(_PY_TYPES[n] for n in names if n in _PY_TYPES)
    numeric = [_TYPES[n] for n in names if n not in _PY_TYPES]
    if not numeric:
        return lambda v: isinstance(v, plain)
    return lambda v: isinstance(v, plain) or any(t(v) for t in numeric)


def _properties(c: _Compiler, props: dict[str, Any], schema: dict[str, Any]) -> Check:
    """``properties`` with the node's ``required`` and ``additionalProperties``, in one pass."""
    subs = {name: c.node(sub) for name, sub in props.items()}
    required = tuple(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    extra_check = None if extra is True or extra is False else c.node(extra)

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for name in required:
            if name not in v:
                return False
        for name, item in v.items():
            sub = subs.get(name)
            if sub is not None:
                if not sub(item):
                    return False
            elif extra is False or (extra_check is not None and not extra_check(item)):
                return False
        return True

    return check


def _items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    item = c.node(value)

    def items(v: Any) -> bool:
        if isinstance(v, list):
            for i in v:
                if not item(i):
                    return False
        return True

    return items


def _ref(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return c.ref(value)


def _any_of(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    options = [c.node(s) for s in value]
    return lambda v: any(o(v) for o in options)


def _if(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    """``if`` with the node's ``then`` and ``else``: a missing branch accepts anything."""
    condition = c.node(value)
    then = c.node(schema.get("then", True))
    otherwise = c.node(schema.get("else", True))
    return lambda v: then(v) if condition(v) else otherwise(v)


def _const(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, _SCALARS):
        raise Unsupported("keyword const")
    return lambda v: _equal(v, value)


def _enum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not all(isinstance(e, _SCALARS) for e in value):
        raise Unsupported("keyword enum")
    return lambda v: any(_equal(v, e) for e in value)


def _pattern(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    search = re.compile(value).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _min_length(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= value


def _max_length(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) <= value


def _minimum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not _is_number(v) or v >= value


def _maximum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not _is_number(v) or v <= value


def _exclusive_minimum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not _is_number(v) or v > value


def _exclusive_maximum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda v: not _is_number(v) or v < value


#: The keywords that can make a document invalid; a schema with any other is :class:`Unsupported`.
_KEYWORDS: dict[str, Keyword] = {
    "type": _type,
    "properties": _properties,
    "items": _items,
    "$ref": _ref,
    "anyOf": _any_of,
    "if": _if,
    "const": _const,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "maximum": _maximum,
    "exclusiveMinimum": _exclusive_minimum,
    "exclusiveMaximum": _exclusive_maximum,
}


def compile_check(schema: dict[str, Any]) -> Check:
    """A function telling whether a document is valid; raises :class:`Unsupported`."""
    return _Compiler(schema).node(schema)
