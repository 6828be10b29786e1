"""The human report: findings grouped by file, each with its source line underlined.

Draft text is untrusted. Every line is built from pieces of text with their styles
(`rich.text.Text` for a coloured report), never from markup strings, so `[bold]` or
`:smile:` in a draft prints literally; control characters, bidi overrides and workflow
commands in draft text and file names are shown as visible escapes (`tglint.escaping`)
so a draft cannot drive the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len

from tglint.escaping import escape_controls, needs_escape, printable
from tglint.models import FileResult, Finding, Severity
from tglint.reporters._common import (
    Summary,
    Tally,
    errors_sentence,
    fixable_phrase,
    language_note,
    part_label,
    plural,
    region_of,
)
from tglint.reporters._masking import ShownSpan, line_segment, mask_line, scrub, secrets, shown_span

if TYPE_CHECKING:
    # rich's console and Text take tens of milliseconds to import: loaded for a coloured report only.
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_GUTTER_STYLE = "blue"
_TAB = "    "
# The GitHub Actions runner obeys "##[command]" anywhere in a line of its log.
_LEGACY_COMMAND = "##["
# A context line narrower than this is not worth cutting around the span.
_MIN_CONTEXT_WIDTH = 20


def render_text(results: Iterable[FileResult], *, color: bool = False, width: int = 100) -> str:
    report = TextReport(color=color, width=width)
    return report.start() + "".join(report.add(result) for result in results) + report.end()


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of the report: its pieces of text, each with its style ("": none), and the line's style.

    Made into a rich `Text` only for a coloured report; a plain one is the pieces' text as rich would
    give it (`Text.plain` drops the same control codes), without making a `Text` per line.
    """

    pieces: tuple[tuple[str, str], ...] = ()
    style: str = ""

    def rich(self) -> Text:
        from rich.text import Text

        return Text.assemble(*self.pieces, style=self.style)

    def plain(self) -> str:
        text = "".join(text for text, _ in self.pieces)
        # The control codes rich drops are not printable: a printable line (most are) has none.
        if text.isprintable():
            return text
        from rich.control import strip_control_codes

        return strip_control_codes(text)


class TextReport:
    """Findings grouped by file, written as each file's results come; the summary last."""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self._width = width
        self._tally = Tally()
        # Without colour the lines are their plain text: rich would only copy them.
        self._console = _console(width) if color else None

    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        self._tally.add(result)
        lines: list[_Line] = []
        if result.error is not None:
            # A truncated message is an error, and what could be read of it is still reported.
            lines.append(_error_line(result))
            if not result.findings:
                lines.append(_Line())
        if result.findings or result.skipped_rules:
            lines.extend(_file_lines(result, self._width))
        return self._lines(lines) if lines else ""

    def end(self) -> str:
        return self._lines(_summary_lines(self._tally.summary()))

    def _lines(self, lines: Iterable[_Line]) -> str:
        if self._console is None:
            return "".join(line.plain() + "\n" for line in lines)
        output = self._console.file
        assert isinstance(output, io.StringIO)
        for line in lines:
            self._console.print(line.rich())
        text = output.getvalue()
        output.seek(0)
        output.truncate()
        return text


