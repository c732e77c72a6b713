"""The words :mod:`roledef.read.kind` reads a page with: what names a job, a level ladder, a
collection of roles or the hiring process, and the headings and phrases of a job description.

Data, kept apart from the decision so that it reads as tables; every pattern runs on
normalised, lower-case text (:func:`roledef.text.normalize_heading`) and is compiled on first
use.
"""

from __future__ import annotations

from typing import Final

from roledef.text import Regex

#: Nouns that name a job (singular: "Engineer", not "Engineers"): English, and the French,
#: German and Spanish of multilingual handbooks.
ROLE_NOUNS: Final = frozenset(
    """
        engineer developer programmer designer manager director head lead leader officer
        chief president vp svp evp ceo cto cfo coo cmo cpo cro ciso founder analyst
        specialist representative executive advocate evangelist marketer scientist
        researcher architect administrator admin consultant coordinator associate assistant
        intern internship trainee apprentice writer editor strategist steward partner
        adviser advisor accountant recruiter sourcer technician operator owner maintainer
        tester auditor counsel lawyer controller producer planner trainer instructor teacher
        agent sre devops generalist contributor bookkeeper copywriter illustrator
        photographer translator nurse clerk secretary receptionist supervisor superintendent
        principal fellow champion captain shadow liaison ingénieur ingénieure développeur
        développeuse concepteur conceptrice directeur directrice président présidente
        gestionnaire analyste chef responsable stagiaire conseiller conseillère spécialiste
        agente entwickler entwicklerin ingenieur ingenieurin leiter leiterin berater
        beraterin referent referentin desarrollador desarrolladora ingeniero ingeniera
        gerente analista diseñador diseñadora programador programadora jefe jefa
        coordinador coordinadora especialista desenvolvedor desenvolvedora engenheiro
        engenheira
    """.split()  # noqa: SIM905 (a word list reads best as words)
)

#: The last part of a closed compound that names a job: "Softwareentwickler", "Projektleiterin".
COMPOUND_HEADS: Final = (
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "leiter",
    "leiterin",
    "berater",
    "beraterin",
    "manager",
    "managerin",
    "architekt",
    "architektin",
)

#: Words that make a title a role's page even without a job noun: "Role: ...", "Platform Role",
#: "Role description" (but not "a role file" or "the role schema", which are about role files).
ROLE_WORDS_RE = Regex(
    r"\b(?:role|position)(?=$|\s*[:(]|\s+(?:description|profile|summary|at|for|in)\b)|"
    r"\bjob description$|\b(?:job posting|vacancy|poste|stelle)\b"
)

#: A title that names levels across roles: "Engineering Levels", "Job Bands".
LADDER_RE = Regex(
    r"\b(?:levels?|ladders?|bands?|grades?|career (?:framework|paths?|tracks?)|"
    r"progression|competency (?:framework|matrix))\b"
)

#: A title that names a collection of roles or pages: "Job Descriptions", "Open Positions".
COLLECTION_RE = Regex(
    r"\b(?:job descriptions|roles|positions|jobs|careers|openings|vacancies|job postings|"
    r"job families|postes|offres)$"
)

#: A title whose subject is the hiring process: "Our hiring process", "Hiring Steps".
HIRING_RE = Regex(
    r"\b(?:hir(?:e|es|ing)|recruit(?:s|ing|ment)?|interview(?:s|ing)?|screening|selection)\b"
)

#: Headings in the words of a job description, on normalised text.
ROLE_HEADING_RE = Regex(
    r"\b(?:responsibilit\w*|duties|requirements?|qualifications?|qualities|skills?|"
    r"experience|expectations?|what we expect|about you|about the (?:role|job|position)|"
    r"(?:the|this|your) role|you will|you'll|you'd|what you|who you are|"
    r"(?:we're|we are) looking for|whom? we're looking for|ideal candidate|nice to haves?|"
    r"must haves?|bonus|benefits|perks|compensation|salary|how to apply|apply|outcomes|"
    r"key measures|competenc\w*|tasks|prerequisites|criteria|what we offer|"
    r"the job|^you$|"
    r"responsabilit\w*|tâches|exigences|compétences|profil|vous|critères|atouts|avantages|"
    r"aufgaben|anforderungen|qualifikation\w*|was du|was sie|deine?|ihre?|wir bieten|"
    r"requisitos|funciones|perfil|lo que|qué harás|beneficios|ofrecemos)\b"
)

#: The wording of a job description in its prose (fenced code is left out).
ROLE_PROSE_RE = Regex(
    r"\b(?:you will|you'll|you’ll|you have|you are|you bring|we are looking for|"
    r"we're looking for|we’re looking for|the ideal candidate|responsible for|"
    r"years of (?:professional )?experience|experience (?:with|in)|reports? (?:directly )?to|"
    r"this role|the role|this position|the position|join (?:us|our team)|"
    r"vous (?:devrez|serez|aurez|êtes|avez)|nous recherchons|le poste|expérience|"
    r"du wirst|sie werden|wir suchen|erfahrung|buscamos|serás|experiencia|procuramos|"
    r"experiência)\b",
)
