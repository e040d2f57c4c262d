"""The public disclosure log through HTTP: ranked search, filters, pagination, errors, the
CSV export, the Atom feeds, the sitemap, the entry page and its downloads. Written for both
search engines (FTS5 on SQLite, tsvector on PostgreSQL)."""

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from foidesk.decisions.services import attachment_add
from foidesk.disclosure.services import FACETS_CACHE_KEY

from .conftest import DISCLOSED, NCND, NOT_HELD, PERSONAL

LOG = reverse("disclosure:log")
API = reverse("disclosure:api-entries")


def refs(client, **query) -> list[str]:
    response = client.get(API, query)
    assert response.status_code == 200, response.content
    return [e["reference"] for e in response.json()["results"]]


@pytest.fixture
def entries(published):
    """Five entries across two years, with topics, outcomes, provisions and NCND."""
    return {
        "title": published(
            title="Police dogs dismissals",
            text="Please send the numbers.",
            questions=("How many?",),
            sent_on=dt.date(2023, 2, 1),
            topics=["Professional standards"],
        ),
        "body": published(
            title="Vehicle fleet",
            text="How many officers were dismissed after crashing police vehicles? "
            "Also any figures on speeding.",
            questions=("Crashes?",),
            sent_on=dt.date(2023, 3, 1),
            topics=["Roads policing"],
        ),
        "ncnd": published(
            title="Covert surveillance",
            text="Do you watch the Red Lion pub?",
            questions=("Surveillance?",),
            decisions=(NCND,),
            sent_on=dt.date(2023, 4, 1),
        ),
        "refused": published(
            title="Staff gym records",
            text="Names of officers using the gym.",
            questions=("Names?", "Held?"),
            decisions=(PERSONAL, NOT_HELD),
            received=dt.date(2024, 1, 5),
            sent_on=dt.date(2024, 2, 1),
            topics=["Professional standards"],
        ),
        "speed": published(
            title="Speed cameras",
            text="The red light cameras on the ring road: how many tickets?",
            questions=("Tickets?",),
            decisions=(DISCLOSED,),
            received=dt.date(2024, 1, 6),
            sent_on=dt.date(2024, 3, 1),
            topics=["Roads policing"],
        ),
    }


def test_a_title_match_ranks_above_a_body_match_and_stems(client, entries):
    # "dismissals" finds "dismissed" (stemming); the title match comes first.
    assert refs(client, q="dismissals") == [
        entries["title"].reference,
        entries["body"].reference,
    ]
    page = client.get(LOG, {"q": "dismissals"}).content.decode()
    assert page.index("Police dogs dismissals") < page.index("Vehicle fleet")
    assert "2 entries" in page


def test_phrases_or_and_exclusion(client, entries):
    assert refs(client, q='"red light"') == [entries["speed"].reference]
    assert set(refs(client, q="red")) == {entries["speed"].reference, entries["ncnd"].reference}
    assert set(refs(client, q="gym OR cameras")) == {
        entries["refused"].reference,
        entries["speed"].reference,
    }
    assert refs(client, q="red -cameras") == [entries["ncnd"].reference]
    assert refs(client, q="police vehicles crashing") == [entries["body"].reference]


@pytest.mark.parametrize("typed", ["190A/23", "190a/23", "190A-23", "190A"])
def test_an_entry_is_found_by_its_reference_or_its_address(client, published, typed):
    """What a journalist citing an entry types: its reference as printed, or as it is in the
    entry's address. The text of the request and the response does not quote it."""
    wanted = published(title="Police dismissals", reference="190A/23")
    published(title="Taser numbers", reference="191A/23")
    assert "190A" not in f"{wanted.request_text} {wanted.response_text}"
    assert refs(client, q=typed) == ["190A/23"]
    page = client.get(LOG, {"q": typed}).content.decode()
    assert "Police dismissals" in page and "Taser numbers" not in page
    export = client.get(reverse("disclosure:export-csv"), {"q": typed})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["190A/23"]


def test_or_in_lower_case_and_a_dash_on_its_own_read_as_postgresql_reads_them(client, entries):
    """``websearch_to_tsquery`` takes "or" in any case for OR, and a "-" standing alone as
    leaving out the next word; SQLite's search reads the box the same way, so a search
    finds the same entries on either database."""
    either = {entries["refused"].reference, entries["speed"].reference}
    assert set(refs(client, q="gym or cameras")) == either
    assert set(refs(client, q="gym Or cameras")) == either
    assert refs(client, q="red - cameras") == [entries["ncnd"].reference]
    assert refs(client, q="red cameras -") == [entries["speed"].reference]


