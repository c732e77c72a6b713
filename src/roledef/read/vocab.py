"""The handbook vocabulary: section aliases, owner and duration phrases, defaults.

This is data, kept in one place so that a handbook can extend it (``aliases`` in the config adds
to :data:`SECTION_ALIASES`) and so that the parser reads as a pipeline rather than an ``if`` chain.
All alias keys are in *normalised* form: see :func:`roledef.text.normalize_heading`.
"""

from __future__ import annotations

import re
from typing import Literal

from roledef.text import Regex

# --- section kinds ----------------------------------------------------------------------------
#: What a known section holds (the config's ``aliases`` map headings to these).
SectionKind = Literal[
    "job_description",
    "responsibilities",
    "non_responsibilities",
    "skills",
    "skills_required",
    "skills_nice",
    "onboarding",
    "hiring_plan",
    "extra",
]
JOB_DESCRIPTION: SectionKind = "job_description"
RESPONSIBILITIES: SectionKind = "responsibilities"
NON_RESPONSIBILITIES: SectionKind = "non_responsibilities"
SKILLS: SectionKind = "skills"
SKILLS_REQUIRED: SectionKind = "skills_required"
SKILLS_NICE: SectionKind = "skills_nice"
ONBOARDING: SectionKind = "onboarding"
HIRING_PLAN: SectionKind = "hiring_plan"
EXTRA: SectionKind = "extra"  # a known section that is kept verbatim in ``sections``

#: Human names of the section kinds, used in messages and by ``roledef render``.
KIND_TITLES: dict[str, str] = {
    JOB_DESCRIPTION: "Job Description",
    RESPONSIBILITIES: "Responsibilities",
    NON_RESPONSIBILITIES: "Non-responsibilities",
    SKILLS: "Skills",
    SKILLS_REQUIRED: "Skills",
    SKILLS_NICE: "Nice to Have",
    ONBOARDING: "90-Day Plan",
    HIRING_PLAN: "Hiring Plan",
}

#: The order sections are expected in (``section-order``); kinds not listed are free.
SECTION_ORDER: tuple[SectionKind, ...] = (
    JOB_DESCRIPTION,
    RESPONSIBILITIES,
    NON_RESPONSIBILITIES,
    SKILLS,
    ONBOARDING,
    HIRING_PLAN,
)

