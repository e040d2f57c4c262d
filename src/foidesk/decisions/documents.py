"""The response documents: one structured response as a web page, a PDF and a Word document.

Everything starts from the structured response (``foidesk.law.response.Response``, or its JSON
form, ``docs/response-format.md``), never from the database, so what is checked, approved and
exported is what the documents say. ``document_outline(response)`` turns it into plain data (the
ordered sections, each with headings, paragraphs, lists and tables) in the shape of the police
response the service reproduces (shared/seed 190A/23): the title with the reference, the
request question by question, the response question by question or grouped ("In relation to
Question 1 and 2"), the provisions cited with their names and the link to their explanatory
notes, the harm and public interest test (evidence of harm, factors for and against per
provision, balancing test), the attachments and the complaint-rights paragraph (FOIA s17(7),
https://www.legislation.gov.uk/ukpga/2000/36/section/17). The three renderers only lay that
outline out, so they say the same things in the same order:

- ``render_html(response)``: a standalone, printable HTML document (also the PDF's source);
- ``render_pdf(response)``: that document through WeasyPrint (A4, running header with the
  authority's name, "Page N of M" footer, tagged for accessibility);
- ``render_docx(response)``: a Word document through python-docx, whose document properties
  name the authority as author, never a person.

The structured response holds no requester data, so no document can contain any.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from foidesk.law.exemptions import (
    Provision,
    Role,
    cost_limit_hours,
    explanatory_notes,
    get_provision,
    is_absolute,
    needs_public_interest_test,
)
from foidesk.law.provisions import parse_catalogue_id
from foidesk.law.regimes import Regime
from foidesk.law.response import (
    COST_ACTIVITIES,
    Decision,
    Outcome,
    PublicInterestTest,
    Response,
    load_response,
    response_to_dict,
)
from foidesk.safety.delimited import xml_safe

# --------------------------------------------------------------------------------------------
# The outline: plain data shared by the three renderers


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a paragraph: plain text, a link (shown as its address) or a line break."""

    text: str = ""
    url: str | None = None
    br: bool = False


_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}’'\""