SYNTAX = ["AND", "OR", "NOT", "NEAR(", "NEAR(a b)", '"', "*", "'", "-", "()", "^", "a:b"]
SYNTAX += ["!!!", "\\", "-dogs", "dogs AND", "OR OR", '"unclosed phrase', "dogs*"]


def test_syntax_looking_queries_never_fail(client, entries):
    for query in SYNTAX:
        assert client.get(LOG, {"q": query}).status_code == 200, query
        assert client.get(API, {"q": query}).status_code == 200, query
        assert client.get(reverse("disclosure:export-csv"), {"q": query}).status_code == 200
    assert refs(client, q='"police dogs') == [entries["title"].reference]


def test_each_filter_and_with_words(client, entries):
    r = {k: v.reference for k, v in entries.items()}
    assert set(refs(client, year=2024)) == {r["refused"], r["speed"]}
    assert set(refs(client, topic="professional-standards")) == {r["title"], r["refused"]}
    assert set(refs(client, outcome="refused")) == {r["ncnd"], r["refused"]}
    assert set(refs(client, outcome="disclosed")) == {r["title"], r["body"], r["speed"]}
    assert refs(client, outcome="not_held") == []
    assert set(refs(client, provision="foia:s40(2)")) == {r["refused"]}
    assert refs(client, ncnd="yes") == [r["ncnd"]]
    assert r["ncnd"] not in refs(client, ncnd="no")
    assert refs(client, q="dismissals", year=2023, topic="roads-policing") == [r["body"]]
    assert refs(client, q="officers", year=2024) == [r["refused"]]
    assert refs(client, q="cameras", year=2023) == []
    # Without words the newest answer comes first.
    assert refs(client) == [r["speed"], r["refused"], r["ncnd"], r["body"], r["title"]]
    page = client.get(LOG, {"topic": "roads-policing", "year": "2024"}).content.decode()
    assert "Speed cameras" in page and "Vehicle fleet" not in page


def test_pagination(client, entries):
    first = client.get(API, {"page_size": 2}).json()
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    assert "page=2" in first["next"]
    third = client.get(API, {"page_size": 2, "page": 3}).json()
    assert len(third["results"]) == 1 and third["next"] is None
    # The page: 20 a page, so page 2 of five entries does not exist.
    assert client.get(LOG, {"page": 1}).status_code == 200
    assert client.get(LOG, {"page": 2}).status_code == 404
    assert client.get(LOG, {"q": "dismissals", "page": 2}).status_code == 404


@pytest.mark.parametrize(
    ("query", "last"),
    [
        ({"page_size": 2, "page": 4}, 3),
        ({"page": 10_000}, 1),
        ({"q": "dismissals", "page": 2}, 1),
        ({"q": "nothingmatchesthis", "page": 2}, 1),
    ],
)
def test_a_page_past_the_last_is_a_json_404_in_the_api_as_on_the_page(client, entries, query, last):
    response = client.get(API, query)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": f"There is no such page of results: the last is page {last}"
    }


@pytest.mark.parametrize(
    "address", ["/api/v1", "/api/v1/", "/api/v1/nothing/", "/api/v1/entries/x/y/"]
)
def test_an_address_in_the_api_that_serves_nothing_is_a_json_404(client, db, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "No such address in the API"}


def test_page_two_of_the_log(client, published):
    for n in range(21):
        published(
            title=f"Request number {n}",
            received=dt.date(2022, 12, 1),
            sent_on=dt.date(2023, 1, 1) + dt.timedelta(n),
        )
    page_two = client.get(LOG, {"page": 2})
    assert page_two.status_code == 200
    assert "Request number 0" in page_two.content.decode()
    assert "Request number 20" not in page_two.content.decode()


BAD = [
    ({"year": "1999"}, "year", "Choose a year from the list"),
    ({"year": "last"}, "year", "Choose a year from the list"),
    ({"topic": "nope"}, "topic", "Choose a topic from the list"),
    ({"outcome": "maybe"}, "outcome", "Choose an outcome from the list"),
    ({"provision": "foia:s99"}, "provision", "Choose a provision from the list"),
    ({"ncnd": "perhaps"}, "ncnd", "Choose an answer from the list"),
    ({"page": "two"}, "page", "The page must be a whole number"),
    ({"page": "0"}, "page", "The page must be 1 or more"),
    ({"q": "x" * 201}, "q", "Search words must be 200 characters or fewer"),
]


