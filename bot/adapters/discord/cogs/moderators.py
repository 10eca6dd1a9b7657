"""What moderators manage: `/kb reload`, `/kb status`, `/kb gaps`, `/kb reports`.

Hidden by default from members without Manage Server (`default_permissions`), and checked again
at run time, because a server admin can override who sees the command. Replies are private.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord import limits
from bot.adapters.discord.render import plain
from bot.adapters.discord.translator import describe, language_of
from bot.core.i18n import t
from bot.storage import StorageError

if TYPE_CHECKING:
    from bot.adapters.discord.client import SomosBot

log = logging.getLogger(__name__)

LISTED = 10
"""How many gaps or reports one reply lists."""

moderator_only = app_commands.checks.has_permissions(manage_guild=True)
"""The run-time check behind `default_permissions`, which server admins may override."""


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Moderators(commands.GroupCog, group_name="kb", group_description=describe("cmd.kb")):
    """The `/kb` group."""

    def __init__(self, bot: SomosBot) -> None:
        self.bot = bot
        super().__init__()

    async def _private(
        self,
        interaction: discord.Interaction,
        text: str = "",
        *,
        embed: discord.Embed | None = None,
    ) -> None:
        """Follow up on the deferred answer privately, shortened to fit."""
        content = limits.shorten(text, limits.MESSAGE_CONTENT)
        if embed is not None:
            await interaction.followup.send(
                embed=embed, ephemeral=True, allowed_mentions=limits.no_mentions()
            )
        else:
            await interaction.followup.send(
                content, ephemeral=True, allowed_mentions=limits.no_mentions()
            )

    @app_commands.command(name="reload", description=describe("cmd.kb.reload"))
    @moderator_only
    async def reload(self, interaction: discord.Interaction) -> None:
        """Validate and reload now; on errors, list them and keep the last good knowledge."""
        await _acknowledge(interaction)
        language = language_of(interaction.locale)
        result = await asyncio.to_thread(self.bot.knowledge.reload)
        if result.ok:
            await self._private(
                interaction, t("discord.kb.reload_ok", language, summary=result.summary)
            )
            return
        header = t("discord.kb.reload_failed", language, count=len(result.errors))
        room = limits.MESSAGE_CONTENT - len(header) - len("\n```\n\n```")
        errors = limits.shorten_lines([str(error) for error in result.errors], room)
        errors = errors.replace("`", "'")  # keep the code block closed
        await self._private(interaction, f"{header}\n```\n{errors}\n```")

    @app_commands.command(name="status", description=describe("cmd.kb.status"))
    @moderator_only
    async def status(self, interaction: discord.Interaction) -> None:
        """What is loaded and since when, the last reload error, and the database's health."""
        await _acknowledge(interaction)
        language = language_of(interaction.locale)
        knowledge = self.bot.knowledge
        health = await asyncio.to_thread(self.bot.storage.health)
        last_error = "; ".join(str(error) for error in knowledge.last_error)
        embed = discord.Embed(title=t("discord.kb.status_title", language))
        fields = {
            "discord.kb.loaded_at": discord.utils.format_dt(knowledge.loaded_at, "R"),
            "discord.kb.summary": knowledge.summary,
            "discord.kb.last_error": last_error or t("discord.kb.none", language),
            "discord.kb.database": health,
        }
        for key, value in fields.items():
            embed.add_field(
                name=t(key, language),
                value=limits.shorten(
                    discord.utils.escape_markdown(value), limits.EMBED_FIELD_VALUE
                ),
                inline=False,
            )
        await self._private(interaction, embed=embed)

    @app_commands.command(name="gaps", description=describe("cmd.kb.gaps"))
    @moderator_only
    async def gaps(self, interaction: discord.Interaction) -> None:
        """The most asked questions the bot could not answer: what to add to the knowledge."""
        await _acknowledge(interaction)
        language = language_of(interaction.locale)
        try:
            gaps = await asyncio.to_thread(self.bot.storage.top_gaps, LISTED)
        except StorageError as error:
            await self._private(interaction, f"{t('discord.kb.database', language)}: {error}")
            return
        lines = [
            t("discord.kb.gap_line", language, count=g.count, question=_quote(g.example))
            for g in gaps
        ]
        title = f"**{t('discord.kb.gaps_title', language)}**\n"
        body = "\n".join(lines) if lines else t("discord.kb.no_gaps", language)
        await self._private(interaction, title + body)

    @app_commands.command(name="reports", description=describe("cmd.kb.reports"))
    @moderator_only
    async def reports(self, interaction: discord.Interaction) -> None:
        """The latest mistake reports, newest first."""
        await _acknowledge(interaction)
        language = language_of(interaction.locale)
        try:
            reports = await asyncio.to_thread(self.bot.storage.latest_reports, LISTED)
        except StorageError as error:
            await self._private(interaction, f"{t('discord.kb.database', language)}: {error}")
            return
        lines = [
            t(
                "discord.kb.report_line",
                language,
                id=r.id,
                when=discord.utils.format_dt(r.created_at, "R"),
                user=r.user_id,
                question=_quote(r.question, 100),
                report=_quote(r.report_text, 300),
            )
            for r in reports
        ]
        title = f"**{t('discord.kb.reports_title', language)}**\n"
        body = "\n".join(lines) if lines else t("discord.kb.no_reports", language)
        await self._private(interaction, title + body)


async def _acknowledge(interaction: discord.Interaction) -> None:
    """Acknowledge privately before any work, once the checks have passed.

    Files and the database can be slow, and Discord forgets an interaction not acknowledged
    within three seconds.
    """
    await interaction.response.defer(ephemeral=True, thinking=True)


def _quote(text: str, limit: int = 150) -> str:
    """Fans' text shown to moderators: one line, shortened, markdown and mentions escaped."""
    one_line = " ".join(text.split())
    return plain(limits.shorten(one_line, limit))


async def setup(bot: SomosBot) -> None:
    """Extension entry point."""
    await bot.add_cog(Moderators(bot))
