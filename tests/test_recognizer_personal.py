"""The personal data recognizer: IDs, cards, passports and home addresses, with the evidence that decided each."""

from __future__ import annotations

import pytest
from lintkit import analysis_of

from tglint.recognizers.personal import PERSONAL

ZH = "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
EN = "To: support@telegram.org\nSubject: [Technical Issue] - Premium not active\n\n"
ID = "510723199001011232"  # GB 11643 check character "2"
CARD = "4775001234567892"  # Luhn-valid


def found(body: str, header: str = ZH) -> list[tuple[str, str]]:
    analysis = analysis_of(header + body + "\n")
    text = analysis.draft.body.text
    return [(span.kind, text[span.start : span.end]) for span in analysis.spans(PERSONAL)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Straight after a Chinese character, as after a space or a colon, and before one.
        (f"我的身份证号是{ID}，请帮忙。", ("national-id", ID)),
        (f"我的身份证号是 {ID}，请帮忙。", ("national-id", ID)),
        (f"身份证为{ID}请帮忙恢复", ("national-id", ID)),
        (f"银行卡号是{CARD}，被扣款。", ("bank-card", CARD)),
        (f"扣款的卡号{CARD}请核实一下。", ("bank-card", CARD)),
        ("护照号码是E12345678，请核实。", ("passport", "E12345678")),
        ("我的护照号E55193537请帮忙核实身份。", ("passport", "E55193537")),
    ],
)
def test_a_number_glued_to_chinese_is_found(body: str, expected: tuple[str, str]) -> None:
    assert found(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        f"订单号{CARD}，扣款 ¥258。",  # a reference, not a card
        f"身份证号AB{ID}是假的",  # part of a longer word
        f"身份证号{ID}7",  # a longer number
        "护照号码：我没有护照。E12345678 是别的东西",  # past the end of the sentence
    ],
)
def test_references_longer_numbers_and_other_sentences_are_not_personal_data(body: str) -> None:
    assert found(body) == []


def test_evidence_names_the_checksum_and_the_label() -> None:
    analysis = analysis_of(ZH + f"身份证号：{ID}\n银行卡：6222 0212 3456 7894\n")
    id_span, card_span = analysis.spans(PERSONAL)
    assert id_span.evidence == ("checksum:GB 11643-1999", "label:身份证号")
    assert id_span.facts == {"scheme": "CN resident ID"}
    assert card_span.evidence == ("checksum:Luhn", "label:银行卡")
    assert id_span.sensitive and card_span.sensitive
    assert id_span.confidence > 0.9


def test_a_card_without_a_label_is_known_by_its_issuer_prefix() -> None:
    (span,) = analysis_of(EN + "Premium was paid with 4111 1111 1111 1111 twice.\n").spans(PERSONAL)
    assert span.evidence == ("checksum:Luhn", "prefix:^4")
    assert span.confidence < 0.9


def test_a_number_that_is_a_secrets_value_is_not_a_card() -> None:
    assert found(f"我的密码是{CARD}", ZH) == []


def test_a_home_address_in_the_signature_is_found_and_an_office_is_not() -> None:
    home = "我家住在北京市朝阳区建国路88号3单元502室。"
    office = "我们编辑部的地址是北京市朝阳区建国路88号传媒大厦15层1502室。"
    assert [kind for kind, _ in found(home)] == ["home-address"]
    assert found(office) == []
    signed = analysis_of(ZH + "应用闪退。\n\n-- \n张三\n住址：上海市浦东新区世纪大道100号2单元301室\n")
    (span,) = signed.spans(PERSONAL)
    assert span.kind == "home-address" and span.evidence[0] == "shape:zh-address"