#: Normalised heading or label text -> section kind.
SECTION_ALIASES: dict[str, str] = {
    # the job description
    "job description": JOB_DESCRIPTION,
    "job descriptions": JOB_DESCRIPTION,
    "description": JOB_DESCRIPTION,
    "overview": JOB_DESCRIPTION,
    "role overview": JOB_DESCRIPTION,
    "about the role": JOB_DESCRIPTION,
    "the role": JOB_DESCRIPTION,
    "role description": JOB_DESCRIPTION,
    "summary": JOB_DESCRIPTION,
    "background": JOB_DESCRIPTION,
    # duties
    "responsibilities": RESPONSIBILITIES,
    "key responsibilities": RESPONSIBILITIES,
    "key responsibilities include": RESPONSIBILITIES,
    "core responsibilities": RESPONSIBILITIES,
    "primary responsibilities": RESPONSIBILITIES,
    "main responsibilities": RESPONSIBILITIES,
    "your responsibilities": RESPONSIBILITIES,
    "core tasks and responsibilities": RESPONSIBILITIES,
    "tasks and responsibilities": RESPONSIBILITIES,
    "duties": RESPONSIBILITIES,
    "what you'll do": RESPONSIBILITIES,
    "what you will do": RESPONSIBILITIES,
    "what you will own": RESPONSIBILITIES,
    "what you'll own": RESPONSIBILITIES,
    "you will": RESPONSIBILITIES,
    "you'll": RESPONSIBILITIES,
    "you": RESPONSIBILITIES,
    "in this role you will": RESPONSIBILITIES,
    # skills
    "skills": SKILLS,
    "skills and qualifications": SKILLS,
    "skills & qualifications": SKILLS,
    "qualifications": SKILLS,
    "requirements": SKILLS,
    "what you bring": SKILLS,
    "what you'll bring": SKILLS,
    "must have": SKILLS_REQUIRED,
    "must haves": SKILLS_REQUIRED,
    "required": SKILLS_REQUIRED,
    "required skills": SKILLS_REQUIRED,
    "required qualifications": SKILLS_REQUIRED,
    "what we're looking for": SKILLS_REQUIRED,
    "what we are looking for": SKILLS_REQUIRED,
    "nice to have": SKILLS_NICE,
    "nice to haves": SKILLS_NICE,
    "nice to have skills": SKILLS_NICE,
    "bonus": SKILLS_NICE,
    "bonus points": SKILLS_NICE,
    "preferred": SKILLS_NICE,
    "preferred skills": SKILLS_NICE,
    "preferred qualifications": SKILLS_NICE,
    "good to have": SKILLS_NICE,
    # onboarding
    "90 day plan": ONBOARDING,
    "90 days plan": ONBOARDING,
    "30 60 90 day plan": ONBOARDING,
    "first 90 days": ONBOARDING,
    "your first 90 days": ONBOARDING,
    "onboarding": ONBOARDING,
    "onboarding plan": ONBOARDING,
    # hiring
    "hiring plan": HIRING_PLAN,
    "hiring process": HIRING_PLAN,
    "hiring steps": HIRING_PLAN,
    "interview process": HIRING_PLAN,
    "interview plan": HIRING_PLAN,
    "recruitment process": HIRING_PLAN,
    "recruiting process": HIRING_PLAN,
    "our hiring process": HIRING_PLAN,
    "the hiring process": HIRING_PLAN,
    "our interview process": HIRING_PLAN,
    "the interview process": HIRING_PLAN,
    "our recruitment process": HIRING_PLAN,
    "our recruiting process": HIRING_PLAN,
    "interview steps": HIRING_PLAN,
    "interview stages": HIRING_PLAN,
    "interview loop": HIRING_PLAN,
    "hiring stages": HIRING_PLAN,
    "selection process": HIRING_PLAN,
    "how we hire": HIRING_PLAN,
    "what to expect": HIRING_PLAN,
    "our process": HIRING_PLAN,
    "the process": HIRING_PLAN,
    "the steps": HIRING_PLAN,
    # known sections kept verbatim
    "about": EXTRA,
    "about us": EXTRA,
    "about the company": EXTRA,
    "about the team": EXTRA,
    "application process": EXTRA,
    "how to apply": EXTRA,
    "assessment": EXTRA,
    "benefits": EXTRA,
    "compensation": EXTRA,
    "location": EXTRA,
    "role evolution": EXTRA,
    "beyond 90 days": EXTRA,
    "why join us": EXTRA,
}

#: Headings matching these patterns (on normalised text) are the non-responsibilities section.
NON_RESPONSIBILITY_PATTERNS: tuple[Regex, ...] = (
    Regex(r"\bnot responsible for\b"),
    Regex(r"^non[- ]?responsibilities$"),
    Regex(r"^out of scope$"),
    Regex(r"^what (this role|you) (is|are|will) not\b"),
    Regex(r"^responsibilit(y|ies) (not|outside|beyond)\b"),
)

#: Headings matching these patterns (on normalised text) are the hiring plan: "Planned
#: recruitment and hiring process", "Our interview steps".
HIRING_PLAN_PATTERNS: tuple[Regex, ...] = (
    Regex(r"\b(?:hiring|interview|interviewing|recruitment|recruiting) (?:process|steps|stages)$"),
)

#: Sub-labels inside the skills section that mark the nice-to-have list.
NICE_LABEL_PATTERNS: tuple[Regex, ...] = (
    Regex(r"\b(?:nice|good|great) to haves?\b"),
    Regex(r"\bbonus\b"),
    Regex(r"\bpreferred\b"),
    Regex(r"\b(?:desirable|desired|useful|optional)\b"),
    Regex(r"\bicing on the cake\b"),
    Regex(r"^(?:\w+ )?assets?$|\ba plus\b"),
)

