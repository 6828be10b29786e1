"""Finding the words of a lexicon in text, in Chinese and English alike.

A term that starts or ends with a Latin letter or digit must not touch another
one there, so "pin" is not found in "spinning" while "密码" is found inside
"二步验证密码". Where terms overlap, the leftmost and then the longest wins.

All terms are compiled into one pattern shaped as a trie and searched in an
ASCII-lower-cased copy of the text (same length, so offsets hold): a position
costs the length of the longest term that starts there, not one try per term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: str  # the lexicon's spelling, lower-cased
    weight: float = 1.0


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only: unlike str.lower(), never changes the length."""
    # In UTF-8 only ASCII letters use the bytes A-Z, so lower-casing the bytes touches nothing
    # else; several times faster than str.translate. Lone surrogates pass through unchanged.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


class TermSet:
    """Many terms found in one pass: a pattern built as a trie, so a position costs the length of
    the longest term there rather than one try per term. Same rules as `tglint.lexicon`: ASCII
    case does not matter, a term starting or ending with a Latin letter or digit must not touch
    another one there, a space stands for any whitespace, and the leftmost-longest match wins.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(" ".join(ascii_lower(t).split()) for t in terms if t.strip())
        trie: dict[str, Any] = {}
        for term in self.terms:
            node = trie
            for char in term:
                node = node.setdefault(char, {})
            node[""] = {}
        self._pattern = re.compile(_trie_regex(trie, "")) if self.terms else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) of each match, offsets into `text`."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(ascii_lower(text)):
            yield match.start(), match.end(), " ".join(match.group().split())

    def search(self, text: str) -> bool:
        return self._pattern is not None and self._pattern.search(ascii_lower(text)) is not None


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


# Python's regex engine tries the branches of an alternation one by one. Where many terms start
# with non-ASCII characters (Chinese), those branches sit behind one class test, so that a
# position in English text does not try each of them in turn. Only worth it for many branches:
# a leading lookahead also keeps the engine from skipping ahead by first character.
_GUARD_NON_ASCII_FROM = 32


def _trie_regex(node: dict[str, Any], previous: str) -> str:
    branches = []
    non_ascii: list[tuple[str, str]] = []
    for char in sorted(key for key in node if key):
        piece = r"\s+" if char == " " else re.escape(char)
        if not previous and _is_word_char(char):
            # Checked after the first character, so that every branch starts with a literal and
            # the regex engine can skip ahead to positions where some term may start.
            piece += rf"(?<![a-z0-9_]{re.escape(char)})"
        branch = piece + _trie_regex(node[char], char)
        if not previous and not char.isascii():
            non_ascii.append((char, branch))
        else:
            branches.append(branch)
    if len(non_ascii) >= _GUARD_NON_ASCII_FROM:
        # Branches start with different characters, so at most one can match here: the class
        # test only skips branches that cannot, and the leftmost-longest result is unchanged.
        chars = "".join(re.escape(char) for char, _ in non_ascii)
        branches.append(f"(?=[{chars}])(?:" + "|".join(branch for _, branch in non_ascii) + ")")
    else:
        branches.extend(branch for _, branch in non_ascii)
    if "" in node:  # a term ends here: tried last, so longer terms win
        branches.append(r"(?![a-z0-9_])" if _is_word_char(previous) else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Lexicon:
    """A TermSet with a weight per term."""

    def __init__(self, terms: Mapping[str, float]) -> None:
        self.weights = {" ".join(ascii_lower(t).split()): w for t, w in terms.items() if t.strip()}
        self._terms = TermSet(self.weights)

    def finditer(self, text: str) -> Iterator[TermMatch]:
        for start, end, term in self._terms.finditer(text):
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
