"""The HTML report: one page, findings marked in place, escaped, masked, self-contained.

The unit tests read the page we write; the browser tests read the DOM headless
Chromium built from it (and leave a screenshot in $TGLINT_ARTIFACTS for CI).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from browser.dom import Element, finding_text, parse
from lintkit import ROOT, lint

from tglint.draft import Part
from tglint.models import CATEGORIES, Edit, FileResult, Finding, Fix, PartView, Severity
from tglint.reporters import render
from tglint.reporters.html import CONTENT_SECURITY_POLICY, render_html

PASSWORD = "abc12345"
MASKED = "a*******"  # as the text report shows it: long secrets keep their first character
PAYLOAD = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
KNOWN_DRAFT = (
    "To: suport@telegram.org\n"
    "Subject: 【技术问题】消息发送失败\n"
    "\n"
    f"你好，我的手机号是13800138000，密码是{PASSWORD}。\n"
    f"THIS IS URGENT!!! {PAYLOAD}\n"
    "谢谢\n"
)
CROSSING_TEXT = "alpha beta gamma delta\nepsilon zeta"


@pytest.fixture(scope="module")
def known() -> FileResult:
    """A real draft through the real rules: a secret, and spans inside spans on one line."""
    result = lint(KNOWN_DRAFT, "drafts/known.txt")
    assert "TG501" in {f.rule for f in result.findings}
    on_line_4 = [f for f in result.findings if f.line == 4]
    assert len(on_line_4) >= 2, "the test needs nested spans"
    return result


def span(part: Part, start: int, end: int, rule: str, severity: Severity, message: str, **extra: Any) -> Finding:
    """A finding on [start, end) of `part`, positioned as the engine does."""
    (line, column), (end_line, end_column) = part.position(start), part.position(end)
    return Finding(rule, "some-rule", "tone", severity, message, part.name, line, column, end_line, end_column, **extra)


def crossing_result() -> FileResult:
    """Spans that nest, cross, touch, are empty, and run over a line break."""
    part = Part("body", CROSSING_TEXT, first_line=3)
    at = CROSSING_TEXT.index
    findings = (
        span(part, at("alpha"), at(" gamma"), "TG901", Severity.ERROR, "alpha beta"),
        span(part, at("beta"), at(" delta"), "TG902", Severity.WARNING, "beta gamma"),
        span(part, at("gamma"), at(" delta"), "TG903", Severity.INFO, "gamma"),
        span(part, at("delta"), at("delta"), "TG904", Severity.WARNING, "insertion point"),
        span(part, at("delta"), at(" zeta"), "TG905", Severity.INFO, "over the line break"),
    )
    return FileResult(
        path="drafts/crossing.txt",
        findings=findings,
        part_texts={"body": PartView.excerpt(CROSSING_TEXT, 3, 1, {3, 4})},
    )


def hostile_result() -> FileResult:
    """Untrusted text in every field a report shows."""
    fix = Fix(f"Replace with {PAYLOAD}", "unsafe", (Edit("body", 0, 3, f"</code>{PAYLOAD}", 1, 1, 1, 4),))
    finding = Finding(
        "TG302", "hostile-wording", "tone", Severity.WARNING, f"Wording {PAYLOAD}", "body", 1, 1, 1, 4, fix=fix
    )
    return FileResult(
        path=f"drafts/{PAYLOAD}.eml",
        language="en",
        topic="support",
        recipients=('"><script>document.title="pwned"</script>@x.org',),
        findings=(finding,),
        part_texts={"body": PartView(f"Hi {PAYLOAD}")},
    )


def broken_result() -> FileResult:
    return FileResult(path="drafts/broken.eml", error=f"cannot decode {PAYLOAD}")


def page(*results: FileResult) -> str:
    return render("html", list(results), [])


def expected_text(finding: Finding, source: str) -> str:
    """What a mark must show: the span of the file's text, the password masked."""
    lines = source.split("\n")
    if finding.line == finding.end_line:
        text = lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
    else:
        first = lines[finding.line - 1][finding.column - 1 :]
        middle = lines[finding.line : finding.end_line - 1]
        last = lines[finding.end_line - 1][: finding.end_column - 1]
        text = "\n".join([first, *middle, last])
    return text.replace(PASSWORD, MASKED)


