"""The response checker: a structured response against the law, before sign-off.

``check_response(response, *, today=None, authority_kind=None) -> list[Finding]`` runs every
rule in ``RULES`` and returns its findings: ``severity`` (``"error"``: the notice breaks a rule
of law or would give away what an NCND protects; ``"warning"``: good practice, a heuristic, or
a rule resting on a source tagged UNVERIFIED), a ``code``, the ``questions`` concerned, a
``message`` for the FOI officer, the ``citation`` (``foidesk.law.regimes.Citation``, with the
URL listed in ``shared/law/UK-FOI-RULES.md``) and ``where`` (the path in the response JSON,
e.g. ``decisions[0].provisions[1]``). ``findings_as_dict`` gives the JSON form.

Each rule is a function ``rule_<name>(ctx)`` whose docstring cites the provision it enforces.
The exemption facts come from ``foidesk.law.exemptions`` (catalogue ``CATALOGUE_VERSION``); the
dates from ``foidesk.law.deadlines.compute_deadline``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from foidesk.law import exemptions as ex
from foidesk.law.deadlines import (
    ClockInputError,
    DateOutOfRange,
    Deadline,
    RuleNotAvailable,
    compute_deadline,
    fmt,
)
from foidesk.law.exemptions import (
    AuthorityKind,
    Catalogue,
    Effect,
    Provision,
    Role,
    UnknownCondition,
    UnknownProvision,
)
from foidesk.law.provisions import (
    REGULATION_WORD,
    SECTION_WORD,
    catalogue_ids,
    clean_text,
    is_within,
    section_of,
)
from foidesk.law.regimes import Citation, Regime
from foidesk.law.response import (
    REFUSALS,
    Decision,
    Outcome,
    ProvisionRef,
    PublicInterestTest,
    Response,
)

_FOIA = "https://www.legislation.gov.uk/ukpga/2000/36"
_EIR = "https://www.legislation.gov.uk/uksi/2004/3391"
_FOISA = "https://www.legislation.gov.uk/asp/2002/13"
_FEES = "https://www.legislation.gov.uk/uksi/2004/3244"
_FOISA_FEES = "http://www.legislation.gov.uk/ssi/2004/467/made/data.xht?view=snippet&wrap=true"
_ICO_S17 = (
    "https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
    "information-regulations/section-17-refusing-a-request-writing-a-refusal-notice"
)
_ICO_S12_S16 = "https://lawsdocbox.com/Legal_Issues/123525912-Freedom-of-information-act-2000-foia-decision-notice.html"
_SOUTH_YORKS = "http://alexskene.com/foiwiki/index.php?direction=prev&oldid=4402&title=FOIA_Section_12_Exemption"
_FOISA_S19 = (
    "http://www.itspublicknowledge.info/ScottishPublicAuthorities/RespondingtoaRequest/"
    "InformationResponseAppendices.asp"
)
_FOISA_S18 = "http://www.legislation.gov.uk/asp/2002/13/section/18/data.xht?view=snippet&wrap=true"
_EIR_REG12 = "http://www.legislation.gov.uk/uksi/2004/3391/regulation/12/made?view=plain"
_EIR_REG14 = "http://www.legislation.gov.uk/uksi/2004/3391/regulation/14/made?view=plain"
_DCA_NCND = "http://www.dca.gov.uk/foi/guidance/exguide/sec23/chap03.htm"
_MOJ_NCND = "http://www.justice.gov.uk/guidance/foi-exemptions-ncnd.htm"
_HPIT = (
    "https://www.south-wales.police.uk/foi-ai/south-wales-police/disclosure-log/2025/april/"
    "foi-34625/"
)
_MPS_NCND_PIT = (
    "https://horrific-corruption-files.serveblog.net/Temp/Still%20Good%20%20New%20Diary%2026-05-21"
    "%20-%2027.6Gb/New%20Diary%2026-05-21/Diary%20to%20pdf/2016%20All/2016%201st%20Half/Flipbook/"
    "files/basic-html/page588.html"
)
_ICO_VEXATIOUS = "http://www.bailii.org/uk/cases/UKUT/AAC/2013/440.html"
_FOISA_S27 = (
    "http://www.itspublicknowledge.info/Law/FOISA/FOISAPart2/"
    "Information_Intended_for_Future_Publication.asp"
)

_LONDON = ZoneInfo("Europe/London")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a response (see the module docstring)."""

    severity: Severity
    code: str
    questions: tuple[int, ...]
    message: str
    citation: Citation
    where: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": str(self.severity),
            "code": self.code,
            "questions": list(self.questions),
            "message": self.message,
            "citation": {
                "text": self.citation.text,
                "url": self.citation.url,
                "unverified": self.citation.unverified,
            },
            "where": self.where,
        }


