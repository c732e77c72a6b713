"""A light mutation loop over the markdown reader: millions of inputs, offline.

``fuzz/run.py`` drives hypothesis, which shrinks what fails but spends a millisecond or more on
each input; this loop spends its time in the reader. Each input is a real role file (from
``../shared/corpus`` or ``$ROLEDEF_CORPUS``, with ``examples/``) or a generated document, cut,
copied, spliced and sprinkled with markdown's special characters, then read by
``parse_blocks`` and ``parse_markdown``. What must hold for every input:

- no exception escapes (the parser's own failure is :class:`MarkdownParserError`, a finding);
- every block and list item lies inside the document, in order, and every span of the model too;
- no input takes longer than ``--slow`` seconds (parse and read).

``--differential N`` also compares every N-th input with markdown-it-py (tests/helpers) and
counts where they differ, and how many of those GitHub's cmark-gfm settles as pulldown-cmark's.

    python fuzz/mutate.py --inputs 1000000 --seed 1
    python fuzz/mutate.py --minutes 30 --differential 20

Failing inputs go to ``fuzz/findings/`` (as ``mutate-*.bin`` with a note); the summary is JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the test helpers, as tests.helpers
sys.path.insert(0, str(HERE.parent / "src"))

from roledef.read.blocks import Block, MarkdownParserError, parse_blocks  # noqa: E402
from roledef.read.markdown import parse_markdown  # noqa: E402
from tests.helpers import EXAMPLES, corpus_path  # noqa: E402

SPECIAL = [
    "\n", "\n\n", "\r", "\t", " ", "    ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "#", "## ",
    "```", "~~~", "<!--", "-->", "<div>", "|", "|---|", "---", "===", "[", "]", "](", "[x]: /u",
    "*", "_", "`", "\\", "&amp;", "é", "😀", "中", "\u3000", "\u2028", "\x0c", "\x0b", "\x00",
    "\ufeff", "\udc80",
]  # fmt: skip


def seeds() -> list[str]:
    texts = []
    for base in (corpus_path(), EXAMPLES):
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and path.suffix in (".md", ""):
                    try:
                        texts.append(path.read_text("utf-8"))
                    except (OSError, UnicodeDecodeError):
                        continue
    return texts or ["# T\n\n## Skills\n\n* Go\n"]


def mutate(rng: random.Random, texts: list[str]) -> str:
    if rng.random() < 0.2:
        return "".join(rng.choice(SPECIAL) + rng.choice(["", "a", "word "]) for _ in range(60))
    text = rng.choice(texts)
    for _ in range(rng.randint(1, 8)):
        n = len(text)
        i = rng.randint(0, n)
        j = min(n, i + rng.randint(0, 300))
        op = rng.random()
        if op < 0.35:
            text = text[:i] + rng.choice(SPECIAL) + text[i:]
        elif op < 0.55:
            text = text[:i] + text[j:]
        elif op < 0.7:
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[i:]
        elif op < 0.85:
            other = rng.choice(texts)
            k = rng.randint(0, len(other))
            text = text[:i] + other[k : k + rng.randint(1, 400)] + text[j:]
        else:
            lines = text.split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def check_blocks(found: list[Block], count: int) -> None:
    last = 0
    for block in found:
        assert last <= block.start < block.end <= count, block
        last = block.start
        items = list(block.items)
        while items:
            item = items.pop()
            assert 0 <= item.start < item.end <= count and item.column >= 1, item
            items.extend(item.children)


def check(text: str) -> None:
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        found, comments = parse_blocks(body)
    except MarkdownParserError:
        return
    count = len(body.split("\n"))
    check_blocks(found, count)
    assert all(1 <= line <= count for line, _ in comments), comments
    role = parse_markdown(text, "fuzz.md")
    for heading in role.source.headings:
        assert 1 <= heading.span.line <= count, heading
    for step in role.hiring_plan:
        assert 1 <= step.span.line <= count, step


def _save(out: Path, text: str, note: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    raw = text.encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(raw).hexdigest()[:12]
    (out / f"mutate-{digest}.bin").write_bytes(raw)
    (out / f"mutate-{digest}.txt").write_text(note, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--minutes", type=float, default=0.0, help="stop after this long instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slow", type=float, default=1.0, help="seconds that count as slow")
    parser.add_argument("--differential", type=int, default=0, metavar="N")
    parser.add_argument("--out", type=Path, default=HERE / "findings")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = seeds()
    stop = time.monotonic() + args.minutes * 60 if args.minutes else None
    tried = failures = slow = differ = settled = 0
    slowest = 0.0
    started = time.monotonic()
    while (stop is None and tried < args.inputs) or (stop is not None and time.monotonic() < stop):
        text = mutate(rng, texts)
        tried += 1
        begin = time.perf_counter()
        try:
            check(text)
        except Exception as exc:  # every failure is recorded; the loop goes on
            failures += 1
            _save(args.out, text, "".join(traceback.format_exception(exc))[-3000:])
        took = time.perf_counter() - begin
        slowest = max(slowest, took)
        if took > args.slow:
            slow += 1
            _save(args.out, text, f"took {took:.2f} s")
        if args.differential and tried % args.differential == 0:
            from tests.helpers.differential import UNSETTLED, difference, referee

            body = text.replace("\r\n", "\n").replace("\r", "\n")
            found = difference(body)
            if found is not None:
                differ += 1
                if referee(body) == "pulldown-cmark":
                    settled += 1
                elif not UNSETTLED.search(body):
                    failures += 1
                    _save(args.out, text, f"differs from markdown-it-py, unsettled:\n{found}")
    summary = {
        "inputs": tried,
        "seconds": round(time.monotonic() - started, 1),
        "failures": failures,
        "slow": slow,
        "slowest_ms": round(slowest * 1000, 1),
        "seed": args.seed,
    }
    if args.differential:
        summary["compared"] = tried // args.differential
        summary["differ"] = differ
        summary["differ_settled_by_cmark_gfm"] = settled
        summary["differ_in_unsettled_corners"] = differ - settled
    print(json.dumps(summary))
    return 1 if failures or slow else 0


if __name__ == "__main__":
    sys.exit(main())
