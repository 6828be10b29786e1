"""A QuickPattern finds exactly what its regex finds, wherever its openings let it look.

Each pack regex is searched through its openings from the first search on (`read_on_use=1`) and
compared with the plain regex on the corpus drafts, on drafts made of the packs' own words in
every case, and on the characters that trap case-insensitive matching.
"""

from __future__ import annotations

import random
import re

import pytest
from lintkit import FIXTURES

from tglint.checks import account
from tglint.checks.account import compile_patterns
from tglint.packs import load_packs
from tglint.quick_search import (
    ASCII_CASE_TWINS,
    WORD_EDGE,
    WORD_START,
    QuickPattern,
    openings_of,
    quick_pattern,
    search_copy,
)

_PACKS = load_packs()
# Characters that case-insensitive matching folds onto ASCII letters, and other traps.
TRAPS = ["ſ", "K", "İ", "ı", "ID", "id", "Id", "_", "-", "：", "\n", " ", "@", "#", "Ｉ", "é", "É"]
_WORD = re.compile(r"[A-Za-z]+|[\u3400-\u9fff]+|\d+")


def pack_patterns() -> list[re.Pattern[str]]:
    """Every regex list of the packs the rules search through `account.compile_patterns`."""
    found: list[re.Pattern[str]] = []
    for name in ("account", "details", "device", "mixed"):
        for value in _regex_lists(_PACKS.get(name)):
            compiled = compile_patterns(value, name)
            if compiled is not None:
                found.append(compiled)
    identifiers = _PACKS.get("requirements").get("identifiers", {})
    found += [c for c in (compile_patterns(value, "identifiers") for value in identifiers.values()) if c]
    return found


def _regex_lists(table: object) -> list[list[str]]:
    if isinstance(table, dict):
        return [found for value in table.values() for found in _regex_lists(value)]
    if isinstance(table, list) and table and all(isinstance(item, str) for item in table):
        return [table]
    return []


def corpus_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("corpus/*/*"))[:80]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def word_texts(patterns: list[re.Pattern[str]], seed: int, count: int = 150) -> list[str]:
    """Texts made of the patterns' own words, numbers and separators, in every case, and traps."""
    words = sorted({word for compiled in patterns for word in _WORD.findall(compiled.pattern)} - {"A", "Za", "z0"})
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


def assert_finds_the_same(quick: QuickPattern, texts: list[str]) -> None:
    compiled = quick.compiled
    assert compiled is not None
    for text in texts:
        assert [m.span() for m in quick.finditer(text)] == [m.span() for m in compiled.finditer(text)], text[:200]
        found, plain = quick.search(text), compiled.search(text)
        assert (found and found.span()) == (plain and plain.span()), text[:200]


@pytest.fixture(scope="module")
def patterns() -> list[re.Pattern[str]]:
    found = pack_patterns()
    assert len(found) > 30
    return found


def test_pack_regexes_find_what_the_plain_regex_finds(patterns: list[re.Pattern[str]]) -> None:
    texts = corpus_texts() + word_texts(patterns, 1)
    for compiled in patterns:
        quick = QuickPattern(compiled, read_on_use=1)
        assert_finds_the_same(quick, texts)
        assert quick.openings is not None, compiled.pattern[:80]  # every pack regex has openings


def test_account_searches_agree_with_plain_search(patterns: list[re.Pattern[str]]) -> None:
    """`account.searches`, as the rules call it: searched whole, then through openings once used enough."""
    texts = corpus_texts()[:20] + word_texts(patterns, 2, count=40)
    for compiled in patterns:
        for text in texts:
            assert account.searches(compiled, text) == (compiled.search(text) is not None), (compiled.pattern, text)
        assert quick_pattern(compiled).openings is not None


def test_matches_carry_the_texts_own_letters(patterns: list[re.Pattern[str]]) -> None:
    text = "Device: iPhone 15, IOS 17.2, Telegram 10.5.2; 账户ID：123456789"
    for compiled in patterns:
        quick = [m.group() for m in QuickPattern(compiled, read_on_use=1).finditer(text)]
        assert quick == [m.group() for m in compiled.finditer(text)]


