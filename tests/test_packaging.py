"""The wheel carries the rule packs: build it, install it in a fresh venv, lint from there.

An editable install reads the packs from the source tree and would hide a
packaging hole; this test runs from a directory where the source is not importable.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("tglint-*.whl")
    return built


def test_wheel_contains_rule_packs(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packs = {Path(n).relative_to("tglint/_packs").as_posix() for n in names if n.startswith("tglint/_packs/")}
    expected = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.toml")}
    assert expected and expected <= packs
    assert "tglint/schema/report.schema.json" in names
    assert "tglint/serve/page.html" in names  # the compose page of `tglint serve`


def test_installed_wheel_lints_a_draft(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    draft = tmp_path / "draft.txt"
    draft.write_text("To: support@telegram.org\nSubject: 消息发送失败\n\n我的密码是 Abc12345!\n", encoding="utf-8")
    result = subprocess.run(
        [str(env_dir / "bin" / "tglint"), "--format", "json", str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert "TG101" in result.stdout and "TG501" in result.stdout
    # spaCy (with jieba) is the `spacy` extra: `pip install tglint` does not bring it.
    unwanted = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print([m for m in ('spacy', 'jieba') if u.find_spec(m)])"],
        capture_output=True,
        text=True,
    )
    assert unwanted.stdout.strip() == "[]", unwanted.stderr
    # The subject message suggests a tag read from the shipped zh pack.
    assert "技术问题" in result.stdout
    assert "Abc12345" not in result.stdout
    # The rule catalogue is shipped with the packs: `explain` reads it there.
    explained = subprocess.run(
        [str(env_dir / "bin" / "tglint"), "explain", "TG719"], capture_output=True, text=True, cwd=tmp_path
    )
    assert explained.returncode == 0 and "A {{placeholder}} of the draft template is still there." in explained.stdout
