"""The accounts recognizers: phone numbers, @usernames, links, labelled numbers, usernames and IDs, registration
dates, and whose account each is; values written straight after a Chinese label are found as with a space."""

from __future__ import annotations

import random

import pytest
from lintkit import draft_of

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import load_packs
from tglint.recognizers import Span, first
from tglint.recognizers.accounts import (
    ACCOUNT_IDS,
    HANDLES,
    LABELLED_PHONES,
    LABELLED_USERNAMES,
    LINKS,
    PHONE_NUMBERS,
    QUOTED_NAMES,
    REGISTRATIONS,
    SUBJECT_HANDLES,
    UNMARKED_HANDLES,
    WHOLE_HANDLES,
    PackIdentifiers,
    PhoneAccounts,
    writers_identifiers,
)

_PACKS = load_packs()


def _analysis(body: str, subject: str = "[账户安全] - 陌生设备登录") -> Analysis:
    return Analysis(draft_of(f"To: security@telegram.org\nSubject: {subject}\n\n{body}\n"), Settings(), _PACKS)


def _found(analysis: Analysis, recognizer: PackIdentifiers | PhoneAccounts) -> list[str]:
    return [_text(analysis, span) for span in analysis.spans(recognizer)]


def _text(analysis: Analysis, span: Span) -> str:
    text = analysis.subject_text if span.part == "subject" else analysis.body.text
    return text[span.start : span.end]


@pytest.mark.parametrize(
    ("body", "recognizer", "value"),
    [
        ("My account is @lin_xiaoyu.", HANDLES, "@lin_xiaoyu"),
        ("群链接 https://t.me/lucky_bet_vip 里都是广告", LINKS, "https://t.me/lucky_bet_vip"),
        ("My number: 0412 345 678", LABELLED_PHONES, "number: 0412 345 678"),
        ("手机号13812345678", LABELLED_PHONES, "手机号13812345678"),
        ("username: lin_xiaoyu", LABELLED_USERNAMES, "username: lin_xiaoyu"),
        ("账号ID123456789", ACCOUNT_IDS, "账号ID123456789"),
        ("user ID 123456789", ACCOUNT_IDS, "user ID 123456789"),
        ("账号是2019年注册的", REGISTRATIONS, "2019年注册"),
        ("I registered in 2021", REGISTRATIONS, "registered"),
        ("the channel crypto_bonus_vip9 keeps posting", UNMARKED_HANDLES, "channel crypto_bonus_vip9"),
        ("a group called 'Free Crypto' added me", QUOTED_NAMES, "called 'Free"),
    ],
)
def test_each_kind_is_found(body: str, recognizer: PackIdentifiers, value: str) -> None:
    analysis = _analysis(body)
    assert value in _found(analysis, recognizer)
    span = analysis.spans(recognizer)[0]
    assert span.kind == recognizer.kind and span.evidence and 0 < span.confidence <= 1


def test_phone_numbers_come_from_the_phone_parser() -> None:
    analysis = _analysis("手机号：+86 138 0013 8000")
    spans = analysis.spans(PHONE_NUMBERS)
    assert [_text(analysis, s) for s in spans] == ["+86 138 0013 8000"]
    assert spans[0].evidence == ("parser:phonenumbers",) and spans[0].sensitive


def test_whose_account_is_read_from_the_words_before() -> None:
    analysis = _analysis("The scammer @crypto_bonus_vip wrote to me. My account: @lin_xiaoyu")
    facts = {_text(analysis, s): s.facts for s in analysis.spans(HANDLES)}
    assert facts["@crypto_bonus_vip"]["someone_elses"] and not facts["@crypto_bonus_vip"]["writers_own"]
    assert not facts["@lin_xiaoyu"]["someone_elses"] and facts["@lin_xiaoyu"]["writers_own"]
    assert [_text(analysis, s) for s in writers_identifiers(analysis)] == ["@lin_xiaoyu"]


def test_an_own_word_closer_than_a_someone_else_word_wins() -> None:
    analysis = _analysis("频道管理员说我的账号 @lin_xiaoyu 违规")
    (span,) = analysis.spans(HANDLES)
    assert not span.facts["someone_elses"] and span.facts["writers_own"]


def test_the_subject_and_the_signature_carry_identifiers_too() -> None:
    analysis = _analysis("Hello,\n\nI cannot log in.\n\n-- \nLin @lin_xiaoyu\n", subject="Login problem @lin_xiaoyu")
    assert [s.part for s in analysis.spans(SUBJECT_HANDLES)] == ["subject"]
    assert analysis.spans(HANDLES) == ()  # the signature is not the writer's words of this mail
    assert [_text(analysis, s) for s in analysis.spans(WHOLE_HANDLES)] == ["@lin_xiaoyu"]
    assert [s.facts["where"] for s in writers_identifiers(analysis)] == ["subject", "whole"]


def test_first_stops_at_the_first_span() -> None:
    analysis = _analysis("ID: 12345678 and user ID 87654321")
    found = first(analysis, ACCOUNT_IDS)
    assert found is not None and _text(analysis, found) == "ID: 12345678"


# -- values glued to Chinese labels ---------------------------------------------------------------------

_STYLES = {
    "spaced": "{label} {value}",
    "colon": "{label}：{value}",
    "copula": "{label}是{value}",
    "glued": "{label}{value}",
}


def _values(kind: str, rng: random.Random) -> str:
    if kind == "phone":
        return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
    if kind == "id":
        return str(rng.randint(10**7, 10**10))
    return rng.choice(["lin_xiaoyu", "wang88_cn", "Zhang_San2"])


_LABELS = {
    "phone": (["手机号", "手机", "电话", "注册号码", "号码"], LABELLED_PHONES),
    "id": (["账号ID", "用户ID", "数字ID", "账户ID"], ACCOUNT_IDS),
    "username": (["用户名", "TG账号", "电报号"], LABELLED_USERNAMES),
}


@pytest.mark.parametrize("kind", sorted(_LABELS))
def test_a_value_glued_to_its_chinese_label_is_found_as_with_a_space(kind: str) -> None:
    labels, recognizer = _LABELS[kind]
    rng = random.Random(kind)
    caught = {style: 0 for style in _STYLES}
    total = 0
    for label in labels:
        for _ in range(6):
            value = _values(kind, rng)
            total += 1
            for style, form in _STYLES.items():
                analysis = _analysis(f"昨天收到登录提醒，{form.format(label=label, value=value)}，谢谢")
                start = analysis.body.text.index(value)
                end = start + len(value)
                if any(s.start < end and start < s.end for s in analysis.spans(recognizer)):
                    caught[style] += 1
    assert caught["glued"] == caught["spaced"] == total, caught
