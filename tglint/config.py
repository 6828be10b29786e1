"""Settings: `[tool.tglint]` in pyproject.toml or `.tglint.toml`, then command-line flags.

`.tglint.toml` takes the keys at its top level, or under a `[tool.tglint]` table as in
pyproject.toml (the same text works in both files), but not both forms at once.

The nearest config file found walking up from the first checked path (or the
working directory) is used; flags given on the command line override its keys.
An unknown key is an error, never silently ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tglint.limits import LIMIT_KEYS, Limits
from tglint.models import Severity


class ConfigError(Exception):
    """A configuration that cannot be used: names the file or flag and the problem."""


# Config and ignore files are small; anything larger is not one (`--config /dev/zero`)
# and is refused before it is read whole.
MAX_CONFIG_BYTES = 1024**2
MAX_IGNORE_FILE_BYTES = 16 * 1024**2  # about a million fingerprints


def read_small_text(path: Path, limit: int, what: str) -> str:
    """The UTF-8 text of a config-like file, or a ConfigError naming it; never more than `limit` bytes read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or type(exc).__name__}") from None
    if len(data) > limit:
        raise ConfigError(f"{path}: larger than {limit:,} bytes, so not {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start + 1:,}), so not {what}") from None


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # selector -> severity
    fail_level: Severity = Severity.WARNING
    region: str | None = None  # default region for phone numbers, e.g. "CN"
    language: str | None = None  # force the draft language ("zh"/"en")
    message_language: str = "auto"  # "auto" (the draft's), "en" or "zh"
    rule_packs: tuple[Path, ...] = ()
    include: tuple[str, ...] = ("*.eml", "*.txt", "*.md", "*.msg", "*.mbox")
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True  # a walk leaves out what a .gitignore of the walked tree ignores
    per_path_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ignore_file: Path | None = None  # fingerprints of accepted findings
    limits: Limits = field(default_factory=Limits)  # what reading one file may cost
    source: Path | None = None  # the config file these came from


_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "severity",
    "fail-level",
    "region",
    "language",
    "message-language",
    "rule-packs",
    "include",
    "exclude",
    "per-path-ignores",
    "ignore-file",
    "limits",
    "respect-gitignore",
}


def find_config(start: Path) -> Path | None:
    """The nearest .tglint.toml, or pyproject.toml with a [tool.tglint] table, walking up."""
    directory = start if _exists_as(start, Path.is_dir) else start.parent
    for candidate_dir in (directory, *directory.parents):
        dotfile = candidate_dir / ".tglint.toml"
        if _exists_as(dotfile, Path.is_file):
            return dotfile
        pyproject = candidate_dir / "pyproject.toml"
        if _exists_as(pyproject, Path.is_file) and _has_tool_table(pyproject):
            return pyproject
    return None


def _exists_as(path: Path, kind: Callable[[Path], bool]) -> bool:
    """`kind(path)`, False when it cannot be told: a directory tglint may not look into holds
    no config it could read, and the lookup goes on upwards rather than abort the run (the
    walk says the directory cannot be read)."""
    try:
        return kind(path)
    except OSError:
        return False


