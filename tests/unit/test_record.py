"""Records behave as the frozen dataclasses they replace: equality, hashing, repr, replace,
pickling and the order of findings."""

from __future__ import annotations

import pickle

import pytest

from roledef.findings import ERROR, Finding
from roledef.model import Item, Role, SourceInfo, Span
from roledef.record import Record


def test_equal_fields_make_equal_records_and_equal_hashes() -> None:
    assert Span(3, 1, 3, 9) == Span(3, 1, 3, 9)
    assert hash(Span(3, 1, 3, 9)) == hash((3, 1, 3, 9))  # as a dataclass hashes its fields
    assert Span(3) != Span(4)
    assert len({Span(1), Span(1), Span(2)}) == 2


def test_fields_left_out_of_comparison_are_ignored() -> None:
    assert Item("Name", "what", span=Span(1)) == Item("Name", "what", span=Span(9))
    assert Role("x", "X", source=SourceInfo(path="a.md")) == Role("x", "X")


def test_only_records_of_the_same_class_are_equal() -> None:
    assert Span(1, 1) != (1, 1, None, None)
    assert Item(None, None) != SourceInfo()


def test_repr_names_every_field_in_order() -> None:
    assert repr(Span(2, 5)) == "Span(line=2, column=5, end_line=None, end_column=None)"


def test_replace_changes_only_what_it_names() -> None:
    item = Item("Name", "what", "group", Span(4))
    moved = item.replace(span=Span(8))
    assert (moved.name, moved.description, moved.group, moved.span) == (
        "Name",
        "what",
        "group",
        Span(8),
    )
    assert item.span == Span(4)


def test_records_pickle_for_worker_processes() -> None:
    role = Role("x", "X", front_matter={"navTitle": "X"}, source=SourceInfo(path="x.md"))
    again = pickle.loads(pickle.dumps(role))
    assert again == role
    assert again.source.path == "x.md"


def test_findings_sort_by_path_line_column_and_code() -> None:
    def finding(path: str, line: int, code: str) -> Finding:
        return Finding(path, line, 1, code, "rule", ERROR, "message")

    found = [finding("b.md", 1, "RD1"), finding("a.md", 9, "RD2"), finding("a.md", 9, "RD1")]
    assert [(f.path, f.code) for f in sorted(found)] == [
        ("a.md", "RD1"),
        ("a.md", "RD2"),
        ("b.md", "RD1"),
    ]
    assert finding("a.md", 1, "RD1") <= finding("a.md", 1, "RD1") < finding("a.md", 2, "RD1")


def test_a_record_must_name_its_fields_in_its_own_init() -> None:
    with pytest.raises(TypeError, match="own __init__"):

        class NoInit(Record):
            __slots__ = ("x",)
