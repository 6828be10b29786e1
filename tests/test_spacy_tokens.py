"""Token patterns in declarative rules (`tokens`, `tglint.token_patterns`, the `spacy` extra).

The worked rule is the README's ("Token patterns"), read from the README itself. spaCy and jieba
are imported only when a selected rule has `tokens`; without them such a pack is a one-line error.
Import and missing-extra checks run in child processes, whose `sys.modules` is their own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tglint.api import Checker, load_settings
from tglint.catalog import CatalogError, CatalogRule, builtin_catalog, load_catalog
from tglint.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

RULE = """\
[TG9004]
name = "please-asap"
kind = "KIND"
severity = "warning"
TOKENS
summary.en = "Token rule."
summary.zh = "词元规则。"
MESSAGES
doc.en.what = "A token rule for tests."
doc.en.why = "To test it."

[[TG9004.examples]]
language = "en"
bad = "To: support@telegram.org\\n\\nPlz help.\\n"
good = "To: support@telegram.org\\n\\nPlease help.\\n"
"""
FOUND = 'messages.found.en = "Found {match}."\nmessages.found.zh = "找到{match}。"'
MISSING = 'messages.missing.en = "Nothing."\nmessages.missing.zh = "没有。"'


def _rule(tokens: str, *, kind: str = "existence", messages: str = FOUND, extra: str = "") -> str:
    body = RULE.replace("KIND", kind).replace("TOKENS", f"tokens = {tokens}\n{extra}").replace("MESSAGES", messages)
    return body


def _pack(root: Path, text: str, name: str = "tone") -> Path:
    path = root / "pack" / "catalog" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return root / "pack"


def _readme_pack(root: Path) -> Path:
    (block,) = re.findall(r"`(token-pack/catalog/[a-z-]+\.toml)`[^\n]*:\n\n```toml\n(.*?)```", README, re.S)
    path = root / block[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(block[1], encoding="utf-8")
    return root / "token-pack"


def _checker(pack: Path, select: str = "TG9") -> Checker:
    return Checker(load_settings(isolated=True, rule_packs=[pack], select=[select]))


def _spans(checker: Checker, text: str) -> list[tuple[str, str]]:
    """Each finding's part and the characters of the draft it points at (the reported offsets)."""
    (result,) = checker.lint_text(text, "draft.txt")
    lines = text.split("\n")
    found = []
    for finding in result.findings:
        assert finding.line == finding.end_line
        found.append((finding.part, lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]))
    return found


# -- the README's rule, in both languages -----------------------------------------------------------


def test_the_readme_token_rule_flags_its_bad_examples_and_passes_its_good_ones(tmp_path: Path) -> None:
    checker = _checker(_readme_pack(tmp_path))
    rule = checker.rule("TG9003")
    assert isinstance(rule, CatalogRule)
    assert {example.language for example in rule.examples} == {"en", "zh"}
    for example in rule.examples:
        assert example.bad is not None
        (result,) = checker.lint_text(example.bad, "draft.txt")
        assert [f.rule for f in result.findings] == ["TG9003"], example.bad
        (result,) = checker.lint_text(example.good, "draft.txt")
        assert result.findings == (), example.good


def test_english_and_chinese_matches_point_at_their_exact_characters(tmp_path: Path) -> None:
    checker = _checker(_readme_pack(tmp_path))
    english = (
        "To: support@telegram.org\nSubject: Reply ASAP\n\n"
        "🙏🏻 Nothing sends since May 2. Please respond immediately, asap!\n\n"
        "> Reply ASAP, my friend wrote.\n"
    )
    assert _spans(checker, english) == [
        ("subject", "ASAP"),
        ("body", "respond immediately"),
        ("body", "asap"),
    ]
    chinese = (
        "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n"
        "𠀋从5月2日起消息发不出去，请赶紧回复我，或者马上帮我处理。Please reply now.\n\n"
        "> 请立刻回复，朋友这样写道。\n"
    )
    (result,) = checker.lint_text(chinese, "draft.txt")
    assert result.language == "zh"
    assert _spans(checker, chinese) == [
        ("body", "赶紧回复"),
        ("body", "马上帮我处理"),
        ("body", "reply now"),
    ]
    message = next(f.message for f in result.findings if "赶紧回复" in f.message)
    assert message == "请去掉“赶紧回复”：邮件按顺序处理，催促不会让它更快得到回复。"


