"""Recognizers: what is found in a draft, apart from what a rule decides to report.

After Presidio's model: one module per kind of thing found (phone numbers, secrets,
national IDs/cards/passports/addresses, dates and times, devices and app versions,
account identifiers, topic terms), each returning `Span`s with a confidence and the
evidence that decided it (a label word, a checksum, a shape). Rules read them through
`Analysis.spans(recognizer)`, which runs each recognizer once per draft; rules decide what
to report and how to word it. A recognizer imports no rule module, and no rule module
imports another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tglint.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Span:
    """Something found in a part of the draft: characters [start, end) of that part's text."""

    kind: str  # "phone-number", "password", "national-id", "bank-card", ...
    part: str  # "body", "subject", "attachments", ...
    start: int
    end: int
    # How sure the recognizer is, from 0 to 1 (a checksum or a label raises it).
    confidence: float = 1.0
    # What decided it, for people and tests: "label:身份证号", "checksum:GB 11643-1999", "shape:bot-token".
    evidence: tuple[str, ...] = ()
    # Kind-specific facts a rule may need (a phone number's region, a secret's masked hint...).
    facts: Mapping[str, Any] = field(default_factory=dict)
    # A secret or personal value: never printed, masked in every report.
    sensitive: bool = False


class Recognizer(Protocol):
    """Finds one kind of thing in a draft. `name` keys its results in `Analysis.spans`."""

    name: str

    def recognize(self, analysis: Analysis) -> Iterable[Span]: ...


def first(analysis: Analysis, recognizer: Recognizer) -> Span | None:
    """The first span a recognizer finds, once per draft; its search stops there, so that a rule asking only
    whether there is one does not pay for the others."""
    return analysis.memo(("first span", recognizer.name), lambda: next(iter(recognizer.recognize(analysis)), None))
