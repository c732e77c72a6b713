"""Record what roledef prints for every real role file, to compare two revisions byte for byte.

    python tools/snapshot.py OUT_DIR            # record
    diff -r BEFORE_DIR AFTER_DIR                # compare

For every file of ``../shared/corpus`` (or ``$ROLEDEF_CORPUS``) and ``examples/``: ``convert``
(YAML, JSON, JSON with positions), ``export`` (an Occupation and a JobPosting), ``lint`` of the
file alone (every output format), ``render`` of its converted YAML; and for each folder: ``lint``
(every format, ``--statistics``, ``--diff``) and ``report`` (every format but html's date-free
parts). Each command's stdout, stderr and exit code go to one file. Paths are given relative to the
project root, so two checkouts side by side (``git worktree add ../before REV``) can be compared.
A restructuring that keeps behaviour must leave the folder unchanged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ROLEDEF_CORPUS", ROOT.parent / "shared" / "corpus"))
LINT_FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
REPORT_FORMATS = ("text", "markdown", "json", "html")


def _sources() -> list[Path]:
    files = [p for p in sorted(CORPUS.rglob("*")) if p.is_file() and p.name != "MANIFEST.tsv"]
    files = [p for p in files if p.name != "README.md" or p.parent != CORPUS]
    return files + sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())


def _folders() -> list[Path]:
    folders = sorted({p.parent for p in _sources()})
    return folders


def _arg(path: Path) -> str:
    """A path as the commands are given it: relative to the project root, so that two checkouts
    beside the same corpus (``../shared``) record the same bytes."""
    return os.path.relpath(path, ROOT)


def _name(path: Path) -> str:
    try:
        rel = path.relative_to(CORPUS)
        return "corpus/" + str(rel)
    except ValueError:
        return "examples/" + str(path.relative_to(ROOT / "examples"))


def _run(args: list[str], out: Path, cwd: Path | None) -> None:
    env = {**os.environ, "ROLEDEF_NO_CACHE": "1", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "roledef", *args],
        capture_output=True,
        env=env,
        cwd=cwd or ROOT,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    text = b"$ roledef " + " ".join(args).encode("utf-8", "surrogateescape") + b"\n"
    out.write_bytes(
        text
        + b"--- exit %d\n--- stdout\n" % proc.returncode
        + proc.stdout
        + b"\n--- stderr\n"
        + proc.stderr
    )


Job = tuple[list[str], Path, Path | None]  # arguments, output file, working folder


def _jobs(dest: Path) -> list[Job]:
    jobs: list[Job] = []
    for src in _sources():
        base = dest / "file" / _name(src)
        s = _arg(src)
        jobs.append((["convert", s], base / "convert.yaml", None))
        jobs.append((["convert", "--format", "json", s], base / "convert.json", None))
        jobs.append(
            (["convert", "--format", "json", "--with-positions", s], base / "pos.json", None)
        )
        jobs.append((["export", "--to", "jsonld", s], base / "export.jsonld", None))
        jobs.append(
            (
                [
                    "export",
                    "--to",
                    "jsonld",
                    "--posting",
                    "--hiring-organization",
                    "Acme",
                    "--location",
                    "Remote",
                    "--date-posted",
                    "2026-01-02",
                    s,
                ],
                base / "posting.jsonld",
                None,
            )
        )
        for fmt in LINT_FORMATS:
            jobs.append((["lint", "--output-format", fmt, s], base / f"lint.{fmt}", None))
        jobs.append((["lint", "--diff", s], base / "lint.diff", None))
    for folder in _folders():
        base = dest / "folder" / _name(folder / "x").rsplit("/", 1)[0]
        f = _arg(folder)
        for fmt in LINT_FORMATS:
            jobs.append((["lint", "--output-format", fmt, f], base / f"lint.{fmt}", None))
        jobs.append((["lint", "--statistics", f], base / "lint.statistics", None))
        jobs.append((["lint", "--jobs", "2", f], base / "lint.jobs2", None))
        jobs.append((["lint", "--diff", f], base / "lint.diff", None))
        for fmt in REPORT_FORMATS:
            jobs.append((["report", "--format", fmt, f], base / f"report.{fmt}", None))
    return jobs


def _render_jobs(dest: Path, scratch: Path) -> list[Job]:
    """Render the YAML each file converts to (converted first, into ``scratch``; render runs
    there, so its messages name ``N.yaml`` whatever the folder is)."""
    jobs: list[Job] = []
    for i, src in enumerate(_sources()):
        converted = dest / "file" / _name(src) / "convert.yaml"
        body = converted.read_bytes().split(b"--- stdout\n", 1)[1].rsplit(b"\n--- stderr\n", 1)[0]
        if not body.strip():
            continue
        yaml_file = scratch / f"{i}.yaml"
        yaml_file.write_bytes(body)
        jobs.append((["render", yaml_file.name], dest / "file" / _name(src) / "render.md", scratch))
    return jobs


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    dest = Path(argv[0]).resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"{dest} is not empty", file=sys.stderr)
        return 2
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="roledef-snapshot-"))
    dest.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda j: _run(*j), _jobs(dest)))
        list(pool.map(lambda j: _run(*j), _render_jobs(dest, scratch)))
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"recorded {sum(1 for _ in dest.rglob('*') if _.is_file())} outputs in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
