"""Writing one benchmark's section into a Markdown page such as ``docs/performance.md``.

A section's figures are written by its benchmark; what people write about them (what changed
since the last run, earlier figures) goes below a line ``NOTES`` in the section, and is kept
when the benchmark writes the section again.
"""

from __future__ import annotations

from pathlib import Path

#: The line under which a section's notes are written by hand.
NOTES = "<!-- Notes below this line are written by hand; `make bench` keeps them. -->"


def heading_of(section: str) -> str:
    """A section's ``## `` line, as a benchmark printed it."""
    return section.split("\n", 1)[0]


def _bounds(lines: list[str], heading: str) -> tuple[int, int] | None:
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return start, end


def notes_of(document: str, heading: str) -> str:
    """The hand-written notes of the section under ``heading`` in ``document``: from the
    ``NOTES`` line to the section's end, or "" if it has none."""
    lines = document.splitlines(keepends=True)
    bounds = _bounds(lines, heading)
    if bounds is None:
        return ""
    start, end = bounds
    mark = next((i for i in range(start, end) if lines[i].rstrip() == NOTES), None)
    return "" if mark is None else "".join(lines[mark:end]).rstrip("\n") + "\n"


def section_naming(document: str, needle: str) -> str:
    """The first section of ``document`` whose text holds ``needle`` (a benchmark's file name),
    without its notes; "" if there is none."""
    lines = document.splitlines(keepends=True)
    for heading in (line.rstrip() for line in lines if line.startswith("## ")):
        start, end = _bounds(lines, heading)
        text = "".join(lines[start:end])
        if needle in text:
            return text.split(NOTES, 1)[0].rstrip("\n") + "\n"
    return ""


def with_notes(section: str, notes: str) -> str:
    """``section`` (as a benchmark printed it) followed by ``notes``, if there are any."""
    if not notes:
        return section
    return section.rstrip("\n") + "\n\n" + notes


def replace_section(document: str, heading: str, section: str) -> str:
    """``document`` with the section under ``heading`` (a ``## `` line) replaced by
    ``section`` and the old section's notes, or ``section`` appended if there is none."""
    lines = document.splitlines(keepends=True)
    bounds = _bounds(lines, heading)
    if bounds is None:
        sep = (
            ""
            if not document or document.endswith("\n\n")
            else ("\n" if document.endswith("\n") else "\n\n")
        )
        return document + sep + section
    start, end = bounds
    section = with_notes(section, notes_of(document, heading))
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + section + ("\n" + tail if tail else "")


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace (or add) the section under ``heading`` in the Markdown file at ``path``."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(old, heading, section), encoding="utf-8")
