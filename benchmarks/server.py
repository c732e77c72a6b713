"""How fast ``roledef server`` publishes the diagnostics of a changed file, and whether its
memory stays flat over many edits.

    python benchmarks/server.py                        # the seed role, in the corpus
    python benchmarks/server.py --edits 1000 --file flowfuse/ceo.md
    PYTHONPATH=src python benchmarks/server.py         # this checkout

Starts ``python -m roledef server`` (this interpreter and environment, so ``PYTHONPATH`` picks
the checkout) with the real corpus (``$ROLEDEF_CORPUS`` or ``../shared/corpus``) as its workspace,
opens one file and changes it, a word at a time, each change a new version; the time of each
change is from the ``didChange`` sent to the diagnostics of that version received.

1. *latency after the debounce*: the server started with ``debounceMs`` 0, so the time is the
   check, the cross-file pass over the workspace and the round trip (the figure the server
   promises: within 50 ms);
2. *latency as an editor sees it*: with the default debounce (200 ms), for a few changes;
3. *memory*: the resident size of the server and of its checking process, every 100 of
   ``--edits`` changes (1,000 by default); flat means the last is within a few MiB of the first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ROLEDEF_CORPUS") or ROOT.parent / "shared" / "corpus")


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kib(pid: int) -> tuple[int, int]:
    """The resident sizes of the server and of its checking process, in KiB."""
    children: list[int] = []
    # (the checking process is started from one of the server's threads: each has its list)
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return _rss(pid), sum(_rss(c) for c in children)


class Bench:
    def __init__(self) -> None:
        self.client = LanguageClient("roledef-bench", "1")
        self.seen: dict[int, float] = {}
        self.version = 1
        self.uri = ""

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == self.uri and params.version is not None:
                self.seen.setdefault(params.version, time.perf_counter())

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            self.log = params.message

        self.log = ""

    async def start(self, folder: Path, debounce_ms: int | None) -> None:
        await self.client.start_io(sys.executable, "-m", "roledef", "server")
        options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                workspace_folders=[types.WorkspaceFolder(from_fs_path(str(folder)) or "", "w")],
                initialization_options=options,
            )
        )
        self.client.initialized(types.InitializedParams())
        while "of the workspace" not in self.log:
            await asyncio.sleep(0.05)

    @property
    def pid(self) -> int:
        server = getattr(self.client, "_server", None)
        assert server is not None
        return int(server.pid)

    async def wait(self, version: int) -> float:
        while version not in self.seen:
            await asyncio.sleep(0.0005)
        return self.seen[version]

    async def open(self, path: Path, text: str) -> None:
        self.uri = from_fs_path(str(path)) or ""
        item = types.TextDocumentItem(self.uri, "markdown", 1, text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        await self.wait(1)

    async def change(self, text: str) -> float:
        """Send the whole new text; seconds until its diagnostics arrive."""
        self.version += 1
        doc = types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
        started = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                doc, [types.TextDocumentContentChangeWholeDocument(text=text)]
            )
        )
        return await self.wait(self.version) - started

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def variants(text: str) -> list[str]:
    """Texts that differ from ``text`` by one word, as a person types."""
    words = ["quickly", "carefully", "together", "often"]
    lines = text.split("\n")
    middle = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].strip())
    return [
        "\n".join([*lines[:middle], f"{lines[middle]} {w}", *lines[middle + 1 :]]) for w in words
    ]


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return (
        f"median {statistics.median(values) * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms, "
        f"max {max(values) * 1000:.1f} ms ({len(values)} changes)"
    )


async def latency(path: Path, folder: Path, count: int, debounce_ms: int | None) -> list[float]:
    bench = Bench()
    await bench.start(folder, debounce_ms)
    text = path.read_text(encoding="utf-8")
    await bench.open(path, text)
    texts = variants(text)
    times = [await bench.change(texts[i % len(texts)]) for i in range(count)]
    await bench.stop()
    return times


async def memory(path: Path, folder: Path, edits: int) -> list[tuple[int, tuple[int, int]]]:
    bench = Bench()
    await bench.start(folder, 0)
    text = path.read_text(encoding="utf-8")
    await bench.open(path, text)
    texts = variants(text)
    samples = [(0, rss_kib(bench.pid))]
    for i in range(1, edits + 1):
        await bench.change(texts[i % len(texts)])
        if i % 100 == 0:
            samples.append((i, rss_kib(bench.pid)))
    await bench.stop()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="seed/technical-product-manager.md")
    parser.add_argument("--changes", type=int, default=200, help="changes timed (debounce 0)")
    parser.add_argument("--edits", type=int, default=1000, help="changes for the memory")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS} (set ROLEDEF_CORPUS)")
    path = CORPUS / args.file
    count = sum(1 for p in CORPUS.rglob("*") if p.suffix in (".md", ".yaml", ".yml"))
    print(f"file: {args.file} ({path.stat().st_size:,} bytes); workspace: {count} files")
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; cpus: {os.cpu_count()}")
    after = asyncio.run(latency(path, CORPUS, args.changes, 0))
    print(f"didChange -> diagnostics, after the debounce: {ms(after)}")
    seen = asyncio.run(latency(path, CORPUS, 20, None))
    print(f"didChange -> diagnostics, with the 200 ms debounce: {ms(seen)}")
    samples = asyncio.run(memory(path, CORPUS, args.edits))
    print("memory (RSS: server, checking process):")
    for edits, (server, child) in samples:
        print(f"  after {edits:>5} edits: {server / 1024:.1f} MiB, {child / 1024:.1f} MiB")
    if len(samples) > 2:
        first, last = samples[1][1], samples[-1][1]
        print(
            f"growth from edit 100 to edit {samples[-1][0]}: server "
            f"{(last[0] - first[0]) / 1024:+.1f} MiB, checking process "
            f"{(last[1] - first[1]) / 1024:+.1f} MiB"
        )


if __name__ == "__main__":
    main()
