"""The times recognizer: dates, clock times, weekdays and relative times in both languages, in the subject and
the whole body, each with its form; a time glued to Chinese is found as with a space."""

from __future__ import annotations

import random

import pytest
from lintkit import draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import load_packs
from tglint.recognizers.times import TIMES, form, has_time

_PACKS = load_packs()


def _analysis(body: str, subject: str = "Problem") -> Analysis:
    return Analysis(draft_of(f"To: support@telegram.org\nSubject: {subject}\n\n{body}\n"), Settings(), _PACKS)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("23:10", "clock"),
        ("晚上11点", "relative"),  # "晚上" and "11点" are found apart
        ("11点", "clock"),
        ("10 am", "clock"),
        ("3月5日", "date"),
        ("2024-03-05", "date"),
        ("March 3", "date"),
        ("3 of March", "date"),
        ("yesterday", "relative"),
        ("3天前", "relative"),
        ("since Monday", "relative"),
        ("从上周开始", "relative"),
    ],
)
def test_forms(written: str, expected: str) -> None:
    analysis = _analysis(f"It happened {written}.")
    spans = analysis.spans(TIMES)
    assert spans, written
    assert spans[0].facts["form"] == expected
    assert spans[0].evidence == ("pattern:details.time",)


def test_form_reads_the_written_expression() -> None:
    assert form("at 10:30") == "clock"
    assert form("2021年") == "date"
    assert form("last week") == "relative"


def test_times_in_the_subject_and_forwarded_text_count() -> None:
    analysis = _analysis("Hello,\n\n> On Monday it crashed.\n", subject="Crash since yesterday")
    assert {s.part for s in analysis.spans(TIMES)} == {"subject", "body"}
    assert has_time(analysis)
    assert not has_time(_analysis("It crashes."))


@pytest.mark.parametrize("time", ["3月5日", "2024年3月5日", "23:10", "11点", "3天前", "上周一", "2024-03-05"])
@pytest.mark.parametrize("before", ["", "在", "是", "从"])
def test_a_time_glued_to_chinese_is_found(time: str, before: str) -> None:
    analysis = _analysis(f"闪退{before}{time}开始闪退")
    start = analysis.body.text.index(time)
    assert any(s.start <= start < s.end for s in analysis.spans(TIMES))


# Words that come close to a time (anchors that begin none), times, and what stands between them.
_NEAR = ["the app", "on it", "a bug", "in it", "1 photo", "this one", "上传", "一个", "这里", "v10.2", "#48213"]
_TIMES = ["March 3", "23:10", "yesterday", "3天前", "上周一", "2024-03-05", "since Monday", "10 am", "3月5日"]


def test_a_time_anywhere_is_what_the_times_found_say() -> None:
    # The start of a text is read first: a time early, late, across the end of what is read first, or none.
    rng = random.Random(17)
    told = 0
    for _ in range(400):
        pieces = [rng.choice(_NEAR) for _ in range(rng.randint(0, 90))]
        if rng.random() < 0.6:
            pieces.insert(rng.randint(0, len(pieces)), rng.choice(_TIMES))
        body = rng.choice([" ", "\n", "，", ". "]).join(pieces)
        analysis = _analysis(body, subject=rng.choice(["Problem", "Problem since yesterday"]))
        expected = bool(analysis.spans(TIMES))
        assert has_time(_analysis(body, subject=analysis.subject_text)) == expected, body
        told += expected
    assert 150 < told < 350


# How long something has lasted, written as people write it in a hurry: "its been 3 days".
_LASTED_OPENINGS = ["it's been", "its been", "it has been", "has been", "it's been about", "been like", "It's Been"]
_LASTED_COUNTS = ["3", "12", "a", "two", "a few", "several", "a couple of"]
_LASTED_UNITS = ["hours", "days", "weeks", "months", "day", "week"]


def test_how_long_it_has_lasted_is_a_time() -> None:
    rng = random.Random(5)
    for _ in range(60):
        lasted = f"{rng.choice(_LASTED_OPENINGS)} {rng.choice(_LASTED_COUNTS)} {rng.choice(_LASTED_UNITS)}"
        analysis = _analysis(f"I cannot log in to my account, {lasted} and nothing helps.")
        assert has_time(analysis), lasted
    # "been" alone says nothing of when
    assert not has_time(_analysis("I have been trying to log in and the code never comes."))
    assert not has_time(_analysis("My account has been banned without a reason."))
