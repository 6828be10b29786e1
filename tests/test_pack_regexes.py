"""Pack regexes must be linear in the text: the shapes that backtrack badly are rejected when a pack is loaded.

`tglint.backtracking.backtracking_shape` reads a regex's text for nested quantifiers, adjacent quantifiers over
common characters, and unbounded quantifiers a search retries from every position of a run. Every built-in
pack passes it (the tests check them, as loading does not); a user's pack that fails it is a one-line error
naming the file and the key, as an unreadable pack is.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tglint.backtracking import backtracking_shape
from tglint.cli import main
from tglint.packs import REGEX_ENTRIES, SCOPES, PackError, builtin_pack_dir, check_regexes, load_packs, regex_entries

BUILTIN = builtin_pack_dir()
PACK_FILES = sorted(path for scope in SCOPES for path in (BUILTIN / scope).glob("*.toml"))


def _table(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_builtin_pack_regex_is_linear(path: Path) -> None:
    check_regexes(path.stem, _table(path), path)


def test_every_regex_entry_is_in_a_builtin_pack_and_compiles() -> None:
    """The list of regex entries names keys the packs have, so a renamed key is not left unchecked."""
    found: dict[str, set[str]] = {name: set() for name in REGEX_ENTRIES}
    for path in PACK_FILES:
        for key, regex in regex_entries(path.stem, _table(path)):
            re.compile(regex)
            found[path.stem].add(key.split(".")[0])
    for name, entries in REGEX_ENTRIES.items():
        assert {entry.split(".")[0] for entry in entries} <= found[name], name


@pytest.mark.parametrize(
    ("regex", "shape"),
    [
        (r"(a+)+", "nested"),
        (r"(\d+\s?)*x", "nested"),
        (r"(?:\.\d+)+", "nested"),
        (r"(?:\w+\s?){1,5}", "nested"),  # bounded, but holding unbounded quantifiers
        (r"(?:a?){1,40}", "nested"),  # a bounded group repeated more than a few times
        (r"phone\s*(?:is|:)?\s*\d", "adjacent"),
        (r"\s*-?\s*(?:january|june)", "adjacent"),
        (r"report\s+(?:it)?\s*via", "adjacent"),
        (r"[一二三]+点", "run"),
        (r"(?:(?<!\d)\d+|[一二两]+)\s*个", "run"),
        (r"a.*b", "run"),
        (r"(?=.*x)y", "run"),
        (r"(?m)^\s*foo", "run"),
        (r"‘[^’\n]{3,}’", "run"),  # a run of ‘ is read to its end from each of them
    ],
)
def test_shapes_that_backtrack_badly_are_found(regex: str, shape: str) -> None:
    found = backtracking_shape(regex, re.IGNORECASE)
    assert found is not None, regex
    assert {"nested": "nested quantifiers", "adjacent": "adjacent quantifiers", "run": "run of"}[shape] in found


@pytest.mark.parametrize(
    "regex",
    [
        r"(?:\.\d++)+",  # possessive: gives nothing back
        r"(?>\.\d+)+",  # atomic
        r"(?:[\s.-]?\d{2,4}){2,4}",  # a few bounded ways
        r"\d{1,3}(?:\.\d{1,3}){3}",
        r"phone\s*(?:(?:is|:)\s*)?\d",
        r"上\s*(?:个\s*)?(?:多\s*)?(?:秒|分钟)",
        r"(?<![一二三])[一二三]+点",  # a look-behind: only a run's first character starts a match
        r"(?:(?<![A-Za-z0-9_])|(?![A-Za-z0-9_]))[A-Za-z]+x",
        r"user\s*name",
        r"叫\s*[^\s，。]{2,}",  # the run ends the regex: the first try matches
        r"‘[^‘’\n]{3,}’",
        r"\bword\b",
        r"x\d+",
        r"^\s*foo",  # without MULTILINE, `^` stands at one place
    ],
)
def test_linear_shapes_pass(regex: str) -> None:
    assert backtracking_shape(regex, re.IGNORECASE) is None


@pytest.mark.parametrize(
    "regex", ["(", "[a", "\\", r"\p{L}", r"(?P<n>a)(?P=n)+", r"(?(1)a|b)", r"\N{BULLET}x", "(?x) a + # c\n b", r"a{}"]
)
def test_any_text_is_read_without_an_exception(regex: str) -> None:
    backtracking_shape(regex)


def test_a_user_pack_with_a_nested_quantifier_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    pack = tmp_path / "en" / "account.toml"
    pack.write_text("registration = ['''(?:since\\s+\\d+)+''']\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"account\.toml: `registration` has a regex that is not linear"):
        load_packs([tmp_path])


def test_nested_keys_are_named(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    pack = tmp_path / "zh" / "mixed.toml"
    pack.write_text(
        '[cues.refund]\ntopic = "support"\nweight = 2\npatterns = ["退款\\\\s*(?:了)?\\\\s*吗"]\n', encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"mixed\.toml: `cues\.refund\.patterns` .*adjacent quantifiers"):
        load_packs([tmp_path])


def test_a_pack_error_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs" / "zh").mkdir(parents=True)
    # A line break written as such (a TOML basic string), inside the part of the regex the message shows.
    (tmp_path / "packs" / "zh" / "details.toml").write_text('time = ["(?:点\\n+)+"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("To: support@telegram.org\nSubject: x\n\n闪退\n", encoding="utf-8")
    assert main(["--isolated", "--rule-pack", "packs", "draft.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tglint: error: packs/zh/details.toml: `time` has a regex") and err.count("\n") == 1, err
    assert "\\n" in err  # the line break in the regex is shown escaped


def test_a_user_pack_that_only_merges_words_is_not_refused(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "account.toml").write_text("own_context = ['(a+)+ is a word here']\n", encoding="utf-8")
    assert load_packs([tmp_path]).get("account", "en")["own_context"][-1] == "(a+)+ is a word here"
