"""Realistic generated values: the generator makes what it claims, and tglint's scores hold their floor.

The drafts come from scripts/realistic_values.py (Faker and phonenumbers' example numbers,
fixed seeds), the scores from scripts/values_report.py, the floor from tests/values_floor.toml.
The floor is a ratchet: a change that lowers a recall or adds a false alarm on a hard
negative fails here; a change that raises them records the new figures with
`python scripts/values_report.py --write-floor`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import phonenumbers as pn
import pytest
from stdnum import luhn
from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.in_ import aadhaar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import realistic_values as rv
import values_report as vr

MIN_PER_KIND_AND_LANGUAGE = 150
MIN_NEGATIVES_PER_KIND_AND_LANGUAGE = 20


@pytest.fixture(scope="module")
def cases() -> list[rv.Case]:
    return rv.generate()


@pytest.fixture(scope="module")
def measures(cases: list[rv.Case]) -> vr.Measures:
    return vr.measure(vr.lint_cases(cases))


def _body(case: rv.Case) -> str:
    return case.draft.split("\n\n", 1)[1]


def test_generation_is_deterministic() -> None:
    assert rv.generate(per_kind=24, negatives_per_kind=4) == rv.generate(per_kind=24, negatives_per_kind=4)


def test_every_kind_has_enough_values_in_each_language_and_style(cases: list[rv.Case]) -> None:
    counts = Counter((c.kind, c.language) for c in cases)
    for kind in rv.POSITIVE_KINDS:
        for language in rv.LANGUAGES:
            assert counts[(kind, language)] >= MIN_PER_KIND_AND_LANGUAGE, (kind, language)
    for kind in rv.NEGATIVE_KINDS:
        for language in rv.LANGUAGES:
            assert counts[(kind, language)] >= MIN_NEGATIVES_PER_KIND_AND_LANGUAGE, (kind, language)
    styles = Counter((c.language, c.style) for c in cases if c.positive)
    assert {key for key in styles} == {(lang, style) for lang in rv.LANGUAGES for style in rv.STYLES[lang]}


def test_each_value_stands_once_in_its_draft_as_its_style_says(cases: list[rv.Case]) -> None:
    for case in cases:
        body = _body(case)
        assert body.count(case.value) == 1, case
        before = body[: body.index(case.value)]
        if case.style == "glued":
            assert "\u4e00" <= before[-1] <= "\u9fff", case
        elif case.style == "spaced":
            assert before.endswith(" "), case
        elif case.style == "tight":
            assert before.endswith(":"), case


def test_values_are_valid_of_their_kind(cases: list[rv.Case]) -> None:
    for case in cases:
        digits = re.sub(r"\D", "", case.value)
        if case.kind == "card":
            assert luhn.is_valid(digits), case.value
        elif case.kind == "id" and case.locale == "zh_CN":
            compact = re.sub(r"[ -]", "", case.value)
            assert ric.calc_check_digit(compact) == compact[-1], case.value
        elif case.kind == "id" and case.form == "wrong-check-digit":  # a writer's slip, on purpose
            assert not (cpf.is_valid(digits) if case.locale == "pt_BR" else aadhaar.is_valid(digits)), case.value
        elif case.kind == "id" and case.locale == "pt_BR":
            assert cpf.is_valid(digits), case.value
        elif case.kind == "id" and case.locale == "en_IN":
            assert aadhaar.is_valid(digits), case.value
        elif case.kind == "id" and case.locale == "en_GB":
            assert re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", case.value.replace(" ", "")), case.value
        elif case.kind == "phone":
            assert case.region and not case.value.startswith(("+", "00")), case.value
            number = pn.parse(case.value, case.region)
            assert pn.is_valid_number_for_region(number, case.region), (case.value, case.region)
        elif case.kind == "phone_intl":
            assert case.region and case.value.startswith(("+", "00")), case.value
            number = pn.parse(re.sub(r"^00", "+", case.value), None)
            assert pn.is_valid_number_for_region(number, case.region), (case.value, case.region)


def _case(kind: str, language: str, body: str, value: str, region: str | None = None) -> rv.Case:
    subject = "[技术问题] - 收不到登录验证码" if language == "zh" else "[Technical Issue] - Login code never arrives"
    draft = f"To: support@telegram.org\nSubject: {subject}\n\n{body}\n"
    return rv.Case(kind, kind in rv.EXPECTED_RULE, language, "-", "spaced", "", value, draft, region)


def test_a_value_counts_as_caught_only_by_its_rule_on_its_own_span() -> None:
    flagged = _case("phone", "zh", "我的手机号是 13800138000，收不到验证码。", "13800138000", "CN")
    elsewhere = _case("phone", "zh", "订单号 12345，我的手机号是 13800138000。", "12345", "CN")
    international = _case("phone_intl", "zh", "我的手机号是 +86 138 0013 8000。", "+86 138 0013 8000", "CN")
    outcomes = vr.lint_cases([flagged, elsewhere, international])
    assert [o.caught for o in outcomes] == [True, False, False]
    assert outcomes[0].right_country is True
    assert outcomes[1].alarms == ()
    assert outcomes[2].alarms == ()


def test_right_country_compares_the_suggested_number_with_the_true_one() -> None:
    case = _case("phone", "en", "My number is 020 7946 0018.", "020 7946 0018", "GB")
    assert vr.is_right_country(case, "+44 20 7946 0018")
    assert not vr.is_right_country(case, "+1 020-794-6001")
    assert not vr.is_right_country(case, "+44 <area code> 7946 0018")
    assert not vr.is_right_country(case, None)


def test_the_floor_covers_every_kind_and_language() -> None:
    floor = vr.read_floor()
    for kind in rv.POSITIVE_KINDS:
        for language in rv.LANGUAGES:
            assert f"{kind}.{language}" in floor["recall"], (kind, language)
    for kind in rv.NEGATIVE_KINDS:
        for language in rv.LANGUAGES:
            assert f"{kind}.{language}" in floor["false_alarms"], (kind, language)


def test_scores_hold_the_floor(measures: vr.Measures) -> None:
    problems = vr.floor_problems(measures, vr.read_floor())
    assert problems == [], "\n".join(problems) + "\n\n" + vr.render(measures, locales=False)


def test_a_list_of_candidates_is_not_counted_as_a_suggestion() -> None:
    """ "Cannot be told: +86 21 2345 6789 or +98 21 2345 6789" proposes neither: it counts as said to be
    unknowable (right when the true number is named), never as the right country suggested."""
    shanghai = _case("phone", "zh", "我的电话是 021 2345 6789。", "021 2345 6789", "CN")
    (outcome,) = vr.lint_cases([shanghai])
    assert outcome.caught and outcome.right_country is False and outcome.listed_country is True
    measures = vr.measure([outcome])
    assert measures.right_country["zh"] == [0, 1] and measures.cannot_be_known["zh"] == [1, 1]
    assert measures.right_or_unknowable["zh"] == [1, 1] and measures.wrong_suggestion["zh"] == [0, 1]
    # One number proposed by the fix is a suggestion, right or wrong.
    mobile = _case("phone", "zh", "我的手机号是13812345678。", "13812345678", "CN")
    elsewhere = _case("phone", "zh", "我的手机号是13812345678。", "13812345678", "TW")
    right, wrong = vr.lint_cases([mobile, elsewhere])
    assert (right.right_country, right.listed_country) == (True, False)
    assert (wrong.right_country, wrong.listed_country) == (False, False)
    assert vr.measure([wrong]).wrong_suggestion["zh"] == [1, 1]
