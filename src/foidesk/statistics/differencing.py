"""Disclosure control across tables: what tables released together give away.

Each table is suppressed on its own (:mod:`foidesk.statistics.suppression`), but two tables
counted from the same records can together reveal what one of them withholds. A table by
financial year shows 2019/20 as 8 while a table by year and by officer or staff withholds that
row's total: the 8 is the same count over the same records. Or the row's total is shown in one
and the row's cells, withheld in the other, are worked out from it by subtraction. Or the same
table with a slightly different filter (all cases, all cases but one category) differences out
a small count. Checking each table alone cannot see any of this. Neither
shared/law/UK-FOI-RULES.md nor DESIGN.md cites a source for disclosure control across tables
(ONS or GSS guidance), so this check is the service's own rule: the tables saved for one
request from the same snapshot of a data set are checked together (the Django side:
``services.table_save``).

The model: every figure of every table is a sum over *atoms*, the cells of the finest
cross-classification of all the tables' filters and dimensions. A column's values fall into
classes (which filter each value passes, which row or column label it gets, table by table),
and an atom is one combination of classes across the columns the tables use; its figure in
each table is then fixed. Combinations no record has are kept as atoms (with a true count of
0): a reader knows the definitions, not which combinations are empty. Classes of values that
no record has (a year with no cases) are not considered, which can only make the check
stricter (the reader is taken to know more, not less).

A withheld figure counts as *given away* when, from every table's shown figures:

- it is a linear combination of them (addition and subtraction along shared dimensions,
  including the plain case of the same count shown elsewhere): exact elimination over the
  rationals, the joint form of the exact audit in ``suppression``; or
- its possible values, narrowed by the range each withheld figure is known to lie in (``<5``
  is 1 to 4, ``*`` is 0 or at least 5; ``suppression.withheld_range``) and by every shown
  figure's sum, come down to one value: bounds propagation over the atoms. This is sound but
  not complete (an exact answer needs integer programming).

Only what the tables give away *together* is reported: what a table gives away alone is the
business of its own suppression, and a figure already given away by the earlier tables is not
blamed on the new one. :func:`protect` then withholds more figures in the *new* table until
nothing is given away (the earlier tables may already have gone out), or says it cannot.

Limits, by design:

- Tables must be counted from the same records (the same snapshot of a data set). Tables over
  another version of the data set are not compared: rows are not identified across versions.
- For distinct counts (people, cases) figures are not sums, so only the plain case is checked:
  the same records counted in two tables of the same measure, withheld in one and shown in the
  other.
- A table with rounding shows ranges, not figures; they narrow the ranges but are not used as
  equations.
- Where the policy has no secondary suppression the authority accepts that withheld figures
  can be worked out from totals, so the tables are not checked together either.
- A figure withheld only to protect others (secondary) may be given away: what matters is
  whether a small count then can be, and that is checked directly. Counts of records that are
  no figure are looked for as atoms and as one shown figure less another nested in it, not as
  every union of atoms.
- The check runs during the officer's Save or Attach, so its work is bounded: ``MAX_STEPS``
  steps (an atom visited, an entry of an equation touched; a trial suppression in
  :func:`protect` counted from its size) for the whole of :func:`given_away` or
  :func:`protect`, about 3 seconds on the 2-core machine. Past it the check stops with
  :class:`TooLargeToCheck`, which the service turns into a form error: the table is refused,
  never released unchecked, since a check skipped could give a small count away. Counting
  steps rather than time gives the same answer for the same tables on any machine.

How it is kept within that bound for tables up to the limits of ``tabulate`` (500 rows, 500
columns, 5,000 figures; ``bench/bench_differencing.py``, figures in docs/performance.md): the
elimination is over the integers (rows kept with coprime entries), not fractions; atoms are
numbered by the figures they are counted in, so that the atoms of one cell and one row are
neighbours, and the short equations (cells) are taken before the long ones (totals), so that
totals are reduced by cells and not cells by totals; each target is then reduced on its own,
stopping at the first atom that is no pivot, and one holding an atom that no shown figure
counts is not reduced at all. Bounds propagation looks again only at figures one of whose
atoms has narrowed. Pairs of nested figures are found through the atoms they share, and each
set of tables is checked once per call. Two tables of 500 by 10 over different dimensions
(about 50,000 atoms) are checked together in about 2 seconds; what makes such a pair refused
is the search for further figures to withhold, each trial a suppression of the whole table.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from foidesk.statistics.definition import MeasureKind, Schema
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import (
    Entry,
    Position,
    Ranges,
    SuppressedTable,
    SuppressionKind,
    _intersect,
    _single,
    shown_range,
    suppress,
    withheld_range,
)
from foidesk.statistics.tabulate import DataError, Table, _filter_predicate, _labeller
from foidesk.statistics.values import normaliser

#: Above this many combinations of classes, atoms are only those some record has (stricter).
MAX_ATOMS = 20_000
#: Rounds of bounds propagation before giving up on narrowing further.
_MAX_ROUNDS = 50
#: Figures tried one at a time when looking for extra figures to withhold in a new table.
_MAX_TRIES = 60
#: The work one check (``given_away`` or ``protect``) may do, in steps (an atom visited, an
#: entry of an equation touched): about 5 million a second on the 2-core machine, so about 3
#: seconds (docs/performance.md, "Tables released together").
MAX_STEPS = 15_000_000
#: What suppressing a trial of the new table in :func:`protect` is counted as, in steps per
#: figure for each figure withheld (its exact audit), plus a base of ``_SUPPRESS_BASE``
#: withheld: measured against ``suppress`` on tables of 100 to 5,000 figures.
_SUPPRESS_STEPS = 2
_SUPPRESS_BASE = 10


class TooLargeToCheck(DataError):
    """The tables are too large to be checked together within the time a page allows
    (``MAX_STEPS``). Nothing is known about what they give away, so the table must not be
    released with the others as it is: the message says so, and what to do, for the officer.
    ``disclosures`` are those already found, if any."""

    def __init__(self, disclosures: Sequence[Disclosure] = ()) -> None:
        self.disclosures = tuple(disclosures)
        found = (
            "They give away small counts ("
            + " ".join(d.in_words() for d in self.disclosures)
            + "), and finding further figures to withhold that stop it would take too long. "
            if self.disclosures
            else ""
        )
        super().__init__(
            "This table and the tables already saved for this request from the same data are "
            "too large to check together, in the time a page allows, for small counts they "
            f"would give away together, so it cannot be attached. {found}Make this table "
            "smaller (fewer rows or columns, categories merged, periods grouped) or answer "
            "with fewer tables: the check grows with every table saved for the request."
        )


class _Budget:
    """Counts the steps of one check and stops it with :class:`TooLargeToCheck` past
    ``limit``: deterministic, so the same tables are refused on any machine."""

    __slots__ = ("limit", "spent")

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_STEPS if limit is None else limit
        self.spent = 0

    def spend(self, steps: int) -> None:
        self.spent += steps
        if self.spent > self.limit:
            raise TooLargeToCheck()


@dataclass(frozen=True, slots=True)
class Released:
    """A table as released (or about to be), with the name an officer knows it by
    (``question 2: Dismissals by year``)."""

    label: str
    table: SuppressedTable


@dataclass(frozen=True, slots=True)
class Disclosure:
    """A small count the tables ``others`` give away together: a figure withheld in the
    table ``label`` (``entry``), or a count of records that is no figure of any table but the
    difference of figures (``entry`` is ``None``; ``location`` says which records)."""

    label: str
    location: str
    value: int
    others: tuple[str, ...]
    how: str
    entry: Entry | None = None
    atoms: frozenset[int] = field(default=frozenset(), repr=False, compare=False)

    def in_words(self) -> str:
        """For staff: states the true figure, as the preview's list of withheld figures does."""
        others = " and ".join(f"“{o}”" for o in self.others)
        if self.entry is not None:
            return (
                f"The figure for {self.location} in “{self.label}”, withheld as "
                f"{self.entry.shown}, {self.how} from the figures shown in {others}: it is "
                f"{self.value}."
            )
        return (
            f"The number of {self.location} {self.how} from the figures shown in {others}: "
            f"it is {self.value}, a small count that no table shows."
        )


