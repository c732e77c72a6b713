"""The lint cache: each file's result kept between runs, so an unchanged file is not checked again.

A result is stored under a key made of everything it depends on:

- roledef itself: its version, and the size and modification time of every file of the package
  (so an edited checkout never reuses results of the code before the edit); the installed
  libraries that read and validate role files (their package folder and ``__init__``, which
  installing another version replaces); and the Python version;
- the resolved config: enabled rules, severities, rule options, heading aliases;
- the file: its path as given, whether it was named or found in a folder, and its text.

A hit gives exactly the findings, digests and suppression comments that checking the file would;
the cross-file rules, suppressions and per-file ignores run afterwards as usual, so the output of
a run is the same with or without the cache (``tests/unit/test_lint_cache.py`` compares them on the
whole corpus). Files that could not be read, or on which roledef failed, are never stored.

An entry holds no more than a hit needs (:func:`encode`), compressed against the file's own text,
which a run reads anyway to make the key: the words the duplicate-role rule compares, the headings
its findings quote are references into the file, and an entry takes a few hundred bytes.

The store (:mod:`roledef.lint.store`) is one SQLite database in the cache folder
(``.roledef_cache`` beside the config file; without one, at the top of the git work tree, or in
the current folder outside git: :func:`project_root`), kept under
``$ROLEDEF_CACHE_MAX_MB`` (50 MiB unless set) by dropping the least recently used entries. The
cache is an optimisation only: a folder that cannot be written or a database locked by another run
turns it off for the run, a damaged database is replaced, and none of it changes the result or the
exit code.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from roledef import __version__
from roledef.findings import Finding, Severity
from roledef.hashing import blake2b
from roledef.lint.discover import work_tree
from roledef.lint.result import FileResult
from roledef.lint.store import DEFAULT_MAX_BYTES, Store, open_store
from roledef.read import Source
from roledef.read.source import SourceError

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.lint.engine import Task, Workers

#: The default cache folder, made in the config's root folder.
DEFAULT_DIR = ".roledef_cache"
#: Files read, looked up and checked together: few enough to keep memory flat.
WINDOW = 512
#: Libraries whose version changes how a file is read or what a finding says.
LIBRARIES = ("pyromark", "ruamel.yaml", "jsonschema")


def cache_dir(config: Config, explicit: str | None = None) -> str:
    """Where the cache lives: ``--cache-dir``, else ``$ROLEDEF_CACHE_DIR``, else
    ``.roledef_cache`` in the project's root folder (:func:`project_root`)."""
    chosen = explicit or os.environ.get("ROLEDEF_CACHE_DIR")
    return chosen or os.path.join(project_root(config), DEFAULT_DIR)


def project_root(config: Config) -> str:
    """The folder a run belongs to: the config file's folder when there is one; else the top of
    the git work tree the run is in (the nearest folder holding ``.git``, a folder or, in a
    linked work tree or a submodule, a file); else the folder the run started in.

    So ``roledef lint`` run from any folder of a handbook uses one cache, at its root, which
    git ignores through the cache's own ``.gitignore``.
    """
    if config.source is not None:
        return config.root
    return work_tree(config.root) or os.path.abspath(config.root)


def disabled_by_environment() -> bool:
    """``ROLEDEF_NO_CACHE`` set to anything but "" or "0" turns the cache off."""
    return os.environ.get("ROLEDEF_NO_CACHE", "") not in ("", "0")


def max_size() -> int:
    """The size the cache's database is kept under: ``$ROLEDEF_CACHE_MAX_MB`` MiB when that is
    a positive number, else 50 MiB (:data:`~roledef.lint.store.DEFAULT_MAX_BYTES`)."""
    try:
        size = float(os.environ.get("ROLEDEF_CACHE_MAX_MB", ""))
    except ValueError:
        return DEFAULT_MAX_BYTES
    return int(size * 2**20) if 0 < size < 2**40 else DEFAULT_MAX_BYTES


