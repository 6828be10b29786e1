"""What form a file's bytes have (mbox, MIME, plain text, binary), decided from its content."""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from tglint.draft import LINE_BREAK
from tglint.reading.lines import LEADING_BLANK_LINES, UTF8_BOM, UTF16_BOMS

# Header fields only a mail has: one of them in a file's opening header block makes it a draft.
_MAIL_FIELDS = frozenset(
    {"from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "mime-version", "reply-to",
     "return-path", "delivered-to", "in-reply-to", "references", "sender"}
)  # fmt: skip


def starts_like_a_mail(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a mail: an mbox envelope line, or a
    header block (before any other text) that names a mail field or a draft's 收件人/主题."""
    content = head.removeprefix(UTF8_BOM)
    if content.startswith(UTF16_BOMS):
        content = content.decode("utf-16", "replace").encode("utf-8")
    if b"\x00" in content:
        return False
    if is_envelope_line_at(content, 0):
        return True
    text = content.decode("utf-8", "replace")
    named_a_mail_field = False
    for index, line in enumerate(text.lstrip("\r\n").splitlines()):
        if not line.strip():
            return named_a_mail_field  # the header block ends
        if line[0] in " \t" and index > 0:
            continue  # a folded field
        if TEXT_HEADER.match(line):
            named_a_mail_field = True
            continue
        field = _FIELD_NAME.match(line)
        if field is None:
            return False
        named_a_mail_field = named_a_mail_field or field.group(1).lower() in _MAIL_FIELDS
    return named_a_mail_field  # a header block longer than the head


class Form(Enum):
    MBOX = "mbox"
    MIME = "mime"
    TEXT = "text"
    BINARY = "binary"


# Enough to see a header block's first fields; long headers (DKIM) come in lines.
_SNIFF_BYTES = 64 * 1024


# More control bytes than this share of the start means it is not text.
_BINARY_CONTROL_SHARE = 0.1


_BINARY_CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\f\x1b")


HEADER_FIELD = re.compile(rb"[\x21-\x39\x3b-\x7e]+:")


OBSOLETE_HEADER_FIELD = re.compile(rb"([\x21-\x39\x3b-\x7e]+)[ \t]+:")


_FIELD_NAME = re.compile(r"([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)")


ENCODED_WORD_START = "=?"


# Fields a plain-text draft may carry; any other header field means a real message.
_DRAFT_FIELDS = frozenset({"to", "cc", "bcc", "from", "subject"})


# One-word RFC 5322 / news fields; hyphenated names (Message-ID, X-...) count anyway.
_MESSAGE_FIELDS = frozenset(
    {"received", "date", "sender", "references", "comments", "keywords", "path",
     "newsgroups", "organization", "importance", "priority", "precedence", "status",
     "lines", "approved", "xref", "encrypted", "received-spf", "replied", "recieved"}
)  # fmt: skip


TEXT_HEADER = re.compile(
    r"(?P<name>to|cc|bcc|from|subject|收件人|抄送|密送|主题|标题|发件人)[ \t]*[:：][ \t]*",
    re.IGNORECASE,
)


TEXT_HEADER_NAMES = {
    "to": "to", "cc": "cc", "bcc": "bcc", "from": "from", "subject": "subject",
    "收件人": "to", "抄送": "cc", "密送": "bcc", "主题": "subject", "标题": "subject",
    "发件人": "from",
}  # fmt: skip


def detect_form(content: bytes) -> Form:
    head = content[:_SNIFF_BYTES]
    if head.startswith(UTF16_BOMS):
        return Form.TEXT
    if is_envelope_line_at(head, 0):
        return Form.MBOX
    if _starts_with_message_headers(head):
        return Form.MIME
    if _looks_binary(head):
        return Form.BINARY
    return Form.TEXT


def _starts_with_message_headers(head: bytes) -> bool:
    """Whether `head` opens with a header block only a real message would have."""
    # Latin-1 keeps every byte one character; str.splitlines() would also break at bytes
    # 0x85 and 0x1C-0x1E, which UTF-8 text holds ("入" is E5 85 A5).
    lines = _lines(LEADING_BLANK_LINES.sub(b"", head, count=1).decode("latin-1"))
    for index, line in enumerate(lines):
        if not line:
            return False
        # Obsolete syntax folds over whitespace-only lines too.
        if line[0] in " \t" and index > 0:
            if ENCODED_WORD_START in line:
                return True
            continue
        match = _FIELD_NAME.match(line.lstrip())
        if not match:
            return False
        name, value = match.group(1).lower(), match.group(2)
        if name in _DRAFT_FIELDS:
            if ENCODED_WORD_START in value:
                return True
        elif "-" in name or name in _MESSAGE_FIELDS:
            return True
    # A header block longer than the window is no hand-written draft header.
    return len(head) >= _SNIFF_BYTES


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` as `LINE_BREAK` splits it, nothing after the last line end, one at a time: the header
    block is read to its first line that is no header, not the whole window cut into lines."""
    start = 0
    for found in LINE_BREAK.finditer(text):
        yield text[start : found.start()]
        start = found.end()
    if start < len(text):
        yield text[start:]


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))
    return controls > len(head) * _BINARY_CONTROL_SHARE


_ENVELOPE_SHAPE = re.compile(rb"From (?:-|\S*@|\S+[ \t].*\b\d{1,2}:\d{2}\b)")


# An envelope line is short; the cap keeps a huge one-line file cheap to test.
_MAX_ENVELOPE_LINE = 1000


def is_envelope_line_at(content: bytes, start: int) -> bool:
    """Whether a "From " envelope line starts at `start` and a header field follows it."""
    end = content.find(b"\n", start, start + _MAX_ENVELOPE_LINE)
    if end < 0:
        if len(content) - start > _MAX_ENVELOPE_LINE:
            return False
        end = len(content)
    if not _ENVELOPE_SHAPE.match(content[start:end].rstrip(b"\r")):
        return False
    following = content[end + 1 : end + 1 + _MAX_ENVELOPE_LINE]
    return not following or bool(HEADER_FIELD.match(following)) or following.startswith(b"From ")
