"""A partnership proposal is press@'s whatever it offers to work on: an anti-fraud NGO proposing to "探讨以下合作可能"
(share safety tips, write a guide on scams) speaks of scams as the subject of the work, not as the writer's abuse
report (issue 12, fixtures/voices12 zh/014). Generated over the frames writers use and the scam-heavy offers, in
both languages; the same scam words without the frame stay an abuse report."""

from __future__ import annotations

import pytest
from lintkit import analysis_of

ZH_FRAMES = ["希望探讨以下合作可能", "希望寻求合作", "现提出合作提议", "我们有以下合作意向"]
ZH_OFFER = "：1. 转载防诈骗提示；2. 联合制作防诈骗指南，揭露常见诈骗手法；3. 邀请贵方参加反诈骗讲座。"
EN_FRAMES = [
    "We would like to explore a partnership",
    "We propose a partnership",
    "We would like to partner with you",
    "We see a possible collaboration",
]
EN_OFFER = ": 1. share your safety tips in our channel; 2. co-write a guide on common scams; 3. join our webinar."


@pytest.mark.parametrize("frame", ZH_FRAMES)
def test_a_partnership_on_scams_is_press_zh(frame: str) -> None:
    text = (
        "收件人：press@telegram.org\n主题：[合作咨询] - 防诈骗科普合作\n\nTelegram 团队您好：\n\n"
        f"我们是一家长期开展老年人防诈骗宣传的公益组织，近年不少诈骗利用即时通讯工具传播。{frame}{ZH_OFFER}\n\n何静\n"
    )
    assert analysis_of(text).topic == "press", frame


@pytest.mark.parametrize("frame", EN_FRAMES)
def test_a_partnership_on_scams_is_press_en(frame: str) -> None:
    text = (
        "To: press@telegram.org\nSubject: [Partnership] - Anti-scam education\n\nHello,\n\nWe are an NGO teaching "
        f"older people to spot scams; many frauds now spread through messengers. {frame}{EN_OFFER}\n\nJing He\n"
    )
    assert analysis_of(text).topic == "press", frame


@pytest.mark.parametrize("language", ["zh", "en"])
def test_scam_words_without_the_frame_stay_an_abuse_report(language: str) -> None:
    text = (
        "收件人：abuse@telegram.org\n主题：[滥用举报] - 诈骗频道\n\n您好：\n\n"
        "频道 @fake_airdrop_cn 冒充官方发布空投诈骗，已有多人被骗。请处理。\n\n谢谢\n"
        if language == "zh"
        else "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam channel\n\nHello,\n\nThe channel @fake_airdrop "
        "impersonates Telegram and runs an airdrop scam; several people were defrauded. Please act.\n\nThanks\n"
    )
    assert analysis_of(text).topic == "abuse"
