"""No rule module imports another, and recognizers import no rule module (issue 11, part 2).

What several rules need to know of a draft (phone numbers, secrets, personal data, the text
model) lives in `tglint/recognizers/` and `tglint/text/`, so that editing one rule cannot
silently change another. Every import counts, also one inside a function or under
`TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ROOT / "tglint" / "checks"
RECOGNIZERS = ROOT / "tglint" / "recognizers"


def imported_modules(path: Path) -> Iterator[str]:
    """Every module `path` (in tglint) imports, relative imports resolved."""
    package = ".".join(("tglint", *path.relative_to(ROOT / "tglint").parent.parts))
    return modules_imported_by(path.read_text(encoding="utf-8"), package)


def modules_imported_by(source: str, package: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield module
            # `from tglint.checks import secret` imports the module tglint.checks.secret.
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _rule_imports(modules: Iterator[str], own: str) -> set[str]:
    return {
        module for module in modules if module.startswith("tglint.checks.") and module != own and module.count(".") == 2
    }


def test_no_rule_module_imports_another() -> None:
    found = {
        (path.name, module)
        for path in sorted(CHECKS.glob("*.py"))
        if path.name != "__init__.py"
        for module in _rule_imports(imported_modules(path), f"tglint.checks.{path.stem}")
        if (CHECKS / f"{module.rsplit('.', 1)[1]}.py").exists()
    }
    assert sorted(found) == [], "rule modules importing each other"


def test_recognizers_import_no_rule_module() -> None:
    for path in sorted(RECOGNIZERS.glob("*.py")):
        rules = [m for m in imported_modules(path) if m == "tglint.checks" or m.startswith("tglint.checks.")]
        assert rules == [], path.name


def test_recognizers_import_each_other_without_a_cycle() -> None:
    graph = {
        f"tglint.recognizers.{path.stem}": {
            m for m in imported_modules(path) if m.startswith("tglint.recognizers.") and m.count(".") == 2
        }
        for path in RECOGNIZERS.glob("*.py")
        if path.name != "__init__.py"
    }
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for other in sorted(graph.get(module, ())):
            visit(other, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_the_walk_sees_every_form_of_import() -> None:
    source = (
        "from tglint.checks.pii import masked\nfrom tglint.checks import secret\nfrom . import phone\n"
        "def f():\n    import tglint.checks.tone\n"
    )
    found = _rule_imports(modules_imported_by(source, "tglint.checks"), "tglint.checks.device")
    assert found >= {"tglint.checks.pii", "tglint.checks.secret", "tglint.checks.phone", "tglint.checks.tone"}


def test_the_shared_helpers_import_no_rule_module() -> None:
    for name in ("requirements", "patterns", "anchors"):
        rules = [m for m in imported_modules(ROOT / "tglint" / f"{name}.py") if m.startswith("tglint.checks")]
        assert rules == [], name
