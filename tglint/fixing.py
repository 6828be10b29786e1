"""Applying fixes to a draft file without losing a byte the fix did not mean to change.

A plain-text draft is edited in place at the fixes' lines and columns (lines as
`tglint.draft.LINE_BREAK` defines them, as the reader does), keeping its encoding and
line endings. In a MIME message only the affected header field or the affected text
part is rewritten: other headers, their order, other parts and attachments stay
byte-identical, and a rewritten part keeps its charset and transfer encoding. An
HTML alternative is edited in its source, where the shown text is written. Every
rewrite is read back and kept only if the draft's text is exactly the intended one;
a fix that cannot be applied that way is skipped, never forced, and a text a fix
changes in several alternatives is changed in all of them or in none.

Files: a draft is read once (`take_snapshot`) and written (`write_fixed`) only if it
still holds those bytes, through a temporary file renamed over it; what cannot be
rewritten without losing something (see `write_fixed`) is refused with `FixRefused`.
"""

from __future__ import annotations

import base64
import html
import os
import quopri
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from pathlib import Path

from tglint.draft import ALTERNATIVE_PART, Draft, line_starts
from tglint.limits import Limits
from tglint.models import Edit, FileResult

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


def fix_bytes(data: bytes, draft: Draft, edits: Sequence[Edit], limits: Limits | None = None) -> FixOutcome:
    """`data` with the edits applied, each kept only if the draft reads back (within `limits`) as intended."""
    limits = limits or Limits()
    if not edits:
        return FixOutcome(data)
    try:
        if draft.kind == "text":
            return _fix_text_file(data, draft, edits, limits)
        return _fix_mime(data, draft, edits, limits)
    except Exception as exc:  # real-world mail is endlessly odd: a fix that fails is skipped, never forced
        return FixOutcome(data, skipped=[f"fixes not applied ({type(exc).__name__})"])


# ----------------------------------------------------------------------------- plain text


