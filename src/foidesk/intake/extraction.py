"""Turn a published FOI response page into a structured record (capability 10).

Authorities moving to foidesk bring years of published responses, and FOI teams read other
authorities' answers before drafting. ``extract(text, ...)`` reads one disclosure-log page (the
seed 190A/23, a force's log page, a WhatDoTheyKnow thread) and returns an ``Extraction``: title,
reference, dates, regime, the questions, the outcome of each, every provision cited, NCND, whether
harm and public interest reasoning are present, and the attachments referred to.
``Extraction.corpus_record()`` is the JSON of ``shared/corpus/README.md`` (the importer's
``--json``); ``response_data()`` is the structured response of ``docs/response-format.md`` for
the response checker, as far as the page allows.

How an FOI officer reads such a page, and so how this module does:

1. The request: ``intake.splitting.request_section`` finds the requester's words and
   ``propose_questions`` splits them (numbering in any style, restarts, context apart); with no
   heading, the request is the text between the site's furniture (cookie banners, "Leave this
   site") and the response's first words ("Exampleshire Constabulary can confirm ...", "Please
   see below for the following exemptions"), or failing those the first line in the authority's
   voice ("The Trust does not hold ...", "Thank you for your request"). A letter run into a few
   very long lines (copied from a PDF or a document-sharing site) is first set out again, an
   item or a turn of voice to a line (``set_out_page``). Pages that interleave questions
   and answers ("1. ..." / "No information held" / "2. ...", numbered "1," as some logs do, or
   "Request 1" / ... / "Answer 1" / ...) are read item by item; a summary of the answer above
   the request heading is part of the response. When the response names more questions than
   the request shows ("Question 2" on a page that does not quote the request), the missing ones
   are added as placeholders.
2. The response: everything after the request. Its decision part ends at the first heading of
   reasoning ("Public interest test", "Evidence of harm", "Reasons for decision"...).
3. Answers per question: a line that starts with a reference ("Q2 & Q3 -", "In relation to Question
   1 and 2", "With regards to the second part", "A1:", "Response 2 -"), a numbered answer list that
   restarts at 1 (or at a later question whose words it repeats), or the question repeated word for
   word starts that question's answer. An answer that is empty is given together with the next
   ("Q2" then "Q3: see the table"), and a refusal inside a shared answer goes to the question whose
   words it repeats. Text before the first such answer answers the questions before it, and an
   attachment given before them ("Please find attached ...") or an opening refusal of the whole
   request on cost, as vexatious or as not held answers the questions not taken one by one; "see
   the response to question 1" takes question 1's outcome. With none of these, the response treats
   the whole request at once and every question gets its outcome (the corpus labelling convention),
   except questions answered "as a gesture of goodwill" under a cost refusal that names the others,
   or given figures in a sentence naming them ("for question 1 there are currently 2,109
   subjects"), which are disclosed, and questions a sentence of the response singles out for a
   refusal of another kind ("in relation to question 4 we do not hold conviction data"), which
   get that outcome; a refusal that quotes one question ("the following will not be included:" / the
   question) refuses that question, or leaves it partly answered when it quotes only some of what
   it asks. Answers lettered like the request ("(a)", "b)") count as numbered; a "Q3" or the next
   numbered answer after an earlier answer's public interest test still answers question 3;
   "Question 1: ...?" / "Response: ..." pages are read as interleaved. So are roman numerals ("I."
   "II.") when the request uses them, a bulleted answer for each bulleted question, an answer
   numbered as an item whose lettered parts became questions (it answers each part), and a list
   numbered afresh after "We are able to answer questions 6 and 7" (its answers go to 6 and 7). A
   refusal sentence naming questions ("the information requested in questions 1-5 is exempt")
   answers those of them no numbered answer does.
4. Outcome of an answer, from its wording: ``intake.outcomes.classify`` (NCND, cost, s14,
   clarification, s21, s22, partial wording, exemptions or withholding, "not held", a
   redirection elsewhere, else disclosed when the answer gives anything; its docstring has
   the rules). The Act's duties quoted above every answer ("Unless exemptions apply, the first
   duty ...", FOIA s1 and s17) are read past before the answers are found.
5. Provisions: ``law.provisions.normalise_citations`` over the response (the corpus form, s40(5B)
   folded into s40(5), s12 inferred from cost wording), in the page's regime (FOISA and EIR
   recognised from their names and citations). A section the decision cites, restated loosely in
   the harm or public interest reasoning ("Section 30 (1) (2) ... prevents it"), cites nothing
   new; a section named only in the reasoning is cited, and a bare section in the decision
   ("pursuant to Section 31") takes the one subsection its reasoning names ("Section 31(1) is a
   prejudice-based ...").

6. Title, reference, the publishing authority, dates and regime (``intake.particulars``); NCND
   (also "unable to confirm whether or not any information is held", and s12(2)), harm and
   public interest reasoning (a heading or the test named, not a passing "no requirement to
   consider the public interest"; "there is a requirement to consider the public interest" is
   the test begun), attachments ("please see the attached", file names; not boilerplate such as
   "use the enclosed data", nor a file named in a link, which is published elsewhere).

Measured by ``bench/score_import.py`` against ``shared/corpus/labels.jsonl`` (seen and held-out
pages). Pure Python, no Django import; fast enough for hundreds of pages a second
(``bench/bench_import.py``): wording patterns are tried only when their words are on the page.
``NoResponse`` is raised for a page that holds no response. Page text is never logged.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from foidesk.intake import particulars
from foidesk.intake.outcomes import (
    ATTACHED,
    DUTIES,
    NCND,
    NCND_PARTIAL,
    classify,
    gives,
    has_figures,
    refuses,
    without_duties,
    without_footnote,
)
from foidesk.intake.splitting import (
    LINK,
    LONE_LETTER,
    NUMBERED_REQUEST_HEADING,
    REQUEST_HEADING,
    RESPONSE_HEADING,
    SALUTATION,
    SITE_FURNITURE,
    EmptyRequestText,
    answers_request,
    follows_on,
    heads_the_whole_response,
    introduces_request,
    introduces_request_unmarked,
    is_sign_off,
    nested_numbers_as_parts,
    normalise_whitespace,
    propose_questions,
    request_section,
    set_out_page,
    states_a_request,
    without_salutation,
)
from foidesk.intake.wording import (
    ASKS,
    MONTH,
    NUMBER_WORDS,
    ROMAN_NUMERAL,
    SENTENCE_END,
    Cue,
    Either,
    drop_sentences,
    first_filled,
    forget_texts,
    quick,
    sentences,
)
from foidesk.law.provisions import corpus_cite, normalise_citations, roman_value
from foidesk.law.regimes import Regime

__all__ = [
    "CORPUS_FIELDS",
    "OUTCOMES",
    "ExtractedQuestion",
    "Extraction",
    "NoResponse",
    "Reasoning",
    "content_hash",
    "extract",
    "overall_outcome",
]

#: The outcome vocabulary of ``shared/corpus/README.md``.
OUTCOMES = (
    "disclosed",
    "partially_disclosed",
    "exempt",
    "ncnd",
    "not_held",
    "cost_limit_s12",
    "vexatious_s14",
    "reasonably_accessible_s21",
    "future_publication_s22",
    "clarification_needed",
    "other",
)

#: The fields of a corpus label, in its order (``id`` comes first when the input has one).
CORPUS_FIELDS = (
    "reference",
    "title",
    "received_or_published_date",
    "questions",
    "per_question",
    "exemptions_cited",
    "ncnd",
    "public_interest_test_present",
    "harm_test_present",
    "has_attachment",
    "overall_outcome",
    "notes",
)

_REFUSALS = frozenset(
    {
        "partially_disclosed",
        "exempt",
        "ncnd",
        "cost_limit_s12",
        "vexatious_s14",
        "reasonably_accessible_s21",
        "future_publication_s22",
    }
)


#: Notes that say the page does not show the request's questions as the requester put them
#: (``intake.doubts`` names them as reasons to check a record).
NOTE_LIST_LOST = "The request's list of questions is not on the page."
NOTE_ONE_QUESTION = "No numbered or worded questions found: the request is one question."
NOTE_NOT_QUOTED = "The page does not quote the request on its own."
NOTE_TOLD_BACK = "The request is taken from the response's own account of it."
NOTE_LOG_FIELDS = (
    "The page is a log's record printed as its fields' values: the request is taken as the "
    "lines above the decision field."
)
NOTE_ASKED_FIRST = (
    "Nothing heads the request or the response: the request is taken as the page's first "
    "paragraph, which asks, and the response as what follows it."
)
NOTE_WORDS_LOST_NUMBERED = "The request's words are not on the page; its answers are numbered."
NOTE_NAMED_ONLY = "Some questions are named only in the response; their text is not shown."
NOTE_WORDS_LOST = "The page does not show the request's words."
NOTE_SOURCE_INCOMPLETE = "The source says the text is incomplete."
NOTE_RUN_TOGETHER = (
    "A line of the page holds questions or numbered items in over 1,000 characters: its "
    "paragraphs, or two columns, were run together when it was copied, so questions and "
    "answers may be mixed."
)
#: A line longer than this that asks, or numbers items, is a page whose paragraphs (or whose
#: two columns, line by line) were run together when it was copied.
_RUN_TOGETHER_LENGTH = 1000
#: (A question mark that ends a question, not a link's "?page=4".)
_ASKS_OR_NUMBERS = re.compile(r"\?(?![\w=&/%-])|(?:^|\s)\(?\d{1,2}[.)]\s")
#: How a question was answered by figures given anyway under a refusal on cost.
FOUND_GOODWILL = "given anyway under the cost refusal"
#: How a question split from a bulleted one found its answer: the answer's bullet for it.
FOUND_BULLET = "own answer, bullet for bullet"


class NoResponse(ValueError):
    """The page holds no FOI response (nothing after the request, or nothing FOI at all)."""


@dataclass(frozen=True, slots=True)
class ExtractedQuestion:
    """One question and its answer as found on the page.

    ``answer`` is the response text taken to answer it; ``found`` says how ("own answer",
    "answered with question 3", "whole request", "not visible"). ``outcome`` is ``None`` when
    the visible text does not decide it.
    """

    number: int
    text: str
    context: str = ""
    outcome: str | None = None
    exemptions: tuple[str, ...] = ()
    answer: str = ""
    found: str = "not visible"
    figures: bool = False


@dataclass(frozen=True, slots=True)
class Reasoning:
    """Harm and public interest reasoning paragraphs visible on the page, by heading."""

    harm: tuple[str, ...] = ()
    factors_for: tuple[str, ...] = ()
    factors_against: tuple[str, ...] = ()
    balance: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """A published response as structured data (see the module docstring)."""

    title: str
    reference: str | None
    authority: str | None
    regime: Regime
    received: str | None
    responded: str | None
    published: str | None
    received_or_published_date: str | None
    questions: tuple[ExtractedQuestion, ...]
    exemptions_cited: tuple[str, ...]
    ncnd: bool
    public_interest_test_present: bool
    harm_test_present: bool
    has_attachment: bool
    attachments: tuple[str, ...]
    overall_outcome: str | None
    notes: tuple[str, ...]
    request_text: str
    response_text: str
    rights_paragraph: str | None = None
    advice_to_narrow: str | None = None
    cost_hours: float | None = None
    reasoning: Reasoning = field(default_factory=Reasoning)
    reasoning_elsewhere: bool = False
    complete: bool | None = None
    text_hash: str = ""

    def corpus_record(self, *, page_id: str | None = None) -> dict[str, Any]:
        """The corpus label fields (``shared/corpus/README.md``), plus ``id`` when given."""
        record: dict[str, Any] = {} if page_id is None else {"id": page_id}
        record.update(
            {
                "reference": self.reference,
                "title": self.title,
                "received_or_published_date": self.received_or_published_date,
                "questions": [_one_line(q.text) for q in self.questions],
                "per_question": [
                    {"q": q.number, "outcome": q.outcome, "exemptions": list(q.exemptions)}
                    for q in self.questions
                ],
                "exemptions_cited": list(self.exemptions_cited),
                "ncnd": self.ncnd,
                "public_interest_test_present": self.public_interest_test_present,
                "harm_test_present": self.harm_test_present,
                "has_attachment": self.has_attachment,
                "overall_outcome": self.overall_outcome,
                "notes": " ".join(self.notes),
            }
        )
        return record

    @property
    def provisions_text(self) -> str:
        return " ".join(self.exemptions_cited)


def content_hash(text: str) -> str:
    """SHA-256 of the page text with its whitespace made plain: the same page hashes the same
    (``Extraction.text_hash`` is this, for the page it was read from)."""
    return _hash(normalise_whitespace(text))


def _hash(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- Small helpers ---------------------------------------------------------------------------

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


def _simple(text: str) -> str:
    """Lower case, letters and digits only: for matching a question repeated in the response."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# --- Finding the request and the response ----------------------------------------------------

_FOI_WORDS = re.compile(
    r"freedom\s+of\s+information|\bFOI(?:SA|A)?\b|environmental\s+information|\bexempt|"
    r"\bdisclos|\brequest|\bsections?\s+\d|neither\s+confirm|information\s+(?:is|was)\s+"
    r"(?:not\s+)?held",
    re.I,
)


def _locate(section: str, lines: list[str]) -> tuple[int, int] | None:
    """The line span of ``section`` (joined lines of the page) within ``lines``."""
    wanted = section.split("\n")
    first = wanted[0]
    for i, line in enumerate(lines):
        if line == first and lines[i : i + len(wanted)] == wanted:
            return i, i + len(wanted)
    return None


# A numbered item that asks something: a question of an interleaved page.
# ("1.The total number of claims", its space lost, is one too; not "01.FOI.24.041122".)
_ITEM = re.compile(
    r"^(?:q(?:uestion)?\s*)?(\d{1,2})(?:[.):]\s+|,\s+(?=[A-Z])|(?-i:\.(?=[A-Z][a-z])))(.+)$", re.I
)


# A heading over a group of questions: "Fly-tipping:", "Part B".
_GROUP_HEADING = re.compile(r"^[A-Z][A-Za-z'’&/ -]{2,40}:$")
# "Q. How many ...?" / "A. 412": questions and answers marked, not numbered.
# ("Q1 / Please supply ...", not a quarter's figures: "Q1 / 2023-24: 1,020")
_QA_ASK = re.compile(r"^Q(?:uestion)?\s*(?:[.:)\-–]|\d{1,2}\s?/(?!\s*[\d£]))\s*(\S.*)$")
_QA_ANSWER = re.compile(r"^A(?:nswer)?\s*(?:[.:)\-–]|\d{1,2}\s?/)")


def _marked_pairs(lines: list[str]) -> list[tuple[int, str]]:
    """ "Q. ..." / "A. ..." / "Q. ...": each question with its answer beneath, twice or more;
    (line index, question). Empty unless every question has an answer before the next."""
    asks = [(i, m.group(1).strip()) for i, line in enumerate(lines) if (m := _QA_ASK.match(line))]
    ends = [i for i, _ in asks[1:]] + [len(lines)]
    if len(asks) < 2 or not all(
        any(_QA_ANSWER.match(x) for x in lines[i + 1 : end])
        for (i, _), end in zip(asks, ends, strict=True)
    ):
        return []
    return asks


def _interleaved(lines: list[str]) -> list[tuple[int, str]]:
    """Questions numbered 1, 2, 3... on a page with no request heading, or marked "Q." each with
    its "A." beneath: (line index, text)."""
    found: list[tuple[int, str]] = []
    group = 0  # questions found before the numbering last restarted under a heading
    previous = ""
    for i, line in enumerate(lines):
        m = _ITEM.match(line)
        if m is None:
            if line.strip():
                previous = line.strip()
            continue
        number = int(m.group(1))
        # After a first item that asks, a later one may only name what is wanted
        # ("3. Offences Against the State: Any specific policy documents relating to ...").
        asks = ASKS.search(m.group(2)) or (found and len(m.group(2).split()) >= 8)
        if number == len(found) - group + 1 and asks:
            found.append((i, m.group(2).strip()))
        elif number == 1 and ASKS.search(m.group(2)) and len(found) < 2:
            found, group = [(i, m.group(2).strip())], 0
        elif number == 1 and ASKS.search(m.group(2)) and _GROUP_HEADING.match(previous):
            # "Littering:" / "1. ..." ... "Fly-tipping:" / "1. ...": the numbering restarts
            # under each heading, and the questions run on.
            group = len(found)
            found.append((i, m.group(2).strip()))
        previous = line.strip()
    if len(found) < 2:
        # Bulleted questions each with its answer on the line beneath ("- how many officers are
        # suspended" / "9"): taken in order. (Not a bullet under a bullet: "• The name of each
        # ratepayer for which ..." / "• The value of overpayment" are one list's items.)
        bullets = [
            (i, line[2:].strip())
            for i, line in enumerate(lines)
            if _is_bullet_line(line) and ASKS.search(line)
        ]
        if len(bullets) >= 2 and all(
            _answer_beneath(lines, i)
            and len(after := _next_line(lines, i)) < 80
            and (not _is_bullet_line(after) or _answers_as_a_bullet(lines[i], after))
            for i, _ in bullets
        ):
            return bullets
        if listed := _listed_with_answers(lines):
            return listed
        # Every item numbered "1." (a list whose numbering the page lost): taken in order.
        items = [(i, m) for i, line in enumerate(lines) if (m := _ITEM.match(line))]
        if len(items) >= 2 and all(m.group(1) == "1" and ASKS.search(m.group(2)) for _, m in items):
            return [(i, m.group(2).strip()) for i, m in items]
        if _named_with_answers(lines, items):
            return [(i, m.group(2).strip()) for i, m in items]
        return _marked_pairs(lines)
    return found


# An item that is a question of its own ("How many notices did the council serve in each of the
# following years:"): its lettered lines are its periods or categories, not questions.
_ASKS_ITSELF = re.compile(r"^(?:how|what|which|who|when|where|why)\b|\bhow\s+(?:many|much)\b", re.I)
# Fewer words than this in a lettered line and it names a period or a category, not a question.
_PART_WORDS = 3


def _with_lettered_parts(
    lines: list[str], found: list[tuple[int, str]]
) -> list[tuple[int, str, int]]:
    """ "3. For the same time period, please provide:" / "a) The total amount paid out" / its
    answer / "b) The highest single payout" / its answer: an item that only introduces lettered
    parts, each answered beneath it, is those parts, its words before each part's. As
    ``_headed_pairs`` gives them: (the question's first line, its words, the line its answer
    follows); the first part's question begins at the item, so the answer above ends there."""
    out: list[tuple[int, str, int]] = []
    for k, (i, text) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(lines)
        parts = [
            (j, m) for j in range(i + 1, end) if (m := _LETTERED_ANSWER.match(lines[j].strip()))
        ]
        letters = [m.group(1).lower() for _, m in parts]
        if (
            not text.endswith(":")
            or _ASKS_ITSELF.search(text)
            or len(parts) < 2
            or letters != [chr(ord("a") + n) for n in range(len(parts))]
            or any(len(m.group(2).split()) < _PART_WORDS for _, m in parts)
            or not all(_answer_beneath(lines, j) for j, _ in parts)
        ):
            out.append((i, text, i))
            continue
        out.extend(
            (i if n == 0 else j, f"{text[:-1].rstrip()}: {m.group(2).strip()}", j)
            for n, (j, m) in enumerate(parts)
        )
    return out


# "• Response: 9", "- A. 14": an answer marked as one, bulleted like its question.
_BULLET_ANSWER_MARK = re.compile(r"^(?:a|answer|response|reply)\s*[.:\-–]", re.I)


def _answers_as_a_bullet(question: str, after: str) -> bool:
    """Whether the bullet ``after``, beneath the bulleted ``question``, is its answer, not the
    list's next item: marked as an answer ("• Response: 9"), or under a question asked with a
    question mark, giving figures or refusing ("- 9 officers", "- No information held"). "• The
    value of the credit." under "• The name of each ratepayer to which ..." is the next item."""
    text = after[2:].strip()
    if _BULLET_ANSWER_MARK.match(text):
        return True
    return question.rstrip().endswith("?") and (gives(text) or refuses(text))


