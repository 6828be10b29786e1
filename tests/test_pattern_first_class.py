"""Patterns rewritten so that every match begins with one class of characters (a search then jumps from one such
character to the next, instead of trying each branch at every character) find what they found before.

Each reference below is the pattern as it was written; the two must give the same matches on generated texts
made of the characters that matter to them, and on texts of every kind of draft.
"""

from __future__ import annotations

import random
import re

import pytest

from tglint.anchors import ASCII_CASE_TWINS, search_copy
from tglint.draft import blank
from tglint.lexicon import _UNEVEN_SPACE
from tglint.recognizers.personal import _EU_ADDRESS_HINT, _EU_UPPER
from tglint.text.model import _CLAUSE_MARK, _SENTENCE_MARK, TextModel

_REFERENCES = {
    "sentence marks": (_SENTENCE_MARK, re.compile(r"[。！？!?；;…]+[”’」』）)\"']*|\.(?=[\s\"”’)）]|$)[”’\"')）]*|\n")),
    "clause marks": (_CLAUSE_MARK, re.compile(r"[，,：:](?!(?<=\d.)\d)|[；;]")),
    "uneven space": (_UNEVEN_SPACE, re.compile(r"[^\S ]|  ")),
    "European address hint": (
        re.compile(_EU_ADDRESS_HINT),
        re.compile(
            rf"\d(?:\d{{4}}|\d-\d{{3}}|\d{{3}} ?[A-Z]{{2}})\s+[{_EU_UPPER}]|(?<=[a-z] )\d{{5}}|(?<=[a-z], )\d{{5}}"
        ),
    ),
}

# Marks, closers, digits of several scripts, spaces of several kinds, letters of both cases, and pieces that make
# the longer matches (a postcode and a town).
_PIECES = [
    *"。！？!?；;….\n\r\t\u3000\u00a0 ”’」』）)\"'，,：:aZz5٣１ÀéŁ-",
    *ASCII_CASE_TWINS,
    "12345",
    "1234 AB",
    "12-345",
    "ab ",
    "x, ",
    "Paris",
    "e.g.",
    "10:30",
    "1,000",
]


def _generated(seed: int, count: int = 4000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


_DRAFTS = [
    "Hello,\n\nI can't log in. The code doesn't arrive!! Is the server down?\n\nThanks,\nAnna",
    "您好：\n我的账号被封了，请帮忙解封。谢谢！\n\n“为什么？”他说……\n1,000 条消息，10:30 发送；",
    "My address: Via Roma 12, 00184 Roma.  Also 75008 Paris, France.\r\n\tPostcode 1234 AB Amsterdam",
    "Ｋ and ſ and İ and digits １２３ and ٣ in a line\u3000with\u00a0odd  spaces",
]


@pytest.mark.parametrize("name", sorted(_REFERENCES))
def test_same_matches_as_the_pattern_as_it_was(name: str) -> None:
    pattern, reference = _REFERENCES[name]
    for text in [*_DRAFTS, *_generated(len(name))]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)], text


def test_the_search_copy_folds_as_before() -> None:
    reference = re.compile("[" + "".join(ASCII_CASE_TWINS) + r"]|(?![0-9])\d")

    def folded(found: re.Match[str]) -> str:
        char = found.group()
        return ASCII_CASE_TWINS.get(char) or str(int(char))

    for text in [*_DRAFTS, *_generated(11)]:
        lowered = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
        expected = lowered if lowered.isascii() else reference.sub(folded, lowered)
        assert search_copy(text) == expected, text


def test_blank_keeps_line_feeds_and_length() -> None:
    for text in [*_DRAFTS, *_generated(12), "\n\n", "", "\ud800x\n\r\n"]:
        assert blank(text) == re.sub("[^\n]", " ", text), text


def test_sentences_and_clauses_of_the_text_model() -> None:
    """The text model's cuts, as a reader checks them by hand, for marks of both languages."""
    model = TextModel("Is it down? Yes. 版本 5.0 不行！真的。。Really…\nNext line: a, b; c 1,000 at 10:30.")
    text = model.text
    assert [text[s.start : s.end] for s in model.sentences] == [
        "Is it down?",
        "Yes.",
        "版本 5.0 不行！",
        "真的。。",
        "Really…",
        "Next line: a, b;",
        "c 1,000 at 10:30.",
    ]
    assert [text[c.start : c.end] for c in model.clauses][-4:] == ["Next line:", "a,", "b;", "c 1,000 at 10:30."]
