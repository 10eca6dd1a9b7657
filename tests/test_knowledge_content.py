"""The shipped knowledge base covers what the two seed articles say about Somos.

These tests load `knowledge/` exactly as the bot does and check the content, not the schema:
every cast pair, every episode title, both sources with their dates, the disagreements kept as
data, and that every claim can be answered in Spanish and found by keyword.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge import Claim, KnowledgeBase, load_knowledge
from bot.core.text import fold

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"

RELEASE_CAST_PLOT = "season2-release-cast-plot"  # seed 000, June 2022
LATEST_UPDATES = "season2-latest-updates"  # seed 001, summer 2021


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


def all_claims(kb: KnowledgeBase) -> list[Claim]:
    return [claim for _, claim in kb.claims_with_locations()]


def mentions(claim: Claim, *words: str) -> bool:
    """True when the claim's English text or any dispute mentions every word (accents folded)."""
    haystack = fold(" ".join([claim.text, *(d.says for d in claim.disputed_by)]))
    return all(fold(word) in haystack for word in words)


# --- cast -------------------------------------------------------------------------------------

CAST = [
    ("Jero Medina", "Benjamín"),
    ("Arelí González", "Érika"),
    ("Iliana Donatlán", "Irene"),
    ("Everardo Arzate", "Chema"),
    ("Caraly Sánchez", "Flor María"),
    ("Mercedes Hernández", "Doña Chayo"),
    ("Fernando Larrañaga", "Isidro Linares"),
    ("Jesús Sida", "Paquito"),
]


@pytest.mark.parametrize(("actor", "character"), CAST)
def test_cast_member_plays_character(kb: KnowledgeBase, actor: str, character: str) -> None:
    member = next((m for m in kb.cast if m.actor == actor), None)
    assert member is not None, f"{actor} is missing from cast"
    assert member.character == character
    assert any(RELEASE_CAST_PLOT in c.sources and mentions(c, character) for c in member.claims)
    assert all(c.doubt is None for c in member.claims)


def test_cast_is_exactly_the_seed_cast_plus_kerry_ardra(kb: KnowledgeBase) -> None:
    assert sorted(m.actor for m in kb.cast) == sorted([a for a, _ in CAST] + ["Kerry Ardra"])


def test_kerry_ardra_is_flagged(kb: KnowledgeBase) -> None:
    kerry = next(m for m in kb.cast if m.actor == "Kerry Ardra")
    assert kerry.character is None
    assert len(kerry.claims) == 1
    (claim,) = kerry.claims
    assert claim.sources == [LATEST_UPDATES]
    assert claim.doubt


@pytest.mark.parametrize("actor", ["Mercedes Hernández", "Jero Medina"])
def test_leads_named(kb: KnowledgeBase, actor: str) -> None:
    member = next(m for m in kb.cast if m.actor == actor)
    assert any(mentions(c, "lead") and RELEASE_CAST_PLOT in c.sources for c in member.claims)


@pytest.mark.parametrize("alias", ["Chayo", "Dona Chayo", "Benjamin", "Erika", "Isidro", "Flor"])
def test_fans_short_names_are_aliases(kb: KnowledgeBase, alias: str) -> None:
    assert any(alias in m.aliases for m in kb.cast)


def test_season2_returning_cast_is_speculation_with_doubt(kb: KnowledgeBase) -> None:
    claim = next(c for c in kb.season2.claims if mentions(c, "Kerry Ardra"))
    assert mentions(claim, "Everardo Arzate") and mentions(claim, "Iliana Donatlán")
    assert claim.sources == [LATEST_UPDATES]
    assert claim.speculation
    assert claim.doubt and "Kerry Ardra" in claim.doubt


# --- episodes ---------------------------------------------------------------------------------

EPISODES = [
    (1, "The Lazy Herd"),
    (2, "A Mouth Full of Flies"),
    (3, "Tell the Moon to Come"),
    (4, "A Walk with Wolves"),
    (5, "The Night Belongs to Us"),
    (6, "Somos."),
]


@pytest.mark.parametrize(("number", "title"), EPISODES)
def test_episode_title(kb: KnowledgeBase, number: int, title: str) -> None:
    episode = kb.episodes_by_number[number]
    assert episode.title == title
    assert all(c.sources == [RELEASE_CAST_PLOT] for c in episode.claims)
    assert any(mentions(c, title, "30 June 2021") for c in episode.claims)


def test_exactly_six_episodes(kb: KnowledgeBase) -> None:
    assert sorted(kb.episodes_by_number) == [1, 2, 3, 4, 5, 6]


# --- sources ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_id", "title", "published"),
    [
        (RELEASE_CAST_PLOT, "Somos. Season 2: Release date, Cast, and Plot", "2022-06"),
        (
            LATEST_UPDATES,
            "Somos Season 2 Netflix Release Date: Latest Updates And News For You",
            "2021-07/2021-09",
        ),
    ],
)
def test_source(kb: KnowledgeBase, source_id: str, title: str, published: str) -> None:
    source = kb.sources_by_id[source_id]
    assert source.title == title
    assert source.kind == "fan site"
    assert source.published.iso() == published
    assert source.published_note
    assert source.known_errors
    assert source.kind_es
    assert len(source.known_errors_es) == len(source.known_errors)  # every mistake in Spanish