def runs(text: str) -> tuple[Run, ...]:
    """Split a paragraph into runs: addresses become links, single newlines line breaks."""
    out: list[Run] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(Run(br=True))
        pos = 0
        for match in _URL.finditer(line):
            url = match.group(0)
            stripped = url.rstrip(_TRAILING)
            # Keep a closing bracket that belongs to the address, as in Wikipedia links.
            while stripped.count("(") > stripped.count(")") and url[len(stripped) :].startswith(
                ")"
            ):
                stripped += ")"
            if match.start() > pos:
                out.append(Run(line[pos : match.start()]))
            out.append(Run(stripped, url=stripped))
            pos = match.start() + len(stripped)
        if pos < len(line):
            out.append(Run(line[pos:]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    kind: str = "heading"


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph (blank-line separated in the source text)."""

    text: str
    kind: str = "paragraph"

    @property
    def runs(self) -> tuple[Run, ...]:
        return runs(self.text)


@dataclass(frozen=True, slots=True)
class NumberedItem:
    """One question of the request: its own number, the context given, then what is asked."""

    number: int
    paragraphs: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class NumberedList:
    items: tuple[NumberedItem, ...]
    kind: str = "numbered"


@dataclass(frozen=True, slots=True)
class ItemList:
    """A list: ``plain`` (one line each, as the provisions and links are set out) or ``bullet``."""

    items: tuple[Text, ...]
    style: str = "plain"
    kind: str = "list"


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    foot: tuple[tuple[str, ...], ...] = ()
    kind: str = "table"


Block = Heading | Text | NumberedList | ItemList | Table


@dataclass(frozen=True, slots=True)
class Section:
    """A top-level part of the document (``Request``, ``Response`` ...), headed at level 2."""

    key: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class DocumentOutline:
    title: str
    authority: str
    reference: str | None
    regime: str
    meta: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    language: str = "en-GB"
    created: date | None = field(default=None)

    @property
    def filename_stem(self) -> str:
        """``190A-23-response``: the reference made safe for a file name."""
        ref = re.sub(r"[^A-Za-z0-9]+", "-", self.reference or "").strip("-")
        return f"{ref}-response" if ref else "response"

    def headings(self) -> list[str]:
        """Every heading in order (the title first): for checks that the renderers agree."""
        out = [self.title]
        for section in self.sections:
            out.append(section.heading)
            out.extend(b.text for b in section.blocks if isinstance(b, Heading))
        return out


# --------------------------------------------------------------------------------------------
# Naming provisions as a notice does


_SMALL_WORDS = frozenset(
    {"a", "an", "and", "by", "for", "in", "nor", "of", "on", "or", "the", "to"}
)


def _title_case(words: str) -> str:
    """``Law enforcement`` -> ``Law Enforcement`` (the seed's style), small words kept small."""
    out = []
    for i, word in enumerate(words.split(" ")):
        if i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def provision_label(provision_id: str) -> str:
    """``Section 30(3)`` (FOIA and FOISA), ``Regulation 12(5)(b)`` (EIR)."""
    regime, cite = parse_catalogue_id(provision_id)
    parts = "".join(f"({p})" for p in cite.parts)
    word = "Regulation" if regime is Regime.EIR else "Section"
    return f"{word} {cite.number}{parts}"


def provision_name(provision_id: str) -> str:
    """The short name a notice gives: the section's name (``Investigations and Proceedings``);
    for EIR, whose regulation 12 groups every exception, what the paragraph covers."""
    p = get_provision(provision_id)
    if p.regime is Regime.EIR and p.title and p.title != p.name:
        return p.title[:1].upper() + p.title[1:]
    return _title_case(p.name)


def provision_line(provision_id: str) -> str:
    """``Section 30(3) Investigations and Proceedings``."""
    return f"{provision_label(provision_id)} {provision_name(provision_id)}"


def _section_label(provision_id: str) -> str:
    """``Section 30`` for the factors' headings; EIR keeps the paragraph."""
    regime, cite = parse_catalogue_id(provision_id)
    if regime is Regime.EIR:
        return provision_label(provision_id)
    return f"Section {cite.number}"


def _provision_noun(provisions: list[Provision]) -> str:
    roles = {p.role for p in provisions}
    if roles <= {Role.EXCEPTION} or all(p.regime is Regime.EIR for p in provisions):
        return "exceptions"
    if roles <= {Role.EXEMPTION, Role.NCND, Role.PURPOSE, Role.SECTION}:
        return "exemptions"
    return "provisions"


def questions_phrase(numbers: Iterable[int]) -> str:
    """``Question 3``, ``Question 1 and 2``, ``Question 1, 2 and 4`` (the seed's wording)."""
    ns = [str(n) for n in sorted(numbers)]
    if len(ns) <= 1:
        return f"Question {''.join(ns)}"
    return f"Question {', '.join(ns[:-1])} and {ns[-1]}"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _says(text: str, phrase: str) -> bool:
    return _squash(phrase) in _squash(text)


def _paragraphs(text: str | None) -> list[Text]:
    """Blank lines separate paragraphs; single newlines stay as line breaks."""
    if not text:
        return []
    chunks = re.split(r"\n[ \t]*\n+", text.replace("\r\n", "\n").strip())
    return [Text(c.strip()) for c in chunks if c.strip()]


# --------------------------------------------------------------------------------------------
# Building the outline


_COST_LABELS = {
    "determining_whether_held": "Determining whether the information is held",
    "locating": "Locating the information",
    "retrieving": "Retrieving the information",
    "extracting": "Extracting the information",
    "redacting": "Redacting (does not count towards the limit)",
    "considering_exemptions": "Considering exemptions (does not count towards the limit)",
    "other": "Other work (does not count towards the limit)",
}
#: Fees Regs reg 4(3): only these four activities count towards the appropriate limit
#: (https://www.legislation.gov.uk/uksi/2004/3244/regulation/4).
_COUNTING = frozenset(COST_ACTIVITIES[:4])

_FEES_REGULATIONS = {
    Regime.FOIA: "the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
    "Regulations 2004",
    Regime.FOISA: "the Freedom of Information (Fees for Required Disclosure) (Scotland) "
    "Regulations 2004",
}
#: The duty to advise and assist: FOIA s16, FOISA s15, EIR reg 9.
_ADVICE_DUTY = {Regime.FOIA: "section 16", Regime.FOISA: "section 15", Regime.EIR: "regulation 9"}


def _hours(value: float) -> str:
    return f"{value:g}"


def _as_response(response: Response | Mapping[str, Any]) -> Response:
    return response if isinstance(response, Response) else load_response(response)


class _Builder:
    def __init__(self, response: Response):
        self.r = response
        self.authority = response.authority.name
        self.kind = response.authority.kind
        self.regime = response.request.regime
        self.tested = {t.provision for t in response.tests}

    # -- request -------------------------------------------------------------------------

    def request(self) -> Section:
        items = []
        for q in self.r.request.questions:
            items.append(
                NumberedItem(
                    number=q.number,
                    paragraphs=tuple(_paragraphs(q.context) + _paragraphs(q.text)),
                )
            )
        return Section("request", "Request", (NumberedList(tuple(items)),))

    # -- response, decision by decision ---------------------------------------------------

    def response(self) -> Section:
        blocks: list[Block] = []
        grouped = len(self.r.decisions) > 1 or len(self.r.request.questions) > 1
        for decision in self.r.decisions:
            blocks.extend(self.decision(decision, grouped=grouped))
        return Section("response", "Response", tuple(blocks))

    def _attached_for(self, decision: Decision) -> bool:
        wanted = set(decision.questions)
        return any(wanted & set(a.questions) for a in self.r.attachments)

    def _default_text(self, decision: Decision, provisions: list[Provision]) -> str:
        """What a decision says when the officer has written nothing for it."""
        who = self.authority
        noun = _provision_noun(provisions) if provisions else "exemptions"
        label = provision_label(decision.provisions[0].id) if decision.provisions else ""
        match decision.outcome:
            case Outcome.DISCLOSED:
                if self._attached_for(decision):
                    return "Please see the attached."
                return "The requested information is disclosed."
            case Outcome.PARTIALLY_DISCLOSED:
                return (
                    "Some of the requested information is disclosed; the rest is withheld as "
                    f"the following {noun} apply."
                )
            case Outcome.EXEMPT:
                return (
                    f"{who} holds the requested information, but it is withheld as the "
                    f"following {noun} apply."
                )
            case Outcome.NOT_HELD:
                return f"{who} does not hold the requested information."
            case Outcome.COST_LIMIT:
                pounds, rate, hours = cost_limit_hours(self.regime, self.kind)
                if self.regime is Regime.EIR:
                    return (
                        "Complying with this part of the request would be manifestly "
                        "unreasonable because of the cost and time involved."
                    )
                return (
                    "The cost of complying with this part of the request would exceed the "
                    f"appropriate limit of £{pounds:,.0f} ({_hours(hours)} hours at "
                    f"£{rate:,.0f} an hour) set by {_FEES_REGULATIONS[self.regime]}, so "
                    f"{(label or 'Section 12(1)').lower()} applies."
                )
            case Outcome.VEXATIOUS:
                return "This request is vexatious, so we are not obliged to comply with it" + (
                    f" ({label})." if label else "."
                )
            case Outcome.REPEATED:
                return (
                    "This request is identical or substantially similar to a previous request "
                    "from you, so we are not obliged to comply with it"
                    + (f" ({label})." if label else ".")
                )
            case Outcome.REASONABLY_ACCESSIBLE:
                return "The requested information is reasonably accessible to you by other means."
            case Outcome.FUTURE_PUBLICATION:
                return "The requested information is intended for future publication."
            case Outcome.CLARIFICATION_NEEDED:
                return (
                    "We need more detail to identify and locate the information you asked for. "
                    "Please tell us more about what you are looking for."
                )
            case Outcome.TRANSFERRED:
                return (
                    "This part of your request has been transferred to another public "
                    "authority that holds the information."
                )
            case Outcome.WITHDRAWN:
                return "This part of your request was withdrawn."
            case Outcome.NCND:  # pragma: no cover - NCND has its own sentence
                return ""

    def decision(self, decision: Decision, *, grouped: bool) -> list[Block]:
        blocks: list[Block] = []
        text = decision.text or ""
        ids = list(decision.provision_ids)
        provisions = [get_provision(pid) for pid in ids]
        noun = _provision_noun(provisions) if provisions else "exemptions"
        phrase = questions_phrase(decision.questions)
        opens_with_questions = text.lstrip().lower().startswith("in relation to")

        if grouped and not opens_with_questions:
            blocks.append(Heading(3, f"In relation to {phrase}"))

        intro_says_follow = False
        if decision.outcome is Outcome.NCND:
            blocks.extend(_paragraphs(text))
            if not _says(text, "neither confirm nor deny"):
                blocks.append(
                    Text(
                        f"{self.authority} will neither confirm nor deny that we hold any of the "
                        f"requested information as the following {noun} apply."
                    )
                )
                intro_says_follow = True
        elif text:
            blocks.extend(_paragraphs(text))
        else:
            default = self._default_text(decision, provisions)
            blocks.append(Text(default))
            intro_says_follow = default.endswith(f"the following {noun} apply.")

        where = decision.where
        if decision.outcome is Outcome.REASONABLY_ACCESSIBLE and where and not _says(text, where):
            blocks.extend(_paragraphs(f"The information is available here:\n{where}"))
        if decision.outcome is Outcome.FUTURE_PUBLICATION and decision.publication_date:
            when = _long_date(decision.publication_date)
            if not (_says(text, when) or _says(text, decision.publication_date.isoformat())):
                blocks.append(Text(f"We intend to publish it on {when}."))

        if ids and not all(_says(text, provision_label(pid)) for pid in ids):
            if not intro_says_follow:
                blocks.append(Text(f"The following {noun} apply:"))
            lines = [provision_line(pid) for pid in ids]
            items = [f"{line};" for line in lines[:-1]] + lines[-1:]
            blocks.append(ItemList(tuple(Text(i) for i in items)))

        if ids:
            links = self._notes_links(ids)
            if links and not (
                _says(text, "explanatory notes") or any(_says(text, url) for url in links)
            ):
                blocks.append(Text(f"These {noun} and explanatory notes are shown here:"))
                blocks.append(ItemList(tuple(Text(u) for u in links)))

        for ref in decision.provisions:
            if self._absolute(ref.id, ref.condition) and ref.id not in self.tested:
                label = provision_label(ref.id)
                if not self._says_absolute(text, label):
                    blocks.append(Text(self._absolute_sentence(label)))

        if decision.outcome is Outcome.COST_LIMIT or decision.cost_estimate is not None:
            blocks.extend(self.cost(decision))
        if decision.advice_to_narrow:
            blocks.append(Heading(3, "Advice and assistance"))
            blocks.extend(_paragraphs(decision.advice_to_narrow))

        kinds = {t.kind for t in self.r.tests if t.provision in ids}
        if kinds and not (_says(text, "public interest test") or _says(text, "(PIT)")):
            if "ncnd" in kinds:
                blocks.append(
                    Text(
                        "The Prejudice Test / Public Interest Test (PIT) on confirming or "
                        "denying whether information is held is set out below."
                    )
                )
            if "disclosure" in kinds:
                blocks.append(Text("The harm and public interest test is set out below."))
        return blocks

    def _absolute(self, provision_id: str, condition: str | None) -> bool:
        return is_absolute(provision_id, condition, self.kind) and not needs_public_interest_test(
            provision_id, condition, self.kind
        )

    @staticmethod
    def _says_absolute(text: str, label: str) -> bool:
        for sentence in re.split(r"(?<=[.;:])\s+|\n+", text):
            if _says(sentence, label) and (
                _says(sentence, "absolute") or _says(sentence, "no requirement to consider")
            ):
                return True
        return False

    def _absolute_sentence(self, label: str) -> str:
        if self.regime is Regime.EIR:
            return (
                f"The public interest test does not apply to {label}: there is no requirement "
                "to consider the public interest."
            )
        return (
            f"{label} is an absolute exemption and there is no requirement to consider the "
            "public interest."
        )

    def _notes_links(self, ids: list[str]) -> list[str]:
        """The explanatory notes: the College of Policing APP page first for police (as the
        seed cites it), then each provision on legislation.gov.uk."""
        legislation: list[str] = []
        other: list[str] = []
        for pid in ids:
            for link in explanatory_notes(pid, self.kind):
                target = legislation if "legislation.gov.uk" in link else other
                if link not in target:
                    target.append(link)
        return other + legislation

    def cost(self, decision: Decision) -> list[Block]:
        """The s12 estimate (Fees Regs reg 4(3)), with the limit it is measured against."""
        blocks: list[Block] = []
        estimate = decision.cost_estimate
        if estimate is None:
            return blocks
        pounds, rate, limit = cost_limit_hours(self.regime, self.kind)
        rows = tuple(
            (_COST_LABELS.get(activity, activity), _hours(hours))
            for activity, hours in estimate.hours
        )
        counted = sum(h for a, h in estimate.hours if a in _COUNTING)
        foot: list[tuple[str, str]] = [("Total counting towards the limit", _hours(counted))]
        if self.regime is not Regime.EIR:
            foot.append(
                (
                    f"Appropriate limit (£{pounds:,.0f} at £{rate:,.0f} an hour)",
                    _hours(limit),
                )
            )
        blocks.append(Heading(3, "Estimate of the time needed"))
        blocks.append(
            Table(
                caption=f"Estimate for {questions_phrase(decision.questions)}, in hours",
                head=("Activity", "Hours"),
                rows=rows,
                foot=tuple(foot),
            )
        )
        if estimate.basis:
            blocks.extend(_paragraphs(f"How the estimate was made: {estimate.basis}"))
        return blocks

    # -- the harm and public interest tests ------------------------------------------------

    def tests(self) -> list[Section]:
        sections = []
        kinds: list[str] = []
        for t in self.r.tests:
            if t.kind not in kinds:
                kinds.append(t.kind)
        for kind in kinds:
            tests = [t for t in self.r.tests if t.kind == kind]
            heading = (
                "Prejudice Test / Public Interest Test"
                if kind == "ncnd"
                else "Harm and Public Interest Test"
            )
            sections.append(Section(f"test-{kind}", heading, tuple(self.test_blocks(kind, tests))))
        return sections

    def _labels(self, tests: list[PublicInterestTest]) -> dict[str, str]:
        """``Section 31`` unless two tests share a section, then ``Section 31(1)(a)``."""
        short = {t.provision: _section_label(t.provision) for t in tests}
        counts: dict[str, int] = {}
        for label in short.values():
            counts[label] = counts.get(label, 0) + 1
        return {
            pid: (label if counts[label] == 1 else provision_label(pid))
            for pid, label in short.items()
        }

    def test_blocks(self, kind: str, tests: list[PublicInterestTest]) -> list[Block]:
        blocks: list[Block] = []
        labels = self._labels(tests)

        # Evidence of harm: what every test shares once (the seed's single section), then
        # anything particular to one provision under its name.
        with_harm = [t for t in tests if t.evidence_of_harm]
        if with_harm:
            blocks.append(Heading(3, "Evidence of Harm"))
            shared = [
                p.text
                for p in with_harm[0].evidence_of_harm
                if all(p.text in {q.text for q in t.evidence_of_harm} for t in with_harm)
            ]
            blocks.extend(b for text in shared for b in _paragraphs(text))
            for t in with_harm:
                own = [p.text for p in t.evidence_of_harm if p.text not in shared]
                if own:
                    blocks.append(Heading(4, f"{labels[t.provision]} – Evidence of harm"))
                    blocks.extend(b for text in own for b in _paragraphs(text))

        if any(t.factors_for or t.factors_against for t in tests):
            blocks.append(Heading(3, "Public Interest Considerations"))
            if kind == "ncnd":
                favour = "Factors favouring confirming or denying whether information is held"
                against = "Factors against confirming or denying whether information is held"
            else:
                favour, against = "Factors favouring disclosure", "Factors against disclosure"
            for t in tests:
                for title, paragraphs in ((favour, t.factors_for), (against, t.factors_against)):
                    if paragraphs:
                        blocks.append(Heading(4, f"{labels[t.provision]} – {title}"))
                        blocks.extend(b for p in paragraphs for b in _paragraphs(p.text))

        balances = _distinct((t.provision, t.balance) for t in tests)
        conclusions = _distinct((t.provision, t.conclusion) for t in tests)
        if balances or conclusions:
            blocks.append(Heading(3, "Balancing Test"))
            for owners, text in balances:
                if len(balances) > 1:
                    blocks.append(Heading(4, " and ".join(labels[o] for o in owners)))
                blocks.extend(_paragraphs(text))
            for owners, text in conclusions:
                if len(conclusions) > 1:
                    blocks.append(
                        Heading(4, "Conclusion: " + " and ".join(labels[o] for o in owners))
                    )
                blocks.extend(_paragraphs(text))
        return blocks

    # -- the rest --------------------------------------------------------------------------

    def attachments(self) -> Section | None:
        if not self.r.attachments:
            return None
        items = tuple(
            Text(f"{a.name} ({questions_phrase(a.questions)})" if a.questions else a.name)
            for a in self.r.attachments
        )
        return Section("attachments", "Attachments", (ItemList(items, style="bullet"),))

    def rights(self) -> Section | None:
        if not self.r.rights_paragraph:
            return None
        return Section("rights", "Complaint Rights", tuple(_paragraphs(self.r.rights_paragraph)))

    def outline(self) -> DocumentOutline:
        req = self.r.request
        title = f"{req.title} ({req.reference})" if req.reference else req.title
        meta: list[tuple[str, str]] = []
        if req.reference:
            meta.append(("Reference", req.reference))
        meta.append(("Handled under", self.regime.full_name))
        if self.r.dates.sent:
            meta.append(("Date", _long_date(self.r.dates.sent)))
        sections = [self.request(), self.response(), *self.tests()]
        sections += [s for s in (self.attachments(), self.rights()) if s is not None]
        return DocumentOutline(
            title=title,
            authority=self.authority,
            reference=req.reference,
            regime=self.regime.full_name,
            meta=tuple(meta),
            sections=tuple(sections),
            created=self.r.dates.sent or self.r.received,
        )


def _distinct(pairs: Iterable[tuple[str, str | None]]) -> list[tuple[list[str], str]]:
    """Texts in first-seen order, each with the provisions that gave it (the seed's three tests
    share one balancing test, printed once)."""
    out: list[tuple[list[str], str]] = []
    for owner, text in pairs:
        if not text:
            continue
        for owners, seen in out:
            if seen == text:
                owners.append(owner)
                break
        else:
            out.append(([owner], text))
    return out


def document_outline(response: Response | Mapping[str, Any]) -> DocumentOutline:
    """The response as ordered sections of headings, paragraphs, lists and tables."""
    return _Builder(_as_response(response)).outline()


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Text):
        return ["".join(r.text or r.url or ("\n" if r.br else "") for r in runs(block.text))]
    if isinstance(block, NumberedList):
        return [
            f"{item.number}. " + "\n".join(t for p in item.paragraphs for t in _block_text(p))
            for item in block.items
        ]
    if isinstance(block, ItemList):
        return [t for item in block.items for t in _block_text(item)]
    if isinstance(block, Table):
        rows = (block.head, *block.rows, *block.foot)
        return [block.caption, *("\t".join(row) for row in rows)]
    return []


def render_text(
    response: Response | Mapping[str, Any] | DocumentOutline,
    *,
    sections: Iterable[str] = (),
    headings: bool = True,
) -> str:
    """The document as plain text, a heading and its paragraphs at a time: what the disclosure
    log searches. ``sections`` keeps only the sections with those keys (``request``,
    ``response``, ``test-harm``, ...); ``headings=False`` leaves out the sections' own
    headings ("Response"), which are the same in every document."""
    outline = response if isinstance(response, DocumentOutline) else document_outline(response)
    wanted = set(sections)
    parts = []
    for section in outline.sections:
        if wanted and section.key not in wanted:
            continue
        if headings:
            parts.append(section.heading)
        parts += [text for block in section.blocks for text in _block_text(block)]
    return "\n\n".join(part for part in parts if part)


# --------------------------------------------------------------------------------------------
# HTML and PDF


def render_html(
    response: Response | Mapping[str, Any] | DocumentOutline, *, fragment: bool = False
) -> str:
    """A standalone, printable HTML document (``fragment=True``: the body only, for a page)."""
    from django.template.loader import render_to_string

    outline = response if isinstance(response, DocumentOutline) else document_outline(response)
    return render_to_string("decisions/document.html", {"doc": outline, "fragment": fragment})


def render_pdf(response: Response | Mapping[str, Any]) -> bytes:
    """The HTML document as an A4 PDF (WeasyPrint), tagged so screen readers can follow it."""
    from weasyprint import HTML

    pdf = HTML(string=render_html(response)).write_pdf(pdf_tags=True)
    assert pdf is not None  # noqa: S101 - write_pdf returns bytes when given no target
    return pdf


# --------------------------------------------------------------------------------------------
# Word


_FONT = "Arial"
_INK = (0x0B, 0x0C, 0x0C)
_LINK = (0x1D, 0x70, 0xB8)
_HEADING_SIZES = {1: 18, 2: 14, 3: 12, 4: 11}


def _plain_fonts(style: Any) -> None:
    """Use Arial, not the template's theme fonts (which override a named font)."""
    from docx.oxml.ns import qn

    style.font.name = _FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), _FONT)


