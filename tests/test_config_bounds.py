"""Config and ignore files are read within bounds, and every limit has a sane range.

`--config /dev/zero` once read until memory ran out; a binary config or a non-UTF-8
ignore file was an internal error; `max-file-size = 10**23` was accepted and every
file then failed with OverflowError. Each is now one line naming the file, exit 2.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tglint.cli import main
from tglint.config import MAX_CONFIG_BYTES, ConfigError, load_config
from tglint.engine import read_ignore_file
from tglint.limits import CEILINGS, Limits, limit_key

DRAFT = "To: support@telegram.org\nSubject: [Bug] - crash\n\nThe app crashes on my iPhone 13 since yesterday.\n"


def _one_error_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tglint: error: "), err
    assert "internal error" not in err
    return lines[0]


@pytest.fixture()
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _bounded_run(args: list[str]) -> subprocess.CompletedProcess[str]:
    """tglint in a child whose address space is capped at 1 GiB: reading without a bound dies."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    env = {key: value for key, value in os.environ.items() if key != "TGLINT_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "tglint", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=cap,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("flag", ["--config", "--ignore-file"])
def test_an_endless_file_is_refused_without_reading_it_whole(flag: str, draft: Path) -> None:
    run = _bounded_run([flag, "/dev/zero", str(draft)])
    assert run.returncode == 2, run.stderr[-1000:]
    assert run.stderr.startswith("tglint: error: /dev/zero: larger than "), run.stderr[-1000:]
    assert len(run.stderr.splitlines()) == 1


def test_a_binary_config_is_one_line_naming_it(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = draft.parent / "binary.toml"
    config.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    line = _one_error_line(["--config", str(config), str(draft)], capsys)
    assert str(config) in line and "not UTF-8" in line


def test_a_non_utf8_ignore_file_is_one_line_naming_it(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ignore = draft.parent / "accepted.txt"
    ignore.write_bytes("# 已接受\n0123456789abcdef\n".encode("gb18030"))
    line = _one_error_line(["--isolated", "--ignore-file", str(ignore), str(draft)], capsys)
    assert str(ignore) in line and "not UTF-8" in line


def test_an_oversized_pyproject_that_names_tglint_is_an_error(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (draft.parent / "pyproject.toml").write_text(
        "[tool.tglint]\nselect = ['ALL']\n" + "#" * MAX_CONFIG_BYTES + "\n", encoding="utf-8"
    )
    assert "larger than" in _one_error_line([str(draft)], capsys)


def test_an_oversized_pyproject_without_tglint_is_not_a_config(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (draft.parent / "pyproject.toml").write_text("[project]\n" + "#" * MAX_CONFIG_BYTES + "\n", encoding="utf-8")
    assert main([str(draft)]) in (0, 1)


def test_config_and_ignore_file_errors_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="cannot read"):
        read_ignore_file(tmp_path / "missing.txt")


@pytest.mark.parametrize("key", sorted(CEILINGS))
def test_every_limit_has_a_ceiling(key: str) -> None:
    ceiling = CEILINGS[key]
    assert getattr(Limits(**{key: ceiling}), key) == ceiling
    with pytest.raises(ValueError, match=f"`{limit_key(key)}` must be at most {ceiling:,}"):
        Limits(**{key: ceiling + 1})


def test_a_huge_limit_in_a_config_is_one_line(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = draft.parent / ".tglint.toml"
    config.write_text("[limits]\nmax-file-size = 100000000000000000000000\n", encoding="utf-8")
    line = _one_error_line([str(draft)], capsys)
    assert "`max-file-size` must be at most 1,073,741,824" in line and str(config) in line