# How headings are written, read as general shapes of English rather than a list of every
# heading seen: each pattern runs on the *normalised* heading (see normalize_heading) when the
# exact tables above and the config's aliases do not know it, in the order given (the first
# match wins, so the narrower readings come first). A pattern must hold on handbooks nobody
# here has read: it names the head of the phrase ("... qualifications", "what you'll do ..."),
# not a whole heading of one file.
_WHO = r"(?:who|whom)"
_WE_RE = r"(?:we're|we are|we)"
_YOU_WILL = r"(?:you'll|you will|you'd|you would|you)"
_SKILL_NOUN = (
    r"(?:skills?|qualifications?|qualities|requirements|criteria|competenc(?:y|ies)|"
    r"experience|expertise|knowledge|prerequisites|abilities|attributes|behaviou?rs|profile)"
)
_DUTY_NOUN = (
    r"(?:responsibilit(?:y|ies)|duties|tasks|accountabilit(?:y|ies)|objectives|outcomes|"
    r"deliverables|goals)"
)

# "Nice-to-have", "Great-to-haves", "Bonus points", "Desirable skills and experience",
# "Useful qualities", "Asset qualifications", "icing on the cake"
_NICE_RE = Regex(
    r"^(?:(?:it's|it is|it would be|would be) )?(?:nice|good|great) to haves?\b"
    r"|^bonus(?: points?)?(?: if\b.*| for\b.*)?$"
    r"|^(?:\w+ )?(?:desirable|desired|preferred|useful|optional|asset|additional nice)"
    r"(?: (?:and|&) \w+)? " + _SKILL_NOUN + r"\b"
    r"|^(?:\w+ )?assets?$|\bicing on the cake\b|^(?:even )?better if\b"
    r"|\b(?:is|are|would be) (?:a )?(?:plus|bonus)$"
)
# "We are looking for someone who will", "What you'll be doing", "Projects you may work on",
# "Areas of responsibility & outcomes", "Key objectives", "What the steward does"
_DUTIES_RE = Regex(
    r"\b(?:someone|a person|somebody|you) who will$"
    r"|(?:^|\bhere is |\bhere's )what " + _YOU_WILL + r" (?:will |'ll )?"
    r"(?:do|own|be doing|be working on|work on|be responsible for|achieve|deliver)\b"
    r"|\bwhat you(?:'ll| will) be (?:doing|working on)\b"
    r"|^you(?:'ll| will) (?:need to )?(?:do|own|accomplish|lead|be responsible for)\b"
    r"|^(?:in this role|in the role|as (?:a|an|the|our) [\w' ]+),? you(?:'ll| will)$"
    r"|^(?:\w+ )?projects you(?:'ll| will| may| might| could| would)? (?:work on|tackle)$"
    r"|^what does (?:the|this) (?:job|role|position) (?:entail|involve|look like)$"
    r"|^what (?!we\b|you\b)(?:the |a |an |our )?[\w' ]+ (?:does|do)$"
    r"|^(?:\w+ ){0,3}?responsibilit(?:y|ies)(?: (?:and|&) \w+)?$"
    r"|^(?:(?:key|core|main|primary|general|daily|day to day|your|the|role|job|our)\s)*"
    + _DUTY_NOUN
    + r"(?: (?:and|&) (?:\w+ )?"
    + _DUTY_NOUN
    + r")?$"
)
# "Who you are", "About you", "Whom we're looking for", "Ideal qualifications",
# "Essential criteria", "Skills and experience", "Experience", "Necessary qualities",
# "What skills and experience do we look for?", "We'll evaluate you based on"
_SKILLS_RE = Regex(
    r"^(?:about you|who you are|you are|your profile|your background|is this you)$"
    r"|^(?:what|who|whom) (?:\w+ ){0,3}?" + _WE_RE + r" (?:are )?(?:looking|look|searching)"
    r" for\b|^(?:what|who|whom) (?:\w+ ){0,3}?(?:are|do) we (?:look|looking|search)"
    r"(?:ing)? for\b"
    r"|^" + _WHO + r" (?:we|we'd|we would) (?:need|want|like|love|hire)\b"
    r"|^what " + _YOU_WILL + r" (?:will |'ll )?(?:need|bring|have)\b"
    r"|^what we (?:expect|require|need)\b"
    r"|^(?:the )?ideal (?:candidate|applicant|person|profile)\b"
    r"|^we(?:'ll| will) (?:evaluate|assess|look for|judge)\b"
    r"|^(?:the following )?" + _SKILL_NOUN + r"\b.* (?:assessed|evaluated|required|needed)\b"
    r"|^(?:(?:key|core|required|essential|necessary|minimum|basic|technical|ideal|"
    r"relevant|general|your|the|our|must have|professional)\s)*"
    + _SKILL_NOUN
    + r"(?:,? (?:and|&) (?:\w+ )?"
    + _SKILL_NOUN
    + r")*(?: (?:required|needed|we need|you need|you'll need))?"
    r"(?: (?:for|in) (?:the|this|your) (?:role|job|position))?$"
)
# "About this job", "Your role at Made Tech", "Role summary", "TL;DR"
_ABOUT_ROLE_RE = Regex(
    r"^(?:about |overview of )?(?:the|this|your) (?:role|job|position|opportunity)"
    r"(?: at .+| in (?:brief|short))?$"
    r"|^(?:role|job|position) (?:summary|overview|description|profile|purpose)$"
    r"|^summary of (?:the )?(?:role|job|position)$|^tl ?;? ?dr$"
)
# known sections kept verbatim: the company and team, benefits, pay, place, how to apply
_KEPT_RE = Regex(
    r"^about (?!you\b).+|^(?:our|the) (?:mission|values|vision|culture|story|company)$"
    r"|^(?:meet )?(?:the|our) team\b"
    r"|\b(?:benefits|perks|compensation|salary|salaries)\b"
    r"|^(?:what )?(?:we|we'll|we will) (?:offer|provide|give)\b|^(?:the|our) offer$"
    r"|^why (?:join|work|you'll love|you will love)\b"
    r"|^(?:how to )?apply(?:ing)?(?: now| here)?$|\bapplication process\b"
    r"|^(?:work )?locations?$|^(?:where you'll|where you will) work$|^contacts?(?: us)?$"
    r"|^(?:(?:our|the) )?(?:tech|technical|technology) stack$|^tech$"
)
#: Words of the heading patterns, beside those of the exact tables: what a misspelt word of a
#: heading may be corrected into (see roledef.read.labels.correction).
HEADING_WORDS: tuple[str, ...] = (
    "responsibility responsibilities duties tasks accountabilities objectives outcomes",
    "deliverables skills qualifications qualities requirements criteria competencies",
    "experience expertise knowledge prerequisites desirable essential necessary useful",
    "candidate looking benefits perks salary compensation location locations apply",
)

