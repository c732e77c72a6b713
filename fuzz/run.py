"""The long fuzz run: the properties of tests/robust/test_fuzz.py for as long as you like.

CI does not run this; run it before a release or after touching the parser:

    python fuzz/run.py --minutes 15            # all targets, turn by turn
    python fuzz/run.py --minutes 5 --target mutated

Each target runs in batches of hypothesis examples with a fresh seed per batch, so one failure
does not stop the run: every failing input (shrunk) is written to ``fuzz/findings/`` with its
traceback, and so is any input that took longer than ``--slow`` seconds. The summary gives the
inputs tried per target, the slowest input, and the findings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the test helpers, as tests.helpers
sys.path.insert(0, str(HERE.parent / "src"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from roledef.read.source import SourceError, decode  # noqa: E402
from tests.helpers.differential import DOCUMENTS  # noqa: E402
from tests.helpers.fuzz import TEXT, check_fix, check_text, corpus_texts, mutated  # noqa: E402

Check = Callable[[str | bytes], None]


def _check_bytes(data: str | bytes) -> None:
    assert isinstance(data, bytes)
    try:
        source = decode(data, "fuzz.md")
    except SourceError:
        return
    check_text(source.text)


def _check_text(data: str | bytes) -> None:
    assert isinstance(data, str)
    check_text(data)


def _check_differential(data: str | bytes) -> None:
    from tests.helpers.differential import UNSETTLED, difference, referee

    assert isinstance(data, str)
    text = data.replace("\r\n", "\n").replace("\r", "\n")
    found = difference(text)
    if found is not None and not UNSETTLED.search(text):
        assert referee(text) == "pulldown-cmark", found


def _check_fix(data: str | bytes) -> None:
    import tempfile

    assert isinstance(data, str)
    with tempfile.TemporaryDirectory() as folder:
        check_fix(data, Path(folder), unsafe=True)


#: A large hostile document: many copies of a few tokens, up to about 16 KiB.
BIG = st.lists(
    st.sampled_from(["\n", "* a: b", "# h", "[", "> ", "- ", "  ", "|x|", "**", "1. "]),
    min_size=1,
    max_size=12,
).flatmap(
    lambda parts: st.integers(100, 16_384 // max(1, len("".join(parts)))).map(
        lambda n: "".join(parts) * n
    )
)


def targets() -> dict[str, tuple[st.SearchStrategy[str] | st.SearchStrategy[bytes], Check]]:
    found: dict[str, tuple[st.SearchStrategy[str] | st.SearchStrategy[bytes], Check]] = {
        "text": (TEXT, _check_text),
        "bytes": (st.binary(max_size=2000), _check_bytes),
        "big": (BIG, _check_text),
        "differential": (DOCUMENTS, _check_differential),
    }
    if corpus_texts():
        found["mutated"] = (mutated(corpus_texts()), _check_text)
        found["fix"] = (mutated(corpus_texts()), _check_fix)
        found["differential-mutated"] = (mutated(corpus_texts()), _check_differential)
    return found


class _BatchOver(BaseException):
    """Ends a batch: hypothesis passes a BaseException through instead of shrinking it."""


class Stats:
    def __init__(self) -> None:
        self.tried = 0
        self.failures: dict[str, str] = {}
        self.slowest = (0.0, "")


def run_batch(
    name: str,
    strategy: st.SearchStrategy,
    check: Check,
    stats: Stats,
    seconds: float,
    slow: float,
    out: Path,
    seed: int,
) -> None:
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.target, Phase.shrink],
    )
    @given(strategy)
    def prop(data: str | bytes) -> None:
        if time.monotonic() > deadline:
            raise _BatchOver
        stats.tried += 1
        start = time.perf_counter()
        check(data)
        took = time.perf_counter() - start
        if took > stats.slowest[0]:
            stats.slowest = (took, repr(data)[:80])
        if took > slow:
            _save(out, f"{name}-slow", data, f"took {took:.2f}s")

    prop._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    try:
        prop()
    except _BatchOver:
        return
    except Exception as exc:
        key = f"{type(exc).__name__}: {str(exc)[:120]}"
        data = getattr(exc, "roledef_input", None)
        stats.failures.setdefault(key, "".join(traceback.format_exception(exc))[-3000:])
        _save(out, f"{name}-fail", data if data is not None else b"", stats.failures[key])


def _save(out: Path, kind: str, data: str | bytes | None, note: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else (data or b"")
    digest = hashlib.sha1(raw + note.encode()).hexdigest()[:12]
    (out / f"{kind}-{digest}.bin").write_bytes(raw)
    (out / f"{kind}-{digest}.txt").write_text(note, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument(
        "--target",
        choices=[
            "all",
            "text",
            "bytes",
            "big",
            "mutated",
            "fix",
            "differential",
            "differential-mutated",
        ],
        default="all",
    )
    parser.add_argument("--batch", type=float, default=60.0, help="seconds per batch")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds that count as slow")
    parser.add_argument("--out", type=Path, default=HERE / "findings")
    args = parser.parse_args()
    chosen = targets()
    if args.target != "all":
        chosen = {args.target: chosen[args.target]}
    stats = {name: Stats() for name in chosen}
    end = time.monotonic() + args.minutes * 60
    seed = 0
    started = time.monotonic()
    while time.monotonic() < end:
        for name, (strategy, check) in chosen.items():
            left = end - time.monotonic()
            if left <= 0:
                break
            seed += 1
            run_batch(
                name, strategy, check, stats[name], min(args.batch, left), args.slow, args.out, seed
            )
    summary = {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "targets": {
            name: {
                "tried": s.tried,
                "slowest_seconds": round(s.slowest[0], 2),
                "slowest_input": s.slowest[1],
                "failures": list(s.failures),
            }
            for name, s in stats.items()
        },
    }
    print(json.dumps(summary, indent=2))
    return 1 if any(s.failures for s in stats.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