def test_only_the_two_seed_sources(kb: KnowledgeBase) -> None:
    assert set(kb.sources_by_id) == {RELEASE_CAST_PLOT, LATEST_UPDATES}


# --- disagreements kept as data ---------------------------------------------------------------


def test_season_count_dispute(kb: KnowledgeBase) -> None:
    disputed = [
        c
        for c in kb.show.claims
        for d in c.disputed_by
        if d.source == RELEASE_CAST_PLOT and "six seasons" in d.says
    ]
    assert len(disputed) == 1
    assert mentions(disputed[0], "one season")
    assert LATEST_UPDATES in disputed[0].sources


def test_six_episodes_supported_by_both(kb: KnowledgeBase) -> None:
    assert any(
        mentions(c, "six episodes") and set(c.sources) == {RELEASE_CAST_PLOT, LATEST_UPDATES}
        for c in kb.show.claims
    )


def test_director_dispute(kb: KnowledgeBase) -> None:
    schamus = kb.entity("james-schamus")
    assert schamus is not None
    directing = [c for c in schamus.claims if mentions(c, "director")]
    assert any(
        RELEASE_CAST_PLOT in c.sources and LATEST_UPDATES in {d.source for d in c.disputed_by}
        for c in directing
    )


@pytest.mark.parametrize("person_id", ["alvaro-curiel", "mariana-chenillo"])
def test_directors_credited_by_latest_updates(kb: KnowledgeBase, person_id: str) -> None:
    person = kb.entity(person_id)
    assert person is not None
    assert "director" in person.roles  # type: ignore[union-attr]
    assert any(
        LATEST_UPDATES in c.sources and RELEASE_CAST_PLOT in {d.source for d in c.disputed_by}
        for c in person.claims
    )


# --- people and the source article ------------------------------------------------------------


@pytest.mark.parametrize(
    ("person_id", "name", "role"),
    [
        ("james-schamus", "James Schamus", "creator"),
        ("monika-revilla", "Monika Revilla", "co-writer"),
        ("fernanda-melchor", "Fernanda Melchor", "author"),
        ("alvaro-curiel", "Álvaro Curiel", "director"),
        ("mariana-chenillo", "Mariana Chenillo", "director"),
        ("ignacio-prieto", "Ignacio Prieto", "cinematographer"),
        ("ginger-thompson", "Ginger Thompson", "journalist"),
    ],
)
def test_person(kb: KnowledgeBase, person_id: str, name: str, role: str) -> None:
    person = next((p for p in kb.people if p.id == person_id), None)
    assert person is not None
    assert person.person == name
    assert role in person.roles


def test_ginger_thompson_article(kb: KnowledgeBase) -> None:
    title = "How the U.S. Triggered a Massacre in Mexico"
    thompson = kb.entity("ginger-thompson")
    assert thompson is not None
    assert any(mentions(c, "Pulitzer") and len(c.sources) == 2 for c in thompson.claims)
    assert any(mentions(c, "Ginger Thompson", title) for c in kb.show.claims)
    assert any(mentions(c, "based on") or mentions(c, "adapts") for c in kb.show.claims)


def test_imdb_rating_from_one_source_only(kb: KnowledgeBase) -> None:
    rating = [c for c in all_claims(kb) if mentions(c, "IMDb")]
    assert len(rating) == 1
    assert mentions(rating[0], "7.2")
    assert rating[0].sources == [LATEST_UPDATES]


def test_premiere_date_from_both_sources(kb: KnowledgeBase) -> None:
    assert any(
        mentions(c, "30 June 2021") and set(c.sources) == {RELEASE_CAST_PLOT, LATEST_UPDATES}
        for c in kb.show.claims
    )


# --- season 2 ---------------------------------------------------------------------------------


def test_no_renewal_or_cancellation_from_both(kb: KnowledgeBase) -> None:
    claim = kb.season2.claims[0]
    assert mentions(claim, "renewed") and mentions(claim, "cancelled")
    assert set(claim.sources) == {RELEASE_CAST_PLOT, LATEST_UPDATES}
    assert not claim.speculation


@pytest.mark.parametrize(
    ("source_id", "year"), [(RELEASE_CAST_PLOT, "2023"), (LATEST_UPDATES, "late 2022")]
)
def test_timing_guesses_are_speculation(kb: KnowledgeBase, source_id: str, year: str) -> None:
    guesses = [c for c in kb.season2.claims if source_id in c.sources and mentions(c, year)]
    assert guesses
    assert all(c.speculation for c in guesses)


# --- every claim ------------------------------------------------------------------------------


def test_every_claim_has_spanish_and_keywords(kb: KnowledgeBase) -> None:
    missing = [
        loc for loc, claim in kb.claims_with_locations() if not claim.text_es or not claim.keywords
    ]
    assert missing == []


def test_every_dispute_and_doubt_has_spanish(kb: KnowledgeBase) -> None:
    missing = [
        loc
        for loc, claim in kb.claims_with_locations()
        if (claim.doubt and not claim.doubt_es) or any(not d.says_es for d in claim.disputed_by)
    ]
    assert missing == []


def test_no_generic_keywords(kb: KnowledgeBase) -> None:
    generic = {"somos", "show", "serie", "series"}
    offenders = [
        (loc, keyword)
        for loc, claim in kb.claims_with_locations()
        for keyword in claim.keywords
        if fold(keyword) in generic
    ]
    assert offenders == []
