"""Drafts in neither Chinese nor English: named in every report, and only the rules for any language run.

The fixtures (fixtures/languages/) are drafts as writers send them, in Russian, Persian and
Spanish; what a language-independent rule finds in them (a bot token, a fake address, a
phone number's form) is still found, and no rule that reads Chinese or English words runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lintkit import _RULES, FIXTURES, ROOT, lint

import tglint
from tglint.language import detect_language
from tglint.models import FileResult
from tglint.reporters.github import render_github
from tglint.reporters.html import render_html
from tglint.reporters.json_report import render_json
from tglint.reporters.sarif import render_sarif
from tglint.reporters.text import render_text

LANGUAGES = FIXTURES / "languages"
DRAFTS = {
    "ru-bot-token-fake-address.txt": ("ru", {"TG202", "TG503", "TG401", "TG604"}),
    "fa-api-hash-several-mailboxes.txt": ("fa", {"TG204", "TG504"}),
    "es-no-subject-unknown-mailbox.txt": ("es", {"TG203", "TG100"}),
}
# The rules for a draft in any language: addresses, the subject's presence and length, phone numbers'
# form, secrets known by their shape, "!!!", template placeholders. Every other rule reads words.
ANY_LANGUAGE = {
    "TG100", "TG107", "TG200", "TG201", "TG202", "TG203", "TG204", "TG205", "TG206",
    "TG401", "TG402", "TG403", "TG503", "TG504", "TG505", "TG604", "TG719",
}  # fmt: skip
SCHEMA = json.loads((Path(tglint.__file__).parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def _result(name: str) -> FileResult:
    path = LANGUAGES / name
    return lint(path.read_bytes(), f"fixtures/languages/{name}")


def test_the_rules_for_any_language() -> None:
    assert {rule.code for rule in _RULES if "*" in rule.languages} == ANY_LANGUAGE


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_only_the_rules_for_any_language_run(name: str) -> None:
    language, found = DRAFTS[name]
    result = _result(name)
    assert result.language == language
    assert {f.rule for f in result.findings} == found
    assert result.skipped_rules == tuple(sorted(rule.code for rule in _RULES if rule.code not in ANY_LANGUAGE))


def test_a_secret_in_a_draft_in_another_language_stays_hidden() -> None:
    result = _result("ru-bot-token-fake-address.txt")
    assert "AAH3kq9ZrT0vXbLm2pYwE8sJcN5dUf1gQiO" not in render_text([result])
    assert "AAH3kq9ZrT0vXbLm2pYwE8sJcN5dUf1gQiO" not in render_json([result])


@pytest.mark.parametrize(
    "draft",
    [
        "To: support@telegram.org\nSubject: [技术问题] - 安卓14启动即闪退\n\n你好，应用一打开就闪退。\n",
        "To: support@telegram.org\nSubject: [Technical Issue] - Crash on start\n\nHello, the app crashes on start.\n",
    ],
)
def test_a_chinese_or_english_draft_skips_nothing(draft: str) -> None:
    result = lint(draft)
    assert result.skipped_rules == ()
    assert json.loads(render_json([result]))["files"][0]["skipped_rules"] == []
    assert "neither Chinese nor English" not in render_text([result])


def test_every_format_names_the_language_and_what_did_not_run() -> None:
    result = _result("es-no-subject-unknown-mailbox.txt")
    note = (
        "written in es, neither Chinese nor English: only the checks for any language ran; skipped TG101-TG106, "
        "TG108, TG301, TG302, TG321-TG323, TG501, TG502, TG551-TG554, TG601-TG603, TG701, TG711-TG714, "
        "TG801-TG803, TG1101-TG1103, TG1111, TG1121-TG1124"
    )
    text = render_text([result]).splitlines()
    assert text[0] == (
        "fixtures/languages/es-no-subject-unknown-mailbox.txt (language: es, topic: support, "
        "reply: 3-7 working days — normal: a common technical problem or usage question)"
    )
    assert text[1] == f"  {note}"

    report = json.loads(render_json([result]))
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    record = report["files"][0]
    assert record["language"] == "es" and record["skipped_rules"] == list(result.skipped_rules)

    sarif = json.loads(render_sarif([result], _RULES))
    (notification,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "note" and notification["message"]["text"].endswith(note)
    assert notification["properties"] == {"language": "es", "skippedRules": list(result.skipped_rules)}

    github = render_github([result]).splitlines()[0]
    assert github.startswith("::notice file=fixtures/languages/es-no-subject-unknown-mailbox.txt,")
    assert github.endswith(f"::fixtures/languages/es-no-subject-unknown-mailbox.txt: {note}")

    assert note in render_html([result], _RULES)


def test_a_clean_draft_in_another_language_is_still_named() -> None:
    result = lint("To: support@telegram.org\nSubject: Не приходит код\n\nЗдравствуйте, мне не приходит код по SMS.\n")
    assert result.findings == () and result.language == "ru"
    assert render_text([result]).splitlines()[0].startswith("draft.txt (language: ru, topic: support, reply: ")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Здравствуйте, приложение Telegram на iPhone 15 вылетает при открытии чата после обновления.", "ru"),
        ("سلام، برنامه تلگرام روی گوشی سامسونگ من بعد از به‌روزرسانی باز نمی‌شود.", "fa"),
        ("Hola, la aplicación de Telegram se cierra cuando abro un chat desde la actualización.", "es"),
        ("Γεια σας, η εφαρμογή Telegram κλείνει μόλις ανοίξω μια συνομιλία.", "el"),
        # Thai is written without spaces: its letters are counted, not its words.
        ("สวัสดีครับ แอป Telegram บน iPhone ของผมเปิดไม่ได้หลังอัปเดต", "th"),
        # A Russian word quoted in a Chinese or English draft does not make it Russian.
        ("对方发来一条俄语消息“Привет”，然后我的账号就被盗了。", "zh"),
        ("The scammer wrote 'Привет, друг' and then sent me a phishing link.", "en"),
    ],
)
def test_another_alphabet_is_named_by_langdetect(text: str, language: str) -> None:
    assert detect_language(text) == language


_CHILD = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from lintkit import lint

lint(Path(sys.argv[2]).read_bytes())
if "langdetect" in sys.modules:
    from langdetect import DetectorFactory
    print("imported, seed", DetectorFactory.seed)
else:
    print("not imported")
"""


