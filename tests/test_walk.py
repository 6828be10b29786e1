"""Which files a directory walk takes, what it says about the others, and unreadable paths.

Before: a walk took files by extension only (a corpus of `.raw` mails was `files: 0`),
linted a virtualenv's LICENSE.txt, ignored `.gitignore`, said "All checks passed." with
exit 0 when it found nothing, skipped an unreadable subdirectory in silence (and aborted
the whole run when that directory came first, on its config lookup).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tglint.reading.discovery as discovery
from tglint.cli import main
from tglint.draft import ReadError
from tglint.reading import WalkCount, discover, starts_like_a_mail

MAIL = "From: a@example.com\nTo: support@telegram.org\nSubject: crash\nMessage-ID: <1@x>\n\nIt crashes.\n"
DRAFT = "To: support@telegram.org\nSubject: [Bug] - crash\n\nThe app crashes on my iPhone 13 since yesterday.\n"
SECRET = "To: security@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n"
ENVELOPE = "From a@example.com Mon Jan  1 00:00:00 2024\n"
DEFAULT_INCLUDE = ("*.eml", "*.txt", "*.md", "*.msg", "*.mbox")


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def walked(root: Path, include: tuple[str, ...] = DEFAULT_INCLUDE, **options: object) -> list[str]:
    found = discover([str(root)], include, **options)  # type: ignore[arg-type]
    return [item.path if isinstance(item, ReadError) else Path(item).relative_to(root).as_posix() for item in found]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --- the rule: named like a draft, or starting like a mail ----------------------------


@pytest.mark.parametrize(
    "head",
    [
        MAIL,
        ENVELOPE + MAIL,
        "Subject: [Bug] - crash\n\nbody\n",
        "\n\nTo: support@telegram.org\n\nbody\n",
        "收件人：support@telegram.org\n主题：无法登录\n\n正文\n",
        "X-Mailer: x\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nbody\n",
        "Subject: a long\n folded subject\n\nbody\n",
    ],
)
def test_what_starts_like_a_mail(head: str) -> None:
    assert starts_like_a_mail(head.encode())
    assert starts_like_a_mail(head.encode("utf-16"))


@pytest.mark.parametrize(
    "head",
    [
        "just some notes\n",
        "MIT License\n\nCopyright (c) 2024\n",
        "name: CI\non: push\njobs:\n  build:\n    runs-on: x\n",
        "x-anchor: &a\n  key: value\n",
        "# Title\n\nSubject: not a header here\n",
        "From here on, a story.\nTo: be continued\n",
        "",
    ],
)
def test_what_does_not_start_like_a_mail(head: str) -> None:
    assert not starts_like_a_mail(head.encode())
    assert not starts_like_a_mail(b"\x00\x01" + head.encode())


def test_a_walk_takes_mails_whatever_their_extension(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "corpus/001.raw": MAIL,
            "corpus/002": ENVELOPE + MAIL,
            "corpus/draft": DRAFT,
            "corpus/notes": "just some notes\n",
            "corpus/image.png": b"\x89PNG\r\n\x1a\n\x00\x00",
            "corpus/body-only.txt": "Hello, the app crashes.\n",
        },
    )
    count = WalkCount()
    assert walked(tmp_path, count=count) == [
        "corpus/001.raw",
        "corpus/002",
        "corpus/body-only.txt",
        "corpus/draft",
    ]
    assert (count.skipped, count.ignored) == (2, 0)


def test_a_corpus_of_raw_mails_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {f"mails/{n}.raw": MAIL for n in range(3)} | {"mails/README": "notes\n"})
    code, out, err = run(["--isolated", "--format", "json", "mails"], capsys)
    assert code == 1, err
    assert json.loads(out)["summary"]["files"] == 3
    assert err == (
        "tglint: note: walked directories: 1 file skipped (not named like drafts by `include`, "
        "not starting like a mail)\n"
    )


# --- left out: .gitignore, installed software ---------------------------------------


def test_gitignore_files_of_the_walked_tree_are_respected(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".gitignore": "build/\n*.tmp.txt\n!keep.tmp.txt\n/top-only.txt\nlogs/**/old.txt\n",
            "a.txt": DRAFT,
            "build/b.txt": DRAFT,
            "x.tmp.txt": DRAFT,
            "keep.tmp.txt": DRAFT,
            "top-only.txt": DRAFT,
            "sub/top-only.txt": DRAFT,
            "logs/2024/01/old.txt": DRAFT,
            "logs/new.txt": DRAFT,
            "sub/.gitignore": "!x.tmp.txt\nlocal.txt\n",
            "sub/x.tmp.txt": DRAFT,
            "sub/local.txt": DRAFT,
            "local.txt": DRAFT,
        },
    )
    count = WalkCount()
    assert walked(tmp_path, count=count) == [
        "a.txt",
        "keep.tmp.txt",
        "local.txt",
        "logs/new.txt",
        "sub/top-only.txt",
        "sub/x.tmp.txt",  # re-included by the deeper .gitignore
    ]
    assert count.ignored == 5  # build/, x.tmp.txt, top-only.txt, logs/2024/01/old.txt, sub/local.txt
    everything = walked(tmp_path, respect_gitignore=False)
    assert "build/b.txt" in everything and "sub/local.txt" in everything


def test_respect_gitignore_can_be_turned_off_in_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"drafts/.gitignore": "secret.txt\n", "drafts/secret.txt": SECRET, "drafts/ok.txt": DRAFT})
    code, out, _ = run(["--isolated", "drafts"], capsys)
    assert "secret.txt" not in out
    (tmp_path / ".tglint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    code, out, _ = run(["drafts"], capsys)
    assert code == 1 and "drafts/secret.txt:4:16: [body] TG501" in out


def test_installed_software_is_not_walked(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "drafts/a.txt": DRAFT,
            "env/pyvenv.cfg": "home = /usr/bin\n",
            "env/notes.txt": DRAFT,
            "env/lib/python3.11/site-packages/pkg/LICENSE.txt": "MIT License\n",
            "web/node_modules/pkg/README.md": "# pkg\n",
            "lib/site-packages/x/README.txt": "x\n",
        },
    )
    count = WalkCount()
    assert walked(tmp_path, count=count) == ["drafts/a.txt"]
    assert count.ignored == 3
    # Named on the command line, a virtualenv is walked as asked (but not its site-packages).
    assert walked(tmp_path / "env") == ["notes.txt"]


# --- nothing found --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({}, "no drafts found: the directory is empty"),
        (
            {"notes": "x\n", "script.py": "print()\n"},
            "no drafts found: 2 files skipped (not named like drafts by `include`, not starting like a mail)",
        ),
        (
            {".gitignore": "*.txt\n", "a.txt": DRAFT},
            "no drafts found: 1 ignored (exclude, .gitignore, virtualenvs, node_modules)",
        ),
    ],
)
def test_a_walk_that_finds_nothing_is_an_error(
    files: dict[str, str],
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    tree(tmp_path / "drafts", files)
    code, out, _ = run(["--isolated", "drafts"], capsys)
    assert code == 2
    assert out.splitlines()[0] == f"drafts: error: {said}"
    assert "All checks passed" not in out


def test_an_empty_directory_beside_a_draft_is_still_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty").mkdir()
    Path("draft.txt").write_text(DRAFT, encoding="utf-8")
    code, _, err = run(["--isolated", "--format", "json", "draft.txt", "empty"], capsys)
    assert code == 2
    assert err == "tglint: error: empty: no drafts found: the directory is empty\n"


# --- unreadable paths -----------------------------------------------------------------


def test_an_unreadable_subdirectory_is_one_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"drafts/locked/secret.txt": SECRET, "drafts/open/ok.txt": DRAFT})
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    # Tests run as root, whom permissions do not stop: the walk meets the error it would meet.
    monkeypatch.setattr(discovery.os, "scandir", scandir)
    code, out, _ = run(["--isolated", "drafts"], capsys)
    assert code == 2
    assert f"{os.path.join('drafts', 'locked')}: error: cannot read: Permission denied" in out.splitlines()
    assert "drafts/open/ok.txt:" in out
    assert "All checks passed" not in out


def _as_another_user() -> list[str] | None:
    """A command prefix that runs a child without root's power over permissions, if any."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_unreadable_directories_for_real(tmp_path: Path) -> None:
    prefix = _as_another_user()
    if prefix is None:
        pytest.skip("running as root without setpriv: no user whom permissions stop")
    # The other user must be able to run tglint at all: a checkout under a directory only root
    # may enter (a 0700 temporary directory) leaves it nothing to run.
    probe = subprocess.run([*prefix, sys.executable, "-c", "import tglint"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("the checkout is not readable by an unprivileged user: no one to run tglint as")
    root = tmp_path / "work"
    tree(root, {"drafts/locked/secret.txt": SECRET, "drafts/open/ok.txt": DRAFT, "first/secret.txt": SECRET})
    for path in [tmp_path, *(p for p in root.rglob("*"))]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    root.chmod(0o755)
    (root / "drafts" / "locked").chmod(0)
    (root / "first").chmod(0)
    env = {key: value for key, value in os.environ.items() if key != "TGLINT_DEBUG"}
    command = [*prefix, sys.executable, "-m", "tglint"]
    try:
        inside = subprocess.run(
            [*command, "drafts"], cwd=root, capture_output=True, text=True, env=env, timeout=120, check=False
        )
        # An unreadable directory named first: its config lookup must not abort the run.
        first = subprocess.run(
            [*command, "first", "drafts/open"], cwd=root, capture_output=True, text=True, env=env, timeout=120
        )
    finally:
        (root / "drafts" / "locked").chmod(0o755)
        (root / "first").chmod(0o755)
    assert inside.returncode == 2, inside.stderr
    assert "drafts/locked: error: cannot read: Permission denied" in inside.stdout.splitlines()
    assert "drafts/open/ok.txt:" in inside.stdout
    assert first.returncode == 2, first.stderr
    assert "first: error: cannot read: Permission denied" in first.stdout.splitlines()
    assert "drafts/open/ok.txt:" in first.stdout
    assert "Traceback" not in inside.stderr + first.stderr
