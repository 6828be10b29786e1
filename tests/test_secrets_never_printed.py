"""A secret in a draft never leaves tglint whole: not in any report format, not in a
warning, an error message or a traceback.

Drafts seeded with known secrets (passwords in both languages, a 4-digit PIN, a login
code, a bot token, an api_hash with its api_id, a Chinese resident ID) are checked by the
CLI in child processes, in every format. Every stream of every run is searched for every
seeded value, whatever rules exist: a secret no rule finds must not be printed either.
Separately, each seeded secret must be found (a secret or pii finding on its line) when
the rule for its kind exists at run time (`tglint rules`).

The SARIF report carries every rule's documentation, whose examples happen to use some of
the same values ("my password is Hunter2024!"); that part is compared with the same
report for a draft without secrets instead of being searched.

Plugins on the path of some runs try to leak: one rule raises an exception whose text is
the draft, another returns a hit that raises it when the engine reads it (the error
reaches the CLI's last line of defence).
"""

from __future__ import annotations

import base64
import json
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from test_hardening import Run, assert_no_traceback, run_many, run_tglint

from tglint.reporters import FORMATS


@dataclass(frozen=True)
class Seed:
    name: str  # the draft's file name, without its suffix
    secret: str  # must never be printed whole
    rule: str  # the rule (by name) that finds this kind of secret
    draft: str  # the secret is on line 5 of the body, unless `part` and `line` say otherwise
    also_hidden: tuple[str, ...] = ()  # parts of the secret that must not be printed either
    part: str = "body"
    line: int = 5  # in the file for a plain-text draft, in the part for a MIME message
    suffix: str = ".txt"


