"""A draft as read from disk: its parts, recipients, attachments and quoted regions.

Parts keep the text the user sees; offsets into a part's text turn into 1-based
lines and columns of the file the draft is in. A part knows where each piece of its
text comes from (`Placement`): text written in the file as it is (a plain-text
draft, a header without encoded words, a body that is not transfer-encoded) maps to
its own line and column; text that is not in the file as such (base64 or
quoted-printable, RFC 2047 words, HTML turned into text) maps to where its source
starts, and a span in it is not `exact`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

# The one definition of a line, for reading, positions, reports and fixes: a line ends
# at LF, CR or CRLF. The other characters `str.splitlines()` breaks at (VT, FF, FS, GS,
# RS, NEL, U+2028, U+2029) are characters inside a line: no mail client or editor
# numbers lines by them, and a fixer that did would put its edits at the wrong places.
LINE_BREAK = re.compile("\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts; the first is 0."""
    starts = [0]
    starts.extend(match.end() for match in LINE_BREAK.finditer(text))
    return starts


def blank(text: str) -> str:
    """`text` with every character but a line feed written as a space: offsets and lines hold."""
    # Line by line: a substitution of each character (`re.sub("[^\n]", " ", text)`) makes a match and a
    # replacement per character.
    return "\n".join(" " * len(line) for line in text.split("\n"))


def normalise_line_breaks(text: str) -> str:
    """`text` with every line break (as `LINE_BREAK` defines them) written as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The part holding the text of a MIME draft's alternatives not chosen for the body: the
# HTML version, mostly, which is what most mail clients show.
ALTERNATIVE_PART = "html"


class RegionKind(StrEnum):
    QUOTED = "quoted"  # "> " lines, "On ... wrote:" blocks, forwarded messages
    SIGNATURE = "signature"


@dataclass(frozen=True, slots=True)
class Region:
    """Characters [start, end) of a part that are quoted text or a signature."""

    kind: RegionKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where characters [start, end) of a part's text come from in the file.

    Exact: they are written there as they are, from `line`:`column` on (after a newline
    in the text, the next line of the file from column 1). Not exact: the text is not in
    the file as such, and `line`:`column` is where its source starts.
    """

    start: int
    end: int
    line: int
    column: int
    exact: bool = True


@dataclass(frozen=True, slots=True)
class FileSpan:
    """A span placed in the file; `exact` when its text is written there as it is."""

    line: int
    column: int
    end_line: int
    end_column: int
    exact: bool


