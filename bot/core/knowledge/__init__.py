"""Knowledge: the validated models of what the sources claim, and loading them from YAML."""

from bot.core.knowledge.loader import KnowledgeError, LoadFailed, load_knowledge
from bot.core.knowledge.models import (
    CastMember,
    Claim,
    Dispute,
    Episode,
    KnowledgeBase,
    Person,
    Season2,
    Show,
    Source,
)

__all__ = [
    "CastMember",
    "Claim",
    "Dispute",
    "Episode",
    "KnowledgeBase",
    "KnowledgeError",
    "LoadFailed",
    "Person",
    "Season2",
    "Show",
    "Source",
    "load_knowledge",
]