#: (pattern, section kind), tried in order on the normalised heading.
SECTION_PATTERNS: tuple[tuple[Regex, SectionKind], ...] = (
    (_NICE_RE, SKILLS_NICE),
    (_DUTIES_RE, RESPONSIBILITIES),
    (_SKILLS_RE, SKILLS),
    (_ABOUT_ROLE_RE, JOB_DESCRIPTION),
    (_KEPT_RE, EXTRA),
)

#: French headings (the same kinds; the config's ``aliases`` add other languages). Normalised.
FRENCH_SECTION_ALIASES: dict[str, str] = {
    "description du poste": JOB_DESCRIPTION,
    "le poste": JOB_DESCRIPTION,
    "à propos du poste": JOB_DESCRIPTION,
    "résumé": JOB_DESCRIPTION,
    "responsabilités": RESPONSIBILITIES,
    "vos responsabilités": RESPONSIBILITIES,
    "missions": RESPONSIBILITIES,
    "vos missions": RESPONSIBILITIES,
    "tâches": RESPONSIBILITIES,
    "compétences": SKILLS,
    "qualifications": SKILLS,
    "exigences": SKILLS,
    "profil recherché": SKILLS,
    "votre profil": SKILLS,
    "atouts": SKILLS_NICE,
    "qualifications constituant un atout": SKILLS_NICE,
    "avantages": EXTRA,
    "rémunération": EXTRA,
    "comment postuler": EXTRA,
}

