"""Staff corrections of an imported record, kept apart from what the importer read.

The importer does not read every page right: on pages its rules were not written from it gets
between half and two thirds of question outcomes right (``docs/importer-accuracy.md``). An FOI
officer who leans on another authority's answer as a precedent puts right what it misread: the
outcome or provisions of a question, how the request is split into questions, the provisions
the page cites, NCND, whether a harm test, a public interest test or an attachment is there,
the reference, the title and the date the page shows.

The record keeps both readings. ``ImportedRecord.extracted`` is always the importer's;
``ImportedRecord.corrections`` holds only the values staff changed::

    {"reference": "190A/23", "ncnd": true, "provisions": ["s31(1)(a)", "s40(5)"],
     "questions": {"2": {"outcome": "exempt", "exemptions": ["s31(1)(a)"]}}}

When staff split the request differently (a question the importer joined to another, one it
made of a request's context, one it missed), their own list of questions replaces the
importer's, each with its outcome and provisions, and ``questions`` is not used::

    {"split": [{"text": "How many drones ...?", "outcome": "disclosed", "exemptions": []}, ...]}

The record's searchable columns (outcome, provisions, NCND, the tests, reference, title, date
shown, the number of questions) show the corrected values, so a search for s31 refusals finds
the record the officer put right. Importing the page again reads it afresh and lays the same
corrections over the new reading: a newer extractor never undoes an officer's work. A question's
correction goes with its words, wherever the new reading numbers that question; one whose
question the new reading no longer has is kept but not applied, and the record page says so.

Plain Python on the stored JSON: no Django import.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from foidesk.intake.extraction import CORPUS_FIELDS, OUTCOMES, overall_outcome
from foidesk.law.checker import today_in_uk
from foidesk.law.exemptions import UnknownProvision, get_provision
from foidesk.law.provisions import CitationError, Cite, corpus_cite, fold, to_catalogue_id
from foidesk.law.regimes import Regime

__all__ = [
    "FLAGS",
    "CHECKED_SINCE",
    "IMPORTED_AGAIN",
    "CheckTally",
    "CorrectedQuestion",
    "CorrectionError",
    "cited",
    "columns",
    "corrected_questions",
    "describe",
    "differences",
    "fingerprint",
    "label",
    "parse_date_shown",
    "parse_provisions",
    "provisions_text",
    "tally",
    "unapplied",
]


class CorrectionError(ValueError):
    """A correction that cannot be laid over the record (an unknown outcome or question)."""


#: Why a check made on a form opened before the record was imported again is refused.
IMPORTED_AGAIN = (
    "This record was imported again after you opened it, so the page or the importer's reading "
    "may have changed: check it again"
)

#: Why a check made on a form opened before someone else checked the record is refused: the
#: form shows the corrections as they were, and saving it would undo the other officer's.
CHECKED_SINCE = (
    "Someone else checked this record after you opened the form, so it does not show their "
    "corrections. Nothing was saved: open the check page again"
)

#: The yes/no findings of a page that staff may correct, by their column names.
FLAGS = ("ncnd", "public_interest_test_present", "harm_test_present", "has_attachment")


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", re.ASCII)
_UK_DATE = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$", re.ASCII)


#: The earliest year a page's date may be typed in: before it, a year is a slip ("0203").
EARLIEST_YEAR = 1900


def parse_date_shown(text: str, *, today: date | None = None) -> str:
    """A date typed by staff for the date the page shows, as the corpus writes it: a day
    ("2023-01-16" or "16/01/2023") or a month ("2023-01" or "01/2023"); "" for none. Raises
    ``CorrectionError`` for anything else, a date that does not exist, one after ``today``
    (a published page cannot show a later day) or one before ``EARLIEST_YEAR``."""
    text = text.strip()
    if not text:
        return ""
    if m := _ISO_DATE.match(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
    elif m := _UK_DATE.match(text):
        day, month, year = m.group(1), m.group(2), m.group(3)
    else:
        raise CorrectionError(
            "Enter the date like 2023-01-16 or 16/01/2023, or a month like 2023-01"
        )
    try:
        shown = date(int(year), int(month), int(day or 1))
    except ValueError:
        raise CorrectionError(f"“{text}” is not a real date") from None
    today = today or today_in_uk()
    if shown > today:
        raise CorrectionError(f"“{text}” is after today: enter the date the page shows")
    if shown.year < EARLIEST_YEAR:
        raise CorrectionError(f"“{text}” is before {EARLIEST_YEAR}: check the year")
    return shown.isoformat() if day else shown.isoformat()[:7]


def provisions_text(provisions: Iterable[str]) -> str:
    """The searchable column: space-separated and space-padded (" s31(1)(a) s40(2) ")."""
    joined = " ".join(provisions)
    return f" {joined} " if joined else ""


# "Section 40(2)", "regulation 12(5)(b)", "S40(2)": the long or capitalised forms of an entry.
_SPELT_OUT = re.compile(r"\b(?:(?P<s>sections?|s)|(?P<reg>regulations?|reg))\.?\s*(?=\d)", re.I)


def parse_provisions(
    text: str, regime: Regime | str = Regime.FOIA, *, known: Iterable[str] = ()
) -> list[str]:
    """Provisions typed by staff ("s31(1)(a), s40(2) reg12(5)(b)"), checked, normalised, sorted.

    Each entry is in the corpus form (``shared/corpus/README.md``: ``s`` or ``reg``, the number,
    each subsection in brackets; "Section 40(2)" and "S40(2)" are read as s40(2)) and is
    normalised as the importer normalises what it reads (``foidesk.law.provisions.fold``:
    "s40(5B)" is "s40(5)"). A provision staff add must be in the exemption catalogue
    (``foidesk.law.exemptions``) for the page's law; one already on the record (``known``, as
    the importer read it from the page) is kept as it is. Raises ``CitationError`` naming the
    first entry that is not a provision, names a condition rather than a ground for refusal
    (s40(3A)), or is not in the catalogue.
    """
    law = Regime(regime)
    kept = set(known)
    cites: list[Cite] = []
    plain = _SPELT_OUT.sub(lambda m: "s" if m.group("s") else "reg", text)
    for entry in plain.replace(",", " ").replace(";", " ").split():
        try:
            cite = fold(corpus_cite(entry), law)
        except CitationError:
            cite = None
            problem = "write it like s31(1)(a), s40(5) or reg12(5)(b)"
        else:
            problem = "it is a condition of another provision, not a ground of its own"
        if cite is None:
            raise CitationError(f"“{entry}” is not a provision to cite: {problem}")
        if cite.text not in kept:
            try:
                get_provision(to_catalogue_id(cite.text, law))
            except UnknownProvision:
                raise CitationError(
                    f"“{entry}” is not in the exemption catalogue ({law.short_name})"
                ) from None
        if cite not in cites:
            cites.append(cite)
    return [c.text for c in sorted(cites, key=Cite.sort_key)]


@dataclass(frozen=True, slots=True)
class CorrectedQuestion:
    """One question as the record shows it: the importer's reading, and staff's if changed."""

    number: int
    text: str
    context: str
    answer: str
    found: str
    outcome: str | None
    exemptions: tuple[str, ...]
    read_outcome: str | None
    read_exemptions: tuple[str, ...]
    read_text: str = ""
    split_by_staff: bool = False

    @property
    def corrected(self) -> bool:
        return self.split_by_staff or self.words_corrected or self.answer_corrected

    @property
    def outcome_corrected(self) -> bool:
        return self.split_by_staff or self.outcome != self.read_outcome

    @property
    def words_corrected(self) -> bool:
        return not self.split_by_staff and _plain(self.text) != _plain(self.read_text)

    @property
    def answer_corrected(self) -> bool:
        """The outcome or the provisions staff gave differ from the importer's."""
        return (self.outcome, self.exemptions) != (self.read_outcome, self.read_exemptions)


