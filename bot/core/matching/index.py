"""Fuzzy name lookup over the knowledge base, built once per loaded knowledge.

Every name, alias and character is folded (see `bot.core.text.fold`) into keys. A person is also
found by a part of the name (`Mercedes`, `Hernandez`), at a small penalty, so that the whole name
still wins over a part. The decision rule follows R. Danny's `extract_or_exact`: answer directly
only on an exact hit or a clear lead over the runner-up; otherwise offer "did you mean".

Cost: every distinct key is stored once with the entities it names, its words pre-sorted (so
`token_sort_ratio` is a plain `ratio`), and a kind with at most `FULL_SCAN_KEYS` keys is scored in
full, exactly. Above that, only keys that share a word (or a close misspelling of one) with the
query, or start with it, are scored: the cost follows the matches, not the size of the knowledge.
There, equal autocomplete scores go to the first found (alphabetical), not the first entity.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.core.answering.answer import Match
from bot.core.knowledge.models import KnowledgeBase, _Entity
from bot.core.text import fold

CONFIDENT_SCORE = 85.0
"""A single candidate at or above this score is answered without asking."""

CLEAR_LEAD = 8.0
"""...provided the runner-up (a different entity) trails by at least this much."""

SUGGEST_SCORE = 62.0
"""Candidates at or above this score are offered as "did you mean"."""

PART_PENALTY = 4.0
"""A match on part of a name scores a little below the same match on the whole name."""

MAX_SUGGESTIONS = 5

PARTS_NAME_IN_TEXT = frozenset({"cast", "person"})
"""Kinds whose part-names (a surname, a first name) count when they appear in a question."""

MENTION_MAX_OWNERS = 12
"""A name shared by more entities than this names none of them in a question: a part-name
("Doña", a common first name) or a whole name or alias (a common surname in a knowledge of
thousands). The question then gets a "did you mean" with the closest few, not an answer that
lists a thousand people."""

FULL_SCAN_KEYS = 500
"""A kind with at most this many distinct keys is scored in full: exact, and under a millisecond
(WRatio costs 1-2 µs a key; the shipped knowledge has about a hundred)."""

WORD_SCORE = 60.0
"""Above `FULL_SCAN_KEYS`, a key is scored when one of its words is this close to a query word."""

MAX_CANDIDATES = 3_000
"""Above `FULL_SCAN_KEYS`, at most this many keys are scored for a lookup, closest words first."""

MAX_COMPLETIONS_SCORED = 600
"""...and this many for autocomplete, whose WRatio costs several times a lookup's ratio."""

STOPWORDS = frozenset(
    "a an and the of to in on at by for with us is it me my who what de del la las el los y "
    "en con por para un una al lo su sus se que".split()
)


@dataclass(frozen=True)
class Entry:
    """One entity as the index knows it."""

    id: str
    kind: str
    name: str
    key: str
    """The name folded once, here, so that no question folds it again."""


@dataclass(frozen=True)
class Resolution:
    """The outcome of looking a name up: a confident match, candidates, or nothing."""

    query: str
    best: Match | None
    candidates: list[Match] = field(default_factory=list)

    @property
    def confident(self) -> bool:
        return self.best is not None


class _Keys:
    """The distinct folded keys of one kind and, for each, the entities it names."""

    def __init__(self) -> None:
        self.building: dict[str, dict[int, float]] = {}
        self.keys: list[str] = []
        self.sorted_words: list[str] = []
        self.owners: list[list[tuple[float, int]]] = []
        self.by_prefix: list[tuple[str, int]] = []
        self.vocabulary: list[str] = []
        self.postings: dict[str, tuple[list[int], list[int]]] = {}

    def freeze(self) -> None:
        """Turn what `add` gathered into the lists queries read."""
        words: dict[str, list[tuple[int, int]]] = {}
        for position, (key, owners) in enumerate(self.building.items()):
            self.keys.append(key)
            self.sorted_words.append(" ".join(sorted(key.split())))
            self.owners.append(sorted((penalty, n) for n, penalty in owners.items()))
            for word in set(key.split()):
                words.setdefault(word, []).append((len(key), position))
        self.building = {}
        if len(self.keys) > FULL_SCAN_KEYS:
            self.by_prefix = sorted((key, i) for i, key in enumerate(self.keys))
            self.vocabulary = sorted(words)
            for word, rows in words.items():
                rows.sort()
                self.postings[word] = ([n for n, _ in rows], [i for _, i in rows])

    @property
    def large(self) -> bool:
        return bool(self.postings)

    def top_owners(self, position: int, limit: int) -> Iterator[tuple[float, int]]:
        """The owners that can rank in a top `limit`: the lowest numbers of each penalty."""
        owners = self.owners[position]
        if len(owners) <= limit:
            yield from owners
            return
        split = bisect_left(owners, (PART_PENALTY, -1))
        yield from owners[: min(split, limit)]
        yield from owners[split : split + limit]

    def close_words(self, words: list[str]) -> list[str]:
        """Known words at least `WORD_SCORE` close to any of `words`, closest first."""
        found: dict[str, float] = {}
        for word in words:
            for known, score, _ in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, processor=None,
                score_cutoff=WORD_SCORE, limit=None,
            ):  # fmt: skip
                found[known] = max(found.get(known, 0.0), score)
        return sorted(found, key=lambda w: (-found[w], w))

    def prefixed_words(self, start: str) -> list[str]:
        """Known words that begin with `start`."""
        low = bisect_left(self.vocabulary, start)
        high = bisect_left(self.vocabulary, start + "\U0010ffff")
        return self.vocabulary[low:high]

    def with_words(
        self,
        words: Iterable[str],
        found: dict[int, str],
        length: tuple[float, float],
        cap: int = MAX_CANDIDATES,
    ) -> None:
        """Add keys holding any of `words`, of a length in `length`, until `cap`."""
        low, high = length
        for word in words:
            if len(found) >= cap:
                return
            lengths, positions = self.postings[word]
            room = cap - len(found)
            for i in positions[bisect_left(lengths, low) : bisect_right(lengths, high)][:room]:
                found.setdefault(i, self.sorted_words[i])

    def starting_with(self, start: str, found: dict[int, str], cap: int) -> None:
        """Add keys that begin with `start`, in order, until `cap`."""
        low = bisect_left(self.by_prefix, (start, -1))
        for key, i in self.by_prefix[low : low + cap]:
            if not key.startswith(start) or len(found) >= cap:
                return
            found.setdefault(i, key)


