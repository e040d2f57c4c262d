"""The exemption catalogue: every provision an authority can rely on, and what it demands.

The data is ``data/exemptions.json`` (versioned: ``CATALOGUE_VERSION``); this module loads it
and answers the questions a refusal turns on:

``get_provision(id)``
    The catalogue entry (``foia:s31(1)(a)``, ``eir:reg12(5)(b)``, ``foisa:s35(1)(a)``). Deeper
    citations than the catalogue lists resolve to the entry that contains them
    (``foia:s30(2)(a)(i)`` -> ``foia:s30(2)(a)``); an id under an entry that *does* list its
    paragraphs (``foia:s31(1)(z)``) is unknown.
``provisions_for(regime)``, ``ncnd_provision_for(id)``, ``ncnd_covers(ncnd_id, id)``
``is_absolute(id, condition=None, authority_kind=None)``
    FOIA s2(3) (https://www.legislation.gov.uk/ukpga/2000/36/section/2), FOISA s2(2)
    (https://www.legislation.gov.uk/asp/2002/13/section/2); EIR has no absolute exceptions
    (reg 12(1)(b), https://www.legislation.gov.uk/uksi/2004/3391/regulation/12) except that
    personal data under the first condition carries no PIT (reg 13).
``needs_public_interest_test(id, condition=None, authority_kind=None)``, ``needs_harm_test(id)``
``may_use(id, authority_kind)``, ``mutually_exclusive(a, b)``, ``explanatory_notes(id, kind)``

How the law is modelled (rules file sections 3a, 3b, 4, 6, 7, 9):

- ``effect``: ``absolute``, ``qualified``, ``conditional`` (it depends on a named condition the
  response states: FOIA s40(2) and EIR reg 13(1) and FOISA s38(1)(b) are absolute under the
  *first* condition, the default, qualified under the second and third; s37(2) is absolute only
  so far as it relates to s37(1)(a)-(ab)), ``varies`` (a bare section whose subsections differ,
  e.g. ``foia:s40``) or ``none`` (s12 and s14 are not exemptions and have no PIT).
  s36 is qualified but ``absolute_for`` the Houses of Parliament.
- ``basis``: ``class``, ``prejudice`` ("would, or would be likely to"; under FOISA "substantial
  prejudice"), ``necessity`` (s24 and FOISA s31(1) "required for the purpose of safeguarding
  national security", argued with evidence of harm like prejudice), ``adverse_effect`` (EIR
  reg 12(5) "would adversely affect"), ``cost``, ``vexatious``, or ``varies``.
- ``ncnd``: the provision that excludes the duty to confirm or deny, if any. s21 has none;
  s43(3) covers only s43(2); FOISA s18(1) only ss28-35, 38, 39(1) and 41; EIR reg 12(6) only
  the reg 12(5)(a) interests and reg 13(5A) personal data. NCND entries list ``ncnd_for``.
- ``available_to``: s35 only government departments and the Welsh Government; s33 (and FOISA
  s40) only authorities with audit functions; FOISA s29 only the Scottish Administration.
- ``qualified_person``: s36 needs a qualified person's reasonable opinion (s36(5)), except
  for statistical information (s36(4)).
- ``status``: the rules file's tag (``V``, ``S``, ``D``, ``UNVERIFIED``); a rule that relies on
  an UNVERIFIED entry says so in its citation.

Caching: the bundled catalogue is read once into an explicit ``lru_cache`` that
``clear_catalogue_cache()`` empties; ``load_catalogue(path)`` reads another file afresh.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from foidesk.law.provisions import (
    CitationError,
    ancestors,
    display,
    is_within,
    parse_catalogue_id,
)
from foidesk.law.regimes import Citation, Regime

#: The version of the bundled ``data/exemptions.json``; stored with every check so a finding can
#: be traced to the catalogue that produced it.
CATALOGUE_VERSION = "2026.1"

#: College of Policing APP page that police notices link for the exemptions' explanatory notes.
POLICE_EXPLANATORY_NOTES_URL = (
    "https://www.app.college.police.uk/app-content/information-management/freedom-of-information/"
    "#freedom-of-information-exemptions"
)


class Role(StrEnum):
    """What a provision does in a response."""

    EXEMPTION = "exemption"  # FOIA Part II / FOISA Part 2
    EXCEPTION = "exception"  # EIR reg 12 / 13
    NCND = "ncnd"  # excludes the duty to confirm or deny
    COST_LIMIT = "cost_limit"  # FOIA s12(1), FOISA s12(1)
    VEXATIOUS = "vexatious"  # s14(1)
    REPEATED = "repeated"  # s14(2)
    PURPOSE = "purpose"  # s31(2), FOISA s35(2): qualifies another paragraph
    SECTION = "section"  # a bare section whose subsections do different things


class Effect(StrEnum):
    """Whether the public interest test applies (FOIA s2, FOISA s2, EIR reg 12(1)(b))."""

    ABSOLUTE = "absolute"
    QUALIFIED = "qualified"
    CONDITIONAL = "conditional"
    VARIES = "varies"
    NONE = "none"


class Basis(StrEnum):
    """How the provision is engaged."""

    CLASS = "class"
    PREJUDICE = "prejudice"
    NECESSITY = "necessity"
    ADVERSE_EFFECT = "adverse_effect"
    COST = "cost"
    VEXATIOUS = "vexatious"
    VARIES = "varies"


class Status(StrEnum):
    """The rules file's status tag for the fact the entry rests on."""

    VERIFIED = "V"
    SECONDARY = "S"
    DERIVED = "D"
    UNVERIFIED = "UNVERIFIED"


