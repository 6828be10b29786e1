"""Finding the words of a lexicon in text, in Chinese and English alike.

A term that starts or ends with a Latin letter or digit must not touch another
one there, so "pin" is not found in "spinning" while "密码" is found inside
"二步验证密码". Where terms overlap, the leftmost and then the longest wins.

The terms are found by Aho-Corasick automata (pyahocorasick, `WordAutomaton`) in
an ASCII-lower-cased copy of the text (same length, so offsets hold) and, for a
list with terms of several words, in one with each run of whitespace written as
one space (offsets mapped back): one pass in C reports every place a term
stands, and only those few are read in Python. A trie-shaped regex did the same
search, but compiling it cost most of a cold run and searching it most of a batch.
In an ASCII text, terms beginning with a letter or digit are looked for only where
a word begins (`_Terms`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from tglint.packs import Packs

_V = TypeVar("_V")


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


# What must not touch a term at an edge where the term has one (the search copy is lower-cased).
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
# Whitespace the single space of a term does not stand for as it is: any but one space. One class first, so that a
# search jumps from one whitespace character to the next.
_UNEVEN_SPACE = re.compile(r"\s(?:(?<=[^\S ])|(?<= ) )")
# The runs of whitespace that " ".join(text.split()) shortens: a leading one, and any of two or more. Looked
# for apart: a pattern with both alternatives tries the first at every character (2.5 times as slow).
_LEADING_RUN = re.compile(r"\s+")
_LONG_RUN = re.compile(r"\s\s+")


class TermSet:
    """Many terms found in one pass. ASCII case does not matter, a term starting or ending with a Latin
    letter, digit or "_" must not touch another one there, a space stands for any run of whitespace, and
    the leftmost match wins, then the longest; matches do not overlap. The automaton is built when the
    set is first searched: a run reads only some of the word lists."""

    __slots__ = ("_automaton", "_pass", "_spaced", "terms")

    def __init__(self, terms: Iterable[str], together: SharedPass | None = None) -> None:
        """`together`: the pass of the other lists that read the same texts, searched with them."""
        self.terms = frozenset(" ".join(ascii_lower(t).split()) for t in terms if t.strip())
        self._spaced = any(" " in term for term in self.terms)
        self._automaton: _Terms[str] | None = None
        self._pass = together if self.terms else None
        if self._pass is not None:
            self._pass.join(self)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) of each match, offsets into `text`."""
        return iter(self._matches(text))

    def search(self, text: str) -> bool:
        if not self.terms:
            return False
        if self._pass is not None:
            shared = self._pass.matches(self, text)
            if shared is not None:
                return bool(shared)
        copy = _search_copy(text)
        return bool(self._places(copy.spaced() if self._spaced else copy.lowered))

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        if not self.terms:
            return []
        if self._pass is not None:
            shared = self._pass.matches(self, text)
            if shared is not None:
                return list(shared)
        copy = _search_copy(text)
        searched = copy.spaced() if self._spaced else copy.lowered
        return _leftmost_longest(self._places(searched), copy if searched is not copy.lowered else None)

    def _places(self, copy: str) -> list[tuple[int, int, str]]:
        return (self._automaton or self._build()).places(copy)

    def _build(self) -> _Terms[str]:
        automaton = self._automaton = _Terms({term: term for term in self.terms})
        return automaton


def _leftmost_longest(found: list[tuple[int, int, str]], shortened: _Copy | None) -> list[tuple[int, int, str]]:
    """Of the places (start, -end, term) where terms stand, the leftmost and then the longest, not
    overlapping, as (start, end, term); offsets into the text when they are into `shortened`'s text with
    its whitespace shortened."""
    if not found:
        return []
    found.sort()  # by start, and at each start the longest term first
    matches = []
    position = 0
    for start, negated_end, term in found:
        if start >= position:
            position = -negated_end
            matches.append((start, position, term))
    if shortened is not None:  # whitespace was shortened: offsets into the text moved
        original = shortened.runs().original
        matches = [(original(start), original(end - 1) + 1, term) for start, end, term in matches]
    return matches


