"""The "Log a request" page, driven through the HTTP client on a real database.

Step 1 takes the request (pasted or an .eml file), step 2 edits the proposed questions, and
saving logs the request with the next reference and its due date, then shows an
acknowledgement. Every bad input gives an error summary, HTTP 400 and nothing saved.
"""

import datetime as dt
import logging
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.models import Authority, Department, Question, Request, Requester
from foidesk.cases.services import NewQuestion, NewRequester, request_create

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
LONDON = ZoneInfo("Europe/London")
URL = "/staff/requests/new/"
#: Monday 10 March 2025, mid-morning in London: "now" for most tests.
NOW = dt.datetime(2025, 3, 10, 10, 30, tzinfo=LONDON)

# The "Request" section of the seed page, request 190A/23 to West Midlands Police, as a
# requester would have sent it (with a greeting and sign-off added around it).
SEED_REQUEST = """Dear West Midlands Police,

Please provide the following information under the Freedom of Information Act 2000.

  1. How many cases of alleged sexual offences or domestic violence involving your forces police officers and other staff are currently under live investigation?
  1. How many of your forces police officers and other staff are currently under live investigation for alleged sexual offences or domestic violence?
  1. How many of your forces police officers and police staff have been sacked over the past five financial years (2023/2022, 2022/2021, 2021/2020, 2020/2019, 2019/2018) for misconduct related to sexual or domestic abuse?
  1. For context: On 16thJanuary 2023, it was reported that the Metropolitan Police announced that a total of 1,633 cases of alleged sexual offences or domestic violence involving 1,071 officers and other staff are being assessed.

On 18thJanuary 2023, the Met released a clarification. They said \u2018assessed\u2019 in this context meant a review of already completed cases from previous years, and these cases were not live ongoing investigations. The full clarification is explained in this link:

https://news.met.police.uk/news/clarification-on-our-review-of-previously-completed-misconduct-cases-460483

Is your force currently carrying out a review of completed cases of alleged sexual offences or domestic violence involving officers and other staff?

If yes, what number of cases of alleged sexual offences or domestic violence involving what number of your police force\u2019s officers and police staff is your police force currently reviewing?

Yours faithfully,

Jo Bloggs
"""  # noqa: E501


# --- helpers -------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """What a browser would submit from the page's form (no JavaScript involved)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.text = ""
        self.select: str | None = None
        self.selected: str | None = None
        self.option: str | None = None
        self.in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method") == "post" and "action" in a:
            self.in_form = a["action"] == URL
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind == "file":
                return
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""
        elif tag == "select":
            self.select, self.selected, self.option = a.get("name"), None, None
        elif tag == "option" and self.select:
            if self.option is None:
                self.option = a.get("value", "")
            if "selected" in a:
                self.selected = a.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            text = self.text[1:] if self.text.startswith("\n") else self.text
            self.fields.append((self.textarea, text))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = self.selected if self.selected is not None else self.option
            self.fields.append((self.select, chosen or ""))
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_data(response) -> dict[str, str]:
    reader = _FormReader()
    reader.feed(response.content.decode())
    return dict(reader.fields)


def counts() -> tuple[int, int, int, int]:
    return (
        Request.objects.count(),
        Requester.objects.count(),
        Question.objects.count(),
        AuditEvent.objects.count(),
    )


def start_data(**overrides) -> dict[str, str]:
    data = {
        "step": "start",
        "request_text": SEED_REQUEST,
        "channel": "email",
        "regime": "foia",
        "received_on_day": "3",
        "received_on_month": "3",
        "received_on_year": "2025",
        "received_time": "",
        "requester_name": "Jo Bloggs",
        "requester_email": "jo@example.org",
        "requester_phone": "",
        "requester_address": "",
        "requester_organisation": "",
    }
    data.update(overrides)
    return data


