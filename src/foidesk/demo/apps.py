from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "foidesk.demo"
    verbose_name = "Demo data"
