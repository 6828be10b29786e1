"""`tglint rules`, `explain`, `--version` and `--help` stay quick: they load no analysis library.

Each command runs in a child process, so that `sys.modules` shows what it imported; what the
commands print is tested in test_cli.py. The registry looks for plugins without importing
importlib.metadata (and the email package it brings) unless an `entry_points.txt` on the path
names the plugin group: the pre-check must never miss a plugin that importlib.metadata finds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tglint.registry import ENTRY_POINT_GROUP, _may_declare_plugins

# Analysis libraries (spaCy, language and phone-number detection, ID checksums) and rich.
HEAVY = ("spacy", "langdetect", "phonenumbers", "stdnum", "rich")
# Loaded only to read plugins' entry points; without a plugin, nothing should bring them in.
PLUGIN_LOOKUP = ("importlib.metadata", "email")
COMMANDS = (["rules"], ["rules", "--format", "json"], ["explain", "TG101"], ["--version"], ["--help"])

_CHILD = r"""
import json, sys

from tglint.cli import main

try:
    main(sys.argv[2:])
finally:
    loaded = sorted(sys.modules)
    from tglint.registry import _may_declare_plugins

    with open(sys.argv[1], "w") as handle:
        json.dump({"modules": loaded, "plugins": _may_declare_plugins()}, handle)
"""


def _loaded_by(args: list[str], tmp_path: Path) -> tuple[set[str], bool]:
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), *args], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(report.read_text())
    return {name.split(".")[0] for name in found["modules"]} | set(found["modules"]), found["plugins"]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_metadata_commands_import_no_analysis_library(args: list[str], tmp_path: Path) -> None:
    loaded, plugins = _loaded_by(args, tmp_path)
    unwanted = HEAVY if plugins else HEAVY + PLUGIN_LOOKUP
    assert sorted(loaded.intersection(unwanted)) == []


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_metadata_commands_import_no_rule_logic(args: list[str], tmp_path: Path) -> None:
    """They read the rule catalogue (rules/catalog/), which is data: no rule's logic is imported."""
    loaded, _ = _loaded_by(args, tmp_path)
    logic = ("tglint.checks", "tglint.declarative", "tglint.analysis", "tglint.engine")
    assert sorted(name for name in loaded if name.startswith(logic)) == []


def _dist_info(root: Path, name: str, entry_points_txt: str | None) -> None:
    info = root / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    if entry_points_txt is not None:
        (info / "entry_points.txt").write_text(entry_points_txt)


def _plugins_found(monkeypatch: pytest.MonkeyPatch, path: list[str]) -> tuple[bool, bool]:
    """(the pre-check's answer, whether importlib.metadata finds a plugin) for this sys.path."""
    monkeypatch.setattr(sys, "path", path)
    return _may_declare_plugins(), bool(entry_points(group=ENTRY_POINT_GROUP))


def test_a_declared_plugin_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist_info(tmp_path, "other", "[console_scripts]\nother = other:main\n")
    _dist_info(tmp_path, "tglint_extra", f"[{ENTRY_POINT_GROUP}]\nextra = extra_rules:RULES\n")
    assert _plugins_found(monkeypatch, [str(tmp_path)]) == (True, True)


def test_no_plugin_needs_no_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist_info(tmp_path, "scripts_only", "[console_scripts]\nscripts = scripts:main\n")
    _dist_info(tmp_path, "no_entry_points", None)
    (tmp_path / "old.egg-info").write_text("Metadata-Version: 1.0\nName: old\n")  # a file, not a directory
    monkeypatch.chdir(tmp_path)  # "" on the path is the working directory
    assert _plugins_found(monkeypatch, [str(tmp_path), str(tmp_path / "missing"), ""]) == (False, False)


def test_what_the_pre_check_cannot_read_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-0.1.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\nVersion: 0.1\n")
        zipped.writestr("zipped-0.1.dist-info/entry_points.txt", f"[{ENTRY_POINT_GROUP}]\nz = z:RULES\n")
    assert _plugins_found(monkeypatch, [str(archive)]) == (True, True)

    (tmp_path / "old.egg").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path / "old.egg")])
    assert _may_declare_plugins()

    class DistributionFinder:
        def find_distributions(self, context: object = None) -> list[object]:
            return []

    monkeypatch.setattr(sys, "path", [])
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, DistributionFinder()])
    assert _may_declare_plugins()


def test_the_pre_check_misses_no_installed_plugin() -> None:
    assert _may_declare_plugins() or not entry_points(group=ENTRY_POINT_GROUP)


def test_a_plugin_on_pythonpath_is_loaded(tmp_path: Path) -> None:
    """Through the pre-check, importlib.metadata and the registry, in a fresh process."""
    _dist_info(tmp_path, "tglint_extra", f"[{ENTRY_POINT_GROUP}]\nextra = extra_rules:RULES\n")
    (tmp_path / "extra_rules.py").write_text(
        "from tglint.models import Severity\n"
        "from tglint.rule import Rule, RuleDoc\n\n\n"
        "class Extra(Rule):\n"
        '    code = "TG9950"\n'
        '    name = "extra-rule"\n'
        '    category = "details"\n'
        "    severity = Severity.INFO\n"
        '    summary = "A plugin rule."\n'
        '    doc = RuleDoc(what="x", why="x", bad="x", good="x")\n\n'
        "    def check(self, analysis):\n"
        "        return []\n\n\n"
        "RULES = [Extra]\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "tglint", "rules"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "TG9950 extra-rule" in result.stdout
