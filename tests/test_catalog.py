"""The rule catalogue (rules/catalog/): rules as data with a schema, messages as data, rules
without Python in a user's pack, and each rule found from its code in one step."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tglint import catalog
from tglint.api import Checker, load_settings
from tglint.catalog import CatalogError, CatalogRule, builtin_catalog, load_catalog
from tglint.cli import main
from tglint.packs import PackError, load_packs
from tglint.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BUILTIN = list(builtin_catalog())


# -- a rule from its code in one step -------------------------------------------------------


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_a_rule_is_found_from_its_code_in_one_step(rule: CatalogRule) -> None:
    """Its entry in rules/catalog/<category>.toml, its logic in tglint/checks/<module>.py, its
    fixtures in fixtures/<category>/, its test in tests/test_<module>.py (README: Development)."""
    assert Path(rule.source) == ROOT / "rules" / "catalog" / f"{rule.category}.toml"
    assert rule.logic is not None and rule.kind is None
    module, _, class_name = rule.logic.partition(":")
    package, _, name = module.rpartition(".")
    assert package == "tglint.checks" and (ROOT / "tglint" / "checks" / f"{name}.py").is_file()
    logic = rule.implementation()
    assert type(logic).__name__ == class_name and logic.code == rule.code
    folder = ROOT / "fixtures" / rule.category
    expecting = [
        path
        for path in folder.glob("fail-*.expected.json")
        if rule.code in {f["rule"] for f in json.loads(path.read_text(encoding="utf-8"))["findings"]}
    ]
    assert expecting, f"no fail-* fixture in {folder} expects {rule.code}"
    assert any(folder.glob("pass-*")), f"no pass-* fixture in {folder}"
    test_file = ROOT / "tests" / f"test_{name}.py"
    assert rule.code in test_file.read_text(encoding="utf-8"), f"{test_file.name} does not mention {rule.code}"


def test_the_catalogue_is_every_file_of_rules_catalog() -> None:
    files = {path.stem for path in (ROOT / "rules" / "catalog").glob("*.toml")}
    assert files == {rule.category for rule in BUILTIN}
    assert len(BUILTIN) == len({rule.code for rule in BUILTIN}) == len({rule.name for rule in BUILTIN})


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_example_languages_are_what_the_examples_are_written_in(rule: CatalogRule) -> None:
    for example in rule.examples:
        for text in filter(None, (example.bad, example.good)):
            written = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
            assert example.language == written, f"{rule.code}: {text!r}"


def test_the_built_in_patterns_are_linear() -> None:
    """Declarative rules of the built-in catalogue (none yet) are checked here, as the packs' regexes are."""
    from tglint.backtracking import backtracking_shape

    for rule in BUILTIN:
        for pattern in rule.spec.get("patterns", ()):
            assert backtracking_shape(pattern) is None, (rule.code, pattern)


# -- messages as data -------------------------------------------------------------------------


