from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "foidesk.imports"
    verbose_name = "Disclosure-log imports"
