"""Measure how often the bot understands fans' questions, beside two obvious baselines.

`dataset` loads the evaluation set, `scoring` decides whether one answer is right, `baselines`
answers the same set with plain fuzzy name matching, `report` turns scores into figures and
`cli` is `somos-bot eval`. See docs/evaluation.md for the method.
"""
