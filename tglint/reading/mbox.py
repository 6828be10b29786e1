"""An mbox file split into its messages, each read as a MIME message."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import partial
from itertools import pairwise

from tglint.draft import Draft, ReadError
from tglint.limits import Limits
from tglint.reading.lines import line_ends
from tglint.reading.mime import read_mime
from tglint.reading.notes import TRUNCATED, TRUNCATED_BY_LIMIT, ReadResult, guarded
from tglint.reading.sniffing import is_envelope_line_at

_LINE_START_FROM = re.compile(rb"^From ", re.MULTILINE)


# Writers escape a body's "From " lines as ">From " (mboxrd adds one ">" to any ">From ").
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def read_mbox(content: bytes, path: str, limits: Limits, notes: Sequence[str] = ()) -> ReadResult:
    results: ReadResult = []
    for number, (first_line, message) in enumerate(_split_mbox(content), start=1):
        message_path = f"{path}#{number}"
        if number > limits.max_messages:
            why = f"the mailbox has more than {limits.max_messages:,} messages (max-messages)"
            results.append(ReadError(message_path, f"not read, nor any message after it: {why}", number))
            break
        if not message.strip():
            results.append(ReadError(message_path, "empty message", number))
        else:
            read = guarded(partial(read_mime, first_line=first_line), message, message_path, limits)
            if isinstance(read, Draft):
                read = replace(read, message_number=number, source_file=path)
            results.append(read)
    last = results[-1] if results else None
    if notes and isinstance(last, Draft):
        # Only the last message read can have lost lines to the line limit, and if that
        # cut it before a closing boundary, the limit did, not whoever wrote the file.
        if last.error == TRUNCATED:
            last = replace(last, error=None, notes=(*last.notes, TRUNCATED_BY_LIMIT))
        results[-1] = replace(last, notes=(*last.notes, *notes))
    return results


def _split_mbox(content: bytes) -> Iterator[tuple[int, bytes]]:
    """The messages of an mbox, each without its "From " envelope line, with the file's line
    where it starts.

    Unescaping ">From " lines keeps the lines where they are; on those lines, columns are one
    character left of the file's.
    """
    starts = [0]
    for match in _LINE_START_FROM.finditer(content, 1):
        if is_envelope_line_at(content, match.start()):
            starts.append(match.start())
    starts.append(len(content))
    line, counted = 1, 0
    for start, stop in pairwise(starts):
        body_start = content.find(b"\n", start, stop)
        if body_start < 0:
            yield line, b""
            continue
        line += line_ends(content, counted, body_start + 1)
        counted = body_start + 1
        message = _without_separator_line(content[body_start + 1 : stop])
        yield line, _ESCAPED_FROM.sub(rb"\1", message)


def _without_separator_line(message: bytes) -> bytes:
    """Drop the blank line an mbox writer puts between messages."""
    for line_end in (b"\r\n", b"\n"):
        if message.endswith(line_end * 2):
            return message[: -len(line_end)]
    return message
