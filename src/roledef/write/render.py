"""Role model -> handbook markdown, in the house style of the seed role file.

The output is written for :func:`roledef.read.markdown.parse_markdown` to read back into the same
model: every field is written in one canonical form the parser understands, and where a field can
be written in more than one way the renderer takes the first form that reads back unchanged
(:func:`_pick`). What the markdown cannot express at all (see ``docs/render.md``) is reported by
:func:`roundtrip_differences`, which callers use to warn before writing.

Layout::

    ---                               front matter (YAML), when there is any
    # Title
    ## Job Description                summary, responsibilities (``Group:`` labels),
    ### What is the Title not responsible for?
    ## Skills                         required skills, then ``### Nice to Have``
    ## Senior Engineer                each level of a job family (:mod:`roledef.write.levels`)
    ## 90-Day Plan                    ``### Week 1-4: Title`` + bullets per phase
    ## Hiring Plan                    a numbered list (:mod:`roledef.write.steps`)
    ## ...                            the preserved ``sections``, in their original order
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from roledef.model import Item, Phase, Role, Section
from roledef.modeldict import comparable
from roledef.read import vocab
from roledef.read.markdown import parse_markdown
from roledef.read.yamlio import dump_yaml
from roledef.write.levels import render_levels
from roledef.write.steps import render_steps

BULLET = "*"
T = TypeVar("T")


def _pick(candidates: Iterable[T], ok: Callable[[T], bool]) -> T:
    """The first candidate that reads back as meant, else the first one (reported later)."""
    options = list(candidates)
    return next((c for c in options if ok(c)), options[0])


def indent_block(text: str, width: int) -> list[str]:
    """Markdown nested under a list item: indented by ``width``, blank lines left empty."""
    pad = " " * width
    return [pad + line if line.strip() else "" for line in text.split("\n")]


# --- items ----------------------------------------------------------------------------------
#: Where a list sits (the job description, a phase of the 90-day plan, anywhere else): a minimal
#: document that puts a bullet or a label there, and where its items are read back from.
_CONTEXTS: dict[str, tuple[str, Callable[[Role], tuple[Item, ...]]]] = {
    "jd": ("## Job Description\n\n", lambda r: r.responsibilities),
    "list": ("## Skills\n\n", lambda r: r.skills.required),
    "phase": ("## 90-Day Plan\n\n### Week 1\n\n", lambda r: r.onboarding[0].items),
}


def _read_back(context: str, lines: list[str]) -> tuple[tuple[Item, ...], Role]:
    prefix, pick = _CONTEXTS[context]
    role = parse_markdown(prefix + "\n".join(lines) + "\n")
    return (pick(role) if role.onboarding or context != "phase" else ()), role


def reads_back(lines: list[str], item: Item, context: str = "list") -> bool:
    """Whether ``lines`` (one bullet) parse back to exactly ``item`` (its group aside)."""
    got, role = _read_back(context, lines)
    return got == (Item(item.name, item.description, None),) and not role.sections


def item_forms(item: Item, bullet: str = BULLET) -> list[list[str]]:
    """Ways to write one item, best first: ``* Name: description`` with further lines nested."""
    name, desc = item.name, item.description or ""
    first, _, rest = desc.partition("\n")
    width = len(bullet) + 1
    nested = ["", *indent_block(rest, width)] if rest else []
    whole = ["", *indent_block(desc, width)] if desc else []
    if name is None:
        return [[f"{bullet} {first}", *nested], [bullet, *whole]]
    if not desc:
        return [[f"{bullet} **{name}**"], [f"{bullet} {name}:"], [f"{bullet} **{name}:**"]]
    return [
        [f"{bullet} {name}: {first}", *nested],
        [f"{bullet} **{name}**: {first}", *nested],
        [f"{bullet} **{name}:** {first}", *nested],
        [f"{bullet} **{name}**:", *whole],
    ]


def render_item(item: Item, bullet: str = BULLET, context: str = "list") -> list[str]:
    """One bullet, in the first form that reads back as ``item``."""
    return _pick(item_forms(item, bullet), lambda lines: reads_back(lines, item, context))


def group_label(group: str, context: str = "list") -> list[str]:
    """A group as a label line (``Core Tasks and Responsibilities:``), else bold or a heading."""

    def ok(label: str) -> bool:
        got, role = _read_back(context, [label, "", "* x"])
        return got == (Item(None, "x", group),) and not role.sections and not role.summary

    depth = "####" if context == "phase" else "###"
    return [_pick([f"{group}:", f"**{group}**", f"{depth} {group}"], ok)]


def render_items(items: Sequence[Item], context: str = "list") -> list[str]:
    """A list of items, with a group label wherever the group changes.

    ``context`` is where the list sits: ``jd`` (the job description), ``phase`` (a phase of the
    90-day plan) or ``list`` (anywhere else); it decides how labels and items are written.
    """
    lines: list[str] = []
    group: str | None = None
    for item in items:
        if item.group != group and item.group is not None:
            if lines:
                lines.append("")
            lines += [*group_label(item.group, context), ""]
        group = item.group
        lines += render_item(item, context=context)
    return lines


# --- sections of the document -------------------------------------------------------------
def render_front_matter(front: dict[str, object]) -> list[str]:
    """The front matter block, as YAML between ``---`` lines; nothing when it is empty."""
    if not front:
        return []
    return ["---", *dump_yaml(dict(front)).rstrip("\n").split("\n"), "---", ""]


def summary_fits_description(summary: str) -> bool:
    """Whether the summary reads back whole under ``## Job Description``.

    Lists and label lines there would be read as duties; such a summary goes above the heading,
    where everything up to the first section is overview prose.
    """
    role = parse_markdown(f"## Job Description\n\n{summary}\n")
    return role.summary == summary and not (
        role.responsibilities or role.non_responsibilities or role.sections
    )


def render_job_description(role: Role) -> list[str]:
    out: list[str] = []
    summary = role.summary
    if summary and not summary_fits_description(summary):
        out += [summary, ""]
        summary = None
    if not (summary or role.responsibilities or role.non_responsibilities):
        return out
    out += ["## Job Description", ""]
    if summary:
        out += [summary, ""]
    if role.responsibilities:
        out += [*render_items(role.responsibilities, "jd"), ""]
    if role.non_responsibilities:
        level = "###"
        if any(i.group for i in role.non_responsibilities):
            level = "##"  # groups under an H3 inside the description would read as duties
        out += [f"{level} What is the {role.title} not responsible for?", ""]
        out += [*render_items(role.non_responsibilities), ""]
    return out


def render_skills(role: Role) -> list[str]:
    skills = role.skills
    if not (skills.required or skills.nice_to_have):
        return []
    out = ["## Skills", ""]
    if skills.required:
        out += [*render_items(skills.required), ""]
    if skills.nice_to_have:
        out += [f"### {vocab.KIND_TITLES[vocab.SKILLS_NICE]}", ""]
        out += [*render_items(skills.nice_to_have), ""]
    return out


def phase_heading(phase: Phase) -> str | None:
    """``Week 1-4: Immerse``; None for an untitled lead-in phase (its items come first)."""
    if phase.period and phase.title:
        return f"{phase.period}: {phase.title}"
    return phase.period or phase.title


def render_onboarding(phases: Sequence[Phase], intro: Sequence[Section] = ()) -> list[str]:
    if not phases and not intro:
        return []
    out = [f"## {vocab.KIND_TITLES[vocab.ONBOARDING]}", ""]
    for section in intro:
        out += render_section(section)
    for phase in phases:
        heading = phase_heading(phase)
        if heading is not None:
            out += [f"### {heading}", ""]
        if phase.items:
            out += [*render_items(phase.items, "phase"), ""]
    return out


def render_section(section: Section) -> list[str]:
    if section.level == 0:  # prose before the first hiring step
        return [section.body, ""] if section.body else []
    out = [f"{'#' * section.level} {section.heading}", ""]
    if section.body:
        out += [section.body, ""]
    return out


def place_sections(
    sections: Sequence[Section], has_steps: bool
) -> tuple[list[Section], list[Section], list[Section], list[Section]]:
    """Split the preserved sections into (before the hiring plan, its introduction, after its
    steps, at the end), keeping their order.

    Level-0 sections are the hiring plan's introduction and deeper sections (``###``) that follow
    the steps belong right after them; a top-level section that comes before either of those in
    the original order has to come before the hiring plan to keep that order.
    """
    anchor = next(
        (i for i, s in enumerate(sections) if s.level == 0 or (s.level >= 3 and has_steps)),
        None,
    )
    before: list[Section] = []
    intro: list[Section] = []
    after_steps: list[Section] = []
    end: list[Section] = []
    for i, section in enumerate(sections):
        if section.level == 0:
            intro.append(section)
        elif section.level >= 3 and has_steps and not end:
            after_steps.append(section)
        elif anchor is not None and i < anchor:
            before.append(section)
        else:
            end.append(section)
    return before, intro, after_steps, end


def render_markdown(role: Role) -> str:
    """The handbook markdown for ``role``."""
    plan_intro = [s for s in role.sections if s.level == 0 and s.heading == vocab.ONBOARDING_INTRO]
    others = [s for s in role.sections if s not in plan_intro]
    before, intro, after_steps, end = place_sections(others, bool(role.hiring_plan))
    out: list[str] = [*render_front_matter(role.front_matter), f"# {role.title}", ""]
    out += render_job_description(role)
    out += render_skills(role)
    out += render_levels(role)
    out += render_onboarding(role.onboarding, plan_intro)
    for section in before:
        out += render_section(section)
    if role.hiring_plan or intro:
        out += [f"## {vocab.KIND_TITLES[vocab.HIRING_PLAN]}", ""]
        for section in intro:
            out += render_section(section)
        if role.hiring_plan:
            out += [*render_steps(role.hiring_plan), ""]
        for section in after_steps:
            out += render_section(section)
    for section in end:
        out += render_section(section)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --- checking the round trip ---------------------------------------------------------------
def roundtrip_differences(role: Role, text: str | None = None) -> list[str]:
    """The top-level fields of ``role`` that the rendered markdown would not read back as is."""
    text = render_markdown(role) if text is None else text
    before, after = comparable(role), comparable(parse_markdown(text))
    return [key for key in before if before[key] != after.get(key)]


def _walk(a: object, b: object, path: str) -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            yield from _walk(a[key], b.get(key), f"{path}.{key}" if path else str(key))
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from _walk(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            yield f"{path}: {len(a)} entries would read back as {len(b)}"
    elif a != b:
        yield f"{path}: {_short(a)} would read back as {_short(b)}"


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def roundtrip_report(role: Role, text: str, limit: int = 10) -> list[str]:
    """One line per field of ``role`` that ``text`` would not read back exactly (at most
    ``limit``, then a count of the rest)."""
    found = list(_walk(comparable(role), comparable(parse_markdown(text)), ""))
    if len(found) > limit:
        found = [*found[:limit], f"and {len(found) - limit} more differences"]
    return found
