"""`.gitignore` files met while walking a directory, applied as git applies them.

Pattern syntax (negation, anchoring, `**`, directory-only patterns, escapes) is
pathspec's `GitIgnoreSpec`, a well-kept implementation of git's own rules; this
module only layers the files: each `.gitignore` applies to paths below its own
directory, written relative to it; a deeper file's decision overrides a shallower
one, and within a file the last matching pattern wins. A directory that is ignored
is not entered, so nothing below it can be re-included (git's rule too).

Only the `.gitignore` files of the walked tree count (the walked directory's own and
those below it), not those of its parents, nor `.git/info/exclude` or the global
excludes file: a directory named on the command line is checked as asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

# A .gitignore larger than this is not one a person wrote; only its start is used.
MAX_GITIGNORE_BYTES = 1024**2


@dataclass(frozen=True)
class _Layer:
    base: str  # the directory of the .gitignore, relative to the walked root ("" for the root)
    spec: GitIgnoreSpec


@dataclass(frozen=True)
class Ignores:
    """The `.gitignore` layers in force in one directory of a walk, shallowest first."""

    layers: tuple[_Layer, ...] = ()

    def with_file(self, base: str, text: str) -> Ignores:
        """These rules plus those of the `.gitignore` in `base` (relative to the walked root)."""
        from pathspec import GitIgnoreSpec

        spec = GitIgnoreSpec.from_lines(text.splitlines())
        return Ignores((*self.layers, _Layer(base, spec)))

    def ignored(self, relative: str, *, is_dir: bool) -> bool:
        """Whether git ignores the path `relative` (to the walked root, "/"-separated)."""
        for layer in reversed(self.layers):
            inside = relative[len(layer.base) + 1 :] if layer.base else relative
            decision = layer.spec.check_file(inside + "/" if is_dir else inside).include
            if decision is not None:
                return decision
        return False
