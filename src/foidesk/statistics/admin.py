"""Admin for statistics: read-only views of data sets and saved tables (they change only
through the services, which write the audit trail); the policy is changed on its staff page."""

from django.contrib import admin

from .models import Dataset, DisclosurePolicy, SavedTable


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Dataset)
class DatasetAdmin(ReadOnlyAdmin):
    list_display = ("name", "version", "source_kind", "row_count", "registered_at")
    list_filter = ("source_kind",)


@admin.register(SavedTable)
class SavedTableAdmin(ReadOnlyAdmin):
    list_display = ("title", "request", "question", "dataset", "created_at")


@admin.register(DisclosurePolicy)
class DisclosurePolicyAdmin(ReadOnlyAdmin):
    list_display = ("authority", "threshold", "marker", "secondary", "rounding", "updated_at")
