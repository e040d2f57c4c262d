from django.urls import path

from . import views

app_name = "deadlines"
urlpatterns = [
    path("when-is-my-answer-due/", views.calculator, name="calculator"),
]
