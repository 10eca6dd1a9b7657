"""The command tree's single place for errors: a short private message and a logged traceback.

Whatever goes wrong inside a command, the fan gets a polite, translated line only they can see
(never a silent "The application did not respond"), and the operator gets the traceback.
"""

from __future__ import annotations

import logging
import math

import discord
from discord import app_commands

from bot.adapters.discord import limits
from bot.adapters.discord.translator import language_of
from bot.core.i18n import t

log = logging.getLogger(__name__)


def error_message(interaction: discord.Interaction, error: app_commands.AppCommandError) -> str:
    """The private line to show for `error`, in the fan's language."""
    language = language_of(interaction.locale)
    if isinstance(error, app_commands.CommandOnCooldown):
        return t("discord.error.cooldown", language, seconds=max(1, math.ceil(error.retry_after)))
    if isinstance(error, app_commands.MissingPermissions):
        return t("discord.error.no_permission", language)
    if isinstance(error, app_commands.NoPrivateMessage):
        return t("discord.error.guild_only", language)
    return t("discord.error.generic", language)


async def send_private(interaction: discord.Interaction, text: str) -> None:
    """Reply only to the user, whether or not the interaction was already answered."""
    text = limits.shorten(text, limits.MESSAGE_CONTENT)
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=limits.no_mentions())
    else:
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=limits.no_mentions()
        )


class SomosTree(app_commands.CommandTree[discord.Client]):
    """A `CommandTree` whose `on_error` answers the user instead of leaving them hanging."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Expected refusals are answered quietly; anything else is also logged with traceback."""
        expected = (
            app_commands.CommandOnCooldown,
            app_commands.MissingPermissions,
            app_commands.NoPrivateMessage,
        )
        if not isinstance(error, expected):
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("Command %r failed", command, exc_info=error)
        if interaction.type is discord.InteractionType.autocomplete:
            return  # an autocomplete cannot be answered with a message
        try:
            await send_private(interaction, error_message(interaction, error))
        except discord.HTTPException:
            log.exception("Could not tell the user about an error")
