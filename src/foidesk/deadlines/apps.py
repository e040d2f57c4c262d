from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "foidesk.deadlines"
    verbose_name = "Deadlines"