def findings_as_dict(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """The JSON form of ``findings`` (``foidesk check --json`` prints it)."""
    return [f.as_dict() for f in findings]


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


# --------------------------------------------------------------------------------------------
# Context shared by the rules


@dataclass(frozen=True)
class Cited:
    """A provision cited in a decision, resolved against the catalogue."""

    decision_index: int
    index: int
    ref: ProvisionRef
    provision: Provision

    @property
    def where(self) -> str:
        return f"decisions[{self.decision_index}].provisions[{self.index}]"


@dataclass
class Context:
    """What every rule needs: the response, the catalogue, the authority and the date."""

    response: Response
    catalogue: Catalogue
    authority_kind: str
    today: date
    cited: dict[int, list[Cited]] = field(default_factory=dict)

    @property
    def regime(self) -> Regime:
        return self.response.regime

    @property
    def is_police(self) -> bool:
        return self.authority_kind == AuthorityKind.POLICE or self.response.authority.is_police

    def decisions(self) -> Iterator[tuple[int, Decision]]:
        return iter(enumerate(self.response.decisions))

    def provisions_of(self, index: int) -> list[Cited]:
        return self.cited.get(index, [])


def _resolve(ctx: Context) -> None:
    for i, d in ctx.decisions():
        out = []
        for j, ref in enumerate(d.provisions):
            try:
                out.append(Cited(i, j, ref, ctx.catalogue.get(ref.id)))
            except UnknownProvision:
                continue
        ctx.cited[i] = out


def _c(text: str, url: str, unverified: bool = False) -> Citation:
    return Citation(text, url, unverified)


def _finding(
    severity: Severity,
    code: str,
    questions: Sequence[int],
    message: str,
    citation: Citation,
    where: str,
) -> Finding:
    return Finding(severity, code, tuple(questions), message, citation, where)


def _error(code: str, q: Sequence[int], msg: str, cit: Citation, where: str) -> Finding:
    return _finding(Severity.ERROR, code, q, msg, cit, where)


def _warning(code: str, q: Sequence[int], msg: str, cit: Citation, where: str) -> Finding:
    return _finding(Severity.WARNING, code, q, msg, cit, where)


def _error_unless_unverified(
    unverified: bool, code: str, q: Sequence[int], msg: str, cit: Citation, where: str
) -> Finding:
    if unverified:
        return _warning(
            code, q, msg + " (The rule rests on a source tagged UNVERIFIED.)", cit, where
        )
    return _error(code, q, msg, cit, where)


def _is_ncnd_context(d: Decision, p: Provision) -> bool:
    return p.is_ncnd or d.outcome is Outcome.NCND


def _required_kind(d: Decision, p: Provision) -> str:
    return "ncnd" if _is_ncnd_context(d, p) else "disclosure"


def _matching_tests(ctx: Context, provision_id: str) -> list[tuple[int, PublicInterestTest]]:
    """Tests whose provision is the cited one or a provision that contains it (``s31``)."""
    return [
        (i, t) for i, t in enumerate(ctx.response.tests) if _safe_within(provision_id, t.provision)
    ]


def _safe_within(a: str, b: str) -> bool:
    try:
        return is_within(a, b)
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------
# Rules: outcomes and provisions


def rule_every_question_has_outcome(ctx: Context) -> Iterator[Finding]:
    """Every question needs an answer: FOIA s1(1) (confirm or deny, then communicate) applies to
    each part of a request, and a refusal must say which part it covers (s17(1)).
    https://www.legislation.gov.uk/ukpga/2000/36/section/1"""
    answered = {n for d in ctx.response.decisions for n in d.questions}
    for i, q in enumerate(ctx.response.request.questions):
        if q.number not in answered:
            yield _error(
                "question_without_outcome",
                (q.number,),
                f"Question {q.number} has no decision: every question must be answered, "
                "refused or neither confirmed nor denied.",
                _c(
                    "FOIA s1(1): the duty to confirm or deny and to communicate",
                    f"{_FOIA}/section/1",
                ),
                f"request.questions[{i}]",
            )


def rule_refusal_cites_provision(ctx: Context) -> Iterator[Finding]:
    """A refusal must specify the exemption relied on: FOIA s17(1)(b) (and s17(5) for s12/s14);
    EIR reg 14(3)(a); FOISA s16(1)(c). http://alexskene.com/foiwiki/index.php?oldid=10883&
    title=FOIA_Section_17 ; https://www.legislation.gov.uk/ukpga/2000/36/section/17"""
    cit = {
        Regime.FOIA: _c(
            "FOIA s17(1)(b): the refusal notice specifies the exemption in question",
            f"{_FOIA}/section/17",
        ),
        Regime.EIR: _c(
            "EIR reg 14(3)(a): the refusal specifies the exception relied on", _EIR_REG14
        ),
        Regime.FOISA: _c(
            "FOISA s16(1)(c): the refusal notice specifies the exemption", f"{_FOISA}/section/16"
        ),
    }[ctx.regime]
    for i, d in ctx.decisions():
        if d.outcome in REFUSALS and not d.provisions:
            yield _error(
                "refusal_without_provision",
                d.questions,
                f"The decision '{d.outcome}' withholds information but cites no provision: "
                "name the exemption (with its subsection) that the refusal relies on.",
                cit,
                f"decisions[{i}]",
            )


_OUTCOME_PROVISIONS: dict[Outcome, dict[Regime, tuple[str, ...]]] = {
    Outcome.COST_LIMIT: {
        Regime.FOIA: ("foia:s12",),
        Regime.FOISA: ("foisa:s12",),
        Regime.EIR: ("eir:reg12(4)(b)",),
    },
    Outcome.VEXATIOUS: {
        Regime.FOIA: ("foia:s14(1)",),
        Regime.FOISA: ("foisa:s14(1)",),
        Regime.EIR: ("eir:reg12(4)(b)",),
    },
    Outcome.REPEATED: {
        Regime.FOIA: ("foia:s14(2)",),
        Regime.FOISA: ("foisa:s14(2)",),
        Regime.EIR: ("eir:reg12(4)(b)",),
    },
    Outcome.REASONABLY_ACCESSIBLE: {Regime.FOIA: ("foia:s21",), Regime.FOISA: ("foisa:s25",)},
    Outcome.FUTURE_PUBLICATION: {
        Regime.FOIA: ("foia:s22",),
        Regime.FOISA: ("foisa:s27(1)",),
        Regime.EIR: ("eir:reg12(4)(d)",),
    },
}


def rule_outcome_matches_provision(ctx: Context) -> Iterator[Finding]:
    """The outcome and the provision must agree. A cost or vexatious refusal is a s17(5) notice
    "stating that fact", so it must cite s12 or s14 (FOIA s17(5), ICO: "must always issue" one,
    https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-
    information-regulations/section-17-refusing-a-request-writing-a-refusal-notice); under EIR
    cost and vexatiousness are reg 12(4)(b) "manifestly unreasonable" (rules section 6)."""
    for i, d in ctx.decisions():
        wanted = _OUTCOME_PROVISIONS.get(d.outcome, {}).get(ctx.regime)
        if not wanted or not d.provisions:
            continue
        if any(_safe_within(p.id, w) for p in d.provisions for w in wanted):
            continue
        names = " or ".join(ex.get_provision(w, catalogue=ctx.catalogue).display for w in wanted)
        strict = d.outcome in (Outcome.COST_LIMIT, Outcome.VEXATIOUS, Outcome.REPEATED)
        msg = (
            f"The outcome '{d.outcome}' is a refusal under {names}, which the decision does "
            "not cite."
        )
        cit = _c("FOIA s17(5): a notice stating that s12 or s14 applies", _ICO_S17)
        if ctx.regime is Regime.EIR:
            cit = _c("EIR reg 12(4): the exceptions by type of request", _EIR_REG12)
        where = f"decisions[{i}].outcome"
        if strict:
            yield _error("outcome_provision_mismatch", d.questions, msg, cit, where)
        else:
            yield _warning("outcome_provision_mismatch", d.questions, msg, cit, where)


def rule_provisions_known(ctx: Context) -> Iterator[Finding]:
    """Only real provisions can be relied on: the catalogue lists FOIA s12, s14 and Part II
    (ss21-44), EIR regs 12-13, FOISA s12, s14, s18 and Part 2 (ss25-41) (rules section 3b).
    https://www.legislation.gov.uk/ukpga/2000/36/part/II"""
    for i, d in ctx.decisions():
        for j, ref in enumerate(d.provisions):
            try:
                p = ctx.catalogue.get(ref.id)
            except UnknownProvision as exc:
                yield _error(
                    "unknown_provision",
                    d.questions,
                    f"{exc}. Check the citation: only the exemptions, exceptions and refusal "
                    "grounds of the Act or Regulations can be relied on.",
                    _c("Exemption catalogue (rules section 3b)", f"{_FOIA}/part/II"),
                    f"decisions[{i}].provisions[{j}]",
                )
                continue
            if p.role is Role.SECTION or (p.group and p.role not in (Role.COST_LIMIT,)):
                yield _warning(
                    "unspecific_provision",
                    d.questions,
                    f"{p.display} is cited without its subsection. Name the exemption with its "
                    f"subsection (e.g. {_example_child(ctx, p)}), as a refusal notice must "
                    "specify the exemption relied on.",
                    _c(
                        "FOIA s17(1)(b); police practice names each exemption with its "
                        "subsection (rules section 10, step 0)",
                        _HPIT,
                    ),
                    f"decisions[{i}].provisions[{j}]",
                )


def _example_child(ctx: Context, p: Provision) -> str:
    prefix = p.id + "("
    for pid, child in ctx.catalogue.provisions.items():
        if pid.startswith(prefix):
            return child.display
    return p.display


def rule_regime_matches(ctx: Context) -> Iterator[Finding]:
    """A request is answered under one regime: EIR information is refused only under EIR
    exceptions (FOIA s39 sends it there), FOIA under FOIA exemptions, and a Scottish authority
    uses FOISA's own numbering (rules sections 6 and 7). FOIA s39 itself is the one FOIA
    provision that belongs in an EIR case (it says the EIR apply).
    https://www.legislation.gov.uk/uksi/2004/3391/regulation/12 ;
    https://www.legislation.gov.uk/asp/2002/13"""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            if c.provision.regime is ctx.regime:
                continue
            if ctx.regime is Regime.EIR and _safe_within(c.provision.id, "foia:s39"):
                continue
            yield _error(
                "regime_mismatch",
                d.questions,
                f"{c.provision.display} belongs to {c.provision.regime.full_name}, but this "
                f"request is handled under {ctx.regime.full_name}: cite the "
                f"{ctx.regime.short_name} provision instead.",
                _c(
                    f"{ctx.regime.short_name}: a request is refused only under its own exemptions",
                    ctx.regime.url,
                ),
                c.where,
            )


def rule_conditions(ctx: Context) -> Iterator[Finding]:
    """s40(2), EIR reg 13(1) and FOISA s38(1)(b) are absolute under the first condition and
    qualified under the second and third (FOIA s2(3)(f); rules D2, D4), so the response must say
    which condition applies. https://cy.ico.org.uk/for-organisations/foi/section-40-and-
    regulation-13-personal-information/part-three-the-first-condition-would-disclosure-
    contravene-the-data-protection-principles"""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            p = c.provision
            try:
                chosen = p.condition(c.ref.condition)
            except UnknownCondition as exc:
                yield _error("unknown_condition", d.questions, str(exc), p.citation(), c.where)
                continue
            if chosen is not None and c.ref.condition is None:
                yield _warning(
                    "condition_not_stated",
                    d.questions,
                    f"{p.display} does not say which condition applies; it is taken to be the "
                    f"'{chosen.name}' condition ({chosen.description}), which is "
                    f"{'absolute' if chosen.absolute else 'qualified'}. State it in the response.",
                    p.citation(),
                    c.where,
                )


def rule_authority_may_use(ctx: Context) -> Iterator[Finding]:
    """Some exemptions belong to particular authorities: s35 only to government departments and
    the Welsh Government, never the police (http://www.foi.gov.uk/guidance/exguide/sec35/
    chap01.htm); s33 and FOISA s40 only to authorities with audit functions; FOISA s29 only to
    the Scottish Administration (the last three UNVERIFIED, so warnings)."""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            p = c.provision
            if ex.may_use(p.id, ctx.authority_kind, catalogue=ctx.catalogue):
                continue
            allowed = ", ".join(sorted(k.replace("_", " ") for k in p.available_to or ()))
            who = "a police force" if ctx.is_police else f"a {ctx.authority_kind.replace('_', ' ')}"
            yield _error_unless_unverified(
                p.unverified,
                "provision_not_available_to_authority",
                d.questions,
                f"{p.display} ({p.name}) can only be used by: {allowed}. It is not available to "
                f"{who}.",
                p.citation(),
                c.where,
            )


def rule_mutually_exclusive(ctx: Context) -> Iterator[Finding]:
    """Provisions that cannot cover the same information: FOIA s23(1) and s24(1) are expressly
    mutually exclusive (s23(5) with s24(2) is allowed: ICO LTT53,
    http://www.dca.gov.uk/foi/guidance/exguide/sec23/chap04.htm); s31 applies only to
    information not exempt under s30 (https://legislation.gov.uk/ukpga/2000/36/section/31/
    enacted/data.akn); s36 only where s35 does not apply (rules section 3b)."""
    for i, d in ctx.decisions():
        cited = ctx.provisions_of(i)
        for a_i, a in enumerate(cited):
            for b in cited[a_i + 1 :]:
                pair = ctx.catalogue.exclusive_pair(a.provision.id, b.provision.id)
                if pair is None:
                    continue
                yield _error(
                    "mutually_exclusive",
                    d.questions,
                    f"{a.provision.display} and {b.provision.display} cannot both apply to the "
                    f"same information: {pair.reason} Split the decision if they cover "
                    "different information, or choose one.",
                    pair.citation(),
                    f"decisions[{i}]",
                )


def rule_s36_qualified_person(ctx: Context) -> Iterator[Finding]:
    """FOIA s36(2) is engaged only "in the reasonable opinion of a qualified person" (s36(5)),
    except for statistical information (s36(4)). https://ico.org.uk/for-organisations/foi/
    freedom-of-information-and-environmental-information-regulations/section-36-prejudice-to-
    the-effective-conduct-of-public-affairs"""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            if not c.provision.qualified_person:
                continue
            if c.ref.qualified_person_opinion is None and not c.ref.statistical:
                yield _error(
                    "qualified_person_opinion_missing",
                    d.questions,
                    f"{c.provision.display} needs the reasonable opinion of the qualified person "
                    "(who gave it and when), unless the information is statistical.",
                    c.provision.citation(
                        "FOIA s36(2), (4) and (5): the qualified person's opinion"
                    ),
                    c.where,
                )


def rule_s31_purpose_needs_paragraph(ctx: Context) -> Iterator[Finding]:
    """s31(2) (FOISA s35(2)) lists purposes; it is engaged through s31(1)(g), (h) or (i)
    (FOISA s35(1)(g), (h)), which must be cited with it.
    https://legislation.gov.uk/ukpga/2000/36/section/31/enacted/data.akn"""
    heads = {
        "foia:s31(2)": ("foia:s31(1)(g)", "foia:s31(1)(h)", "foia:s31(1)(i)"),
        "foisa:s35(2)": ("foisa:s35(1)(g)", "foisa:s35(1)(h)"),
    }
    for i, d in ctx.decisions():
        ids = [c.provision.id for c in ctx.provisions_of(i)]
        for c in ctx.provisions_of(i):
            if c.provision.role is not Role.PURPOSE:
                continue
            for purpose, paragraphs in heads.items():
                if _safe_within(c.provision.id, purpose) and not any(
                    _safe_within(x, p) for x in ids for p in paragraphs
                ):
                    yield _warning(
                        "purpose_without_paragraph",
                        d.questions,
                        f"{c.provision.display} names a purpose, not an exemption: cite it with "
                        f"the paragraph it qualifies ({', '.join(paragraphs)}).",
                        c.provision.citation(),
                        c.where,
                    )


# --------------------------------------------------------------------------------------------
# Rules: harm and public interest


def rule_public_interest_test(ctx: Context) -> Iterator[Finding]:
    """A qualified exemption applies only if "in all the circumstances of the case, the public
    interest in maintaining the exemption outweighs the public interest in disclosing"
    (FOIA s2(2)(b)); a qualified NCND provision needs its own balance on the duty to confirm or
    deny (s2(1)(b)), separate from the one on disclosure (rules section 3a, trap 11). Every EIR
    exception is qualified (reg 12(1)(b)); FOISA s2(1)(b) and s18 likewise.
    https://www.legislation.gov.uk/ukpga/2000/36/section/2"""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            p = c.provision
            try:
                needed = ex.needs_public_interest_test(
                    p.id, c.ref.condition, ctx.authority_kind, catalogue=ctx.catalogue
                )
            except UnknownCondition:
                continue
            if not needed:
                continue
            kind = _required_kind(d, p)
            tests = _matching_tests(ctx, p.id)
            good = [t for _, t in tests if t.kind == kind and _has_balance(t)]
            if good:
                continue
            harm = (
                " and, as it is harm-based, evidence of harm"
                if ex.needs_harm_test(p.id, catalogue=ctx.catalogue)
                else ""
            )
            if kind == "ncnd":
                subject = (
                    f"{p.display} is a qualified NCND provision"
                    if p.is_ncnd
                    else f"{p.display} is qualified and the decision neither confirms nor denies"
                )
                what = (
                    f"{subject}: it needs a public interest test on confirming or denying (kind "
                    "'ncnd'), with factors for and against confirming or denying and a "
                    f"balance{harm}."
                )
                if any(t.kind == "disclosure" for _, t in tests):
                    what += " A test on disclosure does not cover the duty to confirm or deny."
                code = "ncnd_public_interest_test_missing"
                cit = _c(
                    "FOIA s2(1)(b): the public interest in maintaining the exclusion of the duty "
                    "to confirm or deny, considered separately",
                    f"{_FOIA}/section/2",
                )
            else:
                what = (
                    f"{p.display} ({p.name}) is a qualified exemption: the response needs a "
                    "public interest test for it, with factors for and against disclosure and a "
                    f"balance{harm}."
                )
                if any(t.kind == "ncnd" for _, t in tests):
                    what += " The test given is on confirming or denying, not on disclosure."
                elif tests:
                    what += " The test given has no factors on both sides or no balance."
                code = "public_interest_test_missing"
                cit = _c(
                    "FOIA s2(2)(b): the public interest in maintaining the exemption must outweigh "
                    "the public interest in disclosure",
                    f"{_FOIA}/section/2",
                )
                if ctx.regime is Regime.EIR:
                    cit = _c(
                        "EIR reg 12(1)(b) and (2): the public interest test, with a presumption "
                        "in favour of disclosure",
                        _EIR_REG12,
                    )
                elif ctx.regime is Regime.FOISA:
                    cit = _c("FOISA s2(1)(b): the public interest test", f"{_FOISA}/section/2")
            yield _error(code, d.questions, what, cit, c.where)


def _has_balance(t: PublicInterestTest) -> bool:
    return bool(t.factors_for and t.factors_against and (t.balance or t.conclusion))


def rule_harm_evidence(ctx: Context) -> Iterator[Finding]:
    """A prejudice-based exemption is engaged only if disclosure "would, or would be likely to"
    prejudice the interest (a causal link, "real, actual or of substance"; FOISA: "prejudice
    substantially"), s24 only if exemption is "required for the purpose of safeguarding national
    security", an EIR reg 12(5) exception only if disclosure "would adversely affect" it. The
    response must set out that harm (rules section 3b notes and section 10: "Harm test only for
    prejudice-based exemptions"). https://caselawdigest.com/summaries/first-tier-tribunal-general-
    regulatory-chamber/gary-carnell-v-the-information-commissioner"""
    for i, d in ctx.decisions():
        for c in ctx.provisions_of(i):
            p = c.provision
            if not ex.needs_harm_test(p.id, catalogue=ctx.catalogue):
                continue
            tests = _matching_tests(ctx, p.id)
            if any(t.evidence_of_harm for _, t in tests):
                continue
            try:
                pit_needed = ex.needs_public_interest_test(
                    p.id, c.ref.condition, ctx.authority_kind, catalogue=ctx.catalogue
                )
            except UnknownCondition:
                pit_needed = True
            if not tests and pit_needed:
                continue  # rule_public_interest_test already asks for the whole test
            test = {
                Regime.FOISA: "substantial prejudice",
                Regime.EIR: "the adverse effect",
                Regime.FOIA: "the prejudice (how it would, or would be likely to, arise)",
            }[ctx.regime]
            confirm = " confirming or denying" if _is_ncnd_context(d, p) else " disclosure"
            yield _error(
                "harm_evidence_missing",
                d.questions,
                f"{p.display} ({p.name}) is harm-based: set out the evidence of harm from"
                f"{confirm}, i.e. {test}.",
                p.citation(f"{p.display}: engaged only where the harm is shown"),
                c.where,
            )


def rule_absolute_stated(ctx: Context) -> Iterator[Finding]:
    """An absolute exemption needs no public interest test (FOIA s2(3); FOISA s2(2)), and police
    notices say so, e.g. "Section 40(5) is classed as absolute and there is no requirement to
    consider the public interest" (seed 190A/23; rules section 10, step 0). A notice that does
    not say it leaves the requester wondering where the PIT is (a heuristic, so a warning).
    https://www.legislation.gov.uk/ukpga/2000/36/section/2"""
    for i, d in ctx.decisions():
        if d.outcome not in REFUSALS:
            continue
        absolute = [
            c
            for c in ctx.provisions_of(i)
            if _absolute(ctx, c) and c.provision.effect is not Effect.NONE
        ]
        if not absolute:
            continue
        sentences = _sentences(d.text or "")
        for c in absolute:
            if _says_absolute(ctx, sentences, c.provision, len(absolute)):
                continue
            yield _warning(
                "absolute_not_stated",
                d.questions,
                f"{c.provision.display} is absolute, so no public interest test is needed; the "
                "decision text should say so (e.g. 'Section "
                f"{c.provision.section_number} is an absolute exemption and there is no "
                "requirement to consider the public interest').",
                _c("FOIA s2(3): provisions conferring absolute exemption", f"{_FOIA}/section/2"),
                c.where,
            )


def _absolute(ctx: Context, c: Cited) -> bool:
    try:
        return ex.is_absolute(
            c.provision.id, c.ref.condition, ctx.authority_kind, catalogue=ctx.catalogue
        )
    except UnknownCondition:
        return False


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:!?])\s+|\n+", clean_text(text)) if s.strip()]


