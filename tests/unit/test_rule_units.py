"""Each rule is a complete typed unit: options with types, its fix, its cross-file side.

The config schema's rule options are generated from the rules' declarations; fixes are found
through the rule registry; cross-file rules implement the base class.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import get_args

import pytest

from roledef.configschema import config_schema, rule_option_properties, schema_json
from roledef.findings import Severity
from roledef.lint.rules import CROSS_FILE_RULES, RULES
from roledef.lint.rules.base import CrossFileChecker, CrossFileRule, Option
from roledef.model import SourceFormat
from roledef.read.markdown import parse_markdown
from roledef.read.schema import validate
from tests.helpers import EXAMPLES, ROOT

PACKAGED = ROOT / "src" / "roledef" / "schemas" / "config.schema.json"
OPTIONS = [(code, o) for code, rule in RULES.items() for o in rule.OPTIONS]


def test_the_config_schema_file_is_generated_from_the_rules() -> None:
    message = "run: python -m roledef.configschema > src/roledef/schemas/config.schema.json"
    assert PACKAGED.read_text(encoding="utf-8") == schema_json(), message


@pytest.mark.parametrize(("code", "option"), OPTIONS, ids=[o.name for _, o in OPTIONS])
def test_each_declared_option_is_in_the_config_schema_with_its_type(
    code: str, option: Option[object]
) -> None:
    packaged = json.loads(PACKAGED.read_text(encoding="utf-8"))
    assert packaged["properties"][option.name] == option.schema(), code
    assert option.help.strip(), code


@pytest.mark.parametrize(("code", "option"), OPTIONS, ids=[o.name for _, o in OPTIONS])
def test_each_option_default_is_valid_for_its_type(code: str, option: Option[object]) -> None:
    errors = list(validate({option.name: option.default}, "config.schema.json"))
    assert errors == [], code


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("max-step-minutes", 0),
        ("max-step-minutes", "480"),
        ("duplicate-similarity", 1.5),
        ("required-sections", ["benefits"]),
        ("owner-exempt-steps", [""]),
        ("default-nav-group", ""),
        ("aliases", {"perks": "benefits"}),
    ],
)
def test_a_value_outside_the_declared_type_is_refused(key: str, value: object) -> None:
    assert list(validate({key: value}, "config.schema.json"))


def test_every_schema_key_is_a_general_key_or_a_declared_option() -> None:
    general = {"select", "extend-select", "ignore", "severity", "per-file-ignores"}
    general |= {"include", "exclude", "max-file-size", "posting", "yaml-schema"}
    properties = config_schema()["properties"]
    assert set(properties) == general | set(rule_option_properties())


def test_severities_and_formats_are_the_closed_sets() -> None:
    for code, rule in RULES.items():
        assert rule.SEVERITY in get_args(Severity), code
        assert rule.FORMATS and set(rule.FORMATS) <= set(get_args(SourceFormat)), code


def test_cross_file_rules_subclass_the_base() -> None:
    assert set(CROSS_FILE_RULES) == {"RD401"}
    for code, cross in CROSS_FILE_RULES.items():
        assert isinstance(cross, CrossFileRule), code
        assert isinstance(cross.checker({"duplicate-similarity": 0.7}), CrossFileChecker), code
    modules_with_a_cross_file_side = {c for c, r in RULES.items() if hasattr(r, "CROSS_FILE")}
    assert modules_with_a_cross_file_side == set(CROSS_FILE_RULES)


def test_a_digest_survives_the_cache_as_json() -> None:
    path = EXAMPLES / "minimal-role.md"
    role = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    for code, cross in CROSS_FILE_RULES.items():
        digest = cross.digest(role)
        stored = json.loads(json.dumps(cross.digest_to_json(digest)))
        assert cross.digest_from_json(str(path), stored) == digest, code


def test_lint_without_fix_imports_no_fix_module() -> None:
    code = (
        "import sys, roledef.cli, roledef.commands.lint, roledef.lint.engine, roledef.config;"
        "late = ('roledef.fix', 'roledef.configschema');"
        "print(sorted(m for m in sys.modules if m.startswith(late)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr
