"""Anchor words: every pack regex list searched through them declares them, every match begins with one, and a
regex searched through its anchors finds exactly what the plain regex finds.

The static check (`anchor_problem`) is run on every built-in entry; the searches are compared with the plain
regex on the corpus drafts, on texts made of the packs' own words in every case, and on the characters that trap
case-insensitive matching (the Kelvin sign, dotless i, long s, digits of other scripts).
"""

from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path

import pytest
from lintkit import FIXTURES

from tglint import anchors as anchors_module
from tglint.anchors import (
    ANCHORED,
    ASCII_CASE_TWINS,
    AnchoredPattern,
    anchor_problem,
    anchored_entries,
    anchors_at,
    search_copy,
)
from tglint.cli import main
from tglint.packs import REGEX_ENTRIES, SCOPES, PackError, builtin_pack_dir, load_packs
from tglint.patterns import WORD_EDGE, WORD_START, compile_patterns, pack_pattern
from tglint.recognizers.devices import brand_model
from tglint.recognizers.follow_ups import patterns as follow_up_patterns

_PACKS = load_packs()
_BUILTIN = builtin_pack_dir()
_PACK_FILES = sorted(path for scope in SCOPES for path in (_BUILTIN / scope).glob("*.toml"))
TRAPS = ["ſ", "K", "İ", "ı", "ID", "id", "Id", "_", "-", "：", "\n", " ", "@", "#", "Ｉ", "é", "É", "１", "٣", "２０"]
_WORD = re.compile(r"[A-Za-z]+|[\u3400-\u9fff]+|\d+")


def _table(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def anchored_keys() -> list[tuple[str, str]]:
    """(pack, key path) of every regex list the rules search through anchors."""
    keys = set()
    for path in _PACK_FILES:
        for key, _ in anchored_entries(path.stem, _table(path)):
            keys.add((path.stem, key))
    return sorted(keys)


def pack_patterns() -> list[AnchoredPattern]:
    # The chasing regexes each name their count `n`, so they are searched one by one, never joined on their own:
    # the follow-up recognizer joins them with the ticket regexes, group names dropped (`either`).
    keys = [(pack, key) for pack, key in anchored_keys() if (pack, key) != ("follow_up", "chasing")]
    found = [pack_pattern(_PACKS, pack, key) for pack, key in keys]
    found.append(brand_model(_PACKS))
    found.append(follow_up_patterns(_PACKS).either)
    return [pattern for pattern in found if pattern is not None]


@pytest.mark.parametrize("path", _PACK_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_match_of_a_builtin_regex_begins_with_an_anchor(path: Path) -> None:
    merged = _PACKS.get(path.stem)
    for key, regex in anchored_entries(path.stem, _table(path)):
        anchors = anchors_at(merged, key)
        assert anchors, f"{path.name}: `{key}` declares no anchors"
        assert anchor_problem(regex, anchors) is None, (path.name, key, regex)


def test_every_anchored_entry_is_a_regex_entry_of_a_builtin_pack() -> None:
    assert set(ANCHORED) <= set(REGEX_ENTRIES)
    found = {pack for pack, _ in anchored_keys()}
    assert found == set(ANCHORED)
    assert len(anchored_keys()) > 30


def corpus_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("corpus/*/*"))[:80]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def word_texts(patterns: list[AnchoredPattern], seed: int, count: int = 150) -> list[str]:
    """Texts made of the patterns' own words, numbers and separators, in every case, and traps."""
    words = sorted({word for p in patterns for word in _WORD.findall(p.regex.pattern)} - {"A", "Za", "z0"})
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 25)):
            roll = rng.random()
            word = rng.choice(words) if roll < 0.6 else rng.choice(TRAPS) if roll < 0.75 else str(rng.randint(0, 9999))
            word = rng.choice([word, word.upper(), word.lower(), word.capitalize()])
            pieces.append(word + rng.choice([" ", "", "  ", "-", ".", ",", "，", ":", "：", "\n", "(", "_", "年"]))
        texts.append("".join(pieces))
    return texts


def assert_finds_the_same(pattern: AnchoredPattern, texts: list[str]) -> None:
    for text in texts:
        plain = [m.span() for m in pattern.regex.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == plain, (pattern.regex.pattern[:80], text[:200])
        assert [m.span() for m in pattern.finditer(text, search_copy(text))] == plain
        found, first = pattern.search(text), pattern.regex.search(text)
        assert (found and found.span()) == (first and first.span()), text[:200]


def test_pack_regexes_find_what_the_plain_regex_finds() -> None:
    patterns = pack_patterns()
    assert all(pattern.anchored for pattern in patterns)
    texts = corpus_texts() + word_texts(patterns, 1)
    for pattern in patterns:
        assert_finds_the_same(pattern, texts)


def test_matches_carry_the_texts_own_letters() -> None:
    text = "Device: iPhone 15, IOS 17.2, Telegram 10.5.2; 账户ID：123456789; 版本１０.２"
    for pattern in pack_patterns():
        assert [m.group() for m in pattern.finditer(text)] == [m.group() for m in pattern.regex.finditer(text)]


@pytest.mark.parametrize(
    ("sources", "anchors"),
    [
        ([r"regist(?:ered|ration)"], ["regist"]),
        ([r"(?-i:ID)\s*\d+"], ["id"]),
        ([r"(?:the\s+)?latest\s+version", r"v\d{1,2}\.\d"], ["the", "latest", "v"]),
        ([r"\d{1,2}:\d{2}", r"at\s+\d"], [*"0123456789", "at"]),
        ([r"(?-i:Mate)\s*\d{2}", r"K\w"], ["mate", "k"]),
        ([r"[@＠][a-z]{3}"], ["@", "＠"]),
        ([r"版本\s*\d", r"(?:安卓|鸿蒙)\d"], ["版本", "安卓", "鸿蒙"]),
        ([r"x?é\d"], ["x", "é", "É"]),
    ],
)
def test_any_anchored_regex_finds_the_same(sources: list[str], anchors: list[str]) -> None:
    assert all(anchor_problem(source, anchors) is None for source in sources)
    compiled = compile_patterns(sources, "test")
    assert compiled is not None
    pattern = AnchoredPattern(compiled, anchors)
    alphabet = "abcdeikKlnorstvxyzIDSTſKİı_ 0123456789１２٣-\n，:@＠版本号安卓中文éÉàÀ"
    rng = random.Random(repr(sources))
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(1500)]
    texts += ["Mate 60 mate 60 MATE 60 ab b xz z yz", "\u212aelvin kelvin KELVIN", "regiſtered", "a１２:３０ 版本１０"]
    assert_finds_the_same(pattern, texts)


def test_a_long_text_finds_the_same() -> None:
    """Past a length the anchors' starts are followed pass by pass (the automata of ASCII and other first
    characters merged) rather than all found at once; the matches are the same."""
    # "卓版" ends inside "安卓版本", before it: the starts must still come in order.
    sources = [r"\d{1,2}:\d{2}", r"at\s+\d", r"安卓版本\s*\d", r"卓版\S*\s*\d", r"鸿蒙\d"]
    anchors = [*"0123456789", "at", "安卓版本", "卓版", "鸿蒙"]
    assert all(anchor_problem(source, anchors) is None for source in sources)
    compiled = compile_patterns(sources, "test")
    assert compiled is not None
    pattern = AnchoredPattern(compiled, anchors)
    rng = random.Random(5)
    words = [
        "12:30",
        "at 5",
        "安卓版本 5",
        "卓版 3",
        "鸿蒙4",
        "cat 5",
        "1:2",
        "x12:30",
        "版本",
        "at",
        "１２:３０",
        "中文",
    ]
    text = ""
    while len(text) <= anchors_module._ALL_AT_ONCE:
        text += rng.choice(words) + rng.choice([" ", "", "\n", "，", "_", "9"])
    assert_finds_the_same(pattern, [text, text.encode("ascii", "ignore").decode()])


