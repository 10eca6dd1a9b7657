"""What the Discord adapter needs from the core, as protocols.

The cogs depend on these shapes rather than on `Engine`/`LiveKnowledge` directly, so tests can
drive the real discord.py machinery with a small stand-in and the core can change its internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.core.answering.answer import Answer, Language, Match, Topic


class EngineLike(Protocol):
    """`bot.core.answering.engine.Engine` as the adapter uses it."""

    def ask(self, text: str, language: Language | None = None) -> Answer:
        """An answer to free text or a "/cast doña chayo"-style command."""

    def command(
        self, topic: Topic, argument: str | None = None, language: Language = Language.EN
    ) -> Answer:
        """An answer to a slash command about `topic`."""

    def complete(self, topic: Topic, partial: str, limit: int = 25) -> list[Match]:
        """Ranked autocomplete candidates."""


class ReloadResultLike(Protocol):
    """The outcome of one reload: `errors` read `file:line: path: reason`."""

    @property
    def ok(self) -> bool:
        """Whether the new knowledge is now served."""

    @property
    def errors(self) -> Sequence[object]:
        """Every problem found, each `file:line: path: reason`."""

    @property
    def summary(self) -> str:
        """A one-line count of what is loaded."""


class KnowledgeLike(Protocol):
    """`bot.core.live.LiveKnowledge`: the current engine, swapped atomically on reload."""

    @property
    def engine(self) -> EngineLike:
        """The engine of the last good knowledge."""

    @property
    def loaded_at(self) -> datetime:
        """When the served knowledge was loaded."""

    @property
    def last_error(self) -> Sequence[object]:
        """The errors of the last failed reload, empty after a good one."""

    @property
    def summary(self) -> str:
        """A one-line count of what is loaded."""

    def reload(self) -> ReloadResultLike:
        """Validate and load now, keeping the last good knowledge on errors."""

    async def watch(self, interval: float) -> None:
        """Reload whenever the files change, every `interval` seconds, forever."""