def _console(width: int) -> Console:
    from rich.console import Console

    # Every setting the environment could change is fixed, so output is reproducible
    # (no NO_COLOR/COLORTERM/TERM sniffing, no emoji codes, no highlighting).
    return Console(
        file=io.StringIO(),
        force_terminal=True,
        no_color=False,
        color_system="standard",
        width=width,
        highlight=False,
        soft_wrap=True,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def _file_lines(result: FileResult, width: int) -> list[_Line]:
    lines = [_header(result)]
    note = language_note(result)
    if note is not None:
        lines.append(_Line((("  " + one_line(note), ""),), "dim"))
    hidden = secrets(result)
    for finding in result.findings:
        lines.append(_finding_line(result.path, finding, hidden))
        lines.extend(_context(result, finding, width, hidden))
    lines.append(_Line())
    return lines


def _header(result: FileResult) -> _Line:
    details = []
    if result.language:
        details.append(f"language: {result.language}")
    if result.topic:
        details.append(f"topic: {result.topic}")
    if result.reply_time is not None:
        details.append(f"reply: {result.reply_time.line()}")
    pieces = [(one_line(result.path), "")]
    if details:
        pieces.append((f" ({one_line(', '.join(details))})", ""))
    return _Line(tuple(pieces), "bold underline")


def _finding_line(path: str, finding: Finding, hidden: tuple[str, ...]) -> _Line:
    region = region_of(finding)
    pieces = [
        (f"{one_line(path)}:{region.line}:{region.column}:", "bold"),
        (" ", ""),
        (f"[{one_line(part_label(finding))}]", _GUTTER_STYLE),
        (" ", ""),
        (one_line(finding.rule), "bold"),
        (" ", ""),
        (f"[{finding.severity.value}]", SEVERITY_STYLE[finding.severity]),
    ]
    if finding.fix is not None and finding.fix.applicability == "safe":
        # As in ruff, [*] marks what --fix applies; the summary counts unsafe fixes apart.
        pieces.append((" [*]", "cyan"))
    pieces.append((" " + one_line(scrub(finding.message, hidden)), ""))
    return _Line(tuple(pieces))


def _error_line(result: FileResult) -> _Line:
    return _Line(
        (
            (f"{one_line(result.path)}:", "bold"),
            (" ", ""),
            ("error:", "bold red"),
            (" ", ""),
            (one_line(result.error or ""), ""),
        )
    )


@dataclass(frozen=True, slots=True)
class _Shown:
    """A source line as displayed: the text and the cells the span occupies."""

    text: str
    caret_start: int
    caret_width: int


def _context(result: FileResult, finding: Finding, width: int, hidden: tuple[str, ...]) -> list[_Line]:
    """The masked source line with the span underlined; nothing when the text is unknown.

    The line is the file's own, as written (a header's line with its name), numbered as
    in the file; a span whose text is not in the file as such (decoded) is shown on the
    part's decoded line, numbered in the part ("body 3").
    """
    span = shown_span(result, finding)
    source = mask_line(result, finding.part, span.line, span.in_file, hidden)
    if not source.strip():
        return []
    gutter = str(span.line) if span.in_file else f"{one_line(finding.part)} {span.line}"
    gutter_width = cell_len(gutter)
    shown = _show(source, span, width - gutter_width - 3)
    style = SEVERITY_STYLE[finding.severity]
    code_line = _Line(((f"{gutter} |", _GUTTER_STYLE), (" ", ""), (shown.text, "")))
    caret_line = _Line(
        (
            (" " * gutter_width + " |", _GUTTER_STYLE),
            (" " + " " * shown.caret_start, ""),
            ("^" * shown.caret_width, style),
        )
    )
    return [code_line, caret_line]


def _show(source: str, span: ShownSpan, available: int) -> _Shown:
    """Lay the line out in terminal cells, cutting a window around the span if too wide."""
    cells = display_cells(source)
    start, end = _span_on_line(source, span)
    first, last = _window(cells, start, max(available, _MIN_CONTEXT_WIDTH))
    prefix = "\u2026" if first > 0 else ""
    suffix = "\u2026" if last < len(cells) else ""
    # The part of the span inside the window; carets clip at its edges.
    visible_start = min(max(start, first), last)
    visible_end = max(visible_start, min(end, last))
    caret_start = cell_len(prefix + "".join(cells[first:visible_start]))
    caret_width = max(1, cell_len("".join(cells[visible_start:visible_end])))
    return _Shown(prefix + "".join(cells[first:last]) + suffix, caret_start, caret_width)


def _span_on_line(source: str, span: ShownSpan) -> tuple[int, int]:
    segment = line_segment(span, span.line, len(source))
    if segment is not None:
        return segment
    # An empty span, or one at the end of the line, still gets one caret where it is.
    at = min(max(span.column - 1, 0), len(source))
    return at, at


def _window(cells: list[str], start: int, available: int) -> tuple[int, int]:
    """The [first, last) characters to show so the line fits in `available` cells."""
    line = "".join(cells)
    if cell_len(line) <= available:
        return 0, len(cells)
    # A printable ASCII character takes one cell: most long lines are measured without asking rich per cell.
    width = len if line.isascii() and line.isprintable() else cell_len
    budget = available - 2  # room for the two ellipses
    first = start
    # Show some of what leads up to the span, a quarter of the width at most.
    lead = 0
    while first > 0 and lead + width(cells[first - 1]) <= budget // 4:
        first -= 1
        lead += width(cells[first])
    last, used = first, 0
    while last < len(cells) and used + width(cells[last]) <= budget:
        used += width(cells[last])
        last += 1
    return first, max(last, min(first + 1, len(cells)))


def display_char(char: str) -> str:
    """What to put on the terminal for one character of draft text."""
    if char == "\t":
        return _TAB
    return escape_controls(char, one_line=True)


def display_cells(source: str) -> list[str]:
    """What to put on the terminal for each character of a line of draft text."""
    if needs_escape(source.replace("\t", ""), one_line=True):
        cells = [display_char(char) for char in source]
    else:  # most lines: each character is shown as it is, but a tab
        cells = [_TAB if char == "\t" else char for char in source] if "\t" in source else list(source)
    at = source.find(_LEGACY_COMMAND)
    while at >= 0:
        cells[at + 2] = "\\x5b"
        at = source.find(_LEGACY_COMMAND, at + 3)
    return cells


def one_line(text: str) -> str:
    """Untrusted text for a one-line field (a path, a message): every control visibly escaped."""
    return printable(text, one_line=True)


def _summary_lines(summary: Summary) -> list[_Line]:
    lines: list[_Line] = []
    if summary.findings:
        counts = ", ".join(
            (
                plural(summary.error, "error"),
                plural(summary.warning, "warning"),
                f"{summary.info} info",
            )
        )
        found = (
            f"Found {plural(summary.findings, 'finding')} ({counts}) in "
            f"{plural(summary.files_with_findings, 'file')}; {fixable_phrase(summary)}"
        )
        lines.append(_Line(((found, ""),), "bold"))
    elif summary.unreadable:
        # "All checks passed" would be untrue when some files were not checked at all.
        lines.append(_Line((("No findings.", ""),), "bold"))
    else:
        lines.append(_Line((("All checks passed.", ""),), "bold green"))
    if summary.unreadable:
        # Not only unreadable files: a truncated message, a directory without drafts.
        lines.append(_Line(((errors_sentence(summary.unreadable), ""),), "bold red"))
    return lines
