"""`Part.only(kind)` keeps a kind of region (quoted replies, signatures) and blanks the rest, line breaks and
offsets kept: the same as blanking character by character, overlapping regions and regions past the end included."""

from __future__ import annotations

import random

from tglint.draft import Part, Region, RegionKind


def _plain(part: Part, kind: RegionKind) -> str:
    spans = [r for r in part.regions if r.kind is kind]
    if not spans:
        return ""
    chars = [ch if ch == "\n" else " " for ch in part.text]
    for region in spans:
        chars[region.start : region.end] = part.text[region.start : region.end]
    return "".join(chars)[: len(part.text)]


def test_only_agrees_with_blanking_character_by_character() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice("ab \n>一") for _ in range(rng.randint(0, 60)))
        regions = []
        for _ in range(rng.randint(0, 4)):
            start = rng.randint(0, len(text) + 2)
            regions.append(Region(rng.choice(list(RegionKind)), start, start + rng.randint(0, 20)))
        part = Part("body", text, regions=tuple(regions))
        for kind in RegionKind:
            assert part.only(kind) == _plain(part, kind), (text, regions, kind)
