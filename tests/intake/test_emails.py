"""Tests for ``read_eml``: hand-written .eml files in ``data/`` and small inline messages."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from foidesk.intake.emails import ParsedEmail, Requester, UnreadableEmail, html_to_text, read_eml
from foidesk.intake.splitting import propose_questions

DATA = Path(__file__).resolve().parent / "data"


def read(name: str) -> ParsedEmail:
    return read_eml((DATA / name).read_bytes())


def message(headers: str, body: bytes = b"How many drones does the force own?\n") -> bytes:
    return headers.strip().replace("\n", "\r\n").encode("ascii") + b"\r\n\r\n" + body


# --- multipart/alternative with an attachment ------------------------------------------------


def test_multipart_email_prefers_the_plain_text_part() -> None:
    parsed = read("multipart_alternative.eml")
    assert parsed.body_type == "text/plain"
    assert parsed.body.startswith("Dear Sir/Madam,\n\nUnder the Freedom of Information Act 2000")
    assert "HTML version" not in parsed.body


def test_headers_are_decoded() -> None:
    parsed = read("multipart_alternative.eml")
    assert parsed.subject == "Freedom of Information request \u2013 officers under investigation"
    assert parsed.sender_name == "Jane Smith"
    assert parsed.sender_address == "jane.smith@example.org"


def test_requester_is_kept_apart_from_the_request_text() -> None:
    parsed = read("multipart_alternative.eml")
    assert parsed.requester == Requester(name="Jane Smith", email="jane.smith@example.org")


def test_date_received_is_our_mail_servers_stamp_and_date_sent_the_senders() -> None:
    parsed = read("multipart_alternative.eml")
    assert parsed.date_received == datetime(2023, 1, 16, 18, 5, 9, tzinfo=UTC)
    assert parsed.date_sent == datetime(2023, 1, 16, 18, 4, 55, tzinfo=UTC)
    assert parsed.notes == ()


def test_quoted_reply_chain_and_signature_are_left_in() -> None:
    body = read("multipart_alternative.eml").body
    assert "Yours faithfully,\n\nJane Smith" in body
    assert body.endswith("> Thank you for your enquiry.")


def test_attachment_file_names_are_listed() -> None:
    assert read("multipart_alternative.eml").attachments == ("covering letter.pdf",)


def test_email_body_splits_into_questions_with_the_name_in_the_signoff() -> None:
    split = propose_questions(read("multipart_alternative.eml").body)
    assert len(split) == 2
    assert "Jane Smith" in split.signoff
    assert all("Jane" not in q.text + q.context for q in split.questions)


# --- HTML only -------------------------------------------------------------------------------


def test_html_only_email_is_converted_to_text_with_a_note() -> None:
    parsed = read("html_only.eml")
    assert parsed.body_type == "text/html"
    assert parsed.body == (
        "Hello,\n\nPlease could you tell me:\n\n"
        "1. How many drones does the force\u00a0own?\n2. Who oversees drone operations?\n\n"
        "Thanks\nChidi"
    )
    assert any("HTML part was converted" in note for note in parsed.notes)


def test_sender_name_with_a_comma_is_read_whole() -> None:
    assert read("html_only.eml").requester == Requester("Okafor, Chidi", "chidi@example.com")


def test_without_a_received_header_the_date_header_is_used_and_noted() -> None:
    parsed = read("html_only.eml")
    expected = datetime(2023, 3, 7, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    assert parsed.date_received == parsed.date_sent == expected
    assert any("no Received header" in note for note in parsed.notes)


def test_html_email_body_splits_into_its_listed_questions() -> None:
    split = propose_questions(read("html_only.eml").body)
    assert [q.text for q in split.questions] == [
        "How many drones does the force own?",
        "Who oversees drone operations?",
    ]
    assert split.signoff == "Thanks\nChidi"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<div>One</div><div><div>Two</div></div>", "One\nTwo"),
        ("One<br>Two<br><br>Three", "One\nTwo\n\nThree"),
        ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
        ("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"),
        # A list inside an item: on the next line, indented a level, numbered from 1 again.
        (
            "<ol><li>Properties recorded as:<ol><li>empty</li><li>let</li></ol></li>"
            "<li>Dates</li></ol>",
            "1. Properties recorded as:\n    1. empty\n    2. let\n2. Dates",
        ),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n    - b"),
        # The list's own numbering: where it starts and how it is printed.
        ('<ol start="4"><li>a</li><li>b</li></ol>', "4. a\n5. b"),
        ('<ol type="a"><li>a</li><li>b</li></ol>', "a. a\nb. b"),
        ('<ol type="I" start="3"><li>a</li><li>b</li></ol>', "III. a\nIV. b"),
        ('<ol start="x"><li>a</li></ol>', "1. a"),
        # Starts the question splitter would not read as item numbers: numbered from 1.
        ('<ol start="\u00b2"><li>a</li></ol>', "1. a"),
        ('<ol start="100"><li>a</li><li>b</li></ol>', "1. a\n2. b"),
        ('<ol start="0" type="a"><li>a</li><li>b</li></ol>', "a. a\nb. b"),
        ('<ol start="-1"><li>a</li></ol>', "1. a"),
        ("<p>Fish &amp; chips &pound;5 &#8211; cheap</p>", "Fish & chips \u00a35 \u2013 cheap"),
        ("<style>p{}</style><script>x()</script><p>Shown</p>", "Shown"),
        ("<p>  lots   of\n  space </p>", "lots of space"),
        ("<pre>keep\n  this</pre>", "keep\n  this"),
    ],
)
def test_html_to_text_keeps_breaks_and_drops_tags(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Request</p>" + "<a " * 6_666, "Request"),
        ("<p>Shown</p><!-- <p>commented out</p>", "Shown"),
        ('<p>Shown</p><a href="x>not a link', "Shown"),
        ("<p>Shown</p><!doctype", "Shown"),
        # What is closed reads as before; a lone "<" or "</" at the very end is text.
        ('<p title="a<b">x &lt; y</p><!-- a < b -->z <', "x < y\n\nz <"),
        ("<p>a</p>b </", "a\n\nb </"),
    ],
)
def test_html_ending_inside_a_tag_or_comment_reads_as_a_browser_shows_it(
    html: str, text: str
) -> None:
    """HTML5: what the page ends inside is not text. The standard library's parser read it as
    text, scanning to the end from each "<" in it (6,666 "<a " took 14 seconds; timed in
    ``bench/bench_hostile_input.py``)."""
    assert html_to_text(html) == text


# --- Transfer encodings and character sets ----------------------------------------------------


def test_quoted_printable_body_and_encoded_sender_are_decoded() -> None:
    parsed = read("quoted_printable.eml")
    assert parsed.sender_name == "Si\u00e2n Jones"
    assert parsed.body.startswith(
        "Q1. How many speed cameras did the force\u2019s road safety partnership operate in 2022?"
    )
    assert "What did\u00a0they cost to run?" in parsed.body


def test_minus_zero_zone_is_read_as_utc_with_a_note() -> None:
    parsed = read("quoted_printable.eml")
    assert parsed.date_sent == datetime(2023, 2, 1, 14, 30, tzinfo=UTC)
    assert any("UTC was assumed" in note for note in parsed.notes)


def test_latin_1_body_is_decoded_by_its_declared_charset() -> None:
    parsed = read("latin1.eml")
    assert parsed.body.startswith("How much (in \u00a3) did the force spend on caf\u00e9 vouchers")
    assert not any("character" in note for note in parsed.notes)


def test_unknown_charset_falls_back_to_replacement_characters_with_a_note() -> None:
    data = message(
        """
