"""Two ways a number without its country code is labelled as a phone (issue 12, fixtures/voices18): a participle
between the phone word and the number ("number shown: 9876501234", "the number displayed: ..."; en/071), and a
signature's line ("Office: 2123 4567", "Fax: ...", "办公电话：2123 4567"; en/090). "Office" is a label only with its
colon: "the U.S. Copyright Office (VA 2-345-678)" holds no phone number. Generated over labels x numbers."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

NUMBERS = ["9876501234", "98765 01234", "2123 4567", "030 1234567"]
EN_LABELS = ["number shown:", "the number displayed:", "number used:", "Office:", "Fax:", "Direct line:", "Landline:"]
ZH_LABELS = ["办公电话：", "固话：", "传真："]


def _phone_rules(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.rule.startswith("TG40")]


@pytest.mark.parametrize(("label", "number"), list(product(EN_LABELS, NUMBERS)))
def test_en_a_labelled_number_without_its_code(label: str, number: str) -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Spam account\n\nHello,\n\n"
        "Since 4 May 2026 the account @instant_loan_help has been sending loan-app spam to the members of "
        f"https://t.me/pune_flatmates. Screenshots saved.\n\nThanks,\nPriya Nair\n{label} {number}\n"
    )
    assert "TG401" in _phone_rules(text), (label, number)


@pytest.mark.parametrize(("label", "number"), list(product(ZH_LABELS, NUMBERS)))
def test_zh_a_labelled_number_without_its_code(label: str, number: str) -> None:
    text = (
        "收件人：press@telegram.org\n主题：[媒体采访] - 采访请求\n\n您好，\n\n"
        "我是《港湾商业评论》的记者，想就香港小企业使用即时通讯工具的情况请贵方书面置评，截稿日期 6月12日。\n\n"
        f"何嘉欣\n{label}{number}\n"
    )
    assert "TG401" in _phone_rules(text), (label, number)


@pytest.mark.parametrize("words", ["the U.S. Copyright Office (VA 2-345-678)", "the Copyright Office as VA 2-345-678"])
def test_office_without_its_colon_labels_nothing(words: str) -> None:
    text = (
        "To: legal@telegram.org\nSubject: [DMCA Notice] - Photographs copied to a channel\n\nDear team,\n\n"
        f"My photographs, registered with {words}, were posted at https://t.me/hd_wallpapers_daily/2210 on "
        "12 Nov 2026 without my permission.\n\nErik Solberg\n"
    )
    assert _phone_rules(text) == []
