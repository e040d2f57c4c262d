"""``foidesk export-checked DIR``: the imported records staff have checked, as a labelled set.

Writes ``DIR/pages.jsonl`` (each checked record's page: ``id``, ``url``, ``title``, ``text``,
``text_complete``) and ``DIR/labels.jsonl`` (what staff confirmed or corrected, in the format of
``shared/corpus/README.md``), so that the importer can be scored against an authority's own
log::

    foidesk export-checked var/checked
    python bench/score_import.py --corpus var/checked

Each id is the page's own id where it came with one (``record-<pk>`` when it has none, or when
two authorities' pages share one). A record whose page or importer's reading has changed since
it was checked is left out and counted: its labels would no longer be what staff confirmed.
The pages are published responses and the labels name no member of staff. Options:
``--authority NAME`` exports one authority's records; ``--overwrite`` replaces files already
there (without it an existing set is left alone and the command fails). Both files are written
whole or not at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from foidesk.imports.corrections import label
from foidesk.imports.models import ImportedRecord
from foidesk.imports.selectors import checked_records

FILES = ("pages.jsonl", "labels.jsonl")


def _page(record: ImportedRecord, page_id: str) -> dict[str, Any]:
    extracted = record.extracted or {}
    page: dict[str, Any] = {
        "id": page_id,
        "url": record.source_url or None,
        "title": extracted.get("page_title") or record.title,
        "text": record.full_text,
    }
    if extracted.get("complete") is not None:
        page["text_complete"] = extracted["complete"]
    return page


class Command(BaseCommand):
    help = "Write the imported records staff have checked as pages.jsonl and labels.jsonl."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", metavar="DIR", help="where to write the two files")
        parser.add_argument("--authority", default="", help="only this authority's records")
        parser.add_argument(
            "--overwrite", action="store_true", help="replace pages.jsonl and labels.jsonl"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is a file, not a folder")
        there = [name for name in FILES if (folder / name).exists()]
        if there and not options["overwrite"]:
            raise CommandError(
                f"{folder} already has {' and '.join(there)}; use --overwrite to replace them"
            )
        checked = list(checked_records(options["authority"]))
        if not checked:
            who = f" for {options['authority']}" if options["authority"] else ""
            raise CommandError(f"No imported record has been checked by staff yet{who}")
        records = [r for r in checked if not r.changed_since_checked]
        stale = len(checked) - len(records)
        if not records:
            raise CommandError(
                f"Every checked record ({stale}) has changed since it was checked: check them "
                "again before exporting"
            )
        shared = Counter(r.source_id for r in records if r.source_id)
        pages, labels = [], []
        for record in records:
            own = record.source_id and shared[record.source_id] == 1
            page_id = record.source_id if own else f"record-{record.pk}"
            pages.append(_page(record, page_id))
            labels.append(
                {
                    "id": page_id,
                    **label(
                        record.extracted,
                        record.corrections,
                        title=record.title,
                        date_shown=record.date_shown,
                        note=f"Checked against the page on {record.checked_at:%Y-%m-%d}.",
                    ),
                }
            )
        folder.mkdir(parents=True, exist_ok=True)
        # Each file is written beside its final name and renamed into place, so a failure
        # leaves the old files (or none), never half of one.
        staged = []
        try:
            for name, rows in zip(FILES, (pages, labels), strict=True):
                handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
                staged.append((temp, folder / name))
            for temp, final in staged:
                os.replace(temp, final)
        finally:
            for temp, _ in staged:
                if os.path.exists(temp):
                    os.unlink(temp)
        left_out = (
            f" {stale} left out: changed since they were checked (check them again)."
            if stale
            else ""
        )
        self.stdout.write(
            f"{len(records)} checked record{'s' if len(records) != 1 else ''} written to "
            f"{folder}/pages.jsonl and {folder}/labels.jsonl.{left_out} Score the importer "
            f"against them with: python bench/score_import.py --corpus {folder}"
        )
