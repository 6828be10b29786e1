"""Anchor words: what every match of a pack's regex list begins with, declared beside the list.

The packs' regex lists are joined into long case-insensitive alternations guarded by
look-behinds (`tglint.patterns.WORD_EDGE`); `re` cannot skip ahead in such a regex and tries
every alternative at every position of a text. Yet every match begins with one of a few words
or characters ("ios", "regist", "账号", a digit). The pack says which, beside the list: the
anchors of `key` are `anchors.key` in the same table (`anchors.time = [...]` after `time = [...]`,
`anchors.patterns` inside a `[checklist.support.steps]` table). A position where no anchor
begins cannot begin a match, so the anchors are looked for first, all at once (an Aho-Corasick
automaton), and the whole regex is tried only where one stands.

Anchors are checked, not trusted: `anchor_problem` follows every way a regex can begin (read
with the parser of `tglint.backtracking`, never `re`'s private one) until an anchor is complete,
and refuses a regex that can begin otherwise, or in a way it cannot follow. A user's pack is
checked when it is loaded (`check_anchors`), the built-in ones by the tests.

Anchors are matched in the *search copy* of a text (`search_copy`): ASCII letters lower-cased,
the letters a case-insensitive regex takes for ASCII ones written as those ("K", the Kelvin
sign, as "k"), and every decimal digit `\\d` matches ("１", "٣") written as its ASCII digit. It
has the text's length, so offsets hold. The packs' regexes begin with
`tglint.patterns.WORD_EDGE`, so an anchor beginning with an ASCII letter or digit counts only
where no other one stands before it ("id" is not tried in "android").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from heapq import heappop, heappush, merge
from pathlib import Path
from typing import Any

from tglint.lexicon import MARK, WordAutomaton, ascii_lower, marked_copy, word_marks
from tglint.packs import REGEX_ENTRIES, PackError, regex_entries

# The regex lists searched through their anchors, as key paths of each pack ("*": every key of a table);
# each must declare its anchors: every regex list of these packs.
ANCHORED: dict[str, tuple[str, ...]] = {
    **{name: REGEX_ENTRIES[name] for name in ("account", "details", "device", "requirements")},
    # The reply prefix is read at the subject's start, and the elapsed times only inside a few sentences.
    "follow_up": ("tickets", "chasing"),
}

# Letters beyond ASCII that a case-insensitive regex matches for an ASCII one (a test checks the list).
ASCII_CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
# A case twin, or a decimal digit but an ASCII one: one class first, so that a search jumps from one to the next.
_FOLDED = re.compile("[" + "".join(ASCII_CASE_TWINS) + r"\d](?<![0-9])")
_DIGITS = frozenset("0123456789")
# What `WORD_EDGE` takes for a letter or digit (case ignored): ASCII ones, "_", and the case twins.
_GUARDED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_" + "".join(ASCII_CASE_TWINS))
# How many ways of beginning a regex the check follows before it gives up on one.
_BUDGET = 200_000
# A range of characters in a class wider than this is not followed character by character.
_WIDE_RANGE = 1024


def search_copy(text: str) -> str:
    """The text as anchors are looked for in it, same length: see the module's doc."""
    copy = ascii_lower(text)
    if copy.isascii() or not _FOLDED.search(copy):
        return copy
    return _FOLDED.sub(_folded, copy)


def _folded(found: re.Match[str]) -> str:
    char = found.group()
    return ASCII_CASE_TWINS.get(char) or str(unicodedata.decimal(char))


# -- searching ------------------------------------------------------------------------------------


