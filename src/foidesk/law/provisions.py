"""Reading provision citations out of real response text, and naming them canonically.

Two spellings of the same provision are used in foidesk:

- the **corpus form** (``s31(1)(a)``, ``s30(3)``, ``s40(5)``, ``s12``, ``s12(2)``,
  ``reg12(5)(b)``): the normalisation of ``shared/corpus/README.md``, used by the disclosure-log
  importer and its labels. It folds some detail away: FOIA s40(5A) and s40(5B) become ``s40(5)``;
  s40 keeps only its subsection (``s40(2)(a)(b) and (3)(a)(i)`` is ``s40(2)``); s12(1) is
  ``s12`` but the cost-based NCND s12(2) is kept; s21(1) is ``s21`` and s22(1) ``s22``.
- the **catalogue id** (``foia:s31(1)(a)``, ``foia:s40(5B)``, ``eir:reg12(5)(b)``,
  ``foisa:s35(1)(a)``): one exact provision of one regime, the key of
  ``foidesk.law.exemptions``. Nothing is folded.

``normalise_citations(text)`` gives the corpus form; ``catalogue_ids(text)`` the catalogue ids;
``to_catalogue_id`` and ``to_corpus_form`` convert between them.

What counts as a citation (``shared/corpus/README.md``):

- only provisions a response relies on: FOIA s12, s14, ss21-44 (and 22A); EIR regs 12 and 13;
  FOISA s12, s14, s18 (NCND) and ss25-41. Procedure (s1, s8, s10, s16, s17, s50) is not listed;
- lettered paragraphs are split: "Section 31 (1) (a) (b)" is ``s31(1)(a)`` and ``s31(1)(b)``;
  "section 31(1)(g)(2)(b)" is ``s31(1)(g)`` and ``s31(2)(b)``; "30(2)(a)(i)(b)" is
  ``s30(2)(a)(i)`` and ``s30(2)(b)`` (a roman numeral after a paragraph is a sub-paragraph,
  unless it is the next letter: "(h)(i)" is two paragraphs);
- lists share their keyword: "Sections 30(3) and 31(3)", "section 23(5) and 24(2)";
- a bare section mentioned after a more specific citation of it is a back-reference, not a new
  citation ("Section 30(3) ... Section 30 - Factors favouring ..." gives only ``s30(3)``); in the
  corpus form, so is a subsection named before its paragraph ("Section 30 (1) Investigations" /
  "Section 30(1)(a)" gives only ``s30(1)(a)``) (``_relied_on``);
- a section of another Act ("section 2 of the Data Protection Act 2018") is not a citation, nor
  is a hypothetical "a notice under section 14";
- FOISA uses its own numbering; only s12 (cost) lines up with FOIA, as the corpus README says.

Text is cleaned first: non-breaking and other Unicode spaces become spaces, so
"Section\\xa0 23(5)" reads as "Section 23(5)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from foidesk.law.regimes import Regime

# Section/regulation numbers that are grounds for refusal (everything else is procedure).
# FOIA s25 (certificates under ss23-24) is procedure, not an exemption.
_FOIA_SECTIONS = frozenset(
    {"12", "14", "21", "22", "22A", "23", "24", *(str(n) for n in range(26, 45))}
)
_FOISA_SECTIONS = frozenset({"12", "14", "18", *(str(n) for n in range(25, 42))})
_EIR_REGULATIONS = frozenset({"12", "13"})
# The Environmental Information (Scotland) Regulations 2004 number them otherwise: exceptions in
# reg 10, personal data in reg 11 (rules file, "EISR 2004 (Scotland)" row, a secondary source).
_EISR_REGULATIONS = frozenset({"10", "11"})

# Paragraphs (1) and (2) of EIR reg 12 and of EISR reg 10 are the public interest test and the
# presumption in favour of disclosure (rules file, EIR "Exceptions" row: "reg 12(1): refuse only
# if an exception applies and the public interest ... outweighs"; "reg 12(2)"), not grounds for
# refusal: "apply the public interest test set out in regulation 12(1)(b)" cites no exception.
_TESTS_NOT_EXCEPTIONS = frozenset({"12", "10"})

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\t\r\f\v]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
#: The words a citation opens with, as regular expressions: "Section", "Sections", "s.", "ss",
#: "sec.", "Sect."; "Regulation", "reg.", "EIR 12(4)(b)".
SECTION_WORD = r"sections?|sect?\.?|ss?\.?"
REGULATION_WORD = r"regulations?|regs?\.?|EIRs?"
_KEYWORD = re.compile(
    rf"(?<![\w'\u2019])(?:(?P<sec>{SECTION_WORD})|(?P<reg>{REGULATION_WORD}))[ ]*(?=\d)|"
    # "an exemption under sections;" / "• 29(1)(b) (Ministerial communications)," / "• 30(c)
    # ...": the plural word heads a bulleted list of the sections.
    r"(?<![\w'\u2019])(?:(?P<secs>sections)|(?P<regs>regulations))[ ]*(?:[:;,][ ]*)?\n"
    # (Each item a provision in brackets or named in them, not "• 12 officers".)
    r"[ \t\n]*[•*·-][ ]*(?=\d{1,3}[A-Z]?[ ]*\()",
    re.IGNORECASE,
)
#: The next item of such a bulleted list: ",\n  • 30(c)".
_NEXT_BULLET = re.compile(
    r"[ ]*(?:(?:,|;|\band\b|\bor\b)[ ]*)?\n[ \t\n]*[•*·-][ ]*(?=\d{1,3}[A-Z]?[ ]*\()", re.I
)
#: A provision's name in brackets after it: "29(1)(b) (Ministerial communications)",
#: "38(1)(b) (personal information)", "33(1)(b) (disclosure would (or would be likely to)
#: prejudice ...)" (words, not a paragraph such as "(a)" or "(iii)").
_NAME = re.compile(
    r"[ ]*\((?=[^()\n]*(?:[A-Za-z]{4,}|[A-Za-z] [A-Za-z]))(?:[^()\n]|\([^()\n]*\)){2,200}\)"
)
_NUMBER = re.compile(r"(\d{1,3})(?!\d)((?:[A-Z](?![A-Za-z]))?)(?![.,:/]\d)(?![a-z])")
_GROUP = re.compile(r"[ ]*\([ ]*(\d{1,2}[A-Za-z]{0,2}|[a-z]{1,4})[ ]*\)")
_JOIN = re.compile(r"[ ]*(?:,|&|/|\band/or\b|\band\b|\bor\b)[ ]*", re.IGNORECASE)
# A list of sections each named in brackets, a comma missed between two: "31 (Law
# Enforcement) 38 (Health and Safety)". Only a number followed by a name of its own goes on, in
# a list ("Sections ...", or one already gone on past a comma) or with a subsection of its own
# ("31(1)(a) (Law Enforcement) 40(2) (Personal Information)"): not a table's row "Section 40
# (Personal Information) 23 (Partial refusal)", whose next number counts.
_NAMED_NEXT = re.compile(r"[ ]+(?=\d{1,3}[A-Z]?(?:\(\d{1,2}[A-Za-z]?\))*[ ]*\([A-Z][a-z])")
_NAMED_NEXT_SUBSECTION = re.compile(
    r"[ ]+(?=\d{1,3}[A-Z]?(?:\(\d{1,2}[A-Za-z]?\))+[ ]*\([A-Z][a-z])"
)
_PLURAL = re.compile(r"(?:sections|ss)(?![a-z])", re.IGNORECASE)
_NEXT_SECTION = re.compile(
    rf"(?:(?:{SECTION_WORD})[ ]*)?(\d{{1,3}})(?!\d)((?:[A-Z](?![A-Za-z]))?)(?![.,:/]\d)(?![a-z])"
    r"(?![ ]*(?:hours?|hrs?|days?|working|weeks?|months?|years?|minutes?|mins?|per|%|pm|am|"
    r"percent|people|officers?|cases?|records?|requests?|pages?|documents?|reports?|files?|"
    r"emails?)\b)",
    re.IGNORECASE,
)
_OTHER_ACT = re.compile(
    # (A stray ")" may end the name, just before "Act": "section 41(1)(a) of the Police
    # Scotland) Act 1967"; not one closing a bracketed citation, "(section 40(2) of the Act) as
    # it is personal data under the Data Protection Act 2018". A bracketed word inside the
    # name is part of it: "section 41 of the Police and Fire Reform (Scotland) Act 2012".)
    r"[ ]*(?:\(\w+\)[ ]*)*of[ ]+(?:the[ ]+)?(?P<name>[A-Z](?:[^.;:\n()]|\([A-Za-z ]{1,30}\)"
    r"|\)(?=[ ]*(?:Act|Regulations|Order|Rules|Code)\b)){0,90}?|(?:19|20)\d\d)"
    r"[ ]*(?:Act|Regulations|Order|Rules|Code)\b"
)
# "section 23 Misuse of Drugs Act 1971", "Section 43 Terrorism Act": another Act named straight
# after the number, without "of". Its name is capitalised words only (the titles FOIA gives its
# exemptions, "Law Enforcement", "Personal Information", never end in "Act").
_NAMED_ACT = re.compile(
    r"[ ]*(?:\(\w+\)[ ]*)*(?:-[ ]*)?(?P<name>[A-Z][\w'-]*(?:[ ]+(?:[A-Z][\w'-]*|and|of|the|for|"
    r"to|in|on|&)){0,8})[ ]+Act\b"
)
# A police power named by its section, used as a noun ("a Section 35 dispersal order",
# "section 60 authorisations", "Section 23 searches"): the power, not an FOI citation.
_POWER_NOUN = re.compile(
    r"[ ]*(?:dispersal|orders?|authori[sz]ations?|search(?:es)?|stops?|powers?|warrants?|"
    r"arrests?|detentions?|directions?|closure|seizures?)\b"
)
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)$")
_COST_WORDING = re.compile(
    r"(?P<neg>\bnot\b[^.\n]{0,25})?\b(?:exceed(?:s|ed|ing)?|in excess of|above|over)\b[^.\n]{0,80}?"
    r"\b(?:appropriate limit|cost limit|fees? limit|time threshold|18 hours|24 hours)\b"
    r"|\b(?:appropriate|cost|fees?) limit\b[^.\n]{0,40}?\bbe exceeded\b",
    re.IGNORECASE,
)


class CitationError(ValueError):
    """A provision id or corpus citation that cannot be read."""


@dataclass(frozen=True, slots=True, order=True)
class Cite:
    """One provision as cited: ``s31(1)(a)`` is ``Cite("s", "31", ("1", "a"))``.

    ``instrument`` is ``"s"`` (a section of FOIA or FOISA) or ``"reg"`` (an EIR regulation);
    ``number`` may carry a capital letter (``22A``); ``parts`` are the bracketed subsections,
    paragraphs and sub-paragraphs in order, with subsection letters in capitals (``5B``).
    """

    instrument: str
    number: str
    parts: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The compact form without regime: ``s31(1)(a)``, ``reg12(5)(b)``."""
        return f"{self.instrument}{self.number}" + "".join(f"({p})" for p in self.parts)

    def sort_key(self) -> tuple[object, ...]:
        """Statute order: ``s22`` < ``s22A`` < ``s23``; ``(h)`` < ``(i)``; ``(i)`` < ``(ii)``."""
        digits = int(re.sub(r"\D", "", self.number) or 0)
        keys = []
        prev = ""
        for p in self.parts:
            keys.append(_part_key(p, sub_paragraph=_is_sub_paragraph(p, prev)))
            prev = p
        return (self.instrument, digits, self.number, tuple(keys))

    def startswith(self, other: Cite) -> bool:
        """True when ``other`` is this provision or one that contains it (an ancestor)."""
        return (
            self.instrument == other.instrument
            and self.number == other.number
            and self.parts[: len(other.parts)] == other.parts
        )


