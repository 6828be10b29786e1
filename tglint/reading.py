"""Read drafts from disk: plain-text drafts, MIME messages (.eml) and mbox files.

The form is decided from the content, never from the file name:
- mbox: the data starts with a "From " envelope line;
- MIME: the data starts with an RFC 5322 header block that has at least one field a
  plain-text draft would not have (Received:, Message-ID:, Content-Type:, X-...:, ...)
  or RFC 2047 encoded words;
- anything else that is text is a plain-text draft: an optional block of To:/Cc:/Bcc:/
  From:/Subject: lines (also 收件人/抄送/密送/主题/标题/发件人, with ":" or "："), a blank
  line, then the body. Its parts know their line and column in the file.

Reading never raises: problems become a `ReadError` (nothing could be read), an error
on the `Draft` (it is broken, but what could be read is still checked: a multipart
message cut off before its closing boundary), or a note on the `Draft` (something was
read with a fallback, or not read in full). A ReadError
made from an unexpected exception names its type only: an exception's text may quote
the draft, and what tglint reads must not leak into its output.

Decisions worth knowing:
- Nested messages (message/rfc822, message/global) that are not marked as attachments
  are forwarded mail: their headers and text go into the body after a
  "---------- Forwarded message ---------" line, which `find_regions` marks as quoted
  from there to the end, and their attachments are listed. A nested message whose
  Content-Disposition is "attachment" (or one inside an alternative not chosen) is
  listed as an `Attachment` of type message/rfc822 instead.
- The body is the text the reader sees: every inline text/plain or text/html part
  (HTML converted to text), in order, joined by blank lines. Inside
  multipart/alternative only the preferred branch gives the body (text/plain over
  text/html); the text of the other branches (the HTML version, mostly, which most
  clients show) goes to the `ALTERNATIVE_PART` part ("html"), read under its own
  max-body-length budget, where the rules that say so (secrets, personal data) look
  too. Other branches also give their attachments (inline screenshots of an HTML
  version are attachments the recipient gets).
- Attachment sizes are decoded sizes; parts over 1 MB of encoded text are estimated
  without decoding (base64: 3/4 of the characters that are not whitespace).
- Charsets: the declared charset is tried first (GB2312/GBK labels read as GB18030, a
  superset; Big5, EUC-KR and Shift_JIS likewise widen to their Microsoft supersets);
  then UTF-8; then the declared charset with replacements, or UTF-8 with
  replacements when the label is unknown. Every fallback adds a note. Labels of codecs
  that are not charsets (rot13, zlib, punycode, unicode_escape...) count as unknown.
  Undeclared 8-bit text (raw header bytes, text parts without a charset) is first
  tried in the first charset its message declares anywhere; then, like a plain-text
  file, as UTF-8, else GB18030, else Latin-1 (lone 8-bit bytes between ASCII letters,
  as Latin-1 accents are, go straight to Latin-1: GB18030 would misread them as
  Chinese).
- MIME structure is parsed by the standard library's feed parser with the compat32
  policy: the default policy's header parser is slow on long structured headers
  (quadratic on a run of ";") and raises RecursionError on nested comments.
- Recipients: addresses come from `email.utils.getaddresses` on the raw header (before
  encoded words are decoded, so a display name with a comma stays whole), are located
  in the decoded text (offsets of the first unused occurrence, preferring "<address>");
  when the stdlib parser fails on a value, address-like words are taken as written. An
  address that cannot be located spans the whole part.
- mbox: like `mailbox.mbox` a message starts at a line beginning with "From ", but only
  when that line looks like an envelope (an address with "@", "-", or a time of day)
  and the next line is a header field, so an unescaped "From Russia with love" in a
  body does not cut a message in two. Escaped ">From " body lines lose one ">" (else
  they would read as quoted text). Messages are reported as "path#n", 1-based, even
  when the file holds only one (a .eml saved with its envelope line is "x.eml#1"), so
  a message keeps its name as the mailbox grows.

Limits: a pre-send checker runs on whatever lands in a commit, so every input has a
bounded cost in time and memory. `Limits` holds the bounds (config: the
`[tool.tglint.limits]` table, keys in kebab-case); each is enforced as follows.
- max-file-size (50 MiB): a larger file is a ReadError; nothing beyond the limit is
  even read from disk.
- max-lines (1,000,000): only the first lines are read, with a note. The stdlib parser
  keeps every line of a part as an object of its own, so the line count, not the byte
  count, bounds its memory (a 50 MiB base64 attachment has about 700,000 lines).
- max-messages (1,000): the messages of an mbox after the limit are not read; one
  ReadError ("path#1001...") says so.
- max-depth (40, at most 200): MIME parts nested deeper are skipped with a note; the
  parser itself never descends further (the stdlib parser exhausts Python's recursion
  limit at about 600 levels).
- max-parts (5,000): MIME entities per message (the message itself, every part and
  every nested message); the parser stops at the limit, what was read is checked and a
  note says the rest was skipped.
- max-header-length (65,536): characters of one header field; the rest of the field is
  ignored, with a note. Fields the MIME parser interprets (Content-Type,
  Content-Disposition, Content-Transfer-Encoding) are unfolded and cut at 8,192
  characters and 100 parameters (its parameter parsing is quadratic in their number),
  and an entity's fields after the first 1,000 are ignored.
- max-encoded-words (2,000): RFC 2047 encoded words decoded per header field; later
  ones are left as written, with a note.
- max-body-length (100,000): characters of body text read and checked; the rest is cut
  (at a line end when one is near) with a note. HTML parts are converted only while
  there is room, and at most 20 characters of HTML are read per character of room.
Every note a limit adds starts with `PARTIAL_NOTE` ("not fully read: ") and names
the limit's key, so `is_partial` tells whether a draft was read in full (a fixer must
not rewrite a draft it has not seen whole).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import fnmatch
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import Compat32
from email.utils import getaddresses
from enum import Enum
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from tglint.draft import (
    ALTERNATIVE_PART,
    LINE_BREAK,
    Attachment,
    Draft,
    Part,
    Placement,
    ReadError,
    Recipient,
    normalise_line_breaks,
)
from tglint.gitignore import MAX_GITIGNORE_BYTES, Ignores
from tglint.html_text import html_to_text
from tglint.limits import Limits
from tglint.quoting import find_regions

ReadResult = list[Draft | ReadError]

PARTIAL_NOTE = "not fully read: "


def is_partial(draft: Draft) -> bool:
    """Whether a limit kept part of the draft from being read."""
    return any(note.startswith(PARTIAL_NOTE) for note in draft.notes)


def _partial(what: str, key: str | None) -> str:
    """A note that something was not read; `key` names the limit a user can raise."""
    return f"{PARTIAL_NOTE}{what} ({key})" if key else f"{PARTIAL_NOTE}{what}"


# --------------------------------------------------------------------------- entry points


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
        return [ReadError(path, f"cannot read: {_one_line(error)}")]
    return read_bytes(data, path, limits=limits)


def read_bytes(data: bytes, path: str, *, limits: Limits | None = None, max_bytes: int | None = None) -> ReadResult:
    """Drafts (or errors) in `data`, decided from its content; never raises."""
    try:
        return _read_bytes(data, path, _effective_limits(limits, max_bytes))
    except Exception as error:
        return [ReadError(path, f"cannot read: {_one_line(error)}")]


def _effective_limits(limits: Limits | None, max_bytes: int | None) -> Limits:
    limits = limits or Limits()
    return limits if max_bytes is None else replace(limits, max_file_size=max_bytes)


def discover(
    paths: Sequence[str],
    include: Sequence[str] = ("*",),
    exclude: Sequence[str] = (),
    *,
    count: WalkCount | None = None,
    respect_gitignore: bool = True,
    skip: str | os.PathLike[str] | None = None,
) -> Iterator[str | ReadError]:
    """Files to read: named files as given, directories walked in sorted order.

    A path named on the command line is always read, whatever its name. In a walked
    directory a file is taken when its name matches an include glob (by its path relative
    to the walked directory, or its name alone), or else when its content starts like a
    mail: an mbox "From " line, or a header block naming From/To/Subject/Date/Message-ID
    (or 收件人/主题...); other files are skipped. Left out, and not looked into:

    - hidden files and directories (".git", ".venv", ".DS_Store");
    - what an exclude glob matches, and what a `.gitignore` of the walked tree ignores
      (`tglint.gitignore`; `respect_gitignore=False` turns that off);
    - directories of installed software: virtualenvs (any directory holding
      `pyvenv.cfg`), `node_modules`, `site-packages`, `__pycache__`, `__pypackages__`;
    - FIFOs, sockets and devices, and symbolic links to directories (no loops).

    The file `skip` (the report being written) is never found in a directory, under any
    name: it is looked up when the walk starts, so a report opened before then is recognised.

    `count`, if given, adds up what was skipped and ignored, for the line that says so.
    A directory, or an entry of one, that cannot be read is a `ReadError` (the walk
    goes on with the rest), and so is a walked directory in which nothing was found.
    """
    count = count if count is not None else WalkCount()
    skipped: tuple[int, int] | None = None
    for path in paths:
        if path != "-" and os.path.isdir(path):
            if skip is not None and skipped is None:
                skipped = _identity_of(skip)
            walker = _Walker(path, include, exclude, respect_gitignore, skipped)
            yield from walker.walk("", Ignores())
            count.add(walker.count)
            if not walker.yielded:
                yield ReadError(path, "no drafts found" + walker.count.details(empty="the directory is empty"))
        else:
            yield path


def _identity_of(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None  # not there: nothing to skip
    return status.st_dev, status.st_ino


def is_included(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether walking a directory would check the file at `relative` (a path with "/")
    in it: as `discover` decides, an include glob and no exclude glob match its path or
    its name, and no exclude glob matches a directory on the way."""
    *directories, name = relative.split("/")
    for depth in range(1, len(directories) + 1):
        if _matches("/".join(directories[:depth]), directories[depth - 1], exclude):
            return False
    return _matches(relative, name, include) and not _matches(relative, name, exclude)


