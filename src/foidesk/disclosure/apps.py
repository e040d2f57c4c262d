from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "foidesk.disclosure"
    verbose_name = "Disclosure log"
