"""Oversharing rules: national IDs (TG551), bank cards (TG552), passports (TG553), home addresses (TG554)."""

from __future__ import annotations

import pytest
from lintkit import lint

from tglint.checks.pii import masked
from tglint.models import Finding

ZH = "To: support@telegram.org\nSubject: [技术问题] - 会员未生效\n\n"
EN = "To: support@telegram.org\nSubject: [Technical Issue] - Premium not active\n\n"


def overshares(text: str) -> list[Finding]:
    return [f for f in lint(text).findings if f.category == "pii"]


def spans(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    return [(f.rule, lines[f.line - 1][f.column - 1 : f.end_column - 1]) for f in overshares(text)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("身份证号：110108199003071238", ("TG551", "110108199003071238")),
        ("身份证 110108900307123", ("TG551", "110108900307123")),
        ("My national ID number is 110108199003071238", ("TG551", "110108199003071238")),
        ("SSN: 123-45-6789", ("TG551", "123-45-6789")),
        ("银行卡：6222 0212 3456 7894（工商银行）", ("TG552", "6222 0212 3456 7894")),
        ("6222021234567894", ("TG552", "6222021234567894")),
        ("Charged to my card 4111 1111 1111 1111.", ("TG552", "4111 1111 1111 1111")),
        ("我的护照号是 E12345678。", ("TG553", "E12345678")),
        ("my Irish passport number is PE4829173.", ("TG553", "PE4829173")),
        ("我家住在北京市朝阳区建国路88号3单元502室。", ("TG554", "北京市朝阳区建国路88号3单元502室")),
        ("住址：阳光小区3栋2单元502", ("TG554", "阳光小区3栋2单元502")),
        ("I live at 123 Main Street, Apt 4B, Springfield.", ("TG554", "123 Main Street, Apt 4B, Springfield")),
    ],
)
def test_flags(body: str, expected: tuple[str, str]) -> None:
    assert spans((ZH if body[0] > "\u3000" else EN) + body + "\n") == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "18 位编号 110108199003071239 不对",  # a wrong check digit, and nothing calls it an ID
        "订单号 110108199003071238",
        "订单号 6222021234567894，交易流水 6222021234567894",
        "卡号 6222 **** **** 7894，身份证 1101**********1238",
        "消息 ID 4111111111111111 无法删除",
        "我没有护照，护照照片我就不发了",
        "公司地址：北京市朝阳区建国路88号SOHO现代城A座1501室，位于大厦15层",
        "我住在北京市朝阳区",
        "Token：6284713905:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s",
        "Order 4111111111111111 from the App Store; card ending in 1111",
        "Our office: 350 Fifth Avenue, Suite 500, New York",
        "I met them at 221 Baker Street last week",
        "ICCID SIM card 89860012345678901234",
    ],
)
def test_does_not_flag(body: str) -> None:
    assert overshares((ZH if body[0] > "\u3000" else EN) + body + "\n") == []


def test_findings_are_sensitive_and_masked() -> None:
    text = ZH + "身份证号：110108199003071238\n"
    (finding,) = overshares(text)
    assert finding.sensitive and finding.severity == "warning"
    assert "110108199003071238" not in finding.message
    assert finding.fix is not None and finding.fix.applicability == "safe"


def test_home_address_in_signature_counts_but_office_in_press_mail_does_not() -> None:
    signed = ZH + "转发失败。\n\n--\n潘一文\n地址：上海市徐汇区漕溪北路 398 号 12 号楼 1802 室\n"
    assert [f.rule for f in overshares(signed)] == ["TG554"]
    press = (
        "To: press@telegram.org\nSubject: [媒体合作] - 采访邀请\n\n采访邀请。\n\n"
        "海城日报社\n上海市浦东新区世纪大道100号环球金融中心20层2001室\n"
    )
    assert overshares(press) == []


def test_mask_keeps_two_characters_at_each_end() -> None:
    assert masked("110108199003071238") == "11**************38"
    assert masked("6222 0212 3456 7894") == "62************94"


