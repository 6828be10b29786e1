"""Read drafts from disk: plain-text drafts, MIME messages (.eml) and mbox files.

What each module does, the decisions worth knowing, the limits and the one definition of
lines and offsets shared by reading, reporting and fixing: README.md beside this file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from tglint.draft import ReadError
from tglint.limits import Limits
from tglint.reading.discovery import WalkCount, discover, is_included
from tglint.reading.lines import UTF8_BOM, first_lines
from tglint.reading.mbox import read_mbox
from tglint.reading.mime import read_mime, text_sources
from tglint.reading.notes import PARTIAL_NOTE, TRUNCATED, ReadResult, guarded, is_partial, one_line
from tglint.reading.plaintext import read_text_draft, text_draft_text
from tglint.reading.sniffing import Form, detect_form, starts_like_a_mail

__all__ = [
    "PARTIAL_NOTE",
    "TRUNCATED",
    "Limits",
    "ReadResult",
    "WalkCount",
    "discover",
    "is_included",
    "is_partial",
    "read_bytes",
    "read_path",
    "starts_like_a_mail",
    "text_draft_text",
    "text_sources",
]


def read_path(path: str, *, limits: Limits | None = None, max_bytes: int | None = None) -> ReadResult:
    """Read the file at `path` ("-" is standard input); never raises.

    `max_bytes`, if given, overrides `limits.max_file_size` (kept for older callers).
    """
    limits = _effective_limits(limits, max_bytes)
    try:
        data = _read_at_most(path, limits.max_file_size)
    except OSError as error:
        return [ReadError(path, f"cannot read: {error.strerror or type(error).__name__}")]
    except Exception as error:  # a reader must never crash the run
        return [ReadError(path, f"cannot read: {one_line(error)}")]
    return read_bytes(data, path, limits=limits)


def read_bytes(data: bytes, path: str, *, limits: Limits | None = None, max_bytes: int | None = None) -> ReadResult:
    """Drafts (or errors) in `data`, decided from its content; never raises."""
    try:
        return _read_bytes(data, path, _effective_limits(limits, max_bytes))
    except Exception as error:
        return [ReadError(path, f"cannot read: {one_line(error)}")]


def _effective_limits(limits: Limits | None, max_bytes: int | None) -> Limits:
    limits = limits or Limits()
    return limits if max_bytes is None else replace(limits, max_file_size=max_bytes)


def _read_at_most(path: str, max_bytes: int) -> bytes:
    """The file's bytes; one byte over the limit is enough to know it is too large."""
    if path == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    with open(path, "rb") as handle:
        # Asked for the limit's worth, a read first makes a buffer of that size, however small the file (a
        # draft is a few kilobytes, the limit tens of megabytes): the size the file says it has is read first,
        # and the rest, up to the limit, only when there is more (a file that grew, or one whose size says
        # nothing, as a pipe's).
        size = os.fstat(handle.fileno()).st_size
        if not 0 < size <= max_bytes:
            return handle.read(max_bytes + 1)
        data = handle.read(size + 1)
        return data if len(data) <= size else data + handle.read(max_bytes + 1 - len(data))


def _read_bytes(data: bytes, path: str, limits: Limits) -> ReadResult:
    if not data:
        return [ReadError(path, "empty file")]
    if len(data) > limits.max_file_size:
        return [ReadError(path, f"too large: over the {limits.max_file_size:,}-byte limit for one file")]
    content = data.removeprefix(UTF8_BOM)
    form = detect_form(content)
    if form is Form.BINARY:
        return [ReadError(path, "binary file, not an e-mail draft")]
    notes: list[str] = []
    if form is Form.TEXT:
        return [guarded(read_text_draft, first_lines(data, limits.max_lines, notes), path, limits, notes)]
    content = first_lines(content, limits.max_lines, notes)
    if form is Form.MBOX:
        return read_mbox(content, path, limits, notes)
    return [guarded(read_mime, content, path, limits, notes)]
