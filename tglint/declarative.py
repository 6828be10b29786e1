"""Rules without Python: the kinds of check a catalogue entry can declare (as Vale's check types).

- `existence` flags each place where one of `words`, `swap`'s words, `patterns` or `tokens` appears;
  a `swap` word (or any match, with `replacement`) comes with a fix that writes the
  replacement, `applicability` "safe" or "unsafe" (the default: a wording is the writer's).
- `absence` flags a draft in which none of `words`, `patterns` or `tokens` appears: once, on the first
  line of the body (or on the subject when only the subject is looked at).

Both are scoped by `parts` (subject, body; both by default), `topics` (the mailboxes the
draft is for; all by default), the rule's `languages`, and `own_text` (true by default: the
writer's own words, without quoted replies and signatures). Words are matched as the rule
packs' lexicons are (`tglint.lexicon`): ASCII case aside, a Latin word never inside a longer
one, Chinese anywhere, any spacing; patterns are regular expressions, taken as written;
tokens are spaCy Matcher patterns over the draft's words (`tglint.token_patterns`, the `spacy`
extra, imported only for a rule that has them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tglint.catalog import PARTS
from tglint.lexicon import ascii_lower, lexicon
from tglint.models import Edit, Fix, Hit
from tglint.rule import CatalogIdentity

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.catalog import CatalogRule
    from tglint.rule import RuleLike
    from tglint.token_patterns import TokenMatcher


def declarative_rule(entry: CatalogRule) -> RuleLike:
    return Absence(entry) if entry.kind == "absence" else Existence(entry)


class _Match:
    __slots__ = ("end", "replacement", "start")

    def __init__(self, start: int, end: int, replacement: str | None) -> None:
        self.start, self.end, self.replacement = start, end, replacement


class DeclarativeRule(CatalogIdentity):
    """A catalogue entry's rule of a `kind`: its identity and messages are the entry's."""

    checks_alternatives = False

    def __init__(self, entry: CatalogRule) -> None:
        self._entry = entry
        spec = entry.spec
        self.parts: tuple[str, ...] = tuple(part for part in PARTS if part in spec.get("parts", PARTS))
        self.topics: frozenset[str] = frozenset(spec.get("topics", ()))
        self.own_text: bool = spec.get("own_text", True)
        swap: dict[str, str] = spec.get("swap", {})
        terms = [*spec.get("words", ()), *swap]
        self._words = lexicon(terms) if terms else None
        self._swap = {_term_key(word): replacement for word, replacement in swap.items()}
        self._patterns = tuple(re.compile(pattern) for pattern in spec.get("patterns", ()))
        self._tokens: TokenMatcher | None = None
        if "tokens" in spec:
            from tglint.token_patterns import TokenMatcher

            self._tokens = TokenMatcher(entry, spec["tokens"])
        self._replacement: str | None = spec.get("replacement")
        self._applicability: str = spec.get("applicability", "unsafe")

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def entry(self) -> CatalogRule:
        return self._entry

    def _applies(self, analysis: Analysis) -> bool:
        return not self.topics or analysis.topic in self.topics

    def _texts(self, analysis: Analysis) -> Iterator[tuple[str, str]]:
        for part in self.parts:
            if part == "subject":
                yield part, analysis.subject_text
            else:
                yield part, analysis.body_text if self.own_text else analysis.draft.body.text

    def _matches(self, analysis: Analysis, text: str) -> list[_Match]:
        """Every match in `text`, leftmost first and then longest, without overlaps."""
        found: list[_Match] = []
        if self._words is not None:
            for term in self._words.finditer(text):
                found.append(_Match(term.start, term.end, self._swap.get(term.term, self._replacement)))
        for pattern in self._patterns:
            for hit in pattern.finditer(text):
                if hit.end() > hit.start():
                    found.append(_Match(hit.start(), hit.end(), self._replacement))
        if self._tokens is not None:
            for start, end in self._tokens.spans(analysis, text):
                found.append(_Match(start, end, self._replacement))
        kept: list[_Match] = []
        cursor = 0
        for match in sorted(found, key=lambda m: (m.start, -m.end)):
            if match.start >= cursor:
                kept.append(match)
                cursor = match.end
        return kept


class Existence(DeclarativeRule):
    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not self._applies(analysis):
            return
        language = analysis.message_language
        for part, text in self._texts(analysis):
            for match in self._matches(analysis, text):
                shown = " ".join(text[match.start : match.end].split())
                if match.replacement is None:
                    yield Hit(part, match.start, match.end, self.entry.message(language, "found", match=shown))
                    continue
                replacement = _cased_like(shown, match.replacement)
                message = self.entry.message(language, "replace", match=shown, replacement=replacement)
                edit = Edit(part, match.start, match.end, replacement)
                fix = Fix(f'Replace "{shown}" with "{replacement}"', self._applicability, (edit,))
                yield Hit(part, match.start, match.end, message, fix=fix)


class Absence(DeclarativeRule):
    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not self._applies(analysis):
            return
        texts = [(part, text) for part, text in self._texts(analysis) if text.strip()]
        if not texts or any(self._matches(analysis, text) for _, text in texts):
            return  # nothing written to judge, or what is wanted is there
        part, text = next(((p, t) for p, t in texts if p == "body"), texts[0])
        start, end = _first_line(text)
        yield Hit(part, start, end, self.entry.message(analysis.message_language, "missing"))


def _term_key(word: str) -> str:
    """A word as the lexicon reports the term it matched: ASCII lower case, single spaces."""
    return " ".join(ascii_lower(word).split())


def _cased_like(written: str, replacement: str) -> str:
    """The replacement with a capital first letter where the writer's word is so written ("Pls" -> "Please";
    not "PLS" or "INC-1", which are not a capital starting a sentence)."""
    if written[:1].isupper() and written[1:2].islower() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _first_line(text: str) -> tuple[int, int]:
    """Where a finding about what a text lacks points: its first line with writing on it."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end
