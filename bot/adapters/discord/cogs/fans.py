"""What fans ask: one slash command per topic, free questions, and answers to @mentions.

Each command is a thin adapter: read the locale, ask the engine, render the `Answer`, attach the
report button. Questions the bot could not answer are recorded as gaps for the moderators.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord import limits
from bot.adapters.discord.render import render_embed
from bot.adapters.discord.report import ReportButton, report_view
from bot.adapters.discord.throttle import Throttle
from bot.adapters.discord.translator import describe, language_of
from bot.core.answering.answer import Answer, Language, Topic
from bot.storage import StorageError

if TYPE_CHECKING:
    from bot.adapters.discord.client import SomosBot
    from bot.adapters.discord.ports import EngineLike

log = logging.getLogger(__name__)

COOLDOWN_RATE = 5
COOLDOWN_SECONDS = 30.0
"""Each fan may ask this many times in this many seconds, across all commands."""

per_user_cooldown = Throttle(COOLDOWN_RATE, COOLDOWN_SECONDS).check()

AUTOCOMPLETE_RATE = 20
AUTOCOMPLETE_SECONDS = 10.0
"""Keystrokes a fan's autocomplete is served for in this many seconds; more get no choices."""


MENTION_SYNTAX = re.compile(r"<(?:@[!&]?|#)\d+>|(?<!\w)@(?:everyone|here)\b")
"""User, role and channel mentions, @everyone and @here: Discord markup, not words of a question."""


def question_text(content: str) -> str:
    """A fan's message as a question: mention markup removed (the bot's own mention included)."""
    return " ".join(MENTION_SYNTAX.sub(" ", content).split())


