"""The validators' shortcuts for valid knowledge decide exactly as the full rules do."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.knowledge import models
from bot.core.knowledge.models import Claim, Dispute, KnowledgeBase, Source
from bot.core.text import fold


def _full_rules_pass(knowledge: KnowledgeBase) -> bool:
    return not list(models._integrity_problems(models._References.of_model(knowledge)))


def _with(knowledge: KnowledgeBase, **changes: Any) -> KnowledgeBase:
    """A copy with fields replaced, unvalidated (as a broken knowledge would reach the rules)."""
    return knowledge.model_copy(update=changes)


def _broken(knowledge: KnowledgeBase) -> list[KnowledgeBase]:
    cast, episodes, people = list(knowledge.cast), list(knowledge.episodes), list(knowledge.people)
    claim = cast[0].claims[0]
    stray = claim.model_copy(update={"sources": ["no-such-source"]})
    disputed = claim.model_copy(
        update={"disputed_by": [Dispute(source="no-such-source", says="something else")]}
    )
    return [
        _with(knowledge, sources=[*knowledge.sources, knowledge.sources[0]]),
        _with(knowledge, cast=[*cast, cast[0]]),
        _with(knowledge, people=[*people, people[0].model_copy(update={"id": cast[0].id})]),
        _with(knowledge, people=[*people, people[0].model_copy(update={"id": knowledge.show.id})]),
        _with(knowledge, episodes=[*episodes, episodes[0].model_copy(update={"id": "other"})]),
        _with(knowledge, cast=[cast[0].model_copy(update={"claims": [stray]}), *cast[1:]]),
        _with(knowledge, cast=[cast[0].model_copy(update={"claims": [disputed]}), *cast[1:]]),
        _with(
            knowledge,
            season2=knowledge.season2.model_copy(update={"claims": [stray]}),
        ),
        _with(
            knowledge,
            show=knowledge.show.model_copy(update={"claims": [disputed]}),
        ),
    ]


def test_the_shipped_knowledge_resolves_by_both(knowledge: KnowledgeBase) -> None:
    assert models._resolves(knowledge)
    assert _full_rules_pass(knowledge)


def test_each_broken_reference_fails_the_shortcut_and_the_full_rules(
    knowledge: KnowledgeBase,
) -> None:
    for broken in _broken(knowledge):
        assert not _full_rules_pass(broken)
        assert not models._resolves(broken)


@given(st.text(max_size=12))
def test_a_name_is_foldable_exactly_when_fold_keeps_something(value: str) -> None:
    if fold(value):
        assert models._foldable(value) == value
    else:
        with pytest.raises(ValueError, match="at least one letter or digit"):
            models._foldable(value)


@pytest.mark.parametrize("value", ["a", "Z9", "_a_", "é", "ß", "١", "…", "_", "  ", "¿?", "́"])
def test_foldable_names_by_hand(value: str) -> None:
    if fold(value):
        assert models._foldable(value) == value
    else:
        with pytest.raises(ValueError, match="at least one letter or digit"):
            models._foldable(value)


@pytest.mark.parametrize(
    ("sources", "problem"),
    [
        (["a"], None),
        (["a", "b"], None),
        (["a", "a"], "lists the same source twice: a"),
        (["b", "a", "b", "a", "c"], "lists the same source twice: a, b"),
    ],
)
def test_repeated_sources_are_named(sources: list[str], problem: str | None) -> None:
    if problem is None:
        assert Claim(text="x", sources=sources).sources == sources
    else:
        with pytest.raises(ValueError, match=problem):
            Claim(text="x", sources=sources)


def test_a_source_both_supporting_and_disputing_is_refused() -> None:
    Claim(text="x", sources=["a"], disputed_by=[{"source": "b", "says": "y"}])
    with pytest.raises(ValueError, match="source a cannot both support and dispute"):
        Claim(text="x", sources=["a", "b"], disputed_by=[{"source": "a", "says": "y"}])


def test_a_spanish_doubt_needs_the_english_one() -> None:
    Claim(text="x", sources=["a"], doubt="odd", doubt_es="raro")
    with pytest.raises(ValueError, match="has doubt_es but no doubt"):
        Claim(text="x", sources=["a"], doubt_es="raro")


def test_the_spanish_mistakes_of_a_source_are_one_for_each_or_none() -> None:
    base = {"id": "a", "title": "T", "kind": "fan site", "published": "2022"}
    Source(**base, known_errors=["x", "y"])
    Source(**base, known_errors=["x", "y"], known_errors_es=["equis", "i griega"])
    with pytest.raises(ValueError, match="has 1 known_errors_es for 2 known_errors"):
        Source(**base, known_errors=["x", "y"], known_errors_es=["equis"])
