"""The Python API gives what the CLI gives: the same records, the same JSON, the same config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import tglint
from tglint.api import Checker, get_checker, load_settings, report_dict, report_json

ROOT = Path(__file__).resolve().parents[1]
LABELLED = sorted(
    str(path.relative_to(ROOT))
    for directory in ("fixtures/corpus", "fixtures/holdout")
    for path in (ROOT / directory).rglob("*")
    if path.is_file() and path.suffix in (".eml", ".txt")
)
PHONE = (
    "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
    "您好，我的手机号是 139-0288-4517，从昨天开始收不到登录验证码。\n"
)


@pytest.fixture(scope="module")
def cli_json() -> str:
    """`tglint --format json` on every labelled draft, in a fresh process, as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "tglint", "check", "--format", "json", "--exit-zero", *LABELLED],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_labelled_sets_are_all_there() -> None:
    assert len(LABELLED) >= 271
    assert any(p.endswith(".eml") for p in LABELLED) and any(p.endswith(".txt") for p in LABELLED)


def test_lint_path_gives_the_cli_json_byte_for_byte(cli_json: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert report_json(result for path in LABELLED for result in tglint.lint_path(path)) == cli_json


def test_lint_bytes_and_lint_text_give_the_cli_json_byte_for_byte(
    cli_json: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    checker = Checker.discover(LABELLED[0])
    from_bytes = [r for path in LABELLED for r in checker.lint_bytes(Path(path).read_bytes(), path)]
    assert report_json(from_bytes) == cli_json
    from_text = [r for path in LABELLED for r in tglint.lint_text(Path(path).read_text(encoding="utf-8"), path)]
    assert report_json(from_text) == cli_json
    assert report_dict(from_text)["summary"]["files"] == len(LABELLED)


def test_results_are_the_records_the_report_is_made_of() -> None:
    [result] = tglint.lint_text(PHONE, settings=load_settings(isolated=True, region="CN"))
    assert isinstance(result, tglint.FileResult)
    [finding] = [f for f in result.findings if f.rule == "TG401"]
    assert isinstance(finding, tglint.Finding)
    assert (finding.line, finding.column, finding.severity) == (4, 11, tglint.Severity.WARNING)
    assert finding.fix is not None and finding.fix.applicability == "safe"
    [record] = [f for f in report_dict([result])["files"][0]["findings"] if f["rule"] == "TG401"]
    assert (record["line"], record["column"], record["fingerprint"]) == (4, 11, finding.fingerprint)


def test_config_is_found_from_the_path_as_the_cli_finds_it(tmp_path: Path) -> None:
    (tmp_path / ".tglint.toml").write_text('region = "CN"\nignore = ["tone"]\n', encoding="utf-8")
    draft = tmp_path / "sub" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text(PHONE, encoding="utf-8")
    [found] = tglint.lint_path(draft)
    assert any(f.rule == "TG401" and f.fix and f.fix.applicability == "safe" for f in found.findings)
    [isolated] = tglint.lint_path(draft, settings=load_settings(isolated=True))
    # Without the config's region the number's country is a guess: no safe rewrite.
    assert not any(f.fix and f.fix.applicability == "safe" for f in isolated.findings if f.rule == "TG401")
    settings = load_settings(draft, ignore=["phone"], severity={"TG101": "error"})
    assert settings.region == "CN" and settings.ignore == ("phone",) and settings.source == tmp_path / ".tglint.toml"
    assert not any(f.category == "phone" for f in tglint.lint_text(PHONE, settings=settings)[0].findings)


def test_a_warm_checker_is_reused_until_the_config_changes(tmp_path: Path) -> None:
    config = tmp_path / ".tglint.toml"
    config.write_text('region = "CN"\n', encoding="utf-8")
    first = get_checker(start=tmp_path)
    assert get_checker(start=tmp_path / "draft.txt") is first
    config.write_text('region = "US"\n', encoding="utf-8")
    second = get_checker(start=tmp_path)
    assert second is not first and second.settings.region == "US"


def test_configuration_errors_raise_config_error(tmp_path: Path) -> None:
    with pytest.raises(tglint.ConfigError, match="unknown rule code, name or category `TG99x`"):
        Checker(load_settings(isolated=True, select=["TG99x"]))
    with pytest.raises(tglint.ConfigError, match=r"missing\.txt: cannot read"):
        Checker(load_settings(isolated=True, ignore_file=tmp_path / "missing.txt"))
    with pytest.raises(tglint.ConfigError, match="region"):
        load_settings(isolated=True, region="XX")
    with pytest.raises(tglint.PackError, match="not found"):
        Checker(load_settings(isolated=True, rule_packs=[tmp_path / "no-pack"]))


def test_what_cannot_be_read_is_a_result_with_an_error() -> None:
    checker = Checker()
    [empty] = checker.lint_bytes(b"", "empty.txt")
    assert (empty.path, empty.error, empty.findings) == ("empty.txt", "empty file", ())
    [binary] = checker.lint_bytes(b"\x00\x01\x02" * 50, "x.bin")
    assert binary.error == "binary file, not an e-mail draft"


def test_an_mbox_gives_one_result_per_message() -> None:
    message = "From a@example.com Mon Jan  1 00:00:00 2024\nTo: support@telegram.org\nSubject: hi\n\nHello.\n\n"
    results = Checker().lint_text(message * 2, "Drafts.mbox")
    assert [r.path for r in results] == ["Drafts.mbox#1", "Drafts.mbox#2"]


def test_a_secret_never_reaches_the_json() -> None:
    [result] = tglint.lint_text("To: security@telegram.org\nSubject: help\n\nMy password is Hunter2024!\n")
    assert any(f.rule == "TG501" for f in result.findings)
    assert "Hunter2024" not in report_json([result])


def test_import_tglint_stays_light_and_the_api_is_there_on_use() -> None:
    probe = (
        "import sys, tglint\n"
        "assert 'tglint.api' not in sys.modules and 'tglint.engine' not in sys.modules\n"
        "assert callable(tglint.lint_text) and 'tglint.api' in sys.modules\n"
        "print(tglint.report_json([]), end='')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"files": []' in result.stdout
    with pytest.raises(AttributeError):
        _ = tglint.no_such_thing  # type: ignore[attr-defined]


def test_tglint_exports_exactly_the_api() -> None:
    import tglint.api

    assert set(tglint.__all__) - {"__version__"} == set(tglint.api.__all__)
    assert all(getattr(tglint, name) is getattr(tglint.api, name) for name in tglint.api.__all__)


def test_the_readme_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = [
        block for block in re.findall(r"```python\n(.*?)\n```", readme, re.S) if block.startswith("import tglint")
    ]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.eml").write_bytes((ROOT / "fixtures" / "samples" / "draft.eml").read_bytes())
    exec(compile(example, "README.md", "exec"), {"text": PHONE})
    out = capsys.readouterr().out
    assert out.count("TG401") >= 1 and '"files": [' in out


def test_walk_gives_the_files_lint_paths_checks(tmp_path: Path) -> None:
    """What an engine spreads over workers (examples/dask_archive.py): each file named or
    walked, in the CLI's order, and what cannot be walked as a result with its error."""
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "a.eml").write_text("To: support@telegram.org\nSubject: hi\n\nhello\n", encoding="utf-8")
    (drafts / "sub" / "b.txt").write_text("Subject: x\n\nmy phone is 13812345678\n", encoding="utf-8")
    (drafts / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    (drafts / ".hidden.eml").write_text("To: a@b.c\n\nx\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    checker = Checker(tglint.Settings())
    walked = list(checker.walk([drafts, tmp_path / "empty"]))
    files = [item for item in walked if isinstance(item, str)]
    assert files == [str(drafts / "a.eml"), str(drafts / "sub" / "b.txt")]
    (unwalked,) = [item for item in walked if not isinstance(item, str)]
    assert unwalked.path == str(tmp_path / "empty") and unwalked.error
    checked = list(checker.lint_paths([drafts, tmp_path / "empty"], jobs=1))
    assert [r.path for r in checked] == [*files, unwalked.path]
    assert [f.rule for f in checker.lint_path(files[1])[0].findings] == [f.rule for f in checked[1].findings]
