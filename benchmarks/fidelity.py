"""How well roledef reads role files: what it reads, scored against hand labels.

    python benchmarks/fidelity.py           # ../shared/labels/flowfuse.json, tests/labels/more.json
    python benchmarks/fidelity.py --misses  # and every disagreement, file:line
    python benchmarks/fidelity.py --labels my.json --json

Each labelled file is read in this process with :func:`roledef.read.load` (the reader of
``roledef convert``) and compared with its label, field by field; the files are also linted
through :func:`roledef.lint.engine.run` (default config, no cache) to count the RD301/RD302
findings that a label contradicts. Run as a script, it measures the ``src/`` of its own checkout.
The label format is described in ``../shared/labels/README.md``; what is scored, in
``docs/fidelity.md``. Exit codes: 0 a measurement was made (whatever the figures), 2 bad input.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # measure this checkout's reader, not an installed one
    sys.path.insert(0, str(ROOT / "src"))

from roledef.model import HiringStep, Role  # noqa: E402

#: Where the model holds each part named by a label's ``has`` and ``counts``: label key -> the
#: model's value (empty when the file has none). ``has`` is "not empty", ``counts`` its length.
PARTS: dict[str, Callable[[Role], Any]] = {
    "summary": lambda role: role.summary,
    "responsibilities": lambda role: role.responsibilities,
    "non_responsibilities": lambda role: role.non_responsibilities,
    "skills_required": lambda role: role.skills.required,
    "skills_nice_to_have": lambda role: role.skills.nice_to_have,
    "onboarding_plan": lambda role: role.onboarding,
    "onboarding_phases": lambda role: role.onboarding,
    "hiring_plan": lambda role: role.hiring_plan,
    "levels": lambda role: getattr(role, "levels", ()),
}

#: The durations of a step: field -> the key of both the label and the model.
DURATIONS = (("duration", "duration_minutes"), ("duration_max", "duration_max_minutes"))

#: The lint rules whose findings a label can contradict: code -> the step label's key.
LINT_KEYS = {"RD301": "owner", "RD302": "duration_minutes"}

_ARTICLES = re.compile(r"\b(?:the|a|an|our)\b")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"\w+")


class LabelError(Exception):
    """Labels that cannot be scored: the message names the file and what is wrong."""


def is_a_role(role: Role) -> bool:
    """The project's own decision of whether a file is a role file, from the file's text as
    ``roledef lint`` decides it (the one place it is used)."""
    from roledef.handbook.data import is_role

    if len(inspect.signature(is_role).parameters) == 1:
        return is_role(role)  # a revision that decides from the model alone (measuring it)
    path = Path(role.source.path)
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    return is_role(role, text)


def read_owners(step: HiringStep) -> tuple[str, ...]:
    """A read step's owners, from a step with ``owners`` (a list) or ``owner`` (one or None)."""
    owners = getattr(step, "owners", None)
    if owners is None:
        owner = getattr(step, "owner", None)
        owners = () if owner is None else (owner,)
    return tuple(o for o in owners if o)


def label_owners(step: dict[str, Any]) -> tuple[str, ...]:
    """A labelled step's owners: ``owners`` where labelled, else its ``owner``."""
    owners = step.get("owners")
    if owners is None:
        owners = [] if step.get("owner") is None else [step["owner"]]
    return tuple(o for o in owners if o)


def words(text: str) -> tuple[str, ...]:
    """A text's words, lower case, without links, emphasis or punctuation: a loose compare."""
    return tuple(_WORD.findall(_LINK.sub(r"\1", text).replace("_", " ").lower()))


def owner_key(text: str) -> tuple[str, ...]:
    """An owner compared loosely: as :func:`words`, and without the articles the/a/an/our."""
    return words(_ARTICLES.sub(" ", _LINK.sub(r"\1", text).lower()))


def same_words(labelled: Any, read: Any) -> bool:
    return words(str(labelled)) == words(str(read))


def same_owner(labelled: Any, read: Any) -> bool:
    return owner_key(str(labelled)) == owner_key(str(read))


def among_owners(labelled: Any, read: Any) -> bool:
    """The labelled (first-named) owner is one of the read owners."""
    return owner_key(str(labelled)) in {owner_key(o) for o in read}