class AnchoredPattern:
    """A compiled regex, beginning with `WORD_EDGE`, tried only where one of its anchors begins (with no
    anchors, searched whole).

    The anchors are found by Aho-Corasick automata (`tglint.lexicon.WordAutomaton`): one pass over the text
    for all of them, which measured faster than a trie-shaped regex searched from each candidate on. `copy` is
    the search copy of `text` (`search_copy`), for a caller that searches one text for several regexes; it is
    made when not given."""

    __slots__ = ("_automaton", "_other_starts", "_word_starts", "anchors", "regex")

    def __init__(self, regex: re.Pattern[str], anchors: Iterable[str]) -> None:
        self.regex = regex
        self.anchors = tuple(anchors)
        words = {search_copy(anchor) for anchor in self.anchors if anchor}
        self._automaton = WordAutomaton({word: len(word) for word in words}) if words else None
        # For an ASCII text (`_ascii_starts`): the anchors beginning with a letter or digit as they stand in
        # its marked copy, after a mark, and the other ASCII ones as they are.
        at_words = {MARK + word_marks(word): len(word) for word in words if word.isascii() and word[0] in _WORD_CHARS}
        others = {word: len(word) for word in words if word.isascii() and word[0] not in _WORD_CHARS}
        self._word_starts = WordAutomaton(at_words) if at_words else None
        self._other_starts = WordAutomaton(others) if others else None

    @property
    def anchored(self) -> bool:
        """Whether the regex is tried only where an anchor stands (else it is searched whole)."""
        return self._automaton is not None

    def search(self, text: str, copy: str | None = None) -> re.Match[str] | None:
        """What `regex.search(text)` finds."""
        return next(self.finditer(text, copy), None)

    def searches(self, text: str, copy: str | None = None) -> bool:
        return self.search(text, copy) is not None

    def occurs(self, text: str, copy: str | None = None) -> bool:
        """What `searches` says, the anchors standing wholly in the first `_FIRST_LOOK` characters tried first: the
        regex matching at one of them matches in the text, whatever follows (it is tried on the whole text), and a
        text that holds a match mostly holds one early. The whole text's anchors are found only when none does."""
        if self._automaton is None or len(text) <= _FIRST_LOOK:
            return self.searches(text, copy)
        copy = search_copy(text) if copy is None else copy
        match = self.regex.match
        if any(match(text, start) is not None for start in self._starts(text, copy[:_FIRST_LOOK])):
            return True
        return self.searches(text, copy)

    def finditer(self, text: str, copy: str | None = None) -> Iterator[re.Match[str]]:
        """The matches `regex.finditer(text)` finds."""
        if self._automaton is None:
            yield from self.regex.finditer(text)
            return
        match = self.regex.match
        position = 0
        for start in self._starts(text, search_copy(text) if copy is None else copy):
            if start >= position:
                # `match` at a position sees the text before it, as `search` does (look-behinds hold).
                found = match(text, start)
                if found is not None:
                    yield found
                    position = found.end()  # never empty: a match holds its anchor

    def _starts(self, text: str, copy: str) -> Iterable[int]:
        """Where an anchor may begin a match, in order, each once (`_starts`, `_ascii_starts`)."""
        if text.isascii() and len(copy) <= _ALL_AT_ONCE:
            return _ascii_starts(self._word_starts, self._other_starts, copy)
        assert self._automaton is not None
        return _starts(self._automaton, text, copy)


# Up to this length, a text's anchors are all found before the regex is tried at the first: faster than
# following the automata's passes in step, but it holds every start at once.
_ALL_AT_ONCE = 50_000
# How many characters of a text `AnchoredPattern.occurs` reads for anchors before the rest.
_FIRST_LOOK = 256


def _starts(automaton: WordAutomaton, text: str, copy: str) -> Iterable[int]:
    """Where an anchor begins, in order, each once. An anchor beginning with a letter or digit begins a match
    only where none stands before it (`WORD_EDGE`); a digit of another script is none, so this reads the
    text, not the copy."""
    if len(copy) <= _ALL_AT_ONCE:
        starts = sorted({end - length + 1 for end, length in automaton.iter(copy)})
        return [start for start in starts if not (start and text[start] in _GUARDED and text[start - 1] in _GUARDED)]
    return _merged([_in_order(found, longest, text) for found, longest in automaton.passes(copy)])


