from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    """What a member of staff may do; the access checks read this, never the group names."""

    FOI_OFFICER = "foi_officer", "FOI officer"
    DECISION_MAKER = "decision_maker", "Decision maker"
    DEPARTMENT_CONTACT = "department_contact", "Department contact"
    READ_ONLY = "read_only", "Read only"


class User(AbstractUser):
    """A member of staff. The public never signs in: the disclosure log is open to all."""

    role = models.CharField(
        max_length=32,
        choices=Role.choices,
        default=Role.READ_ONLY,
        help_text="What this person may do in the FOI register.",
    )

    class Meta:
        verbose_name = "member of staff"
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return self.get_full_name() or self.username
