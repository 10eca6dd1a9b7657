"""General rules of question understanding: inflections, typing slips, and facts no claim holds."""

from __future__ import annotations

import pytest

from bot.core.answering.answer import Topic
from bot.core.answering.engine import Engine
from bot.core.answering.intents import stem


def test_inflected_forms_share_a_stem() -> None:
    assert stem("escribieron") == stem("escribio") == "escrib"
    assert stem("inspiro") == stem("inspired")
    assert stem("casada") != stem("casting"), "too short a stem says nothing"


@pytest.mark.parametrize(
    ("question", "topic"),
    [("quienes escribieron el guion", Topic.CREATORS), ("dirigieron somos?", Topic.CREATORS),
     ("who dirrected it", Topic.CREATORS), ("is there gonna be a sesaon 2", Topic.SEASON2)],
)
def test_inflections_and_typing_slips_are_understood(
    engine: Engine, question: str, topic: Topic
) -> None:
    assert engine.ask(question).topic is topic


def test_a_real_word_is_not_corrected_into_another(engine: Engine) -> None:
    """`called` is not `cancelled`, `person` is not `personaje`."""
    assert engine.ask("why is it called somos. with a period").topic is Topic.SHOW
    assert engine.ask("is benjamin a real person").topic is Topic.UNKNOWN


@pytest.mark.parametrize(
    "question",
    ["how long is episode 2", "how old is jero medina", "where was somos filmed",
     "who composed the music", "cuanto dura el capitulo 3", "what happened to benjamin at the end",
     "what other shows has caraly sanchez been in"],
)
def test_a_kind_of_fact_no_claim_holds_is_declined(engine: Engine, question: str) -> None:
    assert engine.ask(question).topic is Topic.UNKNOWN


def test_a_keyword_that_covers_the_kind_of_fact_answers_it(engine: Engine) -> None:
    """`nominated` is a claim keyword, so the award question about Schamus is answered."""
    answer = engine.ask("was james schamus nominated for an oscar")
    assert answer.topic is Topic.CREATORS and "Oscar" in answer.text
