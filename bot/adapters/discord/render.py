"""Turn the core's `Answer` into a Discord embed that always fits Discord's limits.

The core writes plain text, so everything shown where Discord renders markdown is escaped: a
fan's question echoed back ("I can't answer “*lol* @everyone”") must show as typed and never ping.
Nothing here raises for a long answer: text is shortened on word boundaries instead.
"""

from __future__ import annotations

import re

import discord

from bot.adapters.discord import limits
from bot.core.answering.answer import Answer, Confidence
from bot.core.i18n import t

COLOURS: dict[Confidence, discord.Colour] = {
    Confidence.HIGH: discord.Colour.green(),
    Confidence.MEDIUM: discord.Colour.gold(),
    Confidence.LOW: discord.Colour.orange(),
    Confidence.NONE: discord.Colour.light_grey(),
}
"""Colour tells at a glance how far to trust an answer."""

MAX_SUGGESTIONS = 10


_MASKED_LINK = re.compile(r"\]\(")
_MARKUP = re.compile(r"([\\*_~|`])")
_LINE_MARKUP = re.compile(r"^(\s*)([>#-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)\.(?=\s)", re.MULTILINE)


def plain(text: str) -> str:
    """Show `text` literally where Discord renders markdown, and never as a mention.

    Stricter than `discord.utils.escape_markdown`, which leaves a lone `*` unescaped (it can pair
    with a `*` elsewhere in the embed) and skips markup inside link-like text such as `[x](a*b)`:
    every markup character is escaped, line-start markup too, and a zero-width space breaks
    every `](` so no masked link can form (the trick `escape_mentions` uses for `@everyone`).
    """
    escaped = _MARKUP.sub(r"\\\1", _MASKED_LINK.sub("]\u200b(", text))
    escaped = _NUMBERED.sub(r"\1\\.", _LINE_MARKUP.sub(r"\1\\\2", escaped))
    return discord.utils.escape_mentions(escaped)


def render_embed(answer: Answer) -> discord.Embed:
    """The embed for `answer`: title, text, numbered sources, "did you mean", caveat as footer."""
    language = answer.language
    description = plain(answer.text)
    if answer.notice:
        description = f"*{plain(answer.notice)}*\n\n{description}"
    embed = discord.Embed(
        title=limits.shorten(plain(answer.title), limits.EMBED_TITLE),
        description=limits.shorten(description, limits.EMBED_DESCRIPTION),
        colour=COLOURS[answer.confidence],
    )
    if answer.suggestions:
        names = [plain(match.name) for match in answer.suggestions[:MAX_SUGGESTIONS]]
        embed.add_field(
            name=t("label.did_you_mean", language) + t("label.did_you_mean_end", language),
            value=limits.shorten_lines(names, limits.EMBED_FIELD_VALUE, separator=", "),
            inline=False,
        )
    if answer.sources:
        lines = [
            f"[{source.number}] {plain(source.title)} ({plain(source.date_text)})"
            for source in answer.sources
        ]
        embed.add_field(
            name=t("label.sources", language),
            value=limits.shorten_lines(lines, limits.EMBED_FIELD_VALUE),
            inline=False,
        )
    if answer.caveat:
        # Footers do not render markdown: the caveat is shown as written.
        embed.set_footer(text=limits.shorten(answer.caveat, limits.EMBED_FOOTER))
    return fit_total(embed)


def fit_total(embed: discord.Embed, budget: int = limits.EMBEDS_TOTAL) -> discord.Embed:
    """Shorten the description, then the footer, until all the embed's text fits in `budget`."""
    excess = len(embed) - budget
    if excess > 0 and embed.description:
        keep = max(len(embed.description) - excess, 0)
        embed.description = limits.shorten(embed.description, keep) or None
        excess = len(embed) - budget
    if excess > 0 and embed.footer.text:
        keep = max(len(embed.footer.text) - excess, 0)
        embed.set_footer(text=limits.shorten(embed.footer.text, keep) or None)
    return embed
