"""tglint works with the network unplugged, and never downloads anything.

The whole CLI runs over every corpus draft (and the hardening fixtures: mbox, HTML, a
base64 forward) in every report format, in child processes started by a small bootstrap
that replaces `socket.socket` and the name-resolution functions by ones that refuse and
record the attempt, before tglint is imported. Each run must still work (exit 0 or 1, a
complete report), attempt no connection, write nothing to its home directory, and use
only blank spaCy pipelines for token patterns (no model package, no pipeline component).

The runs are shared with `test_determinism.py` (`offline_runs`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from test_hardening import ROOT, Run, assert_no_traceback, run_many, run_tglint

from tglint.reporters import FORMATS

CORPUS = ROOT / "fixtures" / "corpus"
HARDENING = ROOT / "fixtures" / "hardening"
CHECKED = (str(CORPUS), str(HARDENING))
OFFLINE_HASH_SEED = "1"

_BOOTSTRAP = r"""
import json, os, socket, sys

attempts = []


def _refuse(what):
    def refuse(*args, **kwargs):
        attempts.append(what)
        raise OSError(f"network disabled by test_offline: {what}")

    return refuse


class _OfflineSocket(socket.socket):
    # A subclass, not a function: modules that subclass socket.socket still import.
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            caller = sys._getframe(1).f_code
            if caller.co_name == "_has_ipv6" and "urllib3" in caller.co_filename:
                # urllib3 (imported by spaCy) probes for IPv6 with a socket on ::1 when imported.
                raise OSError("network disabled by test_offline")
            _refuse(f"socket() from {caller.co_name} in {caller.co_filename}")()
        super().__init__(family, type, proto, fileno)


socket.socket = _OfflineSocket
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
    setattr(socket, name, _refuse(name))


def _report():
    pipelines = {}
    if os.environ.get("TGLINT_OFFLINE_PIPELINES"):
        # No built-in rule uses token patterns: build the pipelines a pack's `tokens` would get,
        # and split text with them (jieba loads its dictionary then), network still off.
        from tglint import token_patterns

        for language in ("en", "zh"):
            nlp = token_patterns.pipeline(language)
            nlp.tokenizer("请赶紧回复 please reply ASAP")
            pipelines[language] = {"components": list(nlp.pipe_names), "package": nlp.meta.get("name")}
    models = sorted(name for name in sys.modules if "core_web" in name or "core_news" in name or "pkuseg" in name)
    with open(os.environ["TGLINT_OFFLINE_REPORT"], "w") as handle:
        json.dump({"attempts": attempts, "pipelines": pipelines, "model_modules": models}, handle)


from tglint.cli import main

try:
    code = main(sys.argv[1:])
finally:
    _report()
raise SystemExit(code)
"""


@dataclass(frozen=True)
class OfflineRun:
    run: Run
    attempts: list[str]
    pipelines: dict[str, dict[str, object]]
    model_modules: list[str]
    home_files: list[str]


@cache
def offline_runs() -> dict[str, OfflineRun]:
    """One offline run over the corpus per report format (computed once per session)."""
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="tglint-offline-"))

    def job(fmt: str) -> OfflineRun:
        home = scratch / f"home-{fmt}"
        home.mkdir()
        report = scratch / f"{fmt}.json"
        env = {
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "TGLINT_OFFLINE_REPORT": str(report),
            "PYTHONHASHSEED": OFFLINE_HASH_SEED,
            "NO_COLOR": "1",
        }
        if fmt == "json":
            env["TGLINT_OFFLINE_PIPELINES"] = "1"
        run = run_tglint(["--isolated", "--format", fmt, *CHECKED], env=env, python_args=("-c", _BOOTSTRAP))
        seen = json.loads(report.read_text()) if report.exists() else {}
        return OfflineRun(
            run=run,
            attempts=seen.get("attempts", ["(no report written)"]),
            pipelines=seen.get("pipelines", {}),
            model_modules=seen.get("model_modules", []),
            home_files=sorted(str(p.relative_to(home)) for p in home.rglob("*")),
        )

    results = run_many([lambda fmt=fmt: job(fmt) for fmt in FORMATS])
    return dict(zip(FORMATS, results, strict=True))


def corpus_paths() -> list[str]:
    drafts = [p for root in (CORPUS, HARDENING) for p in sorted(root.rglob("*")) if p.is_file()]
    return [str(p) for p in drafts if p.suffix in (".txt", ".eml", ".mbox")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_works_offline(fmt: str) -> None:
    offline = offline_runs()[fmt]
    run = offline.run
    assert_no_traceback(run)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    # Reading notes (a charset guessed in the hardening fixtures) are said on stderr; nothing else is.
    assert all(line.startswith("tglint: note: ") for line in run.stderr.splitlines()), run.stderr[-2000:]
    if fmt == "json":
        reported = {entry["path"].split("#")[0] for entry in json.loads(run.stdout)["files"]}
        assert reported == set(corpus_paths())
        assert all(entry["error"] is None for entry in json.loads(run.stdout)["files"])
    elif fmt == "sarif":
        assert json.loads(run.stdout)["runs"][0]["results"]
    elif fmt == "text":
        assert run.stdout.rstrip().splitlines()[-1].startswith("Found "), run.stdout[-500:]
    elif fmt == "github":
        assert all(line.startswith("::") for line in run.stdout.rstrip("\n").split("\n")), run.stdout[:500]
    elif fmt == "html":
        assert run.stdout.startswith("<!DOCTYPE html>") and run.stdout.rstrip().endswith("</html>")
    else:  # a format added since: at least a report
        assert run.stdout.strip()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_connection_is_attempted_and_nothing_is_downloaded(fmt: str) -> None:
    offline = offline_runs()[fmt]
    assert offline.attempts == []
    assert offline.home_files == []
    assert offline.model_modules == []
    if fmt == "json":
        assert set(offline.pipelines) == {"en", "zh"}
    for language, pipeline in offline.pipelines.items():
        assert pipeline["components"] == [], (language, pipeline)  # spacy.blank(): nothing to download
