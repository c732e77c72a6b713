"""Where things are: the project, its example files, the test fixtures and the real corpus.

The test modules import these as ``from tests.helpers import EXAMPLES``; the other helpers are
modules of this package: ``lint`` (lint an inline text), ``robust`` (run roledef in-process,
write hostile files), ``fuzz`` (hostile text and its checks) and ``roles`` (generated models).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"


def corpus_path() -> Path:
    """``$ROLEDEF_CORPUS`` or ``../shared/corpus`` beside the project."""
    env = os.environ.get("ROLEDEF_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def corpus_skip_reason() -> str:
    """Why a test that needs the real corpus is skipped when it is absent."""
    return f"the real corpus is not at {corpus_path()} (set ROLEDEF_CORPUS)"


def corpus_files() -> list[Path]:
    """Every real role file (seed, current and historical), sorted; empty when absent."""
    base = corpus_path()
    files: list[Path] = []
    for folder in ("seed", "flowfuse", "flowfuse-history"):
        if (base / folder).is_dir():
            files.extend(p for p in (base / folder).iterdir() if p.is_file())
    return sorted(files)
