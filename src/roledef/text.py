"""Small text helpers shared by the parser and the rules: normalising headings, splitting leads,
and regular expressions compiled on first use (:class:`Regex`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


class Regex:
    """A regular expression compiled when first used: ``NAME_RE = Regex(r"...")`` at module level,
    ``NAME_RE().search(text)`` where it is used.

    Compiling a pattern takes up to a millisecond or two (the compiler is written in Python), and
    most patterns serve some files or some commands only: a ``roledef lint`` hook run compiles
    those it meets, not every pattern of every module it imports. ``pattern`` and ``flags`` are
    there without compiling (to build one pattern from another); ``tests/robust/test_regex.py``
    finds every instance to check that it stays linear.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __repr__(self) -> str:
        return f"Regex({self.pattern!r}, {self.flags!r})"


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
_EMPHASIS_RE = Regex(r"(\*\*|__|\*|_|`)")
# No "[" inside link text or target and no match starting inside a run of spaces: each keeps
# these regexes linear on hostile text ("[[[[...", long runs of spaces), see docs/robustness.md.
_LINK_RE = Regex(r"!?\[(?P<text>[^\[\]]*)\]\((?P<url>[^)\s\[]*)(?:\s+\"[^\"]*\")?\)")
_PAREN_RE = Regex(r"(?<!\s)\s*\([^()]*\)")
_SPACE_RE = Regex(r"\s+")
_TRAILING_PUNCT_RE = Regex(r"(?<![\s:.?!;,])[\s:.?!;,]+$")
# An HTML comment or tag inside a heading ("Overview <!-- omit in toc -->"), and a backslash
# escape ("\(remote\)"): markup, not words.
_TAG_RE = Regex(r"</?[A-Za-z][^<>]*>")
_ESCAPE_RE = Regex(r"\\([!-/:-@\[-`{-~])")


#: Headings, labels and step names repeat within a file and across a handbook, and the same text
#: is normalised by the parser and again by several rules: short texts are remembered (a bounded
#: cache of pure functions of their text, so no result depends on it).
_CACHED_LEN = 300


def normalize_heading(text: str, *, drop_parentheses: bool = True) -> str:
    """The comparable form of a heading or label.

    Lower case, straight quotes, ASCII dashes turned to spaces, no emphasis, no trailing
    punctuation and (by default) no parenthetical remarks: ``"## 90-Day Plan (13-Week Plan):"``
    and ``"90 day plan "`` both give ``"90 day plan"``. HTML comments and tags, backslash
    escapes and symbols around the words (emoji: ``"🚀 What you'll do"``) go too.
    """
    if len(text) <= _CACHED_LEN:
        return _normalize_cached(text, drop_parentheses)
    return _normalize(text, drop_parentheses)


def _normalize(text: str, drop_parentheses: bool) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if "<" in text:
        text = _TAG_RE().sub(" ", _drop_comments(text))
    if "\\" in text:
        text = _ESCAPE_RE().sub(r"\1", text)
    text = _LINK_RE().sub(lambda m: m.group("text"), text)
    text = _EMPHASIS_RE().sub("", text)
    if drop_parentheses:
        text = _PAREN_RE().sub("", text)
    text = text.replace("-", " ").replace("&", " & ")
    text = _SPACE_RE().sub(" ", text).strip().lower()
    return _TRAILING_PUNCT_RE().sub("", _strip_symbols(text))


def _drop_comments(text: str) -> str:
    """``text`` without its HTML comments (found with ``find``: linear on any text)."""
    out: list[str] = []
    at = 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[at:start] + " ")
        at = end + 3
    out.append(text[at:])
    return "".join(out)


def _strip_symbols(text: str) -> str:
    """``text`` without the symbols (emoji, arrows) and spaces at either end."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "So"):
        start += 1
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "So"):
        end -= 1
    return text[start:end]


_normalize_cached = lru_cache(maxsize=4096)(_normalize)


def plain(text: str) -> str:
    """Markdown inline text without emphasis markers and link targets, spaces folded."""
    if len(text) <= _CACHED_LEN:
        return _plain_cached(text)
    return _plain(text)


def _plain(text: str) -> str:
    # most text has neither, and this runs on every item of every file: skip what cannot match
    if "[" in text:
        text = _LINK_RE().sub(lambda m: m.group("text"), text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS_RE().sub("", text)
    return _SPACE_RE().sub(" ", text).strip()


_plain_cached = lru_cache(maxsize=4096)(_plain)


def first_link(text: str) -> tuple[str, str] | None:
    """The first markdown link in ``text`` as (text, url)."""
    m = _LINK_RE().search(text)
    return (m.group("text"), m.group("url")) if m else None


def fold(text: str) -> str:
    """Join hard-wrapped lines of one paragraph into one line."""
    return _SPACE_RE().sub(" ", text).strip()


def slugify(name: str) -> str:
    """``"Customer Succes Manager"`` -> ``"customer-succes-manager"``."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "role"


