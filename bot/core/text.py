"""The one text normalisation used everywhere a fan's words meet the knowledge."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_UNDERSCORE = re.compile(r"_+")


def fold(text: str) -> str:
    """Fold accents, case, punctuation and spacing so `Doña Chayo` and `dona  chayo!` compare equal.

    Letters and digits of every script survive; everything else (quotes, smart quotes, dots,
    control characters, emoji) becomes a single space.
    """
    if not text.isascii():  # most questions are: they have no accents to fold
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", text.casefold())
    return " ".join(_UNDERSCORE.sub(" ", words).split())