def test_bad_filter_values_are_explained(client, entries):
    for query, field, message in BAD:
        page = client.get(LOG, query)
        assert page.status_code == 400
        assert message in page.content.decode()
        api = client.get(API, query)
        assert api.status_code == 400
        assert api.json() == {"error": "The search could not be run", "errors": {field: [message]}}
        export = client.get(reverse("disclosure:export-csv"), query)
        assert export.status_code == 400 and message in export.content.decode()


def test_csv_export_of_a_search_escapes_formulas(client, entries, published):
    published(title='=HYPERLINK("http://evil.example")', sent_on=dt.date(2024, 4, 1))
    response = client.get(reverse("disclosure:export-csv"), {"year": 2024})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["reference", "title", "url"]
    assert [row[1] for row in rows[1:]] == [
        '\'=HYPERLINK("http://evil.example")',
        "Speed cameras",
        "Staff gym records",
    ]
    gym = rows[3]
    assert gym[7:10] == ["Refused", "no", "Section 40(2)"]
    assert gym[10] == "Professional standards"
    assert gym[2] == f"http://testserver/disclosure-log/{entries['refused'].slug}/"
    searched = client.get(reverse("disclosure:export-csv"), {"q": "dismissals"})
    lines = b"".join(searched.streaming_content).decode().splitlines()
    assert len(lines) == 3 and "Police dogs dismissals" in lines[1]


