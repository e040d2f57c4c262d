from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("foidesk.web.urls")),
    path("staff/", include("foidesk.cases.urls")),
    path("staff/", include("foidesk.decisions.urls")),
    path("staff/", include("foidesk.statistics.urls")),
    path("accounts/", include("foidesk.accounts.urls")),
    path("deadlines/", include("foidesk.deadlines.urls")),
    path("staff/imports/", include("foidesk.imports.urls")),
    path("", include("foidesk.disclosure.urls")),
    path("admin/", admin.site.urls),
]