def _fix_text_file(data: bytes, draft: Draft, edits: Sequence[Edit], limits: Limits) -> FixOutcome:
    decoded = _decode_text(data)
    if decoded is None:
        return FixOutcome(data, skipped=["the file's encoding is not UTF-8 or GB18030: fixes not applied"])
    text, encoding, bom = decoded
    # Lines and columns are the reader's (`Part.position`); the raw text keeps its CRLFs,
    # which `line_starts` counts as one break, as the reader does.
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 if line <= len(starts) else len(text)

    located = [Edit(e.part, offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in edits]
    fixed = bom + apply_edits_to_text(text, located).encode(encoding)
    expected = {name: part.text for name, part in draft.parts.items()}
    for name in {e.part for e in edits}:
        expected[name] = apply_edits_to_text(expected[name], [e for e in edits if e.part == name])
    if not _reads_back(fixed, expected, limits):
        return FixOutcome(data, skipped=["the fixed draft does not read back as intended: fixes not applied"])
    return FixOutcome(fixed, applied=len(edits))


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


def _fix_mime(data: bytes, draft: Draft, edits: Sequence[Edit], limits: Limits) -> FixOutcome:
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
            _record(outcome, rewritten, current, (part_name, part_edits), limits, "the header could not be located")
    _fix_alternatives(outcome, current, {name: by_part[name] for name in _TEXT_PARTS if name in by_part}, limits)
    return outcome


_TEXT_PARTS = ("body", ALTERNATIVE_PART)


def _fix_alternatives(
    outcome: FixOutcome, current: dict[str, str], edits: dict[str, list[Edit]], limits: Limits
) -> None:
    """Rewrite the body and the other alternatives; a text edited in several is fixed in all or in none.

    A secret masked in the plain text but left in the HTML version would still be sent:
    when one alternative cannot take an edit, the same text is left alone everywhere and
    the user is told, and the other edits are tried again without it.
    """
    texts = {name: {current[name][e.start : e.end] for e in part_edits} for name, part_edits in edits.items()}
    shared = set.intersection(*texts.values()) if len(texts) > 1 else set()
    left_alone: set[str] = set()
    while True:
        trial = FixOutcome(outcome.fixed)
        trial_current = dict(current)
        failed: set[str] = set()
        for name, part_edits in edits.items():
            kept = [e for e in part_edits if current[name][e.start : e.end] not in left_alone]
            if not kept:
                continue
            rewritten = _replace_part_text(trial.fixed, name, current[name], kept, limits)
            why = "the text part could not be rewritten in place"
            if not _record(trial, rewritten, trial_current, (name, kept), limits, why):
                failed.update(current[name][e.start : e.end] for e in kept)
        newly = (failed & shared) - left_alone
        if not newly:
            break
        left_alone |= newly
    outcome.fixed = trial.fixed
    outcome.applied += trial.applied
    outcome.skipped.extend(trial.skipped)
    current.update(trial_current)
    if left_alone:
        outcome.skipped.append(
            f"{', '.join(edits)}: a text the fix would change in every alternative could not be changed "
            "in all of them, so it is changed in none (edit it by hand)"
        )


def _record(
    outcome: FixOutcome,
    rewritten: bytes | None,
    current: dict[str, str],
    change: tuple[str, Sequence[Edit]],
    limits: Limits,
    why: str,
) -> bool:
    """Keep a rewrite only when the message reads back as intended; `current` tracks the part texts."""
    part_name, edits = change
    if rewritten is None:
        outcome.skipped.append(f"{part_name}: {why}")
        return False
    expected = dict(current)
    expected[part_name] = apply_edits_to_text(current[part_name], edits)
    # A rewritten header is folded anew; a text part must read back exactly.
    if not _reads_back(rewritten, expected, limits, part_name if part_name in _HEADER_NAMES else None):
        outcome.skipped.append(f"{part_name}: the rewritten message does not read back as intended")
        return False
    outcome.fixed = rewritten
    outcome.applied += len(edits)
    current[part_name] = expected[part_name]
    return True


def _reads_back(data: bytes, expected: dict[str, str], limits: Limits, loosely: str | None = None) -> bool:
    """The fixed draft, read again, has exactly the `expected` part texts.

    A part named `loosely` is compared with whitespace runs as one space (a rewritten
    header is folded anew).
    """
    from tglint.reading import read_bytes

    items = read_bytes(data, "fixed", limits=limits)
    if len(items) != 1 or not isinstance(items[0], Draft):
        return False
    parts = items[0].parts
    if set(parts) != set(expected):
        return False
    for name, text in expected.items():
        if name == loosely:
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
    folded = _in_original_charset(name, value, b"".join(lines[start_index:stop]), newline)
    if folded is None:
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


_ENCODED_WORD_CHARSET = re.compile(rb"=\?([^?\s*]+)(?:\*[^?\s]*)?\?[bBqQ]\?")
# RFC 2047: an encoded word is at most 75 characters.
_MAX_ENCODED_WORD = 75


def _in_original_charset(name: str, value: str, field: bytes, newline: str) -> bytes | None:
    """The field with `value` in the charset its encoded words used (`=?gbk?b?...?=`).

    None when the field had no encoded words, mixed charsets, a charset Python does
    not know, or when `value` is ASCII or cannot be written in that charset: the
    caller then writes UTF-8.
    """
    labels = {label.decode("ascii", "replace") for label in _ENCODED_WORD_CHARSET.findall(field)}
    if len({label.lower() for label in labels}) != 1 or value.isascii():
        return None
    label = labels.pop()
    try:
        value.encode(label)  # LookupError too for codecs that are not charsets (rot13)
    except (LookupError, UnicodeError):
        return None
    words: list[str] = []
    chunk = ""
    for char in value:
        if chunk and len(_b_word(label, chunk + char)) > _MAX_ENCODED_WORD:
            words.append(_b_word(label, chunk))
            chunk = ""
        chunk += char
    words.append(_b_word(label, chunk))
    return f"{name}: {(newline + ' ').join(words)}{newline}".encode("ascii")


def _b_word(label: str, text: str) -> str:
    return f"=?{label}?B?{base64.b64encode(text.encode(label)).decode('ascii')}?="


def _replace_part_text(
    data: bytes, part_name: str, part_text: str, edits: Sequence[Edit], limits: Limits
) -> bytes | None:
    """`data` with the MIME leaf that holds the edited text of `part_name` rewritten, or None."""
    from tglint.reading import text_sources

    for name, leaf, text in text_sources(data, limits):
        core = text.strip("\n")
        if name != part_name or not core:
            continue
        start = part_text.find(core)
        if start == -1 or not all(start <= e.start and e.end <= start + len(core) for e in edits):
            continue
        source = _leaf_text(leaf)
        if source is None:
            return None
        if leaf.get_content_type() == "text/html":
            changes = [(part_text[e.start : e.end], e.content) for e in edits]
            new_source = _replace_in_html(source, changes)
            return None if new_source is None else _rewrite_leaf(data, leaf, new_source)
        if len(source) != len(text):
            return None  # decoded otherwise than the reader did: offsets would not match
        lead = len(text) - len(text.lstrip("\n"))
        return _rewrite_leaf(data, leaf, apply_edits_to_text(source, edits, offset=start - lead))
    return None


def _replace_in_html(source: str, changes: Sequence[tuple[str, str]]) -> str | None:
    """The HTML with each shown text replaced wherever it is written, plainly or with entities.

    The HTML is not rendered again here: the caller reads the rewritten message back
    and keeps it only if its text is exactly the intended one.
    """
    for old, new in dict(changes).items():
        if not old:
            return None  # an insertion has no place in the source to find
        forms = [
            form for form in dict.fromkeys((old, html.escape(old, quote=False), html.escape(old))) if form in source
        ]
        if not forms:
            return None  # split by markup or written with other entities
        for form in forms:
            source = source.replace(form, html.escape(new))  # quotes too: the form may sit in an attribute
    return source


def _leaf_text(leaf: Message) -> str | None:
    payload = leaf.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    try:
        return payload.decode(leaf.get_content_charset() or "utf-8").replace("\r\n", "\n")
    except (LookupError, UnicodeDecodeError):
        return None


def _decoded(leaf: Message, charset: str) -> str:
    payload = leaf.get_payload(decode=True)
    try:
        return payload.decode(charset, errors="replace") if isinstance(payload, bytes) else ""
    except LookupError:
        return ""


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
    charset = leaf.get_content_charset() or "utf-8"
    transfer = (leaf.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    if transfer == "quoted-printable":
        inner = "\n"  # a line end is written as itself in quoted-printable: the file's, added below
    elif transfer == "base64":
        # Encoded text keeps the line ends it had inside; the encoding's own lines follow the file.
        inner = "\r\n" if "\r\n" in _decoded(leaf, charset) else "\n"
    else:
        inner = newline
    try:
        encoded = new_text.replace("\n", inner).encode(charset)
    except (LookupError, UnicodeEncodeError):
        return None
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


# ----------------------------------------------------------------------------- files


class FixRefused(Exception):
    """A draft --fix will not read or rewrite; the message says why, in one line."""


@dataclass(frozen=True)
class Snapshot:
    """A draft's bytes as read for fixing, and the file they came from."""

    target: Path  # the file itself: a symbolic link's target
    data: bytes
    status: os.stat_result


_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def take_snapshot(path: str, max_bytes: int) -> Snapshot:
    """Read a draft to fix: a regular file (through its symbolic links), at most `max_bytes` + 1 bytes.

    Anything else is refused before it is opened: a FIFO would block the run, and a
    second read of it would see other data. Raises FixRefused or OSError.
    """
    target = Path(os.path.realpath(path))
    status = os.stat(target)
    _require_regular(status)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(target, flags)
    with os.fdopen(handle, "rb") as file:
        opened = os.fstat(file.fileno())
        _require_regular(opened)
        if _identity(opened) != _identity(status):
            raise FixRefused("the file was replaced while tglint was reading it; run again")
        return Snapshot(target, file.read(max_bytes + 1), opened)


def _require_regular(status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(status.st_mode)), "not a regular file")
        raise FixRefused(f"{kind}, not a regular file: --fix and --diff read only regular files")


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def write_fixed(snapshot: Snapshot, data: bytes) -> None:
    """Replace the draft with `data`, or refuse (FixRefused) when that would lose something.

    Refused: a file that changed since it was read (an edit saved meanwhile would be
    lost), a read-only file, a file with several hard links (replacing it would break
    them) and a file whose owner or group the replacement could not keep. The new
    bytes go to a temporary file beside the target (a symbolic link's target, so the
    link stays), with the same mode, owner and group, then are renamed over it: a
    failure leaves the original as it was.
    """
    target = snapshot.target
    current = _unchanged_status(snapshot)
    if not (current.st_mode & 0o222) or not os.access(target, os.W_OK):
        raise FixRefused("the file is read-only; not rewritten")
    if current.st_nlink > 1:
        raise FixRefused(f"the file has {current.st_nlink} hard links, which --fix would break; not rewritten")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tglint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(current.st_mode))
        _keep_owner(temporary, current)
        _unchanged_status(snapshot)  # once more, as late as possible
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _unchanged_status(snapshot: Snapshot) -> os.stat_result:
    """The target's status now; FixRefused when it is not the file, or not the bytes, that were read."""
    try:
        current = os.lstat(snapshot.target)
    except FileNotFoundError:
        raise FixRefused("the file was removed while tglint was checking it; not rewritten") from None
    before = snapshot.status
    same_file = _identity(current) == _identity(before) and stat.S_ISREG(current.st_mode)
    if not same_file or (current.st_size, current.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise FixRefused("the file changed while tglint was checking it; not rewritten (run again)")
    with open(snapshot.target, "rb") as file:
        if file.read(len(snapshot.data) + 1) != snapshot.data:
            raise FixRefused("the file changed while tglint was checking it; not rewritten (run again)")
    return current


def _keep_owner(temporary: str, original: os.stat_result) -> None:
    made = os.stat(temporary)
    if (made.st_uid, made.st_gid) == (original.st_uid, original.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(temporary, original.st_uid, original.st_gid)
    except PermissionError:
        raise FixRefused("the file belongs to another user or group, which --fix cannot keep; not rewritten") from None
