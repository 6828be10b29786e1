"""Applying fixes to a draft file without losing a byte the fix did not mean to change.

A plain-text draft is edited in place at the fixes' lines and columns, keeping its
encoding and line endings. In a MIME message only the affected header field or the
affected text part is rewritten: other headers, their order, other parts and
attachments stay byte-identical, and a rewritten part keeps its charset and
transfer encoding. A fix that cannot be applied that way is skipped, never forced.
"""

from __future__ import annotations

import base64
import email
import os
import quopri
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from pathlib import Path

from tglint.draft import Draft
from tglint.models import Edit, FileResult

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADER_NAMES = {"subject": "Subject", "to": "To", "cc": "Cc", "bcc": "Bcc", "from": "From"}


@dataclass
class FixOutcome:
    fixed: bytes
    applied: int = 0
    skipped: list[str] = field(default_factory=list)


def chosen_edits(result: FileResult, *, unsafe: bool) -> list[Edit]:
    """The edits of the fixes to apply, in order; an edit overlapping an earlier one waits for a next run."""
    edits: list[Edit] = []
    for finding in result.findings:
        if finding.fix is None or (finding.fix.applicability != "safe" and not unsafe):
            continue
        edits.extend(finding.fix.edits)
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.part, e.start, e.end, e.content)):
        if any(c.part == edit.part and c.start < edit.end and edit.start < c.end for c in chosen):
            continue
        if any(c.part == edit.part and (c.start, c.end) == (edit.start, edit.end) for c in chosen):
            continue
        chosen.append(edit)
    return chosen


