"""How the mixed-issue rule cuts a body into sentences and reads the new-matter marker a unit opens with."""

from __future__ import annotations

import pytest
from lintkit import _PACKS, draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.recognizers.matters import _Body, _Markers

_MARKERS = _Markers({"also": 2.0, "second": 2.0, "second thing": 1.5, "p.s.": 1.5, "另外": 1.5})


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("Also, the app crashes.", 2.0),
        ("ALSO the app crashes.", 2.0),
        ("- also: the app crashes.", 2.0),  # after a bullet
        ("  > 另外还有一个问题", 1.5),  # after spaces and a quote mark; Chinese needs no word end
        ("Second thing: a scam channel.", 1.5),  # the longest marker wins
        ("Second,\n a scam channel.", 2.0),
        ("Second \n thing: a scam channel.", 1.5),  # any spaces between its words
        ("P.S. a scam channel.", 1.5),
        ("Almost done.", None),
        ("Secondly, a scam channel.", None),  # a marker ending in a letter must end a word
        ("The second thing", None),  # only at the start
        ("", None),
        ("- ", None),
    ],
)
def test_the_marker_a_unit_opens_with(text: str, weight: float | None) -> None:
    assert _MARKERS.opening(text, 0) == weight


def test_a_marker_is_read_where_the_unit_starts() -> None:
    text = "The app crashes. Also, a scam channel."
    assert _MARKERS.opening(text, 0) is None
    assert _MARKERS.opening(text, text.index("Also")) == 2.0


def _body(text: str) -> _Body:
    return _Body(Analysis(draft_of("To: support@telegram.org\nSubject: x\n\n" + text), Settings(), _PACKS))


def test_paragraphs_are_the_text_models_and_the_writers_own() -> None:
    body = _body("Hello,\n\nThe app crashes.\n \nAlso a scam.\nOn Mon, X wrote:\n> quoted\n")
    assert [p.text for p in body.paragraphs] == ["Hello,", "The app crashes.", "Also a scam."]


def test_a_blocks_sentences_are_the_text_models_cut_at_its_edges() -> None:
    body = _body("Hi. The app crashes (v1.2). Version 10.6.1 fails!\n\n第二句。第三句？ end.No split, e.g. this\n")
    first, second = body.blocks
    assert [s.text for s in body.sentences(first)] == ["Hi.", "The app crashes (v1.2).", "Version 10.6.1 fails!"]
    assert [s.text for s in body.sentences(second)] == ["第二句。", "第三句？", "end.No split, e.g. this"]
    assert all(body.analysis.body_text[s.start : s.end] == s.text for s in body.sentences(second))


def test_list_items_are_blocks_and_their_sentences_stay_inside() -> None:
    body = _body("Two things:\n1. The app crashes. It restarts.\n2. A scam channel.\n")
    assert [b.text.strip() for b in body.blocks] == [
        "Two things:",
        "1. The app crashes. It restarts.",
        "2. A scam channel.",
    ]
    assert [s.text for s in body.sentences(body.blocks[1])] == ["1.", "The app crashes.", "It restarts."]
