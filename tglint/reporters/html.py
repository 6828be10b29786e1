"""A self-contained HTML page: each draft's lines with findings marked in place, a side
list of findings by severity and category, and the fixes on offer.

Draft text is untrusted. Every piece of it (lines, paths, messages, fixes) goes
through `html.escape`; control and bidi characters are shown as visible escapes
(`\x1b`, `\u202e`, as in the text report) and paths, messages and recipients sit in
`<bdi>`, so neither an override nor right-to-left text can reorder the page around
them; a Content-Security-Policy forbids scripts and every fetch, so even a
slip in escaping could not run code or reach the network. The page loads
nothing: styles are inline, fonts are the reader's own, there is no script.

Marks: a finding's span on a shown line becomes
`<mark class="finding sev-…" id="f-<file>-<n>" data-rule=… data-line=… data-column=…>`,
file and finding numbered from 1 in report order. Overlapping spans nest; where
they cannot (one ends inside another), the outer one is split and its later
pieces carry `data-finding` but no id. A span spread over lines gets one piece
per line. An empty span (an insertion point) is an empty mark.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import tglint
from tglint.escaping import escape_controls
from tglint.models import CATEGORIES, Edit, FileResult, Finding, Fix, Location, PartView, Severity
from tglint.reporters._common import (
    Summary,
    errors_sentence,
    fixable_phrase,
    language_note,
    part_label,
    plural,
    region_of,
    rules_by_code,
    summarize,
)
from tglint.reporters._masking import line_segment, mask_line, scrub, secrets, shown_span
from tglint.rule import RuleLike

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SEVERITY_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def render_html(results: Sequence[FileResult], rules: Sequence[RuleLike] = ()) -> str:
    summaries = {rule.code: rule.summary for rule in rules_by_code(rules)}
    numbered = [_Draft(number, result, secrets(result)) for number, result in enumerate(results, 1)]
    marked = {key for draft in numbered for key in draft.marked_keys()}
    body = "".join(
        (
            '<header class="top"><h1>tglint report</h1>',
            f'<p class="summary">{_esc(_summary_sentence(summarize(results)))}</p></header>\n',
            '<div class="layout">\n',
            _side_list(numbered, marked, summaries),
            "<main>\n",
            "".join(_draft_section(draft, marked, summaries) for draft in numbered if draft.shown),
            _clean_list(numbered),
            "</main>\n</div>\n",
            f"<footer>tglint {_esc(tglint.__version__)}</footer>\n",
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>tglint report</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


@dataclass(frozen=True, slots=True)
class _Draft:
    number: int
    result: FileResult
    hidden: tuple[str, ...]

    @property
    def shown(self) -> bool:
        return bool(self.result.findings) or self.result.error is not None or bool(self.result.skipped_rules)

    def key(self, index: int) -> str:
        return f"f-{self.number}-{index}"

    def numbered_findings(self) -> list[tuple[str, Finding]]:
        return [(self.key(index), finding) for index, finding in enumerate(self.result.findings, 1)]

    def parts(self) -> list[str]:
        """The parts with findings, in the order of their first finding."""
        first: dict[str, tuple[int, int, int, str, str]] = {}
        for finding in self.result.findings:
            first[finding.part] = min(first.get(finding.part, finding.sort_key), finding.sort_key)
        return sorted(first, key=lambda part: (first[part], part))

    def shown_lines(self, part: str, in_file: bool = True) -> list[int]:
        """The lines of `part` its findings are shown on: the file's, or the decoded text's."""
        view = self.result.part_texts.get(part)
        if view is None:
            return []
        wanted = {
            line
            for finding in self.result.findings
            if finding.part == part
            for span in (shown_span(self.result, finding),)
            if span.in_file == in_file
            for line in range(span.line, max(span.line, span.end_line) + 1)
        }
        return sorted(line for line in wanted if _known(view, line, in_file))

    def marked_keys(self) -> set[str]:
        """The findings whose span starts on a shown line: their first mark has the id."""
        keys: set[str] = set()
        for part in self.parts():
            for in_file in (True, False):
                for line in self.shown_lines(part, in_file):
                    length = len(mask_line(self.result, part, line, in_file, self.hidden))
                    pieces = _pieces(self, part, line, length, in_file)
                    keys.update(p.key for p in pieces if p.first_line == line)
        return keys


def _known(view: PartView, line: int, in_file: bool) -> bool:
    if not in_file:
        if view.part_lines is not None:
            return line in view.part_lines
        return 1 <= line <= view.text.count("\n") + 1
    if view.lines is not None:
        return line in view.lines
    return 0 <= line - view.first_line < view.text.count("\n") + 1


# --- the side list -----------------------------------------------------------


def _side_list(drafts: list[_Draft], marked: set[str], summaries: dict[str, str]) -> str:
    entries = [(draft, key, finding) for draft in drafts for key, finding in draft.numbered_findings()]
    out = ['<nav class="side" aria-label="Findings by severity and category">\n<h2>Findings</h2>\n']
    if not entries:
        out.append('<p class="none">No findings.</p>\n')
    for severity in SEVERITY_ORDER:
        of_severity = [entry for entry in entries if entry[2].severity == severity]
        if not of_severity:
            continue
        out.append(
            f'<section class="group sev-{severity.value}">'
            f'<h3>{_SEVERITY_TITLES[severity]} <span class="count">{len(of_severity)}</span></h3>\n'
        )
        for category in _categories(entry[2].category for entry in of_severity):
            in_category = [entry for entry in of_severity if entry[2].category == category]
            out.append(f'<h4>{_esc(category)} <span class="count">{len(in_category)}</span></h4>\n<ul>\n')
            out.extend(_side_item(draft, key, finding, marked, summaries) for draft, key, finding in in_category)
            out.append("</ul>\n")
        out.append("</section>\n")
    out.append("</nav>\n")
    return "".join(out)


def _categories(found: Iterable[str]) -> list[str]:
    """Known categories in their documented order, then any others (plugins) sorted."""
    present = set(found)
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))


def _side_item(draft: _Draft, key: str, finding: Finding, marked: set[str], summaries: dict[str, str]) -> str:
    region = region_of(finding)
    target = key if key in marked else "d-" + key[2:]
    fixable = ""
    if finding.fix is not None:
        safe = finding.fix.applicability == "safe"
        title = "a safe fix is offered (--fix)" if safe else "an unsafe fix is offered (--fix --unsafe-fixes)"
        fixable = f' <span class="fixable" title="{title}">{"fix" if safe else "unsafe fix"}</span>'

    return (
        f'<li><a href="#{target}">{_rule_code(finding, summaries)}{fixable} '
        f'<span class="loc">{_untrusted(draft.result.path)}:{region.line}:{region.column}</span> '
        f'<span class="part">[{_untrusted(part_label(finding))}]</span> '
        f'<span class="msg">{_untrusted(scrub(finding.message, draft.hidden))}</span></a></li>\n'
    )


def _rule_code(finding: Finding, summaries: dict[str, str]) -> str:
    title = f"{finding.name}: {summaries[finding.rule]}" if finding.rule in summaries else finding.name
    return f'<code class="rule" title="{_esc(title)}">{_esc(finding.rule)}</code>'


# --- the drafts --------------------------------------------------------------


def _draft_section(draft: _Draft, marked: set[str], summaries: dict[str, str]) -> str:
    result = draft.result
    out = [f'<article class="draft" id="file-{draft.number}">\n<h2>{_untrusted(result.path)}</h2>\n']
    meta = _meta(result, draft.hidden)
    if meta:
        out.append(f'<p class="meta">{meta}</p>\n')
    note = language_note(result)
    if note is not None:
        out.append(f'<p class="meta">{_untrusted(note)}</p>\n')
    if result.error is not None:
        out.append(f'<p class="error">Error: {_untrusted(result.error)}</p>\n')
    numbered = draft.numbered_findings()
    for part in draft.parts():
        out.append(f'<section class="part"><h3>{_esc(part)}</h3>\n')
        out.append(_source_table(draft, part, result.language))
        details = [_detail(draft, key, finding, marked, summaries) for key, finding in numbered if finding.part == part]
        out.append('<ol class="details">\n' + "".join(details) + "</ol>\n</section>\n")
    out.append("</article>\n")
    return "".join(out)


def _meta(result: FileResult, hidden: tuple[str, ...]) -> str:
    recipients = scrub(", ".join(result.recipients), hidden)
    reply = result.reply_time.line() if result.reply_time is not None else None
    fields = (("language", result.language), ("topic", result.topic), ("reply", reply), ("to", recipients))
    return " · ".join(f"{label}: <b>{_untrusted(value)}</b>" for label, value in fields if value)


def _source_table(draft: _Draft, part: str, language: str | None) -> str:
    """The part's lines as written in the file, numbered as there; then, for findings whose
    text is not in the file as such, the lines of the decoded text, numbered in the part."""
    tables = [_table(draft, part, language, in_file) for in_file in (True, False)]
    if not any(tables):
        return '<p class="no-text">The text of this part is not in the report.</p>\n'
    return "".join(tables)


def _table(draft: _Draft, part: str, language: str | None, in_file: bool) -> str:
    lines = draft.shown_lines(part, in_file)
    if not lines:
        return ""
    rows = []
    previous: int | None = None
    for line in lines:
        if previous is not None and line > previous + 1:
            rows.append('<tr class="gap"><td class="ln">\u22ee</td><td></td></tr>\n')
        source = mask_line(draft.result, part, line, in_file, draft.hidden)
        number = "data-line" if in_file else "data-part-line"
        rows.append(
            f'<tr {number}="{line}"><td class="ln">{line}</td>'
            f'<td class="code">{_marked_line(draft, part, line, source, in_file)}</td></tr>\n'
        )
        previous = line
    # The draft's language lets the browser pick the right CJK glyphs.
    lang = f' lang="{_esc(language)}"' if language else ""
    caption = "" if in_file else "<caption>decoded text: not written as such in the file; lines of the part</caption>\n"
    kind = "source" if in_file else "source decoded"
    return f'<table class="{kind}"{lang}>\n{caption}' + "".join(rows) + "</table>\n"


@dataclass(frozen=True, slots=True)
class _Piece:
    """The characters [start, end) of one shown line that a finding's span covers."""

    key: str
    finding: Finding
    start: int
    end: int
    first_line: int  # the shown line where the span starts


