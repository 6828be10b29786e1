"""Report renderers: every format renders the same `FileResult` records and nothing else.

    render("json", results, rules) -> str          # the whole report
    open_report("json", rules) -> Report         # start(), add(result)..., end(): streamed

Output is deterministic (identical input, byte-identical output) and never shows a
secret: sensitive spans are masked wherever source text appears (see `_masking`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from tglint.models import FileResult
from tglint.reporters._masking import mask_line
from tglint.reporters.github import GithubReport
from tglint.reporters.html import render_html
from tglint.reporters.json_report import JsonReport
from tglint.reporters.sarif import SarifReport
from tglint.reporters.text import TextReport
from tglint.rule import RuleLike

__all__ = ["FORMATS", "Report", "mask_line", "open_report", "render"]

FORMATS = ("text", "json", "sarif", "github", "html")


class Report(Protocol):
    """A report written piece by piece as results come, so a batch is never held whole:
    `start()`, then `add(result)` for each file in order, then `end()`."""

    def start(self) -> str: ...

    def add(self, result: FileResult) -> str: ...

    def end(self) -> str: ...


class _HtmlReport:
    """One page with the summary at the top: the results are kept until the end."""

    def __init__(self, rules: Sequence[RuleLike]) -> None:
        self._rules = rules
        self._results: list[FileResult] = []

    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        self._results.append(result)
        return ""

    def end(self) -> str:
        return render_html(self._results, self._rules)


class _Printable:
    """Drafts decoded with errors="surrogateescape" can carry lone surrogates, which no
    UTF-8 stream accepts: they are replaced rather than crash the printing."""

    def __init__(self, report: Report) -> None:
        self._report = report

    def start(self) -> str:
        return _printable(self._report.start())

    def add(self, result: FileResult) -> str:
        return _printable(self._report.add(result))

    def end(self) -> str:
        return _printable(self._report.end())


def open_report(fmt: str, rules: Sequence[RuleLike], *, color: bool = False, width: int = 100) -> Report:
    """A report in format `fmt` (one of `FORMATS`) to feed results to."""
    report: Report
    if fmt == "text":
        report = TextReport(color=color, width=width)
    elif fmt == "json":
        report = JsonReport()
    elif fmt == "sarif":
        report = SarifReport(rules)
    elif fmt == "github":
        report = GithubReport()
    elif fmt == "html":
        report = _HtmlReport(rules)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _Printable(report)


def render(
    fmt: str,
    results: Iterable[FileResult],
    rules: Sequence[RuleLike],
    *,
    color: bool = False,
    width: int = 100,
) -> str:
    """The whole report in format `fmt` (one of `FORMATS`), ending with a newline."""
    report = open_report(fmt, rules, color=color, width=width)
    return report.start() + "".join(report.add(result) for result in results) + report.end()


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")
