"""An office's address written with its unit first, on its own line under a company's name ("Unit 4, 112
Rivonia Road, Sandton"), is a contact block, as the same line without the unit was (issue 12,
fixtures/voices6 en/057): "Unit", "Suite", "Apt" before the street are parts of a building, not the writer
calling the place home. Generated with Faker's street addresses, both body languages; the same line under
"My home address:" or without a company stays a home address (TG554)."""

from __future__ import annotations

import pytest
from faker import Faker
from lintkit import lint

BODY = {
    "en": "To: support@telegram.org\nSubject: [Technical Issue] - Uploads fail\n\n"
    "Videos over 200 MB fail to upload since 1 December at 60%. Samsung Galaxy S24, Android 15, Telegram 12.2.1.\n"
    "Account: +27 82 555 1234\n\nThanks,\n\n",
    "zh": "收件人：support@telegram.org\n主题：[技术问题] - 大视频上传失败\n\n"
    "从12月1日起，超过200MB的视频上传到60%就失败。设备：三星 Galaxy S24，Android 15，Telegram 12.2.1。\n"
    "账号：+27 82 555 1234\n\n谢谢！\n\n",
}
UNITS = ("Unit 4", "Suite 210", "Unit 12B", "Ste. 300", "Flat 2", "Apt 5")
COMPANIES = ("Mokoena & Dlamini Civil Works (Pty) Ltd", "Harbor Logistics Inc.", "Northwind Trading LLC", "Becker GmbH")


def _lines(count: int) -> list[tuple[str, str, str]]:
    fake = Faker("en_US")
    fake.seed_instance(57)
    return [
        (UNITS[i % len(UNITS)], fake.street_address().split(" Apt.")[0].split(" Suite")[0], fake.city())
        for i in range(count)
    ]


def _pii(text: str) -> set[str]:
    return {f.rule for f in lint(text).findings if f.category == "pii" and f.severity != "info"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_an_office_address_with_its_unit_first_is_a_contact_block(language: str) -> None:
    for i, (unit, street, city) in enumerate(_lines(24)):
        signature = f"Thabo Mokoena\nSite Engineer | {COMPANIES[i % len(COMPANIES)]}\n{unit}, {street}, {city} 2196\n"
        assert _pii(BODY[language] + signature) == set(), signature


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_same_line_called_home_or_without_a_company_is_a_home_address(language: str) -> None:
    for unit, street, city in _lines(12):
        if unit.startswith(("Suite", "Ste")):
            continue  # an office's unit: without a company, the address is still an office's
        called_home = f"My home address: {unit}, {street}, {city} 2196\n"
        assert _pii(BODY[language] + called_home) == {"TG554"}, called_home
        no_company = f"Thabo Mokoena\n{unit}, {street}, {city} 2196\n"
        assert _pii(BODY[language] + no_company) == {"TG554"}, no_company