@pytest.mark.parametrize(
    ("regex", "anchors", "problem"),
    [
        (r"(?:the\s+)?latest", ["latest"], "`t` can read 't'"),
        (r"foo|bar", ["foo"], "`b` can read 'b'"),
        (r".x", ["x"], "too many characters"),
        (r"[^a]b", ["b"], "too many characters"),
        (r"\w+ing", ["ing"], "too many characters"),
        (r"\s*x", ["x"], "too many characters"),
        (r"x?", ["x"], "may end before an anchor is complete"),
        (r"ab", ["abc"], "may end before an anchor is complete"),
        (r"é", ["é"], "can read 'É'"),  # a letter beyond ASCII in either case
        (r"\d+ apples", ["1", "2"], "digit of any script"),
        (r"v\d", ["v1", "v2"], "digit of any script"),  # "v１" is a match too
        (r"(a)\1", ["ab"], "back-reference"),
        (r"\1x", ["x"], "back-reference"),
    ],
)
def test_a_regex_that_may_begin_otherwise_is_refused(regex: str, anchors: list[str], problem: str) -> None:
    found = anchor_problem(regex, anchors)
    assert found is not None and problem in found, found


@pytest.mark.parametrize(
    ("regex", "anchors"),
    [
        (r"(?-i:IP)", ["ip"]),  # anchors are looked for in lower case
        (r"K", ["k"]),  # and the Kelvin sign is written as "k"
        (r"(?:ab)*c", ["ab", "c"]),
        (r"(?<=x)y|(?!z)w", ["y", "w"]),  # look-arounds read nothing
        (r"[0-9a-f]{2}", [*"0123456789abcdef"]),
        (r"\d+ apples", [*"0123456789"]),
    ],
)
def test_a_regex_beginning_with_its_anchors_passes(regex: str, anchors: list[str]) -> None:
    assert anchor_problem(regex, anchors) is None