def _questions(extracted: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The importer's questions, each with its number (a record stored without one is read in
    order)."""
    return [
        {**q, "number": q.get("number", n)}
        for n, q in enumerate(extracted.get("questions") or [], start=1)
    ]


def _published_answer(extracted: Mapping[str, Any], q: Mapping[str, Any]) -> str:
    """The answer the page gives ``q``: its own, or the response's decision on the whole
    request (stored once, as ``decision``, not with each question)."""
    if q.get("answer"):
        return q["answer"]
    return extracted.get("decision", "") if q.get("found") == "whole request" else ""


def _placed(
    questions: list[Mapping[str, Any]], fixes: Mapping[str, Mapping[str, Any]]
) -> tuple[dict[int, Mapping[str, Any]], list[int]]:
    """Each question correction put on the question it was made for: the one the importer
    still reads with the same words (at the number it had, else wherever those words are now:
    a re-read that adds a question before it moves the numbers, not the correction). Returns
    the corrections by the questions' present numbers, and the numbers corrected whose words
    the reading no longer has."""
    words: dict[str, list[int]] = {}
    for q in questions:
        words.setdefault(_plain(q.get("text", "")), []).append(q["number"])
    numbers = {q["number"] for q in questions}
    placed: dict[int, Mapping[str, Any]] = {}
    lost: list[int] = []
    for key, fix in sorted(fixes.items(), key=lambda item: int(item[0])):
        was = int(key)
        if "read" not in fix:  # kept before corrections carried the words: by number
            where = [was] if was in numbers else []
        else:
            where = [n for n in words.get(fix["read"], []) if n not in placed]
            where.sort(key=lambda n: (n != was, abs(n - was)))
        if where:
            placed[where[0]] = fix
        else:
            lost.append(was)
    return placed, lost


def corrected_questions(
    extracted: Mapping[str, Any], corrections: Mapping[str, Any]
) -> list[CorrectedQuestion]:
    """The importer's questions with staff's outcome and provisions laid over them, or staff's
    own split of the request when they made one."""
    if "split" in corrections:
        # A question staff kept word for word keeps the answer the importer found for it.
        read_as = {_plain(q.get("text", "")): q for q in _questions(extracted)}
        return [
            CorrectedQuestion(
                number=n,
                text=q["text"],
                context=read_as.get(_plain(q["text"]), {}).get("context", ""),
                answer=_published_answer(extracted, read_as.get(_plain(q["text"]), {})),
                found="split by staff",
                outcome=q.get("outcome"),
                exemptions=tuple(q.get("exemptions") or ()),
                read_outcome=None,
                read_exemptions=(),
                split_by_staff=True,
            )
            for n, q in enumerate(corrections["split"], start=1)
        ]
    questions = _questions(extracted)
    placed, _ = _placed(questions, corrections.get("questions") or {})
    out = []
    for q in questions:
        fix = placed.get(q["number"], {})
        read = (q.get("outcome"), tuple(q.get("exemptions") or ()))
        outcome = (fix["outcome"] or None) if "outcome" in fix else read[0]
        exemptions = tuple(fix["exemptions"]) if "exemptions" in fix else read[1]
        out.append(
            CorrectedQuestion(
                number=q["number"],
                text=fix.get("text", q.get("text", "")),
                context=q.get("context", ""),
                answer=_published_answer(extracted, q),
                found=q.get("found", ""),
                outcome=outcome,
                exemptions=exemptions,
                read_outcome=read[0],
                read_exemptions=read[1],
                read_text=q.get("text", ""),
            )
        )
    return out


def unapplied(extracted: Mapping[str, Any], corrections: Mapping[str, Any]) -> list[int]:
    """Question numbers corrected by staff whose question the importer's reading no longer has
    (its words are nowhere in the new reading)."""
    if "split" in corrections:
        return []  # staff's own questions: nothing is laid over the importer's
    return _placed(_questions(extracted), corrections.get("questions") or {})[1]


def columns(extracted: Mapping[str, Any], corrections: Mapping[str, Any]) -> dict[str, Any]:
    """The record's searchable columns from the importer's reading with ``corrections`` on top.

    With no corrections these are the importer's own values. A corrected question outcome
    changes the request's overall outcome as the importer works it out from its questions
    (``overall_outcome``), keeping the importer's own when the questions decide none (a log's
    record of the decision, say); a record with no questions may have its overall outcome
    corrected directly. ``question_count`` is the importer's, or the number of staff's
    questions.
    """
    read = _reading(extracted)
    values: dict[str, Any] = {
        "reference": (corrections.get("reference", read["reference"]) or "")[:100],
        "overall_outcome": read["overall_outcome"] or "",
        "provisions_text": provisions_text(cited(extracted, corrections)),
    }
    for flag in FLAGS:
        values[flag] = bool(corrections.get(flag, read[flag]))
    shown = _shown(extracted)
    if "title" in shown:
        values["title"] = corrections.get("title") or shown["title"]
    if "date_shown" in shown:
        values["date_shown"] = corrections.get("date_shown", shown["date_shown"]) or ""
    questions = corrected_questions(extracted, corrections)
    values["question_count"] = len(questions)
    if any(q.outcome_corrected for q in questions):
        values["overall_outcome"] = (
            overall_outcome([q.outcome for q in questions]) or read["overall_outcome"] or ""
        )
    elif not questions and "overall_outcome" in corrections:
        values["overall_outcome"] = corrections["overall_outcome"] or ""
    return values


def cited(extracted: Mapping[str, Any], corrections: Mapping[str, Any]) -> list[str]:
    """Every provision the page cites: staff's, else the importer's."""
    return list(corrections.get("provisions", _reading(extracted)["exemptions_cited"]))


def _plain(text: str) -> str:
    return " ".join(text.split())


def fingerprint(content_hash: str, extracted: Mapping[str, Any]) -> str:
    """What a member of staff checks: the page's text and the importer's reading of it.

    Kept with the check (``ImportedRecord.checked_hash``) and carried by the check form, so a
    record whose page or reading changed since (a re-import, ``--refresh`` with a newer
    extractor) is known to need checking again, and a form opened before it changed is refused.
    """
    reading = {
        "record": _reading(extracted),
        "questions": [
            [q["number"], _plain(q.get("text", "")), q.get("outcome"), q.get("exemptions") or []]
            for q in _questions(extracted)
        ],
    }
    canonical = json.dumps(reading, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(f"{content_hash}\n{canonical}".encode()).hexdigest()


def check_state(corrections: Mapping[str, Any], checked_at: datetime | None) -> str:
    """The record's check as a form was opened on it: its corrections and when it was last
    checked. Carried by the check form and compared under the record's lock, so that of two
    officers checking one record at once the second is refused rather than undoing the first's
    corrections with the values their form showed."""
    state = {
        "corrections": corrections,
        "checked_at": checked_at.isoformat() if checked_at else None,
    }
    canonical = json.dumps(state, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _reading(extracted: Mapping[str, Any]) -> dict[str, Any]:
    """The importer's page-level reading, with defaults for a record stored without one."""
    read = extracted.get("record") or {}
    return {
        "reference": read.get("reference"),
        "overall_outcome": read.get("overall_outcome"),
        "exemptions_cited": list(read.get("exemptions_cited") or []),
        **{flag: bool(read.get(flag)) for flag in FLAGS},
    }