def test_atom_feeds(client, entries):
    feed = client.get(reverse("disclosure:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    xml = feed.content.decode()
    assert xml.count("<entry>") == 5
    assert f"Speed cameras ({entries['speed'].reference})" in xml
    assert f"/disclosure-log/{entries['speed'].slug}/" in xml
    topic = client.get(reverse("disclosure:topic-feed", args=["roads-policing"])).content.decode()
    assert topic.count("<entry>") == 2
    assert "disclosure log: Roads policing" in topic
    assert "Staff gym records" not in topic
    assert client.get(reverse("disclosure:topic-feed", args=["no-such-topic"])).status_code == 404


def test_sitemap_lists_public_entries_only(client, entries, withdraw):
    withdraw(entries["ncnd"])
    index = client.get(reverse("disclosure:sitemap")).content.decode()
    assert "sitemap-entries.xml" in index and "sitemap-log.xml" in index
    listed = client.get("/sitemap-entries.xml").content.decode()
    for key in ("title", "body", "refused", "speed"):
        assert f"/disclosure-log/{entries[key].slug}/</loc>" in listed
    assert f"/disclosure-log/{entries['ncnd'].slug}/" not in listed
    assert "/disclosure-log/</loc>" in client.get("/sitemap-log.xml").content.decode()


def test_every_public_address_answers_head_as_it_answers_get(client, published, officer):
    """HTTP requires HEAD wherever GET is served (RFC 9110, section 9.1): link checkers, feed
    readers and archiving crawlers ask with it. Other methods are still refused."""

    def add_file(case):
        attachment_add(
            actor=officer,
            request=case,
            uploaded_file=SimpleUploadedFile("stops.csv", b"Year,Stops\r\n2022,120\r\n"),
            question_numbers=[1],
        )

    publication = published(title="Stop and search", before_sending=add_file)
    (copy_,) = publication.attachments.all()
    addresses = [
        LOG,
        f"{LOG}?q=stop",
        reverse("disclosure:entry", args=[publication.slug]),
        reverse("disclosure:entry-version", args=[publication.slug, 1]),
        reverse("disclosure:attachment", args=[publication.slug, 1, copy_.pk]),
        reverse("disclosure:export-csv"),
        API,
        reverse("disclosure:api-entry", args=[publication.slug]),
        reverse("disclosure:api-schema"),
    ]
    for address in addresses:
        got, head = client.get(address), client.head(address)
        assert (address, got.status_code, head.status_code) == (address, 200, 200)
        assert head["Content-Type"] == got["Content-Type"]
        body = b"".join(head.streaming_content) if head.streaming else head.content
        assert body == b""
        assert client.post(address).status_code == 405


def test_the_entry_page_and_its_download(client, published, officer):
    csv_bytes = b"Year,Stops\r\n2022,120\r\n"

    def add_file(case):
        attachment_add(
            actor=officer,
            request=case,
            uploaded_file=SimpleUploadedFile("stops.csv", csv_bytes),
            question_numbers=[1],
        )

    publication = published(
        title="Stop and search",
        questions=("How many stops?",),
        before_sending=add_file,
        topics=["Stop and search"],
    )
    page = client.get(reverse("disclosure:entry", args=[publication.slug]))
    html = page.content.decode()
    assert f"Stop and search ({publication.reference})" in html
    assert "How many stops?" in html  # the request
    assert "Please find the information below." in html  # the response
    (copy_,) = publication.attachments.all()
    link = reverse("disclosure:attachment", args=[publication.slug, 1, copy_.pk])
    assert f'href="{link}"' in html
    download = client.get(link)
    assert download["Content-Type"] == "text/csv"
    assert 'filename="stops.csv"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == csv_bytes
    assert client.get(link.replace(f"/{copy_.pk}/", f"/{copy_.pk + 99}/")).status_code == 404
    assert client.get(reverse("disclosure:entry", args=["no-such-entry"])).status_code == 404
    # A record whose file has gone (restored without its media folder): 404, not a 500.
    copy_.file.storage.delete(copy_.file.name)
    assert client.get(link).status_code == 404


def count_queries(client, query) -> int:
    cache.clear()  # the filters' choices are read again too: the worst case
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LOG, query).status_code == 200
    return len(captured.captured_queries)


def test_the_log_page_query_count_does_not_grow_with_rows(client, published):
    """More entries, same queries. (Reading the filters' choices takes a query per distinct
    year, topic and provision, so the new entries reuse the first three topics.)"""
    for n in range(3):
        published(title=f"Entry {n}", topics=[f"Topic {n}", "Common"])
    few = count_queries(client, {})
    few_searched = count_queries(client, {"q": "entry", "topic": "common"})
    assert 0 < few <= 20
    for n in range(3, 12):
        published(title=f"Entry {n}", topics=[f"Topic {n % 3}", "Common"])
    assert count_queries(client, {}) == few
    assert count_queries(client, {"q": "entry", "topic": "common"}) == few_searched


def test_a_page_past_the_end_of_no_results_is_404_not_an_error(client, published):
    published(title="Taser deployments")
    assert client.get(LOG, {"q": "nothingmatchesthis", "page": "2"}).status_code == 404
    assert client.get(LOG, {"q": "nothingmatchesthis"}).status_code == 200


def test_a_topic_published_by_another_process_is_accepted_at_once(client, published):
    """The filters' choices are cached per process: a choice missing from the cache is
    checked again against the database before it is refused."""
    published(title="Taser deployments", topics=["Use of force"])
    assert client.get(LOG, {"topic": "use-of-force"}).status_code == 200  # cached now
    stale = cache.get(FACETS_CACHE_KEY)
    published(title="Speed cameras", topics=["Roads policing"])
    cache.set(FACETS_CACHE_KEY, stale)  # as if it had been published by another process
    response = client.get(LOG, {"topic": "roads-policing"})
    assert response.status_code == 200
    assert [e.title for e, _ in response.context["results"]] == ["Speed cameras"]


def test_the_search_index_follows_the_rows_however_they_change(published):
    """Triggers (SQLite) or a generated column (PostgreSQL): a row changed or deleted outside
    the publishing services, as a flushed test database or a restore does, is never found
    by its old words."""
    from foidesk.disclosure import search
    from foidesk.disclosure.models import Publication

    entry = published(title="Taser deployments")
    assert search.search("taser").ids == [entry.pk]
    Publication.objects.filter(pk=entry.pk).update(
        title="Speed cameras", request_text="Fixed cameras.", response_text="Three."
    )
    assert search.search("taser").ids == []
    assert search.search("speed cameras").ids == [entry.pk]
    Publication.objects.filter(pk=entry.pk).delete()
    assert search.search("speed").total == 0
    assert search.rebuild_index() == 0


def test_an_entry_typed_in_another_case_or_a_version_written_otherwise_is_sent_on(
    client, published
):
    """One address for each entry: the journalist who types "190a-23", or a link written
    "versions/01/", lands on the entry's own address, permanently."""
    publication = published(title="Stop and search")
    own = reverse("disclosure:entry", args=[publication.slug])
    lower = own.replace(publication.slug, publication.slug.lower())
    assert lower != own

    moved = client.get(lower)
    assert (moved.status_code, moved["Location"]) == (301, own)
    version = reverse("disclosure:entry-version", args=[publication.slug, 1])
    moved = client.get(version.replace("/versions/1/", "/versions/01/"))
    assert (moved.status_code, moved["Location"]) == (301, version)
    # The current version's own address stays its own: a correction will not move it.
    assert client.get(version).status_code == 200
    api = reverse("disclosure:api-entry", args=[publication.slug])
    moved = client.get(api.replace(publication.slug, publication.slug.lower()))
    assert (moved.status_code, moved["Location"]) == (301, api)
    assert client.get("/disclosure-log/no-such-entry/").status_code == 404
