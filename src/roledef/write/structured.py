"""Markdown role files to structured YAML or JSON: the work behind ``roledef convert``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from roledef.model import Role, role_to_dict
from roledef.read.markdown import parse_markdown
from roledef.read.source import DEFAULT_MAX_BYTES, read_source

FORMATS = ("yaml", "json")


def load_markdown_role(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: dict[str, str] | None = None,
) -> Role:
    """Read and parse one markdown role file. Raises :class:`roledef.read.source.SourceError`."""
    source = read_source(path, max_bytes)
    return parse_markdown(source.text, source.path, aliases=aliases)


def dump_role(role: Role, fmt: str = "yaml", *, positions: bool = False) -> str:
    """The role as YAML (with a schema modeline for editors) or JSON text."""
    data = role_to_dict(role, positions=positions)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    from roledef.read.schema import schema_id
    from roledef.read.yamlio import dump_yaml

    return dump_yaml(data, header=f"# yaml-language-server: $schema={schema_id()}")


@dataclass(frozen=True)
class ConvertSettings:
    fmt: str = "yaml"
    positions: bool = False
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def output_name(source: str | os.PathLike[str], fmt: str) -> str:
    """``docs/Customer Succes Manager`` -> ``Customer Succes Manager.yaml``."""
    name = Path(source).name
    stem = name.rsplit(".", 1)[0] if name.lower().endswith((".md", ".markdown")) else name
    return f"{stem}.{fmt}"
