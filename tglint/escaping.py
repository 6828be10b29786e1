"""Text from a draft or a file name, made safe for where tglint shows it.

A draft and its file name are written by someone else. Shown raw, an ESC sequence
recolours or retitles the terminal (OSC), BEL rings, a C1 control or a bidi override
reorders what the reader sees, a CR overwrites the line, and a line that starts with
`::` (or holds `##[`) is a command to the GitHub Actions runner reading the log.

`printable` is the one function for everything tglint prints for a person (the text
report, notes, warnings and errors on stderr, --diff, GitHub annotations): each such
character becomes a visible escape, so nothing is hidden and nothing is obeyed:

- C0 controls, DEL and C1 controls: `\\x1b`, `\\x07`, `\\x85` (tab, newline and a
  CRLF's CR are kept, unless the text must stay on one line: then `\\t`, `\\n`, `\\r`);
- bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the
  line/paragraph separators U+2028/U+2029: `\\u202e`;
- the lone surrogates a file name with invalid UTF-8 bytes decodes to
  (surrogateescape): the byte it stands for, `\\xff`;
- a GitHub workflow command: `##[` becomes `##\\x5b`, and a line starting (after
  blanks) with `::` shows its first colon as `\\x3a`.

A backslash is left as it is: the escapes are for a reader, not a round trip.
`escape_controls` is the first three without the workflow-command part, for HTML.
"""

from __future__ import annotations

import re

_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# A CR is kept only as part of a CRLF line end (a --diff of a CRLF draft).
_UNSAFE_MULTILINE = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# The runner trims leading whitespace (any Unicode blank) before looking for "::".
_COMMAND_AT_LINE_START = re.compile(r"^(\s*):(?=:)", re.MULTILINE)
_LEGACY_COMMAND = "##["


def escape_controls(text: str, *, one_line: bool = False) -> str:
    """`text` with controls, bidi controls and lone surrogates as visible escapes."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE_MULTILINE
    return pattern.sub(_escape, text)


def needs_escape(text: str, *, one_line: bool = False) -> bool:
    """Whether `escape_controls` would change `text`."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE_MULTILINE
    return pattern.search(text) is not None


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` safe for a terminal or a CI log: `escape_controls`, and no workflow command."""
    text = escape_controls(text, one_line=one_line)
    if _LEGACY_COMMAND in text:
        text = text.replace(_LEGACY_COMMAND, "##\\x5b")
    if "::" in text:
        text = _COMMAND_AT_LINE_START.sub(r"\1\\x3a", text)
    return text


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # the byte surrogateescape stood in for
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
