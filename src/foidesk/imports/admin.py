"""Read-only admin for import runs, records and failures: they change only through imports."""

from django.contrib import admin

from .models import ImportedRecord, ImportFailure, ImportRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class FailureInline(admin.TabularInline):
    model = ImportFailure
    fields = ("source", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "started_at",
        "finished_at",
        "started_by",
        "pages_read",
        "imported",
        "updated",
        "unchanged",
        "failed",
    )
    inlines = [FailureInline]


@admin.register(ImportedRecord)
class ImportedRecordAdmin(ReadOnlyAdmin):
    list_display = ("reference", "title", "authority_name", "overall_outcome", "last_imported_at")
    list_filter = ("overall_outcome", "regime", "ncnd", "authority_name")
    search_fields = ("reference", "title", "provisions_text")
    exclude = ("full_text",)