def save_data(questions: list[dict], *, initial: int | None = None, **overrides):
    """A step 2 submission with ``questions`` (text, context, department, DELETE)."""
    data = {
        "step": "questions",
        "request_text": SEED_REQUEST,
        "email_subject": "",
        "email_attachments": "",
        "email_notes": "",
        "title": "Officers under investigation",
        "reference": "",
        "assigned_officer": "",
        "channel": "email",
        "regime": "foia",
        "received_on_day": "3",
        "received_on_month": "3",
        "received_on_year": "2025",
        "received_time": "",
        "requester_name": "Jo Bloggs",
        "requester_email": "jo@example.org",
        "requester_phone": "",
        "requester_address": "",
        "requester_organisation": "",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": str(len(questions) if initial is None else initial),
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "100",
    }
    for index, question in enumerate(questions):
        for key, value in question.items():
            data[f"questions-{index}-{key}"] = value
    data.update(overrides)
    return data


def body(response) -> str:
    return response.content.decode()


def assert_refused(response, message: str) -> None:
    assert response.status_code == 400
    text = body(response)
    assert "There is a problem" in text
    assert 'class="govuk-error-summary"' in text
    assert message in text


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def departments(db):
    return {
        "psd": Department.objects.create(name="Professional Standards"),
        "hr": Department.objects.create(name="Human Resources"),
    }


# --- who may use it ------------------------------------------------------------------------


def test_strangers_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert client.post(URL, start_data()).status_code == 302


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY, Role.DEPARTMENT_CONTACT])
def test_only_foi_officers_may_log_a_request(client, make_staff, role):
    client.force_login(make_staff("someone", role))
    before = counts()
    assert client.get(URL).status_code == 404
    assert client.post(URL, start_data()).status_code == 404
    assert client.post(URL, save_data([{"text": "How many?"}])).status_code == 404
    assert counts() == before


def test_url_name_is_cases_new():
    assert reverse("cases:new") == URL


# --- step 1 ----------------------------------------------------------------------------------


def test_start_page_offers_paste_or_upload_with_the_authoritys_default_law(officer_client):
    authority = Authority.current()
    authority.default_regime = "eir"
    authority.save()
    response = officer_client.get(URL)
    assert response.status_code == 200
    text = body(response)
    assert "<h1" in text and "Log a request" in text
    assert 'enctype="multipart/form-data"' in text
    assert 'type="file"' in text and 'class="govuk-file-upload"' in text
    assert 'value="eir" checked' in text
    assert 'value="email" checked' in text
    assert "Propose questions" in text
    assert 'aria-current="page"' in text  # "Log a request" is the current section
    for label in ("Full name", "Email address", "Postal address", "Organisation", "Date received"):
        assert label in text


def test_seed_request_proposes_four_questions_with_the_context_of_question_4_apart(
    officer_client, frozen
):
    response = officer_client.post(URL, start_data())
    assert response.status_code == 200
    data = form_data(response)
    assert data["questions-TOTAL_FORMS"] == "6"  # four proposed, two empty rows
    assert data["questions-INITIAL_FORMS"] == "4"
    texts = [data[f"questions-{i}-text"] for i in range(4)]
    assert texts[0].startswith("How many cases of alleged sexual offences")
    assert texts[1].startswith("How many of your forces police officers")
    assert texts[2].startswith("How many of your forces police officers and police staff have")
    assert texts[3].startswith("Is your force currently carrying out a review")
    assert "If yes, what number of cases" in texts[3]
    context = data["questions-3-context"]
    assert context.startswith("For context: On 16thJanuary 2023")
    assert "https://news.met.police.uk/news/clarification" in context
    assert "For context" not in texts[3]
    assert all(not data[f"questions-{i}-context"] for i in range(3))
    assert data["questions-4-text"] == data["questions-5-text"] == ""
    text = body(response)
    assert "Check the questions" in text
    assert "Remove this question" in text
    assert "Opening words (kept out of the questions)" in text
    assert "Sign-off (kept out of the questions)" in text
    assert "personal data" in text
    # A title is suggested from question 1, and the signed-in officer is assigned.
    assert data["title"].startswith("How many cases of alleged sexual offences")
    assert len(data["title"]) <= 100 and data["title"].endswith("…")
    assert data["assigned_officer"] == str(response.wsgi_request.user.pk)
    assert counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("request_text", "questions", "warning"),
    [
        (
            "Dear FOI team,\n\nPlease disclose all correspondence between the force and the "
            "drone supplier since 2022. I would also like to know of all meetings held with the "
            "supplier in the same period.\n\nRegards,\nJo",
            [
                "Please disclose all correspondence between the force and the drone supplier "
                "since 2022.",
                "I would also like to know of all meetings held with the supplier in the same "
                "period.",
            ],
            None,
        ),
        (
            "I am interested in the force's drone unit and its work over the past two years.",
            ["I am interested in the force's drone unit and its work over the past two years."],
            "the whole request is proposed as one question",
        ),
        (
            "Drone unit: the reasons it was closed in 2021 and whether its staff were moved to "
            "other units.",
            [
                "Drone unit: the reasons it was closed in 2021",
                "Whether its staff were moved to other units.",
            ],
            "proposed as one question for each thing its sentences ask",
        ),
        (
            "Could you please tell me how many drones the force owns. 1) The number bought "
            "in 2022 and what they cost in total. 2) The number of pilots trained to fly "
            "them. 3) How many times they were flown in 2023 for searches for missing people.",
            [
                "The number bought in 2022 and what they cost in total.",
                "The number of pilots trained to fly them.",
                "How many times they were flown in 2023 for searches for missing people.",
            ],
            None,
        ),
    ],
)
def test_a_request_without_a_list_is_proposed_as_its_requests(
    officer_client, frozen, request_text, questions, warning
):
    response = officer_client.post(URL, start_data(request_text=request_text))

    assert response.status_code == 200
    data = form_data(response)
    assert data["questions-INITIAL_FORMS"] == str(len(questions))
    assert [data[f"questions-{i}-text"] for i in range(len(questions))] == questions
    if warning:
        assert "No numbered or listed questions were recognised" in body(response)
        assert warning in body(response)
    else:
        assert "No numbered or listed questions were recognised" not in body(response)


