"""The "Report a mistake" button under an answer, the form it opens, and the stored report."""

from __future__ import annotations

import pytest
from fakediscord import FakeDiscord
from somos import RunningSomos

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
MODAL, CHANNEL_MESSAGE = 9, 4


async def test_report_button_opens_a_form_and_stores_the_report(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    answer = await fake_discord.command("cast", {"name": "Doña Chayo"})
    embed = (await answer.reply())["embeds"][0]

    click = await answer.click("Report a mistake")
    form = await click.response()
    assert form["type"] == MODAL
    assert form["data"]["title"] == "Report a mistake"

    report = "The actress's name is spelled wrong <@123> @everyone 🌵"
    submit = await click.submit_modal({"somos:report:text": report})
    thanks = await submit.reply()
    assert thanks["flags"] & EPHEMERAL and thanks["content"]

    [stored] = somos.storage.latest_reports()
    assert stored.report_text == report
    assert stored.question == "/cast Doña Chayo"
    assert stored.answer_text == embed["description"]
    assert stored.user_id == fake_discord.fan.id
    somos.assert_alive()


async def test_report_button_of_an_answer_sent_before_a_restart_still_works(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    """The button's custom_id carries the question, so any old message's button opens the form."""
    old_message = {
        "id": "1",
        "channel_id": str(fake_discord.guild.channel.id),
        "author": fake_discord.bot_user.payload(),
        "content": "",
        "timestamp": "2026-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [{"type": "rich", "title": "Old", "description": "An old answer."}],
        "pinned": False,
        "type": 0,
        "flags": 0,
        "components": [
            {
                "type": 1,
                "components": [
                    {
                        "type": 2,
                        "style": 2,
                        "label": "Report a mistake",
                        "custom_id": "somos:report:/episode 3",
                    }
                ],
            }
        ],
    }
    click = await fake_discord.click(old_message, "Report a mistake")
    assert (await click.response())["type"] == MODAL
    await (await click.submit_modal({"somos:report:text": "wrong date"})).reply()
    [stored] = somos.storage.latest_reports()
    assert (stored.question, stored.answer_text) == ("/episode 3", "An old answer.")


async def test_an_empty_or_huge_report_is_still_answered(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    answer = await fake_discord.command("about")
    for text in ("", "x" * 4000):
        click = await answer.click("Report a mistake", user=fake_discord.new_member())
        reply = await (await click.submit_modal({"somos:report:text": text})).reply()
        assert reply["flags"] & EPHEMERAL
    assert len(somos.storage.latest_reports()) == 2
    somos.assert_alive()
