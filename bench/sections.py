"""Writing one benchmark's section into a Markdown page such as ``docs/performance.md``."""

from __future__ import annotations


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