# What an anchor beginning with a letter or digit needs before it (`WORD_EDGE`): anything but one of these.
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _ascii_starts(word_starts: WordAutomaton | None, others: WordAutomaton | None, copy: str) -> list[int]:
    """`_starts` of an ASCII text (its copy is the text lower-cased, and a letter or digit is one there).

    An anchor beginning with a letter or digit counts only where none stands before it, yet most places one of
    them stands are inside a word ("a" of "can"), and finding each costs. Looked for with a mark before them in a
    copy where a mark stands for what is not a letter or digit (and for what precedes the text), they are found
    only at the start of a word. Some places found so hold no anchor: a mark stands for any of those characters
    ("t.me" is found in "t,me"); no match can begin there, and trying the regex there finds nothing."""
    starts: set[int] = set()
    if word_starts is not None:
        # A hit ends at `end` of the marked copy (one longer than the copy) and holds the mark: it begins there.
        starts.update(end - length for end, length in word_starts.iter(marked_copy(copy)))
    if others is not None:
        starts.update(end - length + 1 for end, length in others.iter(copy))
    return sorted(starts)


def _merged(passes: list[Iterator[int]]) -> Iterator[int]:
    last = -1
    for start in merge(*passes):
        if start != last:
            yield start
            last = start


def _in_order(found: Iterator[tuple[int, int]], longest: int, text: str) -> Iterator[int]:
    """Where the anchors of one automaton's pass begin, in order, each once. The automaton reports anchors by
    where they end; a start is certain to come next once it has passed the end of any anchor beginning there."""
    pending: list[int] = []
    last = -1
    for end, length in found:
        start = end - length + 1
        if start and text[start] in _GUARDED and text[start - 1] in _GUARDED:
            continue
        heappush(pending, start)
        while pending and pending[0] <= end - longest + 1:
            first = heappop(pending)
            if first != last:
                yield first
                last = first
    while pending:
        first = heappop(pending)
        if first != last:
            yield first
            last = first


# -- where anchors are declared ------------------------------------------------------------------------


def anchors_path(key: str) -> str:
    """Where the anchors of the regex entry `key` are: `time` -> `anchors.time`,
    `checklist.support.steps.patterns` -> `checklist.support.steps.anchors.patterns`."""
    parent, _, last = key.rpartition(".")
    return f"{parent}.anchors.{last}" if parent else f"anchors.{last}"


def anchors_at(table: Mapping[str, Any], key: str) -> list[str] | None:
    """The anchors declared for the regex entry `key` of a pack table; None when there are none."""
    value: Any = table
    for part in anchors_path(key).split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise PackError(f"rule pack: `{anchors_path(key)}` must be a list of non-empty strings")
    return value


