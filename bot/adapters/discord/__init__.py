"""The Discord front end: slash commands and @mention answers over the platform-free core.

`run` and `sync` are imported lazily so that `somos-bot` without a token never imports discord.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.adapters.discord.runner import run, sync

__all__ = ["run", "sync"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bot.adapters.discord import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
