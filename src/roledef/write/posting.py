"""What a job posting adds to a role, read from options and the config and checked.

Search engines show a ``JobPosting`` only when it has the fields they require. Google's job
posting guidelines (Search Central, "Job posting (JobPosting) structured data") require
``title``, ``description``, ``datePosted``, ``hiringOrganization`` and ``jobLocation`` (whose
address must have an ``addressCountry``), or for a fully remote job ``jobLocationType:
TELECOMMUTE`` with ``applicantLocationRequirements``; they recommend ``validThrough`` and
``employmentType``, among others. The role gives the title and description; the rest comes
from here. :func:`read_posting` turns the raw values into a :class:`Posting` or a list of
messages naming the option (or config key) at fault, and :func:`missing_options` names the
options a complete posting still needs.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from roledef.write.countries import COUNTRY_CODES

#: Google's values for ``employmentType`` (case-sensitive there; any case is accepted here).
EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)

#: The keys of the config's ``[posting]`` table; each is also an option, ``--KEY``.
TEXT_KEYS = ("hiring-organization", "location", "country")
DATE_KEYS = ("date-posted", "valid-through")
LIST_KEYS = ("applicant-country", "employment-type")
FLAG_KEYS = ("remote",)
KEYS = (*TEXT_KEYS, *DATE_KEYS, *LIST_KEYS, *FLAG_KEYS)

#: Locations that mean "anywhere": a fully remote job is marked as one, not given as a place.
_REMOTE_WORDS = frozenset({"remote", "anywhere", "worldwide", "home", "work from home"})


@dataclass(frozen=True)
class Posting:
    """What a job posting adds to a role; any field may be unknown."""

    hiring_organization: str | None = None
    date_posted: str | None = None
    valid_through: str | None = None
    location: str | None = None
    country: str | None = None
    remote: bool = False
    applicant_countries: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Value:
    """A raw value and where it was given: ``--date-posted`` or ``date-posted in [posting] of
    FILE``, so that a message points at the right place."""

    value: Any
    where: str


def option_where(key: str) -> str:
    """Where an option's value was given."""
    return f"--{key}"


def config_where(key: str, source: str | None) -> str:
    """Where a config value was given."""
    return f"'{key}' in the [posting] table of {source or 'the config'}"


def merge(
    config_table: Mapping[str, Any] | None, options: Mapping[str, Any], source: str | None
) -> dict[str, Value]:
    """Config values, then the options over them (an option given replaces the config's)."""
    merged = {k: Value(v, config_where(k, source)) for k, v in (config_table or {}).items()}
    merged.update({k: Value(v, option_where(k)) for k, v in options.items()})
    return merged


def _date(raw: Value, errors: list[str]) -> datetime.date | None:
    try:
        if not isinstance(raw.value, str) or len(raw.value) != 10:
            raise ValueError
        return datetime.date.fromisoformat(raw.value)
    except ValueError:
        errors.append(f"{raw.where}: {raw.value!r} is not a date in the form YYYY-MM-DD")
        return None


def _texts(raw: Value | None) -> list[str]:
    if raw is None:
        return []
    values = raw.value if isinstance(raw.value, (list, tuple)) else [raw.value]
    return [str(v).strip() for v in values]


def _countries(raw: Value | None, errors: list[str]) -> tuple[str, ...]:
    codes = []
    for text in _texts(raw):
        code = text.upper()
        if code not in COUNTRY_CODES:
            assert raw is not None
            errors.append(
                f"{raw.where}: {text!r} is not an ISO 3166-1 alpha-2 country code "
                "(two letters, such as US, DE or GB)"
            )
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def _employment_types(raw: Value | None, errors: list[str]) -> tuple[str, ...]:
    types = []
    for text in _texts(raw):
        value = text.upper().replace("-", "_").replace(" ", "_")
        if value not in EMPLOYMENT_TYPES:
            assert raw is not None
            errors.append(
                f"{raw.where}: {text!r} is not an employment type; use one of "
                + ", ".join(EMPLOYMENT_TYPES)
            )
        elif value not in types:
            types.append(value)
    return tuple(types)


def _text(raw: Value | None, errors: list[str]) -> str | None:
    if raw is None:
        return None
    text = str(raw.value).strip()
    if not text:
        errors.append(f"{raw.where}: is empty")
        return None
    return text


def read_posting(values: Mapping[str, Value]) -> tuple[Posting, list[str]]:
    """The posting the values describe, and every problem with them (empty when none)."""
    errors: list[str] = []
    texts = {key: _text(values.get(key), errors) for key in TEXT_KEYS}
    dates = {key: _date(values[key], errors) if key in values else None for key in DATE_KEYS}
    remote = values.get("remote")
    country = _countries(values.get("country"), errors) if texts["country"] else ()
    posting = Posting(
        hiring_organization=texts["hiring-organization"],
        date_posted=dates["date-posted"].isoformat() if dates["date-posted"] else None,
        valid_through=dates["valid-through"].isoformat() if dates["valid-through"] else None,
        location=texts["location"],
        country=country[0] if country else None,
        remote=bool(remote.value) if remote is not None else False,
        applicant_countries=_countries(values.get("applicant-country"), errors),
        employment_types=_employment_types(values.get("employment-type"), errors),
    )
    posted, through = dates["date-posted"], dates["valid-through"]
    if posted and through and through <= posted:
        errors.append(
            f"{values['valid-through'].where}: {through.isoformat()} is not after the date "
            f"posted, {posted.isoformat()}"
        )
    location = posting.location
    if location and location.casefold().rstrip(".!") in _REMOTE_WORDS:
        errors.append(
            f"{values['location'].where}: {location!r} is not a place; for a fully remote job "
            "use --remote with --applicant-country"
        )
    if posting.applicant_countries and not posting.remote:
        errors.append(
            f"{values['applicant-country'].where}: says where applicants of a remote job may "
            "live: add --remote"
        )
    return posting, errors


def missing_options(posting: Posting) -> list[str]:
    """The options a posting still needs for the fields search engines require, in order."""
    missing = []
    if posting.hiring_organization is None:
        missing.append("--hiring-organization")
    if posting.date_posted is None:
        missing.append("--date-posted")
    if posting.remote:
        if not posting.applicant_countries:
            missing.append("--applicant-country")
    elif posting.location is None and posting.country is None:
        missing.append("--location with --country (or --remote with --applicant-country)")
    elif posting.location is None:
        missing.append("--location")
    elif posting.country is None:
        missing.append("--country")
    return missing
