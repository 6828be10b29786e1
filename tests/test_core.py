"""The shared machinery: lexicons, language detection, rule packs, selection, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tglint.config import ConfigError, settings_from_table
from tglint.draft import Part, Region, RegionKind
from tglint.language import detect_language
from tglint.lexicon import lexicon
from tglint.models import Severity
from tglint.packs import PackError, Packs, builtin_pack_dir, merge
from tglint.registry import load_registry
from tglint.selection import select_rules, severity_for

RULES = load_registry(plugins=False).rules


def test_lexicon_respects_ascii_word_boundaries_but_not_cjk() -> None:
    lex = lexicon(["pin", "密码"])
    assert [m.term for m in lex.find("spinning PIN 二步验证密码")] == ["pin", "密码"]


def test_lexicon_prefers_the_longest_term_and_folds_spaces() -> None:
    lex = lexicon({"password": 1.0, "cloud password": 2.0})
    (match,) = lex.find("my cloud\n password")
    assert match.term == "cloud password" and match.weight == 2.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的 Telegram 在 iOS 17.2 上 API 调用失败，app version 10.5.2", "zh"),
        ("Hello, the app crashes when I open a chat on my phone.", "en"),
        ("OK", "en"),
        ("", None),
        ("こんにちは、アプリがクラッシュします", "ja"),
    ],
)
def test_language_by_script_first(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_detection_is_deterministic_for_other_latin_languages() -> None:
    text = "Bonjour, l'application se ferme quand j'ouvre une conversation depuis la mise à jour."
    assert detect_language(text) == detect_language(text) == "fr"


def test_part_positions_use_the_files_lines() -> None:
    part = Part("body", "第一行\nsecond line", first_line=4)
    assert part.position(0) == (4, 1)
    assert part.position(5) == (5, 2)
    subject = Part("subject", "[x] - y", first_line=2, first_column=10)
    assert subject.position(4) == (2, 14)


def test_writer_text_blanks_quoted_regions_keeping_offsets() -> None:
    text = "mine\n> theirs\nmine again"
    part = Part("body", text, regions=(Region(RegionKind.QUOTED, 5, 13),))
    assert part.writer_text() == "mine\n        \nmine again"
    assert len(part.writer_text()) == len(text)


def test_pack_merge_extends_lists_and_merges_tables() -> None:
    merged = merge({"a": [1], "t": {"x": 1}}, {"a": [1, 2], "t": {"y": 2}, "s": 3})
    assert merged == {"a": [1, 2], "t": {"x": 1, "y": 2}, "s": 3}


def test_user_pack_overrides_and_replaces(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "subject.toml").write_text('[tags]\n"账单问题" = "support"\n', encoding="utf-8")
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "mailboxes.toml").write_text(
        'replace = true\n[mailboxes]\nsupport = "help@example.org"\n', encoding="utf-8"
    )
    packs = Packs([builtin_pack_dir(), tmp_path])
    tags = packs.get("subject", "zh")["tags"]
    assert tags["账单问题"] == "support" and tags["技术问题"] == "support"
    assert packs.get("mailboxes")["mailboxes"] == {"support": "help@example.org"}


def test_malformed_pack_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "tone.toml").write_text("[broken\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"tone\.toml"):
        Packs([tmp_path])


def test_selection_by_code_prefix_name_and_category() -> None:
    codes = lambda sel, ign=(): {r.code for r in select_rules(RULES, sel, ign)}  # noqa: E731
    assert codes(["TG101"]) == {"TG101"}
    assert "TG100" in codes(["TG1"]) and "TG501" not in codes(["TG1"])
    assert codes(["password-in-draft"]) == {"TG501"}
    assert codes(["ALL"], ["secret"]) == {r.code for r in RULES} - {r.code for r in RULES if r.category == "secret"}
    with pytest.raises(ConfigError, match="TG9999"):
        select_rules(RULES, ["TG9999"], [])


def test_most_specific_severity_override_wins() -> None:
    rule = next(r for r in RULES if r.code == "TG101")
    overrides = {"subject": Severity.INFO, "TG101": Severity.ERROR}
    assert severity_for(rule, overrides) == Severity.ERROR
    assert severity_for(rule, {"subject": Severity.INFO}) == Severity.INFO
    assert severity_for(rule, {}) == rule.severity


def test_config_rejects_unknown_keys_and_bad_values() -> None:
    with pytest.raises(ConfigError, match="unknown key `colour`"):
        settings_from_table({"colour": True})
    with pytest.raises(ConfigError, match="language"):
        settings_from_table({"language": "fr"})
    settings = settings_from_table({"severity": {"TG101": "error"}, "region": "CN", "fail-level": "error"})
    assert settings.severity == {"TG101": Severity.ERROR} and settings.region == "CN"
