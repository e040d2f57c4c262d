"""Staff pages for drafting, checking and signing off responses, mounted at /staff/.

The response page lives under its request (``requests/<slug>/response/``); every action on it
posts to its own address below that. The paragraph library is at ``library/``.
"""

from django.urls import path

from .views import attachments, decisions, harm_tests, library, previews, response, sign_off

app_name = "decisions"

_R = "requests/<slug:slug>/response/"

urlpatterns = [
    path(_R, response.response_page, name="response"),
    path(f"{_R}decisions/new/", decisions.decision_new, name="decision-new"),
    path(f"{_R}decisions/<int:pk>/", decisions.decision_edit, name="decision-edit"),
    path(f"{_R}decisions/<int:pk>/delete/", decisions.decision_delete, name="decision-delete"),
    path(f"{_R}decisions/<int:pk>/advice/", decisions.advice_use, name="advice-use"),
    path(f"{_R}decisions/<int:pk>/cost-lines/", decisions.cost_line_add, name="cost-line-add"),
    path(f"{_R}cost-lines/<int:pk>/delete/", decisions.cost_line_delete, name="cost-line-delete"),
    path(f"{_R}tests/", harm_tests.test_start, name="test-start"),
    path(f"{_R}tests/<int:pk>/", harm_tests.test_reasoning, name="test-reasoning"),
    path(
        f"{_R}tests/<int:pk>/paragraphs/<slug:section>/",
        harm_tests.paragraph_add,
        name="paragraph-add",
    ),
    path(
        f"{_R}tests/<int:pk>/library/",
        harm_tests.paragraph_from_library,
        name="paragraph-from-library",
    ),
    path(f"{_R}paragraphs/<int:pk>/", harm_tests.paragraph_edit, name="paragraph-edit"),
    path(f"{_R}paragraphs/<int:pk>/remove/", harm_tests.paragraph_remove, name="paragraph-remove"),
    path(f"{_R}attachments/", attachments.attachment_add, name="attachment-add"),
    path(f"{_R}attachments/<int:pk>/", attachments.attachment_download, name="attachment-download"),
    path(
        f"{_R}attachments/<int:pk>/remove/", attachments.attachment_remove, name="attachment-remove"
    ),
    path(f"{_R}attachments/<int:pk>/clean/", attachments.attachment_clean, name="attachment-clean"),
    path(f"{_R}submit/", sign_off.submit, name="submit"),
    path(f"{_R}approve/", sign_off.approve, name="approve"),
    path(f"{_R}send-back/", sign_off.send_back, name="send-back"),
    path(f"{_R}sent/", sign_off.record_sent, name="record-sent"),
    # The response document in each format (decisions/previews.py).
    path(f"{_R}preview/", previews.preview_html, name="preview-html"),
    path("requests/<slug:slug>/response.pdf", previews.preview_pdf, name="preview-pdf"),
    path("requests/<slug:slug>/response.docx", previews.preview_docx, name="preview-docx"),
    path("library/", library.library, name="library"),
    path("library/new/", library.library_create, name="library-create"),
    path("library/<slug:key>/", library.library_paragraph, name="library-paragraph"),
]