class _Terms(Generic[_V]):
    """Terms (lower-cased), each with a value: `places` says where they stand in a search copy and touch no
    letter, digit or "_" at an edge where they have one.

    Most places a term beginning with a letter or digit stands in a text are inside a word ("a" of "can", "pin"
    of "spinning"), and finding each, only to drop it, costs; so does the automaton's step from its root, which
    reads a branch per first letter. In an ASCII text such terms are looked for after a mark, in a copy where a
    mark stands for every character but a letter, digit or "_", and for what precedes the text: they are found
    only where no letter or digit stands before them, and the root has one branch. A mark stands for any such
    character, so a term holding one ("2-step code") is compared with the text where it is found. Other texts,
    and terms beginning with another character in ASCII texts, are searched as they are."""

    __slots__ = ("_all", "_ascii", "_terms")

    def __init__(self, terms: Mapping[str, _V]) -> None:
        self._terms = terms
        # Each built when a text it reads is first searched: a run may read a list in ASCII texts only.
        self._all: WordAutomaton | None = None
        self._ascii: tuple[WordAutomaton | None, WordAutomaton | None] | None = None

    def places(self, copy: str) -> list[tuple[int, int, _V]]:
        """(start, -end, value) of every place in `copy` where a term stands and touches no letter, digit or
        "_" at an edge where it has one, overlapping ones included, in no order."""
        if not copy.isascii():
            return _guarded_places(self._all or self._build_all(), copy)
        at_words, others = self._ascii or self._build_ascii()
        found: list[tuple[int, int, _V]] = _guarded_places(others, copy) if others is not None else []
        if at_words is not None:
            marked = marked_copy(copy)
            # A place ends at `end` of the marked copy (one longer than `copy`): one past the term's end in `copy`.
            for end, (length, terms) in at_words.iter(marked):
                for loose, word_end, value in terms:
                    if word_end and marked[end + 1 : end + 2] in _WORD_CHARS:
                        continue
                    if loose is not None and copy[end - length : end] != loose:
                        continue
                    found.append((end - length, -end, value))
        return found

    def _build_all(self) -> WordAutomaton:
        self._all = _guarded(self._terms.items())
        return self._all

    def _build_ascii(self) -> tuple[WordAutomaton | None, WordAutomaton | None]:
        at_words: dict[str, tuple[int, list[tuple[str | None, bool, _V]]]] = {}
        others: list[tuple[str, _V]] = []
        for term, value in self._terms.items():
            if not term.isascii():
                continue  # in no ASCII text
            if not _is_word_char(term[0]):
                others.append((term, value))
                continue
            marked = word_marks(term)
            # Terms marked alike ("e-mail", "e mail") are told apart by their own characters.
            loose = term if marked != term or MARK in term else None
            at_words.setdefault(MARK + marked, (len(term), []))[1].append((loose, _is_word_char(term[-1]), value))
        built = self._ascii = (
            WordAutomaton({key: (length, tuple(terms)) for key, (length, terms) in at_words.items()})
            if at_words
            else None,
            _guarded(others) if others else None,
        )
        return built


def _guarded(terms: Iterable[tuple[str, _V]]) -> WordAutomaton:
    return WordAutomaton(
        {term: (len(term), _is_word_char(term[0]), _is_word_char(term[-1]), value) for term, value in terms}
    )


def _guarded_places(automaton: WordAutomaton, copy: str) -> list[tuple[int, int, Any]]:
    """(start, -end, value) of every place in `copy` where a word of `automaton` (`_guarded`) stands and touches
    no letter, digit or "_" at an edge where it has one."""
    found: list[tuple[int, int, Any]] = []
    for end, (length, word_start, word_end, value) in automaton.iter(copy):
        start = end - length + 1
        if word_start and start and copy[start - 1] in _WORD_CHARS:
            continue
        if word_end and copy[end + 1 : end + 2] in _WORD_CHARS:
            continue
        found.append((start, -end - 1, value))
    return found


