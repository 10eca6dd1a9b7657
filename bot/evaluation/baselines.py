"""Who answers the evaluation set: the bot, and two obvious alternatives to beat.

A baseline has no intent routing. It folds the whole question, finds the single closest name or
title of anything in the knowledge (every actor, character, alias, episode title, person and
the show's names), and answers about that entity exactly as the bot would answer `/cast NAME`,
`/episode TITLE`, `/creators NAME` or `/about`, in the language the bot would detect. With no
name above its cutoff it declines. So the baselines and the bot share the answer text and the
scorer, and the comparison measures understanding alone.

* `difflib`: `difflib.get_close_matches(question, names, n=1)` with difflib's own default
  cutoff (0.6).
* `rapidfuzz`: `process.extractOne(question, names, scorer=fuzz.WRatio)` with a score cutoff of
  `RAPIDFUZZ_CUTOFF`, picked as the best of 50-90 on the tuning half (see docs/evaluation.md).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.answering.answer import Answer, Confidence, Topic
from bot.core.answering.engine import Engine
from bot.core.answering.intents import detect_language
from bot.core.i18n import t
from bot.core.knowledge.models import CastMember, Episode, Person, Show
from bot.core.text import fold

DIFFLIB_CUTOFF = 0.6
"""difflib's own default for `get_close_matches`."""

RAPIDFUZZ_CUTOFF = 90.0
"""The WRatio score below which the rapidfuzz baseline declines; tuned on the tuning half."""

Finder = Callable[[str, list[str]], str | None]
"""Given a folded question and the folded names, the closest name, or None to decline."""


@dataclass(frozen=True)
class Answerer:
    """Something that turns a question into an `Answer`, under a name for the report."""

    name: str
    answer: Callable[[str], Answer]


def bot(engine: Engine) -> Answerer:
    """The bot itself: `Engine.ask`, which detects the language and routes the intent."""
    return Answerer("bot", engine.ask)


def difflib_baseline(engine: Engine) -> Answerer:
    """The closest name by `difflib.get_close_matches`."""

    def find(question: str, names: list[str]) -> str | None:
        found = difflib.get_close_matches(question, names, n=1, cutoff=DIFFLIB_CUTOFF)
        return found[0] if found else None

    return Answerer("difflib", _NameMatcher(engine, find).answer)


def rapidfuzz_baseline(engine: Engine, cutoff: float = RAPIDFUZZ_CUTOFF) -> Answerer:
    """The closest name by rapidfuzz's `extractOne` with `WRatio`."""

    def find(question: str, names: list[str]) -> str | None:
        found = process.extractOne(
            question, names, scorer=fuzz.WRatio, processor=None, score_cutoff=cutoff
        )
        return found[0] if found else None

    return Answerer("rapidfuzz", _NameMatcher(engine, find).answer)


def all_answerers(engine: Engine) -> list[Answerer]:
    """The bot first, then the baselines, in the order the report prints them."""
    return [bot(engine), difflib_baseline(engine), rapidfuzz_baseline(engine)]


class _NameMatcher:
    """Answer about the one entity whose name is closest to the whole question."""

    def __init__(self, engine: Engine, find: Finder) -> None:
        self._engine = engine
        self._find = find
        knowledge = engine.knowledge
        entities: list[Show | CastMember | Episode | Person] = [
            knowledge.show,
            *knowledge.cast,
            *knowledge.episodes,
            *knowledge.people,
        ]
        # First entity wins a name two share (the show and its last episode are both "Somos.").
        self._owner: dict[str, Show | CastMember | Episode | Person] = {}
        for entity in entities:
            for name in entity.names:
                self._owner.setdefault(fold(name), entity)
        self._names = list(self._owner)

    def answer(self, question: str) -> Answer:
        language = detect_language(question)
        found = self._find(fold(question), self._names)
        if found is None:
            return Answer(
                query=question,
                topic=Topic.UNKNOWN,
                language=language,
                title=t("title.unknown", language),
                text=t("text.unknown", language, query=question),
                confidence=Confidence.NONE,
                caveat=t("caveat.none", language),
            )
        entity = self._owner[found]
        if isinstance(entity, Show):
            return self._engine.command(Topic.SHOW, None, language, query=question)
        if isinstance(entity, CastMember):
            topic = Topic.CAST
        elif isinstance(entity, Episode):
            topic = Topic.EPISODE
        else:
            topic = Topic.CREATORS
        return self._engine.command(topic, entity.name, language, query=question)