def _read_at_most(path: str, max_bytes: int) -> bytes:
    """The file's bytes; one byte over the limit is enough to know it is too large."""
    if path == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)


@dataclass
class WalkCount:
    """What walking directories passed over: said on one stderr line, so that a rule that
    leaves files out is never silent."""

    skipped: int = 0  # files neither named like a draft (include) nor starting like a mail
    ignored: int = 0  # files and directories left out by exclude, a .gitignore, or as installed software

    def add(self, other: WalkCount) -> None:
        self.skipped += other.skipped
        self.ignored += other.ignored

    def details(self, *, empty: str = "") -> str:
        """What was passed over, as ": 3 files skipped (why), 2 ignored (why)"; ": {empty}" if nothing."""
        said = []
        if self.skipped:
            noun = "file" if self.skipped == 1 else "files"
            said.append(
                f"{self.skipped:,} {noun} skipped (not named like drafts by `include`, not starting like a mail)"
            )
        if self.ignored:
            said.append(f"{self.ignored:,} ignored (exclude, .gitignore, virtualenvs, node_modules)")
        if not said:
            return f": {empty}" if empty else ""
        return ": " + ", ".join(said)


# Directories of installed software: their README.md and LICENSE.txt are nobody's drafts.
_SOFTWARE_DIRS = frozenset({"node_modules", "site-packages", "__pycache__", "__pypackages__"})
_VENV_MARKER = "pyvenv.cfg"  # in the top directory of every virtualenv (PEP 405)
_GITIGNORE = ".gitignore"
# Enough of a file to see whether it starts like a mail.
_SNIFF_HEAD = 8 * 1024


class _Walker:
    """One directory named on the command line, walked."""

    def __init__(
        self,
        root: str,
        include: Sequence[str],
        exclude: Sequence[str],
        respect_gitignore: bool,
        skipped: tuple[int, int] | None = None,
    ) -> None:
        self._root = root
        self._skipped = skipped  # (device, inode) of the report being written
        self._include = include
        self._exclude = exclude
        self._respect_gitignore = respect_gitignore
        self.count = WalkCount()
        self.yielded = 0  # files and errors

    def walk(self, relative: str, ignores: Ignores) -> Iterator[str | ReadError]:
        directory = self._path(relative)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(
                    ((entry.name, entry) for entry in scan if not _is_file(entry, self._skipped)),
                    key=lambda item: item[0],
                )
        except OSError as error:
            yield self._error(directory, error)
            return
        names = {name for name, _ in entries}
        if relative and _VENV_MARKER in names:
            self.count.ignored += 1
            return
        if self._respect_gitignore and _GITIGNORE in names:
            try:
                ignores = ignores.with_file(relative, _read_text_head(self._path(f"{relative}/{_GITIGNORE}")))
            except OSError as error:
                yield self._error(self._path(f"{relative}/{_GITIGNORE}"), error)
        for name, entry in entries:
            if name.startswith("."):
                continue
            child = f"{relative}/{name}" if relative else name
            try:
                kind = _kind(entry)
            except OSError as error:
                yield self._error(self._path(child), error)
                continue
            if kind is None:
                continue
            is_dir = kind == "directory"
            if (
                (is_dir and name in _SOFTWARE_DIRS)
                or _matches(child, name, self._exclude)
                or ignores.ignored(child, is_dir=is_dir)
            ):
                self.count.ignored += 1
            elif is_dir:
                yield from self.walk(child, ignores)
            else:
                yield from self._file(child, name)

    def _file(self, child: str, name: str) -> Iterator[str | ReadError]:
        path = self._path(child)
        if not _matches(child, name, self._include):
            try:
                with open(path, "rb") as handle:
                    head = handle.read(_SNIFF_HEAD)
            except FileNotFoundError:  # a broken link, or gone since the scan
                self.count.skipped += 1
                return
            except OSError as error:
                yield self._error(path, error)
                return
            if not starts_like_a_mail(head):
                self.count.skipped += 1
                return
        self.yielded += 1
        yield path

    def _path(self, relative: str) -> str:
        return os.path.join(self._root, *relative.split("/")) if relative else self._root

    def _error(self, path: str, error: OSError) -> ReadError:
        self.yielded += 1
        return ReadError(path, f"cannot read: {error.strerror or type(error).__name__}")


def _read_text_head(path: str) -> str:
    with open(path, "rb") as handle:
        return handle.read(MAX_GITIGNORE_BYTES).decode("utf-8", "replace")


def _kind(entry: os.DirEntry[str]) -> str | None:
    """ "directory" (not through a link), "file" (a regular one, or a link to one), or None.

    FIFOs, sockets and devices found in a directory are skipped (opening a FIFO waits
    forever for a writer; named on the command line one is read: `<(cat x.eml)` is
    one), and so are links to directories. A broken link is kept: reading it says so.
    Raises OSError when the entry cannot be looked at.
    """
    if entry.is_dir(follow_symlinks=False):
        return "directory"
    if entry.is_file():
        return "file"
    return "file" if entry.is_symlink() and not os.path.exists(entry.path) else None


def _is_file(entry: os.DirEntry[str], identity: tuple[int, int] | None) -> bool:
    """Whether `entry` is the file of that (device, inode), itself or through a link."""
    if identity is None:
        return False
    try:
        if entry.is_symlink():
            status = entry.stat()
        elif entry.inode() == identity[1]:  # free from the directory listing; stat only on a match
            status = entry.stat(follow_symlinks=False)
        else:
            return False
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == identity


def _matches(relative: str, name: str, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in globs)


# Header fields only a mail has: one of them in a file's opening header block makes it a draft.
_MAIL_FIELDS = frozenset(
    {"from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "mime-version", "reply-to",
     "return-path", "delivered-to", "in-reply-to", "references", "sender"}
)  # fmt: skip


def starts_like_a_mail(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a mail: an mbox envelope line, or a
    header block (before any other text) that names a mail field or a draft's 收件人/主题."""
    content = head.removeprefix(_UTF8_BOM)
    if content.startswith(_UTF16_BOMS):
        content = content.decode("utf-16", "replace").encode("utf-8")
    if b"\x00" in content:
        return False
    if _is_envelope_line_at(content, 0):
        return True
    text = content.decode("utf-8", "replace")
    named_a_mail_field = False
    for index, line in enumerate(text.lstrip("\r\n").splitlines()):
        if not line.strip():
            return named_a_mail_field  # the header block ends
        if line[0] in " \t" and index > 0:
            continue  # a folded field
        if _TEXT_HEADER.match(line):
            named_a_mail_field = True
            continue
        field = _FIELD_NAME.match(line)
        if field is None:
            return False
        named_a_mail_field = named_a_mail_field or field.group(1).lower() in _MAIL_FIELDS
    return named_a_mail_field  # a header block longer than the head


# --------------------------------------------------------------------------- form of the data


class _Form(Enum):
    MBOX = "mbox"
    MIME = "mime"
    TEXT = "text"
    BINARY = "binary"


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Enough to see a header block's first fields; long headers (DKIM) come in lines.
_SNIFF_BYTES = 64 * 1024
# More control bytes than this share of the start means it is not text.
_BINARY_CONTROL_SHARE = 0.1
_BINARY_CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\f\x1b")

_HEADER_FIELD = re.compile(rb"[\x21-\x39\x3b-\x7e]+:")
_OBSOLETE_HEADER_FIELD = re.compile(rb"([\x21-\x39\x3b-\x7e]+)[ \t]+:")
_FIELD_NAME = re.compile(r"([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)")
_LEADING_BLANK_LINES = re.compile(rb"\A(?:[ \t]*\r?\n)+")
_ENCODED_WORD_START = "=?"

# Fields a plain-text draft may carry; any other header field means a real message.
_DRAFT_FIELDS = frozenset({"to", "cc", "bcc", "from", "subject"})
# One-word RFC 5322 / news fields; hyphenated names (Message-ID, X-...) count anyway.
_MESSAGE_FIELDS = frozenset(
    {"received", "date", "sender", "references", "comments", "keywords", "path",
     "newsgroups", "organization", "importance", "priority", "precedence", "status",
     "lines", "approved", "xref", "encrypted", "received-spf", "replied", "recieved"}
)  # fmt: skip


def _read_bytes(data: bytes, path: str, limits: Limits) -> ReadResult:
    if not data:
        return [ReadError(path, "empty file")]
    if len(data) > limits.max_file_size:
        return [ReadError(path, f"too large: over the {limits.max_file_size:,}-byte limit for one file")]
    content = data.removeprefix(_UTF8_BOM)
    form = _detect_form(content)
    if form is _Form.BINARY:
        return [ReadError(path, "binary file, not an e-mail draft")]
    notes: list[str] = []
    if form is _Form.TEXT:
        return [_guarded(_read_text_draft, _first_lines(data, limits.max_lines, notes), path, limits, notes)]
    content = _first_lines(content, limits.max_lines, notes)
    if form is _Form.MBOX:
        return _read_mbox(content, path, limits, notes)
    return [_guarded(_read_mime, content, path, limits, notes)]


def _detect_form(content: bytes) -> _Form:
    head = content[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return _Form.TEXT
    if _is_envelope_line_at(head, 0):
        return _Form.MBOX
    if _starts_with_message_headers(head):
        return _Form.MIME
    if _looks_binary(head):
        return _Form.BINARY
    return _Form.TEXT


def _starts_with_message_headers(head: bytes) -> bool:
    """Whether `head` opens with a header block only a real message would have."""
    # Latin-1 keeps every byte one character; str.splitlines() would also break at bytes
    # 0x85 and 0x1C-0x1E, which UTF-8 text holds ("入" is E5 85 A5).
    lines = LINE_BREAK.split(_LEADING_BLANK_LINES.sub(b"", head, count=1).decode("latin-1"))
    if lines[-1] == "":
        lines.pop()  # after the last line end
    for index, line in enumerate(lines):
        if not line:
            return False
        # Obsolete syntax folds over whitespace-only lines too.
        if line[0] in " \t" and index > 0:
            if _ENCODED_WORD_START in line:
                return True
            continue
        match = _FIELD_NAME.match(line.lstrip())
        if not match:
            return False
        name, value = match.group(1).lower(), match.group(2)
        if name in _DRAFT_FIELDS:
            if _ENCODED_WORD_START in value:
                return True
        elif "-" in name or name in _MESSAGE_FIELDS:
            return True
    # A header block longer than the window is no hand-written draft header.
    return len(head) >= _SNIFF_BYTES


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))
    return controls > len(head) * _BINARY_CONTROL_SHARE


