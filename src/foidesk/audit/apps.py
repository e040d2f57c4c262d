from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "foidesk.audit"
    verbose_name = "Audit trail"
