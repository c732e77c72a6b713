"""``roledef rules`` and ``roledef explain``: what the linter checks, from the rules' docstrings."""

from __future__ import annotations

import json

import click

from roledef.exitcodes import EXIT_OK, EXIT_USAGE
from roledef.lint.rules import RULES, resolve, rule_info, unknown_rule
from roledef.lint.rules.docs import option_defaults, plain_text, rules_markdown, rules_table


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text: a table; markdown: every rule's documentation as one page; json: a list of rules.",
)
def rules(fmt: str) -> int:
    """List the lint rules: code, name, severity, fixable, summary.

    The severity is the rule's default (the config's 'severity' table changes it); roledef
    explain RULE prints one rule's documentation.
    """
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
    """Print a rule's documentation: why, examples, config keys.

    RULE is a code (RD201) or a name (unknown-section); roledef rules lists them all.
    """
    code = resolve(rule)
    if code is None:
        click.echo(f"roledef: {unknown_rule(rule)}", err=True)
        return EXIT_USAGE
    click.echo(explanation(code))
    return EXIT_OK


def explanation(code: str) -> str:
    """A rule's documentation as ``roledef explain`` prints it (and the server's hover shows)."""
    module = RULES[code]
    info = rule_info(module)
    fixable = "fixable" if info.fixable else "not fixable"
    on = "on by default" if module.ENABLED else "off by default"
    options = option_defaults(module, "'")
    facts = f"Applies to: {', '.join(module.FORMATS)}; {on}." + (
        f" Config keys: {options}." if options else ""
    )
    return (
        f"{info.code} {info.name} ({info.severity}, {fixable})\n{facts}\n\n{plain_text(info.doc)}"
    )