@pytest.mark.parametrize(
    "sources",
    [
        [r"(?:regist(?:ered|ration))"],
        [r"\d{5}|x?"],  # may match nothing: searched whole
        [r"[^a]b"],
        [r"(?i:k)elvin"],
        [r"(?:a|b*)c"],
        [r"\bsign\b"],
        [r"(?-i:ID)\s*\d+"],
        [r"(?:the\s+)?latest\s+version", r"v\d{1,2}\.\d"],
        [r"a?b", r"x|(?:y)?z"],
        [r"\w+ing"],
        [r"[^\n，]{0,5}?版本\d"],
        [r"(?-i:Mate)\s*\d{2}", r"K\w"],
        [r".?os"],
        [r"[\u4e00-\u9fff]{2}号"],  # a long range of Chinese: the opening ends before it
        [r"x?é\d"],  # a letter beyond ASCII, in either case
        [r"[à-ÿ]x"],
        [r"[^\W\d]{2}x", r"\s+y"],
    ],
)
def test_any_pack_regex_finds_the_same(sources: list[str]) -> None:
    compiled = compile_patterns(sources, "test")
    assert compiled is not None
    alphabet = "abcdeikKlnorstvxyzIDSTſKİı_ 0123456789-\n，版本号中文éÉàÀ"
    rng = random.Random(repr(sources))
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(1500)]
    texts += ["Mate 60 mate 60 MATE 60 ab b xz z yz", "\u212aelvin kelvin KELVIN", "running ing", "regiſtered"]
    assert_finds_the_same(QuickPattern(compiled, read_on_use=1), texts)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (WORD_START + r"(?:kit|sam)\d", 0),  # case-sensitive: "K" and "ſ" do not end a word for it
        (WORD_EDGE + r"(?:kit|sam)\d", re.IGNORECASE),
        (WORD_START + r"(?:kit|sam)\W", re.IGNORECASE | re.ASCII),
        (r"(?i)[^k]it", 0),
        (r"b[^ac]b|x[^éc]x", 0),  # case-sensitive negated classes: "bAb", "xÉx" match
        (r"(?-i:[^k])it", re.IGNORECASE),
    ],
)
def test_guards_and_flags_find_the_same(source: str, flags: int) -> None:
    compiled = re.compile(source, flags)
    rng = random.Random(source)
    pieces = ["kit", "KIT", "sam", "SAM", "\u212a", "\u017f", "\u0130", "ı", "a", "A", "b", "x", "1", " ", "é", "É"]
    pieces += ["_", "it"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    texts += ["bAb xÉx", "\u212ait KIT9 ſam1 xkit1 _sam2", "Kit KIt"]
    assert_finds_the_same(QuickPattern(compiled, read_on_use=1), texts)


def test_the_case_twins_are_all_there() -> None:
    """Every character beyond ASCII that a case-insensitive regex takes for an ASCII letter."""
    letter = re.compile("(?i)[a-z]")
    twins = {chr(code) for code in range(0x80, 0x110000) if letter.fullmatch(chr(code))}
    assert twins == set(ASCII_CASE_TWINS)
    for twin, ascii_letter in ASCII_CASE_TWINS.items():
        assert re.fullmatch(f"(?i){ascii_letter}", twin)


def test_the_search_copy_keeps_offsets() -> None:
    text = "İstanbul ıKEA ſo \u212aelvin Telegram 中文"
    copy = search_copy(text)
    assert len(copy) == len(text)
    assert copy == "istanbul ikea so kelvin telegram 中文"


def test_openings_are_read_only_once_a_regex_is_searched_a_few_times() -> None:
    compiled = compile_patterns(["android", "ios"], "test")
    quick = QuickPattern(compiled, read_on_use=3)
    found = []
    for _ in range(4):
        found.append([m.span() for m in quick.finditer("Android 14 and iOS")])
        if len(found) < 3:
            assert quick.openings is None
    assert quick.openings is not None
    assert found == [[(0, 7), (15, 18)]] * 4


def test_one_quick_pattern_per_regex() -> None:
    compiled = compile_patterns(["android", "ios"], "test")
    assert quick_pattern(compiled) is quick_pattern(compiled)
    assert quick_pattern(None).search("iOS 17") is None
    assert list(QuickPattern(None).finditer("iOS 17")) == []


def test_a_regex_with_no_telling_where_it_begins_has_no_openings() -> None:
    assert openings_of(re.compile(r"\w+ing")) is not None  # any word character: still a class
    assert openings_of(re.compile(r".?os")) is None
    assert openings_of(re.compile(r"a|(?=b)")) is None  # may match nothing
