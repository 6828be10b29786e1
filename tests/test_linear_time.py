"""Every pattern, in code and in packs, is linear in its input: long runs of every kind of character.

A regular expression that backtracks badly turns an ordinary mail into minutes: a reply quoting
1,400 lines took 162 s (the mixed-issues rule's sentence-end pattern scanned the blanked
quote from every line end), 16,000 "!" up to 18 s, 16,000 Chinese numerals up to 79 s (the
time pattern of the details pack), and "my phone" followed by a long quote minutes (the
labelled-phone pattern of the account pack split the blanked quote between two `\\s*`).

So drafts made of long runs of each kind of character a pattern touches (marks, digits,
Chinese numerals, Han and Latin text, spaces, tabs, quoted lines, blank lines, "On ... wrote:"
quotes, dashes, colons, brackets, @ and links...) are checked by the whole CLI (`tglint.cli.main`,
as `tglint --format json --isolated FILE` runs it) in child processes, at 10,000 and 100,000
characters, as a plain-text draft and as an .eml. Some runs follow the words that open a
pattern ("phone", "用户名", "最近", "Re"...), since a pattern reaches its quantifiers only after
them; and some fill the subject. Each file's CPU time (not wall time: the machine is shared)
must stay under a bound far above what a linear check needs (a few tenths of a second) and
far below what a quadratic one costs at 100,000 characters (minutes). One child checks many
files, and stops a file at the bound (a CPU-time timer), so a regression fails in seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# CPU seconds one file may take, whole CLI included (imports are paid by the first file of a child).
BOUND_SECONDS = {10_000: 2.0, 100_000: 5.0}
SIZES = tuple(BOUND_SECONDS)
TXT_HEAD = "To: support@telegram.org\nSubject: {subject}\n\n"
EML_HEAD = (
    "From: Lin Xiaoyu <lin@example.com>\nTo: support@telegram.org\nSubject: {subject}\n"
    "Date: Mon, 3 Mar 2025 10:30:00 +0800\nMessage-ID: <run@example.com>\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
)
SUBJECT = "[Technical Issue] - App crashes"

# What a run is made of: one character, or a short piece repeated (a quoted line, "1. x\n").
UNITS: dict[str, str] = {
    "exclamation": "!",
    "question": "?",
    "fullwidth-exclamation": "！",
    "fullwidth-question": "？",
    "full-stop": ".",
    "ideographic-full-stop": "。",
    "digits": "1",
    "fullwidth-digits": "１",
    "cjk-numerals": "一二三四五六七八九十",
    "cjk-numeral-one": "一",
    "han": "手机闪退问题",
    "han-city": "市",
    "han-estate": "小区",
    "latin": "a",
    "capitals": "A",
    "pinyin-capitals": "XIAN",
    "words": "word ",
    "capital-words": "HELP ",
    "spaces": " ",
    "tabs": "\t",
    "ideographic-spaces": "\u3000",
    "no-break-spaces": "\u00a0",
    "blank-lines": "\n",
    "space-lines": " \n",
    "crlf-lines": "\r\n",
    "quoted-lines": "> line of the earlier message, quoted as usual.\n",
    "bare-quote-marks": ">\n",
    "nested-quote-marks": "> > > ",
    "on-wrote-quotes": "On Mon, 3 Mar 2025, Lin wrote:\n> the app crashes\n\n",
    "hyphens": "-",
    "dash-lines": "-\n",
    "em-dashes": "—",
    "colons": ":",
    "fullwidth-colons": "：",
    "semicolons": ";",
    "fullwidth-semicolons": "；",
    "commas": ",",
    "fullwidth-commas": "，",
    "enumeration-commas": "、",
    "ellipses": "…",
    "parentheses": "(",
    "fullwidth-parentheses": "（",
    "brackets": "[",
    "lenticular-brackets": "【",
    "corner-brackets": "「",
    "straight-quotes": '"',
    "curly-quotes": "“",
    "single-quotes": "‘",
    "apostrophes": "'",
    "asterisks": "*",
    "hashes": "#",
    "bullets": "• ",
    "underscores": "_",
    "slashes": "/",
    "plus-signs": "+",
    "at-signs": "@",
    "handles": "@user ",
    "mail-addresses": "a@b.c ",
    "urls": "https://t.me/a ",
    "letter-hyphen": "a-",
    "digit-separators": "1-",
    "digit-colons": "1:",
    "digit-dots": "1.",
    "phone-groups": "+86 138 ",
    "long-digit-groups": "+861380013800012345 ",
    "times": "12:30 ",
    "dates": "2024-01-01 ",
    "versions": "iOS 17.2 ",
    "numbered-items": "1. x\n",
    "chinese-items": "一、",
    "circled-numbers": "①",
    "sentences": "It crashes. ",
    "exclaimed-words": "Hello! ",
    "questions": "Why? ",
    # Many runs on one line: each was judged by reading its line (or its clause) from the start.
    "question-runs": "why??? ",
    "capital-runs-in-a-clause": "HELP ME NOW and ",
    "chinese-sentences": "闪退了！",
    "markers": "Separately, ",
    "chinese-markers": "另外，",
    "password-labels": "password: ",
    "chinese-password-labels": "密码：",
    # Many findings of one kind: each is checked against those found before it.
    "password-values": "password: abcd1234 ",
    "chinese-password-values": "密码是abcd1234，",
    "pin-values": "My PIN is 4821. ",
    "fictional-phones": "(555) 555-0123 ",
    "masked-phones": "138****8888 ",
    "cards": "card 6222021234567890128 ",
    "addresses": "Apt 5, 12 Main Street ",
    "chinese-addresses": "北京市朝阳区建国路1号1号楼101室，",
    "placeholders": "{{",
    "backticks": "`",
    "emoji": "\U0001f600",
}

# Drafts shaped like the reports that found the problem, by size.
SHAPED: dict[str, Callable[[int], tuple[str, str]]] = {
    # A reply quoting the thread (the report's repro: 1,400 quoted lines took 162 s).
    "reply-quoting-a-thread": lambda size: (
        "Re: [Technical Issue] - x",
        "Still crashes.\n\nOn Mon, X wrote:\n" + run_of("> line 7 of the earlier message, quoted as usual.\n", size),
    ),
    # A word of pinyin syllables that can be cut many ways, in capitals (a name?): 90 letters took 10 s.
    "pinyin-word": lambda size: (SUBJECT, "Hello. " + run_of("XIAN", size - 50) + "Q ZHANG WEI MING HELP NOW PLEASE"),
}

# Words that open patterns: a run right after them reaches the patterns' quantifiers.
LEADS = (
    "Still crashes. ", "my phone ", "phone: ", "user id ", "version ", "Telegram ", "iPad ", "report ",
    "in ", "called ", "name: ", "From", "用户名", "手机号", "账号", "最近", "上", "叫", "版本", "客户端",
    "电报", "系统", "1", "一", "Also, ", "另外，", "+86", "@", "https://", "1号", "我家住在", "{{",
)  # fmt: skip
LEADS_PER_FILE = 8
# The runs that follow the leads: what the patterns after those words read.
LED_UNITS = ("spaces", "blank-lines", "quoted-lines", "on-wrote-quotes", "digits", "cjk-numerals", "han", "latin")
SUBJECT_UNITS = ("spaces", "digits", "brackets", "lenticular-brackets", "colons", "hyphens", "latin", "han")
SUBJECT_LEADS = ("Re", "Re: [", "【", "[Technical Issue] - ")
SUBJECT_SIZE = 50_000  # under max-header-length (65,536)


def run_of(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters or just under (a body of 100,000 is read whole: max-body-length)."""
    return unit * max(1, (size - 1) // len(unit))


def draft_text(head: str, body: str, subject: str = SUBJECT) -> str:
    return head.format(subject=subject) + body + "\n"


class Draft:
    __slots__ = ("group", "name", "size", "text")

    def __init__(self, group: str, name: str, text: str, size: int) -> None:
        self.group = group  # the kind of run: one test each
        self.name = name
        self.text = text
        self.size = size


def drafts() -> Iterator[Draft]:
    """Every draft the module checks."""
    for group, unit in UNITS.items():
        for size in SIZES:
            yield Draft(group, f"{group}-{size}.txt", draft_text(TXT_HEAD, run_of(unit, size)), size)
            yield Draft(group, f"{group}-{size}.eml", draft_text(EML_HEAD, run_of(unit, size)), size)
    for group, shape in SHAPED.items():
        for size in SIZES:
            subject, body = shape(size)
            yield Draft(group, f"{group}-{size}.txt", draft_text(TXT_HEAD, body, subject), size)
            yield Draft(group, f"{group}-{size}.eml", draft_text(EML_HEAD, body, subject), size)
    for group in LED_UNITS:
        for first in range(0, len(LEADS), LEADS_PER_FILE):
            leads = LEADS[first : first + LEADS_PER_FILE]
            chunk = 100_000 // len(leads)
            body = "".join(lead + run_of(UNITS[group], chunk - len(lead)) for lead in leads)
            yield Draft(group, f"{group}-after-leads-{first}.txt", draft_text(TXT_HEAD, body), 100_000)
    for group in SUBJECT_UNITS:
        for index, lead in enumerate(SUBJECT_LEADS):
            subject = lead + run_of(UNITS[group], SUBJECT_SIZE).replace("\n", " ") + "x"
            text = draft_text(TXT_HEAD, "The app crashes.", subject)
            yield Draft(group, f"{group}-in-subject-{index}.txt", text, 100_000)


# The child: runs the CLI on each file in turn, and writes one JSON line per file (its CPU time, exit code,
# and whether the timer stopped it). A CPU-time timer stops a file at its bound; the next file goes on.
_CHILD = """
import contextlib, io, json, signal, sys, time
from tglint.cli import main

class Stopped(BaseException):
    pass

def stop(signum, frame):
    raise Stopped

signal.signal(signal.SIGVTALRM, stop)
report = open(sys.argv[1], "w")
for item in sys.argv[2:]:
    bound, path = item.split(":", 1)
    started = time.process_time()
    signal.setitimer(signal.ITIMER_VIRTUAL, float(bound))
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--format", "json", "--isolated", path])
        stopped = False
    except Stopped:
        code, stopped = None, True
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    seconds = time.process_time() - started
    print(json.dumps({"path": path, "seconds": seconds, "code": code, "stopped": stopped,
                      "stderr": err.getvalue()[-500:]}), file=report, flush=True)
"""


def _run_child(directory: Path, names: list[tuple[str, float]], report: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("TGLINT_DEBUG", None)
    arguments = [f"{bound}:{directory / name}" for name, bound in names]
    total = sum(bound for _, bound in names) * 3 + 120  # wall clock, on a machine others share
    subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), *arguments],
        cwd=directory,
        env=env,
        timeout=total,
        check=False,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def timings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    directory = tmp_path_factory.mktemp("long-runs")
    names: list[tuple[str, float]] = []
    for draft in drafts():
        (directory / draft.name).write_bytes(draft.text.encode("utf-8"))
        names.append((draft.name, BOUND_SECONDS[draft.size]))
    # Two children (the machine has two cores), each with every other file so both get large ones.
    halves = [names[0::2], names[1::2]]
    reports = [directory / f"report-{index}.jsonl" for index in range(len(halves))]
    with ThreadPoolExecutor(max_workers=len(halves)) as pool:
        list(pool.map(lambda job: _run_child(directory, *job), zip(halves, reports, strict=True)))
    found: dict[str, dict[str, object]] = {}
    for report in reports:
        if report.exists():
            for line in report.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                found[Path(record["path"]).name] = record
    return found


@pytest.mark.parametrize("group", [*UNITS, *SHAPED])
def test_long_runs_are_checked_in_linear_time(group: str, timings: dict[str, dict[str, object]]) -> None:
    slow = []
    for draft in drafts():
        if draft.group != group:
            continue
        bound = BOUND_SECONDS[draft.size]
        record = timings.get(draft.name)
        assert record is not None, f"{draft.name}: not checked (the child process died or ran out of time)"
        assert record["code"] in (0, 1, None), (draft.name, record)
        assert "Traceback" not in str(record["stderr"]) and "internal error" not in str(record["stderr"]), record
        seconds = float(str(record["seconds"]))
        if record["stopped"]:
            slow.append(f"{draft.name}: stopped at the bound, {bound} s CPU")
        elif seconds >= bound:
            slow.append(f"{draft.name}: {seconds:.1f} s CPU (bound {bound} s)")
    assert not slow, "; ".join(slow)