def assert_marks_match(root: Element, number: int, result: FileResult, source: str) -> None:
    by_id = root.by_id()
    for index, finding in enumerate(result.findings, 1):
        key = f"f-{number}-{index}"
        mark = by_id.get(key)
        assert mark is not None and mark.tag == "mark", f"no mark for {finding.rule} at {finding.line}"
        assert mark.attrs["data-rule"] == finding.rule
        assert (int(mark.attrs["data-line"]), int(mark.attrs["data-column"])) == (finding.line, finding.column)
        assert {"finding", f"sev-{finding.severity.value}"} <= mark.classes()
        assert finding_text(root, key) == expected_text(finding, source), finding.rule


# --- marks -------------------------------------------------------------------


def test_marks_show_the_spans_findings_point_at(known: FileResult) -> None:
    root = parse(page(known))
    assert_marks_match(root, 1, known, KNOWN_DRAFT)


def test_crossing_spans_nest_or_split_cleanly() -> None:
    result = crossing_result()
    source = "\n\n" + CROSSING_TEXT  # the part starts on line 3
    root = parse(page(result))  # parse() fails on marks that overlap instead of nesting
    assert_marks_match(root, 1, result, source)
    pieces = [m for m in root.iter("mark") if m.attrs["data-finding"] == "f-1-2"]
    assert len(pieces) == 2, "'beta gamma' crosses the end of 'alpha beta': split in two"
    assert [p.text() for p in pieces] == ["beta", " gamma"]
    assert "id" not in pieces[1].attrs and "cont" in pieces[1].classes()
    empty = root.by_id()["f-1-4"]
    assert empty.text() == "" and "empty" in empty.classes()
    over_lines = [m for m in root.iter("mark") if m.attrs["data-finding"] == "f-1-5"]
    assert [m.text() for m in over_lines] == ["delta", "epsilon"]


def test_only_lines_findings_point_at_with_file_line_numbers(known: FileResult) -> None:
    root = parse(page(known))
    numbers = [int(row.attrs["data-line"]) for row in root.iter("tr") if "data-line" in row.attrs]
    pointed_at = {line for f in known.findings for line in range(f.line, f.end_line + 1)}
    assert numbers == sorted(pointed_at)
    assert [row.iter("td").__next__().text() for row in root.iter("tr")] == [str(n) for n in numbers]
    if 6 not in pointed_at:
        assert "谢谢" not in root.text()


def test_a_gap_between_shown_lines_is_marked() -> None:
    wide = replace(crossing_result(), part_texts={"body": PartView.excerpt(CROSSING_TEXT + "\n\nx", 3, 1, {3, 4, 6})})
    findings = (*wide.findings, replace(wide.findings[0], line=6, column=1, end_line=6, end_column=2))
    rows = list(parse(page(replace(wide, findings=findings))).iter("tr"))
    assert [row.attrs.get("data-line") or row.attrs["class"] for row in rows] == ["3", "4", "gap", "6"]


def test_findings_without_text_are_listed_and_linked_to_their_details() -> None:
    bare = FileResult(
        path="mail/Drafts.mbox#3",
        findings=(
            Finding("TG101", "subject-missing-tag", "subject", Severity.WARNING, "No tag", "subject", 0, 0, 0, 0),
        ),
    )
    root = parse(page(bare))
    (link,) = root.find("nav").iter("a")  # type: ignore[union-attr]
    assert link.attrs["href"] == "#d-1-1"
    assert root.by_id()["d-1-1"].tag == "li"
    assert "not in the report" in root.text()


# --- side list and fixes -----------------------------------------------------


def test_side_list_groups_by_severity_then_category_and_links_to_marks(known: FileResult) -> None:
    root = parse(page(known, crossing_result()))
    nav = root.find("nav")
    assert nav is not None
    by_id = root.by_id()
    listed: list[tuple[str, str, str]] = []
    for group in nav.iter("section"):
        severity = next(c for c in group.classes() if c.startswith("sev-"))[4:]
        category = ""
        for child in group.children:
            if isinstance(child, Element) and child.tag == "h4":
                category = child.text().split()[0]
            elif isinstance(child, Element) and child.tag == "ul":
                for link in child.iter("a"):
                    target = link.attrs["href"].removeprefix("#")
                    assert by_id[target].tag == "mark"
                    listed.append((severity, category, target))
    expected = [
        (f.severity.value, f.category, f"f-{number}-{index}")
        for number, result in enumerate((known, crossing_result()), 1)
        for index, f in enumerate(result.findings, 1)
    ]
    assert sorted(listed) == sorted(expected)
    order = {s.value: i for i, s in enumerate((Severity.ERROR, Severity.WARNING, Severity.INFO))}
    assert [order[s] for s, _, _ in listed] == sorted(order[s] for s, _, _ in listed)
    for severity in order:
        categories = [c for s, c, _ in listed if s == severity]
        assert categories == sorted(categories, key=CATEGORIES.index)


