"""A finding whose message quotes the draft marks exactly what it quotes.

The report underlines a finding's span (text, HTML) and annotates it (GitHub, SARIF):
when the message says "you wrote “截图在附件里”", the underline must cover those words,
not a piece of them. Checked on every fixture draft, for every message that quotes text
found in the flagged part.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lintkit import FIXTURES

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.draft import Draft
from tglint.packs import load_packs
from tglint.reading import read_bytes
from tglint.registry import load_registry

_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|「([^」]+)」')
# Rules whose quotes name something other than the span itself, by design.
_QUOTE_OTHER_THAN_SPAN = {
    "TG102": "names the tag inside its brackets; the span is the bracketed tag the fix replaces",
    "TG321": "quotes the vague wording it found; the finding marks where the details belong",
    "TG322": "quotes the vague wording it found; the finding marks where the details belong",
    "TG701": "quotes the openings of both issues; the span is the second one",
    "TG1124": "quotes an example greeting (which a quoted reply may hold); the span is the first line",
}
_DRAFTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".eml") and p.is_file())


def _normal(text: str) -> str:
    return " ".join(text.split())


def _quotes_of_draft(message: str, part_text: str) -> list[str]:
    """Quoted pieces of `message` that are text of the part (a shortened quote ends with …)."""
    found = (next(group for group in m.groups() if group) for m in _QUOTED.finditer(message))
    quotes = (_normal(quote).removesuffix("…") for quote in found)
    return [quote for quote in quotes if quote and quote in _normal(part_text)]


@pytest.fixture(scope="module")
def quoted_spans() -> list[tuple[str, str, str, list[str]]]:
    """(draft, rule, span text, quotes of draft text) for every hit that quotes its part."""
    rules = load_registry(plugins=False).rules
    settings, packs = Settings(), load_packs()
    found = []
    for path in _DRAFTS:
        for draft in read_bytes(path.read_bytes(), str(path)):
            if not isinstance(draft, Draft):
                continue
            analysis = Analysis(draft, settings, packs)
            for rule in rules:
                for hit in rule.check(analysis):
                    part = draft.parts.get(hit.part)
                    if part is None or hit.sensitive or rule.code in _QUOTE_OTHER_THAN_SPAN:
                        continue
                    quotes = _quotes_of_draft(hit.message, part.text)
                    if quotes:
                        found.append((Path(path).name, rule.code, _normal(part.text[hit.start : hit.end]), quotes))
    return found


def test_the_span_is_what_the_message_quotes(quoted_spans: list[tuple[str, str, str, list[str]]]) -> None:
    wrong = [(name, code, span, quotes) for name, code, span, quotes in quoted_spans if span not in quotes]
    assert not wrong, wrong


def test_attachment_rules_are_among_those_checked(quoted_spans: list[tuple[str, str, str, list[str]]]) -> None:
    checked = {code for _, code, _, _ in quoted_spans}
    assert {"TG801", "TG802", "TG803", "TG106", "TG604"} <= checked, checked