def test_the_page_round_trips_without_javascript_and_saves_what_was_proposed(
    officer_client, frozen
):
    proposed = officer_client.post(URL, start_data())
    response = officer_client.post(URL, form_data(proposed))
    assert response.status_code == 302
    logged = Request.objects.get()
    assert logged.reference == "1A/25"
    assert [q.number for q in logged.questions.all()] == [1, 2, 3, 4]
    assert logged.questions.get(number=4).context.startswith("For context")
    assert "Jo Bloggs" not in logged.request_text
    assert "Yours faithfully" not in logged.request_text
    assert logged.request_text.startswith("Dear West Midlands Police,")
    assert "If yes, what number of cases" in logged.request_text


def test_pressing_save_twice_logs_the_request_once(officer_client, frozen):
    """A second press of "Save request" (a double click, or the browser resending the form)
    leads to the request already logged, not to a second reference for the same request."""
    proposed = officer_client.post(URL, start_data())
    step_two = form_data(proposed)
    first = officer_client.post(URL, step_two)
    before = counts()
    second = officer_client.post(URL, step_two)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert counts() == before
    assert Request.objects.get().reference == "1A/25"
    # A new request started afresh is a new request, whatever it says.
    again = officer_client.post(URL, form_data(officer_client.post(URL, start_data())))
    assert again.status_code == 302
    assert Request.objects.count() == 2


# --- step 2 and saving -------------------------------------------------------------------