_Reader = Callable[[bytes, str, Limits, list[str]], Draft]


def _guarded(reader: _Reader, data: bytes, path: str, limits: Limits, notes: Sequence[str] = ()) -> Draft | ReadError:
    """Run one message's reader; whatever goes wrong becomes a one-line ReadError."""
    try:
        return reader(data, path, limits, list(notes))
    except Exception as error:
        return ReadError(path, f"cannot read this message: {_one_line(error)}")


def _one_line(error: BaseException) -> str:
    """What went wrong, by the exception's type: its text may quote the draft."""
    if isinstance(error, RecursionError):
        return "structure nested too deeply (RecursionError)"
    if isinstance(error, MemoryError):
        return "out of memory (MemoryError)"
    return f"unexpected {type(error).__name__}"


# --------------------------------------------------------------------------- line limit


# Line ends are counted chunk by chunk, so a file under the limit costs a few scans.
_LINE_COUNT_CHUNK = 1024 * 1024


def _first_lines(data: bytes, max_lines: int, notes: list[str]) -> bytes:
    """`data` cut after its `max_lines`-th line end (LF, CR or CRLF), with a note when cut."""
    if len(data) <= max_lines:
        return data
    seen = 0
    for start in range(0, len(data), _LINE_COUNT_CHUNK):
        stop = min(start + _LINE_COUNT_CHUNK, len(data))
        here = _line_ends(data, start, stop)
        if seen + here >= max_lines:
            low, high = start, stop
            while low < high:
                middle = (low + high) // 2
                if seen + _line_ends(data, start, middle) >= max_lines:
                    high = middle
                else:
                    low = middle + 1
            cut = low + 1 if data[low - 1 : low + 1] == b"\r\n" else low
            if data.startswith(_UTF16_BOMS):
                cut -= cut % 2  # a UTF-16 code unit is never split
            if cut >= len(data):
                return data
            notes.append(_partial(f"the file has more than {max_lines:,} lines; only the first are read", "max-lines"))
            return data[:cut]
        seen += here
    return data


def _line_ends(data: bytes, start: int, stop: int) -> int:
    """Line ends that end inside data[start:stop], a CRLF counting once."""
    ends = data.count(b"\n", start, stop) + data.count(b"\r", start, stop) - data.count(b"\r\n", start, stop)
    if start > 0 and data[start - 1 : start + 1] == b"\r\n":
        ends -= 1  # that LF ends the line its CR, before `start`, already ended
    return ends


# --------------------------------------------------------------------------- mbox


_LINE_START_FROM = re.compile(rb"^From ", re.MULTILINE)
_ENVELOPE_SHAPE = re.compile(rb"From (?:-|\S*@|\S+[ \t].*\b\d{1,2}:\d{2}\b)")
# Writers escape a body's "From " lines as ">From " (mboxrd adds one ">" to any ">From ").
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
# An envelope line is short; the cap keeps a huge one-line file cheap to test.
_MAX_ENVELOPE_LINE = 1000


def _read_mbox(content: bytes, path: str, limits: Limits, notes: Sequence[str] = ()) -> ReadResult:
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
            read = _guarded(partial(_read_mime, first_line=first_line), message, message_path, limits)
            if isinstance(read, Draft):
                read = replace(read, message_number=number, source_file=path)
            results.append(read)
    last = results[-1] if results else None
    if notes and isinstance(last, Draft):
        # Only the last message read can have lost lines to the line limit, and if that
        # cut it before a closing boundary, the limit did, not whoever wrote the file.
        if last.error == TRUNCATED:
            last = replace(last, error=None, notes=(*last.notes, _TRUNCATED_BY_LIMIT))
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
        if _is_envelope_line_at(content, match.start()):
            starts.append(match.start())
    starts.append(len(content))
    line, counted = 1, 0
    for start, stop in pairwise(starts):
        body_start = content.find(b"\n", start, stop)
        if body_start < 0:
            yield line, b""
            continue
        line += _line_ends(content, counted, body_start + 1)
        counted = body_start + 1
        message = _without_separator_line(content[body_start + 1 : stop])
        yield line, _ESCAPED_FROM.sub(rb"\1", message)


def _is_envelope_line_at(content: bytes, start: int) -> bool:
    """Whether a "From " envelope line starts at `start` and a header field follows it."""
    end = content.find(b"\n", start, start + _MAX_ENVELOPE_LINE)
    if end < 0:
        if len(content) - start > _MAX_ENVELOPE_LINE:
            return False
        end = len(content)
    if not _ENVELOPE_SHAPE.match(content[start:end].rstrip(b"\r")):
        return False
    following = content[end + 1 : end + 1 + _MAX_ENVELOPE_LINE]
    return not following or bool(_HEADER_FIELD.match(following)) or following.startswith(b"From ")


def _without_separator_line(message: bytes) -> bytes:
    """Drop the blank line an mbox writer puts between messages."""
    for line_end in (b"\r\n", b"\n"):
        if message.endswith(line_end * 2):
            return message[: -len(line_end)]
    return message


# --------------------------------------------------------------------------- charsets


# Labels Python does not know, or knows as a narrower codec than mailers mean.
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
_ASCII_LABELS = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us"})
# Text codecs that read bytes as code, not as characters: no mailer means them.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})


def _clean_label(label: str) -> str:
    """'CHarset="GBK"' or "utf-8*en" as mailers write them, down to the charset name."""
    return _CHARSET_LABEL_NOISE.sub("", label.strip().strip("\"'")).split("*")[0].strip().lower()


def _codec_for(label: str | None) -> str | None:
    """A Python codec for a charset label as mailers write it, or None if unknown."""
    if not label:
        return None
    cleaned = _clean_label(label)
    cleaned = _CHARSET_ALIASES.get(cleaned, cleaned)
    try:
        info = codecs.lookup(cleaned)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return _CHARSET_ALIASES.get(info.name.replace("_", "-"), info.name)


def _decode_declared(data: bytes, label: str | None, where: str, notes: list[str]) -> str:
    """Text of `data` in its declared charset, with the fallbacks the module describes."""
    if not label or _clean_label(label) in _ASCII_LABELS:
        return _decode_undeclared(data, where, notes)
    codec = _codec_for(label)
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


def _decode_undeclared(data: bytes, where: str, notes: list[str]) -> str:
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


def _decode_hinted(data: bytes, hint: str | None, where: str, notes: list[str]) -> str:
    """Undeclared text, first tried in the charset the rest of its message declares."""
    codec = None if hint is None or _clean_label(hint) in _ASCII_LABELS else _codec_for(hint)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeError:
            pass
    return _decode_undeclared(data, where, notes)


def _from_surrogates(text: str) -> bytes:
    """The original bytes behind a str the email parser made with surrogateescape."""
    return text.encode("utf-8", errors="surrogateescape")


_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")


def _has_surrogates(text: str) -> bool:
    return _SURROGATE_ESCAPE.search(text) is not None