def _shown(extracted: Mapping[str, Any]) -> dict[str, str]:
    """The importer's title (as the column holds it) and date shown, where its reading has
    them: corrected like the rest, but outside the fingerprint, which was fixed before they
    could be corrected. A record stored without them keeps its columns as they are."""
    read = extracted.get("record") or {}
    shown = {}
    if "title" in read:
        shown["title"] = (read["title"] or "")[:500]
    if "received_or_published_date" in read:
        shown["date_shown"] = read["received_or_published_date"] or ""
    return shown


def _outcome(value: str | None) -> str | None:
    if value and value not in OUTCOMES:
        raise CorrectionError(f"“{value}” is not an outcome")
    return value or None


def differences(extracted: Mapping[str, Any], wanted: Mapping[str, Any]) -> dict[str, Any]:
    """The corrections that make the importer's reading say what staff say the page says.

    ``wanted`` has the keys of a corrections value (any may be left out: left as read), with
    every question's outcome and provisions under ``questions``, keyed by number, or every
    question's words, outcome and provisions, in order, under ``split``. A split with as many
    questions as the importer read corrects them one by one (new words included); any other is
    staff's own split and replaces the importer's questions. Each question's correction keeps
    the importer's words for it (``read``), so that it stays with that question when a re-read
    numbers the questions differently. Only what differs from the importer's reading is kept,
    so a record staff checked and found right has no corrections. Corrections of questions the
    reading does not have are not kept: staff checked the questions the record now has. Raises
    ``CorrectionError`` for an outcome outside the corpus vocabulary, a question the reading
    does not have, or a split with no questions.
    """
    read = _reading(extracted)
    out: dict[str, Any] = {}
    if "reference" in wanted and (wanted["reference"] or None) != (read["reference"] or None):
        out["reference"] = wanted["reference"] or None
    shown = _shown(extracted)
    if "title" in wanted and "title" in shown:
        if not _plain(wanted["title"]):
            raise CorrectionError("A record needs a title")
        if _plain(wanted["title"])[:500] != _plain(shown["title"]):
            out["title"] = _plain(wanted["title"])[:500]
    if "date_shown" in wanted and "date_shown" in shown:
        date_shown = parse_date_shown(wanted["date_shown"] or "")
        if date_shown != shown["date_shown"]:
            out["date_shown"] = date_shown
    for flag in FLAGS:
        if flag in wanted and bool(wanted[flag]) != bool(read[flag]):
            out[flag] = bool(wanted[flag])
    if "provisions" in wanted and list(wanted["provisions"]) != list(read["exemptions_cited"]):
        out["provisions"] = list(wanted["provisions"])
    questions = {q["number"]: q for q in _questions(extracted)}
    asked = wanted.get("questions") or {}
    if "split" in wanted:
        split = list(wanted["split"])
        if len(split) != len(questions):
            if not split:
                raise CorrectionError("Keep at least one question: the response answers something")
            out["split"] = [
                {
                    "text": q["text"].strip(),
                    "outcome": _outcome(q.get("outcome")),
                    "exemptions": list(q.get("exemptions") or []),
                }
                for q in split
            ]
            return out
        asked = dict(zip(questions, split, strict=True))
    fixes: dict[str, dict[str, Any]] = {}
    for number, want in asked.items():
        q = questions.get(int(number))
        if q is None:
            raise CorrectionError(f"The record has no question {number}")
        fix: dict[str, Any] = {}
        if "text" in want and _plain(want["text"]) != _plain(q.get("text", "")):
            fix["text"] = want["text"].strip()
        if "outcome" in want and _outcome(want["outcome"]) != q.get("outcome"):
            fix["outcome"] = want["outcome"] or None
        if "exemptions" in want and list(want["exemptions"]) != list(q.get("exemptions") or []):
            fix["exemptions"] = list(want["exemptions"])
        if fix:
            fixes[str(int(number))] = {**fix, "read": _plain(q.get("text", ""))}
    if fixes:
        out["questions"] = fixes
    if (
        not questions
        and "overall_outcome" in wanted
        and _outcome(wanted["overall_outcome"]) != (read["overall_outcome"] or None)
    ):
        out["overall_outcome"] = wanted["overall_outcome"] or None
    return out


