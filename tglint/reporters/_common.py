"""What several reporters need: counts, clamped positions, mbox paths, rule lookup."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

from tglint.models import Edit, FileResult, Finding, Location, Severity
from tglint.rule import RuleLike


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    files_with_findings: int
    unreadable: int
    findings: int
    error: int
    warning: int
    info: int
    fixable: int  # findings with a safe fix: what `--fix` applies
    fixable_unsafe: int  # findings with an unsafe fix: applied only with `--unsafe-fixes`


@dataclass(frozen=True, slots=True)
class Region:
    """1-based, end column exclusive; always a valid region (start <= end, all >= 1)."""

    line: int
    column: int
    end_line: int
    end_column: int


class Tally:
    """The summary's counts, kept up to date as results stream past (none is held)."""

    def __init__(self) -> None:
        self._files = self._with_findings = self._unreadable = self._fixable = self._fixable_unsafe = 0
        self._by_severity = dict.fromkeys(Severity, 0)

    def add(self, result: FileResult) -> None:
        self._files += 1
        self._with_findings += bool(result.findings)
        self._unreadable += result.error is not None
        for finding in result.findings:
            self._by_severity[finding.severity] += 1
            if finding.fix is not None:
                # As `--fix` decides: anything not marked safe waits for --unsafe-fixes.
                if finding.fix.applicability == "safe":
                    self._fixable += 1
                else:
                    self._fixable_unsafe += 1

    @property
    def files(self) -> int:
        return self._files

    def summary(self) -> Summary:
        return Summary(
            files=self._files,
            files_with_findings=self._with_findings,
            unreadable=self._unreadable,
            findings=sum(self._by_severity.values()),
            error=self._by_severity[Severity.ERROR],
            warning=self._by_severity[Severity.WARNING],
            info=self._by_severity[Severity.INFO],
            fixable=self._fixable,
            fixable_unsafe=self._fixable_unsafe,
        )


def fixable_phrase(summary: Summary) -> str:
    """How many findings the fixer can fix, safe and unsafe counted apart as ruff does."""
    safe, unsafe = summary.fixable, summary.fixable_unsafe
    if safe and unsafe:
        return f"{safe} fixable with --fix, {unsafe} more with --unsafe-fixes."
    if unsafe:
        return f"{unsafe} fixable with --fix --unsafe-fixes."
    if safe:
        return f"{safe} fixable with --fix."
    return "0 fixable."


def summarize(results: Iterable[FileResult]) -> Summary:
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.summary()


# Characters JSON may carry raw but a terminal showing the report should not: DEL and C1
# controls, bidi controls, line separators, and the lone surrogates that stand for a
# file name's bytes that are not UTF-8 (which no UTF-8 stream can carry at all).
_JSON_ESCAPED = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_at_depth(value: object, depth: int) -> str:
    """`value` as `json.dumps(..., indent=2)` writes it when nested `depth` levels deep.

    Lets a report be written piece by piece, byte-identical to dumping the whole document.
    The characters of `_JSON_ESCAPED` are written as `\\uXXXX` escapes: the same JSON value,
    and a file name's undecodable byte reads back in Python as the surrogate it was.
    """
    try:
        text = _indented(value, "  " * depth)
    except _NotPlain:
        text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    return _JSON_ESCAPED.sub(_json_escape, text)


# How the commonest values are written, looked up by their exact type: most of a report's values are
# strings and numbers, written without a call of `_indented` each.
_SCALAR: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _: "null",
}


class _NotPlain(Exception):
    """A value `_indented` leaves to `json.dumps`."""


def _indented(value: object, indent: str) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, each line after the
    first starting with `indent`, for the values reports are made of (str-keyed dicts, lists, strings,
    numbers, booleans, None); _NotPlain for any other. With an indent, `json.dumps` takes the
    encoder written in Python, whose generators cost most of a JSON report: this writes it directly."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _NotPlain
        return float.__repr__(value)
    inner = indent + "  "
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [write(item) if (write := _SCALAR.get(type(item))) else _indented(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        try:
            fields = [
                encode_basestring(key)
                + ": "
                + (write(item) if (write := _SCALAR.get(type(item))) else _indented(item, inner))
                for key, item in value.items()
            ]
        except TypeError:  # a key that is not a string: json.dumps converts it
            raise _NotPlain from None
        return "{\n" + inner + (",\n" + inner).join(fields) + "\n" + indent + "}"
    raise _NotPlain


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def region_of(span: Finding | Edit) -> Region:
    """The span's position in the file, clamped so that consumers that demand >= 1 accept it.

    Findings about a whole part (a missing subject) may come without a real
    position; they point at the part's start rather than at line 0.
    """
    return _clamped(span.line, span.column, span.end_line, span.end_column)


def part_region_of(finding: Finding) -> Region:
    """The span's position in the part's own text; its file position when that is not known."""
    if finding.part_line < 1:
        return region_of(finding)
    return _clamped(finding.part_line, finding.part_column, finding.part_end_line, finding.part_end_column)


def _clamped(line: int, column: int, end_line: int, end_column: int) -> Region:
    line = max(1, line)
    column = max(1, column)
    end_line = max(line, end_line)
    end_column = max(1, end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return Region(line, column, end_line, end_column)


def part_label(finding: Finding) -> str:
    """The part a finding is in, as reports name it: "subject", or "body, decoded 3:5"
    (line and column in the part's decoded text) when its text is not in the file as such."""
    if finding.location is Location.PART:
        region = part_region_of(finding)
        return f"{finding.part}, decoded {region.line}:{region.column}"
    return finding.part


def has_position(edit: Edit) -> bool:
    """Whether the engine filled in the edit's line and column (0 means unknown)."""
    return edit.line >= 1 and edit.column >= 1


def split_mbox_path(result: FileResult) -> tuple[str, int | None]:
    """Message 3 of `Drafts.mbox` -> (`Drafts.mbox`, 3); any other result -> (its path, None).

    Only a result the reader marked as an mbox message is split: a file really named
    `notes#2` is that file, not message 2 of `notes`.
    """
    number = result.message_number
    suffix = f"#{number}"
    if number is None or not result.path.endswith(suffix):
        return result.path, None
    return result.path[: -len(suffix)], number


def rules_by_code(rules: Sequence[RuleLike]) -> list[RuleLike]:
    """The rules sorted by code, first one kept when a code is registered twice."""
    seen: dict[str, RuleLike] = {}
    for rule in rules:
        seen.setdefault(rule.code, rule)
    return [seen[code] for code in sorted(seen)]


def errors_sentence(count: int) -> str:
    """How the summary counts files with an error: unreadable, truncated, a directory without drafts."""
    return "1 file had an error." if count == 1 else f"{count} files had errors."


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def language_note(result: FileResult) -> str | None:
    """What every format says of a draft in neither Chinese nor English: its language and the rules that did
    not run for it. None for any other draft."""
    if not result.skipped_rules:
        return None
    return (
        f"written in {result.language or 'another language'}, neither Chinese nor English: only the checks for "
        f"any language ran; skipped {code_ranges(result.skipped_rules)}"
    )


def code_ranges(codes: Iterable[str]) -> str:
    """Rule codes, three or more consecutive numbers written as a range: "TG101-TG106, TG108, TG301, TG302"."""
    numbers = sorted({int(code[2:]) for code in codes if code[2:].isdigit()})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    pieces = [f"TG{run[0]}-TG{run[-1]}" if len(run) >= 3 else ", ".join(f"TG{n}" for n in run) for run in runs]
    return ", ".join(pieces)
