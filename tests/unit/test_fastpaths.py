"""The fast paths agree with the references they stand in for.

- :mod:`roledef.read.fastschema` says "valid" exactly when jsonschema finds no error;
- the grouped duplicate-role lookups find what comparing every pair finds.

Speed is measured by ``benchmarks/``, not here.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledef.modeldict import role_to_dict
from roledef.read.fastschema import Unsupported, compile_check
from roledef.read.markdown import parse_markdown
from roledef.read.schema import ROLE_SCHEMA, _validator, load_schema
from tests.helpers import corpus_files

CONFIG_SCHEMA = "config.schema.json"

EXAMPLE = """\
---
navTitle: Site Reliability Engineer
navGroup: Job Descriptions
---

# Site Reliability Engineer

You keep the platform up. Reports to the Head of Engineering.

## Responsibilities

* Operate: run the production clusters.
* Improve: automate what hurts.

## Hiring Plan

1. Screening call (30m): with the recruiter.
2. Technical interview (1h): done by the CTO.
"""


def reference_valid(data: Any, name: str = ROLE_SCHEMA) -> bool:
    return not any(True for _ in _validator(name).iter_errors(data))


def fast_valid(data: Any, name: str = ROLE_SCHEMA) -> bool:
    return compile_check(load_schema(name))(data)


def corpus_models() -> list[dict[str, Any]]:
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    texts = [EXAMPLE, *texts]
    return [role_to_dict(parse_markdown(t, f"role-{i}.md")) for i, t in enumerate(texts)]


MODELS = corpus_models()

#: JSON values of every type, including the ones the schema keywords treat specially.
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10_000),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-10, max_value=1e6),
    st.sampled_from([0, 1, -1, 1.0, 0.5, True, False, "", "a", "kebab-case", "Not Kebab", " "]),
    st.text(max_size=8),
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _paths(value, (*prefix, index))
    return out


@st.composite
def mutated(draw: st.DrawFn, models: list[dict[str, Any]]) -> dict[str, Any]:
    """A real model with a few values replaced, keys dropped or keys added."""
    data = copy.deepcopy(draw(st.sampled_from(models)))
    # either version: a version 1 document's steps must name one 'owner', not 'owners'
    data["schema_version"] = draw(st.sampled_from([1, 2]))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        target = parent[path[-1]]
        if action == "replace":
            parent[path[-1]] = draw(JSON)
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(target, dict):
            key = draw(st.sampled_from(["extra", "name", "title", "owner", "owners"]))
            target[key] = draw(JSON)
        elif action == "add" and isinstance(target, list):
            target.append(draw(JSON))
    return data


def test_the_role_and_config_schemas_compile() -> None:
    compile_check(load_schema(ROLE_SCHEMA))
    compile_check(load_schema(CONFIG_SCHEMA))


def test_an_unknown_keyword_is_left_to_jsonschema() -> None:
    with pytest.raises(Unsupported):
        compile_check({"type": "object", "propertyNames": {"pattern": "^a"}})


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("index", range(len(MODELS)))
def test_real_models_agree(index: int) -> None:
    data = MODELS[index]
    assert fast_valid(data) == reference_valid(data)


@pytest.mark.slow
@pytest.mark.corpus
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(MODELS))
def test_mutated_models_agree(data: dict[str, Any]) -> None:
    assert fast_valid(data) == reference_valid(data)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(JSON)
def test_arbitrary_documents_agree(data: Any) -> None:
    assert fast_valid(data) == reference_valid(data)


CONFIG_KEYS = st.sampled_from(
    ["select", "ignore", "severity", "exclude", "max-file-size", "aliases", "required-sections",
     "per-file-ignores", "max-step-minutes", "duplicate-similarity", "unknown-key"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        CONFIG_KEYS,
        st.one_of(
            JSON,
            st.lists(st.sampled_from(["RD1", "ALL", "schema", "rd", "x y"]), max_size=3),
            st.dictionaries(
                st.sampled_from(["RD101", "*.md"]),
                st.sampled_from(["error", "warning", "off", ["RD1"], 3]),
                max_size=2,
            ),
        ),
        max_size=4,
    )
)
def test_config_documents_agree(data: dict[str, Any]) -> None:
    assert fast_valid(data, CONFIG_SCHEMA) == reference_valid(data, CONFIG_SCHEMA)


# --- duplicate-role: grouped lookups give what comparing every pair gives ------------------------
def pairwise_duplicates(roles: list[Any], threshold: float) -> list[tuple[str, str]]:
    """The rule as first written: every role against every earlier one, in path order."""
    import os
    from pathlib import PurePath

    from roledef.lint.rules.duplicate_role import (
        MIN_SHINGLES,
        SAME_TEXT_HINT,
        SAME_TITLE_HINT,
        role_text,
        shingles,
        similarity,
    )
    from roledef.text import normalize_heading

    out = []
    seen: list[tuple[Any, str, frozenset[tuple[str, ...]]]] = []
    for role in sorted(roles, key=lambda r: r.source.path):
        title = normalize_heading(role.title, drop_parentheses=False)
        texts = shingles(role_text(role))
        for other, other_title, other_texts in seen:
            stems = {PurePath(r.source.path).with_suffix("") for r in (role, other)}
            if role.source.format != other.source.format and len(stems) == 1:
                continue
            where = os.path.relpath(other.source.path, os.path.dirname(role.source.path) or ".")
            if title and title == other_title:
                message = f"same title '{role.title}' as {where}: {SAME_TITLE_HINT}"
                out.append((role.source.path, message))
                break
            if len(texts) >= MIN_SHINGLES and similarity(texts, other_texts) >= threshold:
                message = f"nearly the same text as {where}: {SAME_TEXT_HINT}"
                out.append((role.source.path, message))
                break
        seen.append((role, title, texts))
    return out


CORPUS_TEXTS = [p.read_text(encoding="utf-8") for p in corpus_files()] or [EXAMPLE]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(range(len(CORPUS_TEXTS))),
            st.sampled_from(["a", "b", "c/d"]),
            st.sampled_from(["x", "y", "navTitle-like"]),
        ),
        max_size=12,
    ),
    st.sampled_from([0.0, 0.3, 0.7, 1.0]),
)
def test_duplicate_role_agrees_with_pairwise(picks: list[Any], threshold: float) -> None:
    from roledef.lint.rules.duplicate_role import check_all
    from roledef.model import SourceInfo

    roles = []
    for n, (index, folder, stem) in enumerate(picks):
        role = parse_markdown(CORPUS_TEXTS[index], f"{folder}/{stem}-{n % 3}.md")
        if n % 4 == 3:  # the same role as YAML beside it: not a duplicate of itself
            source: SourceInfo = role.source.replace(
                format="yaml", path=f"{folder}/{stem}-{n % 3}.yaml"
            )
            role = role.replace(source=source)
        roles.append(role)
    found = [
        (path, message)
        for path, (_, message) in check_all(roles, {"duplicate-similarity": threshold})
    ]
    assert found == pairwise_duplicates(roles, threshold)
