"""The rule catalogue: each rule's identity, messages and documentation, as data.

`rules/catalog/<category>.toml` holds one table per rule code (the file's name is the
rule's category): its name, severity and languages, its summary and messages in both
languages, its documentation with bad and good examples, and what checks it: `logic`, a
Python class ("tglint.checks.secret:PasswordInDraft"), or `kind`, a declarative check
(`tglint.declarative`). `tglint rules`, `explain`, SARIF and the language server's hover
read this data alone; a rule's logic is imported when the rule checks a draft.

A user's rule pack may hold a `catalog/` directory too: new declarative rules, or built-in
rules' severity, languages, summary, documentation and messages, merged as pack files are
(tables key by key, lists extended, values replaced). Every table is checked against the
schema below, and what is wrong is one line naming the file, the rule and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tglint.models import CATEGORIES, TOPICS, Severity
from tglint.packs import CATALOG_DIR, LANGUAGES, PackError, builtin_pack_dir, check_layout, did_you_mean, merge
from tglint.rule import CODE_REGEX, NAME_REGEX, NO_FIX, RuleDoc

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.models import Hit
    from tglint.rule import RuleLike

KINDS = ("existence", "absence")
PARTS = ("subject", "body")
APPLICABILITY = ("safe", "unsafe")

# What each kind of declarative rule matches with and says: its keys, and the messages it needs.
_MATCHERS = ("words", "swap", "patterns", "tokens", "replacement")
_SCOPE = ("topics", "parts", "own_text")
# The keys of a rule's table, and those a user's pack may set on a built-in rule.
_IDENTITY = ("name", "severity", "languages", "logic", "kind")
# A rule that reads no words of a language (a recipient, a shape, a phone number's digits)
# runs on a draft in any language, Russian or Persian too.
ANY_LANGUAGE = "*"
_KEYS = (*_IDENTITY, "summary", "doc", "examples", "messages", *_MATCHERS, "applicability", *_SCOPE)
_OVERRIDABLE = frozenset({"severity", "languages", "summary", "doc", "examples", "messages"})
_DOC_KEYS = ("what", "why", "fix")
_EXAMPLE_KEYS = ("language", "bad", "good")
# The fields each declarative message may use.
MESSAGE_FIELDS = {"found": {"match"}, "replace": {"match", "replacement"}, "missing": set()}
_LOGIC = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*$"
_MESSAGE_KEY = r"^[a-z][a-z0-9_]*$"


class CatalogError(PackError):
    """A catalogue file that cannot be used: one line naming the file, the rule and the key."""


@dataclass(frozen=True, slots=True)
class Example:
    """A bad draft and its correction in one language; `bad` is None for a look-alike that passes."""

    language: str
    good: str
    bad: str | None = None


class CatalogRule:
    """A rule as the catalogue describes it: identity, messages, documentation, and where its logic is.

    It meets `RuleLike`: `check` loads the logic the first time (`implementation`), so that
    listing and explaining rules imports none of them.
    """

    __slots__ = (
        "_implementation",
        "category",
        "code",
        "docs",
        "examples",
        "kind",
        "languages",
        "logic",
        "messages",
        "name",
        "severity",
        "source",
        "spec",
        "summaries",
    )

    def __init__(self, code: str, category: str, table: Mapping[str, Any], source: str) -> None:
        self.code = code
        self.category = category
        self.source = source  # the file that defines it, for errors about its logic
        self.name: str = table["name"]
        self.severity = Severity(table["severity"])
        self.languages = frozenset(table.get("languages", LANGUAGES))
        self.summaries: dict[str, str] = dict(table["summary"])
        self.docs: dict[str, dict[str, str]] = {lang: dict(doc) for lang, doc in table["doc"].items()}
        self.examples = tuple(
            Example(item["language"], item["good"], item.get("bad")) for item in table.get("examples", ())
        )
        self.messages: dict[str, dict[str, str]] = {key: dict(t) for key, t in table.get("messages", {}).items()}
        self.logic: str | None = table.get("logic")
        self.kind: str | None = table.get("kind")
        # A declarative rule's matchers and scope, as written.
        self.spec: dict[str, Any] = {key: table[key] for key in (*_MATCHERS, "applicability", *_SCOPE) if key in table}
        self._implementation: RuleLike | None = None

    def __repr__(self) -> str:
        return f"CatalogRule({self.code} {self.name})"

    # -- what `tglint rules` and `explain` show ---------------------------------------------

    @property
    def summary(self) -> str:
        return self.summaries["en"]

    def summary_in(self, language: str) -> str:
        return self.summaries.get(language) or self.summaries["en"]

    @property
    def doc(self) -> RuleDoc:
        return self.doc_in("en")

    def doc_in(self, language: str) -> RuleDoc:
        """The documentation in `language` where it is written in it, else in English."""
        english = self.docs["en"]
        texts = {**english, **self.docs.get(language, {})}
        pairs = [example for example in self.examples if example.bad is not None]
        look_alikes = [example for example in self.examples if example.bad is None]
        first = pairs[0]
        return RuleDoc(
            what=texts["what"],
            why=texts["why"],
            bad=first.bad or "",
            good=first.good,
            fix=texts.get("fix", NO_FIX),
            more_bad=tuple(example.bad or "" for example in pairs[1:]),
            more_good=tuple(example.good for example in (*pairs[1:], *look_alikes)),
            languages=tuple(example.language for example in pairs),
        )

    # -- checking ----------------------------------------------------------------------------

    def message(self, language: str, key: str, /, **fields: object) -> str:
        """The message `key` in the report's language, its `{fields}` filled in."""
        templates = self.messages[key]
        return templates["zh" if language == "zh" else "en"].format(**fields)

    def implementation(self) -> RuleLike:
        """The rule's logic, loaded once; a CatalogError when `logic` names nothing usable."""
        if self._implementation is None:
            self._implementation = _load_logic(self)
        return self._implementation

    @property
    def checks_alternatives(self) -> bool:
        return bool(getattr(self.implementation(), "checks_alternatives", False))

    def check(self, analysis: Analysis) -> Iterable[Hit]:
        return self.implementation().check(analysis)


