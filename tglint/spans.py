"""Spans of a text, asked many times whether a span overlaps one of them.

Rules keep the numbers, secrets and addresses they found and skip a match overlapping one. A look
at every span each time costs time growing with the square of their number: 100,000 characters
of "(555) 555-0123" took seconds in one rule.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanSet:
    """Spans [start, end), added in any order. Only a span starting less than the longest one's length
    before a span can overlap it: those few are found by bisection."""

    __slots__ = ("_ends", "_longest", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # in the order of `_starts`
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span [first, last) has `first < end and start < last`."""
        ends = self._ends
        first = bisect.bisect_right(self._starts, start - self._longest)
        return any(ends[index] > start for index in range(first, bisect.bisect_left(self._starts, end)))
