"""--fix and --diff: edits land where the reader says, on every alternative, and files are handled safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from tglint.cli import main

# Every character Python's str.splitlines() breaks at, besides LF: only CR and CRLF end a
# line for tglint (and for mail clients and editors).
SPLITLINES_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\r\n"]


def _name(separator: str) -> str:
    return "+".join(f"U+{ord(char):04X}" for char in separator)


@pytest.mark.parametrize("separator", SPLITLINES_BREAKS, ids=_name)
def test_fix_lands_where_the_reader_located_it(
    separator: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (
        "To: support@telegram.org\nSubject: [Login Issue] - cannot log in\n\n"
        f"Hello,{separator}this is my account.\nThe number 13800138000{separator}is mine.\n"
        f"Sorry{separator}again.\nMy password is Tr0ub4dor&3xQ ok.\nBye{separator}now.\n"
    )
    target = tmp_path / "draft.txt"
    target.write_bytes(original.encode("utf-8"))
    code = main(["--fix", "--region", "CN", "--select", "TG401", "--select", "TG501", str(target)])
    captured = capsys.readouterr()
    expected = original.replace("13800138000", "+86 138 0013 8000").replace("Tr0ub4dor&3xQ", "********")
    assert target.read_bytes() == expected.encode("utf-8")
    assert code == 0 and "Fixed 2 finding(s) in 1 file(s)." in captured.err
