"""What a rule is: identity, documentation with examples, and a check over a shared analysis.

A built-in rule's identity, messages and documentation are data, in the rule catalogue
(`tglint.catalog`, rules/catalog/); its class holds its code and its logic, and reads the
rest from its catalogue entry. Third-party rules may subclass `Rule` and set the
attributes themselves, or simply provide them (see `RuleLike`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from tglint.models import CATEGORIES, Severity
from tglint.patterns import compiled

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.catalog import CatalogRule
    from tglint.models import Hit

CODE_REGEX = r"^TG\d{3,4}$"
NAME_REGEX = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NO_FIX = "No automatic fix."


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """The explanation `tglint explain CODE` and SARIF print.

    `bad` and `good` are whole plain-text drafts (optional header block, blank
    line, body): the meta-test runs the rule on them, so they must stay true.
    `good` corrects `bad`, and `more_good[i]` corrects `more_bad[i]` (same language, same
    recipient): `explain` shows each bad example followed by its correction. Further
    `more_good` entries are look-alikes the rule lets pass.
    """

    what: str
    why: str
    bad: str
    good: str
    fix: str = NO_FIX
    # Examples in the other language (or more in one), checked the same way.
    more_bad: tuple[str, ...] = ()
    more_good: tuple[str, ...] = ()
    # The language of `bad` and of each `more_bad` (and of its correction); told from the text when empty.
    languages: tuple[str, ...] = ()


class RuleLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def languages(self) -> frozenset[str]: ...
    @property
    def summary(self) -> str: ...
    @property
    def doc(self) -> RuleDoc: ...

    def check(self, analysis: Analysis) -> Iterable[Hit]: ...


class CatalogIdentity:
    """A rule's identity as its catalogue entry gives it: the built-in rules' and the declarative ones'."""

    if TYPE_CHECKING:

        @property
        def entry(self) -> CatalogRule: ...

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def category(self) -> str:
        return self.entry.category

    @property
    def severity(self) -> Severity:
        return self.entry.severity

    @property
    def languages(self) -> frozenset[str]:
        return self.entry.languages

    @property
    def summary(self) -> str:
        return self.entry.summary

    @property
    def doc(self) -> RuleDoc:
        return self.entry.doc


class Rule(CatalogIdentity):
    """A rule's logic: its code and `check`; the rest comes from its catalogue entry.

    The registry builds each rule with its entry (the built-in one merged with the user's
    packs); `Rule()` alone looks the entry up in the built-in catalogue. A plugin's class
    may set `name`, `category`, `severity`, `languages`, `summary` and `doc` itself.
    """

    code: ClassVar[str]
    # Whether the rule also checks the text of the alternatives not chosen for the body
    # (a multipart/alternative mail's HTML version): they reach the recipient too.
    checks_alternatives: ClassVar[bool] = False
    # Set from the catalogue when first asked for; a subclass need not call __init__.
    _entry: CatalogRule | None = None

    def __init__(self, entry: CatalogRule | None = None) -> None:
        self._entry = entry

    @property
    def entry(self) -> CatalogRule:
        """The rule's catalogue entry; AttributeError when the catalogue has none for its code."""
        found = self._entry
        if found is None:
            from tglint.catalog import builtin_catalog

            found = builtin_catalog().get(getattr(self, "code", ""))
            if found is None:
                raise AttributeError(f"the rule catalogue has no entry for {getattr(self, 'code', None)!r}")
            self._entry = found
        return found

    @property
    def languages(self) -> frozenset[str]:
        try:
            return self.entry.languages
        except AttributeError:  # a plugin's rule that does not say: both
            return frozenset({"zh", "en"})

    def message(self, analysis: Analysis, key: str, /, **fields: object) -> str:
        """The catalogue's message `key` in the report's language, with its `{fields}` filled in."""
        return self.entry.message(analysis.message_language, key, **fields)

    def check(self, analysis: Analysis) -> Iterable[Hit]:
        raise NotImplementedError


def rule_problems(rule: RuleLike) -> list[str]:
    """What is wrong with a rule's identity; empty when it may be registered."""
    problems = []
    if not compiled(CODE_REGEX).match(getattr(rule, "code", "")):
        problems.append(f"code {getattr(rule, 'code', None)!r} is not TG followed by 3-4 digits")
    if not compiled(NAME_REGEX).match(getattr(rule, "name", "")):
        problems.append(f"name {getattr(rule, 'name', None)!r} is not kebab-case")
    if getattr(rule, "category", None) not in CATEGORIES:
        problems.append(f"category {getattr(rule, 'category', None)!r} is not one of {', '.join(CATEGORIES)}")
    if not isinstance(getattr(rule, "severity", None), Severity):
        problems.append("severity is not a tglint.models.Severity")
    if not callable(getattr(rule, "check", None)):
        problems.append("it has no check() method")
    return problems