def _load_logic(rule: CatalogRule) -> RuleLike:
    where = f"{rule.source}: [{rule.code}] `logic`"
    if rule.kind is not None:
        from tglint.declarative import declarative_rule

        return declarative_rule(rule)
    assert rule.logic is not None  # the schema asks for one of the two
    module_name, _, class_name = rule.logic.partition(":")
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise CatalogError(f"{where}: no module `{exc.name}`") from None
    found = getattr(module, class_name, None)
    if not isinstance(found, type):
        raise CatalogError(f"{where}: `{module_name}` has no class `{class_name}`")
    declared = getattr(found, "code", None)
    if declared != rule.code:
        raise CatalogError(f"{where}: `{rule.logic}` is the logic of {declared}, not of {rule.code}")
    implementation: RuleLike = found(rule)
    return implementation


class Catalog:
    """Every rule of the catalogue, by code."""

    def __init__(self, rules: Mapping[str, CatalogRule]) -> None:
        self.rules = dict(sorted(rules.items()))

    def get(self, code: str) -> CatalogRule | None:
        return self.rules.get(code)

    def __iter__(self) -> Iterator[CatalogRule]:
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    return load_catalog()


def load_catalog(extra_dirs: Sequence[Path] = ()) -> Catalog:
    """The built-in catalogue with the `catalog/` files of the user's pack directories merged in.

    Raises CatalogError (a PackError) naming the file, the rule and the key of the first problem.
    """
    tables: dict[str, dict[str, Any]] = {}
    origin: dict[str, tuple[str, str]] = {}  # code -> (category, the file that defined it)
    builtin: set[str] = set()
    for index, directory in enumerate((builtin_pack_dir(), *extra_dirs)):
        user = index > 0
        if user:
            check_layout(directory)
        for path in _catalog_files(directory, user):
            for code, table in _read(path).items():
                _check_code(path, code, table)
                known = origin.get(code)
                if known is None:
                    _check_rule(path, code, table, user=user, complete=True)
                    tables[code] = table
                    origin[code] = (path.stem, str(path))
                    if not user:
                        builtin.add(code)
                    continue
                if known[0] != path.stem:
                    raise CatalogError(
                        f"{path}: [{code}] is a rule of {known[1]}: write it in {CATALOG_DIR}/{known[0]}.toml"
                    )
                if not user:
                    raise CatalogError(f"{path}: [{code}] is defined twice in the file")
                if code in builtin:
                    _check_override(path, code, table, tables[code])
                _check_rule(path, code, table, user=user, complete=False)
                tables[code] = merge(tables[code], table)
                _check_rule(path, code, tables[code], user=code not in builtin, complete=True)
    rules = {code: CatalogRule(code, origin[code][0], table, origin[code][1]) for code, table in tables.items()}
    _check_names(rules)
    return Catalog(rules)