From: a@example.org
Subject: x
Content-Type: text/plain; charset=x-klingon
""",
        "How many caf\u00e9s?\n".encode() + b"\xff\n",
    )
    parsed = read_eml(data)
    assert parsed.body == "How many caf\u00e9s?\n\ufffd"
    assert any("'x-klingon' is unknown" in note for note in parsed.notes)


@pytest.mark.parametrize(
    "charset", ["undefined", "unicode_escape", "raw_unicode_escape", "rot13", "base64", "idna"]
)
def test_a_charset_no_email_is_in_is_unknown(charset: str) -> None:
    """Python's own codecs are not character sets: "unicode_escape" would read the body's
    backslashes as escapes, "rot13" and "undefined" stopped the email being read at all."""
    data = message(
        f"From: a@example.org\nContent-Type: text/plain; charset={charset}",
        "Files under C:\\new for the caf\u00e9?".encode(),
    )
    parsed = read_eml(data)
    assert parsed.body == "Files under C:\\new for the caf\u00e9?"
    assert any(f"'{charset}' is unknown" in note for note in parsed.notes)


def test_utf8_declared_as_ascii_is_read_as_utf8_with_a_note() -> None:
    data = message(
        "From: a@example.org\nContent-Type: text/plain; charset=us-ascii",
        "What did the force\u2019s drones cost?".encode(),
    )
    parsed = read_eml(data)
    assert parsed.body == "What did the force\u2019s drones cost?"
    assert any("declared as us-ascii but is UTF-8" in note for note in parsed.notes)


def test_bytes_invalid_in_every_charset_become_replacement_characters() -> None:
    data = message("From: a@example.org\nContent-Type: text/plain; charset=utf-8", b"Fee \xa3\xff?")
    parsed = read_eml(data)
    assert parsed.body == "Fee \ufffd\ufffd?"
    assert any("not valid utf-8" in note for note in parsed.notes)


# --- Headers that are missing or odd ---------------------------------------------------------


def test_missing_from_and_date_are_noted_not_fatal() -> None:
    parsed = read_eml(message("Subject: Drones"))
    assert parsed.requester == Requester("", "")
    assert parsed.date_sent is None and parsed.date_received is None
    assert any("no From header" in note for note in parsed.notes)
    assert any("no Date header" in note for note in parsed.notes)


def test_unreadable_date_is_noted() -> None:
    parsed = read_eml(message("From: a@example.org\nDate: sometime next week"))
    assert parsed.date_sent is None
    assert any("not a date that can be read" in note for note in parsed.notes)


def test_from_header_the_standard_parser_chokes_on_is_read_raw() -> None:
    parsed = read_eml(message("From: From: x; y\nDate: Mon, 16 Jan 2023 18:04:55 +0000"))
    assert parsed.sender_address == ""
    assert any("No address can be read in the From header" in note for note in parsed.notes)
    assert parsed.date_sent == datetime(2023, 1, 16, 18, 4, 55, tzinfo=UTC)


def test_reply_to_that_differs_from_the_sender_is_noted() -> None:
    parsed = read_eml(
        message("From: Web form <noreply@police.example.uk>\nReply-To: Sam <sam@example.org>")
    )
    assert parsed.sender_address == "noreply@police.example.uk"
    assert any("sam@example.org" in note for note in parsed.notes)


def test_forwarded_email_attachment_is_listed_by_its_subject() -> None:
    data = message(
        """
