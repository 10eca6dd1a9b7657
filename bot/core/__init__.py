"""The platform-free core: knowledge (models, loading) → matching → answering.

Nothing in this package knows about Discord, a console or JSON; adapters render its `Answer`.
"""
