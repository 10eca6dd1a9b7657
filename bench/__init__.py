"""Benchmarks of somos-bot: engine, scale, end to end and start-up. See bench/README.md."""
