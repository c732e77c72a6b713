"""The benchmark's inputs, built in a temporary folder from the real corpus.

The corpus is read from ``$ROLEDEF_CORPUS`` or ``../shared/corpus`` beside the project. Copies get
distinct kebab-case names (``account-executive-000123.md``) so that every file is its own role;
nothing built here is ever written inside the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from measure import ENV
from peers import ROOT, Tools

CORPUS_FOLDERS = ("seed", "flowfuse", "flowfuse-history")
SEED = Path("seed") / "technical-product-manager.md"


def corpus_path() -> Path:
    """``$ROLEDEF_CORPUS`` or ``../shared/corpus`` relative to the project root."""
    env = os.environ.get("ROLEDEF_CORPUS")
    base = Path(env) if env else ROOT.parent / "shared" / "corpus"
    if not (base / SEED).is_file():
        raise SystemExit(f"benchmarks: the corpus is not at {base} (set ROLEDEF_CORPUS)")
    return base


def corpus_files(base: Path) -> list[Path]:
    """Every real role file of the corpus, sorted."""
    files: list[Path] = []
    for folder in CORPUS_FOLDERS:
        if (base / folder).is_dir():
            files.extend(p for p in (base / folder).iterdir() if p.is_file())
    return sorted(files)


def kebab(name: str) -> str:
    """A kebab-case stem: ``Customer Succes Manager`` -> ``customer-succes-manager``."""
    stem = name.split("@", 1)[0]
    if stem.lower().endswith(".md"):
        stem = stem[:-3]
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "role"


def one_role(tools: Tools, tmp: Path) -> tuple[Path, Path]:
    """The seed role as ``ONE.md`` and, converted by roledef, as ``ONE.yaml``."""
    folder = tmp / "one"
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "technical-product-manager.md"
    shutil.copyfile(corpus_path() / SEED, md)
    yml = folder / "technical-product-manager.yaml"
    with open(yml, "w", encoding="utf-8") as out:
        subprocess.run([str(tools.roledef), "convert", str(md)], stdout=out, check=True, env=ENV)
    return md, yml


def handbook(tmp: Path, count: int) -> tuple[Path, list[Path]]:
    """A folder of ``count`` role files: copies of the corpus, round robin, distinct names."""
    sources = corpus_files(corpus_path())
    folder = tmp / f"handbook-{count}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    texts = [p.read_bytes() for p in sources]
    names = [kebab(p.name) for p in sources]
    width = len(str(count))
    files = []
    for i in range(count):
        k = i % len(sources)
        path = folder / f"{names[k]}-{i:0{width}d}.md"
        path.write_bytes(texts[k])
        files.append(path)
    return folder, files
