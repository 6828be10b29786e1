"""A draft open in an editor: findings placed in its text, fixes as replacements of it.

Front ends that hold a draft's text (the language server, the HTTP server) need more
than lines and columns of parts: the character offsets of each finding in the text they
were given, and fixes as edits of that text. `check_text` gives both.

Where a finding lies:
- a plain-text draft: its parts know their line and column in the file, so a finding's
  line and column are the text's own (a leading U+FEFF, which reading drops, is counted);
- a MIME message: header findings are placed in the header field's value when the value
  is written plainly (else the whole value is the span); body findings are placed in the
  body when its text is written plainly in the message (7bit/8bit), else on the line that
  holds the same text, else on the body's first line. Quoted-printable and base64 bodies
  have no plain place to point at: the nearest honest place is chosen, never a wrong one.
- an mbox: each message is placed the same way from its envelope line on.

A fix is applied to the draft's bytes by the same code as `tglint --fix` (so an `.eml`
keeps every byte the fix does not mean to change) and given back as the smallest
replacement of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tglint.models import FileResult, Finding
from tglint.models import Span as Sensitive

if TYPE_CHECKING:
    from tglint.api import Checker
    from tglint.draft import Draft, Part

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENVELOPE = re.compile(r"^From ", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Span:
    """One finding placed in the text: characters [start, end) of `CheckedText.text`."""

    finding: Finding
    # The JSON report's record of the finding: what may be shown (messages and fix
    # descriptions with every detected secret masked).
    record: Mapping[str, Any]
    start: int
    end: int
    message_index: int  # which result (message of an mbox) it belongs to


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace characters [start, end) of the text with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CheckedText:
    text: str
    results: tuple[FileResult, ...]
    spans: tuple[Span, ...]
    # The drafts read, parallel to `results` (None where reading failed).
    drafts: tuple[Draft | None, ...]
    data: bytes  # what was read: the text as UTF-8
    # Characters [start, end) of `text` holding a secret or personal data, reported or not
    # (`FileResult.hidden`): a front end that quotes the text masks them.
    hidden: tuple[tuple[int, int], ...] = ()

    @property
    def rewritable(self) -> bool:
        """Fixes are offered only for one draft read whole, as `tglint --fix` rewrites only those."""
        from tglint.reading import is_partial

        return len(self.drafts) == 1 and self.drafts[0] is not None and not is_partial(self.drafts[0])

    def fix(self, spans: Sequence[Span]) -> Replacement | None:
        """The text with these findings' fixes applied, as one replacement; None when none applies."""
        from tglint.fixing import chosen_edits

        if not self.rewritable or not spans:
            return None
        chosen = FileResult(path="-", findings=tuple(s.finding for s in spans if s.finding.fix))
        return self._apply(chosen_edits(chosen, unsafe=True))

    def fix_all(self, *, unsafe: bool = False) -> Replacement | None:
        """Every safe fix (and unsafe ones with `unsafe`) at once, as `tglint --fix` applies them."""
        from tglint.fixing import chosen_edits

        if not self.rewritable:
            return None
        return self._apply(chosen_edits(self.results[0], unsafe=unsafe))

    def _apply(self, edits: Sequence[Any]) -> Replacement | None:
        from tglint.fixing import fix_bytes

        draft = self.drafts[0]
        if not edits or draft is None:
            return None
        outcome = fix_bytes(self.data, draft, edits)
        if outcome.skipped or outcome.fixed == self.data:
            return None
        try:
            fixed = outcome.fixed.decode("utf-8")
        except UnicodeDecodeError:  # rewritten in the message's own charset: not this text's
            return None
        return smallest_replacement(self.text, fixed)


def check_text(checker: Checker, text: str, path: str = "-") -> CheckedText:
    """Check `text` as the file `path` holding it would be checked, and place every finding."""
    from tglint.api import encode_text
    from tglint.draft import ReadError
    from tglint.reporters.json_report import file_record

    data = encode_text(text)
    items = checker.read_bytes(data, path)
    lines = _Lines(text)
    starts = _message_starts(lines.normalized, len(items))
    results: list[FileResult] = []
    drafts: list[Draft | None] = []
    spans: list[Span] = []
    hidden: list[tuple[int, int]] = []
    for index, item in enumerate(items):
        if isinstance(item, ReadError):
            results.append(FileResult(path=item.path, error=item.message))
            drafts.append(None)
            continue
        result = checker.lint_draft(item)
        results.append(result)
        drafts.append(item)
        end = starts[index + 1] if index + 1 < len(starts) else len(lines.normalized)
        place = _Placer(lines, item, starts[index], end)
        records = file_record(result)["findings"]
        for finding, record in zip(result.findings, records, strict=True):
            start, stop = place(finding, record)
            spans.append(Span(finding, record, lines.original(start), lines.original(stop), index))
        for sensitive in result.hidden:
            where = {key: getattr(sensitive, key) for key in ("line", "column", "end_line", "end_column")}
            start, stop = place(sensitive, where)
            hidden.append((lines.original(start), lines.original(stop)))
    return CheckedText(text, tuple(results), tuple(spans), tuple(drafts), data, tuple(hidden))


