"""Which files to read: named files as given, directories walked."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tglint.draft import ReadError
from tglint.gitignore import MAX_GITIGNORE_BYTES, Ignores
from tglint.reading.sniffing import starts_like_a_mail


def discover(
    paths: Sequence[str],
    include: Sequence[str] = ("*",),
    exclude: Sequence[str] = (),
    *,
    count: WalkCount | None = None,
    respect_gitignore: bool = True,
    skip: str | os.PathLike[str] | None = None,
) -> Iterator[str | ReadError]:
    """Files to read: named files as given, directories walked in sorted order.

    A path named on the command line is always read, whatever its name. In a walked
    directory a file is taken when its name matches an include glob (by its path relative
    to the walked directory, or its name alone), or else when its content starts like a
    mail: an mbox "From " line, or a header block naming From/To/Subject/Date/Message-ID
    (or 收件人/主题...); other files are skipped. Left out, and not looked into:

    - hidden files and directories (".git", ".venv", ".DS_Store");
    - what an exclude glob matches, and what a `.gitignore` of the walked tree ignores
      (`tglint.gitignore`; `respect_gitignore=False` turns that off);
    - directories of installed software: virtualenvs (any directory holding
      `pyvenv.cfg`), `node_modules`, `site-packages`, `__pycache__`, `__pypackages__`;
    - FIFOs, sockets and devices, and symbolic links to directories (no loops).

    The file `skip` (the report being written) is never found in a directory, under any
    name: it is looked up when the walk starts, so a report opened before then is recognised.

    `count`, if given, adds up what was skipped and ignored, for the line that says so.
    A directory, or an entry of one, that cannot be read is a `ReadError` (the walk
    goes on with the rest), and so is a walked directory in which nothing was found.
    """
    count = count if count is not None else WalkCount()
    skipped: tuple[int, int] | None = None
    for path in paths:
        if path != "-" and os.path.isdir(path):
            if skip is not None and skipped is None:
                skipped = _identity_of(skip)
            walker = _Walker(path, include, exclude, respect_gitignore, skipped)
            yield from walker.walk("", Ignores())
            count.add(walker.count)
            if not walker.yielded:
                yield ReadError(path, "no drafts found" + walker.count.details(empty="the directory is empty"))
        else:
            yield path


def _identity_of(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None  # not there: nothing to skip
    return status.st_dev, status.st_ino


def is_included(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether walking a directory would check the file at `relative` (a path with "/")
    in it: as `discover` decides, an include glob and no exclude glob match its path or
    its name, and no exclude glob matches a directory on the way."""
    *directories, name = relative.split("/")
    for depth in range(1, len(directories) + 1):
        if _matches("/".join(directories[:depth]), directories[depth - 1], exclude):
            return False
    return _matches(relative, name, include) and not _matches(relative, name, exclude)


@dataclass
class WalkCount:
    """What walking directories passed over: said on one stderr line, so that a rule that
    leaves files out is never silent."""

    skipped: int = 0  # files neither named like a draft (include) nor starting like a mail
    ignored: int = 0  # files and directories left out by exclude, a .gitignore, or as installed software

    def add(self, other: WalkCount) -> None:
        self.skipped += other.skipped
        self.ignored += other.ignored

    def details(self, *, empty: str = "") -> str:
        """What was passed over, as ": 3 files skipped (why), 2 ignored (why)"; ": {empty}" if nothing."""
        said = []
        if self.skipped:
            noun = "file" if self.skipped == 1 else "files"
            said.append(
                f"{self.skipped:,} {noun} skipped (not named like drafts by `include`, not starting like a mail)"
            )
        if self.ignored:
            said.append(f"{self.ignored:,} ignored (exclude, .gitignore, virtualenvs, node_modules)")
        if not said:
            return f": {empty}" if empty else ""
        return ": " + ", ".join(said)


# Directories of installed software: their README.md and LICENSE.txt are nobody's drafts.
_SOFTWARE_DIRS = frozenset({"node_modules", "site-packages", "__pycache__", "__pypackages__"})


_VENV_MARKER = "pyvenv.cfg"  # in the top directory of every virtualenv (PEP 405)


