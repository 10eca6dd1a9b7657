"""Episode references as fans write them: `3`, `ep 3`, `episode three`, `capítulo 3`, `E03`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

EpisodeRef = int | Literal["last", "before last"]

_NUMBER_WORDS = {
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
    # Spanish
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "primer": 1, "primero": 1, "primera": 1,
    "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4,
    "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
}  # fmt: skip
_CARDINALS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
}  # fmt: skip
"""Before an episode word a cardinal counts episodes (`six episodes`) or is a pronoun (`the moon
one episode`); only after it (`episode one`) does it name one."""
_LAST_WORDS = {"last", "final", "finale", "ultimo", "ultima", "closing", "cierra"}
_BEFORE_LAST = (
    "second to last", "penultimate", "penultimo", "penultima", "anteultimo", "anteultima",
    "next to last",
    "before the finale", "before the last", "antes del final", "antes del ultimo",
)  # fmt: skip
"""The episode before the last: `whats the name of the second to last episode`."""
EPISODE_WORDS = frozenset({
    "episode", "episodes", "ep", "eps", "epi", "episodio", "episodios", "capitulo", "capitulos",
    "cap", "caps", "capi", "chapter", "installment", "entrega",
})  # fmt: skip
"""Words that name an episode: a number beside one is an episode's (`ep 3`, `capítulo 3`)."""
_CODE = re.compile(r"^(?:(?:s0?1)?e(?:p)?|s?0?1x)0*(\d{1,3})$")
"""`E03`, `ep3`, `S1E6`, `s01e02`, and the `1x02` of TV guides: season one's episodes only."""
_DIGITS = re.compile(r"^#?0*(\d{1,3})(?:st|nd|rd|th|o|a|º|ª)?$")
MAX_NUMBER = 999

_AND = frozenset({"and", "y", "e", "&", "or", "o"})
"""Words that join episode numbers: `eps 5 and 6`, `cap 1 y cap 2`."""
_ARTICLES = frozenset({"el", "la", "the"})
"""Articles a fan may put before a number: `del 1, el 3 y el 4`."""
_BETWEEN = _ARTICLES | {
    "cual", "which", "what", "is", "es", "one", "del", "de", "of", "for", "also", "tambien",
}
"""Words between `and` and the next value: `el primer episodio y cuál el último`, `el nombre del
episodio 4 y del 5`."""
_THROUGH = frozenset({"to", "through", "thru", "till", "until", "a", "al", "hasta"})
"""Words that span a range of episodes: `eps 1 to 3`, `del 1 al 4` (`1-3` is read as `1 to 3`)."""
_MAX_RANGE = 10
"""The most episodes a range spans: `eps 1 to 3`, never `1 to 2021`."""
_FROM = frozenset({"del", "de", "from"})
"""Between an episode word and the first number of a range: `episodios del 2 al 4`."""
_OF = _FROM | {"of"}
"""Between a word for titles and the number they are asked of: `nombres del 1`, `title of 3`."""
_TITLE_NOUNS = frozenset({
    "title", "titles", "name", "names", "titulo", "titulos", "nombre", "nombres",
})  # fmt: skip
"""`los nombres del 1 y el 3`: titles asked of numbers are episodes' titles."""


DESCRIBING_WORDS = frozenset({"with", "where", "when", "that", "about", "who"})

_PICKING = frozenset({"which", "what", "that", "this"})
"""Words before a `one` that picks an episode rather than counts it: `which one is next`."""
"""Words after `the one` that describe an episode rather than count it: `the one with the
flies`."""


def parse_episode_reference(folded: str, *, bare: bool = False) -> EpisodeRef | None:
    """Find an episode reference in already-folded text.

    With `bare` (the `/episode` option box), a lone number or ordinal counts; in free text the
    reference must sit next to a word like `episode`, be a code like `E03`, or be the number
    whose titles are asked (`the name of 3`, `nombres del 1`), so that `season 2` or `top 3
    actors` is not read as an episode.
    """
    words = folded.split()
    if not words:
        return None
    padded = f" {folded} "
    if any(f" {p} " in padded for p in _BEFORE_LAST) and (
        bare or any(w in EPISODE_WORDS for w in words)
    ):
        return "before last"
    for i, word in enumerate(words):
        if code := _CODE.match(word):
            return int(code.group(1))
        if word in EPISODE_WORDS:
            before = [j for j in range(i - 1, max(i - 3, -1), -1) if words[j] not in _CARDINALS]
            for j in [*range(i + 1, min(i + 3, len(words))), *before]:
                value = None if _the_one_described(words, j) else _word_value(words[j])
                if value is not None:
                    return value
        if (titled := _number_titled(words, i)) is not None:
            return titled
    if "finale" in words or " el final " in padded:
        return "last"  # these name the last episode by themselves, unlike `last` or `final`
    if bare and len(words) <= 3:
        values = [
            v
            for j, w in enumerate(words)
            if not _the_one_described(words, j) and (v := _word_value(w)) is not None
        ]
        if len(values) == 1:
            return values[0]
    return None