def smallest_replacement(old: str, new: str) -> Replacement:
    """The one replacement that turns `old` into `new`, as small as it can be, never
    splitting a CRLF line break."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    if prefix and old[prefix - 1] == "\r" and old[prefix : prefix + 1] == "\n":
        prefix -= 1
    end = len(old) - suffix
    if suffix and old[end - 1 : end] == "\r" and old[end] == "\n":
        end += 1
        suffix -= 1
    return Replacement(prefix, end, new[prefix : len(new) - suffix])


class TextIndex:
    """Lines of a text as editors count them (a line ends at CRLF, CR or LF), 0-based."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def line_col(self, offset: int) -> tuple[int, int]:
        """0-based line and character of an offset (an offset inside a CRLF stays at its line's end)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start, end = self.line_bounds(line)
        return line, min(offset, end) - start

    def line_bounds(self, line: int) -> tuple[int, int]:
        """[start, end) of a 0-based line, without its line break (the last line if beyond)."""
        line = max(0, min(line, len(self._starts) - 1))
        start = self._starts[line]
        if line + 1 == len(self._starts):
            return start, len(self.text)
        end = self._starts[line + 1] - 1
        if self.text[end] == "\n" and end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    @property
    def line_count(self) -> int:
        return len(self._starts)


class _Lines:
    """The text with every line break as "\\n" (as reading sees it), and the way back to
    offsets of the text as given."""

    def __init__(self, text: str) -> None:
        self.normalized = text.replace("\r\n", "\n").replace("\r", "\n")
        # Normalised offsets where a CRLF became one character: each moves later offsets by one.
        self._merged = [match.start() - n for n, match in enumerate(re.finditer("\r\n", text))]
        self.starts = [0, *(m.end() for m in re.finditer("\n", self.normalized))]

    def original(self, offset: int) -> int:
        return offset + bisect_right(self._merged, offset - 1)

    def line_span(self, index: int) -> tuple[int, int]:
        """Normalised [start, end) of 0-based line `index`, without its line break."""
        index = max(0, min(index, len(self.starts) - 1))
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.normalized)
        return start, end

    def offset(self, line: int, column: int) -> int:
        """Normalised offset of a 1-based line and column, kept inside the line."""
        if line > len(self.starts):
            return len(self.normalized)
        start, end = self.line_span(line - 1)
        return min(start + max(column, 1) - 1, end)


def _message_starts(normalized: str, count: int) -> list[int]:
    """Where each message of an mbox starts (its envelope line); [0] for one draft."""
    if count <= 1:
        return [0]
    starts = [m.start() for m in _ENVELOPE.finditer(normalized)]
    return starts if len(starts) == count else [0] * count


class _Placer:
    """Places one draft's findings in the (normalised) text between `start` and `end`."""

    def __init__(self, lines: _Lines, draft: Draft, start: int, end: int) -> None:
        self.lines = lines
        self.draft = draft
        self.start = start
        self.end = end
        text = lines.normalized
        blank = text.find("\n\n", start, end)
        self.header_end = blank + 1 if blank != -1 else end
        self.body_start = blank + 2 if blank != -1 else end

    def __call__(self, finding: Finding | Sensitive, record: Mapping[str, Any]) -> tuple[int, int]:
        if self.draft.kind == "text":
            return self._in_text(record)
        part = self.draft.parts.get(finding.part)
        if part is None:
            return self.start, self.start
        first = _part_offset(part, record["line"], record["column"])
        last = _part_offset(part, record["end_line"], record["end_column"])
        if finding.part == "body":
            return self._in_body(part, first, last)
        return self._in_header(part, first, last)

    def _in_text(self, record: Mapping[str, Any]) -> tuple[int, int]:
        # Reading drops a leading BOM: columns of the first line start after it.
        bom = 1 if self.lines.normalized.startswith("\ufeff") else 0
        first = self.lines.offset(record["line"], record["column"] + (bom if record["line"] == 1 else 0))
        last = self.lines.offset(record["end_line"], record["end_column"] + (bom if record["end_line"] == 1 else 0))
        return first, max(first, last)

    def _in_header(self, part: Part, first: int, last: int) -> tuple[int, int]:
        field = re.compile(rf"^{re.escape(part.name)}[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
        text = self.lines.normalized
        match = field.search(text, self.start, self.header_end)
        if match is None:
            return self.start, self.start
        value_end = match.end()
        while True:  # folded continuation lines belong to the field
            newline = text.find("\n", value_end, self.header_end)
            if newline == -1 or newline + 1 >= self.header_end or text[newline + 1] not in " \t":
                value_end = newline if newline != -1 else self.header_end
                break
            value_end = newline + 1
        raw = text[match.end() : value_end]
        # A value written plainly reads as itself (line breaks and tabs read as spaces).
        if raw.replace("\n", " ").replace("\t", " ").rstrip() == part.text:
            return match.end() + first, match.end() + max(first, last)
        return match.end(), value_end

    def _in_body(self, part: Part, first: int, last: int) -> tuple[int, int]:
        text = self.lines.normalized
        if part.text and (found := text.find(part.text, self.body_start, self.end)) != -1:
            return found + first, found + max(first, last)
        line_start = part.text.rfind("\n", 0, first) + 1
        line_end = part.text.find("\n", first)
        line = part.text[line_start : line_end if line_end != -1 else len(part.text)]
        if line.strip():
            found = text.find(line, self.body_start, self.end)
            if found != -1:
                stop = min(last, line_start + len(line))
                return found + first - line_start, found + max(first, stop) - line_start
        start, end = self.lines.line_span(self.lines.normalized.count("\n", 0, self.body_start))
        return (start, end) if start < self.end else (self.start, self.start)


def _part_offset(part: Part, line: int, column: int) -> int:
    """Offset in `part.text` of a finding's 1-based line and column (as `Part.position` gives them)."""
    index = max(0, line - part.first_line)
    offset = 0
    for _ in range(index):
        newline = part.text.find("\n", offset)
        if newline == -1:
            return len(part.text)
        offset = newline + 1
    column -= part.first_column - 1 if index == 0 else 0
    line_end = part.text.find("\n", offset)
    return min(offset + max(column, 1) - 1, line_end if line_end != -1 else len(part.text))
