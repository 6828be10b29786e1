"""Every rule tglint knows: those of the rule catalogue (`tglint.catalog`), and plugins from entry points.

The catalogue is data: building the registry imports no rule's logic, which is loaded when a
rule first checks a draft (`CatalogRule.implementation`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.machinery import PathFinder
from pathlib import Path
from typing import TYPE_CHECKING

from tglint.catalog import CatalogRule, builtin_catalog, load_catalog
from tglint.rule import RuleLike, rule_problems

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.metadata import EntryPoint

ENTRY_POINT_GROUP = "tglint.rules"
_METADATA_DIRS = (".dist-info", ".egg-info")


@dataclass(frozen=True, slots=True)
class Registry:
    """The rules, sorted by code, and what went wrong loading plugins."""

    rules: tuple[RuleLike, ...]
    warnings: tuple[str, ...] = ()

    def by_code(self, code: str) -> RuleLike | None:
        code = code.upper()
        return next((r for r in self.rules if r.code == code), None)


def _as_rules(loaded: object) -> list[RuleLike]:
    items: Iterable[object] = loaded if isinstance(loaded, list | tuple) else [loaded]
    rules: list[RuleLike] = []
    for item in items:
        rule = item() if isinstance(item, type) else item
        rules.append(rule)  # type: ignore[arg-type]
    return rules


def _may_declare_plugins() -> bool:
    """Whether some installed distribution may declare a `tglint.rules` entry point.

    Importing importlib.metadata costs ~30 ms (it brings email, zipfile, csv...), as much
    as all the rule modules, and almost nobody has a plugin. So the `entry_points.txt`
    files importlib.metadata would read are searched for the group's name first (~1 ms);
    where the path holds what this cannot see into (a zip, an egg, another finder of
    distributions), the answer is yes and importlib.metadata decides.
    """
    if any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path):
        return True
    for entry in sys.path:
        if not isinstance(entry, str) or entry.lower().endswith(".egg"):
            return True
        try:
            names = os.listdir(entry or ".")
        except OSError:
            if os.path.isfile(entry):  # a zip archive
                return True
            continue
        for name in names:
            if name.lower().endswith(_METADATA_DIRS) and _declares_plugins(os.path.join(entry, name)):
                return True
    return False


def _declares_plugins(metadata_dir: str) -> bool:
    try:
        with open(os.path.join(metadata_dir, "entry_points.txt"), "rb") as handle:
            return ENTRY_POINT_GROUP.encode() in handle.read()
    except OSError:  # no entry points, or an .egg-info file rather than a directory
        return False


def _plugin_entry_points() -> list[EntryPoint]:
    if not _may_declare_plugins():
        return []
    from importlib.metadata import entry_points

    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)


def load_registry(*, plugins: bool = True, rule_packs: Sequence[Path] = ()) -> Registry:
    """The catalogue's rules (the built-in one, with the `catalog/` files of `rule_packs` merged in),
    then the plugins'. Raises CatalogError (a PackError) for a catalogue file that cannot be used."""
    catalog = load_catalog(rule_packs) if rule_packs else builtin_catalog()
    rules: dict[str, RuleLike] = dict(catalog.rules)
    warnings: list[str] = []
    if plugins:
        for ep in _plugin_entry_points():
            try:
                candidates = _as_rules(ep.load())
            except Exception as exc:  # a broken plugin must not stop the built-in rules
                warnings.append(f"plugin `{ep.name}` failed to load: {type(exc).__name__}: {exc}")
                continue
            for rule in candidates:
                problems = rule_problems(rule)
                if problems:
                    warnings.append(f"plugin `{ep.name}`: rule skipped: {'; '.join(problems)}")
                elif rule.code in rules:
                    warnings.append(f"plugin `{ep.name}`: rule {rule.code} skipped: the code is taken")
                else:
                    rules[rule.code] = rule
    return Registry(tuple(rules[code] for code in sorted(rules)), tuple(warnings))


def implementation(rule: RuleLike) -> RuleLike:
    """What checks drafts for `rule`: a catalogue rule's logic, loaded now (a CatalogError when its
    `logic` names nothing usable), or a plugin's rule itself."""
    return rule.implementation() if isinstance(rule, CatalogRule) else rule
