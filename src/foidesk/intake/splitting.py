"""Propose how a pasted FOI request splits into questions.

Questions are the unit of decision: each gets its own outcome, exemptions and answer (see
DESIGN.md, capability 1), so the first thing an FOI officer does with a new request is split it.
This module makes a first proposal from the requester's text; the officer edits it before saving,
so the rules favour being predictable over being clever.

The rules were measured against the hand-labelled disclosure-log pages in
``../shared/corpus`` (``tests/intake/test_splitting_corpus.py``: the question count matches the
label on 29 of 31 pages) and follow how the labeller split them:

- numbered or bulleted items are questions, whatever numbering style the requester used ("1.",
  "(1)", "Q1", "Question One:", "Part 2:", "3 -", items numbered inside one long line), and the
  numbers are given again as 1..n (pages rendered from HTML lists often number every item "1.");
- an item the requester did not number that asks two things in two sentences, or "details of why
  X and whether Y", is two questions;
- a question's follow-up ("If yes, ...", "If so, ...", "If not, ...") and its sub-items stay with
  it;
- context (background, "For context: ..." paragraphs, links) is never a question: it is kept
  apart, with the question it sits inside or the question that follows it;
- the salutation and the request's opening words are the *preamble*; the closing remarks and the
  sign-off are the *signoff*, kept out of every question because they hold the requester's name
  (personal data, never published: FOIA s40(2), https://www.legislation.gov.uk/ukpga/2000/36/section/40).

The text is kept as the requester wrote it, apart from whitespace: non-breaking spaces, Windows
line ends, runs of spaces and of blank lines, and lines hard-wrapped by an email client.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import groupby, takewhile

from foidesk.intake.wording import (
    ASKS,
    MONTH,
    NUMBER_WORDS,
    ROMAN_NUMERAL,
    first_filled,
    quick,
)

__all__ = [
    "LINK",
    "NUMBERED_REQUEST_HEADING",
    "REQUEST_HEADING",
    "RESPONSE_HEADING",
    "SALUTATION",
    "SITE_FURNITURE",
    "EmptyRequestText",
    "ProposedQuestion",
    "follows_on",
    "ProposedSplit",
    "answers_request",
    "heads_the_whole_response",
    "introduces_request",
    "is_sign_off",
    "set_out_page",
    "separate_requests",
    "split_inline_items",
    "without_salutation",
    "nested_numbers_as_parts",
    "normalise_whitespace",
    "propose_questions",
    "request_section",
]


class EmptyRequestText(ValueError):
    """The pasted request has no text, so there is nothing to split."""


@dataclass(frozen=True, slots=True)
class ProposedQuestion:
    """One proposed question: what is asked (``text``) and the background kept apart from it.

    ``text`` holds the question with its follow-ups and sub-items, one per line; ``context`` holds
    paragraphs that explain the question but ask nothing, one per line.
    """

    number: int
    text: str
    context: str = ""
    #: The requester numbered it ("2.", "Q3", "4a)"): their numbering says where it ends.
    numbered: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class ProposedSplit:
    """A proposal for the officer to edit: questions in order, plus what surrounds them.

    ``preamble`` is everything before the first question (salutation, "under the Freedom of
    Information Act I would like ...", background for the whole request). ``signoff`` is the
    closing remarks and sign-off after the last question; it may name the requester, so it must
    never be published. ``whole_text_fallback`` is true when no item or question was recognised:
    the whole text was proposed as one question, or as one for each request where it makes two
    in two sentences.
    """

    questions: tuple[ProposedQuestion, ...]
    preamble: str = ""
    signoff: str = ""
    whole_text_fallback: bool = False

    def __len__(self) -> int:
        return len(self.questions)


# --- Whitespace ------------------------------------------------------------------------------

# Spaces other than " " that pasted text carries: non-breaking (very common on disclosure-log
# pages), the typographic spaces, tabs and form feeds.
_SPACE_LIKE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
_RUN_OF_SPACES = re.compile(r" {2,}")


def normalise_whitespace(text: str) -> str:
    """Return ``text`` with its whitespace made plain, and nothing else changed.

    Line ends become ``\\n``; odd spaces become ``" "``; runs of spaces and of blank lines are
    collapsed; lines are stripped. Spelling, mojibake and run-together words ("16thJanuary") are
    the requester's and stay: the register must show what was asked.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _RUN_OF_SPACES.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


# --- Item markers ----------------------------------------------------------------------------


class _Style(StrEnum):
    """Families of item marker. Items of the first family seen are the questions."""

    NUMBER = "number"  # 1.  1)  (1)  1 -  1:  Q1  Q1.  Question 1:
    NUMLETTER = "numletter"  # 1a)  1a.  Q1a
    LETTER = "letter"  # a.  a)  (a)
    ROMAN = "roman"  # i.  ii)  (iv)
    DECIMAL = "decimal"  # 1.1
    BULLET = "bullet"  # -  *  •  ·  –
    OPTION = "option"  # a bullet that lists the options of the question above it; never an item


@dataclass(frozen=True, slots=True)
class _Marker:
    style: _Style
    label: str
    rest: str


#: A capital letter alone on its line ("A" / "How many complaints ...?" / "B"): the request's
#: lettered questions, and their answers lettered the same way.
LONE_LETTER = re.compile(r"^([A-H])()$")
_MARKER_PATTERNS: tuple[tuple[re.Pattern[str], _Style], ...] = (
    # "Question 1" needs punctuation or the end of the line after it, so that a sentence such as
    # "Question 1 and 2 were answered together" is not read as a marker.
    # So are "Part 1:", "Point 2 -", "Request 3:" and "Question One:".
    (
        re.compile(
            r"^(?:question|part|point|request)\s*(\d{1,2}|[a-z]{3,6})([a-z]?)\s*"
            r"(?:[.):]|[-–—](?=\s)|$)\s*(.*)$",
            re.I,
        ),
        _Style.NUMBER,
    ),
    (
        # "Q1 / Please supply ..." (not "Q1/Q2 figures": the slash needs a space after it).
        re.compile(r"^Q\.?\s?(\d{1,2})([a-z]?)(?=[\s.):\-–—]|$)\s*(?:[.):]|[-–—/](?=\s))?\s*(.*)$"),
        _Style.NUMBER,
    ),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(.*)$"), _Style.DECIMAL),
    (re.compile(r"^\((\d{1,2})([a-z]?)\)\s*(.*)$"), _Style.NUMBER),
    # "[1] Terms of reference for the group" (a footnote's "[1]" is told apart later).
    (re.compile(r"^\[(\d{1,2})()\]\s+(.*)$"), _Style.NUMBER),
    (re.compile(r"^(\d{1,2})([a-z]?)[.)](?:\s+(.*))?$"), _Style.NUMBER),
    # "1/ Monthly knife crime offences", "1/Could you please provide ..."
    (re.compile(r"^(\d{1,2})()/(?:\s+|(?=[A-Z]))(.*)$"), _Style.NUMBER),
    (re.compile(r"^(\d{1,2})(),\s+(?=[A-Z])(.*)$"), _Style.NUMBER),  # "1, When an arrest was made"
    # "1 - How many officers ...", "2: The number of ...": a word must follow, so that "2 - 3
    # officers" and "10:30" stay text.
    (re.compile(r"^(\d{1,2})()\s*(?::|\s[-–—])\s+(?=[A-Za-z])(.*)$"), _Style.NUMBER),
    (re.compile(r"^\(([ivx]{2,5}|[IVX]{2,5})\)\s*(.*)$"), _Style.ROMAN),
    (re.compile(r"^([ivx]{2,5}|[IVX]{2,5})[.)]\s+(.*)$"), _Style.ROMAN),
    (re.compile(r"^\(([a-zA-Z])\)\s*(.*)$"), _Style.LETTER),
    (re.compile(r"^([a-zA-Z])[.)]\s+(.*)$"), _Style.LETTER),
    # A capital letter alone on its line over the question it heads ("A" / "How many ...?" / "B");
    # it stands only in a run "A", "B", ... (``_lone_letters_in_a_run``).
    (LONE_LETTER, _Style.LETTER),
    (re.compile(r"^([-*–—])\s+(.*)$"), _Style.BULLET),
    (re.compile(r"^([•·▪◦●○■□➢►])\s*(.*)$"), _Style.BULLET),
    # "o  2020 stats on burglary ...": a hollow bullet as a document converted to text prints it.
    (re.compile(r"^(o)\s+(?=[A-Z0-9\"“‘(])(.*)$"), _Style.BULLET),
)
_ROMAN = re.compile(rf"^{ROMAN_NUMERAL}$")


#: A bullet that carries one of these ("- (a) ...", "• 2. ...") is that item.
_ITEM_STYLES = frozenset({_Style.NUMBER, _Style.LETTER, _Style.ROMAN})
_LEADING_PART = re.compile(r"^\(?[a-z]\)\s+|^[a-z]\.\s+(?=[A-Z])")


def _marker(line: str) -> _Marker | None:
    """Recognise an item marker at the start of ``line``; ``None`` if it has none."""
    for pattern, style in _MARKER_PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groups()
        if style is _Style.NUMBER and not groups[0].isdigit():
            if groups[0].lower() not in NUMBER_WORDS:
                continue  # "Question about ...", "Part of ..."
            groups = (str(NUMBER_WORDS[groups[0].lower()]), *groups[1:])
        rest = (groups[-1] or "").strip()
        if style is _Style.NUMBER and groups[1]:
            style = _Style.NUMLETTER  # "1a)": the parts are numbered, not just the questions
        elif style is _Style.NUMBER and (part := _LEADING_PART.match(rest)):
            # "1. a) Why is ...": the same, written with a space.
            style, rest = _Style.NUMLETTER, rest[part.end() :]
        if style is _Style.ROMAN and not _ROMAN.match(groups[0].lower()):
            continue
        if style is _Style.BULLET and not re.search(r"\w", rest):
            continue
        if style is _Style.BULLET and (inner := _marker(rest)) and inner.style in _ITEM_STYLES:
            return inner  # "- (a) How much will it cost ...": the letter is the item's marker
        label = "".join(g for g in groups[:-1] if g).lower()
        if style is _Style.DECIMAL:
            label = ".".join(groups[:-1])  # "2.1", so that it reads as a part of item 2
        return _Marker(style=style, label=label, rest=rest)
    return None


# --- What a paragraph does -------------------------------------------------------------------


class _Kind(StrEnum):
    REQUEST = "request"  # asks for something
    FOLLOWUP = "followup"  # "If yes, ...": belongs to the question before it
    LEADIN = "leadin"  # "Please provide the following:": introduces questions, asks nothing itself
    CONTEXT = "context"  # background


#: A web address in running text.
LINK = quick(re.compile(r"(?:\bhttps?://|\bwww\.)\S+", re.I))
_QUESTION_MARK = re.compile(r"\?(?=[\s\"'”’)\]]|$)")

# What the answer to a question should hold for each thing it counts, not a request of its own:
# "Please include details of the date and location of each pursuit".
_EACH_OF_THEM = r"(?![^.?!\n]*\b(?:each|every|per)\b)"
# Words that soften or join a request and hide how it starts: "If possible, please ...",
# "In addition, of those incidents, how many ...".
# Words that add one request to another: "Also, ...", "Please also provide ...".
_ADDING = r"also|additionally|in\s+addition|further(?:more)?"
_QUALIFIER = re.compile(
    r"^(?:(?:if|where|when)\s+(?:at\s+all\s+)?(?:possible|available|applicable|practicable|"
    rf"easily\s+retrievable|known|recorded)|finally|{_ADDING}|"
    r"secondly|thirdly|lastly|moreover|separately|similarly|likewise|and|but|then|next)\b[\s,;:]*",
    re.I,
)
_FOLLOWUP = re.compile(
    r"^(?:(?:further\s+)?clarification\s*:(?=[ \t]*\S)|"
    r"(?:and\s+|but\s+)?(?:if\s+(?:yes|so|not|no|any|applicable|held|the\s+answer|"
    r"(?:this|that)\s+is\s+the\s+case|you\s+do|you\s+have|there\s+(?:is|are|were|was)\s+(?:any|none))"
    r"|where\s+(?:this|that)\s+is\s+the\s+case|in\s+which\s+case"
    # "Where such evaluation and/or trial has taken place, please provide ..."
    r"|where\s+such\s+\w+"
    # A fallback for the cost limit: "If this exceeds the cost limit, then please may I have the
    # information for the past five years only", "If this is not possible, ...".
    r"|if\s+(?:this|that|it|(?:my|the|this)\s+(?:request|question|information))\b[^.?]{0,60}?"
    r"\b(?:cost|time|appropriate|fees?)\s+limit|if\s+(?:the\s+)?(?:cost|appropriate|time)\s+limit"
    r"|if\s+(?:this|that|it)\s+(?:is|would\s+be|proves)\s+(?:too\s+\w+|not\s+possible|"
    r"impossible|impractical)"
    # "If an exact figure is not available, please provide instead your estimated total".
    r"|if\s+(?:an?\s+|the\s+)?(?:exact\s+|precise\s+)?(?:figures?|information|data|numbers?)\s+"
    r"(?:is|are)\s+not\s+(?:available|held|recorded)"
    # A field added for some of the items asked about: "If a police station is one that has been
    # re-opened, could you please include the date it was initially closed."
    r"|if\s+[^,.?]{3,80},\s*(?:could\s+you\s+(?:please\s+)?|please\s+(?:could\s+you\s+)?)"
    r"(?:also\s+)?(?:include|add)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:date|cost|name|address|reason|number|location|value|amount)s?)\b)",
    re.I,
)


def follows_on(line: str) -> bool:
    """Whether ``line`` follows on from the question before it ("If yes, ...", "Where such a
    trial has taken place, ...") rather than asking something of its own."""
    return bool(_FOLLOWUP.match(line))


# What the thing asked for in the item above should hold: "- This should include a summary of
# the report, the hate strand, and ...". "This" or "it" is the item above; "- These should cover
# each of the years 2021 to 2023." is about every item, and is kept as context, as what the
# requester wants of every item is.
_SPECIFIES_ABOVE = re.compile(
    r"^(?:(?P<one>this|it)|(?:these|they|all|each)(?:\s+of\s+(?:these|them))?)\s+"
    r"(?:should|must|would|will|could|can)\s+(?:also\s+)?"
    r"(?:include|cover|contain|show|list|detail|set\s+out|relate)\b",
    re.I,
)
# A condition inside a numbered item ("If the date in 1 above was ..., I would like ...") stays
# with the item; politeness ("If possible, ...") is not a condition.
_CONDITIONAL = re.compile(r"^(?:if|or|otherwise|alternatively|unless|and\s+if|or\s+if)\b", re.I)
_CONJUNCTION_ONLY = re.compile(r"^(?:or|and|and/or|otherwise|alternatively)[.:,]?$", re.I)
_CONTEXT_CUE = re.compile(
    r"^(?:for\s+context|context|background|by\s+way\s+of\s+background|for\s+background|"
    r"for\s+information|for\s+reference|please\s+note|note|nb|n\.b\.)\b",
    re.I,
)
_LEADIN_WORDS = r"the\s+following|as\s+follows"
_LEADIN_PHRASE = re.compile(rf"\b(?:{_LEADIN_WORDS})\b", re.I)
_WH_START = re.compile(
    r"^(?:how\s+(?:many|much|often|long|far|frequently|is|are|was|were|do|does|did|has|have|"
    r"can|could|will|would|should|may|might)|what|which|who|whom|whose|why|whether|"
    # "How these numbers differ from 1 year ago.": a comparison asked for, an item of a list.
    # (Not the comparison as the subject of a statement: "How the force compares with its
    # neighbours has been widely reported.")
    r"how\s+(?:these|those|this|that|the|your|each)\s+(?:\w+\s+){0,4}?(?:differs?|compares?|"
    r"(?:has|have)\s+changed|var(?:y|ies))\b(?![^?\n]*\b(?:is|was|are|were|has\s+been|have\s+been)"
    r"\s+(?:of|widely|well|already|clear|unclear|known|reported|documented|important|"
    r"interesting|relevant|set\s+out|shown|explained|discussed|covered|not)\b)|"
    # Questions written without their question mark: "Where can a fraud be reported to.",
    # "Do you have a fraud hotline."
    r"where\s+(?:can|could|do|does|did|is|are|was|were|will|would|should|has|have)|"
    r"(?:do|does|did|have|has|is|are|was|were|can|will)\s+(?:you|your)\b)\b",
    re.I,
)
# Items written as noun phrases ("The number of body cams ...", "A copy of all minutes ...").
_NOUN_START = re.compile(
    r"^(?:(?:the\s+)?(?:total\s+|current\s+|overall\s+|average\s+|annual\s+)?(?:number|numbers|"
    r"amount|names?|dates?|locations?|cost|costs)\s+of"
    # "The cost for 1 year following the contract ...", "The total spend on agency staff" (not
    # a title, "Spend on branded merchandise")
    r"|the\s+(?:total\s+|annual\s+)?(?:cost|costs|spend|expenditure)\s+(?:for|on)\b"
    # "The amount spent on overtime", "The amount by which the budget has fallen"
    r"|the\s+(?:total\s+)?amount\s+(?:spent|paid|received|owed|claimed|awarded|by\s+which)\b"
    r"|the\s+total\b|the\s+(?:details|guidelines|policy|policies|minutes)\b"
    r"|a\s+(?:full\s+)?(?:breakdown|copy|list|summary|table|description)\b|copies\s+of|details\s+of"
    r"|(?:any|all)\s+(?:documents?|information|records?|correspondence|reports?|data|guidance|"
    r"policies|emails?|minutes)\b|to\s+know\b)",
    re.I,
)
# A noun phrase followed by what became of it is a statement: "The cost of ... has risen".
_SAYS_A_CHANGE = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:now|recently|since|also)\s+)?(?:risen|increased|fallen|decreased|"
    r"gone\s+(?:up|down)|doubled|trebled|tripled|grown|dropped|soared|halved)\b|"
    r"\b(?:rose|fell|soared|doubled|halved)\s+(?:by|from|to|in|since|over|sharply|again)\b|"
    # "The amount paid was reported in the Echo as £2m": what was said of it.
    r"\b(?:was|were|is|are)\s+(?:reported|published|quoted|stated|disclosed)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|that|which|where|when)\b", re.I)
