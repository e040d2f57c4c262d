"""The public disclosure log (``/disclosure-log/``), its API (``/api/v1/``) and the staff
publishing pages (under ``/staff/requests/<slug>/``)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from .feeds import LogFeed
from .sitemaps import SITEMAPS
from .views import api, log, publish

app_name = "disclosure"

urlpatterns = [
    path("disclosure-log/", log.log, name="log"),
    path("disclosure-log/feed/", LogFeed(), name="feed"),
    path("disclosure-log/topics/<slug:slug>/feed/", LogFeed(), name="topic-feed"),
    path("disclosure-log/export.csv", log.export_csv, name="export-csv"),
    path("disclosure-log/<slug:slug>/", log.entry, name="entry"),
    path(
        "disclosure-log/<slug:slug>/versions/<int:version>/",
        log.entry,
        name="entry-version",
    ),
    path(
        "disclosure-log/<slug:slug>/versions/<int:version>/attachments/<int:pk>/",
        log.attachment,
        name="attachment",
    ),
    path("api/v1/entries/", api.entries, name="api-entries"),
    # Any text, so an address that is not a slug answers the API's JSON 404 (not a page).
    path("api/v1/entries/<str:slug>/", api.entry, name="api-entry"),
    path("api/v1/openapi.json", api.schema, name="api-schema"),
    re_path(r"^api/v1/(?P<rest>.+/)$", api.not_found),
    # The API's own address, with or without its slash, has nothing to serve either.
    re_path(r"^api/v1/?$", api.not_found),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "disclosure:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("staff/requests/<slug:slug>/disclosure-log/", publish.publish_page, name="publish"),
    path(
        "staff/requests/<slug:slug>/disclosure-log/withdraw/",
        publish.withdraw,
        name="withdraw",
    ),
]
