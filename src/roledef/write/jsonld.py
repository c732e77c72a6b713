"""A role as schema.org JSON-LD: an ``Occupation``, or a ``JobPosting`` for a job board.

The mapping (documented in ``docs/report.md``):

- title -> ``name`` (Occupation) or ``title`` (JobPosting);
- summary (followed by the duties when it ends by introducing them), then the levels of a job
  family (each with its summary, duties and skills), then the hiring plan step by step with
  focus, duration, owners and whether the step is optional -> ``description`` (plain text:
  markdown markers removed, paragraphs kept). A job family is one document, not one per level:
  schema.org has no property for a grade, and the page describes one role;
- responsibilities -> ``responsibilities``; required skills -> ``skills``; nice-to-have skills
  -> ``qualifications``, each marked "(nice to have)", since schema.org has no property for
  preferred qualifications; every item is ``"Name: description"`` text;
- ``occupationalCategory`` only when the front matter gives one (``occupationalCategory``,
  ``occupational-category`` or ``occupational_category``), e.g. an O*NET-SOC code;
- a posting's ``description`` is HTML instead (:mod:`roledef.write.postinghtml`), and it adds
  what :class:`~roledef.write.posting.Posting` knows: ``datePosted``, ``validThrough``,
  ``hiringOrganization`` (an ``Organization``), ``jobLocation`` (a ``Place`` whose
  ``PostalAddress`` has the locality and country given), ``jobLocationType: TELECOMMUTE`` and
  ``applicantLocationRequirements`` (``Country`` items) for a remote job, ``employmentType``.

Empty values are left out rather than written as empty lists or nulls.
"""

from __future__ import annotations

from typing import Any

from roledef.model import HiringStep, Item, Level, Role
from roledef.text import Regex, plain
from roledef.write.posting import Posting

CONTEXT = "https://schema.org"
CATEGORY_KEYS = ("occupationalCategory", "occupational-category", "occupational_category")

_PARAGRAPH_RE = Regex(r"\n\s*\n")


__all__ = ["Posting", "to_jsonld"]


def paragraphs(text: str | None) -> str:
    """Markdown prose as plain text: emphasis and link targets dropped, paragraphs kept."""
    if not text:
        return ""
    parts = (plain(p) for p in _PARAGRAPH_RE().split(text))
    return "\n\n".join(p for p in parts if p)


def item_text(item: Item) -> str:
    """``"Name: description"``, or whichever of the two the item has."""
    parts = [plain(p) for p in (item.name, item.description) if p]
    return ": ".join(p for p in parts if p)


def step_line(number: int, step: HiringStep) -> str:
    """``"3. CTO Interview (Technical Depth) — 45 minutes; owners: CEO, CTO"``."""
    line = f"{number}. {plain(step.name or f'Step {number}')}"
    if step.focus:
        line += f" ({plain(step.focus)})"
    details = []
    if step.duration_minutes is not None:
        low, high = step.duration_minutes, step.duration_max_minutes
        span = f"{low}-{high}" if high is not None and high > low else f"{low}"
        details.append(f"{span} minutes")
    if step.owners:
        label = "owners" if len(step.owners) > 1 else "owner"
        details.append(f"{label}: {', '.join(plain(o) for o in step.owners)}")
    if step.optional:
        details.append("optional")
    return line + (" — " + "; ".join(details) if details else "")


def level_lines(level: Level) -> str:
    """A level's name and summary, then its duties and skills under a label each."""
    lines = [plain(level.name) + (f": {paragraphs(level.summary)}" if level.summary else "")]
    duties = [item_text(i) for i in level.responsibilities]
    skills = [item_text(i) for i in level.skills.required]
    skills += [f"{item_text(i)} (nice to have)" for i in level.skills.nice_to_have]
    for label, items in (("Responsibilities", duties), ("Skills", skills)):
        if items:
            lines += [f"  {label}:", *(f"  - {i}" for i in items)]
    return "\n".join(lines)


def description(role: Role) -> str:
    """The summary, then the levels, then the hiring plan in order.

    A summary that ends by introducing the duties ("... is primarily responsible for:") is
    followed by them, one per line, so that the text does not stop mid-sentence.
    """
    parts = [paragraphs(role.summary)]
    if parts[0].endswith(":") and role.responsibilities:
        parts[0] += "\n" + "\n".join(f"- {item_text(i)}" for i in role.responsibilities)
    if role.levels:
        parts.append("Levels:\n" + "\n".join(f"- {level_lines(lv)}" for lv in role.levels))
    if role.hiring_plan:
        steps = [step_line(i, s) for i, s in enumerate(role.hiring_plan, start=1)]
        parts.append("Hiring plan:\n" + "\n".join(steps))
    return "\n\n".join(p for p in parts if p)


def occupational_category(role: Role) -> str | None:
    """The category the front matter gives, if any."""
    for key in CATEGORY_KEYS:
        value = role.front_matter.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def one_or_list(values: tuple[str, ...] | list[Any]) -> Any:
    """A single value as itself, several as a list (the form Google's examples use)."""
    return values[0] if len(values) == 1 else list(values)


def posting_fields(posting: Posting) -> dict[str, Any]:
    """The JSON-LD properties of what the posting knows, in Google's order of importance."""
    doc: dict[str, Any] = {}
    if posting.date_posted:
        doc["datePosted"] = posting.date_posted
    if posting.valid_through:
        doc["validThrough"] = posting.valid_through
    if posting.hiring_organization:
        doc["hiringOrganization"] = {"@type": "Organization", "name": posting.hiring_organization}
    if posting.location or posting.country:
        address: dict[str, Any] = {"@type": "PostalAddress"}
        if posting.location:
            address["addressLocality"] = posting.location
        if posting.country:
            address["addressCountry"] = posting.country
        doc["jobLocation"] = {"@type": "Place", "address": address}
    if posting.remote:
        doc["jobLocationType"] = "TELECOMMUTE"
    if posting.applicant_countries:
        countries = [{"@type": "Country", "name": c} for c in posting.applicant_countries]
        doc["applicantLocationRequirements"] = one_or_list(countries)
    if posting.employment_types:
        doc["employmentType"] = one_or_list(posting.employment_types)
    return doc


def to_jsonld(role: Role, posting: Posting | None = None) -> dict[str, Any]:
    """The role as a JSON-LD document: an Occupation, or a JobPosting when ``posting`` is given."""
    doc: dict[str, Any] = {"@context": CONTEXT}
    if posting is None:
        doc["@type"] = "Occupation"
        doc["name"] = role.title
        doc["description"] = description(role)
    else:
        from roledef.write.postinghtml import description_html

        doc["@type"] = "JobPosting"
        doc["title"] = role.title
        doc["description"] = description_html(role)
        doc.update(posting_fields(posting))
    lists = {
        "responsibilities": [item_text(i) for i in role.responsibilities],
        "skills": [item_text(i) for i in role.skills.required],
        "qualifications": [f"{item_text(i)} (nice to have)" for i in role.skills.nice_to_have],
    }
    doc.update({key: [v for v in values if v] for key, values in lists.items() if values})
    category = occupational_category(role)
    if category:
        doc["occupationalCategory"] = category
    if not doc["description"]:
        del doc["description"]
    return doc
