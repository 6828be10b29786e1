"""`SpanSet.overlaps` says what a look at every span says, for spans of any length, order and overlap."""

from __future__ import annotations

import random

import pytest

from tglint.spans import SpanSet


@pytest.mark.parametrize("seed", range(5))
def test_overlaps_agrees_with_a_look_at_every_span(seed: int) -> None:
    rng = random.Random(seed)
    spans = SpanSet()
    added: list[tuple[int, int]] = []
    for _ in range(400):
        start = rng.randint(0, 300)
        end = start + rng.choice([0, 1, 2, 5, rng.randint(0, 60)])
        expected = any(first < end and start < last for first, last in added)
        assert spans.overlaps(start, end) == expected, (start, end, added)
        if rng.random() < 0.5:
            spans.add(start, end)
            added.append((start, end))


def test_an_empty_span_inside_another_overlaps_it() -> None:
    spans = SpanSet([(10, 20)])
    assert spans.overlaps(15, 15) and not spans.overlaps(20, 30) and not spans.overlaps(0, 10)
    assert SpanSet([(5, 5)]).overlaps(0, 10) and not SpanSet([(5, 5)]).overlaps(5, 10)
