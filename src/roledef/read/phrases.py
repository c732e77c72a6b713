"""The words a hiring step is read with: who runs it, how long it takes, what it is called.

Data only, so that the readers (:mod:`~roledef.read.owners`, :mod:`~roledef.read.durations`,
:mod:`~roledef.read.steps`) stay a reading of English and not a list of special cases. Every
entry is lower case; plurals are formed by the readers (``engineer`` also matches ``engineers``).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A table of words written as a block of text."""
    return frozenset(text.split())


# --- people --------------------------------------------------------------------------------
#: Nouns that name a person or a body of people who can run a step: the head of an owner phrase
#: ("the hiring *manager*", "two *teammates*", "the executive *team*", "VP of Sales").
PERSON_NOUNS: frozenset[str] = words(
    """
    ceo cto cfo coo cmo cpo cro cio ciso chro cso cdo vp svp evp avp president director head
    manager lead leader founder co-founder cofounder officer chair chairperson partner principal
    owner executive supervisor mentor boss recruiter sourcer interviewer assessor reviewer
    panelist panellist investor coordinator hr talent people member teammate colleague peer
    staff employee expert engineer developer designer architect scientist analyst researcher
    marketer specialist consultant advocate administrator maintainer writer strategist
    representative associate steward practitioner team committee panel board leadership
    management council squad guild department chapter ops
    """
)

#: Roles written as acronyms, read as people only in capitals: "a Senior *SRE*", "the *EM*"
#: (never "em" or "se" in running text).
ROLE_ACRONYMS: frozenset[str] = words(
    """
    sre pm pmm em tpm ae sdr bdr csm se swe tl ta hrbp
    """
)

#: Heads that never run a step: the candidate, the company, or a group too vague to name
#: ("key stakeholders"), unless a list names who they are ("stakeholders (CEO, CTO)").
NOT_OWNERS: frozenset[str] = words(
    """
    candidate candidates applicant applicants you we us company stakeholder stakeholders someone
    somebody anyone everyone others person people folks individual individuals party parties
    """
)

#: Words that make a person the one being hired: "the *new* team member", "the *new* hire".
NEWCOMER_WORDS: frozenset[str] = words(
    """
    new newly incoming successful hired chosen selected preferred
    """
)

#: "people" is a person noun only in a name such as "People Ops" or "People team".
PEOPLE_COMPOUNDS: frozenset[str] = words(
    """
    ops operations team partner lead
    """
)

#: Words that open an owner phrase and are not part of it: determiners, numbers, quantifiers.
OWNER_DETERMINERS: frozenset[str] = words(
    """
    the a an our your their its his her this that these those one two three four five several
    some few multiple various key other relevant selected additional further both all each any
    more another respective appropriate different
    """
)

#: "a member of the hiring committee", "one of our recruiters": the group is the owner.
MEMBER_WORDS: frozenset[str] = words(
    """
    member members one some any each all two three several few
    """
)

#: Words after which an owner phrase may start.
OWNER_TRIGGERS: frozenset[str] = words(
    """
    with by meet meets alongside
    """
)

#: Words that end an owner phrase ("the CTO *to* discuss", "the CEO *on* strategy").
OWNER_STOPS: frozenset[str] = words(
    """
    to for on about who whom which that at in as from focusing focused covering where when if
    via using regarding around discussing over during after before while within into through
    will would is are was were can may might should must so then than but whose where like such
    per under until across against between along plus etc e.g i.e including with by you we they
    i he she
    """
)

#: A hedge before a person makes them no owner: "and *potentially* board members".
HEDGES: frozenset[str] = words(
    """
    potentially possibly maybe perhaps likely probably optionally sometimes occasionally ideally
    typically usually
    """
)

#: "with" after these words is not who runs the step: "experience working with managers".
NOT_MEETING_BEFORE_WITH: frozenset[str] = words(
    """
    working worked experience experienced familiarity familiar comfort comfortable
    collaborate collaborates collaborating collaboration collaborated partnering partner deal
    dealing along together communicate communicating engage engaging align aligned interact
    interacting help helping associated compared comply consistent connected integrate
    integration familiarise familiarize
    """
)

#: Verbs a step's description opens with ("*Meet* the team", "*Review* resumes").
STEP_VERBS: frozenset[str] = words(
    """
    meet review conduct discuss present complete extend build prepare evaluate assess interview
    talk chat join send schedule walk pair work design write solve answer show demo make give
    get take sit spend attend submit apply share introduce explore run host lead screen check
    """
)

