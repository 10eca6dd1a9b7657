"""`render_embed` stays within Discord's limits for every answer, however large."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.discord import limits
from bot.adapters.discord.render import COLOURS, render_embed
from bot.core.answering.answer import Answer, Confidence, Language, Match, SourceRef, Topic
from bot.core.answering.engine import Engine
from bot.core.knowledge import load_knowledge
from bot.settings import shipped_knowledge_dir
from tests.support.discord_spec import assert_valid_embeds, embed_total, schema_validator


def huge_answer(size: int = 20_000, sources: int = 60, language: Language = Language.EN) -> Answer:
    word = "Somos*_`|~ @everyone "
    return Answer(
        query="q" * size,
        topic=Topic.CAST,
        language=language,
        title=word * (size // len(word)),
        text=word * (size // len(word)),
        suggestions=[
            Match(id=f"s{i}", name="name " * 80, kind="cast", score=50) for i in range(40)
        ],
        sources=[
            SourceRef(
                number=i + 1,
                id=f"s{i}",
                title="A very long article title " * 20,
                date="2022-06",
                date_text="June 2022",
                kind="news",
            )
            for i in range(sources)
        ],
        confidence=Confidence.LOW,
        caveat="caveat " * 1000,
        notice="notice " * 1000,
    )


@pytest.mark.parametrize("language", list(Language))
def test_huge_answer_is_shortened_to_fit(language: Language) -> None:
    embed = render_embed(huge_answer(language=language)).to_dict()
    assert_valid_embeds([embed])
    assert embed["title"].endswith(limits.ELLIPSIS)
    assert embed["fields"][-1]["value"].endswith(limits.ELLIPSIS)  # sources cut on a whole line


def test_the_spec_validator_really_checks_limits() -> None:
    too_long = {"type": "rich", "title": "x" * (limits.EMBED_TITLE + 1)}
    assert list(schema_validator("RichEmbed").iter_errors(too_long))


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=9000),
    title=st.text(max_size=600),
    caveat=st.text(max_size=3000),
    n_sources=st.integers(0, 40),
)
def test_any_answer_fits(text: str, title: str, caveat: str, n_sources: int) -> None:
    answer = Answer(
        query=text[:50],
        topic=Topic.UNKNOWN,
        title=title,
        text=text,
        caveat=caveat,
        confidence=Confidence.NONE,
        sources=[
            SourceRef(
                number=i + 1, id="s", title=title or "t", date="2022", date_text="2022", kind="k"
            )
            for i in range(n_sources)
        ],
    )
    embed = render_embed(answer).to_dict()
    assert embed_total([embed]) <= limits.EMBEDS_TOTAL
    assert len(embed.get("description") or "") <= limits.EMBED_DESCRIPTION
    assert len(embed.get("title") or "") <= limits.EMBED_TITLE
    assert all(len(f["value"]) <= limits.EMBED_FIELD_VALUE for f in embed.get("fields", []))


def test_sources_are_numbered_and_did_you_mean_is_shown() -> None:
    answer = Answer(
        query="chay",
        topic=Topic.UNKNOWN,
        title="Did you mean…?",
        text="Not sure.",
        confidence=Confidence.NONE,
        caveat="c",
        suggestions=[Match(id="a", name="Doña Chayo", kind="cast", score=80)],
        sources=[
            SourceRef(
                number=1,
                id="s",
                title="Article",
                date="2022-06",
                date_text="June 2022",
                kind="news",
            )
        ],
    )
    embed = render_embed(answer).to_dict()
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields == {"Did you mean?": "Doña Chayo", "Sources": "[1] Article (June 2022)"}
    assert embed["color"] == COLOURS[Confidence.NONE].value


def shipped_answers() -> Iterator[Answer]:
    """Every answer the shipped knowledge can give: every topic, name, alias and episode."""
    engine = Engine(load_knowledge(shipped_knowledge_dir()))
    kb = engine.knowledge
    for language in Language:
        for topic in Topic:
            if topic is not Topic.UNKNOWN:
                yield engine.command(topic, None, language)
        for member in kb.cast:
            for name in member.names:
                yield engine.command(Topic.CAST, name, language)
                yield engine.ask(f"who is {name}", language)
        for episode in kb.episodes:
            yield engine.command(Topic.EPISODE, str(episode.number), language)
            for name in episode.names:
                yield engine.command(Topic.EPISODE, name, language)
        for person in kb.people:
            for name in person.names:
                yield engine.ask(name, language)
        for query in ("", "zzqx", "chay", "episode 99", "¿habrá temporada 2?", "x" * 5000):
            yield engine.ask(query, language)


def test_every_shipped_answer_renders_valid() -> None:
    answers = list(shipped_answers())
    assert len(answers) > 50
    for answer in answers:
        embed = render_embed(answer).to_dict()
        assert_valid_embeds([embed])
        assert embed["title"], answer.query


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("[0](http://x", "[0]\u200b(http://x"),
        ("[[0](htt*0000)", "[[0]\u200b(htt\\*0000)"),
        ("**@everyone**", "\\*\\*@\u200beveryone\\*\\*"),
    ],
)
def test_fan_text_cannot_become_a_link_markup_or_a_ping(typed: str, shown: str) -> None:
    answer = Answer(
        query=typed,
        topic=Topic.UNKNOWN,
        title="t",
        text=f"“{typed}” is unknown.",
        confidence=Confidence.NONE,
        caveat="c",
    )
    assert render_embed(answer).description == f"“{shown}” is unknown."
