"""Hypothesis strategies for hostile input: any unicode, markup and mentions, and huge text."""

from __future__ import annotations

from hypothesis import strategies as st

NASTY_PIECES = [
    "\x00", "\x07", "\x1b[31m", "\r\n", "\t", "\u200b", "\u200f", "\u202e", "\u2066", "\ufeff",
    "\ufffd", "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a",  # zalgo
    "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇲🇽", "ﷺ", "𒐫", "ǅ", "ß", "İ", "ﬃ", "Ⅻ", "١٢٣",
    "@everyone", "@here", "<@1100000000000000001>", "<@!1200000000000000009>",
    "<@&1200000000000000001>", "<#1200000000000000002>", "</cast:1100000000000000001>",
    "**", "__", "~~", "||", "`", "```", "\\", "\\*", "> ", "# ", "-# ", "[x](https://e.example)",
    "/ask ", "/cast ", "/episode ", "/", "Doña Chayo", "episodio 3", "¿temporada 2?", "who plays",
]  # fmt: skip
"""Pieces that have broken bots: controls, bidi marks, zalgo, emoji, mentions, markdown."""


def any_text(*, surrogates: bool = True, max_size: int = 120) -> st.SearchStrategy[str]:
    """Any unicode string (lone surrogates only where Python code, not Discord, is the source)."""
    excluded = () if surrogates else ("Cs",)
    return st.text(st.characters(exclude_categories=excluded), max_size=max_size)


def hostile_text(*, surrogates: bool = False) -> st.SearchStrategy[str]:
    """Short hostile text: random unicode mixed with the pieces above, or nothing at all."""
    piece = st.one_of(st.sampled_from(NASTY_PIECES), any_text(surrogates=surrogates, max_size=20))
    return st.one_of(
        st.just(""),
        any_text(surrogates=surrogates),
        st.lists(piece, max_size=12).map("".join),
    )


def huge_text(*, surrogates: bool = False) -> st.SearchStrategy[str]:
    """Hostile text repeated to just over the cap, to Discord's limits, or to 100,000 characters."""
    sizes = st.sampled_from([301, 2_001, 4_001, 6_001, 100_000])
    return st.tuples(hostile_text(surrogates=surrogates), sizes).map(_repeat)


def _repeat(args: tuple[str, int]) -> str:
    seed, size = args
    seed = seed or "x"
    return (seed * (size // len(seed) + 1))[:size]


def fan_input(*, surrogates: bool = False) -> st.SearchStrategy[str]:
    """What a fan can type: mostly hostile short text, sometimes huge, maybe after a command."""
    prefix = st.sampled_from(["", "", "", "/ask ", "/cast ", "/episode ", "/ASK /ask "])
    body = st.one_of(hostile_text(surrogates=surrogates), huge_text(surrogates=surrogates))
    return st.tuples(prefix, body).map("".join)
