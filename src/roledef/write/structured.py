"""The model -> structured YAML or JSON text, as ``roledef convert`` writes it."""

from __future__ import annotations

import json

from roledef.model import Role
from roledef.modeldict import role_to_dict

FORMATS = ("yaml", "json")


def dump_role(role: Role, fmt: str = "yaml", *, positions: bool = False) -> str:
    """The role as YAML (with a schema modeline for editors) or JSON text."""
    data = role_to_dict(role, positions=positions)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    from roledef.read.schema import schema_id
    from roledef.read.yamlio import dump_yaml

    return dump_yaml(data, header=f"# yaml-language-server: $schema={schema_id()}")