def _pieces(draft: _Draft, part: str, line: int, length: int, in_file: bool) -> list[_Piece]:
    pieces = []
    for key, finding in draft.numbered_findings():
        span = shown_span(draft.result, finding)
        if finding.part != part or span.in_file != in_file:
            continue
        segment = line_segment(span, line, length)
        if segment is None and line == span.line:
            # An empty span, or one starting at the line's end: an insertion point.
            at = max(0, min(span.column - 1, length))
            segment = (at, at)
        if segment is not None:
            pieces.append(_Piece(key, finding, *segment, span.line))
    return pieces


def _marked_line(draft: _Draft, part: str, line: int, source: str, in_file: bool) -> str:
    """The escaped line with each piece wrapped in a mark; marks nest, or split where they cross."""
    pieces = _pieces(draft, part, line, len(source), in_file)
    boundaries = sorted({0, len(source), *(p.start for p in pieces), *(p.end for p in pieces)})
    out: list[str] = []
    open_pieces: list[_Piece] = []  # a stack: the last one is innermost
    started: set[str] = set()
    position = 0
    for boundary in boundaries:
        out.append(_esc_source(source[position:boundary]))
        position = boundary
        if any(piece.end == boundary for piece in open_pieces):
            reopen = []
            while any(piece.end == boundary for piece in open_pieces):
                piece = open_pieces.pop()
                out.append("</mark>")
                if piece.end != boundary:
                    reopen.append(piece)
            for piece in reversed(reopen):
                out.append(_open_mark(piece, line, continued=True))
                open_pieces.append(piece)
        for piece in pieces:
            if piece.start == piece.end == boundary:
                out.append(_open_mark(piece, line, continued=piece.key in started) + "</mark>")
                started.add(piece.key)
        # Longer spans open first, so shorter ones that start with them nest inside.
        for piece in sorted(
            (p for p in pieces if p.start == boundary and p.end > p.start), key=lambda p: (-p.end, p.key)
        ):
            out.append(_open_mark(piece, line, continued=piece.key in started))
            started.add(piece.key)
            open_pieces.append(piece)
    return "".join(out)


