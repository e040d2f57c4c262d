"""Reads for the response pages: the draft with everything the page shows in a fixed number of
queries, what each provision demands, the s12 worksheet, the tests still needed, the paragraph
library and where its paragraphs were used, and where each checker finding points.

Nothing here writes; the writes are in ``services``. Access is checked by the views through
``foidesk.cases.access`` before any of these is called.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from foidesk.cases.models import Authority, Request
from foidesk.law import exemptions as ex
from foidesk.law.checker import Finding, Severity
from foidesk.law.provisions import is_within, section_of
from foidesk.law.regimes import Regime

from .models import (
    CostActivity,
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    LibraryParagraph,
    OutcomeChoice,
    ResponseVersion,
    TestKind,
    TestParagraph,
)

# --- loading the draft --------------------------------------------------------------------


def request_for_response(request: Request) -> Request:
    """The request with its questions, decisions (with cost lines), tests and paragraphs.

    The orderings are the ones ``compose.response_data`` uses, so position ``i`` on the page is
    ``decisions[i]`` / ``tests[i]`` in the checker's findings. Never loads the requester.
    """
    return (
        Request.objects.filter(pk=request.pk)
        .prefetch_related(
            "questions",
            Prefetch(
                "decisions",
                Decision.objects.order_by("order", "id").prefetch_related(
                    "questions",
                    Prefetch("cost_lines", CostLine.objects.select_related("question")),
                ),
            ),
            Prefetch(
                "tests",
                HarmAndPublicInterestTest.objects.order_by("id").prefetch_related(
                    Prefetch(
                        "paragraphs",
                        TestParagraph.objects.select_related("library_paragraph").order_by(
                            "section", "order", "id"
                        ),
                    )
                ),
            ),
        )
        .get()
    )


def versions_of(request: Request) -> list[ResponseVersion]:
    """Every version sent for approval, newest first, with who submitted and who decided."""
    return list(request.versions.select_related("submitted_by", "decided_by").order_by("-number"))


# --- what a provision is and demands -------------------------------------------------------

_BASIS = {
    ex.Basis.CLASS: "class-based",
    ex.Basis.PREJUDICE: "prejudice-based",
    ex.Basis.NECESSITY: "necessity (harm-based)",
    ex.Basis.ADVERSE_EFFECT: "adverse effect (harm-based)",
    ex.Basis.COST: "cost",
    ex.Basis.VEXATIOUS: "vexatious or repeated",
    ex.Basis.VARIES: "depends on the subsection",
}


def provision_nature(
    provision: ex.Provision, condition: str | None = None, authority_kind: str | None = None
) -> str:
    """``"Qualified, prejudice-based, NCND"``: what the officer needs to know at a glance.

    Absolute or qualified is FOIA s2(3) / FOISA s2(2); conditional provisions (s40(2), s37(2))
    depend on the condition stated.
    """
    effect = provision.effect
    if effect is ex.Effect.ABSOLUTE:
        first = "Absolute"
    elif effect is ex.Effect.QUALIFIED:
        first = (
            "Absolute for this authority"
            if authority_kind and authority_kind in provision.absolute_for
            else "Qualified"
        )
    elif effect is ex.Effect.CONDITIONAL:
        try:
            chosen = provision.condition(condition)
        except ex.UnknownCondition:
            chosen = None
        if chosen is None:
            first = "Absolute or qualified by condition"
        else:
            first = f"{'Absolute' if chosen.absolute else 'Qualified'} ({chosen.name} condition)"
    elif effect is ex.Effect.VARIES:
        first = "Absolute or qualified by subsection: cite the subsection"
    else:
        return "Not an exemption: no public interest test" + (
            ", neither confirm nor deny" if provision.is_ncnd else ""
        )
    parts = [first, _BASIS.get(provision.basis, str(provision.basis))]
    if provision.is_ncnd:
        parts.append("neither confirm nor deny")
    return ", ".join(parts)


@dataclass(frozen=True)
class CatalogueGroup:
    """One section of the catalogue (``FOIA s31 Law enforcement``) and its entries."""

    section: str
    title: str
    provisions: tuple[ex.Provision, ...]


def catalogue_groups(regime: str) -> list[CatalogueGroup]:
    """The regime's provisions grouped by section, in statute order, for choosing from."""
    groups: dict[str, list[ex.Provision]] = {}
    for p in ex.provisions_for(regime):
        groups.setdefault(section_of(p.id), []).append(p)
    out = []
    for section, items in groups.items():
        head = ex.get_provision(section) if section in {p.id for p in items} else items[0]
        out.append(
            CatalogueGroup(
                section=section, title=f"{head.display} {head.name}", provisions=tuple(items)
            )
        )
    return out


