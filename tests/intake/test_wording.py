"""intake.wording: the quick first-character test in front of the importer's patterns.

``quick`` must never change what a pattern finds: the importer's readings depend on every match
being the same, so the check here is over every wording pattern the importer uses, run over real
disclosure-log pages, as well as small cases of each rule.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from foidesk.intake import doubts, extraction, outcomes, particulars, splitting, wording
from foidesk.intake.wording import Cue, Either, quick

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "pages.jsonl"


def _pages() -> list[str]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _importer_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every case-insensitive pattern the importer's modules hold, plain or in a ``Cue``."""
    found = []
    for module in (extraction, outcomes, particulars, splitting, wording, doubts):
        for name, value in vars(module).items():
            cues: list[Cue] = []
            if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE:
                found.append((f"{module.__name__}.{name}", value))
            elif isinstance(value, Cue):
                cues = [value]
            elif isinstance(value, Either):
                cues = list(value.cues)
            elif isinstance(value, tuple | list):
                cues = [c for c in value if isinstance(c, Cue)]
            found += [(f"{module.__name__}.{name}", c.pattern) for c in cues]
    return found


def _as_written(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as its module wrote it, before ``quick`` put its test in front."""
    return wording._QUICKENED.get(pattern, pattern)


def test_the_importers_patterns_find_exactly_what_they_found_before() -> None:
    pages = _pages()
    patterns = _importer_patterns()
    quickened = [(name, p) for name, p in patterns if _as_written(p) is not p]
    # Most of the importer's wording patterns are quickened.
    assert len(quickened) > 60
    for name, fast in quickened:
        slow = _as_written(fast)
        for text in pages:
            assert _found(fast, text) == _found(slow, text), name
            for line in text.split("\n")[:80]:
                slow_match, fast_match = slow.match(line), fast.match(line)
                assert (slow_match and slow_match.span()) == (fast_match and fast_match.span()), (
                    name
                )


def test_the_first_characters_are_tested_in_front() -> None:
    pattern = re.compile(r"\b(?:our|your)\s+ref|\brequest\s+for", re.I)
    fast = quick(pattern)
    assert fast.pattern.startswith("(?=[")
    assert sorted(fast.pattern[4 : fast.pattern.index("]")]) == ["o", "r", "y"]
    text = "Thank you. YOUR REF 12 and a Request for information; no referral."
    assert _found(fast, text) == _found(pattern, text) != []


def test_optional_openings_add_what_follows_them() -> None:
    fast = quick(re.compile(r"(?:the\s+)?(?:a)?public\s+interest", re.I))
    assert sorted(fast.pattern[4 : fast.pattern.index("]")]) == ["a", "p", "t"]
    assert fast.search("weighing THE public interest").group(0) == "THE public interest"


@pytest.mark.parametrize(
    "source",
    [
        r"\w+\s+limit",  # any word character may begin it
        r"[^.]{0,40}refus",  # a negated set
        r".*exempt",  # any character
        r"\s*section",  # a space
        r"(?:request)?",  # matches nothing at all
        r"^request\s+for",  # anchored at the start of the text: tried at one position anyway
        r"\Arequest",
    ],
)
def test_patterns_that_could_begin_almost_anywhere_are_left_as_written(source: str) -> None:
    pattern = re.compile(source, re.I)
    assert quick(pattern) is pattern


def test_a_part_wider_than_the_whole_is_left_as_written() -> None:
    # In an ASCII pattern, "(?u:k)" still matches the Kelvin sign; a test of the first
    # character compiled with the pattern's ASCII flag would not let it.
    pattern = re.compile(r"(?u:k)elvin", re.A | re.I)
    assert quick(pattern) is pattern
    assert pattern.search("\u212aelvin")


def test_case_sensitive_patterns_are_left_to_re() -> None:
    pattern = re.compile(r"\bSection\s+\d+")
    assert quick(pattern) is pattern


def test_multiline_anchors_leading_flags_and_comments_are_kept() -> None:
    multiline = quick(re.compile(r"^(?:decision|outcome)\s*:", re.I | re.M))
    assert multiline.pattern.startswith("(?=[")
    assert [m.start() for m in multiline.finditer("x\nDecision: yes\noutcome:")] == [2, 16]
    leading = quick(re.compile(r"(?im)^(?:decision|outcome)\s*:"))
    assert leading.pattern.startswith("(?im)(?=[")
    assert leading.search("a\nOUTCOME: refused").start() == 2
    verbose = quick(re.compile("refus(?:ed|al)  # a refusal\n|withheld  # held back", re.I | re.X))
    assert [m.group(0) for m in verbose.finditer("Refused, then WITHHELD.")] == [
        "Refused",
        "WITHHELD",
    ]


def test_case_sensitive_parts_inside_still_match_as_before() -> None:
    pattern = re.compile(r"(?:our\s+ref|(?-i:[A-Z]{3})\s\d+)", re.I)
    fast = quick(pattern)
    assert fast is not pattern
    for text in ("OUR REF", "see ABC 12", "see abc 12", "Our ref: NFR 2022"):
        assert _found(fast, text) == _found(pattern, text)


def test_quick_is_done_once() -> None:
    fast = quick(re.compile(r"\brefus(?:ed|al)", re.I))
    assert quick(fast) is fast
    assert Cue(fast, "refus").pattern is fast


def test_cue_and_either_find_what_their_patterns_find() -> None:
    cue = Cue(re.compile(r"\bnot\s+held\b", re.I), "not held")
    either = Either(Cue(re.compile(r"\bexempt\b", re.I), "exempt"), cue)
    assert cue.search("The information is NOT HELD.").group(0) == "NOT HELD"
    assert cue.search("The information is held.") is None
    assert either.search("It is not held and not exempt.").group(0) == "exempt"
    assert either.search("It is not held.").group(0) == "not held"
    assert either.search("Disclosed in full.") is None
