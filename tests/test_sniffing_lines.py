"""Telling a mail from a text draft reads the header block line by line, up to its first line that is no
header, instead of cutting the whole sniffing window into lines first: the same lines, the same answers."""

from __future__ import annotations

import random

from tglint.draft import LINE_BREAK
from tglint.reading.lines import LEADING_BLANK_LINES
from tglint.reading.sniffing import _SNIFF_BYTES, Form, _lines, _starts_with_message_headers, detect_form

_PIECES = [
    "\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "Subject: x",
    "To: a@b.c",
    "From: me",
    "X-Mailer: y",
    "MIME-Version: 1.0",
    "Content-Type: text/plain",
    "主题: =?utf-8?b?5L2g?=",
    "Subject: =?utf-8?q?hi?=",
    "hello there",
    ": no name",
    "=?",
]


def _generated(seed: int, count: int = 5000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 12))) for _ in range(count)]


def _split_lines(text: str) -> list[str]:
    lines = LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def _reference(head: bytes) -> bool:
    """`_starts_with_message_headers` as it was written, on every line of the window."""
    from tglint.reading import sniffing

    lines = _split_lines(LEADING_BLANK_LINES.sub(b"", head, count=1).decode("latin-1"))
    for index, line in enumerate(lines):
        if not line:
            return False
        if line[0] in " \t" and index > 0:
            if sniffing.ENCODED_WORD_START in line:
                return True
            continue
        match = sniffing._FIELD_NAME.match(line.lstrip())
        if not match:
            return False
        name, value = match.group(1).lower(), match.group(2)
        if name in sniffing._DRAFT_FIELDS:
            if sniffing.ENCODED_WORD_START in value:
                return True
        elif "-" in name or name in sniffing._MESSAGE_FIELDS:
            return True
    return len(head) >= _SNIFF_BYTES


def test_lines_as_the_line_break_splits_them() -> None:
    for text in ["", "\n", "a", "a\n", "a\r\n\r\nb", "\r\r\n\n", *_generated(1)]:
        assert list(_lines(text)) == _split_lines(text), repr(text)


def test_same_answers_as_reading_every_line() -> None:
    for text in _generated(2):
        head = text.encode("utf-8")
        assert _starts_with_message_headers(head) == _reference(head), repr(text)


def test_a_window_of_headers_only() -> None:
    """A header block that fills the window is no hand-written draft's: read to its end, as before."""
    head = ("Subject: x\n" + "To: a@b.c\n" * (_SNIFF_BYTES // 10)).encode()[:_SNIFF_BYTES]
    assert _starts_with_message_headers(head) is _reference(head) is True
    assert detect_form(b"Subject: x\nTo: a@b.c\n\nHello") is Form.TEXT
    assert detect_form(b"Subject: x\nMIME-Version: 1.0\n\nHello") is Form.MIME
