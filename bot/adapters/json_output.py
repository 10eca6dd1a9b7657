"""Render an `Answer` as JSON for scripts and moderators' batch checks."""

from __future__ import annotations

from bot.core.answering.answer import Answer


def render_json(answer: Answer) -> str:
    """One line of JSON with every field of the answer."""
    return answer.model_dump_json()
