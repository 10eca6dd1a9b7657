"""The engine answers every fact of both articles, with sources, and declines what it can't."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.answering.answer import Answer, Confidence, Language, Topic
from bot.core.answering.engine import MAX_QUERY_CHARS, Engine
from bot.core.knowledge import KnowledgeBase, load_knowledge
from bot.core.text import fold


def says(answer: Answer, *needles: str) -> bool:
    text = fold(answer.text)
    return all(fold(needle) in text for needle in needles)


# Every fact of the two seed articles, asked the way a fan would, and what the answer must name.
SEED_FACTS = [
    ("who plays Doña Chayo?", Topic.CAST, ["Mercedes Hernández"]),
    ("who plays benjamin", Topic.CAST, ["Jero Medina"]),
    ("who is Érika", Topic.CAST, ["Arelí González"]),
    ("who plays irene", Topic.CAST, ["Iliana Donatlán"]),
    ("who plays chema", Topic.CAST, ["Everardo Arzate"]),
    ("flor maria actress", Topic.CAST, ["Caraly Sánchez"]),
    ("who plays isidro linares", Topic.CAST, ["Fernando Larrañaga"]),
    ("paquito", Topic.CAST, ["Jesús Sida"]),
    ("kerry ardra", Topic.CAST, ["Kerry Ardra"]),
    ("/episode 1", Topic.EPISODE, ["The Lazy Herd"]),
    ("/episode 2", Topic.EPISODE, ["A Mouth Full of Flies"]),
    ("/episode 3", Topic.EPISODE, ["Tell the Moon to Come"]),
    ("/episode 4", Topic.EPISODE, ["A Walk with Wolves"]),
    ("/episode 5", Topic.EPISODE, ["The Night Belongs to Us"]),
    ("/episode 6", Topic.EPISODE, ["Somos."]),
    ("when did it premiere", Topic.SHOW, ["30 June 2021"]),
    ("how many episodes", None, ["six"]),
    ("what is it based on", Topic.SHOW, ["Ginger Thompson"]),
    ("who created somos", Topic.CREATORS, ["James Schamus"]),
    ("who directed it", Topic.CREATORS, ["Álvaro Curiel", "Mariana Chenillo"]),
    ("who wrote it", Topic.CREATORS, ["Monika Revilla", "Fernanda Melchor"]),
    ("cinematographer", Topic.CREATORS, ["Ignacio Prieto"]),
    ("james schamus oscar", Topic.CREATORS, ["Crouching Tiger"]),
    ("imdb rating", Topic.SHOW, ["7.2"]),
    ("where can i watch it", Topic.SHOW, ["Netflix"]),
    ("where does it take place", Topic.SHOW, ["Allende", "Coahuila"]),
    ("what year was the massacre", Topic.SHOW, ["2011"]),
    ("which cartel", Topic.SHOW, ["Zetas"]),
    ("is there a season 2", Topic.SEASON2, ["renewed", "cancelled"]),
    ("/season2", Topic.SEASON2, ["2023"]),
]


@pytest.mark.parametrize(
    ("question", "topic", "needles"), SEED_FACTS, ids=[q for q, _, _ in SEED_FACTS]
)
def test_every_seed_fact_is_answerable(
    engine: Engine, question: str, topic: Topic | None, needles: list[str]
) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.text
    if topic is not None:
        assert answer.topic is topic
    assert says(answer, *needles), answer.text
    assert answer.sources, "every answer about the show cites its sources"
    assert answer.confidence is not Confidence.NONE


def test_cast_command_finds_actor_character_and_alias(
    engine: Engine, knowledge: KnowledgeBase
) -> None:
    for member in knowledge.cast:
        for name in member.names:
            answer = engine.command(Topic.CAST, name)
            assert [m.id for m in answer.matches] == [member.id], (name, answer.text)


def test_episode_command_finds_number_and_title(engine: Engine, knowledge: KnowledgeBase) -> None:
    for episode in knowledge.episodes:
        for argument in (str(episode.number), episode.title, f"ep {episode.number}"):
            answer = engine.command(Topic.EPISODE, argument)
            assert answer.matches[0].id == episode.id, (argument, answer.text)


@pytest.mark.parametrize(
    ("reference", "number"),
    [
        ("3", 3),
        ("ep 3", 3),
        ("episode three", 3),
        ("episodio 3", 3),
        ("capítulo 3", 3),
        ("E03", 3),
        ("S01E04", 4),
        ("first episode", 1),
        ("last episode", 6),
        ("final episode", 6),
        ("el último capítulo", 6),
        ("third", 3),
        ("#5", 5),
    ],
)
def test_episode_references(engine: Engine, reference: str, number: int) -> None:
    answer = engine.command(Topic.EPISODE, reference)
    assert answer.title.startswith(f"Episode {number}:"), answer.title


def test_episode_that_does_not_exist_is_not_invented(engine: Engine) -> None:
    answer = engine.command(Topic.EPISODE, "9")
    assert "no episode 9" in answer.text
    assert "has six episodes" in answer.text, "a count is written as the knowledge writes it"
    assert not any("Episode 9" in f.text for f in answer.facts)


@pytest.mark.parametrize(
    ("query", "actor"),
    [
        ("dona chayo", "Mercedes Hernández"),
        ("DOÑA CHAYO", "Mercedes Hernández"),
        ("mercedez hernandes", "Mercedes Hernández"),
        ("benjamim", "Jero Medina"),
        ("Larranaga", "Fernando Larrañaga"),
        ("erika", "Arelí González"),
        ("jesus sida", "Jesús Sida"),
    ],
)
def test_typos_and_missing_accents(engine: Engine, query: str, actor: str) -> None:
    answer = engine.command(Topic.CAST, query)
    assert answer.topic is Topic.CAST
    assert answer.matches[0].name == actor
    assert actor in answer.text, "answers show the original spelling"


def test_names_not_in_the_show_are_never_cast_members(engine: Engine) -> None:
    for name in ("Walter White", "Pedro Pascal", "Bryan Cranston"):
        answer = engine.command(Topic.CAST, name)
        assert answer.topic is Topic.UNKNOWN
        assert answer.confidence is Confidence.NONE
        assert not answer.facts
        assert engine.ask(f"who plays {name}").topic is Topic.UNKNOWN


def test_unsure_match_offers_did_you_mean(engine: Engine) -> None:
    answer = engine.command(Topic.CAST, "Mer")
    assert answer.topic is Topic.UNKNOWN
    assert answer.suggestions
    assert answer.suggestions[0].name == "Mercedes Hernández"
    assert not answer.facts


@pytest.mark.parametrize(
    "question",
    [
        "what is the capital of france",
        "who plays walter white in breaking bad",
        "asdfghjkl qwerty",
        "when does one piece come out",
        "tell me a joke",
        "who won the world cup",
    ],
)
def test_out_of_scope_questions_are_declined(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.topic is Topic.UNKNOWN
    assert answer.confidence is Confidence.NONE
    assert not answer.facts
    assert not answer.sources


def test_spanish_question_gets_a_spanish_answer(engine: Engine) -> None:
    answer = engine.ask("¿quién hace de doña chayo?")
    assert answer.language is Language.ES
    assert answer.topic is Topic.CAST
    assert "Mercedes Hernández" in answer.text
    assert "interpreta" in answer.text
    assert answer.caveat.startswith("Confianza")
    assert "junio de 2022" in answer.caveat


def test_every_answer_numbers_its_sources_in_order(engine: Engine) -> None:
    answer = engine.ask("/season2")
    assert [s.number for s in answer.sources] == list(range(1, len(answer.sources) + 1))
    cited = {n for fact in answer.facts for n in fact.sources}
    assert cited <= {s.number for s in answer.sources}
    for source in answer.sources:
        assert f"[{source.number}]" in answer.text


def test_season2_caveat_shows_disagreement_and_age(engine: Engine) -> None:
    answer = engine.ask("is there a season 2")
    assert answer.topic is Topic.SEASON2
    assert "disagree" in answer.caveat
    assert "June 2022, more than four years ago" in answer.caveat
    assert any(f.speculation for f in answer.facts)
    assert "Speculation:" in answer.text


def test_age_is_computed_from_today(knowledge: KnowledgeBase) -> None:
    soon_after = Engine(knowledge, today=lambda: dt.date(2022, 8, 1))
    assert "one month ago" in soon_after.ask("/season2").caveat
    later = Engine(knowledge, today=lambda: dt.date(2024, 6, 30))
    assert "two years ago" in later.ask("/season2").caveat


def test_director_disagreement_is_shown(engine: Engine) -> None:
    answer = engine.ask("who directed it")
    assert "disagree" in answer.caveat
    assert "Schamus" in answer.text


def test_disputes_and_doubts_are_shown_in_the_fans_language(engine: Engine) -> None:
    spanish = engine.ask("¿quién dirigió somos?")
    assert spanish.language is Language.ES
    assert "Nombra como directores a Álvaro Curiel" in spanish.text
    assert "Dudoso: En otras partes Schamus" in spanish.caveat
    assert "Names Álvaro Curiel" not in spanish.text + spanish.caveat
    english = engine.ask("who directed somos?")
    assert "Names Álvaro Curiel and Mariana Chenillo" in english.text
    assert "Elsewhere Schamus" in english.caveat


def test_a_dispute_without_spanish_falls_back_to_english(knowledge_dir: Path) -> None:
    people = knowledge_dir / "people.yaml"
    text = people.read_text(encoding="utf-8")
    start = text.index("            says_es:")
    end = text.index("        doubt:", start)
    people.write_text(text[:start] + text[end:], encoding="utf-8")
    answer = Engine(load_knowledge(knowledge_dir)).ask("¿quién dirigió somos?")
    assert "Names Álvaro Curiel and Mariana Chenillo" in answer.text


def test_doubtful_cast_member_is_low_confidence(engine: Engine) -> None:
    answer = engine.command(Topic.CAST, "Kerry Ardra")
    assert answer.confidence is Confidence.LOW
    assert "Doubtful" in answer.caveat


def test_two_agreeing_sources_are_high_confidence(engine: Engine) -> None:
    answer = engine.ask("when did it premiere")
    premiere = next(f for f in answer.facts if "30 June 2021" in f.text)
    assert len(premiere.sources) == 2
    assert premiere.confidence is Confidence.HIGH


def test_sources_and_help_are_answers_about_the_bot(engine: Engine) -> None:
    sources = engine.ask("/sources")
    assert sources.topic is Topic.SOURCES
    assert len(sources.sources) == 2
    assert "June 2022" in sources.text
    assert "six seasons" in sources.text
    assert engine.ask("/help").topic is Topic.HELP


def test_the_sources_answer_gives_the_mistakes_in_the_fans_language(engine: Engine) -> None:
    spanish = engine.ask("/sources", language=Language.ES).text
    assert "sitio de fans" in spanish
    assert "Errores conocidos: Dice que la serie" in spanish
    assert "Says the show" not in spanish
    english = engine.ask("/sources", language=Language.EN).text
    assert "fan site" in english
    assert "Known mistakes: Says the show" in english


@pytest.mark.parametrize("nothing", ["", "   ", "????", "🎬🍿"])
def test_input_without_words_is_unknown_but_shows_the_help(engine: Engine, nothing: str) -> None:
    answer = engine.ask(nothing)
    assert answer.topic is Topic.UNKNOWN
    assert answer.confidence is Confidence.NONE
    assert "/cast" in answer.text


def test_unknown_command_is_declined(engine: Engine) -> None:
    assert engine.ask("/launch rockets").topic is Topic.UNKNOWN


def test_a_slash_before_no_command_is_read_as_the_words(engine: Engine) -> None:
    answer = engine.ask("/creator")
    assert answer.topic is Topic.CREATORS and "James Schamus" in answer.text
    assert answer.query == "/creator"
    assert engine.ask("/ep 3").topic is Topic.EPISODE


def test_long_input_is_cut_with_a_notice(engine: Engine) -> None:
    answer = engine.ask("who plays chema " + "x" * 100_000)
    assert answer.notice is not None
    assert str(MAX_QUERY_CHARS) in answer.notice
    assert len(answer.query) == MAX_QUERY_CHARS


def test_echoed_query_is_short_and_on_one_line(engine: Engine) -> None:
    answer = engine.command(Topic.CAST, "zzzz\nqqqq" + "y" * 200)
    first_line = answer.text.splitlines()[0]
    assert "\n" not in first_line and len(first_line) < 200


def test_autocomplete_ranks_and_caps(engine: Engine) -> None:
    assert engine.complete(Topic.CAST, "merc")[0].name == "Mercedes Hernández"
    assert engine.complete(Topic.EPISODE, "3")[0].name == "Tell the Moon to Come"
    assert engine.complete(Topic.EPISODE, "wolves")[0].name == "A Walk with Wolves"
    everyone = engine.complete(Topic.CAST, "")
    assert len(everyone) == 9
    assert len(engine.complete(Topic.CAST, "", limit=3)) == 3
    assert engine.complete(Topic.SEASON2, "x") == []


def test_a_name_shared_by_many_names_none_of_them(knowledge_dir: Path) -> None:
    """In a large knowledge a surname alias may belong to hundreds: no answer lists them all."""
    from bot.core.matching.index import MENTION_MAX_OWNERS

    extra = "".join(
        f"  - id: rangel-{n}\n    actor: Actor Rangel {n}\n    aliases: [Rangel]\n"
        f"    claims:\n      - text: Actor {n} is in the cast.\n"
        f"        sources: [season2-release-cast-plot]\n"
        for n in range(MENTION_MAX_OWNERS + 1)
    )
    cast = knowledge_dir / "cast.yaml"
    cast.write_text(cast.read_text(encoding="utf-8") + extra, encoding="utf-8")
    engine = Engine(load_knowledge(knowledge_dir))
    assert engine.index.mentioned("who is rangel") == []
    assert engine.ask("who is rangel").topic is Topic.UNKNOWN
    assert [m.name for m in engine.index.mentioned("who is medina")] == ["Jero Medina"]
