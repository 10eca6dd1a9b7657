"""Any text through every Discord input path of the real bot: slash-command options, autocomplete,
the report form, and @mentions.

Each example is a raw payload as Discord sends it, parsed by the unmodified discord.py and
answered by the real cogs (`tests.support` harness). Whatever the fan typed, the bot answers, the
answer is valid against Discord's OpenAPI spec, nothing can ping, and the fan's words cannot open
markdown that spills over the rest of the message.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.discord import limits
from bot.adapters.discord.cogs.fans import question_text
from bot.core.answering.engine import MAX_QUERY_CHARS
from bot.storage import MAX_TEXT
from tests.hardening.helpers import FUZZ, PING, final_message, visible_text
from tests.hardening.strategies import fan_input
from tests.support.discord_capture import Sent, message_payload, snowflake
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import (
    BOT_USER_ID,
    CHANNEL_ID,
    MANAGER,
    button_click,
    modal_submit,
    slash,
)
from tests.support.discord_spec import (
    assert_valid_callback,
    assert_valid_embeds,
)

TEXT = fan_input(surrogates=False)
"""Discord delivers valid UTF-8 only: no lone surrogates on this path."""

LOCALES = st.sampled_from(["en-US", "es-ES", "es-419", "pt-BR", "ja", "zz-ZZ"])

MARKUP = "*_~|`"
LINE_MARKUP = re.compile(r"^(?:#{1,3} |-# |>>> |> )", re.MULTILINE)
MASKED_LINK = re.compile(r"(?<!\\)\[[^\]\n]+\]\(<?https?://[^\s)]+>?\)")
"""A masked link as Discord renders it: `[text](http…)`, closed on the same line."""

REPORTER = re.compile(r" (?:by|de) <@\d+>")


def unescaped_markup(text: str) -> list[str]:
    """Markdown in `text` that Discord would render rather than show: each `*_~|` and backtick
    must follow an odd run of backslashes, and no line may start a heading, quote or link."""
    found: list[str] = []
    backslashes = 0
    for index, char in enumerate(text):
        if char in MARKUP and backslashes % 2 == 0:
            found.append(f"{char!r} at {index}: …{text[max(0, index - 20) : index + 20]!r}…")
        backslashes = backslashes + 1 if char == "\\" else 0
    found += [f"line markup {m.group()!r}" for m in LINE_MARKUP.finditer(text)]
    found += [f"masked link at {m.start()}" for m in MASKED_LINK.finditer(text)]
    return found


def without_notice(description: str) -> str:
    """The description minus the bot's own italic notice paragraph (`*…*` before a blank line)."""
    if description.startswith("*"):
        head, separator, rest = description.partition("*\n\n")
        if separator and "\n" not in head:
            return rest
    return description


def check_message(body: dict[str, Any]) -> None:
    """Nothing pings, nothing a fan wrote renders as markdown, all text fits Discord."""
    assert body["allowed_mentions"]["parse"] == []
    assert body["allowed_mentions"].get("replied_user") in (None, False)
    for text in visible_text(body):
        assert not PING.search(text), text
    assert_valid_embeds(body.get("embeds") or [])
    for embed in body.get("embeds") or []:
        assert not unescaped_markup(without_notice(embed.get("description") or ""))
        for field in embed.get("fields") or []:
            assert not unescaped_markup(field["value"])


def only_reply(sent: list[Sent]) -> dict[str, Any]:
    """The one interaction callback sent, validated against the spec."""
    assert len(sent) == 1, [s.path for s in sent]
    body = sent[0].payload
    assert isinstance(body, dict)
    assert_valid_callback(body)
    return body


def answered(body: dict[str, Any]) -> dict[str, Any]:
    """The message of a callback that answers with an embed and the report button."""
    assert body["type"] == 4
    data: dict[str, Any] = body["data"]
    check_message(data)
    assert len(data["embeds"]) == 1
    (button,) = data["components"][0]["components"]
    assert button["custom_id"].startswith("somos:report:")
    assert len(button["custom_id"]) <= limits.CUSTOM_ID
    return data


@FUZZ
@given(
    command=st.sampled_from([("cast", "name"), ("episode", "which"), ("ask", "question")]),
    text=TEXT,
    locale=LOCALES,
)
async def test_any_option_text_is_answered(
    harness: Harness, command: tuple[str, str], text: str, locale: str
) -> None:
    name, option = command
    data = answered(only_reply(await harness.interact(slash(name, {option: text}, locale=locale))))
    read = question_text(text) if name == "ask" else text  # /ask drops mention markup first
    if len(read) > MAX_QUERY_CHARS:
        assert str(MAX_QUERY_CHARS) in data["embeds"][0]["description"]  # the notice


