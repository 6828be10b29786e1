"""Times: dates ("March 3", "3月20日", "2024-03-05"), clock times ("23:10", "晚上11点"), weekdays and
relative times ("yesterday", "3天前", "since Monday", "从上周开始").

The expressions are the `time` lists of the `details` packs (zh and en merged: a Chinese draft
writes "23:10" too). They are looked for in the subject and the whole body: a forwarded report's
dates are the report's. Each span says its `form`: "clock" (a time of day with digits), "date"
(digits with a month, a day or a year, or a month's name with a number) or "relative" (the rest).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tglint.patterns import compiled, copy_of, pack_pattern
from tglint.recognizers import Span

if TYPE_CHECKING:
    from tglint.analysis import Analysis

TIME = "time"
PARTS = ("subject", "body")

_CLOCK = r"\d\s*(?:[:：]\s*\d|点|[ap]\.?m\b|o'clock)"
_DATE = r"\d\s*[年月日号/.-]|\d{4}|[a-z]{3}\.?\s*\d|\d(?:st|nd|rd|th)?\s*(?:of\s+)?[a-z]{3}"


def form(written: str) -> str:
    """ "clock", "date" or "relative", by how a time expression is written."""
    if compiled(_CLOCK, re.IGNORECASE).search(written):
        return "clock"
    if compiled(_DATE, re.IGNORECASE).search(written):
        return "date"
    return "relative"


@dataclass(slots=True)
class Times:
    name: str = "times"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        found = pack_pattern(analysis.packs, "details", "time")
        if found is None:
            return
        for part in PARTS:
            text = analysis.subject_text if part == "subject" else analysis.body.text
            for match in found.finditer(text, copy_of(analysis, text)):
                written = match.group()
                facts = {"form": form(written), "text": written}
                yield Span(TIME, part, match.start(), match.end(), 0.9, ("pattern:details.time",), facts)


TIMES = Times()


def has_time(analysis: Analysis) -> bool:
    """Time information anywhere, forwarded text included (a span `TIMES` would find); once per draft, the start of
    each text read first (`AnchoredPattern.occurs`): most drafts say when early on."""
    return analysis.memo(has_time, lambda: _any_time(analysis))


def _any_time(analysis: Analysis) -> bool:
    found = pack_pattern(analysis.packs, "details", "time")
    if found is None:
        return False
    texts = (analysis.subject_text, analysis.body.text)
    return any(found.occurs(text, copy_of(analysis, text)) for text in texts)