class Fans(commands.Cog):
    """The commands every member can use."""

    def __init__(self, bot: SomosBot) -> None:
        self.bot = bot
        # Autocomplete and mentions are not commands, so the command cooldown does not cover
        # them; these throttle one flooding user without slowing anyone else.
        self.keystrokes = Throttle(AUTOCOMPLETE_RATE, AUTOCOMPLETE_SECONDS)
        self.mentions = Throttle(COOLDOWN_RATE, COOLDOWN_SECONDS)

    @property
    def engine(self) -> EngineLike:
        """The current engine: read on every question, so a reload takes effect at once."""
        return self.bot.knowledge.engine

    async def reply(self, interaction: discord.Interaction, answer: Answer) -> None:
        """Send `answer` as an embed with the report button, then record it if unanswered."""
        await interaction.response.send_message(
            embed=render_embed(answer),
            view=report_view(answer.query, answer.language),
            allowed_mentions=limits.no_mentions(),
        )
        await self.record_gap(answer)

    async def record_gap(self, answer: Answer) -> None:
        """Remember an unanswered question; a broken database must not stop the answers."""
        if answer.answered:
            return
        try:
            await asyncio.to_thread(self.bot.storage.record_gap, answer.query)
        except StorageError:
            log.warning("Could not record an unanswered question", exc_info=True)

    async def topic(
        self, interaction: discord.Interaction, topic: Topic, argument: str | None = None
    ) -> None:
        """Answer one of the topic commands."""
        language = language_of(interaction.locale)
        await self.reply(interaction, self.engine.command(topic, argument, language))

    async def complete(
        self, interaction: discord.Interaction, topic: Topic, current: str
    ) -> list[app_commands.Choice[str]]:
        """Ranked choices within Discord's limits; never raises (Discord would show nothing)."""
        if self.keystrokes.hit(interaction.user.id) is not None:
            return []  # throttled: costs no matching work
        try:
            matches = self.engine.complete(topic, current, limit=limits.AUTOCOMPLETE_CHOICES)
        except Exception:
            log.exception("Autocomplete failed for %s %r", topic, current)
            return []
        choices: list[app_commands.Choice[str]] = []
        for match in matches:
            name = limits.shorten(match.name.strip(), limits.CHOICE_NAME_MAX)
            # The value is what the command receives: the full name, or the id if it is too long.
            value = match.name if len(match.name) <= limits.CHOICE_VALUE_MAX else match.id
            value = value[: limits.CHOICE_VALUE_MAX]
            if name and value and all(choice.value != value for choice in choices):
                choices.append(app_commands.Choice(name=name, value=value))
        return choices[: limits.AUTOCOMPLETE_CHOICES]

    @app_commands.command(name="cast", description=describe("cmd.cast"))
    @app_commands.describe(name=describe("cmd.cast.name"))
    @per_user_cooldown
    async def cast(self, interaction: discord.Interaction, name: str | None = None) -> None:
        """Answer /cast [name]."""
        await self.topic(interaction, Topic.CAST, name)

    @cast.autocomplete("name")
    async def cast_names(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Actors and characters matching what the fan typed so far."""
        return await self.complete(interaction, Topic.CAST, current)

    @app_commands.command(name="episode", description=describe("cmd.episode"))
    @app_commands.describe(which=describe("cmd.episode.which"))
    @per_user_cooldown
    async def episode(self, interaction: discord.Interaction, which: str | None = None) -> None:
        """Answer /episode [which]."""
        await self.topic(interaction, Topic.EPISODE, which)

    @episode.autocomplete("which")
    async def episode_names(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Episodes matching the number or title typed so far."""
        return await self.complete(interaction, Topic.EPISODE, current)

    @app_commands.command(name="creators", description=describe("cmd.creators"))
    @per_user_cooldown
    async def creators(self, interaction: discord.Interaction) -> None:
        """Answer /creators."""
        await self.topic(interaction, Topic.CREATORS)

    @app_commands.command(name="season2", description=describe("cmd.season2"))
    @per_user_cooldown
    async def season2(self, interaction: discord.Interaction) -> None:
        """Answer /season2."""
        await self.topic(interaction, Topic.SEASON2)

    @app_commands.command(name="about", description=describe("cmd.about"))
    @per_user_cooldown
    async def about(self, interaction: discord.Interaction) -> None:
        """Answer /about."""
        await self.topic(interaction, Topic.SHOW)

    @app_commands.command(name="sources", description=describe("cmd.sources"))
    @per_user_cooldown
    async def sources(self, interaction: discord.Interaction) -> None:
        """Answer /sources."""
        await self.topic(interaction, Topic.SOURCES)

    @app_commands.command(name="help", description=describe("cmd.help"))
    @per_user_cooldown
    async def help(self, interaction: discord.Interaction) -> None:
        """Answer /help."""
        await self.topic(interaction, Topic.HELP)

    @app_commands.command(name="ask", description=describe("cmd.ask"))
    @app_commands.describe(question=describe("cmd.ask.question"))
    @per_user_cooldown
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        """/ask question: a Spanish client gets Spanish; otherwise the core reads the question."""
        language = language_of(interaction.locale)
        answer = self.engine.ask(
            question_text(question), language if language is not Language.EN else None
        )
        await self.reply(interaction, answer)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that @mentions the bot.

        Works without the privileged message-content intent: Discord still sends the content of
        messages that mention the bot. @everyone/@here are not a mention of the bot.
        """
        me = self.bot.user
        if me is None or message.author.bot or me.id not in message.raw_mentions:
            return
        if self.mentions.hit(message.author.id) is not None:
            log.debug("Ignoring a mention from %s: asking too fast", message.author.id)
            return  # a reply to each message of a flood would only add to it
        answer = self.engine.ask(question_text(message.content))
        try:
            await message.reply(
                embed=render_embed(answer),
                view=report_view(answer.query, answer.language),
                mention_author=False,
                allowed_mentions=limits.no_mentions(),
            )
        except discord.HTTPException:
            log.warning("Could not answer a mention in channel %s", message.channel.id)
            return
        await self.record_gap(answer)


async def setup(bot: SomosBot) -> None:
    """Extension entry point: add the cog and make report buttons survive restarts."""
    bot.add_dynamic_items(ReportButton)
    await bot.add_cog(Fans(bot))
