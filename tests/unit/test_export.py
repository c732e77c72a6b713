"""`roledef export --to jsonld`: the schema.org mapping, its shape, posting fields, the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from roledef.commands.export import ExportSettings, run_export
from roledef.read import MARKDOWN, load
from roledef.write.jsonld import Posting, to_jsonld
from tests.helpers import EXAMPLES, ROOT

SHAPE = json.loads((ROOT / "tests" / "fixtures" / "export" / "jsonld.schema.json").read_text())
SRE = EXAMPLES / "site-reliability-engineer.md"
POSTING = (
    "--posting",
    "--hiring-organization",
    "Example Ltd",
    "--date-posted",
    "2025-01-31",
    "--location",
    "Berlin",
    "--country",
    "DE",
)


def check_shape(doc: dict[str, Any]) -> None:
    errors = [e.message for e in Draft202012Validator(SHAPE).iter_errors(doc)]
    assert not errors, errors


def export(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roledef", "export", "--to", "jsonld", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def test_shape_schema_is_valid_and_strict() -> None:
    Draft202012Validator.check_schema(SHAPE)
    bad = {"@context": "https://schema.org", "@type": "Occupation", "description": "x"}
    assert list(Draft202012Validator(SHAPE).iter_errors(bad))  # no name
    bad = {**bad, "name": "x", "datePosted": "2025-01-01"}
    assert list(Draft202012Validator(SHAPE).iter_errors(bad))  # a posting field


def test_occupation_maps_the_role() -> None:
    role = load(SRE, fmt=MARKDOWN).role
    doc = to_jsonld(role)
    check_shape(doc)
    assert (doc["@type"], doc["name"]) == ("Occupation", role.title)
    assert len(doc["responsibilities"]) == len(role.responsibilities)
    assert len(doc["skills"]) == len(role.skills.required)
    first = role.responsibilities[0]
    assert doc["responsibilities"][0] == f"{first.name}: {first.description}"


def test_hiring_plan_is_written_into_the_description_in_order() -> None:
    role = load(SRE, fmt=MARKDOWN).role
    text = to_jsonld(role)["description"]
    plan = text[text.index("Hiring plan:") :].splitlines()[1:]
    assert len(plan) == len(role.hiring_plan)
    for number, (line, step) in enumerate(zip(plan, role.hiring_plan, strict=True), start=1):
        assert line.startswith(f"{number}. {step.name}")
        if step.duration_minutes is not None:
            assert f"{step.duration_minutes}" in line and "minutes" in line
        if len(step.owners) == 1:
            assert f"owner: {step.owners[0]}" in line
        elif step.owners:
            assert f"owners: {', '.join(step.owners)}" in line


def test_posting_fields_and_nice_to_have_skills() -> None:
    role = load(SRE, fmt=MARKDOWN).role
    posting = Posting("Example Ltd", "2025-01-31", location="Berlin", country="DE")
    doc = to_jsonld(role, posting)
    check_shape(doc)
    assert (doc["@type"], doc["title"]) == ("JobPosting", role.title)
    assert doc["hiringOrganization"] == {"@type": "Organization", "name": "Example Ltd"}
    address = {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "DE"}
    assert doc["jobLocation"] == {"@type": "Place", "address": address}
    assert doc["datePosted"] == "2025-01-31"
    nice = role.skills.nice_to_have
    assert len(doc.get("qualifications", [])) == len(nice)
    assert all(q.endswith("(nice to have)") for q in doc.get("qualifications", []))
    # unknown posting fields are left out, not written as null
    check_shape(bare := to_jsonld(role, Posting()))
    assert not {"hiringOrganization", "jobLocation", "datePosted"} & set(bare)


@pytest.mark.slow
@pytest.mark.corpus
def test_seed_role_carries_its_responsibilities_and_skills(corpus: Path) -> None:
    result = export(str(corpus / "seed" / "technical-product-manager.md"), *POSTING)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    check_shape(doc)
    assert len(doc["responsibilities"]) == 10
    assert len(doc["skills"]) == 8
    assert doc["responsibilities"][0].startswith("Bridging Product Strategy")
    assert "2. Screening call — 20 minutes; owner: recruiter" in doc["description"]


@pytest.mark.slow
@pytest.mark.corpus
def test_every_corpus_role_exports_to_the_shape(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in (corpus / "flowfuse").glob("*.md"))
    result = export(*files, "--output-dir", str(tmp_path))
    # the index and the levels page are refused, one line each, and the roles still exported
    assert result.returncode == 2
    refused = sorted(Path(line.split(": ")[1]).name for line in result.stderr.splitlines())
    assert refused == ["engineering-levels.md", "index.md"]
    written = sorted(tmp_path.glob("*.jsonld"))
    assert len(written) == len(files) - 2
    for out in written:
        doc = json.loads(out.read_text(encoding="utf-8"))
        check_shape(doc)
        assert doc["description"]


@pytest.mark.slow
def test_posting_fields_come_from_config_and_options_override_them(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text(
        '[posting]\nhiring-organization = "Config Org"\nlocation = "Berlin"\ncountry = "DE"\n'
        'date-posted = "2025-02-01"\nemployment-type = ["FULL_TIME", "PART_TIME"]\n',
        encoding="utf-8",
    )
    # the config of the role's own project (the nearest above the file), as roledef lint finds it
    role = tmp_path / SRE.name
    role.write_bytes(SRE.read_bytes())
    result = export(str(role), "--posting", "--location", "Lisbon", "--country", "PT", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["hiringOrganization"]["name"] == "Config Org"
    assert doc["jobLocation"]["address"]["addressLocality"] == "Lisbon"
    assert doc["jobLocation"]["address"]["addressCountry"] == "PT"
    assert doc["employmentType"] == ["FULL_TIME", "PART_TIME"]
    assert doc["datePosted"] == "2025-02-01"
    plain = json.loads(export(str(SRE), cwd=tmp_path).stdout)
    assert plain["@type"] == "Occupation" and "hiringOrganization" not in plain


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--location", "Remote"), "add --posting"),
        (("--posting", "--date-posted", "2025-13-01"), "YYYY-MM-DD"),
        ((str(SRE), "-o", "a.jsonld", "--output-dir", "d"), "either --output or --output-dir"),
        ((str(SRE),), "several files need --output-dir"),
    ],
)
def test_options_that_do_not_fit(args: tuple[str, ...], message: str) -> None:
    result = export(str(SRE), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_writes_atomically_never_overwrites_and_names_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sre.jsonld"
    settings = ExportSettings((str(SRE),), output=str(out))
    assert run_export(settings) == 0
    check_shape(json.loads(out.read_text(encoding="utf-8")))
    assert run_export(settings) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert run_export(ExportSettings((str(SRE),), output=str(out), force=True)) == 0
    missing = tmp_path / "missing.md"
    both = ExportSettings((str(missing), str(SRE)), output_dir=str(tmp_path / "out"))
    assert run_export(both) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0]
    assert (tmp_path / "out" / "site-reliability-engineer.jsonld").is_file()


@pytest.mark.slow
def test_config_posting_table_is_checked(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text('[posting]\nsalary = "lots"\n', encoding="utf-8")
    role = tmp_path / SRE.name
    role.write_bytes(SRE.read_bytes())
    result = export(str(role), "--posting", cwd=tmp_path)
    assert result.returncode == 2
    assert ".roledef.toml: key 'posting'" in result.stderr