@dataclass(frozen=True, slots=True)
class FieldTally:
    """How often staff found one field read right: ``right`` of ``total``."""

    name: str
    right: int
    total: int

    @property
    def percent(self) -> float | None:
        return 100 * self.right / self.total if self.total else None


#: The tally's first field: records staff checked and corrected nothing in.
READ_RIGHT_THROUGHOUT = "Records read right throughout"
QUESTIONS_AS_SPLIT = "Questions as split"
QUESTION_OUTCOMES = "Question outcomes"


@dataclass(frozen=True, slots=True)
class CheckTally:
    """How well the importer read the records staff checked, field by field."""

    records: int
    fields: tuple[FieldTally, ...]
    changed_since: int = 0  # checked records left out: changed since their check
    #: Records that needed no correction, among those the importer raised no doubts about and
    #: among those it did (``intake.doubts``); records read before it said are in neither.
    no_doubts: FieldTally = FieldTally("Raised no doubts", 0, 0)
    doubts: FieldTally = FieldTally("Was unsure of its reading", 0, 0)

    @property
    def by_doubts(self) -> tuple[FieldTally, FieldTally]:
        return (self.no_doubts, self.doubts)

    @property
    def headline(self) -> tuple[FieldTally, ...]:
        """Records read right throughout, question outcomes and questions as split: the
        fields a comparison between logs shows."""
        wanted = (READ_RIGHT_THROUGHOUT, QUESTION_OUTCOMES, QUESTIONS_AS_SPLIT)
        return tuple(next(f for f in self.fields if f.name == name) for name in wanted)


