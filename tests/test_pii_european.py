"""European personal data (issue 12, third blind set): national IDs python-stdnum checks, right after the word
naming them, and one-line home addresses of the big European countries; a company's address or VAT number in a
signature is not personal data. Values are generated (Faker, fixed seeds) and embedded in both languages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lintkit import lint

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import realistic_values as rv

HEAD_EN = "To: support@telegram.org\nSubject: [Account Issue] - Banned account, please review\n\nHello,\n\n"
HEAD_ZH = "收件人：support@telegram.org\n主题：[账户问题] - 账号被封申请解封\n\n您好，\n\n"


def _pii_rules(text: str) -> list[str]:
    return sorted({f.rule for f in lint(text, select=("TG55",)).findings})


_IDS = list(rv.european_id_values(60, rv.SEED))
_ADDRESSES = list(rv.european_address_values(60, rv.SEED))
_EN_ID_LABELS = {
    "it_IT": "codice fiscale",
    "es_ES": "DNI",
    "fr_FR": "numéro de sécurité sociale",
    "de_DE": "Steuer-ID",
    "pl_PL": "PESEL",
    "nl_NL": "BSN",
}
_ZH_ID_LABELS = {
    "it_IT": "意大利税号",
    "es_ES": "西班牙身份证号",
    "fr_FR": "法国社保号",
    "de_DE": "德国税号",
    "pl_PL": "PESEL 号码",
    "nl_NL": "荷兰公民服务号",
}


def test_every_european_locale_is_generated() -> None:
    assert {v.locale for v in _IDS} == set(rv._EUROPEAN_LOCALES)
    assert {v.locale for v in _ADDRESSES} == set(rv._EUROPEAN_LOCALES)


@pytest.mark.parametrize("value", _IDS, ids=lambda v: f"{v.locale}-{v.form}-{v.text}")
def test_a_european_id_after_its_label_is_a_finding(value: rv.Value) -> None:
    sentence_en = f"To verify me, my {_EN_ID_LABELS[value.locale]}: {value.text}. Please unban me."
    assert _pii_rules(HEAD_EN + sentence_en + "\n") == ["TG551"]
    sentence_zh = f"为了证明是我本人，我的{_ZH_ID_LABELS[value.locale]}是{value.text}，请尽快解封。"
    assert _pii_rules(HEAD_ZH + sentence_zh + "\n") == ["TG551"]


@pytest.mark.parametrize(
    "sentence",
    [
        "So you can verify me: Giulia Ferri, codice fiscale FRRGLI90A41H501U, carta d'identità CA12345AB.",
        "My Personalausweis number is L01X00T47.",
        "DNI 12345678-Z (check letter may be wrong, it is from memory: 12345678Q).",
        "My PESEL is 44051401358.",
    ],
)
def test_a_labelled_id_with_a_wrong_check_digit_or_none_is_a_finding(sentence: str) -> None:
    assert _pii_rules(HEAD_EN + sentence + "\n") == ["TG551"]


@pytest.mark.parametrize("value", _ADDRESSES, ids=lambda v: f"{v.locale}-{v.text}")
@pytest.mark.parametrize("label", ["My home address is ", "I live at ", "residing at "])
def test_a_european_home_address_line_is_a_finding(value: rv.Value, label: str) -> None:
    sentence = (
        f"Please unban my account @giulia_f, I did nothing wrong. To verify me: Giulia Ferri, {label}{value.text}."
    )
    assert _pii_rules(HEAD_EN + sentence + "\n") == ["TG554"]


@pytest.mark.parametrize("seed", range(3))
def test_company_addresses_and_vat_numbers_are_not_personal_data(seed: int) -> None:
    for kind in ("business_address", "vat"):
        for value in rv.negative_values(kind, 12, seed):
            signature = f"Best regards,\nMarco Bianchi\n{value.text}\nVAT ID: {value.text if kind == 'vat' else 'n/a'}"
            text = HEAD_EN + "Please review the ban of @marco_b.\n\n" + signature + "\n"
            assert _pii_rules(text) == [], value.text
            assert _pii_rules(HEAD_EN + f"Our office address: {value.text}.\n") == [], value.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The invoice went to Via Roma 12, 20121 Milano, our accounting office.",
        "Order 12345678Z shipped on 5 March.",
        "Our VAT number is IT12345678901 and the office is at Hauptstraße 5, 10115 Berlin.",
        "The NIR of the app crashes with code 185057800608436.",
        "My user ID is 44051401359 and the bot is @pesel_bot.",
    ],
)
def test_numbers_and_addresses_without_their_label_are_not_personal_data(sentence: str) -> None:
    assert _pii_rules(HEAD_EN + sentence + "\n") == []
