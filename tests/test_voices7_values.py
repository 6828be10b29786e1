"""Values the seventh blind set found missed (issue 12, fixtures/voices7), each generated as a class, both languages:
a bot token in the Bot API's own address ("https://api.telegram.org/bot<token>/setWebhook", pasted with a curl
command: zh/037); a Chinese address with a lane off its road ("七莘路 3588 弄 12 号 502 室": zh/041); an ID whose
scheme is named in brackets after the word for it ("my Turkish ID (TC Kimlik) is …": en/093)."""

from __future__ import annotations

import random
import string
from itertools import product

import pytest
from lintkit import lint

EN = "To: support@telegram.org\nSubject: [Technical Issue] - Webhook fails\n\n"
ZH = "收件人：support@telegram.org\n主题：[技术问题] - Webhook 报错\n\n"


def _rules(text: str) -> set[str]:
    return {f.rule for f in lint(text).findings if f.severity != "info"}


def _tokens(count: int) -> list[str]:
    chance = random.Random(37)
    alphabet = string.ascii_letters + string.digits + "_-"
    return [
        f"{chance.randint(10**8, 10**10 - 1)}:AA{''.join(chance.choice(alphabet) for _ in range(33))}"
        for _ in range(count)
    ]


URL_FORMS = [
    'curl -F "url=https://example.cn/hook" https://api.telegram.org/bot{t}/setWebhook',
    "GET https://api.telegram.org/bot{t}/getUpdates returns 409",
    "requests.post('https://api.telegram.org/bot{t}/sendMessage', data=payload)",
    "https://api.telegram.org/bot{t}/getMe",
]


@pytest.mark.parametrize(("token", "form"), list(product(_tokens(3), URL_FORMS)))
def test_a_bot_token_in_the_bot_apis_address_is_a_pasted_secret(token: str, form: str) -> None:
    line = form.format(t=token)
    assert "TG503" in _rules(EN + f"Since the certificate update my bot fails:\n{line}\nPlease help.\n")
    assert "TG503" in _rules(ZH + f"更新证书后 bot 一直报错，调用：\n{line}\n请帮忙看看。\n")


def test_the_bot_apis_address_without_a_token_is_no_secret() -> None:
    line = "https://api.telegram.org/bot<token>/setWebhook and https://core.telegram.org/bots/api#setwebhook"
    assert "TG503" not in _rules(EN + f"The docs say to call {line}. It fails since 2 March.\n")


ROADS = ["上海市闵行区七莘路", "上海市长宁区愚园路", "杭州市西湖区文三路", "上海市徐汇区天钥桥路"]
LANES = ["{n} 弄 {h} 号", "{n}弄{h}号", "{n} 支弄 {h} 号", "{n} 巷 {h} 号"]


@pytest.mark.parametrize(("road", "lane"), list(product(ROADS, LANES)))
def test_a_chinese_home_address_with_a_lane_is_personal_data(road: str, lane: str) -> None:
    place = road + " " + lane.format(n=3588, h=12) + " 502 室"
    report = "收件人：abuse@telegram.org\n主题：[滥用举报] - 恐吓消息\n\n用户 @zx_1987 从11月20日起每晚发恐吓消息。"
    assert "TG554" in _rules(report + f"我家住{place}，担心他找上门。\n")


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("My Turkish ID (TC Kimlik) is", "10000000146"),
        ("my national ID (TCKN):", "10000000146"),
        ("My ID (Aadhaar) is", "2345 6789 0123"),
        ("我的证件（TCKN）是", "10000000146"),
        ("我的身份证（居民身份证）号码是", "110101199003074514"),
    ],
)
def test_an_id_whose_scheme_is_named_in_brackets_is_personal_data(words: str, number: str) -> None:
    head = ZH if any("\u4e00" <= c <= "\u9fff" for c in words) else EN
    assert "TG551" in _rules(head + f"{words} {number}, please verify my account.\n")


# A North American street address with its compass point abbreviated and a Canadian postal code ("1420 W 12th Ave,
# Apt 5, Vancouver BC V6H 1M8", fixtures/voices8 en/061); an office's with its suite stays an office's.
@pytest.mark.parametrize("point", ["W", "E", "N.", "S"])
@pytest.mark.parametrize(
    "rest", ["12th Ave, Apt 5, Vancouver BC V6H 1M8", "Main St, Apt 2B, Springfield IL 62701", "38th Ave, Denver"]
)
def test_a_street_with_an_abbreviated_compass_point_is_an_address(point: str, rest: str) -> None:
    assert "TG554" in _rules(EN + f"To prove it's me, my address is 1420 {point} {rest}.\n")
    assert "TG554" in _rules(ZH + f"我的地址是 1420 {point} {rest}。\n")
    office = rest.replace("Apt 5", "Suite 300").replace("Apt 2B", "Suite 300")
    if "Suite" in office:
        assert "TG554" not in _rules(EN + f"Our office: 1420 {point} {office}.\n")


# A driving licence is the identity document many writers offer "to prove it's me" (fixtures/voices8 en/061: "my BC
# driver's licence 7734291"): its number, after its name, is personal data (TG551). Generated over names x numbers.
@pytest.mark.parametrize(
    "name", ["driver's licence", "driver's license", "driving licence", "drivers license", "driver license number"]
)
@pytest.mark.parametrize("number", ["7734291", "DL12345678", "D12345678", "S53041283"])
def test_a_driving_licence_number_is_personal_data(name: str, number: str) -> None:
    assert "TG551" in _rules(EN + f"To prove it's me, here is my {name} {number}. Please restore my account.\n")


def test_a_licence_named_without_its_number_is_no_personal_data() -> None:
    assert "TG551" not in _rules(EN + "I have had a driver's license since 2019. The app version is 12.3.4.\n")