def _says_absolute(ctx: Context, sentences: list[str], p: Provision, count: int) -> bool:
    for s in sentences:
        if not re.search(r"\babsolute\b", s, re.IGNORECASE):
            continue
        cited = catalogue_ids(s, ctx.regime)
        if not cited:
            if count == 1:
                return True
            continue
        if any(section_of(x) == section_of(p.id) for x in cited):
            return True
    return False


def rule_no_public_interest_test_for_absolute(ctx: Context) -> Iterator[Finding]:
    """An absolute provision has no public interest test (FOIA s2(3)); a PIT written for one
    suggests the provision or its condition is wrong (e.g. s40(2) under the second or third
    condition is qualified: say which). https://www.legislation.gov.uk/ukpga/2000/36/section/2"""
    cited = [(i, c) for i, _ in ctx.decisions() for c in ctx.provisions_of(i)]
    for ti, t in enumerate(ctx.response.tests):
        related = [c for _, c in cited if _safe_within(c.provision.id, t.provision)]
        if related and all(_absolute(ctx, c) for c in related):
            yield _warning(
                "public_interest_test_not_needed",
                tuple(
                    sorted(
                        {
                            n
                            for c in related
                            for n in ctx.response.decisions[c.decision_index].questions
                        }
                    )
                ),
                f"The public interest test for {related[0].provision.display} is not needed: "
                "the provision is absolute as cited. If a qualified condition applies (s40(2) "
                "second or third condition), state the condition.",
                _c("FOIA s2(3): provisions conferring absolute exemption", f"{_FOIA}/section/2"),
                f"tests[{ti}]",
            )


