"""The canonical template of a new role: a complete role model with marked placeholders.

``roledef new`` renders it with :mod:`roledef.write.render`, so a new file has exactly the layout
that ``roledef render`` writes. Every blank is marked ``TODO(roledef): ...`` (the ``placeholder``
rule, RD207, reports each one until it is filled); everything else is a sensible default that lints
clean: a hiring plan whose steps all have an owner and a duration, the three phases of a 90-day
plan, and the front matter the handbook's navigation needs.
"""

from __future__ import annotations

from roledef.lint.rules.placeholder import MARKER
from roledef.model import HiringStep, Item, Phase, Role, Skills
from roledef.text import slugify

#: The navigation group of a new role unless another is asked for.
DEFAULT_NAV_GROUP = "Job Descriptions"


def todo(what: str) -> str:
    """A marked placeholder: ``TODO(roledef): what``."""
    return f"{MARKER}: {what}"


def _items(kind: str, what: str, count: int) -> tuple[Item, ...]:
    return tuple(Item(f"{MARKER} {kind} {n}", what) for n in range(1, count + 1))


def _steps() -> tuple[HiringStep, ...]:
    assess = todo("what this interview assesses, and how.")
    return (
        HiringStep(
            "Resume Screening",
            "Review resumes and cover letters against the skills above.",
            owners=("hiring manager",),
        ),
        HiringStep(
            "Screening call",
            "Motivation, logistics and expectations.",
            owners=("recruiter",),
            duration_minutes=20,
        ),
        HiringStep(
            "Hiring Manager Interview", assess, owners=("hiring manager",), duration_minutes=45
        ),
        HiringStep("Team Interview", assess, owners=("hiring manager",), duration_minutes=60),
        HiringStep(
            "Offer", "Extend an offer to the selected candidate.", owners=("hiring manager",)
        ),
    )


def new_markdown(title: str, nav_group: str = DEFAULT_NAV_GROUP) -> str:
    """The template role file for ``title``, as markdown."""
    from roledef.write.render import render_markdown

    return render_markdown(template_role(title, nav_group))


def new_role(title: str, nav_group: str = DEFAULT_NAV_GROUP) -> Role:
    """The template as a model: what :func:`new_markdown` reads back as (for YAML output)."""
    from roledef.read.markdown import parse_markdown

    return parse_markdown(new_markdown(title, nav_group), f"{slugify(title)}.md")


def template_role(title: str, nav_group: str = DEFAULT_NAV_GROUP) -> Role:
    """The template role for ``title``, built field by field."""
    title = " ".join(title.split())
    phases = tuple(
        Phase(period, f"{MARKER} {name}", (Item(MARKER, what),))
        for period, name, what in (
            ("Week 1-4", "theme", "what the new hire learns, and whom they meet."),
            ("Week 5-8", "theme", "the first work the new hire owns."),
            ("Week 9-13", "theme", "what the new hire delivers by day 90."),
        )
    )
    return Role(
        id=slugify(title),
        title=title,
        front_matter={"navTitle": title, "navGroup": nav_group},
        summary="\n\n".join(
            [
                todo("two or three sentences on why the role exists and what it achieves."),
                f"The {title} reports to the {todo('title of the manager.')}",
            ]
        ),
        responsibilities=_items("responsibility", "What the role owns, in one sentence.", 3),
        non_responsibilities=(Item(MARKER, "work people may expect of this role."),),
        skills=Skills(
            _items("skill", "What the candidate must bring, in one sentence.", 3),
            _items("bonus skill", "What helps but is not required.", 1),
        ),
        onboarding=phases,
        hiring_plan=_steps(),
    )
