"""Bytes to text: declared charsets (widened to the supersets mailers mean), undeclared ones guessed."""

from __future__ import annotations

import codecs
import re

_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gb2312": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "iso-8859-8-i": "iso-8859-8",
}
_CHARSET_LABEL_NOISE = re.compile(r"^charset\s*=\s*", re.IGNORECASE)
# Text labelled ASCII but holding 8-bit bytes is undeclared text in practice.
ASCII_LABELS = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us"})
# Text codecs that read bytes as code, not as characters: no mailer means them.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})


def clean_label(label: str) -> str:
    """'CHarset="GBK"' or "utf-8*en" as mailers write them, down to the charset name."""
    return _CHARSET_LABEL_NOISE.sub("", label.strip().strip("\"'")).split("*")[0].strip().lower()


def _decodes_bytes_to_text(codec: str) -> bool:
    """Whether `codec` is a text encoding: bytes.decode refuses the others (rot13, zlib,
    base64...) with a LookupError before decoding anything (and skips the check on b"")."""
    try:
        b"a".decode(codec)
    except LookupError:
        return False
    except Exception:  # a text codec may find one byte incomplete or invalid
        return True
    return True


def codec_for(label: str | None) -> str | None:
    """A Python codec for a charset label as mailers write it, or None if unknown."""
    if not label:
        return None
    cleaned = clean_label(label)
    cleaned = _CHARSET_ALIASES.get(cleaned, cleaned)
    try:
        info = codecs.lookup(cleaned)
    except (LookupError, ValueError):
        return None
    if info.name in _NOT_CHARSETS or not _decodes_bytes_to_text(info.name):
        return None
    return _CHARSET_ALIASES.get(info.name.replace("_", "-"), info.name)


def decode_declared(data: bytes, label: str | None, where: str, notes: list[str]) -> str:
    """Text of `data` in its declared charset, with the fallbacks README.md describes (Charsets)."""
    if not label or clean_label(label) in ASCII_LABELS:
        return decode_undeclared(data, where, notes)
    codec = codec_for(label)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeError:
        replacing = codec or "utf-8"
        notes.append(f"{where}: not valid {_shown(label)}, read as {replacing} with replacements")
        try:
            return data.decode(replacing, errors="replace")
        except UnicodeError:  # a stateful codec may raise even when told to replace
            return data.decode("utf-8", errors="replace")
    if codec is None:
        notes.append(f"{where}: unknown charset {_shown(label)}, read as UTF-8")
    else:
        notes.append(f"{where}: not valid {_shown(label)}, read as UTF-8")
    return text


def _shown(label: str) -> str:
    """A charset label as a note shows it: quoted, and short whatever the mail says."""
    return repr(label[:40] + ("..." if len(label) > 40 else ""))


# GB2312 characters are two bytes over 0x80; lone 8-bit bytes between ASCII are
# Latin-1 accents ("J\xfcrgen"), which GB18030 would happily misread as Chinese.
_HIGH_BYTE_PAIR = re.compile(rb"[\x80-\xff]{2}")


def decode_undeclared(data: bytes, where: str, notes: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            # UTF-8 cut inside its last character (mailers cut long names): still UTF-8.
            notes.append(f"{where}: UTF-8 cut inside a character, read with a replacement")
            return data.decode("utf-8", errors="replace")
    if not _HIGH_BYTE_PAIR.search(data):
        notes.append(f"{where}: not UTF-8, read as Latin-1")
        return data.decode("latin-1")
    try:
        text = data.decode("gb18030")
    except UnicodeError:
        notes.append(f"{where}: neither UTF-8 nor GB18030, read as Latin-1")
        return data.decode("latin-1")
    notes.append(f"{where}: not UTF-8, read as GB18030")
    return text


def decode_hinted(data: bytes, hint: str | None, where: str, notes: list[str]) -> str:
    """Undeclared text, first tried in the charset the rest of its message declares."""
    codec = None if hint is None or clean_label(hint) in ASCII_LABELS else codec_for(hint)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeError:
            pass
    return decode_undeclared(data, where, notes)


def from_surrogates(text: str) -> bytes:
    """The original bytes behind a str the email parser made with surrogateescape."""
    return text.encode("utf-8", errors="surrogateescape")


_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")


def has_surrogates(text: str) -> bool:
    return _SURROGATE_ESCAPE.search(text) is not None
