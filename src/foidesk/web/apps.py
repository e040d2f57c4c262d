from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "foidesk.web"
    verbose_name = "Web pages"
