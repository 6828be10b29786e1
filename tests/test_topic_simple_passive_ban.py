"""A ban or suspension told in the simple passive, however far the account was named before it ("Please my
account with number 0803 765 4321 (@blessing_ade) was banned on 1st December 2025 by 7pm"), is the guide's
account-security matter (issue 12, fixtures/voices10 en/077): the topic is security, and a subject is proposed
with its tag. So is a Chinese account under the spam restriction its users call 双向限制. Generated over
interruptions, verbs and dates; a scammer who "was banned" in an abuse report stays an abuse report."""

from __future__ import annotations

import itertools

import pytest
from lintkit import analysis_of

INSERTS = [
    "with number 0803 765 4321 (@blessing_ade)",
    "(+234 803 765 4321, @blessing_ade)",
    "that I use for my hair business, +234 803 765 4321,",
    "",
]
VERBS = ["was banned", "is banned", "was suspended", "is suspended", "got restricted", "got limited", "got suspended"]
WHEN = ["on 1st December 2025 by 7pm", "yesterday evening", "this morning"]


@pytest.mark.parametrize("insert,verb,when", list(itertools.product(INSERTS, VERBS, WHEN)))
def test_a_ban_in_the_simple_passive_is_security(insert: str, verb: str, when: str) -> None:
    text = (
        "To: security@telegram.org\n\nGood day Telegram,\n\n"
        f"Please my account {insert} {verb} {when}. I was just selling hair products in my own channel and "
        "contacting my customers. Kindly help me to restore it.\n\nThank you and God bless.\nBlessing\n"
    )
    assert analysis_of(text).topic == "security", (insert, verb)


@pytest.mark.parametrize("how", ["被双向限制了", "双向了，只能给双向联系人发消息"])
def test_the_mutual_contacts_restriction_is_security(how: str) -> None:
    text = (
        f"收件人：security@telegram.org\n\n你好，\n\n我的号 +86 158 7720 4416 昨天{how}，我没发过广告，请帮忙解除。"
        "\n\n谢谢\n"
    )
    assert analysis_of(text).topic == "security", how


def test_a_scammer_who_was_banned_is_still_an_abuse_report() -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam channel back under a new name\n\nHello,\n\n"
        "The scam channel @crypto_double_x that stole 500 USDT from me was banned last week, but the same scammers "
        "opened @crypto_double_y yesterday and post the same fake giveaway. Screenshots of both are linked below.\n\n"
        "Thanks\nOmar\n"
    )
    assert analysis_of(text).topic == "abuse"
