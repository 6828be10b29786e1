"""Characters by script, and the boundaries of a value in text that mixes Chinese and Latin.

In Python's `re`, Chinese characters are word characters: `\\b` does not separate `是` from
`510723…`, and `(?<!\\w)` refuses a value written straight after a Chinese character —
which is how Chinese writers put it (`身份证号是510723…`, `手机号13812345678`). A value
therefore begins where the character before it is not a Latin letter or a digit, and ends
where the character after it is not one: Han characters, punctuation and spaces all bound it.
Patterns for values use these fragments instead of `\\b` and `\\w` lookarounds.
"""

from __future__ import annotations

# CJK Unified Ideographs with Extension A and the compatibility block; Extension B and later
# (U+20000...) for the rare characters of names.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN = f"[{HAN_CHARS}]"

# A Latin letter or a digit: what a value must not touch. Full-width digits and letters are
# read as their ASCII forms by the recognizers that accept them, so they count too.
_ALNUM_CHARS = "A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
ALNUM = f"[{_ALNUM_CHARS}]"

# Put before and after a value's pattern: it may touch Chinese, punctuation or space, never
# another letter or digit ("是510723…" is found, "AB510723…" is not).
VALUE_START = f"(?<![{_ALNUM_CHARS}])"
VALUE_END = f"(?![{_ALNUM_CHARS}])"


def is_han(char: str) -> bool:
    code = ord(char) if char else 0
    return (
        0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF
    )


def is_alnum(char: str) -> bool:
    """A Latin letter or a digit, half- or full-width: what bounds a value."""
    return bool(char) and (
        (char.isascii() and char.isalnum()) or "\uff10" <= char <= "\uff19" or "\uff21" <= char.upper() <= "\uff3a"
    )


def window_start(text: str, head: int, end: int) -> int:
    """`head`, moved forward past a Latin word it falls inside (up to `end`): a window of text cut
    there would start with the word's tail, which reads as another word ("paid" -> "id")."""
    while 0 < head < end and is_alnum(text[head - 1]) and is_alnum(text[head]):
        head += 1
    return head