@dataclass(frozen=True)
class Part:
    """One piece of text the user wrote or sees: the subject, a header, the body."""

    name: str
    text: str
    first_line: int = 1
    first_column: int = 1
    # Quoted replies and signatures inside this part: someone else's words or boilerplate.
    regions: tuple[Region, ...] = ()
    # Where the text comes from, in order; none given: all of it is written in the file
    # from first_line:first_column on. Characters between placements (a separator the
    # reader added) belong to the placement before them.
    placements: tuple[Placement, ...] = ()
    # The file's own lines, by number, where they are not lines of the text: a header's
    # line with its name, the lines of a folded header.
    file_lines: Mapping[int, str] = field(default_factory=dict, compare=False)
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _placement_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_line_starts", tuple(line_starts(self.text)))
        if not self.placements:
            whole = Placement(0, len(self.text), self.first_line, self.first_column)
            object.__setattr__(self, "placements", (whole,))
        else:  # the part starts where its first piece comes from
            object.__setattr__(self, "first_line", self.placements[0].line)
            object.__setattr__(self, "first_column", self.placements[0].column)
        if self.placements[-1].end > len(self.text):
            # Text cut at a limit after it was placed: what is gone has no place.
            kept = [p for p in self.placements if p.start < len(self.text)] or [self.placements[0]]
            kept[-1] = replace(kept[-1], end=min(kept[-1].end, len(self.text)))
            object.__setattr__(self, "placements", tuple(kept))
        object.__setattr__(self, "_placement_starts", tuple(p.start for p in self.placements))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at `offset`."""
        line, column, _ = self._place(offset, as_end=False)
        return line, column

    def locate(self, start: int, end: int) -> FileSpan:
        """The span [start, end) placed in the file (the end column is exclusive)."""
        line, column, exact = self._place(start, as_end=False)
        end_line, end_column, end_exact = self._place(end, as_end=end > start)
        if (end_line, end_column) < (line, column):
            end_line, end_column = line, column
        return FileSpan(line, column, end_line, end_column, exact and end_exact)

    def relative(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset` in the part's own text (its first character is 1:1)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def text_line(self, line: int) -> str | None:
        """Line `line` (1-based) of the part's own text."""
        if not 1 <= line <= len(self._line_starts):
            return None
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]

    def file_line(self, line: int) -> str | None:
        """The file's line `line` as it is written, when this part's text is on it."""
        if line in self.file_lines:
            return self.file_lines[line]
        for placement in self.placements:
            # A first line that starts after column 1 has more on it than the text.
            if not placement.exact or line < placement.line or (line == placement.line and placement.column != 1):
                continue
            first = bisect_right(self._line_starts, placement.start) - 1
            last = bisect_right(self._line_starts, max(placement.start, placement.end - 1)) - 1
            index = first + line - placement.line
            if index <= last:
                start = max(self._line_starts[index], placement.start)
                following = self._line_starts[index + 1] - 1 if index + 1 < len(self._line_starts) else len(self.text)
                return self.text[start : min(following, placement.end)]
        return None

    def _place(self, offset: int, *, as_end: bool) -> tuple[int, int, bool]:
        """(line, column, exact) of `offset`: of the character there, or just after the one
        before it when `as_end` (a span's exclusive end)."""
        offset = max(0, min(offset, len(self.text)))
        key = offset - 1 if as_end and offset > 0 else offset
        placement = self.placements[max(0, bisect_right(self._placement_starts, key) - 1)]
        if not placement.exact:
            return placement.line, placement.column, False
        at = max(placement.start, min(offset, placement.end))
        first = bisect_right(self._line_starts, placement.start) - 1
        index = bisect_right(self._line_starts, at) - 1
        if index == first:
            return placement.line, placement.column + at - placement.start, True
        return placement.line + index - first, at - self._line_starts[index] + 1, True

    def only(self, kind: RegionKind) -> str:
        """The text with everything but its regions of `kind` blanked (line breaks kept), offsets unchanged;
        "" when it has none."""
        spans = sorted((r.start, min(r.end, len(self.text))) for r in self.regions if r.kind is kind)
        if not spans:
            return ""
        pieces: list[str] = []
        at = 0
        for start, end in spans:
            start = max(start, at)
            if start < end:
                pieces += [blank(self.text[at:start]), self.text[start:end]]
                at = end
        pieces.append(blank(self.text[at:]))
        return "".join(pieces)

    def writer_text(self) -> str:
        """The text with quoted and signature regions blanked out, offsets unchanged."""
        if not self.regions:
            return self.text
        chars = list(self.text)
        for region in self.regions:
            for i in range(region.start, min(region.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True, slots=True)
class Recipient:
    """An address in To, Cc or Bcc, with where it is written in the header."""

    field: str  # "to", "cc" or "bcc"
    address: str  # as written, e.g. "support@telegram.org"
    display_name: str
    start: int  # offsets of the address inside the header part's text
    end: int


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a MIME draft."""

    filename: str | None
    content_type: str
    size: int  # bytes of the decoded payload (estimated from the encoded size when large)


@dataclass(frozen=True)
class Draft:
    """A draft as read: its parts, recipients and attachments."""

    path: str  # as reported: "drafts/a.eml", "Drafts.mbox#3", "-"
    kind: str  # "mime" or "text"
    # "subject", "to", "cc", "bcc", "from", "body", ALTERNATIVE_PART, "attachments" (file names)
    parts: dict[str, Part]
    recipients: tuple[Recipient, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    # Plain-text drafts cannot carry attachments; rules that look for them need to know.
    can_attach: bool = True
    # Problems met while reading that did not stop it (e.g. an unknown charset).
    notes: tuple[str, ...] = ()
    # The message's number (1-based) when it is one message of an mbox: its path is then
    # "FILE#N". Kept apart so that a file really named "notes#2" is not taken for one.
    message_number: int | None = None
    # A problem that makes the file an error (exit 2) although what was read is still
    # checked, such as a multipart message cut off before its closing boundary.
    error: str | None = None
    # The file it was read from, as given, when `path` names one message of it ("Drafts.mbox").
    source_file: str | None = None
    # The file's line where the draft starts (an mbox message's first line after its envelope).
    first_line: int = 1

    @property
    def file(self) -> str:
        """The path of the file the draft is in, as given on the command line."""
        return self.source_file or self.path

    @property
    def subject(self) -> Part | None:
        return self.parts.get("subject")

    @property
    def body(self) -> Part:
        return self.parts.get("body") or Part("body", "")


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file, or one message of it, that could not be read: one line for the user."""

    path: str
    message: str
    message_number: int | None = None  # as `Draft.message_number`
