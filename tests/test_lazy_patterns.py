"""Patterns few drafts need are compiled when a draft first needs them, not when their pack is read: a one-draft
run (and the part of a batch run before its workers start) pays only for what its draft reads."""

from __future__ import annotations

import re

import pytest

from tglint.api import Checker
from tglint.recognizers import attachments


def test_the_attachment_packs_depicting_pattern_is_compiled_only_when_a_claim_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    packs = Checker().linter.packs
    built: list[str] = []
    real = re.compile

    def recording(pattern: str, flags: int = 0) -> re.Pattern[str]:
        built.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", recording)
    known = attachments.knowledge(packs)
    assert known.depicting is not None
    source = getattr(known.depicting, "pattern", known.depicting)  # the regex, compiled or not
    assert "howing" in source
    assert source not in built
    # Used, it finds a thing and what it shows, whatever the case.
    monkeypatch.undo()
    words = "I attached a Screenshot SHOWING the grey boxes in a chat"
    assert attachments._depicts(known, words, 0, words.index("in a chat"))
    assert not attachments._depicts(known, "I attached a screenshot and it is in a chat", 0, 30)
