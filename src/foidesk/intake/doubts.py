"""Where the importer is unsure of its own reading of a page: the records to check first.

``extract`` reads every page, but on pages unlike any it was written from it gets about half of
the per-question outcomes wrong (``docs/importer-accuracy.md``). An FOI officer with a log of
thousands of imported records cannot check them all against their pages, so each reading says
what about it is doubtful, in words the officer can check against the page:

- no questions found, or a question with no answer found;
- a request with no numbering read as one question, or a request that lists items read as one;
- a page that does not show the request's questions as the requester put them;
- a question so long that it may hold several;
- the request or the response numbering more or fewer items than the questions read;
- a response that gives part and withholds part for the request as a whole, so that which
  questions were withheld is not said;
- a refusal on cost that gives some information anyway (figures "as a gesture of goodwill", an
  attachment), where which questions that information answers is a judgement: the call two
  labellers most often make differently;
- a page whose paragraphs, or two columns, were run together when it was copied: a line of
  over 1,000 characters that asks or numbers items (on the 181 labelled pages of the shared
  corpus and the thirty-fifth to thirty-ninth sets it flagged six, five of them read wrong,
  against 56 of the other 175);
- a page whose source says its text is incomplete, or whose text stops mid-sentence.

Measured on seven sets of pages nobody had read (207 pages with a record), each with the
importer as it stood before the set was read, leaving aside a page being cut short (the corpus
pages are excerpts, so nearly all are): on the 98 pages with no doubt, 72.5% of the
per-question outcomes were right and 52% of the pages wholly right; on the 109 pages with a
doubt, 38.8% and 28%. Of the 125 pages read wrong in some way, 78 had a doubt. The doubts do
not make the rest safe to rely on unread; they say which records to check first. (The doubt on
refusals on cost beside information given was added later, from the twenty-ninth to thirty-second
sets: on those 120 pages it flagged eight more, six of them read wrong, and the outcomes on the
pages left without a doubt went from 82.4% right (164 of 199) to 88.2% (157 of 178).)

Plain Python: reads only an ``Extraction``'s public fields.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .extraction import (
    FOUND_BULLET,
    FOUND_GOODWILL,
    NOTE_LIST_LOST,
    NOTE_NAMED_ONLY,
    NOTE_NOT_QUOTED,
    NOTE_ONE_QUESTION,
    NOTE_RUN_TOGETHER,
    NOTE_SOURCE_INCOMPLETE,
    NOTE_TOLD_BACK,
    NOTE_WORDS_LOST,
    NOTE_WORDS_LOST_NUMBERED,
    Extraction,
)
from .outcomes import has_figures

__all__ = ["LONG_QUESTION_WORDS", "reading_doubts"]

#: A last line longer than this is a sentence cut off, not a sign-off ("Yours sincerely,").
_SIGN_OFF_LENGTH = 60

#: A question longer than this many words was often two or more run together.
LONG_QUESTION_WORDS = 80

_QUESTIONS_NOT_SHOWN = (
    NOTE_LIST_LOST,
    NOTE_NOT_QUOTED,
    NOTE_WORDS_LOST_NUMBERED,
    NOTE_NAMED_ONLY,
    NOTE_WORDS_LOST,
    NOTE_TOLD_BACK,
)
# "1. ...", "(2) ...", "Q3: ...", "Question 4) ..." at the start of a line; "3) & 4) ..." and
# "5-6. ..." answer two or more.
_NUMBERED_LINE = re.compile(
    r"(?m)^[ \t]*\(?(?:q(?:uestion)?[ \t]*)?(\d{1,2})"
    r"(?:[.)]?[ \t]*(?:&|and|-|–)[ \t]*\(?(\d{1,2}))?[ \t]*[.):][ \t]",
    re.I,
)
# "- ...", "• ...", "(a) ...", "b) ...", "iii. ..." at the start of a line.
_LISTED_LINE = re.compile(r"(?m)^[ \t]*(?:[-•*–]|\(?[a-h][.)]|\(?[ivx]{1,4}[.)])[ \t]+\S")


def _numbered_to(text: str) -> int:
    """How far ``text`` numbers its lines from 1 without a gap (0 when it does not)."""
    reached = 0
    for m in _NUMBERED_LINE.finditer(text):
        if int(m.group(1)) == reached + 1:
            reached = max(reached + 1, int(m.group(2) or 0))
    return reached


def _stops_mid_sentence(e: Extraction) -> bool:
    """The source said the text is incomplete, or it ends part way through a sentence: a
    sign-off line ("Freedom of Information Unit") without a full stop is not a doubt."""
    if NOTE_SOURCE_INCOMPLETE in e.notes:
        return True
    last = (e.response_text or e.request_text).rstrip().rsplit("\n", 1)[-1]
    return len(last) > _SIGN_OFF_LENGTH


def _listing(numbers: Sequence[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def reading_doubts(e: Extraction) -> tuple[str, ...]:
    """What about ``e`` an FOI officer should check against the page, one sentence each;
    empty when nothing does (which is not the same as right: see the module docstring)."""
    doubts: list[str] = []
    questions = e.questions
    count = len(questions)
    doubts.extend(note for note in e.notes if note in _QUESTIONS_NOT_SHOWN)
    if count == 0:
        doubts.append("No questions were found on the page.")
    if count == 1 and len(_LISTED_LINE.findall(e.request_text)) >= 2:
        doubts.append("The request lists several items but was read as one question.")
    elif NOTE_ONE_QUESTION in e.notes:
        doubts.append(
            "The request has no numbered or worded questions, so it was read as one question."
        )
    for q in questions:
        words = len(q.text.split())
        if words > LONG_QUESTION_WORDS:
            doubts.append(f"Question {q.number} runs to {words} words: it may be several.")
    read = (
        "no questions were read"
        if count == 0
        else f"{count} question{'s were' if count != 1 else ' was'} read"
    )
    # (A bulleted question its answer took bullet by bullet is one of the request's items.)
    items = count - sum(
        1
        for a, b in itertools.pairwise(questions)
        if a.found == b.found == FOUND_BULLET and a.context == b.context
    )
    asked = _numbered_to(e.request_text)
    if asked >= 2 and asked != items:
        doubts.append(f"The request numbers its questions 1 to {asked}, but {read}.")
    answered = _numbered_to(e.response_text)
    if answered >= 2 and answered != items:
        doubts.append(f"The response numbers its answers 1 to {answered}, but {read}.")
    undecided = [q.number for q in questions if q.outcome is None]
    if undecided and len(undecided) == count:
        doubts.append(
            "No answer was found to the question."
            if count == 1
            else "No answer was found to any question."
        )
    elif undecided:
        plural = "s" if len(undecided) > 1 else ""
        doubts.append(f"No answer was found to question{plural} {_listing(undecided)}.")
    if (
        count > 1
        and all(q.found == "whole request" for q in questions)
        and all(q.outcome == "partially_disclosed" for q in questions)
    ):
        doubts.append(
            "The response gives part and withholds part for the request as a whole: "
            "which questions were withheld is not said, so each is read as partly disclosed."
        )
    refused_on_cost = [q.number for q in questions if q.outcome == "cost_limit_s12"]
    if refused_on_cost and (
        any(q.found == FOUND_GOODWILL for q in questions)
        or has_figures(e.response_text)
        or e.has_attachment
    ):
        doubts.append(
            "The response refuses on cost but gives some information anyway: which questions "
            "that information answers is a judgement to check."
        )
    if NOTE_RUN_TOGETHER in e.notes:
        doubts.append(NOTE_RUN_TOGETHER)
    if e.complete is False and _stops_mid_sentence(e):
        doubts.append("The text stops before the page ends: later answers may be missing.")
    return tuple(doubts)