@dataclass
class Tally:
    """Agreement on one field: ``tp`` both have it and agree, ``fp`` read but labelled absent or
    different, ``fn`` labelled but not read or different; ``exact`` counts every agreement,
    absent on both sides included, out of ``compared``."""

    compared: int = 0
    exact: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, labelled: Any, read: Any, same: Callable[[Any, Any], bool]) -> bool:
        """Count one comparison; empty values (None, False, 0, "", ()) are absent. True: agreed."""
        self.compared += 1
        if not labelled and not read:
            self.exact += 1
            return True
        if labelled and read and same(labelled, read):
            self.tp += 1
            self.exact += 1
            return True
        self.fp += bool(read)
        self.fn += bool(labelled)
        return False

    def add_sets(self, labelled: set[Any], read: set[Any]) -> bool:
        """Count the members of two sets (several owners, level names). True: the same set."""
        self.compared += 1
        self.tp += len(labelled & read)
        self.fp += len(read - labelled)
        self.fn += len(labelled - read)
        self.exact += labelled == read
        return labelled == read

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in ("compared", "exact", "tp", "fp", "fn")}
        out["precision"], out["recall"] = self.precision, self.recall
        return out


@dataclass(frozen=True)
class Miss:
    """One disagreement between the label and what roledef read."""

    path: str
    line: int
    field: str
    labelled: Any
    read: Any

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("path", "line", "field", "labelled", "read")}


@dataclass
class LintTally:
    """A rule's findings on labelled files: ``false`` the label contradicts (the step's label has
    the owner or duration the finding says is missing), ``unlabelled`` on no labelled step."""

    findings: int = 0
    false: int = 0
    unlabelled: int = 0


