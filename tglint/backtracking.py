"""Regex shapes that make Python's `re` slow on long input, found by reading the pattern's text.

`re` backtracks: when a match fails, it tries every other way the pattern could have read the
text. Three shapes make that cost grow faster than the text:

- a nested quantifier: a repeated group that itself holds a quantifier, `(a+)+` or `(\\d+\\s?)*`.
  The ways to share a run between the two grow exponentially (or as a high power of its length).
  A group repeated a bounded number of times is let through when what it holds is bounded too
  (`(?:[\\s.-]?\\d{2,4}){2,4}`): a fixed number of ways, however long the text.
- adjacent quantifiers over common characters, with only optional items between them,
  `\\s*(?:个)?\\s*`: a run of spaces is shared between the two in every way before the match fails.
- an unbounded quantifier that a search reaches having read only characters it matches itself,
  `[一二三]+点` or `a.*b`: a search retries the pattern from every position of a long run of
  them, and each try reads the rest of the run. A look-behind that excludes them
  (`(?<![一二三])[一二三]+点`) makes every try but the run's first fail at once.

Possessive quantifiers (`\\d++`) and atomic groups (`(?>...)`) never give characters back: they
neither count as the inner quantifier of a nest nor share a run with the next one.

The pattern is read by the small parser below, not by `re`'s private one. Which characters an
item matches is asked of `re` itself, over a set of probe characters: ASCII, spaces, common
Chinese marks and numerals, and every character the pattern names (two ranges that overlap
have one's end point inside the other, so their overlap is among them). It judges the shapes above, not every way
a regex can be slow; `backtracking_shape` says the first one it finds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Characters every item is probed with, besides those the pattern names.
_PROBE = (
    "".join(chr(code) for code in range(32, 127))
    + "\t\n\r\x0b\x0c\x85\xa0\u2028\u3000"
    + "。！？，、；：“”‘’（）【】《》「」『』…—–·•●"
    + "〇一二两三四五六七八九十百千万零几半多"
    + "年月日号点分秒天周个手机的是不我了"
    + "０１９ＡＺａｚ＋＠＃"
    + "éßİıſKΣσςЖж"
)

_CHAR, _EMPTY, _LOOK, _ALT, _SEQ, _REPEAT, _ATOMIC, _BACKREF = range(8)

_SIMPLE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ZERO_WIDTH_ESCAPES = "bBAZ"
_CLASS_ESCAPES = "dDsSwW"
_FLAG_LETTERS = {letter: int(flag) for letter, flag in zip("imsxa", (re.I, re.M, re.S, re.X, re.A), strict=True)}
_QUANTIFIER = re.compile(r"\{([0-9]*+)(,?)([0-9]*+)\}")
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]++\))*+")
_DIGITS = "0123456789"
_OCTAL_DIGITS = "01234567"
_OCTAL = re.compile(r"[0-7]{3}")
# Above this, a bounded repeat is read as unbounded: `{0,1000}` splits a run as `*` does.
_LARGE = 64
# A bounded group holding bounded quantifiers may repeat at most this often.
_FEW = 16


class _Node:
    """One item of a pattern. `kind` is one of the module's kinds; the other fields serve some of them."""

    __slots__ = ("behind", "children", "end", "flags", "high", "kind", "low", "mode", "negative", "source", "start")

    def __init__(self, kind: int, children: list[_Node] | None = None, source: str = "", flags: int = 0) -> None:
        self.kind = kind
        self.children = children or []
        self.source = source  # _CHAR: the item's own regex text; _EMPTY: the assertion
        self.flags = flags
        self.low = 0  # _REPEAT: bounds (high None: unbounded) and "greedy", "lazy" or "possessive"
        self.high: int | None = None
        self.mode = "greedy"
        self.negative = False  # _LOOK
        self.behind = False
        self.start = self.end = 0  # where it is written in the pattern


