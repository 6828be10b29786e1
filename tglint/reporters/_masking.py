"""Keeping secrets out of every report.

The engine records every sensitive stretch of a draft in `FileResult.hidden` (secrets and
personal data, whether or not a finding on them is reported). Any output that shows source
text masks those stretches with `mask_line`, and every other piece of text a report prints
that may quote the draft (messages, fixes, recipients, a diff) goes through `scrub`, which
hides each of those secrets wherever it turns up, whole or cut short by an ellipsis, so one
rule quoting the draft cannot leak what another rule flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from tglint.masking import mask_text
from tglint.models import FileResult, Finding, Span

# Scrubbing every occurrence of a very short secret ("12") would mangle unrelated
# text; such spans are still masked where they were flagged.
_MIN_SCRUB_LENGTH = 4
# A quote cut short ("…password Hunt…") still shows this much of a secret at most.
_MIN_CUT_PIECE = 3
_ELLIPSES = ("…", "...")


@dataclass(frozen=True, slots=True)
class ShownSpan:
    """Where a finding's span is shown: on the file's lines as written (`in_file`), or on
    the lines of the part's decoded text when it is not in the file as such."""

    in_file: bool
    line: int
    column: int
    end_line: int
    end_column: int


def shown_span(result: FileResult, finding: Finding) -> ShownSpan:
    """Where to show a finding: on the file's line when its text is there and the report has
    that line, else on the part's decoded line."""
    view = result.part_texts.get(finding.part)
    on_file_line = finding.in_file and (view is None or view.lines is None or finding.line in view.lines)
    if on_file_line or finding.part_line < 1:
        return ShownSpan(True, finding.line, finding.column, finding.end_line, finding.end_column)
    return ShownSpan(False, finding.part_line, finding.part_column, finding.part_end_line, finding.part_end_column)


def _span_in(finding: Finding | Span, in_file: bool) -> ShownSpan | None:
    """The finding's span on the file's lines or on the part's lines, if it has one there."""
    if in_file:
        return (
            ShownSpan(True, finding.line, finding.column, finding.end_line, finding.end_column)
            if finding.in_file
            else None
        )
    if finding.part_line < 1:
        return None
    return ShownSpan(False, finding.part_line, finding.part_column, finding.part_end_line, finding.part_end_column)


def source_text(result: FileResult, part: str, line: int, in_file: bool = True) -> str:
    """Line `line` of the file (as written) or of the part's text, unmasked; "" when unknown."""
    view = result.part_texts.get(part)
    if view is None:
        return ""
    return view.source_line(line) if in_file else view.text_line(line)


def mask_line(
    result: FileResult, part: str, line: int, in_file: bool = True, known: tuple[str, ...] | None = None
) -> str:
    """The source line `line` of `part`, with every sensitive span on it masked.

    `in_file`: a line of the file as written, else a line of the part's own text.
    `known`: `secrets(result)`, when the caller has it already.
    Returns "" when the line is not known. Masking keeps the number of characters, so
    columns still point at the same places.
    """
    chars = list(source_text(result, part, line, in_file))
    if not chars:
        return ""
    for sensitive in _sensitive(result, part):
        span = _span_in(sensitive, in_file)
        if span is None:
            continue
        segment = line_segment(span, line, len(chars))
        if segment is None:
            continue
        start, end = segment
        masked = mask_text("".join(chars[start:end]), keep_first=_keeps_first(span))
        # Stars only accumulate: a character starred by one span stays starred
        # even if an overlapping span would have kept it.
        for index, char in enumerate(masked, start):
            if char == "*":
                chars[index] = "*"
    return scrub("".join(chars), secrets(result) if known is None else known)


def line_segment(span: ShownSpan | Finding | Span, line: int, line_length: int) -> tuple[int, int] | None:
    """The 0-based [start, end) characters of `line` that the span covers.

    Columns are 1-based and the end column is exclusive (it points at the first
    character after the span), as `Part.locate` computes them.
    """
    first, last = span.line, max(span.end_line, span.line)
    if not first <= line <= last:
        return None
    start = span.column - 1 if line == first else 0
    end = span.end_column - 1 if line == last else line_length
    start = max(0, min(start, line_length))
    end = max(start, min(end, line_length))
    return (start, end) if end > start else None


def secrets(result: FileResult) -> tuple[str, ...]:
    """The text of every sensitive span of a result, longest first, one piece per line."""
    found: set[str] = set()
    for span in _all_sensitive(result):
        if span.part not in result.part_texts:
            continue
        for in_file in (True, False):
            shown = _span_in(span, in_file)
            if shown is None:
                continue
            for line in range(shown.line, max(shown.end_line, shown.line) + 1):
                text = source_text(result, span.part, line, in_file)
                segment = line_segment(shown, line, len(text))
                if segment is not None:
                    piece = text[segment[0] : segment[1]].strip()
                    if len(piece) >= _MIN_SCRUB_LENGTH:
                        found.add(piece)
    # Longest first, so a secret containing a shorter one is hidden whole.
    return tuple(sorted(found, key=lambda piece: (-len(piece), piece)))


def scrub(text: str, known_secrets: tuple[str, ...]) -> str:
    """`text` with every occurrence of a known secret fully masked (same length), and every piece
    of one that an ellipsis cut short ("Hunt…", "…2024!")."""
    for secret in known_secrets:
        if secret in text:
            text = text.replace(secret, mask_text(secret, keep_first=False))
        for ellipsis in _ELLIPSES:
            if ellipsis not in text:
                continue
            for length in range(len(secret) - 1, _MIN_CUT_PIECE - 1, -1):
                head, tail = secret[:length], secret[-length:]
                text = text.replace(head + ellipsis, "*" * length + ellipsis)
                text = text.replace(ellipsis + tail, ellipsis + "*" * length)
    return text


def _all_sensitive(result: FileResult) -> list[Finding | Span]:
    """What a report must hide: the engine's record, and sensitive findings (a result built by hand)."""
    return [*result.hidden, *(f for f in result.findings if f.sensitive)]


def _sensitive(result: FileResult, part: str) -> list[Finding | Span]:
    return [span for span in _all_sensitive(result) if span.part == part]


def _keeps_first(span: ShownSpan | Finding | Span) -> bool:
    # A secret broken over lines is rare and its pieces may be short: hide it all.
    return span.end_line <= span.line
