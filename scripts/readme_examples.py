"""Write the README's sample runs from real runs: `python scripts/readme_examples.py [--check]`.

Two examples are kept true: the text report of the sample draft (a ```text block whose
first line is `$ tglint ...`: the lines before its `...` are the report's first lines, the
lines after it its last ones) and the JSON report (the ```json block after "`tglint
--format json ...` prints:"). With --check nothing is changed and the exit code is 1 when
either is out of date, the tool version aside (a release changes it); a test runs it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TEXT_SAMPLE = re.compile(r"```text\n\$ (?P<command>tglint [^\n]*)\n(?P<body>.*?)```", re.S)
JSON_SAMPLE = re.compile(
    r"`(?P<command>tglint --format json[^`]*)` prints:\n\n(?P<indent> *)```json\n(?P<body>.*?)(?P=indent)```", re.S
)
ELLIPSIS = "..."


def run(command: str) -> str:
    argv = shlex.split(command)
    completed = subprocess.run(
        [sys.executable, "-m", "tglint", *argv[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    if completed.returncode not in (0, 1):
        raise SystemExit(f"README.md: `{command}` exited {completed.returncode}: {completed.stderr.strip()}")
    return completed.stdout


def text_sample(match: re.Match[str]) -> str:
    """The text block as the command prints it now, cut where the README cuts it."""
    shown = match.group("body").rstrip("\n").split("\n")
    output = run(match.group("command")).rstrip("\n").split("\n")
    if ELLIPSIS in shown:
        cut = shown.index(ELLIPSIS)
        tail = len(shown) - cut - 1
        lines = [*output[:cut], ELLIPSIS, *output[len(output) - tail :]]
    else:
        lines = output
    return f"```text\n$ {match.group('command')}\n" + "\n".join(lines) + "\n```"


def json_sample(match: re.Match[str]) -> str:
    indent = match.group("indent")
    output = run(match.group("command"))
    body = "".join(f"{indent}{line}\n" if line else "\n" for line in output.rstrip("\n").split("\n"))
    return f"`{match.group('command')}` prints:\n\n{indent}```json\n{body}{indent}```"


def updated(text: str) -> str:
    text = TEXT_SAMPLE.sub(text_sample, text, count=1)
    return JSON_SAMPLE.sub(json_sample, text, count=1)


def _without_version(text: str) -> str:
    """The README with the JSON sample's tool version left out: it changes with each release."""
    match = JSON_SAMPLE.search(text)
    if match is None:
        return text
    report = json.loads(match.group("body"))
    report["tool"].pop("version", None)
    return text[: match.start("body")] + json.dumps(report, sort_keys=True) + text[match.end("body") :]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if not (TEXT_SAMPLE.search(text) and JSON_SAMPLE.search(text)):
        print("README.md: the sample run or the JSON example is missing", file=sys.stderr)
        return 1
    new = updated(text)
    if "--check" in argv:
        if _without_version(new) != _without_version(text):
            print("README.md: a sample run is out of date: run python scripts/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
