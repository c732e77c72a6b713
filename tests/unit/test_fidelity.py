"""The reader-fidelity scorer (``benchmarks/fidelity.py``): exact figures on small labelled
documents written here, and a run over the shared hand labels when they are there."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from benchmarks import fidelity
from tests.helpers import corpus_path

SRE = """\
# Site Reliability Engineer

We keep the platform up.

## Responsibilities

- Run the on-call rota
- Write postmortems

## Hiring process

1. **Screening call** (30 minutes): a call with the recruiter.
2. **Technical interview** (45-60 minutes): pair on a bug.
3. **Team interview** (optional): meet the team. Done by the CTO.
4. **Offer**
"""


def step(line: int, name: str, owner: str | None = None, **more: Any) -> dict[str, Any]:
    return {"line": line, "name": name, "owner": owner, "duration_minutes": None, **more}


SRE_LABEL = {
    "role": True,
    "title": "Site Reliability Engineer",
    "reports_to": None,
    "has": {"summary": True, "responsibilities": True, "skills_required": False},
    "counts": {"responsibilities": 3, "skills_required": 0},
    "hiring_plan": [
        step(12, "Screening call", "The Recruiter.", duration_minutes=30),  # a match
        step(13, "Technical **interview**", "hiring manager", duration_minutes=45,
             duration_max_minutes=60),  # an owner miss; a duration range
        step(14, "Team interview", None, optional=True),  # a false owner: CTO is read
        step(15, "Offer"),
    ],
}  # fmt: skip


def score(tmp_path: Path, files: dict[str, str], labels: dict[str, Any]) -> fidelity.Score:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(labels), encoding="utf-8")
    return fidelity.score_set(path, tmp_path)


def figures(result: fidelity.Score, name: str) -> tuple[int, int, int, int, int]:
    t = result.fields[name]
    return t.tp, t.fp, t.fn, t.exact, t.compared


def test_steps_owners_durations_and_counts(tmp_path: Path) -> None:
    result = score(tmp_path, {"sre.md": SRE}, {"sre.md": SRE_LABEL})
    assert (result.files, result.roles, result.steps_labelled, result.steps_read) == (1, 1, 4, 4)
    assert figures(result, "steps") == (4, 0, 0, 4, 4)
    # matched; missed (none read); false (CTO read, the label has none); none on either side
    assert figures(result, "owner") == (1, 1, 1, 2, 4)
    assert result.fields["owner"].precision == 0.5
    assert result.fields["owner"].recall == 0.5
    assert figures(result, "duration") == (2, 0, 0, 4, 4)
    assert figures(result, "duration_max") == (1, 0, 0, 4, 4)
    assert figures(result, "optional") == (1, 0, 0, 4, 4)
    assert figures(result, "name") == (4, 0, 0, 4, 4)
    assert figures(result, "counts.responsibilities") == (0, 1, 1, 0, 1)
    assert figures(result, "counts.skills_required") == (0, 0, 0, 1, 1)
    assert figures(result, "has.responsibilities") == (1, 0, 0, 1, 1)
    assert figures(result, "role") == (1, 0, 0, 1, 1)
    assert figures(result, "title") == (1, 0, 0, 1, 1)
    assert figures(result, "reports_to") == (0, 0, 0, 1, 1)
    # RD301 on the technical interview, whose label names an owner; RD302 on the team
    # interview, whose label has no duration either (the offer needs neither)
    assert vars(result.lint["RD301"]) == {"findings": 1, "false": 1, "unlabelled": 0}
    assert vars(result.lint["RD302"]) == {"findings": 1, "false": 0, "unlabelled": 0}
    assert [(m.line, m.field, m.labelled, m.read) for m in result.misses] == [
        (7, "counts.responsibilities", 3, 2),  # the line of the first responsibility read
        (13, "RD301", "hiring manager", result.misses[1].read),
        (13, "owner", "hiring manager", ()),
        (14, "owner", None, ("CTO", "team")),
    ]
    assert "has no owner" in result.misses[1].read


def test_steps_of_a_page_that_is_not_a_role(tmp_path: Path) -> None:
    page = "# How we hire\n\n## Hiring process\n\n1. Intro call (30 minutes) with a recruiter.\n"
    page += "2. Take-home exercise.\n"
    labels = {
        "hiring.md": {"role": False, "hiring_plan": [step(5, "Intro call"), step(9, "Onsite")]},
        "index.md": {"role": False},
    }
    result = score(tmp_path, {"hiring.md": page, "index.md": "# Jobs\n\n- [SRE](sre.md)\n"}, labels)
    # line 5 matched, line 6 read but not labelled, line 9 labelled but not read
    assert figures(result, "steps") == (1, 1, 1, 1, 3)
    assert figures(result, "duration") == (0, 1, 0, 0, 1)  # 30 read, the label has none
    assert "title" not in result.fields and "counts.responsibilities" not in result.fields
    assert result.fields["role"].compared == 2


def read_step(line: int, owners: tuple[str, ...]) -> Any:
    """A step as the reader gives it, with a list of owners."""
    span = SimpleNamespace(line=line)
    return SimpleNamespace(span=span, name="Team interview", owners=owners, optional=False,
                           duration_minutes=None, duration_max_minutes=None)  # fmt: skip


def test_several_owners(tmp_path: Path) -> None:
    labelled = [
        step(3, "Team interview", "CTO", owners=["CTO", "VP Engineering"]),
        step(4, "Team interview", "the CEO", owners=["the CEO"]),
    ]
    role = SimpleNamespace(hiring_plan=(read_step(3, ("cto", "CEO")), read_step(4, ("CEO",))))
    result = fidelity.Score("labels.json")
    fidelity.score_steps(result, "sre.md", labelled, role)  # type: ignore[arg-type]
    assert figures(result, "owner") == (2, 0, 0, 2, 2)  # each first-named owner is among those read
    # CTO and CEO matched, CEO read where VP Engineering is labelled
    assert figures(result, "owners") == (2, 1, 1, 1, 2)
    assert [(m.line, m.field) for m in result.misses] == [(3, "owners")]


def test_levels_not_read_are_missed(tmp_path: Path) -> None:
    result = score(tmp_path, {"sre.md": SRE}, {"sre.md": dict(SRE_LABEL, levels=["Senior"])})
    assert figures(result, "levels") == (0, 0, 1, 0, 1)


@pytest.mark.parametrize(
    ("labelled", "read", "same"),
    [
        ("The hiring manager", "hiring manager", True),
        ("**CTO**", "cto.", True),
        ("[our recruiter](https://example.com)", "Recruiter", True),
        ("hiring manager", "hiring manager or recruiter", False),
        ("team", "team members", False),
    ],
)
def test_owners_compare_loosely(labelled: str, read: str, same: bool) -> None:
    assert fidelity.same_owner(labelled, read) is same


def test_owners_from_either_shape_of_step() -> None:
    assert fidelity.read_owners(SimpleNamespace(owner="CTO")) == ("CTO",)  # type: ignore[arg-type]
    assert fidelity.read_owners(SimpleNamespace(owner=None)) == ()  # type: ignore[arg-type]
    both = SimpleNamespace(owners=("CTO", "CEO"))
    assert fidelity.read_owners(both) == ("CTO", "CEO")  # type: ignore[arg-type]
    assert fidelity.label_owners({"owner": "CTO"}) == ("CTO",)
    assert fidelity.label_owners({"owner": "CTO", "owners": ["CTO", "CEO"]}) == ("CTO", "CEO")


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("{not json", "not a JSON file"),
        ('["sre.md"]', "labels must be an object"),
        ('{"sre.md": {"title": "SRE"}}', "sre.md: 'role' must be true or false"),
        ('{"sre.md": {"role": true, "hiring_plan": [{"name": "x"}]}}', "hiring step 1: 'line'"),
        ('{"sre.md": {"role": true, "counts": {"responsibilities": -1}}}', "'counts' values"),
        ('{"gone.md": {"role": true}}', "gone.md: no such file"),
    ],
)
def test_bad_labels_exit_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], labels: str, message: str
) -> None:
    (tmp_path / "sre.md").write_text(SRE, encoding="utf-8")
    path = tmp_path / "labels.json"
    path.write_text(labels, encoding="utf-8")
    assert fidelity.main(["--shared", str(tmp_path), "--labels", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"fidelity: {path}") and message in err
    assert "Traceback" not in err


def test_table_misses_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sre.md").write_text(SRE, encoding="utf-8")
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"sre.md": SRE_LABEL}), encoding="utf-8")
    args = ["--shared", str(tmp_path), "--labels", str(path)]
    assert fidelity.main([*args, "--misses"]) == 0
    out = capsys.readouterr().out
    rows = [" ".join(line.split()) for line in out.splitlines()]
    assert "owner 50.0% 1/2 50.0% 1/2 50.0% 2/4" in rows
    assert "RD301: 1 false of 1 (precision 0.0% 0/1); 0 on no labelled step" in out
    assert 'sre.md:14  owner  labelled null  read ["CTO", "team"]' in out
    assert fidelity.main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    owner = data["sets"][0]["fields"]["owner"]
    assert owner == {"compared": 4, "exact": 2, "tp": 1, "fp": 1, "fn": 1, "precision": 0.5,
                     "recall": 0.5}  # fmt: skip


@pytest.mark.corpus
def test_the_shared_labels_are_scored() -> None:
    shared = corpus_path().parent
    labels = shared / "labels" / "flowfuse.json"
    if not labels.is_file():
        pytest.skip(f"the shared hand labels are not at {labels}")
    result = fidelity.score_set(labels, shared)
    assert result.files == len(json.loads(labels.read_text(encoding="utf-8")))
    assert result.steps_labelled > 100 and result.steps_read > 0
    assert {"role", "title", "steps", "owner", "duration", "counts.responsibilities"}.issubset(
        result.fields
    )
    for name, tally in result.fields.items():
        assert 0 <= tally.exact <= tally.compared, name
        for fraction in (tally.precision, tally.recall):
            assert fraction is None or 0.0 <= fraction <= 1.0, name
    for lint in result.lint.values():
        assert 0 <= lint.false + lint.unlabelled <= lint.findings
    assert not result.notes  # roledef read every labelled file