def _is_bullet_line(line: str) -> bool:
    """ "- Number of deployments", "• Funding received": a bulleted line (its text from [2:])."""
    return line[:2] in ("- ", "• ")


def _asks_for_a_list(line: str) -> bool:
    """ "Could you provide the following information for 2023-24:": a line that asks for the
    items listed under it."""
    return line.rstrip().endswith(":") and bool(ASKS.search(line))


def _short_answer_beneath(lines: list[str], i: int) -> bool:
    """Whether the bulleted item at ``i`` has a short answer on the line beneath: not another
    bullet, not asking, and not the item going on ("broken down by year and by rank")."""
    after = _next_line(lines, i)
    return (
        _answer_beneath(lines, i)
        and not _is_bullet_line(after)
        and len(after) < 80
        and not after[0].islower()
    )


def _listed_with_answers(lines: list[str]) -> list[tuple[int, str]]:
    """ "Could you provide the following information ...:" / "- Number of deployments" / "10
    dive deployments" / "- Funding received for training" / "£41,127.97": bulleted items under
    a line that asks for them, each naming what is wanted with a short answer beneath it (the
    items need not ask themselves). (line index, item); empty unless there are two or more."""
    for lead, line in enumerate(lines):
        if not _asks_for_a_list(line):
            continue
        items: list[tuple[int, str]] = []
        for i in range(lead + 1, len(lines)):
            text = lines[i].strip()
            if not text:
                continue
            if _is_bullet_line(lines[i]):
                if not _short_answer_beneath(lines, i):
                    return []  # a list of what is asked, its answers elsewhere
                items.append((i, lines[i][2:].strip()))
            elif not items or len(text) >= 80 or ASKS.search(text):
                break  # the items and their answers have ended
        if len(items) >= 2:
            return items
    return []


# Fewer words than this in a numbered line and it may be a heading ("1. Background").
_NAMING_WORDS = 6


def _named_with_answers(lines: list[str], items: list[tuple[int, re.Match[str]]]) -> bool:
    """A disclosure log's page that sets each request item above its answer, the items naming
    what is wanted rather than asking ("1. Spending on agency staff in 2023-24, b) the trust's
    agency cap ..." / "a) Total agency 2023/24: £8,161,319.97" / "2. The proportion and value of
    ..."): numbered 1, 2, 3 ... in order, each a line of several words that is not the
    authority speaking, with a line beneath that is not another item and asks nothing."""
    return (
        len(items) >= 2
        and [int(m.group(1)) for _, m in items] == list(range(1, len(items) + 1))
        and all(
            len(m.group(2).split()) >= _NAMING_WORDS
            and not m.group(2).rstrip().endswith(":")
            and not answers_request(m.group(2))
            and _answer_beneath(lines, i)
            for i, m in items
        )
    )


_PAIR_ASK = re.compile(
    r"^(?:request|question|part)(?:\s+(?:number|no\.?))?\s*(\d{1,2})\s*[:.]?$", re.I
)
_PAIR_ANSWER = re.compile(
    r"^(?:answers?|responses?|reply|replies)(?:\s+to\s+(?:question|request|part))?"
    r"(?:\s*\d{1,2}(?:\s*(?:&|and|,)\s*\d{1,2})*)?\s*[:.]?$",
    re.I,
)


def _headed_pairs(lines: list[str]) -> list[tuple[int, str, int]]:
    """ "Request 1" / its words / "Answer 1" / the answer / "Request 2" ...: for each question,
    (its heading's line, its words, the line of its answer's heading). Several requests may
    share one answer ("Request 2" / ... / "Request 3" / ... / "Answers 2 & 3")."""
    found: list[tuple[int, str, int]] = []
    waiting: list[tuple[int, str]] = []  # asked, not yet answered
    i = 0
    while i < len(lines):
        m = _PAIR_ASK.match(lines[i])
        if m is None or int(m.group(1)) != len(found) + len(waiting) + 1:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _PAIR_ANSWER.match(lines[j]):
            if _PAIR_ASK.match(lines[j]):
                break
            j += 1
        words = "\n".join(x for x in lines[i + 1 : j] if x).strip()
        if sum(1 for x in lines[i + 1 : j] if _ITEM.match(x)) >= 2:
            return []  # "Request 1" heads a numbered list: requests, not questions
        if not words:
            break
        waiting.append((i, words))
        if j < len(lines) and _PAIR_ANSWER.match(lines[j]):
            found.extend((q, w, j) for q, w in waiting)
            waiting = []
            i = j + 1
        else:
            i = j
    return found if len(found) >= 2 else []


# "Q1 - What is your current policy ...", "Q1a - Specifically, when ...": a question marked with
# its number, and a letter for a part, above its answer.
_MARKED_PART = re.compile(r"^Q(\d{1,2})([a-h])?\s*[-–:.)]\s+(\S.*)$")


def _marked_parts(lines: list[str]) -> list[tuple[int, str, int]]:
    """ "Q1 - ..." / its answer / "Q1a - ..." / its answer / "Q2 - Following the conclusion of a
    hearing." / "Q2a - When is the outcome published?" / its answer ... (the Metropolitan
    Police's Single Online Home pages): each question marked with its number, and parts with a
    letter too, set above its answer. A marked line with no answer of its own, its first part
    straight under it, heads its parts, and goes before each part's words as a shared opening
    does (the corpus convention); one that asks ("Q1 - Does the MPS use vans?" / "Q1a - If so,
    how many?" / the answer) is one question with its first part. Returned as ``_headed_pairs``
    gives them: (the question's first line, its words, the line its answer follows). Empty
    unless the marks run 1, 1a, 1b, 2, 2a ... from 1, every question but the page's last has
    an answer under it that is not a heading ("Response:"), and half the questions or more ask
    (not a quarter's figures: "Q1 - April to June: 120")."""
    marks = [(i, m) for i, line in enumerate(lines) if (m := _MARKED_PART.match(line))]
    if len(marks) < 2:
        return []
    previous = (0, "")
    for _, m in marks:
        number, letter = int(m.group(1)), m.group(2) or ""
        following_part = (previous[0], chr(ord(previous[1] or "`") + 1))
        if (
            (number, letter) not in {following_part, (previous[0] + 1, "")}
            or previous == (0, "")
            and letter
        ):
            return []
        previous = (number, letter)
    found: list[tuple[int, str, int]] = []
    heading: tuple[int, str] | None = None  # (its line, its words) over the parts that follow
    joined: tuple[int, str] | None = None  # a question asked with its first part
    asking = 0
    for k, (i, m) in enumerate(marks):
        number, letter = int(m.group(1)), m.group(2)
        below = _next_line(lines, i)
        next_mark = marks[k + 1][1] if k + 1 < len(marks) else None
        if not letter:
            heading = None
        if (
            next_mark is not None
            and _MARKED_PART.match(below)
            and int(next_mark.group(1)) == number
            and next_mark.group(2)
            and not letter
        ):
            words = m.group(3).strip()
            if words.endswith("?"):
                joined = (i, words)
            else:
                heading = (i, words.rstrip(".:"))
            continue
        if next_mark is not None and (not below or _MARKED_PART.match(below)):
            return []  # a list of what is asked, its answers elsewhere
        if RESPONSE_HEADING.match(below) or REQUEST_HEADING.match(below):
            return []  # the request's own list, the response below it
        words = m.group(3).strip()
        if joined is not None:
            found.append((joined[0], f"{joined[1]} {words}", i))
            joined = None
        elif heading is not None:
            first = heading[0] if not found or found[-1][0] < heading[0] else i
            found.append((first, f"{heading[1]}: {words}", i))
        else:
            found.append((i, words, i))
        asking += bool(ASKS.search(words))
    return found if len(found) >= 2 and 2 * asking >= len(found) else []


_LEADING_NUMBER = re.compile(r"^\(?\d{1,2}[.)](?!\d)\s*")


def _plain_pairs(lines: list[str]) -> list[tuple[int, str, int]]:
    """ "You asked:" / the question / "Our response:" / its answer, twice or more (the request's
    and the response's headings, ``splitting.REQUEST_HEADING`` and ``RESPONSE_HEADING``): for each
    question, (its heading's line, its words less any number, its answer's heading's line), as
    ``_headed_pairs`` gives them. Empty unless every such heading of the request is followed by
    its words and then an answer's heading before the next."""
    asks = [i for i, line in enumerate(lines) if REQUEST_HEADING.match(line.strip())]
    if len(asks) < 2:
        return []
    found: list[tuple[int, str, int]] = []
    for i, end in zip(asks, [*asks[1:], len(lines)], strict=True):
        answer = next(
            (j for j in range(i + 1, end) if RESPONSE_HEADING.match(lines[j].strip())), None
        )
        if answer is None:
            return []
        words = "\n".join(
            _LEADING_NUMBER.sub("", x.strip()) for x in lines[i + 1 : answer] if x.strip()
        )
        if not words.strip():
            return []
        found.append((i, words.strip(), answer))
    return found


# A line opening with an item's marker ("1.", "a)", "(b)", "- "): a listed item, not a paragraph.
_OPENS_WITH_MARKER = re.compile(r"^(?:\(?[A-Za-z0-9]{1,3}[.):]\s|[-–•*o]\s)")


def _asked_between_answers(
    lines: list[str], span: tuple[int, int] | None
) -> list[tuple[int, str, int]]:
    """Unnumbered questions, each a paragraph in the requester's voice (``_asks_unmarked``:
    "Please state what disciplinary action is being taken ..."), each followed by the
    authority's answer ("West Yorkshire Police are unable to provide ..."), three times or
    more: as ``_headed_pairs`` gives them. Paragraphs above the first question that do not ask
    are its background.

    Empty unless every question has an answer before the next (or the page stops at it), the
    answers are in the authority's voice (``splitting.answers_request``), nothing above the
    first question answers, and the request found on the page (``span``), if any, holds the
    first question and no other: two asking paragraphs in a row are a request answered below
    as a whole. Only the answers are read, not the reasoning or the requester's rights after
    them (``_reasoning_cut``), where "Please write to ..." is no question."""
    asks = [i for i, line in enumerate(lines) if _asks_unmarked(line.strip())]
    if len(asks) < 3:
        return []
    cut = _reasoning_cut(lines, 0)
    asks = [i for i in asks if i < cut]
    if len(asks) < 3:
        return []

    def first_answer(lo: int, hi: int) -> int | None:
        return next(
            (j for j in range(lo, hi) if lines[j].strip() and answers_request(lines[j].strip())),
            None,
        )

    if first_answer(0, asks[0]) is not None:
        return []
    found: list[tuple[int, str, int]] = []
    for k, i in enumerate(asks):
        answer = first_answer(i + 1, asks[k + 1] if k + 1 < len(asks) else cut)
        if answer is not None:
            found.append((i, lines[i].strip(), answer - 1))  # (the line its answer follows)
        elif k + 1 == len(asks) and first_filled(reversed(lines)) == lines[i].strip():
            found.append((i, lines[i].strip(), len(lines) - 1))  # the page stops at it
        else:
            return []
    if span is not None and not (
        span[0] <= found[0][0] < span[1] and all(q >= span[1] for q, _, _ in found[1:])
    ):
        return []
    return found if len(found) >= 3 else []


# "Please quote the reference number above", "Please write to the Information Governance Team":
# the authority's instructions to the requester, not a question.
_TO_THE_REQUESTER = re.compile(
    r"^please\s+(?:quote|write|contact|remember|note|see|find|do\s+not|don[’']t|email|e-mail|"
    r"telephone|phone|call|refer|be\s+aware|accept|allow)\b",
    re.I,
)


def _asks_unmarked(text: str) -> bool:
    """Whether a line asks in the requester's voice, opening "Please" ("Please state ...",
    "Pleases state ...") or ending in a question mark, not as a listed item, and does not
    answer ("Please see Appendix A ...") or instruct ("Please quote the reference ...")."""
    if not (text[:6].lower() == "please" or text.endswith("?")):
        return False
    return (
        not _OPENS_WITH_MARKER.match(text)
        and not _TO_THE_REQUESTER.match(text)
        and not answers_request(text)
    )


_ANSWER_OPENER = re.compile(
    r"^(?:response|answer|reply)\s*[:\-–]\s*\S|^no\s+information\s+(?:is\s+)?held\b|"
    r"^(?:the\s+)?information\s+(?:is\s+)?not\s+held\b",
    re.I,
)


# "Thank you for your recent Freedom of Information request regarding the number of employees
# in work each day from 22 December to 31 December 2010."
_TOLD_BACK = Cue(
    re.compile(
        r"\bthank\s+you\s+for\s+your\s+(?:recent\s+)?(?:freedom\s+of\s+information\s+|foi\s+|"
        r"information\s+)?(?:request|e-?mails?|letter|enquiry)\s+(?:for\s+information\s+)?"
        # "Thank you for your emails of 7 November, in which you ask for information regarding"
        r"(?:(?:of|dated)\s+[^,.]{3,30},?\s+)?"
        r"(?:regarding|about|concerning|relating\s+to|in\s+relation\s+to|in\s+which\s+you\s+"
        r"(?:ask|asked|requested)\s+(?:for\s+)?(?:information\s+(?:regarding|about|on|"
        r"concerning)\s+)?)\s*(?=\S)"
        # (Not an internal review's "regarding the way your earlier request was handled".)
        r"(?!the\s+(?:way|handling|manner)\b|your\s+(?:earlier|previous|original)\b)"
        # To the sentence's end: not "£2.5 million", "www.example.gov.uk" or "St. Mary's".
        r"(?P<what>.{10,300}?)"
        # "..., which we received on 9th February 2012."
        r"(?:,?\s+(?:which|that)\s+(?:we|was)\s+received\s+(?:on|by)\b.*?"
        r"|,?\s+received\s+(?:on|by)\b.*?)?"
        r"(?<!\bSt)(?<!\bNo)(?<!\bMr)(?<!\bDr)\.(?=\s|$)",
        re.I | re.S,
    ),
    "thank you for your",
)


def _letter_telling_back(section: str) -> bool:
    """Whether a "request" found from a letter's salutation is the authority's letter telling
    the request back: its opening says what was asked, and nothing in it asks or quotes."""
    lines = [x for x in section.split("\n") if x.strip()]
    if not lines or not SALUTATION.match(lines[0]):
        return False
    opening = "\n".join(lines[1:4])
    if _told_back(opening) is None:
        return False
    # Nothing else in it asks: the sentence telling the request back is its only account of it.
    rest = _TOLD_BACK.pattern.sub(" ", section)
    return (
        "?" not in section
        and not states_a_request(rest)
        and not any(introduces_request(x) for x in lines)
        and not any(x.startswith(("“", '"')) for x in lines)
    )


def _told_back(head: str) -> str | None:
    """The request as the response tells it back, when the page quotes it nowhere else."""
    m = _TOLD_BACK.search(head)
    return " ".join(m.group("what").split()) if m else None


_LAYOUT_ASKED = re.compile(r"\b(?:format|template|layout|table)\b[^.]{0,40}:\s*$", re.I)


def _interleaved_past(lines: list[str], span: tuple[int, int]) -> bool:
    """Whether the numbered questions carry on after the "request" ends, each followed by its
    answer: then the page interleaves questions and answers, and the "request" found is only
    the first question."""
    after = first_filled(lines[span[1] :])
    # (Or the page ends inside the "request": a letter setting each question above its answer,
    # cut short.)
    if after and not (_ANSWER_OPENER.match(after) or answers_request(after)):
        return False
    found = _interleaved(lines)
    if len(found) < 2 or not span[0] <= found[0][0] < span[1]:
        return False
    later = [i for i, _ in found if i >= span[1]]
    if any(answers_request(text) for i, text in found if i >= span[1]):
        return False  # "2. The terms of reference are exempt ...": numbered answers, not questions
    inside = [i for i, _ in found if span[0] <= i < span[1]]
    if inside and _LAYOUT_ASKED.search(first_filled(reversed(lines[span[0] : inside[0]]))):
        # "We would appreciate a table ... in the following format:" / "1. How many ...:" /
        # "Staff Type Headcount": the table the requester wants filled in, not its answers.
        return False
    if not later:
        # Every "question" of the request has a short answer under it ("- how many officers
        # are suspended" / "9"): the request found is the questions and their answers. When the
        # "request" opens in the authority's voice ("Below are the questions raised in your
        # request and all the information we have been able to retrieve."), it is the letter
        # setting each question above its answer, and one may have no answer on the page.
        short = [i for i in inside if _answer_beneath(lines, i) and len(_next_line(lines, i)) < 80]
        above = lines[span[0] : inside[0]] if inside else []
        if any(answers_request(x) for x in above):
            # (The last question may have lost its answer where the page stops.)
            unanswered = 1 if after else 2
            return len(inside) >= 2 and len(short) >= len(inside) - unanswered and len(short) >= 2
        if not after:
            # "1. The total number of claims received for each of the financial years" /
            # "2021/22 1,012" / "2022/23 966" / "2. ...": the page sets each item above the
            # figures that answer it, with no heading and nothing after.
            return len(inside) >= 2 and all(
                _figures_beneath(lines, i, end)
                for i, end in zip(inside, [*inside[1:], span[1]], strict=True)
            )
        lead = first_filled(reversed(lines[span[0] : inside[0]]))
        if inside and _asks_for_a_list(lead):
            # "Could you provide the following information ...:" / "- Number of deployments" /
            # "01/04/23 to 31/03/24 10 dive deployments": the items asked for, each answered.
            return len(inside) >= 2 and all(_short_answer_beneath(lines, i) for i in inside)
        return len(inside) >= 2 and all(
            _answer_beneath(lines, i) and len(_next_line(lines, i)) < 40 for i in inside
        )
    if later[0] <= span[1]:
        return False
    # Each question inside the "request" already has its answer under it ("1. ...?" / "£80" /
    # "2. ...?" / "20"): the request found is the first questions and answers.
    answered = sum(1 for i in inside if _answer_beneath(lines, i))
    return len(inside) == 1 or answered == len(inside)


def _figures_beneath(lines: list[str], i: int, end: int) -> bool:
    """Whether the lines after item ``i`` and before ``end`` give figures ("2021/22 1,012"),
    asking nothing: an answer, not the item going on ("for vehicles over 7.5 tonnes", a line
    that opens in lower case, carries on the item's sentence)."""
    beneath = [x.strip() for x in lines[i + 1 : end] if x.strip()]
    return (
        bool(beneath)
        and not beneath[0][0].islower()
        and not any(ASKS.search(x) for x in beneath)
        and any(has_figures(x) and not x[0].islower() for x in beneath)
    )


def _next_line(lines: list[str], i: int) -> str:
    return first_filled(lines[i + 1 :])


def _answer_beneath(lines: list[str], i: int) -> bool:
    """Whether the line after item ``i`` is an answer: not another item, and not asking, or in
    the authority's voice ("Unfortunately, we would not be able to provide further details")."""
    after = _next_line(lines, i)
    return (
        bool(after)
        and not _ITEM.match(after)
        and (not ASKS.search(after) or answers_request(after))
    )


# A remark about how to answer, not a question: "Please specify whether you are using calendar
# or financial years", "I would like the data in an Excel spreadsheet".
_PRESENTATION = re.compile(
    r"^(?:please\s+)?(?:specify|state|indicate|clarify|note|advise|let\s+me\s+know|tell\s+me)\s+"
    r"(?:whether|if|which)\b.*\b(?:calendar|financial)\s+years?\b|"
    r"\b(?:in|as)\s+(?:an?\s+)?(?:excel|csv|spreadsheet|electronic|machine[\s-]readable)\s+"
    r"(?:format|form|file|spreadsheet)\b|"
    # "Please provide your response as simple figures to answer each question, if possible."
    r"\b(?:response|answers?|reply|replies)\s+(?:as|in)\s+(?:simple|plain|brief|short)\s+"
    r"(?:figures|numbers|terms|form)\b",
    re.I,
)