def _is_sub_paragraph(part: str, previous: str) -> bool:
    return (
        previous.isalpha()
        and previous.islower()
        and bool(_ROMAN.match(part))
        and part != _next_letter(previous)
    )


def _part_key(part: str, *, sub_paragraph: bool) -> tuple[int, int, str]:
    m = re.match(r"(\d+)(.*)", part)
    if m:
        return (0, int(m.group(1)), m.group(2))
    if sub_paragraph:
        return (1, roman_value(part), part)
    return (2, 0, part)


def roman_value(s: str) -> int:
    """The value of a lower-case roman numeral made of i, v and x ("iv" is 4, "xii" is 12): a
    sub-paragraph here, and an item number where a request or its answers count "i.", "ii.".
    """
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


# --------------------------------------------------------------------------------------------
# Scanning


@dataclass(frozen=True, slots=True)
class _Found:
    cite: Cite
    start: int


def clean_text(text: str) -> str:
    """Unicode spaces to spaces and dashes to hyphens, keeping every offset the same."""
    return _DASHES.sub("-", _SPACES.sub(" ", text))


def _scan(text: str) -> list[_Found]:
    """Every section/regulation citation in ``text``, split into single provisions, in order."""
    text = clean_text(text)
    found: list[_Found] = []
    pos = 0
    while (m := _KEYWORD.search(text, pos)) is not None:
        instrument = "reg" if m.group("reg") or m.group("regs") else "s"
        bulleted = bool(m.group("secs") or m.group("regs"))
        plural = bool(m.group("secs") or (m.group("sec") and _PLURAL.match(m.group("sec"))))
        start = m.start()
        pos = m.end()
        first = True
        listed: list[_Found] = []  # this keyword's list: "Sections 12 and 14 of the 1986 Act"
        went_on = False  # the list has gone on past its first section
        while (n := (_NUMBER if first else _NEXT_SECTION).match(text, pos)) is not None:
            if instrument == "reg" and n.start(1) > n.start():
                # "regulation 13(1), section 31(1)(a) and section 40(2)": the list goes on with
                # sections, a list of their own.
                instrument, start, listed = "s", n.start(), []
            number = (n.group(1).lstrip("0") or "0") + n.group(2)
            chains, last, pos = _read_groups(text, n.end())
            if not chains:
                chains = [()]
            # "Section 40(2)(a)(b) and (3)(a)": more brackets continue the same section, after
            # a name in brackets too ("31(1)(a) (the prevention ... of crime) and (b)").
            named = False
            while True:
                if (name := _NAME.match(text, pos)) is not None:
                    pos = name.end()
                    named = True
                j = _JOIN.match(text, pos)
                if j is None or not _GROUP.match(text, j.end()):
                    break
                more, last, pos = _read_groups(text, j.end(), last)
                chains.extend(more)
            other = _other_instrument(text, pos)
            if other and not first and listed:
                # The Act named after the last of a list names them all.
                del found[len(found) - len(listed) :]
            excluded = other or (first and _hypothetical(text, start))
            if not excluded:
                new = [
                    _Found(
                        Cite(instrument, number, _in_subsection(instrument, number, parts)), start
                    )
                    for parts in chains
                ]
                found.extend(new)
                listed.extend(new)
            first = False
            j = (
                (bulleted and _NEXT_BULLET.match(text, pos))
                or _JOIN.match(text, pos)
                or (
                    named
                    and (
                        ((plural or went_on) and _NAMED_NEXT.match(text, pos))
                        or _NAMED_NEXT_SUBSECTION.match(text, pos)
                    )
                )
            )
            if not j:
                break
            pos = j.end()
            went_on = True
    return found