def test_saving_assigns_the_next_reference_stores_questions_in_order_and_the_due_date(
    officer_client, officer, frozen, departments
):
    questions = [
        {"text": "How many cases?", "context": "", "department": str(departments["psd"].pk)},
        {"text": "How many officers?", "context": "Background", "department": ""},
    ]
    response = officer_client.post(
        URL,
        save_data(
            questions,
            received_time="14:05",
            assigned_officer=str(officer.pk),
            requester_phone="0121 000 0000",
            requester_address="1 High Street\nBirmingham",
            requester_organisation="Gazette",
        ),
    )
    assert response.status_code == 302
    logged = Request.objects.get()
    assert response["Location"] == f"{URL}?logged=1A-25"
    assert logged.reference == "1A/25"  # the authority's {seq}A/{yy}, first of the year
    assert logged.slug == "1A-25"
    assert logged.title == "Officers under investigation"
    assert logged.received_at == dt.datetime(2025, 3, 3, 14, 5, tzinfo=LONDON)
    # 17 March (St Patrick's Day) is a bank holiday in Northern Ireland, so not a working day.
    assert logged.due_date == dt.date(2025, 4, 1)
    assert logged.assigned_officer == officer
    assert logged.channel == "email" and logged.regime == "foia"
    stored = list(logged.questions.order_by("number"))
    assert [(q.number, q.text, q.context) for q in stored] == [
        (1, "How many cases?", ""),
        (2, "How many officers?", "Background"),
    ]
    assert stored[0].department == departments["psd"]
    assert stored[0].status == "with_department"
    assert stored[1].department is None and stored[1].status == "new"
    who = logged.requester
    assert (who.name, who.email, who.phone, who.organisation) == (
        "Jo Bloggs",
        "jo@example.org",
        "0121 000 0000",
        "Gazette",
    )
    assert who.address == "1 High Street\nBirmingham"
    assert AuditEvent.objects.filter(event_type="request.created", request=logged).exists()

    second = officer_client.post(URL, save_data([{"text": "And another?"}]))
    assert second["Location"] == f"{URL}?logged=2A-25"


def test_no_time_given_means_nine_in_the_morning(officer_client, frozen):
    officer_client.post(URL, save_data([{"text": "How many?"}]))
    assert Request.objects.get().received_at == dt.datetime(2025, 3, 3, 9, 0, tzinfo=LONDON)


def test_logged_before_nine_today_without_a_time_is_received_now(officer_client):
    with time_machine.travel(dt.datetime(2025, 3, 10, 8, 12, 30, tzinfo=LONDON), tick=False):
        response = officer_client.post(
            URL,
            save_data(
                [{"text": "How many?"}],
                received_on_day="10",
                received_on_month="3",
                received_on_year="2025",
            ),
        )
    assert response.status_code == 302
    assert Request.objects.get().received_at == dt.datetime(2025, 3, 10, 8, 12, tzinfo=LONDON)


def test_the_officer_can_remove_add_edit_and_route_questions(officer_client, frozen, departments):
    proposed = form_data(officer_client.post(URL, start_data()))
    proposed["questions-0-text"] = "How many cases are under live investigation?"
    proposed["questions-1-DELETE"] = "on"  # a repeat of question 1: removed
    proposed["questions-2-department"] = str(departments["hr"].pk)
    proposed["questions-4-text"] = "How many were referred to the IOPC?"
    proposed["questions-4-department"] = str(departments["psd"].pk)
    response = officer_client.post(URL, proposed)
    assert response.status_code == 302
    stored = list(Request.objects.get().questions.order_by("number"))
    assert [q.number for q in stored] == [1, 2, 3, 4]
    assert stored[0].text == "How many cases are under live investigation?"
    assert stored[1].text.startswith("How many of your forces police officers and police staff")
    assert stored[1].department == departments["hr"]
    assert stored[2].text.startswith("Is your force currently carrying out a review")
    assert stored[2].context.startswith("For context")
    assert stored[3].text == "How many were referred to the IOPC?"
    assert stored[3].department == departments["psd"]


def test_a_postal_address_is_enough_for_the_reply(officer_client, frozen):
    response = officer_client.post(
        URL,
        save_data(
            [{"text": "How many?"}],
            channel="post",
            requester_email="",
            requester_address="1 High Street",
        ),
    )
    assert response.status_code == 302
    assert Request.objects.get().requester.address == "1 High Street"


def test_a_manual_reference_is_kept_for_back_logging(officer_client, frozen):
    response = officer_client.post(URL, save_data([{"text": "How many?"}], reference="190A/23"))
    assert response["Location"] == f"{URL}?logged=190A-23"
    assert Request.objects.get().reference == "190A/23"


