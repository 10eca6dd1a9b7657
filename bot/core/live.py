"""The knowledge that is being served right now, and swapping in a new version safely.

One `Engine` is current at any moment. A reload builds a complete new engine off to the side and
replaces the reference in one assignment, so a question sees either the old knowledge or the new,
never half of each. An invalid edit leaves the last good engine serving and records the errors.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.answering.engine import Engine
from bot.core.knowledge.loader import KnowledgeError, LoadFailed, load_knowledge

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: `ok` with the new summary, or the errors that kept the old version."""

    ok: bool
    summary: str
    errors: list[KnowledgeError] = field(default_factory=list)
    changed: bool = True


class LiveKnowledge:
    """The current engine for a knowledge directory, reloaded on demand or by `watch()`."""

    def __init__(
        self, directory: Path | str, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self.directory = Path(directory)
        self._today = today
        self._fingerprint = fingerprint(self.directory)
        self.engine = Engine(load_knowledge(self.directory), today=today)
        _out_of_collector_sight()
        self.loaded_at = dt.datetime.now(dt.UTC)
        self.last_error: list[KnowledgeError] = []
        self.last_error_at: dt.datetime | None = None

    @property
    def summary(self) -> str:
        return self.engine.knowledge.summary()

    def reload(self) -> ReloadResult:
        """Validate the directory and, only if it is valid, swap the new knowledge in."""
        current = fingerprint(self.directory)
        try:
            engine = Engine(load_knowledge(self.directory), today=self._today)
        except LoadFailed as failure:
            self._fingerprint = current
            self.last_error = failure.errors
            self.last_error_at = dt.datetime.now(dt.UTC)
            log.warning(
                "Knowledge edit rejected; still serving the version loaded at %s:\n%s",
                self.loaded_at.isoformat(timespec="seconds"),
                failure,
            )
            return ReloadResult(ok=False, summary=self.summary, errors=failure.errors)
        self.engine = engine
        del engine
        _out_of_collector_sight()
        self._fingerprint = current
        self.loaded_at = dt.datetime.now(dt.UTC)
        self.last_error = []
        self.last_error_at = None
        log.info("Knowledge reloaded: %s", self.summary)
        return ReloadResult(ok=True, summary=self.summary)

    def reload_if_changed(self) -> ReloadResult | None:
        """Reload when a file was added, removed or edited since the last look."""
        if fingerprint(self.directory) == self._fingerprint:
            return None
        return self.reload()

    async def watch(self, interval: float) -> None:
        """Poll the directory every `interval` seconds and reload on change, until cancelled."""
        while True:
            await asyncio.sleep(interval)
            try:
                # Loading is CPU work: keep the event loop free for interactions meanwhile.
                await asyncio.to_thread(self.reload_if_changed)
            except Exception:
                log.exception("Knowledge watcher failed; it keeps watching")


def _out_of_collector_sight() -> None:
    """Keep the cyclic garbage collector off the knowledge being served.

    Served knowledge is long-lived: at 100,000 entities it is millions of objects, and every
    full collection would walk all of them (about a second and a half there, more than Discord's
    3-second window at a million), pausing every answer. Freezing moves what exists now out of
    the collector's sight; unfreezing first lets the version just replaced be collected.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def fingerprint(directory: Path) -> str:
    """A digest of the names, sizes and modification times of the knowledge files."""
    digest = hashlib.sha256()
    try:
        paths = sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"})
    except OSError:
        return "missing"
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