#: Verbs whose "by" names who runs a step, a person's name included: "Done by Dana".
AGENT_VERBS: frozenset[str] = words(
    """
    done conducted led run hosted reviewed performed held facilitated given taken screened
    assessed evaluated interviewed owned organised organized handled
    """
)

#: Verbs after which "to X" names who a candidate presents to: "present your work to the panel".
PRESENT_VERBS: frozenset[str] = words(
    """
    present presents presented presenting pitch pitched demo demonstrate walk explain talk speak
    presentation presentations
    """
)

#: Verbs that follow a plural noun as its verb: "leadership skills *are* assessed" shows that
#: "skills" is a noun, not the verb of "leadership".
AUXILIARIES: frozenset[str] = words(
    """
    are is were was will would can could should must may might have has had do does did need
    needs get gets become becomes remain remains matter matters include includes
    """
)

#: Verbs that make a sentence's subject the step's owner: "The hiring manager *reviews* ...".
SUBJECT_VERBS: frozenset[str] = words(
    """
    will would shall then also reviews conducts conduct runs leads hosts meets interviews asks
    ask assesses assess evaluates evaluate screens holds hold sets schedules walks discusses
    discuss talks chats reaches contacts decides decide makes sends checks gets
    """
)

# --- steps -----------------------------------------------------------------------------------
#: Nouns that name a hiring step or an event of one: "a 30-minute *screening call*".
EVENT_NOUNS: frozenset[str] = words(
    """
    call interview chat conversation meeting session screen screening screener assessment
    assignment exercise test task challenge pairing review discussion sync intro introduction
    debrief panel onsite on-site visit day take-home homework interviews loop round offer check
    checks case study presentation workshop q&a walkthrough walk-through coffee lunch trial
    sample project demo alignment talk catch-up follow-up check-in touchpoint evaluation
    audition hangout
    """
)

#: Words that make a sentence an event a step can be named after ("a 30 minute intro *call*").
CORE_EVENT_NOUNS: frozenset[str] = words(
    """
    call interview interviews chat conversation meeting session screen screening assessment
    assignment exercise test challenge pairing presentation offer take-home onsite on-site
    workshop panel trial debrief intro task review discussion references reference study
        visit
    """
)

#: Things inside a step whose length is not the step's: "a 10-minute *presentation*" within an
#: assessment, "90 minutes of *preparation*". A step named after one of them ("Presentation")
#: takes its length.
PART_NOUNS: frozenset[str] = words(
    """
    presentation pitch demo roleplay role-play talk slot break questions q&a slides preparation
    prep prepare preparing warm-up feedback response reply answer notice
    """
)

#: Words before a length that make it a limit or the time of something else ("no *more* than
#: 90 minutes", "*within* 2 hours", "*spend* 3 hours preparing").
CAP_WORDS: frozenset[str] = words(
    """
    more most max maximum under within limit limited cap capped exceed longer less least minimum
    min every per each after before later ago prior over exceed
    """
)

#: Words that state a step's own length right before it: "*for* 20 minutes", "*lasting* 1h".
OWN_BEFORE: frozenset[str] = words(
    """
    for lasting lasts last takes take taking about around approximately approx roughly ~ is of
    allow expect budget have has get gets spend spends spending need needs
    """
)

#: Number words in lengths: "one hour", "two hours", "half an hour".
NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fortyfive": 45,
    "sixty": 60,
    "ninety": 90,
    "half": 0.5,
}

#: Prefixes of a step's lead that only number or place it: "Step 3:", "Stage 2 -", "Round 1:".
STEP_LABEL_WORDS: frozenset[str] = words(
    """
    step stage round phase part
    """
)

#: A medium written before the step's name: "Video call - Screening interview".
MEDIUM_WORDS: frozenset[str] = words(
    """
    video phone call zoom remote onsite on-site in-person in person online async asynchronous
    email e-mail google meet teams slack office virtual live offline written
    """
)

#: Words that open a subordinate clause before a sentence's main part: "Prior to an interview,".
LEADING_CLAUSE_WORDS: frozenset[str] = words(
    """
    prior before after once given following if when provided assuming depending based upon as
    where should then next finally first firstly second secondly third lastly afterwards
    """
)

#: What a candidate does alone, named after its verb: "Apply via our careers page" -> Application.
CANDIDATE_VERBS: dict[str, str] = {
    "apply": "Application",
    "applies": "Application",
    "submit": "Application",
    "send": "Application",
    "register": "Application",
}
