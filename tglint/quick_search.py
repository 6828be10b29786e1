"""Compiling and searching the packs' regexes quickly.

Two habits keep regexes cheap. A regex is compiled when first needed (`regex`), not
when its module is imported: one with a Chinese range takes milliseconds to compile,
and `tglint rules` or a one-draft run should not pay for the ones it never uses.

And a long regex is tried only where one of its matches can begin (`QuickPattern`).
The packs' regex lists are joined into long case-insensitive alternations, most of them
guarded by look-behinds (`account.compile_patterns`); `re` cannot skip ahead in such a
regex and tries every alternative at every position of the text. Yet every match
begins with one of a few words or characters ("iOS", "regist", "账号", a digit), and a
position where none of them stands cannot begin one. So the regex's *openings*, the
first few characters of every way a match can begin, are read off it and joined into
one small regex that `re` skips ahead in (it starts with a class of first characters,
tested in a tight loop), searched in an ASCII-lower-cased copy of the text; the whole
regex is tried only where that finds an opening. The matches are the same, found in a
fraction of the time.

Openings are looser than the regex, never stricter: look-arounds are passed over,
optional parts both taken and left out, letters of either case taken as one. An opening
may stand where no match begins, but no match begins without one. They are read with
`re`'s own parser (`re._parser`, private: whatever it does unexpectedly, the regex is
searched as it is). Reading them costs a millisecond or more per regex, as much as
searching a few drafts whole, so a regex is searched whole until its `READ_ON_USE`-th
search: a one-draft pre-commit run never pays for them, a batch once per regex.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from tglint.lexicon import ascii_lower
from tglint.patterns import compiled

# The guard the packs' regexes begin with (`account.compile_patterns`, device's brand pattern): a
# match that begins with an ASCII letter, digit or "_" does not follow one ("id" is not found in
# "android"). An opening that begins with such a character checks it at once.
WORD_START = r"(?<![A-Za-z0-9_])"
# The same at either end of a match, where Chinese characters may touch it.
WORD_EDGE = rf"(?:{WORD_START}|(?![A-Za-z0-9_]))"

# A regex is searched whole this many times, then its openings are read.
READ_ON_USE = 8


class QuickPattern:
    """A compiled regex (None: one that finds nothing), tried only where one of its openings stands once
    it has been searched `read_on_use` times."""

    def __init__(self, compiled: re.Pattern[str] | None, read_on_use: int = READ_ON_USE) -> None:
        self.compiled = compiled
        self._uses_to_read = read_on_use
        self._openings: re.Pattern[str] | None = None

    @property
    def openings(self) -> re.Pattern[str] | None:
        """The regex finding where a match may begin; None until read, or when the regex is searched whole."""
        return self._openings

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `compiled.finditer(text)` finds."""
        if self.compiled is None:
            return
        openings = self._openings_once_used()
        if openings is None:
            yield from self.compiled.finditer(text)
            return
        copy = search_copy(text)
        start = 0
        while (found := self._match_from(openings, text, copy, start)) is not None:
            yield found
            start = found.end()  # never empty: a match holds its opening's first character

    def search(self, text: str) -> re.Match[str] | None:
        """What `compiled.search(text)` finds."""
        if self.compiled is None:
            return None
        openings = self._openings_once_used()
        if openings is None:
            return self.compiled.search(text)
        return self._match_from(openings, text, search_copy(text), 0)

    def searches(self, text: str) -> bool:
        return self.search(text) is not None

    def _match_from(self, openings: re.Pattern[str], text: str, copy: str, start: int) -> re.Match[str] | None:
        """The first match at or after `start`, tried where each opening stands in turn."""
        assert self.compiled is not None
        match = self.compiled.match
        while (opening := openings.search(copy, start)) is not None:
            found = match(text, opening.start())  # `match` at a position sees the text before it, as `search`
            if found is not None:
                return found
            start = opening.start() + 1
        return None

    def _openings_once_used(self) -> re.Pattern[str] | None:
        if self._uses_to_read > 0:
            self._uses_to_read -= 1
            if self._uses_to_read == 0 and self.compiled is not None:
                self._openings = openings_of(self.compiled)
        return self._openings