# Stands, in the marked copy of an ASCII text, for every character but a letter, digit or "_", and for what
# precedes the text (`_Terms`, and the anchors of `tglint.anchors`).
MARK = "\x00"
_MARKS_OTHERS = bytes(code if chr(code) in _WORD_CHARS else ord(MARK) for code in range(256))


def word_marks(text: str) -> str:
    """An ASCII text with every character but a lower-case letter, digit or "_" written as `MARK`."""
    return text.encode("ascii").translate(_MARKS_OTHERS).decode("ascii")


def marked_copy(copy: str) -> str:
    """The marked copy of an ASCII search copy: `MARK`, then the copy with `word_marks`."""
    return _kept_marked_copy(copy) if len(copy) <= _KEPT_LENGTH else MARK + word_marks(copy)


@lru_cache(maxsize=32)
def _kept_marked_copy(copy: str) -> str:
    # Read by every list and anchored regex that searches the text: made once.
    return MARK + word_marks(copy)


class TermSets:
    """Several word lists found in one pass over a text: each list's matches are those its own TermSet
    finds (leftmost, then longest, not overlapping one another), whatever the other lists hold.

    A text read by many lists is run through one automaton instead of one per list. Lists without
    terms of several words are searched in the text with its whitespace shortened too when another
    list needs it: a term without a space stands there exactly where it stands in the text.
    """

    __slots__ = ("_automaton", "_lists", "_spaced")

    def __init__(self, lists: Mapping[str, TermSet]) -> None:
        self._lists = dict(lists)
        self._spaced = any(terms._spaced for terms in self._lists.values())
        self._automaton: _Terms[tuple[str, tuple[str, ...]]] | None = None

    def find(self, text: str) -> dict[str, list[tuple[int, int, str]]]:
        """Each list's (start, end, term) matches, offsets into `text`."""
        return {name: [] for name in self._lists} | self.found(text)

    def found(self, text: str) -> dict[str, list[tuple[int, int, str]]]:
        """The (start, end, term) matches of each list that has some in `text`, offsets into `text`."""
        found: dict[str, list[tuple[int, int, str]]] = {}
        if not any(terms.terms for terms in self._lists.values()):
            return found
        copy = _search_copy(text)
        searched = copy.spaced() if self._spaced else copy.lowered
        automaton = self._automaton or self._build()
        for start, negated_end, (term, names) in automaton.places(searched):
            for name in names:
                if name in found:
                    found[name].append((start, negated_end, term))
                else:
                    found[name] = [(start, negated_end, term)]
        shortened = copy if searched is not copy.lowered else None
        return {name: _leftmost_longest(places, shortened) for name, places in found.items()}

    def _build(self) -> _Terms[tuple[str, tuple[str, ...]]]:
        lists_of: dict[str, list[str]] = {}
        for name, terms in self._lists.items():
            for term in terms.terms:
                lists_of.setdefault(term, []).append(name)
        automaton = self._automaton = _Terms({term: (term, tuple(names)) for term, names in lists_of.items()})
        return automaton


# Building a pass's automaton costs about as much per character of its terms as searching costs per
# character of text this many times over (measured: ~0.13 µs against ~6 ns).
_BUILD_TO_SCAN = 20