def rule_no_public_interest_test_for_s14(ctx: Context) -> Iterator[Finding]:
    """FOIA s14 (vexatious or repeated) is not a Part II exemption: there is no public interest test
    (rules section 4; IC v Dransfield [2012] UKUT 440 (AAC), http://www.bailii.org/uk/cases/UKUT/
    AAC/2013/440.html). A PIT in a s14 refusal suggests a misunderstanding."""
    for ti, t in enumerate(ctx.response.tests):
        if _safe_within(t.provision, "foia:s14") or _safe_within(t.provision, "foisa:s14"):
            yield _warning(
                "public_interest_test_for_s14",
                (),
                "Section 14 (vexatious or repeated requests) has no public interest test; "
                "explain instead why the request is vexatious or repeated.",
                _c(
                    "FOIA s14: no public interest test for vexatious or repeated requests",
                    _ICO_VEXATIOUS,
                ),
                f"tests[{ti}]",
            )


def rule_tests_match_decisions(ctx: Context) -> Iterator[Finding]:
    """A harm or public interest test should be for a provision the response relies on: one for
    a provision no decision cites is reasoning the notice does not use (FOIA s17(3): the reasons
    for the public interest conclusion are those for the exemption relied on; UNVERIFIED text).
    https://www.legislation.gov.uk/ukpga/2000/36/section/17"""
    cited = [c.provision.id for i, _ in ctx.decisions() for c in ctx.provisions_of(i)]
    for ti, t in enumerate(ctx.response.tests):
        if any(_safe_within(c, t.provision) or _safe_within(t.provision, c) for c in cited):
            continue
        yield _warning(
            "test_for_uncited_provision",
            (),
            f"The test for {t.provision} is not for any provision the decisions cite.",
            _c(
                "FOIA s17(3): the public interest reasons for the provision relied on",
                f"{_FOIA}/section/17",
                True,
            ),
            f"tests[{ti}]",
        )


def rule_paragraph_written_for(ctx: Context) -> Iterator[Finding]:
    """Harm and public interest reasoning must be about the provision it supports: a library
    paragraph written for another provision was probably pasted in by mistake (police HPIT: the
    factors are "per exemption", rules section 10). Same section, other subsection (e.g. a
    disclosure paragraph in an NCND test): a warning; another section entirely: an error.
    FOIA s17(1)(c) and (3): why the exemption applies, https://www.legislation.gov.uk/ukpga/2000/
    36/section/17 ; police HPIT: https://www.south-wales.police.uk/foi-ai/south-wales-police/
    disclosure-log/2025/april/foi-34625/"""
    for ti, t in enumerate(ctx.response.tests):
        for name, pi, p in t.paragraphs():
            if not p.written_for:
                continue
            if any(
                _safe_within(t.provision, w) or _safe_within(w, t.provision) for w in p.written_for
            ):
                continue
            where = f"tests[{ti}].{name}[{pi}]"
            label = f"Paragraph {p.id!r}" if p.id else "A paragraph"
            written = ", ".join(p.written_for)
            same_section = any(_section(w) == _section(t.provision) for w in p.written_for)
            cit = _c(
                "Harm and public interest test: reasoning per exemption (rules section 10)", _HPIT
            )
            if same_section:
                yield _warning(
                    "paragraph_for_other_subsection",
                    (),
                    f"{label} in the {t.kind} test for {t.provision} was "
                    f"written for {written}: check it fits this subsection (e.g. NCND rather than "
                    "disclosure).",
                    cit,
                    where,
                )
            else:
                yield _error(
                    "paragraph_for_other_provision",
                    (),
                    f"{label} in the {t.kind} test for {t.provision} was "
                    f"written for {written}, a different provision: it argues the wrong exemption.",
                    cit,
                    where,
                )


