"""The privacy test: requesters with distinctive names, emails, phone numbers and postal
addresses put those details in their requests (signatures, quoted email headers, the body);
once answered and published, not one of those strings, in any case, is in any public page,
feed, export, API response, sitemap or download, and searching for them finds nothing."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from foidesk.cases.services import NewRequester
from foidesk.decisions.services import attachment_add

from .conftest import DISCLOSED, NCND, PERSONAL, answer, log

REQUESTERS = [
    NewRequester(
        name="Zebedee Quillfeather",
        email="zebedee.q@featherpost.example",
        phone="07700 900417",
        address="Flat 3, Marrowbone Court\nLittle Wendlebury\nWB7 3QZ",
    ),
    NewRequester(
        name="Dr Ottoline Fitzwarren-Pybus",
        email="o.pybus@pybusmail.example",
        phone="+44 1632 960582",
        address="The Old Tannery, Scrogg Lane, Nether Pelting, NP4 9XJ",
    ),
    NewRequester(
        name="Ignatius Blomqvist",
        email="iggy.blom+foi@blomqvist-family.example",
        phone="(01632) 960 733",
        address="44 Kittiwake Crescent\nSaltmarsh\nSM12 8RW",
    ),
]
#: Every distinctive string, checked in any case.
SECRETS = [
    "Quillfeather",
    "Zebedee",
    "featherpost",
    "zebedee.q",
    "900417",
    "Marrowbone",
    "Wendlebury",
    "WB7 3QZ",
    "WB73QZ",
    "Ottoline",
    "Fitzwarren",
    "Pybus",
    "pybusmail",
    "960582",
    "Tannery",
    "Scrogg",
    "Nether Pelting",
    "NP4 9XJ",
    "Ignatius",
    "Blomqvist",
    "iggy.blom",
    "960733",
    "960 733",
    "Kittiwake",
    "Saltmarsh",
    "SM12 8RW",
]


def request_text(person: NewRequester, subject: str) -> str:
    first, last = person.name.split()[-2:]
    address = person.address.replace("\n", ", ")
    return (
        f"-----Original Message-----\n"
        f"From: {person.name} <{person.email}>\n"
        f"Sent: 4 January 2023 08:15\n"
        f"To: FOI <foi@police.example>\n"
        f"Cc: {first} {last.upper()} <{person.email}>\n"
        f"Subject: {subject}\n\n"
        f"Dear Sir or Madam,\n\n"
        f"My name is {first}\n{last} and I live at {address}.\n"
        f"Please tell me about {subject.lower()}. Reply to {person.email.upper()} "
        f"or ring {person.phone}, or write to {person.address.splitlines()[-1].lower()}.\n"
        f"My neighbour knows me as {first}.\n\n"
        f"Yours faithfully,\n{person.name}\n{person.address.splitlines()[0]}\n"
    )


@pytest.fixture
def log_with_requesters(officer, approver, publish):
    """Each requester's request answered and published (one corrected: two versions)."""
    subjects = ["Taser deployments", "Stop and search figures", "Firearms licences"]
    decisions = [(DISCLOSED,), (DISCLOSED, PERSONAL), (NCND,)]
    published = []
    for index, (person, subject) in enumerate(zip(REQUESTERS, subjects, strict=True)):
        first = person.name.split()[-2]

        def add_file(case, index=index):
            attachment_add(
                actor=officer,
                request=case,
                uploaded_file=SimpleUploadedFile(
                    f"figures-{index}.csv", b"Year,Count\r\n2022,17\r\n"
                ),
                question_numbers=[1],
            )

        case = log(
            officer,
            title=subject,
            text=request_text(person, subject),
            questions=[f"How many {subject.lower()} were there?", f"Why, {first}?"][
                : len(decisions[index])
            ],
            requester=person,
            received=dt.date(2023, 1, 10 + index),
        )
        case = answer(
            case,
            officer=officer,
            approver=approver,
            decisions=decisions[index],
            sent_on=dt.date(2023, 2, 10 + index),
            before_sending=add_file,
        )
        publication = publish(case, new_topics=[f"Topic {subject}"])
        published.append(publication)
    published.append(publish(published[0].request, correction_note="Topic corrected."))
    return published


def public_urls(client, publications) -> list[str]:
    urls = [
        reverse("disclosure:log"),
        reverse("disclosure:log") + "?page=1",
        reverse("disclosure:log") + "?q=tasers",
        reverse("disclosure:log") + "?q=figures+OR+licences&year=2023",
        reverse("disclosure:feed"),
        reverse("disclosure:export-csv"),
        reverse("disclosure:export-csv") + "?q=taser",
        reverse("disclosure:api-entries"),
        reverse("disclosure:api-entries") + "?q=search&page_size=1",
        reverse("disclosure:api-schema"),
        reverse("disclosure:sitemap"),
        "/sitemap-log.xml",
        "/sitemap-entries.xml",
        "/",
    ]
    for publication in publications:
        urls += [
            reverse("disclosure:entry", args=[publication.slug]),
            reverse("disclosure:entry-version", args=[publication.slug, publication.version]),
            reverse("disclosure:api-entry", args=[publication.slug]),
        ]
        urls += [reverse("disclosure:topic-feed", args=[t.slug]) for t in publication.topics.all()]
        urls += [
            reverse("disclosure:attachment", args=[publication.slug, publication.version, a.pk])
            for a in publication.attachments.all()
        ]
    return urls


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def test_no_requester_detail_appears_anywhere_public(client, log_with_requesters):
    urls = public_urls(client, log_with_requesters)
    assert len(urls) > 30
    seen = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = body(response).lower()
        for secret in SECRETS:
            assert secret.lower() not in text, f"{secret!r} is in {url}"
        # Not even an email address of theirs with a different case or a phone in digits.
        assert not re.search(r"900\s*417|960\s*582|960\s*733", text), url
        seen += len(text)
    assert seen > 50_000  # the pages were real pages, not empty ones
    # The published text kept what was asked.
    entry = body(client.get(reverse("disclosure:api-entry", args=[log_with_requesters[1].slug])))
    assert "stop and search figures" in entry.lower()


@pytest.mark.parametrize(
    "query",
    [
        "Quillfeather",
        "Zebedee Quillfeather",
        '"Ottoline Fitzwarren-Pybus"',
        "Blomqvist",
        "featherpost",
        "Kittiwake OR Marrowbone",
        "WB7",
    ],
)
def test_searching_for_a_requester_finds_nothing(client, log_with_requesters, query):
    api = client.get(reverse("disclosure:api-entries"), {"q": query}).json()
    assert api["count"] == 0 and api["results"] == []
    page = client.get(reverse("disclosure:log"), {"q": query})
    assert page.status_code == 200
    assert "No entries found" in page.content.decode()
    csv = body(client.get(reverse("disclosure:export-csv"), {"q": query}))
    assert csv.strip().count("\n") == 0  # the header only


def test_the_search_index_holds_the_published_text_only(client, log_with_requesters):
    # What was asked can be found; who asked cannot.
    assert client.get(reverse("disclosure:api-entries"), {"q": "tasers"}).json()["count"] == 1
    for person in REQUESTERS:
        for word in re.findall(r"[A-Za-z]{5,}", f"{person.name} {person.address}"):
            if word.lower() in {"court", "crescent", "flat", "lane"}:
                continue
            found = client.get(reverse("disclosure:api-entries"), {"q": word}).json()
            assert found["count"] == 0, word