class SharedPass:
    """Word lists that read the same texts (a draft's body, its writer's voice), searched in one pass per
    text: the first of them to search a text finds every member's words in it (`TermSets`), and the others
    read what it found, as long as the text's copy is kept (`_kept_copy`). A draft's body read by some
    twenty lists is scanned a few times (its text, its writer's words, its subject) instead of twenty.

    A list joins when it is built, which is while the first drafts are checked and after the pass may have
    been built. A list that joined since searches alone, as it would without a pass, until the pass is rebuilt
    with it: once what those searches cost would have paid for the rebuild, so that a one-draft run builds no
    automaton twice and a batch soon scans each text once."""

    __slots__ = ("_built", "_cost", "_members", "_owed")

    def __init__(self) -> None:
        self._members: list[TermSet] = []
        # The members' automaton as last built, and the name of each member it holds: replaced whole, so that a
        # search reads the names of the automaton it reads, whatever another thread builds meanwhile.
        self._built: tuple[TermSets, dict[TermSet, str]] | None = None
        self._cost = 0  # characters of the members' terms
        self._owed = 0  # characters searched alone by members the automaton does not hold

    def join(self, terms: TermSet) -> None:
        self._members.append(terms)
        self._cost += sum(map(len, terms.terms))

    def matches(self, member: TermSet, text: str) -> list[tuple[int, int, str]] | None:
        """`member`'s matches in `text`, read from the pass over it; None when `member` must search alone."""
        if len(text) > _KEPT_LENGTH:
            return None  # its copy is not kept, nor would the pass be: each list searches it alone
        copy = _kept_copy(text)
        built = self._built
        # What a pass found is kept by the automaton that found it: one rebuilt since knows more lists.
        found = copy.passes.get(built[0]) if built is not None else None
        if built is None or found is None:
            # Rebuilt with the members that joined since once what they searched alone would have paid for it.
            if built is None or (len(built[1]) < len(self._members) and self._owed * _BUILD_TO_SCAN >= self._cost):
                built = self._build()
            found = copy.passes[built[0]] = built[0].found(text)
        name = built[1].get(member)
        if name is None:
            self._owed += len(text)
            return None
        return found.get(name, [])

    def _build(self) -> tuple[TermSets, dict[TermSet, str]]:
        names = {member: str(index) for index, member in enumerate(self._members)}
        built = self._built = (TermSets({name: member for member, name in names.items()}), names)
        self._owed = 0
        return built


class WordAutomaton:
    """Words found by Aho-Corasick automata (pyahocorasick): `iter` gives (end, value) of every place a word
    stands, overlapping ones included, `end` inclusive as pyahocorasick gives it; in no order.

    pyahocorasick looks a character up among a node's children one by one, so a character of the text costs
    about as many steps as the words have first characters, and Chinese lists have hundreds. Words beginning
    with a character beyond ASCII go into a second automaton, which an ASCII-only text (str.isascii takes no
    time) is not run through: none of them can stand in it."""

    __slots__ = ("_for_any", "_for_ascii")

    def __init__(self, words: Mapping[str, Any]) -> None:
        first_ascii = _automaton({word: value for word, value in words.items() if word[:1].isascii()})
        other = _automaton({word: value for word, value in words.items() if not word[:1].isascii()})
        self._for_ascii = tuple(a for a in (first_ascii,) if a is not None)
        self._for_any = tuple(a for a in (first_ascii, other) if a is not None)

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        automata = self._for_ascii if text.isascii() else self._for_any
        if len(automata) == 1:
            found: Iterator[tuple[int, Any]] = automata[0][0].iter(text)
            return found
        return chain.from_iterable(automaton.iter(text) for automaton, _ in automata)

    def passes(self, text: str) -> list[tuple[Iterator[tuple[int, Any]], int]]:
        """What `iter` gives, as one pass per automaton, each in the order of the ends, with the length of the
        automaton's longest word."""
        automata = self._for_ascii if text.isascii() else self._for_any
        return [(automaton.iter(text), longest) for automaton, longest in automata]


def _automaton(words: Mapping[str, Any]) -> tuple[Any, int] | None:
    """An automaton of `words`, and the length of the longest."""
    if not words:
        return None
    import ahocorasick  # a C extension, loaded when the first word list is searched

    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton, max(map(len, words))


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


# Texts up to this long keep their copies for the next list that reads them; a longer one is copied per
# list, so that a very large draft does not stay in memory after it is checked.
_KEPT_LENGTH = 50_000


def _search_copy(text: str) -> _Copy:
    return _kept_copy(text) if len(text) <= _KEPT_LENGTH else _Copy(ascii_lower(text))


@lru_cache(maxsize=32)
def _kept_copy(text: str) -> _Copy:
    # Several word lists read each text (a draft's body by some forty): its copies are made once.
    return _Copy(ascii_lower(text))


