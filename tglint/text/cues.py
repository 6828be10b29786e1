"""The words the text model reads structure from: conjunctions, negations, questions.

They are data (`rules/zh/text.toml`, `rules/en/text.toml`, `[text]` settings in
`rules/common/text.toml`) and both languages' lists apply to every draft, since writers
mix them ("登录的时候 app 说 not allowed").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from enum import StrEnum
from itertools import accumulate
from typing import Any, NamedTuple

from tglint.lexicon import TermSet, TermSets, ascii_lower
from tglint.packs import PackError, Packs, strings
from tglint.text.scripts import is_han


class CueKind(StrEnum):
    DENIAL = "denial"  # "not", "没有": what follows is said not to be so
    INABILITY = "inability"  # "cannot", "无法": what follows cannot be done
    PROHIBITION = "prohibition"  # "不要", "别", "请勿": what follows must not be done (it is not denied)
    CONFIRMING = "confirming"  # "没有记错", "didn't forget": a cue that confirms
    CONJUNCTION = "conjunction"  # "but", "但是": a new clause begins


class Cue(NamedTuple):
    start: int
    end: int
    kind: CueKind


# The matches of each cue list in a text (`Cues.find`), by list: a CueKind, or the phrases that deny nothing.
CueMatches = Mapping[str, list[tuple[int, int, str]]]
_NOT_NEGATIONS = "not-negations"

_DEFAULT_REACH_HAN = 5
_DEFAULT_REACH_LATIN = 28


class Cues:
    """The compiled word lists, built once per set of packs."""

    def __init__(self, table: Mapping[str, Any], settings: Mapping[str, Any] | None = None) -> None:
        def section(name: str) -> Mapping[str, Any]:
            value = table.get(name, {})
            if not isinstance(value, Mapping):
                raise PackError(f"rule pack text: [{name}] must be a table")
            return value

        negation = section("negation")
        # Every list the model reads a text's structure from, found in one pass over the text.
        self._lists = TermSets(
            {
                CueKind.DENIAL: TermSet(strings(negation, "denial", source="text")),
                CueKind.INABILITY: TermSet(strings(negation, "inability", source="text")),
                CueKind.PROHIBITION: TermSet(strings(negation, "prohibition", source="text")),
                CueKind.CONFIRMING: TermSet(strings(negation, "confirming", source="text")),
                CueKind.CONJUNCTION: TermSet(strings(section("clauses"), "conjunctions", source="text")),
                _NOT_NEGATIONS: TermSet(strings(negation, "not_negations", source="text")),
            }
        )
        questions = section("questions")
        self._openers = TermSet(strings(questions, "openers", source="text"))
        # What an opener can begin with: most sentences begin with none of them, and need no search.
        self._opener_firsts = frozenset(term[0] for term in self._openers.terms)
        self._particles = frozenset(strings(questions, "final_particles", source="text"))
        self._abbreviations = frozenset(
            ascii_lower(a).rstrip(".") for a in strings(section("sentences"), "abbreviations", source="text")
        )
        settings = settings or {}
        self.reach_han = _positive(settings, "negation_reach_han", _DEFAULT_REACH_HAN)
        self.reach_latin = _positive(settings, "negation_reach_latin", _DEFAULT_REACH_LATIN)

    @classmethod
    def empty(cls) -> Cues:
        return cls({})

    @classmethod
    def from_packs(cls, packs: Packs) -> Cues:
        return packs.derived(("text-cues",), lambda: cls(packs.get("text"), packs.get("text").get("settings")))

    def find(self, text: str) -> CueMatches:
        """Where each list's words stand in `text`: what `of` and `negation_cues` read."""
        return self._lists.find(text)

    def of(self, found: CueMatches, kind: CueKind) -> Iterable[Cue]:
        for start, end, _ in found[kind]:
            yield Cue(start, end, kind)

    def negation_cues(self, found: CueMatches) -> list[Cue]:
        """Denials, inabilities, prohibitions and confirmations in order; a cue inside a phrase that
        denies nothing ("no idea", "不知道", "别人") is left out, and so is one inside a confirmation."""
        blocked = [(s, e) for s, e, _ in found[_NOT_NEGATIONS]]
        confirming = list(self.of(found, CueKind.CONFIRMING))
        blocked.extend((cue.start, cue.end) for cue in confirming)
        inside = _Containment(blocked)
        cues = list(confirming)
        for kind in (CueKind.DENIAL, CueKind.INABILITY, CueKind.PROHIBITION):
            cues.extend(cue for cue in self.of(found, kind) if not inside(cue))
        return sorted(cues)

    def asks(self, sentence: str) -> bool:
        """Whether a sentence asks something: a question mark, a final 吗/呢, or an opener such as
        "how" or "为什么" at its start when it does not end as a statement."""
        stripped = sentence.rstrip("”’」』）)\"' \t")
        if stripped.endswith(("?", "？")):
            return True
        core = stripped.rstrip("。.!！;；…")
        if core[-1:] in self._particles and len(core) >= 2 and is_han(core[-2]):
            return True
        if stripped.endswith((".", "。", ":", "：", "!", "！")):
            return False
        char = core[:1]
        # As `ascii_lower` would lower-case it: asked of every sentence, and a non-ASCII letter keeps its case there.
        if (char.lower() if char.isascii() else char) not in self._opener_firsts:
            return False
        first = next(self._openers.finditer(core[:24]), None)
        return first is not None and first[0] == 0

    def is_abbreviation(self, word: str) -> bool:
        return word.rstrip(".") in self._abbreviations

    def reach(self, first_char: str) -> int:
        """How far before a word a negation cue may begin: closer before a Chinese word."""
        return self.reach_han if is_han(first_char) else self.reach_latin


class _Containment:
    """Whether a cue lies inside one of some spans, in logarithmic time per cue."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))

    def __call__(self, cue: Cue) -> bool:
        index = bisect_right(self._starts, cue.start) - 1
        return index >= 0 and self._reach[index] >= cue.end


def _positive(settings: Mapping[str, Any], key: str, default: int) -> int:
    value = settings.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PackError(f"rule pack text: [settings] {key} must be a non-negative integer")
    return value
