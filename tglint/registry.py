"""Every rule tglint knows: the built-in ones, listed here, and plugins from entry points."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

from tglint.checks import BUILTIN_RULES
from tglint.rule import RuleLike, rule_problems

ENTRY_POINT_GROUP = "tglint.rules"


@dataclass(frozen=True, slots=True)
class Registry:
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


def load_registry(*, plugins: bool = True) -> Registry:
    rules: dict[str, RuleLike] = {code: cls() for code, cls in BUILTIN_RULES.items()}
    warnings: list[str] = []
    if plugins:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
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
