"""The server's parts without a client: positions, edits, suppression comments, the
cross-file state, and the checking process."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol", reason="the server's tests need roledef[server] (pygls)")

from roledef.config import Config, load_config
from roledef.lint.check import check_text
from roledef.lint.engine import run as lint_run
from roledef.lint.finish import final
from roledef.lint.suppress import UNSUPPRESSIBLE
from roledef.read import Source
from roledef.server.actions import suppression_edit, text_edit
from roledef.server.positions import UTF8, UTF32, from_client, to_client
from roledef.server.state import State
from tests.helpers import corpus_files
from tests.server.editor import apply_edits


def test_columns_count_utf16_code_units() -> None:
    line = "a😀é b"  # the emoji is two UTF-16 units and four UTF-8 bytes
    assert [to_client(line, i) for i in range(len(line) + 1)] == [0, 1, 3, 4, 5, 6]
    assert [to_client(line, i, UTF8) for i in range(3)] == [0, 1, 5]
    assert to_client(line, 2, UTF32) == 2
    assert [from_client(line, c) for c in (0, 1, 2, 3, 4, 99)] == [0, 1, 2, 2, 3, 5]
    assert from_client(line, 5, UTF8) == 2


lines_st = st.lists(st.sampled_from(["", "a", "b", "é😀", "# H", "* x"]), min_size=1, max_size=8)


@given(lines_st, lines_st)
def test_one_edit_turns_the_old_text_into_the_new(old: list[str], new: list[str]) -> None:
    before, after = "\n".join(old), "\n".join(new)
    edit = text_edit(old, after)
    assert apply_edits(before, [edit]) == after


@pytest.mark.slow
@pytest.mark.corpus
def test_each_suppression_comment_silences_its_finding_and_nothing_else(corpus: Path) -> None:
    """On every real file, the comment the suppress action writes for each finding takes that
    finding (and its kind on that line) away, and changes no other finding."""
    from lsprotocol import types

    config = load_config(cwd=corpus)
    tried = 0
    for path in [p for p in corpus_files() if p.suffix == ".md"]:
        text = path.read_text(encoding="utf-8")
        result = check_text(text, str(path), config)
        if result.role is None:
            continue
        lines = text.split("\n")
        findings = final(result, [], config)
        for finding in findings:
            made = suppression_edit(result.role, lines, finding)
            if finding.code in UNSUPPRESSIBLE or finding.code == "RD005":
                assert made is None
                continue
            assert made is not None
            _title, edit = made
            assert isinstance(edit, types.TextEdit)
            fixed = apply_edits(text, [edit])
            left = final(check_text(fixed, str(path), config), [], config)
            # silenced: the findings of that rule on that line (in the whole file, for a
            # comment below the front matter); every other finding stays, as it was
            whole = "disable-file" in edit.new_text
            silenced = [
                f for f in findings if f.code == finding.code and (whole or f.line == finding.line)
            ]
            kept = Counter((f.code, f.message) for f in findings if f not in silenced)
            assert Counter((f.code, f.message) for f in left) == kept, (path, finding)
            tried += 1
    assert tried > 50


def _results(files: dict[str, str], config: Config) -> dict[str, list[tuple[str, int, str]]]:
    checks = lint_run([Source(p, t) for p, t in files.items()], config)
    return {c.path: [(f.code, f.line, f.message) for f in c.findings] for c in checks}


def test_the_state_gives_the_findings_of_a_whole_run_after_each_change() -> None:
    """Changing one file at a time, the kept results and the cross-file pass over them give
    what a lint run over all the files gives."""
    config = Config(enabled=frozenset({"RD401", "RD201"}), root="/w")
    body = "\n\n## Responsibilities\n\n* Own the roadmap.\n"
    files = {f"/w/{n}.md": f"# Role {n}{body}" for n in "abcd"}
    state = State()
    state.put_many(config, [check_text(t, p, config, walked=True) for p, t in files.items()])
    before = _results(files, config)
    for path, title in [("/w/c.md", "Role a"), ("/w/a.md", "Role d"), ("/w/c.md", "Role c")]:
        files[path] = f"# {title}{body}\n## Skils\n"
        changed = state.put(config, check_text(files[path], path, config, walked=True))
        expected = _results(files, config)
        got = {p: [(f.code, f.line, f.message) for f in state.findings(p) or []] for p in files}
        assert got == expected
        # the files to publish again: exactly those whose findings changed
        assert changed == {p for p in files if expected[p] != before[p]}
        before = expected


@pytest.mark.slow
def test_a_stuck_job_is_killed_and_the_next_one_runs() -> None:
    from roledef.server.worker import Worker, WorkerError

    worker = Worker(timeout=1.0)
    try:
        first = worker.pid if worker.call(abs, -1) == 1 else None
        started = time.perf_counter()
        with pytest.raises(WorkerError, match="too long"):
            worker.call(time.sleep, 30)
        assert time.perf_counter() - started < 10
        assert worker.call(abs, -2) == 2
        assert worker.pid != first
    finally:
        worker.close()


def test_the_rule_docs_address_is_given_only_when_there_is_one() -> None:
    from roledef.server.diagnostics import docs_address

    assert docs_address("RD201", "unknown-section", "") is None
    assert (
        docs_address("RD201", "unknown-section", "https://example.org/roledef/")
        == "https://example.org/roledef/rules.md#rd201-unknown-section"
    )


def _futures_left(**options: Any) -> tuple[list[object], int]:
    """Three notifications to a generator handler (pygls's own ``didChange`` is one): what the
    handler saw, and how many futures the protocol still holds."""
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("probe", "1", **options)
    seen: list[object] = []

    @server.feature("roledef/probe")
    def probe(params):  # type: ignore[no-untyped-def]  # (pygls reads annotations as types)
        seen.append(params)
        yield from ()

    for n in range(3):
        server.protocol._handle_notification("roledef/probe", n)
    return seen, len(server.protocol._request_futures)


def test_a_handled_notification_leaves_no_future_behind() -> None:
    """pygls forgets a generator handler's future only for a request; the server's protocol
    forgets a notification's too (else every keystroke kept one)."""
    from roledef.server.protocol import Protocol

    assert _futures_left() == ([0, 1, 2], 3)  # what pygls does: the leak, still there
    assert _futures_left(protocol_cls=Protocol) == ([0, 1, 2], 0)
