"""Importing published disclosure logs (other authorities' and our own) as structured records.

``foidesk import-log PATH...`` (``management/commands/import_log.py``) reads the pages with
``foidesk.intake.pages``, extracts each with ``foidesk.intake.extraction`` and stores it
through ``services``; the staff pages under ``/staff/imports/`` show the runs, their failures
and the imported records.
"""