def test_a_users_regex_that_does_not_begin_with_an_anchor_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "details.toml").write_text("time = ['''(?:roughly\\s+)?(?<!\\d)\\d+\\s*ago''']\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"details\.toml: `time` has a regex whose matches do not all begin"):
        load_packs([tmp_path / "packs"])
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: x\n\nhello\n", encoding="utf-8")
    assert main(["--isolated", "--rule-pack", str(tmp_path / "packs"), str(draft)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "`time`" in err[0] and "details.toml" in err[0]


def test_a_users_regex_may_begin_with_a_builtin_anchor_or_its_own(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "details.toml").write_text(
        "time = ['''yesterday\\s+noon''', '''roughly\\s+(?<!\\d)\\d+\\s*ago''']\nanchors.time = [\"roughly\"]\n"
        "[checklist.support.mine]\nlabel = 'x'\npatterns = ['''crashlog''']\nanchors.patterns = ['crash']\n",
        encoding="utf-8",
    )
    packs = load_packs([tmp_path / "packs"])
    found = pack_pattern(packs, "details", "time")
    assert found is not None and found.search("it began roughly 3 ago") is not None


def test_anchors_that_are_not_a_list_of_words_are_refused_with_the_file_named(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "account.toml").write_text('registration = ["joined"]\nanchors.registration = [3]\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"account\.toml: `anchors\.registration` must be a list of non-empty strings"):
        load_packs([tmp_path / "packs"])


def test_an_invalid_regex_is_left_to_the_rule_that_names_it(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "en"
    pack.mkdir(parents=True)
    (pack / "device.toml").write_text('os_with_version = ["(unclosed"]\n', encoding="utf-8")
    load_packs([tmp_path / "packs"])  # no anchor error: the device rules say the regex is invalid


def test_a_new_regex_list_without_anchors_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "zh"
    pack.mkdir(parents=True)
    (pack / "details.toml").write_text("[checklist.abuse.mine]\npatterns = ['''截图''']\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"`checklist\.abuse\.mine\.patterns` declares no anchors"):
        load_packs([tmp_path / "packs"])


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (WORD_START + r"(?:kit|sam)\d", re.IGNORECASE),
        (WORD_EDGE + r"(?:kit|sam)\d", re.IGNORECASE),
        (WORD_EDGE + r"(?:\d\d|kit)", re.IGNORECASE),
    ],
)
def test_the_word_guard_of_the_anchors_finds_the_same(source: str, flags: int) -> None:
    pattern = AnchoredPattern(re.compile(source, flags), ["kit", "sam", *"0123456789"])
    rng = random.Random(source)
    pieces = ["kit", "KIT", "sam", "SAM", "\u212a", "\u017f", "\u0130", "ı", "a", "1", "１", "٣", " ", "é", "_"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    texts += ["\u212ait KIT9 ſam1 xkit1 _sam2", "１kit1 a٣4 ٣٤"]
    assert_finds_the_same(pattern, texts)


def test_the_case_twins_are_all_there() -> None:
    """Every character beyond ASCII that a case-insensitive regex takes for an ASCII letter."""
    letter = re.compile("(?i)[a-z]")
    twins = {chr(code) for code in range(0x80, 0x110000) if letter.fullmatch(chr(code))}
    assert twins == set(ASCII_CASE_TWINS)
    for twin, ascii_letter in ASCII_CASE_TWINS.items():
        assert re.fullmatch(f"(?i){ascii_letter}", twin)


def test_the_search_copy_keeps_offsets() -> None:
    text = "İstanbul ıKEA ſo \u212aelvin Telegram 中文 １２"
    copy = search_copy(text)
    assert len(copy) == len(text)
    assert copy == "istanbul ikea so kelvin telegram 中文 12"


def test_no_private_regex_parser_is_used() -> None:
    """Prefilters come from declared anchors, not from `re`'s private parser."""
    package = Path(__file__).resolve().parents[1] / "tglint"
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "re._parser" not in source and "sre_parse" not in source, path


def test_whether_a_regex_occurs_is_what_the_plain_regex_says() -> None:
    # Long texts too, where the first characters are read apart: a match early, late, across their end, or none.
    patterns = pack_patterns()
    rng = random.Random(4)
    short = word_texts(patterns, 2)
    texts = corpus_texts() + short + ["".join(rng.sample(short, 6)) for _ in range(150)]
    assert sum(len(text) > 256 for text in texts) > 200
    for pattern in patterns:
        for text in texts:
            expected = pattern.regex.search(text) is not None
            assert pattern.occurs(text) == expected, (pattern.regex.pattern[:80], text[:300])
            assert pattern.occurs(text, search_copy(text)) == expected


@pytest.mark.parametrize(
    ("sources", "anchors"),
    [
        ([r"t\.me/\w+", r"re:\s*\w", r"no\.\s*\d"], ["t.me", "re:", "no."]),
        ([r"[\"@]\w+", r"\[\w+\]", r"a[ \t]b\d"], ['"', "@", "[", "a b", "a\tb"]),
        ([r"\d+(?:-\d+)?", r"_x\d", r"id\s*\d"], [*"0123456789", "_x", "id"]),
        ([WORD_START + r"(?:kit|sam)\d", r"k-\d"], ["kit", "sam", "k-"]),
    ],
)
def test_ascii_texts_find_the_same(sources: list[str], anchors: list[str]) -> None:
    """In an ASCII text, anchors beginning with a letter or digit are looked for only at the start of a word (in
    a copy where a mark stands for the rest); those holding or ending with other characters, the others, at
    the text's very start or end, and glued to one another, find what the plain regex finds."""
    assert all(anchor_problem(source, anchors) is None for source in sources)
    compiled = compile_patterns(sources, "test")
    assert compiled is not None
    pattern = AnchoredPattern(compiled, anchors)
    pieces = ["t.me", "T.ME/x", "re:", "RE: a", "no.", "No. 5", '"', "@", "[ab]", "a b1", "a\tb2", "A  b3"]
    pieces += [
        "_x1",
        "x_x2",
        "id 7",
        "ID7",
        "kit1",
        "KIT2",
        "sam3",
        "k-4",
        "t,me",
        "a,b1",
        "12-34",
        " ",
        "",
        "\n",
        ".",
        "-",
        "_",
        "9",
    ]
    rng = random.Random(repr(sources))
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    assert all(text.isascii() for text in texts)
    assert_finds_the_same(pattern, texts)
    for text in texts[:300]:
        long = text * (300 // len(text) + 2) if text else text
        assert pattern.occurs(long) == (pattern.regex.search(long) is not None)
