"""Pages a handbook keeps beside its role files, and role files in many styles: the documents
that test and measure the decision "is this a role file?" (:mod:`roledef.read.kind`).

Written for these tests in the styles real handbooks use (none is copied from one).
``NOT_ROLES``: name -> (text, the line RD005 reports on, the reason it gives); ``ROLES``:
name -> text.
"""

from __future__ import annotations

_LINKS = """\
# Careers

Come and work with us. Every opening is listed here; follow a link to read the role.

- [Backend Engineer](backend-engineer.md)
- [Customer Success Manager](customer-success-manager.md)
- [Data Analyst](data-analyst.md)
- [Head of Finance](head-of-finance.md)
- [Technical Writer](technical-writer.md)
"""

_TABLE_OF_LINKS = """\
---
title: Roles at Example Co
---

| Team | Role |
| --- | --- |
| Platform | [Site Reliability Engineer](sre.md) |
| Platform | [Platform Engineer](platform-engineer.md) |
| Sales | [Account Executive](account-executive.md) |

* [Engineering roles](engineering/README.md)
* [Sales roles](sales/README.md)
* [Operations roles](operations/README.md)
"""

_COLLECTION = """\
# Job Descriptions

A job description is where hiring starts: it tells a candidate what the role is and what we
will expect, and it becomes the basis of the performance review once they join. Each one has
a summary, the responsibilities, the skills we look for and the steps of the hiring plan.
Keep them up to date: edit the page in the handbook when a role changes.
"""

_LADDER = """\
# Design Levels

This page sets out what we expect of designers at each level, from the first job to the
principal, so that reviews and promotions rest on the same words for everyone.

It applies to product designers, brand designers and design researchers.

## Level 1 - Learning

Delivers well-defined work with guidance from a senior designer.

## Level 2 - Practising

Owns a feature's design from research to hand-off.

## Level 3 - Leading

Sets the direction of a product area and mentors others.
"""

_BANDS = """\
# Salary Bands

Every role sits in a band; the band sets the range of pay. We publish the ranges so that
nobody has to negotiate in the dark.

| Band | Range |
| --- | --- |
| B1 | 40,000 - 55,000 |
| B2 | 55,000 - 75,000 |
| B3 | 75,000 - 100,000 |

Promotion to the next band follows a review with your manager and a second reviewer.
"""

_HIRING = """\
# How we hire

Our hiring process is the same for every team, so that each candidate meets the same
questions and each decision rests on notes rather than on a feeling.

## Interview process

1. A 30 minute call with a recruiter about the candidate's motivation.
2. A take-home exercise, no longer than three hours.
3. A 60 minute interview with the hiring manager and one engineer.
4. References, then an offer.

## After the interviews

Each interviewer writes their notes before the debrief, and the hiring manager decides.
"""

_INTERVIEW_GUIDE = """\
---
navTitle: Interview questions
---

# Interview Questions

Interviewers pick three or four of these questions and write down the answers as they go, so
that the debrief compares what candidates said rather than how the interviewers felt.

* Tell us about a project that went wrong and what you changed afterwards.
* How do you decide what to work on when everything seems urgent?
* Describe a time you disagreed with a decision and how you raised it.
"""

_README = """\
# handbook-tools

Scripts that build the handbook site and check its links.

## Install

Run `npm install` in this folder, then `npm run build` to make the site in `public/`.

## Usage

The build reads every page under `content/`, renders the navigation from the front matter and
writes one HTML page per markdown file. Broken links fail the build with the page and line.

## Licence

MIT.
"""

_CHANGELOG = """\
# Changelog

All notable changes to this handbook's tooling are listed here.

## [2.1.0] - 2026-03-02

### Added

- A check that every page has a title.

### Fixed

- Links to anchors with accents now resolve.

## [2.0.0] - 2026-01-15

### Changed

- The site is built with the new theme.
"""

_POLICY = """\
# Expenses

We trust people to spend the company's money as if it were their own. Book travel through
the travel tool, keep receipts for anything over twenty euros, and submit the claim within a
month. Equipment for working from home is covered up to the yearly allowance; ask your
manager before buying anything larger.

## Travel

Economy class for flights under six hours.
"""

# Written after the decision was made, and read by it once unchanged: a held-out check
# (docs/lint.md gives the figures); the four last ROLES too.
_CAREER_LADDER = """\
# Engineering Career Ladder

Our ladder has two tracks, individual contributor and manager, and five steps on each. Use it in
growth conversations and when writing a promotion packet.

## IC1

| Area | Expectation |
| --- | --- |
| Scope | Tasks within a project |
| Impact | Own team |

## IC2

| Area | Expectation |
| --- | --- |
| Scope | Features end to end |
| Impact | Own team and neighbours |

## IC3

| Area | Expectation |
| --- | --- |
| Scope | Systems |
| Impact | Several teams |
"""

