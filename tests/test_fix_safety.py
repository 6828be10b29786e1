"""--fix and --diff: edits land where the reader says, on every alternative, and files are handled safely."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from lintkit import draft_of

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