@dataclass(frozen=True, slots=True)
class Protection:
    """What :func:`protect` found: what the new table as first suppressed gives away, and the
    table with further figures withheld that gives nothing away (``None`` if withholding more
    in the new table cannot stop it), with those figures."""

    disclosures: tuple[Disclosure, ...]
    table: SuppressedTable | None
    extra: tuple[Entry, ...]

    @property
    def safe(self) -> bool:
        return not self.disclosures


# --- atoms --------------------------------------------------------------------------------


class _Classes(dict):
    """Raw value of one column to its class id, computing each new value's class once."""

    def __init__(self, compute: Callable[[Any], tuple[Any, ...]]) -> None:
        super().__init__()
        self.compute = compute
        self.ids: dict[tuple[Any, ...], int] = {}
        self.classes: list[tuple[Any, ...]] = []

    def __missing__(self, raw: Any) -> int:
        cls = self.compute(raw)
        i = self.ids.get(cls)
        if i is None:
            i = self.ids[cls] = len(self.classes)
            self.classes.append(cls)
        self[raw] = i
        return i


class _Universe:
    """The records of one snapshot, as combinations of column classes for a set of tables.

    ``figures[t]`` maps each position of table ``t`` to the atoms it sums (indices into
    ``atoms``); ``counts[a]`` is the true count of atom ``a``."""

    def __init__(
        self, tables: Sequence[Table], records: Iterable[Any], schema: Schema, budget: _Budget
    ) -> None:
        self.tables = list(tables)
        kinds = {c.name: c.kind for c in schema.columns}
        columns = list(
            dict.fromkeys(
                name
                for t in self.tables
                for name in (
                    *(f.column for f in t.definition.filters),
                    *(d.column for d in t.definition.dimensions),
                )
            )
        )
        # For each column, what each table makes of a value: (passes its filters, labels).
        users: list[list[tuple[int, list[Callable[[Any], bool]], list[Callable]]]] = []
        for name in columns:
            here = []
            for t, table in enumerate(self.tables):
                d = table.definition
                preds = [_filter_predicate(f, kinds[name]) for f in d.filters if f.column == name]
                labels = [_labeller(dim, kinds[name]) for dim in d.dimensions if dim.column == name]
                if preds or labels:
                    here.append((t, preds, labels))
            users.append(here)
        encoders: list[_Classes] = []
        for name, here in zip(columns, users, strict=True):
            norm = normaliser(kinds[name])

            def compute(raw: Any, here=here, norm=norm, name=name) -> tuple[Any, ...]:
                try:
                    value = norm(raw)
                except ValueError as exc:
                    raise DataError(f"column {name!r}: {exc}") from None
                return tuple(
                    (all(p(value) for p in preds), tuple(lab(value)[1] for lab in labels))
                    for _, preds, labels in here
                )

            encoders.append(_Classes(compute))
        records = iter(records)
        first = next(records, None)
        seen: Counter[tuple[int, ...]] = Counter()
        if first is not None and columns:
            by_name = hasattr(first, "keys")
            getters = [itemgetter(n if by_name else schema.index(n)) for n in columns]
            chunk_source = itertools.chain((first,), records)
            for chunk in itertools.batched(chunk_source, 1 << 16):
                streams = [
                    map(enc.__getitem__, map(get, chunk))
                    for get, enc in zip(getters, encoders, strict=True)
                ]
                seen.update(zip(*streams, strict=True))
        elif first is not None:
            seen[()] = 1 + sum(1 for _ in records)

        # Where each table's dimensions and filters are found among the columns' classes.
        slots: list[list[tuple[int, int, int]]] = [[] for _ in self.tables]  # column, slot, dims
        for c, here in enumerate(users):
            for k, (t, _, _) in enumerate(here):
                slots[t].append((c, k, 0))
        n_rows = [len(t.definition.rows) for t in self.tables]
        dims_at: list[list[tuple[int, int, int]]] = []  # per table, per dimension: column, slot, i
        for t, table in enumerate(self.tables):
            out = []
            for dim in table.definition.dimensions:
                c = columns.index(dim.column)
                k = next(k for k, (u, _, _) in enumerate(users[c]) if u == t)
                i = [d for d in table.definition.dimensions if d.column == dim.column].index(dim)
                out.append((c, k, i))
            dims_at.append(out)
        row_at = [{k: i for i, k in enumerate(t.row_keys)} for t in self.tables]
        column_at = [{k: i for i, k in enumerate(t.column_keys)} for t in self.tables]
        widths = [len(t.column_keys) for t in self.tables]

        def signature(combo: tuple[int, ...]) -> tuple[int, ...]:
            sig = []
            for t in range(len(self.tables)):
                classes = [encoders[c].classes[combo[c]][k] for c, k, _ in slots[t]]
                if not all(passes for passes, _ in classes):
                    sig.append(-1)
                    continue
                labels = tuple(encoders[c].classes[combo[c]][k][1][i] for c, k, i in dims_at[t])
                r = row_at[t].get(labels[: n_rows[t]])
                col = column_at[t].get(labels[n_rows[t] :])
                sig.append(-1 if r is None or col is None else r * widths[t] + col)
            return tuple(sig)

        possible = math.prod(len(e.classes) for e in encoders)
        budget.spend(min(possible, max(MAX_ATOMS, len(seen))) * len(self.tables))
        combos: Iterable[tuple[int, ...]] = (
            itertools.product(*(range(len(e.classes)) for e in encoders))
            if possible <= MAX_ATOMS
            else seen
        )
        index: dict[tuple[int, ...], int] = {}
        for combo in combos:
            sig = signature(combo)
            if any(i >= 0 for i in sig):
                index.setdefault(sig, len(index))
        # Numbered in the order of the figures they are counted in, table by table: the
        # atoms of one cell, then of one row, are neighbours, which keeps elimination local.
        index = {sig: a for a, sig in enumerate(sorted(index))}
        self.atoms = list(index)
        self.counts = [0] * len(self.atoms)
        for combo, n in seen.items():
            sig = signature(combo)
            if sig in index:
                self.counts[index[sig]] += n
        self._holding: list[dict[int, list[Position]]] | None = None
        self.figures: list[dict[Position, frozenset[int]]] = []
        for t, table in enumerate(self.tables):
            rows, width = len(table.row_keys), widths[t]
            members: dict[Position, set[int]] = {}
            for a, sig in enumerate(self.atoms):
                cell = sig[t]
                if cell < 0:
                    continue
                r, c = divmod(cell, width)
                for p in ((r, c), (r, width), (rows, c), (rows, width)):
                    members.setdefault(p, set()).add(a)
            self.figures.append({p: frozenset(v) for p, v in members.items()})

    def atoms_of(self, t: int, p: Position) -> frozenset[int]:
        return self.figures[t].get(p, frozenset())

    def holding(self, t: int, a: int) -> list[Position]:
        """The figures of table ``t`` that count atom ``a``."""
        if self._holding is None:
            self._holding = []
            for figures in self.figures:
                at: dict[int, list[Position]] = {}
                for p, members in figures.items():
                    for b in members:
                        at.setdefault(b, []).append(p)
                self._holding.append(at)
        return self._holding[t].get(a, [])


