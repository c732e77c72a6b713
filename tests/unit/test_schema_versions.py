"""Schema version 2 (a step's ``owners`` list) and the files of version 1 that still read."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from roledef.commands.convert import ConvertSettings, run_convert
from roledef.model import SCHEMA_VERSION
from roledef.modeldict import comparable, role_from_dict, role_to_dict
from roledef.read.fastschema import compile_check
from roledef.read.schema import load_schema, validate
from roledef.read.structured import RoleDataError, load_structured_role
from tests.helpers import EXAMPLES, ROOT

VERSION_1 = ROOT / "tests" / "fixtures" / "version1" / "site-reliability-engineer.yaml"
VERSION_2 = EXAMPLES / "site-reliability-engineer.yaml"


def _doc(version: int, **step: Any) -> dict[str, Any]:
    return {
        "schema_version": version,
        "id": "analyst",
        "title": "Analyst",
        "responsibilities": [],
        "skills": {"required": [], "nice_to_have": []},
        "hiring_plan": [{"name": "Interview", "duration_minutes": 45, **step}],
    }


def test_the_model_writes_version_2() -> None:
    assert SCHEMA_VERSION == 2
    assert role_to_dict(role_from_dict(_doc(2, owners=["CTO"])))["schema_version"] == 2


@pytest.mark.parametrize(
    ("step", "owners"),
    [
        ({"owner": "CTO"}, ("CTO",)),
        ({"owner": None}, ()),
    ],
)
def test_a_version_1_owner_reads_as_owners(step: dict[str, Any], owners: tuple[str, ...]) -> None:
    role = role_from_dict(_doc(1, **step))
    assert role.hiring_plan[0].owners == owners
    assert role.schema_version == 2
    assert role_to_dict(role)["hiring_plan"][0]["owners"] == list(owners)


def test_the_version_1_example_reads_as_the_version_2_example() -> None:
    old, new = load_structured_role(VERSION_1), load_structured_role(VERSION_2)
    assert comparable(old) == comparable(new)
    assert any(len(s.owners) == 1 for s in new.hiring_plan)


def test_convert_brings_a_version_1_file_up_to_date(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES)  # the version 2 example names the schema from there
    assert run_convert([str(VERSION_1)], ConvertSettings(), None, None) == 0
    assert capsys.readouterr().out == VERSION_2.read_text(encoding="utf-8")


def test_convert_names_the_file_of_a_broken_version_1_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "analyst.yaml"
    text = VERSION_1.read_text(encoding="utf-8").replace(
        "    owner: recruiter\n", "    owner: recruiter\n    owners: [recruiter]\n"
    )
    path.write_text(text, encoding="utf-8")
    assert run_convert([str(path)], ConvertSettings(), None, None) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "has both 'owner' (schema version 1) and 'owners' (version 2)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("version", "step", "valid"),
    [
        (1, {"owner": "CTO"}, True),
        (1, {"owner": None}, True),
        (1, {"owners": ["CTO"]}, False),
        (1, {"owner": "CTO", "owners": ["CTO"]}, False),
        (1, {}, False),
        (2, {"owners": ["CEO", "CTO"]}, True),
        (2, {"owners": []}, True),
        (2, {"owner": "CTO"}, False),
        (2, {"owner": "CTO", "owners": ["CTO"]}, False),
        (2, {"owners": [""]}, False),
        (2, {"owners": "CTO"}, False),
        (2, {}, False),
        (3, {"owners": ["CTO"]}, False),
    ],
)
def test_fast_check_and_jsonschema_agree_on_owners(
    version: int, step: dict[str, Any], valid: bool
) -> None:
    doc = _doc(version, **step)
    assert compile_check(load_schema())(copy.deepcopy(doc)) is valid
    assert (not list(validate(doc))) is valid


def test_mixing_owner_and_owners_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "analyst.json"
    path.write_text(json.dumps(_doc(2, owner="CTO", owners=["CTO"])), encoding="utf-8")
    with pytest.raises(RoleDataError) as info:
        load_structured_role(path)
    assert info.value.problems == [
        "1: hiring_plan[0].owner: has both 'owner' (schema version 1) and 'owners' (version 2): "
        "keep 'owners', a list, and set 'schema_version: 2'"
    ]
