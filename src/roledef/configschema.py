"""The config file's JSON Schema (``schemas/config.schema.json``), generated.

The general keys are written here; every rule option comes from its rule's declaration (``OPTIONS``
in the rule's module: key, type, default, help). The packaged file is what the loader validates
against (:func:`roledef.config.check_schema`), so no run builds the schema; a test checks that the
file is what :func:`config_schema` gives. After changing a rule's options, regenerate it:

    python -m roledef.configschema > src/roledef/schemas/config.schema.json
"""

from __future__ import annotations

import json
from typing import Any, get_args

from roledef.findings import Severity
from roledef.lint.rules import RULES
from roledef.project import schema_id
from roledef.read.vocab import SECTION_ORDER
from roledef.write.posting import EMPLOYMENT_TYPES

#: A list of rules: codes (RD201), code prefixes (RD2), names (unknown-section) or ALL.
_SELECTORS = {
    "type": "array",
    "items": {
        "type": "string",
        "pattern": "^(?:ALL|[A-Za-z]{2}[0-9]{0,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$",
    },
}

#: The keys that are not rule options, before the rule options.
_SELECTION: dict[str, Any] = {
    "select": {
        "$ref": "#/$defs/selectors",
        "description": "Rules to run instead of the default set: codes (RD201), code prefixes "
        "(RD2), names (unknown-section) or ALL.",
    },
    "extend-select": {
        "$ref": "#/$defs/selectors",
        "description": "Rules to run on top of the selection, e.g. rules that are off by default.",
    },
    "ignore": {"$ref": "#/$defs/selectors", "description": "Rules not to run."},
    "severity": {
        "type": "object",
        "description": "Rule code or name -> 'error' or 'warning', overriding the rule's default.",
        "additionalProperties": {"enum": list(get_args(Severity))},
    },
    "per-file-ignores": {
        "type": "object",
        "description": "Glob (relative to the config file's folder) -> rules not to report in "
        "matching files.",
        "additionalProperties": {"$ref": "#/$defs/selectors"},
    },
}

#: The keys that are not rule options, after the rule options.
_FILES_AND_EXPORT: dict[str, Any] = {
    "include": {
        "$ref": "#/$defs/names",
        "description": "Globs or folders (relative to the config file's folder) where the role "
        "files are: what 'roledef lint', 'roledef report' and 'lint --fix' check when given no "
        "paths. Without it they walk the current folder for files that read as role files.",
    },
    "exclude": {
        "$ref": "#/$defs/names",
        "description": "Globs (relative to the config file's folder) of files and folders not "
        "to lint.",
    },
    "max-file-size": {
        "type": "integer",
        "minimum": 0,
        "description": "Files larger than this many bytes are not read (0: no limit).",
    },
    "yaml-schema": {
        "type": "string",
        "description": "The schema that YAML role files written by 'roledef convert' and "
        "'roledef new' name on their '# yaml-language-server: $schema=' line, for editors: a "
        "URL or a path relative to the written file; 'none' for no line. Default: the "
        "project's schemas/role.schema.json when it has one, else no line.",
    },
    "posting": {
        "type": "object",
        "description": "Job-posting fields for 'roledef export --posting'; its options override "
        "them.",
        "additionalProperties": False,
        "properties": {
            "hiring-organization": {"type": "string", "minLength": 1},
            "date-posted": {"$ref": "#/$defs/date"},
            "valid-through": {"$ref": "#/$defs/date"},
            "location": {"type": "string", "minLength": 1},
            "country": {"$ref": "#/$defs/country"},
            "remote": {"type": "boolean"},
            "applicant-country": {
                "anyOf": [
                    {"$ref": "#/$defs/country"},
                    {"type": "array", "items": {"$ref": "#/$defs/country"}},
                ]
            },
            "employment-type": {
                "anyOf": [
                    {"enum": list(EMPLOYMENT_TYPES)},
                    {"type": "array", "items": {"enum": list(EMPLOYMENT_TYPES)}},
                ]
            },
        },
    },
}


def rule_option_properties() -> dict[str, Any]:
    """Config key -> JSON Schema of every rule option, in code order."""
    properties: dict[str, Any] = {}
    for code, rule in RULES.items():
        for option in rule.OPTIONS:
            if option.name in properties:
                raise ValueError(f"{code}: option '{option.name}' is declared by two rules")
            properties[option.name] = option.schema()
    return properties


def config_schema() -> dict[str, Any]:
    """The whole config schema: the general keys and every rule's options."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id("config.schema.json"),
        "title": "roledef configuration",
        "description": "The [tool.roledef] table of pyproject.toml, or the whole of .roledef.toml.",
        "type": "object",
        "additionalProperties": False,
        "$defs": {
            "selectors": _SELECTORS,
            "kind": {"enum": list(SECTION_ORDER)},
            "names": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "date": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "YYYY-MM-DD, quoted in TOML.",
            },
            "country": {
                "type": "string",
                "pattern": "^[A-Za-z]{2}$",
                "description": "An ISO 3166-1 alpha-2 country code, such as US or DE.",
            },
        },
        "properties": {**_SELECTION, **rule_option_properties(), **_FILES_AND_EXPORT},
    }


def schema_json() -> str:
    """The config schema as the packaged file holds it."""
    return json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_json(), end="")