def _section(pid: str) -> str:
    try:
        return section_of(pid)
    except ValueError:
        return pid


# --------------------------------------------------------------------------------------------
# Rules: neither confirm nor deny


def rule_ncnd_available(ctx: Context) -> Iterator[Finding]:
    """NCND is possible only through a provision that excludes the duty to confirm or deny:
    none for s21 (MoJ: "for all but one of the exemptions (section 21)"), s43(3) only for
    s43(2) (no NCND for trade secrets), FOISA s18(1) only with ss28-35, 38, 39(1) or 41, EIR
    reg 12(6) only for the reg 12(5)(a) interests and reg 13(5A) for personal data (rules
    sections 3b, 6, 7; trap 10). http://www.justice.gov.uk/guidance/foi-exemptions-ncnd.htm"""
    for i, d in ctx.decisions():
        cited = ctx.provisions_of(i)
        ncnd_cited = [c for c in cited if c.provision.is_ncnd]
        others = [
            c for c in cited if not c.provision.is_ncnd and c.provision.role not in (Role.PURPOSE,)
        ]
        # An NCND provision must cover the exemptions cited alongside it: under FOIA each NCND
        # subsection those of its own section; under EIR and FOISA one of the NCND provisions
        # cited must cover each exception or exemption.
        for o in others:
            if o.provision.role is Role.COST_LIMIT:
                continue
            if ctx.regime is Regime.FOIA:
                partners = [
                    n for n in ncnd_cited if _section(n.provision.id) == _section(o.provision.id)
                ]
            else:
                partners = ncnd_cited
            if partners and not any(_covers(ctx, n.provision, o.provision) for n in partners):
                n = partners[0]
                yield _error(
                    "ncnd_provision_does_not_cover",
                    d.questions,
                    f"{n.provision.display} cannot be used for {o.provision.display} "
                    f"({o.provision.title}): {_ncnd_scope(n.provision)}",
                    n.provision.citation(),
                    n.where,
                )
        if d.outcome is not Outcome.NCND:
            if d.outcome in (Outcome.EXEMPT, Outcome.NOT_HELD, Outcome.DISCLOSED):
                for n in ncnd_cited:
                    yield _warning(
                        "ncnd_provision_in_confirming_decision",
                        d.questions,
                        f"{n.provision.display} is an NCND provision, but the decision "
                        f"'{d.outcome}' confirms whether the information is held. Cite the "
                        "exemption from disclosure instead, or make the decision NCND.",
                        n.provision.citation(),
                        n.where,
                    )
            continue
        if ctx.regime is Regime.FOISA and not any(
            _safe_within(c.provision.id, "foisa:s18") for c in cited
        ):
            yield _error(
                "ncnd_without_s18",
                d.questions,
                "Under FOISA a refusal to reveal whether information exists or is held is a s18(1) "
                "notice: cite s18(1) together with the exemption (s28-35, 38, 39(1) or 41).",
                _c("FOISA s18(1): neither confirm nor deny", _FOISA_S18),
                f"decisions[{i}]",
            )
        for o in others:
            p = o.provision
            if p.role is Role.COST_LIMIT:
                continue
            n = ex.ncnd_provision_for(p.id, catalogue=ctx.catalogue)
            if n is None:
                if ctx.regime is not Regime.FOIA and ncnd_cited:
                    continue  # reported above as not covered
                yield _error(
                    "ncnd_not_available",
                    d.questions,
                    f"{p.display} ({p.title}) has no provision excluding the duty to confirm or "
                    f"deny, so it cannot support an NCND response. {_no_ncnd_reason(p)}",
                    _c(
                        "FOIA: NCND is available for all but one exemption (s21); s43(3) covers "
                        "s43(2) only; FOISA s18(1); EIR reg 12(6) and 13(5A)",
                        _MOJ_NCND,
                    ),
                    o.where,
                )
            elif ctx.regime is Regime.FOIA and not any(
                c.provision.id == n.id or _covers(ctx, c.provision, p) for c in ncnd_cited
            ):
                yield _warning(
                    "ncnd_cites_disclosure_provision",
                    d.questions,
                    f"The decision neither confirms nor denies, but cites {p.display}, the "
                    f"exemption from disclosure. The NCND provision is {n.display}: cite it.",
                    n.citation(),
                    o.where,
                )
        if ctx.regime is Regime.EIR and not ncnd_cited:
            yield _error(
                "ncnd_not_available",
                d.questions,
                "Under the EIR, NCND is available only through reg 12(6) (for the reg 12(5)(a) "
                "interests) or reg 13(5A) (personal data); the decision cites neither.",
                _c("EIR reg 12(6) and reg 13(5A): neither confirm nor deny", _EIR_REG12, True),
                f"decisions[{i}]",
            )


def _covers(ctx: Context, ncnd: Provision, p: Provision) -> bool:
    return ex.ncnd_covers(ncnd.id, p.id, catalogue=ctx.catalogue)


def _ncnd_scope(n: Provision) -> str:
    covered = ", ".join(n.ncnd_for) or "nothing"
    return f"it excludes the duty to confirm or deny only for {covered}."


def _no_ncnd_reason(p: Provision) -> str:
    if p.id.startswith("foia:s21"):
        return "Section 21 is the only exemption without an NCND provision."
    if p.id.startswith("foia:s43(1)"):
        return "s43(3) covers only s43(2) (prejudice to commercial interests), not trade secrets."
    if p.regime is Regime.FOISA:
        return "FOISA s18(1) applies only with ss28-35, 38, 39(1) or 41."
    if p.regime is Regime.EIR:
        return (
            "EIR allows NCND only for reg 12(5)(a) interests (reg 12(6)) and personal data "
            "(reg 13(5A))."
        )
    return ""


