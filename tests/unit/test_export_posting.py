"""`roledef export --posting`: the fields search engines require, their checks, the HTML
description, remote postings, and `--to` being optional."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.commands.export import ExportSettings, run_export
from roledef.read import MARKDOWN, load
from roledef.write.countries import COUNTRY_CODES
from roledef.write.jsonld import to_jsonld
from roledef.write.posting import (
    EMPLOYMENT_TYPES,
    Posting,
    Value,
    missing_options,
    option_where,
    read_posting,
)
from tests.helpers import EXAMPLES
from tests.unit.test_export import check_shape

SRE = EXAMPLES / "site-reliability-engineer.md"

# Google Search Central, "Job posting (JobPosting) structured data for Job Search"
# (developers.google.com/search/docs/appearance/structured-data/job-posting): the required
# properties, the location rule (a jobLocation whose address has addressCountry, or for a job
# done 100% remotely jobLocationType TELECOMMUTE with applicantLocationRequirements), and the
# recommended properties roledef can fill from options.
GOOGLE_REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
GOOGLE_RECOMMENDED_WRITTEN = ("validThrough", "employmentType")
GOOGLE_EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
# Google: "Valid tags include <p>, <ul>, <li>, and headings <h1> through <h5>", plus <br> for
# line breaks and the character-level <strong> and <em>.
GOOGLE_DESCRIPTION_TAGS = frozenset({"p", "ul", "li", "h1", "h2", "h3", "h4", "h5", "br"}) | {
    "strong",
    "em",
}

ON_SITE = Posting(
    hiring_organization="Example Ltd",
    date_posted="2025-01-31",
    valid_through="2025-03-31",
    location="Berlin",
    country="DE",
    employment_types=("FULL_TIME",),
)


def meets_google_requirements(doc: dict[str, Any]) -> list[str]:
    """What the document lacks of Google's required fields (empty when nothing)."""
    lacks = [key for key in GOOGLE_REQUIRED if not doc.get(key)]
    if doc.get("jobLocationType") == "TELECOMMUTE":
        if not doc.get("applicantLocationRequirements"):
            lacks.append("applicantLocationRequirements")
    elif not doc.get("jobLocation", {}).get("address", {}).get("addressCountry"):
        lacks.append("jobLocation.address.addressCountry")
    return lacks


