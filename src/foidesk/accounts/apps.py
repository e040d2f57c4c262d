from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "foidesk.accounts"
    verbose_name = "Staff accounts"
