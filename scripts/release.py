"""Tag a release: `python scripts/release.py [--check]`.

A release is the tag `v<version>`, where <version> is `__version__` in tglint/__init__.py
(the wheel's version too). The README's pre-commit snippet pins `rev: v<version>`, so a
user's pasted config finds the tag. This script checks that the three agree and that the
work tree is clean, then creates the annotated tag on HEAD (push it with `git push origin
v<version>`). With --check it only checks the version and the README, and creates nothing.

To release: set `__version__`, update the README's `rev:`, commit, run this script.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_VERSION = re.compile(r'^__version__ = "(?P<version>[^"]+)"$', re.M)
_README_REV = re.compile(r"^\s*rev: (?P<rev>\S+)", re.M)


def version() -> str:
    match = _VERSION.search((ROOT / "tglint" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit("tglint/__init__.py: no __version__ line")
    return match.group("version")


def readme_rev() -> str | None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.find("## pre-commit") :]
    match = _README_REV.search(section)
    return match.group("rev") if match else None


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def main(argv: list[str]) -> int:
    tag = f"v{version()}"
    rev = readme_rev()
    if rev != tag:
        print(f"README.md: the pre-commit snippet pins rev {rev}, the version is {tag}", file=sys.stderr)
        return 1
    if "--check" in argv:
        return 0
    if _git("status", "--porcelain", "--untracked-files=no").strip():
        print("release: commit your changes first", file=sys.stderr)
        return 1
    if _git("tag", "--list", tag).strip():
        print(f"release: {tag} already exists", file=sys.stderr)
        return 1
    _git("tag", "-a", tag, "-m", f"tglint {version()}")
    print(f"Tagged {tag} on {_git('rev-parse', '--short', 'HEAD').strip()}; push it with: git push origin {tag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