def test_chinese_is_matched_as_jieba_words_not_characters(tmp_path: Path) -> None:
    """A one-word pattern matches that word; a character of a word is not a token of its own."""
    pack = _pack(tmp_path, _rule('[[{ TEXT = "回复" }], [{ TEXT = "紧" }]]', extra='languages = ["zh"]'))
    checker = _checker(pack)
    text = "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n我的消息发不出去，请赶紧回复我。\n"
    assert _spans(checker, text) == [("body", "回复")]


def test_a_token_match_takes_the_rules_replacement_as_its_fix(tmp_path: Path) -> None:
    tokens = '[[{ LOWER = "pls" }], [{ LOWER = "plz" }]]'
    rule = _rule(tokens, messages=FOUND.replace("found", "replace"), extra='replacement = "please"')
    checker = _checker(_pack(tmp_path, rule))
    (result,) = checker.lint_text("To: support@telegram.org\n\nNothing sends, plz help.\n", "draft.txt")
    (finding,) = result.findings
    assert finding.fix is not None
    assert [(edit.start, edit.end, edit.content) for edit in finding.fix.edits] == [(15, 18, "please")]


def test_an_absence_rule_with_tokens_is_satisfied_by_a_match(tmp_path: Path) -> None:
    tokens = '[[{ LOWER = "version" }, { LIKE_NUM = true }]]'
    checker = _checker(_pack(tmp_path, _rule(tokens, kind="absence", messages=MISSING)))
    (result,) = checker.lint_text("To: support@telegram.org\n\nThe app crashes.\nEvery time.\n", "draft.txt")
    assert [(f.rule, f.line, f.column, f.end_column) for f in result.findings] == [("TG9004", 3, 1, 17)]
    (result,) = checker.lint_text("To: support@telegram.org\n\nThe app crashes on version 11.\n", "draft.txt")
    assert result.findings == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("回复赶紧我的消息 \t\n\u3000，。abc 12Ａ😀"), max_size=60))
def test_the_chinese_tokenizer_keeps_the_text_and_its_offsets(text: str) -> None:
    from tglint.token_patterns import pipeline

    doc = pipeline("zh").tokenizer(text)
    assert doc.text == text
    assert all(text[token.idx : token.idx + len(token.text)] == token.text for token in doc)


def test_no_built_in_rule_needs_the_extra() -> None:
    """spaCy is an extra: a built-in rule with `tokens` would fail on every plain install."""
    assert [rule.code for rule in builtin_catalog() if "tokens" in rule.spec] == []


# -- loading: explain, the lazy import, the missing extra, bad patterns ---------------------------------

_CHILD = r"""
import sys

BLOCK
from tglint.cli import main

try:
    code = main(sys.argv[1:])
finally:
    print("LOADED", sorted(m for m in ("spacy", "jieba") if m in sys.modules), file=sys.stderr)
raise SystemExit(code)
"""


def _run(args: list[str], cwd: Path, block: str = "") -> tuple[int, str, str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD.replace("BLOCK", block), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    stderr = result.stderr.splitlines()
    loaded = [line for line in stderr if line.startswith("LOADED ")]
    assert len(loaded) == 1, result.stderr
    return result.returncode, result.stdout, "\n".join(line for line in stderr if line not in loaded), loaded


def _drafts(root: Path) -> list[str]:
    en = root / "en.txt"
    en.write_text("To: support@telegram.org\nSubject: [Technical Issue] - Send\n\nPlease reply ASAP.\n")
    zh = root / "zh.txt"
    zh.write_text("To: support@telegram.org\nSubject: [技术问题] - 发送\n\n请赶紧回复我。\n", encoding="utf-8")
    return [str(en), str(zh)]


def test_a_lint_without_token_rules_imports_neither_spacy_nor_jieba(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path)
    code, stdout, stderr, loaded = _run(["--isolated", *drafts], tmp_path)
    assert code == 1 and "TG" in stdout, stderr
    assert loaded == ["LOADED []"]
    # The same child process does import them when a selected rule has `tokens`.
    pack = _readme_pack(tmp_path)
    code, stdout, stderr, loaded = _run(["--isolated", "--rule-pack", str(pack), *drafts], tmp_path)
    assert code == 1 and stdout.count("TG9003") == 2, stderr
    assert loaded == ["LOADED ['jieba', 'spacy']"]
    assert stderr == ""  # jieba's dictionary-loading messages are not shown


def test_explain_and_rules_show_a_token_rule_without_importing_spacy(tmp_path: Path) -> None:
    pack = str(_readme_pack(tmp_path))
    code, stdout, stderr, loaded = _run(["explain", "TG9003", "--rule-pack", pack], tmp_path)
    assert code == 0, stderr
    assert stdout.startswith("TG9003 pressing-for-a-reply (tone, info; languages: en, zh)\n")
    assert "Example (zh):" in stdout and "请马上帮我处理" in stdout
    assert loaded == ["LOADED []"]
    code, stdout, stderr, loaded = _run(["rules", "--rule-pack", pack], tmp_path)
    assert code == 0 and "TG9003 pressing-for-a-reply" in stdout, stderr
    assert loaded == ["LOADED []"]


@pytest.mark.parametrize("blocked", ["spacy", "jieba"])
def test_a_token_pack_without_the_extra_is_a_one_line_error(tmp_path: Path, blocked: str) -> None:
    pack = _readme_pack(tmp_path)
    block = f"sys.modules[{blocked!r}] = None  # as if it were not installed"
    code, stdout, stderr, _ = _run(["--isolated", "--rule-pack", str(pack), *_drafts(tmp_path)], tmp_path, block)
    source = pack / "catalog" / "tone.toml"
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"tglint: error: {source}: [TG9003] `tokens` need spaCy and jieba ({blocked} is not installed): "
        "pip install 'tglint[spacy]'"
    )
    # Without a token rule selected, the pack's other rules and the built-in ones still run.
    args = ["--isolated", "--rule-pack", str(pack), "--ignore", "TG9003", *_drafts(tmp_path)]
    code, stdout, stderr, _ = _run(args, tmp_path, block)
    assert (code, stderr) == (1, "") and "TG9003" not in stdout


