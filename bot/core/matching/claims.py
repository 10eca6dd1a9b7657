"""A small search index over the knowledge's claims: which facts a question's words point at.

Cue lists and keywords say what a question asks for when fans use the words moderators thought
of. Fans also paraphrase ("why did the zetas attack allende", "one main hero or an ensemble"),
and the words of such a paraphrase usually occur in the claim itself. So every claim is indexed
by its content words: its `keywords`, its `text` and `text_es`, and its owner's names, folded
and stemmed. A question is scored against the claims with BM25 (rare words weigh more than
words every claim has), and the index says which of the question's words the knowledge knows at
all: a word it knows nowhere is what makes a question unanswerable, not a word it merely has no
cue for.

Cost: building is linear in the words of the knowledge. A query looks up each of its words (a
dict lookup, then the postings of that word, unless the word is in more than `MAX_POSTINGS`
claims) and, only for a long word with no exact hit, runs one rapidfuzz extract over the long
terms.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.core.text import fold

K1 = 1.2
"""BM25 term saturation: a term given in a keyword and again in the text counts a bit more."""

B = 0.5
"""BM25 length normalisation: a long claim matches many words by chance, so it weighs less."""

KEYWORD_WEIGHT = 1.0
"""How much a word counts when it sits in a claim's keywords or its owner's names..."""

PROSE_WEIGHT = 0.6
"""...and when it sits only in the claim's prose, which has more incidental words."""

MIN_CHARS = 2
"""A single letter (the `s` of `Thompson's`, `u` for "you") is never a content word."""

FUZZY_MIN_CHARS = 5
"""Shorter words are never read as a misspelling: `chapo` is not `chayo`, `dark` not `dare`."""

MAX_POSTINGS = 256
"""A term in more claims than this (`actor` in a knowledge of many actors) still makes a word
known, but is not used to rank claims: its weight is near nil, and walking its claims would make
a question's cost follow the size of the knowledge."""

TERM_CACHE = 4096
"""How many looked-up words to remember; past that the memory starts afresh (bounded memory)."""

FUZZY_SCORE = 85.0
"""A long word this close (rapidfuzz ratio, same first letter) to a known term is read as it."""


@dataclass(frozen=True)
class Document:
    """What one claim is indexed by: its keywords and owner names, and its prose."""

    keywords: Sequence[str]
    prose: Sequence[str]


