"""Admin for the authority's settings and departments, both changed through the services
(they write the audit trail).

Requests, questions and clock events change only through the services, so the admin shows them
read-only.
"""

from django.contrib import admin

from .models import Authority, Department, Question, Request
from .services import AUTHORITY_FIELDS, authority_update, department_delete, department_save


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("name", "default_regime", "reference_pattern", "cost_limit", "weekend_receipt")
    fields = AUTHORITY_FIELDS

    def save_model(self, request, obj, form, change) -> None:
        """Through the service, so the change is audited and deadlines follow it."""
        authority_update(
            actor=request.user,
            authority=obj,
            **{name: form.cleaned_data[name] for name in AUTHORITY_FIELDS},
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    """Through the services: a department's contacts see the questions routed to it, so each
    change (and each removal) is on the audit trail."""

    list_display = ("name",)
    filter_horizontal = ("contacts",)

    def save_model(self, request, obj, form, change) -> None:
        department_save(
            actor=request.user,
            department=obj,
            name=form.cleaned_data["name"],
            contacts=form.cleaned_data["contacts"],
        )

    def save_related(self, request, form, formsets, change) -> None:
        """The contacts were set by ``department_save``."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj) -> None:
        department_delete(actor=request.user, department=obj)

    def delete_queryset(self, request, queryset) -> None:
        for department in queryset:
            department_delete(actor=request.user, department=department)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Request)
class RequestAdmin(ReadOnlyAdmin):
    list_display = ("reference", "title", "state", "regime", "due_date", "assigned_officer")
    list_filter = ("state", "regime")
    search_fields = ("reference", "title")
    exclude = ("requester",)


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ("request", "number", "department", "status")
    list_filter = ("status", "department")
