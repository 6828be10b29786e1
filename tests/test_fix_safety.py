"""--fix and --diff: edits land where the reader says, on every alternative, and files are handled safely."""

from __future__ import annotations

import base64
import email
import errno
import json
import os
import quopri
import re
import stat
import subprocess
import sys
import tempfile
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from lintkit import draft_of, lint

from tglint import fixing
from tglint.cli import main
from tglint.fixing import fix_bytes
from tglint.models import Edit

# Every character Python's str.splitlines() breaks at, besides LF: only CR and CRLF end a
# line for tglint (and for mail clients and editors).
SPLITLINES_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\r\n"]


def _name(separator: str) -> str:
    return "+".join(f"U+{ord(char):04X}" for char in separator)


@pytest.mark.parametrize("separator", SPLITLINES_BREAKS, ids=_name)
def test_fix_lands_where_the_reader_located_it(
    separator: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (
        "To: support@telegram.org\nSubject: [Login Issue] - cannot log in\n\n"
        f"Hello,{separator}this is my account.\nThe number 13800138000{separator}is mine.\n"
        f"Sorry{separator}again.\nMy password is Tr0ub4dor&3xQ ok.\nBye{separator}now.\n"
    )
    target = tmp_path / "draft.txt"
    target.write_bytes(original.encode("utf-8"))
    code = main(["--fix", "--region", "CN", "--select", "TG401", "--select", "TG501", str(target)])
    captured = capsys.readouterr()
    expected = original.replace("13800138000", "+86 138 0013 8000").replace("Tr0ub4dor&3xQ", "********")
    assert target.read_bytes() == expected.encode("utf-8")
    assert code == 0 and "Fixed 2 finding(s) in 1 file(s)." in captured.err


@pytest.mark.parametrize("char", ["入", "\u2028", "\x0c"])
def test_form_detection_splits_header_lines_as_the_reader_does(char: str) -> None:
    # "入" is E5 85 A5 in UTF-8: read as Latin-1, 0x85 is NEL, where str.splitlines() breaks.
    data = (
        f"Subject: {char}口 problem\nTo: support@telegram.org\nMessage-ID: <a@example.com>\n"
        "Content-Type: text/plain; charset=utf-8\n\nhello\n"
    ).encode()
    draft = draft_of(data, "d.eml")
    assert draft.kind == "mime" and draft.body.text == "hello"


def _gbk_subject_eml(subject: str, label: str = "gbk") -> bytes:
    encoded = base64.b64encode(subject.encode(label)).decode("ascii")
    return (
        f"From: a@example.com\nTo: support@telegram.org\nSubject: =?{label}?b?{encoded}?=\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n你好，我的手机无法发送图片。\n"
    ).encode()


def test_subject_fix_keeps_the_encoded_words_charset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "d.eml"
    target.write_bytes(_gbk_subject_eml("【技术问题】图片发送失败"))
    assert main(["--fix", "--select", "TG1", str(target)]) == 0
    capsys.readouterr()
    subject_line = next(line for line in target.read_bytes().splitlines() if line.startswith(b"Subject:"))
    assert subject_line.startswith(b"Subject: =?gbk?")
    assert draft_of(target.read_bytes(), "d.eml").parts["subject"].text == "[技术问题] - 图片发送失败"


def test_subject_fix_falls_back_to_utf8_when_the_charset_cannot_hold_the_text() -> None:
    data = _gbk_subject_eml("Café crash", label="iso-8859-1")
    draft = draft_of(data, "d.eml")
    edit = Edit("subject", 0, 0, "[技术问题] - ", 1, 1, 1, 1)
    outcome = fix_bytes(data, draft, [edit])
    assert outcome.applied == 1 and outcome.skipped == []
    assert b"=?utf-8?" in outcome.fixed
    assert draft_of(outcome.fixed, "d.eml").parts["subject"].text == "[技术问题] - Café crash"


# ----------------------------------------------------------------------------- files

SECRET_DRAFT = "To: support@telegram.org\nSubject: [Login Issue] - help\n\nMy password is Hunter2024!\n"


ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user"
)


