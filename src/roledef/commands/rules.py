"""``roledef rules`` and ``roledef explain``: what the linter checks, from the rules' docstrings."""

from __future__ import annotations

import json

import click

from roledef.exitcodes import EXIT_OK, EXIT_USAGE
from roledef.lint.rules import RULES, resolve, rule_info
from roledef.lint.rules.docs import rules_markdown, rules_table


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text: a table; markdown: docs/rules.md; json: a list of rules.",
)
def rules(fmt: str) -> int:
    """List the lint rules: code, name, default severity, fixable, summary."""
    if fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
    elif fmt == "json":
        data = [{**rule_info(r).to_dict(), "enabled_by_default": r.ENABLED} for r in RULES.values()]
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(rules_table(), nl=False)
    return EXIT_OK


@click.command()
@click.argument("rule")
def explain(rule: str) -> int:
    """Print a rule's documentation; RULE is a code (RD201) or a name (unknown-section)."""
    code = resolve(rule)
    if code is None:
        click.echo(f"roledef: unknown rule '{rule}' (see roledef rules)", err=True)
        return EXIT_USAGE
    info = rule_info(RULES[code])
    fixable = "fixable" if info.fixable else "not fixable"
    click.echo(f"{info.code} {info.name} ({info.severity}, {fixable})\n\n{info.doc}")
    return EXIT_OK