def _open_mark(piece: _Piece, line: int, *, continued: bool) -> str:
    finding = piece.finding
    classes = f"finding sev-{finding.severity.value}"
    if piece.start == piece.end:
        classes += " empty"
    # The id goes on the piece where the span starts; a span whose first line is not
    # shown has no id, and the side list links to its details instead.
    first = not continued and line == piece.first_line
    if not first:
        classes += " cont"
    attributes = [f'class="{classes}"', f'title="{_esc(finding.rule)} {_esc(finding.name)}"']
    if first:
        region = region_of(finding)
        attributes += [
            f'id="{piece.key}"',
            f'data-rule="{_esc(finding.rule)}"',
            f'data-line="{region.line}"',
            f'data-column="{region.column}"',
            f'data-end-line="{region.end_line}"',
            f'data-end-column="{region.end_column}"',
        ]
    else:
        attributes.append(f'data-rule="{_esc(finding.rule)}"')
    attributes.append(f'data-finding="{piece.key}"')
    return f"<mark {' '.join(attributes)}>"


def _detail(draft: _Draft, key: str, finding: Finding, marked: set[str], summaries: dict[str, str]) -> str:
    region = region_of(finding)
    severity = finding.severity.value
    where = f"{region.line}:{region.column}"
    if finding.location is Location.PART:
        where += f" ({_esc(part_label(finding))})"
    if key in marked:
        where = f'<a href="#{key}">{where}</a>'
    out = [
        f'<li id="d-{key[2:]}" class="sev-{severity}">',
        f'<span class="sev sev-{severity}">{severity}</span> {_rule_code(finding, summaries)} ',
        f'<span class="name">{_esc(finding.name)}</span> <span class="where">{where}</span>',
        f'<div class="msg">{_untrusted(scrub(finding.message, draft.hidden))}</div>',
    ]
    if finding.fix is not None:
        out.append(_fix(finding, finding.fix, draft.hidden))
    out.append("</li>\n")
    return "".join(out)