def anchored_entries(name: str, table: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """The regexes of a pack table searched through anchors, each with its key path."""
    wanted = ANCHORED.get(name, ())
    for key, regex in regex_entries(name, table):
        if any(_matches_path(key, entry) for entry in wanted):
            yield key, regex


def _matches_path(key: str, entry: str) -> bool:
    parts, wanted = key.split("."), entry.split(".")
    return len(parts) == len(wanted) and all(w in ("*", p) for p, w in zip(parts, wanted, strict=True))


def check_anchors(name: str, own: Mapping[str, Any], merged: Mapping[str, Any], path: Path | str) -> None:
    """A PackError naming the file and key of the first regex of `own` (one pack file's table) whose matches do
    not all begin with an anchor of `merged` (the pack as the rules read it)."""
    for key, regex in anchored_entries(name, own):
        try:
            re.compile(regex, re.IGNORECASE)
        except re.error:
            continue  # an invalid regex is named by the rule that cannot use it, as it always was
        try:
            anchors = anchors_at(merged, key)
        except PackError as exc:
            raise PackError(f"{path}: {str(exc).removeprefix('rule pack: ')}") from None
        if anchors is None:
            raise PackError(f"{path}: `{key}` declares no anchors (`{anchors_path(key)}`: what its matches begin with)")
        problem = anchor_problem(regex, anchors)
        if problem is not None:
            raise PackError(f"{path}: `{key}` has a regex whose matches do not all begin with an anchor: {problem}")


# -- the check ------------------------------------------------------------------------------------------


def anchor_problem(regex: str, anchors: Iterable[str], flags: int = re.IGNORECASE) -> str | None:
    """Why some match of `regex` may not begin with one of `anchors` (in the search copy); None when every
    match does. Conservative: a way of beginning it cannot follow (a negated class, `.`, `\\w`...) is a
    problem, as is a match that may end before an anchor is complete."""
    from tglint.backtracking import parse  # only when a regex is checked

    try:
        tree = parse(regex, flags)
    except (ValueError, IndexError, KeyError, RecursionError):
        return "it cannot be read"
    trie: dict[str, Any] = {}
    for anchor in anchors:
        node = trie
        for char in search_copy(anchor):
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "no anchors are declared"
    walk = _Walk(regex)
    try:
        return walk.uncovered((tree,), trie)
    except _TooComplex:
        return "it has too many ways to begin to check them all"


class _TooComplex(Exception):
    pass


class _Frame:
    """A repeat with `low` and `high` (None: unbounded) repetitions still to go."""

    __slots__ = ("high", "low", "node")

    def __init__(self, node: Any, low: int, high: int | None) -> None:
        self.node, self.low, self.high = node, low, high


class _Walk:
    def __init__(self, regex: str) -> None:
        self.regex = regex
        self.steps = 0
        self.active: set[tuple[Any, ...]] = set()
        self.sets: dict[tuple[str, int], frozenset[str] | None] = {}
        self.root: dict[str, Any] | None = None

    def uncovered(self, stack: tuple[Any, ...], trie: dict[str, Any]) -> str | None:
        """Why some way of reading the items of `stack` (in order) does not complete an anchor of `trie`."""
        from tglint import backtracking as bt

        self.steps += 1
        if self.steps > _BUDGET:
            raise _TooComplex
        if "" in trie:
            return None
        if self.root is None:
            self.root = trie
        if not stack:
            return "a match may end before an anchor is complete"
        state = (tuple((id(f.node), f.low, f.high) if isinstance(f, _Frame) else id(f) for f in stack), id(trie))
        if state in self.active:
            return None  # the same way again without reading a character: it adds nothing
        self.active.add(state)
        try:
            return self._step(stack[0], stack[1:], trie, bt)
        finally:
            self.active.discard(state)

    def _step(self, head: Any, rest: tuple[Any, ...], trie: dict[str, Any], bt: Any) -> str | None:
        if isinstance(head, _Frame):
            body = head.node.children[0]
            if head.low > 0:
                later = _Frame(head.node, head.low - 1, None if head.high is None else head.high - 1)
                return self.uncovered((body, later, *rest), trie)
            skipped = self.uncovered(rest, trie)
            if skipped is not None or head.high == 0:
                return skipped
            later = _Frame(head.node, 0, None if head.high is None else head.high - 1)
            return self.uncovered((body, later, *rest), trie)
        kind = head.kind
        if kind == bt.CHAR:
            chars = self.chars(head.source, head.flags)
            shown = self.regex[head.start : head.end] or head.source
            if chars is None:
                return f"`{shown}` can begin a match, or follow its beginning, with too many characters"
            if _ANY_DIGIT in chars:
                if trie is not self.root or not all(digit in trie and "" in trie[digit] for digit in _DIGITS):
                    return f"`{shown}` reads a digit of any script: only the ten anchors 0 to 9, at the start, cover it"
                chars = chars - _DIGITS - {_ANY_DIGIT}
            for char in sorted(chars):
                if char not in trie:
                    return f"`{shown}` can read {char!r} where no anchor goes on with it"
                problem = self.uncovered(rest, trie[char])
                if problem is not None:
                    return problem
            return None
        if kind in (bt.EMPTY, bt.LOOK):
            return self.uncovered(rest, trie)  # reads no character; what it excludes only narrows the matches
        if kind == bt.SEQ:
            return self.uncovered((*head.children, *rest), trie)
        if kind in (bt.ALT, bt.ATOMIC):
            for branch in head.children:
                problem = self.uncovered((branch, *rest), trie)
                if problem is not None:
                    return problem
            return None
        if kind == bt.REPEAT:
            return self.uncovered((_Frame(head, head.low, head.high), *rest), trie)
        return "a back-reference can begin a match"

    def chars(self, source: str, flags: int) -> frozenset[str] | None:
        """The characters (as the search copy writes them) a one-character item matches; None for too many."""
        key = (source, flags & int(re.IGNORECASE | re.ASCII | re.DOTALL))
        if key not in self.sets:
            self.sets[key] = _item_chars(*key)
        return self.sets[key]


def _item_chars(source: str, flags: int) -> frozenset[str] | None:
    written = _written_chars(source)
    if written is None:
        return None
    pattern = re.compile(source, flags)
    matched: set[str] = set()
    for char in written:
        if char == _ANY_DIGIT:
            matched |= {_ANY_DIGIT, *_DIGITS}
            continue
        candidates = {char, char.lower(), char.upper(), char.swapcase(), char.casefold(), *ASCII_CASE_TWINS}
        matched |= {search_copy(c) for c in candidates if len(c) == 1 and pattern.fullmatch(c)}
    return frozenset(matched)


def _written_chars(source: str) -> list[str] | None:
    """The characters a one-character item names ("\\d" for the digit class); None for an item matching too
    many to list (".", "\\w", "\\s", a negated class, a very wide range)."""
    if source == ".":
        return None
    if source.startswith("["):
        return _class_chars(source)
    char, _ = _escaped(source, 0) if source.startswith("\\") else (source, len(source))
    return None if char is None else [char]


# What `_written_chars` writes for `\\d`: a digit of any script, not one character.
_ANY_DIGIT = "\\d"
_CLASS_OF = {"d": _ANY_DIGIT}
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


def _escaped(text: str, at: int) -> tuple[str | None, int]:
    """The character the escape at `at` stands for ("\\d" for the digit class, None for one of too many
    characters) and where it ends."""
    letter = text[at + 1]
    if letter in _CLASS_OF:
        return _CLASS_OF[letter], at + 2
    if letter in "DsSwWbBAZ":
        return None, at + 2
    if letter in _SIMPLE:
        return _SIMPLE[letter], at + 2
    if letter in "xuU":
        width = {"x": 2, "u": 4, "U": 8}[letter]
        return chr(int(text[at + 2 : at + 2 + width], 16)), at + 2 + width
    if letter == "N":
        end = text.index("}", at)
        return unicodedata.lookup(text[at + 3 : end]), end + 1
    if letter in "01234567":
        end = at + 2
        while end < at + 4 and end < len(text) and text[end] in "01234567":
            end += 1
        return chr(int(text[at + 1 : end], 8)), end
    return letter, at + 2


def _class_chars(source: str) -> list[str] | None:
    if source.startswith("[^"):
        return None
    items: list[str] = []
    at, end = 1, len(source) - 1  # inside the brackets
    while at < end:
        if source[at] == "\\":
            char, at = _escaped(source, at)
        else:
            char, at = source[at], at + 1
        if char is None:
            return None
        if char != _ANY_DIGIT and source[at : at + 1] == "-" and at + 1 < end:
            high, after = _escaped(source, at + 1) if source[at + 1] == "\\" else (source[at + 1], at + 2)
            if high is None or high == _ANY_DIGIT or ord(high) - ord(char) > _WIDE_RANGE:
                return None
            items.extend(chr(code) for code in range(ord(char), ord(high) + 1))
            at = after
        else:
            items.append(char)
    return items
