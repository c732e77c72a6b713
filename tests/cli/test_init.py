"""`roledef init`: a config inferred from a handbook's role files, shown, written and used."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from roledef.config import load_config
from roledef.handbook.aliases import kind_of, recurring, variant_key
from roledef.handbook.configtoml import quote, read_back
from roledef.handbook.infer import infer
from tests.helpers import ROOT, corpus_path, corpus_skip_reason
from tests.helpers.robust import Run, assert_no_traceback, run_cli

#: A handbook's role file, in the style of many careers pages: no front matter, the headings of
#: careers pages ("About this job", "What you'll do", "Perks": the reader knows them), skills as
#: "Requirements", a heading of its own ("Life at Acme": an alias), an interview process.
ROLE = """\
# {title}

## About this job

The {title} builds the product with a small team.

## What you'll do

* Ship features every week.
* Review code.

## Requirements

* Five years of {skill}.

## Perks

* A laptop.

## Life at Acme

* Remote.

## Interview process

1. Intro call (30m): done by the recruiter.
2. Technical interview (60m): done by {owner}.
"""

#: A page that is not a role: the index of the role files, mostly links (read as an index page
#: by roledef.read.kind, as roledef lint reads it).
INDEX = """\
# Careers

## Open positions

* [Backend Engineer](backend-engineer.md)
* [Frontend Engineer](frontend-engineer.md)
* [Site Reliability Engineer](site-reliability-engineer.md)
* [Data Analyst](data-analyst.md)
* [Product Designer](product-designer.md)
"""


def _handbook(folder: Path) -> Path:
    """Five role files sharing a convention, one with a typo, one step without owner, and a
    page that is not a role: the handbook of docs/init.md's example, ``docs/examples/jobs``
    (made from ``ROLE`` and ``INDEX``)."""
    shutil.copytree(ROOT / "docs" / "examples" / "jobs", folder, dirs_exist_ok=True)
    return folder


def _lint(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    monkeypatch.chdir(folder)
    result = run_cli("lint", "--no-cache", "--exit-zero", "--output-format", "json", ".")
    assert result.rc == 0, result.err
    findings: list[dict[str, object]] = json.loads(result.out)
    return findings


def _init(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Run:
    monkeypatch.chdir(folder)
    result = run_cli("init", *args)
    assert_no_traceback(result)
    return result


def test_init_writes_a_config_that_lint_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    before = _lint(folder, monkeypatch)
    result = _init(folder, monkeypatch)
    assert result.rc == 0, result.err
    config = load_config(cwd=folder)  # valid: the schema and every key checked
    assert config.source == str(folder / ".roledef.toml")
    # every section the role files have is read (the misspelt "Requirments" as the skills)
    assert config.options["required-sections"] == [
        "job_description",
        "responsibilities",
        "skills",
        "hiring_plan",
    ]
    assert config.options["required-front-matter"] == []
    assert "RD101" not in config.enabled
    assert config.aliases == {"life at acme": "extra"}  # the one heading the reader does not know
    after = _lint(folder, monkeypatch)
    assert len(after) < len(before)
    codes = Counter(str(f["code"]) for f in after)
    assert codes["RD101"] == 0 and codes["RD203"] == 0
    unknown = [(f["path"], str(f["message"])[:40]) for f in after if f["code"] == "RD201"]
    assert unknown == [  # the typo stays
        ("data-analyst.md", "heading 'Requirments' is read as 'Requir"),
    ]
    # the index is no role file: lint leaves it out of the folder, before and after
    assert {str(f["path"]) for f in before + after} == {
        "backend-engineer.md",
        "frontend-engineer.md",
        "site-reliability-engineer.md",
        "data-analyst.md",
        "product-designer.md",
    }
    owners = [(f["path"], f["code"]) for f in after if f["code"] == "RD301"]
    assert owners == [("product-designer.md", "RD301")]  # a true finding stays


def test_init_shows_each_setting_with_its_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _init(_handbook(tmp_path / "jobs"), monkeypatch)
    out = result.out
    assert "roledef init: 5 role files of 6 files" in out
    assert "not role files, deciding nothing: index.md" in out
    assert "responsibilities 5 of 5" in out and "job_description 5 of 5" in out
    assert "RD101 front-matter-missing: off, in 'ignore' (0 of 5" in out
    assert "RD105 file-name: kept (5 of 5 file names are kebab-case)" in out
    assert "RD104 nav-title-mismatch: kept (no role file has a navTitle)" in out
    assert '"Life at Acme" = extra (5 files)' in out
    assert "required-front-matter drops navTitle, navGroup" in out
    assert "required-sections" not in out.split("differs from roledef's defaults:")[1]
    table = {line.split()[0]: line.split()[-2:] for line in out.splitlines() if "  RD" in line}
    assert table["RD101"] == ["5", "0"]  # the five role files; the index is not linted
    assert table["RD201"] == ["6", "1"]  # "Life at Acme" five times, then the typo alone
    assert out.rstrip().endswith("wrote .roledef.toml")


def test_print_writes_nothing_and_prints_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    result = _init(folder, monkeypatch, "--print")
    assert result.rc == 0
    assert not (folder / ".roledef.toml").exists()
    assert "findings by rule" in result.err  # the account on stderr, the TOML alone on stdout
    printed = tomllib.loads(result.out)
    assert _init(folder, monkeypatch).rc == 0
    assert printed == tomllib.loads((folder / ".roledef.toml").read_text())
    assert _init(folder, monkeypatch, "--dry-run").rc == 0  # the other name of --print


def test_an_existing_config_is_kept_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    (folder / ".roledef.toml").write_text('ignore = ["RD205"]\n')
    result = _init(folder, monkeypatch)
    assert result.rc == 2
    assert ".roledef.toml: exists; pass --force" in result.err
    assert (folder / ".roledef.toml").read_text() == 'ignore = ["RD205"]\n'
    assert _init(folder, monkeypatch, "--force").rc == 0
    assert "required-sections" in (folder / ".roledef.toml").read_text()


def test_pyproject_gets_a_table_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    pyproject = folder / "pyproject.toml"
    original = '[project]\nname = "handbook"\n\n[tool.black]\nline-length = 100\n'
    pyproject.write_text(original)
    assert _init(folder, monkeypatch, "--pyproject").rc == 0
    written = pyproject.read_text()
    assert written.startswith(original)
    data = tomllib.loads(written)
    assert data["project"] == {"name": "handbook"} and data["tool"]["black"]["line-length"] == 100
    assert read_back(written, "tool.roledef")["required-sections"] == [
        "job_description",
        "responsibilities",
        "skills",
        "hiring_plan",
    ]
    assert not (folder / ".roledef.toml").exists()
    assert load_config(cwd=folder).source == str(pyproject)
    again = _init(folder, monkeypatch, "--pyproject", "--force")
    assert again.rc == 2 and "has a [tool.roledef] table already" in again.err
    assert pyproject.read_text() == written
    shadow = _init(folder, monkeypatch)  # a .roledef.toml would hide the table
    assert shadow.rc == 2 and "pass --force to write it anyway" in shadow.err
    assert not (folder / ".roledef.toml").exists()


def test_a_pyproject_that_cannot_take_the_table_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    pyproject = folder / "pyproject.toml"
    pyproject.write_text("tool = { black = { line-length = 100 } }\n")  # an inline table
    result = _init(folder, monkeypatch, "--pyproject")
    assert result.rc == 2 and "cannot append to it" in result.err
    assert pyproject.read_text() == "tool = { black = { line-length = 100 } }\n"


def test_a_config_above_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".roledef.toml").write_text('ignore = ["RD205"]\n')
    folder = _handbook(tmp_path / "jobs")
    result = _init(folder, monkeypatch)
    assert result.rc == 0
    assert f"note: {tmp_path / '.roledef.toml'} applies here now" in result.out


def test_pyproject_must_exist_for_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    result = _init(folder, monkeypatch, "--pyproject")
    assert result.rc == 2 and "pyproject.toml: no such file" in result.err
    assert not (folder / "pyproject.toml").exists()


def test_no_role_files_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.md").write_text(INDEX)
    result = _init(folder, monkeypatch)
    assert result.rc == 1
    assert "no role files in .: nothing to infer from" in result.err
    assert list(folder.iterdir()) == [folder / "index.md"]


def test_an_unreadable_file_is_named_and_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _handbook(tmp_path / "jobs")
    (folder / "broken.md").write_bytes(b"# Broken\n\xff\xfe\n")
    result = _init(folder, monkeypatch)
    assert result.rc == 0
    assert result.err.startswith("roledef: broken.md: the file is not valid UTF-8")
    assert "5 role files of 7 files" in result.out


def test_a_missing_path_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _init(tmp_path, monkeypatch, "no-such-folder")
    assert result.rc == 2
    assert result.err.strip() == "roledef: no-such-folder: no such file or folder"


def test_a_handbook_with_its_own_names_and_front_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Title-case file names, front matter with `title` and `department`: RD105 off, both keys
    required (4 of 5 files have a department), and the file without one still reported."""
    folder = tmp_path / "roles"
    folder.mkdir()
    titles = ["Business Analyst", "Delivery Manager", "Lead Designer", "Tester", "Service Owner"]
    for title in titles:
        department = "" if title == "Service Owner" else "department: Delivery\n"
        front = f"---\ntitle: {title}\n{department}---\n\n"
        body = ROLE.format(title=title, skill="analysis", owner="the practice lead")
        (folder / f"{title}.md").write_text(front + body)
    assert _init(folder, monkeypatch).rc == 0
    config = load_config(cwd=folder)
    assert "RD105" not in config.enabled and "RD101" in config.enabled
    assert config.options["required-front-matter"] == ["title", "department"]
    after = _lint(folder, monkeypatch)
    assert [(f["path"], f["code"], f["message"]) for f in after] == [
        ("Service Owner.md", "RD103", "front matter has no 'department': add 'department: ...'")
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("responsibility", "responsibilities"),  # singular of a known heading
        ("your skills", "skills"),  # a possessive before it
        ("required skills and experience", "skills_required"),  # a known phrase inside
        ("ideal qualifications", "skills"),  # a noun that names a list
        ("interview process at acme", "hiring_plan"),
        ("responsibilities not expected", "extra"),  # negated: not the kind it names
        ("what you will learn", "extra"),  # "you will" names nothing on its own
        ("company description", "extra"),  # one word of the job description: too little
        ("signing bonus", "extra"),
        ("skils", "extra"),  # a misspelling stays a finding of unknown-section
        ("about you", "extra"),
    ],
)
def test_the_kind_a_heading_evidently_holds(heading: str, kind: str) -> None:
    assert kind_of(heading)[0] == kind


