"""The mixed-issue cues searched through their anchors find what the plain regexes find.

Every regex of a built-in cue list begins with one of the anchors declared beside it (`anchor_problem`); a list
searched through them answers as the plain regex does on corpus bodies, on texts made of the cues' own words in
every case and on the characters that trap case-insensitive matching, cut anywhere, with the search copy cut from
the whole body's; and a list with a regex that may begin otherwise (a user's) stays searched whole.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable

import pytest
from lintkit import FIXTURES

from tglint import anchors as anchors_module
from tglint.anchors import anchor_problem, anchors_at, search_copy
from tglint.packs import builtin_pack_dir, load_packs
from tglint.recognizers import matters as mixed
from tglint.recognizers.matters import _build_cues, _CueRegex

_TRAPS = ["ſ", "K", "İ", "ı", "_", "-", "：", "\n", " ", "@", "Ｉ", "é", "É", "１", "٣", "'", "’"]
_WORD = re.compile(r"[A-Za-z]+|[\u3400-\u9fff]+")
_CUE_FILES = [builtin_pack_dir() / language / "mixed.toml" for language in ("en", "zh")]


def _cue_lists() -> list[tuple[str, _CueRegex]]:
    lists = []
    for cue in _build_cues(load_packs().get("mixed").get("cues", {})):
        lists.append((f"{cue.name}.patterns", cue.pattern))
        if cue.also is not None:
            lists.append((f"{cue.name}.with", cue.also))
    return lists


@pytest.mark.parametrize("path", _CUE_FILES, ids=lambda path: path.parent.name)
def test_every_builtin_cue_regex_begins_with_one_of_its_anchors(path: object) -> None:
    with open(str(path), "rb") as handle:
        cues = tomllib.load(handle)["cues"]
    merged = load_packs().get("mixed")["cues"]
    checked = 0
    for name, cue in cues.items():
        for key in ("patterns", "with"):
            anchors = anchors_at(merged[name], key)
            for regex in cue.get(key, []):
                assert anchors, f"cues.{name}: `{key}` declares no anchors"
                assert anchor_problem(regex, anchors) is None, (name, key, regex)
                checked += 1
    assert checked >= 8


def _given(copy: str) -> Callable[[], str]:
    return lambda: copy


def _texts(lists: list[tuple[str, _CueRegex]], seed: int, count: int = 200) -> list[str]:
    words = sorted({word for _, cue in lists for word in _WORD.findall(cue.regex.pattern)} - {"A", "Za", "z"})
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            roll = rng.random()
            word = rng.choice(words) if roll < 0.7 else rng.choice(_TRAPS) if roll < 0.85 else str(rng.randint(0, 99))
            word = rng.choice([word, word.upper(), word.lower(), word.capitalize()])
            pieces.append(word + rng.choice([" ", "", "  ", "-", ".", ",", "，", "\n", "(", "_", "的"]))
        texts.append("".join(pieces))
    return texts


def test_cue_lists_searched_through_their_anchors_find_what_the_plain_regex_finds() -> None:
    lists = _cue_lists()
    for _, cue in lists:
        cue.check_anchors()
    assert all(cue.anchored for _, cue in lists)
    corpus = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.glob("corpus/*/*"))[:60]]
    rng = random.Random(3)
    found = 0
    for text in corpus + _texts(lists, 1):
        copy = search_copy(text)
        for _ in range(6):
            start = rng.randrange(len(text) + 1)
            end = rng.choice((len(text), rng.randrange(start, len(text) + 1)))
            piece, piece_copy = text[start:end], copy[start:end]
            assert piece_copy == search_copy(piece)  # what `_copy_of_place` cuts is the piece's own copy
            for name, cue in lists:
                plain = cue.regex.search(piece) is not None
                assert cue.searches(piece, _given(piece_copy)) == plain, (name, piece[:200])
                found += plain
    assert found > 100  # the cues are found, not only missed


def test_a_list_with_a_regex_that_may_begin_otherwise_stays_searched_whole() -> None:
    entries = [r"\bfoo\s+bar", r"(?:baz|qux)\s+bar"]
    regex = re.compile("|".join(entries), re.IGNORECASE)
    cue = _CueRegex(regex, entries, ["foo", "baz"])  # "qux" is no anchor
    cue.check_anchors()
    assert not cue.anchored
    assert cue.searches("a qux bar", lambda: "a qux bar")


def test_a_list_is_checked_once_its_whole_searches_cost_what_the_check_does() -> None:
    entries = [r"\bfoo\s+bar"]
    cue = _CueRegex(re.compile(entries[0], re.IGNORECASE), entries, ["foo"])
    text = "nothing to see here " * 50
    searched = 0
    while searched < mixed._CHECK_ANCHORS_AFTER:
        assert not cue.anchored
        assert not cue.searches(text, lambda: search_copy(text))
        searched += len(text)
    assert cue.anchored
    assert cue.searches("x FOO  bar", lambda: search_copy("x FOO  bar"))


def test_lists_the_loader_checks_are_searched_through_their_anchors_from_the_first_draft(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lists = _cue_lists()
    assert not any(cue.anchored for _, cue in lists)  # the loader checks no mixed pack's anchors: checked here
    monkeypatch.setitem(anchors_module.ANCHORED, "mixed", ("cues.*.patterns", "cues.*.with"))
    assert all(cue.anchored for _, cue in _cue_lists())