class Tags(HTMLParser):
    """Every start tag, and whether each element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: list[str] = []
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if attrs:
            self.problems.append(f"<{tag}> has attributes")
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(f"</{tag}> closes nothing open")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def role_of(text: str, tmp_path: Path) -> Any:
    path = tmp_path / "role.md"
    path.write_text(text, encoding="utf-8")
    return load(path, fmt=MARKDOWN).role


def test_the_facts_the_code_uses_are_googles() -> None:
    assert EMPLOYMENT_TYPES == GOOGLE_EMPLOYMENT_TYPES


def test_complete_on_site_posting_has_googles_required_and_recommended_fields() -> None:
    doc = to_jsonld(load(SRE, fmt=MARKDOWN).role, ON_SITE)
    check_shape(doc)
    assert meets_google_requirements(doc) == []
    assert all(doc.get(key) for key in GOOGLE_RECOMMENDED_WRITTEN)
    assert doc["jobLocation"]["address"]["addressCountry"] == "DE"
    assert "jobLocationType" not in doc
    assert missing_options(ON_SITE) == []


def test_remote_posting() -> None:
    remote = Posting("Example Ltd", "2025-01-31", remote=True, applicant_countries=("US", "CA"))
    doc = to_jsonld(load(SRE, fmt=MARKDOWN).role, remote)
    check_shape(doc)
    assert meets_google_requirements(doc) == []
    assert doc["jobLocationType"] == "TELECOMMUTE"
    assert doc["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "US"},
        {"@type": "Country", "name": "CA"},
    ]
    assert "jobLocation" not in doc
    one = to_jsonld(load(SRE, fmt=MARKDOWN).role, Posting(remote=True, applicant_countries=("US",)))
    assert one["applicantLocationRequirements"] == {"@type": "Country", "name": "US"}
    # remote without a country is not complete
    assert missing_options(Posting("X", "2025-01-31", remote=True)) == ["--applicant-country"]


def test_incomplete_posting_fails_googles_check() -> None:
    # the checker in this file is real: it finds what a bare posting lacks
    doc = to_jsonld(load(SRE, fmt=MARKDOWN).role, Posting())
    check_shape(doc)
    assert meets_google_requirements(doc) == [
        "datePosted",
        "hiringOrganization",
        "jobLocation.address.addressCountry",
    ]


def test_description_is_well_formed_html_with_googles_tags_only() -> None:
    role = load(SRE, fmt=MARKDOWN).role
    html = to_jsonld(role, ON_SITE)["description"]
    tags = parse(html)
    assert tags.problems == [] and tags.stack == []
    assert set(tags.seen) <= GOOGLE_DESCRIPTION_TAGS
    assert {"p", "ul", "li", "h2", "strong"} <= set(tags.seen)
    text = "".join(tags.text)
    for item in (*role.responsibilities, *role.skills.required, *role.skills.nice_to_have):
        assert (item.name or item.description or "") in text
    assert "2. Screening call — 20 minutes; owner: recruiter" in text


def test_description_escapes_the_role_text(tmp_path: Path) -> None:
    role = role_of(
        "---\ntitle: Engineer <b>\n---\n\n# Engineer\n\n"
        "Writes <script>alert(1)</script> & tests **well**.\n\n"
        "## Responsibilities\n\n* <i>Code</i>: ships 1 < 2 features\n* Review: read code\n",
        tmp_path,
    )
    html = to_jsonld(role, ON_SITE)["description"]
    tags = parse(html)
    assert tags.problems == [] and tags.stack == []
    assert set(tags.seen) <= GOOGLE_DESCRIPTION_TAGS
    assert "script" not in tags.seen and "i" not in tags.seen
    text = "".join(tags.text)
    assert "<script>alert(1)</script> & tests well." in text
    assert "<i>Code</i>" in text and "1 < 2" in text


@pytest.mark.parametrize(
    ("given", "written"),
    [
        (["full_time"], ("FULL_TIME",)),
        (["FULL_TIME", "part-time", "FULL_TIME"], ("FULL_TIME", "PART_TIME")),
        ("CONTRACTOR", ("CONTRACTOR",)),
    ],
)
def test_employment_types(given: Any, written: tuple[str, ...]) -> None:
    posting, errors = read_posting({"employment-type": Value(given, "--employment-type")})
    assert errors == []
    assert posting.employment_types == written
    doc = to_jsonld(load(SRE, fmt=MARKDOWN).role, posting)
    assert doc["employmentType"] == (written[0] if len(written) == 1 else list(written))


def values(**raw: Any) -> dict[str, Value]:
    return {
        k.replace("_", "-"): Value(v, option_where(k.replace("_", "-"))) for k, v in raw.items()
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"date_posted": "2025-02-30"}, "--date-posted: '2025-02-30' is not a date"),
        ({"date_posted": "31.01.2025"}, "--date-posted: '31.01.2025' is not a date"),
        ({"valid_through": "2025-1-5"}, "--valid-through: '2025-1-5' is not a date"),
        (
            {"date_posted": "2025-03-01", "valid_through": "2025-03-01"},
            "--valid-through: 2025-03-01 is not after the date posted, 2025-03-01",
        ),
        (
            {"date_posted": "2025-03-01", "valid_through": "2025-02-01"},
            "--valid-through: 2025-02-01 is not after the date posted",
        ),
        ({"country": "XX"}, "--country: 'XX' is not an ISO 3166-1 alpha-2 country code"),
        ({"country": "USA"}, "--country: 'USA' is not an ISO 3166-1 alpha-2 country code"),
        (
            {"remote": True, "applicant_country": ["US", "EU"]},
            "--applicant-country: 'EU' is not an ISO 3166-1",
        ),
        ({"employment_type": ["FULLTIME"]}, "--employment-type: 'FULLTIME' is not an employment"),
        ({"location": "Remote"}, "--location: 'Remote' is not a place"),
        ({"applicant_country": ["US"]}, "--applicant-country: says where applicants of a remote"),
        ({"hiring_organization": "  "}, "--hiring-organization: is empty"),
    ],
)
def test_bad_values_are_named(raw: dict[str, Any], message: str) -> None:
    _, errors = read_posting(values(**raw))
    assert len(errors) == 1 and errors[0].startswith(message), errors


def test_good_values_are_normalised() -> None:
    posting, errors = read_posting(
        values(
            date_posted="2025-01-31",
            valid_through="2025-02-01",
            country="de",
            remote=True,
            applicant_country=["at", "AT", "ch"],
        )
    )
    assert errors == []
    assert posting.country == "DE"
    assert posting.applicant_countries == ("AT", "CH")


def test_country_codes_are_iso_3166() -> None:
    listed = Path("/usr/share/iso-codes/json/iso_3166-1.json")
    if not listed.is_file():
        pytest.skip("Debian's iso-codes is not installed: nothing to compare the codes with")
    codes = {c["alpha_2"] for c in json.loads(listed.read_text(encoding="utf-8"))["3166-1"]}
    assert codes == COUNTRY_CODES


def test_every_missing_option_is_named_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sre.jsonld"
    settings = ExportSettings((str(SRE),), posting=True, output=str(out))
    assert run_export(settings) == 2
    err = capsys.readouterr().err
    assert "needs --hiring-organization, --date-posted and --location with --country" in err
    assert "--allow-incomplete" in err
    assert not out.exists()
    fields = {"hiring-organization": "X", "location": "Berlin"}
    assert run_export(ExportSettings((str(SRE),), posting=True, posting_fields=fields)) == 2
    assert "needs --date-posted and --country:" in capsys.readouterr().err


def test_allow_incomplete_writes_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sre.jsonld"
    fields = {"hiring-organization": "X"}
    settings = ExportSettings(
        (str(SRE),), posting=True, posting_fields=fields, output=str(out), allow_incomplete=True
    )
    assert run_export(settings) == 0
    assert "warning: the posting lacks --date-posted and --location" in capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8"))
    check_shape(doc)
    assert meets_google_requirements(doc) == ["datePosted", "jobLocation.address.addressCountry"]


def test_a_role_without_description_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    role = tmp_path / "bare.md"
    role.write_text("---\ntitle: Engineer\n---\n\n# Engineer\n\n## Responsibilities\n", "utf-8")
    fields = {"hiring-organization": "X", "date-posted": "2025-01-31", "remote": True}
    fields["applicant-country"] = ("US",)
    settings = ExportSettings((str(role),), posting=True, posting_fields=fields)
    assert run_export(settings) == 2
    assert f"{role}: the role gives no description" in capsys.readouterr().err


def test_config_values_are_checked_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / ".roledef.toml"
    config.write_text(
        '[posting]\nhiring-organization = "Config Org"\ndate-posted = "2025-02-30"\n'
        'remote = true\napplicant-country = ["US"]\n',
        encoding="utf-8",
    )
    settings = ExportSettings((str(SRE),), posting=True, config=str(config))
    assert run_export(settings) == 2
    err = capsys.readouterr().err
    assert f"'date-posted' in the [posting] table of {config}: '2025-02-30'" in err
    # an option overrides the config's value, and is named when it is the wrong one
    fields = {"date-posted": "2025-02-01", "valid-through": "2025-01-01"}
    settings = ExportSettings((str(SRE),), posting=True, posting_fields=fields, config=str(config))
    assert run_export(settings) == 2
    assert "--valid-through: 2025-01-01 is not after" in capsys.readouterr().err


def test_to_is_optional_and_jsonld_the_default(tmp_path: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["export", str(SRE)], standalone_mode=False)
    assert plain.return_value == 0, plain.output
    doc = json.loads(plain.stdout)
    assert doc["@type"] == "Occupation"
    named = runner.invoke(cli, ["export", "--to", "jsonld", str(SRE)], standalone_mode=False)
    assert named.stdout == plain.stdout
    help_text = runner.invoke(cli, ["export", "--help"]).output
    assert "[default: jsonld]" in help_text
    for option in ("--valid-through", "--remote", "--applicant-country", "--employment-type"):
        assert option in help_text


def test_posting_options_need_posting() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SRE), "--remote"])
    assert result.exit_code == 2
    assert "--remote describes a job posting: add --posting" in result.output
    result = runner.invoke(cli, ["export", str(SRE), "--allow-incomplete"])
    assert result.exit_code == 2
    assert "add --posting" in result.output


@pytest.mark.slow
@pytest.mark.corpus
def test_every_corpus_role_makes_a_complete_posting_with_clean_html(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in (corpus / "flowfuse").glob("*.md"))
    fields = {"hiring-organization": "FlowFuse", "date-posted": "2025-01-31"}
    fields |= {"remote": True, "applicant-country": ("GB", "US")}
    settings = ExportSettings(
        tuple(files), posting=True, posting_fields=fields, output_dir=str(tmp_path)
    )
    assert run_export(settings) == 2  # the index and the levels page are not roles
    assert len(capsys.readouterr().err.strip().splitlines()) == 2
    written = sorted(tmp_path.glob("*.jsonld"))
    assert len(written) == len(files) - 2
    for out in written:
        doc = json.loads(out.read_text(encoding="utf-8"))
        check_shape(doc)
        assert meets_google_requirements(doc) == [], out.name
        tags = parse(doc["description"])
        assert tags.problems == [] and tags.stack == [], out.name
        assert set(tags.seen) <= GOOGLE_DESCRIPTION_TAGS, out.name