_DIRECTORY = """\
# Team Directory

Who is who, and what to ask them about. Keep your own line up to date when your work changes.

- Alice Moreau, Engineering Manager: the platform roadmap and on-call.
- Bilal Khan, Product Designer: the design system and user research.
- Chen Wei, Data Analyst: dashboards and the metrics definitions.
- Dana Levi, Head of People: benefits, contracts and onboarding.
- Emeka Obi, Support Engineer: escalations and the status page.
"""

_ONBOARDING = """\
# Onboarding checklist

Welcome! Work through this list with your buddy during your first two weeks. You will not finish
everything on day one, and that is fine.

## Week 1

- Set up your laptop and accounts.
- Read the handbook's values page.
- Meet your manager and your buddy.

## Week 2

- Ship a small change to production.
- Join an on-call shadow shift.
"""

_SCORECARD = """\
# Interview scorecard

Fill this in straight after the conversation, before talking to the other interviewers.

## Signals

- Communication: clear, structured answers.
- Ownership: examples of seeing work through.

## Decision

Strong yes, yes, no or strong no, with one sentence on why.
"""

_BENEFITS = """\
# Benefits

What everyone at the company gets, wherever they live. You'll find the details of each country's
plan in the people team's folder.

## Health insurance

Covered for you and your family from your first day.

## Parental leave

Sixteen weeks at full pay for every parent.

## Salary reviews

Once a year, in March, against the published bands.
"""

_OPENINGS = """\
# Open Positions

We are hiring for the roles below. Each page has the details and the hiring plan.

## Backend Engineer

Work on our payments API in Go. [Read the role](backend-engineer.md)

## Product Designer

Shape the mobile app with the product team. [Read the role](product-designer.md)

## Data Analyst

Turn events into decisions. [Read the role](data-analyst.md)
"""

_CAREERS = """\
# Careers

## Open positions

Read the role files in this folder.
"""

#: name -> (text, line of the finding, the reason RD005 gives).
NOT_ROLES: dict[str, tuple[str, int, str]] = {
    "index-of-links": (_LINKS, 1, "an index page: 5 links and no sections of a role"),
    "table-and-list-of-links": (
        _TABLE_OF_LINKS,
        1,
        "an index page: 6 links and no sections of a role",
    ),
    "collection-title-and-no-sections": (
        _COLLECTION,
        1,
        "an index page: a list of job descriptions with no sections of a role",
    ),
    "collection-title-over-a-section": (
        _CAREERS,
        1,
        "an index page: a list of careers with no sections of a role",
    ),
    "level-ladder": (_LADDER, 1, "a level ladder: levels across several roles"),
    "salary-bands": (_BANDS, 1, "a level ladder: levels across several roles"),
    "hiring-process-page": (_HIRING, 1, "a hiring-process page"),
    "interview-questions": (_INTERVIEW_GUIDE, 5, "a hiring-process page"),
    "project-readme": (_README, 1, "no sections or wording of a role"),
    "changelog": (_CHANGELOG, 1, "no sections or wording of a role"),
    "policy-page": (_POLICY, 1, "no sections or wording of a role"),
    "career-ladder-tables": (_CAREER_LADDER, 1, "a level ladder: levels across several roles"),
    "team-directory": (_DIRECTORY, 1, "no sections or wording of a role"),
    "onboarding-checklist": (_ONBOARDING, 1, "no sections or wording of a role"),
    "interview-scorecard": (_SCORECARD, 1, "a hiring-process page"),
    "benefits-page": (_BENEFITS, 1, "no sections or wording of a role"),
    "open-positions-with-a-section-each": (
        _OPENINGS,
        1,
        "an index page: 3 links and no sections of a role",
    ),
}

