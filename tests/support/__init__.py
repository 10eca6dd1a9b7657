"""Test helpers shared by test packages (spec validation, Discord payloads and captures)."""