def _message_calls(path: Path) -> Iterator[tuple[str, ast.Call]]:
    """Each `.message(...)` call in the module, with the class it is written in ("" outside one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: dict[int, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for child in ast.walk(node):
                inside[id(child)] = node.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "message":
            yield inside.get(id(node), ""), node


def _fields(template: str) -> set[str]:
    return set(re.findall(r"(?<!\{)\{(\w+)\}", template))


@pytest.mark.parametrize("module", sorted((ROOT / "tglint" / "checks").glob("*.py")), ids=lambda p: p.stem)
def test_every_message_the_code_says_is_in_the_catalogue_in_both_languages(module: Path) -> None:
    rules = {
        rule.logic.split(":")[1]: rule for rule in BUILTIN if rule.logic.startswith(f"tglint.checks.{module.stem}:")
    }  # type: ignore[union-attr]
    said: dict[str, set[str]] = {name: set() for name in rules}
    for class_name, call in _message_calls(module):
        where = f"{module.name}: {ast.unparse(call)}"
        assert class_name in rules, f"{where}: a rule says its messages in its own class"
        assert isinstance(call.func.value, ast.Name) and call.func.value.id == "self", where  # type: ignore[attr-defined]
        assert len(call.args) == 2 and isinstance(call.args[1], ast.Constant), f"{where}: the key must be literal"
        key = call.args[1].value
        rule = rules[class_name]
        assert key in rule.messages, f"{where}: {rule.code} has no message `{key}` in {rule.source}"
        given = {keyword.arg for keyword in call.keywords}
        for language in ("en", "zh"):
            assert language in rule.messages[key], f"{rule.code} `messages.{key}` has no {language}"
            assert _fields(rule.messages[key][language]) == given, f"{where}: fields of `{key}.{language}`"
        said[class_name].add(key)
    for class_name, rule in rules.items():
        assert set(rule.messages) == said[class_name], f"{rule.code}: messages its code never says"


def test_messages_keep_their_wording_in_both_languages() -> None:
    from lintkit import lint

    claim = "To: support@telegram.org\nSubject: [Technical Issue] - Crash\n\nIt crashes. I've attached the crash log.\n"
    (en,) = lint(claim, select=("TG802",)).findings
    (zh,) = lint(claim, select=("TG802",), message_language="zh").findings
    assert en.message == (
        'The draft says "I\'ve attached the crash log", but a plain-text draft carries no file: attach it when you '
        'send the mail (name it on an "Attachments:" line under the Subject line and tglint checks it), or drop the '
        "sentence."
    )
    assert zh.message == (
        "草稿中写了“I've attached the crash log”，但纯文本草稿带不了附件：发送时请把文件添加为附件"
        "（可在“主题：”下加一行“附件：文件名”，tglint 会据此检查），或删掉这句话。"
    )


# -- the schema: each mistake one line naming the file, the rule and the key ---------------------

RULE = """\
[TG9001]
name = "chat-slang"
kind = "existence"
severity = "warning"
words = ["pls"]
summary.en = "Chat slang."
summary.zh = "网络用语。"
messages.found.en = "Write please for {match}."
messages.found.zh = "请不要写{match}。"
doc.en.what = "Flags pls."
doc.en.why = "It is slang."