#: name -> a role file that must be read as one.
ROLES: dict[str, str] = {
    "no-known-section": """\
# Office Manager

The office manager keeps the Lisbon office running: suppliers, visitors, the kitchen and the
small emergencies in between. You will be the first person guests meet and the person the
team asks when something breaks. We are looking for someone calm, organised and friendly,
with a few years of experience running a busy office.
""",
    "prose-sections": """\
# Staff Accountant

## What the job is

You'll close the books each month with the finance lead, reconcile the bank accounts and
prepare the numbers the board sees each quarter.

## What we need from you

Three years of experience in accounting, and a calm hand at month end.
""",
    "readme-role-handbook": """\
# Release Lead Handbook

This handbook describes the release lead role: what the release lead does in each week of the
cycle and how they hand over to the next one.

## Responsibilities

- Run the weekly release meeting.
- Decide, with the maintainers, what goes into the release.

## Time commitment

About ten hours a week for the twelve weeks of the cycle.
""",
    "job-family-with-levels": """\
# Support Engineer

Support engineers answer customers' questions and turn what they learn into fixes.

## Level 1

Answers tickets with a runbook; asks for help on anything new.

## Level 2

Answers most tickets alone and writes the runbooks.

## Level 3

Leads the queue, coaches others and changes the product with engineering.
""",
    "french-role": """\
---
title: Développeuse ou développeur back-end
---

Nous recherchons une personne pour rejoindre l'équipe plateforme.

## Vos tâches

- Concevoir et maintenir les services de paiement.
- Participer aux revues de code.

## Compétences recherchées

- Cinq ans d'expérience avec Python ou Go.
""",
    "german-role": """\
# Softwareentwicklerin (m/w/d) Backend

Wir suchen Verstärkung für unser Team in Leipzig.

## Deine Aufgaben

- Du entwickelst unsere Schnittstellen in Kotlin weiter.
- Du betreust die Datenbanken gemeinsam mit dem Betriebsteam.

## Dein Profil

- Mehrjährige Erfahrung in der Backend-Entwicklung.
""",
    "spanish-role": """\
---
title: Diseñadora de producto
---

Buscamos una persona para diseñar la aplicación móvil con el equipo de producto.

## Lo que harás

- Investigar con usuarios y proponer mejoras.

## Requisitos

- Tres años de experiencia en diseño de interfaces.
""",
    "plain-headings": """\
# Join the platform team

We build the systems every other team ships on, and we need one more person.

## The job

You will run the build farm, keep the deploy pipeline fast and pair with the product teams
when their services need a hand in production.

## You

Comfortable with Linux and one scripting language; curious about how things fail.
""",
    "no-h1-front-matter-title": """\
---
title: Senior Data Scientist
layout: job
---

We're looking for a data scientist to build the models that price our insurance products.

## What you'll do

- Build and monitor pricing models.
- Explain results to the actuaries.

## About you

- Experience with Python and statistics.
""",
    "several-roles-in-one-file": """\
# Project Roles

Every project has the roles below; one person may hold several of them.

## Delivery Lead

Responsible for the plan, the budget and the conversation with the client.

## Tech Lead

Responsible for the architecture and for the quality of what the team ships.

## Quality Engineer

Responsible for the test plan and for the release checklist.
""",
    "myst-label-before-title": """\


(role:data-steward)=
# Data Steward

The data steward looks after the catalogue of datasets and answers questions about them.

## Key responsibilities

- Keep the catalogue current.
- Review every new dataset before it is published.
""",
    "role-with-many-links": """\
# Developer Advocate

You will write tutorials, speak at meetups and bring what users say back to the team.

## Responsibilities

- Write a [tutorial](https://example.com/tutorials) each month.
- Answer questions on the [forum](https://example.com/forum) and [chat](https://example.com/chat).
- Speak at [meetups](https://example.com/meetups).

## Requirements

- Experience writing about software.
""",
    "hiring-steps-and-duties": """\
# Recruiter

## Responsibilities

- Run the hiring process for engineering roles, from the first call to the offer.
- Keep every candidate informed at each step.

## Hiring Process

1. Screening call (30m) with the Head of People.
2. Interview (60m) with two hiring managers.
""",
    "support-specialist": """\
# Customer Support Specialist

You will be the voice of the company for our customers, by chat and email.

## Responsibilities

- Answer customer questions within a working day.
- Write help-centre articles for the questions that come back.
""",
    "mission-outcomes-competencies": """\
# Growth Marketing Lead

## Mission

Double the number of teams that start a trial each quarter, without buying our way there.

## Outcomes

- A repeatable channel beyond search within six months.
- A weekly growth review the whole company reads.

## Competencies

- Experimentation: designs tests that answer one question.
- Writing: explains results plainly.
""",
    "nav-title-and-scope": """\
---
navTitle: Staff Engineer
---

A staff engineer sets technical direction across several teams and makes the people around them
better engineers.

## Scope

The architecture of a product area, and the standards every team in it follows.

## Impact

Decisions that hold up for years; engineers who grow faster because of you.
""",
    "warehouse-associate": """\
# Warehouse Associate

Our Rotterdam warehouse ships two thousand orders a day.

## What you'll be doing

- Pick and pack orders accurately.
- Receive deliveries and check them against the purchase orders.

## What you need

- A forklift licence, or the willingness to get one with us.
""",
}