class AuthorityKind(StrEnum):
    """The kinds of authority the catalogue's limits are stated in."""

    POLICE = "police"
    GOVERNMENT_DEPARTMENT = "government_department"
    WELSH_GOVERNMENT = "welsh_government"
    SCOTTISH_ADMINISTRATION = "scottish_administration"
    HOUSES_OF_PARLIAMENT = "houses_of_parliament"
    LOCAL_AUTHORITY = "local_authority"
    AUDIT_BODY = "audit_body"
    OTHER = "other"


class UnknownProvision(KeyError):
    """An id the catalogue does not list (``str()`` is a plain explanation)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown provision"


class UnknownCondition(ValueError):
    """A condition the provision does not have (e.g. ``"fourth"`` for s40(2))."""


_HARM_BASES = frozenset({Basis.PREJUDICE, Basis.NECESSITY, Basis.ADVERSE_EFFECT})
_INHERITED = (
    "name",
    "role",
    "effect",
    "basis",
    "ncnd",
    "status",
    "source",
    "available_to",
    "absolute_for",
    "qualified_person",
)


@dataclass(frozen=True, slots=True)
class Condition:
    """A named condition of a conditional provision (e.g. s40(2) ``first``: s40(3A))."""

    name: str
    absolute: bool
    description: str


@dataclass(frozen=True, slots=True)
class Provision:
    """One catalogue entry, with everything inherited from the entries that contain it resolved.

    ``id`` is the catalogue id; ``name`` the section's short name ("Law enforcement"); ``title``
    what this subsection or paragraph covers. See the module docstring for the other fields.
    """

    id: str
    regime: Regime
    name: str
    title: str
    role: Role
    effect: Effect
    basis: Basis
    status: Status
    source: str
    ncnd: str | None = None
    ncnd_for: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()
    default_condition: str | None = None
    absolute_for: frozenset[str] = frozenset()
    available_to: frozenset[str] | None = None
    qualified_person: bool = False
    public_interest_test: bool | None = None
    emissions_override: bool = False
    group: bool = False
    notes: str = ""
    own_status: Status | None = field(default=None, compare=False)

    @property
    def display(self) -> str:
        """``FOIA s31(1)(a)``, ``EIR reg 12(5)(b)``."""
        return display(self.id)

    @property
    def label(self) -> str:
        """``FOIA s31(1)(a) (Law enforcement: The prevention or detection of crime)``."""
        detail = (
            f"{self.name}: {self.title}" if self.title and self.title != self.name else self.name
        )
        return f"{self.display} ({detail})"

    @property
    def is_ncnd(self) -> bool:
        return self.role is Role.NCND

    @property
    def unverified(self) -> bool:
        return self.status is Status.UNVERIFIED

    @property
    def section_number(self) -> str:
        return parse_catalogue_id(self.id)[1].number

    @property
    def legislation_url(self) -> str:
        """The section or regulation on legislation.gov.uk (explanatory notes link from there)."""
        part = "regulation" if self.regime is Regime.EIR else "section"
        return f"{self.regime.url}/{part}/{self.section_number}"

    def condition(self, name: str | None = None) -> Condition | None:
        """The named condition, or the default one; ``None`` for unconditional provisions."""
        if not self.conditions:
            if name is not None:
                raise UnknownCondition(f"{self.display} has no conditions (got {name!r})")
            return None
        wanted = name or self.default_condition
        for c in self.conditions:
            if c.name == wanted:
                return c
        names = ", ".join(c.name for c in self.conditions)
        raise UnknownCondition(f"{self.display} has no condition {wanted!r} (one of: {names})")

    def citation(self, text: str | None = None) -> Citation:
        """A ``Citation`` for this provision, flagged unverified where the rules file says so."""
        return Citation(
            text or self.label,
            self.source or self.legislation_url,
            unverified=self.unverified,
        )


@dataclass(frozen=True, slots=True)
class ExclusivePair:
    """Two provisions that cannot both cover the same information."""

    a: str
    b: str
    reason: str
    source: str
    status: Status

    def citation(self) -> Citation:
        return Citation(
            f"{display(self.a)} / {display(self.b)}: {self.reason}",
            self.source,
            unverified=self.status is Status.UNVERIFIED,
        )


@dataclass(frozen=True)
class Catalogue:
    """A loaded catalogue: the resolved provisions, in statute order, and the exclusive pairs."""

    version: str
    provisions: Mapping[str, Provision]
    exclusive: tuple[ExclusivePair, ...]
    police_explanatory_notes: str = POLICE_EXPLANATORY_NOTES_URL

    def get(self, provision_id: str) -> Provision:
        """The entry for ``provision_id``, or the listed entry that contains it (see module doc)."""
        try:
            # (One level below the deepest entry, for the message naming what is not listed.)
            chain = ancestors(provision_id, deepest=self._depth + 1)
        except CitationError as exc:
            raise UnknownProvision(str(exc)) from None
        for depth, candidate in enumerate(chain):
            found = self.provisions.get(candidate)
            if found is None:
                continue
            if depth == 0:
                return found
            # Fall back only where the catalogue does not list that level at all.
            child = chain[depth - 1]
            if self._has_children(candidate):
                raise UnknownProvision(
                    f"{display(provision_id)} is not in the exemption catalogue: "
                    f"{display(candidate)} has no {display(child)[len(display(candidate)) :]}"
                )
            return found
        raise UnknownProvision(f"{provision_id} is not in the exemption catalogue")

    @cached_property
    def _depth(self) -> int:
        """How many brackets deep the deepest listed provision is."""
        return max((pid.count("(") for pid in self.provisions), default=0)

    def _has_children(self, provision_id: str) -> bool:
        prefix = provision_id + "("
        return any(k.startswith(prefix) for k in self.provisions)

    def for_regime(self, regime: Regime | str) -> tuple[Provision, ...]:
        r = Regime(regime)
        return tuple(p for p in self.provisions.values() if p.regime is r)

    def exclusive_pair(self, a: str, b: str) -> ExclusivePair | None:
        for pair in self.exclusive:
            if (is_within(a, pair.a) and is_within(b, pair.b)) or (
                is_within(a, pair.b) and is_within(b, pair.a)
            ):
                return pair
        return None


def _resolve(raw: list[Mapping[str, Any]]) -> dict[str, Provision]:
    by_id: dict[str, Mapping[str, Any]] = {}
    for entry in raw:
        pid = entry["id"]
        if pid in by_id:
            raise ValueError(f"exemption catalogue lists {pid} twice")
        parse_catalogue_id(pid)
        by_id[pid] = entry
    out: dict[str, Provision] = {}
    for pid, entry in by_id.items():
        merged: dict[str, Any] = {}
        for anc in reversed(ancestors(pid)):  # the section first, this entry last
            parent = by_id.get(anc)
            if parent is None:
                continue
            fields = _INHERITED if anc != pid else tuple(parent)
            merged.update({k: parent[k] for k in fields if k in parent})
        missing = [k for k in ("name", "role", "effect", "basis", "status") if k not in merged]
        if missing:
            raise ValueError(f"exemption catalogue entry {pid} lacks {', '.join(missing)}")
        role = Role(merged["role"])
        conditions = tuple(
            Condition(name, bool(c["absolute"]), str(c["description"]))
            for name, c in (merged.get("conditions") or {}).items()
        )
        default = merged.get("default_condition")
        if conditions and default not in {c.name for c in conditions}:
            raise ValueError(f"exemption catalogue entry {pid}: bad default_condition {default!r}")
        available = merged.get("available_to")
        out[pid] = Provision(
            id=pid,
            regime=parse_catalogue_id(pid)[0],
            name=str(merged["name"]),
            title=str(entry.get("title", merged["name"])),
            role=role,
            effect=Effect(merged["effect"]),
            basis=Basis(merged["basis"]),
            status=Status(merged["status"]),
            source=str(merged.get("source", "")),
            ncnd=None if role is Role.NCND else merged.get("ncnd"),
            ncnd_for=tuple(entry.get("ncnd_for", ())),
            conditions=conditions,
            default_condition=default,
            absolute_for=frozenset(merged.get("absolute_for") or ()),
            available_to=None if available is None else frozenset(available),
            qualified_person=bool(merged.get("qualified_person", False)),
            public_interest_test=entry.get("public_interest_test"),
            emissions_override=bool(entry.get("emissions_override", False)),
            group=bool(entry.get("group", False)),
            notes=str(entry.get("notes", "")),
            own_status=Status(entry["status"]) if "status" in entry else None,
        )
    for p in out.values():
        for ref in (p.ncnd, *p.ncnd_for):
            if ref is not None and ref not in out:
                raise ValueError(f"exemption catalogue entry {p.id} refers to unknown {ref}")
    return out


def catalogue_from_dict(data: Mapping[str, Any]) -> Catalogue:
    """Build a ``Catalogue`` from the JSON structure of ``data/exemptions.json``."""
    version = str(data.get("version", "")).strip()
    if not version:
        raise ValueError("an exemption catalogue needs a non-empty 'version'")
    provisions = _resolve(list(data.get("provisions", ())))
    pairs = tuple(
        ExclusivePair(
            a=str(p["a"]),
            b=str(p["b"]),
            reason=str(p["reason"]),
            source=str(p["source"]),
            status=Status(p.get("status", "V")),
        )
        for p in data.get("mutually_exclusive", ())
    )
    for pair in pairs:
        for pid in (pair.a, pair.b):
            if pid not in provisions:
                raise ValueError(f"mutually exclusive pair refers to unknown {pid}")
    return Catalogue(
        version=version,
        provisions=provisions,
        exclusive=pairs,
        police_explanatory_notes=str(
            data.get("police_explanatory_notes", POLICE_EXPLANATORY_NOTES_URL)
        ),
    )


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read a catalogue file afresh (default: the bundled ``data/exemptions.json``)."""
    if path is None:
        text = resources.files("foidesk.law").joinpath("data/exemptions.json").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return catalogue_from_dict(json.loads(text))


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The bundled catalogue, read once (``clear_catalogue_cache()`` forgets it)."""
    catalogue = load_catalogue()
    if catalogue.version != CATALOGUE_VERSION:
        raise RuntimeError(
            f"data/exemptions.json is version {catalogue.version}, but CATALOGUE_VERSION is "
            f"{CATALOGUE_VERSION}: update both together"
        )
    return catalogue


def clear_catalogue_cache() -> None:
    default_catalogue.cache_clear()


def _cat(catalogue: Catalogue | None) -> Catalogue:
    return catalogue if catalogue is not None else default_catalogue()


# --------------------------------------------------------------------------------------------
# Look-ups


def get_provision(provision_id: str, *, catalogue: Catalogue | None = None) -> Provision:
    """The catalogue entry for ``provision_id`` (raises ``UnknownProvision``)."""
    return _cat(catalogue).get(provision_id)


def provisions_for(
    regime: Regime | str, *, role: Role | str | None = None, catalogue: Catalogue | None = None
) -> tuple[Provision, ...]:
    """Every entry of one regime, in statute order, optionally only those with ``role``."""
    found = _cat(catalogue).for_regime(regime)
    if role is not None:
        wanted = Role(role)
        found = tuple(p for p in found if p.role is wanted)
    return found


def ncnd_provision_for(
    provision_id: str, *, catalogue: Catalogue | None = None
) -> Provision | None:
    """The provision that excludes the duty to confirm or deny for ``provision_id``.

    ``None`` where there is none: FOIA s21 (the only exemption without one; MoJ,
    http://www.justice.gov.uk/guidance/foi-exemptions-ncnd.htm), s43(1) trade secrets (s43(3)
    covers only s43(2)), FOISA ss25-27, 36, 37, 40 and 39(2) (s18(1),
    https://www.legislation.gov.uk/asp/2002/13/section/18), EIR exceptions other than reg
    12(5)(a) (reg 12(6)) and reg 13 (reg 13(5A)). An NCND provision is its own answer.
    """
    cat = _cat(catalogue)
    p = cat.get(provision_id)
    if p.is_ncnd:
        return p
    return cat.provisions[p.ncnd] if p.ncnd else None


def ncnd_covers(ncnd_id: str, provision_id: str, *, catalogue: Catalogue | None = None) -> bool:
    """True when NCND provision ``ncnd_id`` may be used for information within ``provision_id``."""
    cat = _cat(catalogue)
    n = cat.get(ncnd_id)
    if not n.is_ncnd:
        return False
    target = cat.get(provision_id)
    # A bare section (``foia:s31``) is covered when its own NCND provision is this one.
    return target.ncnd == n.id or any(is_within(target.id, covered) for covered in n.ncnd_for)


def is_absolute(
    provision_id: str,
    condition: str | None = None,
    authority_kind: str | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> bool:
    """True when the public interest test does not apply because the provision is absolute.

    ``condition`` matters for conditional provisions (s40(2): ``first`` (default, absolute),
    ``second``, ``third``); ``authority_kind`` for s36 (absolute only for the Houses of
    Parliament). ``varies`` (a bare section with mixed subsections) and ``none`` (s12, s14) are
    not absolute.
    """
    p = _cat(catalogue).get(provision_id)
    p.condition(condition)  # raises UnknownCondition for a condition the provision lacks
    if p.effect is Effect.ABSOLUTE:
        return True
    if p.effect is Effect.QUALIFIED:
        return authority_kind is not None and authority_kind in p.absolute_for
    if p.effect is Effect.CONDITIONAL:
        c = p.condition(condition)
        return bool(c and c.absolute)
    return False


def needs_public_interest_test(
    provision_id: str,
    condition: str | None = None,
    authority_kind: str | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> bool:
    """True when relying on the provision needs a public interest test (FOIA s2(1)/(2)).

    Qualified exemptions and qualified NCND provisions (a separate PIT for NCND, s2(1)); every
    EIR exception (reg 12(1)(b)) except where nothing is held (reg 12(4)(a), see its note);
    FOISA s18 NCND ("contrary to the public interest"). Not s12 or s14 (not exemptions; no
    PIT), not absolute provisions, not s31(2) purposes (the PIT is on s31(1)(g)-(i)), and not
    a bare section whose subsections differ (cite the subsection).
    """
    p = _cat(catalogue).get(provision_id)
    if p.public_interest_test is not None:
        return p.public_interest_test
    if p.role is Role.PURPOSE or p.effect in (Effect.NONE, Effect.VARIES):
        return False
    return not is_absolute(provision_id, condition, authority_kind, catalogue=catalogue)


def needs_harm_test(provision_id: str, *, catalogue: Catalogue | None = None) -> bool:
    """True when the provision is engaged only by showing harm: evidence of harm is needed.

    Prejudice-based exemptions ("would, or would be likely to, prejudice"; FOISA "prejudice
    substantially"), the s24 / FOISA s31(1) necessity test, EIR reg 12(5) "would adversely
    affect". Class-based ones (s30, s42, s23 ...) engage by the type of information (rules
    section 10: "Harm test only for prejudice-based exemptions").
    """
    p = _cat(catalogue).get(provision_id)
    return p.basis in _HARM_BASES and p.role is not Role.PURPOSE


def may_use(
    provision_id: str, authority_kind: str | None, *, catalogue: Catalogue | None = None
) -> bool:
    """False when the provision is reserved to other kinds of authority (s35, s33, FOISA s29)."""
    p = _cat(catalogue).get(provision_id)
    if p.available_to is None:
        return True
    return authority_kind in p.available_to


def mutually_exclusive(
    a: str, b: str, *, catalogue: Catalogue | None = None
) -> ExclusivePair | None:
    """The rule that stops ``a`` and ``b`` covering the same information, if there is one.

    s23(1)/s24(1) (DCA s23 ch.4; ICO LTT53), s30/s31 (s31(1): "information which is not exempt
    information by virtue of section 30"), s35/s36 (s36 applies only where s35 does not). The
    NCND provisions are not exclusive: s23(5) with s24(2) is the standard police citation, and
    s30(3) with s31(3) is cited in the alternative (seed 190A/23).
    """
    return _cat(catalogue).exclusive_pair(a, b)


def explanatory_notes(
    provision_id: str, authority_kind: str | None = None, *, catalogue: Catalogue | None = None
) -> tuple[str, ...]:
    """Links for the notice: legislation.gov.uk, plus the College of Policing APP for police."""
    cat = _cat(catalogue)
    p = cat.get(provision_id)
    links = [p.legislation_url]
    if authority_kind == AuthorityKind.POLICE:
        links.append(cat.police_explanatory_notes)
    return tuple(links)


def cost_limit_hours(
    regime: Regime | str, authority_kind: str | None
) -> tuple[float, float, float]:
    """(limit in pounds, hourly rate, hours) for a s12 estimate.

    FOIA Fees Regs reg 3: £600 for Schedule 1 Part I bodies (government departments, the
    legislatures; the Welsh Ministers are taken to be Part I, UNVERIFIED), £450 for every other
    authority including police forces; reg 4(4): £25 an hour
    (https://www.legislation.gov.uk/uksi/2004/3244/regulation/4). FOISA: £600 for all, staff
    time at no more than £15 an hour (SSI 2004/467,
    https://www.legislation.gov.uk/ssi/2004/467). EIR has no cost limit (reg 12(4)(b)).
    """
    r = Regime(regime)
    if r is Regime.FOISA:
        return 600.0, 15.0, 40.0
    if authority_kind in {
        AuthorityKind.GOVERNMENT_DEPARTMENT,
        AuthorityKind.WELSH_GOVERNMENT,
        AuthorityKind.HOUSES_OF_PARLIAMENT,
    }:
        return 600.0, 25.0, 24.0
    return 450.0, 25.0, 18.0


def sorted_ids(ids: Iterable[str]) -> list[str]:
    """Catalogue ids in statute order (regime, then section, subsection, paragraph)."""
    order = {Regime.FOIA: 0, Regime.EIR: 1, Regime.FOISA: 2}

    def key(pid: str) -> tuple[object, ...]:
        regime, cite = parse_catalogue_id(pid)
        return (order[regime], cite.sort_key())

    return sorted(ids, key=key)


__all__ = [
    "CATALOGUE_VERSION",
    "POLICE_EXPLANATORY_NOTES_URL",
    "AuthorityKind",
    "Basis",
    "Catalogue",
    "Condition",
    "Effect",
    "ExclusivePair",
    "Provision",
    "Role",
    "Status",
    "UnknownCondition",
    "UnknownProvision",
    "catalogue_from_dict",
    "clear_catalogue_cache",
    "cost_limit_hours",
    "default_catalogue",
    "explanatory_notes",
    "get_provision",
    "is_absolute",
    "load_catalogue",
    "may_use",
    "mutually_exclusive",
    "ncnd_covers",
    "ncnd_provision_for",
    "needs_harm_test",
    "needs_public_interest_test",
    "provisions_for",
    "sorted_ids",
]
