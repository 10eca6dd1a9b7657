"""The "Report a mistake" button under every answer, and the form it opens.

The button is a `DynamicItem`: its custom_id carries the question it was asked about, so it keeps
working after a restart without remembering anything per message. The form's text is stored with
the question and the answer's text for the moderators' `/kb reports`.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.adapters.discord import limits
from bot.adapters.discord.translator import language_of
from bot.core.answering.answer import Language
from bot.core.i18n import t
from bot.storage import Storage, StorageError

if TYPE_CHECKING:
    from bot.adapters.discord.client import SomosBot

log = logging.getLogger(__name__)

PREFIX = "somos:report:"

FORM_TIMEOUT = 15 * 60.0
"""A form left open longer than an interaction token lives (15 minutes) is forgotten."""

MAX_OPEN_FORMS = 500
"""Forms opened and not sent yet; past this the oldest is forgotten, so clicks cannot pile up."""

_open_forms: OrderedDict[int, ReportModal] = OrderedDict()


class ReportModal(discord.ui.Modal):
    """A form asking what is wrong with one answer."""

    def __init__(
        self, storage: Storage, question: str, answer_text: str, language: Language
    ) -> None:
        super().__init__(
            title=limits.shorten(t("discord.report.title", language), limits.MODAL_TITLE),
            timeout=FORM_TIMEOUT,
        )
        _open_forms[id(self)] = self
        while len(_open_forms) > MAX_OPEN_FORMS:
            _, oldest = _open_forms.popitem(last=False)
            oldest.stop()  # also removes it from discord.py's store of open forms
        self.storage = storage
        self.question = question
        self.answer_text = answer_text
        self.report: discord.ui.TextInput[ReportModal] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph,
            placeholder=limits.shorten(
                t("discord.report.placeholder", language), limits.TEXT_INPUT_PLACEHOLDER
            ),
            max_length=limits.TEXT_INPUT_MAX,
            custom_id="somos:report:text",
        )
        self.add_item(
            discord.ui.Label(
                text=limits.shorten(t("discord.report.label", language), limits.LABEL_TEXT),
                component=self.report,
            )
        )

    def stop(self) -> None:
        """Forget the form: sent, timed out, or pushed out by newer ones."""
        _open_forms.pop(id(self), None)
        super().stop()

    async def on_timeout(self) -> None:
        _open_forms.pop(id(self), None)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Store the report off the event loop, then thank the fan (or say it failed)."""
        language = language_of(interaction.locale)
        try:
            await asyncio.to_thread(
                self.storage.add_report,
                interaction.user.id,
                self.question,
                self.answer_text,
                self.report.value,
            )
        except StorageError:
            log.exception("Could not store a report")
            text = t("discord.report.failed", language)
        else:
            text = t("discord.report.thanks", language)
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=limits.no_mentions()
        )

    async def on_error(  # type: ignore[override]  # Modal's own signature has no item
        self, interaction: discord.Interaction, error: Exception, /
    ) -> None:
        """Log and answer privately, never leave the form hanging."""
        log.error("Report form failed", exc_info=error)
        if not interaction.response.is_done():
            await interaction.response.send_message(
                t("discord.error.generic", language_of(interaction.locale)),
                ephemeral=True,
                allowed_mentions=limits.no_mentions(),
            )


class ReportButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=re.compile(re.escape(PREFIX) + r"(?P<question>.*)", re.DOTALL),
):
    """A persistent button whose custom_id remembers the (shortened) question."""

    def __init__(self, question: str, language: Language = Language.EN) -> None:
        self.question = question
        custom_id = PREFIX + question[: limits.CUSTOM_ID - len(PREFIX)]
        super().__init__(
            discord.ui.Button(
                label=t("label.report", language),
                style=discord.ButtonStyle.secondary,
                emoji="\N{WARNING SIGN}",
                custom_id=custom_id,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ReportButton:
        """Rebuild the button from a click, even one on a message sent before a restart."""
        return cls(match["question"], language_of(interaction.locale))

    async def callback(self, interaction: discord.Interaction) -> None:
        """Open the form; the answer's text comes from the message the button sits under."""
        message = interaction.message
        embeds = message.embeds if message is not None else []
        answer_text = (embeds[0].description or "") if embeds else ""
        storage = cast("SomosBot", interaction.client).storage
        await interaction.response.send_modal(
            ReportModal(storage, self.question, answer_text, language_of(interaction.locale))
        )


def report_view(question: str, language: Language) -> discord.ui.View:
    """The view to attach under an answer: just the report button, never timing out."""
    view = discord.ui.View(timeout=None)
    view.add_item(ReportButton(question, language))
    return view
