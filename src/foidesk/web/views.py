from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def public_home(request: HttpRequest) -> HttpResponse:
    """The public front page: how to ask, when to expect an answer, the disclosure log."""
    return render(request, "web/public_home.html", {"nav_section": "public"})
