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

# --- hiring steps (the words steps are read with are in roledef.read.phrases) ------------
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
    # what the candidate does to apply: no one runs it, and it takes no set time
    "application",
    "apply",
    "applying",
    "online application",
    "written application",
)

#: Default step names that need no owner (config: owner-exempt-steps): those above, and what
#: the candidate does alone, however long it takes.
DEFAULT_OWNER_EXEMPT_STEPS: tuple[str, ...] = (
    *DEFAULT_DURATION_EXEMPT_STEPS,
    "take home",
    "take home assignment",
    "take home task",
    "take home exercise",
    "take home challenge",
    "take home project",
    "home assignment",
    "home exercise",
    "homework",
)

#: "reports to the Director of Product" -> "Director of Product".
REPORTS_TO_RE = Regex(
    r"\breports?\s+(?:directly\s+)?(?:in)?to\s+(?:the\s+|our\s+|a\s+)?"
    r"(?P<who>[A-Za-z][\w&'’/+-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&'’/+-]*)*)",
)


#: The headings of the prose that introduces a plan before its first step or phase: kept as a
#: section of level 0, written back under the plan's heading by ``roledef render``.
HIRING_INTRO = "Hiring Plan (introduction)"
ONBOARDING_INTRO = "90-Day Plan (introduction)"

#: Section kind -> the field of the model (and top-level key of a YAML role file) that holds it.
MODEL_KEYS: dict[SectionKind, str] = {
    JOB_DESCRIPTION: "summary",
    RESPONSIBILITIES: "responsibilities",
    NON_RESPONSIBILITIES: "non_responsibilities",
    SKILLS: "skills",
    ONBOARDING: "onboarding",
    HIRING_PLAN: "hiring_plan",
}
