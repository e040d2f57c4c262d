from django.contrib import admin

from .models import Publication, RedactionRule, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(RedactionRule)
class RedactionRuleAdmin(admin.ModelAdmin):
    """Authority-wide rules are added here; rules for one request come from publishing."""

    list_display = ["reason", "kind", "scope", "request", "whole_response", "is_active"]
    list_filter = ["scope", "kind", "is_active"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Read only: publications change through publishing, correcting and withdrawing."""

    list_display = ["reference", "version", "title", "published_at", "is_current", "withdrawn_at"]
    list_filter = ["is_current", "outcome", "year"]
    search_fields = ["reference", "title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