def test_spellings_of_one_heading_count_together() -> None:
    aliases, rare = recurring([["The Team", "Perks"], ["Team:"], ["**Our Team**", "Salary"]])
    assert [(a.heading, a.kind, a.files) for a in aliases] == [
        ("The Team", "extra", 3),
        ("Team", "extra", 3),
        ("Our Team", "extra", 3),
    ]
    assert rare == ["Perks", "Salary"]
    assert variant_key("the ideal candidates") == variant_key("ideal candidate")


def test_a_recurring_misspelling_stays_a_finding() -> None:
    aliases, left = recurring([["Skils", "About you"], ["Skils", "About you"]])
    assert [a.heading for a in aliases] == ["About you"]  # another heading than "About us"
    assert left == ["Skils"]


def test_a_heading_with_quotes_survives_the_toml(tmp_path: Path) -> None:
    text = 'What "we" offer \\ you\x7f'
    assert tomllib.loads(f"key = {quote(text)}\n")["key"] == text


def test_only_role_files_decide(tmp_path: Path) -> None:
    folder = _handbook(tmp_path / "jobs")
    for i in range(6):  # more pages that are not roles than role files, with front matter
        (folder / f"page-{i}.md").write_text("---\nlayout: page\n---\n\n" + INDEX)
    found = infer([str(folder)], str(folder))
    assert len(found.roles) == 5 and len(found.others) == 7
    assert found.options["required-front-matter"] == []
    assert "RD101" in found.ignored