def title_from_slug(stem: str) -> str:
    """``"technical-product-manager"`` -> ``"Technical Product Manager"``."""
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    return " ".join(w if w.isupper() else w.capitalize() for w in words) or "Untitled Role"


_BOLD_LEAD_RE = Regex(r"^(\*\*|__)(?P<lead>.+?)\1(?P<rest>.*)$", re.DOTALL)
_LEAD_SEP_RE = Regex(r"^\s*(?::|\s[-–—]\s)\s*", re.DOTALL)
MAX_LEAD_WORDS = 12


#: The characters the two scans below act on: every other character is skipped without a step.
_COLON_SCAN_RE = Regex(r"[()\[\]:]")
_DASH_SCAN_RE = Regex(r"[()\[\]\-–—]")


def _find_colon(text: str) -> int:
    """Index of the first ``:`` outside brackets, parentheses and link targets, or -1."""
    depth = 0
    for m in _COLON_SCAN_RE().finditer(text):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            if text[i + 1 : i + 3] == "//":  # a bare URL
                continue
            return i
    return -1


def _find_dash(text: str) -> int:
    """Index of a `` - `` separator outside brackets, or -1."""
    depth = 0
    for m in _DASH_SCAN_RE().finditer(text):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            if text[i - 1 : i] == " " and text[i + 1 : i + 2] == " ":
                return i
    return -1


def _lead_ok(lead: str) -> bool:
    words = _PAREN_RE().sub("", plain(lead)).split()
    if not words or len(words) > MAX_LEAD_WORDS:
        return False
    # a lead is a name, not a sentence: "The TPM is ... for: x" is prose.
    return not re.search(r"[.!?]\s", plain(lead))


def split_lead(text: str) -> tuple[str | None, str | None]:
    """Split ``Name: description`` (plain, ``**Name**:`` or ``**Name:**``) into its two parts.

    Returns ``(None, text)`` when there is no short name lead. Both parts keep their markdown.
    """
    text = text.strip()
    if not text:
        return None, None
    m = _BOLD_LEAD_RE().match(text)
    if m:
        lead, rest = m.group("lead").strip(), m.group("rest")
        sep = _LEAD_SEP_RE().match(rest)
        if lead.endswith(":") or sep or not rest.strip():
            lead = lead.rstrip(":").strip()
            rest = rest[sep.end() :] if sep else rest
            if _lead_ok(lead) or not rest.strip():
                return lead or None, rest.strip() or None
    colon = _find_colon(text)
    if colon > 0:
        lead, rest = text[:colon].strip(), text[colon + 1 :].strip()
        if _lead_ok(lead):
            return plain_lead(lead), rest or None
    dash = _find_dash(text)
    if dash > 0:
        lead, rest = text[:dash].strip(), text[dash + 1 :].strip()
        if _lead_ok(lead) and len(lead.split()) <= 6:
            return plain_lead(lead), rest or None
    return None, text


def plain_lead(lead: str) -> str:
    """A lead without surrounding emphasis: ``**Offer**`` -> ``Offer``."""
    m = _BOLD_LEAD_RE().match(lead)
    if m and not m.group("rest").strip():
        return m.group("lead").strip().rstrip(":").strip()
    return lead.strip()


def label_text(paragraph: str) -> str | None:
    """The text of a label paragraph (``Key Responsibilities:``, ``**Nice to Have**``), or None.

    A label is one short line that ends with a colon, or that is wholly bold.
    """
    text = paragraph.strip()
    if not text or "\n" in text:
        return None
    m = _BOLD_LEAD_RE().match(text)
    if m and m.group("rest").strip() in ("", ":"):
        inner = m.group("lead").strip().rstrip(":").strip()
        return inner if inner and len(inner.split()) <= MAX_LEAD_WORDS else None
    if text.endswith(":") and _find_colon(text) == len(text) - 1:
        inner = plain(text[:-1])
        if inner and len(inner.split()) <= MAX_LEAD_WORDS and not re.search(r"[.!?]\s", inner):
            return inner
    return None


def step_label(name: str | None, index: int) -> str:
    """How a message names a hiring step: ``'CTO Interview'`` or ``step 3``."""
    return f"hiring step '{name}'" if name else f"hiring step {index + 1}"
