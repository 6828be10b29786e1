"""What a rule is: identity, documentation with examples, and a check over a shared analysis.

Built-in rules subclass `Rule`; third-party rules may too, or simply provide the
same attributes (see `RuleLike`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from tglint.models import CATEGORIES, Severity
from tglint.patterns import compiled

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.models import Hit

CODE_REGEX = r"^TG\d{3,4}$"
NAME_REGEX = r"^[a-z0-9]+(-[a-z0-9]+)*$"


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
    fix: str = "No automatic fix."
    # Examples in the other language (or more in one), checked the same way.
    more_bad: tuple[str, ...] = ()
    more_good: tuple[str, ...] = ()


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


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    languages: ClassVar[frozenset[str]] = frozenset({"zh", "en"})
    summary: ClassVar[str]
    doc: ClassVar[RuleDoc]
    # Whether the rule also checks the text of the alternatives not chosen for the body
    # (a multipart/alternative mail's HTML version): they reach the recipient too.
    checks_alternatives: ClassVar[bool] = False

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