class _Parser:
    def __init__(self, pattern: str, flags: int) -> None:
        self.text = pattern
        self.at = 0
        self.flags = flags
        self.named: set[str] = set()  # the characters the pattern writes, probed besides _PROBE

    def parse(self) -> _Node:
        # Flags for the whole pattern stand at its start ("(?i)"); `_group` passes over them.
        for written in _GLOBAL_FLAGS.match(self.text).group().split(")"):  # type: ignore[union-attr]
            for letter in written:
                self.flags |= _FLAG_LETTERS.get(letter, 0)
        return self._alternation(self.flags)

    def _peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def _alternation(self, flags: int) -> _Node:
        branches = [self._sequence(flags)]
        while self._peek() == "|":
            self.at += 1
            branches.append(self._sequence(flags))
        return branches[0] if len(branches) == 1 else _Node(_ALT, branches)

    def _sequence(self, flags: int) -> _Node:
        items: list[_Node] = []
        while self.at < len(self.text) and self._peek() not in "|)":
            start = self.at
            item = self._item(flags)
            if item is not None:
                item.start, item.end = start, self.at
                items.append(self._quantified(item, flags))
        return _Node(_SEQ, items)

    def _quantified(self, item: _Node, flags: int) -> _Node:
        while True:
            while flags & re.VERBOSE and (self._peek().isspace() or self._peek() == "#"):
                self._skip_verbose()
            char = self._peek()
            low: int
            high: int | None
            if char in ("*", "+", "?") and char:
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
                self.at += 1
            elif char == "{" and (bounds := _QUANTIFIER.match(self.text, self.at)):
                if not bounds.group(2) and not bounds.group(1):
                    return item  # "{}" is two characters, read as such by `_item`
                low = int(bounds.group(1) or 0)
                high = int(bounds.group(3)) if bounds.group(3) else (None if bounds.group(2) else low)
                self.at = bounds.end()
            else:
                return item
            repeat = _Node(_REPEAT, [item])
            repeat.start = item.start
            repeat.low, repeat.high = low, (None if high is not None and high > _LARGE else high)
            if self._peek() == "?":
                repeat.mode = "lazy"
                self.at += 1
            elif self._peek() == "+":
                repeat.mode = "possessive"
                self.at += 1
            repeat.end = self.at
            item = repeat

    def _item(self, flags: int) -> _Node | None:
        char = self.text[self.at]
        if flags & re.VERBOSE and (char.isspace() or char == "#"):
            self._skip_verbose()
            return None
        if char == "(":
            return self._group(flags)
        if char == "[":
            return self._class(flags)
        if char == "\\":
            return self._escape(flags)
        self.at += 1
        if char in "^$":
            return _Node(_EMPTY, source=char, flags=flags)
        if char == ".":
            return _Node(_CHAR, source=".", flags=flags)
        self.named.add(char)
        return _Node(_CHAR, source=re.escape(char), flags=flags)

    def _skip_verbose(self) -> None:
        if self.text[self.at] == "#":
            end = self.text.find("\n", self.at)
            self.at = len(self.text) if end < 0 else end + 1
        else:
            self.at += 1

    def _group(self, flags: int) -> _Node | None:
        text = self.text
        self.at += 1
        kind = _ALT
        look: tuple[bool, bool] | None = None
        if text.startswith("?", self.at):
            head = text[self.at : self.at + 4]
            if head.startswith(("?:", "?>")):
                kind = _ATOMIC if head[1] == ">" else _ALT
                self.at += 2
            elif head.startswith("?P<"):
                self.at = text.index(">", self.at) + 1
            elif head.startswith("?P="):
                self.at = text.index(")", self.at) + 1
                return _Node(_BACKREF)
            elif head.startswith("?#"):
                self.at = text.index(")", self.at) + 1
                return None
            elif head.startswith(("?=", "?!")):
                look = (head[1] == "!", False)
                self.at += 2
            elif head.startswith(("?<=", "?<!")):
                look = (head[2] == "!", True)
                self.at += 3
            elif head.startswith("?("):
                self.at = text.index(")", self.at) + 1  # the condition; the branches follow
            else:
                match = re.compile(r"\?([aiLmsux]*)(?:-([imsx]*))?([:)])").match(text, self.at)
                if match is None:  # not a form this reader knows: read the rest as a group
                    self.at += 1
                else:
                    self.at = match.end()
                    for letter in match.group(1):
                        flags |= _FLAG_LETTERS.get(letter, 0)
                    for letter in match.group(2) or "":
                        flags &= ~_FLAG_LETTERS.get(letter, 0)
                    if match.group(3) == ")":
                        return None  # global flags, read by `_global_flags`
        inner = self._alternation(flags)
        if self._peek() == ")":
            self.at += 1
        if look is not None:
            node = _Node(_LOOK, [inner])
            node.negative, node.behind = look
            return node
        return _Node(kind, [inner])

    def _class(self, flags: int) -> _Node:
        text = self.text
        start = self.at
        self.at += 1
        if self._peek() == "^":
            self.at += 1
        first = True
        previous: str | None = None
        while self.at < len(text) and (text[self.at] != "]" or first):
            first = False
            if text[self.at] == "\\":
                named = self._escaped_char()
            else:
                named = text[self.at]
                self.at += 1
            if named == "-" and previous is not None and self._peek() not in ("]", ""):
                continue  # a range: both ends are named
            if named is not None:
                self.named.add(named)
            previous = named
        self.at += 1
        return _Node(_CHAR, source=text[start : self.at], flags=flags)

    def _escaped_char(self) -> str | None:
        """The character an escape stands for (None for a class such as \\d), the escape read."""
        text = self.text
        letter = text[self.at + 1]
        self.at += 2
        if letter in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[letter]
        if letter in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[letter]
            value = text[self.at : self.at + width]
            self.at += width
            return chr(int(value, 16))
        if letter == "N":
            end = text.index("}", self.at)
            name = text[self.at + 1 : end]
            self.at = end + 1
            return unicodedata.lookup(name)
        if letter in "01234567":
            digits = letter
            while len(digits) < 3 and self._peek() and self._peek() in _OCTAL_DIGITS:
                digits += text[self.at]
                self.at += 1
            return chr(int(digits, 8))
        if letter in _CLASS_ESCAPES or letter in _ZERO_WIDTH_ESCAPES:
            return None
        return letter

    def _escape(self, flags: int) -> _Node:
        text = self.text
        start = self.at
        letter = text[self.at + 1]
        if letter in _ZERO_WIDTH_ESCAPES:
            self.at += 2
            return _Node(_EMPTY, source="\\" + letter, flags=flags)
        if letter in "123456789" and not _OCTAL.match(text, self.at + 1):
            following = text[self.at + 2 : self.at + 3]
            self.at += 3 if following and following in _DIGITS else 2  # "\\1" to "\\99"
            return _Node(_BACKREF)
        named = self._escaped_char()
        if named is not None:
            self.named.add(named)
        return _Node(_CHAR, source=text[start : self.at], flags=flags)