class NameIndex:
    """Exact and fuzzy lookup of cast, episodes, people and the show by any of their names."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.entries: list[Entry] = []
        self.entries_by_id: dict[str, Entry] = {}
        self._by_kind: dict[str, _Keys] = {}
        self._numbers_by_kind: dict[str, list[int]] = {}
        self._exact: dict[str, list[tuple[int, float]]] = {}
        sections: list[tuple[str, Iterable[_Entity]]] = [
            ("show", [knowledge.show]),
            ("cast", knowledge.cast),
            ("episode", knowledge.episodes),
            ("person", knowledge.people),
        ]
        # Names repeat across entities (a surname as an alias, a character, a nickname): each
        # distinct name is folded, and each distinct folded name split into parts, once.
        self._folded: dict[str, str] = {}
        self._parts: dict[str, list[str]] = {}
        for kind, entities in sections:
            for entity in entities:
                self._add(kind, entity)
        for keys in self._by_kind.values():
            keys.freeze()
        del self._folded, self._parts

    def _fold(self, name: str) -> str:
        key = self._folded.get(name)
        if key is None:
            key = self._folded[name] = fold(name)
        return key

    def _add(self, kind: str, entity: _Entity) -> None:
        number = len(self.entries)
        self.entries.append(Entry(entity.id, kind, entity.name, self._fold(entity.name)))
        keys = self._by_kind.setdefault(kind, _Keys())
        self._numbers_by_kind.setdefault(kind, []).append(number)
        self.entries_by_id[entity.id] = self.entries[-1]
        seen: dict[str, float] = {}
        for name in entity.names:
            seen[self._fold(name)] = 0.0
        wholes = list(seen)
        for whole in wholes:
            parts = self._parts.get(whole)
            if parts is None:
                parts = self._parts[whole] = list(_parts(whole))
            for part in parts:
                seen.setdefault(part, PART_PENALTY)
        # Part of a person's name ("Hernández") names them in a sentence; part of a title
        # ("come", "night") does not, so titles are only found word for word when whole.
        parts_name = kind in PARTS_NAME_IN_TEXT
        building, exact = keys.building, self._exact
        for key, penalty in seen.items():
            owners = building.get(key)
            if owners is None:
                owners = building[key] = {}
            owners[number] = penalty
            if penalty == 0.0 or parts_name:
                found = exact.get(key)
                if found is None:
                    exact[key] = [(number, penalty)]
                else:
                    found.append((number, penalty))

    def all_keys(self) -> list[str]:
        """Every distinct folded key of each kind, for building a vocabulary of known words."""
        return [key for keys in self._by_kind.values() for key in keys.keys]

    def search(
        self,
        query: str,
        kinds: Iterable[str] | None = None,
        *,
        limit: int = MAX_SUGGESTIONS,
        cutoff: float = SUGGEST_SCORE,
    ) -> list[Match]:
        """Entities whose names resemble `query`, best first, one row per entity."""
        folded = fold(query)
        if not folded:
            return []
        # token_sort_ratio is the ratio of the word-sorted strings: the keys are sorted once.
        # An exact key scores 100 here too, so no separate exact pass is needed.
        words = folded.split()
        ordered = " ".join(sorted(words))
        # Lengths a key can have and still reach `cutoff` (ratio <= 200 * shorter / total).
        span = (len(ordered) * cutoff / (200 - cutoff), len(ordered) * (200 - cutoff) / cutoff)
        best: dict[int, float] = {}
        for kind in self._selected(kinds):
            keys = self._by_kind[kind]
            choices: list[str] | dict[int, str] = keys.sorted_words
            if keys.large:
                choices = {}
                keys.with_words(keys.close_words(words), choices, span)
            for _key, score, position in process.extract(
                ordered, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff,
                limit=None,
            ):  # fmt: skip
                for penalty, number in keys.top_owners(position, limit):
                    if score - penalty > best.get(number, 0.0):
                        best[number] = score - penalty
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [self._match(number, score) for number, score in ranked[:limit] if score >= cutoff]

    def resolve(self, query: str, kinds: Iterable[str] | None = None) -> Resolution:
        """Decide: one confident match, or candidates to offer, or nothing."""
        candidates = self.search(query, kinds)
        if not candidates:
            return Resolution(query, None)
        top = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        exact_and_alone = top.score >= 100.0 - PART_PENALTY and runner_up < top.score
        clear = top.score >= CONFIDENT_SCORE and top.score - runner_up >= CLEAR_LEAD
        if exact_and_alone or clear:
            return Resolution(query, top, candidates)
        return Resolution(query, None, candidates)

    def mentioned(self, folded_text: str, kinds: Iterable[str] | None = None) -> list[Match]:
        """Entities named word for word somewhere in a question, longest name first."""
        words = folded_text.split()
        found: dict[int, tuple[int, float]] = {}
        for phrase, length in _phrases(words):
            owners = self._exact.get(phrase, [])
            if len(owners) > MENTION_MAX_OWNERS:
                continue
            for number, penalty in owners:
                better = number not in found or found[number] < (length, -penalty)
                if better and self._kind_ok(number, kinds):
                    found[number] = (length, -penalty)
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))
        return [self._match(number, 100.0 + penalty) for number, (_, penalty) in ranked]

    def complete(self, kind: str, partial: str, limit: int) -> list[Match]:
        """Autocomplete: entities of `kind` ranked for a half-typed `partial`; all when empty."""
        if kind not in self._by_kind:
            return []
        folded = fold(partial)
        if not folded:
            return [self._match(n, 0.0) for n in self._numbers_by_kind[kind][:limit]]
        keys = self._by_kind[kind]
        choices: list[str] | dict[int, str] = keys.keys
        if keys.large:
            # What is typed so far, then any name with a word that starts so, then misspellings.
            choices = {}
            words = folded.split()
            cap, unbounded = MAX_COMPLETIONS_SCORED, (0.0, float("inf"))
            keys.starting_with(folded, choices, cap)
            keys.with_words(keys.prefixed_words(words[-1]), choices, unbounded, cap)
            keys.with_words(keys.close_words(words), choices, unbounded, cap)
            choices = {i: keys.keys[i] for i in choices}
        scored = sorted(
            (
                (min(100.0, score + (10.0 if key.startswith(folded) else 0.0)), position)
                for key, score, position in process.extract(
                    folded, choices, scorer=fuzz.WRatio, processor=None, score_cutoff=50,
                    limit=None,
                )
            ),
            key=lambda row: -row[0],
        )  # fmt: skip
        best: dict[int, float] = {}
        for done, (top, position) in enumerate(scored):
            # Large kinds: stop once `limit` entities already score at least what is left.
            if (
                keys.large
                and done % 32 == 0
                and len(best) >= limit
                and heapq.nlargest(limit, best.values())[-1] >= top
            ):
                break
            for penalty, number in keys.top_owners(position, limit):
                if top - penalty > best.get(number, 0.0):
                    best[number] = top - penalty
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [self._match(number, score) for number, score in ranked[:limit]]

    def _selected(self, kinds: Iterable[str] | None) -> Iterator[str]:
        wanted = set(self._by_kind) if kinds is None else set(kinds) & set(self._by_kind)
        return iter(sorted(wanted))

    def _kind_ok(self, number: int, kinds: Iterable[str] | None) -> bool:
        return kinds is None or self.entries[number].kind in set(kinds)

    def _match(self, number: int, score: float) -> Match:
        entry = self.entries[number]
        return Match(id=entry.id, name=entry.name, kind=entry.kind, score=round(score, 1))


def _parts(folded_name: str) -> Iterator[str]:
    """Contiguous word runs of a multi-word name, skipping stopwords and very short words."""
    words = folded_name.split()
    for size in range(1, len(words)):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if all(w in STOPWORDS or len(w) < 3 for w in run):
                continue
            yield " ".join(run)


def _phrases(words: list[str], longest: int = 6) -> Iterator[tuple[str, int]]:
    for size in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            yield " ".join(words[start : start + size]), size