# --------------------------------------------------------------------------- headers


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=")
# Folding whitespace becomes one space: a tab left from folding is noise to a reader.
_FOLD = re.compile(r"\r?\n[ \t]+")
_STRAY_NEWLINE = re.compile(r"[\r\n]+")
_DEFAULT_LIMITS = Limits()


def _decode_header(
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
    unfolded = _STRAY_NEWLINE.sub(" ", _FOLD.sub(" ", raw)).strip()
    pieces: list[str] = []
    pending: list[tuple[bytes, str]] = []  # adjacent words of one charset decode together
    position = 0
    for count, match in enumerate(_ENCODED_WORD.finditer(unfolded)):
        if count >= max_words:
            what = f"{where}: more than {max_words:,} encoded words; the rest are left as written"
            notes.append(_partial(what, "max-encoded-words"))
            break
        between = unfolded[position : match.start()]
        word = _encoded_word_bytes(match.group(2), match.group(3))
        if word is None:
            continue
        if between and not (pending and not between.strip()):
            pieces.append(_flush_words(pending, where, notes))
            pieces.append(_decode_raw_text(between, where, notes, hint))
        charset = match.group(1)
        if pending and pending[-1][1].lower() != charset.lower():
            pieces.append(_flush_words(pending, where, notes))
        pending.append((word, charset))
        position = match.end()
    pieces.append(_flush_words(pending, where, notes))
    pieces.append(_decode_raw_text(unfolded[position:], where, notes, hint))
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
    text = _decode_declared(b"".join(word for word, _ in pending), pending[0][1], where, notes)
    pending.clear()
    return text


def _decode_raw_text(text: str, where: str, notes: list[str], hint: str | None = None) -> str:
    if not _has_surrogates(text):
        return text
    return _decode_hinted(_from_surrogates(text), hint, where, notes)


class _Headers:
    """Header values of one message, read from the raw fields (policy parsing can raise)."""

    def __init__(self, message: Message, notes: list[str], limits: Limits) -> None:
        self._raw: dict[str, list[str]] = {}
        for name, value in message.raw_items():
            self._raw.setdefault(name.strip().lower(), []).append(str(value))
        self._notes = notes
        self._limits = limits
        self.charset_hint = _charset_hint(message)

    def raw(self, name: str) -> str | None:
        values = self._raw.get(name)
        if not values:
            return None
        value = ", ".join(values) if name in _ADDRESS_FIELDS else values[0]
        limit = self._limits.max_header_length
        if len(value) > limit:
            # Each field is cut by the parser already; several To: fields add up.
            self._notes.append(_header_cut_note(name, limit))
            value = value[:limit]
        return value

    def text(self, name: str) -> str | None:
        raw = self.raw(name)
        if raw is None:
            return None
        return _decode_header(raw, name, self._notes, self.charset_hint, self._limits.max_encoded_words)

    def unfolded(self, name: str) -> str | None:
        """The raw value unfolded, 8-bit bytes decoded, encoded words left as written."""
        raw = self.raw(name)
        if raw is None:
            return None
        return _decode_raw_text(_STRAY_NEWLINE.sub(" ", _FOLD.sub(" ", raw)), name, [], self.charset_hint)


def _header_cut_note(name: str, limit: int) -> str:
    what = f"the {name[:40]} header is longer than {limit:,} characters; the rest is ignored"
    return _partial(what, "max-header-length")


# The first text parts are enough to learn a message's charset.
_CHARSET_HINT_PARTS = 20


def _charset_hint(message: Message) -> str | None:
    """The first charset the message declares (some put it on the multipart only)."""
    for index, part in enumerate(message.walk()):
        if index >= _CHARSET_HINT_PARTS:
            break
        charset = _safely(part.get_content_charset, None)
        if charset:
            return charset
    return None


_ADDRESS_FIELDS = ("to", "cc", "bcc", "from")
_RECIPIENT_FIELDS = ("to", "cc", "bcc")


# --------------------------------------------------------------------------- recipients


# Runs of characters that may belong to an address; one with an "@" inside is taken as one.
_ADDRESS_RUN = re.compile(r"[^\s<>,;:\"'()\[\]]+")
_SEPARATOR_LOOKALIKES = str.maketrans({"；": ",", ";": ",", "，": ",", "、": ",", "＜": "<", "＞": ">"})
# How far past a plain occurrence of an address its "<address>" form is looked for.
_BRACKET_WINDOW = 1024


def _recipients(field: str, text: str, parse_source: str, max_words: int) -> list[Recipient]:
    """Addresses of one header part, each with its offsets in the part's text."""
    found: list[Recipient] = []
    seen: set[str] = set()
    cursor = 0
    locator = _Locator(text)
    parsed = _parsed_addresses(parse_source)
    for raw_name, address in parsed:
        address = address.strip()
        display_name = _decode_header(raw_name, field, [], max_words=max_words) if raw_name else ""
        if not _is_plausible_address(address) or address.lower() in seen:
            continue
        start = locator.find(address, cursor)
        if start < 0:
            found.append(Recipient(field, address, display_name.strip(), 0, len(text)))
        else:
            found.append(Recipient(field, address, display_name.strip(), start, start + len(address)))
            cursor = start + len(address)
        seen.add(address.lower())
    if parsed and all(_is_plausible_address(address.strip()) for _, address in parsed):
        return found
    # getaddresses gives up on "a@x.org b@y.org" (or raises): what it missed is still an address.
    for match in _ADDRESS_RUN.finditer(text):
        address = match.group(0)
        if "@" not in address[1:-1]:
            continue
        address = address.rstrip(".")
        if _is_plausible_address(address) and address.lower() not in seen:
            found.append(Recipient(field, address, "", match.start(), match.start() + len(address)))
            seen.add(address.lower())
    return sorted(found, key=lambda recipient: recipient.start)


def _parsed_addresses(source: str) -> list[tuple[str, str]]:
    """(display name, address) pairs; [] when the stdlib parser breaks on the value."""
    try:
        return getaddresses([source])
    except Exception:  # RecursionError on a 135 kB header, and worse
        return []


def _is_plausible_address(address: str) -> bool:
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain) and not any(char.isspace() for char in address)


class _Locator:
    """Finds where addresses are written in a header's text, in linear time overall."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered: str | None = None

    def find(self, address: str, cursor: int) -> int:
        """Where `address` is written from `cursor` on, preferring its <angle-bracket> form."""
        text = self._text
        plain = text.find(address, cursor)
        if plain >= 0:
            # The bracketed form follows a display name that repeats the address, if any.
            bracketed = text.find(f"<{address}>", cursor, plain + len(address) + _BRACKET_WINDOW)
            return bracketed + 1 if bracketed >= 0 else plain
        if self._lowered is None:
            self._lowered = text.lower()
        return self._lowered.find(address.lower())


def _all_recipients(parts: dict[str, Part], sources: dict[str, str], limits: Limits) -> tuple[Recipient, ...]:
    recipients: list[Recipient] = []
    for field in _RECIPIENT_FIELDS:
        part = parts.get(field)
        if part is not None:
            recipients += _recipients(field, part.text, sources.get(field, part.text), limits.max_encoded_words)
    return tuple(recipients)


# --------------------------------------------------------------------------- plain-text drafts


_TEXT_HEADER = re.compile(
    r"(?P<name>to|cc|bcc|from|subject|收件人|抄送|密送|主题|标题|发件人)[ \t]*[:：][ \t]*",
    re.IGNORECASE,
)
_TEXT_HEADER_NAMES = {
    "to": "to", "cc": "cc", "bcc": "bcc", "from": "from", "subject": "subject",
    "收件人": "to", "抄送": "cc", "密送": "bcc", "主题": "subject", "标题": "subject",
    "发件人": "from",
}  # fmt: skip


def text_draft_text(data: bytes, notes: list[str] | None = None) -> str:
    """A plain-text draft's whole text as the reader numbers it: decoded, LF line ends, hidden controls replaced."""
    return _visible(normalise_line_breaks(_decode_text_file(data, notes if notes is not None else [])))


def _read_text_draft(data: bytes, path: str, limits: Limits, notes: list[str]) -> Draft:
    text = text_draft_text(data, notes)
    lines = text.split("\n")
    parts, body_index = _text_header_parts(lines, notes, limits.max_header_length)
    body_offset = sum(len(line) + 1 for line in lines[:body_index])
    del lines
    body = _cut_body(text[body_offset:], limits.max_body_length, notes)
    parts["body"] = Part("body", body, first_line=body_index + 1, regions=find_regions(body))
    # People type "a@x.org；b@y.org" or "a@x.org; b@y.org"; the stdlib parser wants commas.
    sources = {
        field: parts[field].text.translate(_SEPARATOR_LOOKALIKES) for field in _RECIPIENT_FIELDS if field in parts
    }
    return Draft(
        path=path,
        kind="text",
        parts=parts,
        recipients=_all_recipients(parts, sources, limits),
        can_attach=False,
        notes=tuple(dict.fromkeys(notes)),
    )


def _decode_text_file(data: bytes, notes: list[str]) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    return _decode_undeclared(data.removeprefix(_UTF8_BOM), "file", notes)