# Personal data as people write it, from checksums and national formats (issue 12).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I paid with my card 3782 822463 10005 and was charged twice.", ("TG552", "3782 822463 10005")),
        ("My card number: 3056-930902-5904.", ("TG552", "3056-930902-5904")),
        ("卡号：4222222222222，扣了两次钱。", ("TG552", "4222222222222")),
        ("My Aadhaar number is 2345 6789 0124.", ("TG551", "2345 6789 0124")),
        ("My CPF: 390.533.447-05, please check.", ("TG551", "390.533.447-05")),
        ("My Social Security number is 774-23-2234, please check.", ("TG551", "774-23-2234")),
        ("我的护照号码：45 12 345678，请核实。", ("TG553", "45 12 345678")),
        ("My passport number: 5359 772306; I can send a photo.", ("TG553", "5359 772306")),
        ("My passport number is C01X00T47.", ("TG553", "C01X00T47")),
        (
            "My home address is 622 Jenkins Summit, Lake Diane, LA 63523.",
            ("TG554", "622 Jenkins Summit, Lake Diane, LA 63523"),
        ),
        ("My home address: 2177 Janet Parks Apt. 561, thanks.", ("TG554", "2177 Janet Parks Apt. 561")),
        (
            "My address: 92897 Becker Plaza Suite 599, Michaelport, ND 57841.",
            ("TG554", "92897 Becker Plaza Suite 599, Michaelport, ND 57841"),
        ),
        ("My home address is Flat 17, Janet Meadows, London.", ("TG554", "Flat 17, Janet Meadows, London")),
        (
            "My home address: 1847 West 12th Avenue, Apt 304, Vancouver.",
            ("TG554", "1847 West 12th Avenue, Apt 304, Vancouver"),
        ),
    ],
)
def test_personal_data_of_many_countries_is_found(body: str, expected: tuple[str, str]) -> None:
    head = ZH if any("\u4e00" <= ch <= "\u9fff" for ch in body) else EN
    assert expected in spans(head + body + "\n")


def _german_serials() -> list[str]:
    # Germany's passport serial (issue 12): a letter, then 8 of C F G H J K L M N P R T V W X Y Z and digits;
    # many have one digit or none.
    import random

    rng = random.Random("german passports")
    letters, alphabet = "CFGHJK", "CFGHJKLMNPRTVWXYZ"
    serials = []
    for digits in (0, 0, 0, 1, 1, 2, 4):
        rest = [rng.choice(alphabet) for _ in range(8 - digits)] + [rng.choice("0123456789") for _ in range(digits)]
        rng.shuffle(rest)
        serials.append(rng.choice(letters) + "".join(rest))
    return serials


@pytest.mark.parametrize("serial", _german_serials())
@pytest.mark.parametrize(
    "sentence",
    [
        "My passport number is {}. Please lift the ban.",
        "My passport number:{}; I can send a photo of the page.",
        "我的护照号码：{}，如有需要我可以提供照片页。",
        "为了证明账号是我本人的，护照号码{}，请尽快帮我解封。",
    ],
)
def test_german_passport_serials_with_few_or_no_digits_are_found(serial: str, sentence: str) -> None:
    head = ZH if any("\u4e00" <= ch <= "\u9fff" for ch in sentence) else EN
    assert ("TG553", serial) in spans(head + sentence.format(serial) + "\n")


@pytest.mark.parametrize(
    "body",
    ["My passport number is PLEASEHELP, no wait.", "My passport HELPMEPLS expired.", "我的护照 FACEBOOKS 过期了。"],
)
def test_words_in_capitals_after_a_passport_word_are_not_numbers(body: str) -> None:
    head = ZH if any("\u4e00" <= ch <= "\u9fff" for ch in body) else EN
    assert not [kind for kind, _ in spans(head + body + "\n") if kind == "TG553"]


@pytest.mark.parametrize(
    "body",
    [
        "The build 4222222222222 crashed.",  # Luhn-valid, 13 digits, no card word
        "My card 4222222222223 was charged.",  # a card word, but not Luhn-valid
        "Order 234567890124 failed.",  # an Aadhaar's checksum, no ID word
        "Our office: 92897 Becker Plaza Suite 599, Michaelport, ND 57841.",
    ],
)
def test_short_numbers_need_their_word_and_checksum(body: str) -> None:
    assert overshares(EN + body + "\n") == []


def test_a_home_address_in_a_legal_mail_gets_advice_that_fits_the_mailbox() -> None:
    legal = "To: legal@telegram.org\nSubject: [Copyright] - My photos reposted\n\n"
    body = "I own the photos. My home address is 622 Jenkins Summit, Lake Diane, LA 63523.\n"
    (found,) = [f for f in overshares(legal + body) if f.rule == "TG554"]
    assert "contact address" in found.message and "not needed by support" not in found.message
    (support,) = [f for f in overshares(EN + body) if f.rule == "TG554"]
    assert "not needed by support" in support.message


# National IDs in the groups their cards print, after the word that names their scheme (issue 12):
# an ID and no phone number, in both languages, whatever the separator, even with a wrong check digit.
_AADHAAR = "2345 6789 0124"  # Verhoeff-valid
_IDS = [
    ("my Aadhaar number {}", _AADHAAR),
    ("my Aadhaar number {}", _AADHAAR.replace(" ", "-")),
    ("my Aadhaar number {}", "4821 7730 2916"),  # Verhoeff check digit wrong
    ("my Aadhaar: {}", "4821-7730-2916"),
    ("my SSN {}", "536 22 8726"),
    ("my SSN is {}", "536228726"),
    ("my CPF {}", "390 533 447 05"),
    ("my CPF number {}", "390.533.447-06"),  # check digits wrong
    ("my ID card number {}", "110101 19900307 1233"),
    ("my resident ID {}", "110101-19900307-1233"),
    ("my National Insurance number {}", "QQ 12 34 56 C"),
    ("my NINO: {}", "AB123456D"),
]
_ZH_IDS = [
    ("我的Aadhaar号码{}", "4821 7730 2916"),
    ("我的身份证号{}", "110101 19900307 1233"),
    ("身份证号码：{}", "110101-19900307-1230"),  # GB 11643 check character wrong
    ("我的英国国民保险号{}", "QQ 12 34 56 C"),
]


