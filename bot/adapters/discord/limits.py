"""Discord's limits, in one place, and helpers that shorten text to fit them gracefully.

discord.py does not enforce most of these: a payload over a limit is refused by Discord with a
400 and the fan sees "The application did not respond". Every module that builds a payload takes
its numbers from here, so a limit Discord changes is changed once.
"""

from __future__ import annotations

import re
from typing import Final

import discord

# Embeds (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
EMBED_TITLE: Final = 256
EMBED_DESCRIPTION: Final = 4096
EMBED_FIELDS: Final = 25
EMBED_FIELD_NAME: Final = 256
EMBED_FIELD_VALUE: Final = 1024
EMBED_FOOTER: Final = 2048
EMBED_AUTHOR_NAME: Final = 256
EMBEDS_TOTAL: Final = 6000
"""All text of all embeds in one message together; stated in the docs only, not in the spec."""

# Messages
MESSAGE_CONTENT: Final = 2000
MESSAGE_EMBEDS: Final = 10

# Application commands
AUTOCOMPLETE_CHOICES: Final = 25
CHOICE_NAME_MIN: Final = 1
CHOICE_NAME_MAX: Final = 100
CHOICE_VALUE_MAX: Final = 100
COMMAND_NAME_PATTERN: Final = re.compile(r"^[-_\w]{1,32}$")
"""`^[-_\\p{L}\\p{N}]{1,32}$` as Python's `re` can say it; `_` is in `\\w`, and names must also
equal their lower-case form (see `is_valid_command_name`)."""
DESCRIPTION_MIN: Final = 1
DESCRIPTION_MAX: Final = 100

# Interactions
ACKNOWLEDGE_SECONDS: Final = 3.0
"""Discord forgets an interaction not acknowledged within this: defer before slow work."""

# Components and modals
CUSTOM_ID: Final = 100
MODAL_TITLE: Final = 45
LABEL_TEXT: Final = 45
TEXT_INPUT_PLACEHOLDER: Final = 100
TEXT_INPUT_MAX: Final = 4000

ELLIPSIS: Final = "…"


def is_valid_command_name(name: str) -> bool:
    """Whether `name` is a valid command or option name for a chat-input command."""
    return bool(COMMAND_NAME_PATTERN.fullmatch(name)) and name == name.lower()


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, on a word boundary when one is near, with "…".

    Never fails: a limit too small for anything but the ellipsis gives the ellipsis (or nothing).
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    room = limit - len(ELLIPSIS)
    cut = text[:room]
    space = cut.rfind(" ")
    if space >= room * 2 // 3:  # a word boundary that does not throw away too much
        cut = cut[:space]
    cut = cut.rstrip()
    cut = cut.rstrip("\\")  # never leave an escape that would swallow the ellipsis
    return cut + ELLIPSIS


def shorten_lines(lines: list[str], limit: int, separator: str = "\n") -> str:
    """Join whole `lines` while they fit in `limit`, ending with "…" when some were left out."""
    joined = separator.join(lines)
    if len(joined) <= limit:
        return joined
    room = limit - len(separator) - len(ELLIPSIS)
    out: list[str] = []
    used = 0
    for line in lines:
        extra = len(line) + (len(separator) if out else 0)
        if used + extra > room:
            break
        out.append(line)
        used += extra
    if not out:  # even the first line is too long: cut it instead
        return shorten(lines[0], limit)
    return separator.join([*out, ELLIPSIS])


def no_mentions() -> discord.AllowedMentions:
    """The one allowed-mentions policy: the bot never pings anyone, whatever the text says."""
    return discord.AllowedMentions.none()