# --- the check ----------------------------------------------------------------------------


def _measure(table: Table) -> tuple[MeasureKind, str | None]:
    m = table.definition.measure
    return m.kind, m.column


Key = tuple[Any, ...]  # ("figure", table, position) or ("set", atoms)


def _given_away(
    universe: _Universe,
    released: Sequence[SuppressedTable],
    chosen: Sequence[int],
    policy: Policy,
    budget: _Budget,
) -> dict[Key, str]:
    """Small counts that the ``chosen`` tables' shown figures give away, with how: their
    primary withheld figures, and counts of records that are no figure (judged small by
    ``policy``)."""
    out: dict[Key, str] = {}
    # The same records counted in two tables of the same measure, shown in one.
    shown_as: set[tuple[Any, frozenset[int]]] = set()
    for t in chosen:
        for e in released[t].entries():
            if not e.suppressed and not released[t].policy.rounding:
                shown_as.add(
                    (_measure(universe.tables[t]), universe.atoms_of(t, (e.row, e.column)))
                )
    for t in chosen:
        for e in released[t].suppressed:
            atoms = universe.atoms_of(t, (e.row, e.column))
            primary = e.suppression is SuppressionKind.PRIMARY
            if primary and atoms and (_measure(universe.tables[t]), atoms) in shown_as:
                out["figure", t, (e.row, e.column)] = "is the same count as a figure shown"
    counted = [
        t for t in chosen if universe.tables[t].definition.measure.kind is MeasureKind.COUNT_RECORDS
    ]
    if not counted:
        return out
    targets = _targets(universe, released, counted, policy, budget)
    for i in _linear(universe, released, counted, [atoms for _, atoms in targets], budget):
        out.setdefault(targets[i][0], "can be worked out exactly by addition and subtraction")
    for i in _bounds(universe, released, counted, [atoms for _, atoms in targets], budget):
        out.setdefault(
            targets[i][0], "has only one possible value given the ranges of withheld figures"
        )
    return out


