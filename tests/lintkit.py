"""Helpers the tests share: lint a draft given as text or bytes, with settings."""

from __future__ import annotations

from typing import Any

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.draft import Draft
from tglint.engine import Linter
from tglint.models import FileResult, Finding
from tglint.packs import load_packs
from tglint.reading import read_bytes
from tglint.registry import load_registry
from tglint.selection import select_rules

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
_PACKS = load_packs()
_RULES = load_registry(plugins=False).rules


def draft_of(text: str | bytes, path: str = "draft.txt") -> Draft:
    data = text.encode("utf-8") if isinstance(text, str) else text
    items = read_bytes(data, path)
    assert len(items) == 1 and isinstance(items[0], Draft), items
    return items[0]


def lint(text: str | bytes, path: str = "draft.txt", select: tuple[str, ...] = ("ALL",), **settings: Any) -> FileResult:
    chosen = Settings(select=select, **settings)
    packs = load_packs(chosen.rule_packs) if chosen.rule_packs else _PACKS
    rules = tuple(select_rules(_RULES, chosen.select, chosen.ignore, chosen.extend_select))
    return Linter(rules, chosen, packs).lint_draft(draft_of(text, path))


def codes(text: str | bytes, path: str = "draft.txt", **settings: Any) -> list[str]:
    return [f.rule for f in lint(text, path, **settings).findings]


def findings_of(result: FileResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


def analysis_of(text: str | bytes, path: str = "draft.txt", **settings: Any) -> Analysis:
    """The analysis of a draft, for tests of what recognizers find in it."""
    chosen = Settings(**settings)
    return Analysis(draft_of(text, path), chosen, load_packs(chosen.rule_packs) if chosen.rule_packs else _PACKS)
