"""A notice's title in capitals citing its statute ("NOTICE OF COPYRIGHT INFRINGEMENT (DMCA, 17 U.S.C. §
512(c)(3))") is a heading, not shouting (issue 12, fixtures/voices6 en/069): the full stops of an
abbreviation ("U.S.C.") are no sentence's and a lone small letter is a subsection's ("(c)"). Generated over
titles x citations x both body languages; capitals that end a sentence or hold a small word still shout."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

HEAD = {
    "en": "To: legal@telegram.org\nSubject: [DMCA Notice] - Audiobooks copied in a channel\n\nDear Telegram Legal,\n\n",
    "zh": "收件人：legal@telegram.org\n主题：[版权投诉] - 频道盗版有声书\n\nTelegram 法务团队：\n\n",
}
TAIL = {
    "en": "\n\nI represent Northlight Audio Books LLC. The channel t.me/free_books_daily posts our titles (34 posts, "
    "16-29 November 2026). The attached PDF lists each work and post.\n\nRegards,\nAnna Weber\n",
    "zh": "\n\n我代表北光有声书公司。频道 t.me/free_books_daily 在2026年11月16日至29日发布了我们的34部作品，"
    "附件PDF列出了每部作品和链接。\n\n"
    "此致\n王安娜\n",
}
TITLES = ("NOTICE OF COPYRIGHT INFRINGEMENT", "DMCA TAKEDOWN NOTICE", "FORMAL NOTICE OF TRADEMARK INFRINGEMENT")
CITATIONS = ("(DMCA, 17 U.S.C. § 512(c)(3))", "PURSUANT TO 17 U.S.C. § 512(c)", "UNDER 15 U.S.C. § 1114(1)(a)")


def _shouting(text: str) -> bool:
    return any(f.rule == "TG603" for f in lint(text).findings)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_notice_title_citing_its_statute_is_a_heading(language: str) -> None:
    for title, citation in itertools.product(TITLES, CITATIONS):
        text = HEAD[language] + f"{title} {citation}" + TAIL[language]
        assert not _shouting(text), (title, citation)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(
    "line",
    [
        "YOUR U.S. TEAM DELETED MY CHANNEL. FIX IT NOW",
        "WHY DID YOU BAN MY ACCOUNT (c) I DID NOTHING",
        "THIS IS THEFT and YOU KNOW IT",
    ],
)
def test_capitals_that_speak_still_shout(language: str, line: str) -> None:
    assert _shouting(HEAD[language] + line + TAIL[language])
