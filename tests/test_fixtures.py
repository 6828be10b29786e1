"""Every per-rule fixture behaves as its sidecar says.

fixtures/<category>/fail-*.{txt,eml} must have a `<file>.expected.json` sidecar:
`{"findings": [{"rule": "TG401", "line": 4, "column": 9}], "settings": {...}}`;
the findings of that category (any severity) must be exactly those.
fixtures/<category>/pass-*.{txt,eml} must have no finding of that category at
warning or error (a sidecar may give settings).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lintkit import FIXTURES, lint

from tglint.models import CATEGORIES, Severity

CASES = sorted(
    p
    for category in CATEGORIES
    if (FIXTURES / category).is_dir()
    for p in (FIXTURES / category).iterdir()
    if p.name.startswith(("pass-", "fail-")) and not p.name.endswith(".expected.json")
)


def _sidecar(path: Path) -> dict[str, object]:
    sidecar = path.with_name(path.name + ".expected.json")
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    category = path.parent.name
    spec = _sidecar(path)
    settings = dict(spec.get("settings", {}))  # type: ignore[call-overload]
    result = lint(path.read_bytes(), path.name, **settings)
    mine = [f for f in result.findings if f.category == category]
    if path.name.startswith("fail-"):
        assert spec, f"{path.name} needs a .expected.json sidecar"
        expected = sorted((e["rule"], e["line"], e["column"]) for e in spec["findings"])  # type: ignore[index,union-attr]
        assert sorted((f.rule, f.line, f.column) for f in mine) == expected, [
            (f.rule, f.line, f.column, f.message) for f in mine
        ]
    else:
        loud = [f for f in mine if f.severity in (Severity.WARNING, Severity.ERROR)]
        assert not loud, [(f.rule, f.line, f.column, f.message) for f in loud]


def test_every_category_with_rules_has_fixtures() -> None:
    from tglint.registry import load_registry

    categories = {r.category for r in load_registry(plugins=False).rules}
    for category in categories:
        names = [p.name for p in CASES if p.parent.name == category]
        assert any(n.startswith("fail-") for n in names), f"no fail fixture for {category}"
        assert any(n.startswith("pass-") for n in names), f"no pass fixture for {category}"
