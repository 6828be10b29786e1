"""Every rule documents itself with examples, and the examples are true."""

from __future__ import annotations

import pytest
from lintkit import lint

from tglint.models import CATEGORIES
from tglint.registry import load_registry
from tglint.rule import rule_problems

RULES = load_registry(plugins=False).rules


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_identity(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule_problems(rule) == []
    assert rule.category in CATEGORIES
    assert rule.summary and rule.doc.what and rule.doc.why


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_examples_are_flagged(rule) -> None:  # type: ignore[no-untyped-def]
    for example in (rule.doc.bad, *rule.doc.more_bad):
        codes = [f.rule for f in lint(example, select=(rule.code,)).findings]
        assert rule.code in codes, f"{rule.code} misses its own bad example:\n{example}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_examples_pass(rule) -> None:  # type: ignore[no-untyped-def]
    for example in (rule.doc.good, *rule.doc.more_good):
        found = [f.message for f in lint(example, select=(rule.code,)).findings]
        assert found == [], f"{rule.code} flags its own good example:\n{example}\n{found}"


def test_examples_in_both_languages() -> None:
    for rule in RULES:
        examples = "".join((rule.doc.bad, rule.doc.good, *rule.doc.more_bad, *rule.doc.more_good))
        has_han = any("\u4e00" <= ch <= "\u9fff" for ch in examples)
        assert has_han or rule.languages == frozenset({"en"}), f"{rule.code} has no Chinese example"


def test_codes_are_unique_and_names_too() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