#: The handbook's hiring steps, on a page of their own: read as a hiring-process page from its
#: text (over 40 words, hiring steps and no role), but too short to tell from its role alone.
HIRING_STEPS = """\
---
layout: plain
---

### Hiring steps

- Before any interview, the team reviews a short take-home task or a sample of
  open-source code, along with the candidate's CV.
- Next, candidates are invited to a values interview with one of our project
  managers.
- Finally, candidates are invited to an interview with the lead of the team.
"""


def test_init_and_lint_give_one_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The role files init decides by are the files roledef lint reads as roles, from their
    text: a hiring-steps page beside them decides nothing."""
    folder = _handbook(tmp_path / "jobs")
    (folder / "hiring-steps.md").write_text(HIRING_STEPS)
    found = infer([str(folder)], str(folder))
    assert sorted(Path(p).name for p in found.others) == ["hiring-steps.md", "index.md"]
    linted = {str(f["path"]) for f in _lint(folder, monkeypatch)}
    assert sorted(Path(p).name for p in found.roles) == sorted(linted)


def test_one_file_keeps_the_defaults_it_follows_and_adds_nothing(tmp_path: Path) -> None:
    role = tmp_path / "support-engineer.md"
    front = "---\nnavTitle: Support Engineer\nnavGroup: Support\nteam: Care\n---\n\n"
    body = ROLE.format(title="Support Engineer", skill="Zendesk", owner="the support lead")
    role.write_text(front + body.replace("## About this job", "## Job Description"))
    found = infer([str(tmp_path)], str(tmp_path))
    assert found.options["required-sections"] == [
        "job_description",
        "responsibilities",
        "skills",
        "hiring_plan",
    ]
    assert found.options["required-front-matter"] == ["navTitle", "navGroup"]  # not "team"
    assert found.options["default-nav-group"] == "Support"


def test_the_front_matter_of_yaml_role_files_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YAML role files (as roledef convert writes them) keep their front matter keys required."""
    folder = _handbook(tmp_path / "md")
    for path in sorted(folder.glob("*-*.md")):
        text = path.read_text()
        group = "" if path.name == "data-analyst.md" else "navGroup: Jobs\n"
        path.write_text(f"---\nnavTitle: {text.splitlines()[0][2:]}\n{group}---\n\n{text}")
    converted = tmp_path / "yaml"
    monkeypatch.chdir(tmp_path)
    names = [str(p) for p in sorted(folder.glob("*-*.md"))]
    assert run_cli("convert", *names, "--output-dir", str(converted)).rc == 0
    found = infer([str(converted)], str(converted))
    assert found.options["required-front-matter"] == ["navTitle", "navGroup"]
    assert found.after["RD103"] == 1  # data-analyst has no navGroup
    assert "RD101" not in found.ignored  # no markdown role file to judge it by


@pytest.mark.corpus
@pytest.mark.parametrize("org", ["teleport", "narrative"])
def test_init_on_a_real_handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, org: str) -> None:
    source = corpus_path() / "more" / org
    if not source.is_dir():
        pytest.skip(corpus_skip_reason())
    folder = tmp_path / org
    shutil.copytree(source, folder)
    before = Counter(str(f["code"]) for f in _lint(folder, monkeypatch))
    assert _init(folder, monkeypatch).rc == 0
    after = Counter(str(f["code"]) for f in _lint(folder, monkeypatch))
    assert sum(after.values()) < sum(before.values())
    # the reader knows the recurring headings of these handbooks: no alias is left for init to
    # add, and the headings left to RD201 (of one file, or misspelt) are still reported
    assert after["RD201"] <= before["RD201"] and after["RD203"] < before["RD203"]
    assert after["RD101"] == 0 and after["RD103"] == 0
    for code in ("RD301", "RD302"):  # what the hiring steps lack is still reported
        assert after[code] == before[code]
