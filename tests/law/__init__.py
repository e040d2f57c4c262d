"""Tests of the pure-Python law package (no Django, no database)."""
