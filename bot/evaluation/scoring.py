"""Whether one answer is right, by one rule shared by the bot and the baselines.

* An answerable question is answered right when the answer's topic is one the question expects
  AND every `must_contain` fact is in the answer text, both compared after `fold()` (so accents,
  case and punctuation do not matter, and `7.2` matches `7.2`).
* An out-of-scope question is answered right when it is declined: the topic is `unknown`
  (an "I don't know" or a "did you mean", which asserts nothing about the show).
* "Answered with confidence" means: the topic is not `unknown` and the confidence is `high` or
  `medium`, the levels a fan is told to trust. Help and sources answers count (their confidence
  is `high`), so showing the help to an off-topic question is a confident answer too. A wrong
  answer with `low` confidence is wrong but flagged; one given with confidence is
  "confidently wrong", the mistake that misleads.
* The reply language is checked apart from correctness: it is reported, not scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answering.answer import Answer, Confidence, Language, Topic
from bot.core.text import fold
from bot.evaluation.dataset import Question

CONFIDENT_LEVELS = frozenset({Confidence.HIGH, Confidence.MEDIUM})
"""The confidence levels at which an answer is presented as something to trust."""


@dataclass(frozen=True)
class Outcome:
    """One question, the answer it got, and the verdict."""

    question: Question
    topic: Topic
    confidence: Confidence
    language: Language
    title: str
    correct: bool
    missing: tuple[str, ...]

    @property
    def declined(self) -> bool:
        return self.topic is Topic.UNKNOWN

    @property
    def confident(self) -> bool:
        """Presented as an answer to trust (see the module docstring)."""
        return not self.declined and self.confidence in CONFIDENT_LEVELS

    @property
    def confidently_wrong(self) -> bool:
        return self.confident and not self.correct

    @property
    def language_ok(self) -> bool:
        return self.language is self.question.language


def score(question: Question, answer: Answer) -> Outcome:
    """Judge `answer` to `question` by the rule above."""
    if question.decline:
        correct = answer.topic is Topic.UNKNOWN
        missing: tuple[str, ...] = ()
    else:
        text = f" {fold(answer.text)} "
        missing = tuple(fact for fact in question.must_contain if f" {fold(fact)} " not in text)
        correct = answer.topic in question.topics and not missing
    return Outcome(
        question=question,
        topic=answer.topic,
        confidence=answer.confidence,
        language=answer.language,
        title=answer.title,
        correct=correct,
        missing=missing,
    )
