"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Choices a consumer needs to know:
- Columns count Unicode code points (`run.columnKind`), end columns are exclusive.
- A message of an mbox ("Drafts.mbox#3") points at the file ("Drafts.mbox"); the
  message number is in `properties.mboxMessage` and the full name in
  `locations[0].logicalLocations[0].fullyQualifiedName`.
- The part (subject, to, body...) is a logical location (the last one, under the
  mbox message if any) and `properties.part`. `properties.location` says what the region
  is: "file" the span's text; "part" where the part's text comes from, when it is not in
  the file as such (decoded), with the span in the decoded text in
  `properties.partRegion`; "message" the message's start (a missing part).
- No `region.snippet`: source text is never copied into SARIF, so it cannot leak.
- A file name with bytes that are not UTF-8 keeps them in its URI, percent-encoded
  (`%FF`); in strings they are `\udcff` escapes (see `json_at_depth`).
- A fix whose edits have no position (line 0) is left out rather than guessed.
- A file's error (level "error") and its reading notes (level "note") are
  `invocations[0].toolExecutionNotifications`; only errors make the run unsuccessful.
- A draft in neither Chinese nor English gets a note there too, naming its language and the
  rules that did not run for it (`properties.language`, `properties.skippedRules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

import tglint
from tglint.models import Edit, FileResult, Finding, Fix, ReplyTime, Severity
from tglint.reporters._common import (
    Region,
    has_position,
    json_at_depth,
    language_note,
    part_region_of,
    region_of,
    rules_by_code,
    split_mbox_path,
)
from tglint.reporters._masking import scrub, secrets
from tglint.rule import RuleDoc, RuleLike

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "tglint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

JsonObject = dict[str, Any]

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def render_sarif(results: Iterable[FileResult], rules: Sequence[RuleLike]) -> str:
    report = SarifReport(rules)
    return report.start() + "".join(report.add(result) for result in results) + report.end()


class SarifReport:
    """One run whose results are written as each file's findings come, byte-identical to
    `json.dumps(log, indent=2)`; only errors and notes are kept, for the invocation."""

    def __init__(self, rules: Sequence[RuleLike]) -> None:
        self._rules = rules_by_code(rules)
        self._index = {rule.code: position for position, rule in enumerate(self._rules)}
        self._written = 0
        self._notifications: list[JsonObject] = []
        self._reply_times: list[JsonObject] = []

    def start(self) -> str:
        return (
            f'{{\n  "$schema": {json_at_depth(SARIF_SCHEMA, 1)},\n  "version": {json_at_depth(SARIF_VERSION, 1)},\n'
            f'  "runs": [\n    {{\n      "tool": {json_at_depth({"driver": _driver(self._rules)}, 3)},\n'
            '      "columnKind": "unicodeCodePoints",\n      "results": ['
        )

    def add(self, result: FileResult) -> str:
        if result.error is not None:
            self._notifications.append(_notification(result, "error", result.error))
        self._notifications.extend(_notification(result, "note", note) for note in result.notes)
        if result.reply_time is not None:
            self._reply_times.append(_reply_time(result, result.reply_time))
        language = language_note(result)
        if language is not None:
            notification = _notification(result, "note", language)
            notification["properties"] = {"language": result.language, "skippedRules": list(result.skipped_rules)}
            self._notifications.append(notification)
        hidden = secrets(result)
        pieces = []
        for finding in result.findings:
            separator = ",\n        " if self._written else "\n        "
            self._written += 1
            pieces.append(separator + json_at_depth(_result(result, finding, self._index, hidden), 4))
        return "".join(pieces)

    def end(self) -> str:
        close = "\n      ]" if self._written else "]"
        invocations = json_at_depth([_invocation(self._notifications)], 3)
        # Per draft, findings or not: the reply time the guide gives for its kind of matter.
        properties = json_at_depth({"replyTimes": self._reply_times}, 3)
        return f'{close},\n      "invocations": {invocations},\n      "properties": {properties}\n    }}\n  ]\n}}\n'


def _reply_time(result: FileResult, reply: ReplyTime) -> JsonObject:
    file_path, message_number = split_mbox_path(result)
    record: JsonObject = {"artifactLocation": {"uri": to_uri(file_path)}}
    if message_number is not None:
        record["mboxMessage"] = message_number
    return {**record, **reply.record()}


def _driver(rules: list[RuleLike]) -> JsonObject:
    return {"name": "tglint", "version": tglint.__version__, "rules": [_rule(rule) for rule in rules]}


def _rule(rule: RuleLike) -> JsonObject:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.what},
        "help": {"text": help_text(rule.doc), "markdown": help_markdown(rule.doc)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category]},
    }


def help_text(doc: RuleDoc) -> str:
    sections = [
        ("What it does", doc.what),
        ("Why", doc.why),
        ("Example (bad)", _indent_examples((doc.bad, *doc.more_bad))),
        ("Example (good)", _indent_examples((doc.good, *doc.more_good))),
        ("Fix", doc.fix),
    ]
    return "\n\n".join(f"{title}:\n{_trim(body)}" for title, body in sections) + "\n"


def help_markdown(doc: RuleDoc) -> str:
    examples = "\n\n".join(
        (_markdown_examples("Bad", (doc.bad, *doc.more_bad)), _markdown_examples("Good", (doc.good, *doc.more_good)))
    )
    sections = [
        ("What it does", doc.what.strip()),
        ("Why", doc.why.strip()),
        ("Example", examples),
        ("Fix", doc.fix.strip()),
    ]
    return "\n\n".join(f"## {title}\n\n{body}" for title, body in sections) + "\n"


def _indent_examples(examples: tuple[str, ...]) -> str:
    return "\n\n".join(_indent(_trim(example)) for example in examples)


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.split("\n"))


def _markdown_examples(label: str, examples: tuple[str, ...]) -> str:
    return f"{label}:\n\n" + "\n\n".join(_fenced(example) for example in examples)


def _fenced(example: str) -> str:
    # The fence must be longer than any run of backticks inside the example.
    longest = max((len(run) for run in re.findall(r"`+", example)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{_trim(example)}\n{fence}"


def _trim(text: str) -> str:
    """Without leading and trailing blank lines; indentation inside is kept."""
    return text.strip("\n")


def _result(result: FileResult, finding: Finding, index: dict[str, int], hidden: tuple[str, ...]) -> JsonObject:
    file_path, message_number = split_mbox_path(result)
    sarif: JsonObject = {"ruleId": finding.rule}
    if finding.rule in index:
        sarif["ruleIndex"] = index[finding.rule]
    sarif["level"] = LEVELS[finding.severity]
    sarif["message"] = {"text": scrub(finding.message, hidden)}
    sarif["locations"] = [_location(result.path, file_path, message_number, finding)]
    if finding.fingerprint:
        sarif["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: JsonObject = {"part": finding.part, "category": finding.category}
    properties["location"] = finding.location.value
    properties["partRegion"] = _sarif_region(part_region_of(finding))
    if message_number is not None:
        properties["mboxMessage"] = message_number
    sarif["properties"] = properties
    fix = _fix(file_path, finding.fix, hidden) if finding.fix is not None else None
    if fix is not None:
        sarif["fixes"] = [fix]
    return sarif


def _location(path: str, file_path: str, message_number: int | None, finding: Finding) -> JsonObject:
    location: JsonObject = {
        "physicalLocation": {"artifactLocation": {"uri": to_uri(file_path)}, "region": _region(finding)}
    }
    part: JsonObject = {"name": finding.part, "fullyQualifiedName": f"{path}/{finding.part}"}
    if message_number is not None:
        message = {"name": f"#{message_number}", "fullyQualifiedName": path}
        location["logicalLocations"] = [message, part]
    else:
        location["logicalLocations"] = [part]
    return location


def _region(span: Finding | Edit) -> JsonObject:
    return _sarif_region(region_of(span))


def _sarif_region(region: Region) -> JsonObject:
    return {
        "startLine": region.line,
        "startColumn": region.column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
    }


def _fix(file_path: str, fix: Fix, hidden: tuple[str, ...]) -> JsonObject | None:
    if not fix.edits or not all(has_position(edit) for edit in fix.edits):
        return None
    replacements = [
        {"deletedRegion": _region(edit), "insertedContent": {"text": scrub(edit.content, hidden)}} for edit in fix.edits
    ]
    return {
        "description": {"text": scrub(fix.description, hidden)},
        "artifactChanges": [{"artifactLocation": {"uri": to_uri(file_path)}, "replacements": replacements}],
    }


def to_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, absolute ones become file: URIs."""
    posix = path.replace("\\", "/")
    # A name's bytes that are not UTF-8 (surrogate-escaped in Python) are percent-encoded as they are.
    raw = posix.encode("utf-8", "surrogateescape")
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(raw, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(raw, safe="/")
    return quote(raw, safe="/")


def _invocation(notifications: Sequence[JsonObject]) -> JsonObject:
    invocation: JsonObject = {"executionSuccessful": not any(n["level"] == "error" for n in notifications)}
    if notifications:
        invocation["toolExecutionNotifications"] = list(notifications)
    return invocation


def _notification(result: FileResult, level: str, text: str) -> JsonObject:
    file_path, _ = split_mbox_path(result)
    return {
        "level": level,
        "message": {"text": f"{result.path}: {text}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": to_uri(file_path)}}}],
    }