#: The page's own fields staff may correct: the name the tally shows, and the words a check's
#: summary uses.
_PAGE_FIELDS = (
    ("reference", "Reference", "the reference"),
    ("provisions", "Provisions cited", "the provisions cited"),
    ("ncnd", "Neither confirm nor deny", "NCND"),
    ("harm_test_present", "Harm test", "the harm test"),
    ("public_interest_test_present", "Public interest test", "the public interest test"),
    ("has_attachment", "Attachment", "the attachment"),
)


def tally(
    checked: Iterable[tuple[Mapping[str, Any], int, Sequence[str] | None]],
) -> CheckTally:
    """The importer's accuracy as staff's checks measure it, from each checked record's
    ``(corrections, question_count, doubts)``.

    A field staff left as read counts as read right; a question whose outcome (or provisions)
    they changed as read wrong. A record whose request staff split differently has its
    questions read wrong as a whole ("Questions as split"), and its questions are not compared
    one by one: the importer's and staff's are not the same questions. A record read without
    questions has its request's outcome counted on its own ("Outcome where no questions were
    found"), right unless staff corrected it.
    """
    records = 0
    outcomes = [0, 0]
    question_provisions = [0, 0]
    split = [0, 0]
    page = {key: [0, 0] for key, _, _ in _PAGE_FIELDS}
    as_read = {False: [0, 0], True: [0, 0]}  # by whether doubts were raised
    throughout = 0  # records staff corrected nothing in (title and date included)
    unasked = [0, 0]  # the outcome of records read without questions
    for corrections, question_count, doubts in checked:
        records += 1
        throughout += not corrections
        if doubts is not None:
            as_read[bool(doubts)][0] += not corrections
            as_read[bool(doubts)][1] += 1
        for key, _, _ in _PAGE_FIELDS:
            page[key][0] += key not in corrections
            page[key][1] += 1
        split[1] += 1
        if "split" in corrections:
            continue
        fixes = (corrections.get("questions") or {}).values()
        split[0] += not any("text" in f for f in fixes)
        outcomes[0] += question_count - min(question_count, sum("outcome" in f for f in fixes))
        outcomes[1] += question_count
        wrong = min(question_count, sum("exemptions" in f for f in fixes))
        question_provisions[0] += question_count - wrong
        question_provisions[1] += question_count
        if question_count == 0:
            # No questions found: the request's outcome is the importer's only reading of one.
            unasked[0] += "overall_outcome" not in corrections
            unasked[1] += 1
    return CheckTally(
        records=records,
        fields=(
            FieldTally(READ_RIGHT_THROUGHOUT, throughout, records),
            FieldTally(QUESTIONS_AS_SPLIT, *split),
            FieldTally(QUESTION_OUTCOMES, *outcomes),
            FieldTally("Question provisions", *question_provisions),
            FieldTally("Outcome where no questions were found", *unasked),
            *(FieldTally(name, *page[key]) for key, name, _ in _PAGE_FIELDS),
        ),
        no_doubts=FieldTally("Raised no doubts", *as_read[False]),
        doubts=FieldTally("Was unsure of its reading", *as_read[True]),
    )