_REQUEST_PHRASE = quick(
    re.compile(
        r"\bplease\s+(?:could|can|would|may|will)\b"
        r"|\b(?:could|can|would|will)\s+you\b"
        r"|\bif\s+you\s+(?:could|can|would)\b"
        r"|\b(?:can|could|may)\s+I\s+(?:also\s+|please\s+)?(?:have|get|see|request|ask|obtain|know|"
        r"be\s+(?:told|given|provided|sent))\b"
        r"|\bplease\s+(?:then\s+)?(?:also\s+)?(?:provide|send|supply|e-?mail|tell|give|indicate|share|list|state|advise|"
        r"disclose|release|forward|detail|specify|explain|identify|outline|populate|break\s?down|"
        r"breakdown|let\s+me\s+know|confirm\s+(?:whether|if|how|what|which)|clarify\s+(?:whether|if)|"
        # "please include a copy of the driving policy", "Please also include information
        # relating to other related incidents" ask for a document or for information (where
        # "please include" alone says what an answer should hold, and so does "Please include
        # details of the date and location of each pursuit": ``_EACH_OF_THEM``).
        r"(?:include|attach)\s+(?:a\s+|any\s+|all\s+)?(?:cop(?:y|ies)\s+of|"
        rf"(?:information|details|records|documents|correspondence)\b{_EACH_OF_THEM}))\b"
        r"|\bI(?:\s+would|'d|’d|\s+should)(?:\s+(?:also|therefore|further|now))?\s+(?:like|love|want)\s+(?:to\s+(?:know|request|"
        r"receive|see|obtain|ask|have|find\s+out|be\s+(?:told|provided|sent|given))|a\b|an\b|the\b|"
        r"details|information|confirmation|copies|copy|data|figures|all\b|any\b|you\s+to\s+(?:provide|send|supply|"
        r"tell|give|confirm|state|list|disclose|release|share|indicate|let))"
        r"|\bI\s+(?:would\s+|also\s+|therefore\s+)*(?:request|ask\s+for|ask\s+that|want\s+to\s+know|"
        r"wish\s+to\s+(?:know|request|receive|obtain|see)|am\s+requesting|am\s+asking|"
        r"am\s+(?:also|further)\s+(?:requesting|asking\s+(?:for|whether|if|about|you|that)))\b"
        r"|\bI\s+would\s+(?:also\s+)?ask\b"
        # "I'm writing to request a breakdown of ...", "I write to ask for ..." (not "I am writing
        # to request information under the Act", "... the following information", "... to ask
        # for your assistance": those introduce the request).
        r"|\bI(?:['’]m|\s+am)?\s+writ(?:e|ing)\s+to\s+(?:request|ask\s+for|ask\s+whether|obtain)\s+"
        r"(?!(?:some\s+|the\s+following\s+|further\s+)?information\b|your\s+(?:help|assistance)\b|"
        r"assistance\b)"
        # "I am specifically seeking information about the number of police horses ..."
        r"|\bI\s+am\s+(?:specifically\s+|also\s+|therefore\s+)?(?:seeking|looking\s+for)\s+"
        r"(?:(?:information|details|data|figures)\s+(?:about|on|regarding|relating\s+to|concerning|"
        r"as\s+to)|the\s+number|copies|a\s+copy|any)\b"
        # The request as the authority restates it: "You have also asked for the costs of ..."
        r"|\byou\s+have\s+also\s+(?:asked|requested)\s+(?:for|whether|about|if)\b"
        # "I wish to make a formal request to see the transcript ..."
        r"|\b(?:make|submit)\s+an?\s+(?:formal\s+)?(?:FOI\s+|freedom\s+of\s+information\s+)?request\s+"
        r"(?:to\s+(?:see|know|obtain|receive|have)|"
        r"for)\b"
        # "... a Freedom of Information request to find out how many times ..."
        r"|\b(?:request|like|want|wish|looking|trying|seeking)\s+to\s+find\s+out\s+"
        r"(?:how|what|whether|if|which|when|why|who)\b"
        r"|\bit\s+would\s+be\s+(?:\w+\s+)?(?:helpful|useful|appreciated|beneficial|great)\b",
        re.I,
    )
)


def _strip_qualifiers(text: str) -> str:
    """Drop leading softeners such as "If possible," and "In addition," (repeatedly)."""
    while True:
        stripped = _QUALIFIER.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


# "If the force has started the move, what proportion of devices ...", "Regardless of the
# system, whether there is ...": the question after the opening clause is what counts. "which"
# and "who" are left out here: after a comma they usually start a relative clause.
# "In the months of October, November and December 2021, how many hours ...": the opening
# phrase may hold commas of its own.
_OPENING_CLAUSE = re.compile(
    r"^(?:in|for|during|over|between|from|since|within|across|of)\b[^?]{1,160}?,\s*"
    r"(?=(?:how|what|whether)\b)|^[^,?]{1,160},\s*",
    re.I,
)
_WH_AFTER_CLAUSE = re.compile(
    r"^(?:how\s+(?:many|much|often|long|far|frequently)|what|whether)\b", re.I
)


def _is_request(text: str) -> bool:
    """Whether ``text`` asks for information: a question mark, a request verb, or an item noun."""
    bare = LINK.sub("", text)
    if _QUESTION_MARK.search(bare) or _REQUEST_PHRASE.search(bare):
        return True
    core = _strip_qualifiers(bare)
    if _WH_START.match(core):
        return True
    # ("The location (road name, city/town name) of each speed camera ...": the noun's aside
    # set apart. "The cost of policing the match has risen by a third" says, not asks.)
    if _NOUN_START.match(_PARENTHETICAL.sub("", core) if "(" in core else core):
        change = _SAYS_A_CHANGE.search(core)
        # (Not in a relative clause: "The number of officers who have increased their hours".)
        return change is None or bool(_RELATIVE.search(core, 0, change.start()))
    clause = _OPENING_CLAUSE.match(core)
    return clause is not None and bool(_WH_AFTER_CLAUSE.match(core[clause.end() :]))


# A log's date field printed above the request: "Date of Request", "Date received: 4 May".
_DATE_FIELD = re.compile(
    r"^dates?\s+(?:of\s+)?(?:the\s+)?(?:request|response|receipt|received|responded|"
    r"published|publication|reply)\b(?:\s*:.*)?$",
    re.I,
)


# A request's opening words with nothing asked after them, the questions below: "Please could
# you let me know", "Could you please tell me", "I would like to know".
_BARE_LEADIN = re.compile(
    r"^(?:(?:please\s+)?(?:could|can|would|will)\s+you\s+(?:please\s+)?|please\s+|"
    r"I\s+would\s+(?:like|be\s+grateful\s+if\s+you\s+could)\s+(?:to\s+)?)"
    r"(?:let\s+me\s+know|tell\s+me|know|advise(?:\s+me)?|provide(?:\s+me\s+with)?|confirm)"
    r"(?:\s+the\s+following)?\s*[:.,;-]?$",
    re.I,
)


def _kind(text: str) -> _Kind:
    """Say what a paragraph does; see ``_Kind``. Order matters: the first rule that fits wins."""
    if _FOLLOWUP.match(text):
        return _Kind.FOLLOWUP
    bare = LINK.sub("", text).strip()
    if not bare:
        return _Kind.CONTEXT  # a link on its own line
    if _BARE_LEADIN.match(bare):
        return _Kind.LEADIN
    has_question_mark = bool(_QUESTION_MARK.search(bare))
    if (_CONTEXT_CUE.match(text) or _DATE_FIELD.match(bare)) and not has_question_mark:
        return _Kind.CONTEXT
    if (
        not has_question_mark
        and bare.endswith(":")
        and not _COUNT_BY_CATEGORY.search(bare)
        and not _WHICH_OF_THE_FOLLOWING.search(bare)
        and not _ASKS_BEFORE_LEADING_IN.match(bare)
    ):
        return _Kind.LEADIN
    if (
        not has_question_mark
        # "... the following:" leads in; "the following" in the middle of a paragraph that
        # goes on to ask for something does not; nor does a count for each category listed.
        and _LEADIN_PHRASE.search(bare[-60:])
        and not _WH_START.match(_strip_qualifiers(bare))
        and not _COUNT_BY_CATEGORY.search(bare)
    ):
        return _Kind.LEADIN
    if _ABOUT_THE_SEARCH.search(bare):
        return _Kind.CONTEXT
    if not has_question_mark and (
        _DEFINES.match(bare) or ("that you" in bare and _ARGUES.search(bare))
    ):
        return _Kind.CONTEXT
    if not has_question_mark and _ANNOUNCES_QUESTIONS.match(bare):
        return _Kind.LEADIN
    return _Kind.REQUEST if _is_request(text) else _Kind.CONTEXT


# What the requester means by a word, or an argument for disclosure, asks nothing: "I would
# like to define a cannabis factory as: ...", "For the purposes of this request, ...", "... but
# I would ask that you consider that specials form only a small staffing element".
_DEFINES = re.compile(
    r"(?:I\s+would\s+like\s+to\s+define|I\s+define)\b|"
    # "For the purposes of this request, a 'cannabis factory' means ..." (not "For the purposes
    # of this request, please provide ...", which asks).
    r"for\s+the\s+purposes?\s+of\s+this\s+request,?\s+(?:an?\s+|the\s+)?[^,.]{1,60}?\s+"
    r"(?:means|is|are|refers?\s+to|should\s+be\s+(?:taken|read|understood))\b",
    re.I,
)
_ARGUES = quick(
    re.compile(
        r"\b(?:ask|request)\s+that\s+you\s+(?:consider|bear\s+in\s+mind|note)\s+that\b", re.I
    )
)
# "Which departments in your Fire Service use Body Worn Cameras. Please include:": a question
# of its own (without its question mark), then a lead-in to the items below it.
_ASKS_BEFORE_LEADING_IN = re.compile(
    r"^(?:which|what|how\s+(?:many|much))\s+(?:\S+\s+){3,}?\S+\.\s+(?P<lead>(?:please\s+include|"
    r"please\s+also\s+(?:provide|include)|in\s+addition|also)\b[^.]*:)$",
    re.I,
)
# "Please can you confirm if any of the following are included in your Vice Chancellor's
# personal objectives:", "Which of the following do you use:": one question, over the list of
# options under it.
_WHICH_OF_THE_FOLLOWING = re.compile(
    r"\b(?:whether|if|which)\s+(?:(?:any|one|some|none)\s+)?of\s+the\s+following\b", re.I
)
# "I would like to ask some questions regarding the specific types of payments ...", "I have a
# few questions about the scheme.": it announces the questions that follow, and asks none.
_ANNOUNCES_QUESTIONS = re.compile(
    r"^(?:I|we)\s+(?:would\s+like\s+to|wish\s+to|want\s+to|have)\s+(?:ask\s+(?:you\s+)?)?"
    r"(?:some|a\s+few|a\s+couple\s+of|several|a\s+number\s+of|two|three|four|five)\s+"
    r"(?:further\s+|more\s+)?questions\b",
    re.I,
)


# How the authority might search, suggested by the requester, is no question of its own: "With
# regards to emails could you use key word searches of the content?", "I presume you store
# records by Health Board and then service?".
_ABOUT_THE_SEARCH = quick(
    re.compile(
        r"\bkey\s?words?\s+search|\bsearch(?:es)?\s+(?:of\s+)?(?:the\s+)?(?:content|inboxes|mailboxes)\b|"
        r"\brecords?\s+management\s+system\b|\bI\s+presume\s+you\s+(?:store|keep|hold|file|could)\b|"
        r"\b(?:filter|narrow)\s+(?:them|it|this|these|the\s+search)\s+down\b",
        re.I,
    )
)


_POLITENESS = re.compile(
    r"^(?:(?:if|where|when)\s+(?:at\s+all\s+)?(?:possible|available|applicable|practicable|"
    r"easily\s+retrievable)\b(?:\s+and\s+)?[\s,;:]*)+",
    re.I,
)


def _is_conditional(text: str) -> bool:
    """ "If the date in 1 above was ..., I would like ..." (a condition, not "If possible, ...")."""
    return bool(_CONDITIONAL.match(_POLITENESS.sub("", text)))


# --- Closing remarks and sign-off -------------------------------------------------------------

_CLOSING = re.compile(
    r"^(?:yours\s+(?:faithfully|sincerely|truly)|(?:kind|best|warm|warmest)\s+(?:regards|wishes)|"
    r"many\s+thanks|with\s+(?:many\s+)?thanks|with\s+(?:kind\s+)?regards|regards|thanks|thank\s+you|"
    r"cheers|sincerely|respectfully|best|diolch|yn\s+gywir|yn\s+ddiffuant|cofion(?:\s+cynnes)?)\b"
    r"(?:[\s,.!]+(?:in\s+advance|for\s+your\s+(?:time|help|assistance|consideration)|again|"
    r"very\s+much))?[\s,.!]*(?P<name>.*)$",
    re.I,
)
# Remarks about handling rather than information: they trail the last question and go with the
# sign-off. Only the paragraphs just before the sign-off are tested, so an early question about,
# say, internal reviews is never mistaken for one.
_PROCEDURAL = re.compile(
    r"electronic(?:ally)?\b|\b(?:by|via)\s+e-?mail\b|\bformat\b|spreadsheet|\bexcel\b|\bcsv\b|"
    r"clarif(?:y|ication)|hesitate|"
    r"contact\s+me|get\s+in\s+touch|acknowledg|confirm\s+(?:in\s+writing\s+)?(?:that\s+you\s+have\s+)?"
    r"receiv|receipt\s+of\s+(?:this|my)|look\s+forward|reserve\s+the\s+right|justify|non-exempt|"
    r"working\s+days|advice\s+and\s+assistance|duty\s+to\s+(?:advise|assist)|"
    r"if\s+my\s+request\s+is\s+(?:denied|refused)|if\s+(?:any|part)\s+of\s+(?:this|my)\s+request|"
    r"(?:cost|fees?|appropriate)\s+limit|narrow\s+(?:down\s+)?(?:this|my)\s+request|"
    r"would\s+appreciate\s+any|understand\s+that\s+(?:this|the)\s+information|thanks|thank\s+you|"
    r"in\s+advance|sent\s+from\s+my|\bin\s+an?\s+e-?mail\s+(?:back\s+)?to\b|"
    # "If possible, please could you provide the information in the form of the attached table."
    r"\battached\s+(?:table|template|spreadsheet|form)\b|"
    # The closing paragraphs of a requester's template: "If you are unable to proceed with all
    # of the above ..., please provide the rest of the information.", "I wish to be informed in
    # writing whether you have such information", "If you are considering charging ...".
    r"^if\s+you\s+are\s+unable\s+to\s+(?:proceed|answer|comply)\s+with\s+(?:all|any|part)\b|"
    r"\bwish\s+to\s+be\s+informed\s+in\s+writing\b|\bdisclose\s+such\s+information\s+as\s+is\s+"
    r"not\s+covered\b|^if\s+you\s+are\s+considering\s+charging\b",
    re.I,
)


def is_sign_off(paragraph: str) -> bool:
    """A sign-off line: "Yours faithfully,", "Kind regards, Jane", "Thanks"."""
    if len(paragraph) > 60:
        return False
    match = _CLOSING.match(paragraph)
    if match is None:
        return False
    name = match.group("name")
    return not name or name[0].isupper()


# --- Paragraphs ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    line: str
    marker: _Marker | None
    kind: _Kind
    heading: bool = False  # heads the numbered questions below it ("• Drug use among staff")
    aside: bool = False  # context of the question above it ("Clarification received:" / ...)