def _catalog_files(directory: Path, user: bool) -> list[Path]:
    folder = directory / CATALOG_DIR
    if not folder.is_dir():
        if folder.exists():
            raise CatalogError(f"{folder}: not a directory of catalogue files")
        return []
    paths = sorted(folder.iterdir())
    for path in paths:
        if path.name.startswith(".") or path.name == "README.md":
            continue
        if path.suffix != ".toml" or path.stem not in CATEGORIES:
            raise CatalogError(
                f"{path}: unknown catalogue file{did_you_mean(path.stem, CATEGORIES)}: "
                f"a catalogue file is named after its rules' category ({', '.join(CATEGORIES)}) and ends in .toml"
            )
    return [path for path in paths if path.suffix == ".toml" and path.stem in CATEGORIES]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _check_code(path: Path, code: str, table: Any) -> None:
    if not re.match(CODE_REGEX, code):
        raise CatalogError(f"{path}: `{code}` is not a rule code (TG and 3 or 4 digits): each table is one rule")
    if not isinstance(table, Mapping):
        raise CatalogError(f"{path}: `{code}` must be a table ([{code}]) of the rule's keys")


def _check_override(path: Path, code: str, table: Mapping[str, Any], builtin: Mapping[str, Any]) -> None:
    """A user's table for a built-in rule: it may change what the rule says and how severe it is, not what it is."""
    for key in table:
        if key not in _OVERRIDABLE and key in _KEYS:
            raise CatalogError(
                f"{path}: [{code}] `{key}` of a built-in rule cannot be changed (its severity, languages, "
                "summary, doc, examples and messages can); a new rule needs a code of its own"
            )
    for key, templates in table.get("messages", {}).items() if isinstance(table.get("messages"), Mapping) else ():
        if key not in builtin.get("messages", {}):
            raise CatalogError(
                f"{path}: [{code}] `messages.{key}`: {code} has no such message{did_you_mean(key, builtin['messages'])}"
            )
        wanted = set().union(*(_fields(t) for t in builtin["messages"][key].values()))
        for language, template in templates.items() if isinstance(templates, Mapping) else ():
            extra = _fields(template) - wanted if isinstance(template, str) else set()
            if extra:
                raise CatalogError(
                    f"{path}: [{code}] `messages.{key}.{language}`: unknown field {{{sorted(extra)[0]}}} "
                    f"(the message's fields: {', '.join(sorted(wanted)) or 'none'})"
                )


def _check_rule(path: Path, code: str, table: Mapping[str, Any], *, user: bool, complete: bool) -> None:
    """One rule's table against the schema; `complete` when it must hold everything a rule needs."""
    where = f"{path}: [{code}]"
    for key in table:
        if key not in _KEYS:
            raise CatalogError(f"{where} unknown key `{key}`{did_you_mean(key, _KEYS)}")
    _check_identity(where, table, user=user, complete=complete)
    _check_summary(where, table.get("summary"), complete)
    _check_doc(where, table.get("doc"), complete)
    _check_examples(where, table.get("examples"), complete)
    _check_messages(where, table.get("messages"), complete)
    _check_declarative(where, table, user=user, complete=complete)


