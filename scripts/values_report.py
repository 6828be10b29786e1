"""Score tglint on realistic generated values: recall per kind, language and locale, false alarms.

    python scripts/values_report.py                # the tables (Markdown)
    python scripts/values_report.py --misses phone # every missed value of a kind, and every false alarm
    python scripts/values_report.py --check        # exit 1 when a figure is below tests/values_floor.toml
    python scripts/values_report.py --write-floor  # record today's figures as the floor

The drafts come from `scripts/realistic_values.py` (fixed seeds). They are linted in one
process with the phone, secret and pii rules (TG4, TG5), default settings and no region. A
value of a positive kind counts as caught when its rule (`EXPECTED_RULE`) reports a warning
or error overlapping the value; a hard negative counts as a false alarm when any warning or
error of the phone, secret or pii categories overlaps it. For a national phone number, the
country is suggested right when the one number TG401 proposes (its fix's edit) is the same
number with the true country code; when the message instead says the country cannot be told
and names candidates (no fix), that is counted apart, as "cannot be known", and right only
when the true number is among those named. A list is never counted as a suggestion.

The floor is a ratchet: `tests/test_generated_values.py` fails when a recall falls below
it or a false-alarm count rises above it. `--write-floor` refuses to lower a recorded figure
unless `--lower` is given.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers as pn

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realistic_values as rv

from tglint.config import Settings
from tglint.draft import Draft
from tglint.engine import Linter
from tglint.models import Finding, Severity
from tglint.packs import load_packs
from tglint.reading import read_bytes
from tglint.registry import load_registry
from tglint.selection import select_rules

ROOT = Path(__file__).resolve().parents[1]
FLOOR_FILE = ROOT / "tests" / "values_floor.toml"
SELECT = ("TG4", "TG5")
ALARM_CATEGORIES = frozenset({"phone", "secret", "pii"})
LOUD = frozenset({Severity.WARNING, Severity.ERROR})
_SUGGESTED = re.compile(r"[+＋]\d[\d \-().]*\d")


@dataclass(frozen=True, slots=True)
class Outcome:
    case: rv.Case
    # Rules with a warning or error of the alarm categories on the value's span.
    alarms: tuple[str, ...]
    caught: bool
    detected_language: str | None
    right_country: bool | None = None  # for national phone numbers only: one number proposed, the right one
    # The message says the country cannot be told, and the right number is among those it names.
    listed_country: bool | None = None


Tally = list[int]  # [hits, total]


def _ratio(tally: Sequence[int]) -> float:
    return tally[0] / tally[1] if tally[1] else 1.0


Grid = defaultdict[Any, defaultdict[str, Tally]]
Counts = defaultdict[str, defaultdict[str, int]]


def _grid() -> Grid:
    return defaultdict(lambda: defaultdict(lambda: [0, 0]))


def _counts() -> Counts:
    return defaultdict(lambda: defaultdict(int))


def _tallies() -> defaultdict[str, Tally]:
    return defaultdict(lambda: [0, 0])


@dataclass
class Measures:
    recall: Grid = field(default_factory=_grid)  # kind -> language
    by_locale: Grid = field(default_factory=_grid)  # (kind, locale) -> language
    by_style: Grid = field(default_factory=_grid)  # language -> style
    by_kind_style: Grid = field(default_factory=_grid)  # kind -> "zh-glued"
    by_spacing: Grid = field(default_factory=_grid)  # language -> spacing
    phone_forms: Grid = field(default_factory=_grid)  # form -> language
    right_country: defaultdict[str, Tally] = field(default_factory=_tallies)
    right_country_flagged: defaultdict[str, Tally] = field(default_factory=_tallies)
    right_country_by_region: Grid = field(default_factory=_grid)
    # Said to be unknowable, the right number among those named; and either that or suggested right.
    cannot_be_known: defaultdict[str, Tally] = field(default_factory=_tallies)
    right_or_unknowable: defaultdict[str, Tally] = field(default_factory=_tallies)
    wrong_suggestion: defaultdict[str, Tally] = field(default_factory=_tallies)
    # Where the draft names the country, and where nothing points to it: suggested right, or (where
    # nothing points) said to be unknowable with the right number among those named.
    right_country_named: defaultdict[str, Tally] = field(default_factory=_tallies)
    right_country_unnamed: defaultdict[str, Tally] = field(default_factory=_tallies)
    listed_country_unnamed: defaultdict[str, Tally] = field(default_factory=_tallies)
    false_alarms: Grid = field(default_factory=_grid)  # negative kind -> language
    alarm_rules: Counts = field(default_factory=_counts)
    # Other rules firing on a positive value (a card also read as a phone number).
    confusions: Counts = field(default_factory=_counts)
    wrong_language: int = 0


def make_linter() -> Linter:
    settings = Settings(select=SELECT)
    rules = tuple(
        select_rules(load_registry(plugins=False).rules, settings.select, settings.ignore, settings.extend_select)
    )
    return Linter(rules, settings, load_packs())


def _draft(case: rv.Case) -> Draft:
    items = read_bytes(case.draft.encode("utf-8"), f"{case.kind}.txt")
    draft = items[0]
    if not isinstance(draft, Draft):
        raise SystemExit(f"generated draft could not be read: {draft}")
    return draft


def _on_span(finding: Finding, start: tuple[int, int], end: tuple[int, int]) -> bool:
    if finding.part != "body":
        return False
    return (finding.line, finding.column) < end and start < (finding.end_line, finding.end_column)


def suggested_number(finding: Finding) -> str | None:
    """The international number a TG401 finding proposes: its fix's edit. A message that names
    several numbers proposes none of them."""
    if finding.fix:
        for edit in finding.fix.edits:
            if _SUGGESTED.fullmatch(edit.content.strip()):
                return edit.content.strip()
    return None


def listed_numbers(finding: Finding) -> list[str]:
    """The numbers a TG401 message names when it says the country cannot be told (it has no fix)."""
    return [] if finding.fix else _SUGGESTED.findall(finding.message)


def is_right_country(case: rv.Case, suggestion: str | None) -> bool:
    if not suggestion or case.region is None:
        return False
    truth = pn.parse(case.value, case.region)
    try:
        proposed = pn.parse(suggestion, None)
    except pn.NumberParseException:
        return False
    return proposed.country_code == truth.country_code and proposed.national_number == truth.national_number


def lint_cases(cases: Iterable[rv.Case]) -> list[Outcome]:
    linter = make_linter()
    outcomes = []
    for case in cases:
        draft = _draft(case)
        body = draft.body
        offset = body.text.find(case.value)
        if offset < 0:
            raise SystemExit(f"value not found in its generated draft: {case.kind} {case.style}")
        start, end = body.position(offset), body.position(offset + len(case.value))
        result = linter.lint_draft(draft)
        loud = [
            f
            for f in result.findings
            if f.severity in LOUD and f.category in ALARM_CATEGORIES and _on_span(f, start, end)
        ]
        expected = rv.EXPECTED_RULE.get(case.kind)
        caught = [f for f in loud if f.rule == expected]
        right = listed = None
        if case.kind == "phone":
            right = bool(caught) and is_right_country(case, suggested_number(caught[0]))
            listed = bool(caught) and any(is_right_country(case, n) for n in listed_numbers(caught[0]))
        outcomes.append(
            Outcome(
                case,
                tuple(sorted({f.rule for f in loud})),
                bool(caught),
                result.language,
                right_country=right,
                listed_country=listed,
            )
        )
    return outcomes


def measure(outcomes: Iterable[Outcome]) -> Measures:
    m = Measures()
    for o in outcomes:
        c = o.case
        if o.detected_language != c.language:
            m.wrong_language += 1
        if not c.positive:
            tally = m.false_alarms[c.kind][c.language]
            tally[0] += bool(o.alarms)
            tally[1] += 1
            for rule in o.alarms:
                m.alarm_rules[c.kind][rule] += 1
            continue
        hit = int(o.caught)
        for tally in (
            m.recall[c.kind][c.language],
            m.by_locale[(c.kind, c.locale)][c.language],
            m.by_style[c.language][c.style],
            m.by_kind_style[c.kind][f"{c.language}-{c.style}"],
            m.by_spacing[c.language][c.spacing],
        ):
            tally[0] += hit
            tally[1] += 1
        for rule in o.alarms:
            if rule != rv.EXPECTED_RULE[c.kind]:
                m.confusions[c.kind][rule] += 1
        if c.kind == "phone":
            form = m.phone_forms[c.form][c.language]
            form[0] += hit
            form[1] += 1
            right = int(bool(o.right_country))
            listed = int(bool(o.listed_country))
            for tally in (m.right_country[c.language], m.right_country_by_region[c.locale][c.language]):
                tally[0] += right
                tally[1] += 1
            for tally, hit in (
                (m.cannot_be_known[c.language], listed),
                (m.right_or_unknowable[c.language], right + listed),
                (m.wrong_suggestion[c.language], int(o.caught and not right and not listed)),
            ):
                tally[0] += hit
                tally[1] += 1
            split = m.right_country_named if c.named else m.right_country_unnamed
            split[c.language][0] += right
            split[c.language][1] += 1
            if not c.named:
                m.listed_country_unnamed[c.language][0] += right + listed
                m.listed_country_unnamed[c.language][1] += 1
            if o.caught:
                m.right_country_flagged[c.language][0] += right
                m.right_country_flagged[c.language][1] += 1
    return m


# -- the report --------------------------------------------------------------------------------


def _cell(tally: Sequence[int] | None) -> str:
    if not tally or not tally[1]:
        return "—"
    return f"{_ratio(tally):.2f} ({tally[0]}/{tally[1]})"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _sum(tallies: Iterable[Sequence[int]]) -> Tally:
    total = [0, 0]
    for t in tallies:
        total[0] += t[0]
        total[1] += t[1]
    return total


def render(m: Measures, *, locales: bool = True) -> str:
    out: list[str] = []
    langs = rv.LANGUAGES
    out.append("**Recall per kind** (rule that must flag it; caught/total):")
    out.append("")
    rows = [
        [kind, rv.EXPECTED_RULE[kind], *(_cell(m.recall[kind].get(lang)) for lang in langs)]
        for kind in rv.POSITIVE_KINDS
    ]
    rows.append(
        [
            "**all**",
            "",
            *(_cell(_sum(m.recall[k][lang] for k in rv.POSITIVE_KINDS if lang in m.recall[k])) for lang in langs),
        ]
    )
    out += _table(["kind", "rule", *langs], rows)
    out.append("")
    out.append("**By how the value follows its label** (all positive kinds):")
    out.append("")
    styles = [(lang, style) for lang in langs for style in rv.STYLES[lang]]
    out += _table(
        ["kind", *(f"{lang} {style}" for lang, style in styles)],
        [
            [kind, *(_cell(m.by_kind_style[kind].get(f"{lang}-{style}")) for lang, style in styles)]
            for kind in rv.POSITIVE_KINDS
        ]
        + [["**all**", *(_cell(m.by_style[lang].get(style)) for lang, style in styles)]],
    )
    out.append("")
    spacings = ("spaced", "after-colon", "after-han")
    out.append(
        "Spaced vs glued: `spaced` has a space before the value, `after-colon` follows `：` or `:` "
        "directly, `after-han` follows a Chinese character (`手机号138…`, `是138…`)."
    )
    out.append("")
    out += _table(
        ["language", *spacings], [[lang, *(_cell(m.by_spacing[lang].get(s)) for s in spacings)] for lang in langs]
    )
    out.append("")
    out.append("**National phone numbers** — recall by how the number is written, and the right country suggested:")
    out.append("")
    out += _table(
        ["form", *langs],
        [[form, *(_cell(m.phone_forms[form].get(lang)) for lang in langs)] for form in sorted(m.phone_forms)],
    )
    out.append("")
    out += _table(
        ["right country", *langs],
        [
            ["suggested, of all national numbers", *(_cell(m.right_country.get(lang)) for lang in langs)],
            ["suggested, of those flagged", *(_cell(m.right_country_flagged.get(lang)) for lang in langs)],
            [
                "said to be unknowable, the right one among those named",
                *(_cell(m.cannot_be_known.get(lang)) for lang in langs),
            ],
            ["suggested, or said to be unknowable", *(_cell(m.right_or_unknowable.get(lang)) for lang in langs)],
            ["a wrong country suggested (or left out)", *(_cell(m.wrong_suggestion.get(lang)) for lang in langs)],
            [
                "suggested, where the draft names the country",
                *(_cell(m.right_country_named.get(lang)) for lang in langs),
            ],
            ["suggested, where nothing points to it", *(_cell(m.right_country_unnamed.get(lang)) for lang in langs)],
            [
                "suggested or said to be unknowable, where nothing points to it",
                *(_cell(m.listed_country_unnamed.get(lang)) for lang in langs),
            ],
        ],
    )
    out.append("")
    out.append("**Hard negatives** — drafts with a phone, secret or pii warning/error on the value:")
    out.append("")
    neg_rows = []
    for kind in rv.NEGATIVE_KINDS:
        rules = ", ".join(f"{r} ×{n}" for r, n in sorted(m.alarm_rules[kind].items()))
        neg_rows.append([kind, *(_cell(m.false_alarms[kind].get(lang)) for lang in langs), rules])
    total = [_sum(m.false_alarms[k][lang] for k in rv.NEGATIVE_KINDS if lang in m.false_alarms[k]) for lang in langs]
    neg_rows.append(["**all**", *(_cell(t) for t in total), ""])
    out += _table(["kind", *langs, "rules"], neg_rows)
    confusions = [
        [kind, ", ".join(f"{r} ×{n}" for r, n in sorted(m.confusions[kind].items()))]
        for kind in rv.POSITIVE_KINDS
        if m.confusions.get(kind)
    ]
    if confusions:
        out.append("")
        out.append("Other rules firing on positive values (a second reading of the same value):")
        out.append("")
        out += _table(["kind", "rules"], confusions)
    if locales:
        out.append("")
        out.append("**Recall per kind and locale** (phone: region; card: network; id/passport/address: Faker locale):")
        out.append("")
        rows = []
        for kind in rv.POSITIVE_KINDS:
            for (k, locale), tallies in sorted(m.by_locale.items()):
                if k == kind and locale != "-":
                    rows.append([kind, locale, *(_cell(tallies.get(lang)) for lang in langs)])
        out += _table(["kind", "locale", *langs], rows)
        out.append("")
        out += _table(
            ["right country by region", *langs],
            [
                [region, *(_cell(t.get(lang)) for lang in langs)]
                for region, t in sorted(m.right_country_by_region.items())
            ],
        )
    if m.wrong_language:
        out.append("")
        out.append(f"({m.wrong_language} drafts were read as another language than they were written in.)")
    return "\n".join(out) + "\n"


# -- the floor ---------------------------------------------------------------------------------


def figures(m: Measures) -> dict[str, dict[str, float | int]]:
    """The figures the floor holds: recall and right-country shares (floors), false alarms (ceilings)."""
    recall: dict[str, float | int] = {
        f"{kind}.{lang}": _ratio(t) for kind, per in m.recall.items() for lang, t in per.items()
    }
    recall |= {f"style.{lang}.{style}": _ratio(t) for lang, per in m.by_style.items() for style, t in per.items()}
    recall |= {f"right_country.{lang}": _ratio(t) for lang, t in m.right_country.items()}
    recall |= {f"right_country_named.{lang}": _ratio(t) for lang, t in m.right_country_named.items()}
    recall |= {f"listed_country_unnamed.{lang}": _ratio(t) for lang, t in m.listed_country_unnamed.items()}
    recall |= {f"right_or_unknowable.{lang}": _ratio(t) for lang, t in m.right_or_unknowable.items()}
    recall |= {f"right_country_unnamed.{lang}": _ratio(t) for lang, t in m.right_country_unnamed.items()}
    alarms: dict[str, float | int] = {
        f"{kind}.{lang}": t[0] for kind, per in m.false_alarms.items() for lang, t in per.items()
    }
    # A national number given a wrong country (or the right one left out of those named): a ceiling too.
    alarms |= {f"wrong_country.{lang}": t[0] for lang, t in m.wrong_suggestion.items()}
    return {"recall": dict(recall), "false_alarms": dict(alarms)}


def _round_down(x: float) -> float:
    return math.floor(x * 1000 + 1e-9) / 1000


def floor_problems(m: Measures, floor: dict[str, dict[str, float | int]]) -> list[str]:
    """Every figure that fell below its floor (or rose above its ceiling), or that the floor lacks."""
    now = figures(m)
    problems = []
    for key, least in sorted(floor.get("recall", {}).items()):
        if key not in now["recall"]:
            problems.append(f"recall {key}: recorded in the floor but no longer measured")
        elif now["recall"][key] + 1e-9 < least:
            problems.append(f"recall {key}: {now['recall'][key]:.3f} is below the floor {least:.3f}")
    for key, most in sorted(floor.get("false_alarms", {}).items()):
        if key not in now["false_alarms"]:
            problems.append(f"false alarms {key}: recorded in the floor but no longer measured")
        elif now["false_alarms"][key] > most:
            problems.append(f"false alarms {key}: {now['false_alarms'][key]} is above the recorded {most}")
    for section in ("recall", "false_alarms"):
        for key in sorted(set(now[section]) - set(floor.get(section, {}))):
            problems.append(
                f"{section} {key}: measured but not in the floor (run scripts/values_report.py --write-floor)"
            )
    return problems


def read_floor(path: Path = FLOOR_FILE) -> dict[str, dict[str, float | int]]:
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {section: dict(data.get(section, {})) for section in ("recall", "false_alarms")}


def render_floor(m: Measures) -> str:
    now = figures(m)
    lines = [
        "# The floor of tests/test_generated_values.py, written by scripts/values_report.py --write-floor.",
        "# A recall (or right-country share) may not fall below its figure here; a count of false alarms",
        "# on hard negatives may not rise above it. Raise the figures when the rules get better.",
        "# right_country counts one number proposed (a fix), right; right_or_unknowable adds a message that",
        "# says the country cannot be told and names the right number among its candidates;",
        "# right_country_unnamed counts the drafts that name no country; wrong_country (a ceiling) the",
        "# national numbers given a wrong country or whose right one is left out of those named.",
        "",
        "[recall]",
        *(f'"{key}" = {_round_down(value):.3f}' for key, value in sorted(now["recall"].items())),
        "",
        "[false_alarms]",
        *(f'"{key}" = {value}' for key, value in sorted(now["false_alarms"].items())),
    ]
    return "\n".join(lines) + "\n"


def run(per_kind: int = 200, negatives_per_kind: int = 24, seed: int = rv.SEED) -> tuple[list[Outcome], Measures]:
    outcomes = lint_cases(rv.generate(per_kind, negatives_per_kind, seed))
    return outcomes, measure(outcomes)


def _list_misses(outcomes: Sequence[Outcome], kind: str | None) -> str:
    lines = []
    for o in outcomes:
        c = o.case
        if kind and c.kind != kind:
            continue
        wrong_country = c.kind == "phone" and o.caught and not o.right_country
        if (c.positive and o.caught and not wrong_country) or (not c.positive and not o.alarms):
            continue
        what = (
            "missed"
            if c.positive and not o.caught
            else ("unknowable, right one named" if o.listed_country else "wrong country")
            if wrong_country
            else "false alarm"
        )
        body = c.draft.split("\n\n", 1)[1].strip()
        lines.append(f"{what}: {c.kind} {c.language} {c.locale} {c.style} {c.form} {','.join(o.alarms)} | {body}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", nargs="?", const="", metavar="KIND", help="list misses and false alarms")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below the floor")
    parser.add_argument("--write-floor", action="store_true", help=f"record the figures in {FLOOR_FILE.name}")
    parser.add_argument("--lower", action="store_true", help="with --write-floor: allow a figure to go down")
    parser.add_argument("--no-locales", action="store_true", help="leave out the per-locale tables")
    args = parser.parse_args(argv)
    outcomes, m = run()
    if args.misses is not None:
        sys.stdout.write(_list_misses(outcomes, args.misses or None))
        return 0
    sys.stdout.write(render(m, locales=not args.no_locales))
    problems = floor_problems(m, read_floor())
    if args.write_floor:
        lowered = [p for p in problems if "below the floor" in p or "above the recorded" in p]
        if lowered and not args.lower:
            print("\n".join(lowered), file=sys.stderr)
            print("values_report: not written: a figure would go down (use --lower if that is meant)", file=sys.stderr)
            return 1
        FLOOR_FILE.write_text(render_floor(m), encoding="utf-8")
        print(f"values_report: wrote {FLOOR_FILE.relative_to(ROOT)}", file=sys.stderr)
        return 0
    if args.check and problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
