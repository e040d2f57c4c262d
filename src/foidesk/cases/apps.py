from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "foidesk.cases"
    verbose_name = "Request register"
