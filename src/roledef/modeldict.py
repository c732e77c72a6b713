"""The model as the plain data of the role schema, and back.

:func:`role_to_dict` writes a role in the schema's field order (spans only when asked for): the
document ``roledef convert`` writes. :func:`role_from_dict` reads one back, of the current
schema version or of version 1. :func:`comparable` is what two roles are compared by.
"""

from __future__ import annotations

from typing import Any

from roledef.model import HiringStep, Item, Level, Phase, Role, Section, Skills


def _item(item: Item, positions: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": item.name,
        "description": item.description,
        "group": item.group,
    }
    if positions:
        out["position"] = item.span.to_dict()
    return out


def _step(step: HiringStep, positions: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": step.name,
        "description": step.description,
        "owners": list(step.owners),
        "duration_minutes": step.duration_minutes,
        "duration_max_minutes": step.duration_max_minutes,
        "optional": step.optional,
        "link": step.link,
        "focus": step.focus,
    }
    if positions:
        out["position"] = step.span.to_dict()
    return out


def _skills(skills: Skills, positions: bool) -> dict[str, Any]:
    return {
        "required": [_item(i, positions) for i in skills.required],
        "nice_to_have": [_item(i, positions) for i in skills.nice_to_have],
    }


def _level_dict(level: Level, positions: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": level.name,
        "summary": level.summary,
        "responsibilities": [_item(i, positions) for i in level.responsibilities],
        "skills": _skills(level.skills, positions),
    }
    if positions:
        out["position"] = level.span.to_dict()
    return out


def role_to_dict(role: Role, *, positions: bool = False) -> dict[str, Any]:
    """The role as plain JSON-compatible data, keys in schema order.

    ``levels`` is written only when the role has levels: most roles are one position.
    """
    phases = []
    for phase in role.onboarding:
        entry: dict[str, Any] = {
            "period": phase.period,
            "title": phase.title,
            "items": [_item(i, positions) for i in phase.items],
        }
        if positions:
            entry["position"] = phase.span.to_dict()
        phases.append(entry)
    sections = []
    for section in role.sections:
        sec: dict[str, Any] = {
            "heading": section.heading,
            "level": section.level,
            "body": section.body,
        }
        if positions:
            sec["position"] = section.span.to_dict()
        sections.append(sec)
    data: dict[str, Any] = {
        "schema_version": role.schema_version,
        "id": role.id,
        "title": role.title,
        "front_matter": dict(role.front_matter),
        "summary": role.summary,
        "reports_to": role.reports_to,
        "responsibilities": [_item(i, positions) for i in role.responsibilities],
        "non_responsibilities": [_item(i, positions) for i in role.non_responsibilities],
        "skills": _skills(role.skills, positions),
    }
    if role.levels:
        data["levels"] = [_level_dict(level, positions) for level in role.levels]
    data["onboarding"] = phases
    data["hiring_plan"] = [_step(s, positions) for s in role.hiring_plan]
    data["sections"] = sections
    return data


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _items_from(data: Any) -> tuple[Item, ...]:
    if not isinstance(data, list):
        return ()
    return tuple(
        Item(_opt_str(d.get("name")), _opt_str(d.get("description")), _opt_str(d.get("group")))
        for d in data
        if isinstance(d, dict)
    )


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _level(value: Any) -> int:
    """A section's level; 0 (the hiring plan's introduction) is a level, not a missing one."""
    level = _int_or_none(value)
    return 2 if level is None else level


def _owners_from(step: dict[str, Any]) -> tuple[str, ...]:
    """A step's owners: ``owners`` (version 2), or version 1's one ``owner`` (null: none)."""
    owners = step.get("owners")
    if isinstance(owners, list):
        return tuple(str(o) for o in owners if o is not None)
    owner = step.get("owner")
    return () if owner is None else (str(owner),)


def _skills_from(data: Any) -> Skills:
    skills = data if isinstance(data, dict) else {}
    return Skills(_items_from(skills.get("required")), _items_from(skills.get("nice_to_have")))


def _levels_from(data: Any) -> tuple[Level, ...]:
    if not isinstance(data, list):
        return ()
    return tuple(
        Level(
            str(d.get("name", "")),
            _opt_str(d.get("summary")),
            _items_from(d.get("responsibilities")),
            _skills_from(d.get("skills")),
        )
        for d in data
        if isinstance(d, dict)
    )


def role_from_dict(data: dict[str, Any]) -> Role:
    """Build a :class:`Role` from data shaped like the schema (e.g. a converted YAML file).

    The data should have been validated first; wrong types are dropped, not guessed at. Data of
    schema version 1 is read into the current model: its steps' ``owner`` becomes ``owners``.
    """
    phases = tuple(
        Phase(_opt_str(p.get("period")), _opt_str(p.get("title")), _items_from(p.get("items")))
        for p in data.get("onboarding") or []
        if isinstance(p, dict)
    )
    steps = tuple(
        HiringStep(
            name=_opt_str(s.get("name")),
            description=_opt_str(s.get("description")),
            owners=_owners_from(s),
            duration_minutes=_int_or_none(s.get("duration_minutes")),
            duration_max_minutes=_int_or_none(s.get("duration_max_minutes")),
            optional=bool(s.get("optional", False)),
            link=_opt_str(s.get("link")),
            focus=_opt_str(s.get("focus")),
        )
        for s in data.get("hiring_plan") or []
        if isinstance(s, dict)
    )
    sections = tuple(
        Section(str(s.get("heading", "")), _level(s.get("level")), str(s.get("body", "")))
        for s in data.get("sections") or []
        if isinstance(s, dict)
    )
    front = data.get("front_matter")
    return Role(
        id=str(data.get("id", "")),
        title=str(data.get("title", "")),
        front_matter=dict(front) if isinstance(front, dict) else {},
        summary=_opt_str(data.get("summary")),
        reports_to=_opt_str(data.get("reports_to")),
        responsibilities=_items_from(data.get("responsibilities")),
        non_responsibilities=_items_from(data.get("non_responsibilities")),
        skills=_skills_from(data.get("skills")),
        levels=_levels_from(data.get("levels")),
        onboarding=phases,
        hiring_plan=steps,
        sections=sections,
    )


def comparable(role: Role) -> dict[str, object]:
    """The role as data, without what markdown does not carry (the id comes from the file name):
    what a round trip through markdown, or a fix, must keep."""
    data = role_to_dict(role)
    data.pop("id")
    return data