def _docx_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    _plain_fonts(normal)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)
    for level, size in _HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        _plain_fonts(style)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(*_INK)
        style.paragraph_format.space_before = Pt(18 if level <= 2 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    if "Document Meta" not in [s.name for s in document.styles]:
        meta = document.styles.add_style("Document Meta", WD_STYLE_TYPE.PARAGRAPH)
        meta.base_style = normal
        meta.font.size = Pt(9.5)
        meta.font.color.rgb = RGBColor(0x50, 0x5A, 0x5F)
        meta.paragraph_format.space_after = Pt(2)


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "{:02X}{:02X}{:02X}".format(*_LINK))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _add_runs(paragraph: Any, text_runs: Iterable[Run]) -> None:
    for run in text_runs:
        if run.br:
            paragraph.add_run().add_break()
        elif run.url:
            _hyperlink(paragraph, run.text, run.url)
        else:
            paragraph.add_run(run.text)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    simple.append(run)
    paragraph._p.append(simple)


def _header_row(row: Any) -> None:
    """Mark a table row as a header row, repeated on each page and read as headers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _docx_table(document: Any, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    caption = document.add_paragraph(style="Document Meta")
    caption.add_run(table.caption).bold = True
    grid = document.add_table(rows=0, cols=len(table.head))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT

    def add(cells: tuple[str, ...], *, bold: bool) -> Any:
        row = grid.add_row()
        for i, value in enumerate(cells):
            paragraph = row.cells[i].paragraphs[0]
            paragraph.paragraph_format.space_after = 0
            if i:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(value).bold = bold
        return row

    _header_row(add(table.head, bold=True))
    for cells in table.rows:
        add(cells, bold=False)
    for cells in table.foot:
        add(cells, bold=True)
    document.add_paragraph()


def _xml_text(value: Any) -> Any:
    """``value`` (JSON-shaped data) with its strings made fit for XML (``safety.xml_safe``:
    python-docx refuses the characters XML cannot hold)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_xml_text(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _xml_text(item) for key, item in value.items()}
    return value


