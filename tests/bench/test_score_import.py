"""``bench/score_import.py`` as a command: its options explained."""

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "score_import.py"


def test_the_scoring_script_explains_its_options_and_its_pass_mark():
    """``--help`` lists the options, the pass mark among them, rather than failing on it."""
    spec = importlib.util.spec_from_file_location("score_import", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script  # its dataclasses look their module up
    try:
        spec.loader.exec_module(script)
    finally:
        del sys.modules[spec.name]

    shown = subprocess.run(
        [sys.executable, str(SCRIPT), "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout

    assert "--check" in shown
    assert f"exit 1 below {script.TARGET * 100:.0f}%" in shown