def _targets(
    universe: _Universe,
    released: Sequence[SuppressedTable],
    chosen: Sequence[int],
    policy: Policy,
    budget: _Budget,
) -> list[tuple[Key, frozenset[int]]]:
    """What must not be worked out: each primary withheld figure, and each small count of
    records that is no figure: an atom, or what one shown figure counts beyond another nested
    in it (the same table with one category left out)."""
    out: list[tuple[Key, frozenset[int]]] = []
    figures: set[frozenset[int]] = set()
    shown: list[tuple[int, frozenset[int]]] = []
    for t in chosen:
        for e in released[t].entries():
            atoms = universe.atoms_of(t, (e.row, e.column))
            figures.add(atoms)
            if e.suppression is SuppressionKind.PRIMARY and atoms:
                out.append((("figure", t, (e.row, e.column)), atoms))
            elif not e.suppressed and not released[t].policy.rounding:
                shown.append((t, atoms))
    sets: dict[frozenset[int], None] = {}
    for t in chosen:
        for atoms in universe.figures[t].values():
            budget.spend(len(atoms))
            for a in atoms:
                sets.setdefault(frozenset((a,)), None)
    # Pairs of shown figures of different tables, one nested in the other, in the order of
    # ``itertools.permutations(shown, 2)``: a figure nested in another holds the smallest atom
    # of the nested one, so only the figures holding that atom are compared.
    holding: dict[int, list[int]] = {}
    for i, (_, atoms) in enumerate(shown):
        budget.spend(len(atoms))
        for a in atoms:
            holding.setdefault(a, []).append(i)
    count = [sum(universe.counts[a] for a in atoms) for _, atoms in shown]
    pairs = []
    for j, (u, small) in enumerate(shown):
        if not small:
            continue
        candidates = holding[min(small)]
        budget.spend(len(candidates) + len(small))
        for i in candidates:
            t, big = shown[i]
            # A count too big to be withheld is left out before the sets are compared.
            if t != u and policy.withholds(count[i] - count[j]) and small < big:
                pairs.append((i, j))
    pairs.sort()
    for i, j in pairs:
        budget.spend(len(shown[i][1]))
        sets.setdefault(shown[i][1] - shown[j][1], None)
    for atoms in sets:
        if atoms in figures:
            continue
        value = sum(universe.counts[a] for a in atoms)
        if policy.withholds(value):
            out.append((("set", atoms), atoms))
    return out