def test_a_pattern_spacy_refuses_is_a_one_line_error_naming_the_file_and_rule(tmp_path: Path) -> None:
    pack = _pack(tmp_path, _rule('[[{ LOWER = "asap" }], [{ LOWR = "asap" }]]'))
    code, stdout, stderr, _ = _run(["--isolated", "--rule-pack", str(pack), *_drafts(tmp_path)], tmp_path)
    assert (code, stdout) == (2, "")
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert stderr.startswith(f"tglint: error: {pack / 'catalog' / 'tone.toml'}: [TG9004] `tokens[2]`: ")
    assert "LOWR" in stderr


@pytest.mark.parametrize(
    ("tokens", "said"),
    [
        ('"asap"', "`tokens` must be a list of token patterns, each a list of tables"),
        ("[]", "`tokens` must be a list of token patterns, each a list of tables"),
        ('[["asap"]]', "; `tokens[1]` is not"),
        ('[[{ LOWER = "a" }], []]', "; `tokens[2]` is not"),
        ('[[{ TEXT = { REGEX = "(" } }]]', "`tokens[1]`: invalid regular expression"),
        ('[[{ TEXT = { REGEX = "(a+)+$" } }]]', "`tokens[1]` has a regex that is not linear in the text"),
    ],
)
def test_a_tokens_of_the_wrong_shape_is_refused_when_the_pack_is_read(tmp_path: Path, tokens: str, said: str) -> None:
    pack = _pack(tmp_path, _rule(tokens))
    with pytest.raises(CatalogError) as error:
        load_catalog([pack])
    assert str(error.value).startswith(f"{pack / 'catalog' / 'tone.toml'}: [TG9004]")
    assert said in str(error.value)


def test_a_token_rule_needs_the_message_of_a_bare_match(tmp_path: Path) -> None:
    pack = _pack(tmp_path, _rule('[[{ LOWER = "asap" }]]', messages=""))
    with pytest.raises(CatalogError, match=r"no `messages.found`"):
        load_catalog([pack])


def test_main_reports_the_missing_extra_in_process_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The extra is looked for each time a token rule is built, not once per process."""
    pack = _readme_pack(tmp_path)
    monkeypatch.setitem(sys.modules, "jieba", None)
    assert main(["--isolated", "--rule-pack", str(pack), *_drafts(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.endswith("(jieba is not installed): pip install 'tglint[spacy]'\n")


def test_a_token_rule_survives_pickling_for_spawned_workers(tmp_path: Path) -> None:
    import pickle
    from dataclasses import replace

    checker = _checker(_readme_pack(tmp_path))
    text = "To: support@telegram.org\nSubject: [技术问题] - 发送\n\n请赶紧回复我。\n"
    before = _spans(checker, text)  # the Chinese matcher is built
    checker.linter = replace(checker.linter, rules=pickle.loads(pickle.dumps(checker.linter.rules)))
    assert _spans(checker, text) == before == [("body", "赶紧回复")]