def _fix(finding: Finding, fix: Fix, hidden: tuple[str, ...]) -> str:
    applicability = _esc(fix.applicability)
    edits = "".join(_edit(finding, edit, hidden) for edit in fix.edits)
    return (
        f'<div class="fix {applicability}"><span class="applicability">fix · {applicability}</span> '
        f'{_untrusted(scrub(fix.description, hidden))}<ul class="edits">{edits}</ul></div>'
    )


def _edit(finding: Finding, edit: Edit, hidden: tuple[str, ...]) -> str:
    # Only the replacement is shown, never the text it replaces: for a secret that
    # is the secret itself, and the mark above already shows the rest.
    where = ""
    if edit.line >= 1:
        where = f"{edit.line}:{edit.column}"
        if (edit.end_line, edit.end_column) != (edit.line, edit.column):
            where += f"\u2013{edit.end_line}:{edit.end_column}"
    if edit.part != finding.part:
        where = f"{_esc(edit.part)} {where}".strip()
    if edit.start == edit.end:
        action = "insert"
    elif edit.content:
        action = "replace with"
    else:
        action = "delete"
    content = ""
    if edit.content:
        content = f' <code class="replacement"><bdi>{_esc_source(scrub(edit.content, hidden))}</bdi></code>'
    return f'<li><span class="where">{where}</span> {action}{content}</li>'


def _clean_list(drafts: list[_Draft]) -> str:
    clean = [draft.result.path for draft in drafts if not draft.shown]
    if not clean:
        return ""
    items = "".join(f"<li>{_untrusted(path)}</li>" for path in clean)
    return (
        f'<details class="clean"><summary>{_esc(plural(len(clean), "draft"))} without findings</summary>'
        f"<ul>{items}</ul></details>\n"
    )


def _summary_sentence(summary: Summary) -> str:
    if summary.findings:
        counts = f"{plural(summary.error, 'error')}, {plural(summary.warning, 'warning')}, {summary.info} info"
        sentence = (
            f"Found {plural(summary.findings, 'finding')} ({counts}) in "
            f"{plural(summary.files_with_findings, 'file')}; {fixable_phrase(summary)}"
        )
    elif summary.unreadable:
        sentence = "No findings."
    else:
        sentence = "All checks passed."
    if summary.unreadable:
        sentence += " " + errors_sentence(summary.unreadable)
    return sentence


def _esc(text: str) -> str:
    return html.escape(escape_controls(text, one_line=True), quote=True)


def _untrusted(text: str) -> str:
    """A path, message or address inline: escaped, and isolated from the text around it."""
    return f"<bdi>{_esc(text)}</bdi>"


def _esc_source(text: str) -> str:
    """Draft text for display: controls and bidi overrides visibly escaped (tabs kept), escaped."""
    return html.escape(escape_controls(text), quote=True)