def test_fixes_show_description_applicability_and_replacement(known: FileResult) -> None:
    root = parse(page(known))
    by_id = root.by_id()
    for index, finding in enumerate(known.findings, 1):
        detail = by_id[f"d-1-{index}"]
        fix = next((d for d in detail.iter("div") if "fix" in d.classes()), None)
        if finding.fix is None:
            assert fix is None
            continue
        assert fix is not None and finding.fix.applicability in fix.classes()
        assert f"fix · {finding.fix.applicability}" in fix.text()
        assert finding.fix.description in fix.text()
        shown = [code.text() for code in fix.iter("code")]
        assert shown == [edit.content for edit in finding.fix.edits if edit.content]


def test_edits_say_whether_they_insert_replace_or_delete() -> None:
    edits = (
        Edit("body", 2, 2, "X", 3, 3, 3, 3),
        Edit("body", 0, 5, "omega", 3, 1, 3, 6),
        Edit("body", 6, 10, "", 3, 7, 3, 11),
    )
    result = crossing_result()
    fixed = replace(result.findings[0], fix=Fix("Three edits", "safe", edits))
    detail = parse(page(replace(result, findings=(fixed,)))).by_id()["d-1-1"]
    assert [item.text() for item in detail.find("ul").iter("li")] == [  # type: ignore[union-attr]
        "3:3 insert X",
        "3:1–3:6 replace with omega",
        "3:7–3:11 delete",
    ]


def test_secret_fix_shows_only_the_mask(known: FileResult) -> None:
    index = next(i for i, f in enumerate(known.findings, 1) if f.rule == "TG501")
    detail = parse(page(known)).by_id()[f"d-1-{index}"]
    assert [code.text() for code in detail.iter("code") if "replacement" in code.classes()] == ["********"]
    assert PASSWORD not in detail.text()


# --- escaping, masking, determinism, self-containment ------------------------


def test_untrusted_text_is_escaped_everywhere(known: FileResult) -> None:
    output = page(known, hostile_result(), broken_result())
    root = parse(output)
    for tag in ("script", "img", "iframe", "object", "embed", "svg"):
        assert not list(root.iter(tag)), f"a draft made a <{tag}>"
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in output
    assert root.find("title").text() == "tglint report"  # type: ignore[union-attr]
    text = root.text()
    assert PAYLOAD in text  # shown, as text
    hostile = root.by_id()["file-2"]
    assert hostile.find("h2").text() == f"drafts/{PAYLOAD}.eml"  # type: ignore[union-attr]
    replacement = next(c for c in hostile.iter("code") if "replacement" in c.classes())
    assert replacement.text() == f"</code>{PAYLOAD}"
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrs), element


def test_controls_and_bidi_overrides_are_shown_escaped() -> None:
    text = "a\x1b[31mred\u202eevil\x00 tab\tend"
    found = Finding("TG901", "control-characters", "details", Severity.INFO, "m\u202e", "body", 1, 1, 1, 2)
    result = FileResult(path="c\u202etxt.eml", findings=(found,), part_texts={"body": PartView(text)})
    output = page(result)
    assert not any(char in output for char in "\x1b\x00\u202e")
    root = parse(output)
    shown = root.find("td", **{"class": "code"})
    assert shown is not None
    assert shown.text() == "a\\x1b[31mred\\u202eevil\\x00 tab\tend"
    # Paths and messages are isolated, so even right-to-left text cannot reorder what surrounds them.
    heading = root.by_id()["file-1"].find("h2")
    assert heading is not None and [child.tag for child in heading.children if isinstance(child, Element)] == ["bdi"]
    assert heading.text() == "c\\u202etxt.eml"


def test_secrets_are_masked_as_in_the_text_report(known: FileResult) -> None:
    output = page(known)
    assert PASSWORD not in output
    root = parse(output)
    rows = {
        int(r.attrs["data-line"]): r.find("td", **{"class": "code"}) for r in root.iter("tr") if "data-line" in r.attrs
    }
    text_report = render("text", [known], [], width=300)
    assert f"4 | {rows[4].text()}" in text_report.splitlines()  # type: ignore[union-attr]
    assert MASKED in rows[4].text()  # type: ignore[union-attr]


