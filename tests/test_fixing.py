"""--fix, --diff and --unsafe-fixes: what changes, and every byte that must not."""

from __future__ import annotations

import base64
import email
import os
import stat
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from lintkit import FIXTURES, ROOT, draft_of, lint

from tglint.cli import main
from tglint.config import Settings
from tglint.draft import Draft
from tglint.engine import Linter
from tglint.fixing import apply_edits_to_text, chosen_edits, fix_bytes
from tglint.packs import load_packs
from tglint.reading import read_bytes, read_path
from tglint.registry import load_registry

REAL_MAIL = ROOT.parent / "shared" / "corpora" / "real-mail"
REGIONS = {"zh": "CN", "en": "US"}


@pytest.mark.parametrize("before", sorted((FIXTURES / "fixes").glob("*.before.txt")), ids=lambda p: p.name)
def test_safe_fixes_turn_before_into_after(before: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    target.write_bytes(before.read_bytes())
    region = REGIONS[before.name.split("-")[0]]
    main(["--fix", "--region", region, str(target)])
    capsys.readouterr()
    assert target.read_bytes() == before.with_name(before.name.replace(".before.", ".after.")).read_bytes()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x85", "\x1e"], ids=repr)
def test_a_character_python_splits_lines_at_does_not_move_the_fix(
    separator: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading ends lines at CRLF, CR and LF only: so must the fixer, or the edit lands on
    another line and corrupts the draft."""
    target = tmp_path / "draft.txt"
    target.write_text(
        f"To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n第一行{separator}还是第一行\n"
        "您好，我的手机号是 139-0288-4517，从昨天开始收不到登录验证码。\n",
        encoding="utf-8",
    )
    main(["--fix", "--isolated", "--region", "CN", str(target)])
    capsys.readouterr()
    fixed = target.read_text(encoding="utf-8").split("\n")
    assert fixed[4] == "您好，我的手机号是 +86 139 0288 4517，从昨天开始收不到登录验证码。"
    assert fixed[3] == f"第一行{separator}还是第一行"


def test_diff_writes_nothing_and_masks_secrets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    original = (FIXTURES / "fixes" / "en-crlf.before.txt").read_bytes()
    target.write_bytes(original)
    code = main(["--diff", "--region", "US", str(target)])
    out = capsys.readouterr().out
    assert code == 1 and target.read_bytes() == original
    assert "+1 415-555-0132" in out and out.startswith("---")
    assert "Hunter2024" not in out


def test_diff_with_nothing_to_fix_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    target.write_text("To: support@telegram.org\nSubject: [Technical Issue] - x\n\nHello\n", encoding="utf-8")
    assert main(["--diff", "--select", "TG5", str(target)]) == 0
    assert capsys.readouterr().out == ""


def test_fix_keeps_mode_and_reports_what_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.txt"
    target.write_text("To: support@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n", encoding="utf-8")
    os.chmod(target, 0o640)
    code = main(["--fix", "--select", "TG5", str(target)])
    out = capsys.readouterr().out
    assert "Hunter2024" not in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert code == 0 and "All checks passed" in out


def test_unsafe_fixes_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "To: support@telegram.org\nSubject: 账号被盗\n\n我的账号昨天被盗了，有陌生设备异常登录。\n"
    safe = lint(text, select=("ALL",))
    unsafe_edits = chosen_edits(safe, unsafe=True)
    assert len(unsafe_edits) > len(chosen_edits(safe, unsafe=False))
    target = tmp_path / "d.txt"
    target.write_text(text, encoding="utf-8")
    main(["--fix", str(target)])
    assert target.read_text(encoding="utf-8") == text
    main(["--fix", "--unsafe-fixes", str(target)])
    capsys.readouterr()
    assert target.read_text(encoding="utf-8") != text


def _eml_with_attachment() -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Lin <lin@example.com>"
    message["To"] = "suport@telegram.org"
    message["Subject"] = "【技术问题】图片发送失败"
    message["X-Custom"] = "keep me exactly"
    message.set_content("你好，\n我的密码是 Abc12345，请帮忙。\n", charset="utf-8", cte="base64")
    message.add_attachment(b"\x89PNG\r\n" + bytes(range(256)) * 8, maintype="image", subtype="png", filename="s.png")
    return message.as_bytes()


def test_eml_fix_rewrites_only_the_affected_header_and_text_part() -> None:
    data = _eml_with_attachment()
    draft = draft_of(data, "d.eml")
    result = Linter(load_registry(plugins=False).rules, Settings(), load_packs()).lint_draft(draft)
    outcome = fix_bytes(data, draft, chosen_edits(result, unsafe=False))
    assert outcome.skipped == [] and outcome.applied >= 2
    before = email.message_from_bytes(data, policy=policy.default)
    after = email.message_from_bytes(outcome.fixed, policy=policy.default)
    assert after["To"] == "support@telegram.org" and after["X-Custom"] == "keep me exactly"
    assert [k for k, _ in before.raw_items()] == [k for k, _ in after.raw_items()]
    old_parts, new_parts = list(before.iter_parts()), list(after.iter_parts())
    assert new_parts[0]["Content-Transfer-Encoding"] == "base64"
    assert "Abc12345" not in new_parts[0].get_content() and "请帮忙" in new_parts[0].get_content()
    # The attachment is byte-identical, raw encoded payload and all.
    raw_attachment = old_parts[1].get_payload(decode=False)
    assert raw_attachment.encode() in outcome.fixed
    assert base64.b64decode(raw_attachment) == new_parts[1].get_content()


def _single_drafts() -> list[Path]:
    if not REAL_MAIL.is_dir():
        pytest.fail(f"the real-mail corpus is missing: {REAL_MAIL}")
    return sorted(p for p in REAL_MAIL.rglob("*") if p.is_file() and p.name != "SOURCES.md")


def test_fix_over_real_mail_changes_only_what_it_means_to() -> None:
    linter = Linter(load_registry(plugins=False).rules, Settings(region="US"), load_packs())
    changed = identical = 0
    for path in _single_drafts():
        items = read_path(str(path))
        if len(items) != 1 or not isinstance(items[0], Draft) or items[0].path != str(path):
            continue
        draft = items[0]
        data = path.read_bytes()
        edits = chosen_edits(linter.lint_draft(draft), unsafe=True)
        outcome = fix_bytes(data, draft, edits)
        if outcome.applied == 0:
            assert outcome.fixed == data, path
            identical += 1
            continue
        changed += 1
        (fixed,) = read_bytes(outcome.fixed, str(path))
        assert isinstance(fixed, Draft), path
        skipped = {reason.split(":", 1)[0] for reason in outcome.skipped}
        touched = {e.part for e in edits} - skipped
        for name, part in draft.parts.items():
            if name not in touched:
                assert fixed.parts[name].text == part.text, (path, name)
        for name in touched & set(fixed.parts):
            expected = apply_edits_to_text(draft.parts[name].text, [e for e in edits if e.part == name])
            if name == "body":
                assert fixed.parts[name].text.strip() == expected.strip(), path
            else:
                assert " ".join(fixed.parts[name].text.split()) == " ".join(expected.split()), (path, name)
        assert [(a.filename, a.content_type) for a in fixed.attachments] == [
            (a.filename, a.content_type) for a in draft.attachments
        ], path
    assert identical + changed > 1000 and identical > 0 and changed > 0