[[TG9001.examples]]
language = "en"
bad = "To: support@telegram.org\\n\\nPls help.\\n"
good = "To: support@telegram.org\\n\\nPlease help.\\n"
"""


def _plus(lines: str) -> str:
    """RULE with `lines` among its top-level keys."""
    return RULE.replace('severity = "warning"\n', f'severity = "warning"\n{lines}')


def _pack(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pack" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pack"


def test_a_correct_pack_rule_loads(tmp_path: Path) -> None:
    rule = load_catalog([_pack(tmp_path, {"catalog/tone.toml": RULE})]).get("TG9001")
    assert rule is not None and (rule.name, rule.category, rule.kind) == ("chat-slang", "tone", "existence")


MISTAKES = {
    "misspelt key": (
        "catalog/tone.toml",
        _plus('sumary.en = "x"\n'),
        "[TG9001] unknown key `sumary` (did you mean `summary`?)",
    ),
    "misspelt file": ("catalog/tones.toml", RULE, "unknown catalogue file (did you mean `tone`?)"),
    "misspelt folder": ("catalogue/tone.toml", RULE, "unknown folder in a rule pack (did you mean `catalog`?)"),
    "file outside a folder": ("tone.toml", RULE, "a pack file goes in one of common, zh, en/"),
    "missing language": (
        "catalog/tone.toml",
        RULE.replace('summary.zh = "网络用语。"\n', ""),
        "[TG9001] no `summary.zh`",
    ),
    "message without Chinese": (
        "catalog/tone.toml",
        RULE.replace('messages.found.zh = "请不要写{match}。"\n', ""),
        "[TG9001] no `messages.found.zh`",
    ),
    "wrong severity": (
        "catalog/tone.toml",
        RULE.replace('"warning"', '"fatal"'),
        "`severity` must be error, warning or info",
    ),
    "wrong type": ("catalog/tone.toml", RULE.replace('words = ["pls"]', 'words = "pls"'), "`words` must be a list"),
    "unknown kind": (
        "catalog/tone.toml",
        RULE.replace('"existence"', '"exists"'),
        "`kind` must be one of existence, absence",
    ),
    "unknown topic": ("catalog/tone.toml", _plus('topics = ["suport"]\n'), "`topics` must list some of support"),
    "name taken": (
        "catalog/tone.toml",
        RULE.replace('"chat-slang"', '"hostile-wording"'),
        "is already the name of TG601",
    ),
    "not a code": ("catalog/tone.toml", "[TG12]\nname = 'x'\n", "`TG12` is not a rule code"),
    "python logic": (
        "catalog/tone.toml",
        RULE.replace('kind = "existence"', 'logic = "my_rules:Slang"'),
        "[TG9001] `logic` is for built-in rules",
    ),
    "renaming a built-in rule": ("catalog/tone.toml", '[TG601]\nname = "rude"\n', "[TG601] `name` of a built-in rule"),
    "a built-in rule in another file": (
        "catalog/subject.toml",
        '[TG601]\nseverity = "error"\n',
        "[TG601] is a rule of",
    ),
    "unknown message of a built-in rule": (
        "catalog/attachment.toml",
        '[TG801.messages.mising]\nen = "x"\n',
        "[TG801] `messages.mising`: TG801 has no such message (did you mean `missing`?)",
    ),
    "unknown field in a built-in message": (
        "catalog/attachment.toml",
        '[TG801.messages.missing]\nen = "Attach {file}"\n',
        "[TG801] `messages.missing.en`: unknown field {file}",
    ),
    "unknown field in a message": (
        "catalog/tone.toml",
        RULE.replace("{match}。", "{word}。"),
        "`messages.found.zh`: unknown field {word} (fields: {match})",
    ),
    "a message never said": (
        "catalog/tone.toml",
        _plus('messages.replace.en = "x"\nmessages.replace.zh = "x"\n'),
        "`messages.replace` is never said by this rule",
    ),
    "a stray brace": ("catalog/tone.toml", RULE.replace("{match}。", "{match。"), "`messages.found.zh`:"),
    "an invalid regex": (
        "catalog/tone.toml",
        RULE.replace('words = ["pls"]', "patterns = ['(pls']"),
        "[TG9001] `patterns[1]`: invalid regular expression",
    ),
    "a regex that backtracks": (
        "catalog/tone.toml",
        RULE.replace('words = ["pls"]', "patterns = ['(p+)+s']"),
        "[TG9001] `patterns[1]` has a regex that is not linear in the text",
    ),
    "misspelt example key": ("catalog/tone.toml", RULE.replace("good =", "godo ="), "unknown key `examples[1].godo`"),
    "misspelt doc key": ("catalog/tone.toml", RULE.replace("doc.en.why", "doc.en.wy"), "unknown key `doc.en.wy`"),
    "no example": ("catalog/tone.toml", RULE.split("[[")[0], "[TG9001] no `examples`"),
    "invalid TOML": ("catalog/tone.toml", RULE + "name = \n", "invalid TOML"),
    "replacing for an absence rule": (
        "catalog/tone.toml",
        _plus('replacement = "x"\n').replace('"existence"', '"absence"').replace("found", "missing"),
        "`replacement`: an absence rule flags what is missing",
    ),
}


@pytest.mark.parametrize(("name", "text", "said"), MISTAKES.values(), ids=list(MISTAKES))
def test_a_mistake_in_a_pack_catalogue_is_one_line_naming_file_and_key(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    pack = _pack(tmp_path, {name: text})
    with pytest.raises(PackError) as raised:
        load_catalog([pack])
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(str(pack / name.split("/")[0] if name.startswith("catalogue") else pack / name))
    assert said in message


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        (
            "zh/subjet.toml",
            '[tags]\n"账单" = "support"\n',
            "zh/subjet.toml: unknown pack file (did you mean `subject`?)",
        ),
        (
            "zh/subject.toml",
            '[tagz]\n"账单" = "support"\n',
            "zh/subject.toml: unknown key `tagz` (did you mean `tags`?)",
        ),
    ],
)
def test_a_misspelt_pack_file_or_key_is_an_error(tmp_path: Path, name: str, text: str, said: str) -> None:
    with pytest.raises(PackError, match=re.escape(said)):
        load_packs([_pack(tmp_path, {name: text})])


def test_a_user_pack_may_replace_a_file_and_extend_its_tables(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"zh/subject.toml": 'replace = true\n[tags]\n"账单问题" = "support"\n'})
    assert load_packs([pack]).get("subject", "zh")["tags"] == {"账单问题": "support"}


@pytest.mark.parametrize("command", [["rules"], ["explain", "TG9001"], ["draft.txt"]])
def test_the_commands_say_a_catalogue_mistake_in_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    pack = _pack(tmp_path, {"catalog/tone.toml": _plus('sumary.en = "x"\n')})
    (tmp_path / "draft.txt").write_text("To: support@telegram.org\n\nHello\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--isolated", "--rule-pack", str(pack)]) == 2
    error = capsys.readouterr().err
    assert (
        error
        == f"tglint: error: {pack / 'catalog' / 'tone.toml'}: [TG9001] unknown key `sumary` (did you mean `summary`?)\n"
    )


# -- checking imports the logic of the selected rules only --------------------------------------------

_CHECK_TG604 = """
import json, sys
from tglint.api import Checker, load_settings