_quick_patterns: dict[int, QuickPattern] = {}
_NOTHING = QuickPattern(None)


def quick_pattern(compiled: re.Pattern[str] | None) -> QuickPattern:
    """The one QuickPattern of `compiled`, so that its searches add up wherever it is searched.

    For regexes kept for the whole run (built from the packs): each is kept with its QuickPattern,
    which is looked up by identity (hashing a compiled regex hashes all of its code).
    """
    if compiled is None:
        return _NOTHING
    quick = _quick_patterns.get(id(compiled))
    if quick is None:
        quick = _quick_patterns[id(compiled)] = QuickPattern(compiled)
    return quick


# -- the text searched ------------------------------------------------------------------------------

# Letters beyond ASCII that a case-insensitive regex matches for an ASCII one (a test checks the list).
ASCII_CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_last_copy: tuple[str, str] = ("", "")


def search_copy(text: str) -> str:
    """The text as openings are looked for in it, with the same offsets: ASCII letters lower-cased, and
    letters a case-insensitive regex takes for an ASCII one written as that. The last one is kept: a
    text is mostly searched for several regexes in a row."""
    global _last_copy
    if _last_copy[0] is text:
        return _last_copy[1]
    copy = ascii_lower(text)
    if not copy.isascii():
        twin = compiled(f"[{''.join(ASCII_CASE_TWINS)}]")
        if twin.search(copy):
            copy = twin.sub(lambda found: ASCII_CASE_TWINS[found.group()], copy)
    _last_copy = (text, copy)
    return copy


# -- reading the openings ------------------------------------------------------------------------

# At most this many openings: a regex with more ways to begin is not worth taking further apart.
_MAX_OPENINGS = 256
# Characters enough to tell where a match may begin: an opening is not lengthened beyond them.
_OPENING_PIECES = 6
# A range of characters beyond ASCII longer than this ends an opening: checking its letters' case costs.
_CHECKED_RANGE = 256
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}

# What every match of a part of a regex begins with: the pieces of the openings (each a regex for one
# character of the search copy, or for a class repeated), and whether they are all of that part
# ("whole"), so that what follows it may lengthen them.
_Start = tuple[tuple[str, ...], bool]


