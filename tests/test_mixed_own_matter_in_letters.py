"""A press inquiry or a legal letter is one request however many topics it touches, but the writer's own problem
opened after it is a second matter (TG701; issue 12, fixtures/voices17): "另外，我自己的账号……被冻结了，能否帮我解封？"
after an interview request ("我自己" is the writer's own as "我的" is; zh/032); "Also, another channel has been
reposting my videos without credit" after a sponsorship proposal ("without credit" says work was taken; en/084); a
duplicate Premium charge after a complaint that a novel is "逐章盗载" (web-novel piracy is a copyright matter;
zh/047). Generated over letters x second matters, both languages; the letter alone stays one matter."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import analysis_of, lint

ZH_PRESS = [
    "我是自由撰稿人顾言，正在为《南方观察》撰写一篇关于即时通讯平台内容审核的报道，希望就审核团队规模和申诉机制采访贵方，"
    "截稿日期 6月10日。",
    "我是某科技媒体的记者，想就 Telegram 在东南亚的用户增长做一次书面采访，问题清单可以先发给您。",
]
ZH_OWN = [
    "另外，我自己的账号 @guyan_writer（+86 139 2288 0471）在 5月12日 被冻结了，能否顺便帮我解封？",
    "另外，我自己的号前两天被封了，登录时提示账号已被封禁，能帮忙解封吗？",
]
EN_PRESS = [
    "I run the travel channel t.me/wander_with_mei (85k subscribers) and would like to discuss a sponsorship "
    "partnership with Telegram for our Southeast Asia series this summer.",
]
EN_OWN = [
    "Also, another channel, t.me/travel_asia_daily, has been reposting my videos without credit since April "
    "(e.g. t.me/travel_asia_daily/912). Can your team take those down?",
    "Also, the channel t.me/asia_clips keeps reposting my photos without giving credit. Could you remove them?",
]
ZH_PIRACY = [
    "我的网络小说《长河落日》被频道 t.me/xiaoshuo_mianfei_kan 从 4月15日 起逐章盗载，至今已发 210 章，请删除。",
    "我在起点连载的小说被频道 t.me/mianfei_xiaoshuo 盗文，每天更新，例如 t.me/mianfei_xiaoshuo/2201，请删除。",
]
ZH_PAYMENT = ["2. 另外我 5月3日 续费 Premium 被重复扣了两次（各 $4.99），请把多扣的那笔退给我。"]


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("letter", "own"), list(product(ZH_PRESS, ZH_OWN)))
def test_zh_the_writers_own_account_after_an_interview_request(letter: str, own: str) -> None:
    head = "收件人：press@telegram.org\n主题：[媒体采访] - 采访请求\n\n您好，\n\n"
    assert _mixed(f"{head}{letter}\n\n{own}\n\n谢谢！\n顾言\n")


@pytest.mark.parametrize(("letter", "own"), list(product(EN_PRESS, EN_OWN)))
def test_en_the_writers_own_work_taken_after_a_proposal(letter: str, own: str) -> None:
    head = "To: press@telegram.org\nSubject: [Business Partnership] - Sponsorship of our travel channel\n\nHello,\n\n"
    assert _mixed(f"{head}{letter}\n\n{own}\n\nThanks,\nMei Lin\n")


@pytest.mark.parametrize(("piracy", "payment"), list(product(ZH_PIRACY, ZH_PAYMENT)))
def test_zh_a_payment_after_a_piracy_complaint(piracy: str, payment: str) -> None:
    head = "收件人：legal@telegram.org\n主题：[版权投诉] - 小说被频道盗版\n\n您好，\n\n"
    assert _mixed(f"{head}1. {piracy}\n\n{payment}账号 +86 135 6677 2013。\n\n谢谢！\n北辰\n")


@pytest.mark.parametrize("piracy", ZH_PIRACY)
def test_zh_web_novel_piracy_is_a_copyright_matter(piracy: str) -> None:
    text = f"收件人：support@telegram.org\n主题：小说被搬走了\n\n您好，\n\n{piracy}\n\n谢谢！\n北辰\n"
    assert analysis_of(text).topic == "legal"


@pytest.mark.parametrize("letter", ZH_PRESS)
def test_the_letter_alone_is_one_matter(letter: str) -> None:
    head = "收件人：press@telegram.org\n主题：[媒体采访] - 采访请求\n\n您好，\n\n"
    assert not _mixed(f"{head}{letter}\n\n另外，贵平台如何处理被冻结账号的申诉？\n\n谢谢！\n顾言\n")


@pytest.mark.parametrize("lead", ["想了解", "希望了解", "想咨询", "我们想了解"])
def test_zh_an_inquiry_listing_its_questions_is_one_matter(lead: str) -> None:
    # fixtures/voices17 zh/036: the subject of "想了解" is often left out ("我们是一家物流企业……，想了解……：").
    text = (
        "收件人：press@telegram.org\n主题：[企业服务咨询] - 3000 人企业内部沟通方案咨询\n\n您好，\n\n"
        f"我们是一家拥有约 3000 名员工的物流企业，正在评估内部沟通工具，{lead} Telegram 是否提供面向企业的服务：\n\n"
        "1. 是否有企业版或专属支持，能否提供 SLA 99.9% 的承诺\n2. 是否支持 IP 白名单和统一账号管理\n"
        "3. Bot API 在大量推送时的频率限制\n\n如有相关资料或可对接的商务同事，烦请告知。\n\n蒋文\n"
    )
    assert not _mixed(text)
