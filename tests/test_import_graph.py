"""Rules and recognizers apart: a recognizer imports no rule module, and the account, device, details and mixed
rules import no other rule module (their shared finders live in tglint.recognizers, tglint.requirements and
tglint.patterns). Read from the source, so that an import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tglint"


def imported(path: Path) -> set[str]:
    """The tglint modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tglint"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("tglint"))
    return found


@pytest.mark.parametrize("name", ["account", "device", "details", "mixed"])
def test_these_rules_import_no_rule_module(name: str) -> None:
    others = {m for m in imported(PACKAGE / "checks" / f"{name}.py") if m.startswith("tglint.checks")}
    assert others == set(), others


@pytest.mark.parametrize("path", sorted((PACKAGE / "recognizers").glob("*.py")), ids=lambda p: p.name)
def test_a_recognizer_imports_no_rule_module(path: Path) -> None:
    assert not {m for m in imported(path) if m.startswith("tglint.checks")}


@pytest.mark.parametrize("name", ["requirements", "patterns", "anchors"])
def test_the_shared_helpers_import_no_rule_module(name: str) -> None:
    assert not {m for m in imported(PACKAGE / f"{name}.py") if m.startswith("tglint.checks")}