def _check_identity(where: str, table: Mapping[str, Any], *, user: bool, complete: bool) -> None:
    name = table.get("name")
    if name is not None and not (isinstance(name, str) and re.match(NAME_REGEX, name)):
        raise CatalogError(f"{where} `name` must be kebab-case words (like `password-in-draft`), not {name!r}")
    severity = table.get("severity")
    if severity is not None and severity not in [level.value for level in Severity]:
        raise CatalogError(f"{where} `severity` must be error, warning or info, not {severity!r}")
    languages = table.get("languages")
    if (
        languages is not None
        and languages != [ANY_LANGUAGE]
        and (
            not isinstance(languages, list)
            or not languages
            or any(lang not in LANGUAGES for lang in languages)
            or len(set(languages)) != len(languages)
        )
    ):
        raise CatalogError(
            f'{where} `languages` must list zh, en or both, or be ["*"] (any language), not {languages!r}'
        )
    logic, kind = table.get("logic"), table.get("kind")
    if logic is not None:
        if user:
            raise CatalogError(
                f"{where} `logic` is for built-in rules: a rule pack's rule has a `kind` "
                f"({', '.join(KINDS)}); a rule in Python is a plugin (README: Plugins)"
            )
        if not (isinstance(logic, str) and re.match(_LOGIC, logic)):
            raise CatalogError(f"{where} `logic` must name a class as `module:Class`, not {logic!r}")
    if kind is not None and kind not in KINDS:
        raise CatalogError(f"{where} `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    if logic is not None and kind is not None:
        raise CatalogError(f"{where} has both `logic` and `kind`: a rule is checked by one of them")
    if complete:
        for key in ("name", "severity", "summary", "doc", "examples"):
            if key not in table:
                raise CatalogError(f"{where} no `{key}`: every rule needs one")
        if logic is None and kind is None:
            raise CatalogError(f"{where} no `kind`: say what the rule checks ({', '.join(KINDS)})")


def _check_summary(where: str, summary: Any, complete: bool) -> None:
    if summary is None:
        return
    _check_languages(where, "summary", summary, complete)


def _check_languages(where: str, key: str, value: Any, complete: bool) -> None:
    """A text in each language: `key.en` and `key.zh`."""
    if not isinstance(value, Mapping):
        raise CatalogError(f"{where} `{key}` must be a table of one text per language (`{key}.en`, `{key}.zh`)")
    for language, text in value.items():
        if language not in LANGUAGES:
            raise CatalogError(f"{where} unknown key `{key}.{language}`: the languages are {', '.join(LANGUAGES)}")
        if not isinstance(text, str) or not text.strip():
            raise CatalogError(f"{where} `{key}.{language}` must be a text")
    if complete:
        for language in LANGUAGES:
            if language not in value:
                raise CatalogError(f"{where} no `{key}.{language}`: it is needed in every language")


def _check_doc(where: str, doc: Any, complete: bool) -> None:
    if doc is None:
        return
    if not isinstance(doc, Mapping):
        raise CatalogError(f"{where} `doc` must be a table: `doc.en` (what, why, fix) and optionally `doc.zh`")
    for language, texts in doc.items():
        if language not in LANGUAGES:
            raise CatalogError(f"{where} unknown key `doc.{language}`: the languages are {', '.join(LANGUAGES)}")
        if not isinstance(texts, Mapping):
            raise CatalogError(f"{where} `doc.{language}` must be a table of what, why and fix")
        for key, text in texts.items():
            if key not in _DOC_KEYS:
                raise CatalogError(f"{where} unknown key `doc.{language}.{key}`{did_you_mean(key, _DOC_KEYS)}")
            if not isinstance(text, str) or not text.strip():
                raise CatalogError(f"{where} `doc.{language}.{key}` must be a text")
    if complete:
        for key in ("what", "why"):
            if key not in doc.get("en", {}):
                raise CatalogError(f"{where} no `doc.en.{key}`: every rule says what it does and why, in English")


def _check_examples(where: str, examples: Any, complete: bool) -> None:
    if examples is None:
        return
    if not isinstance(examples, list) or not all(isinstance(item, Mapping) for item in examples):
        raise CatalogError(f"{where} `examples` must be a list of tables ([[{where.split('[')[-1][:-1]}.examples]])")
    for number, item in enumerate(examples, 1):
        for key, value in item.items():
            if key not in _EXAMPLE_KEYS:
                raise CatalogError(f"{where} unknown key `examples[{number}].{key}`{did_you_mean(key, _EXAMPLE_KEYS)}")
            if not isinstance(value, str):
                raise CatalogError(f"{where} `examples[{number}].{key}` must be a text")
        if item.get("language") not in LANGUAGES:
            raise CatalogError(f"{where} `examples[{number}].language` must be zh or en")
        if "good" not in item:
            raise CatalogError(f"{where} no `examples[{number}].good`: each example shows a draft that passes")
    if complete and not any("bad" in item for item in examples):
        raise CatalogError(f"{where} no example with `bad`: show at least one draft the rule flags")


def _check_messages(where: str, messages: Any, complete: bool) -> None:
    if messages is None:
        return
    if not isinstance(messages, Mapping):
        raise CatalogError(f"{where} `messages` must be a table of messages, each with `en` and `zh`")
    for key, templates in messages.items():
        if not re.match(_MESSAGE_KEY, key):
            raise CatalogError(f"{where} `messages.{key}`: a message's key is lower-case words joined by `_`")
        _check_languages(where, f"messages.{key}", templates, complete)
        for language, template in templates.items():
            try:
                _fields(template)
            except ValueError as exc:
                raise CatalogError(
                    f"{where} `messages.{key}.{language}`: {exc} (write {{{{ and }}}} for braces)"
                ) from None


def _fields(template: str) -> set[str]:
    """The `{fields}` a message template fills in; ValueError for a brace that is not one."""
    from string import Formatter

    fields = set()
    for _, field, spec, _ in Formatter().parse(template):
        if field is not None:
            if not field.isidentifier():
                raise ValueError(f"`{{{field}}}` is not a field name")
            fields.add(field)
            fields |= _fields(spec or "")
    return fields


def _check_declarative(where: str, table: Mapping[str, Any], *, user: bool, complete: bool) -> None:
    kind = table.get("kind")
    for key in (*_MATCHERS, "applicability", *_SCOPE):
        if key in table and kind is None and complete:
            raise CatalogError(f"{where} `{key}` is for declarative rules (with a `kind`)")
    words, swap, patterns = table.get("words"), table.get("swap"), table.get("patterns")
    if words is not None and (
        not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words)
    ):
        raise CatalogError(f"{where} `words` must be a list of words or phrases")
    if swap is not None and (
        not isinstance(swap, Mapping)
        or not swap
        or not all(isinstance(v, str) and str(k).strip() for k, v in swap.items())
    ):
        raise CatalogError(f"{where} `swap` must map each word or phrase to its replacement")
    if patterns is not None:
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            raise CatalogError(f"{where} `patterns` must be a list of regular expressions")
        for number, pattern in enumerate(patterns, 1):
            _check_pattern(f"{where} `patterns[{number}]`", pattern, checked=user)
    tokens = table.get("tokens")
    if tokens is not None:
        _check_tokens(where, tokens, checked=user)
    replacement = table.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise CatalogError(f"{where} `replacement` must be a text")
    applicability = table.get("applicability")
    if applicability is not None and applicability not in APPLICABILITY:
        raise CatalogError(f"{where} `applicability` must be safe or unsafe, not {applicability!r}")
    topics, parts, own_text = table.get("topics"), table.get("parts"), table.get("own_text")
    if topics is not None and (not isinstance(topics, list) or not topics or any(t not in TOPICS for t in topics)):
        raise CatalogError(f"{where} `topics` must list some of {', '.join(TOPICS)}, not {topics!r}")
    if parts is not None and (not isinstance(parts, list) or not parts or any(p not in PARTS for p in parts)):
        raise CatalogError(f"{where} `parts` must list {' or '.join(PARTS)}, not {parts!r}")
    if own_text is not None and not isinstance(own_text, bool):
        raise CatalogError(f"{where} `own_text` must be true or false")
    if complete and kind is not None:
        _check_kind(where, table)


