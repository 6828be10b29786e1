"""A draft as read from disk: its parts, recipients, attachments and quoted regions.

Parts keep the text the user sees; offsets into a part's text turn into 1-based
lines and columns. A plain-text draft's parts know where they start in the file,
so positions are the file's own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Part:
    """One piece of text the user wrote or sees: the subject, a header, the body."""

    name: str
    text: str
    first_line: int = 1
    first_column: int = 1
    # Quoted replies and signatures inside this part: someone else's words or boilerplate.
    regions: tuple[Region, ...] = ()
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_line_starts", tuple(line_starts(self.text)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, in the file's own numbering."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[index] + 1
        if index == 0:
            column += self.first_column - 1
        return self.first_line + index, column

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
