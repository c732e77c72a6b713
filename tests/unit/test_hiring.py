"""Owners, durations and the optional flag, as handbooks write them (one row per phrasing)."""

from __future__ import annotations

import pytest

from roledef.model import Span
from roledef.read.hiring import parse_step_item
from roledef.read.owners import find_owners

S = Span(1)


@pytest.mark.parametrize(
    ("text", "name", "owner", "minutes", "max_minutes"),
    [
        (
            "Resume Screening: Review resumes. Done by the hiring manager.",
            "Resume Screening",
            "hiring manager",
            None,
            None,
        ),
        (
            "[Screening call](https://x.test/s) for 20 minutes. Done by recruiter.",
            "Screening call",
            "recruiter",
            20,
            None,
        ),
        ("CTO Interview (Depth) for 45m: A video interview.", "CTO Interview", "CTO", 45, None),
        (
            "Director of Product Interview (45 mins): talk.",
            "Director of Product Interview",
            "Director of Product",
            45,
            None,
        ),
        (
            "STAR Interview (45 mins): Values. Conducted by the CEO.",
            "STAR Interview",
            "CEO",
            45,
            None,
        ),
        ("Team chat (1 hour): with the People Ops team.", "Team chat", "People Ops team", 60, None),
        (
            "Take-Home Assignment (2–3 hours, unpaid): Build a thing.",
            "Take-Home Assignment",
            None,
            120,
            180,
        ),
        ("Take-Home (2 hours, unpaid): Build a thing.", "Take-Home", None, 120, None),
        ("Panel (45-60 minute): Meet the team.", "Panel", "team", 45, 60),
        (
            "20\u2011minute [screening call](https://x.test/s) with recruiter.",
            "Screening call",
            "recruiter",
            20,
            None,
        ),
        (
            "30-minute intro call with an Engineering Manager.",
            "Intro call",
            "Engineering Manager",
            30,
            None,
        ),
        (
            "Presentation: Prepare a 10-minute pitch; spend no more than 90 minutes on it.",
            "Presentation",
            None,
            None,
            None,
        ),
        (
            "Final Interview: A final interview with the VP of Sales or another key stakeholder.",
            "Final Interview",
            "VP of Sales",
            None,
            None,
        ),
        (
            "Engineering Manager Call (45m): Alignment.",
            "Engineering Manager Call",
            "Engineering Manager",
            45,
            None,
        ),
        (
            "STAR interview - Behaviour interview to understand values.",
            "STAR interview",
            None,
            None,
            None,
        ),
        ("**Initial Screening:** Review applications.", "Initial Screening", None, None, None),
        ("**Offer**", "Offer", None, None, None),
        ("Offer.", "Offer", None, None, None),
    ],
)
def test_step(
    text: str, name: str, owner: str | None, minutes: int | None, max_minutes: int | None
) -> None:
    step = parse_step_item(text, S)
    assert (step.name, step.owners, step.duration_minutes, step.duration_max_minutes) == (
        name,
        (owner,) if owner else (),
        minutes,
        max_minutes,
    )


@pytest.mark.parametrize(
    "text", ["Final Interview (**optional**): Chat.", "Final interview (optional) with the CEO."]
)
def test_optional(text: str) -> None:
    step = parse_step_item(text, S)
    assert step.optional
    assert step.name == "Final Interview" or step.name == "Final interview"


def test_owner_sentence_leaves_the_description() -> None:
    step = parse_step_item("Resume Screening: Review resumes. Done by the hiring manager.", S)
    assert step.description == "Review resumes."


def test_focus_is_kept() -> None:
    step = parse_step_item("CTO Interview (Technical Depth and Collaboration) for 45m: x", S)
    assert step.focus == "Technical Depth and Collaboration"


