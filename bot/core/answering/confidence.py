"""How far to trust an answer, from the claims behind it, and the caveat that says so in words.

The rules, in one place:

* a claim two or more sources support, that nobody disputes, is `high`;
* one supporting source is `medium`; so is a disputed claim whose supporters outnumber its
  disputers;
* speculation, a moderator's doubt, or a dispute the supporters do not outnumber is `low`;
* an answer is as strong as its weakest firm fact (speculation and doubted facts are flagged in the
  caveat instead of dragging down the facts beside them); with no facts, it is `none`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.core.answering.answer import Confidence, Fact, Language
from bot.core.i18n import age_in_words, number_word, t
from bot.core.knowledge.models import Claim


def claim_confidence(claim: Claim) -> Confidence:
    """The confidence one claim deserves on its own."""
    return facts_confidence(
        supporters=len(claim.sources),
        disputers=len(claim.disputed_by),
        doubted=claim.doubt is not None,
        speculation=claim.speculation,
    )


def facts_confidence(
    *, supporters: int, disputers: int, doubted: bool, speculation: bool
) -> Confidence:
    """The confidence of a fact backed by `supporters` sources and disputed by `disputers`."""
    if speculation or doubted or (disputers and supporters <= disputers):
        return Confidence.LOW
    if supporters >= 2 and not disputers:
        return Confidence.HIGH
    return Confidence.MEDIUM


def _firm(facts: Sequence[Fact]) -> list[Fact]:
    firm = [f for f in facts if not f.speculation and f.doubt is None]
    return firm or list(facts)


def answer_confidence(facts: Sequence[Fact]) -> Confidence:
    """An answer is as strong as its weakest firm fact."""
    if not facts:
        return Confidence.NONE
    return min((f.confidence for f in _firm(facts)), key=lambda level: level.rank)


def caveat(
    facts: Sequence[Fact],
    newest: tuple[str, dt.date] | None,
    today: dt.date,
    language: Language,
) -> str:
    """The caveat in words: how many sources agree, where they disagree, and how old it is.

    `newest` is the newest cited source's date in words and the last day it can have appeared.
    """
    level = answer_confidence(facts)
    weakest = min(_firm(facts), key=lambda f: (f.confidence.rank, len(f.sources)))
    parts = [
        t("caveat.level", language, level=t(f"confidence.{level}", language),
          reason=_reason(weakest, language))
    ]
    disputes = [d for f in facts for d in f.disputes]
    if disputes:
        parts.append(t("caveat.disagree", language, details="; ".join(_dedupe(disputes))))
    doubts = [f.doubt for f in facts if f.doubt]
    if doubts:
        parts.append(t("caveat.doubt", language, details="; ".join(_dedupe(doubts))))
    if any(f.speculation for f in facts):
        parts.append(t("caveat.speculation", language))
    if newest is not None:
        date_text, day = newest
        parts.append(
            t("caveat.age", language, date=date_text, ago=age_in_words(day, today, language))
        )
    return " ".join(parts)


def _reason(fact: Fact, language: Language) -> str:
    """Why the weakest fact has the confidence it has."""
    if fact.speculation:
        return t("caveat.reason_speculation", language)
    if fact.doubt:
        return t("caveat.reason_doubt", language)
    if fact.disputes:
        outnumbered = fact.confidence is Confidence.MEDIUM
        key = "caveat.reason_outnumbered" if outnumbered else "caveat.reason_disputed"
        return t(key, language)
    if len(fact.sources) >= 2:
        return t("caveat.agree", language, count=number_word(len(fact.sources), language))
    return t("caveat.single", language)


def _dedupe(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(item.rstrip(".") for item in items))
