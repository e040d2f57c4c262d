"""Intake: turning what a requester sent (pasted text, an .eml file) into plain data.

Pure Python with no Django import, like ``law``: the register's services call these helpers and
store what the FOI officer confirms. Nothing here decides anything; it proposes, the officer edits.
"""
