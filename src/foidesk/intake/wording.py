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

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

try:  # the standard library's own parser for regular expressions; see ``quick``
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python's layout: patterns run as written
    _sre = _sre_parse = None

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
    "forget_texts",
    "quick",
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


def first_filled(lines: Iterable[str]) -> str:
    """The first of ``lines`` with more than white space in it, or "" (pass ``reversed(...)``
    for the last)."""
    return next((x for x in lines if x.strip()), "")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, cut line by line (a line never runs into the next)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(s for s in SENTENCE_END.split(line) if s.strip())
    return out


_LOWERED: dict[str, str] = {}
_REMEMBERED: list[dict[str, Any]] = [_LOWERED]


def forget_texts() -> None:
    """Forget the texts remembered for the page read before (``extraction.extract`` calls this
    first), so that no page's texts are kept past the next page: a process reading pages of a
    few megabytes one after another kept the last 256 of them, twice over."""
    for remembered in _REMEMBERED:
        remembered.clear()


def remembered_for_the_page[T](read: Callable[[str], T]) -> Callable[[str], T]:
    """``read`` of a text, remembered for the texts of the page being read (an answer is read
    again and again, once for each rule that asks of it; ``forget_texts`` starts a new page)."""
    memo: dict[str, T] = {}
    _REMEMBERED.append(memo)

    @functools.wraps(read)
    def remembered(text: str) -> T:
        found = memo.get(text)
        if found is None:
            if len(memo) > 256:
                memo.clear()
            found = memo[text] = read(text)
        return found

    return remembered


def _lower(text: str) -> str:
    """``text.lower()``, remembered for the texts of the page being read (each is tested by
    many cues; ``forget_texts`` starts a new page)."""
    low = _LOWERED.get(text)
    if low is None:
        if len(_LOWERED) > 256:
            _LOWERED.clear()
        low = _LOWERED[text] = text.lower()
    return low


class _Anything(Exception):
    """A pattern can start with almost any character (``.``, ``\\w``, a negated set)."""


def _first_of(ops: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The characters a sequence of parsed operations can start with, and whether it can
    match nothing at all (then what follows it can start the match too)."""
    chars: set[str] = set()
    for op, arg in ops:
        got, empty = _first_of_op(op, arg)
        chars |= got
        if not empty:
            return chars, False
    return chars, True


def _char(code: int) -> str:
    if chr(code).isspace():
        raise _Anything  # a space: nearly every position
    return re.escape(chr(code))


def _first_of_op(op: Any, arg: Any) -> tuple[set[str], bool]:
    c = _sre
    if op is c.LITERAL:
        return {_char(arg)}, False
    if op is c.IN:
        chars = set()
        for kind, value in arg:
            if kind is c.LITERAL:
                chars.add(_char(value))
            elif kind is c.RANGE:
                low, high = value
                if any(chr(x).isspace() for x in range(low, high + 1)):
                    raise _Anything
                chars.add(f"{_char(low)}-{_char(high)}")
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.add(r"\d")
            else:  # a negated set, spaces, word characters: nearly every position
                raise _Anything
        return chars, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next operation starts it
        return set(), True
    if op is c.BRANCH:
        chars, empty = set(), False
        for alternative in arg[1]:
            got, alt_empty = _first_of(alternative)
            chars |= got
            empty = empty or alt_empty
        return chars, empty
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, ops = arg
        if add_flags & re.UNICODE:
            # "(?u:k)" in an ASCII pattern also matches the Kelvin sign; the test in front,
            # compiled with the pattern's own flags, would not.
            raise _Anything
        return _first_of(ops)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, ops = arg
        chars, empty = _first_of(ops)
        return chars, empty or least == 0
    if op is c.ATOMIC_GROUP:
        return _first_of(arg)
    raise _Anything  # ".", a back-reference, a conditional group


#: Each quickened pattern and the pattern it was made from.
_QUICKENED: dict[re.Pattern[str], re.Pattern[str]] = {}
_LEADING_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a test of its first character in front, when that makes it quicker.

    A case-insensitive pattern gets no help from ``re``: it tries every alternative at every
    position of the text ("(?:our|your|foi)\\s+ref|\\brequest\\s+for ..." is tried at every
    letter of a page). A look-ahead for the characters a match can begin with, worked out from
    the pattern itself (``[cfory]`` there), rules out most positions with one set test, and
    finds exactly the same matches (same spans, same groups): a match has to begin with one
    of those characters. Patterns that can begin with nearly anything (a space, ``\\w``, a
    negated set) or match an empty string, or are anchored at the start of the text (``re``
    tries those at one position), or hold a part that matches more widely than the whole
    (``(?u:...)`` in an ASCII pattern), are returned as they are; so are case-sensitive
    patterns, for which ``re`` makes this test itself. ``bench/bench_import.py`` measures the
    importer with it.
    """
    if (
        _sre is None
        or pattern in _QUICKENED
        or not pattern.flags & re.IGNORECASE
        or not isinstance(pattern.pattern, str)
    ):
        return pattern
    try:
        ops = _sre_parse.parse(pattern.pattern, pattern.flags)
        if len(ops) and ops[0][0] is _sre.AT:
            anchor = ops[0][1]
            if anchor is _sre.AT_BEGINNING_STRING or (
                anchor is _sre.AT_BEGINNING and not pattern.flags & re.MULTILINE
            ):
                return pattern
        chars, empty = _first_of(ops)
        if empty or not chars:
            return pattern
        source = pattern.pattern
        lead = _LEADING_FLAGS.match(source)
        flags_text = lead.group(0) if lead else ""
        end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a "# comment" may end the source
        faster = re.compile(
            f"{flags_text}(?=[{''.join(sorted(chars))}])(?:{source[len(flags_text) :]}{end}",
            pattern.flags,
        )
    except (_Anything, re.error):
        return pattern
    _QUICKENED[faster] = pattern
    return faster


class Cue:
    """A regular expression tried only when one of its words is in the text at all.

    Python's ``re`` tries every alternative at every position, so a page full of
    case-insensitive wording patterns costs milliseconds; a substring test on the lower-cased
    text is a hundred times cheaper and rules most of them out (see ``bench/bench_import.py``).
    The pattern is made ``quick`` for the texts that do hold one of the words.
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], *needles: str) -> None:
        self.pattern = quick(pattern)
        self.needles = needles

    def holds_a_word(self, low: str) -> bool:
        """Whether the lower-cased text ``low`` holds one of the words."""
        for needle in self.needles:  # noqa: SIM110 - a loop: any() and its generator cost more
            if needle in low:
                return True
        return False

    def _may(self, text: str) -> bool:
        return self.holds_a_word(_lower(text))

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may(text) else None

    def finditer(self, text: str) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text)) if self._may(text) else []

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self._may(text) else []

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self._may(text) else text


class Either:
    """Several ``Cue`` tried in turn: the first match wins.

    One pattern of many alternatives is tried alternative by alternative at every position of
    the text; split by their words, most alternatives are never tried at all.
    """

    __slots__ = ("cues",)

    def __init__(self, *cues: Cue) -> None:
        self.cues = cues

    def search(self, text: str) -> re.Match[str] | None:
        low = _lower(text)  # once for all the cues
        for cue in self.cues:
            if cue.holds_a_word(low) and (m := cue.pattern.search(text)) is not None:
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
