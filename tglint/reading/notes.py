"""What reading says about a file besides its drafts: the notes a limit adds, and errors that
never quote the draft (README.md, "Errors and notes")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tglint.draft import Draft, ReadError
from tglint.limits import Limits

ReadResult = list[Draft | ReadError]


PARTIAL_NOTE = "not fully read: "


def is_partial(draft: Draft) -> bool:
    """Whether a limit kept part of the draft from being read."""
    return any(note.startswith(PARTIAL_NOTE) for note in draft.notes)


def partial_note(what: str, key: str | None) -> str:
    """A note that something was not read; `key` names the limit a user can raise."""
    return f"{PARTIAL_NOTE}{what} ({key})" if key else f"{PARTIAL_NOTE}{what}"


Reader = Callable[[bytes, str, Limits, list[str]], Draft]


def guarded(reader: Reader, data: bytes, path: str, limits: Limits, notes: Sequence[str] = ()) -> Draft | ReadError:
    """Run one message's reader; whatever goes wrong becomes a one-line ReadError."""
    try:
        return reader(data, path, limits, list(notes))
    except Exception as error:
        return ReadError(path, f"cannot read this message: {one_line(error)}")


def one_line(error: BaseException) -> str:
    """What went wrong, by the exception's type: its text may quote the draft."""
    if isinstance(error, RecursionError):
        return "structure nested too deeply (RecursionError)"
    if isinstance(error, MemoryError):
        return "out of memory (MemoryError)"
    return f"unexpected {type(error).__name__}"


# A multipart that ends before its closing boundary was cut off in transit or on disk:
# an error for the file (exit 2), while what was read is still checked and reported.
TRUNCATED = "truncated: a multipart part has no closing boundary; what was read is still checked"


# The same when tglint's own line limit made the cut: the limit's note says it already.
TRUNCATED_BY_LIMIT = "a multipart part was cut before its closing boundary by the line limit"


def header_cut_note(name: str, limit: int) -> str:
    what = f"the {name[:40]} header is longer than {limit:,} characters; the rest is ignored"
    return partial_note(what, "max-header-length")
