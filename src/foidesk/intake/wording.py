"""How the importer matches a page's wording (``intake.extraction``, ``intake.outcomes``,
``intake.particulars``), and the words the request splitter shares with it (``ASKS``,
``NUMBER_WORDS``, ``ROMAN_NUMERAL``).

A ``Cue`` is a regular expression tried only when one of its words is in the text at all, and
``Either`` tries several in turn: a page is tested by hundreds of case-insensitive wording
patterns, and a substring test rules most of them out at a hundredth of the cost
(``bench/bench_import.py``). Sentences are cut as an FOI officer reads them, one line at a time;
dates are matched as pages print them ("16th January 2023", "16/01/2023", "January 16, 2023").
Pure Python, no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = [
    "ASKS",
    "DATE",
    "MONTH",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "SENTENCE_END",
    "Cue",
    "Either",
    "drop_sentences",
    "sentences",
]

#: Words that ask for something: a question mark, "how many", "please provide", "Has the ...".
ASKS = re.compile(
    r"\?|\b(?:please|how\s+many|how\s+much|what|which|who|when|whether|provide|number\s+of|"
    r"details\s+of|copy\s+of|list\s+of|I\s+would\s+like|can\s+you|could\s+you)\b|"
    r"^(?:has|have|does|do|did|is|are|was|were)\s+(?:any|the|your|there|it|this)\b",
    re.I,
)

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'‘“])")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, cut line by line (a line never runs into the next)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(s for s in SENTENCE_END.split(line) if s.strip())
    return out


_LOWERED: dict[str, str] = {}


def _lower(text: str) -> str:
    """``text.lower()``, remembered for the texts of the page being read (each is tested by
    many cues)."""
    low = _LOWERED.get(text)
    if low is None:
        if len(_LOWERED) > 256:
            _LOWERED.clear()
        low = _LOWERED[text] = text.lower()
    return low


class Cue:
    """A regular expression tried only when one of its words is in the text at all.

    Python's ``re`` tries every alternative at every position, so a page full of
    case-insensitive wording patterns costs milliseconds; a substring test on the lower-cased
    text is a hundred times cheaper and rules most of them out (see ``bench/bench_import.py``).
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], *needles: str) -> None:
        self.pattern = pattern
        self.needles = needles

    def _may(self, text: str) -> bool:
        low = _lower(text)
        return any(n in low for n in self.needles)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may(text) else None

    def finditer(self, text: str) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text)) if self._may(text) else []

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self._may(text) else []


class Either:
    """Several ``Cue`` tried in turn: the first match wins.

    One pattern of many alternatives is tried alternative by alternative at every position of
    the text; split by their words, most alternatives are never tried at all.
    """

    __slots__ = ("cues",)

    def __init__(self, *cues: Cue) -> None:
        self.cues = cues

    def search(self, text: str) -> re.Match[str] | None:
        for cue in self.cues:
            m = cue.search(text)
            if m is not None:
                return m
        return None


def drop_sentences(text: str, drop: Callable[[str], bool]) -> str:
    """``text`` less the sentences ``drop`` picks, line by line."""
    kept = []
    for line in text.split("\n"):
        pieces = SENTENCE_END.split(line)
        dropped = [drop(x) for x in pieces]
        if any(dropped):
            line = " ".join(x for x, gone in zip(pieces, dropped, strict=True) if not gone)
        kept.append(line)
    return "\n".join(kept)


MONTH_NAMES = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
#: Numbers written as words, as requests and responses use them ("Question Two", "questions one
#: and three").
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ("one", "two", "three", "four", "five", "six")
        + ("seven", "eight", "nine", "ten", "eleven", "twelve"),
        start=1,
    )
}
#: A lower-case roman numeral up to 39 ("i", "iv", "xii"), as items are numbered; its value is
#: ``law.provisions.roman_value``.
ROMAN_NUMERAL = r"x{0,3}(?:ix|iv|v?i{0,3})"
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTH})\.?,?\s+\d{{4}}"
    r"|(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)"  # 2023-01-16
    r"|(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    rf"|(?:{MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
