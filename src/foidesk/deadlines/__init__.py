"""The statutory clock in the web: the public deadline calculator and, later, stored deadlines.

The law itself (working days, deadlines, their explanations) lives in ``foidesk.law``.
"""