@dataclass
class Score:
    """One label set, scored."""

    labels: str
    files: int = 0
    roles: int = 0
    steps_labelled: int = 0
    steps_read: int = 0
    fields: dict[str, Tally] = field(default_factory=dict)
    lint: dict[str, LintTally] = field(default_factory=lambda: {c: LintTally() for c in LINT_KEYS})
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def compare(
        self, path: str, line: int, name: str, labelled: Any, read: Any, same: Callable[..., bool]
    ) -> None:
        if not self.fields.setdefault(name, Tally()).add(labelled, read, same):
            self.misses.append(Miss(path, line, name, labelled, read))

    def compare_sets(self, path: str, line: int, name: str, labelled: Any, read: Any) -> None:
        keys = (set(map(owner_key, labelled)), set(map(owner_key, read)))
        if not self.fields.setdefault(name, Tally()).add_sets(*keys):
            self.misses.append(Miss(path, line, name, list(labelled), list(read)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "files": self.files,
            "roles": self.roles,
            "steps_labelled": self.steps_labelled,
            "steps_read": self.steps_read,
            "fields": {name: tally.as_dict() for name, tally in self.fields.items()},
            "lint": {code: vars(tally) for code, tally in self.lint.items()},
            "misses": [m.as_dict() for m in self.misses],
            "notes": self.notes,
        }


# -- labels ------------------------------------------------------------------------------------


def _check(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise LabelError(f"{where}: {what}")


def _opt(value: Any, kind: type | tuple[type, ...]) -> bool:
    return value is None or (isinstance(value, kind) and not isinstance(value, bool))


def check_step(step: Any, where: str) -> None:
    """Refuse a labelled hiring step that cannot be scored, naming the file and the step."""
    _check(isinstance(step, dict), where, "a hiring step must be an object")
    line = step.get("line")
    _check(_opt(line, int) and line is not None and line >= 1, where, "'line' must be >= 1")
    for key in ("name", "owner"):
        _check(_opt(step.get(key), str), where, f"'{key}' must be a string or null")
    for key in ("duration_minutes", "duration_max_minutes"):
        _check(_opt(step.get(key), int), where, f"'{key}' must be a whole number or null")
    owners = step.get("owners", [])
    _check(
        isinstance(owners, list) and all(isinstance(o, str) for o in owners),
        where,
        "'owners' must be a list of strings",
    )
    _check(isinstance(step.get("optional", False), bool), where, "'optional' must be true or false")


def check_label(label: Any, where: str) -> None:
    """Refuse a file's label that cannot be scored, naming the file and the key."""
    _check(isinstance(label, dict), where, "a file's label must be an object")
    _check(isinstance(label.get("role"), bool), where, "'role' must be true or false")
    for key in ("title", "reports_to"):
        _check(_opt(label.get(key), str), where, f"'{key}' must be a string or null")
    has, counts = label.get("has", {}), label.get("counts", {})
    _check(isinstance(has, dict), where, "'has' must be an object")
    _check(all(isinstance(v, bool) for v in has.values()), where, "'has' values must be booleans")
    _check(isinstance(counts, dict), where, "'counts' must be an object")
    _check(
        all(_opt(v, int) and v is not None and v >= 0 for v in counts.values()),
        where,
        "'counts' values must be whole numbers >= 0",
    )
    levels = label.get("levels", [])
    _check(
        isinstance(levels, list) and all(isinstance(n, str) for n in levels),
        where,
        "'levels' must be a list of names",
    )
    steps = label.get("hiring_plan", [])
    _check(isinstance(steps, list), where, "'hiring_plan' must be a list")
    for i, step in enumerate(steps, 1):
        check_step(step, f"{where}: hiring step {i}")


def load_labels(path: Path) -> dict[str, dict[str, Any]]:
    """A label set: file key -> its label, checked. Keys starting with ``_`` are comments."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelError(f"{path}: cannot read the labels: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path}: not a JSON file: {exc}") from None
    _check(isinstance(data, dict), str(path), "labels must be an object of file -> label")
    labels = {k: v for k, v in data.items() if not k.startswith("_")}
    for key, label in labels.items():
        check_label(label, f"{path}: {key}")
    return labels


def resolve(key: str, bases: Sequence[Path], labels: Path) -> Path:
    """A label's key as a file: relative to the shared folder, the project or the labels."""
    for base in bases:
        if (base / key).is_file():
            return base / key
    tried = ", ".join(str(b) for b in bases)
    raise LabelError(f"{labels}: {key}: no such file in {tried} (use --shared DIR)")


# -- scoring -----------------------------------------------------------------------------------


def _eq(labelled: Any, read: Any) -> bool:
    return bool(labelled == read)


def _first_line(value: Any) -> int:
    """Where a read part starts (its first element's line), or 1."""
    first = value[0] if isinstance(value, tuple) and value else None
    span = getattr(first, "span", None)
    return span.line if span is not None else 1


def read_role(path: Path, key: str, score: Score) -> Role:
    """What roledef reads from a file; an empty role (and a note) when roledef fails on it."""
    from roledef.read import load
    from roledef.read.source import SourceError

    try:
        role = load(str(path)).role
    except SourceError as exc:
        raise LabelError(f"{score.labels}: {key}: {exc}") from None
    except Exception as exc:  # a bug in roledef: measured as reading nothing, and said
        score.notes.append(f"{key}: roledef failed: {type(exc).__name__}: {exc}")
        role = None
    return role if role is not None else Role(id="", title="")


def score_steps(score: Score, key: str, labelled: list[dict[str, Any]], role: Role) -> None:
    """Match read steps to labelled ones by their source line, and compare what both have."""
    by_line: dict[int, list[HiringStep]] = {}
    for read_step in role.hiring_plan:  # two steps read from one line: the second is extra
        by_line.setdefault(read_step.span.line, []).append(read_step)
    score.steps_labelled += len(labelled)
    score.steps_read += len(role.hiring_plan)
    for lab in labelled:
        line = lab["line"]
        step = by_line[line].pop(0) if by_line.get(line) else None
        read = None if step is None else step.name or "(no name)"
        score.compare(key, line, "steps", lab.get("name") or "(no name)", read, _true)
        if step is None:
            continue
        owners = read_owners(step)
        score.compare(key, line, "owner", lab.get("owner"), owners, among_owners)
        if "owners" in lab:
            score.compare_sets(key, line, "owners", label_owners(lab), owners)
        for name, attr in DURATIONS:
            score.compare(key, line, name, lab.get(attr), getattr(step, attr), _eq)
        score.compare(key, line, "optional", lab.get("optional", False), step.optional, _eq)
        score.compare(key, line, "name", lab.get("name"), step.name, same_words)
    for line, extra in sorted(by_line.items()):
        for step in extra:
            score.compare(key, line, "steps", None, step.name or "(no name)", _true)


def _true(labelled: Any, read: Any) -> bool:
    return True


def score_file(score: Score, key: str, label: dict[str, Any], role: Role) -> None:
    """Compare one file's label with what roledef read from it."""
    score.files += 1
    score.roles += label["role"]
    score.compare(key, 1, "role", label["role"], is_a_role(role), _eq)
    if "title" in label:
        line = role.source.title_span.line if role.source.title_span else 1
        score.compare(key, line, "title", label["title"], role.title, same_words)
    if "reports_to" in label:
        score.compare(key, 1, "reports_to", label["reports_to"], role.reports_to, same_owner)
    for group, value in (("has", bool), ("counts", len)):
        for part, labelled in label.get(group, {}).items():
            if part not in PARTS:
                score.notes.append(f"{key}: {group}.{part}: not a part roledef reads; not scored")
                continue
            read = PARTS[part](role)
            score.compare(key, _first_line(read), f"{group}.{part}", labelled, value(read), _eq)
    if "levels" in label:
        names = [getattr(level, "name", None) or "" for level in PARTS["levels"](role)]
        score.compare_sets(key, 1, "levels", label["levels"], names)
    score_steps(score, key, label.get("hiring_plan", []), role)


def score_lint(score: Score, files: dict[str, tuple[str, dict[str, Any]]]) -> None:
    """Lint the files as ``roledef lint --no-cache`` does with the default config, and count the
    RD301/RD302 findings that sit on a labelled step whose label has what they call missing."""
    from roledef.config import resolve_config
    from roledef.lint.engine import run

    config = resolve_config({}, root=ROOT)
    for checked in run(list(files), config):
        if checked.result.path not in files:  # the engine named a file differently: say so
            score.notes.append(f"{checked.result.path}: linted, but not a labelled path")
            continue
        key, label = files[checked.result.path]
        steps = {s["line"]: s for s in label.get("hiring_plan", [])}
        for finding in checked.findings:
            if finding.code not in LINT_KEYS:
                continue
            code = finding.code
            tally = score.lint[code]
            tally.findings += 1
            step = steps.get(finding.line)
            if step is None:
                tally.unlabelled += 1
            elif step.get(LINT_KEYS[finding.code]) is not None:
                tally.false += 1
                labelled = step[LINT_KEYS[finding.code]]
                score.misses.append(Miss(key, finding.line, code, labelled, finding.message))


def score_set(labels_path: Path, shared: Path) -> Score:
    """Score one label file: every file it labels, read and linted."""
    labels = load_labels(labels_path)
    bases = (shared, ROOT, labels_path.parent)
    score = Score(os.path.relpath(labels_path))
    files: dict[str, tuple[str, dict[str, Any]]] = {}
    for key in sorted(labels):
        path = resolve(key, bases, labels_path)
        files[str(path)] = (key, labels[key])
        score_file(score, key, labels[key], read_role(path, key, score))
    score_lint(score, files)
    score.misses.sort(key=lambda m: (m.path, m.line, m.field))
    return score


# -- output ------------------------------------------------------------------------------------

#: The order of the table's rows; fields a set does not label are left out.
ORDER = (
    "role", "title", "reports_to", "steps", "name", "owner", "owners", "duration",
    "duration_max", "optional", "levels",
)  # fmt: skip


def _row_order(name: str) -> tuple[int, str]:
    return (ORDER.index(name), "") if name in ORDER else (len(ORDER), name)


def _fraction(part: int, whole: int) -> str:
    """``95.5%   64/67``, or ``-`` when there is nothing to divide by."""
    return f"{part / whole:.1%} {part:>4}/{whole:<4}" if whole else "-"


def table(score: Score) -> str:
    """The figures of one set as a plain-text table, then the lint findings a label contradicts."""
    lines = [
        f"{score.labels}: {score.files} files ({score.roles} roles), "
        f"{score.steps_labelled} labelled steps, {score.steps_read} read",
        f"{'field':<28} {'precision':>16}  {'recall':>16}  {'exact':>16}",
    ]
    for name in sorted(score.fields, key=_row_order):
        t = score.fields[name]
        cells = (
            _fraction(t.tp, t.tp + t.fp),
            _fraction(t.tp, t.tp + t.fn),
            _fraction(t.exact, t.compared),
        )
        lines.append(f"{name:<28} " + "  ".join(f"{c:>16}" for c in cells).rstrip())
    for code, lint in score.lint.items():
        right = " ".join(_fraction(lint.findings - lint.false, lint.findings).split())
        lines.append(
            f"{code}: {lint.false} false of {lint.findings} (precision {right}); "
            f"{lint.unlabelled} on no labelled step"
        )
    lines.extend(f"note: {note}" for note in score.notes)
    return "\n".join(lines)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def misses(score: Score) -> str:
    """Every disagreement of one set, one a line: file:line, field, labelled, read."""
    return "\n".join(
        f"{m.path}:{m.line}  {m.field}  labelled {_show(m.labelled)}  read {_show(m.read)}"
        for m in score.misses
    )


def default_labels(shared: Path) -> list[Path]:
    """FlowFuse's labels in the shared folder, and the project's own when they exist."""
    paths = [shared / "labels" / "flowfuse.json"]
    more = ROOT / "tests" / "labels" / "more.json"
    return [*paths, more] if more.is_file() else paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the folder the label keys are relative to (default: ../shared beside the project)",
    )
    parser.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="a label file to score (repeatable; default: the shared FlowFuse labels and "
        "tests/labels/more.json)",
    )
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        scores = [score_set(p, args.shared) for p in args.labels or default_labels(args.shared)]
    except LabelError as exc:
        print(f"fidelity: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"sets": [s.as_dict() for s in scores]}, indent=2, ensure_ascii=False))
        return 0
    for i, score in enumerate(scores):
        print(("\n" if i else "") + table(score))
        if args.misses and score.misses:
            print("\n" + misses(score))
    return 0


if __name__ == "__main__":
    sys.exit(main())
