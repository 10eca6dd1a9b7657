"""Editing a copy of the knowledge the way a moderator would, for tests of bad edits."""

from __future__ import annotations

from pathlib import Path


def replace_outside_comments(path: Path, old: str, new: str) -> int:
    """Replace the first `old` that is not in a comment; return the line number where it was.

    The knowledge files open with commented examples, which an edit must not touch.
    """
    text = path.read_text(encoding="utf-8")
    start = 0
    while (found := text.find(old, start)) != -1:
        line_start = text.rfind("\n", 0, found) + 1
        if not text[line_start:found].lstrip().startswith("#"):
            path.write_text(text[:found] + new + text[found + len(old) :], encoding="utf-8")
            return text.count("\n", 0, found) + 1
        start = found + 1
    raise AssertionError(f"{old!r} is not in {path.name} outside comments")