def _wrap_width(lines: list[str]) -> int | None:
    """The width an email client wrapped the text at, if it looks hard-wrapped (72 or so)."""
    lengths = [len(line) for line in lines if line]
    if not lengths or max(lengths) > 80:
        return None
    width = max(lengths)
    near_width = sum(1 for length in lengths if length >= width - 10)
    return width if width >= 50 and near_width >= 2 else None


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` is the rest of ``previous``, cut by an email client's line wrapping.

    The line starts in lower case after a long line that did not end its sentence; or it ends a
    numbered question whose line did not ("1. How many of the complaints received by ..." /
    "Department were referred to your office for review?"); or the text is hard-wrapped and the
    line's first word would not have fitted on the line above.
    """
    if previous[-1] in ".?!:;" or _marker(line) is not None or _CLARIFICATION_HEADING.match(line):
        return False
    if len(previous) >= 40 and line[0].islower():
        return True
    if (
        previous.endswith(",")
        and len(previous.split()) >= 8
        and not SALUTATION.match(previous)
        and not is_sign_off(previous)
    ):
        # "What improvement schemes ... were carried out in Drumtara," / "Ballymena in each year
        # from 2000 onwards?": a sentence wrapped after a comma (not "Dear Sir or Madam,").
        return True
    if (
        len(previous) >= 60
        and line.endswith("?")
        and "?" not in line[:-1]
        and _marker(previous) is not None
    ):
        # "2b. What was the total number of charging points ... at the end of 31st" / "May
        # 2015?", "1. How many of the complaints received by ... Standards" / "Department were
        # referred to your office for review?": the question's last words, wrapped onto a line
        # of their own.
        return True
    return width is not None and len(previous) + 1 + len(line.split()[0]) > width


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that an email client hard-wrapped back into their paragraph."""
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    previous_blank = True
    for line in lines:
        if not line:
            previous_blank = True
            continue
        if paragraphs and not previous_blank and _continues(paragraphs[-1], line, width):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous_blank = False
    return paragraphs


def _lone_letters_in_a_run(paras: list[_Para]) -> None:
    """Capital letters alone on their lines head lettered questions when they run "A", "B", ...
    (the Government of Jersey's log: "Request" / "A" / "How many complaints ...?" / "B" / ...);
    a stray one ("A" as a grade, a table cell) is a plain line."""
    lone = [
        k for k, p in enumerate(paras) if p.marker is not None and p.line == p.marker.label.upper()
    ]
    letters = "".join(paras[k].line for k in lone)
    heads_text = all(k + 1 < len(paras) and k + 1 not in lone for k in lone)
    if len(lone) < 2 or letters != "ABCDEFGH"[: len(letters)] or not heads_text:
        # ("A" / "B" / "C" one under another: grades listed, not questions lettered.)
        for k in lone:
            paras[k].marker = None


def _settle_letters(paras: list[_Para]) -> None:
    """Decide whether "i." is the letter after "h." or the roman numeral one (and "v.", "x.")."""
    previous_letter = ""
    for para in paras:
        marker = para.marker
        if marker is None:
            continue
        if marker.style is _Style.LETTER:
            label = marker.label
            follows = previous_letter and ord(label) == ord(previous_letter) + 1
            if label in "ivx" and not follows:
                para.marker = _Marker(_Style.ROMAN, label, marker.rest)
            else:
                previous_letter = label
        elif marker.style is not _Style.ROMAN:
            previous_letter = ""


def _is_bullet(para: _Para) -> bool:
    return para.marker is not None and para.marker.style is _Style.BULLET


def _demote_context_lists(paras: list[_Para]) -> None:
    """Turn bullet lists that only illustrate something into plain lines.

    "...which defines imitation firearms as:" followed by "– Imitation handgun", "– BB gun" is a
    definition, not five questions. A bullet run is a definition or option list when the line
    before it asks nothing, or is itself a question ending in "?", and no bullet asks anything.
    The bullets of an option list join that question; the others become context.
    """
    for is_run, group in groupby(range(len(paras)), key=lambda index: _is_bullet(paras[index])):
        indexes = list(group)
        if is_run and indexes[0] > 0:
            lead = paras[indexes[0] - 1]
            run = [paras[i] for i in indexes]
            if (
                indexes[0] > 1
                and lead.marker is None
                and _BREAKDOWN_LEAD.search(paras[indexes[0] - 2].line)
            ):
                # "... including the following fields: -" / "Reference code" / "- Name": the
                # list's first entry lost its bullet.
                run = [lead, *run]
                lead = paras[indexes[0] - 2]
            _demote_if_illustrative(lead, run)


# "(a) April 1st 2017-March 31st 2018", "b) 2018/19", "(c) 1 April 2019 to 31 March 2020": a
# period, named by its dates, years or months and nothing else (a year among them). Read word by
# word: a pattern of optional dates and separators repeated backtracks without end on a list of
# years.
_PERIOD_TOKEN = re.compile(r"[^\W_]+(?:/\d+)?|[^\w\s]", re.UNICODE)
_PERIOD_WORD = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:{MONTH})|(?:19|20)\d{{2}}(?:/\d{{2,4}})?|to|until|and|"
    r"between|from|in|for|during|the|calendar|financial|academic|years?|[-–—/,;.])",
    re.I,
)
_A_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _a_period(text: str) -> bool:
    """Whether ``text`` only names a period (see above)."""
    tokens = _PERIOD_TOKEN.findall(text)
    return (
        bool(tokens)
        and bool(_A_YEAR.search(text))
        and all(_PERIOD_WORD.fullmatch(t) for t in tokens)
    )


# A line that poses a question of its own, not only a lead-in: "how many bicycles were ...".
_POSES_A_QUESTION = re.compile(r"\b(?:how\s+(?:many|much|often|long)|what|which|whether)\b", re.I)


def _periods_are_context(paras: list[_Para]) -> None:
    """Items that only name periods are not questions. "... for each of the following years:"
    / "(a) April 1st 2017-March 31st 2018" / "(b) ..." / "Q1 How many suspects ...": the
    periods every question covers are context, when the request marks its questions in another
    way below them. "... seized in each of the following years?" / "a. between 1 October 2021
    to 30 September 2022;" / ...: otherwise they are the periods of the question above them."""
    marked = [i for i, p in enumerate(paras) if p.marker is not None]
    for _, group in groupby(marked, key=lambda i: paras[i].marker.style):
        run = list(group)
        if (
            len(run) < 2
            or run != list(range(run[0], run[-1] + 1))
            or not all(_a_period(paras[i].marker.rest) for i in run)
        ):
            continue
        lead = paras[run[0] - 1] if run[0] > 0 else None
        # ("Could you please tell me how many bicycles were stolen in each of these periods:"
        # asks its own question: its periods are not made context for what is marked below.)
        asks_itself = lead is not None and bool(_POSES_A_QUESTION.search(lead.line))
        if any(paras[i].marker is not None for i in range(run[-1] + 1, len(paras))):
            if not asks_itself:
                for i in run:
                    paras[i].marker, paras[i].kind = None, _Kind.CONTEXT
        elif lead is not None and lead.marker is None and _is_request(lead.line):
            for i in run:
                paras[i].marker = replace(paras[i].marker, style=_Style.OPTION)


_BREAKDOWN_LEAD = re.compile(
    r"\b(?:broken\s+down|break\s*down|information|data|figures)\s+by\s*:$|"
    r"\binclud(?:ing|e)\s+the\s+following\s+(?:fields|columns|details|data)\s*:\s*-?$",
    re.I,
)
# "How many ex-police officers are employed specifically in the following roles;" / "-
# Investigation" / "- Management of appeals": a question counting each category listed.
_COUNT_BY_CATEGORY = re.compile(
    r"^(?:how\s+(?:many|much)|(?:the\s+)?(?:total\s+)?number\s+of)\b[^?]*\b(?:in|for|by|within|"
    r"across|at|under)\s+(?:each\s+of\s+)?the\s+following\s+\w+(?:\s+\w+)?\s*[:;]\s*-?$",
    re.I,
)


def _demote_if_illustrative(lead: _Para, run: list[_Para]) -> None:
    # "Please list each occasion and the information by:" / "- sex" / "- age": what to break
    # the answer down by, not questions.
    breakdown = bool(_BREAKDOWN_LEAD.search(lead.line) or _COUNT_BY_CATEGORY.search(lead.line))
    # A bullet that asks, or that introduces a list of its own ("- In what number did the
    # person:" / "a) ..."), is an item, not an illustration of the line above.
    if not breakdown and any(
        p.marker is not None and (_is_request(p.marker.rest) or p.marker.rest.endswith(":"))
        for p in run
    ):
        return
    if not breakdown and _PROVIDE_THE_FOLLOWING.search(lead.line):
        return  # "... to request the following information:" / "- Total allocation ...": items
    lead_is_question = lead.line.endswith("?") or breakdown
    if _is_request(lead.line) and not lead_is_question:
        return
    for para in run:
        if lead_is_question and para.marker is not None:
            para.marker = replace(para.marker, style=_Style.OPTION)
        else:
            para.marker, para.kind = None, _Kind.CONTEXT


def _paragraphs(text: str) -> list[_Para]:
    paras = []
    for line in _unwrap(text.split("\n")):
        marker = _marker(line)
        paras.append(_Para(line=line, marker=marker, kind=_kind(marker.rest if marker else line)))
    _demote_quoted_items(paras)
    _footnotes_are_context(paras)
    _clarification_is_context(paras)
    _first_entry_lost_its_bullet(paras)
    _lone_letters_in_a_run(paras)
    _settle_letters(paras)
    _demote_context_lists(paras)
    _periods_are_context(paras)
    _options_under_a_bullet(paras)
    _list_without_markers(paras)
    return paras


def _demote_quoted_items(paras: list[_Para]) -> None:
    """Items inside a quotation ("It suggested the following steps:" / "“(1) identify any
    properties ..." / "(2) consider ...”") are context when the request numbers its own
    items outside it: the quotation is what the request is about, not what it asks. A quotation
    that opens on an item ("1) “Broken down per year, ...") is the request quoted, and one that
    never closes (a lost mark, an inch sign: 3" blade) quotes nothing."""
    quoted = [False] * len(paras)
    depth, opened = 0, None
    for index, para in enumerate(paras):
        was = depth
        depth += para.line.count("“") - para.line.count("”")
        if len(_STRAIGHT_QUOTE.findall(para.line)) % 2:
            depth = 0 if depth > 0 else 1
        depth = max(depth, 0)
        if not was and depth:
            opened = index if para.marker is None else None
        elif was and not depth and opened is not None:
            for inside in range(opened + 1, index + 1):
                quoted[inside] = True
            opened = None
    own = any(p.marker is not None and not q for p, q in zip(paras, quoted, strict=True))
    if not own:
        return
    for para, inside in zip(paras, quoted, strict=True):
        if inside and para.marker is not None:
            para.marker, para.kind = None, _Kind.CONTEXT


# A straight double quote, not an inch sign after a figure.
_STRAIGHT_QUOTE = re.compile(r'(?<!\d)"')


_FOOTNOTE_MARK = re.compile(r"^\[(\d{1,2})\]\s*(?=\S)")


def _footnotes_are_context(paras: list[_Para]) -> None:
    """ "... in the last 12 months[1]." / ... / "[1] If the drone in question is not 12 months
    old please provide ...": a footnote qualifies the item that points to it; it asks nothing
    of its own."""
    for index, para in enumerate(paras):
        note = _FOOTNOTE_MARK.match(para.line)
        if note and any(f"[{note.group(1)}]" in p.line for p in paras[:index]):
            para.marker, para.kind = None, _Kind.CONTEXT


# "Clarification requested:", "Clarification received:", "Clarification sought 12/03/2024:".
_CLARIFICATION_HEADING = re.compile(
    r"^clarification\s+(?:requested|sought|(?P<reply>received|provided|given))\b[^.?!]{0,30}:?$",
    re.I,
)


def _clarification_is_context(paras: list[_Para]) -> None:
    """ "Request 1" / "1. The total number of officers accused of misconduct" / "Clarification
    requested:" / "1. Should this include ...?" / "Clarification received:" / "1. Solely for the
    force." / "Request 2" / ...: the exchange that settled what an item asks is that item's
    context, not questions of its own. Only where a heading of the request's own ("Request 2")
    follows it, so that where the exchange ends is known; and it ends sooner at an item numbered
    past the points the exchange raised ("Clarification requested:" / "1. ...?" /
    "Clarification received:" / "1. Yes." / "2. How many of those officers were dismissed?":
    the request's own item 2)."""
    index = 0
    while index < len(paras):
        if not _CLARIFICATION_HEADING.match(paras[index].line):
            index += 1
            continue
        heading = next(
            (
                k
                for k in range(index + 1, len(paras))
                if paras[k].marker is not None
                and paras[k].marker.style is _Style.NUMBER
                and NUMBERED_REQUEST_HEADING.match(paras[k].line)
            ),
            None,
        )
        if heading is None:
            return
        end = heading
        raised = 0  # points the clarification sought
        replying = False
        for k in range(index, heading):
            if heading_match := _CLARIFICATION_HEADING.match(paras[k].line):
                replying = replying or bool(heading_match.group("reply"))
                continue
            number = _item_number(paras[k].marker.label) if paras[k].marker else None
            if number is None:
                continue
            if not replying:
                raised = max(raised, int(number))
            elif int(number) > raised:
                end = k  # the request's own numbering carries on
                break
        for inside in paras[index:end]:
            inside.marker, inside.kind, inside.aside = None, _Kind.CONTEXT, True
        index = end


def _first_entry_lost_its_bullet(paras: list[_Para]) -> None:
    """ "Please send me details about:" / "The number of qualified drone operators ..." / "•
    The number of drones ..." / ...: a list rendered from a web page whose first entry lost its
    bullet. The line between the lead-in and the bullets is an entry when it opens as one of
    them does, unless it leads in to them itself. (``_demote_context_lists`` joins such a line
    to a breakdown's bullets for another end: to tell an illustration from a list of
    questions.)"""
    for index in range(2, len(paras)):
        lost, lead, first = paras[index - 1], paras[index - 2], paras[index]
        if not (_is_bullet(first) and lost.marker is None and lead.line.rstrip().endswith(":")):
            continue
        if lost.line.rstrip().endswith(":") or lost.kind is _Kind.LEADIN:
            continue  # "The number of officers, broken down by the following:" leads in itself
        run = list(takewhile(_is_bullet, paras[index:]))
        opening = lost.line.lower().split()[:2]
        if len(opening) == 2 and any(
            p.marker is not None and p.marker.rest.lower().split()[:2] == opening for p in run
        ):
            lost.marker = replace(first.marker, rest=lost.line)
            lost.kind = _kind(lost.line)


def _options_under_a_bullet(paras: list[_Para]) -> None:
    """ "- The total spend by the Trust on:" / "- Locum staffing" / "- Agency staffing": a
    nested list flattened by the page, where the short bullets under a bullet ending in a colon
    are what that item asks about, not items of their own."""
    for index, lead in enumerate(paras):
        if not (_is_bullet(lead) and lead.line.endswith(":")):
            continue
        for para in paras[index + 1 :]:
            if not (_is_bullet(para) and _is_list_entry(para.marker.rest)):
                break
            para.marker = replace(para.marker, style=_Style.OPTION)


# What may not be an entry of a list that lost its markers: a condition, or handling remarks.
_NOT_AN_ENTRY = re.compile(r"^(?:if|where|when|unless|i\s|we\s|my\s|our\s|note|nb)\b", re.I)


# "I request:", "I would like to request:", "Please provide:": the request's words end in a colon,
# and what they ask for is listed below.
_ASKS_FOR_A_LIST = re.compile(
    r"^(?:I\s+(?:would\s+like\s+to\s+|wish\s+to\s+)?request|I\s+would\s+like|"
    r"please\s+(?:provide|supply|send|disclose)(?:\s+me)?)\s*:$",
    re.I,
)


def _list_without_markers(paras: list[_Para]) -> None:
    """ "Please provide the following information ...:" / "The current number of households
    ..." / "The types of accommodation used ...": a list announced by the request whose items
    lost their bullets (a log that runs a request's sentences together prints it so). Each
    line that reads as one entry of the list, up to the first that does not, asks for its own
    item, as a bulleted entry would. Short entries ("Fundraising income targets", "April 2010
    – March 2011") are the options or the breakdown of a question, not items. Only on a
    request with no item markers at all."""
    if any(p.marker is not None for p in paras):
        return
    for index, lead in enumerate(paras):
        if not (
            lead.line.endswith(":")
            and (_LEADIN_PHRASE.search(lead.line) or _ASKS_FOR_A_LIST.match(lead.line))
        ):
            continue
        run: list[_Para] = []
        for para in paras[index + 1 :]:
            words = para.line.split()
            if (
                para.kind is _Kind.LEADIN
                or (para.kind is not _Kind.REQUEST and len(words) > 40)
                or _is_list_entry(para.line)  # "Fundraising income targets": an option
                or (para.kind is not _Kind.REQUEST and len(_sentences_of(para.line)) > 1)
                or _NOT_AN_ENTRY.match(para.line)
                or _PROCEDURAL.search(para.line)
                or is_sign_off(para.line)
            ):
                break
            run.append(para)
        if len(run) >= 2:
            for para in run:
                para.kind = _Kind.REQUEST


# --- Splitting -------------------------------------------------------------------------------

_DANGLING = quick(
    re.compile(
        r"\b(?:the|a|an|of|and|or|to|for|by|in|on|at|as|with|from|into|between|than|per|that|which|"
        r"who|whom|whose|where|whether|they|their|its|is|are|was|were|be|been|has|have|had)$",
        re.I,
    )
)
_ANNOUNCES_LIST = re.compile(
    r"(?::|\b(?:the\s+following(?:\s+\w+)?|below|these|as\s+follows)[.:]?)$", re.I
)
_PARENTHETICAL = re.compile(r"\([^)]*\)?")
_NUMBERS_ONLY = re.compile(r"^[\d\s,/&–-]+(?:and[\d\s,/&–-]+)*$")


def _is_list_entry(line: str) -> bool:
    """A short line such as "Chief Inspector" or "2010, 2011, 2012": an entry, not a sentence."""
    words = _PARENTHETICAL.sub("", line).split()
    return bool(_NUMBERS_ONLY.match(line)) or (len(words) <= 6 and not line.endswith("."))


def _reads_as_background(text: str) -> bool:
    """Long prose that asks nothing, on an item's own line: perhaps background for the question.

    Requesters open an item with what was reported ("4. On 16 January the Met announced ...")
    and ask about it a paragraph or two later, inside the same item; short lines such as
    "(b) Paid informants" are the question itself.
    """
    return len(text.split()) > 15


def _asks_directly(line: str) -> bool:
    """A question in its own right, not an introduction to the list that follows it (nor a
    line that ends introducing it: "... between 1 April 2016 - 31 March 2017? & ...:")."""
    if line.rstrip(" -").endswith(":"):
        return False
    return bool(_QUESTION_MARK.search(line)) and not re.search(
        # "For each of the listed items, was ...?" over "1. The knife ..." / "2. The water bottle".
        r"\b(?:the\s+following|below|these\s+questions|as\s+follows|(?:each|all)\s+of\s+the\s+"
        r"listed|the\s+listed\s+items)\b",
        line,
        re.I,
    )


@dataclass(slots=True)
class _Draft:
    """A question being assembled. ``marked`` when it began at an item marker such as "4."."""

    marked: bool
    numbered: bool = False
    asked: bool = False
    text: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    maybe_background: bool = False  # its first line may turn out to be background

    def ask(self, line: str) -> None:
        self.text.append(line)
        self.asked = True

    def background_then_ask(self, line: str) -> None:
        """The item's first line was background after all: the question is ``line``."""
        self.context.extend(self.text)
        self.text = [line]
        self.maybe_background = False

    def carries_on_with(self, line: str, kind: _Kind) -> bool:
        """Whether ``line`` finishes this question's sentence or lists what it asks about.

        "... where it is alleged that they" / "Failed to report ..." is one question; so is
        "... in each of the following ranks" followed by "Chief Inspector", "Chief Superintendent".
        """
        last = self.text[-1]
        if not last:
            return False
        if _DANGLING.search(last):
            return True
        lead = next((t for t in self.text if t.endswith(":")), None)
        if self.marked and lead is not None and not _asks_directly(lead):
            # "Q1. ... within three months of:" / "When the CPN was first issued?" / "When ...?":
            # the lines finish the numbered item's sentence; the next item has its own number.
            return True
        if lead is not None and _WHICH_OF_THE_FOLLOWING.search(lead) and _is_list_entry(line):
            # "... confirm if any of the following are included in ...:" / "Fundraising income
            # targets" / "Number of formal student complaints": the options it asks about.
            return True
        if kind is _Kind.REQUEST:
            return False
        if _ANNOUNCES_LIST.search(last):
            return True
        return last[-1] not in ".?!;" and _is_list_entry(line)


# A lettered part that only asks for a breakdown of its question: "1a) If possible, please break
# down by age of patient."
_BREAKDOWN_PART = re.compile(
    r"^(?:if\s+possible,?\s+)?(?:please\s+)?(?:also\s+|could\s+you\s+)?(?:break\s*(?:this\s+|it\s+)?"
    r"down|breakdown|broken\s+down)\b",
    re.I,
)


# "For the same time period, please provide:": an item that only asks for its parts.
_PROVIDE_THE_FOLLOWING = re.compile(
    # "... and would like to request:" / "o 2020 stats on burglary ...": what is requested.
    r"\b(?:like|wish|want)\s+to\s+(?:request|ask\s+for|obtain|receive)\s*:$|"
    r"\b(?:please\s+(?:provide|supply|give|send|disclose)|the\s+following)"
    # "... information on the following types of incidents:": what the items are.
    r"(?:\s+(?:information|details|data)|(?:\s+(?!definitions?\b|examples?\b)[\w-]+){1,3})?\s*:$|"
    # "You have asked for the following information listed in Appendix 1 of the review:": the
    # response setting out what the requester asked for.
    r"\byou\s+(?:have\s+)?(?:asked\s+for|requested|sought|seek)(?:\s+access\s+to)?\s+the\s+"
    r"following\b[^:\n]{0,160}:$",
    re.I,
)


# "1) Please tell me ... the number of" / "a) Tests undertaken at random" / "b) Tests ...": an
# item whose sentence each lettered part finishes, and each part a count of its own.
_COUNTS_ITS_PARTS = re.compile(r"\bnumber\s+of\s*:?$", re.I)
# A part that names a count, its "of" perhaps lost: "a. number custody units in your force".
_NAMES_A_COUNT = re.compile(
    r"^(?:the\s+)?(?:(?:total|overall|average|annual)\s+)?(?:numbers?|amount|cost|value|sum)\b",
    re.I,
)


# "I would like all of this data for 2018/19, 2019/20 and 2020/21": the period or form wanted for
# every item above, not an item of its own.
_APPLIES_TO_ALL = re.compile(
    r"\b(?:all\s+of\s+)?(?:this|these|the\s+above)\s+(?:data|information|figures|details)\s+"
    r"(?:for|from|covering|to\s+cover)\b|"
    # "Please provide this information in a clear, accessible format, ideally broken down by ..."
    r"\b(?:this|these|the\s+above)\s+(?:data|information|figures|details)\s+in\s+(?:an?\s+|the\s+)?"
    r"[\w\s,-]{0,30}?\bformat\b|"
    # "Please provide the data from 1st January 2017 - 31st December 2017.": only a period (not
    # "the data from 2019 to 2023 on the number of drivers ...", which names a subject).
    r"\bthe\s+(?:data|information|figures)\s+(?:from|between|covering)\s+\d[\w\s,/–-]{0,40}?"
    r"\d{4}\s*(?:[.;]|$)",
    re.I,
)
# "Please provide separate figures for misconduct cases and gross misconduct cases, broken down
# by calendar year.": how the figures asked for above are to be set out.
_BREAKDOWN_OF_ABOVE = re.compile(
    # (Not "Please provide figures for knife crime offences in Bradford, broken down by ward",
    # which asks for something new: the figures are those above, or split.)
    r"^please\s+(?:also\s+)?provide\s+(?:(?:the\s+|these\s+)?(?:figures|data|numbers)\s+"
    r"(?:broken\s+down|split)|separate\s+(?:figures|data|numbers)\s+for)\b",
    re.I,
)


# "Please also provide the cost of ...", "In addition, I would like ...": a request of its own.
_ANOTHER_REQUEST = re.compile(rf"^(?:\S+\s+){{0,3}}?(?:{_ADDING})\b", re.I)


# A line that leads in to the list below it without a colon: "As subsidiary questions I would
# like to know for the year 2013-2014" (no full stop, no question mark; not "Please provide a
# copy of the asset management plan.").
_LEADS_IN_UNMARKED = re.compile(
    rf"\b(?:like\s+to\s+know|(?:tell|advise|inform)\s+me|{_LEADIN_WORDS})\b[^.?!]*$",
    re.I,
)


def _item_number(label: str) -> str | None:
    """The number of a part's label: "8b" -> "8"; ``None`` for a label with none ("a")."""
    m = re.match(r"\d+", label)
    return m.group(0) if m else None


class _Splitter:
    """One pass over the paragraphs, opening a draft question at each item or request."""

    def __init__(self, top: frozenset[_Style], list_ahead: bool) -> None:
        self.top = top
        self.list_ahead = list_ahead
        self.preamble: list[str] = []
        self.drafts: list[_Draft] = []
        self.pending: list[str] = []  # background waiting for the question it introduces
        self.current: _Draft | None = None
        self.after_numletter = False
        self.current_leadin: str | None = None
        self.splitting_parts = False
        self.last_label: str | None = None
        self.between_items = False  # a numbered item of the request is still to come

    def run(self, paras: list[_Para]) -> tuple[list[str], list[_Draft]]:
        last_item = max(
            (i for i, p in enumerate(paras) if p.marker is not None and p.marker.style in self.top),
            default=-1,
        )
        for index, para in enumerate(paras):
            following = paras[index + 1] if index + 1 < len(paras) else None
            self.between_items = index < last_item
            self.take(para, following)
        if self.drafts:
            self.drafts[-1].context.extend(self.pending)
        else:
            self.preamble.extend(self.pending)
        return self.preamble, self.drafts

    def is_item(self, para: _Para) -> bool:
        if para.marker is None:
            return False
        if para.marker.style is _Style.LETTER and self.after_numletter:
            return True  # "1a) ... b) ... 2a) ... b)": every lettered part is its own question
        return para.marker.style in self.top

    def open(self, *, marked: bool) -> _Draft:
        draft = _Draft(marked=marked, context=self.pending)
        self.pending = []
        self.drafts.append(draft)
        self.current = draft
        return draft

    def take(self, para: _Para, following: _Para | None) -> None:
        if (
            para.marker is not None
            and para.marker.style is _Style.NUMLETTER
            and self.current is not None
            and (
                _BREAKDOWN_PART.match(para.marker.rest)
                # "1a. In 2019" / "1b. In 2020": a part that only names a period of its question
                or _a_period(para.marker.rest)
                # "Q8b. If the answer to 8a is that ..., was the supplier ...?"
                or (
                    para.kind is _Kind.FOLLOWUP
                    and self.last_label is not None
                    and _item_number(para.marker.label) is not None
                    and _item_number(para.marker.label) == _item_number(self.last_label)
                )
            )
        ):
            self.current.ask(para.line)  # "1a) If possible, please break down by age"
        elif (
            para.marker is not None
            and para.marker.style is _Style.BULLET
            and self.current is not None
            and self.current.text
            and (specifies := _SPECIFIES_ABOVE.match(para.marker.rest))
        ):
            # "- A copy of the log ..." / "- This should include a summary of ...": what the
            # item above should hold (a bullet, not an item the requester numbered); "- These
            # should cover ..." is context.
            if specifies.group("one"):
                self.current.ask(para.marker.rest)
            else:
                self.current.context.append(para.marker.rest)
        elif para.marker is not None and self.is_item(para):
            self.open_item(para, para.marker)
        elif para.marker is not None and self.current is not None:
            if para.kind is _Kind.FOLLOWUP and para.marker.style is _Style.LETTER:
                # "7. Has your trust paid any ransom demands ...?" / "a. If yes, how much did you
                # pay in total?": the follow-up stays with its question.
                self.current.ask(para.marker.rest)
            elif para.marker.rest.strip() and self.parts_are_questions(self.current, para.marker):
                # "3. Details of:" / "a. The number of staff ..." / "b. The total cost ...": the
                # item only introduces its lettered parts, and each part asks for something.
                self.splitting_parts = True
                if self.current.text == [self.current_leadin]:
                    self.current.context.append(self.current_leadin)
                    self.current.text = []
                if self.current.text:
                    self.open(marked=True).ask(para.marker.rest)
                else:
                    self.current.ask(para.marker.rest)
            else:
                self.current.ask(para.line)  # a sub-item keeps its own marker
        elif self.current is None:
            self.before_first_question(para, following)
        elif not self.current.marked and _asks_over_periods(para, following):
            self.open(marked=False).ask(para.line)
        else:
            self.inside_question(self.current, para, following)

    def parts_are_questions(self, current: _Draft, marker: _Marker) -> bool:
        if marker.style not in (_Style.LETTER, _Style.ROMAN, _Style.DECIMAL):
            return False
        if marker.style is _Style.DECIMAL and marker.label.split(".")[0] != self.last_label:
            return False  # "2.1" is a part of item 2 only
        if self.splitting_parts:
            return True  # once the first part asks, the item's other parts are questions too
        if (
            self.current_leadin is None
            and current.marked
            and not current.text
            and current.context
            and (_is_request(marker.rest) or _NAMES_A_COUNT.match(marker.rest))
        ):
            # "Request 1" / "Relating to the size of your custody units." / "a. number of custody
            # units" / "b. total number of cells ...": the item only names its topic, and its
            # parts ask.
            return True
        return (
            self.current_leadin is not None
            and current.text == [self.current_leadin]
            and (_is_request(marker.rest) or bool(_COUNTS_ITS_PARTS.search(self.current_leadin)))
        )

    def open_item(self, para: _Para, marker: _Marker) -> None:
        rest = marker.rest
        # A numbered item ending in a colon ("Details of:", "Of these, how many were:", or "What
        # are the three most common reasons you give;") only introduces its parts, unless it
        # asks for a breakdown ("broken down by:", which its parts list); so does one ending
        # "the number of".
        self.current_leadin = (
            rest
            if (
                rest.endswith((":", ";"))
                and "?" not in rest
                and (
                    len(rest.split()) <= 4
                    or _PROVIDE_THE_FOLLOWING.search(rest)
                    or not _BREAKDOWN_LEAD.search(rest)
                )
            )
            or _COUNTS_ITS_PARTS.search(rest)
            else None
        )
        self.splitting_parts = False
        previous = self.current
        if marker.style is _Style.NUMLETTER:
            self.after_numletter = True
            if (
                previous is not None
                and previous.marked
                and len(previous.text) == 1
                and previous.text[0].endswith(":")
                and self.last_label is not None
                and marker.label.startswith(self.last_label)
                and marker.label != self.last_label
            ):
                # "1. How many claims has your council:" / "1a. Received ..." / "1b. ...": the
                # numbered line only introduces its parts, which are the questions.
                self.drafts.remove(previous)
                self.pending = [*previous.context, *previous.text]
        elif marker.style is _Style.NUMBER:
            self.after_numletter = False
        self.last_label = marker.label
        draft = self.open(marked=True)
        draft.numbered = marker.style in (_Style.NUMBER, _Style.NUMLETTER, _Style.DECIMAL)
        if rest and para.kind is _Kind.CONTEXT and _CONTEXT_CUE.match(rest):
            draft.context.append(rest)  # "4. For context: ..."; the question comes later
        elif rest:
            draft.ask(rest)
            draft.maybe_background = para.kind is _Kind.CONTEXT and _reads_as_background(rest)

    def before_first_question(self, para: _Para, following: _Para | None) -> None:
        """Salutation and lead-in go to the preamble; "For context: ..." waits for question 1.

        Before a list, only a question in its own right asks: a paragraph that asks for
        something usually leads in to the list. Not when it makes two requests of its own and
        another paragraph stands between it and the list ("I wish to make an FOI request for
        the report ... I would also like confirmation that ..." / "As subsidiary questions I
        would like to know" / "- What is ...?")."""
        asks = para.kind in (_Kind.REQUEST, _Kind.FOLLOWUP)
        if _asks_over_periods(para, following):
            self.open(marked=False).ask(para.line)
            return
        if asks and (both := _ASKS_BEFORE_LEADING_IN.match(para.line)):
            # "Which departments ... use Body Worn Cameras. Please include:" / "1. ...": the
            # question, then the lead-in to the items.
            self.open(marked=False).ask(para.line[: both.start("lead")].strip())
            self.pending.append(both.group("lead"))
            return
        own_requests = (
            following is not None
            and following.marker is None
            and not _LEADIN_PHRASE.search(para.line)
            and len(separate_requests(para.line)) >= 2
        )
        # "Please provide the number of applications ... for each financial year." / "Where an
        # application has been made, please provide the following information:" / "- Name of
        # applicant": the lead-in to the list asks for details of each thing this paragraph asks
        # about, so this one asks in its own right (not "Specifically, ... the following types:",
        # nor "I would like to know about your use of agency staff." / "For each of the last
        # three years, please provide:" / "1. The number of ...", where the list asks).
        led_in_below = (
            following is not None
            and following.marker is None
            and following.kind is _Kind.LEADIN
            and bool(_OF_EACH_ONE.match(following.line))
            and bool(_FIELDS_LEAD.search(following.line))
            and not para.line.rstrip().endswith((":", ";"))
            and not _LEADIN_PHRASE.search(para.line)
        )
        if asks and (
            not self.list_ahead or _asks_directly(para.line) or own_requests or led_in_below
        ):
            self.open(marked=False).ask(para.line)
        elif para.kind is _Kind.CONTEXT and (
            self.pending or para.heading or _CONTEXT_CUE.match(para.line)
        ):
            self.pending.append(para.line)
        else:
            self.preamble.append(para.line)

    def inside_question(self, current: _Draft, para: _Para, following: _Para | None) -> None:
        line, kind = para.line, para.kind
        if para.aside:
            current.context.append(line)
        elif para.heading:
            self.pending.append(line)  # a group's heading introduces the questions below it
        elif (
            line.strip().lower().rstrip(".,:") == "and"
            and following is not None
            and following.marker is None
            and following.line.rstrip().endswith("?")
            and _WH_START.match(following.line)
        ):
            pass  # "... from 2014-2024." / "And" / "How many of these involved racist abuse?"
        elif kind is _Kind.FOLLOWUP or _CONJUNCTION_ONLY.match(line):
            current.ask(line)
        elif not current.asked:
            if kind is _Kind.REQUEST:
                current.ask(line)
            else:
                current.context.append(line)
        elif kind is _Kind.LEADIN and following is not None and self.is_item(following):
            self.pending.append(line)
        elif (
            kind is _Kind.LEADIN
            and following is not None
            and following.marker is not None
            and following.marker.style is _Style.OPTION
        ):
            current.text.append(line)  # "... the information by:" / "- sex" / "- age"
        elif current.carries_on_with(line, kind):
            current.text.append(line)
        elif kind is _Kind.REQUEST and current.marked and _is_conditional(line):
            current.text.append(line)  # "If the date in 1 above was ..., I would like ..."
        elif kind is _Kind.REQUEST and current.maybe_background and len(current.text) == 1:
            current.background_then_ask(line)
        elif (
            kind is _Kind.REQUEST
            and current.numbered
            and not self.between_items
            and _APPLIES_TO_ALL.search(line)
            and not _QUESTION_MARK.search(line)
        ):
            # "1) Number of warnings ..." / "2) Number of vehicles seized ..." / "I would like
            # all of this data for 2018/19, 2019/20 and 2020/21": what the requester wants of
            # every item, after the last; it is kept as the last item's context, not made an
            # item of its own.
            current.context.append(line)
        elif (
            kind is _Kind.REQUEST
            and not current.marked
            and not self.list_ahead
            and (_APPLIES_TO_ALL.search(line) or _BREAKDOWN_OF_ABOVE.match(line))
            # (A question after it may only ask the same: "... If possible, could this be
            # provided for the year 2024/2025?"; not "What is the average age of the fleet?")
            and len(separate_requests(line)) == 1
            and not _QUESTION_MARK.search(_sentences_of(line)[0])
            and not _ANOTHER_REQUEST.match(line)
        ):
            # "Could you please provide information about the VC's salary, ..." / "Please
            # provide the data from 1st January 2017 - 31st December 2017.": the period of the
            # request above, not a request of its own.
            current.context.append(line)
        elif (
            kind is _Kind.REQUEST
            and current.numbered
            and self.between_items
            and not _QUESTION_MARK.search(line)
            and not _ANOTHER_REQUEST.match(line)
        ):
            # "1 How many people are wanted ...?" / "I would like the most recent figure for
            # 2018." / "2 What is ...": a paragraph between the requester's numbered items that
            # neither asks a question nor opens another request ("Please also provide ...") is
            # part of the item above it.
            current.text.append(line)
        elif (
            kind is _Kind.REQUEST
            and not current.marked
            and following is not None
            and self.is_item(following)
            and _LEADS_IN_UNMARKED.search(line)
            and not _ANOTHER_REQUEST.match(line)
        ):
            # "As subsidiary questions I would like to know for the year 2013-2014" / "- What
            # is ...?": a line that asks nothing of its own before the list leads in to it.
            self.pending.append(line)
        elif kind is _Kind.REQUEST:
            self.open(marked=False).ask(line)
        elif current.marked:
            current.context.append(line)  # sits inside the numbered item
        else:
            self.pending.append(line)  # introduces the next question


def _bullets_head_numbered_items(paras: list[_Para]) -> bool:
    """ "• Drug use among students" / "1. How many reports ...?" / "2. ..." / "• Drug use among
    staff members" / "7. ...": short bullets that ask nothing head groups of numbered questions.
    They lose their markers (they are headings, so context), and return whether they did."""
    bullets = [
        p
        for p in paras
        if p.marker is not None and p.marker.style in (_Style.BULLET, _Style.OPTION)
    ]
    numbered = [
        p
        for p in paras
        if p.marker is not None and p.marker.style in (_Style.NUMBER, _Style.NUMLETTER)
    ]
    if len(numbered) < 2 or not all(_is_request(p.marker.rest) for p in numbered[:2]):
        return False
    # Each heads a numbered item directly (not "- Total fuel spend" / "- ..." / "1. ...").
    heads = [
        k + 1 < len(paras)
        and (nxt := paras[k + 1].marker) is not None
        and nxt.style in (_Style.NUMBER, _Style.NUMLETTER)
        for k, p in enumerate(paras)
        if p in bullets
    ]
    if not all(heads) or not all(
        len(p.marker.rest.split()) <= 8
        and not _QUESTION_MARK.search(p.marker.rest)
        and not _is_request(p.marker.rest)
        for p in bullets
    ):
        return False
    for p in bullets:
        p.line, p.marker, p.kind, p.heading = p.marker.rest, None, _Kind.CONTEXT, True
    return True


_NUMBERED = frozenset({_Style.NUMBER, _Style.NUMLETTER})


def _top_styles(paras: list[_Para]) -> frozenset[_Style]:
    """The marker family of the request's own items: the first family that appears, unless
    its items ask nothing and numbered items that ask come after them ("a) At all fires and" /
    "b) At all other incidents." / "a)" / "1. How many people were rescued ...?": the letters
    name the groups the numbered questions fall in)."""
    for para in paras:
        if para.marker is None:
            continue
        style = para.marker.style
        if style in _NUMBERED:
            return _NUMBERED
        if style is not _Style.OPTION:
            if style is _Style.LETTER and _only_groups(paras, style):
                return _NUMBERED
            return frozenset({style})
    return frozenset()


def _only_groups(paras: list[_Para], style: _Style) -> bool:
    """Whether the items marked in ``style`` ask nothing while at least two numbered ones ask."""
    mine = [p.marker.rest for p in paras if p.marker is not None and p.marker.style is style]
    numbered = [
        p.marker.rest for p in paras if p.marker is not None and p.marker.style in _NUMBERED
    ]
    return not any(_is_request(x) for x in mine) and sum(map(_is_request, numbered)) >= 2


def _question_start(paras: list[_Para], top: frozenset[_Style]) -> int | None:
    for index, para in enumerate(paras):
        if (para.marker and para.marker.style in top) or para.kind is _Kind.REQUEST:
            return index
    return None


def _signoff_start(paras: list[_Para], first_question: int | None) -> int:
    """Where the closing remarks and sign-off begin (``len(paras)`` when there are none).

    The sign-off starts at the first closing line ("Yours faithfully", "Kind regards") after the
    first question; handling remarks just before it ("I would like to receive the information
    electronically", "Please acknowledge receipt") go with it.
    """
    earliest = 1 if first_question is None else first_question + 1
    end = len(paras)
    for index in range(earliest, len(paras)):
        if is_sign_off(paras[index].line):
            end = index
            break
    while end - 1 >= earliest:
        para = paras[end - 1]
        if para.marker is not None or _QUESTION_MARK.search(para.line):
            break
        if not _PROCEDURAL.search(para.line) or (
            para.kind is _Kind.FOLLOWUP and not _ASKS_ADVICE.search(para.line)
        ):
            # ("If this exceeds the cost limit, please provide ... only": a fallback, not a
            # remark like "If it exceeds the cost limit, please advise how to refine it".)
            break
        end -= 1
    return end


def _asks_over_periods(para: _Para, following: _Para | None) -> bool:
    """ "The number of data breaches ... for each of the following years:" / "2018" / "2019",
    "Additionally, please disclose the total annual maintenance bill ... for the following
    calendar years (Jan 1 to Dec 31)" / "2022" / ...: a request over the periods listed under
    it, which are its periods, not questions (or background) to come."""
    line = para.line.rstrip(" -")
    return (
        para.marker is None
        and para.kind in (_Kind.REQUEST, _Kind.LEADIN)
        and (line.endswith(":") or bool(_LEADIN_PHRASE.search(line)))
        and following is not None
        and following.marker is None
        and _a_period(following.line)
        and _is_request(line.rstrip(" :;"))
        # (Not "Please provide the following information for each of the following years:",
        # which leads in to the questions below the years as well.)
        and len(_LEADIN_PHRASE.findall(line)) < 2
    )


# A lead-in asking something of each thing the paragraph above asks about: "Where an application
# has been made, ...", "For each licence revoked, ...", "Of these, ...".
_OF_EACH_ONE = re.compile(
    r"^(?:where|if|for\s+(?:each|every|all)|of\s+th(?:ese|ose)|in\s+each\s+case)\b", re.I
)

_ASKS_ADVICE = re.compile(
    r"\b(?:advise|advice|refine|narrow|let\s+me\s+know|contact\s+me|get\s+in\s+touch|clarif)",
    re.I,
)


# "Clarification" on a line of its own inside the request, over the requester's clarification
# of the question above it: joined to its words, which then follow that question
# (``_FOLLOWUP``), not a question of their own. (An exchange, "Clarification requested:" /
# "Clarification received:", is ``_CLARIFICATION_HEADING``'s.)
_CLARIFICATION_ALONE = re.compile(
    r"(?im)^[ \t]*((?:further\s+)?clarification)[ \t]*:?[ \t]*\n"
    r"(?:[ \t]*\n)*(?=[ \t]*\S)"
    # (Not over a question added: "3. How many ...", "In addition, how many ...", "Please could
    # you also tell me ...".)
    r"(?![ \t]*(?:\(?\d{1,2}[.):]\s|(?:in\s+addition|additionally|(?:please[ \t]+)?(?:(?:could|"
    r"can|would)[ \t]+you[ \t]+)?also[ \t]+(?:tell|provide|let|send|give|confirm|advise|state|"
    r"supply|include|disclose))\b))"
)


def propose_questions(text: str) -> ProposedSplit:
    """Propose how ``text``, a request as the requester wrote it, splits into questions.

    Items numbered inside one long line ("... 1) The documents ... 2) Any correspondence ...")
    and bare numbers ("1 How many ...") are read as the requester's numbering. An item they did
    not number that asks two things, in two sentences or as "details of why X and whether Y", is
    two questions; a numbered item ends where their numbering says.

    Raises ``EmptyRequestText`` for empty or blank text. When nothing looks like a question, the
    whole text (less any sign-off) is proposed as one question for the officer to edit, or as
    one question for each request when it makes two in two sentences.
    """
    text = _CLARIFICATION_ALONE.sub(r"\1: ", _unquoted(text))
    split = _propose(_plain_markers(nested_numbers_as_parts(split_inline_items(text))))
    split = _parts_of_a_lead_in(_fields_of_one_record(_columns_of_one_table(split)))
    questions: list[ProposedQuestion] = []
    for q in split.questions:
        parts = [q.text] if q.numbered else _split_joined(q.text)
        for k, part in enumerate(parts):
            questions.append(
                ProposedQuestion(
                    number=len(questions) + 1,
                    text=_without_stray_close(part),
                    context=q.context if k == 0 else "",
                    numbered=q.numbered,
                )
            )
    return replace(split, questions=tuple(questions))


def _columns_of_one_table(split: ProposedSplit) -> ProposedSplit:
    """ "A table which contains ... The table should contain the following columns:" / "1. Date
    of hearing" / "2. Rank of officer" / ...: the numbered items are the columns of one table
    asked for, so one question."""
    lead = split.preamble.rsplit("\n", 1)[-1]
    if not _COLUMNS_LEAD.search(lead) or len(split.questions) < 2:
        return split
    if not all(q.numbered for q in split.questions):
        return split
    if any("?" in q.text or _WH_WORD.match(q.text) for q in split.questions):
        return split  # numbered questions, not the table's columns
    items = "\n".join(q.text for q in split.questions)
    context = "\n".join(q.context for q in split.questions if q.context)
    whole = ProposedQuestion(number=1, text=f"{lead}\n{items}", context=context, numbered=True)
    return replace(split, questions=(whole,), preamble=split.preamble.rsplit("\n", 1)[0])


_COLUMNS_LEAD = re.compile(r"\bthe\s+following\s+(?:columns|column\s+headings)\s*:?\s*-?$", re.I)


def _parts_of_a_lead_in(split: ProposedSplit) -> ProposedSplit:
    """A list whose nesting was lost in copying: "- In total, how many Looked After children
    ...:" / "- moved from one placement to another ..." / "- became a Looked After Child ...":
    an item ending with a colon, followed by two or more items that carry on its sentence in
    lower case, leads in to them; they are the questions, each with it as context."""
    questions = list(split.questions)
    out: list[ProposedQuestion] = []
    i = 0
    while i < len(questions):
        lead = questions[i]
        j = i + 1
        while j < len(questions) and questions[j].text[:1].islower() and not questions[j].context:
            j += 1
        if not lead.text.rstrip().endswith(":") or j - i < 3:
            out.append(lead)
            i += 1
            continue
        context = "\n".join(x for x in (lead.context, lead.text) if x)
        out.extend(replace(q, context=context) for q in questions[i + 1 : j])
        i = j
    if len(out) == len(questions):
        return split
    return replace(split, questions=tuple(replace(q, number=n) for n, q in enumerate(out, start=1)))


def _fields_of_one_record(split: ProposedSplit) -> ProposedSplit:
    """ "Where an application has been made, please provide the following information:" / "-
    Name of applicant" / "- Title of former Chief Officer role" / "- Date left ...": bulleted
    items that only name what to give of each record (a few words, asking nothing, not a count
    or a sum) are the fields of one question, the lead-in's. So are the items under "including
    but not limited to:": what the one request covers, however they are worded."""
    questions = list(split.questions)
    out: list[ProposedQuestion] = []
    preamble = split.preamble
    i = 0
    while i < len(questions):
        q = questions[i]
        lead = q.context.rsplit("\n", 1)[-1]
        fields = bool(_FIELDS_LEAD.search(lead))
        # (The first question's lead-in may close the request's preamble: "Specifically, I am
        # requesting all spending information, including but not limited to:". Not so for
        # "please provide the following information:" over the request's own items.)
        in_preamble = i == 0 and not q.context
        if in_preamble:
            lead = preamble.rstrip().rsplit("\n", 1)[-1]
        examples = bool(_EXAMPLES_LEAD.search(lead))
        if not (examples or (fields and not in_preamble)):
            out.append(q)
            i += 1
            continue
        j = i
        # (A field with background of its own starts something else; so does an item that
        # asks something of its own after the examples.)
        while (
            j < len(questions)
            and (_an_example(questions[j]) if examples else _a_field(questions[j]))
            and not (j > i and questions[j].context)
        ):
            j += 1
        if j - i >= 2:
            items = "\n".join(x.text for x in questions[i:j])
            context = q.context.rsplit("\n", 1)[0] if "\n" in q.context else ""
            if in_preamble:
                preamble = preamble.rstrip()[: -len(lead)].rstrip()
            out.append(ProposedQuestion(number=0, text=f"{lead}\n{items}", context=context))
            i = j
        else:
            out.append(q)
            i += 1
    if len(out) == len(questions):
        return split
    return replace(
        split,
        questions=tuple(replace(q, number=n) for n, q in enumerate(out, start=1)),
        preamble=preamble,
    )


_FIELDS_LEAD = re.compile(
    r"\bthe\s+following\s+(?:information|details|data|fields)\b[^:]{0,40}:\s*-?$", re.I
)
_FIELD_WORDS = 6
# "Specifically, I am requesting all spending information across the NHS, including but not
# limited to:" over "- Staffing costs ..." / "- Capital projects ...".
# (Not "Please provide a breakdown for each year including:" over "i) the make of the vehicle",
# "ii) whether it was crushed": each part of a breakdown is asked for.)
_EXAMPLES_LEAD = re.compile(
    r"\bincluding,?\s+but\s+not\s+(?:limited|restricted)\s+to\s*:\s*-?$", re.I
)


def _an_example(q: ProposedQuestion) -> bool:
    """Whether an item only names something wanted ("accident reports"), rather than asking
    ("How many accidents were recorded ...?", "Please also tell me ..."): the items under
    "including but not limited to:" that the one request covers."""
    text = q.text.strip()
    return (
        not q.numbered
        and "?" not in text
        and not _REQUEST_PHRASE.search(text)
        and not _WH_START.match(text)
    )


def _a_field(q: ProposedQuestion) -> bool:
    """Whether an item names a field of a record ("Name of applicant", "Date left"): one line of
    a few words that names something (``_an_example``) and is not a count or a sum of its own
    ("The number of ...")."""
    text = q.text.strip()
    return (
        _an_example(q)
        and "\n" not in text
        and len(text.split()) <= _FIELD_WORDS
        and not _NAMES_A_COUNT.match(text)
    )


def _without_stray_close(text: str) -> str:
    """ "The dates of the group's meetings in 2016.”": the last question of a request quoted
    from its lead-in ("“Please can I ask the following:") less the mark closing the quotation."""
    if text.endswith("”") and "“" not in text:
        return text[:-1].rstrip()
    return text


# A request quoted whole, its first item opening the quotation: "“1) can you please advise ..." /
# ... / "2) ...“".
_QUOTED_WHOLE = re.compile(r"(?m)^[“\"](?=\(?\d{1,2}[.):]\s)([^“”\"]*?)[”“\"][ \t]*$")
_NUMBERED_AFTER = re.compile(r"(?m)^[“\"]?\(?\d{1,2}[.):]\s")


def _unquoted(text: str) -> str:
    """A request quoted whole less its quotation marks, so that its first item keeps its number.
    (A list quoted inside the request, "the following steps: “(1) ... (2) ...”", followed by
    the request's own items, is left as it is.)"""
    if "“" not in text and '"' not in text:
        return text
    m = _QUOTED_WHOLE.search(text)
    if m is None or _NUMBERED_AFTER.search(text, m.end()):
        return text
    return f"{text[: m.start()]}{m.group(1)}{text[m.end() :]}"


_NUMBERED_LINE = re.compile(r"^(?P<indent>[ \t]*)\d{1,2}[.)][ \t]+(?P<rest>\S.*)$")
_NUMBER_ONE = re.compile(r"^[ \t]*1[.)][ \t]+\S")


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def nested_numbers_as_parts(section: str) -> str:
    """A numbered list inside a numbered item, as a web page's nested list reads once copied:
    "1. A list of properties recorded as:" / "    1. Long-term empty" / "    2. Subject to the
    premium" / "2. For each property ...". Indented deeper than the item that leads in to it
    and starting again at 1, the inner list is the parts of that item, as bullets would be:
    its entries are marked "•" so that the outer numbering stays the questions'. When the
    item leading in has no other item beside it ("1. Please provide the following:" and
    nothing else numbered at its indent), it only leads in to the list: its number is dropped,
    and the inner items are the questions."""
    lines = section.split("\n")
    # How many numbered lines stand at each indent: an item with no other beside it wraps.
    at_indent = Counter(_indent(x) for x in lines if _NUMBERED_LINE.match(x))
    parent: int | None = None  # the indent of the item leading in, while its parts follow
    inside = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if parent is not None:
            deeper = _indent(line) > parent
            numbered = _NUMBERED_LINE.match(line)
            if deeper and numbered and (inside or _NUMBER_ONE.match(line)):
                lines[i] = f"{numbered.group('indent')}• {numbered.group('rest')}"
                inside = True
                continue
            if deeper and inside:
                continue  # an entry's second line
            parent, inside = None, False
        item = _NUMBERED_LINE.match(line)
        if not (item and item.group("rest").rstrip().endswith(":")):
            continue
        if at_indent[_indent(line)] > 1:
            parent = _indent(line)
            continue
        following = first_filled(lines[i + 1 :])
        if _indent(following) > _indent(line) and _NUMBER_ONE.match(following):
            # "1. Please provide the following:" over "    1. How many ...": the lead-in.
            lines[i] = f"{item.group('indent')}{item.group('rest')}"
    return "\n".join(lines)


# "1.How many ...", "a.If yes, how much ...?" (a letter only before a capital: not "e.g.").
_GLUED_MARKER = re.compile(r"(?m)^(\d{1,2}[.)](?=[A-Za-z])|[a-h][.)](?=[A-Z][a-z]))")
_DOUBLE_MARKER = re.compile(r"(?m)^(\d{1,2})\s*(?:\.\)|\)\.)")


_BARE_NUMBER = re.compile(r"(?m)^(\d{1,2})[ \t]+(?=[A-Z])(?P<rest>.*)$")


# "Q. Please can you release ... each of the following over the last 3 years:" / "a) ...": the
# request marked as a question (its answer marked "A."), not an item lettered Q; unless the
# letters run that far ("P. ..." / "Q. ...").
_QUESTION_MARKED = re.compile(r"(?m)^Q[.:][ \t]+(?=\S)")
_LETTER_P = re.compile(r"(?m)^\(?P[.)]\s")


def _plain_markers(section: str) -> str:
    """Item numbers as the splitter reads them: "1.How" -> "1. How", "1.)" -> "1)", and "1 How
    many ..." / "2 What is ..." -> "1. How many ..." when the bare numbers run 1, 2, 3 ... and
    every such item asks something ("1 Bedroom properties" is an option, not an item)."""
    section = _GLUED_MARKER.sub(r"\1 ", _DOUBLE_MARKER.sub(r"\1)", section))
    if not _LETTER_P.search(section):
        section = _QUESTION_MARKED.sub("", section)
    found = list(_BARE_NUMBER.finditer(section))
    if (
        len(found) >= 2
        and [int(m.group(1)) for m in found] == list(range(1, len(found) + 1))
        and all(ASKS.search(m.group("rest")) for m in found)
    ):
        section = _BARE_NUMBER.sub(r"\1. \g<rest>", section)
    return section


def _and_then(*openings: str) -> re.Pattern[str]:
    """The "and" before a second question opening with one of ``openings``."""
    return re.compile(rf",?\s+and\s+(?=(?:{'|'.join(openings)})\s)", re.I)


# "How many burglaries have been reported and how many people have been charged?"
_HOW_MANY = re.compile(r"^how\s+many\s", re.I)
_COUNT = r"how\s+(?:many|much|often)"
_AND_WHETHER = _and_then("whether")
_AND_HOW_MANY = _and_then(_COUNT)
_AND_WHETHER_OR_COUNT = _and_then("whether", _COUNT)


def _split_joined(text: str) -> list[str]:
    """ "details of why X and whether Y", "how many X and how many Y": two questions in one
    sentence, and two requests in two sentences of one paragraph, as an officer splits them."""
    if "\n" in text:
        first, *rest = text.split("\n")
        if not all(_FOLLOWUP.match(x) for x in rest):
            return [text]
        # "... statistics ... I would also like to know the nature ..." / "If this exceeds the
        # cost limit, ...": the follow-up goes with the last of the paragraph's requests.
        parts = _split_joined(first)
        return [*parts[:-1], "\n".join([parts[-1], *rest])]
    return [part for request in separate_requests(text) for part in _two_in_one(request)]


def _two_in_one(request: str) -> list[str]:
    """One request's sentence as the one or two questions it asks."""
    if request.count("?") > 1:
        return [request]
    # "How many X and how many Y", "The location of each speed camera ... and how many times
    # they have 'flashed'": a second count asked for after the first thing.
    if _HOW_MANY.match(request):
        joined = _AND_HOW_MANY
    elif _NOUN_START.match(_PARENTHETICAL.sub("", request)):
        joined = _AND_WHETHER_OR_COUNT
    else:
        joined = _AND_WHETHER
    parts = joined.split(request, maxsplit=1)
    if len(parts) == 2 and all(len(p.split()) >= 5 for p in parts) and "(" not in parts[0][-40:]:
        first = parts[0].rstrip(" ,") + ("?" if request.endswith("?") else "")
        return [first, parts[1][0].upper() + parts[1][1:]]
    return [request]


def _propose(text: str) -> ProposedSplit:
    """``propose_questions`` before items that ask two things are parted."""
    normalised = normalise_whitespace(text)
    if not normalised:
        raise EmptyRequestText("The request has no text: paste the requester's words to split.")
    paras = _paragraphs(normalised)
    signoff_at = _signoff_start(paras, _question_start(paras, _top_styles(paras)))
    body, closing = paras[:signoff_at], paras[signoff_at:]
    signoff = "\n".join(p.line for p in closing)
    top = _top_styles(body)
    if top == {_Style.BULLET} and _bullets_head_numbered_items(body):
        top = _top_styles(body)
    list_ahead = any(p.marker is not None and p.marker.style in top for p in body)
    preamble, drafts = _Splitter(top, list_ahead).run(body)
    drafts = [draft for draft in drafts if draft.text or draft.context]  # drop bare "1." lines
    if not drafts:
        whole = "\n".join(p.line for p in body)
        return ProposedSplit(
            questions=(ProposedQuestion(number=1, text=whole),),
            signoff=signoff,
            whole_text_fallback=True,
        )
    questions = tuple(
        ProposedQuestion(
            number=number,
            # An item that turned out to hold only background still asks something: show it.
            text="\n".join(draft.text or draft.context),
            context="\n".join(draft.context if draft.text else []),
            numbered=draft.numbered,
        )
        for number, draft in enumerate(drafts, start=1)
    )
    return ProposedSplit(questions=questions, preamble="\n".join(preamble), signoff=signoff)


# --- Finding the request on a disclosure-log page --------------------------------------------

#: A heading over the request: "Request:", "You asked:", "Information requested".
REQUEST_HEADING = re.compile(
    # "- Request": a heading printed as a list item.
    # "Initial request:", "Original request".
    r"^(?:[-–•]\s*)?(?:the\s+|your\s+|foi\s+)?(?:initial\s+|original\s+)?"
    r"(?:request|requests|question|questions|request\s+details?|"
    r"information\s+requested|requested\s+information|request\s+for\s+information|you\s+asked(?:\s+for)?|"
    # "Request 1 - 5:", "Requests 1 to 5": the heading over all the request's items.
    r"requests?\s+1(?:\s*(?:[-–]|to)\s*\d{1,2})?|request\s+(?:no\.?\s*)?\d[\d/.-]{4,})\s*[:;]?$",
    re.I,
)
_START_INTRO = quick(
    re.compile(
        r"\b(?:you\s+(?:seek|sought)\s+access\s+to|received\s+a\s+request|as\s+follows|you\s+asked(?:\s+for)?|"
        r"you\s+requested|you\s+wrote|requested\s+the\s+following|following\s+request|"
        # "Your exact request was:"
        r"request\s+(?:was|read|reads)(?=\s*:)|"
        r"(?:request|asked)\b.{0,60}\bfor\s+the\s+following\s+information|"
        # "I refer to your enquiry ... asking to be supplied with the following information ...:"
        r"asking\s+(?:to\s+be\s+(?:supplied|provided)\s+with|for)\s+the\s+following)\b.*:\s*-?$",
        re.I,
    )
)
#: "Dear Sir/Madam", "Dear Mr Smith,": a letter's salutation, which may name the requester.
SALUTATION = re.compile(r"^dear\s+\S.{0,80}$", re.I)
# "Dear Mr Jones,", "Dear Ms A Smith": a letter's salutation run into the request's words when
# a page was flattened. It names the requester, so it is no part of a question.
_SALUTATION_RUN_IN = re.compile(
    r"(?:^(?i:dear)|(?<=\s)Dear)\s+"
    # "Dear Mr Jones", "Dear Ms A. Smith,": a title, perhaps an initial, and a surname.
    r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]*\s*,?"
    # "Dear Sam Andrews,", "Dear X": a name up to a comma or the end of the line.
    r"|(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s*(?:,|$))[ \t]*",
    re.M,
)


def without_salutation(text: str) -> str:
    """``text`` less any salutation at the start of its lines (``SALUTATION`` is one on a line of
    its own)."""
    if "dear" not in text.lower():
        return text
    return _SALUTATION_RUN_IN.sub("", text).strip()


# "Request / Response", and "Request Response" over a letter's two columns flattened into one.
_COMBINED_HEADING = re.compile(r"^request\s*(?:/|&|and|\s)\s*response\s*:?$", re.I)
#: A heading over the response: "Response", "Our response:", "Decision", "Trust response:".
RESPONSE_HEADING = re.compile(
    # "SYP Response:", "Exemptions Applied:": the authority's own headings.
    # "Trust response:", "Responded 24 November 2025:".
    # "Final Response:".
    r"^(?:[-–•]\s*)?(?:our\s+|the\s+|in\s+|my\s+|final\s+|details\s+of\s+(?:the\s+)?|(?-i:[A-Z]{2,6})\s+|"
    r"(?:trust|council|force|"
    r"university|board|service)\s+)?(?:response|responses|reply|answer|answers|responded|"
    r"decision|outcome|results?\s+of\s+(?:the\s+)?searche?s?|exemptions?\s+applied|we\s+answered|"
    r"outcome\s*/\s*documents|internal\s+review)"
    r"(?:\s+to\s+(?:your\s+)?(?:request|questions?)|(?P<numbered>\s+1[a-h]?(?:\s*(?:&|and|,)\s*\d{1,2}[a-h]?)*)|"
    r"\s+details?|"
    r"\s+(?:on\s+)?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?\s*[:.]?$",
    re.I,
)


def heads_the_whole_response(line: str) -> bool:
    """Whether ``line`` is a ``RESPONSE_HEADING`` over the whole response, not over its first
    answer ("Response 1:", "Answer 1 & 2")."""
    match = RESPONSE_HEADING.match(line)
    return bool(match) and not match.group("numbered")


# The response letter going on after its opening: "Please accept my sincere apologies for the
# delay in providing the response ...", "Extent of Searches to Locate Information" / "Following
# receipt of your request searches were conducted ...". Where no heading starts the request,
# the letter may have spoken before them: "Thank you for your request for information regarding
# the use of drones ..." / "Following receipt of your request ..." tells the request back.
_LETTER_GOES_ON = re.compile(
    r"please\s+accept\s+(?:my|our)\s+(?:sincere\s+)?apolog|"
    r"extent\s+of\s+(?:the\s+)?searches\b|following\s+receipt\s+of\s+your\s+request\b",
    re.I,
)
# "With regards to questions 1, 3, 4 and 5, the information you have requested is provided
# within the following table:", "In response to question 3, I can neither confirm nor deny ...":
# the authority answering questions it names. (It may have spoken before: "Your request has
# been handled under the Freedom of Information Act 2000" then ends the request.)
_ANSWERS_NAMED = re.compile(
    r"^(?:with\s+regards?\s+to|in\s+relation\s+to|in\s+response\s+to|regarding)\s+(?:your\s+)?"
    r"(?:questions?|q)\s*\d[^.]{0,40}?,\s*(?:the\s+information\s+(?:(?:that\s+)?you\s+(?:have\s+)?)?"
    r"requested|(?:we|I)\s+(?:can|have|do|are|am)\b|(?:this|the)\s+(?:information|data)\s+"
    r"(?:is|are)\b)",
    re.I,
)
_END_OPENER = re.compile(
    r"^(?:response\s*[:\-–]|answer\s*[:\-–]|please\s+find\s+(?:attached|enclosed|below)\s+"
    r"(?:our|my|the)\s+response|please\s+find\s+the\s+.{0,60}response\s+set\s+out\s+below|"
    r"i\s+have\s+(?:today\s+)?decided|we\s+have\s+now\s+had\s+the\s+opportunity|"
    r"our\s+response\s+(?:to\s+your\s+request\s+)?is\s+as\s+follows|"
    r"(?:we|i)\s+can\s+(?:confirm|advise)\b|your\s+request\s+(?:for\s+information\s+)?"
    r"(?:has\s+(?:now\s+)?been|will\s+(?:now\s+)?be)\s+considered|"
    # "– Exampleshire Constabulary can confirm that it holds ...", "The Office ... holds"
    # (A word is not begun inside a run of "&", "." or "-": begun one earlier, it reads the same
    # and is tried first. A line of such marks was otherwise read from each of them.)
    r"\W*(?!(?<=[&'’.-])[&'’.-])"
    r"(?!(?:if|whether|please|could|can|does|do|did|has|have|is|are|what|how|when|why|which|"
    r"and|or|would|will)\b)(?:[\w&'’.-]+\s+){0,5}(?:police|constabulary|service|force|"
    r"commissioner|office)\s+(?:can(?:not)?\s+(?:neither\s+)?confirm|is\s+unable|does\s+not\s+hold|"
    r"holds\s+(?:the\s+|some\s+)?information)\b|"
    # "The Scottish Fire and Rescue Service (SFRS) Analyst has provided the following
    # response -": the authority passing on its answer, set out below. (Not the requester's "You
    # have provided the following response to my question 2, which ...", nor "the Department
    # has provided the following response to a parliamentary question": a response named.)
    r"(?!you\b)(?:[\w&'’().-]+\s+){0,8}(?:has|have)\s+(?:now\s+)?provided\s+the\s+following\s+"
    r"response(?:\s*[-–:]|\s*\.?\s*$)|"
    # "Section 17 of the Freedom of Information Act 2000 requires Northamptonshire Police, when
    # refusing to provide information ..., to provide the applicant with a notice which:".
    r"section\s+17\b[^.]{0,80}?\brequires\b[^.]{0,80}?\bwhen\s+refusing\b|"
    # The response's own opening boilerplate.
    r"i\s+am\s+required\s+by\s+the\s+freedom\s+of\s+information\s+act|"
    # "Please accept my sincere apologies ...", "Extent of Searches to Locate Information",
    # "Following receipt of your request ..." (``_LETTER_GOES_ON``).
    rf"(?:{_LETTER_GOES_ON.pattern})|"
    r"please\s+see\s+below\s+(?:for\s+)?(?:the\s+following\s+exemptions?|(?:our|my|the)\s+"
    r"(?:response|answer|reply))|"
    # "Refusal Notice - 21021" as the response's heading.
    r"refusal\s+notice(?:\s*[-–:]\s*[\w/.-]+)?\s*$|"
    # "In question 1 you ask:" over the authority's quotation of one question, to answer it.
    r"in\s+(?:your\s+)?question\s+\d{1,2}[a-z]?\s*,?\s+you\s+(?:ask|asked|request|requested)\b|"
    # An exemption named as a heading: "Section 21 – information already reasonably accessible".
    r"section\s+\d{1,2}[A-Z]?(?:\s*\(\w{1,3}\))*\s+[–-]\s+[a-z]|"
    # An answer printed under its question ("1. ... policy" / "No information held").
    r"(?:no\s+)?information\s+(?:is\s+)?(?:not\s+)?held\.?$|no\s+information\s+held\b)",
    re.I,
)
# The Act's two duties, quoted at the head of many responses: the response has begun by then, but
# it may have begun a line or two before.
_DUTIES_OPENER = re.compile(
    r"^section\s+1\s+of\s+the\s+freedom\s+of\s+information\s+(?:\(scotland\)\s+)?act\b.{0,40}"
    r"\bplaces\s+two\s+duties"
    # "The Freedom of Information Act is designed to give a general access to information to
    # the public.": the opening of a public interest test document.
    r"|^the\s+freedom\s+of\s+information\s+(?:\(scotland\)\s+)?act\s+(?:2000\s+|2002\s+)?"
    r"(?:\(\w+\)\s+)?is\s+designed\s+to\b",
    re.I,
)
#: A line of the website around a page's text: navigation, cookie banners, "Leave this site",
#: beta notices.
SITE_FURNITURE = quick(
    re.compile(
        r"^(?:skip to|top$|log\s?in|sign in|forgotten password|create new account|menu$|search$|"
        r"home$|coronavirus|how we are working|disclosure details$|freedom of information"
        r"(?: request)?$|new website$)|cookie|\bleave\s+this\s+site\b|\bquick(?:ly)?\s+exit\b|"
        r"this\s+site\s+is\s+a\s+beta\b|^sorry, there|technical\s+problem|"
        # A log's banner saying how every request of its kind ended: "This request was refused in
        # part, so we didn't provide some of the information ... This may include information where
        # we can neither confirm nor deny that we hold it."
        # The log speaks of "the requester"; a reply to them would say "you".
        r"^this\s+request\s+was\s+[\w ]{3,40},\s+so\s+we\b[^.]*\bthe\s+requester\b|"
        # "FOI release" / the title / "Some or all of the information requested was not provided
        # because we determined that the cost to do so would exceed the appropriate limit.": the
        # same kind of banner in another log's template.
        r"^(?:some\s+or\s+all|some|all|none)\s+of\s+the\s+information\s+requested\s+was\s+"
        r"(?:not\s+)?provided\s+because\b",
        re.I,
    )
)


# The authority speaking: "We can confirm ...", "The Trust does not hold ...", "Thank you for your
# request ...", "Please see the attached ...", "... is exempt under section 40(2)".
_AUTHORITY_VOICE = re.compile(
    # A line that opens by citing a provision: "Section 40(2) Personal Information. ...",
    # "Under Section 14 of the Act this request is not going to proceed any further."
    r"^(?:section|s\.?)\s*\d{1,2}[A-Z]?\s*\(\d{1,2}[A-Z]?\)|^under\s+(?:section|s\.?)\s*\d|"
    r"^(?:thank\s+you\s+for\s+your\s+(?:request|email|letter|enquiry)|following\s+(?:a\s+|the\s+)?"
    r"(?:search|searches|receipt|enquiries)|please\s+(?:see|find|note)\b|unfortunately\b|"
    r"information\s+provided\b|(?:yes|no)\s*[.,:;–-]|in\s+(?:response|answer|reply)\s+to\b|"
    # "Your request has been dealt with under the Freedom of Information Act 2000 (FOIA).",
    # "I understand your request to relate to ...".
    r"your\s+request\s+(?:has\s+been|was|is\s+being)\s+(?:dealt\s+with|handled|considered|"
    r"processed)\b|I\s+understand\s+your\s+request\b|"
    # "The answer to your request is nil."
    r"the\s+(?:answer|response|reply)\s+to\s+your\s+(?:request|questions?|enquiry)\b|"
    # "There have been no new stations or stations re-opened since ...", "There were 14 ...": a
    # nil return or a count, stated.
    r"there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:no|nil|none|\d[\d,]*)\b)"
    r"|\b(?:we|our|us)\b|\bI\s+(?:can|am\s+(?:able|unable|writing\s+(?:to\s+(?:confirm|advise|inform)|"
    r"in\s+(?:response|reply)\s+to))|"
    r"have\s+(?:been|attached|enclosed)|enclose|attach|write\s+(?:further|in\s+response))\b|"
    r"\b(?:the\s+)?(?:trust|council|force|constabulary|police|service|authority|department|office|"
    r"university|board|commissioner|government|organisation)\s+(?:does|do|did|has|have|is|are|can|"
    r"cannot|holds|held|will|would|was|were|may)\b|\b(?:is|are|was|were)\s+(?:not\s+)?held\b|"
    r"\bexempt(?:ed|ion)?\b|\bnot\s+obliged\b|\b(?:is|are|has\s+been|have\s+been)\s+refused\b|\bhas\s+been\s+provided\b|\battached\b|\bapolog(?:y|ies|ise)\b",
    re.I,
)


# The requester speaking without a request verb: "... please enter the information you hold",
# "Has your force ...".
_REQUESTER_VOICE = re.compile(
    r"\bplease\s+(?:enter|complete|fill|populate|include|answer|return|break)\b|\byou\s+hold\b|"
    r"\byour\s+(?:force|trust|council|authority|organisation|department|service|constabulary)\b",
    re.I,
)


# A page's own field: "Date of response: 16 April 2025", "Request Number: 001006/22".
_FIELD = re.compile(r"^[A-Za-z][\w ]{1,30}:\s*[\w/.-]+(?:\s[\w/.-]+){0,3}$")


def states_a_request(text: str) -> bool:
    """Whether ``text`` asks for something in so many words ("Please could you send me ...",
    "I would like ...") or lists an item (a line opening "1.", "-", "(a)")."""
    return bool(_REQUEST_PHRASE.search(text)) or any(
        _marker(line.strip()) is not None for line in text.split("\n")
    )


def _asks(line: str) -> bool:
    """Whether a line, less any item marker, asks for something in the requester's voice."""
    if _FIELD.match(line) and "?" not in line:
        return False
    marker = _marker(line)
    words = marker.rest if marker is not None else line
    return _is_request(words) or bool(_REQUESTER_VOICE.search(words))


_SENTENCE_BREAK = re.compile(
    # "... you requested the following information: “1) How many ...": a quotation may open
    # with the first item.
    r"(?<=[.?!:])\s+(?=[“\"‘']?[A-Z(]|[“\"‘']?\d{1,2}[.)]\s|[a-z][.)]\s|(?:i{2,3}|iv|vi{0,3})[.)]\s|"
    r"[*•]\s)"
    r"|(?<=;)\s+(?=\(?(?:\d{1,2}|[a-z])[.)]\s)"
    # The response's first words, even where the sentence before lost its full stop. (From the
    # start of the white space only: tried inside a long run of it, the search took time growing
    # with the square of the run.)
    r"|(?<!\s)\s++(?=Following\s+(?:receipt|a\s+search|searches)|Your\s+request\s+(?:for\s+information\s+)?"
    r"has|I\s+can\s+confirm|Please\s+find|RESPONSE\b|Yours\s+(?:sincerely|faithfully))"
)
# What a break may not follow: an item's own marker ("1." "a)"), or an abbreviation.
_NOT_AN_END = re.compile(
    r"(?:^|\s)(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]|Mr|Mrs|Ms|Dr|No|St|e\.g|i\.e|etc|"
    r"S\.I|[A-Z])\.?$"
)


#: Longer than anything ``_NOT_AN_END`` matches ("(xiv).", "e.g."), with the space before it.
_LONGEST_NOT_AN_END = 12


def _sentences_of(line: str) -> list[str]:
    """A run-together line cut into its sentences and numbered items."""
    out: list[str] = []
    at = 0
    for m in _SENTENCE_BREAK.finditer(line):
        # (Only the last few characters can be a marker or an abbreviation: searching all of a
        # sentence that keeps growing took time growing with the square of the line's length.)
        if _NOT_AN_END.search(line[max(at, m.start() - _LONGEST_NOT_AN_END) : m.start()]):
            continue
        out.append(line[at : m.start()])
        at = m.end()
    out.append(line[at:])
    return [x for x in out if x]


# A sentence that opens a request of its own: "Please disclose ...", "I would also like to know
# ...", "Could you ...", "How many ...".
_OPENS_REQUEST = re.compile(
    r"^(?:please\s+(?:also\s+)?(?:provide|send|supply|disclose|release|tell|give|list|share|"
    r"confirm|state|forward|e-?mail|include\s+(?:any\s+|all\s+)?(?:information|details|"
    rf"records|documents|correspondence)\b{_EACH_OF_THEM})|please\s+(?:could|can|would)\s+you|"
    r"I\s+would\s+(?:also\s+)?like|"
    r"I\s+(?:also\s+)?(?:request|"
    r"wish\s+to)|(?:could|can|would)\s+you|(?:could|can|may)\s+I\b|how\s+(?:many|much|often|long)|"
    r"what|which|when|"
    r"where|who|why|whether|do|does|did|has|have|is|are|was|were)\b",
    re.I,
)
# A sentence that leans on the one before ("Please break this down by year") stays with it.
_BACK_WORDS = (
    r"this|these|those|above|such|them|they|it|its|each|same|also\s+break|break\s*down|"
    # "I would like the information listed from the past ten years": what the sentence before
    # asked for (not "the data protection impact assessment").
    r"breakdown|the\s+(?:information|data|figures)\s+(?:listed|above|requested|asked|"
    r"for\s+(?:the|each|every|all)|from\s+the|broken|split)"
)
# (Not the "that" opening a clause: "I would also like confirmation that the PCC is ...".)
_REFERS_BACK = re.compile(
    rf"\b(?:(?<!confirmation )(?<!confirm )(?<!know )(?<!told )that|{_BACK_WORDS})\b", re.I
)


_INLINE_BULLET = re.compile(r"^[*•]\s")


def separate_requests(paragraph: str) -> list[str]:
    """A paragraph that asks two things in two sentences ("Please disclose all correspondence
    with the companies. I would also like to know of all meetings ...") is two questions, as an
    officer splits it; a sentence that refers back to the one before ("Please break this down
    by year") stays with it. A paragraph of one request comes back whole."""
    if "\n" in paragraph:
        return [paragraph]
    parts: list[str] = []
    # Whether the request so far asks (``_is_request`` of ``parts[-1]``), kept up as sentences
    # join it: asked again of the whole, it took time growing with the square of the paragraph.
    asks = False
    for sentence in _sentences_of(paragraph):
        if parts and _INLINE_BULLET.match(sentence):
            parts.append(sentence[2:].strip())  # "... serving? * For the last three years ..."
            asks = _is_request(parts[-1])
        elif parts and _starts_another(sentence, parts[-1], before_asks=asks):
            parts.append(sentence)
            asks = _is_request(sentence)
        elif parts:
            # Joined on, it asks if it did, or if a question mark or a request's words now
            # appear (the joining may complete them: "... the" / "following information").
            asks = asks or _asks_anywhere(f"{parts[-1][-_JOIN_CONTEXT:]} {sentence}")
            parts[-1] = f"{parts[-1]} {sentence}"
        else:
            parts.append(sentence)
            asks = _is_request(sentence)
    return parts


#: How much of the request before a joined sentence a request's words may run on from.
_JOIN_CONTEXT = 60


def _asks_anywhere(text: str) -> bool:
    """The part of ``_is_request`` that may be anywhere in a text: a question mark or a
    request's words."""
    bare = LINK.sub("", text)
    return bool(_QUESTION_MARK.search(bare) or _REQUEST_PHRASE.search(bare))


_LEADING_AND = re.compile(r"^(?:and|also)\s+", re.I)
_WH_WORD = re.compile(r"^(?:how|what|which|who|whom|whose|why|when|where)\b", re.I)
# "Can you please break this down by month?", "What were the same figures for 2022?"
_BREAKS_DOWN = re.compile(
    r"\bbr(?:eak|oken)\s+(?:(?:this|these|it|them)\s+)?down\b|\bbreakdown\b|"
    r"\bsame\s+(?:figures|data|information)\b|\bsplit\b",
    re.I,
)
_ADDS_A_REQUEST = re.compile(rf"^(?:{_ADDING})\b\s*,", re.I)


def _starts_another(sentence: str, before: str, *, before_asks: bool) -> bool:
    """Whether ``sentence`` asks for something besides what ``before`` asks: a request of its
    own ("I would also like to know of all meetings ..."), or one added to it ("Additionally,
    where possible, any proposed dates that a review is to be made ..."); not when it leans on
    the one before ("Please break this down by year", "Also, please provide the same figures
    for 2022"), nor when it asks nothing ("Furthermore, the annual report states ..."), nor
    when ``before`` leads in to it ("I would like the following information: How many ...?").
    ``before_asks``: whether ``before`` asks (``_is_request``), kept up by the caller."""
    if before.endswith(":") or not before_asks or len(sentence.split()) < 6:
        return False
    if _BREAKDOWN_OF_ABOVE.match(sentence) or _APPLIES_TO_ALL.search(sentence):
        return False  # "Please provide figures broken down by calendar year."
    bare = _LEADING_AND.sub("", sentence)
    if (
        # (A request quoted whole ends "...devices?”".)
        bare.rstrip().rstrip("\"”’'").endswith("?")
        and _WH_START.match(bare)
        and not _FOLLOWUP.match(sentence)
        and not _BREAKS_DOWN.search(bare)
    ):
        # "... could you confirm the amount you received for the adverts? And why you chose to
        # show them above any other charity?": a question of its own, though it leans back.
        return True
    if _OPENS_REQUEST.match(sentence):
        opening = " ".join(sentence.split()[:8])
        return not _REFERS_BACK.search(opening) and _is_request(sentence)
    if _ADDS_A_REQUEST.match(sentence):
        added = _strip_qualifiers(sentence)
        asks = _is_request(added) or _ASKS_FOR.match(added) or _PLEASE.search(added)
        return bool(asks) and not _LEANS_BACK.search(" ".join(added.split()[:8]))
    return False


# What an added request opens with when it names what it wants: "any proposed dates ...".
_ASKS_FOR = re.compile(r"(?:any|all|copies|a\s+copy|details|the\s+number)\b", re.I)
_PLEASE = re.compile(r"\bplease\b", re.I)
# As ``_REFERS_BACK``, less "that", which in an added request opens a clause ("any proposed
# dates that a review is to be made").
_LEANS_BACK = re.compile(rf"\b(?:{_BACK_WORDS})\b", re.I)


def _voice(sentence: str) -> str | None:
    """Who is speaking: "authority", "requester", or ``None`` when the words do not say."""
    if answers_request(sentence):
        return "authority"
    return "requester" if _asks(sentence) else None


_INLINE_ITEM = re.compile(r"^[“\"]?(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|Q\d{1,2}\b)\s")
# A request's or a response's heading run into a flattened letter: "Your request: ...".
_INLINE_HEADING = re.compile(
    r"^((?:your|the|our)\s+(?:request|response|reply)|request|response|decision|you\s+asked|"
    r"you\s+wrote)\s*:(?:\s+|$)",
    re.I,
)
#: How long a line is before it counts as text run together from a printed page.
_FLAT_LINE = 500


# Sentences run together without a space, as some logs print a request: "... Act 2000.Please
# provide the following:The current number of households ...".
_GLUED = re.compile(r"(?<=[a-z0-9)][.:?,])(?=[A-Z][a-z]|I\s)")
# "| Reference | FOI 2025/1241 |", "| Date Requested | 27/05/2025 |": a log's field and its
# value as a row of a two-column table; "|---|---|" the table's rule.
_FIELD_ROW = re.compile(
    r"^\|[ \t]*+([A-Za-z][^|\n]{0,40}[^|\s])[ \t]*\|[ \t]*+([^|\s][^|\n]{0,200}?)[ \t]*\|[ \t]*$"
)
_TABLE_RULE = re.compile(r"^\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")
_LOG_FIELD = re.compile(
    r"^(?:reference|ref|our\s+ref(?:erence)?|foi\s+(?:number|reference|ref)|request\s+(?:number|ref)|"
    r"description|title|subject|category|status|outcome|date(?:\s+\w+){0,2})$",
    re.I,
)


def _fields_table(text: str) -> str:
    """A log page opening with its fields as a two-column table ("| Reference | FOI 2025/1241 |"
    / "|---|---|" / "| Date Requested | 27/05/2025 |"): the fields read as "Reference: FOI
    2025/1241". Only that opening table, and only a log's own fields; a table of figures in the
    answer ("| Q1 | 45 |") is left as it is."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _TABLE_RULE.match(line):
            lines[i] = ""
            continue
        m = _FIELD_ROW.match(line)
        if m is None:
            break  # the table has ended
        if _LOG_FIELD.match(m.group(1)):
            lines[i] = f"{m.group(1)}: {m.group(2)}"
    return "\n".join(lines)


_Q_SLASH = re.compile(r"^Q(\d{1,2})\s?/\s")


def _answer_label_unglued(line: str) -> str:
    """ "Q1 / Please supply a copy of the latest StrategyA1 / Empath do not have ...": the
    answer's label, run into the question's last word, starts a line of its own."""
    m = _Q_SLASH.match(line)
    if m is None:
        return line
    return re.sub(rf"(?<=[a-z)])(?=A{m.group(1)}\s?/\s)", "\n", line, count=1)


def _unglue(line: str) -> str:
    """A line whose sentences were run together is given a line to each sentence; a single
    glued pair ("e.g.The") is left alone."""
    if len(_GLUED.findall(line)) < 2:
        return line
    return "\n".join(part.strip() for part in _GLUED.split(line))


# "2. If so, how many infections have been detected? N/A": the answer printed after the
# question on its line.
_ANSWERED_INLINE = re.compile(
    r"^(\(?\d{1,2}[.)]\s.{10,}?\?)\s+(\S.{0,200})$"
    # "- how many police staff are suspended - 3": a figure after a dash.
    r"|^([-•]\s.{10,}?)\s[-–]\s((?:\d[\d,.]*%?|nil|none|n/a|zero)\.?)$",
    re.I,
)


def _answers_inline(lines: list[str]) -> list[str]:
    """Numbered questions each followed on their line by a short answer are given the answer a
    line of its own, when two or more lines of the page are written so."""
    found = [
        (m.string, m.group(1) or m.group(3), m.group(2) or m.group(4))
        for line in lines
        if (m := _ANSWERED_INLINE.match(line))
    ]
    found = [(line, q, a) for line, q, a in found if not _asks(a) and "?" not in a]
    if len(found) < 2:
        return lines
    split = {line: f"{q}\n{a}" for line, q, a in found}
    # On such a page, a numbered question closed by a full stop has its answer after it too:
    # "2. How many have not gone over PAN but have accepted additional children through
    # appeals. This information is not held by the council."
    for line in lines:
        m = _ASKED_THEN_ANSWERED.match(line)
        if (
            m is not None
            and line not in split
            and ASKS.search(m.group("words"))
            and not _asks(m.group("answer"))
            and "?" not in m.group("answer")
            and _reads_as_an_answer(re.split(r"(?<=[.!?])\s+", m.group("answer"), maxsplit=1)[0])
        ):
            split[line] = f"{m.group('question')}\n{m.group('answer')}"
    return [split.get(line, line) for line in lines]


def _reads_as_an_answer(sentence: str) -> bool:
    """ "There are 36 schools.", "This information is not held by the council.": a figure or
    the authority's voice (not "I do not want any personal information to be disclosed.")."""
    return bool(re.search(r"\d", sentence)) or answers_request(sentence)


_ASKED_THEN_ANSWERED = re.compile(
    r"^(?P<question>\(?\d{1,2}[.)]\s(?P<words>[^.?]{10,}[.?]))\s+(?P<answer>[A-Z]\S*\s.*)$"
)


# WhatDoTheyKnow's list of the links in a message ("References" / "Visible links" / "1.
# mailto:[email address]" / "2. http://www.example.gov.uk/"): numbered, but no answers.
_VISIBLE_LINKS = re.compile(
    r"(?m)^[ \t]*(?:References[ \t]*\n(?:[ \t]*\n)*[ \t]*)?Visible links[ \t]*\n"
    r"(?:[ \t]*\d{1,3}\.[ \t]+(?:https?://|mailto:|www\.)[^\n]*(?:\n|$))*"
)


def set_out_page(text: str) -> str:
    """A page set out a line to a part, so that its request and answers can be found as on any
    other page; a page already set out so comes back as it is.

    - Sentences run together without a space ("...Act 2000.Please provide ...") get a line each.
    - Questions answered on their own line ("2. ...? N/A", "- how many ... - 3") have the answer
      put on the next line.
    - A page copied from a PDF or a document-sharing site may run a whole letter into a few very
      long lines: each numbered or lettered item then starts a line, and so does every turn from
      the requester's voice to the authority's and back.
    - A log's fields set out as a table of two columns ("| Reference | FOI 2025/1241 |") read as
      fields ("Reference: FOI 2025/1241").
    - The request run into the line that introduces it ("You asked for: a) the number of trees
      ...") starts a line of its own.
    - A page whose every line was made a bullet when it was pasted ("- Dear Mr Mosley," / "- Re:
      Freedom of Information request ...") loses the bullets.
    - WhatDoTheyKnow's numbered list of a message's links ("Visible links" / "1. mailto:...")
      is left out: its numbers are no answers."""
    if text.lstrip().startswith("|"):
        text = _fields_table(text)
    if "Visible links" in text:
        text = _VISIBLE_LINKS.sub("", text)
    if ":" in text and _RUN_IN_WORDS.search(text):
        text = _RUN_IN_INTRODUCTION.sub(r"\1\n", text)
    if "\n- " in text:
        text = _unbulleted(text)
    if _GLUED.search(text):
        text = "\n".join(_unglue(line) for line in text.split("\n"))
    if "Q1" in text:
        text = "\n".join(_answer_label_unglued(line) for line in text.split("\n"))
    if "? " in text or " - " in text or " – " in text:
        text = "\n".join(_answers_inline(text.split("\n")))
    lines = text.split("\n")
    if sum(len(x) for x in lines if len(x) > _FLAT_LINE) < 0.75 * len(text):
        return text
    out: list[str] = []
    for line in lines:
        if len(line) <= _FLAT_LINE:
            out.append(line)
            continue
        para: list[str] = []
        voice: str | None = None
        for sentence in _sentences_of(line):
            if heading := _INLINE_HEADING.match(sentence):
                # "... (CAA). Your request: “I am looking to ...”. Our response: In assessing
                # ...": the heading gets a line of its own, and what follows starts afresh.
                if para:
                    out.append(" ".join(para))
                out.append(heading.group(1) + ":")
                para, voice = [], None
                sentence = sentence[heading.end() :]
                if not sentence:
                    continue
            said = _voice(sentence)
            if para and (_INLINE_ITEM.match(sentence) or (said and voice and said != voice)):
                out.append(" ".join(para))
                para = []
            para.append(sentence)
            voice = said or voice
        out.append(" ".join(para))
    return "\n".join(out)


def split_inline_items(text: str) -> str:
    """A request written as one long line with its items numbered inline ("... for personal
    use. 1) The documents ... 2) Any internal correspondence ...") gets a line to each item,
    when the items are numbered 1, 2 ... in order; so does a list's first bullet run into the
    line that leads in to it ("... types of incidents:- Miscommunication ..." / "- Downgrading
    of calls"). Other text is returned as it is."""
    out: list[str] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        glued = _GLUED_BULLET.match(line)
        if glued and lines[index + 1 : index + 2] and lines[index + 1].startswith(glued["bullet"]):
            out.extend((glued["lead"], f"{glued['bullet']} {glued['item']}"))
            continue
        lettered = _inline_letters(line) or _inline_bare_numbers(line)
        if lettered:
            out.extend(lettered)
            continue
        if len(line) < 200:
            out.append(line)
            continue
        parts: list[str] = []
        expected = 1
        quoted = False
        for sentence in _sentences_of(line):
            m = _INLINE_NUMBER.match(sentence)
            if m and int(m.group(1)) == expected:
                start = m.start(1)  # the item's number, less a quotation mark opening it
                if start and sentence[start - 1] == "(":
                    start -= 1
                quoted = quoted or start > 0
                parts.append(sentence[start:])
                expected += 1
            elif m and expected == 1 and int(m.group(1)) == 2 and parts and "?" in parts[-1]:
                # "How many unfixed potholes are there? 2. How much has the council spent
                # ...": the first question went unnumbered.
                parts.append(sentence)
                expected = 3
            elif parts:
                parts[-1] = f"{parts[-1]} {sentence}"
            else:
                parts.append(sentence)
        if expected > 2 and quoted:
            parts[-1] = re.sub(r"[”\"’']+\s*$", "", parts[-1])  # the quotation's closing mark
        out.extend(parts if expected > 2 else [line])
    return "\n".join(out)


_PASTED_BULLET = re.compile(r"^- (?=\S)")


def _unbulleted(text: str) -> str:
    """``text`` less the "- " opening nearly every line (three in four, of eight lines or more):
    the mark of a paste, not of a list."""
    filled = [x for x in text.split("\n") if x.strip()]
    marked = sum(1 for x in filled if _PASTED_BULLET.match(x))
    if len(filled) < 8 or marked < 0.75 * len(filled):
        return text
    return "\n".join(_PASTED_BULLET.sub("", x) for x in text.split("\n"))


# "You asked for: a) the number of trees felled ...": an introduction with the request after it
# on its line (not a log's field, "Request: FOI/75").
_RUN_IN_OPENING = r"you\s+(?:asked|requested)(?:\s+for)?|your\s+request\s+(?:was|read)"
_RUN_IN_INTRODUCTION = re.compile(rf"(?im)^((?:{_RUN_IN_OPENING})\s*:)[ \t]+(?=\S[^\n]{{20}})")


# (Not a date: "1 January to 2 March".)
_BARE_INLINE_NUMBER = re.compile(rf"(?:^|(?<=\s))(\d{{1,2}})\s+(?=[A-Z])(?!(?:{MONTH})\b)")
_BARE_ITEM_WORDS = 8


def _inline_bare_numbers(line: str) -> list[str]:
    """ "1 Gender 2 Religion 3 Nationality 4 Reason for detention": short items numbered 1, 2,
    3 ... without stops in one line (three or more, the line opening with the first), one line
    each, numbered "1.", "2." ..."""
    if not line.startswith("1 ") or any(mark in line for mark in ".,?"):
        return []
    marks = list(_BARE_INLINE_NUMBER.finditer(line))
    if len(marks) < 3 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    cuts = [m.start() for m in marks] + [len(line)]
    items = [line[m.end() : end].strip() for m, end in zip(marks, cuts[1:], strict=True)]
    if any(not item or len(item.split()) > _BARE_ITEM_WORDS for item in items):
        return []
    return [f"{n}. {item}" for n, item in enumerate(items, start=1)]


def _inline_letters(line: str) -> list[str]:
    """ "a) the number of trees felled ... to date. b) the area of felled trees ...", "2) Out of
    those: i. How many have been solved? ... ii. How many remain open?": a line whose sentences
    open a), b), c) ... or i., ii., iii. ... in order, two or more, one line to each; else
    empty."""
    if "a) " in line and _first_then_second(line, _INLINE_A, _INLINE_B):
        marker, labels = _INLINE_LETTER, "abcdefgh"
    elif "i. " in line and _first_then_second(line, _INLINE_I, _INLINE_II):
        marker, labels = _INLINE_ROMAN, _ROMANS
    else:
        return []
    parts: list[str] = []
    found = 0
    for sentence in _sentences_of(line):
        m = marker.match(sentence)
        if m and found < len(labels) and m.group(1) == labels[found]:
            parts.append(sentence)
            found += 1
        elif parts:
            parts[-1] = f"{parts[-1]} {sentence}"
        else:
            parts.append(sentence)
    return parts if found >= 2 else []


def _first_then_second(line: str, first: re.Pattern[str], second: re.Pattern[str]) -> bool:
    """A cheap test before cutting a line into sentences: the first part's marker, and the
    second's somewhere after it. (Two searches: one pattern with ".*?" between the markers
    took time growing with the square of a line of many "a)" and no "b)".)"""
    found = first.search(line)
    return found is not None and second.search(line, found.end()) is not None


_INLINE_LETTER = re.compile(r"^\(?([a-h])\)\s+\S")
# An "a)" starting the line or a sentence, and a "b)" starting a sentence after it.
_INLINE_A = re.compile(r"(?:^|(?<=[.?!;])\s+)\(?a\)\s")
_INLINE_B = re.compile(r"(?<=[.?!;])\s+\(?b\)\s")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
_INLINE_ROMAN = re.compile(r"^\(?(i{1,3}|iv|vi{0,3})[.)]\s+(?=[A-Z])")
_INLINE_I = re.compile(r"(?:^|(?<=[.?!:;])\s+)\(?i[.)]\s+[A-Z]")
_INLINE_II = re.compile(r"(?<=[.?!;])\s+\(?ii[.)]\s+[A-Z]")
# The words ``_RUN_IN_INTRODUCTION`` needs, found quickly (it is anchored at each line).
_RUN_IN_WORDS = quick(re.compile(rf"\b(?:{_RUN_IN_OPENING})", re.I))
_INLINE_NUMBER = re.compile(r"^[“\"‘']?\(?(\d{1,2})[.)/]\s")
_GLUED_BULLET = re.compile(r"^(?P<lead>.*\S:)\s*(?P<bullet>[-–•])\s+(?P<item>\S.*)$")


def answers_request(line: str) -> bool:
    """Whether a line reads as the authority answering rather than the requester asking.

    Used where a page has no heading between the request and the response: the first line in
    the authority's voice that does not itself ask for something ends the request.
    """
    # The Act's duties quoted at the head of a response ("Section 1 of the Freedom of
    # Information Act 2000 places two duties ...") are the authority's words too.
    spoken = _AUTHORITY_VOICE.search(line) or _DUTIES_OPENER.match(line)
    return bool(spoken) and not _asks(line)


_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I)\b", re.I)


def _voice_end(lines: list[str], start: int, *, introduced: bool = False) -> int | None:
    """The first line from ``start`` in the authority's voice, once the requester has asked
    something; ``None`` if the page never turns from one voice to the other.

    ``introduced``: ``start`` follows a line introducing the request ("You asked for:"), so
    what comes first is what was asked, though it names what is wanted without asking ("The
    findings of the report on the pollution incident ...")."""
    asked = False
    spoken = 0  # the authority's lines before the request: "I refer to your request ..."
    first_item: str | None = None
    previous = ""
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        # "Please could you tell me:" / "If the force has naloxone in its custody suites": what
        # follows the requester's colon is what they ask, unless the authority speaks as itself
        # ("We have looked at the content of your request ...").
        # Nor is the first line of the requester's answer to a clarification ("Clarification
        # Received" / "Yes, members of public.") the authority speaking. (Only the first: a
        # reply of several lines cannot be told from the authority's answer that follows it,
        # "Clarification received ..." / "The time period is ..." / "No information held.")
        reply = _CLARIFICATION_HEADING.match(previous.strip())
        if (
            asked
            and answers_request(line)
            and not (_asks(previous) and previous.endswith(":") and not _FIRST_PERSON.search(line))
            and not (reply and reply.group("reply"))
        ):
            return index
        previous = line
        marker = _marker(line)
        if marker is not None and marker.style in (_Style.NUMBER, _Style.NUMLETTER):
            if first_item is None:
                first_item = marker.label
            elif asked and marker.label == first_item and not _asks(line):
                return index  # "1. a) The appendix has not been made public ...": the answers
        if _asks(line) or (introduced and not answers_request(line)):
            asked = True
        elif not asked and answers_request(line):
            spoken += 1
            if spoken > 2:
                return None  # the page opens with the response: no request is quoted first
    return None


_FIRST_ITEM = re.compile(r"\(?1[.)]\s|[*•–-]\s")


def _repeated_from(lines: list[str], start: int) -> int | None:
    """Where the response begins by repeating the request's first numbered or bulleted question
    word for word ("1. Could you supply ...?" again, its answer under it), if it does."""
    first = next(
        (i for i in range(start, min(len(lines), start + 40)) if _FIRST_ITEM.match(lines[i])),
        None,
    )
    if first is None or len(lines[first]) < 20:
        return None
    again = next((i for i in range(first + 1, len(lines)) if lines[i] == lines[first]), None)
    if again is None:
        return None
    # The lines above the first item may be repeated with it ("If you have the data ..." / "*
    # How many ..."): the response begins with them.
    mine = [i for i in range(start, first) if lines[i].strip()]
    theirs = [i for i in range(first + 1, again) if lines[i].strip()]
    while mine and theirs and lines[mine[-1]] == lines[theirs[-1]]:
        again = theirs[-1]
        mine.pop()
        theirs.pop()
    return again


def introduces_request(line: str) -> bool:
    """Whether ``line`` heads or introduces the quoted request ("Request:", "You wrote:", "I
    note you seek access to the following information:"). A line that cites a section ("Under
    section 21 ... The information you requested ... is available on the following website:")
    is the authority's reasoning, not an introduction."""
    if REQUEST_HEADING.match(line):
        return True
    return (
        bool(_START_INTRO.search(line))
        and not _CITES_SECTION.search(line)
        # "Our response to your request is as follows:" and "Having investigated, my response
        # to your two questions is as follows:-" head the response; "Your enquiry ... will be
        # dealt with as follows:" heads an acknowledgement.
        and not _OUR_RESPONSE.match(line)
        and not _HANDLED_AS_FOLLOWS.search(line)
        and _asks_as_follows(line)
    )


def _asks_as_follows(line: str) -> bool:
    """Whether "as follows" in ``line``, if that is all that makes it an introduction, sets out
    what was asked: "Your request was as follows:", "... your request for information which was
    received on 5th April 2023 as follows:"; not "... costs associated with obtaining mobile
    phone records," / "which are as follows:", "These are as follows:" after the authority's
    searches, "I can now respond as follows:" or "... and our response is as follows:-"."""
    if _START_INTRO.search(_AS_FOLLOWS.sub("", line)):
        return True
    found = _AS_FOLLOWS.search(line)
    if found is None:
        return True
    clause = _CLAUSE_BREAK.split(line[: found.start()])[-1]
    return bool(_NAMES_THE_REQUEST.search(clause)) and not _NAMES_THE_ANSWER.search(clause)


_AS_FOLLOWS = re.compile(r"\bas\s+follows\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.;]\s")
_NAMES_THE_REQUEST = re.compile(
    r"\b(?:request|requested|asked|asking|enquiry|question|questions|wrote|complaint|sought)\b",
    re.I,
)
_NAMES_THE_ANSWER = re.compile(
    r"\b(?:response|respond|reply|answer|answers|findings)\b|"
    # "The information you have requested is published on the Office's website as follows:"
    # (not "Your request for the documents which are available to councillors was as follows:")
    r"^\s*(?:the\s+)?information\s+(?:(?:that|which)\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|"
    r"sought)\s+(?:is|are)\s+(?:already\s+)?(?:published|available|attached|enclosed)\b",
    re.I,
)


_HANDLED_AS_FOLLOWS = re.compile(
    r"\b(?:dealt\s+with|handled|processed|considered)\s+as\s+follows\b"
    # "The information which I can provide is as follows:": the answers follow.
    r"|^the\s+information\s+(?:which|that)\s+(?:I|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+"
    r"(?:provide|supply|disclose|release)\b",
    re.I,
)


# At the line's start, or after a clause ("Having investigated, my response ..."); not in the
# middle of an introduction ("You requested the following (our responses are below each)").
_OUR_RESPONSE = re.compile(
    r"(?:[^,:;()]{0,40},\s*)?(?:our|my)\s+(?:response|reply|answer)s?\b", re.I
)
_CITES_SECTION = re.compile(r"\b(?:section|regulation)\s+\d", re.I)


#: "Request 1", "- Request 2:": a heading numbering the request's items, over each item or,
#: after the authority's reply, over each answer.
NUMBERED_REQUEST_HEADING = re.compile(r"^(?:[-–•]\s*)?request\s+(\d{1,2})\s*[:.;]?$", re.I)


def _after_request_heading(lines: list[str]) -> int | None:
    """The line after the first heading that introduces the request, if there is one.

    "Request 1" after the requester's numbered items and a line in the authority's voice
    ("Please see the below response to your requests.") heads the first answer, not the
    request."""
    response_began = False
    for index, line in enumerate(lines):
        response_began = response_began or bool(RESPONSE_HEADING.match(line))
        if not introduces_request(line):
            wrapped = None if response_began else _wrapped_introduction(lines, index)
            if wrapped is not None:
                return wrapped
            continue
        heading = NUMBERED_REQUEST_HEADING.match(line)
        if heading and heading.group(1) == "1" and _answers_follow(lines[:index]):
            continue
        return index + 1
    return None


def _wrapped_introduction(lines: list[str], index: int) -> int | None:
    """ "I refer to your enquiry dated 5 September 2021 asking to be supplied with the following" /
    "information under the provisions of the Freedom of Information (Scotland) Act 2002 (“the" /
    "FOISA”):": an introduction wrapped over three lines or fewer, read as one; the line after
    its last, or ``None``.

    An introduction with no colon at all ("You requested the following information" / "How much
    this university pay ...") ends its line when the next begins a sentence of its own."""
    line = lines[index]
    if not line.strip() or line.rstrip().endswith((".", ":", "?")) or "following" not in line:
        return None
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if following[:1].isupper() and introduces_request_unmarked(line):
        return index + 1
    joined = line
    for end in range(index + 1, min(index + 3, len(lines))):
        if not lines[end].strip():
            return None
        joined = f"{joined} {lines[end].strip()}"
        if joined.rstrip().endswith(":"):
            asked = _ASKED_THE_FOLLOWING.search(joined) and introduces_request(joined)
            return end + 1 if asked else None
    return None


def introduces_request_unmarked(line: str) -> bool:
    """Whether ``line`` introduces the request without the colon ``introduces_request`` looks
    for: "You requested the following information"."""
    return bool(
        _ENDS_AT_THE_FOLLOWING.search(line)
        and _ASKED_THE_FOLLOWING.search(line)
        and introduces_request(f"{line.rstrip()}:")
    )


_ENDS_AT_THE_FOLLOWING = re.compile(r"\bthe\s+following(?:\s+information)?\s*$", re.I)
# "... asked for the following information ...", not "the following figures cover the road you
# asked about".
_ASKED_THE_FOLLOWING = re.compile(
    r"\b(?:asked|asking|requested|requesting|seeking|sought)\b[^.:]{0,60}\bthe\s+following\b",
    re.I,
)


def _answers_follow(before: list[str]) -> bool:
    """Whether ``before`` holds numbered items and then a line in the authority's voice."""
    numbered = [
        i
        for i, line in enumerate(before)
        if (m := _marker(line.strip())) is not None and m.style is _Style.NUMBER
    ]
    return len(numbered) >= 2 and any(answers_request(line) for line in before[numbered[-1] + 1 :])


_ENDS_IN_COLON = re.compile(r":\s*-?$")


def _requester_leadin(lines: list[str]) -> int | None:
    """A page with no request heading that quotes the request after the response has begun
    ("Please find below answers to your questions:-" / "Under S 1(1)(a) ... I can confirm ..."
    / "I would like to get the following data ...:" / "1, When an arrest was made"): the
    requester's lead-in, followed by their first numbered item, starts the request."""
    for index, line in enumerate(lines):
        # "I would like to get the following data ...:", "Please provide the following:".
        if not (_OPENS_REQUEST.match(line) and _ENDS_IN_COLON.search(line)):
            continue
        following = first_filled(lines[index + 1 :])
        marker = _marker(following)
        if marker is not None and marker.style in (_Style.NUMBER, _Style.NUMLETTER):
            return index
    return None


_CRUMB = re.compile(r"^[-•]\s+\S(?:\S*\s?){0,5}$")


def _past_breadcrumb(lines: list[str], start: int) -> int:
    """Past the site's breadcrumb ("- Your service" / "- Freedom of Information" / "- Disclosure
    Log"): three or more short list lines that open the page's text."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    k = i
    while k < len(lines) and _CRUMB.match(lines[k]) and "?" not in lines[k]:
        k += 1
    return k if k - i >= 3 else start


def _replies_below(lines: list[str], salutation: int) -> bool:
    """Whether the letter at ``salutation`` is the authority's reply ("Dear X" / "Thank you for
    your request ...") to a request quoted above it ("Can you provide the following
    information: ...")."""
    after = first_filled(lines[salutation + 1 :])
    return answers_request(after) and any(_asks(x) for x in lines[:salutation])


def request_section(page_text: str) -> str | None:
    """The requester's words on a published response page, or ``None`` if they cannot be found.

    Disclosure logs print the request under a heading ("Request", "You asked:", "I note you seek
    access to the following information:") and the answer under another ("Response", "Decision",
    "In response:"); a request sent as a letter runs from "Dear ..." to its sign-off, which is
    left out because it names the requester. Without a start heading, the text before the
    response is taken. A combined "Request / Response" heading means the page does not quote the
    request on its own, so ``None``. Used by the disclosure-log importer (capability 10).
    """
    lines = normalise_whitespace(page_text).split("\n")
    if any(_COMBINED_HEADING.match(line) for line in lines):
        return None
    start = _after_request_heading(lines)
    # "You asked for:": what follows is what was asked (not so after a log's field, "Request ID").
    introduced = start is not None and bool(_START_INTRO.search(lines[start - 1]))
    from_letter = False
    reply_at: int | None = None  # the authority's letter, after the request it answers
    if start is None:
        start = next((i for i, line in enumerate(lines) if SALUTATION.match(line)), None)
        from_letter = start is not None
        if start is not None and _replies_below(lines, start):
            reply_at, start, from_letter = start, None, False
    if start is None:
        start = _requester_leadin(lines[:reply_at])
    end: int | None = reply_at
    duties = letter_first = answers_named = False
    closing = False
    for index in range(start or 0, len(lines) if end is None else end):
        line = lines[index]
        if RESPONSE_HEADING.match(line) or _END_OPENER.match(line):
            end = index
            # (Without a heading over the request, the letter may have spoken first.)
            letter_first = start is None and bool(_LETTER_GOES_ON.match(line))
            break
        if _ANSWERS_NAMED.match(line):
            end, answers_named = index, True
            break
        if _DUTIES_OPENER.match(line):
            end, duties = index, True
            break
        if (from_letter or start is not None) and is_sign_off(line):
            end, closing = index, True
            break
    if letter_first and not any(_asks(x) for x in lines[:end]):
        # "Thank you for your request for information regarding the use of drones ..." /
        # "Following receipt of your request ...": the letter tells the request back and quotes
        # none of it.
        end = None
    if start is not None and end is None:
        end = _repeated_from(lines, start)
    # A request quoted whole ("“I wondered if you could confirm ...”") ends where the authority
    # speaks after it, whatever heading comes later.
    # (Only a request of one quoted paragraph: "“How many ...?”" / "“Our parents' group ...”"
    # is the requester's words to the end of the quotations.)
    region = [x for x in lines[start : end if end is not None else len(lines)] if x.strip()]
    quoted_whole = (
        start is not None
        and bool(region)
        and region[0].startswith(("“", '"'))
        and region[0].rstrip().endswith(("”", '"'))
        and not any(x.startswith(("“", '"')) for x in region[1:])
    )
    # Without a heading or an opener, the request ends where the authority starts speaking; so
    # it may before the Act's duties are quoted.
    # So may a request whose only end is the letter's sign-off: "You requested the following
    # information:" / the request / "Please see the table below ..." / "Yours sincerely".
    if (
        end is None
        or duties
        or letter_first
        or answers_named
        or (closing and not from_letter)
        or quoted_whole
    ):
        furniture = max(
            (i + 1 for i, line in enumerate(lines) if SITE_FURNITURE.search(line)), default=0
        )
        spoken = _voice_end(
            lines[: end if end is not None else len(lines)],
            start or furniture,
            introduced=introduced,
        )
        if spoken is not None and (end is None or spoken < end):
            end = spoken
    if start is None and end is None:
        return None
    if start is None:
        # No heading: the request is the text before the response, after the site's furniture.
        start = _past_breadcrumb(
            lines,
            max(
                (i + 1 for i, line in enumerate(lines[:end]) if SITE_FURNITURE.search(line)),
                default=0,
            ),
        )
        # ... and before the response repeats it, its first item again with the answer under it.
        again = _repeated_from(lines, start)
        if again is not None and (end is None or again < end):
            end = again
    section = "\n".join(lines[start:end]).strip()
    return section or None
