"""Every rule documents itself with examples, and the examples are true."""

from __future__ import annotations

import re

import pytest
from lintkit import lint

from tglint.explain import render_explanation
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


def _language(example: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in example) else "en"


def _header(example: str, name: str) -> str | None:
    head = example.split("\n\n", 1)[0] if "\n\n" in example else ""
    found = re.search(rf"^{name}: ?(.*)$", head, re.M)
    return found.group(1) if found else None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_each_bad_example_has_its_correction(rule) -> None:  # type: ignore[no-untyped-def]
    """`more_good[i]` corrects `more_bad[i]`: the same language, and the same mail (its recipient
    or its subject kept: a correction changes one of them at most)."""
    doc = rule.doc
    assert len(doc.more_good) >= len(doc.more_bad), f"{rule.code}: a bad example has no correction"
    for bad, good in zip((doc.bad, *doc.more_bad), (doc.good, *doc.more_good), strict=False):
        assert _language(bad) == _language(good), f"{rule.code}: {bad!r} is corrected by {good!r}"
        kept = [_header(bad, name) in (None, _header(good, name)) for name in ("To", "Subject")]
        assert any(kept), f"{rule.code}: {bad!r} is corrected by {good!r}"


def test_explain_shows_each_bad_example_then_its_correction() -> None:
    text = render_explanation(next(r for r in RULES if r.code == "TG401"))
    blocks = re.split(r"\n(?=\S[^\n]*:\n)", text)
    titled = [(block.split(":\n", 1)[0], block.split(":\n", 1)[1]) for block in blocks if ":\n" in block]
    titles = [title for title, _ in titled]
    assert titles[2:] == [
        "Example (en)",
        "Instead",
        "Example (zh)",
        "Instead",
        "Example (zh)",
        "Instead",
        "Also fine",
        "Fix",
    ]
    masked = next(i for i, (_, body) in enumerate(titled) if "手机号：138****8888" in body)
    assert titled[masked + 1][0] == "Instead" and "手机号：+86 138 0013 8000" in titled[masked + 1][1]
    assert "订单号" in titled[titles.index("Also fine")][1]
