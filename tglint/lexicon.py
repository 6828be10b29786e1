"""Finding the words of a lexicon in text, in Chinese and English alike.

One compiled pattern per lexicon, longest terms first. A term that starts or
ends with a Latin letter or digit must not touch another one there, so "pin"
is not found in "spinning" while "密码" is found inside "二步验证密码".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: str  # the lexicon's spelling, lower-cased
    weight: float = 1.0


def _term_pattern(term: str) -> str:
    body = r"\s+".join(re.escape(word) for word in term.split())
    if term[:1].isascii() and term[:1].isalnum():
        body = r"(?<![A-Za-z0-9_])" + body
    if term[-1:].isascii() and term[-1:].isalnum():
        body += r"(?![A-Za-z0-9_])"
    return body


class Lexicon:
    def __init__(self, terms: Mapping[str, float]) -> None:
        self.weights = {term.lower(): weight for term, weight in terms.items() if term.strip()}
        ordered = sorted(self.weights, key=lambda t: (-len(t), t))
        self._pattern = (
            re.compile("|".join(f"({_term_pattern(t)})" for t in ordered), re.IGNORECASE)
            if ordered
            else None
        )
        self._ordered = ordered

    def finditer(self, text: str) -> Iterable[TermMatch]:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            term = self._ordered[(match.lastindex or 1) - 1]
            yield TermMatch(match.start(), match.end(), term, self.weights[term])

    def find(self, text: str) -> list[TermMatch]:
        return list(self.finditer(text))

    def search(self, text: str) -> TermMatch | None:
        return next(iter(self.finditer(text)), None)

    def score(self, text: str) -> float:
        return sum(m.weight for m in self.finditer(text))


@lru_cache(maxsize=512)
def _cached(items: tuple[tuple[str, float], ...]) -> Lexicon:
    return Lexicon(dict(items))


def lexicon(terms: Iterable[str] | Mapping[str, float]) -> Lexicon:
    """A compiled lexicon, built once per distinct word list."""
    if isinstance(terms, Mapping):
        items = tuple(sorted((str(k), float(v)) for k, v in terms.items()))
    else:
        items = tuple(sorted((str(t), 1.0) for t in set(terms)))
    return _cached(items)
