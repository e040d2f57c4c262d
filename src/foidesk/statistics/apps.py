from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    """Statistics tables with disclosure control (issue 7): data sets, saved table
    definitions and the authority's small-numbers policy. The counting itself is the
    plain-Python core beside this app (definition, tabulate, suppression, output)."""

    name = "foidesk.statistics"
    verbose_name = "Statistics tables"
