"""Decisions and responses: outcomes per question, cost worksheets, harm and public interest
tests built from the paragraph library, the checker's findings, sign-off and documents."""
