"""A job posting's ``description`` as HTML, the form Google's job posting guidelines ask for.

Those guidelines want the whole job in the description (duties, skills, qualifications), as
HTML: paragraphs, lists, headings ``<h1>`` to ``<h5>`` and ``<strong>``/``<em>``. This writes
only ``<p>``, ``<h2>`` to ``<h4>``, ``<ul>``, ``<li>`` and ``<strong>``; every piece of the role's
text is plain text (markdown markers and link targets dropped, see :func:`roledef.text.plain`)
escaped for HTML, so nothing in a role file can open a tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from roledef.model import Item, Level, Role
from roledef.text import plain
from roledef.write.jsonld import paragraphs, step_line

#: The tags this module writes; every one of them is in Google's list.
TAGS = ("p", "h2", "h3", "h4", "ul", "li", "strong")


def e(text: str) -> str:
    """Text escaped for HTML content."""
    return escape(text, quote=False)


def item_html(item: Item, note: str = "") -> str:
    """``<li><strong>Name</strong>: description</li>``, or whichever of the two the item has."""
    name = plain(item.name) if item.name else ""
    text = plain(item.description) if item.description else ""
    body = f"<strong>{e(name)}</strong>: {e(text)}" if name and text else e(name or text)
    return f"<li>{body}{e(note)}</li>" if body else ""


def item_list(items: Iterable[Item], note: str = "") -> str:
    """A ``<ul>`` of the items, or nothing when there are none."""
    rows = "".join(item_html(i, note) for i in items)
    return f"<ul>{rows}</ul>" if rows else ""


def prose(text: str | None) -> str:
    """Markdown prose as ``<p>`` paragraphs."""
    return "".join(f"<p>{e(p)}</p>" for p in paragraphs(text).split("\n\n") if p)


def section(title: str, body: str, level: int = 2) -> str:
    """A heading and its body, or nothing when the body is empty."""
    return f"<h{level}>{e(title)}</h{level}>{body}" if body else ""


def level_html(level: Level) -> str:
    """One level of a job family: its name, summary, duties and skills."""
    skills = item_list(level.skills.required) + item_list(
        level.skills.nice_to_have, " (nice to have)"
    )
    body = prose(level.summary) + section("Responsibilities", item_list(level.responsibilities), 4)
    body += section("Skills", skills, 4)
    return f"<h3>{e(plain(level.name))}</h3>{body}"


def description_html(role: Role) -> str:
    """The summary, duties, skills, nice-to-have skills, levels and hiring plan, in that order.

    A summary that ends by introducing the duties ("... is primarily responsible for:") runs
    straight into their list rather than into a heading.
    """
    summary = prose(role.summary)
    duties = item_list(role.responsibilities)
    if summary.endswith(":</p>") and duties:
        parts = [summary + duties]
    else:
        parts = [summary, section("Responsibilities", duties)]
    parts += [
        section("Skills", item_list(role.skills.required)),
        section("Nice to have", item_list(role.skills.nice_to_have)),
        section("Levels", "".join(level_html(lv) for lv in role.levels)),
    ]
    steps = [step_line(i, s) for i, s in enumerate(role.hiring_plan, start=1)]
    if steps:
        rows = "".join(f"<li>{e(s)}</li>" for s in steps)
        parts.append(section("Hiring process", f"<ul>{rows}</ul>"))
    return "".join(parts)
