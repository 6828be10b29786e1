"""Analysis.memo: one computation per draft, shared by every rule that asks."""

from __future__ import annotations

from tglint.analysis import Analysis
from tglint.config import Settings
from tglint.packs import load_packs
from tglint.reading import read_bytes


def _analysis(text: str) -> Analysis:
    (draft,) = read_bytes(text.encode(), "draft.txt")
    return Analysis(draft, Settings(), load_packs(()))  # type: ignore[arg-type]


def test_memo_computes_once_per_draft_and_per_key() -> None:
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name.upper()

    first = _analysis("Subject: hi\n\nbody\n")
    assert first.memo("a", lambda: compute("a")) == "A"
    assert first.memo("a", lambda: compute("again")) == "A"
    assert first.memo("b", lambda: compute("b")) == "B"
    second = _analysis("Subject: hi\n\nbody\n")
    assert second.memo("a", lambda: compute("c")) == "C"
    assert calls == ["a", "b", "c"]