@dataclass(frozen=True)
class Retrieval:
    """The outcome of scoring one question: the claims it points at and the words it explained."""

    ranked: list[tuple[int, float]]
    """Documents with a positive score, best first, as (document number, score)."""

    weights: dict[str, float] = field(default_factory=dict)
    """Each question word the knowledge knows (exactly or by a close spelling), with its IDF."""

    coverage: float = 0.0
    """The most the question's words tell about any one claim: the IDF sum of the question's
    terms that claim holds (a term only in its prose at `PROSE_WEIGHT`; a run of neighbouring
    words, such as a keyword phrase or a full name, counted once, by its rarest word). Rare
    words that meet in one claim ("zetas", "attack" and "allende") say more than a single
    phrase ("worth watching" in "is narcos mexico worth watching")."""

    @property
    def best(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0


class ClaimIndex:
    """BM25 over claims' content words, stemmed and folded, tolerant of typos in long words."""

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        stem: Callable[[str], str],
        stopwords: Collection[str],
    ) -> None:
        self._stem = stem
        self._stopwords = frozenset(stopwords)
        self._build_stems: dict[str, str] = {}  # words repeat across claims: stem each once
        # Keywords and owners' names repeat across claims too (an owner's names are in each of
        # its claims): their terms are worked out once per distinct text. The terms of several
        # texts are the terms of each in turn (`fold` never joins words across a space).
        keyword_terms: dict[str, list[str]] = {}
        self._postings: dict[str, list[tuple[int, float]]] = {}
        postings = self._postings
        lengths: list[int] = []
        for number, document in enumerate(documents):
            weights: dict[str, float] = {}
            for term in self.terms(document.prose):
                weights[term] = weights.get(term, 0.0) + PROSE_WEIGHT
            for text in document.keywords:
                terms = keyword_terms.get(text)
                if terms is None:
                    terms = keyword_terms[text] = self.terms([text])
                for term in terms:
                    weights[term] = weights.get(term, 0.0) + KEYWORD_WEIGHT
            lengths.append(len(weights))
            for term, weight in weights.items():
                rows = postings.get(term)
                if rows is None:
                    postings[term] = [(number, weight)]
                else:
                    rows.append((number, weight))
        self._lengths = lengths
        self._average = (sum(lengths) / len(lengths)) if lengths else 1.0
        total = len(documents)
        self._idf = {
            term: math.log(1.0 + (total - len(rows) + 0.5) / (len(rows) + 0.5))
            for term, rows in self._postings.items()
        }
        self.unknown_idf = math.log(1.0 + (total + 0.5) / 0.5)
        """The weight of a word no claim has: more informative than any word the knowledge has."""
        self._build_stems = {}
        self._long_terms = sorted(t for t in self._postings if len(t) >= FUZZY_MIN_CHARS)
        self._term_cache: dict[str, str | None] = {}

    def terms(self, texts: Iterable[str]) -> list[str]:
        """The stemmed content words of `texts`, in order, function words left out."""
        stems = self._build_stems
        terms = []
        for word in fold(" ".join(texts)).split():
            if len(word) >= MIN_CHARS and word not in self._stopwords:
                if (term := stems.get(word)) is None:
                    term = stems[word] = self._stem(word)
                terms.append(term)
        return terms

    def term_of(self, word: str) -> str | None:
        """The indexed term a (folded) word stands for: its stem, or a close long term.

        Words recur across questions (and twice in one: the engine searches with and without
        cue words), so answers are remembered, up to `TERM_CACHE` words.
        """
        if word in self._term_cache:
            return self._term_cache[word]
        term = self._lookup(word)
        if len(self._term_cache) >= TERM_CACHE:
            self._term_cache.clear()
        self._term_cache[word] = term
        return term

    def _lookup(self, word: str) -> str | None:
        if len(word) < MIN_CHARS or word in self._stopwords:
            return None
        term = self._stem(word)
        if term in self._postings:
            return term
        if len(word) < FUZZY_MIN_CHARS:
            return None
        found = process.extractOne(
            term, self._long_terms, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_SCORE
        )
        return found[0] if found is not None and found[0][0] == term[0] else None

    def search(self, words: Sequence[str]) -> Retrieval:
        """Score every claim sharing a term with `words` (already folded), best first."""
        scores: dict[int, float] = {}
        weights: dict[str, float] = {}
        # Coverage, per claim: the evidence of runs of words closed so far, and of the open run
        # (its last position and its strongest word).
        closed: dict[int, float] = {}
        open_runs: dict[int, tuple[int, float]] = {}
        seen: set[str] = set()
        for position, word in enumerate(words):
            term = self._remember(word, weights)
            if term is None or term in seen:
                continue
            seen.add(term)
            idf = self._idf[term]
            postings = self._postings[term]
            if len(postings) > MAX_POSTINGS:
                continue  # known, but too common to tell claims apart
            for number, tf in postings:
                norm = 1.0 - B + B * self._lengths[number] / self._average
                scores[number] = scores.get(number, 0.0) + idf * tf * (K1 + 1) / (tf + K1 * norm)
                # A word met only in the prose counts less than a keyword or a name, and
                # neighbouring words are one piece of evidence ("worth watching", a full name).
                evidence = idf * min(tf, KEYWORD_WEIGHT)
                last, strongest = open_runs.get(number, (-2, 0.0))
                if last == position - 1:
                    open_runs[number] = (position, max(strongest, evidence))
                else:
                    closed[number] = closed.get(number, 0.0) + strongest
                    open_runs[number] = (position, evidence)
        coverage = max(
            (closed.get(n, 0.0) + strongest for n, (_, strongest) in open_runs.items()),
            default=0.0,
        )
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return Retrieval(ranked, weights, coverage)

    def _remember(self, word: str, weights: dict[str, float]) -> str | None:
        term = self.term_of(word)
        if term is not None:
            weights[word] = self._idf[term]
        return term
