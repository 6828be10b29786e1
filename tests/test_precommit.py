"""The pre-commit hook, for real: `pre-commit try-repo` this checkout on a repo with a bad draft."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_a_bad_draft(tmp_path: Path) -> None:
    assert PRE_COMMIT.exists(), "pre-commit is a test dependency: pip install -e '.[test]'"
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "ok.eml").write_text(
        "To: support@telegram.org\nSubject: [Technical Issue] - x\n\nHello.\n", encoding="utf-8"
    )
    (repo / "bad.txt").write_text(
        "To: support@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n", encoding="utf-8"
    )
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit"), "NO_COLOR": "1"}
    result = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "tglint", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "bad.txt" in output and "TG501" in output and "TG101" in output
    assert "Hunter2024" not in output