def _linear(
    universe: _Universe,
    released: Sequence[SuppressedTable],
    chosen: Sequence[int],
    targets: Sequence[frozenset[int]],
    budget: _Budget,
) -> set[int]:
    """The targets (sets of atoms) whose sums are linear combinations of the exact shown
    figures. Exact: the shown figures' equations over the atoms are brought to echelon form
    over the integers (each row kept with coprime entries; the matrix is not totally
    unimodular, as one table's lines are), then each target is reduced by it: it is a
    combination of them when nothing is left. A target holding an atom that no shown figure
    counts cannot be one, and is not reduced."""
    if not targets:
        return set()
    equations: dict[frozenset[int], None] = {}
    for t in chosen:
        if released[t].policy.rounding:
            continue
        for e in released[t].entries():
            atoms = universe.atoms_of(t, (e.row, e.column))
            if not e.suppressed and atoms:
                equations.setdefault(atoms, None)
    covered: set[int] = set()
    for atoms in equations:
        budget.spend(len(atoms))
        covered.update(atoms)
    # Echelon form: each row's pivot is its smallest atom, and no two rows share a pivot.
    # Short equations first (cells before totals), so that long ones are reduced by short
    # ones and not the other way round: the same span, far fewer steps.
    basis: dict[int, dict[int, int]] = {}
    for atoms in sorted(equations, key=lambda atoms: (len(atoms), min(atoms))):
        row = _reduced(dict.fromkeys(atoms, 1), basis, budget)
        if row:
            basis[min(row)] = row
    out = set()
    for i, atoms in enumerate(targets):
        if atoms <= covered and not _reduced(dict.fromkeys(atoms, 1), basis, budget):
            out.add(i)
    return out