#: The longest text a Word document property holds (python-docx refuses longer).
_PROPERTY_LENGTH = 255


def _property(text: str) -> str:
    """``text`` fit for a document property: cut at the limit, with an ellipsis."""
    if len(text) <= _PROPERTY_LENGTH:
        return text
    return text[: _PROPERTY_LENGTH - 1].rstrip() + "…"


def render_docx(response: Response | Mapping[str, Any]) -> bytes:
    """The response as a Word document: A4, Arial, real headings (so Word's navigation pane
    shows the structure), the questions numbered as asked, links that work, the authority
    in the header and "Page N of M" in the footer. The document properties name the
    authority as author and hold no person's name, comments or tracked changes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Mm

    data = response_to_dict(response) if isinstance(response, Response) else response
    doc = document_outline(_xml_text(data))
    document = Document()
    _docx_styles(document)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    header = section.header.paragraphs[0]
    header.style = document.styles["Document Meta"]
    header.paragraph_format.tab_stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    header.text = doc.authority + (f"\t{doc.reference}" if doc.reference else "")
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Document Meta"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")

    document.add_paragraph(doc.authority, style="Document Meta").runs[0].bold = True
    document.add_heading(doc.title, level=1)
    for label, value in doc.meta:
        document.add_paragraph(f"{label}: {value}", style="Document Meta")

    indent = Cm(0.9)
    for part in doc.sections:
        document.add_heading(part.heading, level=2)
        for block in part.blocks:
            if isinstance(block, Heading):
                document.add_heading(block.text, level=min(block.level, 4))
            elif isinstance(block, Text):
                _add_runs(document.add_paragraph(), block.runs)
            elif isinstance(block, NumberedList):
                for item in block.items:
                    for i, text in enumerate(item.paragraphs):
                        paragraph = document.add_paragraph()
                        paragraph.paragraph_format.left_indent = indent
                        if i == 0:
                            paragraph.paragraph_format.first_line_indent = -indent
                            paragraph.paragraph_format.tab_stops.add_tab_stop(indent)
                            paragraph.add_run(f"{item.number}.\t")
                        _add_runs(paragraph, text.runs)
            elif isinstance(block, ItemList):
                for text in block.items:
                    style = "List Bullet" if block.style == "bullet" else None
                    paragraph = document.add_paragraph(style=style)
                    _add_runs(paragraph, text.runs)
            elif isinstance(block, Table):
                _docx_table(document, block)

    props = document.core_properties
    props.title = _property(doc.title)
    props.author = _property(doc.authority)
    props.last_modified_by = _property(doc.authority)
    props.subject = f"Response to a request under the {doc.regime}"
    props.keywords = _property("; ".join(x for x in ("Freedom of Information", doc.reference) if x))
    props.category = "Freedom of Information response"
    props.comments = ""
    props.content_status = ""
    props.identifier = _property(doc.reference or "")
    props.language = doc.language
    props.revision = 1
    if doc.created is not None:
        moment = datetime(doc.created.year, doc.created.month, doc.created.day, tzinfo=UTC)
        props.created = props.modified = moment
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = [
    "DocumentOutline",
    "Heading",
    "ItemList",
    "NumberedItem",
    "NumberedList",
    "Run",
    "Section",
    "Table",
    "Text",
    "document_outline",
    "provision_label",
    "provision_line",
    "provision_name",
    "questions_phrase",
    "render_docx",
    "render_html",
    "render_pdf",
    "runs",
]
