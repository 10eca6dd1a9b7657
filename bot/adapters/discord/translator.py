"""Spanish localizations of command descriptions, from the same messages as every reply.

Descriptions are written as `describe("cmd.cast")`: a `locale_str` whose text is the English
message and whose `key` extra names the message, so the translator finds the Spanish one in
`bot.core.i18n` and no description is written twice.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation, TranslationContextTypes, locale_str

from bot.adapters.discord import limits
from bot.core.answering.answer import Language
from bot.core.i18n import MESSAGES, t

LOCALE_LANGUAGES: dict[discord.Locale, Language] = {
    discord.Locale.spain_spanish: Language.ES,
    discord.Locale.latin_american_spanish: Language.ES,
}
"""Discord locales we reply in other than English."""

_TRANSLATED = {
    TranslationContextLocation.command_description,
    TranslationContextLocation.group_description,
    TranslationContextLocation.parameter_description,
}


def language_of(locale: discord.Locale | None) -> Language:
    """The reply language for a Discord locale: Spanish for es-ES and es-419, else English."""
    return LOCALE_LANGUAGES.get(locale, Language.EN) if locale is not None else Language.EN


def describe(key: str) -> locale_str:
    """A translatable description: the English message `key`, shortened to Discord's limit."""
    return locale_str(limits.shorten(t(key, Language.EN), limits.DESCRIPTION_MAX), key=key)


class SomosTranslator(app_commands.Translator):
    """Gives `tree.sync()` the Spanish descriptions for es-ES and es-419."""

    async def translate(
        self, string: locale_str, locale: discord.Locale, context: TranslationContextTypes
    ) -> str | None:
        """The description in `locale`'s language, or None to keep the English text."""
        key = string.extras.get("key")
        language = LOCALE_LANGUAGES.get(locale)
        if context.location not in _TRANSLATED or language is None or key not in MESSAGES:
            return None
        return limits.shorten(t(key, language), limits.DESCRIPTION_MAX)
