"""The phone number recognizer: numbers in the writer's words, the words around them, their countries."""

from __future__ import annotations

import pytest
from lintkit import analysis_of

from tglint.recognizers.phones import PHONES, PhoneFacts

ZH = "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
EN = "To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\n"


def numbers(body: str, header: str = ZH, **settings: object) -> list[tuple[str, PhoneFacts]]:
    analysis = analysis_of(header + body + "\n", **settings)
    text = analysis.draft.body.text
    return [(text[span.start : span.end], span.facts["phone"]) for span in analysis.spans(PHONES)]


@pytest.mark.parametrize(
    ("body", "raw"),
    [
        # Straight after a Chinese character, as after a space.
        ("手机号是+7 455 123 45 67，收不到验证码。", "+7 455 123 45 67"),
        ("手机号是 +7 455 123 45 67，收不到验证码。", "+7 455 123 45 67"),
        ("我的手机号是13800138000，收不到。", "13800138000"),
        ("手机号码+86 138 0013 8000请回电", "+86 138 0013 8000"),
        ("号码138****8888请帮忙", "138****8888"),
        ("号码+86138****8888请帮忙", "+86138****8888"),
    ],
)
def test_a_number_glued_to_chinese_is_found(body: str, raw: str) -> None:
    assert [found for found, _ in numbers(body)] == [raw]


def test_a_number_glued_to_latin_letters_is_not_one() -> None:
    assert numbers("ref AB+7 455 123 45 67CD") == []


def test_facts_say_how_it_was_written_and_what_the_words_say() -> None:
    analysis = analysis_of(ZH + "我的手机号是 +86 139 1076 2483，订单号 13800138000。\n")
    phone, order = analysis.spans(PHONES)
    assert phone.kind == "phone-number" and not phone.sensitive
    assert phone.evidence == ("country-code", "label:手机号")
    facts: PhoneFacts = phone.facts["phone"]
    assert facts.number.has_country_code and facts.is_phone and facts.verdict is None
    other: PhoneFacts = order.facts["phone"]
    assert other.labelled_other == "订单号" and not other.is_phone
    assert order.confidence < phone.confidence


def test_a_number_without_its_country_code_carries_its_possible_countries() -> None:
    ((raw, facts),) = numbers("My number is 020 7946 0142.", EN)
    assert raw == "020 7946 0142" and facts.verdict is not None
    regions = [reading.region for reading in facts.verdict.readings]
    assert "GB" in regions and not facts.verdict.safe
    ((_, configured),) = numbers("My number is 020 7946 0142.", EN, region="GB")
    assert configured.verdict is not None and configured.verdict.safe
    assert [r.international for r in configured.verdict.readings] == ["+44 20 7946 0142"]


def test_a_secrets_value_or_an_id_is_not_a_phone_number() -> None:
    found = numbers("我的密码是 13800138000。身份证号 110108199003071238")
    assert found and all(facts.other_data and not facts.is_phone for _, facts in found)


def test_numbers_of_the_signature_and_of_fictional_ranges_are_found() -> None:
    signed = numbers("收不到验证码。\n\n-- \n张三\n手机：13800138000")
    assert [(raw, facts.is_phone) for raw, facts in signed] == [("13800138000", True)]
    ((raw, facts),) = numbers("My number is (555) 123-4567.", EN)
    assert (raw, facts.fictional, facts.is_phone) == ("(555) 123-4567", True, True)