def _reduced(
    row: dict[int, int], basis: dict[int, dict[int, int]], budget: _Budget
) -> dict[int, int]:
    """``row`` less multiples of the ``basis`` rows, until its smallest atom is no pivot (or
    it is empty): exact, in integers. What is left is a new basis row, or shows that ``row``
    is no combination of the basis rows."""
    # The atoms of ``row`` smallest first: reducing by a basis row only adds atoms above its
    # pivot, so a heap of the atoms added finds the next without scanning the row.
    heap = list(row)
    heapq.heapify(heap)
    budget.spend(len(row))
    while heap:
        pivot = heapq.heappop(heap)
        if pivot not in row:
            continue
        other = basis.get(pivot)
        if other is None:
            return row
        budget.spend(len(other))
        a, b = other[pivot], row[pivot]
        g = math.gcd(a, b)
        a, b = a // g, b // g  # row * a - other * b
        if a != 1:
            if a < 0:
                a, b = -a, -b
            row = {k: v * a for k, v in row.items()}
        for k, v in other.items():
            w = row.get(k, 0) - b * v
            if w:
                if k not in row:
                    heapq.heappush(heap, k)
                row[k] = w
            else:
                del row[k]
        if a != 1 and row:
            common = math.gcd(*row.values())
            if common > 1:
                row = {k: v // common for k, v in row.items()}
    return row


def _bounds(
    universe: _Universe,
    released: Sequence[SuppressedTable],
    chosen: Sequence[int],
    targets: Sequence[frozenset[int]],
    budget: _Budget,
) -> set[int]:
    """The targets narrowed to one value: each atom's range and each figure's range narrow
    each other, round after round, until nothing changes. A figure none of whose atoms has
    changed since it was last looked at would narrow nothing more, and is passed over."""
    constraints: list[tuple[frozenset[int], Ranges]] = []
    for t in chosen:
        policy = released[t].policy
        for e in released[t].entries():
            atoms = universe.atoms_of(t, (e.row, e.column))
            if e.suppression is not None:
                domain = withheld_range(e.suppression, e.is_total, policy)
            else:
                domain = shown_range(int(e.shown), policy)
            constraints.append((atoms, domain))
    low = [0.0] * len(universe.atoms)
    high = [math.inf] * len(universe.atoms)
    ranges: dict[frozenset[int], Ranges] = {}
    touching: list[list[int]] = [[] for _ in universe.atoms]
    for c, (atoms, _) in enumerate(constraints):
        budget.spend(len(atoms))
        for a in atoms:
            touching[a].append(c)
    dirty = [True] * len(constraints)
    for _ in range(_MAX_ROUNDS):
        changed = False
        for c, (atoms, domain) in enumerate(constraints):
            if not dirty[c]:
                continue
            dirty[c] = False
            budget.spend(2 * len(atoms))
            low_sum, high_sum, unbounded = _sums(atoms, low, high)
            possible = _intersect(domain, [(low_sum, high_sum)])
            if not possible:  # cannot happen for true figures; stop rather than guess
                return set()
            ranges[atoms] = _intersect(ranges.get(atoms, possible), possible)
            least, most = possible[0][0], possible[-1][1]
            for a in atoms:
                others_high = (
                    math.inf
                    if unbounded - (high[a] == math.inf) > 0
                    else high_sum - (high[a] if high[a] != math.inf else 0)
                )
                new_low = max(low[a], least - others_high)
                new_high = min(high[a], most - (low_sum - low[a]))
                if new_low > low[a] or new_high < high[a]:
                    low[a], high[a] = new_low, new_high
                    changed = True
                    budget.spend(len(touching[a]))
                    for d in touching[a]:
                        dirty[d] = True
        if not changed:
            break
    out = set()
    for i, atoms in enumerate(targets):
        budget.spend(len(atoms))
        low_sum, high_sum, _ = _sums(atoms, low, high)
        possible = _intersect(ranges.get(atoms, [(0, math.inf)]), [(low_sum, high_sum)])
        if _single(possible):
            out.add(i)
    return out


def _sums(atoms: frozenset[int], low: list[float], high: list[float]) -> tuple[float, float, int]:
    finite = [high[a] for a in atoms if high[a] != math.inf]
    unbounded = len(atoms) - len(finite)
    return sum(low[a] for a in atoms), (math.inf if unbounded else sum(finite)), unbounded


def given_away(
    released: Sequence[Released],
    records: Iterable[Any],
    schema: Schema,
    *,
    new: int = 0,
    budget: int | None = None,
) -> list[Disclosure]:
    """What the tables give away together that neither the table ``released[new]`` alone nor
    the others without it do. Every table must be counted from ``records`` (one snapshot) with
    ``schema``; counts of records that are no figure are judged small by the new table's
    policy.

    :class:`TooLargeToCheck` if the check would take more than ``MAX_STEPS`` (``budget``:
    fewer, for tests)."""
    if len(released) < 2 or not released[new].table.policy.secondary:
        return []
    spending = _Budget(budget)
    universe = _Universe([r.table.table for r in released], records, schema, spending)
    return _disclosures(
        universe, [r.table for r in released], [r.label for r in released], new, spending
    )


def _disclosures(
    universe: _Universe,
    tables: Sequence[SuppressedTable],
    labels: Sequence[str],
    new: int,
    budget: _Budget,
    memo: dict[str, dict[Key, str]] | None = None,
) -> list[Disclosure]:
    """``memo``: where what the tables other than the new one give away is kept, for another
    call with only the new table changed."""
    policy = tables[new].policy
    everyone = list(range(len(tables)))
    others = [t for t in everyone if t != new]
    if not others or not policy.secondary:
        return []
    found = _given_away(universe, tables, everyone, policy, budget)
    if not found:
        return []
    by_tables: dict[tuple[int, ...], dict[Key, str]] = {tuple(everyone): found}

    def by(chosen: Sequence[int]) -> dict[Key, str]:
        key = tuple(chosen)
        if key not in by_tables:
            by_tables[key] = _given_away(universe, tables, chosen, policy, budget)
        return by_tables[key]

    if memo is None or "others" not in memo:
        by_others = _given_away(universe, tables, others, policy, budget)
        if memo is not None:
            memo["others"] = by_others
    else:
        by_others = memo["others"]
    already = {**by([new]), **by_others}
    out = []
    for key, how in found.items():
        if key in already:
            continue
        own = key[1] if key[0] == "figure" else None
        # Name the one other table that gives it away with the new one, where one does.
        for o in others:
            if o != own and key in by(sorted({new, o, *([own] if own is not None else [])})):
                blamed = sorted({new, o} - {own})
                break
        else:
            blamed = [t for t in everyone if t != own]
        if own is not None:
            entry = _entry(tables[own], key[2])
            out.append(
                Disclosure(
                    labels[own],
                    entry.location,
                    entry.value,
                    tuple(labels[b] for b in blamed),
                    how,
                    entry,
                    universe.atoms_of(own, key[2]),
                )
            )
        else:
            atoms = key[1]
            value = sum(universe.counts[a] for a in atoms)
            out.append(
                Disclosure(
                    "",
                    _records_in_words(universe, tables, labels, atoms),
                    value,
                    tuple(labels[b] for b in blamed),
                    how,
                    atoms=atoms,
                )
            )
    out.sort(key=lambda d: (d.label, d.entry is None, d.location))
    return out


def _records_in_words(
    universe: _Universe,
    tables: Sequence[SuppressedTable],
    labels: Sequence[str],
    atoms: frozenset[int],
) -> str:
    """Which records a set of atoms holds, as the figures that count them: ``records counted
    for 2019/20 in “A” but not for 2019/20 in “B”``."""
    parts, not_parts = [], []
    first = min(atoms)
    for t, table in enumerate(tables):
        # The smallest figure of table t holding all these atoms, or none holding any.
        holding = [
            (len(members), p)
            for p in universe.holding(t, first)
            if atoms <= (members := universe.atoms_of(t, p))
        ]
        if holding:
            _, p = min(holding)
            parts.append(f"counted for {_entry(table, p).location} in “{labels[t]}”")
        elif not any(universe.holding(t, a) for a in atoms):
            not_parts.append(f"not counted in “{labels[t]}”")
    return "records " + " but ".join(x for x in (" and ".join(parts), " and ".join(not_parts)) if x)


def _entry(table: SuppressedTable, p: Position) -> Entry:
    r, c = p
    rows, width = len(table.table.row_keys), len(table.table.column_keys)
    if r < rows and c < width:
        entry = table.cells[r][c]
    elif r < rows:
        entry = table.row_totals[r] if table.row_totals is not None else None
    elif c < width:
        entry = table.column_totals[c] if table.column_totals is not None else None
    else:
        entry = table.grand_total
    if entry is None or (entry.row, entry.column) != p:  # cannot happen for its positions
        return next(e for e in table.entries() if (e.row, e.column) == p)
    return entry


def protect(
    table: Table,
    policy: Policy,
    *,
    label: str,
    others: Sequence[Released],
    records: Sequence[Any],
    schema: Schema,
    budget: int | None = None,
    alone: SuppressedTable | None = None,
) -> Protection:
    """Suppress ``table`` under ``policy``, check it with the tables already released, and
    if together they give a small count away, look for further figures of ``table`` to
    withhold (each as secondary, then protected in turn by the table's own suppression) until
    they give nothing away. The shown figures counting any of the same records are tried one
    at a time, smallest first, then all of them together. ``alone``: ``table`` as already
    suppressed under ``policy`` by the caller (a preview's), not suppressed again.

    The whole of it may take ``MAX_STEPS`` steps (``budget``: fewer, for tests), then
    :class:`TooLargeToCheck`, with what was found given away if the search for further
    figures to withhold is what took too long."""
    first = alone if alone is not None else suppress(table, policy)
    if not others or not policy.secondary:
        return Protection((), first, ())
    spending = _Budget(budget)
    universe = _Universe([table, *(o.table.table for o in others)], records, schema, spending)
    labels = [label, *(o.label for o in others)]
    rest = [o.table for o in others]
    memo: dict[str, dict[Key, str]] = {}
    found = _disclosures(universe, [first, *rest], labels, 0, spending, memo)
    if not found:
        return Protection((), first, ())
    try:
        return _search(table, policy, label, universe, first, rest, labels, found, spending, memo)
    except TooLargeToCheck:
        raise TooLargeToCheck(found) from None


def _search(
    table: Table,
    policy: Policy,
    label: str,
    universe: _Universe,
    first: SuppressedTable,
    rest: list[SuppressedTable],
    labels: list[str],
    found: list[Disclosure],
    budget: _Budget,
    memo: dict[str, dict[Key, str]],
) -> Protection:
    """The search of :func:`protect` for further figures to withhold in the new table."""
    extra: dict[Position, tuple[str, str]] = {}
    current, left = first, found
    tries = 0
    while left and tries < _MAX_TRIES:
        target = left[0]
        candidates = _candidates(universe, current, target.atoms)
        if not candidates:  # a difference of figures: what holds the records it counts
            wider = frozenset().union(
                *(m for f in universe.figures for m in f.values() if target.atoms <= m)
            )
            candidates = _candidates(universe, current, wider)
        why = _reason(target, label)
        fixed = None
        for group in [*([c] for c in candidates[: _MAX_TRIES - tries]), candidates]:
            tries += 1
            trial = {**extra, **{(c.row, c.column): why for c in group}}
            budget.spend(
                _SUPPRESS_STEPS
                * len(first.entries())
                * (len(current.suppressed) + len(group) + _SUPPRESS_BASE)
            )
            attempt = suppress(table, policy, withhold=trial)
            still = _disclosures(universe, [attempt, *rest], labels, 0, budget, memo)
            if not any(_same(d, target) for d in still):
                fixed = trial, attempt, still
                break
        if fixed is None or not candidates:
            return Protection(tuple(found), None, ())
        extra, current, left = fixed
    if left:
        return Protection(tuple(found), None, ())
    added = tuple(e for e in current.suppressed if not _entry(first, (e.row, e.column)).suppressed)
    return Protection(tuple(found), current, added)


def _candidates(universe: _Universe, table: SuppressedTable, atoms: frozenset[int]) -> list[Entry]:
    """The shown figures of the new table (table 0) counting any of ``atoms``, smallest
    non-zero cells first, as the table's own secondary suppression chooses."""
    return sorted(
        (
            e
            for e in table.entries()
            if not e.suppressed and universe.atoms_of(0, (e.row, e.column)) & atoms
        ),
        key=lambda e: (e.value == 0, e.is_total, e.value, e.row, e.column),
    )


def _same(a: Disclosure, b: Disclosure) -> bool:
    return (a.label, a.location) == (b.label, b.location)


def _reason(target: Disclosure, label: str) -> tuple[str, str]:
    where = (
        f"the figure for {target.location} withheld in {target.label}"
        if target.entry is not None
        else f"the number of {target.location}"
    )
    staff = f"secondary: protects {where} (tables released together)"
    public = (
        "Withheld so that a figure withheld here or in another table released with this one "
        "cannot be worked out from the two together (secondary suppression)."
    )
    return staff, public
