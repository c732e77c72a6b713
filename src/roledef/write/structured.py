"""The model -> structured YAML or JSON text, as ``roledef convert`` writes it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from roledef.model import Role
from roledef.modeldict import role_to_dict

FORMATS = ("yaml", "json")


#: Where a project keeps its copy of the role schema (`roledef schema > schemas/role.schema.json`).
PROJECT_SCHEMA = Path("schemas") / "role.schema.json"
#: The ``yaml-schema`` values that ask for no ``$schema`` line.
NO_SCHEMA = ("", "none")


def dump_role(
    role: Role, fmt: str = "yaml", *, positions: bool = False, schema: str | None = None
) -> str:
    """The role as YAML or JSON text; the YAML names ``schema`` (a URL or a path) on a
    ``# yaml-language-server: $schema=...`` line for editors, when given."""
    data = role_to_dict(role, positions=positions)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    from roledef.read.yamlio import dump_yaml

    header = f"# yaml-language-server: $schema={schema}" if schema else None
    return dump_yaml(data, header=header)


def schema_reference(setting: str | None, root: Path, written_in: Path) -> str | None:
    """What a YAML role file's ``$schema`` line names, for a file written in folder
    ``written_in``: the ``yaml-schema`` setting as it is ("none": no line); without one, the
    project's own copy of the schema (``schemas/role.schema.json`` at the project's root),
    relative to the file; else no line, rather than an address that does not resolve."""
    if setting is not None:
        return None if setting.strip().lower() in NO_SCHEMA else setting
    own = root / PROJECT_SCHEMA
    if own.is_file():
        return Path(os.path.relpath(os.path.abspath(own), os.path.abspath(written_in))).as_posix()
    return None
