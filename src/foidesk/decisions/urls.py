"""Staff pages for drafting, checking and signing off responses, mounted at /staff/.

The response page lives under its request (``requests/<slug>/response/``); every action on it
posts to its own address below that. The paragraph library is at ``library/``.
"""

from django.urls import path

from . import documents_views
from .views import library, response

app_name = "decisions"

_R = "requests/<slug:slug>/response/"

urlpatterns = [
    path(_R, response.response_page, name="response"),
    path(f"{_R}decisions/new/", response.decision_new, name="decision-new"),
    path(f"{_R}decisions/<int:pk>/", response.decision_edit, name="decision-edit"),
    path(f"{_R}decisions/<int:pk>/delete/", response.decision_delete, name="decision-delete"),
    path(f"{_R}decisions/<int:pk>/advice/", response.advice_use, name="advice-use"),
    path(f"{_R}decisions/<int:pk>/cost-lines/", response.cost_line_add, name="cost-line-add"),
    path(f"{_R}cost-lines/<int:pk>/delete/", response.cost_line_delete, name="cost-line-delete"),
    path(f"{_R}tests/", response.test_start, name="test-start"),
    path(f"{_R}tests/<int:pk>/", response.test_reasoning, name="test-reasoning"),
    path(
        f"{_R}tests/<int:pk>/paragraphs/<slug:section>/",
        response.paragraph_add,
        name="paragraph-add",
    ),
    path(
        f"{_R}tests/<int:pk>/library/",
        response.paragraph_from_library,
        name="paragraph-from-library",
    ),
    path(f"{_R}paragraphs/<int:pk>/", response.paragraph_edit, name="paragraph-edit"),
    path(f"{_R}paragraphs/<int:pk>/remove/", response.paragraph_remove, name="paragraph-remove"),
    path(f"{_R}attachments/", response.attachment_add, name="attachment-add"),
    path(f"{_R}attachments/<int:pk>/", response.attachment_download, name="attachment-download"),
    path(f"{_R}attachments/<int:pk>/remove/", response.attachment_remove, name="attachment-remove"),
    path(f"{_R}attachments/<int:pk>/clean/", response.attachment_clean, name="attachment-clean"),
    path(f"{_R}submit/", response.submit, name="submit"),
    path(f"{_R}approve/", response.approve, name="approve"),
    path(f"{_R}send-back/", response.send_back, name="send-back"),
    path(f"{_R}sent/", response.record_sent, name="record-sent"),
    # The response document in each format (decisions/documents_views.py).
    path(f"{_R}preview/", documents_views.preview_html, name="preview-html"),
    path("requests/<slug:slug>/response.pdf", documents_views.preview_pdf, name="preview-pdf"),
    path("requests/<slug:slug>/response.docx", documents_views.preview_docx, name="preview-docx"),
    path("library/", library.library, name="library"),
    path("library/new/", library.library_create, name="library-create"),
    path("library/<slug:key>/", library.library_paragraph, name="library-paragraph"),
]
