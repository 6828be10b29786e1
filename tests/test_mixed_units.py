"""How the mixed-issue rule cuts a body into sentences and reads the new-matter marker a unit opens with."""

from __future__ import annotations

import pytest

from tglint.checks.mixed import _SENTENCE_END, _Markers, _split

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


def test_sentences_end_at_marks_and_at_full_stops_after_words() -> None:
    text = "Hi. The app crashes (v1.2). Version 10.6.1 fails!\n\n第二句。第三句？ end.No split"
    sentences = _split(text, 0, len(text), _SENTENCE_END)
    assert [s.text for s in sentences] == [
        "Hi",
        "The app crashes (v1.2)",
        "Version 10.6.1 fails",
        "第二句",
        "第三句",
        " end.No split",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_sentences_of_a_part_of_the_text() -> None:
    text = "Before. One. Two.\nAfter"
    start, end = text.index("One"), text.index("\nAfter")
    assert [s.text for s in _split(text, start, end, _SENTENCE_END)] == ["One", "Two."]
