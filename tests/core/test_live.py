"""The served knowledge: out of the garbage collector's sight, and freed once replaced."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from bot.core.live import LiveKnowledge
from tests.support.knowledge_edits import replace_outside_comments


def test_served_knowledge_is_frozen_and_a_replaced_version_is_freed(knowledge_dir: Path) -> None:
    live = LiveKnowledge(knowledge_dir)
    served = live.engine
    assert gc.get_freeze_count() > 0, "the served knowledge is out of the collector's sight"
    old = weakref.ref(served)
    del served
    replace_outside_comments(
        knowledge_dir / "cast.yaml", "Jero Medina plays", "Jero Medina portrays"
    )
    assert live.reload().ok
    assert old() is None, "the replaced engine was collected, not kept frozen"
    assert "portrays" in live.engine.ask("who plays benjamin").text
    gc.unfreeze()