@pytest.mark.parametrize(
    ("draft", "said"),
    [
        ("fixtures/samples/draft.eml", "not imported"),  # Chinese: the script decides
        ("fixtures/corpus/en/002-app-crashes-ios.txt", "not imported"),  # English: its function words decide
        ("fixtures/languages/ru-bot-token-fake-address.txt", "imported, seed 0"),  # Cyrillic: which language?
        ("fixtures/languages/es-no-subject-unknown-mailbox.txt", "imported, seed 0"),  # Latin, not English
    ],
)
def test_langdetect_is_asked_only_when_the_script_leaves_the_language_open(draft: str, said: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT / "tests"), str(ROOT / draft)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == said


def test_one_linter_runs_for_each_language_what_a_new_one_runs() -> None:
    """The rules that read a language are sorted out once per language: a linter that has checked drafts in
    other languages runs and skips, for each draft, what a new one does, its per-path ignores applied."""
    from lintkit import _PACKS, draft_of

    from tglint.config import Settings
    from tglint.engine import Linter

    settings = Settings(select=("ALL",), per_path_ignores={"quiet/*": ("TG101", "TG100", "TG203")})
    drafts = [(LANGUAGES / name).read_bytes() for name in sorted(DRAFTS)]
    drafts += [
        "To: support@telegram.org\nSubject: [技术问题] - 安卓14启动即闪退\n\n你好，应用一打开就闪退。\n".encode(),
        b"To: support@telegram.org\nSubject: Crash on start\n\nHello, the app crashes on start!!!\n",
    ]
    shared = Linter(_RULES, settings, _PACKS)
    for path in ("draft.txt", "quiet/draft.txt"):
        for data in [*drafts, *reversed(drafts)]:
            seen = shared.lint_draft(draft_of(data, path))
            new = Linter(_RULES, settings, _PACKS).lint_draft(draft_of(data, path))
            assert (seen.language, seen.skipped_rules, seen.findings) == (new.language, new.skipped_rules, new.findings)
            assert "TG101" not in seen.skipped_rules or path == "draft.txt"
    quiet = shared.lint_draft(draft_of(drafts[0], "quiet/draft.txt"))
    loud = shared.lint_draft(draft_of(drafts[0], "draft.txt"))
    # A rule a per-path ignore turns off is not said to be skipped for the draft's language.
    assert "TG101" in loud.skipped_rules and "TG101" not in quiet.skipped_rules
    assert "TG100" in {f.rule for f in loud.findings} and "TG100" not in {f.rule for f in quiet.findings}
