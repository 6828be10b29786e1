"""Where a MIME message's header parts and text payloads are written in the file (README.md,
"Lines and offsets"): the parser keeps no positions, so they are found again in the bytes."""

from __future__ import annotations

import re

from tglint.draft import Part, Placement
from tglint.reading.charsets import decode_hinted
from tglint.reading.headers import ADDRESS_FIELDS
from tglint.reading.lines import HEADER_BREAKS, LEADING_BLANK_LINES, line_ends, visible

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_PLACED_FIELDS = frozenset({"subject", "to", "cc", "bcc", "from"})


class WrittenHeaders:
    """The message's header fields as written in the file, line by line.

    A header part is placed by rebuilding its value from these lines the way it was
    read (unfolded, 8-bit bytes decoded) and comparing with the part's text: where they
    agree, each character maps to its own line and column; where they differ (RFC 2047
    encoded words, a cut), the text is not in the file as such and maps to where the
    difference starts.
    """

    def __init__(self, data: bytes, first_line: int, hint: str | None) -> None:
        self._first_line = first_line
        self._hint = hint
        # name -> its fields -> their lines (number, bytes), for the fields that become parts
        self._fields: dict[str, list[list[tuple[int, bytes]]]] = {}
        self.end = 0  # where the header block ends: the body is searched from there
        current: list[tuple[int, bytes]] | None = None
        leading = LEADING_BLANK_LINES.match(data)
        position = leading.end() if leading else 0
        index = line_ends(data, 0, position)
        while position < len(data):
            found = _LINE_BREAK.search(data, position)
            end, following = (found.start(), found.end()) if found else (len(data), len(data))
            raw = data[position:end]
            if not raw:
                position = following
                break
            if raw[:1] in (b" ", b"\t") and current is not None:
                current.append((first_line + index, raw))
            elif b":" in raw:
                current = [(first_line + index, raw)]
                name = raw.split(b":", 1)[0].strip().lower().decode("latin-1")
                if name in _PLACED_FIELDS:
                    self._fields.setdefault(name, []).append(current)
            else:
                break
            position, index = following, index + 1
        self.end = position

    def part(self, name: str, text: str) -> Part:
        fields = self._fields.get(name, [])
        # Address fields are read as one value, the fields joined by ", "; others from the first.
        fields = fields if name in ADDRESS_FIELDS else fields[:1]
        if not fields:  # not found as written: the text is placed at the message's start
            return Part(name, text, placements=(Placement(0, len(text), self._first_line, 1, exact=False),))
        written_fields = [[(line, _header_line(raw, self._hint)) for line, raw in lines] for lines in fields]
        pieces = _value_pieces(written_fields)
        placements, encoded = pieces.placements(text)
        # A line holding encoded words is not shown as written: its encoded text may be a secret.
        file_lines = {line: written for lines in written_fields for line, written in lines if line not in encoded}
        return Part(name, text, *pieces.start, placements=placements, file_lines=file_lines)


def _header_line(raw: bytes, hint: str | None) -> str:
    """A header line as a reader sees it: 8-bit bytes decoded as the value's are."""
    try:
        return visible(raw.decode("ascii"))
    except UnicodeDecodeError:
        return visible(decode_hinted(raw, hint, "header", []))


