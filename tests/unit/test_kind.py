"""The decision "is this a role file?" (roledef.read.kind): on the real corpus, on pages written
for these tests, and on the project's own files.

The real corpus: every role file of flowfuse/, flowfuse-history/ and seed/ (less those
labelled ``"role": false`` in ../shared/labels/flowfuse.json) and every file of more/ outside
its hiring/ folders are roles; the labelled non-roles, more/*/hiring/* and flowfuse-context/
(the handbook's pages about hiring and job bands) are not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledef.read import Source, load
from roledef.read.kind import Kind, classify, names_role
from tests.helpers import ROOT, corpus_path, corpus_skip_reason
from tests.helpers.pages import NOT_ROLES, ROLES

CORPUS = corpus_path()
LABELS = CORPUS.parent / "labels" / "flowfuse.json"


def kind_of(path: Path) -> Kind:
    loaded = load(str(path))
    assert loaded.role is not None
    return classify(loaded.role, loaded.text)


def corpus_truth() -> dict[Path, bool]:
    """Every markdown page of the corpus -> whether it is a role file."""
    if not CORPUS.is_dir():
        return {}
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.is_file() else {}
    not_roles = {CORPUS.parent / key for key, value in labels.items() if value.get("role") is False}
    truth: dict[Path, bool] = {}
    for folder in ("flowfuse", "flowfuse-history", "seed"):
        for path in sorted((CORPUS / folder).iterdir()):
            if path.is_file():
                truth[path] = path not in not_roles
    for path in sorted((CORPUS / "more").rglob("*.md")):
        truth[path] = "hiring" not in path.relative_to(CORPUS / "more").parts
    for path in sorted((CORPUS / "flowfuse-context").rglob("*.md")):
        truth[path] = False
    return truth


TRUTH = corpus_truth()


@pytest.mark.corpus
@pytest.mark.skipif(not TRUTH, reason=corpus_skip_reason())
@pytest.mark.parametrize(
    "path", sorted(TRUTH), ids=[str(p.relative_to(CORPUS)) for p in sorted(TRUTH)]
)
def test_the_corpus(path: Path) -> None:
    kind = kind_of(path)
    assert kind.is_role == TRUTH[path], kind.reason


@pytest.mark.corpus
@pytest.mark.skipif(not TRUTH, reason=corpus_skip_reason())
def test_the_corpus_has_both_kinds_and_the_known_shapes() -> None:
    """The measure means something: roles and non-roles of every shape are in it."""
    assert sum(TRUTH.values()) >= 90 and sum(not v for v in TRUTH.values()) >= 10
    shapes = {kind_of(p).page for p, is_role in TRUTH.items() if not is_role}
    assert {"hiring", "ladder", "index"} <= shapes


@pytest.mark.parametrize(("name", "case"), sorted(NOT_ROLES.items()))
def test_pages_that_are_not_roles(name: str, case: tuple[str, int, str]) -> None:
    text, _, reason = case
    loaded = load(Source(f"{name}.md", text))
    assert loaded.role is not None
    assert classify(loaded.role, text) == Kind(False, classify(loaded.role, text).page, reason)


@pytest.mark.parametrize(("name", "text"), sorted(ROLES.items()))
def test_roles_in_many_styles(name: str, text: str) -> None:
    loaded = load(Source(f"{name}.md", text))
    assert loaded.role is not None
    kind = classify(loaded.role, text)
    assert kind.is_role and kind.page == "role", kind.reason


@pytest.mark.parametrize(
    "title",
    [
        "Site Reliability Engineer",
        "Site Reliability Engineer Levels",
        "Head of Growth at Gravitational",
        "Codebase steward for community",
        "Role: Engineer",
        "People Lead Role",
        "Frontend Engineer (m/f/d)",
        "Développeur de soutien",
        "Concepteur·trice d’interaction",
        "VP, Sales",
    ],
)
def test_titles_that_name_a_role(title: str) -> None:
    assert names_role(title)


@pytest.mark.parametrize(
    "title",
    ["Engineering Levels", "Job Descriptions", "Engineers", "Our hiring process", "Changelog"],
)
def test_titles_that_do_not(title: str) -> None:
    assert not names_role(title)


def test_without_the_text_the_model_is_read() -> None:
    """``report`` and ``export`` may hold only the role: the answer is the same."""
    for text in (*ROLES.values(), *(t for t, _, _ in NOT_ROLES.values())):
        loaded = load(Source("page.md", text))
        assert loaded.role is not None
        assert classify(loaded.role).is_role == classify(loaded.role, text).is_role


@pytest.mark.parametrize(
    "name", ["README.md", "CHANGELOG.md", "CONTRIBUTING.md", "docs/lint.md", "docs/rules.md"]
)
def test_the_projects_own_documents_are_not_roles(name: str) -> None:
    assert not kind_of(ROOT / name).is_role


def test_the_examples_are_roles() -> None:
    for path in sorted((ROOT / "examples").glob("*.md")):
        assert kind_of(path).is_role, path


def test_the_reports_is_role_gives_the_same_answer() -> None:
    from roledef.handbook.data import is_role

    for text in (*ROLES.values(), *(t for t, _, _ in NOT_ROLES.values())):
        loaded = load(Source("page.md", text))
        assert loaded.role is not None
        assert is_role(loaded.role, text) == classify(loaded.role, text).is_role
