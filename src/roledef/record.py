"""Value classes that cost nothing to define: :class:`Record`.

``@dataclass`` writes a class's methods as source text and compiles them when its module is
imported, most of a millisecond per class here; ``roledef lint`` defines a few dozen value classes
(the model, findings, results) before it checks a file, in a pre-commit hook that runs for every
commit. A record writes its ``__init__`` by hand instead, and gets the rest from here:

- its fields are the parameters of its ``__init__``, each kept in the slot of the same name (a
  record has no ``__dict__``; it pickles as it is, for ``--jobs`` worker processes);
- ``==`` and ``hash`` compare the fields of ``_compared`` (all of them unless the class names
  fewer, as a dataclass field with ``compare=False``), only between records of the same class;
- ``repr`` shows every field, as a dataclass's does;
- :meth:`Record.replace` makes a copy with some fields changed (``dataclasses.replace``).

A record is not changed once made: its ``__init__`` declares each field ``Final``, so that mypy
refuses an assignment, and a changed value is a :meth:`~Record.replace`.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar, Self


class Record:
    """The base of a value class: equality, hashing, ``repr`` and ``replace`` over its slots."""

    __slots__ = ()

    #: The fields: the parameters of ``__init__``, in order.
    _fields: ClassVar[tuple[str, ...]] = ()
    #: The fields ``==`` and ``hash`` compare; a class that compares fewer than all names them.
    _compared: ClassVar[tuple[str, ...]] = ()
    #: The compared fields' values as a tuple.
    _key: ClassVar[Any]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        init = cls.__dict__.get("__init__")
        if init is None:
            raise TypeError(f"{cls.__name__}: a record names its fields in its own __init__")
        code = init.__code__
        cls._fields = code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount]
        if "_compared" not in cls.__dict__:
            cls._compared = cls._fields
        compared = cls._compared
        if len(compared) > 1:
            cls._key = staticmethod(attrgetter(*compared))
        else:  # (attrgetter of one name gives the value, not a tuple)
            cls._key = staticmethod(lambda record: tuple(getattr(record, n) for n in compared))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) == self._key(other))

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy of this record with ``changes`` (field name -> value) made."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        cls: Any = type(self)
        copy: Self = cls(**values)
        return copy
