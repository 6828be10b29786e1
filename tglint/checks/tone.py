"""Tone rules: the guide's 避免情绪化的表达, 情绪化的表达和抱怨语气 and 使用非正式的网络用语.

What reads as hostile, shouted or exasperated is found by the tone recognizers
(`tglint.recognizers.tone`: hostile terms with their weights, runs of capitals, runs of
"!!!" or "？？？", all in the writer's own voice); these rules decide what to report: an
insult or enough weight together is a warning (TG601), less is a hint (TG602), each run of
capitals or of marks is reported with a fix (TG603, TG604).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.recognizers.tone import (
    CAPITALS,
    HOSTILE_TERMS,
    INSULT_WEIGHT,
    PUNCTUATION_RUNS,
    SHOUTING,
    WORD,
    ToneKnowledge,
    knowledge,
)
from tglint.rule import Rule

if TYPE_CHECKING:
    from tglint.text import TextModel

_CAPITALISED_AFTER = tuple(".!?！？。")
# Before a run that opens a sentence: quotation marks and spaces.
_OPENING_QUOTES = " \t\"'“‘"
_COLONS = ":："


def _part_text(analysis: Analysis, part: str) -> str:
    return analysis.subject_text if part == "subject" else analysis.body_text


# -- hostile wording --------------------------------------------------------------------


def _weight(term: Span) -> float:
    return float(term.facts["weight"])


def _is_hostile(terms: Sequence[Span], known: ToneKnowledge) -> bool:
    """Any insult, or enough threats, pressure, complaints and slang together."""
    return any(_weight(t) >= INSULT_WEIGHT for t in terms) or sum(_weight(t) for t in terms) >= known.warning_score


def _worst(terms: Sequence[Span]) -> Span:
    return max(terms, key=lambda t: (_weight(t), -_PART_RANK[t.part], -t.start))


_PART_RANK = {"subject": 0, "body": 1}


class HostileWording(Rule):
    code = "TG601"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = analysis.spans(HOSTILE_TERMS)
        if not terms or not _is_hostile(terms, knowledge(analysis.packs)):
            return
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        more = self._more(analysis, len(terms) - 1)
        yield Hit(worst.part, worst.start, worst.end, self._said(analysis, str(worst.facts["kind"]), shown, more))

    def _more(self, analysis: Analysis, others: int) -> str:
        if not others:
            return ""
        if others == 1:
            return self.message(analysis, "more", others=others)
        return self.message(analysis, "more_plural", others=others)

    def _said(self, analysis: Analysis, kind: str, shown: str, more: str) -> str:
        if kind == "insult":
            return self.message(analysis, "insult", shown=shown, more=more)
        if kind == "threat":
            return self.message(analysis, "threat", shown=shown, more=more)
        if kind == "slang":
            return self.message(analysis, "slang", shown=shown, more=more)
        return self.message(analysis, "complaint", shown=shown, more=more)


class ComplainingTone(Rule):
    code = "TG602"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        terms = analysis.spans(HOSTILE_TERMS)
        if not terms or _is_hostile(terms, knowledge(analysis.packs)):
            return  # nothing to say, or TG601 says it
        worst = _worst(terms)
        shown = _part_text(analysis, worst.part)[worst.start : worst.end]
        yield Hit(
            worst.part,
            worst.start,
            worst.end,
            self.message(analysis, "frustrated", shown=shown),
        )


# -- shouting in capitals ----------------------------------------------------------------


def _opens_sentence(model: TextModel, text: str, start: int) -> bool:
    """Whether a run stands first in its sentence, or first after a colon, past any opening quotes."""
    sentence = model.sentence_at(start)
    first = sentence.start if sentence is not None else start
    before = _last_before(text, first, start, _OPENING_QUOTES)
    return before < first or text[before] in _COLONS


def _sentence_case(analysis: Analysis, part: str, start: int, end: int, known: ToneKnowledge) -> str:
    """The run in normal case: acronyms and "I" kept, a capital where a sentence opens."""

    def lower(token: re.Match[str]) -> str:
        word = token.group()
        if known.is_acronym(word) or not compiled(CAPITALS).fullmatch(word):
            return word
        if word.startswith("I'"):
            return "I" + word[1:].lower()  # I'M -> I'm
        return word if word == "I" else word.lower()

    text = _part_text(analysis, part)
    model = analysis.text_model(part)
    written = list(compiled(WORD).sub(lower, text[start:end]))
    openings = [s.start for s in model.sentences_in(start + 1, end) if _after_full_stop(text, start, s.start)]
    if _opens_sentence(model, text, start):
        openings.insert(0, start)
    for opening in openings:
        written[opening - start] = written[opening - start].upper()
    return "".join(written)


def _after_full_stop(text: str, start: int, opening: int) -> bool:
    """A sentence inside a run opens with a capital after a full stop, "!" or "?" (not after a semicolon)."""
    before = _last_before(text, start, opening, None)
    return before >= start and text[before] in _CAPITALISED_AFTER


def _last_before(text: str, floor: int, end: int, skipped: str | None) -> int:
    """Where the last character before `end` that is not one of `skipped` (None: a space) stands, floor - 1
    if none from `floor` on: read back over the few characters between, not from `floor` on."""
    index = end - 1
    while index >= floor and (text[index].isspace() if skipped is None else text[index] in skipped):
        index -= 1
    return index


class ShoutingInCapitals(Rule):
    code = "TG603"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        known = knowledge(analysis.packs)
        for run in analysis.spans(SHOUTING):
            text = _part_text(analysis, run.part)
            start, end = run.start, run.end
            replacement = _sentence_case(analysis, run.part, start, end, known)
            yield Hit(
                run.part,
                start,
                end,
                self.message(analysis, "capitals", shown=text[start:end], replacement=replacement),
                fix=Fix("Write the words in normal case", "unsafe", (Edit(run.part, start, end, replacement),)),
            )


# -- runs of "!!!" and "？？？" ---------------------------------------------------------------


def _one_mark(run: str) -> str:
    wide = run[0] in "！？"
    if any(c in "?？" for c in run):
        return "？" if wide else "?"
    return "！" if wide else "!"


class RepeatedPunctuation(Rule):
    code = "TG604"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for run in analysis.spans(PUNCTUATION_RUNS):
            marks = _part_text(analysis, run.part)[run.start : run.end]
            mark = _one_mark(marks)
            yield Hit(
                run.part,
                run.start,
                run.end,
                self.message(analysis, "marks", marks=marks, mark=mark),
                fix=Fix("Keep a single mark", "safe", (Edit(run.part, run.start, run.end, mark),)),
            )
