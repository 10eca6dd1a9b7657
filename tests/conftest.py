"""Fixtures shared by every test: the shipped knowledge, an engine with a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from bot.core.answering.engine import Engine
from bot.core.knowledge import KnowledgeBase, load_knowledge

# CI runs the property tests with fixed examples, so a run fails only on a change of code;
# locally every run explores new inputs (which is how the hardening tests found their bugs).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = REPO / "knowledge"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(knowledge: KnowledgeBase) -> Engine:
    return Engine(knowledge, today=lambda: TODAY)


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A private, editable copy of the shipped knowledge."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target
