"""The authority's disclosure-control policy: a setting changed by FOI officers, audited, and
applied to tables previewed and attached from then on."""

from urllib.parse import urlencode

import pytest

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.models import Authority
from foidesk.statistics import demo_data
from foidesk.statistics.forms import initial_from_definition
from foidesk.statistics.models import DisclosurePolicy
from foidesk.statistics.policy import Policy
from foidesk.statistics.selectors import compute_table, policy_for

URL = "/staff/statistics/policy/"
FIELDS = {
    "threshold": "5",
    "marker": "",
    "secondary": "on",
    "secondary_marker": "*",
    "protect_totals": "on",
    "rounding": "",
    "name": "",
}


def test_the_default_policy_is_shown_in_words(officer_client):
    page = officer_client.get(URL)
    assert page.status_code == 200
    assert "Counts from 1 to 4 are withheld and shown as &lt;5" in page.text
    assert "not a rule of law" in page.text
    assert policy_for(Authority.current()) == Policy()


def test_an_officer_changes_the_policy_and_it_is_audited(officer_client):
    response = officer_client.post(
        URL, {**FIELDS, "threshold": "10", "marker": "[c]", "name": "Force policy 2024"}
    )
    assert response.status_code == 302
    row = DisclosurePolicy.objects.get()
    assert row.threshold == 10 and row.marker == "[c]"
    assert policy_for(Authority.current()) == Policy(
        threshold=10, marker="[c]", name="Force policy 2024"
    )
    event = AuditEvent.objects.get(event_type="statistics.policy_updated")
    assert event.changes["threshold"] == [5, 10]
    assert event.changes["marker"] == ["", "[c]"]
    # Saving it again unchanged writes nothing more.
    officer_client.post(
        URL, {**FIELDS, "threshold": "10", "marker": "[c]", "name": "Force policy 2024"}
    )
    assert AuditEvent.objects.filter(event_type="statistics.policy_updated").count() == 1


def test_the_new_policy_applies_to_the_preview(officer_client, make_request, demo_dataset):
    case = make_request(title="Dismissals", questions=["How many?"] * 3)
    params = initial_from_definition(demo_data.question_3_definition(), demo_dataset)
    url = f"/staff/requests/{case.slug}/questions/3/table/?" + urlencode(params)
    officer_client.post(URL, {**FIELDS, "threshold": "3", "marker": "~"})
    page = officer_client.get(url)
    expected = compute_table(
        demo_dataset, demo_data.question_3_definition(), Policy(threshold=3, marker="~")
    )
    assert "Counts from 1 to 2 are withheld and shown as ~" in page.text
    for entry in expected.suppressed:
        assert entry.reason in page.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"marker": "=1"}, "would be read as a formula"),
        ({"marker": "7"}, "would read as a figure"),
        ({"rounding": "1"}, "rounding: must be empty or a whole number of at least 2"),
        ({"threshold": "-1"}, "greater than or equal to 0"),
    ],
)
def test_a_bad_policy_is_refused(officer_client, change, message):
    response = officer_client.post(URL, {**FIELDS, **change})
    assert response.status_code == 400
    assert message in response.text
    assert not DisclosurePolicy.objects.exists()
    assert not AuditEvent.objects.filter(event_type="statistics.policy_updated").exists()


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.DECISION_MAKER])
def test_other_register_roles_read_the_policy_but_cannot_change_it(client, make_staff, role):
    client.force_login(make_staff("someone", role))
    page = client.get(URL)
    assert page.status_code == 200
    assert "Save the policy" not in page.text
    assert client.post(URL, {**FIELDS, "threshold": "2"}).status_code == 404
    assert not DisclosurePolicy.objects.exists()


def test_department_contacts_get_404(client, make_staff):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    assert client.get(URL).status_code == 404


def test_the_nav_shows_statistics_to_register_roles(officer_client):
    page = officer_client.get("/staff/statistics/")
    assert 'aria-current="page"' in page.text and "Statistics" in page.text
