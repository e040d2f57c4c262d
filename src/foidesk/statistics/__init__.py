"""Statistics tables with disclosure control (issue 7), the plain-Python core: no Django.

Define a table (:class:`TableDefinition`, saved as JSON with the question it answers), count
records into it (:func:`tabulate`), withhold small counts and those that would give them away
under the authority's :class:`Policy` (:func:`suppress`), check it with the other tables
released from the same records (:func:`given_away`, :func:`protect`: differencing), and
publish it (:func:`to_csv`, :func:`to_xlsx`), described in words by :func:`describe`.
"""

from foidesk.statistics.definition import (
    Column,
    ColumnKind,
    DefinitionError,
    Dimension,
    Filter,
    FilterOp,
    Measure,
    MeasureKind,
    Schema,
    TableDefinition,
    validate,
)
from foidesk.statistics.describe import definition_in_words, describe
from foidesk.statistics.differencing import Disclosure, Protection, Released, given_away, protect
from foidesk.statistics.output import Provenance, to_csv, to_xlsx
from foidesk.statistics.periods import Grouping, period_label, period_range
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import Entry, SuppressedTable, SuppressionKind, suppress
from foidesk.statistics.tabulate import DataError, Table, tabulate

__all__ = [
    "Column",
    "ColumnKind",
    "DataError",
    "DefinitionError",
    "Disclosure",
    "Dimension",
    "Entry",
    "Filter",
    "FilterOp",
    "Grouping",
    "Measure",
    "MeasureKind",
    "Policy",
    "Protection",
    "Provenance",
    "Released",
    "Schema",
    "SuppressedTable",
    "SuppressionKind",
    "Table",
    "TableDefinition",
    "definition_in_words",
    "describe",
    "given_away",
    "period_label",
    "period_range",
    "protect",
    "suppress",
    "tabulate",
    "to_csv",
    "to_xlsx",
    "validate",
]