def _within_either(a: str, b: str) -> bool:
    try:
        return is_within(a, b) or is_within(b, a)
    except ValueError:
        return False


def _covers(container: str, provision_id: str) -> bool:
    try:
        return is_within(provision_id, container)
    except ValueError:
        return False


def _same_section(a: str, b: str) -> bool:
    try:
        return section_of(a) == section_of(b)
    except ValueError:
        return False


# --- the tests each decision needs ----------------------------------------------------------


@dataclass
class TestNeed:
    """A harm or public interest test that the cited provisions call for.

    The kind is ``ncnd`` where the provision is an NCND provision or the decision neither
    confirms nor denies (FOIA s2(1)), otherwise ``disclosure`` (s2(2)), as the checker asks.
    """

    provision: ex.Provision
    kind: str
    public_interest: bool
    harm: bool
    questions: list[int] = field(default_factory=list)
    test: HarmAndPublicInterestTest | None = None
    test_index: int | None = None

    @property
    def kind_label(self) -> str:
        return TestKind(self.kind).label

    @property
    def questions_text(self) -> str:
        return questions_phrase(self.questions)

    @property
    def what(self) -> str:
        if self.public_interest and self.harm:
            return "Evidence of harm and a public interest test"
        if self.public_interest:
            return "A public interest test"
        return "Evidence of harm"


def tests_needed(
    decisions: Sequence[Decision],
    tests: Sequence[HarmAndPublicInterestTest],
    authority_kind: str | None,
) -> list[TestNeed]:
    """For each cited provision that needs a public interest test or evidence of harm, the
    test that covers it (a test for ``foia:s31`` covers ``foia:s31(1)(a)``), or none yet.

    FOIA s2(1)/(2) (https://www.legislation.gov.uk/ukpga/2000/36/section/2): qualified
    provisions need the balance; prejudice-based ones need the harm shown.
    """
    needs: dict[tuple[str, str], TestNeed] = {}
    for decision in decisions:
        numbers = sorted(q.number for q in decision.questions.all())
        for item in decision.provisions:
            try:
                provision = ex.get_provision(item["id"])
                pit = ex.needs_public_interest_test(
                    provision.id, item.get("condition"), authority_kind
                )
            except (ex.UnknownProvision, ex.UnknownCondition):
                continue
            harm = ex.needs_harm_test(provision.id)
            if not (pit or harm):
                continue
            ncnd = provision.is_ncnd or decision.outcome == OutcomeChoice.NCND
            kind = TestKind.NCND if ncnd else TestKind.DISCLOSURE
            need = needs.get((provision.id, kind))
            if need is None:
                need = needs[(provision.id, kind)] = TestNeed(provision, kind, pit, harm)
            need.questions = sorted(set(need.questions) | set(numbers))
    for need in needs.values():
        for index, test in enumerate(tests):
            if test.kind == need.kind and _covers(test.provision, need.provision.id):
                need.test, need.test_index = test, index
                break
    return list(needs.values())


# --- the s12 cost worksheet -----------------------------------------------------------------

_COUNTABLE = {
    Regime.FOIA: frozenset(CostActivity.values[:4]),
    Regime.FOISA: frozenset(CostActivity.values[1:4]),
    Regime.EIR: frozenset(),
}


@dataclass(frozen=True)
class WorksheetLine:
    line: CostLine
    countable: bool
    cost: Decimal | None