# "... from questions 1-4 can I have the data broken down year on year", "for each of the above
# questions, the last three financial years": the period or breakdown of questions already asked.
_PERIOD_OF_THOSE_ABOVE = re.compile(
    r"^(?!.{400})"
    r"(?=.*\b(?:questions?\s+\d{1,2}\s*(?:-|–|to)\s*\d{1,2}|(?:all|each)\s+of\s+the\s+above)\b)"
    r"(?=.*\b(?:years?|broken\s+down|breakdown|months?|period)\b)",
    re.I | re.S,
)


def _without_restated_whole(questions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A request printed whole and then again in its parts ("I would like to make a request
    under the Act. Please can you provide me with the spend ... Please break down the spend by
    type ..." / "Please can you provide me with the spend ..." / "Please break down the spend by
    type ..."): the parts are the questions, the whole's opening words only introduce them."""
    out: list[tuple[str, str]] = []
    for k, (text, context) in enumerate(questions):
        whole = _simple(text)
        joined = ""
        restated = False
        for parts, (later, _) in enumerate(questions[k + 1 :], start=1):
            joined = f"{joined} {_simple(later)}".strip()
            if len(joined) > len(whole):
                break
            if parts >= 2 and whole.endswith(joined):
                restated = len(whole) - len(joined) <= _RESTATED_OPENING
                break
        if not restated:
            out.append((text, context))
    return out


#: How much the whole request may say before its parts (an opening such as "I would like to make
#: a request under the Freedom of Information Act."), in characters of its words.
_RESTATED_OPENING = 120


# A question about the request itself, not information: "Would it be possible to refine the
# request as you suggested please?" (a reply to the authority's advice on narrowing it),
# "Please could you provide the responses to the questions as soon as possible?".
_ABOUT_THE_REQUEST = re.compile(
    r"\b(?:refine|narrow|amend|revise|reduce)\s+(?:the|my|this|our)\s+(?:original\s+)?request\b|"
    r"\b(?:responses?|answers?|repl(?:y|ies))\s+(?:to\s+(?:the|these|my|those)\s+"
    r"(?:questions?|requests?)\s+)?as\s+soon\s+as\s+possible\b",
    re.I,
)
_ABOUT_THE_REQUEST_WORDS = 25


def _drop_about_the_request(questions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A short question asking only about the request itself joins the next question's context
    (the last one's, at the end)."""
    if len(questions) < 2:
        return questions
    out: list[tuple[str, str]] = []
    carried = ""
    for text, context in questions:
        if len(text.split()) <= _ABOUT_THE_REQUEST_WORDS and _ABOUT_THE_REQUEST.search(text):
            carried = "\n".join(x for x in (carried, context, text) if x)
            continue
        out.append((text, "\n".join(x for x in (carried, context) if x)))
        carried = ""
    if not out:
        return questions
    if carried:
        last, last_context = out[-1]
        out[-1] = (last, "\n".join(x for x in (last_context, carried) if x))
    return out


def _drop_presentation(
    questions: list[tuple[str, str]], *, last_numbered: bool = False
) -> list[tuple[str, str]]:
    """A trailing remark on presentation joins the last question's context; so does one
    setting the period or breakdown of the questions above by their numbers ("Can I have data
    from the last five financial years ... and from questions 1-4 can I have the data broken
    down year on year."), unless the requester numbered it as a question of its own ("4. The
    number of complaints in questions 1-3 that were upheld, broken down by year")."""
    while len(questions) > 1:
        text, context = questions[-1]
        presentation = len(text.split()) <= 30 and bool(_PRESENTATION.search(text))
        period = not last_numbered and bool(_PERIOD_OF_THOSE_ABOVE.search(text))
        if "?" in text or not (presentation or period):
            break
        previous, previous_context = questions[-2]
        joined = "\n".join(x for x in (previous_context, text, context) if x)
        questions = [*questions[:-2], (previous, joined)]
    return questions


# Response wording that shows a "request" heading found after it is not the request.
_RESPONSE_CUE = re.compile(
    r"neither\s+confirm|refusal\s+notice|not\s+obliged\s+to\s+supply|has\s+(?:now\s+)?been\s+"
    r"considered|by\s+virtue\s+of\s+the\s+following|"
    # A log's summary of its answer: "Information not held - link to ... provided to assist".
    r"^(?:.{0,200}\.\s+)?information\s+not\s+held\b",
    re.I | re.M,
)
_WRITES_IN_RESPONSE = re.compile(
    r"\bI\s+(?:write|am\s+writing)\s+in\s+(?:response|reply)\s+to\s+your\s+(?:\w+\s+){0,3}?"
    r"requests?\b",
    re.I,
)
_CITATION_LINE = re.compile(r"^(?:s|sections?|regs?|regulations?)\.?\s*\d", re.I)


_ANNOUNCES = re.compile(r"\b(?:the\s+following|below|as\s+follows|listed)\b", re.I)


def _only_announces(line: str) -> bool:
    """A line that only announces a list: "... the calendar years listed below:"."""
    return line.rstrip(" -").endswith(":") and bool(_ANNOUNCES.search(line))


def _every_paragraph_asks(lines: list[str]) -> bool:
    """Whether each paragraph of ``lines`` asks for something (no answer has begun)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    return bool(paragraphs) and all(ASKS.search(p) for p in paragraphs)


# A letter's heading that names the law it answers under: "FREEDOM OF INFORMATION (SCOTLAND) ACT
# 2002", "Environmental Information Regulations 2004 - Request".
_NAMES_THE_LAW = re.compile(
    r"^\W*(?:the\s+)?(?:freedom\s+of\s+information|environmental\s+information)\b[^.?!]{0,40}?"
    r"\b(?:act|regulations)\b(?:\s+\d{4})?(?:\s*[-–:]\s*(?:request|response|reply))?\W*$",
    re.I,
)

# A letter's subject line naming the kind of request: "Freedom of Information Request", "FOISA
# request", "Freedom of Information (Scotland) Act 2002 (FOISA) Request", "Request for
# information".
_SUBJECT = re.compile(
    r"^\W*(?:(?:freedom\s+of\s+information|environmental\s+information|FOI(?:SA|A)?|EIRs?)"
    r"(?:\s*\(scotland\))?(?:\s+(?:act|regulations))?(?:\s+\d{4})?(?:\s*\((?:FOI(?:SA|A)?|EIRs?)\))?"
    r"\s+request"
    r"|request\s+for\s+information)\W*$",
    re.I,
)

# The authority's letter speaking of the request it answers: "Thank you for your request ...",
# "Your request has been processed in accordance with ...".
_OF_THE_REQUEST = re.compile(
    r"^thank\s+you\b|\byour\s+(?:request|e-?mail|letter|enquiry|application)\b|"
    r"\b(?:processed|dealt\s+with|handled|considered)\s+(?:in\s+accordance\s+with|under)\b",
    re.I,
)


def _opens_the_letter(line: str) -> bool:
    """Whether ``line`` is the authority's letter opening, speaking of the request it answers;
    not the requester writing as "we" ("Our residents group would be grateful for ...")."""
    return bool(_OF_THE_REQUEST.search(line)) and answers_request(line)


def _first_paragraph(lines: list[str], span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the request's first paragraph that asks something, or says more than a
    heading does, when more text follows it; a salutation ("Dear Mr Smith,", which names the
    requester), lines in the authority's voice ("I write in response to ...") and a heading that
    names the law ("FREEDOM OF INFORMATION (SCOTLAND) ACT 2002") are passed over. ``span``
    itself when it is one paragraph that asks; ``None`` when no paragraph will do (the
    "request" found is the site's own text, say)."""
    start = span[0]
    while start < span[1] and (
        not lines[start].strip()
        or SALUTATION.match(lines[start])
        or answers_request(lines[start])
        or _NAMES_THE_LAW.match(lines[start])
    ):
        start += 1
    end = next((i for i in range(start, span[1]) if not lines[i].strip()), span[1])
    paragraph = " ".join(lines[start:end])
    asks = bool(ASKS.search(paragraph))
    if not any(x.strip() for x in lines[end : span[1]]):
        return span if asks else None
    return (start, end) if asks or len(paragraph.split()) > 5 else None


def _asked_first(lines: list[str]) -> tuple[int, int] | None:
    """A page with no headings and no turn to the authority's voice that opens with the request
    and follows it with the answer: "Please could you let me know how many times in (a) 2014,
    (b) 2015 ..." / "(a) 2014 - None." / "(b) 2015 - None.". The span of the first paragraph
    (after the site's furniture) when it asks for something in the requester's words and the
    next one asks nothing, and what follows gives or refuses something (not "This should
    include ..." under a page that is only the request)."""
    start = max((i + 1 for i, line in enumerate(lines) if SITE_FURNITURE.search(line)), default=0)
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    paragraph = "\n".join(lines[start:end])
    following = first_filled(lines[end:])
    if (
        not paragraph
        or not following
        or not states_a_request(paragraph)
        or any(answers_request(x) for x in lines[start:end])
        or ASKS.search(following)
        or not (gives(rest := "\n".join(lines[end:])) or refuses(rest))
    ):
        return None
    return start, end


# A log's decision field printed alone as its value: "Part Disclosure with Section 24, Section
# 31 and Section 23 Exemptions", "Full Refusal Section 17 with Partial NCND", "Full Disclosure".
_DECISION_VALUE = (
    r"(?P<bare>(?:full|part(?:ial)?)\s+(?:disclosure|refusal))\b"
    r"(?P<grounds>\s+(?:with|under|section|-|–)\b[^\n]{0,80})?"
)
_BARE_DECISION = re.compile(rf"^{_DECISION_VALUE}$", re.I)
#: A line of the request has at least this many words; a field's value (a date, "N/A", the
#: title) has fewer.
_FIELDS_REQUEST_WORDS = 6


def _above_a_logged_decision(lines: list[str]) -> tuple[int, int] | None:
    """A log's record printed as its fields' values without their labels ("PUB 1310" / "16076" /
    the title / "N/A" / the request's lines / "Part Disclosure with Section 24 ... Exemptions" /
    the dates): the span of the lines above the first decision field, back to the first shorter
    line (a field's value), unless a response letter speaks in them (``_from_a_letter``)."""
    at = next((i for i, line in enumerate(lines) if _BARE_DECISION.match(line.strip())), None)
    if at is None:
        return None
    start = at
    while start > 0 and len(lines[start - 1].split()) >= _FIELDS_REQUEST_WORDS:
        start -= 1
    if start == at or any(_from_a_letter(line) for line in lines[start:at]):
        return None
    return start, at


# "Thank you for your request for information regarding ...", "I write in connection with your
# request ...", "Following receipt of your request, searches were conducted ...": a response
# letter's lines above its "Partial Disclosure" heading, not a log's fields.
_OF_YOUR_REQUEST = re.compile(r"\byour\s+(?:request|e-?mail|letter|application)\b", re.I)


def _from_a_letter(line: str) -> bool:
    """Whether a line above a decision is the authority's letter speaking (``_OF_YOUR_REQUEST``)."""
    return answers_request(line) or bool(_OF_YOUR_REQUEST.search(line))


def _only_the_letters_opening(lines: list[str]) -> bool:
    """Whether every line is a salutation, a heading naming the law or the request, or the
    letter speaking of the request it answers, and one is the last (read until a line is none
    of them)."""
    spoken = False
    for line in lines:
        if SALUTATION.match(line) or _NAMES_THE_LAW.match(line) or _SUBJECT.match(line):
            continue
        if not _opens_the_letter(line):
            return False
        spoken = True
    return spoken


def _plausible_request(section: str, before: str) -> bool:
    """A "request" that follows the response's own wording, or that is a list of citations
    ("by virtue of the following exemptions: S30(3) ..."), is not the request. The site's
    furniture above it (a log's banner saying how such requests ended) is not the response."""
    before = "\n".join(x for x in before.split("\n") if not SITE_FURNITURE.search(x))
    heading = first_filled(reversed(before.split("\n")))
    # A summary of the answer may come first when the request has a heading of its own
    # ("Your request ... has now been considered ..." / "Request" / the words / "Answer").
    if (
        _RESPONSE_CUE.search(before)
        and not introduces_request(heading)
        and not introduces_request_unmarked(heading)
    ):
        return False
    lines = [x for x in section.split("\n") if x.strip()]
    if _only_the_letters_opening(lines):
        # "Dear Mr Campbel" / "Freedom of Information Request" / "Thank you for your request
        # for information." / "Your request has been processed in accordance with ...": the
        # letter's opening, which does not quote the request.
        return False
    cited = sum(1 for x in lines if _CITATION_LINE.match(x))
    return not lines or cited * 2 < len(lines)


# A generic quotation of the Act ("relying on a claim that section 12 or section 14 applies")
# names sections without relying on them.
_STATUTE_QUOTE = re.compile(r"relying\s+on\s+a\s+claim\s+that", re.I)


def _citations(text: str, regime: Regime, *, scottish_regulations: bool = False) -> list[str]:
    """``normalise_citations`` over ``text`` less its quotations of the Act."""
    if _STATUTE_QUOTE.search(text):
        text = " ".join(x for x in sentences(text) if not _STATUTE_QUOTE.search(x))
    low = text.lower()
    # The cost wording ``normalise_citations`` reads as s12 always names a limit or hours.
    infer = any(w in low for w in ("limit", "threshold", "hours"))
    return normalise_citations(
        text, regime, infer_cost_limit=infer, scottish_regulations=scottish_regulations
    )


class _Citations:
    """``_citations`` for one page, remembering each text (answers often repeat the decision)."""

    def __init__(self, regime: Regime, *, scottish_regulations: bool = False) -> None:
        self.regime = regime
        self.scottish_regulations = scottish_regulations
        self.seen: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self.seen.get(text)
        if found is None:
            found = self.seen[text] = _citations(
                text, self.regime, scottish_regulations=self.scottish_regulations
            )
        return list(found)


# --- Reading the response ---------------------------------------------------------------------

_REASONING_HEADING = re.compile(
    r"^(?:(?:the\s+)?public\s+interest\b|factors?\s+(?:favouring|for\b|against|in\s+favour)|"
    r"evidence\s+of\s+harm|(?:overall\s+)?harm\b|balanc(?:e|ing)\s+test|"
    r"reasons?\s+for\s+(?:the\s+|my\s+|our\s+)?decision|prejudice\s+test|appendix\b|"
    # "Explanatory annexe" / "Exemptions applied" / "Section 31: Law Enforcement".
    r"(?:explanatory\s+)?annexe?\b|"
    # "Complaint Rights", "Complaints"; not "Complaints are categorised into the following types:".
    r"complaints?\b(?!\s+(?:are|were|is|was|have|has|had)\b)|"
    r"your\s+right|right\s+of\s+(?:appeal|complaint)|internal\s+review|if\s+you\s+are\s+"
    r"(?:dis|un)satisfied|attachments?\b|no\s+attachments|"
    # "The Exemption which Applies", "Exemption explanation".
    r"(?:the\s+)?exemptions?\s+(?:which|that)\s+appl(?:y|ies)\b|exemption\s+explanations?\b)",
    re.I,
)


def _is_reasoning_heading(line: str) -> bool:
    return (
        len(line) <= 90 and not line.endswith((".", ",")) and bool(_REASONING_HEADING.match(line))
    )


_QNUM = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
_QSEP = r"(?:\s*(?:,|&|\+|/)\s*(?:and\s+)?|\s+(?:and|to|or)\s+|\s*[-–](?=\s*q|\d))"
_QLIST = rf"{_QNUM}[a-z]?(?:{_QSEP}(?:q(?:uestions?)?\s*\.?\s*)?{_QNUM}[a-z]?)*"
# The words naming questions by number: "questions 2 and 3", "Request numbers 4 and 6" (as a log
# numbering its requests "Request 1" names them).
_QWORDS = r"questions?|requests?\s+numbers?"
_LEAD = (
    r"(?:(?:in\s+|with\s+)?(?:relation|response|reply|regard|respect|answer|reference)\s+to\s+|"
    r"to\s+answer\s+|"
    r"with\s+regards?\s+to\s+|regarding\s+|re[:.]?\s+|turning\s+to\s+|as\s+(?:for|regards)\s+|"
    r"for\s+)?(?:your\s+|the\s+)?"
)
# (A bare "Q1" to "Q4" before a span of months, or a year with no dash between, is a quarter's
# label in a table of figures: "Q1 - April to June: 120", "Q2 Jul-Sep: 98", "Q3 2023: 101"; not
# "Q2 - May I refer you to ..." or "Q1 - 2021: 412, 2022: 455", an answer by year.)
_QUARTER_AFTER = (
    rf"(?!(?<=[1-4])(?<!\d\d)(?:[\s.:)\-–—,]*(?:{MONTH})\.?\s*(?:to|until|[-–—/])\s*(?:{MONTH})\b"
    r"|\s+(?:19|20)\d\d\b))"
)
_QREF_START = re.compile(
    rf"^{_LEAD}(?:questions?|(?P<bare>q)|parts?|points?)\s*\.?\s*(?P<list>{_QLIST})"
    rf"(?![\d/:.]\d)\b(?(bare){_QUARTER_AFTER})\s*[.:)\-–—,]?\s*",
    re.I,
)
_PART_START = re.compile(
    rf"^{_LEAD}(?P<ord>{'|'.join(_ORDINALS)})\s+(?:part|question|point|element)s?\b"
    r"(?:\s+of\s+(?:your|the)\s+request)?\s*[.:,\-–]?\s*",
    re.I,
)
_QREF_ANYWHERE = quick(
    re.compile(rf"\b(?:{_QWORDS}|q)\s*\.?\s*(?P<list>{_QLIST})(?![\d/])\b", re.I)
)
# An opening quotation mark and the mark that closes it.
_QUOTES = {"‘": "’", "“": "”", '"': '"', "'": "'"}


def _opens_a_quotation(text: str) -> bool:
    """Whether ``text`` opens a quotation it does not close ("‘Personal data shall be:"), as a
    statute quoted over several numbered lines does; "“How many ...?” 12 officers." closes
    its own."""
    close = _QUOTES.get(text[:1])
    return close is not None and close not in text[1:]


_NUMBERED_ANSWER = re.compile(r"^\(?(\d{1,2})(?:[.)]|\s*[:–-](?=\s))\s*(.*)$")
# "1-3." / "4-6." over one answer to a run of questions (not a table's row of bands and
# counts, "1-3: 22" years of service).
_RANGE_ANSWER = re.compile(r"^\(?(\d{1,2})\s*[-–]\s*(\d{1,2})[.):](?!\s*\d)\s*(.*)$")
# "3) & 4) Information not held:": one answer to two questions.
_TWO_ANSWERED = re.compile(r"^\(?(\d{1,2})[.)]?\s*(?:&|and)\s*\(?(\d{1,2})[.):]\s*(.*)$")
_LETTERED_ANSWER = re.compile(r"^\(?([a-hA-H])[.)]\s*(.*)$")
# "I. How many ..." / "II. How many ...": a request numbered in roman numerals, and its answers.
# A request's first part numbered "i)" with its second, "ii)", on a later line.
_ROMAN_REQUEST = (
    re.compile(r"(?m)^(?P<marker>\(?[iI][.)])\s+\S[^\n]*\n"),
    {"marker": re.compile(r"(?m)^(?=\(?(?:ii|II)[.)]\s+\S)")},
)
_ROMAN_ANSWER = re.compile(rf"^\(?((?:{ROMAN_NUMERAL})(?<=\w))[.)]\s*(.*)$", re.I)
# A request's first part lettered "a)" with its second, "b)", on a later line.
_LETTERED_REQUEST = (
    re.compile(
        r"(?m)^(?:\d{1,2}[.)]\s*)?(?P<marker>\(?[aA][.)])\s+\S[^\n]*\n"
        # "A" / "How many complaints ...?" / "B" / ...: letters alone on their lines.
        r"|^(?P<lone>A)\n+\S[^\n]*\n"
    ),
    {"marker": re.compile(r"(?m)^(?=\(?[bB][.)]\s+\S)"), "lone": re.compile(r"(?m)^(?=B\n)")},
)


def _first_part(text: str, parts: tuple[re.Pattern[str], dict[str, re.Pattern[str]]]) -> str:
    """The marker of the first line of ``text`` that opens a first part (``parts[0]``) with
    the second part's marker of its kind (``parts[1]``) at the start of a later line, or "".

    (Two searches: one pattern with any lines between the two markers was tried again from
    each "a)" of a request with no "b)", in time growing with the square of its lines.)
    """
    first, seconds = parts
    last = {
        kind: max((m.start() for m in p.finditer(text)), default=-1) for kind, p in seconds.items()
    }
    m = first.search(text)
    while m is not None:
        kind = m.lastgroup or ""
        if m.end() <= last[kind]:
            return m[kind]
        m = first.search(text, m.start() + 1)
    return ""


# "A1:", "A2 / ...", "Answer 2 -", "Response 3:", "Reply 4" opening a line (not "A2/M2 slip road":
# a slash needs a space after it).
_ANSWER_LABEL = re.compile(
    r"^(?:A\s?|(?i:answer|response|reply)\s*)(\d{1,2})\s*(?:[.:)\-–]\s*|/\s+|$)"
)
_CROSS_REFERENCE = re.compile(
    r"^(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+(?:the\s+|our\s+)?(?:response|answer|reply)"
    # "See answer and table in Q3 below"
    r"(?:\s+and\s+(?:the\s+)?(?:table|figures|data|information|attachment))?"
    r"\s+(?:to|at|for|in|given\s+(?:to|in|at))\s+(?:question|q)\s*\.?\s*(\d{1,2})\b[^.\n]{0,40}[.]?$|"
    r"^(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+(?:question|q)\s*\.?\s*(\d{1,2})\s*"
    r"(?:above|below)?[.]?$",
    re.I,
)


def _numbers(listing: str) -> list[int]:
    """ "1 and 2" -> [1, 2]; "2 & Q3" -> [2, 3]; "1-3", "1 to 3" -> [1, 2, 3]; "six" -> [6]."""
    tokens = re.findall(rf"{_QNUM}|\bto\b|[-–]", listing.lower())
    out: list[int] = []
    pending_range = False
    for token in tokens:
        if token in ("to", "-", "–"):
            pending_range = bool(out)
            continue
        value = NUMBER_WORDS.get(token) or int(token)
        if pending_range and out and value > out[-1]:
            out.extend(range(out[-1] + 1, value + 1))
        else:
            out.append(value)
        pending_range = False
    return [n for n in out if 0 < n <= 40]


# "Question Two (2), Five (5) and Seven (7)": the figure repeats the word.
_WORD_THEN_FIGURE = quick(
    re.compile(
        r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*\(\d{1,2}\)", re.I
    )
)


#: More questions than a summary names on a page cut short is a number read wrong.
_MOST_NAMED = 30
# Questions a summary names in words: "Request number 5", "questions 4 and 6" (not "Q4", which
# may be a quarter).
_ANOTHER_REQUESTS = re.compile(
    r"\bquestions?\s+\d{1,2}\s+(?:of|in|from)\s+(?:(?:our|your|the|a|an)\s+)?(?:FOI|request|"
    r"previous|earlier|reference)",
    re.I,
)
_SUMMARY_NAMES = quick(re.compile(rf"\b(?:{_QWORDS})\s*\.?\s*(?P<list>{_QLIST})(?![\d/])\b", re.I))


def _stops_mid_sentence(text: str) -> bool:
    """Whether ``text`` stops in the middle of a sentence ("... each year, and the"), as a page
    cut short does; not under a sign-off ("Yours sincerely,", ``splitting.is_sign_off``)."""
    last = text.rstrip().rsplit("\n", 1)[-1].rstrip()
    return bool(re.search(r"(?:^|\s)[a-z][\w'’-]*,?$|,$", last)) and not is_sign_off(last)


def _named(text: str) -> list[int]:
    """The question numbers ``text`` names ("questions 2, 3 and 4", "Q5", "questions (a) and
    (b)" for a lettered request), in order."""
    if "(" not in text:
        return [n for m in _QREF_ANYWHERE.finditer(text) for n in _numbers(m.group("list"))]
    text = _WORD_THEN_FIGURE.sub(r"\1", text)
    found = [
        (m.start(), n) for m in _QREF_ANYWHERE.finditer(text) for n in _numbers(m.group("list"))
    ]
    found += [
        (m.start(), ord(letter.lower()) - 96)
        for m in _LETTERS_NAMED.finditer(text)
        for letter in re.findall(r"\(([a-h])\)", m.group(0), re.I)
    ]
    return [n for _, n in sorted(found)]


# "In respect of questions (a) and (b) ...", "For question (c) there is ...".
_LETTERS_NAMED = re.compile(r"\bquestions?\s+\([a-h]\)(?:\s*(?:,|&|and|or)\s*\([a-h]\))*", re.I)


@dataclass(slots=True)
class _Start:
    line: int
    numbers: list[int]
    rest: str  # the start line without its reference or the repeated question


def _segment_starts(
    lines: list[str],
    lo: int,
    hi: int,
    questions: Sequence[tuple[str, str]],
    *,
    lettered: str = "",
    items: Mapping[int, Sequence[int]] | None = None,
) -> list[_Start]:
    """Where answers to particular questions begin in ``lines[lo:hi]`` (see module docstring).

    ``items`` maps the request's own item numbers to its questions when an item's lettered
    parts were split into questions of their own ("2. In each case please disclose:" / "a) ..."
    / "b) ..."): an answer numbered "2." then answers each of them."""
    starts: dict[int, _Start] = {}
    count = len(questions)
    first_item = min(items) if items else 1
    for i in range(lo, hi):
        line = lines[i]
        m = _QREF_START.match(line)
        if m:
            nums = [n for n in _numbers(m.group("list")) if n <= max(count, 1) * 2 + 2]
            if nums:
                starts[i] = _Start(i, nums, line[m.end() :])
                continue
        m = _PART_START.match(line)
        if m:
            starts[i] = _Start(i, [_ORDINALS[m.group("ord").lower()]], line[m.end() :])
            continue
        m = _ANSWER_LABEL.match(line)
        if m and 0 < int(m.group(1)) <= count:
            starts[i] = _Start(i, [int(m.group(1))], line[m.end() :])
            continue
        # "Please see the below response to your requests." / "Request 1" / its answer: once the
        # authority has spoken, the request's numbers head the answers.
        m = NUMBERED_REQUEST_HEADING.match(line)
        if m and 0 < int(m.group(1)) <= count and any(answers_request(x) for x in lines[lo:i]):
            starts[i] = _Start(i, [int(m.group(1))], "")
    if count >= 2:
        numbered = _numbered_answers(lines, lo, hi, questions, lettered=lettered, first=first_item)
        if not numbered and first_item > 1:
            # "5. How many officers were dismissed?" / "6. ..." (numbered on from an earlier
            # request) answered "1. 12 officers ..." / "2. ...": the answers count from 1.
            numbered = _numbered_answers(lines, lo, hi, questions, lettered=lettered)
        if not starts:
            starts.update({s.line: s for s in numbered or _bulleted_answers(lines, lo, hi, count)})
            if numbered and _renumber(numbered, "\n".join(lines[lo : numbered[0].line])):
                items = None  # the list names the questions it answers, not the request's items
        elif numbered:
            # "1. Yes" / ... / "4. No information held" / "For question 5 we respond as below.":
            # numbered answers for the questions the named ones leave, in the same order.
            named = {n for s in starts.values() for n in s.numbers}
            both = sorted([*starts.values(), *numbered], key=lambda s: s.line)
            if not any(n in named for s in numbered for n in s.numbers) and all(
                a.numbers[-1] < b.numbers[0] for a, b in itertools.pairwise(both)
            ):
                starts.update({s.line: s for s in numbered})
    if items and starts and all(n in items for s in starts.values() for n in s.numbers):
        for start in starts.values():
            start.numbers = [q for n in start.numbers for q in items.get(n, [n])]
    # The question repeated word for word, then its answer; where nothing else marks the
    # answers, whatever number the response puts before each question repeated ("1." before
    # every one, as some logs' markup prints them).
    repeated = _repeated_questions(lines, lo, hi, questions)
    if not starts and not repeated:
        # (Two or more: one question given back may be the response's way in to a refusal of
        # the whole request.)
        renumbered = _repeated_questions(lines, lo, hi, questions, numbered=True)
        repeated = renumbered if len(renumbered) >= 2 else {}
    for i, number in repeated.items():
        starts.setdefault(i, _Start(i, [number], ""))
    return [starts[i] for i in sorted(starts)]


def _repeated_questions(
    lines: list[str],
    lo: int,
    hi: int,
    questions: Sequence[tuple[str, str]],
    *,
    numbered: bool = False,
) -> dict[int, int]:
    """The lines of ``lines[lo:hi]`` that give a question back word for word, in order: {line:
    question number}. With ``numbered``, a number before the words is passed over, and the line
    must be the question alone (not the question with its answer run on)."""
    found: dict[int, int] = {}
    position = lo
    simple_lines: dict[int, str] = {}
    for number, (text, _context) in enumerate(questions, start=1):
        first = _simple(text.split("\n")[0])
        if len(first) < 15:
            continue
        key = first[:60]
        for i in range(position, hi):
            candidate = simple_lines.get(i)
            if candidate is None:
                line = _LEADING_NUMBER.sub("", lines[i]) if numbered else lines[i]
                candidate = simple_lines[i] = _simple(line)
            if numbered and len(candidate) > len(first):
                continue
            if len(candidate) >= 15 and (candidate.startswith(key) or first.startswith(candidate)):
                found[i] = number
                position = i + 1
                break
    return found


_ANSWER_BULLET = re.compile(r"^[-•*–]\s+(\S.*)$")


def _bulleted_answers(lines: list[str], lo: int, hi: int, count: int) -> list[_Start]:
    """A bulleted list in the response with one entry for each question ("- Between November
    2021 and October 2022 the Trust received 4,845 ..." / "- 133" / ...): the answers, in the
    order asked. Empty unless exactly one run of bullets has as many entries as there are
    questions, and the response has no more than two runs of bullets."""
    runs: list[list[_Start]] = []
    run: list[_Start] = []
    for i in range(lo, hi):
        if not lines[i].strip():
            continue
        m = _ANSWER_BULLET.match(lines[i])
        if m is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append(_Start(i, [len(run) + 1], m.group(1)))
    if run:
        runs.append(run)
    fitting = [r for r in runs if len(r) == count]
    return fitting[0] if len(fitting) == 1 and len(runs) <= 2 else []


# "We are able to answer questions 6 and 7, and the answers are below."
_ANSWERS_NAMED = re.compile(
    rf"\b(?:answer|respond\s+to|reply\s+to)\s+(?:to\s+)?(?:questions?|q)\s*\.?\s*(?P<list>{_QLIST})",
    re.I,
)


# "we are unable to answer questions 3 and 4": not the questions the list below answers.
_NEGATED = re.compile(r"\b(?:unable|not\s+able|cannot|can\s?not|can't|not)\s+(?:to\s+)?$", re.I)


def _renumber(numbered: list[_Start], before: str) -> bool:
    """A numbered list that answers only the questions named just before it, numbered afresh
    ("We are able to answer questions 6 and 7 ..." / "1. ..." / "2. ..."): each answer is put
    to the question it answers. Whether the list was renumbered so."""
    named = [m for m in _ANSWERS_NAMED.finditer(before) if not _NEGATED.search(before[: m.start()])]
    if not named or not numbered:
        return False
    targets = _numbers(named[-1].group("list"))
    if len(targets) == len(numbered) and [s.numbers for s in numbered] == [
        [k] for k in range(1, len(numbered) + 1)
    ]:
        for start, target in zip(numbered, targets, strict=True):
            start.numbers = [target]
        return True
    return False


def _numbered_answers(
    lines: list[str],
    lo: int,
    hi: int,
    questions: Sequence[tuple[str, str]],
    *,
    lettered: str = "",
    first: int = 1,
) -> list[_Start]:
    """A numbered list in the response that answers the questions in order: it restarts at 1
    (or at the request's ``first`` item number, where the page lost the request's top),
    or at a later question whose words it repeats ("2. The number of requests received ...
    is 21" when only questions 2 and 3 are answered). When the request lettered its questions
    ("(a)", "b)"; ``lettered`` is its first letter's marker), answers lettered the same way
    count too; so do answers in roman numerals when the request numbered its questions so
    ("I.", "II."; ``lettered`` is then "I." or "i)")."""
    last = first - 1 + len(questions)
    roman = lettered.strip("().").lower() == "i"
    found: list[_Start] = []
    best: list[_Start] = []
    interrupted: list[_Start] = []  # the list a restart broke off
    for i in range(lo, hi):
        read = _answer_numbers(lines[i], last, roman=roman, lettered=lettered)
        if read is None:
            continue
        numbers, rest = read
        follows = numbers[-1] <= last
        if (
            interrupted
            and follows
            and numbers[0] == interrupted[-1].numbers[-1] + 1
            and not (found and numbers[0] == found[-1].numbers[-1] + 1)
        ):
            # "3. The reasons recorded were:" / "1. gross misconduct" / "2. failing vetting" /
            # "4. 25 officers retired.": a list inside an answer, and the answers go on.
            found, interrupted = [*interrupted, _Start(i, numbers, rest)], []
        elif found and found[-1].numbers[-1] < numbers[0] and follows:
            found.append(_Start(i, numbers, rest))
        elif _opens_a_quotation(rest):
            continue  # "1. ‘Personal data shall be:" / "2. processed lawfully ...": the Act quoted
        elif numbers[0] == first or (
            len(numbers) == 1
            and not found
            and first < numbers[0] <= last
            and len(_words(rest) & _words(questions[numbers[0] - first][0])) >= 3
        ):
            # A list that starts again: the statute quoted under the answers ("(1) Information
            # which is not exempt ...") does not undo a longer list of answers above it.
            if len(found) > len(best):
                best = found
            interrupted, found = found, [_Start(i, numbers, rest)]
    found = found if len(found) >= len(best) else best
    return found if len(found) >= 2 else []


def _answer_numbers(
    line: str, count: int, *, roman: bool, lettered: str
) -> tuple[list[int], str] | None:
    """The questions a line of numbered answers starts an answer to, and the rest of the line:
    "2." is question 2; "1-3." is questions 1 to 3 (one answer to a run of them, where the run
    is within the request's ``count``), "3) & 4)" questions 3 and 4; "b)" or "II." where the
    request lettered or numbered its questions so (see ``_numbered_answers``)."""
    run = _RANGE_ANSWER.match(line)
    if run is not None and int(run.group(1)) < int(run.group(2)) <= count:
        return list(range(int(run.group(1)), int(run.group(2)) + 1)), run.group(3)
    pair = _TWO_ANSWERED.match(line)
    if pair is not None and int(pair.group(1)) < int(pair.group(2)) <= count:
        return [int(pair.group(1)), int(pair.group(2))], pair.group(3)
    m = _NUMBERED_ANSWER.match(line)
    if m is None and roman:
        m = _ROMAN_ANSWER.match(line)
    elif m is None and lettered == "A":
        m = LONE_LETTER.match(line)
    elif m is None and lettered:
        m = _LETTERED_ANSWER.match(line)
        if m is not None and line.startswith("(") != lettered.startswith("("):
            m = None  # "(a) the prevention of crime" quoted in an answer lettered "a)"
    if m is None:
        return None
    label = m.group(1).lower()
    if label.isdigit():
        n = int(label)
    elif roman:
        n = roman_value(label)
    else:
        n = ord(label) - 96
    return [n], m.group(2)


# --- NCND, tests, attachments -----------------------------------------------------------------

# (``_PIT_MENTION``) One public interest weighed against another, and what makes it the Act's.
_WEIGHED = (
    r"\bpublic\s+interest\s+(?:should|must|has\s+to|needs\s+to)\s+be\s+weighed\b|"
    r"\bweighed\s+against\s+(?:a|the|any)\s+(?:\w+\s+){0,3}?public\s+interest\b"
)
_OF_DISCLOSURE = r"(?:openness|transparency|disclos\w*|releas\w*|withh\w*|exempt\w*)\b"
_NO_TEST_NEEDED = re.compile(
    r"\b(?:no|not)\s+(?:a\s+)?(?:requirement|required|need|necessary|obliged)\b[^.]{0,60}?"
    r"\b(?:public\s+interest|harm)\b|\boutweighs?\s+any\s+public\s+interest\b",
    re.I,
)
# "is an absolute exemption and is not subject to the public interest test" and the like.
_NO_TEST_OTHER = re.compile(
    r"\bnot\s+subject\s+to\s+(?:a|the|any)\s+(?:public\s+interest|harm|prejudice)|"
    r"\b(?:does|do)\s+not\s+require\s+(?:a|the|any)\s+(?:public\s+interest|harm|prejudice)|"
    r"\b(?:public\s+interest|harm|prejudice)\s+test\s+(?:is\s+not\s+(?:required|needed|"
    r"necessary)|does\s+not\s+apply|is\s+not\s+applicable)",
    re.I,
)
_PIT_LINE = re.compile(
    r"public\s+interest|factors?\s+favouring|factors?\s+(?:for|against)\b|balanc(?:e|ing)\s+test|"
    r"considerations?\s+favouring",
    re.I,
)
_PIT_MENTION = re.compile(
    r"\bprejudice\s+test\s*/\s*public\s+interest\s+test\b|\(PIT\)|\bthis\s+PIT\b|"
    r"\b(?:complete|carry\s+out|carried\s+out|conduct|conducted|undertake|undertaken|perform)\w*"
    r"\s+(?:a|the)\s+(?:prejudice\s+test\s*/\s*)?public\s+interest\s+test|"
    r"\bfactors\s+favouring\b|\bpublic\s+interest\s+(?:considerations|factors)\b|"
    r"\b(?:requirement|required|need|obliged)\s+to\s+(?:consider|weigh)\s+the\s+public\s+interest\b|"
    r"\bbalanc(?:e|ing)\s+(?:the\s+)?public\s+interest|"
    # "there is a general public interest in openness, this public interest should be weighed
    # against a very strong public interest in safeguarding the security of Council specific
    # systems": the public interest in disclosure weighed, in one sentence (not a planning
    # decision's "the loss of trees was weighed against the wider public interest in delivering
    # the new school").
    rf"\b{_OF_DISCLOSURE}[^.]{{0,200}}?(?:{_WEIGHED})|(?:{_WEIGHED})[^.]{{0,200}}?{_OF_DISCLOSURE}",
    re.I,
)
# The test named, or its conclusion: "the public interest in maintaining the exemption
# outweighs ...", "the balance of the public interest", "considerations favouring disclosure".
_PIT_OTHER = re.compile(
    r"\bpublic\s+interest\s+test\b|\bbalance\s+of\s+(?:the\s+)?public\s+interest\b|"
    # "... however there is also substantial public interest in not prejudicing any public
    # organisation's ability to protect itself from cyber-crime".
    r"\bpublic\s+interest\s+in\s+(?:maintaining|withholding|non-disclosure|neither|not\s+"
    r"(?:disclosing|releasing|prejudicing|confirming|revealing|undermining))\b|"
    r"\bpublic\s+interest\s+(?:favours|lies)\b|\bconsiderations?\s+favouring\b",
    re.I,
)
# (Not an offence or a topic in a table: "(8F) Inflicting grievous bodily harm", "Self-harm".)
_HARM_LINE = re.compile(
    r"(?<!bodily )(?<!self-)(?<!self )\bharm(?:s|ful)?\b|\bprejudice\s+(?:test|caused)\b", re.I
)
_HARM_MENTION = re.compile(
    r"\b(?:the|any)\s+(?:potential\s+)?harm\s+(?:that|which)\s+(?:could|would|might|may)\b|"
    r"\bpotential\s+harm\b|\bevidence\s+of\s+harm\b|\bharm\s+(?:in|of)\s+(?:confirming|"
    r"disclos|releas)|"
    # "Disclosure ... could be used maliciously to impede our emergency response and cause real
    # harm": the harm a disclosure would do, argued.
    r"\b(?:could|would|might|may|likely\s+to)\s+(?:\w+\s+){0,12}?(?:cause|result\s+in|lead\s+to)\s+"
    r"(?:real|significant|serious|substantial|actual)?\s*harm\b|"
    # "By confirming or denying what information is held would likely undermine Law
    # Enforcement": the harm of an NCND argued, in a sentence of its own (not the Act's test
    # described: "... may neither confirm nor deny where confirming or denying would ...",
    # "Confirming or denying is not required where it would prejudice ..."; nor a factor
    # favouring it, "would assist the public in understanding ...", nor the personal data of
    # section 40(5), "would reveal personal data about the named officer").
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?:by\s+)?(?:confirming\s+or\s+denying|to\s+confirm\s+or\s+deny)\b"
    r"(?:(?!\b(?:where|if|unless|when)\b)[^.]){0,120}?"
    r"\b(?:would|could|might|is\s+likely\s+to)\s+(?:(?:likely|be\s+likely\s+to)\s+)?"
    r"(?:undermine|compromise|prejudice|hinder|damage|harm|jeopardi[sz]e|"
    r"(?:assist|aid)(?!\w*\s+(?:the\s+)?public\b)|"
    r"reveal(?![^.]{0,40}?\b(?:personal\s+(?:data|information)|commitment|openness|transparen)))\w*|"
    # "This knowledge would make those tactical options less effective and lead to the
    # endangerment of everyone involved", "Releasing the times would put officers at risk", "the
    # chain of events resulting from releasing this information could put individuals, and
    # authorities, at risk of criminal activity": the danger a disclosure would bring, argued.
    # The disclosure is what endangers, in a sentence that casts no doubt on it first: not a
    # policy's "any action which could put themselves at risk", "may include endangered
    # species", "We do not consider that disclosure would endanger anyone", "unlikely to", nor
    # the Act's test ("exempt if its disclosure would, or would be likely to, endanger").
    r"(?:^|(?<=[.!?]\s))(?:(?!\b(?:not|never|unlikely|no|if|where|whether)\b|n['’]t\b)"
    r"[^.;!?\n]){0,150}?\b(?:disclos(?:ure|ing)|releas(?:e|ing)|publi(?:shing|cation)|"
    r"revealing|providing|confirming|knowledge|(?:this|such|the\s+requested)\s+information)\b"
    r"(?:(?!\b(?:not|never|unlikely|or\s+would)\b|n['’]t\b)[^.;!?\n]){0,100}?"
    r"\b(?:could|would|might|may|likely\s+to)\s+(?:(?!not\b|never\b|unlikely\b)\w+\s+){0,12}?"
    r"(?:endanger(?!ed\s+(?:species|animals?|birds?|plants?|wildlife|habitats?)\b)\w*|"
    r"(?:lead\s+to|result\s+in|cause)\s+(?:the\s+)?endangerment|(?:put|place)\s+(?:[\w,]+\s+){1,5}?at\s+"
    r"(?:greater\s+|increased\s+|significant\s+|serious\s+)?risk|"
    # "it would leave the Council's computer assets more vulnerable to a malicious hacking attack"
    r"(?:make|leave|render)\s+(?:[\w'’,]+\s+){1,6}?(?:more|particularly|increasingly)\s+"
    r"vulnerable)\b|"
    # "If disclosed, this information could be used to identify ways of breaching our ICT
    # security measures, which would thereby put us at increased risk of cyber-attack": a risk a
    # disclosure makes greater, argued (not a policy's "any action which could put themselves at
    # risk", nor a road safety audit's "keeping it in its current position would put pedestrians
    # at greater risk").
    r"(?:^|(?<=[.!?]\s))[^.;!?\n]{0,150}?\b(?:disclos|releas|publish|reveal)\w*\b[^.;!?\n]{0,150}?"
    r"\b(?:would|could|will)\s+(?:thereby\s+|therefore\s+|also\s+)?put\s+(?:[\w’'-]+\s+){1,4}?at\s+"
    r"(?:an?\s+)?(?:increased|greater|higher|significant|serious|heightened)\s+risk\b|"
    # "Disclosure of the requested information could prejudice pending or future negotiations",
    # "Disclosure of the information requested would be likely to prejudice the commercial
    # activities of a third party".
    # "Release of this information would be detrimental to our commercial interests".
    r"\b(?:disclos(?:ure|ing)|releas(?:e|ing))\s+(?:of\s+)?(?:the|this|that|such)\s+"
    r"(?:requested\s+)?information\s+(?:requested\s+|you\s+(?:have\s+)?requested\s+)?"
    r"(?:could|would|may|might)\s+(?:(?!not\b|never\b)\w+\s+){0,3}?"
    r"(?:prejudice|harm|damage|undermine|compromise|be\s+detrimental|adversely\s+affect)\w*|"
    # "This is because disclosure would make it less likely for companies ... to provide
    # commercially sensitive information in the future and thus prejudicing the Authority's
    # ability to negotiate": the prejudice a disclosure would cause, argued in one sentence.
    # The effect comes first and leads on to the prejudice ("and thus", "thereby", "which would
    # in turn"): not the Act's test, quoted or described ("exempt if its disclosure would, or
    # would be likely to, in the opinion of the force, prejudice ..."), nor a prejudice denied
    # ("would not, having consulted ..., prejudice") or "without prejudice".
    r"\bdisclos(?:ure|ing)\s+(?:\w+\s+){0,3}?(?:would|could|might|is\s+likely\s+to)\b"
    r"(?!\s+not\b|\s+never\b|n['’]t\b)(?:(?!prejudic|\bnot\b|\bnever\b)[^.]){20,200}?"
    r"\b(?:and\s+(?:thus|thereby|so|in\s+turn)|thereby|which\s+would(?:\s+in\s+turn)?)\s+"
    r"(?:\w+\s+)?prejudic(?:e|es|ed|ing)\b",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\b(?:PIT|public\s+interest\s+test|prejudice\s+test)\b[^.]{0,40}?\b(?:attached|enclosed|"
    r"below|overleaf|appendix)\b|\bsee\s+appendix\b|\bthis\s+PIT\s+(?:attached|below)\b",
    re.I,
)
_ATTACHMENT_NAME = re.compile(
    r"\b[\w-]*(?:ATTACHMENT|_PIT|APPENDIX)[\w-]*(?:\.\w{2,4})?\b|\b[\w-]+\.(?:pdf|xlsx?|docx?|csv|"
    r"odt|ods|zip)\b|\(\s*(\d{2,6}[A-Z]?_\d{2,3})\s*\)",
)
_RIGHTS = re.compile(
    r"dissatisfied|unhappy|not\s+satisfied|complain|internal\s+review|appeal", re.I
)
_RIGHTS_WHERE = re.compile(r"review|information\s+commissioner|\bICO\b", re.I)
_ADVICE = re.compile(
    r"\b(?:refine|narrow|reduce)\w*\s+(?:or\s+\w+\s+)?(?:the\s+)?(?:scope\s+of\s+)?"
    r"(?:your|this|the)\s+(?:request|search)|\bnarrow\w*\s+(?:down\s+)?(?:your|the)\s+request|"
    r"\bwithin\s+the\s+(?:cost|appropriate)\s+limit\s+if\b|\bsection\s+16\b|\bs\.?\s?16\b",
    re.I,
)
# (Not from a group of a figure whose previous group starts a match the same: "1,111,111,..."
# would be read once from each of its groups, in time growing with the square of its length.)
_HOURS = re.compile(
    r"\b(?!(?<=,\d{3},)\d{3}(?!\d))(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:hours|hrs)\b", re.I
)
_STATUS = re.compile(
    r"^the\s+request\s+(?:was|is|has\s+been)\s+(?P<s>partially\s+successful|successful|refused|"
    r"(?:awaiting|waiting\s+for)\s+clarification|withdrawn|not\s+held|"
    r"information\s+not\s+held)",
    re.I | re.M,
)
_DID_NOT_HAVE = re.compile(
    r"^.{3,80}\bdid\s+not\s+have\s+the\s+information\s+requested\.?$", re.I | re.M
)
_STATUS_OUTCOME = {
    "successful": "disclosed",
    "partially successful": "partially_disclosed",
    "refused": "exempt",
    "awaiting clarification": "clarification_needed",
    "waiting for clarification": "clarification_needed",
    "not held": "not_held",
    "information not held": "not_held",
}

# Only tried when one of these words is on the page (see ``Cue``).
_PIT_MENTION = Either(
    Cue(_PIT_MENTION, "public interest", "pit", "factors", "balanc"),
    Cue(
        _PIT_OTHER,
        "public interest test",
        "balance of",
        "public interest in ",
        "public interest favours",
        "public interest lies",
        "favouring",
    ),
)
_HARM_MENTION = Cue(
    _HARM_MENTION, "harm", "disclos", "releas", "endanger", "risk", "confirming", "confirm or"
)
_ELSEWHERE = Cue(_ELSEWHERE, "pit", "public interest", "prejudice test", "appendix")
_ATTACHMENT_NAME = Cue(
    _ATTACHMENT_NAME,
    "attachment",
    "_pit",
    "appendix",
    ".pdf",
    ".xls",
    ".doc",
    ".csv",
    ".od",
    ".zip",
    "_",
)
_RIGHTS = Cue(_RIGHTS, "satisfied", "unhappy", "complain", "internal review", "appeal")
_ADVICE = Cue(_ADVICE, "refine", "narrow", "reduce", "within the", "16")
_HOURS = Cue(_HOURS, "hour", "hrs")
_STATUS = Cue(_STATUS, "the request")
_DID_NOT_HAVE = Cue(_DID_NOT_HAVE, "did not have")
_STATUTE_QUOTE = Cue(_STATUTE_QUOTE, "relying on")
_NO_TEST_NEEDED = Either(
    Cue(_NO_TEST_NEEDED, "public interest", "harm"),
    Cue(_NO_TEST_OTHER, "not subject to", "not require", "test is not", "test does not"),
)


_WRAPPED = re.compile(r"(?<=[a-z,])\n(?=[a-z])")


def _tests_present(response_lines: list[str], response: str) -> tuple[bool, bool]:
    """Whether harm and public interest reasoning appear (a heading or the test named)."""
    # A sentence wrapped over two lines is one sentence ("... no requirement to consider the" /
    # "public interest in this case.").
    response = _WRAPPED.sub(" ", response)
    low = response.lower()
    if not any(
        w in low
        for w in (
            "public interest",
            "pit",
            "factor",
            "balanc",
            "harm",
            "consideration",
            "prejudic",
            "damag",
            "undermin",
            "compromis",
            "detriment",
            "adversely",
            "endanger",
            "risk",
            "vulnerab",
            "confirming or denying",
        )
    ):
        return False, False
    kept = " ".join(s for s in sentences(response) if not _NO_TEST_NEEDED.search(s))
    headings = [x for x in response_lines if x and len(x) <= 90 and not x.endswith(".")]
    pit = any(_PIT_LINE.search(h) for h in headings) or bool(_PIT_MENTION.search(kept))
    harm = any(_HARM_LINE.search(h) for h in headings) or bool(_HARM_MENTION.search(kept))
    return pit, harm


def _reasoning(lines: list[str]) -> Reasoning:
    """Paragraphs under the harm, factor and balance headings, for the checker's tests."""
    buckets: dict[str, list[str]] = {"harm": [], "for": [], "against": [], "balance": []}
    current: str | None = None
    for line in lines:
        if not line:
            continue
        if len(line) <= 120 and not line.endswith("."):
            low = line.lower()
            if "harm" in low and _HARM_LINE.search(line):
                current = "harm"
                continue
            if re.search(r"against|not\s+(?:complying|disclos|confirm)|non-disclosure", low) and (
                "factor" in low or "consideration" in low
            ):
                current = "against"
                continue
            if "factor" in low or "in favour" in low or "favouring" in low:
                current = "for"
                continue
            if "balanc" in low:
                current = "balance"
                continue
            if _REASONING_HEADING.match(line) or heads_the_whole_response(line):
                current = None
                continue
        if current:
            buckets[current].append(line)
    return Reasoning(
        harm=tuple(buckets["harm"]),
        factors_for=tuple(buckets["for"]),
        factors_against=tuple(buckets["against"]),
        balance=tuple(buckets["balance"]),
    )


# --- Putting it together ----------------------------------------------------------------------


@dataclass(slots=True)
class _Answer:
    numbers: list[int]
    text: str
    found: str
    partners: tuple[int, ...] = ()  # questions sharing this answer without being named in it


_STOPWORD_TEXT = """
a an the of to for in on at by and or with from this that these those your you our we i
it its is are was were be been has have had will would could can may please provide
provided information data number numbers question questions response request any all
each per as which what how many much who when where whether if there their they them not
unable able also such than then other same
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", text.lower())} - _STOPWORDS


def _only_restates(body: str, asked: Sequence[str]) -> bool:
    """Whether an answer's text is only its question said again (five words or more, no word or
    figure of its own): the response set the question out and answered it below, with the
    next one."""
    said = _simple(body).split()
    if len(set(said)) < 5 or not asked:
        return False
    # Given back, it begins as the question begins ("The council holds a contract with ..."
    # for "Please confirm whether the council holds ..." is an answer).
    begins = any(_simple(q).split()[:5] == said[:5] for q in asked)
    return begins and set(said) <= set(_simple(" ".join(asked)).split())


def _own_part(text: str, mine: str, others: Sequence[str]) -> str:
    """From an answer shared by several questions, drop the refusals that are about another.

    "Q2: the positions of the cameras ... Q3: the outcomes ..." answered together with "Please
    see the table ... we are unable to provide the position of these cameras": the refusal
    repeats question 2's words, so question 3's answer is the table alone.
    """
    if not others:
        return text
    mine_words = _words(mine)
    other_words = [_words(o) for o in others]
    kept: list[str] = []
    for line in text.split("\n"):
        parts = []
        for sentence in SENTENCE_END.split(line):
            if refuses(sentence):
                words = _words(sentence)
                own = len(words & mine_words)
                best = max(len(words & w) for w in other_words)
                if best >= 2 and best > own:
                    continue
            parts.append(sentence)
        kept.append(" ".join(parts))
    return "\n".join(kept)


def _empty_join_next(pieces: list[_Answer]) -> None:
    """An empty answer is given together with the next one ("Q2" then "Q3 ... table"): it takes
    that answer's text, and each names the other as its partner."""
    for k in range(len(pieces) - 2, -1, -1):
        if not re.search(r"\w", pieces[k].text) and re.search(r"\w", pieces[k + 1].text):
            others = ", ".join(str(n) for n in pieces[k + 1].numbers)
            pieces[k] = _Answer(
                pieces[k].numbers,
                pieces[k + 1].text,
                f"answered with question {others}",
                tuple(pieces[k + 1].numbers),
            )
            pieces[k + 1].partners = (*pieces[k + 1].partners, *pieces[k].numbers)


def _answers(
    lines: list[str],
    lo: int,
    hi: int,
    questions: Sequence[tuple[str, str]],
    *,
    lettered: str = "",
    items: Mapping[int, Sequence[int]] | None = None,
) -> tuple[dict[int, _Answer], str]:
    """Each question's answer text within ``lines[lo:hi]``, and the text before the first."""
    starts = _segment_starts(lines, lo, hi, questions, lettered=lettered, items=items)
    preamble = "\n".join(lines[lo : starts[0].line if starts else hi]).strip()
    pieces: list[_Answer] = []
    for k, start in enumerate(starts):
        end = starts[k + 1].line if k + 1 < len(starts) else hi
        body = "\n".join([start.rest, *lines[start.line + 1 : end]]).strip()
        asked = [questions[n - 1][0] for n in start.numbers if n <= len(questions)]
        if _only_restates(body, asked):
            body = ""  # "1. Supply copies of all documents ...": the question, given back
        pieces.append(_Answer(start.numbers, body, "own answer"))
    _empty_join_next(pieces)
    found: dict[int, _Answer] = {}
    for piece in pieces:
        for n in piece.numbers:
            if n in found:
                found[n] = _Answer(
                    [n], f"{found[n].text}\n{piece.text}".strip(), found[n].found, found[n].partners
                )
            else:
                found[n] = _Answer([n], piece.text, piece.found, piece.partners)
    return found, preamble


_PART_LABEL = re.compile(r"^(?:\(?(\d{1,2})[.)]\s*)?(\d{1,2})\s?([a-h])[.)]?\s+(?=\S)", re.I)
_PART_ONLY = re.compile(r"^\(?([a-h])[.)]\s+(?=\S)")
_NUMBER_ONLY = re.compile(r"^\(?(\d{1,2})[.)]\s+(?=\S)")


def _part_labels(request_text: str, questions: Sequence[tuple[str, str]]) -> list[str]:
    """Each question's own label in the request when the request letters its parts ("1a How
    many ...", "3. ... a) The total paid"): "1", "1a", "3a"; or when its numbers skip ("1.",
    "2.", "3.", "5.", "6.": a response that names "question 5" means the fourth question).
    Empty unless every question has one, and some are lettered or the numbers skip."""
    seen: list[tuple[str, str]] = []  # (how the part begins, its label), in order
    number = ""
    for raw in request_text.split("\n"):
        line = raw.strip()
        if m := _PART_LABEL.match(line):
            number = m.group(2)
            seen.append((line[m.end() :][:30].lower(), f"{m.group(2)}{m.group(3).lower()}"))
        elif (m := _NUMBER_ONLY.match(line)) and not _PART_LABEL.match(line[m.end() :]):
            number = m.group(1)
            seen.append((line[m.end() :][:30].lower(), number))
        elif (m := _PART_ONLY.match(line)) and number:
            seen.append((line[m.end() :][:30].lower(), f"{number}{m.group(1).lower()}"))
    labels: list[str] = []
    at = 0
    for text, _ in questions:
        begins = _PART_LABEL.sub("", text.strip())[:30].lower()
        k = next((k for k in range(at, len(seen)) if seen[k][0] == begins), None)
        if k is None:
            return []
        labels.append(seen[k][1])
        at = k + 1
    lettered = any(not label.isdigit() for label in labels)
    skipping = not lettered and labels != [str(n) for n in range(1, len(labels) + 1)]
    return labels if (lettered or skipping) and len(set(labels)) == len(labels) else []


def _lead_in_groups(questions: Sequence[tuple[str, str]]) -> dict[int, list[int]]:
    """The request's items where each led in to its parts ("In total, how many children ...:"
    over "moved placement" and "became looked after"; ``splitting._parts_of_a_lead_in``): the
    questions that share a lead-in ending with a colon, in order, as ``_items`` gives them. An
    answer numbered "1." then answers the first item's parts. Empty unless every question has
    such a lead-in and some item has two or more parts."""
    items: dict[int, list[int]] = {}
    previous = None
    for number, (_, context) in enumerate(questions, start=1):
        if not context.rstrip().endswith(":"):
            return {}
        if context != previous:
            items[len(items) + 1] = []
            previous = context
        items[len(items)].append(number)
    return items if 1 < len(items) < len(questions) else {}


def _item_of(label: str) -> int:
    """The request's item number of a part label: "2a" -> 2, "3" -> 3."""
    return int(label.rstrip("abcdefgh"))


def _items(labels: Sequence[str]) -> dict[int, list[int]]:
    """The request's item numbers and the questions each became: ["1", "2a", "2b", "3"] ->
    {1: [1], 2: [2, 3], 3: [4]}. Empty unless the labels run on from one number in order, each
    item's parts together: from 1, or from a later number where the page lost the request's top
    ("2.", "3.", "4." the first items shown)."""
    numbers = [_item_of(label) for label in labels]
    if numbers != sorted(numbers):
        return {}
    items: dict[int, list[int]] = {}
    for question, number in enumerate(numbers, start=1):
        items.setdefault(number, []).append(question)
    first = numbers[0] if numbers else 1
    return items if list(items) == list(range(first, first + len(items))) else {}


# "Question 1a", "Questions 2 a, b and d, and question 3 a, b and d", "Question 2 c & 3 c".
_LABELLED_ANSWER = re.compile(
    r"^(?:in\s+(?:relation|response)\s+to\s+)?questions?\s*(?P<refs>\d{1,2}(?:\s?[a-h]\b)?"
    r"(?:[\s,&]+(?:and\s+)?(?:questions?\s*)?(?:\d{1,2}(?:\s?[a-h])?\b|[a-h]\b))*)\)?\s*"
    r"[.:|\-–]?\s*(?P<rest>.*)$",
    re.I,
)


def _labelled_refs(refs: str) -> list[str]:
    """ "2 a, b and d, and question 3 a" -> ["2a", "2b", "2d", "3a"]; "1" -> ["1"]."""
    out: list[str] = []
    number = ""
    lettered = False
    for token in re.findall(r"\d{1,2}|(?<![a-z])[a-h]\b", refs.lower()):
        if token.isdigit():
            if number and not lettered:
                out.append(number)
            number, lettered = token, False
        elif number:
            out.append(f"{number}{token}")
            lettered = True
    if number and not lettered:
        out.append(number)
    return out


def _answers_by_label(
    lines: list[str], lo: int, hi: int, labels: Sequence[str]
) -> tuple[dict[int, _Answer], int]:
    """Answers headed by the request's own part labels, each running to the next such heading,
    keyed by question number, and the line of the first heading. Empty unless two or more such
    headings are found."""
    position = {label: n for n, label in enumerate(labels, start=1)}
    heads: list[tuple[int, list[int], str]] = []
    for i in range(lo, hi):
        m = _LABELLED_ANSWER.match(lines[i])
        if m is None:
            continue
        numbers = [position[x] for x in _labelled_refs(m.group("refs")) if x in position]
        if numbers:
            heads.append((i, numbers, m.group("rest")))
    if len(heads) < 2:
        return {}, hi
    return _under_heads(lines, heads, hi, "own answer, by its label"), heads[0][0]


def _under_heads(
    lines: list[str], heads: Sequence[tuple[int, Sequence[int], str]], hi: int, found: str
) -> dict[int, _Answer]:
    """The answer under each heading, to the next heading (or ``hi``), for each question the
    heading names; ``heads`` are (the heading's line, the questions, its own text after them)."""
    answers: dict[int, _Answer] = {}
    for k, (i, numbers, rest) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else hi
        body = "\n".join([rest, *lines[i + 1 : end]]).strip()
        for n in numbers:
            answers[n] = _Answer([n], body, found)
    return answers


# Fewer words than this at the end of a page cut short, opening with a word that carries a
# sentence on, are a fragment, not an answer.
_FRAGMENT_WORDS = 3
_CARRIES_ON = re.compile(
    r"(?:for|in|of|to|the|a|an|and|with|on|at|by|from|regarding|relating|about|as|or|which|that)\b",
    re.I,
)


# "I have today decided to disclose the located information to you in full": an opening
# decision that covers the questions whose answers are not on the page.
_IN_FULL = re.compile(
    r"\b(?:disclos|releas|provid|supply|supplie)\w*\s+(?:(?:all|the)\s+)?(?:\w+\s+)?"
    r"information\s+(?:requested\s+)?(?:to\s+you\s+)?in\s+full\b",
    re.I,
)
# A disclosure log's own record of how the request ended: its decision field ("Decision:
# Disclosed", "Outcome: Information Provided") or the outcome its document list gives the
# response ("Response (not held) - application/pdf - Download"). The listed document is also
# the response attached.
_LOG_DOCUMENT = re.compile(r"\bresponse\s+\((?P<tag>[^)]{1,60})\)\s*-\s*application/", re.I)
_LOG_DECISION = Cue(
    re.compile(
        r"(?im)^(?:decision|outcome)\s*:\s*(?P<field>[^\n]{1,40}?)\s*$|"
        # The field's value alone on its line, as some logs print it (``_DECISION_VALUE``).
        rf"^{_DECISION_VALUE}$|" + _LOG_DOCUMENT.pattern
    ),
    "decision",
    "outcome",
    "disclosure",
    "refusal",
    "application/",
)
_LOG_DECISION_OUTCOME = (
    (
        re.compile(r"disclosed|full disclosure|information provided|all (?:the )?information\b.*"),
        "disclosed",
    ),
    (
        re.compile(
            r"partial(?:ly)? disclos\w*|part disclosure|(?:some|part(?:ial)?) (?:of the )?"
            r"information\b.*"
        ),
        "partially_disclosed",
    ),
    (re.compile(r"full refusal"), "exempt"),
    (re.compile(r"(?:information )?not held"), "not_held"),
)
# A refusal field that names its ground: "Full Refusal Section 12 - Cost of Compliance" is a
# refusal on cost, "Full Refusal Section 14 Vexatious" of a vexatious request, not an exemption.
_LOG_REFUSAL_GROUNDS = (
    (re.compile(r"\b(?:section|s)\s*12\b|\bcost\b", re.I), "cost_limit_s12"),
    (re.compile(r"\b(?:section|s)\s*14\b|\bvexatious\b", re.I), "vexatious_s14"),
)


def _logged_outcome(text: str) -> str | None:
    """The outcome the disclosure log records for the whole request, if it records one."""
    for m in _LOG_DECISION.finditer(text):
        words = m.group("field") or m.group("bare") or m.group("tag")
        words = re.sub(r"\s+", " ", words.strip().lower())
        if words.endswith("refusal") and m.group("grounds"):
            for pattern, outcome in _LOG_REFUSAL_GROUNDS:
                if pattern.search(m.group("grounds")):
                    return outcome
        for pattern, outcome in _LOG_DECISION_OUTCOME:
            if pattern.fullmatch(words):
                return outcome
    return None


_EMPTY_REQUEST = re.compile(
    r"(?im)^(?:request|information\s+requested)\s*:?[ \t]*\n(?:[ \t]*\n)*(?:response|answer)\b"
)
_RESPONSE_N = re.compile(
    r"^(?:response|answer)s?\s*(?P<list>\d{1,2}[a-h]?(?:\s*(?:&|and|,)\s*\d{1,2}[a-h]?)*)\s*[:.]?"
    r"\s*(?P<rest>.*)$",
    re.I,
)


def _headed_responses(lines: list[str], lo: int, hi: int) -> tuple[dict[int, _Answer], list[str]]:
    """Answers under "Response 1:", "Response 2 & 3:", "Response 1a and 1b:" ..., keyed by the
    questions' places in order, and the label of each place ("1a", "1b", "2"); empty when the
    response is not set out so."""
    found = [
        (i, _labelled_refs(m.group("list")), m.group("rest"))
        for i in range(lo, hi)
        if (m := _RESPONSE_N.match(lines[i]))
    ]
    named = [label for _, refs, _ in found for label in refs]
    # The headings run in order, each part once: "Response 1" / "Response 1" is not this.
    if not named or _item_of(named[0]) != 1 or named != sorted(set(named), key=_part_order):
        return {}, []
    # "Response 1 & 3:" answers questions 1 and 3 of three; "Response 1a and 1b:" / "Response 2:"
    # answers three questions, 1a, 1b and 2.
    labels = [
        label
        for item in range(1, _item_of(named[-1]) + 1)
        for label in ([x for x in named if _item_of(x) == item] or [str(item)])
    ]
    place = {label: n for n, label in enumerate(labels, start=1)}
    heads = [(i, [place[label] for label in refs], rest) for i, refs, rest in found]
    return _under_heads(lines, heads, hi, "own answer"), labels


def _part_order(label: str) -> tuple[int, str]:
    """ "1a" -> (1, "a"): the order of part labels on a page."""
    return _item_of(label), label.lstrip("0123456789")


def _late_answers(
    lines: list[str], cut: int, count: int, answers: dict[int, _Answer]
) -> dict[int, _Answer]:
    """Answers given after the reasoning of an earlier one ("2. ... exempt" then the public
    interest test, then "3. No information is held"): a later question named at the start of
    a line ("Q3 -", "Question 3:"), or the next number of a numbered answer list, up to the next
    reasoning heading."""
    found: dict[int, _Answer] = {}
    expected = max(answers) + 1
    numbered = sorted(answers) == list(range(1, expected))
    i = cut
    while i < len(lines) and expected <= count:
        line = lines[i]
        m = _QREF_START.match(line)
        nums = [n for n in _numbers(m.group("list")) if n <= count] if m else []
        rest = line[m.end() :] if m else ""
        if not nums and numbered:
            b = _NUMBERED_ANSWER.match(line)
            if b is not None and int(b.group(1)) == expected:
                nums, rest = [expected], b.group(2)
        if not nums or any(n in answers or n in found for n in nums) or min(nums) < expected:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not _is_reasoning_heading(lines[end]):
            nxt = _QREF_START.match(lines[end]) or _NUMBERED_ANSWER.match(lines[end])
            if nxt is not None and (
                not numbered
                or lines[end][:1].lower() == "q"
                or (nxt.re is _NUMBERED_ANSWER and int(nxt.group(1)) == max(nums) + 1)
            ):
                break
            end += 1
        body = "\n".join([rest, *lines[i + 1 : end]]).strip()
        for n in nums:
            found[n] = _Answer([n], body, "own answer, after the reasoning")
        expected = max(nums) + 1
        i = end
    return found


def _response_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if heads_the_whole_response(line):
            return i + 1
    return 0


# The requester's rights, printed after the answers: "If you are dissatisfied with the way in
# which the council have managed your request ...", "You have the right to request a review".
_COMPLAINT_RIGHTS = re.compile(
    r"^(?:if\s+you\s+are\s+(?:dis|un|not\s+)(?:satisfied|happy)\b|you\s+(?:have\s+the\s+right|"
    r"are\s+entitled|may|can)\s+(?:to\s+)?(?:request|ask\s+for|seek)\s+(?:an?\s+)?(?:internal\s+)?"
    r"review\b)",
    re.I,
)


def _reasoning_cut(lines: list[str], lo: int) -> int:
    """Where the answers from line ``lo`` end (``_reasoning_cuts``)."""
    return _reasoning_cuts(lines)(lo)


def _reasoning_cuts(lines: list[str]):
    """Where the answers end, from any starting line of one page: at the first heading of the
    reasoning, or at the paragraph on the requester's right to complain once something else has
    been said, after which nothing answers the request. The page is read once; an interleaved
    page of thousands of questions asks once for each."""
    headings = [i for i, line in enumerate(lines) if _is_reasoning_heading(line)]
    rights = [i for i, line in enumerate(lines) if _COMPLAINT_RIGHTS.search(line)]
    filled = [i for i, line in enumerate(lines) if re.search(r"\w", line)]
    end = len(lines)

    def cut(lo: int) -> int:
        k = bisect.bisect_left(headings, lo)
        heading = headings[k] if k < len(headings) else end
        k = bisect.bisect_left(filled, lo)
        said = filled[k] if k < len(filled) else end
        k = bisect.bisect_right(rights, said)
        complaint = rights[k] if k < len(rights) else end
        return min(heading, complaint)

    return cut


def _page_citations(
    cite: _Citations, lines: list[str], response_lo: int, summary: str = ""
) -> list[str]:
    """The provisions the response cites: those of the decision (with ``summary``, a summary
    of the answer printed above the request), and those of the reasoning (harm, public
    interest) for sections the decision does not name.

    The reasoning often restates a section the decision cited in full, loosely ("Section 30 (1)
    (2) ... prevents it" after "Section 30 (1) (a) (b) Investigations"): the restatement cites
    nothing new.
    """
    cut = _reasoning_cut(lines, response_lo)
    # The same text as the whole-request decision in ``extract``, so ``cite`` remembers it.
    decision = cite("\n".join(lines[response_lo:cut]).strip())
    # The summary's "Sections 31, 38 and 40" is covered by the body's "Section 31(1)(g)".
    decision += [c for c in cite(summary) if not any(d.startswith(c) for d in decision)]
    # The section of "s31(1)(a)" is "s31".
    named = {c.partition("(")[0] for c in decision}
    reasoning = cite("\n".join(lines[cut:]))
    # "pursuant to Section 31 (Law Enforcement)" / "Section 31(1) is a prejudice-based
    # qualified exemption": the reasoning names the subsection the decision relied on. (Several
    # subsections there are the Act quoted, not a refinement.)
    refined: dict[str, str] = {}
    for c in decision:
        if "(" not in c and not any(d.startswith(c + "(") for d in decision):
            subsections = [r for r in reasoning if r.startswith(c + "(")]
            if len(subsections) == 1:
                refined[c] = subsections[0]
    decision = [refined.get(c, c) for c in decision]
    extra = [c for c in reasoning if c.partition("(")[0] not in named]
    merged = decision + [c for c in extra if not any(d.startswith(c) for d in decision)]
    if extra or summary:
        merged = sorted(merged, key=lambda c: corpus_cite(c).sort_key())
    # "Under Section 14 of the Act ... Section 14(1) which provides": the section of the Act
    # named, then the subsection relied on; the subsection is the citation. A section withheld
    # under by itself ("withheld under section 30", beside "section 30(2)(a)") stays.
    text = "\n".join(lines[response_lo:])
    return [
        c
        for c in merged
        if "(" in c
        or not any(d.startswith(c + "(") for d in merged)
        or not re.search(rf"\bsection\s+{c[1:]}\s+of\s+the\b", text, re.I)
    ]


def _exemptions_for(outcome: str | None, cites: list[str], fallback: list[str]) -> tuple[str, ...]:
    if outcome is None or outcome not in _REFUSALS:
        return ()
    return tuple(cites or fallback)


_GOODWILL = re.compile(r"\bgoodwill\b", re.I)
_COST_SENTENCE = re.compile(r"\bexceed|\blimit\b|\bhours\b", re.I)


def _goodwill_answered(response: str, count: int) -> set[int]:
    """Questions answered under a cost refusal of the whole request: one a sentence of its own
    gives figures for ("... who advised that for question 1 there are currently 2,109 subjects
    ..."), and those answered "as a gesture of goodwill" that the refusal does not name when it
    names some ("to locate ... questions 2, 3 and 4 would exceed")."""
    if count < 2:
        return set()
    given = {
        numbers[0]
        for sentence in sentences(response)
        if len(numbers := [n for n in _named(sentence) if n <= count]) == 1
        and not _COST_SENTENCE.search(sentence)
        and not refuses(sentence)
        and has_figures(sentence)
    }
    if not _GOODWILL.search(response):
        return given
    named: set[int] = set()
    for sentence in sentences(response):
        if _COST_SENTENCE.search(sentence):
            named.update(n for n in _named(sentence) if n <= count)
    if not named or len(named) >= count:
        return given
    return given | (set(range(1, count + 1)) - named)


_SINGLED_OUT = frozenset(
    {"not_held", "ncnd", "exempt", "reasonably_accessible_s21", "future_publication_s22", "other"}
)


#: How much of a question's wording a refusal must quote to be about all of it.
_QUOTED = 0.7


# "Question 3 I have exempted this owing to S.40": the question named withheld whole.
_WHOLE_QUESTION_EXEMPTED = re.compile(
    r"^(?:in\s+relation\s+to\s+|regarding\s+|for\s+)?questions?\s+\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*"
    r"\s*[,:.\-–]?\s*(?:I|we)\s+have\s+(?:exempted|withheld)\s+(?:this|these|it|them)\b"
    # (Not "... withheld these details only where fewer than five officers are involved".)
    r"(?![^.]*\b(?:only|some|part|partly|where|except)\b)",
    re.I,
)
_THE_OTHERS = re.compile(r"\b(?:remainder|rest|remaining|other\s+questions)\b", re.I)
_CAN_ANSWER_NAMED = re.compile(
    r"\b(?:can|could|(?:is|are)\s+able\s+to)\s+(?:supply|provide|give|answer)\s+(?:the\s+)?"
    r"(?:information\s+)?(?:for\s+|to\s+)?(?:questions?|q)\s*\.?\s*\d",
    re.I,
)


def _singled_out(
    decision: str, questions: Sequence[str], whole_outcome: str | None
) -> dict[int, str]:
    """Questions a whole-request response answers differently in a sentence of their own
    ("Also in relation to question 4 we do not hold conviction data"): that sentence's outcome
    is theirs when it is a refusal of another kind than the response's.

    In a response that gives some of what was asked and refuses the rest
    (``partially_disclosed``), a refusal that names no question goes to the one question whose
    words it repeats ("... does not record the cost of attending hoaxes" for "the estimated
    cost of attending these hoaxes"); once the refused questions are known, the others are the
    ones answered, so they are ``disclosed``."""
    out: dict[int, str] = {}
    count = len(questions)
    if count < 2:
        return out
    asked = [_words(q) for q in questions]
    said = sentences(decision)
    given: set[int] = set()
    for k, sentence in enumerate(said):
        numbers = {n for n in _named(sentence) if 1 <= n <= count}
        if len(numbers) == count or (
            not numbers and (whole_outcome != "partially_disclosed" or not refuses(sentence))
        ):
            continue
        if (
            whole_outcome == "partially_disclosed"
            and _DISCLOSES_NAMED.search(sentence)
            and not refuses(sentence)
            and not _NOT_GIVEN.search(sentence)
        ):
            # "I have today decided to disclose information for Question One (1) and Two (2).":
            # those are answered in full; which of the others is refused is not said.
            given |= numbers
            continue
        if numbers and _CAN_ANSWER_NAMED.search(sentence) and _THE_OTHERS.search(sentence):
            # "Although they can supply the information for Q1, they do not hold the
            # information for the remainder of their request": the refusal is of the others.
            continue
        outcome = classify(sentence, (), whole=True)
        if (
            outcome == "exempt"
            and k + 1 < len(said)
            and classify(said[k + 1], (), whole=True) == "ncnd"
        ):
            # "This letter represents a Refusal Notice for question 6 ..." / "We neither
            # confirm nor deny ...": the refusal is the one the next sentence gives.
            outcome = "ncnd"
        # "... therefore the following will not be included:" / "(f) If the property is empty
        # that date it became empty": the refusal quotes the question it is about.
        quoted = False
        if not numbers and whole_outcome == "partially_disclosed" and outcome in _SINGLED_OUT:
            quoted = sentence.endswith(":") and k + 1 < len(said)
            numbers = _repeats_one(said[k + 1] if quoted else sentence, asked)
        if not numbers:
            continue
        if quoted:
            # The quotation is the whole question, or only some of what it asks ("Name of the
            # officer, date the misconduct took place ..."): then that question is the one
            # partly answered.
            (number,) = numbers
            asks = asked[number - 1] - _ANSWERING_WORDS
            whole = len(asks & _words(said[k + 1])) >= _QUOTED * len(asks)
            out[number] = outcome if whole else "partially_disclosed"
            continue
        if (
            outcome == "exempt"
            and whole_outcome == "partially_disclosed"
            and not _WHOLE_QUESTION_EXEMPTED.search(sentence)
        ):
            continue  # the withheld part of a partial disclosure, not all of the answer
        if outcome in _SINGLED_OUT and outcome != whole_outcome:
            out.update(dict.fromkeys(numbers, outcome))
    # "... neither confirm nor deny any other information": the others stay partly disclosed
    # (the corpus convention), so they are not filled in.
    other_ncnd = bool(NCND.search(decision) and NCND_PARTIAL.search(decision))
    if out and whole_outcome == "partially_disclosed" and len(out) < count and not other_ncnd:
        for number in range(1, count + 1):
            out.setdefault(number, "disclosed")
    for number in given:
        out.setdefault(number, "disclosed")
    return out


# A decision naming the questions it answers in full: "I have today decided to disclose
# information for Question One (1) and Two (2)", "we are able to provide the information for
# questions 1 and 3"; not "unable to", "cannot" or "not".
_DISCLOSES_NAMED = re.compile(
    r"\b(?:disclose|provide|release|supply)\s+(?:the\s+)?(?:requested\s+|recorded\s+)?"
    r"information\s+(?:for|to|in\s+(?:response|relation)\s+to)\s+(?:questions?|q)\b",
    re.I,
)
_NOT_GIVEN = re.compile(r"\b(?:not|unable|cannot|can['’]t|no\s+longer)\b", re.I)


def _without_others_footnote(text: str) -> str:
    """An answer less a footnote that explains other answers' marked figures ("Not held." /
    "* The low numbers ... have been redacted and marked with <5 instead. This response is
    exempt under Section 38(1)(b)"), when nothing in the answer itself carries the mark."""
    m = _FOOTNOTE.search(text)
    if m is None:
        return text
    own = text[: m.start()]
    # The footnote's line follows a row of the table, and the answer's own cells carry no mark
    # ("*", "<5") that it explains.
    if "|" not in own.rstrip().rsplit("\n", 1)[-1] or "*" in own or _SMALL_NUMBER_MARK.search(own):
        return text
    return own.rstrip()


# A footnote on figures marked "*", on a line of its own after a table: "* The low numbers ...
# have been redacted and marked with <5 instead." (not an answer bulleted with "*").
_FOOTNOTE = re.compile(
    r"(?m)^\*\s*[^\n]*?\b(?:marked|denoted|replaced|redacted|suppressed|low\s+numbers)\b"
)
_SMALL_NUMBER_MARK = re.compile(r"<\s?\d\b")


def _without_others(text: str, number: int, refused: Mapping[int, str]) -> str:
    """An answer less its refusals of other questions ("2. No." / "... the information
    requested in questions 1-5 is exempt ..."): sentences that refuse only questions other
    than ``number``, each of them one the response answers by naming (``refused``). A pointer
    such as "see the response to question 1" stays."""

    def about_others(sentence: str) -> bool:
        named = {n for n in _named(sentence) if n in refused}
        return bool(named) and number not in named and refuses(sentence)

    return drop_sentences(text, about_others)


_EXCEPT = re.compile(
    rf"\bexcept(?:ing)?\s+(?:for\s+)?(?:questions?|q)\s*\.?\s*(?P<list>{_QLIST})", re.I
)


def _sentences_naming_questions(text: str) -> list[str]:
    """The sentences of ``text`` that name a question ("questions 1-5"), in order, cut as
    ``sentences`` cuts them; only the lines that name one are cut."""
    return [
        sentence
        for line in text.split("\n")
        if _QREF_ANYWHERE.search(line)
        for sentence in SENTENCE_END.split(line)
        if _QREF_ANYWHERE.search(sentence)
    ]


def _named_refusals(response: str, count: int) -> dict[int, str]:
    """Questions a refusal names in a sentence of its own ("the information requested in
    questions 1-5 is exempt from disclosure under Section 31(1)(a)"): that sentence's outcome,
    for the questions it names. A sentence naming every question is the whole response's."""
    out: dict[int, str] = {}
    for sentence in _sentences_naming_questions(response):
        numbers = {n for n in _named(sentence) if 1 <= n <= count}
        if not numbers or len(numbers) == count or not refuses(sentence):
            continue
        outcome = classify(sentence, (), whole=True)
        if outcome in _SINGLED_OUT:
            for n in numbers:
                out.setdefault(n, outcome)
    return out


# Words of the refusal itself or of the authority's name, not of what was asked.
_ANSWERING_WORDS = _words(
    "record recorded hold held information data provide request collate retrieve force "
    "council trust service police constabulary authority department"
)


def _repeats_one(sentence: str, asked: Sequence[set[str]]) -> set[int]:
    """The one question whose words a sentence repeats, as a set of its number; empty when none
    stands out. Words every question uses ("fire alarms in schools") say little, so each shared
    word counts by how few questions use it; the best must share three words or more and
    count half as much again as the next."""
    said = _words(sentence) - _ANSWERING_WORDS
    used = Counter(w for words in asked for w in words)
    weight = {w: math.log(len(asked) / n) for w, n in used.items()}
    scores = sorted(
        (
            (sum(weight[w] for w in said & words), len(said & words), n)
            for n, words in enumerate(asked, start=1)
        ),
        reverse=True,
    )
    best, runner_up = scores[0], scores[1]
    if best[1] >= 3 and best[0] > 0 and best[0] >= 1.5 * runner_up[0]:
        return {best[2]}
    return set()


# "1. Do you have a full-time climate officer? Yes/No": the requester's form for the answer,
# left after the question, is no answer.
_ANSWER_TEMPLATE = re.compile(
    r"^(?:yes\s*/\s*no|y\s*/\s*n|yes\s+or\s+no)[ \t]*[.?]?[ \t]*(?:\n|$)", re.I
)


# An NCND said of its own question only: "any further information relevant to this question",
# "... in relation to this part of your request".
_OF_THIS_QUESTION = re.compile(
    r"\b(?:this|that|the\s+above|the\s+same)\s+(?:question|part|element|aspect|point|"
    r"limb|section\s+of\s+your\s+request)\b",
    re.I,
)


def _lettered_parts(text: str) -> list[str]:
    """An answer's parts lettered "a)", "b)", "c)" ... in order at the start of its lines, each
    with the lines under it; empty unless the letters run from "a" without a gap."""
    parts: list[str] = []
    for line in text.split("\n"):
        m = _LETTERED_ANSWER.match(line.strip())
        if m is not None and m.group(1).lower() == "abcdefgh"[len(parts)]:
            parts.append(m.group(2).strip())
        elif parts:
            parts[-1] = f"{parts[-1]}\n{line}".strip()
        elif line.strip():
            return []
    return parts


def _share_lettered_answer(
    extracted: list[ExtractedQuestion], cite: Callable[[str], list[str]]
) -> list[ExtractedQuestion]:
    """Questions given one answer together whose parts are lettered one for each ("1." / "a) 9
    children had a placement move" / "b) 8 children" for a lead-in's two parts): each takes its
    letter's part."""
    out = list(extracted)
    k = 0
    while k < len(out):
        q = out[k]
        run = k + 1
        while run < len(out) and out[run].answer == q.answer and out[run].found == q.found:
            run += 1
        parts = _lettered_parts(q.answer) if run - k >= 2 and q.found == "own answer" else []
        if len(parts) == run - k:
            for m, part in zip(range(k, run), parts, strict=True):
                own_cites = cite(part)
                outcome = classify(without_footnote(part), own_cites, whole=False)
                out[m] = replace(
                    out[m],
                    outcome=outcome,
                    exemptions=_exemptions_for(outcome, own_cites, []),
                    answer=part,
                    figures=has_figures(part),
                )
        k = run
    return out


def _lead_and_bullets(text: str) -> tuple[str, list[str], str]:
    """The lines before a text's first run of bullets, the bullets' words (``_ANSWER_BULLET``),
    and the lines after the run."""
    lead: list[str] = []
    items: list[str] = []
    rest: list[str] = []
    for line in (x.strip() for x in text.split("\n")):
        if not line:
            continue
        m = _ANSWER_BULLET.match(line) if not rest else None
        if m is not None:
            items.append(m.group(1).strip())
        elif items:
            rest.append(line)
        else:
            lead.append(line)
    return "\n".join(lead), items, "\n".join(rest)


# What an answer's words around its bullets may say, where the bullets answer one by one.
_POINTS_ONLY = (None, "disclosed")
# An answer's bullets that list its grounds or its searches, not answers.
_LISTS_NO_ANSWERS = re.compile(
    r"\b(?:exemptions?|exceptions?|reasons?|grounds|searche[sd]|systems?)\b", re.I
)


def _split_by_answered_bullets(
    extracted: list[ExtractedQuestion], cite: Callable[[str], list[str]]
) -> list[ExtractedQuestion]:
    """A question whose bullets its own answer takes one by one, bullet for bullet ("please
    provide at minimum:" / "• The total number of live cases" / "• The number of new cases" ...,
    answered "As follows:" / "• 117." / "• 58." ...), is as many questions as it has bullets, as
    the authority answered it; the words leading in to them are their context."""
    if not any("\n" in q.text and q.found == "own answer" for q in extracted):
        return extracted
    out: list[ExtractedQuestion] = []
    for q in extracted:
        lead, asked, _ = _lead_and_bullets(q.text) if q.found == "own answer" else ("", [], "")
        answer_lead, given, answer_rest = (
            _lead_and_bullets(q.answer) if len(asked) >= 2 else ("", [], "")
        )
        # (Not where the answer around its bullets refuses the whole question: "This information
        # is exempt under Section 40(2) of the Act for the following reasons:" / "• The numbers
        # are small ..." / "• The officers have a reasonable expectation ...", nor the bullets
        # restated, "You asked for:" / ... / "The force does not hold this information", nor
        # bullets that are the exemptions or searches, "The force has applied the following
        # exemptions to this part of your request:" / "• Section 40(2) – Personal Information";
        # "As follows:" only points to them.)
        around = f"{answer_lead}\n{answer_rest}".strip()
        if (
            len(given) != len(asked)
            or len(asked) < 2
            or (around and (cite(around) or classify(around, [], whole=False) not in _POINTS_ONLY))
            or _LISTS_NO_ANSWERS.search(answer_lead)
        ):
            out.append(q)
            continue
        context = "\n".join(x for x in (q.context, lead) if x)
        for item, answer in zip(asked, given, strict=True):
            own_cites = cite(answer)
            outcome = classify(without_footnote(answer), own_cites, whole=False)
            out.append(
                replace(
                    q,
                    text=item,
                    context=context,
                    outcome=outcome,
                    exemptions=_exemptions_for(outcome, own_cites, []),
                    answer=answer,
                    found=FOUND_BULLET,
                    figures=has_figures(answer),
                )
            )
    return [replace(q, number=k) for k, q in enumerate(out, start=1)]


def _neither_confirmed_for_the_rest(
    extracted: list[ExtractedQuestion],
) -> list[ExtractedQuestion]:
    """ "- Number of deployments" / "10 dive deployments" / ... / "The force can neither confirm
    nor deny any further information is held by virtue of Section 23(5)": an NCND of any
    further information after the last answer, naming no question, is said of the whole
    request, so each answer given in full is overt information beside it: ``partially_disclosed``
    with the NCND's provisions (the corpus convention for "overt information attached, neither
    confirm nor deny any other")."""
    answered = [q for q in extracted if q.answer]
    if len(answered) < 2 or answered[-1].outcome != "partially_disclosed":
        return extracted
    said = sentences(answered[-1].answer)
    tail = next(
        (
            k
            for k, x in enumerate(said)
            if k
            and NCND.search(x)
            and NCND_PARTIAL.search(x)
            and not _named(x)
            and not _OF_THIS_QUESTION.search(x)
        ),
        None,
    )
    if tail is None or any(NCND.search(x) for x in said[:tail]):
        return extracted
    return [
        replace(
            q,
            outcome="partially_disclosed",
            exemptions=tuple(dict.fromkeys([*q.exemptions, *answered[-1].exemptions])),
        )
        if q.outcome == "disclosed" and q.answer
        else q
        for q in extracted
    ]


def _follow_cross_references(extracted: list[ExtractedQuestion]) -> list[ExtractedQuestion]:
    """An answer that only points elsewhere ("Please see the response to question 1") has that
    question's outcome and provisions."""
    by_number = {q.number: q for q in extracted}
    out = []
    for q in extracted:
        m = _CROSS_REFERENCE.match(q.answer.strip()) if q.answer else None
        target = by_number.get(int(m.group(1) or m.group(2))) if m else None
        if target is not None and target.number != q.number and target.outcome is not None:
            q = replace(
                q,
                outcome=target.outcome,
                exemptions=target.exemptions,
                found=f"as question {target.number}",
            )
        out.append(q)
    return out


# "We would like to ask you to clarify your request so that we can identify and locate the
# information", "before we can provide a response we would like you to clarify the following".
_HOLDS_FOR_CLARIFICATION = re.compile(
    r"\bclarify\s+(?:your|the|this)\s+request\b|\bbefore\s+we\s+can\s+(?:provide|give|send|"
    r"respond|answer)\b",
    re.I,
)
#: Outcomes an opening decision gives the whole request, so every question it does not take
#: up again.
_WHOLE_REFUSALS = frozenset({"cost_limit_s12", "vexatious_s14", "not_held"})


def overall_outcome(outcomes: Sequence[str | None]) -> str | None:
    """The outcome of a whole request from its questions' outcomes (``None``: not visible).

    One outcome for every question is the request's; information given for some question and
    refused for another is partly disclosed; otherwise the most frequent refusal. "other" gives
    way to any real outcome.
    """
    known = [o for o in outcomes if o is not None]
    if len(set(known)) > 1:
        known = [o for o in known if o != "other"]
    kinds = set(known)
    if not kinds:
        return None
    if len(kinds) == 1:
        return known[0]
    if kinds & {"disclosed", "partially_disclosed"}:
        return "partially_disclosed"
    # The most frequent refusal; a tie goes to the first question's (a set's order would vary
    # from run to run).
    return max(dict.fromkeys(known), key=known.count)


_MISTYPED_BRACKET = re.compile(r"\((\d{1,2}[A-Z]?|[a-z]{1,3})\(\)")
_UNCLOSED_BRACKET = re.compile(r"\((\d{1,2}[A-Z]?)\((?=[a-z]{1,3}\))")


def _mend_brackets(text: str) -> str:
    """A citation's bracket typed the wrong way round, "Section 31 (1()(a)", or left open,
    "Regulation 12(5(b)", is read as "(1)(a)" or "(5)(b)"."""
    return _UNCLOSED_BRACKET.sub(r"(\1)(", _MISTYPED_BRACKET.sub(r"(\1)", text))


def _looks_cut_short(text: str) -> bool:
    tail = text.rstrip()
    return bool(tail) and tail[-1] not in ".!?:)\"'”’>" and not re.search(r"\d$|_$", tail)


def extract(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    authority: str | None = None,
    complete: bool | None = None,
) -> Extraction:
    """Read one published response page (see the module docstring).

    ``title``, ``url`` and ``authority`` come from the page's source when it has them (a JSON
    Lines object, the HTML ``<title>``); ``complete`` is ``False`` when the source says the text
    was cut short. Raises ``NoResponse`` when the page holds no response.
    """
    forget_texts()
    hashed = _mend_brackets(normalise_whitespace(text))
    if not hashed:
        raise NoResponse("empty page")
    # A list nested in a numbered item is known by its indent, which normalising takes away.
    nested = nested_numbers_as_parts(text)
    norm = hashed if nested == text else _mend_brackets(normalise_whitespace(nested))
    norm = set_out_page(norm)
    lines = norm.split("\n")
    notes: list[str] = []
    regime = particulars.regime(norm)
    # A Scottish environmental response cites FOISA's sections and the EISR's regulations.
    # (Whatever the regime read: a Scottish page may name only the Scottish regulations.)
    scottish = particulars.scottish_regulations(norm)
    cite = _Citations(Regime.FOISA if scottish else regime, scottish_regulations=scottish)
    if regime is not Regime.FOIA:
        notes.append(f"Recognised as a {regime.short_name} response.")

    # The request and where the response begins.
    section = request_section(norm)
    span = _locate(section, lines) if section else None
    if (
        span is not None
        and section
        and not _plausible_request(section, "\n".join(lines[: span[0]]))
    ):
        section, span = None, None
    if span is not None and section and _letter_telling_back(section):
        # "Dear Ms Atkinson" / "Thank you for your emails of 7 November, in which you ask for
        # information regarding ..." / the decision: the authority's letter, which tells the
        # request back rather than quoting it.
        section, span = None, None
    # "I write in response to your two requests ..." / the requests quoted / the page stops, or
    # the request / "Response" / the Act's duties quoted and the page stops: a response letter
    # cut short before it answers, not a page without a response.
    cut_short = complete is False or (complete is None and _looks_cut_short(norm))
    quoted_then_cut = letter_cut_short = False
    if span is not None and cut_short:
        line_above = first_filled(reversed(lines[: span[0]]))
        below = [x for x in lines[span[1] :] if x.strip()]
        # So is "Thank you for your email ..., in which you asked for the following
        # information:" / the request, every paragraph asking / the page stops.
        quoted_then_cut = (
            not below
            and introduces_request(line_above)
            and answers_request(line_above)
            and _every_paragraph_asks(lines[span[0] : span[1]])
        )
        letter_cut_short = (
            quoted_then_cut
            or bool(_WRITES_IN_RESPONSE.search("\n".join(lines[: span[0]])))
            # (A Response heading with something under it: the page stopped in the response.)
            or (len(below) >= 2 and bool(RESPONSE_HEADING.match(below[0])))
        )
    if (
        span is not None
        and not any(x.strip() for x in lines[span[1] :])
        and not _RESPONSE_CUE.search("\n".join(lines[: span[0]]))
        and not _interleaved_past(lines, span)
        and not quoted_then_cut
    ):
        # The request runs to the end of the page: nothing heads the response ("Request for
        # information" / the request / "The Act is designed to ..."). Its first paragraph is the
        # request and the rest the response, rather than a page with no response at all; when
        # that paragraph asks nothing, the page does not quote the request on its own. (Unless
        # the response came first: "Your request for information below has now been considered".)
        found = _first_paragraph(lines, span)
        if found is None:
            section, span = None, None
        elif found != span:
            span = found
            section = "\n".join(lines[span[0] : span[1]]).strip()
            notes.append("Nothing heads the response: the request is taken as its first paragraph.")
    if section is None and (asked := _asked_first(lines)) is not None:
        span = asked
        section = "\n".join(lines[span[0] : span[1]]).strip()
        notes.append(NOTE_ASKED_FIRST)
    elif section is None and (logged_span := _above_a_logged_decision(lines)) is not None:
        # Each line of the field is one of the request's items, or follows on from the one
        # before ("Where such evaluation has taken place, please provide ..."), unless the
        # request sets out its own list ("Please provide the following information ...:" / "-
        # The number of drones ...").
        span = logged_span
        logged = [x.strip() for x in lines[span[0] : span[1]] if x.strip()]
        own_list = any(
            x.endswith(":") or _ANSWER_BULLET.match(x) or _NUMBERED_ANSWER.match(x) for x in logged
        )
        items: list[str] = []
        for x in logged:
            if own_list:
                items.append(x)
            elif items and follows_on(x):
                items[-1] = f"{items[-1]} {x}"
            else:
                items.append(f"- {x}")
        section = "\n".join(items)
        notes.append(NOTE_LOG_FIELDS)
    # (question's line, its words, the line its answer follows)
    interleaved: list[tuple[int, str, int]] = _headed_pairs(lines) or _plain_pairs(lines)
    marked = [] if interleaved else _marked_parts(lines)
    # (Not the request's own "Q1 -" list above its response; a "request" that runs to the end
    # of the page holds the answers too.)
    if marked and (
        span is None
        or any(q >= span[1] for q, _, _ in marked)
        or not any(x.strip() for x in lines[span[1] :])
    ):
        interleaved = marked
    interleaved = interleaved or _asked_between_answers(lines, span)
    if interleaved or (span is not None and _interleaved_past(lines, span)):
        # "Question 1: ...?" / "Response: ..." / "Question 2: ...?": the "Response" after the
        # first question ended the "request", but the questions go on between the answers.
        section, span = None, None
    questions: list[tuple[str, str]] = []
    request_text = ""
    lettered_parts = False
    labels: list[str] = []  # the request's own labels, where they are not 1, 2, 3 ...
    if span is not None and section:
        request_text = section
        response_lo = span[1]
        try:
            split = propose_questions(section)
        except EmptyRequestText:
            split = None
        if split is not None:
            questions = [
                (without_salutation(q.text), without_salutation(q.context)) for q in split.questions
            ]
            questions = _without_restated_whole(
                _drop_presentation(
                    _drop_about_the_request([(q, c) for q, c in questions if q]),
                    last_numbered=bool(split.questions) and split.questions[-1].numbered,
                )
            )
            if split.whole_text_fallback and _only_announces(section.strip().split("\n")[-1]):
                # "I am seeking the following information for each of the calendar years listed
                # below:" and nothing under it: the page lost the request's list (the corpus
                # convention: no questions, unless the response numbers its answers).
                questions = []
                notes.append(NOTE_LIST_LOST)
            elif split.whole_text_fallback:
                notes.append(NOTE_ONE_QUESTION)
    else:
        interleaved = interleaved or _with_lettered_parts(lines, _interleaved(lines))
        if interleaved:
            questions = [(t, "") for _, t, _ in interleaved]
            request_text = "\n".join(t for _, t, _ in interleaved)
            response_lo = interleaved[0][0]
            notes.append("Questions and answers are interleaved; each answer follows its question.")
        else:
            response_lo = _response_start(lines)
            told = _told_back("\n".join(lines[:60])) if section is None else None
            if told:
                # "Thank you for your recent Freedom of Information request regarding the number
                # of employees in work each day ...": the request only as the authority tells it.
                questions, request_text = [(told, "")], told
                notes.append(NOTE_TOLD_BACK)
            elif section is None:
                notes.append(NOTE_NOT_QUOTED)
    while response_lo < len(lines) and (
        not lines[response_lo] or heads_the_whole_response(lines[response_lo])
    ):
        response_lo += 1  # the "Response" heading itself
    if DUTIES.search("\n".join(lines[response_lo:])):
        lines = [*lines[:response_lo], *(without_duties(x) for x in lines[response_lo:])]
    response_lines = lines[response_lo:]
    response = "\n".join(response_lines).strip()
    first = span[0] if span is not None else interleaved[0][0] if interleaved else 0
    above = "\n".join(lines[:first])
    # "Your request for information below has now been considered ...": the decision may come
    # before the request, with nothing after it.
    decided_above = bool(questions and _RESPONSE_CUE.search(above))
    if not re.search(r"\w", response) and not decided_above and not letter_cut_short:
        raise NoResponse("no response found")
    if not questions and not _FOI_WORDS.search(response):
        raise NoResponse("no response found")
    cites = _page_citations(
        cite, lines, response_lo, summary=above if _RESPONSE_CUE.search(above) else ""
    )
    # Under FOIA s12(2) even finding out whether it is held would cost too much: a refusal to
    # confirm or deny on cost (the corpus labels it NCND, its outcome a cost refusal).
    ncnd = bool(NCND.search(response)) or "s12(2)" in cites
    pit, harm = _tests_present(response_lines, response)
    # A file named in a link ("…/exemptions.pdf") is published elsewhere, not attached. The
    # complaint rights' "advice notice attached to this letter" is an attached document too, as
    # the corpus README defines it; labellers have read it both ways.
    unlinked = LINK.sub(" ", response)
    has_attachment = bool(ATTACHED.search(unlinked) or _LOG_DOCUMENT.search(unlinked))
    attachments = tuple(
        dict.fromkeys(
            (m.group(1) or m.group(0)).strip() for m in _ATTACHMENT_NAME.finditer(unlinked)
        )
    )

    # The decision part of the response, and the answers in it.
    cut = _reasoning_cut(lines, response_lo)
    if interleaved:
        starts = [a for _, _, a in interleaved]
        ends = [*(q for q, _, _ in interleaved[1:]), len(lines)]
        pieces = []
        reasoning_cut = _reasoning_cuts(lines)
        for number, (i, end) in enumerate(zip(starts, ends, strict=True), start=1):
            stop = min(end, reasoning_cut(i + 1))
            text = _ANSWER_TEMPLATE.sub("", "\n".join(lines[i + 1 : stop]).strip(), count=1)
            pieces.append(_Answer([number], text.strip(), "own answer"))
        _empty_join_next(pieces)
        if decided_above and len({p.text for p in pieces}) == 1:
            # "Your request for information below has now been considered ... would exceed the
            # appropriate costs limit" / "Question 1" ... "Question 8" / "Answer": one answer
            # for every question, and the decision given above them is part of it.
            pieces = [replace(p, text=f"{above}\n{p.text}".strip()) for p in pieces]
        # (The last questions' answers may be past where the page stops.)
        given = [p for p in pieces if re.search(r"\w", p.text)]
        answers: dict[int, _Answer] = {p.numbers[0]: p for p in given or pieces}
        # "I note you seek access to the following information:" / "I have today decided to
        # disclose the located information to you in full." / the first question: what comes
        # between the request's introduction and the questions is the opening decision, which
        # speaks for the answers the page lost only when it discloses in full.
        introduced = [k for k in range(first) if introduces_request(lines[k])]
        decision_above = "\n".join(lines[introduced[-1] + 1 : first]).strip() if introduced else ""
        preamble = ""
    else:
        lettered = _first_part(request_text, _LETTERED_REQUEST) or _first_part(
            request_text, _ROMAN_REQUEST
        )
        labels = _part_labels(request_text, questions)
        lettered_parts = bool(labels)
        keyed, first_head = (
            _answers_by_label(lines, response_lo, cut, labels) if labels else ({}, cut)
        )
        if keyed:
            answers = keyed
            preamble = "\n".join(lines[response_lo:first_head]).strip()
        else:
            answers, preamble = _answers(
                lines,
                response_lo,
                cut,
                questions,
                lettered=lettered,
                items=_items(labels) or _lead_in_groups(questions),
            )
            if answers:
                answers.update(_late_answers(lines, cut, len(questions), answers))
        if complete is False:
            # "In relation to questions 1 to 4 for th", "2. The Fo" and the page stops: words
            # cut off in the middle of a sentence say nothing of the answer (not "nil" or
            # "none held", a whole answer).
            tail = "\n".join(lines[response_lo:]).rstrip()
            answers = {
                n: a
                for n, a in answers.items()
                if not (
                    len(a.text.split()) < _FRAGMENT_WORDS
                    and _CARRIES_ON.match(a.text.strip())
                    and not re.search(r"\d", a.text)
                    and tail.endswith(a.text.strip())
                )
            }

    if not questions and not answers:
        # The page lost the request's words ("Request:" with nothing under it) but the
        # response numbers its answers "Response 1:", "Response 2:" ...
        answers, labels = _headed_responses(lines, response_lo, cut)
        lettered_parts = any(not label.isdigit() for label in labels)
        if answers:
            questions = [
                (f"[Question {label}: its text is not on the page]", "") for label in labels
            ]
            notes.append(NOTE_WORDS_LOST_NUMBERED)
    # Questions the response names that the page does not quote.
    named = sorted({n for a in answers.values() for n in a.numbers})
    if (
        cut_short
        and (complete is False or _stops_mid_sentence(norm))
        and questions
        and not lettered_parts
    ):
        # "We do not however hold information in relation to Request number 5." above answers
        # the page stops before: the requests the summary names are the request's too. (Only
        # where the page stops mid-sentence, not under a sign-off; only in a sentence that
        # refuses them, naming them as questions or requests: not "412 in Q4", nor "see our
        # answer to question 3 of FOI 2022-0456".)
        said = f"{above}\n{response}"
        in_summary = (
            {
                n
                for x in sentences(said)
                if _SUMMARY_NAMES.search(x) and refuses(x)
                for m in _SUMMARY_NAMES.finditer(x)
                for n in _numbers(m.group("list"))
                if n <= _MOST_NAMED
            }
            if _SUMMARY_NAMES.search(said)
            else set()
        )
        if in_summary and max(in_summary) > len(questions):
            named = sorted(set(named) | in_summary | set(range(1, len(questions) + 1)))
    if not questions and (NOTE_LIST_LOST in notes or NOTE_NOT_QUOTED in notes):
        # "We are requesting the following data for the year 2023:" and the list lost (or no
        # request on the page at all), then "the information requested at Q2 is not held in a
        # readily retrievable format", "With regard to Question 4, Essex Police is unable to
        # report ...": the request had at least as many questions as the response names (not
        # "see our answer to question 3 of FOI 2022-0456", another request's).
        in_response = [
            n
            for x in sentences(response)
            if not _ANOTHER_REQUESTS.search(x)
            for n in _named(x)
            if n <= _MOST_NAMED
        ]
        if in_response or named:
            named = list(range(1, max([*in_response, *named]) + 1))
    if named and named == list(range(1, named[-1] + 1)) and named[-1] > len(questions):
        if len(questions) <= 1 and section is not None and not interleaved:
            context = questions[0][0] if questions else ""
            questions = []
        else:
            context = ""
        for n in range(len(questions) + 1, named[-1] + 1):
            questions.append((f"[Question {n}: its text is not on the page]", context))
            context = ""
        notes.append(NOTE_NAMED_ONLY)

    decision = "\n".join(lines[response_lo:cut]).strip() or response
    whole_outcome = classify(decision, cite(decision), whole=True)
    if whole_outcome is None and not answers and decided_above:
        # "Your request for information below has now been considered ... would exceed the
        # appropriate costs limit" / the request: the decision was given before the request.
        decision = above
        whole_outcome = classify(decision, cite(decision), whole=True)
    if NOTE_LOG_FIELDS in notes:
        # The decision field says how the request ended ("Part Disclosure with Section 24 ...").
        whole_outcome = _logged_outcome(norm) or whole_outcome
    if not questions and whole_outcome is not None and _EMPTY_REQUEST.search(norm):
        # "Request:" with the response straight under it: the page lost the request's words.
        # One question stands for the request, so the record still says how it was answered.
        questions = [("[The request's text is not on the page]", "")]
        notes.append(NOTE_WORDS_LOST)
    if whole_outcome == "disclosed" and NCND.search(response) and NCND_PARTIAL.search(response):
        # "Please see our response attached" / ... / "a Refusal Notice for any other information
        # ... we neither confirm nor deny": what was given is part of the answer (the corpus
        # convention for overt information beside an NCND).
        whole_outcome = "partially_disclosed"
    # WhatDoTheyKnow's status line ("The request was partially successful.") says how the whole
    # request ended, not what each question got.
    status = _STATUS.search(norm)
    status_outcome = (
        _STATUS_OUTCOME.get(re.sub(r"\s+", " ", status.group("s").lower())) if status else None
    )
    if status_outcome is None and _DID_NOT_HAVE.search(norm):
        status_outcome = "not_held"
    first_named = min(answers) if answers else None
    goodwill = (
        _goodwill_answered(response, len(questions)) if whole_outcome == "cost_limit_s12" else set()
    )

    attached_for_all = bool(
        answers
        and preamble
        and ATTACHED.search(preamble)
        and classify(preamble, cite(preamble), whole=True) == "disclosed"
    )
    opening = classify(preamble, cite(preamble), whole=True) if answers and preamble else None
    opening_refusal = opening in _WHOLE_REFUSALS
    # "We would like to ask you to clarify your request ..." / the questions set out again: the
    # response waits for the requester (not "If you require further clarification of any
    # answer, please contact ...", nor a clarification of one question).
    opening_clarification = bool(
        opening == "clarification_needed"
        and _HOLDS_FOR_CLARIFICATION.search(preamble)
        and not _named(preamble)
    )
    # "I have today decided to disclose the located information to you in full as follows."
    # (Above questions set over their answers, it speaks only for the answers the page lost.)
    in_full_above = (decision_above if interleaved else preamble) if answers else ""
    opening_in_full = bool(in_full_above and _IN_FULL.search(in_full_above))
    extracted: list[ExtractedQuestion] = []
    decision_figures = has_figures(decision) if not answers else False
    # Questions a sentence of the response names with an outcome of their own: beside numbered
    # answers, a refusal naming them ("questions 1-5 are exempt"); in a response read whole, a
    # refusal of another kind (``_singled_out``). A refusal naming "question 2" means the second
    # question only while questions are numbered as the request numbers them, not when lettered
    # parts ("1a", "1b") are questions too.
    # The number the response calls each question by: its position, or the request's own number
    # where the numbers skip ("1.", "2.", "3.", "5.", "6.": "question 6" is the fifth).
    called = {n: n for n in range(1, len(questions) + 1)}
    if answers and lettered_parts and labels and all(label.isdigit() for label in labels):
        called = {n: int(label) for n, label in enumerate(labels, start=1)}
        position = {label: n for n, label in called.items()}
        named_by_call = _named_refusals(response, max(position))
        named_in_response = {position[k]: v for k, v in named_by_call.items() if k in position}
    elif answers:
        # (Above questions set over their answers, a summary may name them: "We do not however
        # hold information in relation to Request number 5.")
        said = f"{above}\n{response}" if interleaved else response
        named_in_response = _named_refusals(said, len(questions)) if not lettered_parts else {}
    else:
        named_in_response = _singled_out(response, [q for q, _ in questions], whole_outcome)
    # The questions an opening answer leaves out ("... except Q3, in the table below").
    excepted_by = _EXCEPT.search(preamble) if answers and preamble else None
    excepted = set(_numbers(excepted_by.group("list"))) if excepted_by else set()
    for number, (qtext, qcontext) in enumerate(questions, start=1):
        answer = answers.get(number)
        if answer is not None and named_in_response and not answer.partners:
            refused_by_call = {called[n]: v for n, v in named_in_response.items()}
            answer = replace(
                answer, text=_without_others(answer.text, called[number], refused_by_call)
            )
        if answer is not None and "*" in answer.text:
            answer = replace(answer, text=_without_others_footnote(answer.text))
        if answer is None and (number in named_in_response or number in excepted):
            pass  # named in a sentence of its own, or left out of the opening answer
        elif answer is None and excepted:
            # "Please find information relevant to your request, except Q3, in the table at
            # the end of this response.": the response as a whole answers the others.
            answer = _Answer([number], decision, "the response, for all but the question excepted")
        elif answer is None and answers and preamble and first_named and number < first_named:
            answer = _Answer([number], preamble, "answered before the numbered answers")
        elif (answer is None or not re.search(r"\w", answer.text)) and (
            opening_refusal or opening_in_full
        ):
            # "Our data are not organised ... within the cost limit" / "In relation to Q2, ...",
            # or "decided to disclose the located information to you in full": the opening
            # decision covers the questions whose answers are not on the page (or only their
            # questions, given back where the page stops).
            answer = _Answer([number], preamble or in_full_above, "the opening decision")
        elif answer is None and attached_for_all:
            # "Please find attached our estate information ... With regards to question 1d, ...":
            # the attachment answers the questions the response does not take one by one.
            answer = _Answer([number], preamble, "the attachment before the numbered answers")
        if answer is not None:
            if answer.partners:
                partner_texts = [
                    questions[n - 1][0] for n in answer.partners if n <= len(questions)
                ]
                answer = _Answer(
                    answer.numbers,
                    _own_part(answer.text, qtext, partner_texts),
                    answer.found,
                    answer.partners,
                )
            own_cites = cite(answer.text)
            outcome = classify(without_footnote(answer.text), own_cites, whole=False)
            if (
                opening_clarification
                and outcome in (None, "disclosed")
                and not has_figures(answer.text)
            ):
                outcome = "clarification_needed"
            refers = [n for n in _named(answer.text) if n != number]
            fallback: list[str] = []
            for n in refers:
                other = answers.get(n)
                if other is not None:
                    fallback = cite(other.text)
                    break
            extracted.append(
                ExtractedQuestion(
                    number=number,
                    text=qtext,
                    context=qcontext,
                    outcome=outcome,
                    exemptions=_exemptions_for(outcome, own_cites, fallback),
                    answer=answer.text,
                    found=answer.found,
                    figures=has_figures(answer.text),
                )
            )
        elif number in named_in_response:
            extracted.append(
                ExtractedQuestion(
                    number=number,
                    text=qtext,
                    context=qcontext,
                    outcome=named_in_response[number],
                    exemptions=_exemptions_for(named_in_response[number], [], cites),
                    answer=decision,
                    found="named in the response",
                    figures=decision_figures,
                )
            )
        elif answers:
            extracted.append(ExtractedQuestion(number=number, text=qtext, context=qcontext))
        elif number in goodwill:
            # README convention: figures given "as a gesture of goodwill" under a cost refusal
            # are disclosed for the question they answer.
            extracted.append(
                ExtractedQuestion(
                    number=number,
                    text=qtext,
                    context=qcontext,
                    outcome="disclosed",
                    answer=decision,
                    found=FOUND_GOODWILL,
                    figures=True,
                )
            )
        else:
            extracted.append(
                ExtractedQuestion(
                    number=number,
                    text=qtext,
                    context=qcontext,
                    outcome=whole_outcome,
                    exemptions=_exemptions_for(whole_outcome, cites, []),
                    answer=decision,
                    found="whole request",
                    figures=decision_figures,
                )
            )
    extracted = _neither_confirmed_for_the_rest(_follow_cross_references(extracted))
    extracted = _share_lettered_answer(_split_by_answered_bullets(extracted, cite), cite)
    logged = _logged_outcome(norm)
    if logged is not None and any(q.outcome is None for q in extracted):
        # The log's own record ("Decision: Disclosed", "Response (not held) - application/pdf")
        # says how the request ended where the answers themselves are not on the page.
        extracted = [
            replace(q, outcome=logged, found="the log's record of the decision")
            if q.outcome is None
            else q
            for q in extracted
        ]
        notes.append(
            "The log's own record of the decision gives the outcome where no answer is shown: "
            + logged.replace("_", " ")
            + "."
        )
    if extracted and not answers and whole_outcome is not None:
        notes.append(
            "The response treats the whole request at once: every question has its outcome."
        )
    unanswered = [q.number for q in extracted if q.outcome is None]
    if unanswered and len(unanswered) < len(extracted):
        notes.append(
            "No visible answer to question"
            + ("s " if len(unanswered) > 1 else " ")
            + ", ".join(map(str, unanswered))
            + "."
        )

    overall = (overall_outcome([q.outcome for q in extracted]) if extracted else whole_outcome) or (
        status_outcome
    )
    if not any(c == "s12" or c.startswith("s12(") for c in cites) and (
        overall == "cost_limit_s12" or any(q.outcome == "cost_limit_s12" for q in extracted)
    ):
        # The corpus convention: a refusal on cost cites s12 even when it only says the cost
        # "would exceed the appropriate limit" (or the 18-hour threshold).
        at = next((i for i, c in enumerate(cites) if c.startswith("s")), len(cites))
        cites.insert(at, "s12")
        extracted = [
            replace(q, exemptions=("s12",))
            if q.outcome == "cost_limit_s12" and not q.exemptions
            else q
            for q in extracted
        ]
    reference = particulars.reference(lines)
    dates = particulars.dates(norm)
    rights = next(
        (
            p
            for p in response.split("\n")
            if len(p) > 40 and _RIGHTS.search(p) and _RIGHTS_WHERE.search(p)
        ),
        None,
    )
    advice = next((s for s in sentences(response) if _ADVICE.search(s)), None)
    hours = [float(h.replace(",", "")) for h in _HOURS.findall(response)]
    if complete is None and _looks_cut_short(norm):
        notes.append("The text appears to stop mid-page: later answers may be missing.")
    elif complete is False:
        notes.append(NOTE_SOURCE_INCOMPLETE)
    if len(hashed) > _RUN_TOGETHER_LENGTH and any(
        len(line) > _RUN_TOGETHER_LENGTH and _ASKS_OR_NUMBERS.search(line)
        for line in hashed.split("\n")
    ):
        notes.append(NOTE_RUN_TOGETHER)
    return Extraction(
        title=particulars.title(title, lines, reference),
        reference=reference,
        authority=authority
        or particulars.authority(title, response, None)
        or particulars.authority(None, norm, url),
        regime=regime,
        received=dates.received,
        responded=dates.responded,
        published=dates.published,
        received_or_published_date=dates.shown,
        questions=tuple(extracted),
        exemptions_cited=tuple(cites),
        ncnd=ncnd,
        public_interest_test_present=pit,
        harm_test_present=harm,
        has_attachment=has_attachment,
        attachments=attachments,
        overall_outcome=overall,
        notes=tuple(notes),
        request_text=request_text,
        response_text=response,
        rights_paragraph=rights,
        advice_to_narrow=advice,
        cost_hours=max(hours) if hours else None,
        reasoning=_reasoning(response_lines),
        reasoning_elsewhere=bool(_ELSEWHERE.search(response)),
        complete=complete if complete is not None else (False if _looks_cut_short(norm) else None),
        text_hash=_hash(hashed),
    )
