"""Keeping secrets out of every report.

The engine records every sensitive stretch of a draft in `FileResult.hidden` (secrets and
personal data, whether or not a finding on them is reported). Any output that shows source
text masks those stretches with `mask_line`, and every other piece of text a report prints
that may quote the draft (messages, fixes, recipients, a diff) goes through `scrub`, which
hides each of those secrets wherever it turns up, whole or cut short by an ellipsis, so one
rule quoting the draft cannot leak what another rule flagged.
"""

from __future__ import annotations

from tglint.masking import mask_text
from tglint.models import FileResult, Finding, Span

# Scrubbing every occurrence of a very short secret ("12") would mangle unrelated
# text; such spans are still masked where they were flagged.
_MIN_SCRUB_LENGTH = 4
# A quote cut short ("…password Hunt…") still shows this much of a secret at most.
_MIN_CUT_PIECE = 3
_ELLIPSES = ("…", "...")


def mask_line(result: FileResult, part: str, line: int) -> str:
    """The source line `line` of `part`, with every sensitive span on it masked.

    Returns "" when the part's text is not known. Masking keeps the number of
    characters, so columns still point at the same places.
    """
    view = result.part_texts.get(part)
    if view is None:
        return ""
    chars = list(view.source_line(line))
    for span in _sensitive(result, part):
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
    return scrub("".join(chars), secrets(result))


def line_segment(span: Finding | Span, line: int, line_length: int) -> tuple[int, int] | None:
    """The 0-based [start, end) characters of `line` that `span` covers.

    Columns are 1-based and the end column is exclusive (it points at the first
    character after the span), as `Part.position` computes them.
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
        view = result.part_texts[span.part]
        for line in range(span.line, max(span.end_line, span.line) + 1):
            text = view.source_line(line)
            segment = line_segment(span, line, len(text))
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


def _keeps_first(span: Finding | Span) -> bool:
    # A secret broken over lines is rare and its pieces may be short: hide it all.
    return span.end_line <= span.line