def test_deterministic_across_runs_and_hash_seeds(known: FileResult) -> None:
    results = [known, crossing_result(), hostile_result(), broken_result(), FileResult(path="clean.txt")]
    first = page(*results)
    assert first == page(*results)
    script = (
        "import sys; sys.path.insert(0, 'tests'); import test_html_report as t; "
        "from lintkit import lint; "
        "r = [lint(t.KNOWN_DRAFT, 'drafts/known.txt'), t.crossing_result(), t.hostile_result(), "
        "t.broken_result(), t.FileResult(path='clean.txt')]; "
        "sys.stdout.buffer.write(t.page(*r).encode())"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        )
        assert done.stdout.decode() == first


def test_page_is_self_contained() -> None:
    plain = lint(KNOWN_DRAFT.replace(PAYLOAD, "please"), "drafts/known.txt")
    broken = FileResult(path="drafts/broken.eml", error="cannot decode")
    output = page(plain, crossing_result(), broken, FileResult(path="clean.txt"))
    for needle in ("http://", "https://", "src=", "url(", "@import", "@font-face", "//"):
        assert needle not in output, needle
    root = parse(output)
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert not list(root.iter(tag)), tag
    for element in root.iter():
        href = element.attrs.get("href")
        assert href is None or re.fullmatch(r"#[\w-]+", href), href


def test_content_security_policy_comes_first(known: FileResult) -> None:
    root = parse(page(known))
    head = root.find("head")
    assert head is not None
    metas = [m for m in head.iter("meta")]
    assert metas[0].attrs == {"charset": "utf-8"}
    assert metas[1].attrs == {"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY}
    assert CONTENT_SECURITY_POLICY == "default-src 'none'; style-src 'unsafe-inline'"


def test_summary_and_clean_drafts(known: FileResult) -> None:
    root = parse(page(known, broken_result(), FileResult(path="clean.txt")))
    summary = root.find("p", **{"class": "summary"})
    assert summary is not None
    count = len(known.findings)
    assert summary.text().startswith(f"Found {count} findings (")
    assert summary.text().endswith("1 file had an error.")
    assert "Error: cannot decode" in root.by_id()["file-2"].text()
    assert "clean.txt" in root.find("details").text()  # type: ignore[union-attr]
    assert parse(page(FileResult(path="a.txt"))).find("p", **{"class": "summary"}).text() == "All checks passed."  # type: ignore[union-attr]


def test_rule_summaries_are_titles() -> None:
    result = crossing_result()

    class Rule:
        code, name, summary = "TG901", "some-rule", "Flags <things> & more"

    root = parse(render_html([result], [Rule()]))  # type: ignore[list-item]
    titles = {code.attrs["title"] for code in root.iter("code") if code.text() == "TG901"}
    assert titles == {"some-rule: Flags <things> & more"}


# --- in a browser ------------------------------------------------------------


def artifacts_dir() -> Path:
    return Path(os.environ.get("TGLINT_ARTIFACTS") or ROOT / "artifacts")


@pytest.fixture(scope="module")
def browser() -> str:
    return chromium.require_chromium()


def browser_results(known: FileResult) -> list[FileResult]:
    return [known, crossing_result(), hostile_result(), broken_result()]


@pytest.mark.parametrize("with_csp", [True, False], ids=["as-written", "csp-removed"])
def test_in_chromium_marks_sit_on_their_spans_and_drafts_do_not_run(
    browser: str, known: FileResult, tmp_path: Path, with_csp: bool
) -> None:
    output = page(*browser_results(known))
    if not with_csp:
        # Escaping alone must hold: without the policy a payload that got through would run.
        output = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n", "", output)
        assert "Content-Security-Policy" not in output
    report = tmp_path / "report.html"
    report.write_text(output, encoding="utf-8")
    root = parse(chromium.dump_dom(browser, report))
    assert root.find("title").text() == "tglint report"  # type: ignore[union-attr]
    assert not list(root.iter("script")) and not list(root.iter("img"))
    assert PAYLOAD in root.text()
    assert_marks_match(root, 1, known, KNOWN_DRAFT)
    assert_marks_match(root, 2, crossing_result(), "\n\n" + CROSSING_TEXT)
    assert PASSWORD not in root.text()


def test_in_chromium_screenshot(browser: str, known: FileResult, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(page(*browser_results(known)), encoding="utf-8")
    png = chromium.screenshot(browser, report, artifacts_dir() / "html-report.png")
    assert chromium.png_size(png) == (1280, 2000)
    assert png.stat().st_size > 20_000, "the screenshot looks blank"