@pytest.mark.parametrize(
    ("reference", "slug"),
    [("FOI.2026.001", "FOI-2026-001"), ("1.5", "1-5"), ("X.Y/26", "X-Y-26")],
)
def test_a_reference_with_full_stops_is_kept_and_its_case_can_be_reached(
    officer_client, frozen, reference, slug
):
    """Addresses carry letters, digits, "-" and "_" only: a full stop in a reference becomes
    "-" in its address, and every page that links to the request still works."""
    response = officer_client.post(URL, save_data([{"text": "How many?"}], reference=reference))
    assert response["Location"] == f"{URL}?logged={slug}"
    logged = Request.objects.get()
    assert (logged.reference, logged.slug) == (reference, slug)
    assert logged.get_absolute_url() == f"/staff/requests/{slug}/"
    confirmation = officer_client.get(response["Location"])
    assert confirmation.status_code == 200 and reference in body(confirmation)
    assert officer_client.get(logged.get_absolute_url()).status_code == 200
    assert officer_client.get("/staff/").status_code == 200
    for page in ("/staff/requests/?state=received", f"/staff/requests/?q={reference}"):
        listed = officer_client.get(page)
        assert listed.status_code == 200, page
        assert f'href="/staff/requests/{slug}/"' in body(listed), page


# --- the confirmation and acknowledgement --------------------------------------------------


def test_confirmation_shows_the_reference_and_an_acknowledgement_with_the_due_date(
    officer_client, frozen
):
    authority = Authority.current()
    authority.name = "West Midlands Police"
    authority.save()
    response = officer_client.post(URL, save_data([{"text": "How many?"}]), follow=True)
    assert response.status_code == 200
    text = body(response)
    assert "govuk-panel--confirmation" in text
    assert "Request logged" in text
    assert "<strong>1A/25</strong>" in text
    ack = re.search(
        r'<textarea[^>]*id="acknowledgement"[^>]*readonly[^>]*>(.*?)</textarea>', text, re.S
    )
    assert ack is not None
    letter = ack.group(1)
    assert "Dear Jo Bloggs," in letter
    assert "1A/25" in letter
    assert "received on Monday 3 March 2025" in letter
    assert "Freedom of Information Act 2000" in letter
    assert (
        "We will respond promptly and by Tuesday 1 April 2025 at the latest (20 working days)"
        in letter
    )
    assert letter.rstrip().endswith("West Midlands Police")
    assert 'href="/staff/requests/1A-25/"' in text


@pytest.mark.parametrize(
    ("regime", "act", "due"),
    [
        ("eir", "Environmental Information Regulations 2004", "Tuesday 1 April 2025"),
        ("foisa", "Freedom of Information (Scotland) Act 2002", "Monday 31 March 2025"),
    ],
)
def test_acknowledgement_names_the_law_the_request_is_handled_under(
    officer_client, frozen, regime, act, due
):
    response = officer_client.post(
        URL, save_data([{"text": "How many?"}], regime=regime), follow=True
    )
    text = body(response)
    assert act in text
    assert f"by {due} at the latest (20 working days)" in text


def test_the_confirmation_is_only_for_the_officer_who_logged_it(
    officer_client, make_staff, client, frozen
):
    officer_client.post(URL, save_data([{"text": "How many?"}]))
    assert officer_client.get(f"{URL}?logged=1A-25").status_code == 200
    assert officer_client.get(f"{URL}?logged=no-such-request").status_code == 404
    client.force_login(make_staff("colleague", Role.FOI_OFFICER))
    response = client.get(f"{URL}?logged=1A-25")
    assert response.status_code == 404
    assert "Jo Bloggs" not in body(response)


# --- .eml files ----------------------------------------------------------------------------


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    data = content if content is not None else (DATA / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="message/rfc822")


def test_an_email_file_prefills_the_requester_the_date_and_the_title(officer_client):
    with time_machine.travel(dt.datetime(2025, 4, 2, 12, 0, tzinfo=LONDON), tick=False):
        response = officer_client.post(
            URL,
            start_data(
                request_text="",
                requester_name="",
                requester_email="",
                received_on_day="",
                received_on_month="",
                received_on_year="",
                email_file=upload("drones_request.eml"),
            ),
        )
        assert response.status_code == 200
        data = form_data(response)
        assert data["requester_name"] == "Alex Example"
        assert data["requester_email"] == "alex.example@example.org"
        # Our mail server stamped 08:15 UTC: 09:15 in London (British Summer Time).
        assert (data["received_on_day"], data["received_on_month"], data["received_on_year"]) == (
            "1",
            "4",
            "2025",
        )
        assert data["received_time"] == "09:15"
        assert data["title"] == "Use of drones by the force"
        assert data["questions-0-text"] == "How many drones does your force own?"
        assert data["questions-1-text"] == "How many hours were drones flown in 2024?"
        assert counts() == (0, 0, 0, 0)
        saved = officer_client.post(URL, data)
    assert saved.status_code == 302
    logged = Request.objects.get()
    assert logged.received_at == dt.datetime(2025, 4, 1, 9, 15, tzinfo=LONDON)
    assert logged.requester.name == "Alex Example"
    assert logged.reference == "1A/25"
    assert "Alex Example" not in logged.request_text
    assert logged.questions.count() == 2


