"""The import pages, mounted at /staff/imports/."""

from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("records/", views.record_list, name="records"),
    path("records/<int:pk>/", views.record_detail, name="record"),
    path("records/<int:pk>/check/", views.record_check, name="record-check"),
]
