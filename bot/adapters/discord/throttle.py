"""Per-fan rate limits: discord.py's token buckets, kept in a map that stays cheap under load.

discord.py's cooldown mappings (`app_commands.checks.cooldown`, `commands.CooldownMapping`)
look at every fan's bucket on every call, to forget the idle ones, so each interaction costs
time in proportion to how many fans asked within the window: half a millisecond at 6,000 fans
(`python -m bench.e2e --profile`), more than the engine's answer. `Throttle` uses the same
`Cooldown` buckets and raises the same `CommandOnCooldown`, but forgets idle fans at most once
a window, which costs the same in total and nothing on most calls.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands

T = TypeVar("T")


class Throttle:
    """`rate` uses per fan in any `per` seconds; each fan has a bucket of their own."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._buckets: dict[int, app_commands.Cooldown] = {}
        self._swept = 0.0

    def __len__(self) -> int:
        """How many fans have a bucket (for tests and curious operators)."""
        return len(self._buckets)

    def bucket(self, user_id: int, now: float) -> app_commands.Cooldown:
        """The fan's bucket, made on first use; idle buckets are forgotten once a window."""
        if now - self._swept >= self.per:
            self._buckets = {
                key: bucket
                for key, bucket in self._buckets.items()
                if bucket.get_tokens(now) < bucket.rate  # used within the window
            }
            self._swept = now
        found = self._buckets.get(user_id)
        if found is None:
            found = self._buckets[user_id] = app_commands.Cooldown(self.rate, self.per)
        return found

    def hit(self, user_id: int, now: float | None = None) -> float | None:
        """Count one use: None if allowed, else the seconds until the fan may go on."""
        now = time.time() if now is None else now
        return self.bucket(user_id, now).update_rate_limit(now)

    def check(self) -> Callable[[T], T]:
        """An app-command check on the invoking user, shared by every command it decorates."""

        async def predicate(interaction: discord.Interaction) -> bool:
            now = interaction.created_at.timestamp()
            bucket = self.bucket(interaction.user.id, now)
            retry_after = bucket.update_rate_limit(now)
            if retry_after is not None:
                raise app_commands.CommandOnCooldown(bucket, retry_after)
            return True

        return app_commands.check(predicate)