def apply_edits_to_text(text: str, edits: Sequence[Edit], offset: int = 0) -> str:
    """`text` with each edit's [start, end) (counted from `offset`) replaced, last first."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start - offset] + edit.content + text[edit.end - offset :]
    return text


def fix_bytes(data: bytes, draft: Draft, edits: Sequence[Edit]) -> FixOutcome:
    if not edits:
        return FixOutcome(data)
    try:
        if draft.kind == "text":
            return _fix_text_file(data, edits)
        return _fix_mime(data, draft, edits)
    except Exception as exc:  # real-world mail is endlessly odd: a fix that fails is skipped, never forced
        return FixOutcome(data, skipped=[f"fixes not applied ({type(exc).__name__})"])


# ----------------------------------------------------------------------------- plain text


def _fix_text_file(data: bytes, edits: Sequence[Edit]) -> FixOutcome:
    decoded = _decode_text(data)
    if decoded is None:
        return FixOutcome(data, skipped=["the file's encoding is not UTF-8 or GB18030: fixes not applied"])
    text, encoding, bom = decoded
    # Lines end where reading ends them (CRLF, CR, LF), not also at U+2028, FF, VT... as
    # str.splitlines has it: else an edit lands lines away from its finding.
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 if line <= len(starts) else len(text)

    located = [Edit(e.part, offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in edits]
    fixed = apply_edits_to_text(text, located)
    return FixOutcome(bom + fixed.encode(encoding), applied=len(edits))


def _decode_text(data: bytes) -> tuple[str, str, bytes] | None:
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom) :]
    for encoding in ("utf-8", "gb18030"):
        try:
            return body.decode(encoding), encoding, bom
        except UnicodeDecodeError:
            continue
    return None


# ----------------------------------------------------------------------------- MIME


def _fix_mime(data: bytes, draft: Draft, edits: Sequence[Edit]) -> FixOutcome:
    outcome = FixOutcome(data)
    current = {name: part.text for name, part in draft.parts.items()}
    by_part: dict[str, list[Edit]] = {}
    for edit in edits:
        by_part.setdefault(edit.part, []).append(edit)
    for part_name, part_edits in sorted(by_part.items()):
        part = draft.parts.get(part_name)
        if part is None:
            outcome.skipped.append(f"{part_name}: not in the message")
        elif part_name in _HEADER_NAMES:
            rewritten = _replace_header(
                outcome.fixed, _HEADER_NAMES[part_name], apply_edits_to_text(part.text, part_edits)
            )
            _record(outcome, rewritten, current, part_name, part_edits, "the header could not be located")
        elif part_name == "body":
            rewritten = _replace_body_text(outcome.fixed, part.text, part_edits)
            _record(outcome, rewritten, current, part_name, part_edits, "the text part could not be rewritten in place")
    return outcome


def _record(
    outcome: FixOutcome,
    rewritten: bytes | None,
    current: dict[str, str],
    part_name: str,
    edits: Sequence[Edit],
    why: str,
) -> None:
    """Keep a rewrite only when the message reads back as intended; `current` tracks the part texts."""
    if rewritten is None:
        outcome.skipped.append(f"{part_name}: {why}")
        return
    expected = dict(current)
    expected[part_name] = apply_edits_to_text(current[part_name], edits)
    if not _reads_back(rewritten, expected, part_name):
        outcome.skipped.append(f"{part_name}: the rewritten message does not read back as intended")
        return
    outcome.fixed = rewritten
    outcome.applied += len(edits)
    current[part_name] = expected[part_name]


def _reads_back(data: bytes, expected: dict[str, str], part_name: str) -> bool:
    """The fixed message, read again, shows the intended text in that part and nothing else changed."""
    from tglint.reading import read_bytes

    items = read_bytes(data, "fixed")
    if len(items) != 1 or not isinstance(items[0], Draft):
        return False
    parts = items[0].parts
    if set(parts) != set(expected):
        return False
    for name, text in expected.items():
        if name == part_name:
            if " ".join(parts[name].text.split()) != " ".join(text.split()):
                return False
        elif parts[name].text != text:
            return False
    return True


def _header_block_end(data: bytes) -> int:
    ends = [i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i != -1]
    return min(ends) if ends else len(data)


def _replace_header(data: bytes, name: str, value: str) -> bytes | None:
    end = _header_block_end(data)
    lines = data[:end].splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith(b"\r\n") else "\n"
    start_index = next(
        (i for i, line in enumerate(lines) if line.lower().startswith(name.lower().encode() + b":")), None
    )
    if start_index is None:
        return None
    stop = start_index + 1
    while stop < len(lines) and lines[stop][:1] in (b" ", b"\t"):
        stop += 1
    smtp = policy.SMTP.clone(linesep=newline)
    # A header object folds and RFC 2047-encodes non-ASCII text; a plain string would not be.
    try:
        folded = str(smtp.header_factory(name, value).fold(policy=smtp)).encode("ascii")
    except (UnicodeError, ValueError, IndexError, TypeError):
        return None  # a value the header machinery cannot encode: the fix is skipped, not forced
    if not lines[stop - 1].endswith((b"\n", b"\r")):
        folded = folded.rstrip(b"\r\n")
    before = b"".join(lines[:start_index])
    return before + folded + b"".join(lines[stop:]) + data[end:]


def _replace_body_text(data: bytes, body: str, edits: Sequence[Edit]) -> bytes | None:
    message = email.message_from_bytes(data, policy=policy.compat32)
    for leaf in _text_leaves(message):
        text = _leaf_text(leaf)
        if text is None:
            continue
        core = text.strip("\n")
        start = body.find(core) if core else -1
        if start == -1 or not all(start <= e.start and e.end <= start + len(core) for e in edits):
            continue
        lead = len(text) - len(text.lstrip("\n"))
        new_text = apply_edits_to_text(text, edits, offset=start - lead)
        return _rewrite_leaf(data, leaf, new_text)
    return None


def _text_leaves(message: Message) -> list[Message]:
    return [p for p in message.walk() if not p.is_multipart() and p.get_content_type() == "text/plain"]


def _leaf_text(leaf: Message) -> str | None:
    payload = leaf.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    try:
        return payload.decode(leaf.get_content_charset() or "utf-8").replace("\r\n", "\n")
    except (LookupError, UnicodeDecodeError):
        return None


def _rewrite_leaf(data: bytes, leaf: Message, new_text: str) -> bytes | None:
    raw = leaf.get_payload(decode=False)
    if not isinstance(raw, str):
        return None
    try:
        raw_bytes = raw.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return None
    if not raw_bytes or data.count(raw_bytes) != 1:
        return None
    newline = "\r\n" if b"\r\n" in raw_bytes else "\n"
    try:
        encoded = new_text.replace("\n", newline).encode(leaf.get_content_charset() or "utf-8")
    except (LookupError, UnicodeEncodeError):
        return None
    transfer = (leaf.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    if transfer == "base64":
        body = base64.encodebytes(encoded).replace(b"\n", newline.encode())
    elif transfer == "quoted-printable":
        body = quopri.encodestring(encoded).replace(b"\n", newline.encode())
    else:
        body = encoded
    if raw_bytes.endswith(newline.encode()) and not body.endswith(newline.encode()):
        body += newline.encode()
    elif not raw_bytes.endswith(newline.encode()):
        body = body.rstrip(b"\r\n")
    return data.replace(raw_bytes, body, 1)


# ----------------------------------------------------------------------------- writing


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file beside the original, same mode, then rename: a failure leaves the original."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tglint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
