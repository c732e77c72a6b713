"""Shared fixtures: the real corpus (skipped, saying why, when absent) and a plain environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import corpus_path, corpus_skip_reason


@pytest.fixture
def corpus() -> Path:
    base = corpus_path()
    if not base.is_dir():
        pytest.skip(corpus_skip_reason())
    return base


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test that uses the ``corpus`` fixture without the ``corpus`` marker, so that
    ``-m "not corpus"`` really leaves out every test that needs the corpus."""
    unmarked = [
        item.nodeid
        for item in items
        if "corpus" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("corpus")
    ]
    if unmarked:
        raise pytest.UsageError(
            f"tests use the corpus fixture without @pytest.mark.corpus: {unmarked}"
        )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``corpus`` is skipped, saying why, when the real corpus is absent."""
    if item.get_closest_marker("corpus") and not corpus_path().is_dir():
        pytest.skip(corpus_skip_reason())


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test as on a developer's machine, even inside a CI runner.

    ``GITHUB_ACTIONS=true`` switches ``roledef lint`` to annotations, ``GITHUB_STEP_SUMMARY``
    makes it append a job summary (to the CI's own page, inside a runner), and ``NO_COLOR`` or
    ``ROLEDEF_DEBUG`` change output; tests that want them set them explicitly. The lint cache
    is off, so that every test checks its files for real (and writes no ``.roledef_cache``);
    the cache's own tests turn it on.
    """
    for name in (
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
        "NO_COLOR",
        "ROLEDEF_DEBUG",
        "ROLEDEF_CACHE_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ROLEDEF_NO_CACHE", "1")
