"""Writing one benchmark's section into a Markdown page such as ``docs/performance.md``."""

from __future__ import annotations

from pathlib import Path


def replace_section(document: str, heading: str, section: str) -> str:
    """``document`` with the section under ``heading`` (a ``## `` line) replaced by
    ``section``, or ``section`` appended if there is none."""
    lines = document.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        sep = (
            ""
            if not document or document.endswith("\n\n")
            else ("\n" if document.endswith("\n") else "\n\n")
        )
        return document + sep + section
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + section + ("\n" + tail if tail else "")


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace (or add) the section under ``heading`` in the Markdown file at ``path``."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(old, heading, section), encoding="utf-8")
