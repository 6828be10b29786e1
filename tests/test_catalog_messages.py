"""The routing, subject, mixed-issues and placeholder rules say nothing inline: their words are the catalogue's
(rules/catalog/*.toml `messages`), where a rule pack can reword them (issue 12)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CHECKS = Path(__file__).resolve().parent.parent / "tglint" / "checks"


@pytest.mark.parametrize("module", ["routing.py", "subject.py", "mixed.py", "placeholder.py"])
def test_no_inline_message(module: str) -> None:
    tree = ast.parse((CHECKS / module).read_text(encoding="utf-8"))
    inline = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "say"
    ]
    assert not inline, f"{module}: analysis.say(...) at lines {inline}; use self.message(analysis, key, ...)"
