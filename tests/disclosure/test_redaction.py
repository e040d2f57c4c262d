"""Finding the requester in text before it is published (``disclosure.redaction``, plain
Python): the standard rules (signatures, quoted email headers, emails, phone numbers,
postcodes), the requester's own rules, applying them, and ``leaks``, the last check before
anything goes public."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.disclosure.redaction import (
    REDACTED,
    RequesterDetails,
    Rule,
    apply,
    find,
    leaks,
    requester_rules,
    standard_rules,
)

ZEB = RequesterDetails(
    name="Zebedee Quillfeather",
    email="zeb.quill@quillmail.example",
    phone="07700 900123",
    address="12 Harbour Row\nPortwen\nTR9 4XY",
)


def redact(text: str, details: RequesterDetails | None = None, *, field="request.text") -> str:
    """The text with every proposed match applied, as publishing does by default."""
    rules = (requester_rules(details) if details else []) + standard_rules()
    matches = find({field: text}, rules, request_fields=["request.text"])
    return apply(text, [m for m in matches if m.field == field])


# --- signatures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Yours faithfully,",
        "Yours sincerely",
        "yours truly.",
        "Kind regards,",
        "Best regards",
        "Regards",
        "Many thanks",
        "Thanks in advance,",
        "Thank you",
        "Best wishes,",
        "With thanks",
        "Cheers!",
    ],
)
def test_the_lines_after_a_closing_are_a_signature(closing):
    # The standard rules alone: the signature goes even when it is not the name on record.
    text = (
        "Please tell me how many Tasers the force owns.\n\n"
        f"{closing}\nZeb Q.\nChair, Portwen Residents Group\n"
    )
    out = redact(text)
    assert out.startswith("Please tell me how many Tasers the force owns.")
    assert closing in out
    assert "Zeb Q." not in out
    assert "Residents Group" not in out
    assert REDACTED in out


def test_a_signature_ends_at_a_blank_line():
    text = "Yours faithfully,\nZebedee Quillfeather\n\nP.S. Please reply by email."
    out = redact(text)
    assert "Zebedee" not in out
    assert out.endswith("\n\nP.S. Please reply by email.")


def test_a_closing_in_the_middle_of_a_sentence_is_not_a_signature():
    text = "With regards to Tasers, how many are there?\nAnd how many officers carry one?"
    assert redact(text) == text


# --- quoted email headers --------------------------------------------------------------------


@pytest.mark.parametrize("header", ["From", "To", "Cc", "BCC", "Reply-To", "Sender"])
def test_quoted_email_headers_lose_their_values(header):
    text = (
        f"> {header}: Zebedee Quillfeather <zq@quillmail.example>\n"
        "> Subject: Freedom of Information request\n"
        "Please send the figures."
    )
    out = redact(text)
    assert f"> {header}: {REDACTED}" in out
    assert "Quillfeather" not in out
    assert "> Subject: Freedom of Information request" in out  # not a person


def test_a_forwarded_message_header_block():
    text = (
        "-----Original Message-----\n"
        "From: Z Quillfeather\n"
        "Sent: 3 January 2023 09:12\n"
        "To: FOI Team\n"
        "Cc: Portwen Gazette newsdesk\n\n"
        "How many Tasers?"
    )
    out = redact(text)
    for gone in ("Z Quillfeather", "FOI Team", "Portwen Gazette"):
        assert gone not in out
    assert "Sent: 3 January 2023 09:12" in out
    assert out.endswith("How many Tasers?")


# --- contact details ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["zq@quillmail.example", "z.quill+foi@mail.quill.co.uk", "o'neill@example.org"]
)
def test_any_email_address_in_the_request_is_proposed(email):
    out = redact(f"Reply to {email} please.")
    assert out == f"Reply to {REDACTED} please."


def test_standard_rules_leave_the_rest_of_the_response_alone():
    # The ICO's address in the rights paragraph is not the requester's: it stays.
    rights = "Complain to the ICO at casework@ico.org.uk or call 0303 123 1113."
    assert redact(rights, field="rights_paragraph") == rights
    # ...but the requester's own details are removed from every field.
    answer = "We wrote to zeb.quill@quillmail.example and phoned 07700 900123."
    out = redact(answer, ZEB, field="decisions.0.text")
    assert "quillmail" not in out
    assert "900123" not in out


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "+44 7700 900123",
        "+44 (0)7700 900123",
        "+447700900123",
        "(01632) 960 001",
        "01632-960-001",
        "020 7946 0018",
        "0300 123 4567",
    ],
)
def test_uk_phone_numbers_in_the_formats_people_type(phone):
    assert redact(f"Ring me on {phone} today.") == f"Ring me on {REDACTED} today."


@pytest.mark.parametrize(
    "written", ["07700 900123", "07700-900-123", "+44 (0) 7700 900 123", "(07700) 900123"]
)
def test_the_requesters_phone_number_however_written_and_wherever(written):
    out = redact(f"Officer called {written} twice.", ZEB, field="decisions.0.text")
    assert out == f"Officer called {REDACTED} twice."
    assert leaks({"answer": out}, ZEB) == []


def test_numbers_that_are_not_phone_numbers_stay():
    text = "In 2022/23 there were 1,234 incidents; crime reference 23/456789."
    assert redact(text) == text


@pytest.mark.parametrize("postcode", ["TR9 4XY", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR26XH"])
def test_postcodes_in_the_request(postcode):
    assert redact(f"I live near {postcode}.") == f"I live near {REDACTED}."


@pytest.mark.parametrize("written", ["tr9 4xy", "TR94XY", "Tr9  4xY"])
def test_the_requesters_postcode_in_any_case_or_spacing(written):
    out = redact(f"Patrols near {written} last year?", ZEB, field="decisions.0.text")
    assert out == f"Patrols near {REDACTED} last year?"
    assert ("request", "postcode") in leaks({"request": f"near {written}"}, ZEB)


def test_the_requesters_postal_address_lines():
    out = redact("Please post it to 12 Harbour Row, Portwen.", ZEB)
    assert out == f"Please post it to {REDACTED}, {REDACTED}."


# --- the requester's name ----------------------------------------------------------------


def test_the_full_name_across_a_line_break_and_in_any_case():
    text = "My name is Zebedee\nQuillfeather and ZEBEDEE   QUILLFEATHER is me."
    out = redact(text, ZEB)
    assert out == f"My name is {REDACTED} and {REDACTED} is me."


def test_each_part_of_the_name_is_proposed_on_its_own():
    out = redact("Dear Mr Quillfeather, Zebedee here.", ZEB)
    assert out == f"Dear Mr {REDACTED}, {REDACTED} here."


def test_a_title_or_initial_is_not_a_name_part_but_the_surname_still_is():
    details = RequesterDetails(name="Dr Jo Quillfeather")
    rules = requester_rules(details)
    assert {r.text for r in rules} == {"Dr Jo Quillfeather", "Quillfeather"}
    assert redact("Regarding Dr Quillfeather's letter.", details) == (
        f"Regarding Dr {REDACTED}'s letter."
    )


def test_a_name_inside_a_longer_word_is_not_matched():
    out = redact("The Quillfeathers Arms pub.", RequesterDetails(name="Zebedee Quillfeather"))
    assert out == "The Quillfeathers Arms pub."


@pytest.mark.parametrize(
    "written",
    [
        "Siobhan O\u2019Brien-Hartigan",  # a word processor's apostrophe
        "SIOBHAN O\u2018BRIEN \u2013 HARTIGAN",
        "Siobhan O'Brien\u2011Hartigan",  # a non-breaking hyphen
        "Siobhan OBrien Hartigan",
        "Siobh\u00e1n O'Brien-\nHartigan",
    ],
)
def test_the_name_with_another_apostrophe_hyphen_or_accent(written):
    details = RequesterDetails(name="Siobhan O'Brien-Hartigan")
    assert redact(f"I am {written}, asking.", details) == f"I am {REDACTED}, asking."
    assert leaks({"request.text": f"I am {written}."}, details) == [("request.text", "name")]


def test_a_name_with_accents_is_found_without_them_and_the_other_way():
    zoe = RequesterDetails(name="Zo\u00eb Ashcombe")
    assert redact("Zoe Ashcombe and ZOE asked.", zoe) == f"{REDACTED} and {REDACTED} asked."
    plain = RequesterDetails(name="Zoe Ashcombe")
    assert leaks({"t": "From Zo\u00eb Ashcombe"}, plain) == [("t", "name")]
    # Written with a combining accent (two characters) too.
    assert leaks({"t": "From Zoe\u0308 Ashcombe"}, plain) == [("t", "name")]


def test_each_half_of_a_double_barrelled_surname_is_proposed():
    details = RequesterDetails(name="Ottoline Fitzwarren-Pybus")
    out = redact("Dear Ms Pybus, Ms Fitzwarren Pybus wrote.", details)
    assert out == f"Dear Ms {REDACTED}, Ms {REDACTED} wrote."


def test_overlapping_matches_are_proposed_once():
    text = "From: Zebedee Quillfeather <zeb.quill@quillmail.example>"
    matches = find(
        {"request.text": text},
        requester_rules(ZEB) + standard_rules(),
        request_fields=["request.text"],
    )
    assert len(matches) == 1
    assert matches[0].text == "Zebedee Quillfeather <zeb.quill@quillmail.example>"
    assert matches[0].key == "request.text:6:56"
    assert apply(text, matches) == f"From: {REDACTED}"


def test_stored_rules_are_data_literal_or_pattern():
    literal = Rule("literal", "Operation Nightjar", "an operational name", whole_response=True)
    pattern = Rule("pattern", r"PC\s?\d{4}", "a collar number", whole_response=True)
    text = "operation   nightjar involved PC 1234 and PC5678."
    matches = find({"decisions.0.text": text}, [literal, pattern], request_fields=[])
    assert [m.rule.reason for m in matches] == [
        "an operational name",
        "a collar number",
        "a collar number",
    ]
    assert apply(text, matches) == f"{REDACTED} involved {REDACTED} and {REDACTED}."
    # A rule for the request only does not touch the response.
    narrow = Rule("literal", "Nightjar", "an operational name")
    assert find({"decisions.0.text": text}, [narrow], request_fields=[]) == []


def test_unticked_matches_are_left_in_place():
    text = "Yours sincerely,\nZebedee Quillfeather"
    matches = find({"t": text}, requester_rules(ZEB) + standard_rules(), request_fields=["t"])
    assert apply(text, []) == text
    assert apply(text, matches) == f"Yours sincerely,\n{REDACTED}"


# --- leaks --------------------------------------------------------------------------------


def test_leaks_finds_whatever_remains():
    text = (
        "zebedee quillfeather wrote from ZEB.QUILL@quillmail.example, "
        "phone +44 7700 900 123, at 12 Harbour Row, tr94xy"
    )
    found = {what for _, what in leaks({"request.text": text}, ZEB)}
    assert found == {"name", "email address", "phone number", "address", "postcode"}


def test_leaks_names_the_field():
    assert leaks({"request.text": "fine", "decisions.1.text": "Zebedee Quillfeather"}, ZEB) == [
        ("decisions.1.text", "name")
    ]


def test_leaks_does_not_flag_a_surname_or_first_name_alone():
    # A surname may be a street or a place: only the full name counts as a leak.
    text = "Incidents on Quillfeather Road and at Zebedee's cafe."
    assert leaks({"request.text": text}, ZEB) == []


@pytest.mark.parametrize(
    "text",
    [
        "Corrected at Mr Quillfeather's request.",
        "Corrected at MR. QUILLFEATHER's request.",
        "Sent to Z. Quillfeather.",
        "Sent to Z A Quillfeather.",
        "Requester: Quillfeather, Z.",
    ],
)
def test_leaks_finds_a_title_or_an_initial_with_the_surname(text):
    assert leaks({"correction_note": text}, ZEB) == [("correction_note", "name")]


def test_leaks_finds_the_name_without_the_title_or_middle_name_it_was_recorded_with():
    details = RequesterDetails(name="Dr Ottoline Jane Fitzwarren-Pybus")
    for text in (
        "Ottoline Jane Fitzwarren-Pybus",
        "Ottoline Fitzwarren-Pybus",
        "Fitzwarren-Pybus, O.",
    ):
        assert leaks({"t": f"Asked by {text} in 2023"}, details) == [("t", "name")], text


def test_leaks_does_not_take_a_lower_case_word_for_an_initial():
    text = "A request about a Quillfeather Road incident, quillfeather z-bend."
    assert leaks({"t": text}, ZEB) == []


def test_leaks_is_empty_once_everything_proposed_is_applied():
    text = (
        "From: Zebedee Quillfeather <zeb.quill@quillmail.example>\n"
        "To: foi@police.example\n\n"
        "Dear FOI team,\nI am Zebedee\nQuillfeather of 12 Harbour Row, Portwen, TR9 4XY "
        "(07700 900123).\n\nYours faithfully,\nZebedee Quillfeather\n"
    )
    out = redact(text, ZEB)
    assert leaks({"request.text": out}, ZEB) == []
    assert "Dear FOI team," in out


# --- the property --------------------------------------------------------------------------

#: Words for the surrounding text: anything but the requester's own details, which are
#: generated from a distinct pattern below so the two never overlap by chance.
_filler_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz.,;:!?()'\"-", min_size=1, max_size=9)
_filler = st.lists(
    st.tuples(_filler_word, st.sampled_from([" ", " ", "\n", "\n\n", "  ", "\t"])),
    max_size=25,
).map(lambda parts: "".join(w + s for w, s in parts))
_name_word = st.from_regex(r"[A-Z][a-zéöñ]{1,9}(?:-[A-Z][a-z]{2,6})?", fullmatch=True).map(
    lambda w: "Xq" + w
)
_title = st.sampled_from(["", "Mr ", "Ms ", "Dr ", "Mx "])
_email = st.from_regex(
    r"[a-z][a-z0-9._+-]{0,10}@[a-z]{2,8}\.(?:org|co\.uk|example)", fullmatch=True
)
_separator = st.sampled_from([" ", "\n", "  ", " \n ", "\t"])
_closing = st.sampled_from(["", "Yours faithfully,\n", "Kind regards\n", "Thanks,\n"])


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    title=_title,
    first=_name_word,
    last=_name_word,
    email=_email,
    before=_filler,
    middle=_filler,
    after=_filler,
    separator=_separator,
    closing=_closing,
    field=st.sampled_from(["request.text", "decisions.0.text"]),
    shout=st.booleans(),
)
def test_after_applying_every_proposal_nothing_of_the_requester_leaks(
    title, first, last, email, before, middle, after, separator, closing, field, shout
):
    details = RequesterDetails(name=f"{title}{first} {last}", email=email)
    written = f"{first}{separator}{last}"
    if shout:
        written = written.upper()
    text = f"{before}{written} ({email}) {middle}\n{closing}{title}{first} {last}\n{after}"
    rules = requester_rules(details) + standard_rules()
    matches = find({field: text}, rules, request_fields=["request.text"])
    out = apply(text, matches)
    assert leaks({field: out}, details) == []
    # Neither part of the name survives on its own either: each was proposed too.
    for part in (first, last):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", out, re.IGNORECASE)


def test_the_requesters_organisation_is_proposed_in_the_request_only():
    details = RequesterDetails(name="Jo Bloggs", organisation="Midlands Ledger")
    texts = {
        "request.text": "I write for the Midlands Ledger and would like the figures.",
        "decisions.0.text": "The Midlands Ledger reported this in 2022.",
    }
    found = find(texts, requester_rules(details), request_fields=["request.text"])
    assert [(m.field, m.text, m.rule.reason) for m in found] == [
        ("request.text", "Midlands Ledger", "the requester's organisation")
    ]
    # Not personal data: its presence alone does not stop publishing.
    assert leaks(texts, details) == []