class _Reader:
    """Looks for the shapes in a parsed pattern."""

    def __init__(self, named: set[str]) -> None:
        self.extra = "".join(sorted(named - _PROBE_SET))
        self._sets: dict[tuple[str, int], frozenset[str]] = {}
        self.all = _PROBE_SET | frozenset(self.extra)

    # -- what items match ------------------------------------------------------------------------------

    def chars(self, node: _Node) -> frozenset[str]:
        """The probe characters a one-character item matches."""
        key = (node.source, node.flags & _CHAR_FLAGS)
        found = self._sets.get(key)
        if found is None:
            found = _probed(*key)
            if self.extra:
                pattern = re.compile(*key)
                found |= frozenset(c for c in self.extra if pattern.fullmatch(c))
            self._sets[key] = found
        return found

    def run_chars(self, node: _Node) -> frozenset[str]:
        """Characters c such that the item can match some text made only of c."""
        kind = node.kind
        if kind == _CHAR:
            return self.chars(node)
        if kind == _BACKREF:
            return self.all
        if kind in (_EMPTY, _LOOK):
            return frozenset()
        if kind == _SEQ:
            found: frozenset[str] | None = None
            for item in node.children:
                if _nullable(item):
                    continue
                found = self.run_chars(item) if found is None else found & self.run_chars(item)
                if not found:
                    return frozenset()
            if found is None:  # every item optional
                return frozenset().union(*(self.run_chars(item) for item in node.children))
            return found
        if kind == _REPEAT and node.high == 0:
            return frozenset()
        return frozenset().union(*(self.run_chars(child) for child in node.children))

    # -- the shapes ----------------------------------------------------------------------------------------

    def nested(self, node: _Node) -> _Node | None:
        """A repeat that holds a quantifier giving characters back, where that is not a fixed few ways."""
        for item in _walk(node):
            if item.kind != _REPEAT or item.mode == "possessive" or (item.high is not None and item.high <= 1):
                continue
            inner = list(_backtracking_repeats(item.children[0]))
            if not inner:
                continue
            bounded = item.high is not None and item.high <= _FEW and all(r.high is not None for r in inner)
            if not bounded:
                return item
        return None

    def adjacent(self, node: _Node) -> tuple[_Node, _Node] | None:
        """Two unbounded quantifiers in a row (optional items between) that can share a run."""
        for sequence in _walk(node):
            if sequence.kind != _SEQ:
                continue
            pending: list[_Node] = []
            for item in sequence.children:
                for later in _edge_repeats(item, last=False):
                    for earlier in pending:
                        if self.run_chars(earlier.children[0]) & self.run_chars(later.children[0]):
                            return earlier, later
                tails = [r for r in _edge_repeats(item, last=True) if r.mode != "possessive"]
                pending = tails + pending if _nullable(item) else tails
        return None

    def retried(self, node: _Node, candidates: frozenset[str], settled: bool) -> tuple[frozenset[str], _Node | None]:
        """Walks the start of a match attempted inside a run of one of `candidates`: the characters for which the
        attempt is still going, and the unbounded repeat that would read the rest of the run, if one is reached.

        `settled`: only optional items and assertions follow `node`. A repeat reading the rest of the run then ends
        the first match the search tries; otherwise what follows may fail, and the next position is tried."""
        kind = node.kind
        if not candidates:
            return candidates, None
        if kind == _CHAR:
            return candidates & self.chars(node), None
        if kind == _EMPTY:
            if node.source in ("^", "$") and node.flags & re.MULTILINE:
                return candidates & {"\n"}, None
            return (candidates, None) if node.source == "\\B" else (frozenset(), None)
        if kind == _LOOK:
            inner = node.children[0]
            if node.negative:
                return candidates - self.run_chars(inner), None
            if node.behind:
                return candidates & self.run_chars(inner), None
            _, found = self.retried(inner, candidates, True)
            return candidates, found
        if kind == _BACKREF:
            return candidates, None
        if kind == _SEQ:
            items = node.children
            settled_after = [settled] * len(items)  # for each item: only optional ones follow it
            for index in range(len(items) - 1, 0, -1):
                settled_after[index - 1] = settled_after[index] and _nullable(items[index])
            for item, item_settled in zip(items, settled_after, strict=True):
                candidates, found = self.retried(item, candidates, item_settled)
                if found is not None or not candidates:
                    return candidates, found
            return candidates, None
        if kind in (_ALT, _ATOMIC):
            going: frozenset[str] = frozenset()
            for child in node.children:
                left, found = self.retried(child, candidates, settled)
                if found is not None:
                    return left, found
                going |= left
            return going, None
        # A repeat: an unbounded one reads the run or ends the walk; a bounded one is walked through once.
        inner = node.children[0]
        if node.high is None:
            if candidates & self.run_chars(inner) and not settled:
                return candidates, node
            return (candidates, None) if node.low == 0 else (frozenset(), None)
        left, found = self.retried(inner, candidates, settled and node.high <= 1)
        return (candidates if node.low == 0 else left), found


