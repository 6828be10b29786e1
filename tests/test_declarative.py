"""Rules without Python (`tglint.declarative`): a user's pack adds existence and absence rules in
its `catalog/`, found, fixed and explained as built-in rules are. The pack files are the README's
worked examples ("Writing rules without Python"), read from the README itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tglint.api import Checker, load_settings
from tglint.catalog import CatalogRule, builtin_catalog
from tglint.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RULE = """\
[TG9001]
name = "internal-ticket"
kind = "existence"
severity = "warning"
patterns = ['INC-[0-9]{6}']
replacement = "our ticket"
summary.en = "An internal ticket number."
summary.zh = "内部工单号。"
messages.replace.en = "Write {replacement} rather than {match}."
messages.replace.zh = "请把{match}写成{replacement}。"
doc.en.what = "Flags internal ticket numbers."
doc.en.why = "Telegram cannot read them."

[[TG9001.examples]]
language = "en"
bad = "To: support@telegram.org\\n\\nSee INC-123456.\\n"
good = "To: support@telegram.org\\n\\nSee ticket 8.\\n"
"""


def _pack(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pack" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pack"


# -- rules without Python: the README's worked examples ---------------------------------------------


def _readme_pack(root: Path) -> Path:
    """The pack files of "Writing rules without Python", as the README writes them."""
    blocks = re.findall(r"`(my-pack/catalog/[a-z-]+\.toml)`:\n\n```toml\n(.*?)```", README, re.S)
    assert len(blocks) == 2
    for name, text in blocks:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "my-pack"


@pytest.fixture
def my_pack(tmp_path: Path) -> Path:
    return _readme_pack(tmp_path)


def test_the_readme_rules_are_listed_and_checked_as_built_in_ones(my_pack: Path) -> None:
    checker = Checker(load_settings(isolated=True, rule_packs=[my_pack], select=["TG9"]))
    assert [rule.code for rule in checker.linter.rules] == ["TG9001", "TG9002"]
    for code in ("TG9001", "TG9002"):
        rule = checker.rule(code)
        assert isinstance(rule, CatalogRule)
        for example in rule.examples:
            if example.bad is not None:
                (result,) = checker.lint_text(example.bad, "draft.txt")
                assert code in [f.rule for f in result.findings], example.bad
            (result,) = checker.lint_text(example.good, "draft.txt")
            assert result.findings == (), example.good


def test_existence_flags_words_in_both_languages_with_their_fix(my_pack: Path) -> None:
    checker = Checker(load_settings(isolated=True, rule_packs=[my_pack], select=["TG9001"]))
    text = (
        "To: support@telegram.org\nSubject: [技术问题] - 贴纸\n\n贴纸加载不出来，木有提示。Pls help.\n\n> 神马 quoted\n"
    )
    (result,) = checker.lint_text(text, "draft.txt")
    found = [(f.line, f.column, f.message, f.fix.applicability if f.fix else None) for f in result.findings]
    assert found == [
        (4, 9, "请把“木有”写成“没有”：客服把邮件当作正式的请求来读。", "safe"),
        (4, 14, "请把“Pls”写成“Please”：客服把邮件当作正式的请求来读。", "safe"),
    ]
    (result,) = checker.lint_text("To: support@telegram.org\n\nMy plsql job fails; pls see below.\n", "d.txt")
    assert [(f.column, f.message) for f in result.findings] == [
        (21, 'Write "please" rather than "pls": staff read the mail as a formal request.')
    ]


def test_existence_fix_is_applied(my_pack: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("To: support@telegram.org\nSubject: [Technical Issue] - Stickers\n\nPls help, thx.\n")
    assert main(["--isolated", "--rule-pack", str(my_pack), "--select", "TG9001", "--fix", str(draft)]) == 0
    assert draft.read_text().endswith("\n\nPlease help, thank you.\n")


def test_absence_is_scoped_to_its_topic_and_found_once(my_pack: Path) -> None:
    checker = Checker(load_settings(isolated=True, rule_packs=[my_pack], select=["TG9002"]))
    security = "To: security@telegram.org\nSubject: [Account Security] - Stolen\n\nSomeone logged in.\nI lost access.\n"
    (result,) = checker.lint_text(security, "d.txt")
    assert [(f.rule, f.line, f.column, f.end_column) for f in result.findings] == [("TG9002", 4, 1, 19)]
    (result,) = checker.lint_text(security.replace("I lost", "My 2FA is on. I lost"), "d.txt")
    assert result.findings == ()
    support = "To: support@telegram.org\nSubject: [Technical Issue] - Stickers\n\nNo sticker loads since May 2.\n"
    (result,) = checker.lint_text(support, "d.txt")
    assert (result.topic, result.findings) == ("support", ())


def test_patterns_and_a_replacement_for_every_match(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"catalog/tone.toml": RULE})
    checker = Checker(load_settings(isolated=True, rule_packs=[pack], select=["TG9001"]))
    (result,) = checker.lint_text("To: support@telegram.org\n\nSee INC-123456 and inc-654321.\n", "d.txt")
    (finding,) = result.findings
    assert (finding.column, finding.message) == (5, "Write our ticket rather than INC-123456.")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert [edit.content for edit in finding.fix.edits] == ["our ticket"]


def test_explain_shows_a_pack_rule_as_a_built_in_one(
    my_pack: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(my_pack.parent)
    (my_pack.parent / ".tglint.toml").write_text('rule-packs = ["my-pack"]\n')
    assert main(["explain", "TG9001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "TG9001 chat-slang (tone, warning; languages: en, zh)\n\nChat slang in a mail that asks for help.\n"
    )
    assert "Example (en):\n    To: support@telegram.org" in out and "Example (zh):" in out
    assert "Fix:\nSafe: the slang word is replaced by the standard one.\n" in out
    assert main(["explain", "two-step-verification-unsaid", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "安全邮件没有说明是否开启了二步验证。" in out and "标出发往 security@telegram.org" in out
    assert main(["rules"]) == 0
    assert "TG9002 two-step-verification-unsaid details       info" in capsys.readouterr().out
    assert main(["rules", "--isolated"]) == 0
    assert "TG9001" not in capsys.readouterr().out


def test_sarif_describes_a_pack_rule(my_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("To: support@telegram.org\nSubject: [Technical Issue] - Stickers\n\nPls help.\n")
    main(["--isolated", "--rule-pack", str(my_pack), "--format", "sarif", str(draft)])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    (slang,) = [rule for rule in rules if rule["id"] == "TG9001"]
    assert slang["shortDescription"]["text"] == "Chat slang in a mail that asks for help."


def test_a_pack_changes_a_built_in_rules_severity_and_message(tmp_path: Path) -> None:
    """The README's example: TG802 made a hint (info), with its own English message."""
    (override,) = [block for block in re.findall(r"```toml\n(.*?)```", README, re.S) if block.startswith("[TG802]")]
    pack = _pack(tmp_path, {"catalog/attachment.toml": override})
    claim = "To: support@telegram.org\nSubject: [Technical Issue] - Crash\n\nThe app crashes. I've attached the log.\n"
    settings = load_settings(isolated=True, rule_packs=[pack], select=["TG802"])
    ((finding,),) = [r.findings for r in Checker(settings).lint_text(claim, "d.txt")]
    assert finding.severity.value == "info"
    assert finding.message == 'You wrote "I\'ve attached the log": attach the file when you send the mail.'
    chinese = load_settings(isolated=True, rule_packs=[pack], select=["TG802"], message_language="zh")
    ((finding,),) = [r.findings for r in Checker(chinese).lint_text(claim, "d.txt")]
    assert finding.message.startswith("草稿中写了")  # the other language is the built-in's
    assert builtin_catalog().rules["TG802"].severity.value == "warning"
