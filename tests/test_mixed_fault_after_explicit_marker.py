"""A fault reported after a marker that says outright another matter starts ("On a separate note, my account stopped
receiving login codes", "另外，我自己的账号这周收不到验证码了") is a technical matter of its own in a press inquiry,
a legal letter or an abuse report, however few topic words it has (TG701; issue 12, fixtures/voices14 en/094).
"stopped receiving", "stopped working" report a fault as "not receiving" does. Generated over first matters x
markers x faults, both languages; the same fault after a plain "Also" in a support mail stays one matter."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_FIRST = [
    (
        "press@telegram.org",
        "[Brand partnership] - Co-branded sticker pack",
        "I lead digital marketing at Kinetic Sportswear. We would like to discuss a co-branded sticker pack and a "
        "Premium giveaway for our spring launch. Could you tell us whether such partnerships are possible?",
    ),
    (
        "abuse@telegram.org",
        "[Abuse Report] - Scam channel selling fake tickets",
        "The channel https://t.me/cheap_tix_best (admin @tix_seller_99) has been selling fake concert tickets "
        "since 2 Dec 2026; I paid 120 EUR and got nothing. Screenshots of the posts are below.",
    ),
]
EN_MARKERS = ["On a separate note,", "Separately,", "Unrelated, but", "P.S."]
EN_FAULTS = [
    "my personal account (+45 20 12 34 56, @freja_k) stopped receiving login codes on my new phone last week. "
    "Could you look into that too?",
    "the desktop app stopped working on my laptop after the last update, it closes right after start.",
]
ZH_FIRST = [
    (
        "press@telegram.org",
        "[商务合作] - 联名贴纸合作咨询",
        "我是某运动品牌的市场负责人，希望和 Telegram 探讨联名贴纸包和 Premium 赠送活动的合作，"
        "请问是否有这样的合作渠道？",
    ),
]
ZH_MARKERS = ["另外，", "顺便说一下，", "还有一件事，"]
ZH_FAULTS = [
    "我自己的账号（+86 139 1234 5678）这周在新手机上收不到登录验证码了，也麻烦帮忙看一下。",
    "我的电脑版 Telegram 上周更新后一打开就闪退，也请帮忙看看。",
]


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("first", "marker", "fault"), list(product(EN_FIRST, EN_MARKERS, EN_FAULTS)))
def test_en_a_fault_after_an_explicit_marker_is_a_second_matter(
    first: tuple[str, str, str], marker: str, fault: str
) -> None:
    to, subject, body = first
    assert _mixed(f"To: {to}\nSubject: {subject}\n\nHello,\n\n{body}\n\n{marker} {fault}\n\nBest regards,\nFreja\n")


@pytest.mark.parametrize(("first", "marker", "fault"), list(product(ZH_FIRST, ZH_MARKERS, ZH_FAULTS)))
def test_zh_a_fault_after_an_explicit_marker_is_a_second_matter(
    first: tuple[str, str, str], marker: str, fault: str
) -> None:
    to, subject, body = first
    assert _mixed(f"收件人：{to}\n主题：{subject}\n\n您好，\n\n{body}\n\n{marker}{fault}\n\n谢谢！\n林\n")


@pytest.mark.parametrize("fault", ["stopped receiving messages in one group", "stopped working after the update"])
def test_stopped_is_a_fault(fault: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - App problem\n\nHello,\n\n"
        f"Since 3 Dec 2026 Telegram {fault}. Account +44 7400 123456.\n\nThanks,\nNathan\n"
    )
    # A fault with no device named: the device data is asked for.
    assert "TG321" in {f.rule for f in lint(text).findings}


def test_the_same_fault_in_a_support_mail_is_one_matter() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Login codes\n\nHello,\n\n"
        "Since 3 Dec 2026 I cannot log in on my new Pixel 8 (Android 14, Telegram 11.2.3).\n\n"
        f"Also, {EN_FAULTS[0]}\n\nThanks,\nFreja\n"
    )
    assert not _mixed(text)


@pytest.mark.parametrize("idiom", ["Failing that,", "Failing which,", "Without fail,"])
def test_an_idiom_holding_a_fault_word_reports_no_fault(idiom: str) -> None:
    # A real mail's "One other thing ... Failing that, you can look for the basicConstraints extension" (mimekit's
    # content-length.mbox): "failing that" means "otherwise", no fault, so no technical matter of its own.
    to, subject, body = EN_FIRST[0]
    text = (
        f"To: {to}\nSubject: {subject}\n\nHello,\n\n{body}\n\nOne other thing: our media kit is in the shared "
        f"folder. {idiom} you can reach our agency at press@kinetic.example.\n\nBest regards,\nFreja\n"
    )
    assert not _mixed(text)