def label(
    extracted: Mapping[str, Any],
    corrections: Mapping[str, Any],
    *,
    title: str,
    date_shown: str,
    note: str,
) -> dict[str, Any]:
    """A checked record as a hand label in the corpus format (``shared/corpus/README.md``):
    what staff confirmed or corrected, for ``bench/score_import.py --corpus`` to score the
    importer against. A question staff marked "not visible on the page" has a null outcome,
    which is not scored, as in the corpus."""
    values = columns(extracted, corrections)
    questions = corrected_questions(extracted, corrections)
    record = {
        "reference": values["reference"] or None,
        "title": title,
        "received_or_published_date": date_shown or None,
        "questions": [_plain(q.text) for q in questions],
        "per_question": [
            {"q": q.number, "outcome": q.outcome, "exemptions": list(q.exemptions)}
            for q in questions
        ],
        "exemptions_cited": cited(extracted, corrections),
        **{flag: values[flag] for flag in FLAGS},
        "overall_outcome": values["overall_outcome"] or None,
        "notes": note,
    }
    return {name: record[name] for name in CORPUS_FIELDS}


#: What each kind of correction is called on the record page, in the order shown.
_CORRECTION_NAMES = (
    ("split", "the questions as split"),
    ("questions", "questions"),
    ("overall_outcome", "the outcome"),
    *((key, words) for key, _, words in _PAGE_FIELDS),
    ("title", "the title"),
    ("date_shown", "the date shown"),
)


def describe(corrections: Mapping[str, Any]) -> list[str]:
    """What a check corrected, in words: ["the reference", "NCND"]; empty when nothing."""
    return [name for key, name in _CORRECTION_NAMES if key in corrections]
