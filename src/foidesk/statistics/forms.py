"""Forms for the statistics pages: registering a data set, correcting its column kinds,
defining a table (a GET form, so a preview is a link that works without JavaScript) and the
disclosure-control policy."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from .definition import (
    ColumnKind,
    DefinitionError,
    Dimension,
    Filter,
    FilterOp,
    Measure,
    MeasureKind,
    TableDefinition,
    validate,
)
from .models import Dataset, DisclosurePolicy
from .periods import Grouping, period_range

FILTER_ROWS = 4

KIND_CHOICES = [
    (ColumnKind.TEXT.value, "Text"),
    (ColumnKind.DATE.value, "Date"),
    (ColumnKind.BOOL.value, "Yes or no"),
    (ColumnKind.NUMBER.value, "Number"),
]
GROUPING_CHOICES = [
    (Grouping.NONE.value, "Each value"),
    (Grouping.FINANCIAL_YEAR.value, "Financial year (April to March)"),
    (Grouping.FINANCIAL_QUARTER.value, "Financial quarter"),
    (Grouping.CALENDAR_YEAR.value, "Calendar year"),
    (Grouping.QUARTER.value, "Quarter"),
    (Grouping.MONTH.value, "Month"),
]
OP_CHOICES = [
    (FilterOp.EQ.value, "is"),
    (FilterOp.NE.value, "is not"),
    (FilterOp.IN.value, "is one of"),
    (FilterOp.NOT_IN.value, "is none of"),
    (FilterOp.BETWEEN.value, "is from … to …"),
    (FilterOp.IS_BLANK.value, "is blank"),
    (FilterOp.NOT_BLANK.value, "is not blank"),
]
MEASURE_CHOICES = [
    (MeasureKind.COUNT_RECORDS.value, "Count the records"),
    (MeasureKind.COUNT_DISTINCT.value, "Count different values of a column (people, cases)"),
]
_SEPARATOR = re.compile(r"\s*[;\n]\s*")


class DatasetForm(forms.Form):
    """Register a data set from a file or from a database table or view."""

    name = forms.CharField(
        max_length=120,
        help_text="Registering a name again makes a new version; earlier versions are kept.",
        error_messages={"required": "Give the data set a name"},
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What each row is, and the system and date it was extracted from.",
    )
    file = forms.FileField(
        required=False,
        label="A CSV or XLSX file",
        help_text="Headings in the first row, one row per record; up to 200 MB.",
        error_messages={"empty": "The file is empty"},
    )
    sheet = forms.CharField(
        required=False,
        max_length=100,
        label="Sheet (XLSX only)",
        help_text="Leave blank for the first sheet.",
    )
    url = forms.CharField(
        required=False,
        max_length=500,
        label="Or a database connection URL",
        help_text="sqlite:////path/to/file.db or postgresql://user:password@host/database. "
        "It is read once, read-only; the password is not stored.",
    )
    table = forms.CharField(
        required=False, max_length=130, label="Table or view", help_text="For example psd.cases"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_file, has_url = bool(data.get("file")), bool((data.get("url") or "").strip())
        if has_file and has_url:
            raise forms.ValidationError("Upload a file or give a connection URL, not both")
        if not has_file and not has_url and not self.errors:
            self.add_error("file", "Choose a file, or give a connection URL and a table")
        if has_url and not (data.get("table") or "").strip():
            self.add_error("table", "Give the table or view to read")
        return data


class KindsForm(forms.Form):
    """Correct the kind of each column of a data set."""

    def __init__(self, *args: Any, dataset: Dataset, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for column in dataset.columns:
            self.fields[column["name"]] = forms.ChoiceField(
                label=column.get("label") or column["name"],
                choices=KIND_CHOICES,
                initial=column["kind"],
            )


def _values(text: str) -> list[str]:
    return [v for v in _SEPARATOR.split(text.strip()) if v]


def _categories(text: str, grouping: Grouping) -> tuple[str, ...] | None:
    """One label per line (or separated by ;), or for periods ``2018/19 to 2022/23``."""
    text = text.strip()
    if not text:
        return None
    if grouping.is_period and " to " in text and "\n" not in text and ";" not in text:
        first, last = (part.strip() for part in text.split(" to ", 1))
        try:
            return period_range(grouping, first, last)
        except ValueError as exc:
            raise DefinitionError("categories", str(exc)) from None
    return tuple(_values(text))


def _field_for(error_field: str) -> str | None:
    """The form field a ``DefinitionError`` names: ``filters[1].value`` is ``filter_1_value``."""
    if m := re.match(r"(rows|columns)\[0\]\.?(\w+)?", error_field):
        prefix = "row" if m[1] == "rows" else "column"
        part = m[2] or "column"
        part = {"grouping": "grouping", "categories": "categories", "label": "label"}.get(
            part, "column"
        )
        return f"{prefix}_{part}"
    if m := re.match(r"filters\[(\d+)\]\.?(\w+)?", error_field):
        part = m[2] if m[2] in ("op", "value", "grouping") else "column"
        return f"filter_{m[1]}_{part}"
    if error_field.startswith("measure"):
        return "measure_column" if "column" in error_field else "measure"
    if error_field == "title":
        return "title"
    return None


class TableForm(forms.Form):
    """A statistics table: data set, rows, columns, filters and what is counted."""

    dataset = forms.TypedChoiceField(label="Data set", coerce=int)
    title = forms.CharField(
        max_length=300,
        help_text="What the table counts, as the requester will read it.",
        error_messages={"required": "Give the table a title"},
    )
    row_column = forms.ChoiceField(label="Rows: column", required=False)
    row_grouping = forms.ChoiceField(
        label="Rows: grouped by", choices=GROUPING_CHOICES, required=False
    )
    row_categories = forms.CharField(
        label="Rows: show exactly these",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional. One per line, or for periods a range: 2018/19 to 2022/23. Each is "
        "shown even when its count is 0; anything else is left out.",
    )
    row_label = forms.CharField(label="Rows: heading", required=False, max_length=100)
    column_column = forms.ChoiceField(label="Columns: column", required=False)
    column_grouping = forms.ChoiceField(
        label="Columns: grouped by", choices=GROUPING_CHOICES, required=False
    )
    column_categories = forms.CharField(
        label="Columns: show exactly these",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    column_label = forms.CharField(label="Columns: heading", required=False, max_length=100)
    measure = forms.ChoiceField(label="Each figure", choices=MEASURE_CHOICES, required=False)
    measure_column = forms.ChoiceField(label="Different values of", required=False)
    measure_label = forms.CharField(label="Figure heading", required=False, max_length=100)
    include_totals = forms.BooleanField(label="Include totals", required=False)

    def __init__(self, *args: Any, datasets: list[Dataset], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.datasets = {d.pk: d for d in datasets}
        self.fields["dataset"].choices = [(d.pk, str(d)) for d in datasets]
        chosen = self._chosen_dataset()
        columns = (
            [(c["name"], c.get("label") or c["name"]) for c in chosen.columns] if chosen else []
        )
        optional = [("", "None"), *columns]
        self.fields["row_column"].choices = optional
        self.fields["column_column"].choices = optional
        self.fields["measure_column"].choices = optional
        for i in range(FILTER_ROWS):
            self.fields[f"filter_{i}_column"] = forms.ChoiceField(
                label=f"Filter {i + 1}: column", choices=optional, required=False
            )
            self.fields[f"filter_{i}_op"] = forms.ChoiceField(
                label=f"Filter {i + 1}: condition", choices=OP_CHOICES, required=False
            )
            self.fields[f"filter_{i}_grouping"] = forms.ChoiceField(
                label=f"Filter {i + 1}: compared as",
                choices=GROUPING_CHOICES,
                required=False,
            )
            self.fields[f"filter_{i}_value"] = forms.CharField(
                label=f"Filter {i + 1}: value",
                required=False,
                max_length=2000,
            )
        self.definition: TableDefinition | None = None

    def _chosen_dataset(self) -> Dataset | None:
        raw = self.data.get("dataset") if self.is_bound else self.initial.get("dataset")
        try:
            return self.datasets.get(int(raw)) if raw not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @property
    def chosen_dataset(self) -> Dataset | None:
        return self._chosen_dataset()

    def filter_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "number": i + 1,
                "name": f"Filter {i + 1}",
                "column": self[f"filter_{i}_column"],
                "op": self[f"filter_{i}_op"],
                "grouping": self[f"filter_{i}_grouping"],
                "value": self[f"filter_{i}_value"],
            }
            for i in range(FILTER_ROWS)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        dataset = self.datasets.get(data.get("dataset"))
        if dataset is None:
            self.add_error("dataset", "Choose a data set")
            return data
        try:
            self.definition = self._definition(data, dataset)
            validate(self.definition, dataset.schema)
        except DefinitionError as exc:
            self.definition = None
            target = _field_for(exc.field)
            self.add_error(target, exc.message if target else str(exc))
        return data

    def _definition(self, data: dict[str, Any], dataset: Dataset) -> TableDefinition:
        def dimension(prefix: str, where: str) -> tuple[Dimension, ...]:
            column = data.get(f"{prefix}_column") or ""
            if not column:
                return ()
            grouping = Grouping(data.get(f"{prefix}_grouping") or Grouping.NONE)
            try:
                categories = _categories(data.get(f"{prefix}_categories") or "", grouping)
                return (
                    Dimension(
                        column,
                        grouping,
                        categories=categories,
                        label=(data.get(f"{prefix}_label") or "").strip(),
                    ),
                )
            except DefinitionError as exc:
                raise exc.within(f"{where}[0]") from None

        filters = []
        for i in range(FILTER_ROWS):
            column = data.get(f"filter_{i}_column") or ""
            if not column:
                continue
            op = FilterOp(data.get(f"filter_{i}_op") or FilterOp.EQ)
            raw = (data.get(f"filter_{i}_value") or "").strip()
            if op in (FilterOp.IS_BLANK, FilterOp.NOT_BLANK):
                value: Any = None
            elif op in (FilterOp.IN, FilterOp.NOT_IN, FilterOp.BETWEEN):
                value = _values(raw)
            else:
                if not raw:
                    raise DefinitionError(f"filters[{i}].value", "Give the value to compare with")
                value = raw
            try:
                filters.append(
                    Filter(column, op, value, grouping=data.get(f"filter_{i}_grouping") or "none")
                )
            except DefinitionError as exc:
                # Keep the form's numbering (a blank row is skipped, not renumbered).
                raise exc.within(f"filters[{i}]") from None
        measure_kind = data.get("measure") or MeasureKind.COUNT_RECORDS
        try:
            measure = Measure(
                measure_kind,
                (data.get("measure_column") or None)
                if measure_kind == MeasureKind.COUNT_DISTINCT
                else None,
                label=(data.get("measure_label") or "").strip(),
            )
        except DefinitionError as exc:
            raise exc.within("measure") from None
        rows = dimension("row", "rows")
        columns = dimension("column", "columns")
        return TableDefinition(
            title=data["title"].strip(),
            source=dataset.name,
            filters=tuple(filters),
            rows=rows,
            columns=columns,
            measure=measure,
            include_totals=bool(data.get("include_totals")),
        )


def initial_from_definition(definition: TableDefinition, dataset: Dataset) -> dict[str, Any] | None:
    """Form data for a saved definition, or ``None`` if it does not fit the form (more than one
    row or column dimension, or more filters than the form has rows)."""
    if len(definition.rows) > 1 or len(definition.columns) > 1:
        return None
    if len(definition.filters) > FILTER_ROWS:
        return None
    data: dict[str, Any] = {
        "dataset": str(dataset.pk),
        "title": definition.title,
        "measure": definition.measure.kind.value,
        "measure_column": definition.measure.column or "",
        "measure_label": definition.measure.label,
    }
    if definition.include_totals:
        data["include_totals"] = "on"
    for prefix, dims in (("row", definition.rows), ("column", definition.columns)):
        for d in dims:
            data[f"{prefix}_column"] = d.column
            data[f"{prefix}_grouping"] = d.grouping.value
            data[f"{prefix}_label"] = d.label
            if d.categories:
                data[f"{prefix}_categories"] = "\n".join(d.categories)
    for i, f in enumerate(definition.filters):
        data[f"filter_{i}_column"] = f.column
        data[f"filter_{i}_op"] = f.op.value
        data[f"filter_{i}_grouping"] = f.grouping.value
        if isinstance(f.value, tuple):
            data[f"filter_{i}_value"] = "; ".join(str(v) for v in f.value)
        elif f.value is not None:
            data[f"filter_{i}_value"] = str(f.value)
    return data


class PolicyForm(forms.ModelForm):
    """The authority's disclosure-control policy."""

    class Meta:
        model = DisclosurePolicy
        fields = [
            "threshold",
            "marker",
            "suppress_zeros",
            "secondary",
            "secondary_marker",
            "protect_totals",
            "rounding",
            "name",
        ]
