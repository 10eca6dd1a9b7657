"""somos-bot: answers fans' questions about *Somos.* (Netflix, 2021) with sources and caveats."""

__version__ = "0.1.0"