SEEDS = (
    Seed(
        "zh-password",
        "Qw3rty!2024",
        "password-in-draft",
        "收件人: security@telegram.org\n主题: [账户安全] - 账号被盗后无法登录\n\n您好，\n"
        "我的账号 +86 138 0013 8000 昨天晚上 10 点在莫斯科被人登录，我的密码是 Qw3rty!2024，现在登录不上。\n"
        "请帮我恢复账号。\n",
    ),
    Seed(
        "en-password",
        "Hunter2024!",
        "password-in-draft",
        "To: security@telegram.org\nSubject: [Security] - Account stolen yesterday\n\nHello,\n"
        "Someone logged into my account +1 415 555 0132 yesterday at 22:00 from Moscow. "
        "In case it helps, my password is Hunter2024! and I cannot log in now.\nPlease help me recover it.\n",
    ),
    Seed(
        "zh-pin",
        "4821",
        "password-in-draft",
        "收件人: security@telegram.org\n主题: [账户安全] - 二步验证被修改\n\n您好，\n"
        "我的账号 +86 138 0013 8000 昨天晚上被人改了设置，我原来的 PIN码：4821，现在提示错误。\n请帮我处理。\n",
    ),
    Seed(
        "en-login-code",
        "58213",
        "login-code-in-draft",
        "To: security@telegram.org\nSubject: [Security] - Someone asked for my login code\n\nHello,\n"
        "Yesterday at 22:00 someone messaged my account +1 415 555 0132 and I gave them the login code 58213 "
        "by mistake.\nPlease check my account.\n",
    ),
    Seed(
        "en-bot-token",
        "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
        "bot-token-in-draft",
        "To: support@telegram.org\nSubject: [Bug] - Bot stopped answering\n\nHello,\n"
        "Since yesterday my bot does not answer. My token is 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11 "
        "and the API returns 401.\nI use python-telegram-bot 20.7 on Ubuntu 22.04.\n",
        also_hidden=("ABC-DEF1234ghIkl-zyx57W2v1u123ew11",),
    ),
    Seed(
        "en-api-hash",
        "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        "api-hash-in-draft",
        "To: support@telegram.org\nSubject: [Bug] - API_ID_INVALID when logging in\n\nHello,\n"
        "Since yesterday my app fails with API_ID_INVALID. I use api_id 1234567 and api_hash "
        "a1b2c3d4e5f60718293a4b5c6d7e8f90 with Telethon 1.34 on Ubuntu 22.04.\nPlease check.\n",
    ),
    Seed(
        "zh-resident-id",
        "11010519491231002X",
        "national-id-in-draft",
        "收件人: support@telegram.org\n主题: [账户安全] - 实名信息被冒用\n\n您好，\n"
        "昨天下午 3 点有人冒用我的身份注册了账号，我的身份证号是 11010519491231002X，请帮我核实并处理。\n谢谢。\n",
    ),
    # In the subject, where subject rules quote it in their messages and fixes ("The subject has
    # no tag: start it with one, e.g. ...").
    Seed(
        "en-subject",
        "Tr0ub4dor&3",
        "password-in-draft",
        "To: security@telegram.org\nSubject: my password is Tr0ub4dor&3 and now I am locked out\n\nHello,\n"
        "Someone logged into my account +1 415 555 0132 yesterday at 22:00 from Moscow.\nPlease help.\n",
        part="subject",
        line=2,
    ),
    Seed(
        "en-subject-folded",
        "40957",
        "login-code-in-draft",
        "To: security@telegram.org\nSubject: [Account Security] - someone asked for my login code and\n"
        " I gave them 40957 by mistake\n\nHello,\nYesterday at 22:00 a stranger wrote to my account "
        "+1 415 555 0132.\nPlease check my account.\n",
        part="subject",
        line=3,
    ),
    Seed(
        "zh-subject-encoded",
        "Lx@880915",
        "password-in-draft",
        "From: =?utf-8?b?6aG+6KGN6Z2S?= <gu@example.com>\nTo: security@telegram.org\nSubject: =?utf-8?b?"
        + base64.b64encode("我的密码是 Lx@880915 请帮我恢复账号".encode()).decode()
        + "?=\nMessage-ID: <a@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "您好，\n我的账号 +86 138 0013 8000 昨天晚上 10 点被盗。\n",
        part="subject",
        line=1,
        suffix=".eml",
    ),
    # The value on the line below its label.
    Seed(
        "zh-next-line",
        "7f3e9a1c5b2d8e4f6a0b9c3d7e1f5a2b",
        "api-hash-in-draft",
        "收件人: support@telegram.org\n主题: [技术问题] - API 报错\n\n您好，我的应用从昨天晚上 10 点起报错。\n"
        "api_hash\n7f3e9a1c5b2d8e4f6a0b9c3d7e1f5a2b\n",
        line=6,
    ),
    # The writer's own earlier mail, quoted in support's reply, quoted again.
    Seed(
        "en-quoted",
        "Kestrel_9west",
        "password-in-draft",
        "From: Sanne de Vries <sanne@example.com>\nTo: security@telegram.org\n"
        "Subject: Re: [Account Security] - Account stolen yesterday\n\n"
        "Hello, any news about my account +31 6 12345678? It was stolen on 17 March at 22:00.\n\nSanne\n\n"
        "On Mon, 18 Mar 2024, Telegram Security <security@telegram.org> wrote:\n"
        "> Please never send your password by mail.\n>\n"
        "> On Sun, 17 Mar 2024, Sanne de Vries <sanne@example.com> wrote:\n"
        ">> My two-step password is Kestrel_9west, please check.\n",
        line=13,
    ),
    # An attached file's name.
    Seed(
        "en-attachment",
        "Quartz7Lynx",
        "password-in-draft",
        "From: Sanne <sanne@example.com>\nTo: security@telegram.org\n"
        "Subject: [Account Security] - Account stolen yesterday\nMessage-ID: <b@example.com>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Hello,\nSomeone logged into my account +1 415 555 0132 yesterday at 22:00 from Moscow.\n"
        "The screenshot is attached.\n--b\nContent-Type: image/png\n"
        'Content-Disposition: attachment; filename="my_password_Quartz7Lynx.png"\n'
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n",
        part="attachments",
        line=1,
        suffix=".eml",
    ),
)
CLEAN_DRAFT = (
    "To: support@telegram.org\nSubject: [Bug] - Photos fail to upload\n\nHello,\n"
    "Since 3 March photos fail to upload on my Pixel 8 (Android 14, Telegram 10.5.2, Wi-Fi).\n"
)