@FUZZ
@given(command=st.sampled_from(["creators", "season2", "about", "sources", "help"]), locale=LOCALES)
async def test_option_less_commands_answer_in_any_locale(
    harness: Harness, command: str, locale: str
) -> None:
    answered(only_reply(await harness.interact(slash(command, locale=locale))))


@FUZZ
@given(command=st.sampled_from([("cast", "name"), ("episode", "which")]), text=TEXT)
async def test_any_autocomplete_text_gets_valid_choices(
    harness: Harness, command: tuple[str, str], text: str
) -> None:
    name, option = command
    body = only_reply(await harness.interact(slash(name, {option: text}, focused=option)))
    assert body["type"] == 8
    choices = body["data"]["choices"]
    assert len(choices) <= limits.AUTOCOMPLETE_CHOICES
    for choice in choices:
        assert limits.CHOICE_NAME_MIN <= len(choice["name"]) <= limits.CHOICE_NAME_MAX
        assert 1 <= len(choice["value"]) <= limits.CHOICE_VALUE_MAX


@settings(FUZZ, max_examples=30)  # three interactions and a database write each
@given(question=TEXT, report=TEXT, locale=LOCALES)
async def test_any_report_text_is_stored_and_thanked(
    harness: Harness, question: str, report: str, locale: str
) -> None:
    """Ask anything, click "Report a mistake", write anything: the report is stored in full."""
    user_id = snowflake()
    data = answered(
        only_reply(await harness.interact(slash("ask", {"question": question}, locale=locale)))
    )
    message = message_payload(CHANNEL_ID, data)
    custom_id = data["components"][0]["components"][0]["custom_id"]
    modal = only_reply(await harness.interact(button_click(custom_id, message, user_id=user_id)))
    assert modal["type"] == 9
    (label,) = modal["data"]["components"]
    text_input = label["component"]["custom_id"]

    submit = modal_submit(modal["data"]["custom_id"], {text_input: report}, user_id=user_id)
    thanks = only_reply(await harness.interact(submit))
    assert thanks["type"] == 4
    assert thanks["data"]["flags"] == 64
    check_message(thanks["data"])
    stored = [r for r in harness.storage.latest_reports(50) if r.user_id == int(user_id)]
    assert [r.report_text for r in stored] == [report[:MAX_TEXT]]


@FUZZ
@given(text=TEXT, nickname=st.booleans())
async def test_any_mention_is_answered_without_pinging(
    harness: Harness, text: str, nickname: bool
) -> None:
    mention = f"<@!{BOT_USER_ID}>" if nickname else f"<@{BOT_USER_ID}>"
    check_message(await harness.mention_reply(f"{mention} {text}"))


def test_the_markup_check_catches_what_it_must() -> None:
    assert unescaped_markup("**bold**")
    assert unescaped_markup("\\\\*x*")  # an escaped backslash leaves the star live
    assert unescaped_markup("# heading")
    assert unescaped_markup("[x](https://e.example)")
    assert not unescaped_markup("\\*\\*bold\\*\\* \\# \\[x](https://e.example) [1] Title (2022)")


@settings(FUZZ, max_examples=15)  # each example writes to the database a dozen times
@given(texts=st.lists(TEXT, min_size=1, max_size=6), locale=LOCALES)
async def test_fans_words_shown_to_moderators_stay_inert(
    harness: Harness, texts: list[str], locale: str
) -> None:
    """What fans wrote (unanswered questions, reports) comes back in `/kb gaps` and `/kb reports`:
    valid, within 2,000 characters, no ping, no markdown of theirs rendered."""
    for n, text in enumerate(texts):
        harness.storage.record_gap(text or f"empty {n}")
        harness.storage.add_report(int(BOT_USER_ID) + n, text, "the answer", text)
    for subcommand in ("gaps", "reports"):
        message = final_message(
            await harness.interact(
                slash("kb", subcommand=subcommand, permissions=MANAGER, locale=locale)
            )
        )
        content = message["content"]
        assert len(content) <= limits.MESSAGE_CONTENT
        assert message["flags"] == 64
        assert message["allowed_mentions"]["parse"] == []
        title, _, listing = content.partition("\n")
        assert title.startswith("**") and title.endswith("**")
        listing = REPORTER.sub("", listing)  # the reporter, shown (never pinged) on purpose
        assert not PING.search(listing), listing
        assert not unescaped_markup(listing), unescaped_markup(listing)[:3]
