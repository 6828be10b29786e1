"""Lines as reading counts them (README.md, "Lines and offsets"): line ends, the line limit,
characters no reader sees, and the body cut at its length limit."""

from __future__ import annotations

import re

from tglint.draft import ALTERNATIVE_PART
from tglint.reading.notes import partial_note

UTF8_BOM = b"\xef\xbb\xbf"


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


LEADING_BLANK_LINES = re.compile(rb"\A(?:[ \t]*\r?\n)+")


# Line ends are counted chunk by chunk, so a file under the limit costs a few scans.
_LINE_COUNT_CHUNK = 1024 * 1024


def first_lines(data: bytes, max_lines: int, notes: list[str]) -> bytes:
    """`data` cut after its `max_lines`-th line end (LF, CR or CRLF), with a note when cut."""
    if len(data) <= max_lines:
        return data
    seen = 0
    for start in range(0, len(data), _LINE_COUNT_CHUNK):
        stop = min(start + _LINE_COUNT_CHUNK, len(data))
        here = line_ends(data, start, stop)
        if seen + here >= max_lines:
            low, high = start, stop
            while low < high:
                middle = (low + high) // 2
                if seen + line_ends(data, start, middle) >= max_lines:
                    high = middle
                else:
                    low = middle + 1
            cut = low + 1 if data[low - 1 : low + 1] == b"\r\n" else low
            if data.startswith(UTF16_BOMS):
                cut -= cut % 2  # a UTF-16 code unit is never split
            if cut >= len(data):
                return data
            notes.append(
                partial_note(f"the file has more than {max_lines:,} lines; only the first are read", "max-lines")
            )
            return data[:cut]
        seen += here
    return data


def line_ends(data: bytes, start: int, stop: int) -> int:
    """Line ends that end inside data[start:stop], a CRLF counting once."""
    ends = data.count(b"\n", start, stop) + data.count(b"\r", start, stop) - data.count(b"\r\n", start, stop)
    if start > 0 and data[start - 1 : start + 1] == b"\r\n":
        ends -= 1  # that LF ends the line its CR, before `start`, already ended
    return ends


# Control characters no mail client shows. Some would drive the terminal a report is
# printed on (ESC, CSI), and some end a line for str.splitlines() but not for tglint's
# line numbers (VT, FF, FS-RS, NEL). Each becomes U+FFFD: offsets do not move.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# A header is one line: a line break decoded from an encoded word is a space.
HEADER_BREAKS = str.maketrans("\t\n\r", "   ")


def visible(text: str) -> str:
    """`text` with the control characters a reader never sees replaced, tabs and newlines kept."""
    return _CONTROLS.sub("\ufffd", text)


def visible_line(text: str) -> str:
    return visible(text.translate(HEADER_BREAKS))


def cut_body(text: str, limit: int, notes: list[str], what: str = "body") -> str:
    """The body (or the text of another alternative) up to `limit` characters, cut at a line end when one is near."""
    if len(text) <= limit:
        return text
    line_end = text.rfind("\n", limit - limit // 10, limit)
    cut = line_end if line_end > 0 else limit
    notes.append(
        partial_note(
            f"the {what} is longer than {limit:,} characters; only the first {cut:,} are read", "max-body-length"
        )
    )
    return text[:cut]


PART_NAMES = {"body": "body", ALTERNATIVE_PART: "HTML alternative"}
