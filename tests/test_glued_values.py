"""A value written straight after a Chinese character is caught as reliably as one after a space.

In Python's `re`, Chinese characters are word characters, so `\\b` and `(?<!\\w)` around a
value refuse `身份证号是510723…` while they accept `身份证号是 510723…`. Built from the value
generator (scripts/realistic_values.py): each generated value is embedded glued to its label
(`我的护照号码E12345678`), and the very same sentence is written again with a space, a `是` and a
`：` before the value. The rule that must flag the value catches each form equally often.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import realistic_values as rv
import values_report as vr

KINDS = ("id", "card", "passport", "bot_token", "phone", "login_code", "password")
VALUES_PER_KIND = 60
# What lies before the value in each form; "" is glued to the label's last Chinese character.
FORMS = {"glued": "", "spaced": " ", "copula": "是", "colon": "："}
# Values are the same in every form, so the counts should be equal; a value or two may read
# differently for a reason of its own (a copula that makes a number someone else's).
TOLERANCE = 2


def _forms_of(case: rv.Case) -> list[rv.Case]:
    head, body = case.draft.split("\n\n", 1)
    return [
        dataclasses.replace(case, style=form, draft=f"{head}\n\n{body.replace(case.value, joint + case.value, 1)}")
        for form, joint in FORMS.items()
    ]


@pytest.fixture(scope="module")
def caught() -> Counter[tuple[str, str]]:
    cases = []
    for kind in KINDS:
        for number, value in enumerate(rv.POSITIVE_GENERATORS[kind](VALUES_PER_KIND, rv.SEED)):
            rng = random.Random(f"glued:{kind}:{number}")
            cases += _forms_of(rv._embed(value, "zh", "glued", rng))
    counts: Counter[tuple[str, str]] = Counter()
    for outcome in vr.lint_cases(cases):
        counts[(outcome.case.kind, "total")] += outcome.case.style == "glued"
        counts[(outcome.case.kind, outcome.case.style)] += outcome.caught
    return counts


def test_the_forms_differ_only_in_what_stands_before_the_value() -> None:
    value = next(iter(rv.POSITIVE_GENERATORS["passport"](1, rv.SEED)))
    forms = _forms_of(rv._embed(value, "zh", "glued", random.Random("x")))
    bodies = [case.draft.split("\n\n", 1)[1] for case in forms]
    assert [body.replace(" " + value.text, value.text) for body in bodies[1:2]] == bodies[:1]
    before = [body[body.index(value.text) - 1] for body in bodies]
    assert before[1:] == [" ", "是", "："] and "\u4e00" <= before[0] <= "\u9fff"


@pytest.mark.parametrize("kind", KINDS)
def test_a_value_glued_to_chinese_is_caught_as_often_as_a_spaced_one(
    kind: str, caught: Counter[tuple[str, str]]
) -> None:
    spaced = caught[(kind, "spaced")]
    assert caught[(kind, "total")] >= VALUES_PER_KIND // 2
    for form in ("glued", "copula", "colon"):
        assert abs(caught[(kind, form)] - spaced) <= TOLERANCE, (kind, form, caught[(kind, form)], spaced)
