"""Rule documentation as text: `tglint rules`, `tglint explain CODE`, and SARIF's help."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tglint.rule import RuleLike


def explanation_sections(rule: RuleLike) -> list[tuple[str, str]]:
    doc = rule.doc
    sections = [("What it does", doc.what), ("Why", doc.why), ("Example", doc.bad), ("Instead", doc.good)]
    for bad in doc.more_bad:
        sections.append(("Example", bad))
    for good in doc.more_good:
        sections.append(("Instead", good))
    sections.append(("Fix", doc.fix))
    return sections


def render_explanation(rule: RuleLike, *, markdown: bool = False) -> str:
    """Plain text (for the terminal and SARIF help.text) or Markdown (SARIF help.markdown)."""
    languages = ", ".join(sorted(rule.languages))
    head = f"{rule.code} {rule.name} ({rule.category}, {rule.severity.value}; languages: {languages})"
    lines = [f"# {head}" if markdown else head, "", rule.summary, ""]
    for title, body in explanation_sections(rule):
        is_example = title in ("Example", "Instead")
        lines.append(f"## {title}" if markdown else f"{title}:")
        if is_example:
            lines.extend(
                ["```", body.rstrip("\n"), "```"] if markdown else ["    " + ln for ln in body.rstrip("\n").split("\n")]
            )
        else:
            lines.append(body)
        lines.append("")
    return "\n".join(lines)


def render_rule_list(rules: Sequence[RuleLike], output_format: str = "table") -> str:
    if output_format == "json":
        import json  # only here: the table, the usual listing, does without it

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": r.severity.value,
                "languages": sorted(r.languages),
                "summary": r.summary,
            }
            for r in rules
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{'code':<6} {'name':<{width}} {'category':<13} {'severity':<8} summary"]
    for r in rules:
        lines.append(f"{r.code:<6} {r.name:<{width}} {r.category:<13} {r.severity.value:<8} {r.summary}")
    return "\n".join(lines) + "\n"
