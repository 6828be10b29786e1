"""The pre-commit hook, for real: `pre-commit try-repo` this checkout on a repo with a bad draft,
and the README's config pasted into a repository, pointing at a released clone."""

from __future__ import annotations

import os
import re
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
    (repo / "drafts").mkdir()  # text drafts are looked for under drafts/ by default
    (repo / "drafts" / "bad.txt").write_text(
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


def _readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit") :]
    return section[section.index("```yaml\n") + 8 : section.index("```", section.index("```yaml\n") + 8)]


def test_readme_pins_the_release_tag_of_this_version() -> None:
    from tglint import __version__

    assert re.search(r"^\s*rev: (\S+)", _readme_snippet(), re.M).group(1) == f"v{__version__}"  # type: ignore[union-attr]
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "release.py"), "--check"], capture_output=True)
    assert check.returncode == 0, check.stderr


def _released_clone(where: Path) -> Path:
    """This checkout's files (committed or not) in a repository of their own, tagged by scripts/release.py."""
    clone = where / "tglint"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    _git(clone, "init", "-q")
    _git(clone, "add", "-A")
    _git(clone, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "release")
    env = {**os.environ, "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    released = subprocess.run(
        [sys.executable, str(clone / "scripts" / "release.py")], cwd=clone, capture_output=True, text=True, env=env
    )
    assert released.returncode == 0, released.stderr
    return clone


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_readme_snippet_works_pasted_into_a_repository(tmp_path: Path) -> None:
    """The README's .pre-commit-config.yaml as a user pastes it (repo: a released clone), then
    `pre-commit run --all-files`: drafts are checked, the repository's other files are not."""
    assert PRE_COMMIT.exists(), "pre-commit is a test dependency: pip install -e '.[test]'"
    clone = _released_clone(tmp_path)
    config = re.sub(r"^(\s*- repo: )\S+", lambda m: m.group(1) + str(clone), _readme_snippet(), count=1, flags=re.M)
    user = tmp_path / "user"
    (user / "drafts").mkdir(parents=True)
    _git(user, "init", "-q")
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    bad = "To: support@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n"
    (user / "drafts" / "bad.txt").write_text(bad, encoding="utf-8")
    (user / "sent.eml").write_text("To: support@telegram.org\nSubject: help\n\nMy app crashes!!!\n", encoding="utf-8")
    # What a repository also holds: linted, these would be reported (or be unreadable as drafts).
    (user / "README.md").write_text(bad, encoding="utf-8")
    (user / "requirements.txt").write_text("phonenumbers>=8.13\n", encoding="utf-8")
    (user / "notes.txt").write_text(bad, encoding="utf-8")
    _git(user, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit"), "NO_COLOR": "1"}
    result = subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files"], cwd=user, capture_output=True, text=True, env=env, timeout=900
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "drafts/bad.txt" in output and "TG501" in output and "sent.eml" in output
    assert "README.md" not in output and "requirements.txt" not in output and "notes.txt" not in output
    assert "Hunter2024" not in output