_LEAKY_RULES = """
from tglint.models import Severity
from tglint.rule import Rule, RuleDoc


class _Leaky(Rule):
    category = "details"
    severity = Severity.WARNING
    summary = "Tries to leak the draft."
    doc = RuleDoc(what="x", why="x", bad="x", good="x")


class RaisesWithTheDraft(_Leaky):
    code = "TG9911"
    name = "raises-with-the-draft"

    def check(self, analysis):
        raise ValueError(analysis.body_text)


class _PoisonedHit:
    def __init__(self, text):
        self.text = text

    def __getattr__(self, name):
        raise AttributeError(self.text)


class ReturnsAPoisonedHit(_Leaky):
    code = "TG9912"
    name = "returns-a-poisoned-hit"

    def check(self, analysis):
        return [_PoisonedHit(analysis.body_text)]
"""


def _plugin(root: Path, entry: str) -> Path:
    info = root / "tglint_leaky_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tglint-leaky-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[tglint.rules]\nleaky = leaky_rules:{entry}\n")
    (root / "leaky_rules.py").write_text(textwrap.dedent(_LEAKY_RULES))
    return root


@dataclass(frozen=True)
class Runs:
    by_format: dict[str, Run]
    clean_sarif: Run
    crash: Run
    drafts: Path
    # Runs that print draft text in other ways: the fixes as a diff; only rules that quote the
    # draft selected (the secret rules not run as such); every secret finding accepted by an
    # ignore file (not reported, so not flagged in the result's findings).
    others: dict[str, Run]


OTHER_RUNS = ("diff", "secret-rules-not-selected", "secret-findings-accepted")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("secrets")
    drafts = root / "drafts"
    drafts.mkdir()
    for seed in SEEDS:
        (drafts / f"{seed.name}{seed.suffix}").write_text(seed.draft, encoding="utf-8")
        if seed.suffix == ".txt":
            assert seed.secret in seed.draft.splitlines()[seed.line - 1]
    clean = root / "clean.txt"
    clean.write_text(CLEAN_DRAFT, encoding="utf-8")
    warn_env = {"PYTHONPATH": str(_plugin(root / "warn", "RaisesWithTheDraft"))}
    crash_env = {"PYTHONPATH": str(_plugin(root / "crash", "ReturnsAPoisonedHit"))}
    jobs = [(lambda fmt=fmt: run_tglint(["--isolated", "--format", fmt, str(drafts)], env=warn_env)) for fmt in FORMATS]
    jobs.append(lambda: run_tglint(["--isolated", "--format", "sarif", str(clean)], env=warn_env))
    jobs.append(lambda: run_tglint(["--isolated", "--format", "json", str(drafts)], env=crash_env))
    jobs.append(lambda: run_tglint(["--isolated", "--diff", str(drafts)]))
    jobs.append(lambda: run_tglint(["--isolated", "--select", "TG1", "--select", "TG3", str(drafts)]))
    *by_format, clean_sarif, crash, diff, unselected = run_many(jobs)
    by_format_run = dict(zip(FORMATS, by_format, strict=True))
    accepted = root / "accepted.txt"
    accepted.write_text(
        "".join(
            f"{finding['fingerprint']}\n"
            for result in json.loads(by_format_run["json"].stdout)["files"]
            for finding in result["findings"]
            if finding["category"] in ("secret", "pii")
        )
    )
    ignoring = run_tglint(["--isolated", "--format", "html", "--ignore-file", str(accepted), str(drafts)])
    others = dict(zip(OTHER_RUNS, (diff, unselected, ignoring), strict=True))
    return Runs(by_format_run, clean_sarif, crash, drafts, others)


