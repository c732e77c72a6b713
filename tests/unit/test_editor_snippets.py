"""Every snippet of docs/editors.md parses in its language, and starts roledef as the page says.

The blocks are found with a CommonMark parser (markdown-it-py), each read by a parser of its
language: JSON, TOML (tomllib), YAML (ruamel.yaml) and Lua (luaparser). A block in any other
language fails, so that no snippet goes unchecked. The editors themselves are not run.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from luaparser import ast, astnodes
from markdown_it import MarkdownIt

from tests.helpers import ROOT

PAGE = ROOT / "docs" / "editors.md"


def _blocks() -> list[tuple[str, str, int]]:
    """(language, text, first line) of each fenced block of the page."""
    tokens = MarkdownIt("commonmark").parse(PAGE.read_text(encoding="utf-8"))
    return [
        (t.info.strip(), t.content, (t.map[0] + 1) if t.map else 0)
        for t in tokens
        if t.type == "fence"
    ]


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(StringIO(text))


def _lua(text: str) -> Any:
    return ast.parse(text)


PARSERS = {"json": json.loads, "toml": tomllib.loads, "yaml": _yaml, "lua": _lua}


def _strings(value: Any) -> Iterator[str]:
    """Every string (keys too) of a parsed JSON, TOML or YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


BLOCKS = _blocks()


def test_the_page_has_a_snippet_per_editor() -> None:
    languages = [language for language, _, _ in BLOCKS]
    assert languages.count("json") >= 3  # VS Code, Zed, the yaml.schemas association
    assert languages.count("toml") >= 2  # Helix, Zed's extension
    assert languages.count("lua") >= 2  # Neovim, nvim-lint
    assert languages.count("yaml") >= 2  # the schema line, efm-langserver


@pytest.mark.parametrize(("language", "text", "line"), BLOCKS, ids=[f"L{b[2]}" for b in BLOCKS])
def test_snippet_parses(language: str, text: str, line: int) -> None:
    assert language in PARSERS, f"docs/editors.md:{line}: no parser for a {language!r} block"
    try:
        PARSERS[language](text)
    except Exception as exc:  # each parser has its own error class
        pytest.fail(f"docs/editors.md:{line}: the {language} block does not parse: {exc}")


def _one(language: str, needle: str) -> str:
    found = [text for lang, text, _ in BLOCKS if lang == language and needle in text]
    assert len(found) == 1, (language, needle)
    return found[0]


def test_vscode_starts_roledef_server_for_markdown_and_yaml() -> None:
    settings = json.loads(_one("json", "glspc"))
    assert settings["glspc.server.command"] == "roledef"
    assert settings["glspc.server.commandArguments"] == ["server"]
    assert set(settings["glspc.server.languageId"]) == {"markdown", "yaml"}


def test_helix_defines_the_server_and_adds_it_to_markdown_and_yaml() -> None:
    config = tomllib.loads(_one("toml", "[language-server.roledef]"))
    assert config["language-server"]["roledef"] == {"command": "roledef", "args": ["server"]}
    languages = {entry["name"]: entry["language-servers"] for entry in config["language"]}
    assert set(languages) == {"markdown", "yaml"}
    assert all("roledef" in servers for servers in languages.values())


def test_zed_declares_the_server_and_enables_it() -> None:
    manifest = tomllib.loads(_one("toml", "[language_servers.roledef]"))
    assert manifest["language_servers"]["roledef"]["languages"] == ["Markdown", "YAML"]
    settings = json.loads(_one("json", '"lsp"'))
    assert settings["lsp"]["roledef"]["binary"]["arguments"] == ["server"]
    for language in ("Markdown", "YAML"):
        assert "roledef" in settings["languages"][language]["language_servers"]


def test_neovim_configures_and_enables_roledef_server() -> None:
    text = _one("lua", "vim.lsp.config")
    calls = [
        ast.to_lua_source(node.func)
        for node in ast.walk(ast.parse(text))
        if isinstance(node, astnodes.Call)
    ]
    assert calls == ["vim.lsp.config", "vim.lsp.enable"]
    assert '{ "roledef", "server" }' in text


def test_the_schema_association_names_the_role_schema() -> None:
    assert (ROOT / "schemas" / "role.schema.json").is_file()
    modeline = _one("yaml", "yaml-language-server")
    assert modeline.startswith("# yaml-language-server: $schema=")
    assert modeline.split("\n")[0].endswith("schemas/role.schema.json")
    settings = json.loads(_one("json", "yaml.schemas"))
    assert list(settings["yaml.schemas"]) == ["./schemas/role.schema.json"]


def test_stdin_integrations_run_roledef_lint_on_standard_input() -> None:
    efm = _yaml(_one("yaml", "lint-command"))
    assert set(efm["languages"]) == {"markdown", "yaml"}
    for tools in efm["languages"].values():
        command = tools[0]["lint-command"].split()
        assert command[:2] == ["roledef", "lint"] and command[-1] == "-"
        assert "--stdin-filename" in command and tools[0]["lint-stdin"] is True
    nvim_lint = _one("lua", "linters.roledef")
    assert '"--stdin-filename"' in nvim_lint and "stdin = true" in nvim_lint
    assert "roledef" in set(_strings(efm))  # the source of the findings
