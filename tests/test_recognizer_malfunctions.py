"""The malfunctions recognizer: subject tags, patterns and words of something broken, a word denied by the
text model ("no errors", "没有闪退") being none."""

from __future__ import annotations

import pytest
from lintkit import draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import load_packs
from tglint.recognizers.malfunctions import MALFUNCTIONS, reports_malfunction

_PACKS = load_packs()


def _analysis(body: str, subject: str = "Question") -> Analysis:
    return Analysis(draft_of(f"To: support@telegram.org\nSubject: {subject}\n\n{body}\n"), Settings(), _PACKS)


def test_a_subject_tag_declares_one() -> None:
    analysis = _analysis("How do I export a chat?", subject="[Technical Issue] - export")
    (span,) = analysis.spans(MALFUNCTIONS)
    assert span.part == "subject" and span.evidence == ("tag:Technical Issue",)


@pytest.mark.parametrize(
    "body",
    ["The app crashes when I open a chat.", "I can't send photos.", "发不出去消息", "一直闪退", "It doesn’t load."],
)
def test_a_malfunction_is_found(body: str) -> None:
    assert reports_malfunction(_analysis(body))


@pytest.mark.parametrize(
    "body",
    [
        "How do I export a chat? Nothing has crashed.",
        "There are no errors, I just want to know how to export a chat.",
        "没有闪退，只是想问怎么导出聊天记录",
        "It never crashed.",
    ],
)
def test_a_denied_malfunction_word_is_none(body: str) -> None:
    assert not reports_malfunction(_analysis(body))


def test_a_denial_in_another_clause_does_not_reach() -> None:
    analysis = _analysis("Nothing changed on my side, but now it crashes.")
    assert reports_malfunction(analysis)
    assert [s.evidence for s in analysis.spans(MALFUNCTIONS)] == [("word:crashes",)]


def test_not_sure_denies_nothing() -> None:
    assert reports_malfunction(_analysis("Not sure why, it crashes every time."))
    assert reports_malfunction(_analysis("不知道为什么，一直闪退"))
