"""Fixtures shared by every test: the shipped knowledge, an engine with a fixed 'today'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.answering.engine import Engine
from bot.core.knowledge import KnowledgeBase, load_knowledge

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = REPO / "knowledge"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(knowledge: KnowledgeBase) -> Engine:
    return Engine(knowledge, today=lambda: TODAY)
