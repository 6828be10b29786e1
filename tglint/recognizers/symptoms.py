"""Symptoms one can often solve alone, and attempts already made (the guide, 六、常见问题和解决方案).

A symptom ("stuck on sending", "收不到验证码", "闪退", "不同步", "how do I ...") is a word of the
`self_help` packs' `symptoms` tables, in the subject or the writer's own words, not denied
("it does not crash", "没有闪退"); an attempt ("I restarted", "已经重装", "清除缓存") is a word of
their `attempts` list, not denied ("I have not restarted yet"). Both languages' words are searched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tglint.lexicon import PARTS_PASS, TermSet, ascii_lower, shared_pass
from tglint.recognizers import Span

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs

PACK = "self_help"
SYMPTOM = "symptom"
ATTEMPT = "attempt"
PARTS = ("subject", "body")


class _Words:
    """The symptoms' words and the attempts, compiled once per set of packs."""

    def __init__(self, packs: Packs) -> None:
        table = packs.get(PACK)
        self.symptom_of: dict[str, str] = {}
        for name, symptom in table.get("symptoms", {}).items():
            for word in symptom.get("words", []):
                self.symptom_of.setdefault(_key(str(word)), str(name))
        together = shared_pass(packs, PARTS_PASS)
        self.symptoms = TermSet(self.symptom_of, together)
        self.attempts = TermSet((str(word) for word in table.get("attempts", [])), together)


def _key(word: str) -> str:
    return " ".join(ascii_lower(word).split())


def _words(packs: Packs) -> _Words:
    return packs.derived(("symptoms", "words"), lambda: _Words(packs))


@dataclass(slots=True)
class Symptoms:
    """Symptoms and attempts, in each part's text order, subject first."""

    name: str = "symptoms"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        words = _words(analysis.packs)
        for part in PARTS:
            model = analysis.text_model(part)
            text = model.writer_text.replace("\u2019", "'")
            for start, end, term in words.symptoms.finditer(text):
                if not model.negated(start):
                    facts = {"symptom": words.symptom_of[term]}
                    yield Span(SYMPTOM, part, start, end, 0.8, (f"word:{term}",), facts)
            for start, end, term in words.attempts.finditer(text):
                if not model.negated(start):
                    yield Span(ATTEMPT, part, start, end, 0.8, (f"word:{term}",))


SYMPTOMS = Symptoms()
