"""Finding the words of a lexicon in text, in Chinese and English alike.

A term that starts or ends with a Latin letter or digit must not touch another
one there, so "pin" is not found in "spinning" while "密码" is found inside
"二步验证密码". Where terms overlap, the leftmost and then the longest wins.

Each term is its own literal-prefixed pattern searched in an ASCII-lower-cased
copy of the text (same length, so offsets hold): Python's `re` scans for a
literal prefix quickly, while one big alternation with look-arounds is tried at
every position and was the slowest thing in a lint run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: str  # the lexicon's spelling, lower-cased
    weight: float = 1.0


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only: unlike str.lower(), never changes the length."""
    return text.translate(_ASCII_LOWER)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    pattern: re.Pattern[str] | None  # None: a plain substring, found with str.find
    left_bounded: bool
    right_bounded: bool


def _compile_term(term: str) -> _Term:
    words = term.split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words)) if len(words) > 1 else None
    return _Term(term, pattern, _is_word_char(term[0]), _is_word_char(term[-1]))


def _spans(term: _Term, lowered: str) -> Iterator[tuple[int, int]]:
    if term.pattern is not None:
        for match in term.pattern.finditer(lowered):
            yield match.start(), match.end()
        return
    start = lowered.find(term.text)
    while start != -1:
        yield start, start + len(term.text)
        start = lowered.find(term.text, start + 1)


class Lexicon:
    def __init__(self, terms: Mapping[str, float]) -> None:
        self.weights = {ascii_lower(" ".join(t.split())): w for t, w in terms.items() if t.strip()}
        self._terms = [_compile_term(t) for t in sorted(self.weights)]

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        lowered = ascii_lower(text)
        found = []
        for term in self._terms:
            for start, end in _spans(term, lowered):
                if term.left_bounded and start > 0 and _is_word_char(lowered[start - 1]):
                    continue
                if term.right_bounded and end < len(lowered) and _is_word_char(lowered[end]):
                    continue
                found.append((start, end, term.text))
        return found

    def finditer(self, text: str) -> Iterator[TermMatch]:
        if not self._terms:
            return
        cursor = 0
        for start, end, term in sorted(self._candidates(text), key=lambda c: (c[0], -(c[1] - c[0]), c[2])):
            if start < cursor:
                continue
            cursor = end
            yield TermMatch(start, end, term, self.weights[term])

    def find(self, text: str) -> list[TermMatch]:
        return list(self.finditer(text))

    def search(self, text: str) -> TermMatch | None:
        return next(self.finditer(text), None)

    def score(self, text: str) -> float:
        return sum(m.weight for m in self.finditer(text))


@lru_cache(maxsize=1024)
def _cached(items: tuple[tuple[str, float], ...]) -> Lexicon:
    return Lexicon(dict(items))


def lexicon(terms: Iterable[str] | Mapping[str, float]) -> Lexicon:
    """A compiled lexicon, built once per distinct word list."""
    if isinstance(terms, Mapping):
        items = tuple(sorted((str(k), float(v)) for k, v in terms.items()))
    else:
        items = tuple(sorted((str(t), 1.0) for t in set(terms)))
    return _cached(items)