def _fix_json(path: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    code = main(["--fix", "--format", "json", "--select", "TG5", str(path)])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_fix_through_a_symlink_rewrites_its_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real" / "draft.txt"
    target.parent.mkdir()
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, _, _ = _fix_json(link, capsys)
    assert code == 0 and link.is_symlink() and os.readlink(link) == str(target)
    assert "Hunter2024" not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["draft.txt"]  # no temporary file left


def test_fix_refuses_a_hard_linked_draft_and_keeps_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    other = tmp_path / "other-name.txt"
    os.link(target, other)
    code, report, _ = _fix_json(target, capsys)
    assert code == 2
    assert target.read_text(encoding="utf-8") == SECRET_DRAFT and os.path.samefile(target, other)
    [entry] = report["files"]
    assert "2 hard links" in entry["error"]
    assert [f["rule"] for f in entry["findings"]] == ["TG501"]


def test_fix_refuses_a_read_only_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    target.chmod(0o444)
    code, report, _ = _fix_json(target, capsys)
    assert code == 2 and target.read_text(encoding="utf-8") == SECRET_DRAFT
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    [entry] = report["files"]
    assert "read-only" in entry["error"] and [f["rule"] for f in entry["findings"]] == ["TG501"]


@ROOT_ONLY
def test_fix_keeps_the_owner_and_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    os.chown(target, 12345, 23456)
    code, _, _ = _fix_json(target, capsys)
    assert code == 0 and "Hunter2024" not in target.read_text(encoding="utf-8")
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 23456)


@ROOT_ONLY
def test_fix_refuses_when_the_owner_cannot_be_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    os.chown(target, 12345, 23456)

    def not_permitted(*args: Any) -> None:  # as for a user who does not own the draft
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chown", not_permitted)
    code, report, _ = _fix_json(target, capsys)
    assert code == 2 and target.read_text(encoding="utf-8") == SECRET_DRAFT
    assert target.stat().st_uid == 12345
    assert "another user" in report["files"][0]["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_fix_does_not_overwrite_an_edit_saved_during_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")
    saved = SECRET_DRAFT + "A line the writer added meanwhile.\n"
    real_fix_bytes = fixing.fix_bytes

    def fix_while_the_writer_saves(*args: Any) -> fixing.FixOutcome:
        target.write_text(saved, encoding="utf-8")  # the same size and mtime would still be caught by content
        return real_fix_bytes(*args)

    monkeypatch.setattr(fixing, "fix_bytes", fix_while_the_writer_saves)
    code, report, _ = _fix_json(target, capsys)
    assert code == 2 and target.read_text(encoding="utf-8") == saved
    assert "changed while tglint was checking it" in report["files"][0]["error"]


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_refuses_a_fifo_without_opening_it(mode: str, tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "tglint", mode, str(fifo)]
    # Opening a FIFO for reading waits for a writer: a hang is what this guards against.
    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "a FIFO, not a regular file" in (run.stdout if mode == "--fix" else run.stderr)


def test_a_failed_write_keeps_the_findings_and_adds_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT, encoding="utf-8")

    def disk_full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", disk_full)
    code = main(["--fix", "--select", "TG5", str(target)])
    out = capsys.readouterr().out
    assert code == 2 and target.read_text(encoding="utf-8") == SECRET_DRAFT
    assert "error: cannot write the fixed draft: No space left on device" in out
    assert out.endswith("1 file had an error.\n")
    assert "TG501" in out and "Hunter2024" not in out


# ----------------------------------------------------------------------------- -o