# Control characters no mail client shows. Some would drive the terminal a report is
# printed on (ESC, CSI), and some end a line for str.splitlines() but not for tglint's
# line numbers (VT, FF, FS-RS, NEL). Each becomes U+FFFD: offsets do not move.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A header is one line: a line break decoded from an encoded word is a space.
_HEADER_BREAKS = str.maketrans("\t\n\r", "   ")


def _visible(text: str) -> str:
    """`text` with the control characters a reader never sees replaced, tabs and newlines kept."""
    return _CONTROLS.sub("\ufffd", text)


def _visible_line(text: str) -> str:
    return _visible(text.translate(_HEADER_BREAKS))


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
        match = _TEXT_HEADER.match(line)
        if not match:
            return _header_parts(found, notes, max_length), index if found else 0
        name = _TEXT_HEADER_NAMES[match.group("name").lower()]
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
            notes.append(_header_cut_note(name, max_length))
            text = text[:max_length]
        # The line as written, field name included, is what a report shows.
        parts[name] = Part(name, text, first_line=line, first_column=column, file_lines={line: written})
    return parts


def _cut_body(text: str, limit: int, notes: list[str], what: str = "body") -> str:
    """The body (or the text of another alternative) up to `limit` characters, cut at a line end when one is near."""
    if len(text) <= limit:
        return text
    line_end = text.rfind("\n", limit - limit // 10, limit)
    cut = line_end if line_end > 0 else limit
    notes.append(
        _partial(f"the {what} is longer than {limit:,} characters; only the first {cut:,} are read", "max-body-length")
    )
    return text[:cut]


_PART_NAMES = {"body": "body", ALTERNATIVE_PART: "HTML alternative"}


# --------------------------------------------------------------------------- MIME structure


_STRUCTURAL_FIELDS = frozenset({"content-type", "content-disposition", "content-transfer-encoding"})
# Longer MIME fields are junk (though a test suite has a 7,000-character boundary), and
# the parser's parameter handling is quadratic in the number of ";" of a field.
_MAX_STRUCTURAL_LENGTH = 8192
_MAX_PARAMETERS = 100
# Fields of one entity after these are ignored (real mail has a few dozen).
_MAX_FIELDS = 1000
# Fed in pieces, the parser splits lines as it goes instead of all at once.
_FEED_CHUNK = 64 * 1024
# Marks an entity whose nested parts the parser was told not to read.
_TOO_DEEP_HEADER = "X-Tglint-Not-Read"
# The type of a message/* entity with a base64 or quoted-printable body, read as a leaf.
_ENCODED_TYPE_HEADER = "X-Tglint-Encoded-Type"
_DECODED_ENCODINGS = frozenset({"base64", "quoted-printable"})
_CONTAINER_TYPES = ("multipart", "message")


class _RawValues(Compat32):
    """compat32, except that a value with 8-bit bytes is returned as parsed (surrogate-
    escaped) rather than as a Header that turns those bytes into U+FFFD: this module
    decodes them itself (a raw "filename=管理.doc" stays readable)."""

    def header_fetch_parse(self, name: str, value: str) -> str:
        return value


_POLICY = _RawValues()


class _PartLimitReached(Exception):
    """The message has more MIME entities than `max-parts` allows."""


class _Budget:
    """What the rest of one message may cost: the limits, and entities counted so far."""

    def __init__(self, limits: Limits, notes: list[str]) -> None:
        self.limits = limits
        self.notes = notes
        self.parts = 0

    def count_part(self) -> None:
        self.parts += 1
        if self.parts > self.limits.max_parts:
            what = f"the message has more than {self.limits.max_parts:,} MIME parts; the rest are skipped"
            self.notes.append(_partial(what, "max-parts"))
            raise _PartLimitReached


if TYPE_CHECKING:
    _ParserBase = BytesFeedParser[Message]
else:  # not subscriptable at run time
    _ParserBase = BytesFeedParser


class _LimitedParser(_ParserBase):
    """The stdlib feed parser, stopped at the limits before it builds what they forbid.

    Its hooks are private methods of `FeedParser` (stable since Python 3.3): each new
    entity is counted, each header block is cut to size, and an entity at the depth
    limit that would nest more parts is retyped as an opaque leaf before its body is
    parsed, so the parser never descends past the limit.
    """

    def __init__(self, budget: _Budget, depth: int) -> None:
        super().__init__(policy=_POLICY)
        self._budget = budget
        self._depth = depth  # of the first entity this parser reads, in the whole draft
        self.root: Message | None = None

    def _new_message(self) -> None:
        self._budget.count_part()
        super()._new_message()  # type: ignore[misc]
        if self.root is None:
            self.root = self._cur  # type: ignore[attr-defined]

    def _parse_headers(self, lines: list[str]) -> None:
        super()._parse_headers(_bounded_header_lines(lines, self._budget))  # type: ignore[misc]
        entity: Message = self._cur  # type: ignore[attr-defined]
        depth = self._depth + len(self._msgstack) - 1  # type: ignore[attr-defined]
        maintype = entity.get_content_maintype()
        if maintype not in _CONTAINER_TYPES:
            return
        if depth >= self._budget.limits.max_depth:
            _retype(entity, _TOO_DEEP_HEADER, "nested too deep")
        elif maintype == "message" and _transfer_encoding(entity) in _DECODED_ENCODINGS:
            # The parser would read the encoded text as a message; tglint decodes it first.
            _retype(entity, _ENCODED_TYPE_HEADER, entity.get_content_type())


def _retype(entity: Message, marker: str, value: str) -> None:
    """Make `entity` a leaf the parser does not look into, and say why in `marker`."""
    del entity["Content-Type"]
    entity["Content-Type"] = "application/octet-stream"
    entity[marker] = value


def _parse_message(data: bytes, budget: _Budget, depth: int = 0) -> Message:
    """The MIME tree of `data`, as far as the budget allows."""
    parser = _LimitedParser(budget, depth)
    try:
        for start in range(0, len(data), _FEED_CHUNK):
            parser.feed(data[start : start + _FEED_CHUNK])
        return parser.close()
    except _PartLimitReached:
        if parser.root is None:
            raise
        return parser.root


def _bounded_header_lines(lines: list[str], budget: _Budget) -> list[str]:
    """An entity's header lines as the parser should see them.

    Every field is cut to its limit, fields after the first `_MAX_FIELDS` are dropped,
    and the fields the parser interprets are unfolded (compat32 would keep the fold
    inside a boundary) and keep at most `_MAX_PARAMETERS` parameters.
    """
    kept: list[str] = []
    for count, (name, field_lines) in enumerate(_header_fields(lines), start=1):
        if count > _MAX_FIELDS:
            budget.notes.append(_partial(f"header fields after the first {_MAX_FIELDS:,} are ignored", None))
            break
        if name in _STRUCTURAL_FIELDS:
            kept.append(_structural_field(name, field_lines, budget))
        else:
            kept.extend(_cut_field(name, field_lines, budget))
    return kept


def _header_fields(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """(lower-case name, lines) of each field; continuation lines go with their field."""
    current: list[str] = []
    for line in lines:
        if current and line[:1] in (" ", "\t"):
            current.append(line)
            continue
        if current:
            yield current[0].split(":", 1)[0].strip().lower(), current
        current = [line]
    if current:
        yield current[0].split(":", 1)[0].strip().lower(), current


def _cut_field(name: str, lines: list[str], budget: _Budget) -> list[str]:
    limit = budget.limits.max_header_length
    first = lines[0]
    colon = first.find(":")
    # The value starts after the colon and the blanks that follow it.
    room = limit + len(first) - len(first[colon + 1 :].lstrip(" \t")) if colon >= 0 else limit
    if sum(len(line) for line in lines) <= room:
        return lines
    kept = []
    for line in lines:
        content = line.rstrip("\r\n")
        if len(content) > room:
            budget.notes.append(_header_cut_note(name, limit))
            if room > 0:  # an empty line would end the header block
                kept.append(content[:room] + line[len(content) :])
            break
        room -= len(content)
        kept.append(line)
    return kept


def _structural_field(name: str, lines: list[str], budget: _Budget) -> str:
    """A MIME field unfolded onto one line, cut to size and to `_MAX_PARAMETERS` parameters."""
    ending = lines[-1][len(lines[-1].rstrip("\r\n")) :] or "\n"
    value = "".join(line.rstrip("\r\n") for line in lines)
    limit = min(budget.limits.max_header_length, _MAX_STRUCTURAL_LENGTH) + len(name) + 1
    if len(value) > limit:
        what = f"the {name} header is longer than {limit - len(name) - 1:,} characters; the rest is ignored"
        budget.notes.append(_partial(what, None))
        value = value[:limit]
    if value.count(";") > _MAX_PARAMETERS:
        cut = -1
        for _ in range(_MAX_PARAMETERS + 1):
            cut = value.index(";", cut + 1)
        budget.notes.append(_partial(f"the {name} header has more than {_MAX_PARAMETERS} parameters", None))
        value = value[:cut]
    return value + ending


# --------------------------------------------------------------------------- MIME messages


_BODY_TYPES = frozenset({"text/plain", "text/html"})
_FORWARDED_TYPES = frozenset({"message/rfc822", "message/global"})
_LARGE_PART_CHARS = 1024 * 1024
# HTML read per character of body text still wanted: mail HTML is markup-heavy.
_HTML_PER_TEXT_CHAR = 20
_FORWARD_SEPARATOR = "---------- Forwarded message ---------"
_FORWARD_HEADERS = (("from", "From"), ("date", "Date"), ("subject", "Subject"), ("to", "To"), ("cc", "Cc"))
_DEFECT_NOTES = {
    "StartBoundaryNotFoundDefect": "a multipart part has no boundary line: its text is read as one part",
}
# A multipart that ends before its closing boundary was cut off in transit or on disk:
# an error for the file (exit 2), while what was read is still checked and reported.
TRUNCATED = "truncated: a multipart part has no closing boundary; what was read is still checked"
# The same when tglint's own line limit made the cut: the limit's note says it already.
_TRUNCATED_BY_LIMIT = "a multipart part was cut before its closing boundary by the line limit"


def _read_mime(data: bytes, path: str, limits: Limits, notes: list[str], first_line: int = 1) -> Draft:
    """A MIME message; `first_line` is the file's line where `data` starts (in an mbox)."""
    cut_by_line_limit = any(note.startswith(PARTIAL_NOTE) for note in notes)
    budget = _Budget(limits, notes)
    message = _parse_message(_repair_header_block(data), budget)
    headers = _Headers(message, notes, limits)
    written = _WrittenHeaders(data, first_line, headers.charset_hint)
    parts: dict[str, Part] = {}
    sources: dict[str, str] = {}
    for name in ("subject", *_ADDRESS_FIELDS):
        text = headers.text(name)
        if text is not None:
            parts[name] = written.part(name, _visible_line(text))
            # Addresses are parsed before encoded words are decoded: a decoded display
            # name may hold commas that would split it into bogus addresses.
            sources[name] = headers.unfolded(name) or ""
    collector = _BodyCollector(budget, headers.charset_hint, _PayloadLines(data, first_line, written.end))
    collector.collect(message)
    for name in ("body", ALTERNATIVE_PART):
        raw, placements = collector.text(name)
        text = _cut_body(_visible(raw), limits.max_body_length, notes, _PART_NAMES[name])
        if name == "body" or text.strip():
            parts[name] = Part(name, text, regions=find_regions(text), placements=placements)
    names = [_visible_line(a.filename) for a in collector.attachments if a.filename]
    if names:
        # The names the recipient sees, one a line: what they say is sent too.
        text = "\n".join(names)
        # Not written in the file as such (encoded parameters): placed at the message's start.
        parts["attachments"] = Part("attachments", text, placements=(Placement(0, len(text), first_line, 1, False),))
    error = None
    if collector.truncated:
        if cut_by_line_limit:
            notes.append(_TRUNCATED_BY_LIMIT)
        else:
            error = TRUNCATED
    return Draft(
        path=path,
        kind="mime",
        parts=parts,
        recipients=_all_recipients(parts, sources, limits),
        attachments=tuple(collector.attachments),
        can_attach=True,
        notes=tuple(dict.fromkeys(notes)),
        error=error,
        first_line=first_line,
    )


def text_sources(data: bytes, limits: Limits | None = None) -> list[tuple[str, Message, str]]:
    """The MIME leaves a message's body and other alternatives are read from: (part, leaf, text), in order.

    The parse is the reader's own, so a fixer rewrites exactly the leaves the text came from.
    """
    budget = _Budget(limits or Limits(), [])
    message = _parse_message(_repair_header_block(data), budget)
    collector = _BodyCollector(budget, _charset_hint(message), _PayloadLines(data, 1, 0))
    collector.collect(message)
    return collector.sources


# The header fields of the message as written, to place the header parts in the file.
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_PLACED_FIELDS = frozenset({"subject", "to", "cc", "bcc", "from"})


class _WrittenHeaders:
    """The message's header fields as written in the file, line by line.

    A header part is placed by rebuilding its value from these lines the way it was
    read (unfolded, 8-bit bytes decoded) and comparing with the part's text: where they
    agree, each character maps to its own line and column; where they differ (RFC 2047
    encoded words, a cut), the text is not in the file as such and maps to where the
    difference starts.
    """

    def __init__(self, data: bytes, first_line: int, hint: str | None) -> None:
        self._first_line = first_line
        self._hint = hint
        # name -> its fields -> their lines (number, bytes), for the fields that become parts
        self._fields: dict[str, list[list[tuple[int, bytes]]]] = {}
        self.end = 0  # where the header block ends: the body is searched from there
        current: list[tuple[int, bytes]] | None = None
        leading = _LEADING_BLANK_LINES.match(data)
        position = leading.end() if leading else 0
        index = _line_ends(data, 0, position)
        while position < len(data):
            found = _LINE_BREAK.search(data, position)
            end, following = (found.start(), found.end()) if found else (len(data), len(data))
            raw = data[position:end]
            if not raw:
                position = following
                break
            if raw[:1] in (b" ", b"\t") and current is not None:
                current.append((first_line + index, raw))
            elif b":" in raw:
                current = [(first_line + index, raw)]
                name = raw.split(b":", 1)[0].strip().lower().decode("latin-1")
                if name in _PLACED_FIELDS:
                    self._fields.setdefault(name, []).append(current)
            else:
                break
            position, index = following, index + 1
        self.end = position

    def part(self, name: str, text: str) -> Part:
        fields = self._fields.get(name, [])
        # Address fields are read as one value, the fields joined by ", "; others from the first.
        fields = fields if name in _ADDRESS_FIELDS else fields[:1]
        if not fields:  # not found as written: the text is placed at the message's start
            return Part(name, text, placements=(Placement(0, len(text), self._first_line, 1, exact=False),))
        written_fields = [[(line, _header_line(raw, self._hint)) for line, raw in lines] for lines in fields]
        pieces = _value_pieces(written_fields)
        placements, encoded = pieces.placements(text)
        # A line holding encoded words is not shown as written: its encoded text may be a secret.
        file_lines = {line: written for lines in written_fields for line, written in lines if line not in encoded}
        return Part(name, text, *pieces.start, placements=placements, file_lines=file_lines)


def _header_line(raw: bytes, hint: str | None) -> str:
    """A header line as a reader sees it: 8-bit bytes decoded as the value's are."""
    try:
        return _visible(raw.decode("ascii"))
    except UnicodeDecodeError:
        return _visible(_decode_hinted(raw, hint, "header", []))


class _Pieces:
    """A header value rebuilt from its lines: pieces of text, each at a line and column of
    the file, or (line 0) added by reading (the space a fold becomes, the ", " between fields)."""

    def __init__(self) -> None:
        self.pieces: list[tuple[int, str, int, int]] = []  # (offset, text, line, column)
        self.length = 0

    def add(self, text: str, line: int = 0, column: int = 0) -> None:
        self.pieces.append((self.length, text, line, column))
        self.length += len(text)

    @property
    def value(self) -> str:
        return "".join(text for _, text, _, _ in self.pieces)

    @property
    def start(self) -> tuple[int, int]:
        """Where the value starts in the file (its first written character, or the field's end)."""
        written = [(offset, text, line, column) for offset, text, line, column in self.pieces if line]
        lead = len(self.value) - len(self.value.lstrip())
        for offset, text, line, column in written:
            if offset + len(text) > lead:
                return line, column + max(0, lead - offset)
        offset, text, line, column = written[0]
        return line, column + len(text)

    def position(self, at: int) -> tuple[int, int]:
        """The file position of the value's character `at` (an added one: the next written one)."""
        for offset, text, line, column in self.pieces:
            if line and at < offset + len(text):
                return line, column + max(0, at - offset)
        return self.start

    def exact(self, start: int, end: int, shift: int) -> list[Placement]:
        """Placements of text [start, end), which is the value's [start + shift, end + shift)."""
        placed = []
        for offset, text, line, column in self.pieces:
            low, high = max(start + shift, offset), min(end + shift, offset + len(text))
            if line and low < high:
                placed.append(Placement(low - shift, high - shift, line, column + low - offset))
        return placed

    def placements(self, text: str) -> tuple[tuple[Placement, ...], set[int]]:
        """`text` (the part as read) placed where the value agrees with it, character for
        character; and the lines where they differ (encoded words)."""
        value = self.value
        lead = len(value) - len(value.lstrip())
        value = value.strip()
        if text == value:  # the common case: written as it reads
            return tuple(self.exact(0, len(text), lead)) or (Placement(0, 0, *self.start),), set()
        same_start = _common_prefix(text, value)
        same_end = _common_prefix(text[same_start:][::-1], value[same_start:][::-1])
        placed = self.exact(0, same_start, lead)
        differing: set[int] = set()
        if same_start < len(text) - same_end or same_start < len(value) - same_end:
            low, high = lead + same_start, lead + len(value) - same_end
            differing = {
                line
                for offset, written, line, _ in self.pieces
                if line and offset <= max(high, low + 1) and low <= offset + len(written)
            }
        if same_start < len(text) - same_end:
            line, column = self.position(lead + same_start)
            placed.append(Placement(same_start, len(text) - same_end, line, column, exact=False))
        placed += self.exact(len(text) - same_end, len(text), lead + len(value) - len(text))
        if not text:  # nothing to place: the empty text is where the value is
            placed = [Placement(0, 0, *self.start, exact=not value)]
        return tuple(placed), differing


def _value_pieces(fields: list[list[tuple[int, str]]]) -> _Pieces:
    """A header value as reading unfolds it: the first line after its colon and blanks, each
    continuation line after its blanks, a fold one space, fields joined by ", "."""
    pieces = _Pieces()
    for number, lines in enumerate(fields):
        if number:
            pieces.add(", ")
        for index, (line, written) in enumerate(lines):
            written = written.translate(_HEADER_BREAKS)
            if index == 0:
                # A line decoded in an odd charset may have lost its colon: then it is all value.
                start = written.find(":") + 1
                start += len(written[start:]) - len(written[start:].lstrip(" "))
            else:
                pieces.add(" ")
                start = len(written) - len(written.lstrip(" "))
            pieces.add(written[start:], line, start + 1)
    return pieces


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix of `a` and `b`."""
    length = min(len(a), len(b))
    if a[:length] == b[:length]:
        return length
    low, high = 0, length  # a[:low] == b[:low], a[:high] != b[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle
    return low


# Transfer encodings whose text is not written in the file as it reads.
_TRANSFER_ENCODINGS = frozenset({"base64", "quoted-printable", "x-uuencode", "uuencode", "x-uue", "uue"})
# Enough of a payload's start to find it in the message.
_PROBE_BYTES = 256


class _PayloadLines:
    """Finds the file's line where each part's payload starts, in document order.

    The parser keeps no positions, but a payload as written is a slice of the message's
    bytes that starts after a blank line; each is looked for after the previous one.
    """

    def __init__(self, data: bytes, first_line: int, start: int) -> None:
        self._data = data
        self._offset = start
        self.line = first_line + _line_ends(data, 0, start)  # the line at `_offset`

    def find(self, written: bytes) -> int | None:
        """The line where `written` starts, after the last one found; None when not found."""
        probe = written[:_PROBE_BYTES]
        if not probe:
            return None
        first = at = self._data.find(probe, self._offset)
        while at >= 0 and not _after_blank_line(self._data, at):
            at = self._data.find(probe, at + 1)
        if at < 0:
            if first < 0 or not _at_line_start(self._data, first):
                return None
            at = first
        self._move_to(at)
        line = self.line
        self._move_to(min(at + len(written), len(self._data)))
        return line

    def _move_to(self, offset: int) -> None:
        self.line += _line_ends(self._data, self._offset, offset)
        self._offset = offset


def _at_line_start(data: bytes, at: int) -> bool:
    return at == 0 or data[at - 1 : at] in (b"\n", b"\r")


def _after_blank_line(data: bytes, at: int) -> bool:
    """Whether `at` starts a line that follows an empty one (where a payload starts)."""
    if not _at_line_start(data, at) or at == 0:
        return False
    end = at - 2 if data[at - 2 : at] == b"\r\n" else at - 1
    return _at_line_start(data, end)


def _repair_header_block(data: bytes) -> bytes:
    """Mend header lines Python's parser would take for the start of the body.

    Leading blank lines and a first field indented by mistake are removed; an obsolete
    "Name :" loses its space; a field whose name has spaces or 8-bit bytes (followed by
    more header lines) is renamed, so the fields after it still count as headers.
    """
    data = _LEADING_BLANK_LINES.sub(b"", data, count=1)
    mended: list[bytes] = []
    changed = False
    position = 0
    while position < len(data):
        end = data.find(b"\n", position)
        end = len(data) if end < 0 else end + 1
        line = data[position:end]
        content = line.rstrip(b"\r\n")
        if not content:
            break
        repaired = _repair_header_line(content, line, data, end, first=position == 0)
        if repaired is None:
            break
        changed = changed or repaired is not line
        mended.append(repaired)
        position = end
    return b"".join(mended) + data[position:] if changed else data


def _repair_header_line(content: bytes, line: bytes, data: bytes, end: int, *, first: bool) -> bytes | None:
    """The line as Python's parser needs it, or None where the header block ends."""
    if content[:1] in (b" ", b"\t"):
        if first and _HEADER_FIELD.match(content.lstrip()):
            return line.lstrip()
        return line
    if _HEADER_FIELD.match(content):
        return line
    obsolete = _OBSOLETE_HEADER_FIELD.match(content)
    if obsolete:
        return obsolete.group(1) + b":" + line[obsolete.end() :]
    colon = content.find(b":")
    if 0 < colon <= 200 and _header_continues(data, end):
        return b"X-Unreadable-Field:" + line[colon + 1 :]
    return None


def _header_continues(data: bytes, start: int) -> bool:
    following = data[start : start + 1000]
    if not following.strip(b"\r\n") or following.startswith((b"\n", b"\r\n", b" ", b"\t")):
        return True
    return bool(_HEADER_FIELD.match(following) or _OBSOLETE_HEADER_FIELD.match(following))


class _BodyCollector:
    """Walks a message's MIME tree for the body text, the other alternatives' text and the attachments.

    Each text leaf's text goes `into` a part: "body" (the preferred alternatives),
    `ALTERNATIVE_PART` (the others), or nowhere (an alternative inside one not chosen); with
    the file's line it comes from, and whether it is written there as it is.
    """

    def __init__(self, budget: _Budget, charset_hint: str | None, lines: _PayloadLines) -> None:
        self.texts: dict[str, list[tuple[str, int, bool]]] = {"body": [], ALTERNATIVE_PART: []}
        # Each leaf whose text was read, with its part and its text: what a fixer rewrites.
        self.sources: list[tuple[str, Message, str]] = []
        self.attachments: list[Attachment] = []
        self._lines = lines
        self._other_branch_attachments: list[Attachment] = []
        self._budget = budget
        self._limits = budget.limits
        self._notes = budget.notes
        self._charset_hint = charset_hint
        self._text_length = dict.fromkeys(self.texts, 0)
        self.truncated = False  # a multipart ended before its closing boundary

    def text(self, part: str = "body") -> tuple[str, tuple[Placement, ...]]:
        """A part's text, its texts joined by blank lines, and where each comes from."""
        pieces: list[str] = []
        placements: list[Placement] = []
        offset = 0
        for text, line, exact in self.texts[part]:
            if not text.strip():
                continue
            if pieces:
                offset += 2
            piece = text.strip("\n")
            # Blank lines dropped from the start move an exact text's first line down.
            dropped = len(text) - len(text.lstrip("\n")) if exact else 0
            placements.append(Placement(offset, offset + len(piece), line + dropped, 1, exact))
            pieces.append(piece)
            offset += len(piece)
        return "\n\n".join(pieces), tuple(placements)

    def collect(
        self, entity: Message, depth: int = 0, *, into: str | None = "body", decoded_at: int | None = None
    ) -> None:
        """Text and attachments of `entity`; `decoded_at`: it was decoded from the encoded text
        that starts at this line, so nothing in it is written in the file as such."""
        if depth > self._limits.max_depth or entity.get(_TOO_DEEP_HEADER) is not None:
            what = f"MIME parts nested deeper than {self._limits.max_depth} levels are skipped"
            self._notes.append(_partial(what, "max-depth"))
            return
        self._note_defects(entity)
        content_type = _content_type(entity)
        if content_type in _FORWARDED_TYPES:
            self._collect_forwarded(entity, content_type, depth, into=into, decoded_at=decoded_at)
        elif content_type.startswith("message/") and entity.is_multipart():
            self._add_attachment(Attachment(_filename(entity), content_type, _entity_size(entity)), into == "body")
        elif entity.is_multipart():
            self._collect_multipart(entity, content_type, depth, into=into, decoded_at=decoded_at)
        else:
            self._collect_leaf(entity, content_type, into=into, decoded_at=decoded_at)
        if depth == 0:
            self._merge_other_branch_attachments()

    def _collect_multipart(
        self, entity: Message, content_type: str, depth: int, *, into: str | None, decoded_at: int | None
    ) -> None:
        children = _children(entity)
        chosen = (
            _preferred_alternative(children, self._limits.max_depth)
            if content_type == "multipart/alternative"
            else None
        )
        for index, child in enumerate(children):
            # Only the body's alternatives are read: a choice inside a version not chosen is not offered.
            other = ALTERNATIVE_PART if into == "body" else None
            chosen_into = into if chosen is None or index == chosen else other
            self.collect(child, depth + 1, into=chosen_into, decoded_at=decoded_at)

    def _collect_leaf(self, entity: Message, content_type: str, *, into: str | None, decoded_at: int | None) -> None:
        filename = _filename(entity)
        # A multipart without a boundary is left unparsed: its text is still the body.
        as_text = "text/plain" if content_type.startswith("multipart/") else content_type
        if as_text in _BODY_TYPES and _shown_inline(_disposition(entity), filename):
            if into is not None:
                self._add_text(entity, as_text, into, decoded_at)
            return
        self._add_attachment(Attachment(filename, content_type, _entity_size(entity)), into == "body")

    def _collect_forwarded(
        self, entity: Message, content_type: str, depth: int, *, into: str | None, decoded_at: int | None
    ) -> None:
        inner = None
        if into == "body" and _disposition(entity) != "attachment":
            inner = _inner_message(entity, self._budget, depth + 1)
        if inner is None:
            filename = _filename(entity)
            self._add_attachment(Attachment(filename, content_type, _entity_size(entity)), into == "body")
            return
        message, in_place = inner
        if decoded_at is None and not in_place:
            decoded_at = self._lines.find(_as_written(entity)) or self._lines.line
        headers = _Headers(message, self._notes, self._limits)
        lines = [_FORWARD_SEPARATOR]
        for name, label in _FORWARD_HEADERS:
            value = headers.text(name)
            if value is not None:
                lines.append(f"{label}: {value}")
        # The forwarded headers are rebuilt, decoded: they point at where the message starts.
        if decoded_at is None:
            first = next(iter(message.raw_items()), None)
            start = self._lines.find(f"{first[0]}:".encode("ascii", "surrogateescape")) if first else None
            self._append_text("\n".join(lines), "body", start or self._lines.line, exact=False)
        else:
            self._append_text("\n".join(lines), "body", decoded_at, exact=False)
        self.collect(message, depth + 1, decoded_at=decoded_at)

    def _add_text(self, entity: Message, content_type: str, into: str, decoded_at: int | None) -> None:
        room = self._limits.max_body_length - self._text_length[into]
        if room <= 0:
            limit = self._limits.max_body_length
            what = f"the {_PART_NAMES[into]} is longer than {limit:,} characters; later text parts are skipped"
            self._notes.append(_partial(what, "max-body-length"))
            return
        payload = _decoded_payload(entity)
        text = self._text_of(entity, payload, content_type, room, into)
        self.sources.append((into, entity, text))
        if decoded_at is not None:
            self._append_text(text, into, decoded_at, exact=False)
            return
        written = payload if _transfer_encoding(entity) not in _TRANSFER_ENCODINGS else _as_written(entity)
        line = self._lines.find(written)
        # Text is in the file as it is when it was not transfer-encoded, is not HTML turned
        # into text, and was decoded line for line (the same line breaks as the bytes).
        exact = (
            line is not None
            and written is payload
            and content_type == "text/plain"
            and b"\x00" not in payload
            and _line_ends(payload, 0, len(payload)) == text.count("\n")
        )
        self._append_text(text, into, self._lines.line if line is None else line, exact=exact)

    def _append_text(self, text: str, into: str, line: int, *, exact: bool) -> None:
        self.texts[into].append((text, line, exact))
        self._text_length[into] += len(text)

    def _text_of(self, entity: Message, payload: bytes, content_type: str, room: int, into: str) -> str:
        charset = _safely(entity.get_content_charset, None)
        if charset:
            text = _decode_declared(payload, charset, into, self._notes)
        else:
            text = _decode_hinted(payload, self._charset_hint, into, self._notes)
        text = normalise_line_breaks(text)
        if content_type != "text/html":
            return text
        readable = room * _HTML_PER_TEXT_CHAR
        if len(text) > readable:
            what = f"an HTML part is longer than {readable:,} characters; only its start is read"
            self._notes.append(_partial(what, "max-body-length"))
            text = text[:readable]
        return html_to_text(text)

    def _add_attachment(self, attachment: Attachment, chosen_branch: bool) -> None:
        (self.attachments if chosen_branch else self._other_branch_attachments).append(attachment)

    def _merge_other_branch_attachments(self) -> None:
        """Inline images of a not-chosen HTML version still reach the recipient."""
        for attachment in self._other_branch_attachments:
            if attachment not in self.attachments:
                self.attachments.append(attachment)
        self._other_branch_attachments.clear()

    def _note_defects(self, entity: Message) -> None:
        for defect in getattr(entity, "defects", ()):
            name = type(defect).__name__
            if name == "CloseBoundaryNotFoundDefect":
                self.truncated = True
            elif name in _DEFECT_NOTES:
                self._notes.append(_DEFECT_NOTES[name])


def _shown_inline(disposition: str | None, filename: str | None) -> bool:
    """Whether a text part is shown as body text ("inline" wins over a file name)."""
    if disposition is None:
        return filename is None
    return disposition != "attachment"


def _safely(getter: Callable[..., object], default: str | None, *args: object) -> str | None:
    """A header-derived value, or `default` when the policy's parser raises on it."""
    try:
        value = getter(*args)
    except Exception:  # malformed headers raise all kinds of errors
        return default
    return value if isinstance(value, str) else default


def _content_type(entity: Message) -> str:
    encoded_type = entity.get(_ENCODED_TYPE_HEADER)
    if isinstance(encoded_type, str):
        return encoded_type
    return (_safely(entity.get_content_type, "text/plain") or "text/plain").lower()


def _disposition(entity: Message) -> str | None:
    return _safely(entity.get_content_disposition, None)


def _filename(entity: Message) -> str | None:
    name = _safely(entity.get_filename, None)
    if name is None:
        return None
    notes: list[str] = []  # a garbled file name is not worth a note of its own
    if _has_surrogates(name):
        name = _decode_undeclared(_from_surrogates(name), "file name", notes)
    if _ENCODED_WORD_START in name:
        name = _decode_header(name, "file name", notes)
    return name.strip() or None


def _children(entity: Message) -> list[Message]:
    payload = _payload_as_parsed(entity)
    return [child for child in payload if isinstance(child, Message)] if isinstance(payload, list) else []


def _payload_as_parsed(entity: Message) -> object:
    """The parts of a multipart, or a leaf's body as parsed (8-bit bytes surrogate-escaped).

    `get_payload()` would decode 8-bit bytes in the part's charset, and raises when that
    charset names a codec such as punycode.
    """
    try:
        return entity.get_payload()
    except (UnicodeError, LookupError, ValueError):
        return getattr(entity, "_payload", None)


def _inner_message(entity: Message, budget: _Budget, depth: int) -> tuple[Message, bool] | None:
    """The message inside a message/rfc822 part, parsed even when it was base64-encoded, and
    whether it was parsed where it is written (not decoded first)."""
    children = _children(entity)
    if children:
        return children[0], True
    payload = _decoded_payload(entity)
    if not payload.strip():
        return None
    try:
        return _parse_message(_repair_header_block(payload), budget, depth), False
    except _PartLimitReached:  # not even its first entity fits: it stays an attachment
        return None


def _as_written(entity: Message) -> bytes:
    """A leaf's payload as written in the file (still transfer-encoded); b"" when the parser
    no longer holds it as written."""
    payload = _payload_as_parsed(entity)
    if not isinstance(payload, str):
        return b""
    try:
        return payload.encode("ascii", "surrogateescape")
    except UnicodeError:
        return b""


def _decoded_payload(entity: Message) -> bytes:
    try:
        payload = entity.get_payload(decode=True)
    except (UnicodeError, LookupError, ValueError):  # as above: the stdlib trusts the charset
        raw = _payload_as_parsed(entity)
        payload = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    return payload if isinstance(payload, bytes) else b""


def _preferred_alternative(children: Sequence[Message], max_depth: int) -> int | None:
    """Index of the alternative to read: plain text first, then HTML; None if neither."""
    ranks = [_text_rank(child, 0, max_depth) for child in children]
    best = max(ranks, default=0)
    return ranks.index(best) if best > 0 else None


def _text_rank(entity: Message, depth: int, max_depth: int) -> int:
    content_type = _content_type(entity)
    if content_type in _FORWARDED_TYPES or depth > max_depth:
        return 0
    if entity.is_multipart():
        return max((_text_rank(child, depth + 1, max_depth) for child in _children(entity)), default=0)
    return {"text/plain": 2, "text/html": 1}.get(content_type, 0)


def _entity_size(entity: Message) -> int:
    """Decoded size of a part; estimated without decoding when it is large."""
    if entity.is_multipart():
        return sum(_raw_header_size(child) + _entity_size(child) for child in _children(entity))
    payload = _payload_as_parsed(entity)
    if not isinstance(payload, str):
        return 0
    if len(payload) <= _LARGE_PART_CHARS:
        return len(_decoded_payload(entity))
    return _estimated_size(payload, _transfer_encoding(entity))


def _raw_header_size(entity: Message) -> int:
    return sum(len(name) + len(str(value)) + 4 for name, value in entity.raw_items())


def _transfer_encoding(entity: Message) -> str:
    for name, value in entity.raw_items():
        if name.strip().lower() == "content-transfer-encoding":
            return str(value).strip().lower()
    return "7bit"


def _estimated_size(payload: str, transfer_encoding: str) -> int:
    if transfer_encoding == "base64":
        whitespace = sum(payload.count(char) for char in "\r\n\t ")
        padding = payload.rstrip().count("=", max(0, len(payload.rstrip()) - 2))
        return (len(payload) - whitespace) * 3 // 4 - padding
    if transfer_encoding == "quoted-printable":
        # Soft line breaks vanish; "=XX" escapes shrink to one byte (not counted here).
        return len(payload) - 2 * payload.count("=\n") - 3 * payload.count("=\r\n")
    return len(payload)
