"""Answers to @mentions: only real mentions of the bot, never pinging anyone back."""

from __future__ import annotations

import pytest

from bot.adapters.discord.cogs.fans import question_text
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import BOT_USER_ID, message_create
from tests.support.discord_spec import (
    assert_valid_embeds,
)


async def test_mention_is_answered_with_an_embed_reply(harness: Harness) -> None:
    body = await harness.mention_reply(f"<@{BOT_USER_ID}> who plays Doña Chayo?")
    assert_valid_embeds(body["embeds"])
    assert "Mercedes" in body["embeds"][0]["title"]
    assert body["components"][0]["components"][0]["custom_id"].startswith("somos:report:")


async def test_nickname_mention_form_is_stripped(harness: Harness) -> None:
    (sent,) = await harness.message(
        message_create(f"<@!{BOT_USER_ID}> zzqx blorp", mentions=[BOT_USER_ID])
    )
    assert "<@" not in sent.payload["embeds"][0]["description"]  # type: ignore[index,call-overload]
    assert [g.example for g in harness.storage.top_gaps(3)] == ["zzqx blorp"]


async def test_everyone_other_users_and_bots_are_ignored(harness: Harness) -> None:
    assert await harness.message(message_create("@everyone who is Chayo?", mentions=[])) == []
    assert (
        await harness.message(
            message_create("<@123456789012345678> hi", mentions=["123456789012345678"])
        )
        == []
    )
    bot_author = message_create(f"<@{BOT_USER_ID}> hi", mentions=[BOT_USER_ID], author_bot=True)
    assert await harness.message(bot_author) == []


@pytest.mark.parametrize(
    ("content", "question"),
    [
        ("<@123> who plays Chayo?", "who plays Chayo?"),
        ("<@!123>who plays Chayo? @everyone", "who plays Chayo?"),
        ("@here <@&55> <#77> quien es chema", "quien es chema"),
        ("email me@everyone.example", "email me@everyone.example"),
    ],
)
def test_mention_markup_is_not_part_of_the_question(content: str, question: str) -> None:
    assert question_text(content) == question
