"""Details as the third blind set's misses name them (issue 12), generated from combinations rather than one
draft's wording: an account deleted by self-destruct or by mistake is an account-security matter that needs
its time (TG711), and an angry crash complaint whose insults, threats and demands make it long but say
nothing is still too vague to act on (TG712)."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

EN_DELETED = [
    "my telegram account got deleted because i didnt use it for a long time, can you recover it?",
    "My account was deleted by the self-destruct setting, please restore it.",
    "My account has been deleted after inactivity and I lost all my chats.",
    "I think my account self-destructed, it had all my old photos. Can it be restored?",
    "The account deleted itself, it says the number is not registered anymore. Please help me get it back.",
]
ZH_DELETED = [
    "我的账号因为太久没登录被自动删除了，能恢复吗？",
    "账号自毁了，里面有很多重要的聊天记录，请帮我恢复。",
    "我的号没了，登录显示这个手机号没有注册，之前的群和频道都不见了。",
    "不小心把账号注销了，还能找回吗？",
    "账号不见了，好像是因为长时间不用被删除了，求恢复。",
]
EN_WHEN = ["It happened on 3 March 2026.", "I noticed it yesterday evening.", "It was deleted two weeks ago."]
ZH_WHEN = ["这是2026年3月3日发现的。", "昨天晚上发现的。", "两周前被删除的。"]


def _en(to: str, subject: str, body: str) -> str:
    return f"To: {to}\nSubject: {subject}\n\nhi\n\n{body}\n\nthanks\n"


def _zh(to: str, subject: str, body: str) -> str:
    return f"收件人：{to}\n主题：{subject}\n\n{body}\n"


SUBJECTS = {
    "en": ["[Account Security] - Account deleted", "Deleted account", "please restore my account"],
    "zh": ["[账户安全] - 账号被删除", "账号恢复", "求助：账号没了"],
}


def _deleted(language: str, timed: bool) -> list[str]:
    statements, whens = (EN_DELETED, EN_WHEN) if language == "en" else (ZH_DELETED, ZH_WHEN)
    wrap = _en if language == "en" else _zh
    account = "My number: +44 7700 900456" if language == "en" else "手机号：+86 139 1234 5678"
    drafts = []
    for index, (statement, subject) in enumerate(itertools.product(statements, SUBJECTS[language])):
        when = f" {whens[index % len(whens)]}" if timed else ""
        drafts.append(wrap("security@telegram.org", subject, f"{statement}{when}\n\n{account}"))
    return drafts


@pytest.mark.parametrize("language", ["en", "zh"])
def test_deleted_account_without_a_time_needs_one(language: str) -> None:
    drafts = _deleted(language, timed=False)
    missed = [draft for draft in drafts if not any(f.rule == "TG711" for f in lint(draft).findings)]
    assert not missed, missed


@pytest.mark.parametrize("language", ["en", "zh"])
def test_deleted_account_with_a_time_is_not_asked_for_one(language: str) -> None:
    drafts = _deleted(language, timed=True)
    flagged = [draft for draft in drafts if any(f.rule == "TG711" for f in lint(draft).findings)]
    assert not flagged, flagged


# An angry crash complaint: venting around a bare "it crashes after the update".
ZH_INSULTS = ["你们这是什么垃圾软件？？？", "什么破软件！！！", "垃圾Telegram，", "你们程序员是干什么吃的？"]
ZH_CRASHES = ["更新完就一直闪退，打开就退，打开就退，", "更新后一打开就闪退，", "升级以后天天闪退，"]
ZH_DEMANDS = [
    "耽误我多少事你们赔得起吗？？？做不好就别做了，赶紧修！！！",
    "赶紧修！！！不修我就卸载了！！！",
    "你们到底管不管？？？赶紧给我修好！！！",
]
EN_INSULTS = ["What kind of garbage app is this???", "This stupid app is useless!!!", "Worst app ever!!!"]
EN_CRASHES = ["Since the update it crashes every time I open it.", "After updating it just keeps crashing."]
EN_DEMANDS = [
    "Do you even test your garbage before you release it??? Fix it NOW!!!",
    "Fix it now or I'm done with this stupid app!!! Unbelievable!!!",
    "Who the hell approved this update??? Fix it immediately!!!",
]


def _angry(language: str) -> list[str]:
    if language == "zh":
        parts = itertools.product(ZH_INSULTS, ZH_CRASHES, ZH_DEMANDS)
        return [_zh("support@telegram.org", "[技术问题] - 更新后一直闪退", "".join(p)) for p in parts]
    parts = itertools.product(EN_INSULTS, EN_CRASHES, EN_DEMANDS)
    return [_en("support@telegram.org", "[Technical Issue] - Crashes after update", " ".join(p)) for p in parts]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_angry_crash_complaint_that_says_nothing_is_vague(language: str) -> None:
    drafts = _angry(language)
    assert len(drafts) >= 18
    missed = [
        draft
        for draft in drafts
        if not any(f.category == "details" and f.rule != "TG714" for f in lint(draft).findings)
    ]
    assert len(missed) <= 0.05 * len(drafts), (len(missed), missed[:3])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_same_anger_around_a_full_report_is_not_vague(language: str) -> None:
    facts = (
        "iPhone 15，iOS 17.4，Telegram 10.9.1。3月3日更新后，打开任何聊天都会闪退，重装也没用。"
        if language == "zh"
        else "iPhone 15, iOS 17.4, Telegram 10.9.1. Since the update on March 3 it crashes when I open any chat; "
        "reinstalling did not help."
    )
    drafts = [
        draft.replace("更新后一打开就闪退，", facts).replace("After updating it just keeps crashing.", facts)
        for draft in _angry(language)
    ]
    drafts = [draft for draft in drafts if facts in draft]
    assert drafts
    flagged = [draft for draft in drafts if any(f.rule in {"TG711", "TG712"} for f in lint(draft).findings)]
    assert not flagged, flagged[:3]