def episode_number(reference: EpisodeRef, numbers: Iterable[int]) -> int | None:
    """The number `reference` names among the episodes numbered `numbers`, if any.

    `last` is the highest number, `before last` the one below it.
    """
    if isinstance(reference, int):
        return reference
    ordered = sorted(numbers)
    back = 1 if reference == "last" else 2
    return ordered[-back] if len(ordered) >= back else None


def _the_one_described(words: list[str], j: int) -> bool:
    """Whether `words[j]` is a pronoun, not episode 1: `the one with the flies`, `which one`."""
    return (
        words[j] == "one"
        and j > 0
        and (
            words[j - 1] in _PICKING
            or (words[j - 1] == "the" and (j + 1 == len(words) or words[j + 1] in DESCRIBING_WORDS))
        )
    )


def _word_value(word: str) -> EpisodeRef | None:
    if word in _LAST_WORDS:
        return "last"
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if digits := _DIGITS.match(word):
        return int(digits.group(1))
    return None


def _skip_between(words: list[str], k: int) -> int:
    """Where the next value may be from `words[k]` on, past words like `el`: `y el último`."""
    while k < len(words) and words[k] in _BETWEEN:
        k += 1
    return k


def _number_titled(words: list[str], i: int) -> int | None:
    """The number whose titles `words[i]` asks for after `del`/`of` (`nombres del 1`), if any.

    Not when a word follows the number that it counts: `the name of 2 actors`.
    """
    if words[i] not in _TITLE_NOUNS or i + 2 >= len(words) or words[i + 1] not in _OF:
        return None
    value = _word_value(words[i + 2])
    after = words[i + 3] if i + 3 < len(words) else None
    if not isinstance(value, int) or not words[i + 2].isdigit():
        return None
    if after is None or after.isdigit() or after in _AND | _ARTICLES | _THROUGH:
        return value
    return None


def _after_counted_digit(words: list[str], i: int, values: dict[int, EpisodeRef]) -> bool:
    """Whether the word before `words[i]`, an article aside, is a counted number."""
    k = i - 1
    if k >= 0 and words[k] in _ARTICLES:
        k -= 1
    return k in values and words[k].isdigit()


def parse_episode_references(folded: str) -> list[EpisodeRef]:
    """Every episode a fan names: `eps 5 and 6`, `cap 1 y cap 2`, `first and last episode`.

    A number or ordinal counts beside an episode word or code (after it, `del` aside, or before
    it unless it counts episodes: `six episodes`), after a word asking for titles (`los nombres
    del 1`), or joined by `and`/`y` (or, as digits, by a comma) to one that counts; a range
    (`eps 1 to 3`) counts every number in it.
    """
    words = folded.split()
    values: dict[int, EpisodeRef] = {}
    for i, word in enumerate(words):
        if code := _CODE.match(word):
            values[i] = int(code.group(1))
            continue
        value = _word_value(word)
        if value is None:
            continue
        after_episode_word = (i > 0 and words[i - 1] in EPISODE_WORDS) or (
            i > 1
            and (
                (words[i - 1] in _FROM and words[i - 2] in EPISODE_WORDS)
                or _number_titled(words, i - 2) is not None
            )
        )
        before_episode_word = (
            i + 1 < len(words) and words[i + 1] in EPISODE_WORDS and word not in _CARDINALS
        )
        if after_episode_word or before_episode_word:
            values[i] = value
    # `5 and 6`, `first and last`: a value joined to a counted one counts too.
    changed = True
    while changed:
        changed = False
        for i, word in enumerate(words):
            if i in values or (value := _word_value(word)) is None:
                continue
            joined = (
                _joined_back(words, i, values)
                or (
                    i + 2 < len(words)
                    and words[i + 1] in _AND
                    and _skip_between(words, i + 2) in values
                )
                # `caps 4, 5 y 6`, `del 1, el 3`: the commas are gone, the numbers stand side by
                # side (an article aside).
                or (word.isdigit() and _after_counted_digit(words, i, values))
            )
            if joined:
                values[i] = value
                changed = True
    found: list[EpisodeRef] = []
    for i in sorted(values):
        found.append(first := values[i])
        # `eps 1 to 3`, `del 1 al 4`: a range between two numbers counts every number in it.
        if i + 2 < len(words) and words[i + 1] in _THROUGH and isinstance(first, int):
            last = _word_value(words[i + 2])
            if isinstance(last, int) and first < last <= first + _MAX_RANGE:
                found.extend(range(first + 1, last + 1))
    return list(dict.fromkeys(found))


def _joined_back(words: list[str], i: int, values: dict[int, EpisodeRef]) -> bool:
    """Whether `words[i]` follows a counted value across `and`: `5 and 6`, `y cuál el último`."""
    j = i - 1
    while j >= 0 and words[j] in _BETWEEN:
        j -= 1
    if j < 0 or words[j] not in _AND:
        return False
    k = j - 1
    if k >= 0 and words[k] in EPISODE_WORDS:
        k -= 1
    return k in values
