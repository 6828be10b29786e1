"""Keeping secrets out of every report.

A finding with `sensitive=True` marks a span of the draft that is a secret. Any
output that shows source text masks those spans with `mask_line`. As a second
line of defence, `scrub` hides the flagged secrets wherever else they turn up
(a repeat of the secret in a context line, a careless message or fix), so one
rule's mistake cannot leak what another rule flagged.
"""

from __future__ import annotations

from tglint.masking import mask_text
from tglint.models import FileResult, Finding

# Scrubbing every occurrence of a very short secret ("12") would mangle unrelated
# text; such spans are still masked where they were flagged.
_MIN_SCRUB_LENGTH = 4


def mask_line(result: FileResult, part: str, line: int) -> str:
    """The source line `line` of `part`, with every sensitive span on it masked.

    Returns "" when the part's text is not known. Masking keeps the number of
    characters, so columns still point at the same places.
    """
    view = result.part_texts.get(part)
    if view is None:
        return ""
    chars = list(view.source_line(line))
    for finding in _sensitive(result, part):
        segment = line_segment(finding, line, len(chars))
        if segment is None:
            continue
        start, end = segment
        masked = mask_text("".join(chars[start:end]), keep_first=_keeps_first(finding))
        # Stars only accumulate: a character starred by one span stays starred
        # even if an overlapping span would have kept it.
        for index, char in enumerate(masked, start):
            if char == "*":
                chars[index] = "*"
    return scrub("".join(chars), secrets(result))


def line_segment(finding: Finding, line: int, line_length: int) -> tuple[int, int] | None:
    """The 0-based [start, end) characters of `line` that `finding`'s span covers.

    Columns are 1-based and the end column is exclusive (it points at the first
    character after the span), as `Part.position` computes them.
    """
    first, last = finding.line, max(finding.end_line, finding.line)
    if not first <= line <= last:
        return None
    start = finding.column - 1 if line == first else 0
    end = finding.end_column - 1 if line == last else line_length
    start = max(0, min(start, line_length))
    end = max(start, min(end, line_length))
    return (start, end) if end > start else None


def secrets(result: FileResult) -> tuple[str, ...]:
    """The text of every sensitive span of a result, longest first, one piece per line."""
    found: set[str] = set()
    for finding in result.findings:
        if not finding.sensitive or finding.part not in result.part_texts:
            continue
        view = result.part_texts[finding.part]
        for line in range(finding.line, max(finding.end_line, finding.line) + 1):
            text = view.source_line(line)
            segment = line_segment(finding, line, len(text))
            if segment is not None:
                piece = text[segment[0] : segment[1]].strip()
                if len(piece) >= _MIN_SCRUB_LENGTH:
                    found.add(piece)
    # Longest first, so a secret containing a shorter one is hidden whole.
    return tuple(sorted(found, key=lambda piece: (-len(piece), piece)))


def scrub(text: str, known_secrets: tuple[str, ...]) -> str:
    """`text` with every occurrence of a known secret fully masked (same length)."""
    for secret in known_secrets:
        if secret in text:
            text = text.replace(secret, mask_text(secret, keep_first=False))
    return text


def _sensitive(result: FileResult, part: str) -> list[Finding]:
    return [f for f in result.findings if f.sensitive and f.part == part]


def _keeps_first(finding: Finding) -> bool:
    # A secret broken over lines is rare and its pieces may be short: hide it all.
    return finding.end_line <= finding.line
