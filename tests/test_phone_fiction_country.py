"""Numbers from a regulator's fiction ranges, written without their country code (issue 12, the third blind
set's en/056): phonenumbers calls Ofcom's 07700 900xxx (mobiles) and 01632 960xxx (landlines) invalid, so
the United Kingdom's reading was missing and "07700 900456" was suggested as a German landline. Generated
with a fixed seed in both languages, written in several forms and given with and without a mobile word."""

from __future__ import annotations

import random

import pytest
from lintkit import findings_of, lint

SEED = 56
FORMS = ("{a} {b}", "{a}{b}", "{a} {b3} {b4}")


def _numbers(prefix: str, block: str, count: int = 12) -> list[str]:
    rng = random.Random(SEED + int(prefix))
    numbers = []
    for index in range(count):
        tail = f"{block}{rng.randrange(1000):03d}"
        numbers.append(FORMS[index % len(FORMS)].format(a=prefix, b=tail, b3=tail[:3], b4=tail[3:]))
    return numbers


def _tg401(draft: str) -> str:
    found = findings_of(lint(draft), "TG401")
    assert len(found) == 1, draft
    return found[0].message


EN_MOBILE = ["My mobile is {n}.", "Mobile: {n}", "My account is registered with {n}."]
EN_PLAIN = ["number {n}, username @jake_p_95", "Phone: {n}", "Call me on {n}."]


def _en(line: str) -> str:
    return (
        "To: security@telegram.org\nSubject: [Account Security] - Account banned\n\n"
        f"Hello,\n\nMy account was banned on 3 March 2026 at about 18:00.\n\n{line}\n\nJake\n"
    )


def _zh(line: str) -> str:
    return (
        "收件人：security@telegram.org\n主题：[账户安全] - 账号被封\n\n"
        f"您好，\n\n我的账号在2026年3月3日晚上6点左右被封了。\n\n{line}\n\n小王\n"
    )


def _first_named(message: str) -> str:
    """The first number a TG401 message suggests."""
    return message[message.index("+") :].split(" (")[0].split(" instead")[0]


@pytest.mark.parametrize("template", EN_MOBILE)
def test_a_british_fiction_mobile_given_as_a_mobile_reads_as_british(template: str) -> None:
    for number in _numbers("07700", "900"):
        message = _tg401(_en(template.format(n=number)))
        if number.count(" ") == 1:
            # Written as the United Kingdom writes it: its mobile, no other country's landline.
            assert "reads as a number in the United Kingdom" in message, (number, message)
        # Written otherwise it is a mobile in India and Iraq too: the country cannot be told, the UK named first.
        assert _first_named(message).startswith("+44 7700 900"), (number, message)


@pytest.mark.parametrize("template", EN_PLAIN)
def test_a_british_fiction_mobile_is_never_suggested_as_another_country_alone(template: str) -> None:
    for number in _numbers("07700", "900"):
        message = _tg401(_en(template.format(n=number)))
        assert _first_named(message).startswith("+44 7700 900"), (number, message)
        assert "reads as a number in" not in message or "United Kingdom" in message, (number, message)


@pytest.mark.parametrize("template", ["手机号：{n}", "我的电话是 {n}"])
def test_in_a_chinese_draft_the_united_kingdom_is_a_reading_when_written_in_its_form(template: str) -> None:
    for number in (n for n in _numbers("07700", "900") if n.count(" ") == 1):
        message = _tg401(_zh(template.format(n=number)))
        assert "+44 7700 900" in message, (number, message)
        if "手机" in template:
            # Given as a mobile: the United Kingdom's mobile, not a German landline.
            assert "+49" not in message, (number, message)


def test_a_british_fiction_landline_reads_as_british_in_an_english_draft() -> None:
    # Written in the UK's form; a bare run of digits from this range is not taken for a phone number at all.
    for number in (n for n in _numbers("01632", "960") if " " in n):
        draft = (
            "To: legal@telegram.org\nSubject: [DMCA] - Our book copied\n\nThe channel t.me/book_copies_x posts "
            f'our novel "Grey Harbour" since 3 March 2026.\n\nOffice: {number}\n\nJane Doe, Harbour Press Ltd\n'
        )
        message = _tg401(draft)
        assert "+44 1632 960" in message, (number, message)
