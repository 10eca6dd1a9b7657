"""One cog a feature: what fans ask (`fans`), what moderators manage (`moderators`)."""
