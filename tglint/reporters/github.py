"""GitHub Actions workflow commands: one annotation line per finding or unreadable file.

A message of an mbox ("Drafts.mbox#3") is annotated on the file ("Drafts.mbox"),
with the message number in the title, since GitHub only knows files. The title names
the part ("[subject]"); a span whose text is not in the file as such is annotated where
its source starts, and the title gives its place in the decoded text ("[body, decoded 3:5]").

Paths and messages come from drafts and file names: their controls are shown as
visible escapes (`tglint.escaping.printable`) and then escaped as the runner
unescapes them, so none can end a command early, start another one, or reach the
log as a terminal control.
"""

from __future__ import annotations

from collections.abc import Iterable

from tglint.escaping import printable
from tglint.models import FileResult, Finding, Severity
from tglint.reporters._common import language_note, part_label, region_of, split_mbox_path
from tglint.reporters._masking import scrub, secrets

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(results: Iterable[FileResult]) -> str:
    report = GithubReport()
    return report.start() + "".join(report.add(result) for result in results) + report.end()


class GithubReport:
    """One workflow command a line, written as each file's results come."""

    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        lines: list[str] = []
        if result.error is not None:
            lines.append(_error_line(result))
        note = language_note(result)
        if note is not None:
            file_path, _ = split_mbox_path(result)
            properties = {"file": file_path, "title": "tglint: other language"}
            lines.append(_command("notice", properties, f"{result.path}: {note}"))
        hidden = secrets(result)
        lines.extend(_finding_line(result, finding, hidden) for finding in result.findings)
        return "".join(line + "\n" for line in lines)

    def end(self) -> str:
        return ""


def _finding_line(result: FileResult, finding: Finding, hidden: tuple[str, ...]) -> str:
    file_path, message_number = split_mbox_path(result)
    region = region_of(finding)
    title = f"{finding.rule} {finding.name} [{part_label(finding)}]"
    if message_number is not None:
        title += f" (message #{message_number})"
    properties = {
        "file": file_path,
        "line": str(region.line),
        "col": str(region.column),
        "endLine": str(region.end_line),
        "endColumn": str(region.end_column),
        "title": title,
    }
    return _command(COMMANDS[finding.severity], properties, scrub(finding.message, hidden))


def _error_line(result: FileResult) -> str:
    file_path, _ = split_mbox_path(result)
    properties = {"file": file_path, "title": "tglint: unreadable file"}
    return _command("error", properties, f"{result.path}: {result.error}")


def _command(name: str, properties: dict[str, str], message: str) -> str:
    joined = ",".join(f"{key}={escape_property(printable(value, one_line=True))}" for key, value in properties.items())
    return f"::{name} {joined}::{escape_data(printable(message))}"


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it ('%' first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus the ':' and ',' that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