#: FOIA sections whose lettered paragraphs all sit in subsection (1): s31(1)(a)-(i) and
#: s38(1)(a)-(b) (FOIA 2000, ss31 and 38). "Section 31(a)(b)" is shorthand for s31(1)(a) and
#: s31(1)(b).
_PARAGRAPHS_IN_SUBSECTION_1 = frozenset({"31", "38"})


def _in_subsection(instrument: str, number: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """``("a",)`` for s31 is ``("1", "a")``: a paragraph cited without its subsection."""
    if (
        instrument == "s"
        and number in _PARAGRAPHS_IN_SUBSECTION_1
        and parts
        and not parts[0][0].isdigit()
    ):
        return ("1", *parts)
    return parts


def _read_groups(
    text: str, pos: int, chain: list[tuple[str, str]] | None = None
) -> tuple[list[tuple[str, ...]], list[tuple[str, str]], int]:
    """Read ``(1)(a)(b)(2)(b)`` from ``pos``: the provisions named, the last chain, the offset.

    A number starts a new subsection; a letter is a paragraph of the current subsection (a
    sibling of the last paragraph, if there is one); a roman numeral after a paragraph is a
    sub-paragraph unless it is the letter that follows that paragraph ("(h)(i)"). ``chain`` is
    the last provision read before "and (b)", already counted, that the new brackets continue.
    """
    chains: list[tuple[str, ...]] = []
    cur: list[tuple[str, str]] = list(chain or [])
    fresh = False  # ``cur`` names a provision not yet in ``chains``

    def flush() -> None:
        if fresh and cur:
            chains.append(tuple(v for _, v in cur))

    while (g := _GROUP.match(text, pos)) is not None:
        pos = g.end()
        token = g.group(1)
        if token[0].isdigit():
            digits = re.match(r"\d+", token)
            assert digits is not None  # noqa: S101 - the pattern guarantees it
            token = digits.group(0) + token[digits.end() :].upper()
            flush()
            cur = [("sub", token)]
        else:
            token = token.lower()
            last = cur[-1][0] if cur else None
            if last == "subpara":
                para = next(v for k, v in reversed(cur) if k == "para")
                flush()
                if _ROMAN.match(token) and token != _next_letter(para):
                    cur = [*cur[:-1], ("subpara", token)]
                else:
                    cur = [*cur[:-2], ("para", token)]
            elif last == "para":
                if _ROMAN.match(token) and token != _next_letter(cur[-1][1]):
                    cur = [*cur, ("subpara", token)]
                else:
                    flush()
                    cur = [*cur[:-1], ("para", token)]
            else:
                cur = [*cur, ("para", token)]
        fresh = True
    flush()
    return chains, cur, pos


def _next_letter(letter: str) -> str:
    return chr(ord(letter[-1]) + 1) if len(letter) == 1 else ""


def _other_instrument(text: str, pos: int) -> bool:
    """True for "section 2 of the Data Protection Act 2018": a provision of another law."""
    m = _OTHER_ACT.match(text, pos) or _NAMED_ACT.match(text, pos)
    if m is None:
        return bool(_POWER_NOUN.match(text, pos))
    name = m.group("name").lower()
    if name in {"2000", "2002"}:  # "the 2000 Act" is FOIA, "the 2002 Act" FOISA
        return False
    return not any(
        ok in name for ok in ("freedom of information", "environmental information", "foi")
    )


def _hypothetical(text: str, start: int) -> bool:
    """True for "issued with a notice under section 14": a generic mention, not a citation. So
    is the section 30 that section 31(1) names in its own words, quoted by a response citing
    s31 ("Information which is not exempt information by virtue of section 30 is exempt
    information if ...", FOIA s31(1): https://www.legislation.gov.uk/ukpga/2000/36/section/31)."""
    before = text[max(0, start - 60) : start].lower()
    return bool(
        re.search(
            r"\ba\s+notice\s+under\s+$|\bnot\s+exempt\s+information\s+by\s+virtue\s+of\s+$", before
        )
    )


def _a_test(cite: Cite) -> bool:
    """EIR reg 12(1) or (2), EISR reg 10(1) or (2): the public interest test or presumption."""
    return (
        cite.instrument == "reg"
        and cite.number in _TESTS_NOT_EXCEPTIONS
        and cite.parts[:1] in (("1",), ("2",))
    )


# The words around a reg 12(1) that make it the public interest test named, not a ground.
_TEST_WORDS = re.compile(
    r"public\s+interest|presumption|balanc|\bonly\s+(?:if|where|when)\b|exceptions?\s+appl", re.I
)


def _the_ground_named(text: str, found: _Found) -> bool:
    """Whether ``found``, a reg 12(1) (EISR 10(1)) in a ``text`` citing no other regulation, is
    given as the ground for refusal ("withheld under Regulation 12(1) of the Environmental
    Information Regulations"): not named as the public interest test in its sentence."""
    if found.cite.parts[:1] != ("1",):
        return False
    start = max(text.rfind("\n", 0, found.start), text.rfind(". ", 0, found.start)) + 1
    ends = [k for k in (text.find("\n", found.start), text.find(". ", found.start)) if k >= 0]
    return not _TEST_WORDS.search(text, start, min(ends, default=len(text)))


def _allowed(
    cite: Cite, regime: Regime | None, *, scottish_regulations: bool = False, tests: bool = False
) -> bool:
    """Whether ``cite`` is a ground for refusal; with ``tests``, reg 12(1) and (2) (EISR 10(1)
    and (2)) may be."""
    if cite.instrument == "reg":
        if not tests and _a_test(cite):
            return False
        return cite.number in _EIR_REGULATIONS or (
            scottish_regulations and cite.number in _EISR_REGULATIONS
        )
    if regime is Regime.FOISA:
        return cite.number in _FOISA_SECTIONS
    return cite.number in _FOIA_SECTIONS


def _cites(text: str, regime: Regime | None, *, scottish_regulations: bool = False) -> list[_Found]:
    """Scanned citations that are grounds for refusal, minus back-references and repeats.

    ``scottish_regulations``: regulations are the EISR's, whose exceptions are regs 10 and 11."""
    scottish = scottish_regulations
    scanned = _scan(text)
    kept = [f for f in scanned if _allowed(f.cite, regime, scottish_regulations=scottish)]
    if not any(f.cite.instrument == "reg" for f in kept):
        # "The information is withheld under Regulation 12(1) of the EIR": with no exception
        # cited, the regulation given as the ground is the one relied on.
        cleaned = clean_text(text)
        kept = [
            f
            for f in scanned
            if _allowed(f.cite, regime, scottish_regulations=scottish)
            or (
                _a_test(f.cite)
                and _allowed(f.cite, regime, scottish_regulations=scottish, tests=True)
                and _the_ground_named(cleaned, f)
            )
        ]
    return [kept[k] for k in _relied_on([f.cite for f in kept])]


def _relied_on(cites: list[Cite], *, paragraph_named_later: bool = False) -> list[int]:
    """The positions of the citations in ``cites`` that are not repeats or back-references.

    A less specific mention of something already cited more specifically refers back to it
    ("Section 30(3) ... Section 30 - Factors favouring disclosure"). With
    ``paragraph_named_later``, so does a subsection named before its paragraph ("Section 30 (1)
    Investigations" / "Section 30(1)(a) - Investigations & Proceedings"): the paragraph is the
    one relied on, whichever comes first. A bare section before a subsection ("withheld under
    section 30" and "section 30(2)(a)") may be two decisions, and both stay.
    """
    # Where each provision is first cited, and where the first citation inside it is (one pass
    # each, so that a page citing thousands of provisions is not compared pair by pair).
    first: dict[Cite, int] = {}
    first_inside: dict[Cite, int] = {}
    for j, o in enumerate(cites):
        first.setdefault(o, j)
        for depth in range(len(o.parts)):
            first_inside.setdefault(Cite(o.instrument, o.number, o.parts[:depth]), j)
    kept: list[int] = []
    for k, c in enumerate(cites):
        if first[c] < k:
            continue
        inside = first_inside.get(c)
        if inside is not None and (inside < k or (paragraph_named_later and c.parts)):
            continue
        kept.append(k)
    return kept


# --------------------------------------------------------------------------------------------
# Corpus form


def fold(cite: Cite, regime: Regime | None = Regime.FOIA) -> Cite | None:
    """The corpus normalisation of one provision (``None`` when it names no ground for refusal).

    FOIA: s40 keeps only subsections (1), (2) and (5), with (5A)/(5B) folded into (5); its other
    subsections ((3A), (4A) ...) define conditions and are not separate citations. s12(1) (and
    the rule-making subsections) become ``s12``, s12(2) is kept. s21 is always ``s21``;
    s22(1) and s22A(1) become ``s22`` and ``s22A``. FOISA: s12 is always ``s12``, and its
    counterparts of s21 and s22(1) fold the same way: s25 (accessible by other means) is always
    ``s25`` and s27(1) (intended for future publication) is ``s27``; s27(2) is kept.
    """
    if cite.instrument != "s":
        return cite
    parts = cite.parts
    n = cite.number
    if regime is Regime.FOISA:
        if n in {"12", "25"}:
            return Cite("s", n)
        if n == "27" and parts[:1] == ("1",):
            return Cite("s", "27")
        return cite
    if n == "40":
        if not parts:
            return cite
        sub = parts[0]
        if sub in {"5A", "5B"}:
            sub = "5"
        if sub not in {"1", "2", "5"}:
            return None
        return Cite("s", "40", (sub,))
    if n == "12":
        return Cite("s", "12", ("2",)) if parts[:1] == ("2",) else Cite("s", "12")
    if n == "21":
        return Cite("s", "21")
    if n in {"22", "22A"} and parts[:1] == ("1",):
        return Cite("s", n)
    return cite


_BARE_S14 = Cite("s", "14")
_VEXATIOUS_LIMB = Cite("s", "14", ("1",))
_CALLED_VEXATIOUS = re.compile(r"\bvexatious", re.I)
_REPEATED = re.compile(
    r"\brepeat(?:ed)?\s+request|\ba\s+repeat\s+of\b|\bidentical\s+to\b|\bsubstantially\s+similar\b",
    re.I,
)


def _infer_cost_limit(text: str) -> bool:
    return any(not m.group("neg") for m in _COST_WORDING.finditer(clean_text(text)))


def normalise_citations(
    text: str,
    regime: Regime | str | None = Regime.FOIA,
    *,
    infer_cost_limit: bool = True,
    scottish_regulations: bool = False,
) -> list[str]:
    """The provisions ``text`` relies on, in the corpus normalisation, sorted.

    ``regime`` decides the section numbering (FOIA and EIR: FOIA numbers; FOISA: its own);
    EIR regulations are read under any regime as ``regN(...)``; with ``scottish_regulations``
    (the response names the Environmental Information (Scotland) Regulations) their exceptions,
    regs 10 and 11, as well. With ``infer_cost_limit`` (the
    corpus labelling convention) a response that refuses because the cost "would exceed the
    appropriate limit" without naming the section gets ``s12``; a bare "section 14" in a
    response that calls the request vexatious, and nowhere repeated, is ``s14(1)``.

    >>> normalise_citations("Section 31 (1) (a) (b) Law Enforcement; Section 40(5B)")
    ['s31(1)(a)', 's31(1)(b)', 's40(5)']
    """
    reg = None if regime is None else Regime(regime)
    # Folding can turn a citation into a repeat, or into a back-reference to one already given.
    folded = [
        c
        for f in _cites(text, reg, scottish_regulations=scottish_regulations)
        if (c := fold(f.cite, reg)) is not None
    ]
    if _CALLED_VEXATIOUS.search(text) and not _REPEATED.search(text):
        # "... refused under section 14 of the Act as vexatious": s14(1), the vexatious limb
        # (FOIA s14(1), FOISA s14(1)); s14(2) is the repeated request.
        folded = [_VEXATIOUS_LIMB if c == _BARE_S14 else c for c in folded]
    out = [folded[k] for k in _relied_on(folded, paragraph_named_later=True)]
    if (
        infer_cost_limit
        and reg is not Regime.EIR
        and not any(c.instrument == "s" and c.number == "12" for c in out)
        and _infer_cost_limit(text)
    ):
        out.append(Cite("s", "12"))
    return [c.text for c in sorted(out, key=Cite.sort_key)]


# --------------------------------------------------------------------------------------------
# Catalogue ids

_ID = re.compile(
    r"^(?P<regime>foia|eir|foisa):(?P<inst>s|reg)(?P<num>\d{1,3}[A-Z]?)"
    r"(?P<parts>(?:\((?:\d{1,2}[A-Z]{0,2}|[a-z]{1,4})\))*)$"
)
_CORPUS = re.compile(
    r"^(?P<inst>s|reg)(?P<num>\d{1,3}[A-Z]?)(?P<parts>(?:\((?:\d{1,2}[A-Z]{0,2}|[a-z]{1,4})\))*)$",
    re.ASCII,  # "s٤٠" is not s40: only ASCII digits
)
#: The syntax of a catalogue id, for the JSON Schema and for callers that validate input.
CATALOGUE_ID_PATTERN = _ID.pattern


def parse_catalogue_id(provision_id: str) -> tuple[Regime, Cite]:
    """``"foia:s31(1)(a)"`` -> ``(Regime.FOIA, Cite("s", "31", ("1", "a")))``."""
    m = _ID.match(provision_id)
    if m is None:
        raise CitationError(
            f"{provision_id!r} is not a provision id (expected e.g. 'foia:s31(1)(a)', "
            "'eir:reg12(5)(b)' or 'foisa:s35(1)(a)')"
        )
    regime = Regime(m.group("regime"))
    inst = m.group("inst")
    if (inst == "reg") != (regime is Regime.EIR):
        raise CitationError(
            f"{provision_id!r}: EIR provisions are regulations ('reg'), FOIA and FOISA ones "
            "sections ('s')"
        )
    parts = tuple(re.findall(r"\(([^)]*)\)", m.group("parts")))
    return regime, Cite(inst, m.group("num"), parts)


def catalogue_id(regime: Regime | str, cite: Cite) -> str:
    """``(Regime.FOIA, Cite("s", "31", ("1", "a")))`` -> ``"foia:s31(1)(a)"``."""
    return f"{Regime(regime).value}:{cite.text}"


def to_catalogue_id(corpus: str, regime: Regime | str = Regime.FOIA) -> str:
    """Corpus form to catalogue id: ``"s31(1)(a)"`` -> ``"foia:s31(1)(a)"``.

    ``reg...`` is always EIR. The folded forms map to the catalogue entries that stand for
    them: ``s40(5)`` to ``foia:s40(5)`` (either NCND subsection) and ``s12`` to ``foia:s12``.
    """
    m = _CORPUS.match(corpus.strip())
    if m is None:
        raise CitationError(f"{corpus!r} is not in the corpus form (e.g. 's31(1)(a)')")
    if m.group("inst") == "reg":
        return f"eir:{corpus.strip()}"
    reg = Regime(regime)
    if reg is Regime.EIR:
        reg = Regime.FOIA  # a section cited in an EIR case is a FOIA section (e.g. s39)
    return f"{reg.value}:{corpus.strip()}"


def corpus_cite(corpus: str) -> Cite:
    """The ``Cite`` of a provision in the corpus form: ``"s31(1)(a)"``, ``"reg12(5)(e)"``."""
    m = _CORPUS.match(corpus.strip())
    if m is None:
        raise CitationError(f"{corpus!r} is not in the corpus form (e.g. 's31(1)(a)')")
    return Cite(
        m.group("inst"), m.group("num"), tuple(re.findall(r"\(([^)]*)\)", m.group("parts")))
    )


def to_corpus_form(provision_id: str) -> str:
    """Catalogue id to corpus form: ``"foia:s40(5B)"`` -> ``"s40(5)"``, ``"foia:s12(1)"`` ->
    ``"s12"``. Raises ``CitationError`` for an id whose provision the corpus does not list
    (e.g. ``foia:s40(3A)``, a condition rather than a citation)."""
    regime, cite = parse_catalogue_id(provision_id)
    folded = fold(cite, regime)
    if folded is None:
        raise CitationError(f"{provision_id!r} has no corpus form (it is not cited on its own)")
    return folded.text


def catalogue_ids(text: str, regime: Regime | str = Regime.FOIA) -> list[str]:
    """The provisions ``text`` cites as catalogue ids, unfolded, in order of first citation.

    ``"Section 40(5B) and regulation 13(5A)"`` -> ``["foia:s40(5B)", "eir:reg13(5A)"]``.
    """
    reg = Regime(regime)
    section_regime = Regime.FOIA if reg is Regime.EIR else reg
    ids: list[str] = []
    for f in _cites(text, reg):
        if fold(f.cite, reg) is None:
            continue  # e.g. s40(3A): a condition of s40(2), not a citation of its own
        r = Regime.EIR if f.cite.instrument == "reg" else section_regime
        ids.append(catalogue_id(r, f.cite))
    return unique(ids)


def cite_of(provision_id: str) -> Cite:
    """The ``Cite`` of a catalogue id (its regime dropped)."""
    return parse_catalogue_id(provision_id)[1]


def display(provision_id: str) -> str:
    """How a notice names a provision: ``"FOIA s31(1)(a)"``, ``"EIR reg 12(5)(b)"``."""
    regime, cite = parse_catalogue_id(provision_id)
    parts = "".join(f"({p})" for p in cite.parts)
    if cite.instrument == "reg":
        return f"{regime.short_name} reg {cite.number}{parts}"
    return f"{regime.short_name} s{cite.number}{parts}"


def ancestors(provision_id: str, *, deepest: int | None = None) -> list[str]:
    """The id itself, then each enclosing provision up to the bare section.

    ``"foia:s31(1)(a)"`` -> ``["foia:s31(1)(a)", "foia:s31(1)", "foia:s31"]``. With ``deepest``,
    only the provisions at most that many brackets deep (``deepest=1``: ``["foia:s31(1)",
    "foia:s31"]``): an id of thousands of brackets has ancestors whose length together grows
    with the square of its own, and a catalogue lists nothing so deep.
    """
    regime, cite = parse_catalogue_id(provision_id)
    top = len(cite.parts) if deepest is None else min(len(cite.parts), deepest)
    return [
        catalogue_id(regime, Cite(cite.instrument, cite.number, cite.parts[:i]))
        for i in range(top, -1, -1)
    ]


def is_within(provision_id: str, container_id: str) -> bool:
    """True when ``provision_id`` is ``container_id`` or lies inside it (same regime).

    That is, ``container_id`` is one of ``ancestors(provision_id)``: the id itself cut after
    its number or after one of its brackets (``"foia:s31(1"`` is no provision and contains
    nothing). Found without listing the ancestors, whose length grows with the square of the
    id's.
    """
    regime, cite = parse_catalogue_id(provision_id)
    whole = catalogue_id(regime, cite)
    end = len(catalogue_id(regime, Cite(cite.instrument, cite.number)))
    ends = {end}
    for part in cite.parts:
        end += len(part) + 2
        ends.add(end)
    return (
        isinstance(container_id, str)
        and len(container_id) in ends
        and whole.startswith(container_id)
    )


def section_of(provision_id: str) -> str:
    """The bare section or regulation id: ``"foia:s31(1)(a)"`` -> ``"foia:s31"``."""
    regime, cite = parse_catalogue_id(provision_id)
    return catalogue_id(regime, Cite(cite.instrument, cite.number))


def unique(ids: Iterable[str]) -> list[str]:
    """``ids`` without repeats, in order (a page citing thousands of different provisions is not
    compared id by id)."""
    return list(dict.fromkeys(ids))


__all__ = [
    "CATALOGUE_ID_PATTERN",
    "Cite",
    "CitationError",
    "ancestors",
    "catalogue_id",
    "catalogue_ids",
    "cite_of",
    "clean_text",
    "corpus_cite",
    "display",
    "fold",
    "is_within",
    "normalise_citations",
    "parse_catalogue_id",
    "roman_value",
    "section_of",
    "to_catalogue_id",
    "to_corpus_form",
    "unique",
]
