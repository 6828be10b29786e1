"""Regexes compiled once, on first use."""

from __future__ import annotations

import re

from tglint.patterns import compiled


def test_regexes_are_compiled_once_with_their_flags() -> None:
    assert compiled(r"\d+号") is compiled(r"\d+号")
    assert compiled(r"(?i)abc").flags & re.IGNORECASE
    assert compiled("abc", re.IGNORECASE).search("ABC")
    assert compiled("abc", re.IGNORECASE) is not compiled("abc")