@pytest.mark.parametrize("mode", [[], ["--fix"], ["--diff"]], ids=["check", "fix", "diff"])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(
    mode: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(SECRET_DRAFT, encoding="utf-8")
    os.link(draft, tmp_path / "hard-link.txt")
    (tmp_path / "sub").mkdir()
    for output in (draft, tmp_path / "sub" / ".." / "draft.txt", tmp_path / "hard-link.txt"):
        code = main([*mode, "-o", str(output), str(draft)])
        err = capsys.readouterr().err
        assert code == 2 and draft.read_text(encoding="utf-8") == SECRET_DRAFT
        assert f"tglint: error: {output}: the report would overwrite the input {draft}" in err


@pytest.mark.parametrize("mode", [[], ["--fix"]], ids=["check", "fix"])
def test_the_walk_never_reads_the_report_being_written(
    mode: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(SECRET_DRAFT, encoding="utf-8")
    report = drafts / "report.txt"
    for _ in range(2):  # the report does not exist yet, then it does
        main([*mode, "--format", "json", "--select", "TG5", "-o", str(report), str(drafts)])
        capsys.readouterr()
        paths = [Path(entry["path"]).name for entry in json.loads(report.read_text(encoding="utf-8"))["files"]]
        assert paths == ["a.txt"]


# ----------------------------------------------------------------------------- alternatives

PLAIN = (
    "Hello,\nSomeone logged in to my account yesterday at 10:30 from Moscow.\n"
    "My password is Tr0ub4dor&3xQ and I changed it.\nMy number is 13800138000.\n"
)
HTML = (
    "<html><body><p>Hello,</p><p>Someone logged in to my account yesterday at 10:30 from Moscow.</p>"
    "<p>My password is <b>Tr0ub4dor&amp;3xQ</b> and I changed it.</p><p>My number is 13800138000.</p></body></html>\n"
)


def _alternative_eml(plain: str, html: str, cte: str = "quoted-printable") -> bytes:
    message = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as mail is sent
    message["From"] = "Lin <lin@example.com>"
    message["To"] = "security@telegram.org"
    message["Subject"] = "[Account Security] - account stolen"
    message.set_content(plain, cte=cte)
    message.add_alternative(html, subtype="html", cte=cte)
    return message.as_bytes()


def _alternatives_of(data: bytes) -> dict[str, str]:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return {part.get_content_type(): part.get_content().replace("\r\n", "\n") for part in message.iter_parts()}


def test_a_secret_only_in_the_html_alternative_is_reported_there() -> None:
    data = _alternative_eml(PLAIN.replace("My password is Tr0ub4dor&3xQ and I changed it.\n", ""), HTML)
    draft = draft_of(data, "d.eml")
    assert "Tr0ub4dor&3xQ" not in draft.body.text and "Tr0ub4dor&3xQ" in draft.parts["html"].text
    [finding] = lint(data, "d.eml", select=("TG5",)).findings
    # HTML turned into text is not in the file as such: its place is in the part's text.
    assert (finding.rule, finding.part, finding.part_line, finding.location) == ("TG501", "html", 5, "part")
    assert finding.message.startswith("HTML version: ") and "Tr0ub4dor" not in finding.message


def test_other_rules_judge_the_preferred_alternative_only() -> None:
    both = lint(_alternative_eml(PLAIN, HTML), "d.eml", region="CN")
    plain_only = lint(_plain_eml(PLAIN), "d.eml", region="CN")
    assert {"TG401", "TG501"} <= {f.rule for f in both.findings}
    # The same findings at the same places of the body's text (the file lines differ: the
    # HTML version stands between).
    assert [(f.rule, f.part, f.part_line, f.part_column) for f in both.findings] == [
        (f.rule, f.part, f.part_line, f.part_column) for f in plain_only.findings
    ]
    secret = [f for f in both.findings if f.rule == "TG501"]
    assert len(secret) == 1 and secret[0].fix is not None
    assert sorted(e.part for e in secret[0].fix.edits) == ["body", "html"]  # one finding, a fix for both


def _plain_eml(plain: str) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Lin <lin@example.com>"
    message["To"] = "security@telegram.org"
    message["Subject"] = "[Account Security] - account stolen"
    message.set_content(plain, cte="quoted-printable")
    return message.as_bytes()


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_fix_masks_the_secret_in_every_alternative(
    cte: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.eml"
    target.write_bytes(_alternative_eml(PLAIN, HTML, cte))
    code = main(["--fix", "--region", "CN", "--select", "TG5", "--select", "TG401", str(target)])
    capsys.readouterr()
    fixed = target.read_bytes()
    shown = _alternatives_of(fixed)
    assert shown["text/plain"] == PLAIN.replace("Tr0ub4dor&3xQ", "********").replace("13800138000", "+86 138 0013 8000")
    assert shown["text/html"] == HTML.replace("Tr0ub4dor&amp;3xQ", "********")  # the phone is the body's to fix
    assert code == 0 and main(["--select", "TG5", str(target)]) == 0
    capsys.readouterr()
    assert fixed.count(b"\r\n") == fixed.count(b"\n")  # line ends untouched (no CR CR LF)


def test_fix_refuses_a_secret_it_cannot_mask_in_every_alternative(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Markup inside the secret: the text shows it whole, the HTML source never holds it whole.
    split = HTML.replace("<b>Tr0ub4dor&amp;3xQ</b>", "<b>Tr0ub4</b>dor&amp;3xQ")
    target = tmp_path / "d.eml"
    original = _alternative_eml(PLAIN, split)
    target.write_bytes(original)
    code = main(["--fix", "--region", "CN", "--select", "TG5", "--select", "TG401", str(target)])
    err = capsys.readouterr().err
    shown = _alternatives_of(target.read_bytes())
    assert "Tr0ub4dor&3xQ" in shown["text/plain"] and shown["text/html"] == split
    assert "+86 138 0013 8000" in shown["text/plain"]  # the other fix still applies
    assert "could not be changed in all of them, so it is changed in none" in err
    assert code == 1


def test_a_quoted_printable_fix_keeps_crlf_lines_as_they_were(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.eml"
    target.write_bytes(_plain_eml(PLAIN))
    assert main(["--fix", "--select", "TG501", str(target)]) == 0
    capsys.readouterr()
    assert draft_of(target.read_bytes(), "d.eml").body.text == PLAIN.replace("Tr0ub4dor&3xQ", "********").strip()
    assert b"\r\r\n" not in target.read_bytes()


# ----------------------------------------------------------------------------- --diff

SOFT_BREAK_QP = b"""From: Lin <lin@example.com>
To: security@telegram.org
Subject: [Account Security] - account stolen
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hello, someone logged in to my account yesterday at 10:30. My password is Tr0ub4=
dor&3xQ and I changed it.
"""


def _never_shows_the_secret(out: str, secret: str = "Tr0ub4dor&3xQ") -> None:
    """Not as written, nor quoted-printable or base64 encoded (across lines, at any alignment)."""
    assert secret not in out
    # A diff line's first character is its "-", "+" or " ": the encoded text follows it.
    lines = [line[1:] if line[:1] in "-+ " else line for line in out.splitlines()]
    assert secret.encode() not in quopri.decodestring("\n".join(lines).encode())
    runs: list[str] = []
    side = None  # consecutive base64 lines on the same side of the diff are one encoded text
    for line in out.splitlines():
        if re.fullmatch(r"[-+ ][A-Za-z0-9+/=]{4,}", line):
            if line[0] == side:
                runs[-1] += line[1:]
            else:
                runs.append(line[1:])
            side = line[0]
        else:
            side = None
    runs += re.findall(r"[A-Za-z0-9+/]{8,}", out)
    for run in runs:
        for start in range(4):  # the secret may start anywhere in a base64 quantum
            piece = run[start:].rstrip("=")
            decoded = base64.b64decode(piece[: len(piece) // 4 * 4])
            assert secret.encode()[:8] not in decoded, run


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (_plain_eml(PLAIN), "quoted-printable"),
        (SOFT_BREAK_QP, "quoted-printable"),
        (_alternative_eml(PLAIN, HTML, "base64"), "base64"),
    ],
    ids=["qp", "qp-soft-break-inside-the-secret", "base64-alternatives"],
)
def test_diff_shows_the_decoded_text_masked(
    data: bytes, encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.eml"
    target.write_bytes(data)
    code = main(["--diff", "--select", "TG5", str(target)])
    out = capsys.readouterr().out
    assert code == 1 and target.read_bytes() == data
    assert f"keeps its {encoding} transfer encoding" in out.splitlines()[0]
    assert "+My password is ******** and I changed it." in out.replace(
        "Hello, someone logged in to my account yesterday at 10:30. ", ""
    )
    assert f"--- {target}\t(decoded text)" in out
    _never_shows_the_secret(out)


def test_diff_of_a_plain_text_draft_is_its_own_lines_without_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.txt"
    target.write_bytes(("\x1b[2J" + SECRET_DRAFT.replace("help", "help\u2028now\x0c")).encode())
    assert main(["--diff", "--select", "TG5", str(target)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- {target}\n+++ {target}\n@@ -1,")
    assert "-My password is Hunter2024!" not in out and "+My password is ********" in out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", out)
    _never_shows_the_secret(out, "Hunter2024")


def test_the_read_back_check_uses_the_run_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.tglint.limits]\nmax-body-length = 400000\n", encoding="utf-8")
    long_body = "I can no longer log in to my account on my phone.\n" * 4000  # 200,000 characters
    target = tmp_path / "draft.txt"
    target.write_text(SECRET_DRAFT + long_body + "My password is Hunter2024! again.\n", encoding="utf-8")
    assert main(["--config", str(config), "--fix", "--select", "TG5", str(target)]) == 0
    capsys.readouterr()
    assert "Hunter2024" not in target.read_text(encoding="utf-8")