_FR_NICE_RE = Regex(r"\batouts?\b|\bserait un plus\b|\bsouhaitables?\b")
_FR_DUTIES_RE = Regex(
    r"^vous (?:devrez|allez|serez amené|aurez à)\b|\bqui saura$"
    r"|^(?:vos |les |principales )*(?:responsabilités|missions|tâches)\b"
)
_FR_SKILLS_RE = Regex(
    r"^nous vous évaluerons\b|^(?:les |vos )?(?:qualifications|compétences|exigences|critères)\b"
    r"|^ce poste est (?:fait )?pour vous si\b|^(?:votre |le )?profil\b"
    r"|^(?:ce que |qui )nous (?:cherchons|recherchons)\b"
)
_FR_KEPT_RE = Regex(r"^à propos (?:de|du|des|d')")

#: French heading shapes, as :data:`SECTION_PATTERNS`.
FRENCH_SECTION_PATTERNS: tuple[tuple[Regex, SectionKind], ...] = (
    (_FR_NICE_RE, SKILLS_NICE),
    (_FR_DUTIES_RE, RESPONSIBILITIES),
    (_FR_SKILLS_RE, SKILLS),
    (_FR_KEPT_RE, EXTRA),
)

#: A phase period: "Week 1-4", "Weeks 5 - 8", "Days 0–30", "Month 2", "First 30 days".
PERIOD_RE = Regex(
    r"^(?P<period>(?:(?:weeks?|days?|months?)\s*\d+(?:\s*(?:-|–|—|to)\s*\d+)?"
    r"|(?:first|next|last)\s+\d+\s+(?:days|weeks)"
    r"|\d+(?:\s*(?:-|–|—|to)\s*\d+)?\s+(?:days|weeks)))"
    r"\s*(?:[:\-–—.]\s*(?P<title>.*))?$",
    re.IGNORECASE,
)

#: A period written as a sentence's start, in a plan inside the duties: "In the first 30 days
#: you will", "Within 3 months", "By day 60", "After 6 months", "During your first 2 weeks".
#: Only with nothing after it but who acts ("you will", "we expect you to"): "Within 2 weeks of
#: a release" is a duty, not a phase.
PLAN_PERIOD_RE = Regex(
    r"^(?:(?:in|during|over)\s+(?:the\s+|your\s+)?)?"
    r"(?P<period>(?:(?:first|next|initial)\s+|(?:within|by|after)\s+(?:the\s+|your\s+)?"
    r"(?:first\s+)?)(?:\d+(?:\s*(?:-|–|—|to)\s*\d+)?\s+(?:days?|weeks?|months?))"
    r"|(?:by|from|after)\s+(?:day|week|month)\s+\d+)"
    r"(?:\s*,)?(?:\s+(?:you(?:'ll|’ll| will| should| can expect to)?|we(?:'d|’d| would)?"
    r" expect you to|expect to|your goals? (?:are|is)|the goal is to))?\s*:?\s*$",
    re.IGNORECASE,
)

# --- hiring steps -----------------------------------------------------------------------------
#: Words that make a phrase an owner ("the hiring manager", "VP of Sales", "People Ops team").
OWNER_KEYWORDS_RE = Regex(
    r"\b(?:c[a-z]?[a-z]o|vp|svp|evp|vice president|president|director|directors|head|manager|"
    r"recruiter|recruiting|founder|co-founder|people ops|peopleops|people operations|talent|"
    r"hr|lead|principal|partner|chair|board|officer)\b",
    re.IGNORECASE,
)

#: A second owner after "or"/"and" must *be* a role, not merely mention one: "recruiter",
#: "VP of Sales", "People Ops team" -- but not "lead nurture" or "other team members".
OWNER_ALTERNATIVE_RE = Regex(
    r"^(?:[\w&/+-]+\s+){0,3}?(?:" + OWNER_KEYWORDS_RE.pattern[5:-3] + r")s?"
    r"(?:\s+(?:team|committee|panel))?(?:\s+(?:of|for)\s+[\w&/+ -]+)?$",
    re.IGNORECASE,
)