def _check_kind(where: str, table: Mapping[str, Any]) -> None:
    """What a declarative rule of its kind needs, and the messages it says (no more, no fewer)."""
    kind = table["kind"]
    matchers = [key for key in ("words", "swap", "patterns", "tokens") if key in table]
    if not matchers:
        raise CatalogError(f"{where} no `words`, `swap`, `patterns` or `tokens`: say what the rule looks for")
    replaces = "swap" in table or "replacement" in table
    if kind == "absence":
        for key in ("swap", "replacement", "applicability"):
            if key in table:
                raise CatalogError(f"{where} `{key}`: an absence rule flags what is missing, it has nothing to replace")
        wanted = {"missing"}
    else:
        if "applicability" in table and not replaces:
            raise CatalogError(f"{where} `applicability` without `swap` or `replacement`: there is no fix to apply")
        bare = "words" in table or (("patterns" in table or "tokens" in table) and "replacement" not in table)
        wanted = ({"found"} if bare else set()) | ({"replace"} if replaces else set())
    messages = table.get("messages", {})
    for key in sorted(wanted):
        if key not in messages:
            raise CatalogError(f"{where} no `messages.{key}`: a {kind} rule like this one says it (en and zh)")
        for language in LANGUAGES:
            if language not in messages[key]:
                raise CatalogError(f"{where} no `messages.{key}.{language}`: it is needed in every language")
            unknown = _fields(messages[key][language]) - MESSAGE_FIELDS[key]
            if unknown:
                allowed = ", ".join(f"{{{f}}}" for f in sorted(MESSAGE_FIELDS[key])) or "none"
                raise CatalogError(
                    f"{where} `messages.{key}.{language}`: unknown field {{{sorted(unknown)[0]}}} (fields: {allowed})"
                )
    for key in messages:
        if key not in wanted:
            raise CatalogError(
                f"{where} `messages.{key}` is never said by this rule (it says {', '.join(sorted(wanted))})"
            )


