"""Rule packs: the domain knowledge (mailboxes, tags, lexicons, weights) as TOML data.

Layout of a pack directory (the built-in one is `rules/` in the source tree,
shipped inside the wheel as `tglint/_packs`):

    common/<name>.toml   knowledge that is the same in every language
    zh/<name>.toml       Simplified Chinese
    en/<name>.toml       English

A user pack directory has the same layout (and may hold `catalog/`, the rule catalogue's
files: `tglint.catalog`). Its tables are merged into the built-in ones: tables merge key
by key, lists are extended (duplicates dropped), scalars are replaced. A file whose top
level says `replace = true` replaces the built-in file of the same name instead. A user's
file must have the name of a built-in one, and its top-level keys must be keys of that
file: a misspelt name would otherwise be ignored without a word.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")

LANGUAGES: tuple[str, ...] = ("zh", "en")
SCOPES: tuple[str, ...] = ("common", *LANGUAGES)
# The other directory a pack may hold: the rule catalogue (`tglint.catalog`).
CATALOG_DIR = "catalog"


# The entries of each pack file that are regular expressions (the rules compile them), as key paths; "*" stands
# for every key of a table. A user's pack is checked when loaded: a regex that backtracks badly
# (`tglint.backtracking`) makes an ordinary mail take minutes. The built-in packs are checked by the tests
# instead (reading their 300 regexes would cost every run some 50 ms).
REGEX_ENTRIES: dict[str, tuple[str, ...]] = {
    "account": ("username_labelled", "phone_labelled", "account_id", "registration"),
    "details": ("time", "specifics", "offender_handle", "offender_named", "checklist.*.*.patterns"),
    "device": (
        "os_with_version",
        "os_name",
        "android_family",
        "desktop",
        "model",
        "model_brands",
        "model_vague",
        "model_label",
        "app_version",
        "app_version_labelled",
        "app_version_implied",
        "app_version_vague",
        "malfunction_patterns",
    ),
    "follow_up": ("reply_subject", "tickets", "chasing", "elapsed.*.patterns"),
    "mixed": ("lists.*", "cues.*.patterns", "cues.*.with"),
    "phone": ("fictional_national.*.patterns", "fiction_ranges.*", "fiction_mobile_ranges.*"),
    "pii": ("card_prefixes",),
    "requirements": ("identifiers.*",),
    "secrets": ("value_descriptors", "value_lookalikes"),
    "structure": ("list_items",),
}


class PackError(Exception):
    """A rule pack that cannot be used: names the file and the problem."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean `x`?)" for the closest of `choices`, or nothing."""
    from difflib import get_close_matches  # only on the way to an error

    close = get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def check_layout(directory: Path) -> None:
    """A user's pack directory holds common/, zh/, en/ and catalog/: a misspelt folder, or a pack
    file outside them, is an error rather than knowledge silently left unread."""
    if not directory.is_dir():
        raise PackError(f"{directory}: rule pack directory not found")
    folders = (*SCOPES, CATALOG_DIR)
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir() and path.name not in folders:
            raise PackError(
                f"{path}: unknown folder in a rule pack{did_you_mean(path.name, folders)}: "
                f"a pack holds {', '.join(folders)}"
            )
        if path.is_file() and path.suffix == ".toml":
            raise PackError(f"{path}: a pack file goes in one of {', '.join(SCOPES)}/ (or {CATALOG_DIR}/ for rules)")


def builtin_pack_dir() -> Path:
    shipped = Path(str(resources.files("tglint"))) / "_packs"
    if shipped.is_dir():
        return shipped
    # Running from a source checkout (editable install): the packs sit beside the package.
    return Path(__file__).resolve().parent.parent / "rules"


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [item for item in value if item not in old]
        else:
            merged[key] = value
    return merged


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _scalar_kind(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return "number"
    return "text" if isinstance(value, str) else None


def _check_shape(table: Mapping[str, Any], path: Path, keys: list[str]) -> None:
    """A word list or lexicon whose entries are all numbers (or all text) but one is a slip.

    `[settings]` tables hold values of every kind and are not checked. A lexicon
    weight written as text ("idiot" = "3") or a tag's mailbox written as a number
    would otherwise break a rule on every draft, or be silently ignored.
    """
    if keys and keys[-1] != "settings":
        kinds: dict[str, list[str]] = {}
        for key, value in table.items():
            kind = _scalar_kind(value)
            if kind:
                kinds.setdefault(kind, []).append(key)
        if len(kinds) == 2:
            (major, major_keys), (_, minor_keys) = sorted(kinds.items(), key=lambda kv: -len(kv[1]))
            if len(major_keys) >= 3 and len(minor_keys) * 4 <= len(major_keys):
                where = ".".join(keys)
                raise PackError(
                    f"{path}: [{where}] `{minor_keys[0]}` = {table[minor_keys[0]]!r}: every other entry is {major}"
                )
    for key, value in table.items():
        if isinstance(value, Mapping):
            _check_shape(value, path, [*keys, key])


def regex_entries(name: str, table: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """The regexes of a pack file's table (`name`: the file's name without ".toml"), each with its key path."""
    for entry in REGEX_ENTRIES.get(name, ()):
        yield from _entries(table, entry.split("."), [])


def _entries(value: Any, keys: list[str], where: list[str]) -> Iterator[tuple[str, str]]:
    if not keys:
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        yield from ((".".join(where), item) for item in items if isinstance(item, str))
        return
    if isinstance(value, Mapping):
        first, rest = keys[0], keys[1:]
        for key in value if first == "*" else [first] if first in value else []:
            yield from _entries(value[key], rest, [*where, str(key)])


def check_regexes(name: str, table: Mapping[str, Any], path: Path) -> None:
    """A PackError naming the file and key of the first regex that backtracks badly, as an invalid one is named."""
    from tglint.backtracking import backtracking_shape  # only when a user's pack is loaded

    for key, regex in regex_entries(name, table):
        shape = backtracking_shape(regex, re.IGNORECASE)
        if shape is not None:
            raise PackError(f"{path}: `{key}` has a regex that is not linear in the text: {shape}")


class Packs:
    """All rule packs, loaded once; `get(name, language)` gives one merged table.

    The first `checked_from` directories are the built-in packs, whose regexes the tests check; those of the
    others are checked as they are loaded (`check_regexes`)."""

    def __init__(self, directories: Sequence[Path], checked_from: int = 0) -> None:
        self._files: dict[tuple[str, str], dict[str, Any]] = {}
        self._cache: dict[tuple[str, str | None], dict[str, Any]] = {}
        self._derived: dict[Hashable, Any] = {}
        self._known: dict[str, set[str]] = {}  # the top-level keys of each file the built-in packs have
        checked_files: list[tuple[str, dict[str, Any], Path]] = []
        for index, directory in enumerate(directories):
            if not directory.is_dir():
                raise PackError(f"{directory}: rule pack directory not found")
            checked = index >= checked_from
            if checked:
                check_layout(directory)
            self._add_directory(directory, checked_files if checked else None)
            if not checked:
                for (_, name), table in self._files.items():
                    self._known.setdefault(name, set()).update(table)
        if checked_files:
            from tglint.anchors import check_anchors  # only when a user's pack is loaded

            # Against the packs as the rules read them: a user's regex may begin with a built-in anchor.
            for name, data, path in checked_files:
                check_anchors(name, data, self.get(name), path)

    def _add_directory(self, directory: Path, checked: list[tuple[str, dict[str, Any], Path]] | None) -> None:
        for scope in SCOPES:
            scope_dir = directory / scope
            if not scope_dir.is_dir():
                continue
            for path in sorted(scope_dir.glob("*.toml")):
                data = _load_toml(path)
                if checked is not None:
                    self._check_names(path, data)
                    check_regexes(path.stem, data, path)
                    checked.append((path.stem, data, path))
                key = (scope, path.stem)
                if data.pop("replace", False) is True or key not in self._files:
                    self._files[key] = data
                else:
                    self._files[key] = merge(self._files[key], data)
                # Checked after merging: a user's one entry is a slip only next to the built-in ones.
                _check_shape(self._files[key], path, [])

    def _check_names(self, path: Path, data: Mapping[str, Any]) -> None:
        """A user's file and its top-level keys are those of a built-in pack file (`replace` aside)."""
        if not self._known:
            return  # no built-in packs to compare with (a test's own set of packs)
        keys = self._known.get(path.stem)
        if keys is None:
            raise PackError(
                f"{path}: unknown pack file{did_you_mean(path.stem, self._known)}: the packs are "
                f"{', '.join(sorted(self._known))}"
            )
        for key in data:
            if key not in keys and key != "replace":
                raise PackError(
                    f"{path}: unknown key `{key}`{did_you_mean(key, keys)} (the file's keys: {', '.join(sorted(keys))})"
                )

    def get(self, name: str, language: str | None = None) -> dict[str, Any]:
        """The `common` table merged with one language's, or with every language's when None."""
        cache_key = (name, language)
        if cache_key not in self._cache:
            languages: Iterable[str] = LANGUAGES if language is None else (language,)
            table = dict(self._files.get(("common", name), {}))
            for lang in languages:
                table = merge(table, self._files.get((lang, name), {}))
            self._cache[cache_key] = table
        return self._cache[cache_key]

    def __getstate__(self) -> dict[str, Any]:
        # What is derived (automata, compiled lexicons, read-only views) is rebuilt on first use: a
        # worker process started by "spawn" (macOS, Windows) receives the packs pickled.
        return {**self.__dict__, "_derived": {}}

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """Something built from the packs (a compiled lexicon, a model), built once per Packs."""
        if key not in self._derived:
            self._derived[key] = build()
        return cast(T, self._derived[key])


def load_packs(extra_dirs: Sequence[Path] = ()) -> Packs:
    return Packs([builtin_pack_dir(), *extra_dirs], checked_from=1)


def strings(table: Mapping[str, Any], key: str, *, source: str = "") -> list[str]:
    """A list of strings from a pack table, or a PackError naming what is malformed."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PackError(f"rule pack {source or '?'}: `{key}` must be a list of strings")
    return value


def weighted(table: Mapping[str, Any], key: str, *, source: str = "") -> dict[str, float]:
    """A {term: weight} table from a pack, or a PackError naming what is malformed."""
    value = table.get(key, {})
    if not isinstance(value, Mapping) or not all(
        isinstance(term, str) and isinstance(weight, int | float) and not isinstance(weight, bool)
        for term, weight in value.items()
    ):
        raise PackError(f"rule pack {source or '?'}: `{key}` must map terms to numbers")
    return {term: float(weight) for term, weight in value.items()}