def test_what_the_officer_typed_wins_over_the_email(officer_client, frozen):
    with time_machine.travel(dt.datetime(2025, 4, 2, 12, 0, tzinfo=LONDON), tick=False):
        response = officer_client.post(
            URL,
            start_data(
                request_text="",
                requester_name="Alexandra Example",
                received_on_day="31",
                received_on_month="3",
                received_on_year="2025",
                email_file=upload("drones_request.eml"),
            ),
        )
    data = form_data(response)
    assert data["requester_name"] == "Alexandra Example"
    assert data["requester_email"] == "jo@example.org"
    assert data["received_on_day"] == "31" and data["received_time"] == ""


# --- bad input: error summary, 400, nothing saved -------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"request_text": ""}, "Paste the request, or upload the email"),
        ({"request_text": "   \n\t  \n"}, "Paste the request, or upload the email"),
        ({"request_text": "\u200b\u200b"}, "Paste the request, or upload the email"),
        ({"received_on_day": "31", "received_on_month": "2"}, "Date received must be a real date"),
        ({"received_on_year": "25"}, "Date received must be a real date"),
        ({"received_on_day": "9999999999"}, "Date received must be a real date"),
        ({"received_on_month": ""}, "Date received must include a month"),
        (
            {"received_on_day": "", "received_on_month": "", "received_on_year": ""},
            "Enter the date the request was received",
        ),
        ({"received_on_day": "11"}, "Date received must be today or in the past"),
        ({"received_on_year": "0001"}, "on or after 1 January 2005"),
        (
            {"received_on_day": "10", "received_time": "10:31"},
            "The time received must be now or in the past",
        ),
        ({"received_time": "25:00"}, "Time received must be a real time"),
        ({"regime": "gdpr"}, "Choose FOIA, EIR or FOISA"),
        ({"regime": ""}, "Choose FOIA, EIR or FOISA"),
        ({"channel": "pigeon"}, "Choose how the request arrived"),
        ({"requester_email": "not-an-address"}, "Enter an email address in the correct format"),
        ({"request_text": "x\x00y"}, "Null characters are not allowed"),
        ({"request_text": "x" * 100_001}, "must be 100,000 characters or fewer"),
    ],
)
def test_bad_first_step_is_refused_and_nothing_is_saved(officer_client, frozen, overrides, message):
    before = counts()
    response = officer_client.post(URL, start_data(**overrides))
    assert_refused(response, message)
    assert counts() == before
    assert "Log a request" in body(response)


def _junk() -> bytes:
    return random.Random(1234).randbytes(4096)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("not_an_email.eml", None, "This is not an email"),
        ("attachment_only.eml", None, "This email has no text body"),
        ("junk.eml", _junk(), "This is not an email"),
        ("empty.eml", b"", "The selected file is empty"),
        ("outlook.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Outlook .msg file"),
        (
            "nul.eml",
            b"From: a@example.org\r\nSubject: x\r\n\r\nHow many\x00 drones?\r\n",
            "not readable text",
        ),
        (
            "huge.eml",
            b"From: a@example.org\r\nSubject: big\r\n\r\n" + b"How many? " * 600_000,
            "must be smaller than 5 MB",
        ),
    ],
)
def test_a_bad_email_file_is_refused_and_nothing_is_saved(
    officer_client, frozen, name, content, message
):
    before = counts()
    response = officer_client.post(
        URL, start_data(request_text="", email_file=upload(name, content))
    )
    assert_refused(response, message)
    assert counts() == before


