"""The README's promises stay true: its rules table and its first two commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rules_table_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_rules.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_opens_with_install_and_test_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    install, tests = blocks[0], blocks[1]
    assert "pip install" in install and "tglint fixtures/samples/draft.eml" in install
    assert (ROOT / "fixtures" / "samples" / "draft.eml").is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = tests.split("&&")[-1].strip()
    assert test_command in ci, "CI must run the test command the README gives"


def test_readme_sample_output_is_what_tglint_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ tglint fixtures/samples/draft.eml\n(.*?)\n```", readme, re.S)
    assert block, "the README shows tglint's output on the sample draft"
    shown = [line for line in block.group(1).splitlines() if line != "..."]
    command = [sys.executable, "-m", "tglint", "--isolated", "fixtures/samples/draft.eml"]
    printed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout.splitlines()
    assert printed[: len(shown)] == shown
