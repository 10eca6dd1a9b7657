"""Render an `Answer` as plain text for a terminal."""

from __future__ import annotations

import textwrap

from bot.core.answering.answer import Answer
from bot.core.i18n import t


def render_text(answer: Answer, *, width: int = 88) -> str:
    """The answer, its numbered sources and its caveat, readable in a terminal."""
    lines = [answer.title, "=" * min(len(answer.title), width)]
    if answer.notice:
        lines.append(f"({answer.notice})")
    for line in answer.text.splitlines():
        indent = len(line) - len(line.lstrip())
        lines.extend(textwrap.wrap(line, width, subsequent_indent=" " * (indent + 2)) or [""])
    if answer.sources:
        lines += ["", f"{t('label.sources', answer.language)}:"]
        lines += [f"  [{s.number}] {s.title} ({s.date_text})" for s in answer.sources]
    # The caveat names its own level ("Confidence medium: ..."), so it needs no label.
    lines += ["", *textwrap.wrap(answer.caveat, width)]
    return "\n".join(lines)
