"""Staff pages of the register, mounted at /staff/. One module per page in ``views/``."""

from django.urls import path

from .views import case, case_list, dashboard, department, intake

app_name = "cases"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("requests/", case_list.case_list, name="list"),
    path("requests/new/", intake.new_request, name="new"),
    path("requests/<slug:slug>/", case.case_page, name="case"),
    path("requests/<slug:slug>/state/", case.change_state, name="change-state"),
    path("requests/<slug:slug>/clock/", case.record_clock_event, name="clock-event"),
    path("requests/<slug:slug>/assign/", case.assign, name="assign"),
    path("requests/<slug:slug>/regime/", case.change_regime, name="change-regime"),
    path("requests/<slug:slug>/requester/", case.reveal_requester, name="reveal-requester"),
    path("requests/<slug:slug>/link/", case.link_request, name="link"),
    path(
        "requests/<slug:slug>/questions/<int:number>/route/",
        case.route_question,
        name="route-question",
    ),
    path("questions/", department.my_questions, name="my-questions"),
    path("questions/<int:pk>/", department.answer_question, name="answer-question"),
]