_GITIGNORE = ".gitignore"


# Enough of a file to see whether it starts like a mail.
_SNIFF_HEAD = 8 * 1024


class _Walker:
    """One directory named on the command line, walked."""

    def __init__(
        self,
        root: str,
        include: Sequence[str],
        exclude: Sequence[str],
        respect_gitignore: bool,
        skipped: tuple[int, int] | None = None,
    ) -> None:
        self._root = root
        self._skipped = skipped  # (device, inode) of the report being written
        self._include = include
        self._exclude = exclude
        self._respect_gitignore = respect_gitignore
        self.count = WalkCount()
        self.yielded = 0  # files and errors

    def walk(self, relative: str, ignores: Ignores) -> Iterator[str | ReadError]:
        directory = self._path(relative)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(
                    ((entry.name, entry) for entry in scan if not _is_file(entry, self._skipped)),
                    key=lambda item: item[0],
                )
        except OSError as error:
            yield self._error(directory, error)
            return
        names = {name for name, _ in entries}
        if relative and _VENV_MARKER in names:
            self.count.ignored += 1
            return
        if self._respect_gitignore and _GITIGNORE in names:
            try:
                ignores = ignores.with_file(relative, _read_text_head(self._path(f"{relative}/{_GITIGNORE}")))
            except OSError as error:
                yield self._error(self._path(f"{relative}/{_GITIGNORE}"), error)
        for name, entry in entries:
            if name.startswith("."):
                continue
            child = f"{relative}/{name}" if relative else name
            try:
                kind = _kind(entry)
            except OSError as error:
                yield self._error(self._path(child), error)
                continue
            if kind is None:
                continue
            is_dir = kind == "directory"
            if (
                (is_dir and name in _SOFTWARE_DIRS)
                or _matches(child, name, self._exclude)
                or ignores.ignored(child, is_dir=is_dir)
            ):
                self.count.ignored += 1
            elif is_dir:
                yield from self.walk(child, ignores)
            else:
                yield from self._file(child, name)

    def _file(self, child: str, name: str) -> Iterator[str | ReadError]:
        path = self._path(child)
        if not _matches(child, name, self._include):
            try:
                with open(path, "rb") as handle:
                    head = handle.read(_SNIFF_HEAD)
            except FileNotFoundError:  # a broken link, or gone since the scan
                self.count.skipped += 1
                return
            except OSError as error:
                yield self._error(path, error)
                return
            if not starts_like_a_mail(head):
                self.count.skipped += 1
                return
        self.yielded += 1
        yield path

    def _path(self, relative: str) -> str:
        return os.path.join(self._root, *relative.split("/")) if relative else self._root

    def _error(self, path: str, error: OSError) -> ReadError:
        self.yielded += 1
        return ReadError(path, f"cannot read: {error.strerror or type(error).__name__}")


def _read_text_head(path: str) -> str:
    with open(path, "rb") as handle:
        return handle.read(MAX_GITIGNORE_BYTES).decode("utf-8", "replace")


def _kind(entry: os.DirEntry[str]) -> str | None:
    """ "directory" (not through a link), "file" (a regular one, or a link to one), or None.

    FIFOs, sockets and devices found in a directory are skipped (opening a FIFO waits
    forever for a writer; named on the command line one is read: `<(cat x.eml)` is
    one), and so are links to directories. A broken link is kept: reading it says so.
    Raises OSError when the entry cannot be looked at.
    """
    if entry.is_dir(follow_symlinks=False):
        return "directory"
    if entry.is_file():
        return "file"
    return "file" if entry.is_symlink() and not os.path.exists(entry.path) else None


def _is_file(entry: os.DirEntry[str], identity: tuple[int, int] | None) -> bool:
    """Whether `entry` is the file of that (device, inode), itself or through a link."""
    if identity is None:
        return False
    try:
        if entry.is_symlink():
            status = entry.stat()
        elif entry.inode() == identity[1]:  # free from the directory listing; stat only on a match
            status = entry.stat(follow_symlinks=False)
        else:
            return False
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == identity


def _matches(relative: str, name: str, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in globs)
