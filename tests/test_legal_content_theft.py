"""Owners who name no law still make a copyright complaint: "one of your channels is stealing our content, remove
it asap", "有人在你们平台上盗用我们公司的东西，请删除" are legal@'s (the guide's 版权侵权投诉), and naming no work,
mark, channel or link they leave nothing to look at (TG712; issue 12, fixtures/voices11 en/098, zh/048). With the
channel named, the kind of work taken says what was copied ("our videos", "我们的文章"); "our content", "我们公司的
东西" or "our brand" still do not (voices16 zh/029, voices21 en/097, voices23 en/098 and zh/048). A title in capitals
("Brand Protection Team", "Trademark Complaint") names no mark; "our brand Zentora" does (voices11 en/100).
Generated over owners' wordings, in both languages."""

from __future__ import annotations

import pytest
from lintkit import analysis_of, lint

# Each wording, and whether it says what kind of work was taken (then naming the channel says the rest).
EN = [
    ("one of your channels is stealing our content, remove it asap", False),
    ("a channel stole our videos and posts them daily", True),
    ("someone keeps reposting our articles without asking", True),
    ("a channel is pirating our online course", True),
    ("they are copying our photos in a channel", True),
]
ZH = [
    ("有人在你们平台上盗用我们公司的东西，请删除", False),
    ("有个频道一直在抄袭我们的文章", True),
    ("有人搬运我们的视频，请处理", True),
    ("有频道冒用我们的品牌卖东西", False),
    ("有人盗用我司的课程内容", True),
]


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings]


@pytest.mark.parametrize(("complaint", "kind_named"), EN)
def test_content_taken_is_a_vague_legal_complaint_en(complaint: str, kind_named: bool) -> None:
    text = f"To: legal@telegram.org\nSubject: Content theft\n\nHello,\n\n{complaint}.\n\n- J. Miller, Miller Media\n"
    assert analysis_of(text).topic == "legal", complaint
    assert "TG712" in _rules(text), complaint
    named = text.replace(".\n\n- J.", " (t.me/free_media_dump, since 1 December 2025).\n\n- J.")
    assert ("TG712" not in _rules(named)) is kind_named, complaint


@pytest.mark.parametrize(("complaint", "kind_named"), ZH)
def test_content_taken_is_a_vague_legal_complaint_zh(complaint: str, kind_named: bool) -> None:
    text = f"收件人：legal@telegram.org\n主题：内容被盗用\n\n你好，{complaint}。\n\n刘总\n"
    assert analysis_of(text).topic == "legal", complaint
    assert "TG712" in _rules(text), complaint
    named = text.replace("。\n\n刘总", "（频道 t.me/free_media_dump，2025年12月1日起）。\n\n刘总")
    assert ("TG712" not in _rules(named)) is kind_named, complaint


def test_a_title_in_capitals_names_no_mark_but_a_named_brand_does() -> None:
    text = (
        "To: legal@telegram.org\nSubject: [Trademark Complaint] - Channels misusing our brand\n\nHi,\n\nSome channels "
        "are using our brand name and logo to sell products. We own the registered trademark. Please take them down."
        "\n\nThanks,\nBrand Protection Team\nHarbor & Pine Outdoor Co.\n"
    )
    assert "TG712" in _rules(text)
    assert "TG712" not in _rules(text.replace("our brand name and logo", "our brand Zentora and its logo"))


@pytest.mark.parametrize(
    "claim",
    [
        "I own all rights to the recordings and compositions",
        "We hold the rights to this album and can send proof of ownership",
        "我们享有全部权利，可以提供权属证明",
        "本人拥有全部权利，可提供所有权证明",
    ],
)
def test_owners_asserting_their_rights_write_to_legal(claim: str) -> None:
    # No "copyright" in the draft: the rights asserted say it (voices12 en/072).
    text = (
        'To: legal@telegram.org\n\nHello,\n\nMy album "Night Transit" was uploaded in full to the channel '
        f"@lofi_leaks_hq on 18 November 2026 (t.me/lofi_leaks_hq/402). {claim}. Please remove these posts.\n\nLucas\n"
    )
    assert analysis_of(text).topic == "legal", claim


@pytest.mark.parametrize("tag", ["[付款问题]", "[付费问题]"])
def test_a_payment_tag_is_known(tag: str) -> None:
    # Payment problems are support@'s (the guide's 支付和订阅相关问题): the tag names their kind (voices12 zh/020).
    text = (
        f"收件人：support@telegram.org\n主题：{tag} - Premium 年费被重复扣款\n\n您好，\n\n2026年11月29日购买 Premium "
        "年度订阅被扣了两次款。账号：+86 159 0011 2233，@zhou_kuaiji。请退回多扣的一笔。\n\n谢谢\n"
    )
    assert "TG102" not in _rules(text), tag
