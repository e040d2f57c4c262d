"""Statistics pages, mounted at /staff/ (see ``views``)."""

from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("statistics/", views.dataset_list, name="datasets"),
    path("statistics/datasets/new/", views.dataset_register, name="dataset-register"),
    path("statistics/datasets/<int:pk>/", views.dataset_detail, name="dataset"),
    path("statistics/datasets/<int:pk>/kinds/", views.dataset_kinds, name="dataset-kinds"),
    path("statistics/policy/", views.policy_page, name="policy"),
    path(
        "requests/<slug:slug>/questions/<int:number>/table/",
        views.question_table,
        name="question-table",
    ),
]
