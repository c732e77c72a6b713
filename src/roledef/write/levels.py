"""The levels of a job family -> markdown that reads back as the same levels.

Each level is a ``##`` heading with its name, its summary, then its own sections one level down::

    ## Senior Engineer

    Leads the design of a service.

    ### Responsibilities
    * Reviews the designs of the team.

    ### Skills
    * Has run a service in production.

    ### Nice to Have
    * Go.

A level is read back only when its name names a grade of the role ("Senior Engineer" in
"Engineer", "Level 3") and it has a sibling: a role with one level, or levels named otherwise,
is reported by :func:`roledef.write.render.roundtrip_differences`. Levels read from a table of
levels are not written again: the table is in its section, kept verbatim.
"""

from __future__ import annotations

from roledef.model import Level, Role
from roledef.read import vocab
from roledef.read.levels import table_levels


def render_level(level: Level) -> list[str]:
    """One level: its heading, summary, duties and skills."""
    from roledef.write.render import render_items

    out = [f"## {level.name}", ""]
    if level.summary:
        out += [level.summary, ""]
    lists = (
        (vocab.KIND_TITLES[vocab.RESPONSIBILITIES], level.responsibilities),
        (vocab.KIND_TITLES[vocab.SKILLS], level.skills.required),
        (vocab.KIND_TITLES[vocab.SKILLS_NICE], level.skills.nice_to_have),
    )
    for title, items in lists:
        if items:
            out += [f"### {title}", "", *render_items(items), ""]
    return out


def render_levels(role: Role) -> list[str]:
    """The role's levels, or nothing when its sections already hold them as a table."""
    if not role.levels:
        return []
    kept = "\n\n".join(f"## {s.heading}\n\n{s.body}" for s in role.sections).split("\n")
    if table_levels(kept, role.title) == role.levels:
        return []
    out: list[str] = []
    for level in role.levels:
        out += render_level(level)
    return out
