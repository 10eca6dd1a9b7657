"""A short soak of mixed traffic through the local Discord (the long one is `bench/soak.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.fake import local_discord, running_somos, settings_for
from tests.hardening.soak import run_soak

ROUNDS = 10
TRACE_FROM = 3
"""Rounds of warm-up before memory is traced: discord.py's, yarl's and jsonschema's bounded
caches fill up in them."""

GROWTH_BUDGET = 750_000
"""Bytes the bot may keep over the 7 traced rounds (~100 interactions). Bounded caches still
settling account for about a third of it; keeping one answer (a few kilobytes) per interaction
would exceed it."""


@pytest.mark.e2e
async def test_a_short_soak_loses_no_answer_and_holds_memory_flat(tmp_path: Path) -> None:
    async with local_discord() as fake, running_somos(fake, settings_for(fake, tmp_path)) as somos:
        result = await run_soak(fake, somos, rounds=ROUNDS, trace_from=TRACE_FROM)
        somos.assert_alive()

    assert not result.lost, result.lost[:5]
    assert result.interactions >= ROUNDS * 12
    assert result.mentions == ROUNDS
    assert result.kinds["throttled"] > 0, "the flooding member was never throttled"
    assert result.kinds["answer"] > 2 * result.kinds["throttled"]
    assert result.growth() < GROWTH_BUDGET, [kb // 1000 for kb in result.memory]
