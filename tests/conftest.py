"""Shared fixtures: where the real corpus is, and the project's own example files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def corpus_path() -> Path:
    """``$ROLEDEF_CORPUS`` or ``../shared/corpus`` beside the project."""
    env = os.environ.get("ROLEDEF_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    """Every real role file (seed, current and historical), sorted; empty when absent."""
    base = corpus_path()
    files: list[Path] = []
    for folder in ("seed", "flowfuse", "flowfuse-history"):
        if (base / folder).is_dir():
            files.extend(p for p in (base / folder).iterdir() if p.is_file())
    return sorted(files)


@pytest.fixture
def corpus() -> Path:
    base = corpus_path()
    if not base.is_dir():
        pytest.skip(f"the real corpus is not at {base} (set ROLEDEF_CORPUS)")
    return base


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test as on a developer's machine, even inside a CI runner.

    ``GITHUB_ACTIONS=true`` switches ``roledef lint`` to annotations, and ``NO_COLOR`` or
    ``ROLEDEF_DEBUG`` change output; tests that want them set them explicitly. The lint cache
    is off, so that every test checks its files for real (and writes no ``.roledef_cache``);
    the cache's own tests turn it on.
    """
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "ROLEDEF_DEBUG", "ROLEDEF_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ROLEDEF_NO_CACHE", "1")
