"""Write the README's rules table from the registry: `python scripts/readme_rules.py [--check]`.

With --check it changes nothing and exits 1 when the README's table is out of date
(a test runs it, so the table cannot drift from the rules).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tglint.registry import load_registry

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    rows = ["| code | name | category | severity | what it flags |", "|---|---|---|---|---|"]
    for rule in load_registry(plugins=False).rules:
        summary = rule.summary.replace("|", "\\|")
        # An anchor per rule: the language server links each diagnostic to README.md#tg101.
        anchor = f'<a id="{rule.code.lower()}"></a>'
        rows.append(f"| {anchor}{rule.code} | `{rule.name}` | {rule.category} | {rule.severity.value} | {summary} |")
    return "\n".join(rows)


def updated(text: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{rules_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in argv:
        if new != text:
            print("README.md: the rules table is out of date: run python scripts/readme_rules.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
