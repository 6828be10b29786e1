"""What a press or business mail encloses (a media kit, a deck, a proposal, 合作方案, 公司简介) is a claim of an
attachment like a screenshot or a log is (fixtures/voices4 en/081, holdout en/024): announced and not attached,
it is a warning; attached as a PDF, nothing. Generated from combinations in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

HEAD = "To: press@telegram.org\nSubject: [Partnership] - Brand partnership in Q1 2027\nMIME-Version: 1.0\n"
THINGS = {
    "en": [
        "media kit",
        "press kit",
        "company deck",
        "pitch deck",
        "proposal",
        "brochure",
        "company profile",
        "rate card",
    ],
    "zh": ["媒体资料", "合作方案", "公司简介", "宣传册", "报价单", "PPT"],
}
SENTENCES = {
    "en": [
        "Please find our {} attached.",
        "Our {} is attached.",
        "Please find the {} enclosed.",
        "I have attached our {}.",
    ],
    "zh": ["附件是我们的{}，请查收。", "{}见附件。", "随信附上{}。", "我们的{}已作为附件发送。"],
}
LEAD = {
    "en": "Dear Telegram team,\n\nWe run 14 news channels with 3.1 million subscribers and would like to discuss "
    "a brand "
    "partnership for the first quarter of 2027.\n\n",
    "zh": "Telegram 团队您好：\n\n我们运营 14 个新闻频道，共 310 万订阅者，希望洽谈 2027 年第一季度的品牌合作。\n\n",
}


def _plain(body: str) -> str:
    return HEAD + f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"


def _with_pdf(body: str) -> str:
    return HEAD + (
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        f"{body}\n--b\nContent-Type: application/pdf\n"
        'Content-Disposition: attachment; filename="kit.pdf"\n\n%PDF-1.4\n--b--\n'
    )


def _bodies(language: str) -> list[str]:
    return [
        LEAD[language] + sentence.format(thing)
        for thing, sentence in itertools.product(THINGS[language], SENTENCES[language])
    ]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_business_document_announced_but_not_attached_is_a_warning(language: str) -> None:
    missed = [b for b in _bodies(language) if "TG801" not in {f.rule for f in lint(_plain(b), path="d.eml").findings}]
    assert not missed, missed[:3]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_business_document_attached_as_a_pdf_is_fine(language: str) -> None:
    flagged = [
        b for b in _bodies(language) if {f.rule for f in lint(_with_pdf(b), path="d.eml").findings} & {"TG801", "TG802"}
    ]
    assert not flagged, flagged[:3]
