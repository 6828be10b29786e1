"""The README's promises stay true: its rules table and its first two commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def _config_example() -> str:
    """The README's configuration example: the toml block that starts with [tool.tglint]."""
    blocks = re.findall(r"```toml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    (example,) = [block for block in blocks if block.startswith("[tool.tglint]")]
    return example


@pytest.mark.parametrize("name", ["pyproject.toml", ".tglint.toml"])
def test_readme_config_example_works_pasted_into_either_file(tmp_path: Path, name: str) -> None:
    from tglint.config import load_config

    (tmp_path / "my-packs").mkdir()
    path = tmp_path / name
    path.write_text(_config_example(), encoding="utf-8")
    settings = load_config(path)
    assert settings.region == "CN" and settings.ignore == ("TG403",) and "TG101" in settings.severity


def test_readme_sample_runs_are_real_runs() -> None:
    """The sample report and the JSON example are what tglint prints now (version aside)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_examples.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_says_the_first_command_exits_one() -> None:
    """`pip install ... && tglint fixtures/samples/draft.eml` ends in exit code 1, and the README says so."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block_end = readme.index("```\n", readme.index("```sh\n") + 6)
    said = readme[first_block_end : readme.index("```", first_block_end + 4)]
    assert "exits with code 1" in said and "--exit-zero" in said
    sample = subprocess.run(
        [sys.executable, "-m", "tglint", "fixtures/samples/draft.eml"], cwd=ROOT, capture_output=True, text=True
    )
    assert sample.returncode == 1, sample.stderr
    quiet = subprocess.run(
        [sys.executable, "-m", "tglint", "--exit-zero", "fixtures/samples/draft.eml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert quiet.returncode == 0 and quiet.stdout == sample.stdout
