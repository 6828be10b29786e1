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

_NEWLINE = re.compile("\n")


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
        starts = [0]
        starts.extend(m.end() for m in _NEWLINE.finditer(self.text))
        object.__setattr__(self, "_line_starts", tuple(starts))

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
    parts: dict[str, Part]  # "subject", "to", "cc", "bcc", "from", "body"
    recipients: tuple[Recipient, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    # Plain-text drafts cannot carry attachments; rules that look for them need to know.
    can_attach: bool = True
    # Problems met while reading that did not stop it (e.g. an unknown charset).
    notes: tuple[str, ...] = ()
    # The file it was read from, as given, when `path` names one message of it ("Drafts.mbox").
    source_file: str | None = None

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