Checker(load_settings(isolated=True, select=["TG604"])).lint_text("To: support@telegram.org\\n\\nWhy???\\n", "d.txt")
print(json.dumps(sorted(m for m in sys.modules if m.startswith("tglint.checks."))))
"""


def test_checking_imports_the_logic_of_the_selected_rules_only(tmp_path: Path) -> None:
    """TG604's module, and those of the rules that find what reports mask (secret, pii), which run on every draft."""
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_TG604], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert "tglint.checks.tone" in loaded
    assert loaded <= {"tglint.checks.tone", "tglint.checks.secret", "tglint.checks.pii"}


# -- a logic that does not exist: found when checking, not when listing ---------------------------


@pytest.fixture
def broken_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The built-in catalogue, with TG604's logic misspelt."""
    copy = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", copy)
    tone = copy / "catalog" / "tone.toml"
    tone.write_text(tone.read_text(encoding="utf-8").replace(":RepeatedPunctuation", ":RepeatedPunctuations"))
    monkeypatch.setattr(catalog, "builtin_pack_dir", lambda: copy)
    builtin_catalog.cache_clear()
    yield tone
    builtin_catalog.cache_clear()


def test_a_missing_logic_is_an_error_when_checking_not_when_listing(broken_builtin: Path) -> None:
    registry = load_registry(plugins=False)
    assert registry.by_code("TG604") is not None and registry.by_code("TG604").name == "repeated-punctuation"  # type: ignore[union-attr]
    Checker(load_settings(isolated=True, select=["TG601"]))  # other rules still check
    with pytest.raises(PackError) as raised:
        Checker(load_settings(isolated=True, select=["TG604"]))
    assert str(raised.value) == (
        f"{broken_builtin}: [TG604] `logic`: `tglint.checks.tone` has no class `RepeatedPunctuations`"
    )


@pytest.mark.parametrize(
    ("logic", "said"),
    [
        ("tglint.checks.tones:RepeatedPunctuation", "no module `tglint.checks.tones`"),
        (
            "tglint.checks.tone:ShoutingInCapitals",
            "`tglint.checks.tone:ShoutingInCapitals` is the logic of TG603, not of TG604",
        ),
    ],
)
def test_a_logic_of_another_rule_or_module_is_named(logic: str, said: str) -> None:
    table = {**_builtin_table("TG604"), "logic": logic}
    rule = CatalogRule("TG604", "tone", table, "tone.toml")
    with pytest.raises(CatalogError, match=re.escape(f"tone.toml: [TG604] `logic`: {said}")):
        rule.implementation()


def _builtin_table(code: str) -> dict[str, object]:
    import tomllib

    rule = builtin_catalog().rules[code]
    return tomllib.loads(Path(rule.source).read_text(encoding="utf-8"))[code]  # type: ignore[no-any-return]
