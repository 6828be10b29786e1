"""The records every part of tglint shares: severities, findings, fixes, exit codes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import IntEnum, StrEnum
from operator import attrgetter
from typing import Any, TypeVar


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

# Categories may be added, never renamed: scripts select on them.
CATEGORIES: tuple[str, ...] = (
    "subject",
    "routing",
    "account-info",
    "device-info",
    "phone",
    "secret",
    "tone",
    "mixed-issues",
    "details",
    "pii",
    "attachment",
    "follow-up",
    "self-help",
    "structure",
)

TOPICS: tuple[str, ...] = ("support", "security", "abuse", "press", "legal")


_Record = TypeVar("_Record")


def _pickled_by_fields(cls: type[_Record]) -> type[_Record]:
    """`cls` pickled as a call of itself with its fields' values.

    Results cross from worker processes to the one writing the report; a frozen dataclass with slots
    is otherwise pickled through `dataclasses`' own state functions, written in Python, which cost
    more than the rest of the pickling.
    """
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    single = len(fields(cls)) == 1  # type: ignore[arg-type]

    def reduce(self: Any) -> tuple[type[_Record], tuple[Any, ...]]:
        return cls, (values(self),) if single else values(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the characters [start, end) of a part's text with `content`."""

    part: str
    start: int
    end: int
    content: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    """How to fix a finding: edits applied together, "safe" to apply unasked or "unsafe"."""

    description: str
    applicability: str  # "safe" or "unsafe"
    edits: tuple[Edit, ...]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: a span of one part and what is wrong with it.

    Offsets count characters of the part's text; the engine turns them into
    lines and columns and adds the rule's identity.
    """

    part: str
    start: int
    end: int
    message: str
    fix: Fix | None = None
    # A sensitive span (a secret) is never printed: reporters mask it.
    sensitive: bool = False


class Location(StrEnum):
    """What a finding's line and column point at in the file."""

    FILE = "file"  # the span's text, written there as it is
    PART = "part"  # where the part's text comes from: it is not in the file as such (decoded)
    MESSAGE = "message"  # the message's first line: the part is missing (no subject, no recipient)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's hit placed in the draft: the record every reporter renders.

    `line`..`end_column` are positions in the file; `part_line`..`part_end_column` are
    positions in the part's own text as the user sees it (0: not given), and `location`
    says which of them shows the span's text (see `Location`).
    """

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    part: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    sensitive: bool = False
    fingerprint: str = ""
    location: Location = Location.FILE
    part_line: int = 0
    part_column: int = 0
    part_end_line: int = 0
    part_end_column: int = 0

    @property
    def in_file(self) -> bool:
        """Whether the span's text is written in the file at `line`..`end_column`."""
        return self.location is Location.FILE

    @property
    def sort_key(self) -> tuple[int, int, int, str, str]:
        # In the part's own text: a part's findings keep their order wherever its pieces are.
        if self.part_line >= 1:
            return (_PART_ORDER.get(self.part, 9), self.part_line, self.part_column, self.rule, self.message)
        return (_PART_ORDER.get(self.part, 9), self.line, self.column, self.rule, self.message)


_PART_ORDER = {"to": 0, "cc": 1, "bcc": 2, "from": 3, "subject": 4, "body": 5, "html": 6, "attachments": 7}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A sensitive stretch of a part, placed as a finding is (1-based, end column exclusive):
    in the file, and in the part's own text (see `Finding`)."""

    part: str
    line: int
    column: int
    end_line: int
    end_column: int
    location: Location = Location.FILE
    part_line: int = 0
    part_column: int = 0
    part_end_line: int = 0
    part_end_column: int = 0
    # What it hides is a secret or personal data: always.
    sensitive: bool = True

    @property
    def in_file(self) -> bool:
        return self.location is Location.FILE


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ReplyTime:
    """When the guide says a reply may be expected for a draft's kind of matter (五、官方回复时间标准)."""

    kind: str  # "urgent", "normal" or "complex": the guide's 紧急问题, 一般问题, 复杂问题
    window: str  # as the guide gives it: "24-48h", "3-7 working days", "7-14 working days"
    reason: str  # the guide's item the draft is about, in the report's language
    # The class's name and its window in the report's language ("紧急问题", "24-48 小时").
    kind_name: str = ""
    window_text: str = ""

    def record(self) -> dict[str, str]:
        """As machine formats write it (JSON's `reply_time`, SARIF's, the API's)."""
        return {"class": self.kind, "window": self.window, "reason": self.reason}

    def line(self) -> str:
        """As text formats write it: "24-48 hours — urgent: account taken over or frozen"."""
        return f"{self.window_text or self.window} — {self.kind_name or self.kind}: {self.reason}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything a reporter needs about one checked draft (or one unreadable file)."""

    path: str
    language: str | None = None
    topic: str | None = None
    recipients: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    # The text of each part as the user sees it, for showing context lines.
    part_texts: dict[str, PartView] = field(default_factory=dict)
    # What reading had to do that the user should know (a part cut at a limit, a charset guessed).
    notes: tuple[str, ...] = ()
    # Every secret and piece of personal data found, reported or not (a rule not selected, a
    # finding accepted): reports mask them wherever they show draft text.
    hidden: tuple[Span, ...] = ()
    # Set when the result is one message of an mbox, whose path is then "FILE#N".
    message_number: int | None = None
    # The selected rules that did not run because they read Chinese or English words and the draft is
    # written in another language (`language`): only the rules for any language ran.
    skipped_rules: tuple[str, ...] = ()
    # The reply time the guide gives for the draft's kind of matter; None for an unreadable or empty draft.
    reply_time: ReplyTime | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PartView:
    """The lines of a part a report can show: the file's own lines, and the part's text.

    `lines` holds the file's lines as written (a header's line with its name), keyed by
    file line; `part_lines` the lines of the part's text as the user sees it (decoded),
    keyed by their number in the part. Without them, `text` is the part's text, starting
    in the file at first_line:first_column.
    """

    text: str
    first_line: int = 1
    first_column: int = 1
    # Only some lines, keyed by line number: what a report needs, without holding whole drafts.
    lines: Mapping[int, str] | None = None
    part_lines: Mapping[int, str] | None = None

    @classmethod
    def excerpt(cls, text: str, first_line: int, first_column: int, wanted: Iterable[int]) -> PartView:
        all_lines = text.split("\n")
        kept = {n: all_lines[n - first_line] for n in wanted if 0 <= n - first_line < len(all_lines)}
        return cls("", first_line, first_column, kept)

    def source_line(self, line: int) -> str:
        """The file's line `line`, or "" when it is not known."""
        index = line - self.first_line
        if self.lines is not None:
            found = self.lines.get(line)
        else:
            all_lines = self.text.split("\n")
            found = all_lines[index] if 0 <= index < len(all_lines) else None
        if found is None:
            return ""
        prefix = " " * (self.first_column - 1) if index == 0 else ""
        return prefix + found.rstrip("\r")

    def text_line(self, line: int) -> str:
        """Line `line` of the part's own text (1-based), or "" when it is not known."""
        if self.part_lines is not None:
            found = self.part_lines.get(line)
        else:
            all_lines = self.text.split("\n")
            found = all_lines[line - 1] if 1 <= line <= len(all_lines) else None
        return "" if found is None else found.rstrip("\r")
