"""Header values: RFC 2047 encoded words and raw 8-bit bytes decoded, fields cut to their limit."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from email.message import Message

from tglint.limits import Limits
from tglint.reading.charsets import decode_declared, decode_hinted, from_surrogates, has_surrogates
from tglint.reading.notes import header_cut_note, partial_note

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=")
# Folding whitespace becomes one space: a tab left from folding is noise to a reader.
FOLD = re.compile(r"\r?\n[ \t]+")
STRAY_NEWLINE = re.compile(r"[\r\n]+")
_DEFAULT_LIMITS = Limits()


def decode_header(
    raw: str,
    where: str,
    notes: list[str],
    hint: str | None = None,
    max_words: int = _DEFAULT_LIMITS.max_encoded_words,
) -> str:
    """Unfold a raw header value and decode its RFC 2047 words and raw 8-bit bytes.

    `hint` is the message's own charset: mailers that write raw 8-bit headers mostly
    write them in the charset of the body. Words after the first `max_words` are left
    as written.
    """
    unfolded = STRAY_NEWLINE.sub(" ", FOLD.sub(" ", raw)).strip()
    pieces: list[str] = []
    pending: list[tuple[bytes, str]] = []  # adjacent words of one charset decode together
    position = 0
    for count, match in enumerate(_ENCODED_WORD.finditer(unfolded)):
        if count >= max_words:
            what = f"{where}: more than {max_words:,} encoded words; the rest are left as written"
            notes.append(partial_note(what, "max-encoded-words"))
            break
        between = unfolded[position : match.start()]
        word = _encoded_word_bytes(match.group(2), match.group(3))
        if word is None:
            continue
        if between and not (pending and not between.strip()):
            pieces.append(_flush_words(pending, where, notes))
            pieces.append(decode_raw_text(between, where, notes, hint))
        charset = match.group(1)
        if pending and pending[-1][1].lower() != charset.lower():
            pieces.append(_flush_words(pending, where, notes))
        pending.append((word, charset))
        position = match.end()
    pieces.append(_flush_words(pending, where, notes))
    pieces.append(decode_raw_text(unfolded[position:], where, notes, hint))
    return "".join(pieces)


_WHITESPACE = re.compile(rb"\s+")


def _encoded_word_bytes(encoding: str, encoded: str) -> bytes | None:
    """The bytes an encoded word carries, or None when it cannot be decoded."""
    data = encoded.encode("utf-8", errors="surrogateescape")
    if encoding in "qQ":
        return binascii.a2b_qp(data, header=True)
    compact = _WHITESPACE.sub(b"", data)
    try:
        return base64.b64decode(compact + b"=" * (-len(compact) % 4))
    except (binascii.Error, ValueError):
        return None


def _flush_words(pending: list[tuple[bytes, str]], where: str, notes: list[str]) -> str:
    if not pending:
        return ""
    text = decode_declared(b"".join(word for word, _ in pending), pending[0][1], where, notes)
    pending.clear()
    return text


def decode_raw_text(text: str, where: str, notes: list[str], hint: str | None = None) -> str:
    if not has_surrogates(text):
        return text
    return decode_hinted(from_surrogates(text), hint, where, notes)


class Headers:
    """Header values of one message, read from the raw fields (policy parsing can raise)."""

    def __init__(self, message: Message, notes: list[str], limits: Limits) -> None:
        self._raw: dict[str, list[str]] = {}
        for name, value in message.raw_items():
            self._raw.setdefault(name.strip().lower(), []).append(str(value))
        self._notes = notes
        self._limits = limits
        self.charset_hint = charset_hint(message)

    def raw(self, name: str) -> str | None:
        values = self._raw.get(name)
        if not values:
            return None
        value = ", ".join(values) if name in ADDRESS_FIELDS else values[0]
        limit = self._limits.max_header_length
        if len(value) > limit:
            # Each field is cut by the parser already; several To: fields add up.
            self._notes.append(header_cut_note(name, limit))
            value = value[:limit]
        return value

    def text(self, name: str) -> str | None:
        raw = self.raw(name)
        if raw is None:
            return None
        return decode_header(raw, name, self._notes, self.charset_hint, self._limits.max_encoded_words)

    def unfolded(self, name: str) -> str | None:
        """The raw value unfolded, 8-bit bytes decoded, encoded words left as written."""
        raw = self.raw(name)
        if raw is None:
            return None
        return decode_raw_text(STRAY_NEWLINE.sub(" ", FOLD.sub(" ", raw)), name, [], self.charset_hint)


# The first text parts are enough to learn a message's charset.
_CHARSET_HINT_PARTS = 20


def charset_hint(message: Message) -> str | None:
    """The first charset the message declares (some put it on the multipart only)."""
    for index, part in enumerate(message.walk()):
        if index >= _CHARSET_HINT_PARTS:
            break
        charset = safely(part.get_content_charset, None)
        if charset:
            return charset
    return None


ADDRESS_FIELDS = ("to", "cc", "bcc", "from")
RECIPIENT_FIELDS = ("to", "cc", "bcc")


def safely(getter: Callable[..., object], default: str | None, *args: object) -> str | None:
    """A header-derived value, or `default` when the policy's parser raises on it."""
    try:
        value = getter(*args)
    except Exception:  # malformed headers raise all kinds of errors
        return default
    return value if isinstance(value, str) else default
