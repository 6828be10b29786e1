"""The quick ways the mixed-issue, tone and topic code take find exactly what the plain ways find.

Every sentence of a block (the text model's) that opens with a new-matter marker is a unit that may
start a new matter, however the marker is written; Chinese characters are told by comparing code
points, not by a regex that takes milliseconds to compile (`has_cjk`); a draft with fewer "!" and
"?" than a run holds is not searched for runs.
"""

from __future__ import annotations

import random
import re

import pytest
from lintkit import _PACKS, draft_of, lint

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.language import detect_language, has_cjk
from tglint.recognizers.matters import _Body, _build_markers, _openings
from tglint.recognizers.tone import Voice, knowledge, punctuation_runs
from tglint.text import Cues, TextModel

_MARKERS = _build_markers(_PACKS.get("mixed"))
_WORDS = ["the app", "crashes", "my account", "v1.2", "t.me/x", "账号", "被盗了", "Also", "ALSO", "also"]
_BREAKS = [". ", "! ", "?", "!!", "。", "？", "；", "\n", "\n\n", ".\n  ", " ", ", ", "- ", "* ", "> ", "#"]
# Letters a case-insensitive regex takes for an ASCII one: a marker written with them is still one.
_TWINS = {"s": "\u017f", "k": "\u212a", "i": "\u0131"}


def _written(term: str, rng: random.Random) -> str:
    term = rng.choice([term, term.upper(), term.capitalize(), term.title()])
    if rng.random() < 0.2:
        letter = rng.choice(list(_TWINS))
        term = term.replace(letter, _TWINS[letter]).replace(letter.upper(), _TWINS[letter])
    return term.replace(" ", rng.choice([" ", "  ", "\n", "\t"]))


def _texts(seed: int, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    markers = sorted(_MARKERS.weights)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            word = rng.choice(markers) if rng.random() < 0.4 else rng.choice(_WORDS)
            pieces.append(_written(word, rng) + rng.choice(_BREAKS))
        texts.append("".join(pieces))
    return texts


def _marked_sentences(text: str) -> tuple[set[int], set[int], set[int]]:
    """The sentences (not a block's first) that open with a marker; the starts of the units opened by a
    marker; the starts of the blocks."""
    analysis = Analysis(draft_of("To: support@telegram.org\nSubject: x\n\n" + text), Settings(), _PACKS)
    body = _Body(analysis)
    model, written = analysis.text_model("body"), analysis.body_text
    expected = {
        sentence.start
        for block in body.blocks
        for sentence in model.sentences_in(block.start + 1, block.end)
        if _MARKERS.opening(written, sentence.start) is not None
    }
    found = {opening.segment.start for opening in _openings(analysis, body) if opening.marked}
    return expected, found, {block.start for block in body.blocks}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_sentence_opening_with_a_marker_is_a_unit(seed: int) -> None:
    for text in _texts(seed, 150):
        expected, found, blocks = _marked_sentences(text)
        assert expected <= found, text
        assert found - expected <= blocks, text


def test_a_sentence_marker_in_the_middle_of_a_block_is_still_found() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Crash\n\nHello,\n\n"
        "Since yesterday the app crashes on start and messages fail to send. I reinstalled it; it still crashes. "
        "Also, a scammer @crypto_bonus_vip keeps sending me spam and phishing links. Please ban this scam account.\n"
    )
    assert [f.rule for f in lint(text, select=("TG701",)).findings] == ["TG701"]


_CJK_EDGES = "\u33ff\u3400\u4e00\u9fff\ua000a中ſ"


@pytest.mark.parametrize("seed", [1, 2])
def test_has_cjk_is_the_regex_class(seed: int) -> None:
    rng = random.Random(seed)
    cjk = re.compile(r"[\u3400-\u9fff]")
    for _ in range(2000):
        text = "".join(rng.choice(_CJK_EDGES + "abc 1") for _ in range(rng.randint(0, 6)))
        assert has_cjk(text) == (cjk.search(text) is not None), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("アプリが起動しません。メッセージが送れません。", "ja"),
        ("账号被盗了，请帮忙处理。ログ", "zh"),  # a little kana among much Chinese
        ("앱이 시작되지 않습니다. 메시지를 보낼 수 없습니다.", "ko"),
        ("The app crashes when I open a chat.", "en"),
        ("", None),
    ],
)
def test_scripts_decide_the_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Why? How? What?", []),  # marks enough for a run, but none in a row
        ("Why?? Really!", []),
        ("Why does the code never arrive???", ["???"]),
        ("为什么收不到验证码？！？", ["？！？"]),
        ("Fine.", []),
    ],
)
def test_runs_of_marks(text: str, runs: list[str]) -> None:
    voice = Voice("body", text, text, TextModel(text, (), Cues.from_packs(_PACKS)))
    assert [run.group() for run in punctuation_runs(voice, knowledge(_PACKS))] == runs


@pytest.mark.parametrize("seed", [4, 5])
def test_gaps_of_marks_spaces_and_bullets_hide_no_marker(seed: int) -> None:
    """Sentence ends inside long gaps ("!! \\n- ?\\n\\n> "): every sentence that opens with a marker is found."""
    rng = random.Random(seed)
    markers = sorted(_MARKERS.weights)
    gap_marks = [*list("!?！？。；;\n\n -*•·>#.\t"), "\u3000"]
    for _ in range(150):
        pieces = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(markers) if rng.random() < 0.5 else rng.choice(_WORDS)
            gap = "".join(rng.choice(gap_marks) for _ in range(rng.randint(0, 8)))
            pieces.append(_written(word, rng) + gap)
        expected, found, blocks = _marked_sentences("".join(pieces))
        assert expected <= found and found - expected <= blocks
