"""Heading shapes: how handbooks write the headings of a role's sections, read as general
shapes of English rather than a list of every heading seen (English, and French built in).

Data for :func:`roledef.read.labels.classify`, tried after the exact tables of
:mod:`roledef.read.vocab` and the config's ``aliases``.
"""

from __future__ import annotations

from roledef.read.vocab import (
    EXTRA,
    JOB_DESCRIPTION,
    RESPONSIBILITIES,
    SKILLS,
    SKILLS_NICE,
    SectionKind,
)
from roledef.text import Regex

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
_DUTY_NOUN = r"(?:responsibilit(?:y|ies)|duties|tasks|accountabilit(?:y|ies))"

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
# what success is, kept verbatim: "Key objectives", "Outcomes", "Success metrics", "KPIs",
# "Definition of success" (goals of the role, not its duties)
_OUTCOMES_RE = Regex(
    r"^(?:(?:key|core|main|primary|expected|desired|your|the|our|role|job|success|"
    r"performance)\s)*(?:objectives|outcomes|goals|deliverables|kpis|metrics|measures"
    r"|key performance indicators)(?: (?:and|&) (?:\w+ )?(?:objectives|outcomes|goals"
    r"|deliverables|kpis|metrics|measures))?$"
    r"|^(?:definition of|measures of|what) success\b|^how (?:we|you'll|you will) measure\b"
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
    (_OUTCOMES_RE, EXTRA),
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