def openings_of(compiled: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching, in the search copy of a text, one character wherever a match of `compiled` may
    begin; None when there is no telling, and the regex is better searched whole."""
    try:
        return _OpeningReader().regex_for(compiled)
    except Exception:  # re._parser is private: the regex as it is stays right
        return None


class _OpeningReader:
    def __init__(self) -> None:
        self.parser: Any = importlib.import_module("re._parser")
        # What each piece may begin with, as the inside of a class; None: a negated class.
        self.firsts: dict[str, str | None] = {}

    def regex_for(self, compiled: re.Pattern[str]) -> re.Pattern[str] | None:
        if compiled.flags & re.ASCII or "(?a" in compiled.pattern:
            return None  # its negated classes ("\W") match more than the pieces below
        starts = self.sequence_starts(self.parser.parse(compiled.pattern, compiled.flags), _OPENING_PIECES)
        openings = {firm for pieces, _ in starts for firm in self.firm_openings(pieces)}
        if not openings or () in openings:
            return None  # some match may begin anywhere
        firsts = {self.firsts[pieces[0]] for pieces in openings}
        if None in firsts:
            return None
        trie: dict[str, Any] = {}
        for pieces in openings:
            node = trie
            for piece in pieces:
                node = node.setdefault(piece, {})
            node[""] = {}
        # The regex's own guard, checked right after an opening's first ASCII letter or digit. Only for a
        # regex that ignores case: the copy writes "K" (Kelvin) as "k", which its guard takes for a letter then.
        word_start = compiled.pattern.startswith((WORD_START, WORD_EDGE)) and bool(compiled.flags & re.IGNORECASE)
        first_class = "".join(sorted({item for inside in firsts if inside for item in _class_items(inside)}))
        # `re` skips ahead to the class of first characters; one character back, an opening must stand.
        return re.compile(rf"[{first_class}](?<=(?={_alternation(trie, word_start)})[\s\S])")

    def firm_openings(self, pieces: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        """The opening without pieces at its end that may match nothing (they tell nothing); one beginning
        with such a piece, as it begins with it and without it."""
        while pieces and _may_be_none(pieces[-1]):
            pieces = pieces[:-1]
        while pieces and _may_be_none(pieces[0]):
            one, times = pieces[0].rsplit("{", 1)
            present = f"{one}{{1{times[1:]}"  # "{0,5}" -> "{1,5}"
            self.firsts[present] = self.firsts[pieces[0]]
            yield (present, *pieces[1:])
            pieces = pieces[1:]
        yield pieces

    def sequence_starts(self, nodes: Any, room: int) -> set[_Start]:
        """The starts of a sequence of nodes, at most `room` pieces long."""
        starts: set[_Start] = {((), True)}
        for op, argument in nodes:
            growing = [pieces for pieces, whole in starts if whole]
            if not growing:
                break
            following = self.node_starts(op, argument, room - min(map(len, growing)))
            if len(growing) * len(following) > 4 * _MAX_OPENINGS:
                return {(pieces, False) for pieces, _ in starts}  # enough told: what they begin with so far
            lengthened = set()
            for pieces in growing:
                for more, whole in following:
                    joined = _joined(pieces, more)
                    lengthened.add((joined[:room], whole and len(joined) < room))
            following_starts = _without_redundant(lengthened | {start for start in starts if not start[1]})
            if len(following_starts) > _MAX_OPENINGS:
                return {(pieces, False) for pieces, _ in starts}
            starts = following_starts
        return starts

    def node_starts(self, op: Any, argument: Any, room: int) -> set[_Start]:
        parser = self.parser
        if op is parser.LITERAL:
            piece = self.literal_piece(argument)
            return {((piece,), True)} if piece else {((), False)}
        if op is parser.IN:
            piece = self.class_piece(argument)
            return {((piece,), True)} if piece else {((), False)}
        if op is parser.SUBPATTERN:
            return self.sequence_starts(argument[-1], room)
        if op is parser.ATOMIC_GROUP:
            return self.sequence_starts(argument, room)
        if op is parser.BRANCH:
            starts: set[_Start] = set()
            for branch in argument[1]:
                starts |= self.sequence_starts(branch, room)
            return _few(starts)
        if op is parser.MAX_REPEAT or op is parser.MIN_REPEAT or op is parser.POSSESSIVE_REPEAT:
            return self.repeat_starts(argument, room)
        if op is parser.ASSERT or op is parser.ASSERT_NOT or op is parser.AT:
            return {((), True)}  # matches no character itself
        return {((), False)}  # any character, a group reference...: the opening ends before it

    def repeat_starts(self, argument: Any, room: int) -> set[_Start]:
        least, most, body = argument
        if most == 0:
            return {((), True)}
        parser = self.parser
        if len(body) == 1 and (body[0][0] is parser.IN or body[0][0] is parser.LITERAL):
            one = self.literal_piece(body[0][1]) if body[0][0] is parser.LITERAL else self.class_piece(body[0][1])
            if one and most == parser.MAXREPEAT:
                # An opening ends at a piece repeated without bound ("\s*", "[一二三]+"): looked for at every
                # position of a long run of it, it would be read to the end of the run from each.
                if least == 0:
                    return {((), False)}
                piece = f"(?:{one}){{{least}}}"
                self.firsts[piece] = self.firsts[one]
                return {((piece,), False)}
            if one:
                piece = f"(?:{one}){{{least},{most}}}"
                self.firsts[piece] = self.firsts[one]
                return {((piece,), True)}  # "\d{1,2}"
        inner = self.sequence_starts(body, room)
        if most == 1 and all(whole for _, whole in inner):  # an optional part: "(?:the\s+)?"
            return inner | {((), True)} if least == 0 else inner
        once = {(pieces, False) for pieces, _ in inner}
        return once | {((), True)} if least == 0 else once

    def literal_piece(self, code: int) -> str | None:
        """The character as it stands in the search copy; None for a letter whose case that misses."""
        char = chr(code)
        if char.isascii():
            char = char.lower()
        elif not _is_caseless(char):
            return None
        piece = re.escape(char)
        self.firsts[piece] = piece
        return piece

    def class_piece(self, items: Any) -> str | None:
        """A class as found in the search copy; None when that is not simply written."""
        parser = self.parser
        negated = bool(items) and items[0][0] is parser.NEGATE
        parts = []
        for op, argument in items[1:] if negated else items:
            if op is parser.CATEGORY and str(argument) in _CATEGORIES:
                parts.append(_CATEGORIES[str(argument)])
                continue
            if op is parser.LITERAL:
                low = high = argument
            elif op is parser.RANGE:
                low, high = argument
            else:
                return None
            if high < 128 and not negated:
                parts.extend(re.escape(chr(code).lower()) for code in range(low, high + 1))
            elif high - low <= _CHECKED_RANGE and all(_is_caseless(chr(code)) for code in range(low, high + 1)):
                parts.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
            else:
                return None  # letters beyond ASCII, a negated class of letters: case could hide a match
        inside = "".join(sorted(set(parts)))
        piece = f"[{'^' if negated else ''}{inside}]"
        self.firsts[piece] = None if negated else inside
        return piece


def _class_items(inside: str) -> Iterator[str]:
    """The items of the inside of a class one by one ("a", "\\d", "\\-", "0-9"), to merge classes."""
    position = 0
    while position < len(inside):
        length = 2 if inside[position] == "\\" else 1
        if inside[position + length : position + length + 1] == "-":  # a range
            length += 2 if inside[position + length + 1] == "\\" else 1
            length += 1
        yield inside[position : position + length]
        position += length


def _may_be_none(piece: str) -> bool:
    """A piece repeated from zero times on ("(?:\\s){0,}", "(?:\\d){0,2}"): it may match nothing."""
    return piece.endswith("}") and piece[piece.rfind("{") + 1 :].startswith("0,")


def _is_caseless(char: str) -> bool:
    return char.lower() == char == char.upper()


def _alternation(trie: dict[str, Any], word_start: bool) -> str:
    """The openings as one pattern, a branch per first piece."""
    if "" in trie:
        return ""  # an opening ends here: what longer ones add is not needed
    branches = []
    for piece, rest in sorted(trie.items()):
        if word_start and re.fullmatch("[a-z0-9_]", piece):
            # Checked after the letter, so that `re` enters the branch only where the letter stands.
            piece += f"(?<![a-z0-9_]{piece})"
        branches.append(piece + _alternation(rest, False))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _joined(pieces: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces one after the other; "\\s*\\s*" as "\\s*": it finds as much and tries fewer ways."""
    if pieces and more and pieces[-1] == more[0] and more[0].endswith(",}"):
        return pieces + more[1:]
    return pieces + more


def _few(starts: set[_Start]) -> set[_Start]:
    """At most `_MAX_OPENINGS` starts, the longest cut shorter if need be; none lengthening a finished one."""
    starts = _without_redundant(starts)
    while len(starts) > _MAX_OPENINGS:
        longest = max(len(pieces) for pieces, _ in starts)
        if longest <= 1:
            return {((), False)}
        cut = {(pieces[: longest - 1], False) for pieces, _ in starts if len(pieces) == longest}
        starts = _without_redundant(cut | {start for start in starts if len(start[0]) < longest})
    return starts


def _without_redundant(starts: set[_Start]) -> set[_Start]:
    """Without the starts that lengthen a finished one: where they stand, it stands too."""
    finished = {pieces for pieces, whole in starts if not whole}
    if not finished:
        return starts
    return {start for start in starts if not any(start[0][:length] in finished for length in range(len(start[0])))}