@pytest.mark.parametrize(
    ("text", "minutes", "max_minutes"),
    [
        ("Screening: schedule a 25 minute call with a recruiter.", 25, None),
        ("Intro: a 15-minute video chat with the founder.", 15, None),
        ("Onsite: 3 hours of interviews over two days.", 180, None),
        ("Culture chat: half an hour with the team.", 30, None),
        ("Pairing: an hour with two engineers.", 60, None),
        ("Pairing: one hour with two engineers.", 60, None),
        ("Pairing: an hour and a half with two engineers.", 90, None),
        ("Technical interview: 90 min with two engineers.", 90, None),
        ("System design (1.5h): a whiteboard session.", 90, None),
        ("Hiring manager call: 45\u201360 minutes on your experience.", 45, 60),
        ("Screening: a 30\u2013to\u201345\u2013minute screening call.", 30, 45),
        ("First Interview: Conduct a 30-minute phone or video interview.", 30, None),
        ("Case study: present a 20-minute case study.", 20, None),
        ("Design challenge: a paid 4-hour exercise you do at home.", 240, None),
        ("Take-home: most people spend 3-4 hours on it; please do not go over 5 hours.", 180, 240),
        ("Onsite loop: 4 interviews of 45 minutes each.", 180, None),
        ("Office visit: a half-day visit, lunch with the team included.", 240, None),
        ("Take-home: spend at most 2 hours on it.", None, None),
        ("Meet the team: three 30-minute conversations with designers.", 90, None),
        ("Mock pitch: the session lasts 1 hour including feedback from the team.", 60, None),
        # lengths that belong to something else
        ("Assessment: a 10-minute presentation, then questions from the panel.", None, None),
        ("Take-home: spend no more than 3 hours on it.", None, None),
        ("Assessment: prepare for 90 minutes, no more.", None, None),
        ("Decision: we reply within 2 working days.", None, None),
        ("Application: we answer within 2 hours.", None, None),
    ],
)
def test_length_wherever_the_step_gives_it(
    text: str, minutes: int | None, max_minutes: int | None
) -> None:
    step = parse_step_item(text, S)
    assert (step.duration_minutes, step.duration_max_minutes) == (minutes, max_minutes)


def test_a_step_of_parts_takes_their_sum() -> None:
    extra = "- Interview 1: coding (1 hour)\n- Interview 2: system design (45 minutes)"
    step = parse_step_item("Final round: two interviews on one day", S, extra)
    assert step.duration_minutes == 105


def test_the_step_s_own_length_beats_its_parts() -> None:
    extra = "- Introduction (10 minutes)\n- Pairing (30 minutes)"
    step = parse_step_item("Interview: in our office for an hour and a half", S, extra)
    assert step.duration_minutes == 90


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("Final interview (45m, optional): with the CEO.", 45), ("Final (optional, 60m)", 60)],
)
def test_optional_shares_its_parentheses(text: str, minutes: int) -> None:
    step = parse_step_item(text, S)
    assert (step.optional, step.duration_minutes) == (True, minutes)
    assert step.focus is None


@pytest.mark.parametrize(
    ("name", "text", "owners"),
    [
        (
            None,
            "Introductory interview with a member of the hiring committee.",
            ("hiring committee",),
        ),
        (
            None,
            "In-depth interview with key members of the executive team"
            " and potentially board members.",
            ("executive team",),
        ),
        (
            None,
            "Interview with key stakeholders (CEO, sales leadership) to assess fit.",
            ("CEO", "sales leadership"),
        ),
        (None, "Final alignment with leadership on expectations.", ("leadership",)),
        (None, "Review the take-home work with 2\u20133 team members.", ("team members",)),
        (None, "A technical interview with two teammates.", ("teammates",)),
        (None, "A pairing session with a senior member of our team.", ("team",)),
        (None, "Led by the Head of Design.", ("Head of Design",)),
        (None, "Conducted by the CTO and the VP of Engineering.", ("CTO", "VP of Engineering")),
        (None, "Conducted by the hiring manager or recruiter.", ("hiring manager", "recruiter")),
        (None, "Meet the founders over coffee.", ("founders",)),
        (None, "The hiring manager reviews your application.", ("hiring manager",)),
        (
            None,
            "These are presented in a playback interview to an assessor, who asks questions.",
            ("assessor",),
        ),
        (None, "In-depth interview with the hiring manager (likely the CEO).", ("hiring manager",)),
        (None, "A call with one of our tech recruiters.", ("tech recruiters",)),
        (
            None,
            "In-depth discussion with the hiring manager and relevant team members.",
            ("hiring manager", "team members"),
        ),
        ("CTO interview", "", ("CTO",)),
        ("Hiring manager intro call", "", ("Hiring manager",)),
        ("Manager/team interview", "", ("Manager", "team")),
        # the text names who the name implies: "recruiting coordinator" is the recruiter
        (
            "Recruiter screen",
            "A call with our recruiting coordinator.",
            ("recruiting coordinator",),
        ),
        ("Team chat", "A chat with the People Ops team.", ("People Ops team",)),
        ("First/peer interview", "", ("peer",)),
        # no owner: the company, the candidate, a vague or hedged group, work rather than a meeting
        (None, "We set up a call to get to know you.", ()),
        (None, "Discussion with cross-functional stakeholders on execution.", ()),
        (None, "Interview with key stakeholders, potentially including a sales leader.", ()),
        (None, "Talk about your experience working with product managers.", ()),
        (None, "The company will discuss and judge the ideas.", ()),
        (None, "Candidate will present their vision to us.", ()),
        (None, "Screen applicants with a 30 minute phone call.", ()),
        (None, "Resume review by the end of the week.", ()),
        ("STAR Interview", "Behavioral interview on past situations.", ()),
        # a plural noun is not a verb, an acronym is a role only in capitals
        (None, "Technical leadership skills are assessed in the interview.", ()),
        (None, "Team dynamics matter here.", ()),
        (None, "Xym n tft msjnao mj em aps!", ()),
        (
            None,
            "Operations coordinator brings candidates to the supervisor.",
            ("Operations coordinator",),
        ),
        (None, "Engineering team leads the interview.", ("Engineering team",)),
        (None, "Done by a Senior SRE.", ("Senior SRE",)),
        (
            None,
            "Once you apply, our recruiting coordinator will schedule a call.",
            ("recruiting coordinator",),
        ),
        (
            None,
            "After you apply, Jane, our Head of Marketing, reads every application.",
            ("Jane", "Head of Marketing"),
        ),
        (None, "Starting by the new team member.", ()),
        (None, "You walk our Head of Design through two projects.", ("Head of Design",)),
        (None, "You will meet Jane, our CEO, for coffee.", ("Jane", "CEO")),
        (None, "We use Python, the language, for the exercise.", ()),
        (
            None,
            "Three conversations with designers and engineers you would work with.",
            ("designers", "engineers"),
        ),
        ("Team fit interview", "", ()),
    ],
)
def test_owners(name: str | None, text: str, owners: tuple[str, ...]) -> None:
    assert find_owners(name, text) == owners