#: Verbs that name an owner with "by": "Done by recruiter.", "Conducted by the CEO".
OWNER_BY_RE = Regex(
    r"\b(?:done|conducted|led|run|hosted|reviewed|review|performed|held|owned|screened|screening|"
    r"assessed|evaluated|interviewed|facilitated|given|taken|carried out)"
    r"\s+by\s+(?P<owner>[^.;:()\n]+)",
    re.IGNORECASE,
)

#: "with the hiring manager": an owner only when the phrase names a role (OWNER_KEYWORDS_RE).
OWNER_WITH_RE = Regex(r"\bwith\s+(?P<owner>[^.;:()\n]+)", re.IGNORECASE)

#: An owner in the step name: "CTO Interview", "Engineering Manager Call".
OWNER_IN_NAME_RE = Regex(
    r"^(?P<owner>.+?)(?<!\s)\s+(?:interview|call|chat|conversation|meeting|review|screen|screening)\b",
    re.IGNORECASE,
)

#: Where an owner phrase stops: "VP of Sales or another key stakeholder" -> "VP of Sales".
OWNER_STOP_RE = Regex(
    r"(?<!\s)\s+(?:or|and|to|for|on|who|which|that|about|at|in|as|from|focusing|focused|covering|"
    r"where|when|if|via|using|including|potentially)\b.*$"
    r"|(?<!\s)\s*[,—–/]\s*.*$|(?<!\s)\s+-\s+.*$",  # (?<!\s): linear on long runs of spaces
    re.IGNORECASE,
)

#: Leading words dropped from owners.
OWNER_ARTICLES_RE = Regex(r"^(?:the|a|an|our|one of the|one of our|your)\s+", re.IGNORECASE)

#: Durations: "45m", "(45 mins)", "30-minute", "20‑minute", "1 hour", "2–3 hours", "45-60 minute".
DURATION_RE = Regex(
    r"(?<![\w.])(?P<low>\d+(?:\.\d+)?)(?:\s*(?:-|–|—|‑|to)\s*(?P<high>\d+(?:\.\d+)?))?"
    r"\s*(?:-|‑|\u00a0)?\s*(?P<unit>minutes?|mins?|m|hours?|hrs?|h)(?![\w])",
    re.IGNORECASE,
)

#: Optional steps: "(optional)", "(**optional**)".
OPTIONAL_RE = Regex(r"\(\s*(?:\*\*|__|_|\*)?optional(?:\*\*|__|_|\*)?\s*\)", re.IGNORECASE)

#: Default step names that need neither owner nor duration (config: duration-exempt-steps).
DEFAULT_DURATION_EXEMPT_STEPS: tuple[str, ...] = (
    "offer",
    "reference check",
    "reference checks",
    "references",
    "resume screening",
    "resume review",
    "initial screening",
    "application review",
)

#: A sentence that only names an owner or a duration, removed from the step's description.
OWNER_SENTENCE_RE = Regex(
    r"(?:^|(?<=[.!?])\s+)(?:done|conducted|led|run|hosted|reviewed|performed|held|facilitated)"
    r"\s+by\s+[^.!?\n]+[.!?]?\s*$",
    re.IGNORECASE,
)

#: "reports to the Director of Product" -> "Director of Product".
REPORTS_TO_RE = Regex(
    r"\breports?\s+(?:directly\s+)?(?:in)?to\s+(?:the\s+|our\s+|a\s+)?"
    r"(?P<who>[A-Za-z][\w&'’/+-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&'’/+-]*)*)",
)


#: Section kind -> the field of the model (and top-level key of a YAML role file) that holds it.
MODEL_KEYS: dict[SectionKind, str] = {
    JOB_DESCRIPTION: "summary",
    RESPONSIBILITIES: "responsibilities",
    NON_RESPONSIBILITIES: "non_responsibilities",
    SKILLS: "skills",
    ONBOARDING: "onboarding",
    HIRING_PLAN: "hiring_plan",
}