@dataclass
class Worksheet:
    """The s12 estimate for one decision: lines, what counts, and the limit it must exceed.

    Fees Regs regs 3 and 4 (https://www.legislation.gov.uk/uksi/2004/3244/regulation/4): £450
    (18 hours) or £600 (24 hours) at £25 an hour; only determining whether held, locating,
    retrieving and extracting count. FOISA: £600 at £15 an hour, and determining whether held
    does not count (SSI 2004/467). EIR has no cost limit (reg 12(4)(b) instead).
    """

    lines: list[WorksheetLine]
    regime: Regime
    limit_pounds: Decimal | None
    rate: Decimal | None
    limit_hours: Decimal | None
    checker_limit_pounds: Decimal | None
    countable_hours: Decimal = Decimal(0)
    other_hours: Decimal = Decimal(0)
    by_question: dict[int | None, Decimal] = field(default_factory=dict)

    @property
    def countable_cost(self) -> Decimal | None:
        return None if self.rate is None else self.countable_hours * self.rate

    @property
    def exceeds(self) -> bool:
        return self.limit_hours is not None and self.countable_hours > self.limit_hours

    @property
    def limit_differs_from_checker(self) -> bool:
        return (
            self.checker_limit_pounds is not None
            and self.limit_pounds is not None
            and self.checker_limit_pounds != self.limit_pounds
        )

    @property
    def costliest(self) -> tuple[int, Decimal] | None:
        numbered = [(n, h) for n, h in self.by_question.items() if n is not None and h > 0]
        if not numbered:
            return None
        return max(numbered, key=lambda item: (item[1], -item[0]))

    def suggested_advice(self, numbers: Sequence[int]) -> str:
        """s16 advice drafted from the worksheet, for the officer to use or adapt."""
        if self.limit_hours is None or self.rate is None or self.limit_pounds is None:
            return ""
        countable = (
            "locate, retrieve and extract"
            if self.regime is Regime.FOISA
            else "determine whether we hold, locate, retrieve and extract"
        )
        regulations = (
            "the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004"
            if self.regime is Regime.FOISA
            else "the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
            "Regulations 2004"
        )
        text = [
            f"The appropriate limit is £{self.limit_pounds:,.0f}, which is "
            f"{_hours(self.limit_hours)} hours of work at £{self.rate:,.0f} an hour "
            f"({regulations}). We estimate that it would take {_hours(self.countable_hours)} "
            f"hours to {countable} the information you asked for."
        ]
        costliest = self.costliest
        if costliest is not None and len(numbers) > 1:
            number, hours = costliest
            rest = self.countable_hours - hours
            text.append(f"Most of that time ({_hours(hours)} hours) is for question {number}.")
            if rest <= self.limit_hours:
                text.append(
                    f"If you removed question {number}, we would expect to be able to answer "
                    "the rest of your request within the limit."
                )
            text.append(
                f"You could also narrow question {number}, for example by asking about a "
                "shorter period (one year rather than several) or a smaller set of records, "
                "and we will consider it again."
            )
        else:
            text.append(
                "You may be able to bring your request within the limit by narrowing it, for "
                "example by asking about a shorter period (one year rather than several) or a "
                "smaller set of records, and we will consider it again."
            )
        return " ".join(text)


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}".rstrip("0")


def cost_worksheet(decision: Decision, regime: str, authority: Authority) -> Worksheet:
    r = Regime(regime)
    countable = _COUNTABLE[r]
    if r is Regime.EIR:
        limit_pounds = rate = limit_hours = checker = None
    else:
        pounds, checker_rate, checker_hours = ex.cost_limit_hours(r, authority.kind)
        checker = Decimal(str(pounds))
        if r is Regime.FOISA:
            limit_pounds, rate = checker, Decimal(str(checker_rate))
            limit_hours = Decimal(str(checker_hours))
        else:
            limit_pounds, rate = Decimal(authority.cost_limit), Decimal(25)
            limit_hours = limit_pounds / rate
    sheet = Worksheet([], r, limit_pounds, rate, limit_hours, checker)
    for line in decision.cost_lines.all():
        counts = line.activity in countable
        number = line.question.number if line.question_id else None
        sheet.lines.append(
            WorksheetLine(line, counts, line.hours * rate if counts and rate is not None else None)
        )
        if counts:
            sheet.countable_hours += line.hours
            sheet.by_question[number] = sheet.by_question.get(number, Decimal(0)) + line.hours
        else:
            sheet.other_hours += line.hours
    return sheet


