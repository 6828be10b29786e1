"""What the compose page (`/`) asks of the server: its fields checked as one draft.

The page has four fields, To, Cc, Subject and Body. They are checked as the plain-text draft

    To: <to>
    Cc: <cc>
    Subject: <subject>

    <body>

so every rule runs as on a file, and each finding is placed back in the field that holds it,
in UTF-16 code units of that field's value (JavaScript's string indices). A fix is applied
to that draft by the same code as `tglint --fix`, and given back as the edits of the fields
it changes. Nothing is kept: each request is checked and forgotten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from tglint.serve.languagetool import BadRequest, Utf16

if TYPE_CHECKING:
    from tglint.api import Checker
    from tglint.document import CheckedText, Span

FIELD_NAMES = ("to", "cc", "subject", "body")
_HEADER_LABELS = {"to": "To", "cc": "Cc", "subject": "Subject"}
_DRAFT = re.compile(r"To: (?P<to>[^\n]*)\nCc: (?P<cc>[^\n]*)\nSubject: (?P<subject>[^\n]*)\n\n(?P<body>.*)", re.DOTALL)
# A header field is one line: what a form could send with line breaks in it reads as spaces.
_HEADER_BREAKS = str.maketrans("\r\n", "  ")


@dataclass(frozen=True, slots=True)
class Draft:
    to: str = ""
    cc: str = ""
    subject: str = ""
    body: str = ""

    @classmethod
    def from_fields(cls, given: Mapping[str, Any]) -> Draft:
        values = {}
        for name in FIELD_NAMES:
            value = given.get(name, "")
            if not isinstance(value, str):
                raise BadRequest(f"'{name}' must be a string")
            values[name] = value if name == "body" else value.translate(_HEADER_BREAKS)
        # The body as a textarea gives it: line breaks are "\n".
        values["body"] = values["body"].replace("\r\n", "\n").replace("\r", "\n")
        return cls(**values)

    @classmethod
    def parse(cls, text: str) -> Draft | None:
        """The fields of a draft written by `text()` (and then fixed); None when a fix changed its shape."""
        match = _DRAFT.fullmatch(text)
        return cls(**match.groupdict()) if match else None

    def text(self) -> str:
        return f"To: {self.to}\nCc: {self.cc}\nSubject: {self.subject}\n\n{self.body}"

    def value(self, name: str) -> str:
        value: str = getattr(self, name)
        return value

    def bounds(self) -> dict[str, tuple[int, int]]:
        """Characters [start, end) of `text()` holding each field's value."""
        found = {}
        offset = 0
        for name in FIELD_NAMES:
            if name == "body":
                offset += 1  # the blank line
            else:
                offset += len(_HEADER_LABELS[name]) + 2
            found[name] = (offset, offset + len(self.value(name)))
            offset += len(self.value(name)) + 1
        return found

    @property
    def empty(self) -> bool:
        return not any(self.value(f.name).strip() for f in fields(self))


def check_draft(checker: Checker, draft: Draft) -> dict[str, Any]:
    """The compose page's view of a check: each finding in its field, each fix as field edits."""
    from tglint.reporters._masking import secrets

    checked = checker.check_text(draft.text())
    result = checked.results[0]
    known = tuple(sorted(set(secrets(result)), key=lambda piece: (-len(piece), piece)))
    bounds = draft.bounds()
    units = {name: Utf16(draft.value(name)) for name in FIELD_NAMES}
    findings = []
    for span in checked.spans:
        field = _field_of(bounds, span.start)
        first, last = bounds[field]
        start, end = span.start - first, min(max(span.end, span.start), last) - first
        finding = span.finding
        findings.append(
            {
                "field": field,
                "start": units[field].units(start),
                "end": units[field].units(end),
                "rule": finding.rule,
                "name": finding.name,
                "category": finding.category,
                "severity": finding.severity.value,
                "message": span.record["message"],
                "fixes": _fixes(checked, span, draft, known),
            }
        )
    return {
        "language": result.language,
        "topic": result.topic,
        "reply_time": None if result.reply_time is None else result.reply_time.record(),
        "error": result.error,
        "findings": findings,
    }


def _field_of(bounds: Mapping[str, tuple[int, int]], offset: int) -> str:
    """The field holding `offset` (a field's end counts: a missing subject sits at its empty value)."""
    for name, (start, end) in bounds.items():
        if start <= offset <= end:
            return name
    return "body" if offset >= bounds["body"][0] else next(n for n, (s, _) in bounds.items() if offset < s)


def _fixes(checked: CheckedText, span: Span, draft: Draft, known: tuple[str, ...]) -> list[dict[str, Any]]:
    from tglint.document import smallest_replacement
    from tglint.reporters._masking import scrub

    fix = span.record["fix"]
    replacement = checked.fix([span]) if fix is not None else None
    if fix is None or replacement is None:
        return []
    text = checked.text
    fixed = Draft.parse(text[: replacement.start] + replacement.text + text[replacement.end :])
    if fixed is None:
        return []
    edits = []
    for name in FIELD_NAMES:
        old, new = draft.value(name), fixed.value(name)
        if old == new:
            continue
        edit = smallest_replacement(old, new)
        units = Utf16(old)
        edits.append(
            {
                "field": name,
                "start": units.units(edit.start),
                "end": units.units(edit.end),
                "text": scrub(edit.text, known) if known else edit.text,
            }
        )
    return [{"label": fix["description"], "unsafe": fix["applicability"] != "safe", "edits": edits}]


def draft_eml(draft: Draft) -> bytes:
    """The draft as an RFC 5322 message a mail program opens to send (`X-Unsent: 1`)."""
    from email import policy
    from email.errors import MessageError
    from email.message import EmailMessage

    message = EmailMessage(policy=policy.SMTP)
    try:
        for name in ("to", "cc"):
            if draft.value(name).strip():
                message[_HEADER_LABELS[name]] = draft.value(name).strip()
        message["Subject"] = draft.subject.strip()
        message["X-Unsent"] = "1"
        message.set_content(draft.body, charset="utf-8")
        return message.as_bytes()
    except (MessageError, ValueError, TypeError, IndexError):
        raise BadRequest("these fields do not make a mail message") from None
