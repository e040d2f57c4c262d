"""``bench/sections.py`` and ``bench/run_all.py``: a benchmark's section is written again with
fresh figures, and what was written by hand under it is kept."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


sections = _load("sections")

PAGE = f"""# Performance

## Clock

Old figures: 0.9 s.

{sections.NOTES}

Measured by hand before the change: 1.4 s.

## Search

Old search figures.
"""


def test_a_section_written_again_keeps_its_notes_and_the_other_sections():
    page = sections.replace_section(PAGE, "## Clock", "## Clock\n\nNew figures: 0.3 s.\n")

    assert "Old figures" not in page
    assert "New figures: 0.3 s." in page
    assert "Measured by hand before the change: 1.4 s." in page
    assert page.index("New figures") < page.index(sections.NOTES) < page.index("by hand")
    assert page.index("by hand") < page.index("## Search")
    assert "Old search figures." in page


def test_a_section_without_notes_is_replaced_whole():
    page = sections.replace_section(PAGE, "## Search", "## Search\n\nNew search figures.\n")

    assert "Old search figures." not in page
    assert page.endswith("## Search\n\nNew search figures.\n")
    assert page.count(sections.NOTES) == 1


def test_notes_are_read_from_the_section_named_only():
    assert "by hand" in sections.notes_of(PAGE, "## Clock")
    assert sections.notes_of(PAGE, "## Search") == ""
    assert sections.notes_of(PAGE, "## Missing") == ""


@pytest.fixture
def run_all(tmp_path, monkeypatch):
    """``run_all`` over a folder of two small benchmarks instead of the real ones."""
    module = _load("run_all")
    for name, figure in (("clock", "0.3 s"), ("search", "12 ms")):
        (tmp_path / f"bench_{name}.py").write_text(
            f"print('## {name.title()}\\n\\nNew {name} figures: {figure}.')\n", encoding="utf-8"
        )
    monkeypatch.setattr(module, "BENCH_DIR", tmp_path)
    return module


def test_the_whole_page_written_again_keeps_each_sections_notes(run_all, tmp_path):
    out = tmp_path / "performance.md"
    out.write_text(PAGE, encoding="utf-8")

    assert run_all.main(["--write", str(out)]) == 0

    page = out.read_text(encoding="utf-8")
    assert "New clock figures: 0.3 s." in page and "New search figures: 12 ms." in page
    assert "Old figures" not in page and "Old search figures" not in page
    assert "Measured by hand before the change: 1.4 s." in page
    assert page.index("New clock figures") < page.index("by hand") < page.index("## Search")


def test_one_benchmark_run_alone_replaces_its_own_section_only(run_all, tmp_path):
    out = tmp_path / "performance.md"
    out.write_text(PAGE, encoding="utf-8")

    assert run_all.main(["--only", "search", "--write", str(out)]) == 0

    page = out.read_text(encoding="utf-8")
    assert "New search figures: 12 ms." in page and "Old search figures" not in page
    assert "Old figures: 0.9 s." in page and "by hand before the change" in page


FAILING_PAGE = f"""# Performance

## Clock

Recomputing deadlines (`bench/bench_clock.py`): 0.9 s.

{sections.NOTES}

Measured by hand before the change: 1.4 s.
"""


@pytest.mark.parametrize("only", [[], ["--only", "clock"]])
def test_a_benchmark_failing_before_its_heading_keeps_its_last_section(tmp_path, only):
    module = _load("run_all")
    (tmp_path / "bench_clock.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    module.BENCH_DIR = tmp_path
    out = tmp_path / "performance.md"
    out.write_text(FAILING_PAGE, encoding="utf-8")

    assert module.main([*only, "--write", str(out)]) == 1

    page = out.read_text(encoding="utf-8")
    assert "## bench_clock" not in page
    assert page.count("## Clock") == 1
    assert "(`bench/bench_clock.py`): 0.9 s." in page
    assert "failed (exit status 3)" in page and "from an earlier run" in page
    assert "Measured by hand before the change: 1.4 s." in page