def test_an_email_that_does_not_say_when_it_came_asks_for_the_date(officer_client, frozen):
    undated = b"From: Sam <sam@example.org>\r\nSubject: Drones\r\n\r\n1. How many drones?\r\n"
    no_date = {"received_on_day": "", "received_on_month": "", "received_on_year": ""}
    response = officer_client.post(
        URL, start_data(request_text="", email_file=upload("undated.eml", undated), **no_date)
    )
    assert_refused(response, "The email does not say when it arrived")
    response = officer_client.post(
        URL, start_data(request_text="", email_file=upload("undated.eml", undated))
    )
    assert response.status_code == 200
    assert form_data(response)["questions-0-text"] == "How many drones?"


def test_control_characters_in_email_headers_do_not_break_the_second_step(officer_client, frozen):
    odd = (
        b"From: =?utf-8?q?Sam=00_Sender?= <sam@example.org>\r\n"
        b"Subject: =?utf-8?q?FOI_request_-_Drones=00=07?=\r\n"
        b"Date: Mon, 3 Mar 2025 10:00:00 +0000\r\n\r\n1. How many drones?\r\n"
    )
    no_name = {"requester_name": "", "requester_email": ""}
    response = officer_client.post(
        URL, start_data(request_text="", email_file=upload("odd.eml", odd), **no_name)
    )
    data = form_data(response)
    assert (data["requester_name"], data["title"]) == ("Sam Sender", "Drones")
    assert officer_client.post(URL, data).status_code == 302
    assert Request.objects.get().requester.name == "Sam Sender"


def test_pasting_and_uploading_at_once_is_refused(officer_client, frozen):
    response = officer_client.post(URL, start_data(email_file=upload("drones_request.eml")))
    assert_refused(response, "Either paste the request or upload the email, not both")


def test_an_email_dated_in_the_future_asks_for_the_date(officer_client, frozen):
    response = officer_client.post(
        URL,
        start_data(
            request_text="",
            received_on_day="",
            received_on_month="",
            received_on_year="",
            email_file=upload("drones_request.eml"),  # 1 April 2025; now is 10 March
        ),
    )
    assert_refused(response, "The email is dated 1 April 2025, which cannot be right")


@pytest.mark.parametrize(
    ("questions", "overrides", "message"),
    [
        ([{"text": "How many?", "DELETE": "on"}], {}, "Keep or add at least one question"),
        ([{"text": ""}, {"text": "   "}], {}, "Keep or add at least one question"),
        (
            [{"text": "", "context": "Background only"}],
            {},
            "Enter the question that the context belongs to",
        ),
        ([{"text": "How many?"}], {"title": "  "}, "Enter a title for the request"),
        ([{"text": "How many?"}], {"requester_name": ""}, "Enter the requester&#x27;s name"),
        (
            [{"text": "How many?"}],
            {"requester_email": ""},
            "Enter an email address or a postal address",
        ),
        (
            [{"text": "How many?"}],
            {"received_on_day": "11"},
            "Date received must be today or in the past",
        ),
        ([{"text": "How many?"}], {"received_on_day": ""}, "Date received must include a day"),
        ([{"text": "How many?"}], {"regime": "dpa"}, "Choose FOIA, EIR or FOISA"),
        ([{"text": "How many?"}], {"channel": "fax"}, "Choose how the request arrived"),
        ([{"text": "How many?"}], {"request_text": ""}, "The request text is missing"),
        (
            [{"text": "How many?"}],
            {"reference": "//"},
            "The reference must contain letters or numbers",
        ),
        (
            [{"text": "How many?"}],
            {"assigned_officer": "999999"},
            "Choose an FOI officer from the list",
        ),
        ([{"text": "How many?", "department": "999999"}], {}, "Choose a department from the list"),
        (
            [{"text": "How many?"}],
            {"questions-TOTAL_FORMS": ""},
            "The questions were not sent in full",
        ),
        ([{"text": "Q?"}] * 101, {}, "A request can have at most 100 questions"),
    ],
)
def test_bad_second_step_is_refused_and_nothing_is_saved(
    officer_client, frozen, questions, overrides, message
):
    before = counts()
    response = officer_client.post(URL, save_data(questions, **overrides))
    assert_refused(response, message)
    assert counts() == before
    assert "Check the questions" in body(response)