def _searchable(fmt: str, run: Run, clean_sarif: Run) -> str:
    """Everything a run printed; for SARIF, without the rule documentation (compared instead)."""
    if fmt != "sarif":
        return run.stdout + run.stderr
    report = json.loads(run.stdout)
    clean = json.loads(clean_sarif.stdout)
    assert [r["tool"] for r in report["runs"]] == [r["tool"] for r in clean["runs"]]
    for sarif_run in report["runs"]:
        del sarif_run["tool"]
    return json.dumps(report, ensure_ascii=False) + run.stderr


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name for seed in SEEDS])
def test_no_format_prints_a_seeded_secret(fmt: str, seed: Seed, runs: Runs) -> None:
    run = runs.by_format[fmt]
    assert run.returncode == 1, run.stderr
    assert_no_traceback(run)
    printed = _searchable(fmt, run, runs.clean_sarif)
    for value in (seed.secret, *seed.also_hidden):
        assert value not in printed, f"{value!r} printed in the {fmt} report or its warnings"


@pytest.mark.parametrize("name", OTHER_RUNS)
@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name for seed in SEEDS])
def test_no_other_output_prints_a_seeded_secret(name: str, seed: Seed, runs: Runs) -> None:
    run = runs.others[name]
    assert run.returncode == 1, run.stderr
    assert_no_traceback(run)
    for value in (seed.secret, *seed.also_hidden):
        assert value not in run.stdout + run.stderr, f"{value!r} printed by the {name} run"


def test_the_diff_shows_what_a_mime_message_s_fix_changes_decoded(runs: Runs) -> None:
    diff = runs.others["diff"].stdout
    assert "zh-subject-encoded.eml" in diff
    # The RFC 2047-encoded subject is shown decoded, its secret masked on both sides.
    assert "+Subject: 我的密码是 ******** 请帮我恢复账号" in diff
    assert "-Subject: 我的密码是 *" in diff


def test_a_rule_that_raises_with_the_draft_is_one_warning_without_it(runs: Runs) -> None:
    warnings = runs.by_format["json"].stderr.strip().splitlines()
    assert len(warnings) == len(SEEDS), warnings
    assert all(line.startswith("tglint: warning: ") and "TG9911 failed (ValueError)" in line for line in warnings)


def test_an_internal_error_is_one_line_without_the_draft(runs: Runs) -> None:
    run = runs.crash
    assert_no_traceback(run)
    assert run.returncode == 2
    assert run.stderr.strip() == "tglint: internal error: AttributeError; please report it"
    for seed in SEEDS:
        assert seed.secret not in run.stdout + run.stderr


@cache
def _rule_names() -> frozenset[str]:
    listed = run_tglint(["rules", "--format", "json"])
    assert listed.returncode == 0, listed.stderr
    return frozenset(rule["name"] for rule in json.loads(listed.stdout))


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name for seed in SEEDS])
def test_each_seeded_secret_is_found_on_its_line(seed: Seed, runs: Runs) -> None:
    if seed.rule not in _rule_names():
        pytest.skip(f"no rule `{seed.rule}` yet")
    report = json.loads(runs.by_format["json"].stdout)
    [result] = [f for f in report["files"] if Path(f["path"]).name == f"{seed.name}{seed.suffix}"]
    found = [
        finding
        for finding in result["findings"]
        if finding["category"] in ("secret", "pii")
        and finding["part"] == seed.part
        # The seed's line in the file (a plain-text draft) or in its decoded part (an encoded subject).
        and (
            finding["line"] <= seed.line <= finding["end_line"]
            or finding["part_line"] <= seed.line <= finding["part_end_line"]
        )
    ]
    assert found, [(f["rule"], f["line"]) for f in result["findings"]]
    assert any(finding["name"] == seed.rule for finding in found), [f["name"] for f in found]