_PROBE_SET = frozenset(_PROBE)
_CHAR_FLAGS = int(re.IGNORECASE | re.DOTALL | re.ASCII)


@lru_cache(maxsize=1024)
def _probed(source: str, flags: int) -> frozenset[str]:
    """The characters of `_PROBE` a one-character regex matches (shared by every pattern read)."""
    pattern = re.compile(source, flags)
    return frozenset(c for c in _PROBE if pattern.fullmatch(c))


def _walk(node: _Node) -> Iterator[_Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _nullable(node: _Node) -> bool:
    kind = node.kind
    if kind in (_EMPTY, _LOOK, _BACKREF):
        return True
    if kind == _CHAR:
        return False
    if kind == _SEQ:
        return all(_nullable(item) for item in node.children)
    if kind == _REPEAT:
        return node.low == 0 or _nullable(node.children[0])
    return any(_nullable(child) for child in node.children)


def _backtracking_repeats(node: _Node) -> Iterator[_Node]:
    """The quantifiers in `node` that may give characters back (not possessive, not fixed, not in an atomic group)."""
    if node.kind in (_ATOMIC, _LOOK) or (node.kind == _REPEAT and node.mode == "possessive"):
        return
    if node.kind == _REPEAT and node.low != node.high:
        yield node
    for child in node.children:
        yield from _backtracking_repeats(child)


def _edge_repeats(node: _Node, *, last: bool) -> list[_Node]:
    """The unbounded repeats that may read the first characters `node` reads, or with `last` its last ones (an
    atomic group gives none back to what follows it)."""
    kind = node.kind
    if kind == _REPEAT:
        own = [node] if node.high is None else []
        return own + _edge_repeats(node.children[0], last=last)
    if kind == _SEQ:
        found: list[_Node] = []
        for item in reversed(node.children) if last else node.children:
            found += _edge_repeats(item, last=last)
            if not _nullable(item):
                break
        return found
    if kind == _ALT or (kind == _ATOMIC and not last):
        return [repeat for child in node.children for repeat in _edge_repeats(child, last=last)]
    return []


def backtracking_shape(pattern: str, flags: int = 0) -> str | None:
    """What in `pattern` makes a search slower than linear on some long input; None when none of the shapes is
    found (or the pattern is not a valid regex: compiling it says what is wrong)."""
    parser = _Parser(pattern, int(flags))
    try:
        tree = parser.parse()
        shape = _first_shape(pattern, tree, _Reader(parser.named))
    except (ValueError, IndexError, KeyError, re.error, RecursionError):  # not a regex, or a form not known
        return None
    if shape is None:
        return None
    try:
        re.compile(pattern, flags)
    except re.error:  # compiling it says what is wrong, better than any shape read from it
        return None
    return shape


def _first_shape(pattern: str, tree: _Node, reader: _Reader) -> str | None:
    def shown(node: _Node) -> str:
        written = pattern[node.start : node.end]
        return "`" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in written) + "`"

    nest = reader.nested(tree)
    if nest is not None:
        return (
            f"{shown(nest)} repeats a group that holds a quantifier (nested quantifiers: make the inner one "
            "possessive, `\\d++`, or the group atomic, `(?>...)`, where it need not give characters back)"
        )
    pair = reader.adjacent(tree)
    if pair is not None:
        return (
            f"{shown(pair[0])} and {shown(pair[1])} can share a run of the same characters (adjacent quantifiers: "
            "write `\\s*(?:x\\s*)?` for `\\s*x?\\s*`)"
        )
    left, found = reader.retried(tree, reader.all, True)
    if found is not None:
        run = left & reader.run_chars(found.children[0])
        example = " " if " " in run else min(run, key=lambda c: (not c.isprintable() or c.isspace(), c))
        return (
            f"{shown(found)} is read to the end of a run of {example!r} from each of its characters "
            "(bound it, or start the regex with a look-behind that excludes them)"
        )
    return None


# The reader's tree, for other checks of pack regexes (`tglint.anchors`): the node kinds and a parse.
Node = _Node
CHAR, EMPTY, LOOK, ALT, SEQ, REPEAT, ATOMIC, BACKREF = _CHAR, _EMPTY, _LOOK, _ALT, _SEQ, _REPEAT, _ATOMIC, _BACKREF


def parse(pattern: str, flags: int = 0) -> Node:
    """The tree of `pattern` as this module reads it (raises ValueError, IndexError or KeyError on a form it
    cannot read)."""
    return _Parser(pattern, int(flags)).parse()
