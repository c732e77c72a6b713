"""Hypothesis strategies for role models that handbook markdown can express.

The generated models stay inside what the markdown format can say; each exclusion is here, with
its reason, because the property ``parse(render(model)) == model`` is only as strong as they are
narrow:

- Words the parser gives meaning to are not used as plain words: ``by``/``with`` (they name a
  step's owner), ``for`` and time units (a step's duration), ``optional``, ``reports`` (the
  ``reports_to`` sentence), ``week``/``day``/``month`` (phase periods).
- Names contain no ``:`` and no `` - `` (both end a name), no markdown emphasis, and start with
  a capital letter (a step name is capitalised when read).
- Text has no leading ``#``/``>``/list markers and no trailing spaces (markdown structure, or
  nothing, in a file).
- An item without a name has a description that does not start like ``Name: text`` or
  ``Name — text`` (it would be read as the item's name).
- A list never goes back to "no group" after a group: a label starts a group and only another
  label ends it.
- Only the first phase of the 90-day plan may lack a period (a later untitled heading is a group
  of the phase before it), and if it has no title either, its items have no group (the label
  would be read as its title).
- Preserved sections come in the order the layout keeps: level-2 sections, the hiring plan's
  introduction (level 0) and, when there are steps, ``###`` sections after them.
- A step without an owner does not have one in its name ("CTO Interview" is the CTO's step).
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

from roledef.model import HiringStep, Item, Phase, Role, Section, Skills
from roledef.read import vocab
from roledef.read.labels import classify
from roledef.read.owners import find_owners
from roledef.text import split_lead

#: Words the parser reads meaning into (see the module docstring).
RESERVED = {
    "by", "with", "for", "optional", "reports", "report", "week", "weeks", "day", "days",
    "month", "months", "first", "next", "last", "m", "h", "min", "mins", "minute", "minutes",
    "hour", "hours", "hr", "hrs", "to", "done", "led", "run",
}  # fmt: skip

#: Inline markdown and punctuation that must survive as written.
TOKENS = [
    ",", "(aside)", "`code`", "*em*", "**strong**", "[docs](https://example.com/a)",
    "e.g.", "—", "&", "100%", "3", "'quoted'", "don't", "a/b", "x_y", "x: y", "a - b",
    "#tag", "<br>", "\\*", "2.", "~~old~~", "&amp;", "C++", "[x]", "Node.js", "*",
]  # fmt: skip

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, capital: bool = False) -> str:
    while True:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 9)))
        if word not in RESERVED:
            return word.capitalize() if capital else word


def _sentence(rng: random.Random) -> str:
    words = [_word(rng, capital=True)]
    for _ in range(rng.randint(0, 12)):
        words.append(rng.choice(TOKENS) if rng.random() < 0.25 else _word(rng))
    return " ".join(words).replace(" ,", ",") + rng.choice(".!?")


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


#: What names, groups and headings may hold besides words (markdown there is not kept).
NAME_TOKENS = ["&", "C++", "Node.js", "a/b", "don't", "100%", "+", "3"]


def _phrase(rng: random.Random, low: int, high: int) -> str:
    words = [_word(rng, capital=True)]
    for _ in range(rng.randint(low, high) - 1):
        words.append(rng.choice(NAME_TOKENS) if rng.random() < 0.2 else _word(rng, capital=True))
    return " ".join(words)


# Text is expanded from one drawn seed: drawing it word by word makes generation far too slow
# for CI, and the structure around the text is what the property explores.
SEEDS = st.integers(0, 2**32)


def sentence() -> st.SearchStrategy[str]:
    return SEEDS.map(lambda n: _sentence(random.Random(n)))


def paragraph() -> st.SearchStrategy[str]:
    return SEEDS.map(lambda n: _paragraph(random.Random(n)))


def phrase(min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[str]:
    """A short title-case phrase: names, groups, headings."""
    return SEEDS.map(lambda n: _phrase(random.Random(n), min_size, max_size))


@st.composite
def description(draw: st.DrawFn, joiner: str = "\n") -> str:
    """One paragraph, sometimes followed by nested paragraphs or a nested list."""
    text = draw(paragraph())
    more = draw(st.sampled_from(["", "", "", "para", "list"]))
    if more == "para":
        text += joiner + "\n\n".join(draw(st.lists(paragraph(), min_size=1, max_size=2)))
    elif more == "list":
        text += joiner + "\n".join(f"* {s}" for s in draw(st.lists(sentence(), min_size=1)))
    return text


@st.composite
def item(draw: st.DrawFn, group: str | None = None) -> Item:
    name = draw(st.none() | phrase())
    if name is None:
        # a lone description must not itself start with a name ("Word — text" is one)
        desc = draw(description().filter(lambda d: split_lead(d.split("\n")[0])[0] is None))
    else:
        desc = draw(st.none() | description())
    return Item(name, desc, group)


def group_name() -> st.SearchStrategy[str]:
    return phrase(1, 5).filter(lambda g: classify(g) is None)


@st.composite
def grouped_items(draw: st.DrawFn, max_groups: int = 3) -> tuple[Item, ...]:
    """Ungrouped items first, then runs of items under group labels."""
    items = list(draw(st.lists(item(), max_size=3)))
    for group in draw(st.lists(group_name(), max_size=max_groups)):
        items += draw(st.lists(item(group), min_size=1, max_size=3))
    return tuple(items)


@st.composite
def phase(draw: st.DrawFn, first: bool) -> Phase:
    low = draw(st.integers(0, 60))
    period = draw(
        st.sampled_from([f"Week {low}-{low + 3}", f"Days {low}-{low + 30}", f"Month {low}"])
    )
    if first and draw(st.booleans()):
        period = None
    title = draw(st.none() | phrase())
    # a label before any phase heading would start a phase of its own
    items = draw(grouped_items(max_groups=0 if period is title is None else 1))
    if period is None and title is None and not items:
        items = (draw(item()),)
    return Phase(period, title, items)


#: Owners as the parser reads them: roles and a person; a step is run by up to three of them.
OWNERS = ["CTO", "hiring manager", "VP of Sales", "recruiter", "Dana"]


@st.composite
def step(draw: st.DrawFn) -> HiringStep:
    owners = tuple(draw(st.lists(st.sampled_from(OWNERS), max_size=3, unique=True)))
    name = draw(phrase())
    if owners and draw(st.booleans()):
        name = f"{owners[0][0].upper()}{owners[0][1:]} Interview"
    low = draw(st.none() | st.integers(1, 240))
    high = draw(st.none() | st.integers(1, 240)) if low is not None else None
    desc = draw(st.none() | description("\n\n"))
    built = HiringStep(
        name=name,
        description=desc,
        owners=owners,
        duration_minutes=low,
        duration_max_minutes=high,
        optional=draw(st.booleans()),
        link=draw(st.none() | st.just("https://example.com/hiring/step")),
        focus=draw(st.none() | phrase()),
    )
    # the step's name says who runs it: only that owner (or an explicit one) can be read back
    implied = find_owners(name, "")
    return built if owners or not implied else built.replace(owners=implied)


def section_heading() -> st.SearchStrategy[str]:
    return phrase().filter(lambda h: classify(h) in (None, vocab.EXTRA))


@st.composite
def sections(draw: st.DrawFn, has_steps: bool) -> tuple[Section, ...]:
    before = [
        Section(h, 2, draw(paragraph())) for h in draw(st.lists(section_heading(), max_size=2))
    ]
    intro = (
        [Section("Hiring Plan (introduction)", 0, draw(paragraph()))] if draw(st.booleans()) else []
    )
    deeper = []
    if has_steps:
        deeper = [
            Section(h, 3, draw(paragraph())) for h in draw(st.lists(section_heading(), max_size=2))
        ]
    end = [Section(h, 2, draw(paragraph())) for h in draw(st.lists(section_heading(), max_size=2))]
    return tuple(before + intro + deeper + end)


@st.composite
def roles(draw: st.DrawFn) -> Role:
    """A role model the markdown format can express (see the module docstring)."""
    title = draw(phrase(1, 4))
    front = draw(
        st.sampled_from(
            [{}, {"navTitle": title, "navGroup": "Job Descriptions"}, {"navTitle": title}]
        )
    )
    paragraphs = draw(st.lists(paragraph(), max_size=3))
    if paragraphs and draw(st.booleans()):  # a list in the overview (rendered above its heading)
        paragraphs.insert(1, "\n".join(f"* {s}" for s in draw(st.lists(sentence(), min_size=1))))
    reports_to = draw(st.none() | st.sampled_from(["Director of Product", "CTO", "Head of Sales"]))
    if reports_to:
        paragraphs.append(f"The {title} reports to the {reports_to}.")
    hiring = tuple(draw(st.lists(step(), max_size=5)))
    return Role(
        id="generated",
        title=title,
        front_matter=front,
        summary="\n\n".join(paragraphs) or None,
        reports_to=reports_to,
        responsibilities=draw(grouped_items()),
        non_responsibilities=draw(grouped_items(max_groups=1)),
        skills=Skills(draw(grouped_items()), draw(grouped_items(max_groups=1))),
        onboarding=tuple(draw(phase(i == 0)) for i in range(draw(st.integers(0, 3)))),
        hiring_plan=hiring,
        sections=draw(sections(bool(hiring))),
    )
