"""Rule documentation as text: `tglint rules`, `tglint explain CODE`, and SARIF's help."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tglint.rule import RuleDoc, RuleLike


_EXAMPLE_TITLES = ("Example", "Instead", "Also fine")


def summary_of(rule: RuleLike, language: str = "en") -> str:
    """The rule's summary in `language` where the catalogue has it, else its (English) summary."""
    summary_in = getattr(rule, "summary_in", None)
    return str(summary_in(language)) if callable(summary_in) else rule.summary


def doc_of(rule: RuleLike, language: str = "en") -> RuleDoc:
    doc_in = getattr(rule, "doc_in", None)
    found: RuleDoc = doc_in(language) if callable(doc_in) else rule.doc
    return found


def explanation_sections(rule: RuleLike, language: str = "en") -> list[tuple[str, str]]:
    """Each bad example followed by its correction ("Instead"), labelled with its language; then
    the good examples that correct no bad one ("Also fine": look-alikes the rule lets pass)."""
    doc = doc_of(rule, language)
    sections = [("What it does", doc.what), ("Why", doc.why)]
    bads, goods = (doc.bad, *doc.more_bad), (doc.good, *doc.more_good)
    for index, bad in enumerate(bads):
        told = doc.languages[index] if index < len(doc.languages) else _language(bad)
        sections.append((f"Example ({told})", bad))
        if index < len(goods):
            sections.append(("Instead", goods[index]))
    sections += [("Also fine", good) for good in goods[len(bads) :]]
    sections.append(("Fix", doc.fix))
    return sections


def _language(example: str) -> str:
    """zh when the example has Chinese characters (any CJK ideograph), else en."""
    return "zh" if any("\u3400" <= ch <= "\u9fff" for ch in example) else "en"


def render_explanation(rule: RuleLike, *, markdown: bool = False, language: str = "en") -> str:
    """Plain text (for the terminal and SARIF help.text) or Markdown (SARIF help.markdown), in
    `language` where the catalogue has the rule's texts in it."""
    languages = ", ".join(sorted(rule.languages))
    head = f"{rule.code} {rule.name} ({rule.category}, {rule.severity.value}; languages: {languages})"
    lines = [f"# {head}" if markdown else head, "", summary_of(rule, language), ""]
    for title, body in explanation_sections(rule, language):
        is_example = title.startswith(_EXAMPLE_TITLES)
        lines.append(f"## {title}" if markdown else f"{title}:")
        if is_example:
            lines.extend(
                ["```", body.rstrip("\n"), "```"] if markdown else ["    " + ln for ln in body.rstrip("\n").split("\n")]
            )
        else:
            lines.append(body)
        lines.append("")
    return "\n".join(lines)


def render_rule_list(rules: Sequence[RuleLike], output_format: str = "table", language: str = "en") -> str:
    if output_format == "json":
        import json  # only here: the table, the usual listing, does without it

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": r.severity.value,
                "languages": sorted(r.languages),
                "summary": summary_of(r, language),
            }
            for r in rules
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{'code':<6} {'name':<{width}} {'category':<13} {'severity':<8} summary"]
    for r in rules:
        lines.append(f"{r.code:<6} {r.name:<{width}} {r.category:<13} {r.severity.value:<8} {summary_of(r, language)}")
    return "\n".join(lines) + "\n"
