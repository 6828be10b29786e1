"""Home addresses and passport numbers as writers from Ukraine, Russia and Spain type them (fixtures/voices5
en/061: "vul. Saksahanskoho 121, apt. 34, Kyiv 01032, and the passport number is FE 482913" was missed):
transliterated street kinds (vul., ul., prosp., bulvar...), the town before its postcode, a flat as "kv. 12",
a Spanish floor and door ("3º B"), and a passport serial with a space after its letters. Generated over
kinds x names x numbers x flats x towns x lead-ins; hard negatives stay clean."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 61
HEAD = (
    "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
    "Messages stay on the clock icon since 2 March. Pixel 7, Android 14, Telegram 11.3.\n"
)
KINDS = ["vul.", "vulytsia", "ul.", "ulitsa", "prosp.", "prospekt", "bulvar", "per.", "naberezhnaya"]
NAMES = ["Saksahanskoho", "Tverskaya", "Khreshchatyk", "Lenina", "Nezalezhnosti", "Shevchenka"]
FLATS = ["", ", apt. 34", ", kv. 12", ", kv 7", ", apt 5"]
TOWNS = [("Kyiv", "01032"), ("Moskva", "125009"), ("Lviv", "79000"), ("Kharkiv", "61002"), ("Minsk", "220030")]
LEADS = ["My home address is {}.", "I live at {}.", "my address: {}"]
CASES = random.Random(SEED).sample(list(product(KINDS, NAMES, FLATS, TOWNS, LEADS)), 60)


def _pii(body: str) -> set[str]:
    return {f.rule for f in lint(HEAD + body + "\n", select=("TG55",)).findings}


@pytest.mark.parametrize(("kind", "name", "flat", "town", "lead"), CASES)
def test_a_transliterated_home_address_is_found(
    kind: str, name: str, flat: str, town: tuple[str, str], lead: str
) -> None:
    number = 3 + len(name) * 7 % 140
    address = f"{kind} {name} {number}{flat}, {town[0]} {town[1]}"
    assert "TG554" in _pii(lead.format(address)), address


@pytest.mark.parametrize(
    "address",
    [
        "Calle de Alcalá 45, 3º B, 28014 Madrid",
        "Calle Mayor 10, 2º, 28013 Madrid",
        "Avenida de América 7, 5ª A, 28002 Madrid",
    ],
)
def test_a_spanish_floor_and_door_after_the_number(address: str) -> None:
    assert "TG554" in _pii(f"My address is {address}.")


@pytest.mark.parametrize(
    ("letters", "digits"), list(product(["FE", "AB", "EK", "J", "M"], ["482913", "8369854", "12345678"]))
)
def test_a_passport_serial_with_a_space_after_its_letters(letters: str, digits: str) -> None:
    assert "TG553" in _pii(f"For reference, my passport number is {letters} {digits}.")


@pytest.mark.parametrize(
    "body",
    [
        "The office is on ul. Tverskaya 7, Moskva 125009, Ltd building, 3rd floor.",  # an office
        "Order 48213 was charged twice; case number FE 12 on the form.",
        "The app uses port 44301 per. the docs; ping is 120 ms in Kyiv 01:30.",
        "I paid 12000 rubles in Moskva on 2 March.",
    ],
)
def test_hard_negatives_stay_clean(body: str) -> None:
    assert not _pii(body), body
