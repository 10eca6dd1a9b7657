"""The per-fan rate limit: discord.py's buckets, with idle fans forgotten once a window."""

from __future__ import annotations

from bot.adapters.discord.throttle import Throttle


def test_a_fan_gets_rate_uses_a_window_then_waits() -> None:
    throttle = Throttle(rate=3, per=10.0)
    assert [throttle.hit(1, now=100.0) for _ in range(3)] == [None, None, None]
    wait = throttle.hit(1, now=101.0)
    assert wait is not None and 0 < wait <= 10.0
    assert throttle.hit(1, now=111.0) is None, "a new window, a full bucket"


def test_each_fan_has_a_bucket_of_their_own() -> None:
    throttle = Throttle(rate=1, per=10.0)
    assert throttle.hit(1, now=0.0) is None
    assert throttle.hit(1, now=1.0) is not None
    assert throttle.hit(2, now=1.0) is None, "one flooding fan slows no one else"


def test_idle_fans_are_forgotten_and_active_ones_kept() -> None:
    throttle = Throttle(rate=2, per=10.0)
    for user in range(1_000):
        throttle.hit(user, now=100.0)
    throttle.hit(5_000, now=108.0)  # a window that runs until 118
    assert len(throttle) == 1_001
    throttle.hit(5_000, now=111.0)  # a window after the last sweep: the fans of 100 go
    assert len(throttle) == 1
    assert throttle.hit(5_000, now=112.0) is not None, "its bucket was kept: a third use waits"