def _has_tool_table(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return False
    # A broken pyproject.toml that mentions tglint is a broken tglint config, not "no config".
    mentions_tglint = b"tool.tglint" in raw
    if len(raw) > MAX_CONFIG_BYTES:
        if mentions_tglint:
            raise ConfigError(f"{pyproject}: larger than {MAX_CONFIG_BYTES:,} bytes, so not a config file")
        return False
    try:
        return "tglint" in tomllib.loads(raw.decode("utf-8", "replace")).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        if mentions_tglint:
            raise ConfigError(f"{pyproject}: invalid TOML: {exc}") from None
        return False


def load_config(path: Path) -> Settings:
    try:
        data = tomllib.loads(read_small_text(path, MAX_CONFIG_BYTES, "a config file"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return settings_from_table(_tglint_table(data, path), source=path)


def config_rule_packs(path: Path) -> tuple[Path, ...]:
    """The rule packs a config file names, relative to it: all `tglint rules` and `explain` need of it
    (the other keys are checked when drafts are)."""
    try:
        data = tomllib.loads(read_small_text(path, MAX_CONFIG_BYTES, "a config file"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    value = _tglint_table(data, path).get("rule-packs", ())
    return tuple(path.parent / p for p in _string_tuple(value, "rule-packs", str(path)))


def _tglint_table(data: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    """tglint's keys: `[tool.tglint]` of pyproject.toml; in .tglint.toml (or a --config file), the
    top level or a `[tool.tglint]` table, as copied from a pyproject.toml, but not both."""
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("tglint", {})
        return table if isinstance(table, Mapping) else {}
    if "tool" not in data:
        return data
    tool = data["tool"]
    if not isinstance(tool, Mapping) or set(tool) != {"tglint"} or not isinstance(tool["tglint"], Mapping):
        raise ConfigError(
            f"{path}: unknown key `tool`: write tglint's keys at the top level of {path.name} or in a [tool.tglint] "
            'table (e.g. `select = ["ALL"]`)'
        )
    others = sorted(set(data) - {"tool"})
    if others:
        raise ConfigError(
            f"{path}: `{others[0]}` at the top level and a [tool.tglint] table: write all keys in one of the two forms"
        )
    return tool["tglint"]


def settings_from_table(table: Mapping[str, Any], *, source: Path | None = None) -> Settings:
    where = str(source) if source else "settings"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key `{unknown[0]}` (known: {', '.join(sorted(_KEYS))})")
    base = source.parent if source else Path.cwd()
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        attr = key.replace("-", "_")
        if key in {"select", "ignore", "extend-select", "include", "exclude"}:
            values[attr] = _string_tuple(value, key, where)
        elif key == "severity":
            values[attr] = parse_severity_map(value, where)
        elif key == "fail-level":
            values[attr] = parse_severity(value, f"{where}: fail-level")
        elif key in {"region", "language", "message-language"}:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: `{key}` must be a string")
            values[attr] = value
        elif key == "rule-packs":
            values[attr] = tuple(base / p for p in _string_tuple(value, key, where))
        elif key == "ignore-file":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: `{key}` must be a string")
            values[attr] = base / value
        elif key == "per-path-ignores":
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: `per-path-ignores` must map globs to lists of rules")
            values[attr] = {glob: _string_tuple(v, f"per-path-ignores.{glob}", where) for glob, v in value.items()}
        elif key == "limits":
            values[attr] = parse_limits(value, where)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: `{key}` must be true or false")
            values[attr] = value
    settings = Settings(**values)
    validate(settings, where)
    return settings


def _string_tuple(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def parse_limits(value: Any, where: str) -> Limits:
    """The `[tool.tglint.limits]` table: each key a positive integer, the rest default."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: `limits` must be a table of {', '.join(sorted(LIMIT_KEYS))}")
    unknown = sorted(set(value) - set(LIMIT_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key `limits.{unknown[0]}` (known: {', '.join(sorted(LIMIT_KEYS))})")
    try:
        return Limits(**{LIMIT_KEYS[key]: number for key, number in value.items()})
    except ValueError as exc:
        raise ConfigError(f"{where}: limits: {exc}") from None


def parse_severity(value: Any, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigError(f"{where}: severity must be error, warning or info, not {value!r}") from None


def parse_severity_map(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: `severity` must map rule selectors to error/warning/info")
    return {str(k): parse_severity(v, f"{where}: severity.{k}") for k, v in value.items()}


def validate(settings: Settings, where: str) -> None:
    if settings.language not in (None, "zh", "en"):
        raise ConfigError(f"{where}: language must be zh or en, not {settings.language!r}")
    if settings.message_language not in ("auto", "zh", "en"):
        raise ConfigError(f"{where}: message-language must be auto, zh or en, not {settings.message_language!r}")
    if settings.region is not None:
        import phonenumbers

        if settings.region.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ConfigError(f"{where}: region {settings.region!r} is not a known region code such as CN or US")


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """Command-line values (None means not given) on top of the config file's."""
    given = {k: v for k, v in overrides.items() if v is not None}
    updated = replace(settings, **given)
    validate(updated, "command line")
    return updated