def is_cost_refusal(decision: Decision) -> bool:
    """The decision refuses on cost: the cost limit outcome, or a cost-based provision such as
    s12(2) (FOIA s12, https://www.legislation.gov.uk/ukpga/2000/36/section/12)."""
    if decision.outcome == OutcomeChoice.COST_LIMIT:
        return True
    for item in decision.provisions:
        try:
            if ex.get_provision(item["id"]).basis is ex.Basis.COST:
                return True
        except ex.UnknownProvision:
            continue
    return False


def shows_worksheet(decision: Decision) -> bool:
    """A worksheet for s12 decisions, and for any decision that already has cost lines."""
    return bool(is_cost_refusal(decision) or decision.cost_lines.all())


# --- the paragraph library ------------------------------------------------------------------


@dataclass(frozen=True)
class Usage:
    """One response that used a library paragraph (any version of it)."""

    reference: str
    slug: str
    title: str
    version: int
    provision: str
    kind: str


@dataclass
class LibraryEntry:
    """A library paragraph with the responses it was used in."""

    paragraph: LibraryParagraph
    usages: list[Usage] = field(default_factory=list)

    @property
    def requests(self) -> list[Usage]:
        """One usage per response (the first seen), for "used in N responses"."""
        seen: dict[str, Usage] = {}
        for usage in self.usages:
            seen.setdefault(usage.slug, usage)
        return list(seen.values())

    def fit(self, provision_id: str) -> str:
        """``fits``, ``subsection`` (same section, another subsection: the checker warns) or
        ``other`` (another provision: the checker reports an error)."""
        written = [str(w) for w in self.paragraph.written_for]
        if any(_within_either(w, provision_id) for w in written):
            return "fits"
        if any(_same_section(w, provision_id) for w in written):
            return "subsection"
        return "other"

    @property
    def written_for_display(self) -> list[str]:
        out = []
        for pid in self.paragraph.written_for:
            try:
                out.append(ex.get_provision(pid).display)
            except ex.UnknownProvision:
                out.append(pid)
        return out


def library_paragraphs(*, current_only: bool = True) -> list[LibraryParagraph]:
    """The library, current versions only unless asked, in one query."""
    qs: QuerySet[LibraryParagraph] = LibraryParagraph.objects.all()
    if current_only:
        qs = qs.filter(is_current=True)
    return list(qs.order_by("topic", "key", "-version"))


def filter_library(
    paragraphs: Iterable[LibraryParagraph],
    *,
    provisions: Iterable[str] = (),
    topic: str = "",
    section: str = "",
    regime: str | None = None,
) -> list[LibraryParagraph]:
    """Paragraphs written for any of ``provisions`` (or a provision within or containing one
    of them), whose key, topic or text has every word of ``topic``, in ``section``.

    Done in Python rather than SQL because ``written_for`` is a JSON list and SQLite has no
    JSON containment lookup; the library is small (hundreds of paragraphs), read in one query.
    """
    wanted = list(provisions)
    words = [w.casefold() for w in topic.split()]
    found = []
    for paragraph in paragraphs:
        written = [str(w) for w in paragraph.written_for]
        if section and paragraph.section != section:
            continue
        if regime and not any(w.startswith(f"{regime}:") for w in written):
            continue
        if wanted and not any(_within_either(w, p) for w in written for p in wanted):
            continue
        haystack = f"{paragraph.key} {paragraph.topic} {paragraph.text}".casefold()
        if any(word not in haystack for word in words):
            continue
        found.append(paragraph)
    return found


def with_usages(paragraphs: Sequence[LibraryParagraph]) -> list[LibraryEntry]:
    """Attach where each paragraph's key (any version) was used, in one query."""
    entries = [LibraryEntry(p) for p in paragraphs]
    usages = library_usages({p.key for p in paragraphs})
    for entry in entries:
        entry.usages = usages.get(entry.paragraph.key, [])
    return entries


def library_usages(keys: Iterable[str]) -> dict[str, list[Usage]]:
    """For each key, the tests in responses that used any version of it."""
    keys = set(keys)
    if not keys:
        return {}
    out: dict[str, list[Usage]] = defaultdict(list)
    rows = (
        TestParagraph.objects.filter(library_paragraph__key__in=keys)
        .order_by("-test__request__received_at", "test__request__reference", "id")
        .values_list(
            "library_paragraph__key",
            "library_paragraph__version",
            "test__request__reference",
            "test__request__slug",
            "test__request__title",
            "test__provision",
            "test__kind",
        )
    )
    for key, version, reference, slug, title, provision, kind in rows:
        out[key].append(Usage(reference, slug, title, version, provision, kind))
    return dict(out)