class _Pieces:
    """A header value rebuilt from its lines: pieces of text, each at a line and column of
    the file, or (line 0) added by reading (the space a fold becomes, the ", " between fields)."""

    def __init__(self) -> None:
        self.pieces: list[tuple[int, str, int, int]] = []  # (offset, text, line, column)
        self.length = 0

    def add(self, text: str, line: int = 0, column: int = 0) -> None:
        self.pieces.append((self.length, text, line, column))
        self.length += len(text)

    @property
    def value(self) -> str:
        return "".join(text for _, text, _, _ in self.pieces)

    @property
    def start(self) -> tuple[int, int]:
        """Where the value starts in the file (its first written character, or the field's end)."""
        written = [(offset, text, line, column) for offset, text, line, column in self.pieces if line]
        lead = len(self.value) - len(self.value.lstrip())
        for offset, text, line, column in written:
            if offset + len(text) > lead:
                return line, column + max(0, lead - offset)
        offset, text, line, column = written[0]
        return line, column + len(text)

    def position(self, at: int) -> tuple[int, int]:
        """The file position of the value's character `at` (an added one: the next written one)."""
        for offset, text, line, column in self.pieces:
            if line and at < offset + len(text):
                return line, column + max(0, at - offset)
        return self.start

    def exact(self, start: int, end: int, shift: int) -> list[Placement]:
        """Placements of text [start, end), which is the value's [start + shift, end + shift)."""
        placed = []
        for offset, text, line, column in self.pieces:
            low, high = max(start + shift, offset), min(end + shift, offset + len(text))
            if line and low < high:
                placed.append(Placement(low - shift, high - shift, line, column + low - offset))
        return placed

    def placements(self, text: str) -> tuple[tuple[Placement, ...], set[int]]:
        """`text` (the part as read) placed where the value agrees with it, character for
        character; and the lines where they differ (encoded words)."""
        value = self.value
        lead = len(value) - len(value.lstrip())
        value = value.strip()
        if text == value:  # the common case: written as it reads
            return tuple(self.exact(0, len(text), lead)) or (Placement(0, 0, *self.start),), set()
        same_start = _common_prefix(text, value)
        same_end = _common_prefix(text[same_start:][::-1], value[same_start:][::-1])
        placed = self.exact(0, same_start, lead)
        differing: set[int] = set()
        if same_start < len(text) - same_end or same_start < len(value) - same_end:
            low, high = lead + same_start, lead + len(value) - same_end
            differing = {
                line
                for offset, written, line, _ in self.pieces
                if line and offset <= max(high, low + 1) and low <= offset + len(written)
            }
        if same_start < len(text) - same_end:
            line, column = self.position(lead + same_start)
            placed.append(Placement(same_start, len(text) - same_end, line, column, exact=False))
        placed += self.exact(len(text) - same_end, len(text), lead + len(value) - len(text))
        if not text:  # nothing to place: the empty text is where the value is
            placed = [Placement(0, 0, *self.start, exact=not value)]
        return tuple(placed), differing


def _value_pieces(fields: list[list[tuple[int, str]]]) -> _Pieces:
    """A header value as reading unfolds it: the first line after its colon and blanks, each
    continuation line after its blanks, a fold one space, fields joined by ", "."""
    pieces = _Pieces()
    for number, lines in enumerate(fields):
        if number:
            pieces.add(", ")
        for index, (line, written) in enumerate(lines):
            written = written.translate(HEADER_BREAKS)
            if index == 0:
                # A line decoded in an odd charset may have lost its colon: then it is all value.
                start = written.find(":") + 1
                start += len(written[start:]) - len(written[start:].lstrip(" "))
            else:
                pieces.add(" ")
                start = len(written) - len(written.lstrip(" "))
            pieces.add(written[start:], line, start + 1)
    return pieces


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix of `a` and `b`."""
    length = min(len(a), len(b))
    if a[:length] == b[:length]:
        return length
    low, high = 0, length  # a[:low] == b[:low], a[:high] != b[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle
    return low


# Enough of a payload's start to find it in the message.
_PROBE_BYTES = 256


class PayloadLines:
    """Finds the file's line where each part's payload starts, in document order.

    The parser keeps no positions, but a payload as written is a slice of the message's
    bytes that starts after a blank line; each is looked for after the previous one.
    """

    def __init__(self, data: bytes, first_line: int, start: int) -> None:
        self._data = data
        self._offset = start
        self.line = first_line + line_ends(data, 0, start)  # the line at `_offset`

    def find(self, written: bytes) -> int | None:
        """The line where `written` starts, after the last one found; None when not found."""
        probe = written[:_PROBE_BYTES]
        if not probe:
            return None
        first = at = self._data.find(probe, self._offset)
        while at >= 0 and not _after_blank_line(self._data, at):
            at = self._data.find(probe, at + 1)
        if at < 0:
            if first < 0 or not _at_line_start(self._data, first):
                return None
            at = first
        self._move_to(at)
        line = self.line
        self._move_to(min(at + len(written), len(self._data)))
        return line

    def _move_to(self, offset: int) -> None:
        self.line += line_ends(self._data, self._offset, offset)
        self._offset = offset


def _at_line_start(data: bytes, at: int) -> bool:
    return at == 0 or data[at - 1 : at] in (b"\n", b"\r")


def _after_blank_line(data: bytes, at: int) -> bool:
    """Whether `at` starts a line that follows an empty one (where a payload starts)."""
    if not _at_line_start(data, at) or at == 0:
        return False
    end = at - 2 if data[at - 2 : at] == b"\r\n" else at - 1
    return _at_line_start(data, end)
