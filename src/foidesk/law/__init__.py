"""The law, in plain Python with no Django import: regimes, calendars and the statutory clock.

Every rule cites its source in ``shared/law/UK-FOI-RULES.md``; see ``deadlines`` for the clock.
"""