From: a@example.org
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"
""",
        b"--b\r\nContent-Type: text/plain\r\n\r\nSee the forwarded request.\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: c@example.org\r\nSubject: Original request\r\n\r\nHow many?\r\n--b--\r\n",
    )
    parsed = read_eml(data)
    assert parsed.body == "See the forwarded request."
    assert parsed.attachments == ("Original request.eml",)


# --- Unreadable input ------------------------------------------------------------------------


def test_email_with_only_an_attachment_has_no_text_body() -> None:
    with pytest.raises(UnreadableEmail, match=r"This email has no text body.*request\.pdf"):
        read("no_body.eml")


def test_email_with_a_blank_body_has_no_text_body() -> None:
    with pytest.raises(UnreadableEmail, match="This email has no text body"):
        read_eml(message("From: a@example.org\nSubject: x", b"\r\n   \r\n"))


def test_garbage_bytes_are_not_an_email() -> None:
    with pytest.raises(UnreadableEmail, match="not an email"):
        read("garbage.bin")


def test_plain_text_that_is_not_an_email_is_refused() -> None:
    with pytest.raises(UnreadableEmail, match="no email headers"):
        read_eml(b"Dear Sir,\n\nHow many drones?\n")


def test_outlook_msg_file_is_refused_with_advice() -> None:
    with pytest.raises(UnreadableEmail, match=r"Outlook \.msg"):
        read_eml(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))


@pytest.mark.parametrize("empty", [b"", b"  \r\n\n"])
def test_empty_file_is_refused(empty: bytes) -> None:
    with pytest.raises(UnreadableEmail, match="empty"):
        read_eml(empty)


def test_unreadable_email_is_a_value_error() -> None:
    assert issubclass(UnreadableEmail, ValueError)