def _existing(officer, reference: str | None = None) -> Request:
    return request_create(
        actor=officer,
        title="Earlier request",
        received_at=dt.datetime(2025, 3, 3, 9, 0, tzinfo=LONDON),
        regime="foia",
        channel="email",
        request_text="How many?",
        requester=NewRequester(name="Someone Else"),
        questions=[NewQuestion(text="How many?")],
        reference=reference,
    )


def test_a_duplicate_reference_is_refused_and_nothing_is_saved(officer_client, officer, frozen):
    _existing(officer, "190A/23")
    before = counts()
    response = officer_client.post(URL, save_data([{"text": "How many?"}], reference="190A/23"))
    assert_refused(response, "Reference 190A/23 is already used by another request")
    assert counts() == before


def test_a_service_refusal_is_shown_on_the_form_and_nothing_is_saved(
    officer_client, officer, frozen
):
    """A reference unlike any stored one but with the same address is caught by the service."""
    _existing(officer, "190A/23")
    before = counts()
    response = officer_client.post(URL, save_data([{"text": "How many?"}], reference="190A-23"))
    assert_refused(response, "Reference 190A-23 is too like an existing one")
    assert counts() == before


@pytest.mark.parametrize(
    ("reference", "address"),
    [("new", "/staff/requests/new/"), ("feed", "/disclosure-log/feed/")],
)
def test_a_reference_whose_address_is_another_page_is_refused(
    officer_client, frozen, reference, address
):
    before = counts()
    response = officer_client.post(URL, save_data([{"text": "How many?"}], reference=reference))
    assert_refused(
        response,
        f"Reference {reference} cannot be used: its address would be {address}, which is "
        "another page of this service. Choose another reference",
    )
    assert 'href="#id_reference"' in body(response)
    assert counts() == before


def test_the_error_summary_links_to_each_field(officer_client, frozen):
    response = officer_client.post(
        URL, start_data(request_text="", regime="x", received_on_day="32", requester_email="y")
    )
    text = body(response)
    assert 'href="#id_request_text"' in text
    assert 'href="#id_regime_0"' in text
    assert 'href="#id_received_on_0"' in text
    assert 'href="#id_requester_email"' in text
    assert 'aria-describedby="id_request_text-hint id_request_text-error"' in text
    assert "<title>Log a request (error)" in text


def test_the_requesters_details_never_reach_the_logs(officer_client, frozen, caplog):
    caplog.set_level(logging.DEBUG)
    officer_client.post(URL, start_data(requester_email="bad"))
    officer_client.post(URL, start_data())
    officer_client.post(URL, save_data([{"text": "How many?"}], reference="//"))
    officer_client.post(URL, save_data([{"text": "How many?"}]), follow=True)
    assert Request.objects.count() == 1
    assert "Jo Bloggs" not in caplog.text
    assert "jo@example.org" not in caplog.text


@pytest.mark.parametrize("header", ["Date", "Received"])
def test_an_email_dated_past_the_last_date_there_is_asks_for_the_date(
    officer_client, frozen, header
):
    """An email dated 31 December 9999 in a zone behind UTC cannot be turned into local time;
    it is refused as any impossible date is, not a server error."""
    original = (DATA / "drones_request.eml").read_bytes().replace(b"\r\n", b"\n")
    headers, body = original.split(b"\n\n", 1)
    # The stamped date replaces both of the email's own (the Received header runs on over
    # three lines).
    kept = [
        line
        for line in headers.replace(b"\n\t", b" ").split(b"\n")
        if not line.lower().startswith((b"date:", b"received:"))
    ]
    stamp = b"Fri, 31 Dec 9999 23:59:59 -1200"
    value = stamp if header == "Date" else b"from mx.example by mail.example; " + stamp
    odd = b"\n".join([header.encode() + b": " + value, *kept]) + b"\n\n" + body
    response = officer_client.post(
        URL,
        start_data(
            request_text="",
            received_on_day="",
            received_on_month="",
            received_on_year="",
            email_file=upload("odd_date.eml", odd),
        ),
    )
    assert_refused(response, "The email is dated 31 December 9999, which cannot be right")
    assert not Request.objects.exists()
