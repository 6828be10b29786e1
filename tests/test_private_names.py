"""tglint uses no private name of another package.

A private name (`re._parser`, `PhoneNumberMatcher._parse_and_verify`, `Message._payload`)
may change or vanish in any release of its package: tglint keeps to public APIs and, where
one is too slow, measures and says so (STYLE.md, habit 9). Found here:
- the private names known to have been used (`KNOWN_PRIVATE`), anywhere in tglint's text;
- `from <package> import _x`, `import <package>._x`, `<module>._x` on an imported module,
  a dotted private name given to `importlib.import_module` or `getattr`;
- in a class built on another package's class: a private method of the base overridden, a
  `super()._x` call, a `self._x` the class never sets itself.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tglint"

# Private names of other packages that tglint has used, looked for as text.
KNOWN_PRIVATE = (
    "re._parser",
    "sre_parse",
    "sre_compile",
    "sre_constants",
    "_parse_and_verify",
    "_extract_match",
    "_msgstack",
    "_new_message",
    "_parse_headers",
    "._payload",
    "_payload",
    "_is_text_encoding",
)

# Still used in files other helpers own: (file, name). Empty since the reader keeps to the
# email package's public API (issue 11, part 6); an entry is removed when its file stops
# using the name, so that the test holds the line from then on.
OWNED_ELSEWHERE: set[tuple[str, str]] = set()


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def _module_name(relative: str) -> str:
    return relative.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _foreign(module: str | None, level: int = 0) -> bool:
    return level == 0 and module is not None and module.split(".")[0] != "tglint"


def _text_uses(relative: str, text: str) -> set[tuple[str, str]]:
    found = set()
    for name in KNOWN_PRIVATE:
        pattern = (
            re.escape(name) if name.startswith(".") else rf"(?<![\w.]){re.escape(name)}(?!\w)|\.{re.escape(name)}\b"
        )
        if re.search(pattern, text):
            found.add((relative, name))
    return found


def _imports_and_attributes(relative: str, tree: ast.Module) -> set[tuple[str, str]]:
    found = set()
    modules: set[str] = set()  # names bound to another package's module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _foreign(alias.name):
                    if any(_is_private(part) for part in alias.name.split(".")):
                        found.add((relative, alias.name))
                    modules.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and _foreign(node.module, node.level):
            found.update((relative, f"{node.module}.{a.name}") for a in node.names if _is_private(a.name))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in modules:
                found.add((relative, f"{node.value.id}.{node.attr}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name) and node.args:
            called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if called not in {"import_module", "getattr", "hasattr"} or len(node.args) < (
                1 if called == "import_module" else 2
            ):
                continue
            literal = node.args[0] if called == "import_module" else node.args[1]
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                parts = literal.value.split(".")
                if any(_is_private(part) for part in parts) and (called != "import_module" or _foreign(literal.value)):
                    found.add((relative, literal.value))
    return found


def _subclass_uses(relative: str, tree: ast.Module) -> set[tuple[str, str]]:
    """Private hooks of another package's base class, overridden or reached through `super()`/`self`."""
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node.bases]
    if not classes or relative.endswith("__main__.py"):
        return set()
    module = importlib.import_module(_module_name(relative))
    found = set()
    for node in classes:
        cls = getattr(module, node.name, None)
        if not inspect.isclass(cls):
            continue
        foreign = [base for base in cls.__mro__[1:] if not base.__module__.startswith("tglint") and base is not object]
        if not foreign:
            continue
        own = {
            target.attr
            for sub in ast.walk(node)
            if isinstance(sub, ast.Assign | ast.AnnAssign)
            for target in (sub.targets if isinstance(sub, ast.Assign) else [sub.target])
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
        }
        for item in node.body:
            overrides = isinstance(item, ast.FunctionDef) and _is_private(item.name)
            if overrides and any(hasattr(base, item.name) for base in foreign):
                found.add((relative, item.name))
        for sub in ast.walk(node):
            if not isinstance(sub, ast.Attribute) or not _is_private(sub.attr):
                continue
            target = sub.value
            if isinstance(target, ast.Call) and isinstance(target.func, ast.Name) and target.func.id == "super":
                found.add((relative, sub.attr))
            elif isinstance(target, ast.Name) and target.id == "self" and sub.attr not in own:
                ours = (klass for klass in cls.__mro__ if klass.__module__.startswith("tglint"))
                if not any(sub.attr in vars(klass) for klass in ours):
                    found.add((relative, sub.attr))
    return found


def private_uses() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for relative, text in _sources():
        tree = ast.parse(text)
        found |= _text_uses(relative, text)
        found |= _imports_and_attributes(relative, tree)
        found |= _subclass_uses(relative, tree)
    return found


def test_no_private_name_of_another_package_is_used() -> None:
    unexpected = sorted(private_uses() - OWNED_ELSEWHERE)
    assert unexpected == [], "private names of other packages:\n" + "\n".join(f"{f}: {n}" for f, n in unexpected)


def test_the_finder_sees_each_kind_of_use(tmp_path: Path) -> None:
    # What the checks above must catch, written as tglint code would write it.
    source = (
        "import re\nimport importlib\nfrom email.feedparser import FeedParser, _Payload\n"
        "from phonenumbers import PhoneNumberMatcher\n"
        "x = re._parser\ny = importlib.import_module('re._parser')\nz = getattr(m, '_payload', None)\n"
    )
    tree = ast.parse(source)
    found = {name for _, name in _imports_and_attributes("x.py", tree) | _text_uses("x.py", source)}
    assert {"email.feedparser._Payload", "re._parser", "_payload"} <= found
    assert not _imports_and_attributes("y.py", ast.parse("from tglint.spans import _private\nx = self._own\n"))
