"""The HTML report in a real browser: headless Chromium renders it, and the totals on the page
are the JSON format's; screenshots at a phone and a desktop size are kept for review.

The screenshots go to ``tests/artifacts/`` (ignored by git); each test prints their paths.
Without a ``chromium`` on the PATH these tests skip, saying so; ``.ci/run`` installs it.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
SIZES = {"phone": (412, 915), "desktop": (1366, 900)}


def roledef(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "roledef", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def chromium(*args: str, profile: Path) -> str:
    """Run headless Chromium once; its own profile, no network chatter, no first-run work."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class Page(HTMLParser):
    """What the test reads from the rendered DOM: the totals and the table rows per section."""

    def __init__(self) -> None:
        super().__init__()
        self.totals: dict[str, str] = {}
        self.rows: dict[str, int] = {}
        self.viewport = False
        self._total: str | None = None
        self._section: str | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "dd" and attr.get("data-total"):
            self._total = attr["data-total"]
            self.totals[self._total or ""] = ""
        elif tag == "section":
            self._section = attr.get("id")
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and self._section:
            self.rows[self._section] = self.rows.get(self._section, 0) + 1
        elif tag == "meta" and attr.get("name") == "viewport":
            self.viewport = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "dd":
            self._total = None
        elif tag == "tbody":
            self._in_body = False

    def handle_data(self, data: str) -> None:
        if self._total:
            self.totals[self._total] += data


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    base = tmp_path_factory.getbasetemp()
    from tests.helpers import corpus_path

    corpus = corpus_path()
    if not corpus.is_dir():
        pytest.skip(f"the real corpus is not at {corpus} (set ROLEDEF_CORPUS)")
    page = base / "flowfuse-report.html"
    roledef("report", "flowfuse", "--format", "html", "-o", str(page), "--force", cwd=corpus)
    data = json.loads(roledef("report", "flowfuse", "--format", "json", cwd=corpus))
    return page, data


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.corpus
@needs_chromium
def test_rendered_page_shows_the_json_totals(
    rendered: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    page, data = rendered
    dom = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    parsed = Page()
    parsed.feed(dom)
    totals = data["totals"]
    expected = {key: str(value) for key, value in totals.items() if isinstance(value, int)}
    expected.pop("files")
    expected.pop("optional_steps")
    expected.pop("duration_unknown")
    expected["findings_error"] = str(totals["findings"]["error"])
    expected["findings_warning"] = str(totals["findings"]["warning"])
    shown = {k: v.strip() for k, v in parsed.totals.items()}
    assert shown == expected
    # the page's own figures add up: steps with, missing and not needing an owner or duration
    for split in (
        ("duration_known", "missing_duration", "duration_exempt"),
        ("owner_known", "missing_owner", "owner_exempt"),
    ):
        assert sum(int(shown[key]) for key in split) == int(shown["steps"]), split
    assert parsed.viewport
    assert parsed.rows["roles"] == len(data["roles"])
    assert parsed.rows["rules"] == len(data["rules"])
    assert parsed.rows["other-files"] == len(data["other_files"])


@pytest.mark.corpus
@needs_chromium
@pytest.mark.parametrize("device", sorted(SIZES))
def test_screenshot_for_review(
    rendered: tuple[Path, dict[str, Any]], tmp_path: Path, device: str
) -> None:
    page, _ = rendered
    width, height = SIZES[device]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"report-flowfuse-{device}.png"
    shot.unlink(missing_ok=True)
    chromium(
        f"--screenshot={shot}",
        f"--window-size={width},{height}",
        "--hide-scrollbars",
        page.as_uri(),
        profile=tmp_path / "profile",
    )
    print(f"screenshot for review: {shot}")
    assert png_size(shot) == (width, height)
    assert shot.stat().st_size > 10_000  # a blank page compresses to far less
