"""TopicTerms: the topic terms of a body found once, and every slice of it scored as if searched on its own."""

from __future__ import annotations

import pytest
from lintkit import _PACKS

from tglint.topic import TopicTerms, classify_topic, score_topics


@pytest.mark.parametrize(
    "text",
    [
        # A denial close before a term; a slice that starts between the two no longer sees it.
        "My account was hacked. Well, not hacked: it is a spam and scam channel.",
        # Terms cut inside a word by a slice edge ("xspam" is no term, "spam" is).
        "xspam spamx spam, hacked2 crashes",
        # A term of several words, across a line break, cut by slice edges.
        "I lost my 2fa\npassword and my 2fa password reset, 2fa password",
        # Chinese terms match inside runs of characters; denials are a few characters before.
        "我的账号没有被盗，只是找不到归档。后来账号被盗了，有人发垃圾广告和诈骗链接。",
        # Both scripts, a denial window reaching back over a clause break.
        "Not a journalist. 不是记者, copyright 侵权 phishing",
    ],
)
def test_a_slice_scores_as_its_own_text(text: str) -> None:
    terms = TopicTerms(text, _PACKS)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert terms.scores(start, end) == score_topics(text[start:end], _PACKS), (start, end)


def test_the_whole_text_by_default() -> None:
    text = "My account was hacked and someone sends spam from it."
    assert TopicTerms(text, _PACKS).scores() == score_topics(text, _PACKS)


def test_scores_given_out_are_the_callers_own() -> None:
    terms = TopicTerms("spam and scam", _PACKS)
    terms.scores()["abuse"] = -1.0
    assert terms.scores()["abuse"] > 0


def test_the_verdict_carries_the_body_terms() -> None:
    body = "Since the update the app crashes on start."
    verdict = classify_topic("[Technical Issue] - Crash", body, None, _PACKS)
    assert verdict.body_terms is not None and verdict.body_terms.text is body
    assert verdict.body_terms.scores() == score_topics(body, _PACKS)