@pytest.mark.parametrize(("label", "number"), [*_IDS, *_ZH_IDS])
def test_grouped_national_ids_after_their_label_are_ids_not_phones(label: str, number: str) -> None:
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in label)
    body = (
        ("他们在群里公开了" + label.format(number) + "。") if chinese else f"They posted {label.format(number)} online."
    )
    text = (ZH if chinese else EN) + body + "\n"
    assert spans(text) == [("TG551", number)]
    assert [f.rule for f in lint(text).findings if f.category == "phone"] == []


@pytest.mark.parametrize(
    "body",
    [
        "My user ID 536228726 was banned.",  # nine digits are an SSN only after its name
        "我的数字ID号码166495401，注册时间大约是 2021 年。",
        "Order 4821 7730 2916 was charged twice.",
        "Call me on 0412 345 678, my Aadhaar card is at home.",
    ],
)
def test_id_shaped_numbers_without_their_schemes_name_are_not_ids(body: str) -> None:
    assert [f for f in overshares((ZH if body[0] > "\u3000" else EN) + body + "\n") if f.rule == "TG551"] == []


def test_a_number_an_id_word_labels_is_no_phone_number_whatever_its_digits() -> None:
    text = EN + "They posted my Aadhaar number 4821 7730 291 online.\n"  # a digit short of any ID
    assert [f.rule for f in lint(text).findings if f.category == "phone"] == []


def _valid(check: object, make: object, count: int, seed: int) -> list[str]:
    """`count` values `make(rng)` gives that `check` (a python-stdnum module) calls valid."""
    import random

    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        value = make(rng)  # type: ignore[operator]
        if check.is_valid(value):  # type: ignore[attr-defined]
            found.append(value)
    return found


def _ids_of_many_countries() -> list[tuple[str, str]]:
    """(label, value) of IDs of countries many Telegram users write from, valid by their own check."""
    from stdnum.id import nik
    from stdnum.in_ import pan
    from stdnum.pk import cnic
    from stdnum.tr import tckimlik

    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = "0123456789"
    pans = _valid(
        pan,
        lambda r: "".join(r.choice(upper) for _ in range(3)) + r.choice("PCHF") + r.choice(upper)
        + "".join(r.choice(digits) for _ in range(4)) + r.choice(upper),
        6,
        1,
    )  # fmt: skip
    cnics = _valid(
        cnic,
        lambda r: f"{r.randint(1, 7)}{r.randint(1000, 9999)}-{r.randint(10**6, 10**7 - 1)}-{r.randint(1, 9)}",
        6,
        2,
    )
    niks = _valid(
        nik,
        lambda r: (
            f"3174{r.randint(1, 9):02d}{r.randint(1, 28) + r.choice((0, 40)):02d}{r.randint(1, 12):02d}"
            f"{r.randint(70, 99)}{r.randint(1, 9999):04d}"
        ),
        6,
        3,
    )
    kimliks = _valid(tckimlik, lambda r: str(r.randint(10**10, 10**11 - 1)), 6, 4)
    return (
        [("my PAN card number is {}", v) for v in pans]
        + [("CNIC: {}", v) for v in cnics]
        + [("NIK {}", v) for v in niks]
        + [("my T.C. kimlik no: {}", v) for v in kimliks]
        + [("my NIN is {}", str(10**10 + i * 7919)) for i in range(6)]
    )


@pytest.mark.parametrize(("frame", "value"), _ids_of_many_countries())
def test_ids_of_more_countries_after_their_name_are_personal_data(frame: str, value: str) -> None:
    body = frame.format(value)
    for head in (EN, ZH):
        found = spans(head + "To prove the account is mine: " + body + "\n")
        assert ("TG551", value) in found, (body, found)


@pytest.mark.parametrize(
    "body",
    [
        "My phone is 13912345678 and I cannot log in.",  # 11 digits, no ID word
        "Order 35202-1234567-1 was charged twice.",  # a CNIC's shape, no name
        "The panel ABCPK1234F code shows on the screen.",  # a PAN's shape, no name
        "Transaction 3174091203850001 failed.",  # a NIK's shape, no name
    ],
)
def test_shapes_of_those_ids_without_their_name_are_not(body: str) -> None:
    assert not [f for f in overshares(EN + body + "\n") if f.rule == "TG551"]
