"""The hand labels in tests/labels/ are well formed and agree with the files they label.

``more.json`` labels ``shared/corpus/more`` (keys relative to ``shared/``) and ``phrasings.json``
labels ``tests/labels/phrasings`` (keys relative to the project). These checks do not judge a
label's reading, only that it can be trusted as data: every key names a real file, every step
line falls inside that file and shows the step, counts agree with ``has``, ``owners`` holds
``owner``. Keys under ``shared/`` skip, saying why, when the corpus is absent.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, corpus_path

LABELS = ROOT / "tests" / "labels"
SHARED = corpus_path().parent  # keys of more.json start with "corpus/"
LABEL_FILES = {"more.json": SHARED, "phrasings.json": ROOT}

HAS_KEYS = {
    "summary",
    "responsibilities",
    "non_responsibilities",
    "skills_required",
    "skills_nice_to_have",
    "onboarding_plan",
    "hiring_plan",
}
# Which count stands behind each list-valued `has` field.
COUNT_FOR = {
    "responsibilities": "responsibilities",
    "non_responsibilities": "non_responsibilities",
    "skills_required": "skills_required",
    "skills_nice_to_have": "skills_nice_to_have",
    "onboarding_plan": "onboarding_phases",
}
ROLE_KEYS = {"role", "title", "nav_title_ok", "reports_to", "has", "counts", "hiring_plan"}
STEP_KEYS = {"line", "name", "owner", "owners", "duration_minutes", "optional"}
# Words too common to show that a line belongs to a step.
STOP_WORDS = {"and", "the", "with", "for", "our", "your", "you", "from", "of"}


def _load(name: str) -> dict[str, Any]:
    with (LABELS / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _cases() -> list[Any]:
    cases = []
    for name, base in LABEL_FILES.items():
        for key, label in _load(name).items():
            cases.append(pytest.param(base, key, label, id=f"{name}:{key}"))
    return cases


def _source(base: Path, key: str) -> Path:
    """The labelled file, or a skip when it lives in the absent shared corpus."""
    path = base / key
    if base == SHARED and not SHARED.is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED}; {key} cannot be checked")
    assert path.is_file(), f"label key {key!r} names no file under {base}"
    return path


def _shows_step(line: str, name: str) -> bool:
    """The line carries the step's name, or one of its words (or that word's first five letters)."""
    text = line.casefold()
    if name.casefold() in text:
        return True
    words = [w for w in re.findall(r"\w+", name.casefold()) if len(w) > 2 and w not in STOP_WORDS]
    return any(w in text or w[:5] in text for w in words)


@pytest.mark.parametrize("name", sorted(LABEL_FILES))
def test_label_file_keys_are_sorted_and_relative(name: str) -> None:
    keys = list(_load(name))
    assert keys == sorted(keys), f"{name}: keys are not sorted"
    for key in keys:
        assert not key.startswith("/") and ".." not in key.split("/"), f"{name}: {key!r}"
        assert key.endswith(".md"), f"{name}: {key!r} is not a markdown file"


@pytest.mark.parametrize(("base", "key", "label"), _cases())
def test_label_fields_are_well_formed(base: Path, key: str, label: dict[str, Any]) -> None:
    assert isinstance(label.get("role"), bool), f"{key}: role must be true or false"
    assert isinstance(label.get("title"), str) and label["title"].strip(), f"{key}: no title"
    assert isinstance(label.get("hiring_plan"), list), f"{key}: hiring_plan must be a list"
    if not label["role"]:
        assert set(label) == {"role", "title", "hiring_plan"}, f"{key}: a non-role has extra fields"
        return
    assert set(label) >= ROLE_KEYS, f"{key}: missing {sorted(ROLE_KEYS - set(label))}"
    assert label["nav_title_ok"] in (None, True, False), key
    assert label["reports_to"] is None or isinstance(label["reports_to"], str), key
    assert set(label["has"]) == HAS_KEYS, f"{key}: has fields {sorted(label['has'])}"
    expected_counts = set(COUNT_FOR.values()) | ({"levels"} if "levels" in label else set())
    assert set(label["counts"]) == expected_counts, f"{key}: count fields {sorted(label['counts'])}"


@pytest.mark.parametrize(("base", "key", "label"), _cases())
def test_counts_agree_with_has(base: Path, key: str, label: dict[str, Any]) -> None:
    if not label["role"]:
        return
    has, counts = label["has"], label["counts"]
    for field, count in COUNT_FOR.items():
        value = counts[count]
        assert isinstance(value, int) and value >= 0, f"{key}: {count} = {value!r}"
        assert has[field] == (value > 0), (
            f"{key}: has.{field} is {has[field]} but {count} = {value}"
        )
    assert has["hiring_plan"] == bool(label["hiring_plan"]), f"{key}: has.hiring_plan disagrees"
    if "levels" in label:
        levels = label["levels"]
        assert levels and all(isinstance(v, str) and v for v in levels), f"{key}: empty level"
        assert len(set(levels)) == len(levels), f"{key}: a level is named twice"
        assert counts["levels"] == len(levels), f"{key}: counts.levels is not len(levels)"


@pytest.mark.parametrize(("base", "key", "label"), _cases())
def test_steps_are_well_formed(base: Path, key: str, label: dict[str, Any]) -> None:
    previous = 0
    for step in label["hiring_plan"]:
        where = f"{key}:{step.get('line')}"
        assert set(step) >= STEP_KEYS, f"{where}: missing {sorted(STEP_KEYS - set(step))}"
        assert set(step) <= STEP_KEYS | {"duration_max_minutes"}, f"{where}: unknown field"
        assert isinstance(step["line"], int) and step["line"] >= previous, f"{where}: out of order"
        previous = step["line"]
        assert isinstance(step["name"], str) and step["name"].strip(), f"{where}: no name"
        assert isinstance(step["optional"], bool), f"{where}: optional must be true or false"
        owners = step["owners"]
        assert isinstance(owners, list) and all(isinstance(o, str) and o for o in owners), where
        if step["owner"] is None:
            assert owners == [], f"{where}: owners named but owner is null"
        else:
            assert owners and owners[0] == step["owner"], f"{where}: owner is not owners[0]"
        minutes = step["duration_minutes"]
        assert minutes is None or (isinstance(minutes, int) and minutes > 0), where
        if "duration_max_minutes" in step:
            assert minutes is not None and step["duration_max_minutes"] > minutes, where


@pytest.mark.parametrize(("base", "key", "label"), _cases())
def test_step_lines_show_their_step(base: Path, key: str, label: dict[str, Any]) -> None:
    lines = _source(base, key).read_text(encoding="utf-8").splitlines()
    for step in label["hiring_plan"]:
        number = step["line"]
        assert 1 <= number <= len(lines), f"{key}:{number} is outside the file ({len(lines)} lines)"
        text = lines[number - 1]
        assert _shows_step(text, step["name"]), f"{key}:{number} {text!r} shows no {step['name']!r}"


@pytest.mark.corpus
def test_every_manifest_file_is_labelled() -> None:
    manifest = SHARED / "corpus" / "more" / "MANIFEST.tsv"
    if not manifest.is_file():
        pytest.skip(f"the shared corpus is not at {SHARED}; MANIFEST.tsv cannot be read")
    with manifest.open(encoding="utf-8", newline="") as handle:
        listed = {
            f"corpus/more/{row['local_path']}" for row in csv.DictReader(handle, delimiter="\t")
        }
    assert listed == set(_load("more.json")), "more.json and MANIFEST.tsv list different files"


def test_every_phrasing_document_is_labelled() -> None:
    written = {p.relative_to(ROOT).as_posix() for p in (LABELS / "phrasings").glob("*.md")}
    assert written == set(_load("phrasings.json")), "phrasings.json and phrasings/ differ"
    roles = [v for v in _load("phrasings.json").values() if v["role"]]
    assert len(roles) >= 12 and len(roles) < len(written), "need 12+ roles and some non-roles"


def test_shows_step_matches_words_not_noise() -> None:
    assert _shows_step("- Screen 4-8 applicants with a 30 minute phone call.", "Screening call")
    assert _shows_step("2. Operations coordinator brings candidates", "Operations review")
    assert not _shows_step("the candidate and the team, with care", "Offer")
    assert not _shows_step("and with the", "Signing and the offer")
