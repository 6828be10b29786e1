"""Plain-text drafts: an optional block of To/Subject/收件人/主题 lines, a blank line, the body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tglint.draft import Attachment, Draft, Part, normalise_line_breaks
from tglint.limits import Limits
from tglint.quoting import find_regions
from tglint.reading.charsets import decode_undeclared
from tglint.reading.headers import RECIPIENT_FIELDS
from tglint.reading.lines import UTF8_BOM, UTF16_BOMS, cut_body, visible
from tglint.reading.notes import header_cut_note
from tglint.reading.recipients import SEPARATOR_LOOKALIKES, all_recipients
from tglint.reading.sniffing import TEXT_HEADER, TEXT_HEADER_NAMES


def text_draft_text(data: bytes, notes: list[str] | None = None) -> str:
    """A plain-text draft's whole text as the reader numbers it: decoded, LF line ends, hidden controls replaced."""
    return visible(normalise_line_breaks(_decode_text_file(data, notes if notes is not None else [])))


def read_text_draft(data: bytes, path: str, limits: Limits, notes: list[str]) -> Draft:
    text = text_draft_text(data, notes)
    lines = text.split("\n")
    parts, body_index = _text_header_parts(lines, notes, limits.max_header_length)
    body_offset = sum(len(line) + 1 for line in lines[:body_index])
    del lines
    body = cut_body(text[body_offset:], limits.max_body_length, notes)
    parts["body"] = Part("body", body, first_line=body_index + 1, regions=find_regions(body))
    # People type "a@x.org；b@y.org" or "a@x.org; b@y.org"; the stdlib parser wants commas.
    sources = {field: parts[field].text.translate(SEPARATOR_LOOKALIKES) for field in RECIPIENT_FIELDS if field in parts}
    return Draft(
        path=path,
        kind="text",
        parts=parts,
        recipients=all_recipients(parts, sources, limits),
        attachments=declared_attachments(parts.get("attachments")),
        can_attach=False,
        notes=tuple(dict.fromkeys(notes)),
    )


# A plain-text draft cannot carry files; the files the writer will attach when sending may be named in its header
# block, after a To or Subject line: "Attachments: crash.log, screen.png" / "附件：截图.png、日志.txt". The attachment
# rules then read them as a MIME draft's (TG802 is satisfied, TG803 checks their kinds).
_DECLARED = re.compile(r"(?P<name>attachments?|attached files?|附件)[ \t]*[:：][ \t]*", re.IGNORECASE)
_DECLARED_SEPARATORS = re.compile(r"[,，、;；\n]")
# What says no file is declared ("Attachments: none", "附件：无").
_DECLARED_NONE = frozenset({"none", "no", "n/a", "-", "—", "无", "没有", "暂无", "（无）", "(none)"})


def declared_attachments(part: Part | None) -> tuple[Attachment, ...]:
    """The files a plain-text draft's "Attachments:" line names, typed by their names alone."""
    if part is None:
        return ()
    names = (name.strip() for name in _DECLARED_SEPARATORS.split(part.text))
    return tuple(
        Attachment(name, "application/octet-stream", 0) for name in names if name and name.lower() not in _DECLARED_NONE
    )


def _decode_text_file(data: bytes, notes: list[str]) -> str:
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    return decode_undeclared(data.removeprefix(UTF8_BOM), "file", notes)


def _text_header_parts(lines: Sequence[str], notes: list[str], max_length: int) -> tuple[dict[str, Part], int]:
    """The leading header lines as parts, and the index of the body's first line."""
    found: dict[str, tuple[int, int, list[str], str]] = {}  # name -> line, column, text lines, written line
    current: list[str] | None = None
    repeated: set[str] = set()
    for index, line in enumerate(lines):
        if not line.strip():
            return _header_parts(found, notes, max_length), (index + 1 if found else 0)
        if current is not None and line[0] in " \t":
            current.append(line)
            continue
        match = TEXT_HEADER.match(line) or (_DECLARED.match(line) if found else None)
        if not match:
            return _header_parts(found, notes, max_length), index if found else 0
        name = "attachments" if match.re is _DECLARED else TEXT_HEADER_NAMES[match.group("name").lower()]
        if name in found:
            if name not in repeated:  # one note per field, however often it repeats
                notes.append(f"line {index + 1}: a second {name!r} line is ignored")
                repeated.add(name)
            current = []
            continue
        current = [line[match.end() :].rstrip()]
        found[name] = (index + 1, match.end() + 1, current, line)
    return _header_parts(found, notes, max_length), len(lines)


def _header_parts(
    found: dict[str, tuple[int, int, list[str], str]], notes: list[str], max_length: int
) -> dict[str, Part]:
    parts = {}
    for name, (line, column, text_lines, written) in found.items():
        text = "\n".join(text_lines).rstrip()
        if len(text) > max_length:
            notes.append(header_cut_note(name, max_length))
            text = text[:max_length]
        # The line as written, field name included, is what a report shows.
        parts[name] = Part(name, text, first_line=line, first_column=column, file_lines={line: written})
    return parts
