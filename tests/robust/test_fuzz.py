"""Fuzz properties: no input makes parse, convert, lint or render raise; spans and findings stay
inside the file; converted data always fits the schema and reads back. A few seconds each in CI;
``fuzz/run.py`` runs the same checks for as long as it is given."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledef.read.source import SourceError, decode
from roledef.read.structured import load_structured_role
from tests.helpers.fuzz import TEXT, check_fix, check_text, corpus_texts, mutated

pytestmark = pytest.mark.slow

QUICK = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


@QUICK
@given(TEXT)
def test_any_text(text: str) -> None:
    check_text(text)


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_texts(), reason="the real corpus is absent (set ROLEDEF_CORPUS)")
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_mutated_real_files(data: st.DataObject) -> None:
    check_text(data.draw(mutated(corpus_texts())))


@QUICK
@given(
    st.one_of(
        st.binary(max_size=300),
        TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
        TEXT.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "surrogatepass")),
        TEXT.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8", "surrogatepass")),
    )
)
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    try:
        source = decode(data, "fuzz.md")
    except SourceError as exc:
        assert str(exc).startswith("fuzz.md")
        return
    assert "\r" not in source.text
    check_text(source.text)


YAMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "a: 1",
                "a:",
                "  - x",
                "- y",
                "b: &x [1, 2]",
                "c: *x",
                "d: !!python/name:os.system",
                "e: !t x",
                "{",
                "[",
                "'",
                '"',
                "? k",
                ": v",
                "f: |",
                "  text",
                "a: 2",
                "\t",
                "%YAML 1.2",
                "...",
                "g: 2001-01-01",
                "h: 0x1F",
                "i: .nan",
                "j: !!binary aGk=",
                "<<: *x",
            ]
        ),
        st.text(max_size=15),
    ),
    max_size=20,
).map("\n".join)


@QUICK
@given(YAMLISH)
def test_any_front_matter(front: str) -> None:
    check_text(f"---\n{front}\n---\n# Role\n\n## Skills\n\n* x\n")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(YAMLISH)
def test_any_structured_role_file(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path: Path = tmp_path_factory.mktemp("y") / "role.yaml"
    path.write_text("title: T\nid: t\n" + text, "utf-8")
    try:
        load_structured_role(path)
    except SourceError as exc:  # RoleDataError is a SourceError
        assert str(exc).startswith(str(path))


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXT, st.booleans())
def test_fix_is_idempotent_on_any_text(
    tmp_path_factory: pytest.TempPathFactory, text: str, unsafe: bool
) -> None:
    check_fix(text, tmp_path_factory.mktemp("fix"), unsafe=unsafe)


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_texts(), reason="the real corpus is absent (set ROLEDEF_CORPUS)")
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data(), st.booleans())
def test_fix_is_idempotent_on_mutated_real_files(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, unsafe: bool
) -> None:
    check_fix(data.draw(mutated(corpus_texts())), tmp_path_factory.mktemp("fix"), unsafe=unsafe)
