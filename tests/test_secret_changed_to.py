""" "I changed my two-step verification password to Summer!Lake2026": a verb that sets the secret before its name and
"to" right after it link the new value (TG501; issue 12, fixtures/voices19 en/054). Not when what follows "to" is no
value ("to the one my wife suggested", "to expire"). Generated over verbs x names x values."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

VERBS = ["I changed my", "I have changed my", "I reset my", "Yesterday I set my", "I updated my"]
NAMES = ["two-step verification password", "2FA password", "password", "cloud password"]
VALUES = ["Summer!Lake2026", "Harbor.Light77", "qX7#pL29vT"]


def _secret_rules(sentence: str) -> list[str]:
    text = (
        "To: security@telegram.org\nSubject: [Account Security] - Account taken over\n\nHi,\n\n"
        f"I terminated the unknown sessions at 09:15 CET today. {sentence} so you can check it.\n\n"
        "Account: +49 151 23456789, @jonas_becker_dev\n\nJonas\n"
    )
    return [f.rule for f in lint(text).findings if f.rule.startswith("TG50")]


@pytest.mark.parametrize(("verb", "name", "value"), list(product(VERBS, NAMES, VALUES)))
def test_a_new_value_after_changed_to_is_a_secret(verb: str, name: str, value: str) -> None:
    assert "TG501" in _secret_rules(f"{verb} {name} to {value}"), (verb, name, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "I changed my password to the one my wife suggested",
        "I set my password to expire every month",
        "The attacker changed my 2FA password to something else",
        "I want to change my password to a stronger one",
    ],
)
def test_words_after_to_are_no_value(sentence: str) -> None:
    assert _secret_rules(sentence) == []