def _check_pattern(where: str, pattern: str, *, checked: bool) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise CatalogError(f"{where}: invalid regular expression: {exc}") from None
    if checked:  # the built-in catalogue's are checked by the tests, as the built-in packs' are
        from tglint.backtracking import backtracking_shape

        shape = backtracking_shape(pattern)
        if shape is not None:
            raise CatalogError(f"{where} has a regex that is not linear in the text: {shape}")


def _check_tokens(where: str, tokens: Any, *, checked: bool) -> None:
    """The shape of `tokens` (spaCy's Matcher patterns): a list of patterns, each a list of token tables.

    What each table may say is spaCy's to check (`tglint.token_patterns`), when the rule is loaded to
    check drafts: reading the catalogue (`tglint rules`, `explain`) does not import spaCy."""
    shape = f"{where} `tokens` must be a list of token patterns, each a list of tables" + ' (`[[{ LOWER = "asap" }]]`)'
    if not isinstance(tokens, list) or not tokens:
        raise CatalogError(shape)
    for number, pattern in enumerate(tokens, 1):
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, Mapping) for t in pattern):
            raise CatalogError(f"{shape}; `tokens[{number}]` is not")
        for regex in _token_regexes(pattern):
            _check_pattern(f"{where} `tokens[{number}]`", regex, checked=checked)


def _token_regexes(value: Any) -> Iterator[str]:
    """The regular expressions a token pattern gives spaCy (`{TEXT = {REGEX = "..."}}`), at any depth."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "REGEX" and isinstance(item, str):
                yield item
            else:
                yield from _token_regexes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _token_regexes(item)


def _check_names(rules: Mapping[str, CatalogRule]) -> None:
    seen: dict[str, CatalogRule] = {}
    for rule in rules.values():
        other = seen.setdefault(rule.name, rule)
        if other is not rule:
            raise CatalogError(
                f"{rule.source}: [{rule.code}] `name`: {rule.name!r} is already the name of {other.code}"
            )
