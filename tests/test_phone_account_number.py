"""A Telegram account is its phone number, and writers call that number "my account number" ("My account number is
98201 34567, username @aditya_k"): written without its country code it is TG401's, not a bank account's (issue 12,
fixtures/voices10 en/088, voices6 en/052). A bank account's number comes with its bank's words, on its line or
the lines around it ("Account Number: 0700016539 / SWIFT/BIC: CAIXESBBXXX"), and stays no phone. Generated from
phonenumbers' example mobiles of several countries in their national form."""

from __future__ import annotations

import phonenumbers
import pytest
from lintkit import lint

REGIONS = ["IN", "BR", "NG", "ID", "PH", "GB", "DE", "RU", "MX"]
LABELS = ["My account number is", "account number:", "The account number is", "my Telegram account number is"]


def _national(region: str) -> str:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)


def _tg401(text: str) -> bool:
    return any(f.rule == "TG401" for f in lint(text).findings)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("label", LABELS)
def test_my_account_number_is_my_phone_number(region: str, label: str) -> None:
    text = (
        "To: security@telegram.org\nSubject: [Account Security] - Lost SIM, cannot log in\n\nHello,\n\n"
        f"I lost my phone and SIM on 28 November 2025. {label} {_national(region)}, username @aditya_k. I am still "
        "logged in on my laptop (Telegram Desktop 5.8.1, Windows 11).\n\nThanks,\nAditya\n"
    )
    assert _tg401(text), (region, label)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "bank",
    [
        "Please refund it to my bank: account number {n}, IFSC HDFC0001234.",
        "Bank: Banco do Brasil\nBranch: 1234-5\nAccount number: {n}\n",
        "Beneficiary: Aditya K\nAccount Number: {n}\nSWIFT/BIC Code: CAIXESBBXXX\n",
    ],
)
def test_a_bank_account_number_is_no_phone(region: str, bank: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Stars purchase refund\n\nHello,\n\n"
        "I was charged twice for 500 Stars on 2 December 2025. My account: +91 98201 34567, @aditya_k.\n"
        + bank.format(n=_national(region).replace(" ", "").replace("-", "").replace("(", "").replace(")", ""))
        + "\n\nThanks,\nAditya\n"
    )
    assert not _tg401(text), (region, bank)