def test_owners_listed_in_the_name_s_parentheses() -> None:
    lead = "Final interview (CEO, sales leadership)"
    assert find_owners("Final interview", lead, lead) == ("CEO", "sales leadership")


@pytest.mark.parametrize(
    ("text", "name", "minutes", "owner"),
    [
        (
            "Qualified candidates will be invited to schedule a 30 minute screening call"
            " with a recruiter",
            "Screening call",
            30,
            "recruiter",
        ),
        (
            "Next, candidates will be invited to a values interview with one of our"
            " technical project managers.",
            "Values interview",
            None,
            "technical project managers",
        ),
        (
            "Given the review of the assignment, a technical 60-minute interview with our"
            " engineers will be scheduled.",
            "Technical interview",
            60,
            "engineers",
        ),
        (
            "You will join a 30 minute intro call and we will walk you through the process.",
            "Intro call",
            30,
            None,
        ),
        (
            "Apply via the careers page and send us your CV and a short cover letter.",
            "Application",
            None,
            None,
        ),
        ("Step 3: CTO interview (45m)", "CTO interview", 45, "CTO"),
        ("Apply with your portfolio. We read every application.", "Application", None, None),
        (
            "Video call - Screening interview with a recruiter (30 min)",
            "Screening interview",
            30,
            "recruiter",
        ),
    ],
)
def test_a_sentence_of_a_process_is_a_step(
    text: str, name: str, minutes: int | None, owner: str | None
) -> None:
    step = parse_step_item(text, S)
    assert (step.name, step.duration_minutes, step.owners[:1]) == (
        name,
        minutes,
        (owner,) if owner else (),
    )
    assert step.description is not None or len(text.split()) <= 7


def test_a_person_named_with_their_role_is_known_later_in_the_plan() -> None:
    from roledef.read.markdown import parse_markdown

    role = parse_markdown(
        "# Office Manager\n\n## What to expect\n\n"
        "Our hiring manager, Priya, reviews every application personally. Shortlisted "
        "candidates are invited to a short video call (about 20 minutes) with Priya.\n"
    )
    assert [(s.name, s.owners, s.duration_minutes) for s in role.hiring_plan] == [
        ("Application review", ("Priya", "hiring manager"), None),
        ("Short video call", ("Priya",), 20),
    ]


def test_a_name_before_a_colon_is_a_name_even_with_a_pronoun_in_it() -> None:
    # only a step written as a phrase is named after the event of its sentence
    assert parse_step_item("We meet: a call with the CTO (30m)", S).name == "We meet"
    assert parse_step_item("I 3 Epefckkeb", S).name == "I 3 Epefckkeb"
