"""Every file of the shared real-mail corpus reads without raising.

The corpus (../shared/corpora/real-mail, ~1,190 third-party test messages, 24 MB) is
full of broken MIME on purpose; the reader must turn each file into drafts or one-line
errors. The files are read once per session and shared by the tests below.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tglint.draft import Draft, ReadError
from tglint.reading import discover, read_path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real-mail"

# Messages per mbox file. mailbox.mbox counts 2 in mailbox_01.mbox and 3 in
# unmunged.mbox.txt because it also splits at "From " lines inside bodies.
MBOX_MESSAGES = {
    "apache-james-mime4j/mbox/mbox.rlug": 5,
    "apache-spamassassin/nice.mbox": 3,
    "cpython/mailbox_01.mbox": 1,
    "jstedfast-mimekit/mbox/content-length.mbox.txt": 29,
    "jstedfast-mimekit/mbox/issue1189.mbox.txt": 4,
    "jstedfast-mimekit/mbox/simple.mbox.txt": 3,
    "jstedfast-mimekit/mbox/unmunged.mbox.txt": 2,
}

Results = dict[str, list[Draft | ReadError]]


@dataclass(frozen=True)
class Walk:
    results: Results
    seconds: float


@pytest.fixture(scope="module")
def walk() -> Walk:
    if not CORPUS.is_dir():
        pytest.skip(f"real-mail corpus not found at {CORPUS}")
    results: Results = {}
    started = time.perf_counter()
    for path in discover([str(CORPUS)]):
        relative = Path(path).relative_to(CORPUS).as_posix()
        try:
            results[relative] = read_path(path)
        except Exception as error:  # the test names the file instead
            pytest.fail(f"{relative}: read_path raised {type(error).__name__}: {error}")
    return Walk(results, time.perf_counter() - started)


@pytest.fixture(scope="module")
def corpus_results(walk: Walk) -> Results:
    return walk.results


def test_every_file_gives_drafts_or_errors(corpus_results: Results) -> None:
    failures = [
        relative
        for relative, results in corpus_results.items()
        if not results or not all(isinstance(result, (Draft, ReadError)) for result in results)
    ]
    assert len(corpus_results) > 1000
    assert failures == []


def test_errors_are_one_line(corpus_results: Results) -> None:
    multi_line = [
        relative
        for relative, results in corpus_results.items()
        for result in results
        if isinstance(result, ReadError) and ("\n" in result.message or not result.message)
    ]
    assert multi_line == []


def test_nearly_every_file_gives_a_draft(corpus_results: Results) -> None:
    without_draft = sorted(
        relative
        for relative, results in corpus_results.items()
        if not any(isinstance(result, Draft) for result in results)
    )
    assert len(without_draft) <= 0.05 * len(corpus_results), without_draft


def test_mbox_files_give_one_draft_per_message(corpus_results: Results) -> None:
    counts = {relative: len(corpus_results.get(relative, [])) for relative in MBOX_MESSAGES}
    assert counts == MBOX_MESSAGES
    for relative, expected in MBOX_MESSAGES.items():
        paths = [result.path for result in corpus_results[relative]]
        assert paths == [f"{CORPUS / relative}#{number}" for number in range(1, expected + 1)]


def test_reading_the_corpus_is_fast(walk: Walk) -> None:
    assert walk.seconds < 30