def _stat_tree(root: str, out: list[str]) -> None:
    """Name, size and modification time of every file under ``root``, in a stable order."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name == "__pycache__" or entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            _stat_tree(entry.path, out)
        else:
            try:
                info = entry.stat()
            except OSError:
                continue
            out.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")


def code_fingerprint() -> str:
    """What identifies the code that checks files: roledef's files, its readers' files, Python.

    Found without importing the libraries (that is what a cache hit saves).
    """
    from importlib.util import find_spec

    parts = [__version__, sys.version]
    # every file of roledef: a checkout installed in editable mode is edited in place
    _stat_tree(os.path.dirname(os.path.abspath(__file__)).rsplit(os.sep, 1)[0], parts)
    for name in LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if not origin:
            parts.append(f"{name}\0missing")
            continue
        # installing another version replaces the package's files, so its folder and its
        # __init__ change: two system calls instead of one per file
        for path in (os.path.dirname(origin), origin):
            try:
                info = os.stat(path)
            except OSError:
                continue
            parts.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
    return "\n".join(parts)


def config_fingerprint(config: Config) -> str:
    """What of the config changes a file's own findings (not per-file ignores or excludes,
    which are applied to cached results like to fresh ones)."""
    return json.dumps(
        {
            "enabled": sorted(config.enabled),
            "severity": sorted(config.severity.items()),
            "options": config.options,
            "max-file-size": config.max_file_size,
        },
        sort_keys=True,
        default=repr,
    )


# -- what is stored ------------------------------------------------------------------------------

#: The size of zlib's window: the last 32 KiB of a dictionary are all an entry can refer to.
_WINDOW = 32 * 1024
#: Fragments of the messages many files get, and of a stored entry: the end of every entry's
#: dictionary (see :func:`_dictionary`). Only the size of an entry depends on them; an entry is
#: read back only by the code that wrote it (the code is part of its key).
_COMMON = '","'.join(
    (
        "file name '' is not kebab-case .md: rename it to '.md'",
        "navTitle '' names another role than the file name '': write 'navTitle: '",
        "no front matter: start the file with '---', 'navTitle: ', 'navGroup: Job Descriptions', "
        "'---'",
        "front matter has no 'navTitle': add 'navTitle: ...'",
        "section '' is empty: fill it in or remove the heading",
        "no Job Description section: add '## Job Description' with a paragraph or two about the "
        "role",
        "no Responsibilities section: add '## Responsibilities' with a list of what the person "
        "will do",
        "no Skills section: add '## Skills' with a list of the skills the role needs",
        "no Hiring Plan section: add '## Hiring Plan' with a numbered list of the hiring steps, "
        "each with an owner and a duration",
        "heading '' ends with spaces: remove them",
        "heading '' ends with a colon: remove it",
        "unknown section '': did you mean ''?",
        "unknown section '': its content is kept but not checked; use a known section name or add "
        "the heading to 'aliases' in the config",
        "hiring step '' has no owner: add e.g. 'Done by the hiring manager.'",
        "hiring step '' has no duration: write e.g. '(45m)'",
        '],[1,1,"RD0',
        "RD1",
        "RD2",
        "RD3",
        '],null,null],[[["RD401",["markdown',
    )
).encode("utf-8")
#: Each byte as the duplicate-role rule keeps words: ASCII digits and letters (in lower case);
#: any other byte (a part of a character outside ASCII too) becomes a space...
_LETTERS = b"abcdefghijklmnopqrstuvwxyz"
_WORD_BYTES = b" " * 48 + b"0123456789" + b" " * 7 + _LETTERS + b" " * 6 + _LETTERS + b" " * 133
#: ...but for these, which mostly stand beside a space (punctuation, markup, line ends) and are
#: dropped: what is left is close to the rule's words at a fraction of the cost of splitting the
#: text into words (an entry is read back from it on every cached run).
_BESIDE_SPACES = b'.,;:!?()[]*_`~"#>|\r\n'


def _dictionary(data: bytes) -> bytes:
    """What an entry is compressed against: the file's text (its UTF-8 ``data``), the text
    about as the duplicate-role rule keeps its words (lower case, one space between words), and
    :data:`_COMMON`.

    Most of an entry is in the file: the words the duplicate-role rule compares, the headings
    and steps its findings quote. The file is read anyway to look its entry up, and an entry is
    found only for the same text, so none of that is stored: an entry is mostly references into
    its own file.
    """
    words = data.translate(_WORD_BYTES, _BESIDE_SPACES)
    return (data + words)[len(_COMMON) - _WINDOW :] + _COMMON


#: Each rule's name, severity in this run's config and fixability, by code: what every finding a
#: rule yields carries (see :func:`roledef.lint.check.make_finding`), so an entry does not.
Stamps = dict[str, tuple[str, Severity, bool]]


def stamps(config: Config) -> Stamps:
    """The :data:`Stamps` of a run with ``config``."""
    from roledef.lint.rules import RULES

    return {
        code: (rule.NAME, config.severity.get(code, rule.SEVERITY), rule.FIX is not None)
        for code, rule in RULES.items()
    }


def encode(result: FileResult, data: bytes, stamped: Stamps) -> bytes | None:
    """A result as JSON compressed against its file's text ``data`` (its UTF-8 bytes), or None
    when it must not be stored.

    ``[skipped, line count, findings, digests, comments, why not a role]``; a finding is
    ``[line, column, code, message, end line, end column]``, followed by its rule's name,
    severity and fixability only when they are not the run's ``stamped`` ones.
    """
    from roledef.lint.rules import CROSS_FILE_RULES

    if result.unreadable or result.internal:
        return None
    if any(f.path != result.path for f in result.findings):
        return None
    findings: list[list[object]] = []
    for f in result.findings:
        row: list[object] = [f.line, f.column, f.code, f.message, f.end_line, f.end_column]
        if stamped.get(f.code) != (f.rule, f.severity, f.fixable):
            row += [f.rule, f.severity, f.fixable]
        findings.append(row)
    digests = [[code, CROSS_FILE_RULES[code].digest_to_json(v)] for code, v in result.digests]
    comments = [list(c) for c in result.comments]
    entry = [
        int(result.skipped),
        result.line_count,
        findings,
        digests,
        comments,
        result.not_role,
    ]
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    packer = zlib.compressobj(9, zdict=_dictionary(data))
    return packer.compress(text.encode("utf-8", "surrogatepass")) + packer.flush()


def decode(
    blob: bytes, path: str, data: bytes, stamped: Stamps, lines: tuple[str, ...] = ()
) -> FileResult:
    """The result :func:`encode` stored for ``path``, whose text is ``data``. Raises ValueError
    if damaged."""
    from roledef.lint.rules import CROSS_FILE_RULES

    try:
        unpacker = zlib.decompressobj(zdict=_dictionary(data))
        text = unpacker.decompress(blob) + unpacker.flush()
        if not unpacker.eof or unpacker.unused_data:
            raise ValueError("truncated")
        skipped, line_count, rows, digests, comments, not_role = json.loads(
            text.decode("utf-8", "surrogatepass")
        )
        findings = []
        for line, column, code, message, end_line, end_column, *stamp in rows:
            rule, severity, fixable = stamp or stamped[code]
            findings.append(
                Finding(
                    path, line, column, code, rule, severity, message, fixable, end_line, end_column
                )
            )
        return FileResult(
            path,
            tuple(findings),
            lines=lines,
            skipped=bool(skipped),
            digests=tuple(
                (code, CROSS_FILE_RULES[code].digest_from_json(path, value))
                for code, value in digests
            ),
            comments=tuple((int(line), str(text)) for line, text in comments),
            line_count=int(line_count),
            not_role=None if not_role is None else str(not_role),
        )
    except (zlib.error, UnicodeDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"damaged cache entry: {exc}") from None


# -- the store -----------------------------------------------------------------------------------


class LintCache:
    """An open cache for one run (one config). Use :meth:`open`; every method is best-effort."""

    def __init__(self, store: Store, run_key: bytes, config: Config) -> None:
        self._store = store
        self._run_key = run_key
        self._max_bytes = config.max_file_size
        self._stamps = stamps(config)

    @classmethod
    def open(cls, folder: str, config: Config) -> LintCache | None:
        """The cache in ``folder`` for a run with ``config``; None when it cannot be used."""
        store = open_store(folder, max_size())
        if store is None:
            return None
        run = f"{code_fingerprint()}\n{config_fingerprint(config)}".encode("utf-8", "replace")
        return cls(store, blake2b(run, digest_size=16).digest(), config)

    def key(self, path: str, walked: bool, data: bytes) -> bytes:
        """The key of one file's result in this run (``data``: its text in UTF-8)."""
        h = blake2b(self._run_key, digest_size=16)
        h.update(f"{int(walked)}{path}\0".encode("utf-8", "surrogatepass"))
        h.update(data)
        key: bytes = h.digest()
        return key

    def around(self, workers: Workers, tasks: Sequence[Task]) -> Iterator[FileResult]:
        """``workers.many(tasks)`` through the cache: the same results in the same order, but the
        files stored before are not checked again, and what is checked is stored.

        A :data:`WINDOW` of files at a time: each read once (its key is made of its text, and a
        file that is checked is checked from that text), looked up in one query, the misses
        checked together (in the pool when there is one): memory stays flat.
        """
        for start in range(0, len(tasks), WINDOW):
            yield from self._window(workers, tasks[start : start + WINDOW])

    def _window(self, workers: Workers, tasks: Sequence[Task]) -> Iterator[FileResult]:
        # a text is kept as UTF-8, what its key and its entry are made of, and decoded again for
        # a file that is checked: a window of cached files holds one copy of their texts
        read: list[tuple[Source, bool, bytes, bytes | None]] = []
        for source, walked in tasks:
            try:
                data = source.read(self._max_bytes).encode("utf-8", "surrogatepass")
            except SourceError:  # checking it will say why
                read.append((source, walked, b"", None))
                continue
            read.append((source, walked, data, self.key(source.path, walked, data)))
        stored = self._store.get([key for _, _, _, key in read if key is not None])
        fresh = workers.many([_task(s, w, d, key) for s, w, d, key in read if key not in stored])
        for source, walked, data, key in read:
            blob = stored.get(key) if key is not None else None
            result = None
            if blob is not None:
                lines = tuple(_text(data).split("\n")) if workers.keep_lines else ()
                result = _load(blob, source.path, data, self._stamps, lines)
            if result is None:
                # not stored, or damaged since it was: check it (and store the new result)
                result = (
                    next(fresh) if blob is None else workers.one(*_task(source, walked, data, key))
                )
                if key is not None:
                    self._store.put(key, encode(result, data, self._stamps))
            yield result

    def close(self) -> None:
        """Write what is left, refresh what was used, drop what is old; then close."""
        self._store.close()


def _text(data: bytes) -> str:
    """A text from its UTF-8 ``data``, as it was read."""
    return data.decode("utf-8", "surrogatepass")


def _task(source: Source, walked: bool, data: bytes, key: bytes | None) -> Task:
    """A file to check, with the text read (none when it could not be read: checking it again
    says why)."""
    return (source if key is None else Source(source.path, _text(data)), walked)


def _load(
    blob: bytes, path: str, data: bytes, stamped: Stamps, lines: tuple[str, ...]
) -> FileResult | None:
    """A stored result for ``path``; None when it is damaged."""
    try:
        return decode(blob, path, data, stamped, lines)
    except ValueError:
        return None
