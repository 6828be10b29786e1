"""The verification badge as users name it ("blue tick", "blue check", "蓝V", "蓝勾"): official verification is
press@'s (the guide's 官方认证), so a mail asking for it is press, and one asked after an unrelated matter is a
second matter (fixtures/voices5 en/084: "Also how I get blue tick for my channel?" after a spam-limit complaint).
Generated over names x wordings, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_NAMES = ["blue tick", "blue check", "blue checkmark", "verification tick", "blue ticks"]
ZH_NAMES = ["蓝V", "蓝勾", "蓝色认证", "认证标志"]
EN_ASKS = ["How do I get the {} for my channel @city_news_daily?", "Can my channel @city_news_daily get a {}?"]
ZH_ASKS = ["我的频道 @city_news_daily 怎么申请{}？", "请问频道 @city_news_daily 能不能加{}？"]


@pytest.mark.parametrize(("name", "ask"), list(product(EN_NAMES, EN_ASKS)))
def test_en_a_badge_request_is_press(name: str, ask: str) -> None:
    draft = "To: press@telegram.org\nSubject: Channel verification\n\nHello,\n\n" + ask.format(name) + "\n"
    assert lint(draft, select=("TG201",)).topic == "press"


@pytest.mark.parametrize(("name", "ask"), list(product(ZH_NAMES, ZH_ASKS)))
def test_zh_a_badge_request_is_press(name: str, ask: str) -> None:
    draft = "收件人：press@telegram.org\n主题：频道认证\n\n您好，\n\n" + ask.format(name) + "\n"
    assert lint(draft, select=("TG201",)).topic == "press"


@pytest.mark.parametrize(("name", "ask"), list(product(EN_NAMES, EN_ASKS)))
def test_en_a_badge_asked_after_an_account_limit_is_a_second_matter(name: str, ask: str) -> None:
    draft = (
        "To: security@telegram.org\nSubject: [Account Security] - Account limited\n\n"
        "Your bot limited my account again on 2 March, I can only message mutual contacts. My number is "
        "+92 300 8412 775.\n\nAlso " + ask.format(name)[0].lower() + ask.format(name)[1:] + "\n"
    )
    assert "TG701" in {f.rule for f in lint(draft, select=("TG701",)).findings}
