"""``roledef render``: the canonical markdown of a role, and that it reads back as the same role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledef.commands.render import RenderSettings, run_render
from roledef.config import resolve_config
from roledef.lint.check import check_text
from roledef.model import HiringStep, Item, Role, Section
from roledef.modeldict import comparable
from roledef.read.markdown import parse_markdown
from roledef.read.structured import load_structured_role
from roledef.write.render import render_item, render_markdown, roundtrip_report
from roledef.write.steps import render_step
from tests.helpers import EXAMPLES, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "render"
CASES = sorted(FIXTURES.glob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture_renders_as_expected_and_reads_back(case: Path) -> None:
    role = load_structured_role(case)
    text = render_markdown(role)
    assert text == case.with_suffix(".md").read_text(encoding="utf-8")
    assert comparable(parse_markdown(text)) == comparable(role)


def test_there_are_render_fixtures() -> None:
    assert len(CASES) >= 2


STEPS = [
    (HiringStep("Offer"), "1. Offer"),
    (
        HiringStep(
            "Screening call", owners=("recruiter",), duration_minutes=20, link="https://x.y/s"
        ),
        "1. [Screening call](https://x.y/s) (20m): Done by the recruiter.",
    ),
    (
        HiringStep("CTO Interview", "A video call.", owners=("CTO",), duration_minutes=45),
        "1. CTO Interview (45m): A video call.",
    ),
    (
        HiringStep(
            "Design review",
            "Sketch a system.",
            owners=("VP of Engineering",),
            duration_minutes=45,
            duration_max_minutes=60,
            optional=True,
            focus="Architecture",
        ),
        "1. Design review (Architecture) (45-60m) (optional): Sketch a system. "
        "Done by the VP of Engineering.",
    ),
    (
        HiringStep("Pairing", "Build a feature.", owners=("Dana",)),
        "1. Pairing: Build a feature. Done by Dana.",
    ),
    # a description that opens with the word "optional" does not make the step optional
    (
        HiringStep("Exercise", "Optional extras are welcome."),
        "1. Exercise: Optional extras are welcome.",
    ),
]


@pytest.mark.parametrize(("step", "expected"), STEPS, ids=[s.name for s, _ in STEPS])
def test_step_canonical_form(step: HiringStep, expected: str) -> None:
    assert "\n".join(render_step(step)) == expected
    role = parse_markdown(f"## Hiring Plan\n\n{expected}\n")
    assert role.hiring_plan == (step,)


ITEMS = [
    (Item("Availability", "Keep the platform up."), "* Availability: Keep the platform up."),
    (Item("On-call", None), "* **On-call**"),
    (Item("Scope: data", "Own it."), "* **Scope: data**: Own it."),
    (Item(None, "Ship weekly."), "* Ship weekly."),
    (
        Item("Docs", "Write them.\nKeep them current."),
        "* Docs: Write them.\n\n  Keep them current.",
    ),
]


@pytest.mark.parametrize(("item", "expected"), ITEMS, ids=[i.name or "-" for i, _ in ITEMS])
def test_item_canonical_form(item: Item, expected: str) -> None:
    assert "\n".join(render_item(item)) == expected
    assert parse_markdown(f"## Skills\n\n{expected}\n").skills.required == (item,)


def test_what_markdown_cannot_say_is_reported() -> None:
    # a nameless item that starts like "Name: text" reads back with a name
    role = Role("x", "Analyst", responsibilities=(Item(None, "Note: this is read as a name."),))
    report = roundtrip_report(role, render_markdown(role))
    assert report and report[0].startswith("responsibilities[0].name: None would read back")


def test_sections_keep_their_order_around_the_hiring_plan() -> None:
    sections = (
        Section("Location", 2, "Remote."),
        Section("Hiring Plan (introduction)", 0, "All calls are on video."),
        Section("Assessment", 3, "A rubric."),
        Section("About us", 2, "We build tools."),
    )
    role = Role("x", "Analyst", hiring_plan=(HiringStep("Offer"),), sections=sections)
    text = render_markdown(role)
    assert text.index("## Location") < text.index("## Hiring Plan") < text.index("All calls")
    assert text.index("1. Offer") < text.index("### Assessment") < text.index("## About us")
    assert parse_markdown(text).sections == sections


def test_complete_example_renders_lint_clean() -> None:
    role = load_structured_role(EXAMPLES / "site-reliability-engineer.yaml")
    text = render_markdown(role)
    result = check_text(text, "site-reliability-engineer.md", resolve_config({}))
    assert [f"{f.line}: {f.code} {f.message}" for f in result.findings] == []


# --- the command -----------------------------------------------------------------------------
SRE_YAML = EXAMPLES / "site-reliability-engineer.yaml"


def test_render_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_render(str(SRE_YAML), RenderSettings()) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\nnavTitle: Site Reliability Engineer\n")
    assert "\n# Site Reliability Engineer\n" in out


@pytest.mark.slow
def test_render_accepts_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from roledef.write.structured import dump_role

    source = tmp_path / "sre.json"
    source.write_text(dump_role(load_structured_role(SRE_YAML), "json"), encoding="utf-8")
    assert run_render(str(source), RenderSettings()) == 0
    from_json = capsys.readouterr().out
    assert run_render(str(SRE_YAML), RenderSettings()) == 0
    assert from_json == capsys.readouterr().out


def test_render_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sre.md"
    out.write_text("keep me\n", encoding="utf-8")
    assert run_render(str(SRE_YAML), RenderSettings(output=str(out))) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run_render(str(SRE_YAML), RenderSettings(output=str(out), force=True)) == 0
    assert out.read_text(encoding="utf-8").startswith("---\n")
    assert [p.name for p in tmp_path.iterdir()] == ["sre.md"]  # no temporary file left


def test_schema_errors_name_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    text = SRE_YAML.read_text(encoding="utf-8").replace(
        "duration_minutes: 20", "duration_minutes: soon"
    )
    bad.write_text(text, encoding="utf-8")
    line = text.split("\n").index("    duration_minutes: soon") + 1
    assert run_render(str(bad), RenderSettings()) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad}:{line}: hiring_plan[1].duration_minutes: 'soon' is not of type" in captured.err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.yaml", "title: [\n", "is not valid YAML"),
        ("broken.json", '{"title": ', "is not valid JSON"),
        ("list.yaml", "- a\n", "is a list, not a role"),
        ("empty.yaml", "", "is empty, not a role"),
    ],
)
def test_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert run_render(str(path), RenderSettings()) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_render(str(tmp_path / "nope.yaml"), RenderSettings()) == 2
    assert "no such file" in capsys.readouterr().err


def test_lossy_render_warns_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        "schema_version": 1,
        "id": "analyst",
        "title": "Analyst",
        "responsibilities": [{"name": None, "description": "Note: read as a name."}],
        "skills": {"required": [], "nice_to_have": []},
        "hiring_plan": [],
    }
    path = tmp_path / "analyst.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run_render(str(path), RenderSettings()) == 1
    captured = capsys.readouterr()
    assert "* Note: read as a name." in captured.out
    assert "warning: responsibilities[0].name: None would read back as 'Note'" in captured.err


@pytest.mark.slow
def test_render_command_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "sre.md"
    args = [sys.executable, "-m", "roledef", "render", str(SRE_YAML), "-o", str(out)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_text(encoding="utf-8") == render_markdown(load_structured_role(SRE_YAML))


def test_markdown_input_is_pointed_to_convert(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_render(str(EXAMPLES / "site-reliability-engineer.md"), RenderSettings()) == 2
    assert (
        "is markdown, not a structured role: `roledef convert` makes one" in capsys.readouterr().err
    )