_STYLE = """
:root{--error:#c62828;--error-bg:rgba(229,57,53,.22);--warning:#b26a00;--warning-bg:rgba(255,179,0,.32);
--info:#1565c0;--info-bg:rgba(30,136,229,.18);--line:#e3e6ea;--muted:#5f6b76;
font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Zen Hei",sans-serif;
color:#1d232a;background:#f6f7f9;}
*{box-sizing:border-box}
body{margin:0;line-height:1.45}
header.top{padding:12px 24px;background:#1d232a;color:#fff}
header.top h1{margin:0;font-size:20px}
header.top .summary{margin:4px 0 0}
.layout{display:grid;grid-template-columns:minmax(260px,340px) 1fr;gap:20px;padding:16px 24px;align-items:start}
nav.side{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;
border:1px solid var(--line);border-radius:6px;padding:8px 12px;font-size:13px}
nav.side h2{margin:4px 0 8px;font-size:16px}
nav.side h3{margin:10px 0 4px;font-size:14px;border-bottom:2px solid currentColor}
nav.side h4{margin:6px 0 2px;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
nav.side ul{list-style:none;margin:0;padding:0}
nav.side li a{display:block;padding:3px 4px;border-radius:4px;color:inherit;text-decoration:none;overflow-wrap:anywhere}
nav.side li a:hover{background:#eef1f4}
nav.side .loc,nav.side .part{color:var(--muted)}
.group.sev-error h3{color:var(--error)}.group.sev-warning h3{color:var(--warning)}.group.sev-info h3{color:var(--info)}
.count{font-weight:normal;color:var(--muted)}
code,.code,.replacement{font-family:ui-monospace,"DejaVu Sans Mono","Noto Sans Mono CJK SC",Menlo,Consolas,monospace}
code.rule{font-weight:bold}
.fixable{font-size:11px;border:1px solid var(--muted);border-radius:3px;padding:0 3px;color:var(--muted)}
main{min-width:0}
article.draft{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-bottom:16px}
article.draft h2{margin:0 0 4px;font-size:17px;overflow-wrap:anywhere}
.meta{margin:0 0 8px;color:var(--muted);font-size:13px}
.error{color:var(--error);font-weight:bold}
section.part h3{margin:12px 0 4px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
table.source{border-collapse:collapse;width:100%;background:#fbfbfc;border:1px solid var(--line);font-size:14px}
table.source caption{caption-side:top;text-align:left;color:var(--muted);font-size:12px;padding:2px 0}
table.source td{padding:2px 8px;vertical-align:top}
td.ln{width:1%;text-align:right;color:var(--muted);border-right:1px solid var(--line);user-select:none;
font-family:ui-monospace,monospace}
td.code{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;unicode-bidi:isolate}
tr.gap td{color:var(--muted);padding:0 8px}
.no-text{color:var(--muted);font-style:italic;font-size:13px}
mark.finding{color:inherit;border-radius:2px;padding:1px 0}
mark.sev-error{background:var(--error-bg);border-bottom:2px solid var(--error)}
mark.sev-warning{background:var(--warning-bg);border-bottom:2px solid var(--warning)}
mark.sev-info{background:var(--info-bg);border-bottom:2px dotted var(--info)}
mark.empty{background:none;border:0;border-left:2px solid var(--warning);margin:0 1px}
mark.empty.sev-error{border-left-color:var(--error)}mark.empty.sev-info{border-left-color:var(--info)}
mark.finding:target,li:target{outline:3px solid #6a1b9a;outline-offset:1px}
ol.details{margin:8px 0 4px;padding-left:22px;font-size:14px}
ol.details li{margin:6px 0}
.sev{display:inline-block;font-size:11px;font-weight:bold;text-transform:uppercase;color:#fff;border-radius:3px;
padding:0 4px}
.sev.sev-error{background:var(--error)}.sev.sev-warning{background:var(--warning)}.sev.sev-info{background:var(--info)}
.name,.where{color:var(--muted)}
.where a{color:inherit}
.msg{overflow-wrap:anywhere}
.fix{margin-top:3px;padding:4px 8px;border-left:3px solid #2e7d32;background:#f1f8f1;font-size:13px}
.fix.unsafe{border-left-color:#ef6c00;background:#fff6ec}
.applicability{font-weight:bold}
ul.edits{margin:2px 0 0;padding-left:18px}
.replacement{white-space:pre-wrap;background:#e6f4e6;border:1px solid #b9dcb9;border-radius:3px;padding:0 3px}
details.clean{color:var(--muted);font-size:13px}
footer{padding:8px 24px 16px;color:var(--muted);font-size:12px}
@media (max-width:800px){.layout{grid-template-columns:1fr}nav.side{position:static;max-height:none}}
"""