_REVEALS = re.compile(
    r"(?<!deny that )(?<!deny whether )(?<!whether )(?<!that )\bwe (?:do )?hold\b"
    r"|\bwe do not hold\b"
    r"|\bno (?:relevant |such )?(?:information|data|records?) (?:is |are |was )?held\b"
    r"|\b(?:information|data) (?:is|was|are) not held\b|\bnot held by\b"
    r"|\bcan confirm that\b"
    r"|\bthere (?:are|were|is|was) (?:no (?:relevant |such )?(?:information|data|records?|cases?|"
    r"officers?|investigations?)\b|\d)",
    re.IGNORECASE,
)
_STRIP_FOR_DIGITS = (
    re.compile(r"https?://\S+"),
    re.compile(
        rf"(?i)\b(?:{SECTION_WORD}|{REGULATION_WORD})\s*\d+[A-Z]?"
        r"(?:\s*\([0-9A-Za-z]{1,4}\))*"
        r"(?:\s*(?:,|and|&)\s*\d+[A-Z]?(?:\s*\([0-9A-Za-z]{1,4}\))*)*"
    ),
    re.compile(r"(?i)\bquestions?\s+\d+(?:\s*(?:,|and|&|-|to)\s*\d+)*"),
    re.compile(r"\b\d+(?:\s*\([0-9A-Za-z]{1,4}\))+"),
    re.compile(r"\b(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
)


def rule_ncnd_does_not_reveal(ctx: Context) -> Iterator[Finding]:
    """An NCND answer (FOIA s1(1)(a) excluded) must not reveal whether information is held:
    "acknowledging that no information ... is held may in itself constitute information" (DCA
    s23 ch.3, http://www.dca.gov.uk/foi/guidance/exguide/sec23/chap03.htm), and NCND must be
    used consistently whether or not anything is held (rules section 10, step 6). The flags
    ``figures_given`` / ``reveals_held`` are errors; the text heuristics only warnings."""
    cit = _c(
        "NCND: saying whether information is held defeats the exclusion of the duty to confirm "
        "or deny",
        _DCA_NCND,
    )
    for i, d in ctx.decisions():
        if d.outcome is not Outcome.NCND:
            continue
        if d.figures_given:
            yield _error(
                "ncnd_gives_figures",
                d.questions,
                "The decision neither confirms nor denies, yet gives figures: figures confirm that "
                "information is held. Remove them or change the outcome.",
                cit,
                f"decisions[{i}].figures_given",
            )
        if d.reveals_held:
            yield _error(
                "ncnd_reveals_held",
                d.questions,
                "The decision neither confirms nor denies, yet says whether information is held.",
                cit,
                f"decisions[{i}].reveals_held",
            )
        text = clean_text(d.text or "")
        m = _REVEALS.search(text)
        if m:
            yield _warning(
                "ncnd_text_may_reveal",
                d.questions,
                f"The NCND text says '{m.group(0)}', which may reveal whether information is "
                "held. Check the wording.",
                cit,
                f"decisions[{i}].text",
            )
        stripped = text
        for pattern in _STRIP_FOR_DIGITS:
            stripped = pattern.sub(" ", stripped)
        digits = re.search(r"\b\d[\d,]*\b", stripped)
        if digits:
            yield _warning(
                "ncnd_text_has_figures",
                d.questions,
                f"The NCND text contains the number {digits.group(0)}, which may answer the "
                "question. Check it is not a figure from the information requested.",
                cit,
                f"decisions[{i}].text",
            )
    # A question NCND'd in one decision and answered "not held" in another gives it away.
    ncnd_q = {n for d in ctx.response.decisions if d.outcome is Outcome.NCND for n in d.questions}
    for i, d in ctx.decisions():
        if d.outcome is Outcome.NOT_HELD and ncnd_q & set(d.questions):
            yield _warning(
                "ncnd_question_also_not_held",
                tuple(sorted(ncnd_q & set(d.questions))),
                "A question answered with NCND is also answered 'not held' in another decision; "
                "together they reveal whether information is held.",
                cit,
                f"decisions[{i}]",
            )


# --------------------------------------------------------------------------------------------
# Rules: particular grounds


def _cost_decisions(ctx: Context) -> Iterator[tuple[int, Decision, list[Cited]]]:
    for i, d in ctx.decisions():
        s12 = [
            c
            for c in ctx.provisions_of(i)
            if c.provision.basis.value == "cost" and c.provision.regime is not Regime.EIR
        ]
        if s12 or (d.outcome is Outcome.COST_LIMIT and ctx.regime is not Regime.EIR):
            yield i, d, s12


_COUNTABLE = {
    Regime.FOIA: ("determining_whether_held", "locating", "retrieving", "extracting"),
    Regime.FOISA: ("locating", "retrieving", "extracting"),
}


def rule_cost_limit(ctx: Context) -> Iterator[Finding]:
    """s12 needs an estimate above the appropriate limit: £450 (police, councils: 18 hours) or
    £600 (Schedule 1 Part I: 24 hours) at £25 an hour (Fees Regs regs 3, 4(4),
    https://www.legislation.gov.uk/uksi/2004/3244/regulation/4). Only determining whether held,
    locating, retrieving and extracting count (reg 4(3)); redaction and considering exemptions
    do not (South Yorkshire Police v IC, EA/2009/0029). FOISA: £600 at no more than £15 an hour,
    and determining whether held does not count (SSI 2004/467 reg 3(2)(a)). The refusal must
    come with advice on narrowing the request (FOIA s16; FOISA s15), and should cite the Fees
    Regulations (ICO, Dec 2022)."""
    for i, d, cited in _cost_decisions(ctx):
        where = f"decisions[{i}]"
        regime = ctx.regime
        pounds, rate, hours = ex.cost_limit_hours(regime, ctx.authority_kind)
        fees = _c(
            f"Fees Regs reg 3 and 4: £{pounds:.0f} at £{rate:.0f} an hour ({hours:g} hours)",
            f"{_FEES}/regulation/4",
        )
        if regime is Regime.FOISA:
            fees = _c(
                "FOISA s12 and SSI 2004/467: £600, staff time at no more than £15 an hour; "
                "determining whether held does not count",
                _FOISA_FEES,
            )
        est = d.cost_estimate
        if est is None:
            yield _error(
                "cost_estimate_missing",
                d.questions,
                "A cost refusal needs an estimate: the hours for each activity (determining "
                "whether held, locating, retrieving, extracting) and how they were worked out.",
                _c(
                    "FOIA s12(1): the authority estimates that the cost would exceed the limit",
                    f"{_FOIA}/section/12",
                ),
                where,
            )
        else:
            countable = _COUNTABLE[Regime.FOISA if regime is Regime.FOISA else Regime.FOIA]
            counted = sum(est.get(a) for a in countable)
            if counted <= hours:
                yield _error(
                    "cost_not_above_limit",
                    d.questions,
                    f"The estimate counts {counted:g} hours of allowable work, which does not "
                    f"exceed the {hours:g}-hour limit (£{pounds:.0f} at £{rate:.0f} an hour).",
                    fees,
                    f"{where}.cost_estimate",
                )
            excluded = [a for a, h in est.hours if h > 0 and a not in countable]
            if excluded:
                names = ", ".join(a.replace("_", " ") for a in excluded)
                yield _warning(
                    "cost_counts_excluded_activity",
                    d.questions,
                    f"The estimate includes time that cannot count towards the limit ({names}). "
                    "Only determining whether the information is held, locating, retrieving and "
                    "extracting it count"
                    + (
                        " (and under FOISA not determining whether it is held)."
                        if regime is Regime.FOISA
                        else "."
                    ),
                    _c(
                        "Fees Regs reg 4(3); redaction and considering exemptions do not count "
                        "(Chief Constable of South Yorkshire Police v IC, EA/2009/0029)",
                        _SOUTH_YORKS,
                    ),
                    f"{where}.cost_estimate",
                )
            if any(_safe_within(c.provision.id, "foia:s12(2)") for c in cited):
                confirm = est.get("determining_whether_held") + est.get("locating")
                if confirm <= hours:
                    yield _warning(
                        "cost_ncnd_not_above_limit",
                        d.questions,
                        "s12(2) applies only if confirming or denying alone would exceed the "
                        f"limit, but the estimate for determining whether held and locating is "
                        f"{confirm:g} hours.",
                        _c(
                            "FOIA s12(2): the cost of complying with s1(1)(a) alone",
                            f"{_FOIA}/section/12",
                        ),
                        f"{where}.cost_estimate",
                    )
        if not (d.advice_to_narrow or "").strip():
            yield _error(
                "advice_to_narrow_missing",
                d.questions,
                "A cost refusal must come with advice and assistance: say how the request could "
                "be narrowed to fall within the limit (or why it cannot).",
                _c(
                    "FOIA s16: the duty to advise and assist (ICO decision against North East "
                    "Lincolnshire Council, 2012)"
                    if regime is not Regime.FOISA
                    else "FOISA s15: the duty to advise and assist",
                    f"{_FOIA}/section/16?view=plain"
                    if regime is not Regime.FOISA
                    else f"{_FOISA}/section/15",
                ),
                f"{where}.advice_to_narrow",
            )
        text = " ".join(filter(None, [d.text, est.basis if est else None]))
        if regime is Regime.FOIA and not re.search(
            r"fees|appropriate limit\)? regulations|2004/3244", text, re.IGNORECASE
        ):
            yield _warning(
                "fees_regulations_not_cited",
                d.questions,
                "Cite the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
                "Regulations 2004 when refusing under s12.",
                _c("ICO (Dec 2022): cite the Fees Regulations in a s12 refusal", _ICO_S17),
                f"{where}.text",
            )


def rule_s21_says_where(ctx: Context) -> Iterator[Finding]:
    """s21 (FOISA s25) applies because the information is reasonably accessible to the
    applicant otherwise; the notice states why the exemption applies (s17(1)(c)), i.e. where
    the information is. https://legislation.gov.uk/cy/ukpga/2000/36/part/II/2011-04-22?view=extent"""
    for i, d in ctx.decisions():
        uses = d.outcome is Outcome.REASONABLY_ACCESSIBLE or any(
            _safe_within(c.provision.id, s)
            for c in ctx.provisions_of(i)
            for s in ("foia:s21", "foisa:s25")
        )
        if uses and not (d.where or "").strip():
            yield _warning(
                "accessible_without_where",
                d.questions,
                "The decision relies on the information being reasonably accessible: say where "
                "(a link or the publication), so the requester can get it.",
                _c("FOIA s21 and s17(1)(c): why the exemption applies", f"{_FOIA}/section/21"),
                f"decisions[{i}].where",
            )


def rule_future_publication(ctx: Context) -> Iterator[Finding]:
    """s22: the intention to publish must exist when the request is made; the date "whether
    determined or not" (so a missing date is a warning). FOISA s27(1): publication must be
    within 12 weeks of the request (an error if the date is later). EIR reg 12(4)(d): the
    refusal names the expected completion date (reg 14(4)).
    http://www.foi.gov.uk/guidance/exguide/sec22/chap01.htm ;
    http://www.itspublicknowledge.info/Law/FOISA/FOISAPart2/Information_Intended_for_Future_Publication.asp"""
    for i, d in ctx.decisions():
        cited = [c.provision.id for c in ctx.provisions_of(i)]
        s22 = d.outcome is Outcome.FUTURE_PUBLICATION or any(
            _safe_within(x, s)
            for x in cited
            for s in ("foia:s22", "foisa:s27(1)", "eir:reg12(4)(d)")
        )
        if not s22:
            continue
        if d.publication_date is None:
            yield _warning(
                "publication_date_missing",
                d.questions,
                "Say when the information is expected to be published (or completed).",
                _c(
                    "FOIA s22(1)(a): held with a view to publication at some future date",
                    "http://www.foi.gov.uk/guidance/exguide/sec22/chap01.htm",
                ),
                f"decisions[{i}].publication_date",
            )
            continue
        if ctx.regime is Regime.FOISA and any(_safe_within(x, "foisa:s27(1)") for x in cited):
            limit = _add_weeks(ctx.response.received, 12)
            if d.publication_date > limit:
                yield _error(
                    "publication_beyond_12_weeks",
                    d.questions,
                    f"FOISA s27(1) covers only publication within 12 weeks of the request (by "
                    f"{fmt(limit)}); {fmt(d.publication_date)} is later.",
                    _c("FOISA s27(1): publication within twelve weeks", _FOISA_S27),
                    f"decisions[{i}].publication_date",
                )


def _add_weeks(day: date, weeks: int) -> date:
    return date.fromordinal(day.toordinal() + 7 * weeks)


def rule_eir_not_held(ctx: Context) -> Iterator[Finding]:
    """Under the EIR "not held" is itself an exception, reg 12(4)(a), and the refusal must say so
    (reg 14(3)). http://www.legislation.gov.uk/uksi/2004/3391/regulation/12/made?view=plain"""
    if ctx.regime is not Regime.EIR:
        return
    for i, d in ctx.decisions():
        if d.outcome is Outcome.NOT_HELD and not any(
            _safe_within(c.provision.id, "eir:reg12(4)(a)") for c in ctx.provisions_of(i)
        ):
            yield _warning(
                "eir_not_held_without_exception",
                d.questions,
                "Under the EIR, information not held is refused under reg 12(4)(a): cite it.",
                _c("EIR reg 12(4)(a) and reg 14(3)", _EIR_REG14),
                f"decisions[{i}]",
            )


# --------------------------------------------------------------------------------------------
# Rules: the notice and the clock


_REVIEW = re.compile(r"\b(?:internal )?review\b|\breconsider|\brepresentations\b", re.IGNORECASE)
#: The UK Information Commissioner (FOIA s50, EIR reg 18), not the Scottish one.
_ICO = re.compile(
    r"(?<!Scottish )\bInformation Commissioner\b|\bICO\b|ico\.org\.uk",
    re.IGNORECASE,
)
#: The Scottish Information Commissioner (FOISA s47), once any mention of the UK one is
#: taken out: "the Commissioner", as FOISA itself calls them, is theirs.
_SIC = re.compile(r"\bCommissioner\b|itspublicknowledge\.info|foi\.scot|\bSIC\b", re.IGNORECASE)


def rule_rights_paragraph(ctx: Context) -> Iterator[Finding]:
    """Every refusal notice gives the internal complaints procedure and the right to complain
    to the ICO under s50 (FOIA s17(7); statutory text UNVERIFIED, ICO s17 guidance heading [V];
    EIR reg 14(5): reg 11 representations and reg 18). FOISA s19: every notice, including "not
    held", gives the right to a review and to apply to the Scottish Information Commissioner
    (FOISA s47, http://www.legislation.gov.uk/asp/2002/13/notes/division/3/4/1?view=plain), not
    the UK Information Commissioner, whose remit is FOIA (s50) and the EIR (reg 18); a FOIA or EIR
    notice likewise names the ICO, not the Scottish Commissioner. With no refusal it is good
    practice (a warning). https://ico.org.uk/for-organisations/foi/
    freedom-of-information-and-environmental-information-regulations/section-17-refusing-a-
    request-writing-a-refusal-notice ; http://www.itspublicknowledge.info/
    ScottishPublicAuthorities/RespondingtoaRequest/InformationResponseAppendices.asp"""
    regime = ctx.regime
    refusal = any(d.outcome in REFUSALS for d in ctx.response.decisions)
    if regime is not Regime.FOIA:
        refusal = refusal or any(d.outcome is Outcome.NOT_HELD for d in ctx.response.decisions)
    if regime is Regime.FOISA:
        cit = _c(
            "FOISA s19: the notice gives the right to request a review and to apply to the "
            "Commissioner",
            _FOISA_S19,
        )
        need = (("review", _REVIEW), ("the Scottish Information Commissioner", _SIC))
    elif regime is Regime.EIR:
        cit = _c(
            "EIR reg 14(5): the right to make representations (reg 11) and the enforcement and "
            "appeal provisions (reg 18)",
            _EIR_REG14,
        )
        need = (("internal review (reg 11 representations)", _REVIEW), ("the ICO", _ICO))
    else:
        cit = _c(
            "FOIA s17(7): details of the internal complaints procedure and of the right to "
            "complain to the ICO under s50",
            _ICO_S17,
            unverified=True,
        )
        need = (("internal review", _REVIEW), ("the ICO", _ICO))
    text = (ctx.response.rights_paragraph or "").strip()
    if not text:
        msg = (
            "The response has no complaint-rights paragraph: give the internal review procedure "
            f"and the right to complain to {need[1][0]}."
        )
        if refusal:
            yield _error("rights_missing", (), msg, cit, "rights_paragraph")
        else:
            yield _warning(
                "rights_missing",
                (),
                msg + " (Good practice for every response.)",
                cit,
                "rights_paragraph",
            )
        return
    # Under FOISA the UK Information Commissioner is the wrong body: only what is left once
    # every mention of them is taken out can name the Scottish one.
    scottish = _ICO.sub(" ", text) if regime is Regime.FOISA else text
    missing = [
        name for name, pattern in need if not pattern.search(scottish if pattern is _SIC else text)
    ]
    if missing:
        msg = f"The complaint-rights paragraph does not mention {' or '.join(missing)}."
        if regime is Regime.FOISA and scottish != text and need[1][0] in missing:
            msg += (
                " It names the UK Information Commissioner (ICO), who does not decide "
                "complaints about requests under FOISA (s47)."
            )
        if refusal:
            yield _error("rights_incomplete", (), msg, cit, "rights_paragraph")
        else:
            yield _warning("rights_incomplete", (), msg, cit, "rights_paragraph")


def _deadline(ctx: Context) -> tuple[Deadline | None, list[Finding]]:
    """The statutory deadline for the response, with findings for impossible extensions."""
    r = ctx.response
    findings: list[Finding] = []
    pit_to = r.dates.pit_extension_to
    eir_ext = r.dates.eir_extension_notice_sent is not None
    try:
        return (
            compute_deadline(
                r.regime,
                r.received,
                pit_extension_to=pit_to,
                eir_extension=eir_ext,
                clarification_received=r.dates.clarification_received,
                fee_notice=r.dates.fee_notice,
                fee_paid=r.dates.fee_paid,
            ),
            findings,
        )
    except DateOutOfRange:
        raise  # no deadline can be worked out, so the response cannot be checked
    except RuleNotAvailable as exc:
        findings.append(
            _error(
                "extension_not_available",
                (),
                f"{exc}.",
                _c(
                    "FOIA s10(3) public interest extension (no FOISA or EIR equivalent)",
                    f"{_FOIA}/section/10",
                ),
                "dates.pit_extension_to" if pit_to else "dates.eir_extension_notice_sent",
            )
        )
    except ClockInputError as exc:
        findings.append(
            _error(
                "extension_invalid",
                (),
                f"{exc}.",
                _c(
                    "FOIA s10(3): the extension runs beyond the s17 notice date",
                    f"{_FOIA}/section/10",
                ),
                "dates.pit_extension_to",
            )
        )
    try:
        return compute_deadline(r.regime, r.received), findings
    except ClockInputError:
        return None, findings


def rule_pit_extension_notice(ctx: Context) -> Iterator[Finding]:
    """A public interest extension does not move the refusal notice: the s17(1) notice, with the
    s17(2) estimate of when the decision will be reached, is due by working day 20 (FOIA s10(3),
    rules T11, trap 7). http://legislation.data.gov.uk/ukpga/2000/36/section/10"""
    r = ctx.response
    deadline, findings = _deadline(ctx)
    yield from findings
    if deadline is None or deadline.due is None:
        return
    if r.dates.pit_extension_to is not None and deadline.decision_due is not None:
        sent = r.dates.pit_extension_notice_sent
        cit = _c(
            "FOIA s10(3) and s17(1)-(2): the refusal notice with the estimated decision date is "
            "still due on working day 20",
            f"{_FOIA}/section/10",
        )
        if sent is None:
            yield _error(
                "pit_extension_notice_missing",
                (),
                f"The public interest decision is extended to {fmt(r.dates.pit_extension_to)}, but "
                f"no s17 notice is recorded: it was due by {fmt(deadline.due)} (working day 20).",
                cit,
                "dates.pit_extension_notice_sent",
            )
        elif sent > deadline.due:
            yield _error(
                "pit_extension_notice_late",
                (),
                f"The s17 notice extending the public interest decision was sent on {fmt(sent)}, "
                f"after working day 20 ({fmt(deadline.due)}). The extension does not move that "
                "date.",
                cit,
                "dates.pit_extension_notice_sent",
            )
        if not _any_qualified(ctx):
            yield _warning(
                "pit_extension_without_qualified",
                (),
                "A public interest extension is only for considering the public interest in a "
                "qualified exemption, and no decision cites one.",
                _c(
                    "FOIA s10(3): the extension is for the public interest test",
                    f"{_FOIA}/section/10",
                ),
                "dates.pit_extension_to",
            )
        for w in deadline.warnings:
            yield _warning(
                "pit_extension_long",
                (),
                w[0].upper() + w[1:] + ".",
                _c(
                    "ICO: a reasonable extension is normally no more than 20 further working days",
                    "https://www.mysociety.org/2023/07/06/as-time-goes-by/",
                    True,
                ),
                "dates.pit_extension_to",
            )
    if deadline.extension_notice_due is not None:
        sent = r.dates.eir_extension_notice_sent
        if sent is not None and sent > deadline.extension_notice_due:
            yield _warning(
                "eir_extension_notice_late",
                (),
                f"The reg 7 extension notice was sent on {fmt(sent)}, after working day 20 "
                f"({fmt(deadline.extension_notice_due)}).",
                _c(
                    "EIR reg 7(3): notify the extension within 20 working days",
                    f"{_EIR}/regulation/7",
                    True,
                ),
                "dates.eir_extension_notice_sent",
            )


def _any_qualified(ctx: Context) -> bool:
    for i, _ in ctx.decisions():
        for c in ctx.provisions_of(i):
            try:
                if ex.needs_public_interest_test(
                    c.provision.id, c.ref.condition, ctx.authority_kind, catalogue=ctx.catalogue
                ):
                    return True
            except UnknownCondition:
                continue
    return False


def rule_response_on_time(ctx: Context) -> Iterator[Finding]:
    """The response is due "promptly and in any event not later than the twentieth working day
    following the date of receipt" (FOIA s10(1); EIR reg 5(2), 40 days with a reg 7 extension;
    FOISA s10(1)); under a s10(3) extension the decision is due by the extended date. A response
    sent later, or still unsent after the date (``today``), is late.
    http://legislation.data.gov.uk/ukpga/2000/36/section/10"""
    r = ctx.response
    deadline, _ = _deadline(ctx)
    if deadline is None or deadline.due is None:
        return
    final = deadline.decision_due or deadline.due
    rule = {
        Regime.FOIA: _c(
            "FOIA s10(1): the 20th working day following the date of receipt", f"{_FOIA}/section/10"
        ),
        Regime.EIR: _c(
            "EIR reg 5(2): no later than 20 working days after receipt", f"{_EIR}/regulation/5"
        ),
        Regime.FOISA: _c(
            "FOISA s10(1): not later than the 20th working day after receipt",
            f"{_FOISA}/section/10",
        ),
    }[r.regime]
    if r.dates.received is not None and r.dates.received != r.request.received:
        yield _warning(
            "received_dates_differ",
            (),
            f"dates.received ({fmt(r.dates.received)}) differs from request.received "
            f"({fmt(r.request.received)}); the clock uses dates.received.",
            rule,
            "dates.received",
        )
    if r.dates.due is not None and r.dates.due != final:
        yield _warning(
            "due_date_differs",
            (),
            f"The recorded due date {fmt(r.dates.due)} is not the statutory one, {fmt(final)} "
            f"(received {fmt(r.received)}; calendar {deadline.calendar_version}).",
            rule,
            "dates.due",
        )
    sent = r.dates.sent
    if sent is not None:
        if sent > final:
            yield _error(
                "response_late",
                (),
                f"The response was sent on {fmt(sent)}, after it was due on {fmt(final)}.",
                rule,
                "dates.sent",
            )
    elif ctx.today > final:
        yield _error(
            "response_overdue",
            (),
            f"The response was due on {fmt(final)} and has not been sent (today is "
            f"{fmt(ctx.today)}).",
            rule,
            "dates.sent",
        )


RULES: tuple[Callable[[Context], Iterator[Finding]], ...] = (
    rule_every_question_has_outcome,
    rule_refusal_cites_provision,
    rule_provisions_known,
    rule_outcome_matches_provision,
    rule_regime_matches,
    rule_conditions,
    rule_authority_may_use,
    rule_mutually_exclusive,
    rule_s36_qualified_person,
    rule_s31_purpose_needs_paragraph,
    rule_public_interest_test,
    rule_harm_evidence,
    rule_absolute_stated,
    rule_no_public_interest_test_for_absolute,
    rule_no_public_interest_test_for_s14,
    rule_tests_match_decisions,
    rule_paragraph_written_for,
    rule_ncnd_available,
    rule_ncnd_does_not_reveal,
    rule_cost_limit,
    rule_s21_says_where,
    rule_future_publication,
    rule_eir_not_held,
    rule_rights_paragraph,
    rule_pit_extension_notice,
    rule_response_on_time,
)


def today_in_uk() -> date:
    """Today's date in the UK (the statutory clock runs on UK days)."""
    return datetime.now(tz=_LONDON).date()


def check_response(
    response: Response,
    *,
    today: date | None = None,
    authority_kind: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """Check ``response`` against every rule; errors first, then warnings, each in rule order.

    ``today`` (default: today in the UK) decides whether an unsent response is overdue;
    ``authority_kind`` overrides ``response.authority.kind`` (e.g. ``"police"``).

    Raises ``DateOutOfRange`` when the statutory deadline cannot be worked out because the
    count of working days runs outside the years whose bank holidays are known (a request
    received in late December 2100); ``load_response`` already refuses a date outside them.
    """
    ctx = Context(
        response=response,
        catalogue=catalogue if catalogue is not None else ex.default_catalogue(),
        authority_kind=authority_kind or response.authority.kind,
        today=today or today_in_uk(),
    )
    _resolve(ctx)
    findings = [f for rule in RULES for f in rule(ctx)]
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


__all__ = [
    "RULES",
    "Context",
    "Finding",
    "Severity",
    "check_response",
    "findings_as_dict",
    "has_errors",
    "today_in_uk",
]
