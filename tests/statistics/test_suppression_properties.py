"""Properties of disclosure control that must hold for every table and policy (Hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import _PRIME, _row_reduce, restore, suppress
from foidesk.statistics.tabulate import Table

counts = st.one_of(st.integers(0, 6), st.integers(0, 60))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 6))
    n_columns = draw(st.integers(1, 6))
    cells = draw(
        st.lists(
            st.lists(counts, min_size=n_columns, max_size=n_columns),
            min_size=n_rows,
            max_size=n_rows,
        )
    )
    return Table.from_counts(
        cells,
        row_labels=[f"R{i}" for i in range(n_rows)],
        column_labels=[f"C{i}" for i in range(n_columns)],
        include_totals=draw(st.booleans()),
    )


policies = st.builds(
    Policy,
    threshold=st.integers(0, 10),
    suppress_zeros=st.booleans(),
    protect_totals=st.booleans(),
    rounding=st.sampled_from([None, 5, 10]),
)


def lines(result):
    """Each line with a shown total: its entries, the total last."""
    out = []
    if result.row_totals is not None:
        out += [[*row, total] for row, total in zip(result.cells, result.row_totals, strict=True)]
    if result.column_totals is not None:
        out += [
            [*col, total]
            for col, total in zip(
                zip(*result.cells, strict=True), result.column_totals, strict=True
            )
        ]
    if result.grand_total is not None:
        out.append([*result.column_totals, result.grand_total])
        out.append([*result.row_totals, result.grand_total])
    return out


@settings(max_examples=300, deadline=None)
@given(table=tables(), policy=policies)
def test_no_line_has_exactly_one_withheld_figure(table, policy):
    result = suppress(table, policy)
    for line in lines(result):
        assert sum(e.suppressed for e in line) != 1


@settings(max_examples=300, deadline=None)
@given(table=tables(), policy=policies)
def test_no_small_figure_is_shown(table, policy):
    result = suppress(table, policy)
    for entry in result.entries():
        if entry.suppressed:
            assert entry.shown in (policy.marker, policy.secondary_marker)
            assert entry.reason and entry.public_reason
            assert not entry.public_reason.startswith(("primary:", "secondary:"))
            continue
        if entry.is_total and not policy.protect_totals:
            continue
        if entry.value == 0:
            assert not policy.suppress_zeros
        else:
            assert entry.value >= policy.threshold


@settings(max_examples=200, deadline=None)
@given(table=tables(), policy=policies)
def test_no_withheld_figure_follows_from_the_shown_ones(table, policy):
    """Exactly: no withheld figure is a linear combination of the line equations."""
    result = suppress(table, policy)
    hidden = [e for e in result.entries() if e.suppressed]
    index = {(e.row, e.column): i for i, e in enumerate(hidden)}
    equations = []
    for line in lines(result):
        vector = [0] * len(hidden)
        for e in line[:-1]:
            if (e.row, e.column) in index:
                vector[index[e.row, e.column]] = 1
        total = line[-1]
        if (total.row, total.column) in index:
            vector[index[total.row, total.column]] = _PRIME - 1
        equations.append(vector)
    for row in _row_reduce(equations, len(hidden)):
        assert sum(1 for v in row if v) != 1


def _possible(policy, entry, limit):
    """What a reader knows a withheld entry may be, as a set of values up to ``limit``."""
    small = set(range(1, policy.threshold)) | ({0} if policy.suppress_zeros else set())
    if entry.suppression == "primary":
        return small
    if entry.is_total and not policy.protect_totals:
        return set(range(limit + 1))
    return set(range(limit + 1)) - small


@settings(max_examples=300, deadline=None)
@given(table=tables(), policy=policies)
def test_no_line_pins_a_withheld_figure_by_its_range(table, policy):
    """A line whose total is shown: each withheld figure has more than one value that fits
    the total with the others in their ranges (counted by brute force over sums)."""
    result = suppress(table, policy)
    if result.table.definition.measure.kind != "count_records":
        return
    for line in lines(result):
        *cells, total = line
        hidden = [e for e in cells if e.suppressed]
        if total.suppressed or len(hidden) < 2:
            continue
        rest = total.value - sum(e.value for e in cells if not e.suppressed)
        domains = [_possible(policy, e, rest) for e in hidden]
        for i in range(len(hidden)):
            sums = {0}
            for j, domain in enumerate(domains):
                if j != i:
                    sums = {a + b for a in sums for b in domain if a + b <= rest}
            fits = {v for v in domains[i] if rest - v in sums}
            assert len(fits) > 1, (line, hidden[i])


@settings(max_examples=200, deadline=None)
@given(table=tables(), policy=policies)
def test_a_table_restored_from_what_it_withheld_is_the_table_suppressed(table, policy):
    """What a saved table withheld is stored with it and restored, not worked out again
    (``SavedTable.suppression``): the same figures, shown the same way, for the same reasons."""
    result = suppress(table, policy)
    withheld = {
        (e.row, e.column): (e.suppression, e.reason, e.public_reason) for e in result.suppressed
    }
    assert restore(table, policy, withheld) == result