class _Copy:
    """A text as word lists read it: ASCII lower-cased and, for lists with terms of several words, with its
    whitespace shortened (each run one space, none at either end), each made when first needed."""

    __slots__ = ("_runs", "_spaced", "lowered", "passes")

    def __init__(self, lowered: str) -> None:
        self.lowered = lowered
        self._spaced: str | None = None
        self._runs: _Runs | None = None
        # What each shared pass over the text found, by list (`SharedPass`).
        self.passes: dict[TermSets, dict[str, list[tuple[int, int, str]]]] = {}

    def spaced(self) -> str:
        """The lowered text with its whitespace shortened; the lowered text itself when there is nothing to shorten."""
        if self._spaced is None:
            lowered = self.lowered
            self._spaced = " ".join(lowered.split()) if _UNEVEN_SPACE.search(lowered) else lowered
        return self._spaced

    def runs(self) -> _Runs:
        if self._runs is None:
            self._runs = _Runs(self.lowered)
        return self._runs


# An ASCII text's bytes with each whitespace character (as `\s` and str.split() take it) written as NUL, and a NUL
# as 1: runs of whitespace are runs of NULs there.
_SPACES_TO_NUL = bytes(0 if code < 128 and chr(code).isspace() else code or 1 for code in range(256))
_NUL_RUN = re.compile(rb"\x00\x00+")


def _long_runs(text: str, start: int) -> Iterator[re.Match[str]] | Iterator[re.Match[bytes]]:
    """What `_LONG_RUN.finditer(text, start)` finds (its spans). In an ASCII text it is looked for in a copy whose
    whitespace is NULs, where a search jumps from one pair of them to the next: `\\s\\s+` is tried at every space, and
    a body has hundreds (2.5 times as slow)."""
    if text.isascii():
        return _NUL_RUN.finditer(text.encode("ascii").translate(_SPACES_TO_NUL), start)
    return _LONG_RUN.finditer(text, start)


class _Runs:
    """Maps an offset of a text whose whitespace is shortened (`_Copy.spaced`) back to the text."""

    __slots__ = ("_at", "_shift")

    def __init__(self, text: str) -> None:
        # Made for every text a list with terms of several words finds something in: comprehensions, not a loop.
        leading = _LEADING_RUN.match(text)
        after = leading.end() if leading else 0
        spans = [(0, after)] if after else []
        spans += [run.span() for run in _long_runs(text, after)]
        # How far the text after so many runs has moved: a leading run is dropped, any other kept as one space.
        self._shift = [0, *accumulate(end - start - 1 if start else end for start, end in spans)]
        # Where each shortened run stands in the shortened text (-1: dropped at the start).
        self._at = [start - shift if start else -1 for (start, _), shift in zip(spans, self._shift, strict=False)]

    def original(self, offset: int) -> int:
        """Where the character at `offset` of the shortened text stands in the text (not whitespace)."""
        return offset + self._shift[bisect_left(self._at, offset)]


class Lexicon:
    """A TermSet with a weight per term."""

    def __init__(self, terms: Mapping[str, float], together: SharedPass | None = None) -> None:
        self.weights = {" ".join(ascii_lower(t).split()): w for t, w in terms.items() if t.strip()}
        self._terms = TermSet(self.weights, together)

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
def _cached(items: tuple[tuple[str, float], ...], together: SharedPass | None) -> Lexicon:
    return Lexicon(dict(items), together)


def lexicon(terms: Iterable[str] | Mapping[str, float], together: SharedPass | None = None) -> Lexicon:
    """A compiled lexicon, built once per distinct word list (and pass it is searched in, `SharedPass`)."""
    if isinstance(terms, Mapping):
        items = tuple(sorted((str(k), float(v)) for k, v in terms.items()))
    else:
        items = tuple(sorted((str(t), 1.0) for t in set(terms)))
    return _cached(items, together)


# The shared passes of the word lists (`SharedPass`): those that read a draft's parts as they are written
# or as the text model gives its writer's words (nearly always the same text), and those that read the
# writer's voice of the tone recognizers (names, quotations and reported words blanked).
PARTS_PASS = "parts"
VOICE_PASS = "voice"


def shared_pass(packs: Packs, name: str) -> SharedPass:
    """The pass `name` of the lists built from a set of packs."""
    return packs.derived(("shared-pass", name), SharedPass)