def paragraph_versions(key: str) -> list[LibraryParagraph]:
    return list(
        LibraryParagraph.objects.filter(key=key).select_related("created_by").order_by("-version")
    )


# --- where the checker's findings point ------------------------------------------------------

_DECISION = re.compile(r"^decisions\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?")
_TEST = re.compile(r"^tests\[(\d+)\](?:\.(\w+)\[(\d+)\])?")
_QUESTION = re.compile(r"^request\.questions\[(\d+)\]")


@dataclass(frozen=True)
class PlacedFinding:
    """A checker finding with the element on the page it concerns."""

    finding: Finding
    anchor: str | None
    place: str

    @property
    def is_error(self) -> bool:
        return self.finding.severity is Severity.ERROR


def questions_phrase(numbers: Sequence[int]) -> str:
    """``question 1``, ``questions 1 and 2``, ``questions 1, 2 and 3``."""
    numbers = list(numbers)
    if not numbers:
        return "no questions"
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    return f"questions {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def place_findings(
    findings: Sequence[Finding],
    *,
    decisions: Sequence[Decision],
    tests: Sequence[HarmAndPublicInterestTest],
    question_numbers: Sequence[int],
    worksheets: set[int],
) -> list[PlacedFinding]:
    """Errors first, then warnings, each with the id of the part of the page it is about.

    ``where`` is the path in the structured response (``decisions[0].provisions[2]``,
    ``tests[1].factors_for[0]``, ``request.questions[3]``); the page puts those ids on the
    decision cards, provisions, cost worksheets, tests and paragraphs.
    """
    placed = []
    for finding in findings:
        where = finding.where
        if finding.code.startswith("cost_") and _DECISION.fullmatch(where):
            where += ".cost_estimate"  # a missing estimate belongs on the worksheet
        anchor, place = _anchor(where, decisions, tests, question_numbers, worksheets)
        placed.append(PlacedFinding(finding, anchor, place))
    placed.sort(key=lambda p: 0 if p.is_error else 1)
    return placed


def _anchor(
    where: str,
    decisions: Sequence[Decision],
    tests: Sequence[HarmAndPublicInterestTest],
    question_numbers: Sequence[int],
    worksheets: set[int],
) -> tuple[str | None, str]:
    if m := _DECISION.match(where):
        i = int(m.group(1))
        if i >= len(decisions):
            return None, "the decisions"
        numbers = sorted(q.number for q in decisions[i].questions.all())
        place = f"the decision on {questions_phrase(numbers)}"
        part, index = m.group(2), m.group(3)
        if part == "provisions" and index is not None:
            provisions = decisions[i].provisions
            if int(index) < len(provisions):
                pid = provisions[int(index)].get("id", "")
                with contextlib.suppress(ex.UnknownProvision):
                    pid = ex.get_provision(pid).display
                place = f"{pid} in the decision on {questions_phrase(numbers)}"
            return f"decision-{i}-provision-{index}", place
        if part in ("cost_estimate", "advice_to_narrow") and i in worksheets:
            return f"cost-{i}", f"the cost worksheet for {questions_phrase(numbers)}"
        return f"decision-{i}", place
    if m := _TEST.match(where):
        i = int(m.group(1))
        if i >= len(tests):
            return None, "the tests"
        test = tests[i]
        try:
            name = ex.get_provision(test.provision).display
        except ex.UnknownProvision:
            name = test.provision
        place = f"the test for {name}"
        if m.group(2):
            return f"test-{i}-{m.group(2)}-{m.group(3)}", place
        return f"test-{i}", place
    if m := _QUESTION.match(where):
        i = int(m.group(1))
        if i < len(question_numbers):
            return f"question-{question_numbers[i]}", f"question {question_numbers[i]}"
        return "decisions", "the questions"
    if where.startswith("rights_paragraph"):
        return "rights", "the complaint rights paragraph"
    if where.startswith("dates"):
        return "dates", "the dates"
    return None, where


def blocking(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that stop a draft going for approval (see ``services.blocking_findings``)."""
    return [f for f in findings if f.severity is Severity.ERROR and not f.where.startswith("dates")]
