"""Read an emailed FOI request (an ``.eml`` file) into plain data for the register.

Most requests arrive by email, and a request in writing by email is valid (FOIA s8,
https://www.legislation.gov.uk/ukpga/2000/36/section/8). The register needs three things from it,
kept apart:

- who asked: s8(1)(b) requires the applicant's name and an address for correspondence, and the
  register keeps them away from the request text because they are personal data that the
  disclosure log must never show;
- when it arrived: the 20 working days run from the day of receipt (FOIA s10(1),
  https://www.legislation.gov.uk/ukpga/2000/36/section/10), and an email is received when it
  reaches the authority's inbox (UK-FOI-RULES.md T9), so the time our own mail server stamped on
  it (the topmost ``Received`` header) is preferred to the sender's ``Date`` header;
- what was asked: the text body, as sent. Quoted earlier messages and signatures are left in;
  the officer decides what is part of the request.

Only the standard library is used (``email`` with ``policy.default``, ``html.parser``). Nothing
is guessed silently: every fallback is recorded in ``ParsedEmail.notes`` for the officer.
"""

import codecs
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.errors import HeaderParseError
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

__all__ = [
    "ParsedEmail",
    "Requester",
    "UnreadableEmail",
    "charset_codec",
    "html_to_text",
    "read_eml",
]


class UnreadableEmail(ValueError):
    """The file cannot be read as an email request; the message says why, for the officer."""


@dataclass(frozen=True, slots=True)
class Requester:
    """The applicant as the email names them (FOIA s8(1)(b)): stored apart from the request."""

    name: str
    email: str


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """What an emailed request says, who sent it and when, as plain data.

    ``date_received`` is when the authority's mail server received the email (topmost
    ``Received`` header), or the ``Date`` header when there is no such stamp; ``notes`` say which,
    and record every other fallback (character sets, HTML-only bodies, missing headers).
    """

    subject: str
    sender_name: str
    sender_address: str
    date_sent: datetime | None
    date_received: datetime | None
    body: str
    body_type: str
    attachments: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def requester(self) -> Requester:
        return Requester(name=self.sender_name, email=self.sender_address)


# Headers that any real email has at least one of. A file with none of them is not an email.
_EMAIL_HEADERS = frozenset({"from", "sender", "reply-to", "return-path", "to", "cc"}) | frozenset(
    {"date", "subject", "message-id", "mime-version", "received", "content-type"}
)
# Outlook saves .msg files as OLE compound documents; officers drop them in by mistake.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_eml(data: bytes) -> ParsedEmail:
    """Read the bytes of an ``.eml`` file; raise ``UnreadableEmail`` saying why if they are not one.

    Reasons: the file is empty; it is an Outlook ``.msg`` file; it has no email headers; it has
    no text body ("This email has no text body"). An undecodable character set is not a reason:
    the text is read with replacement characters and a note says so.
    """
    if not data.strip():
        raise UnreadableEmail("The file is empty.")
    if data.startswith(_OLE_SIGNATURE):
        raise UnreadableEmail(
            "This is an Outlook .msg file, not an email (.eml): in Outlook, use File > Save As "
            "and choose the .eml format, or forward the email to the FOI mailbox."
        )
    message = BytesParser(EmailMessage, policy=policy.default).parsebytes(data)
    if not {key.lower() for key in message} & _EMAIL_HEADERS:
        raise UnreadableEmail(
            "This is not an email: it has no email headers (From, To, Date, Subject)."
        )
    notes: list[str] = []
    body_part = message.get_body(preferencelist=("plain", "html"))
    attachments = _attachment_names(message, body_part)
    body, body_type = _body_text(body_part, notes)
    if not body.strip():
        where = (
            f"; the request may be in its attachments: {', '.join(attachments)}"
            if attachments
            else ""
        )
        raise UnreadableEmail(f"This email has no text body{where}.")
    sender_name, sender_address = _sender(message, notes)
    date_sent = _date_sent(message, notes)
    date_received = _date_received(message, notes)
    if date_received is None and date_sent is not None:
        notes.append(
            "No mail server stamped a receipt time (no Received header), so the date received "
            "is the sender's Date header: check it against the FOI mailbox."
        )
        date_received = date_sent
    return ParsedEmail(
        subject=_header_text(message, "subject"),
        sender_name=sender_name,
        sender_address=sender_address,
        date_sent=date_sent,
        date_received=date_received,
        body=body,
        body_type=body_type,
        attachments=attachments,
        notes=tuple(notes),
    )


# --- Headers ---------------------------------------------------------------------------------


# What the standard library's header parser raises on some malformed headers (found by fuzzing).
_PARSER_ERRORS = (AttributeError, IndexError, LookupError, TypeError, ValueError, HeaderParseError)


def _header(message: EmailMessage, name: str) -> object | None:
    """A parsed header, or its raw text when the parser fails on it; None when it is absent."""
    try:
        return message.get(name)
    except _PARSER_ERRORS:
        raw = next((value for key, value in message.raw_items() if key.lower() == name), None)
        return " ".join(raw.split()) if raw is not None else None


def _header_text(message: EmailMessage, name: str) -> str:
    """A header's decoded text ("=?utf-8?...?=" words decoded), or "" when it is absent."""
    value = _header(message, name)
    return " ".join(str(value).split()) if value is not None else ""


def _sender(message: EmailMessage, notes: list[str]) -> tuple[str, str]:
    """The requester's name and address from ``From``; notes when they are missing or odd."""
    header = _header(message, "from")
    if header is None:
        notes.append("The email has no From header: enter the requester's name and address.")
        return "", ""
    addresses = getattr(header, "addresses", ())
    if addresses:
        first = addresses[0]
        name, address = first.display_name, first.addr_spec
        if len(addresses) > 1:
            notes.append("The From header names more than one sender; the first is used.")
    else:
        name, address = parseaddr(str(header))
    if not address:
        notes.append(f"No address can be read in the From header {str(header)!r}: enter it.")
    elif "@" not in address:
        notes.append(f"The sender's address {address!r} is not a valid email address.")
    reply_to = _header(message, "reply-to")
    reply_address = parseaddr(str(reply_to))[1] if reply_to is not None else ""
    if reply_address and reply_address.lower() != address.lower():
        notes.append(
            f"Replies are asked to go to {reply_address}, not to the From address {address}."
        )
    return name, address


def _aware(moment: datetime, header: str, notes: list[str]) -> datetime:
    """RFC 5322 "-0000" (and a missing zone) means the time is UTC with no local zone known."""
    if moment.tzinfo is not None:
        return moment
    notes.append(f"The {header} header gives no time zone; UTC was assumed.")
    return moment.replace(tzinfo=UTC)


def _parse_date(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(" ".join(text.split()))
    except (TypeError, ValueError, IndexError):
        return None


def _date_sent(message: EmailMessage, notes: list[str]) -> datetime | None:
    header = _header(message, "date")
    if header is None:
        notes.append("The email has no Date header.")
        return None
    moment = getattr(header, "datetime", None) or _parse_date(str(header))
    if moment is None:
        notes.append(f"The Date header {str(header)!r} is not a date that can be read.")
        return None
    return _aware(moment, "Date", notes)


def _date_received(message: EmailMessage, notes: list[str]) -> datetime | None:
    """When the last mail server (ours) received it: the date after ";" in the top Received."""
    for name, value in message.raw_items():
        if name.lower() != "received":
            continue
        _, separator, stamp = value.rpartition(";")
        moment = _parse_date(stamp) if separator else None
        if moment is not None:
            return _aware(moment, "Received", notes)
    return None


# --- Body ------------------------------------------------------------------------------------

#: The character sets a page or an email body is read in when it declares one: Python's codec
#: for each encoding of the WHATWG Encoding Standard, which is what browsers (and Thunderbird,
#: for mail) accept (https://encoding.spec.whatwg.org/#names-and-labels), with ASCII and Latin-1,
#: which that standard reads as Windows-1252 and Python as themselves. Any other name is read
#: as an unknown one. An allow-list rather than ``codecs.lookup(name)._is_text_encoding``,
#: which is private and also passes Python's own codecs that are no text's character set:
#: "unicode_escape" and "raw_unicode_escape" read a page's backslashes as escapes, "undefined",
#: "idna" and "punycode" fail with errors other than a decoding error, "utf-7" turns "+...-"
#: into other characters. (Codecs such as "rot13", "base64" or "zlib" are not text codecs at
#: all: ``bytes.decode`` refuses them with ``LookupError``.)
_CHARSETS = frozenset(
    {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "iso8859-1", "cp866", "koi8-r"}
    | {"koi8-u", "mac-roman", "mac-cyrillic", "cp874", "tis-620", "gbk", "gb2312", "gb18030"}
    | {"big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16)}
    | {f"cp{n}" for n in range(1250, 1259)}
)


def charset_codec(name: str) -> str | None:
    """The codec for text declared to be in character set ``name`` ("UTF8", "latin1",
    "windows-1252"), or ``None`` when ``name`` is not a character set text is really in
    (``_CHARSETS``): the declaration is then treated as unknown, never trusted."""
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return None
    return codec if codec in _CHARSETS else None


def _body_text(part: MIMEPart | None, notes: list[str]) -> tuple[str, str]:
    """The body as text and its type; HTML only when there is no plain-text part."""
    if part is None:
        return "", ""
    text = _decoded(part, notes)
    content_type = part.get_content_type()
    if content_type == "text/html":
        notes.append("The email has no plain-text part; its HTML part was converted to text.")
        text = html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n"), content_type


def _decoded(part: MIMEPart, notes: list[str]) -> str:
    """Decode a text part's bytes by its declared character set, never failing.

    Mail often declares the wrong set (ASCII for UTF-8 text); UTF-8 is tried next, and when
    nothing fits the unreadable bytes become U+FFFD, with a note, rather than refusing a request.
    """
    payload = part.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "us-ascii"
    codec = charset_codec(charset)
    if codec is None:
        notes.append(
            f"The body's character set {charset!r} is unknown; it was read as UTF-8 and any "
            "characters that could not be read are shown as \ufffd."
        )
        return raw.decode("utf-8", errors="replace")
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        notes.append(
            f"Some characters in the body are not valid {charset} and are shown as \ufffd."
        )
        return raw.decode(codec, errors="replace")
    notes.append(f"The body is declared as {charset} but is UTF-8; it was read as UTF-8.")
    return text


def _attachment_names(message: EmailMessage, body: MIMEPart | None) -> tuple[str, ...]:
    """File names of everything attached (requests often come as a letter in a PDF)."""
    names: list[str] = []

    def visit(part: MIMEPart) -> None:
        if part is body:
            return
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and part is not message:
            inner = part.get_content()
            subject = _header_text(inner, "subject") if isinstance(inner, EmailMessage) else ""
            names.append(part.get_filename() or f"{subject or 'forwarded email'}.eml")
            return
        if part.is_multipart():
            for child in part.iter_parts():
                visit(child)
            return
        filename = part.get_filename()
        if filename or part.get_content_disposition() == "attachment":
            names.append(filename or f"(unnamed {content_type} attachment)")

    visit(message)
    return tuple(names)


# --- HTML ------------------------------------------------------------------------------------

_PARAGRAPH_TAGS = frozenset(
    {"p", "blockquote", "pre", "hr", "dl", "table", "ul", "ol"}
) | frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "address"}
)
_LINE_TAGS = frozenset({"div", "li", "tr", "dt", "dd", "caption"})
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's own whitespace; &nbsp; stays


_LIST_START = re.compile(r"[1-9][0-9]?")


def _ordinal(number: int, kind: str) -> str:
    """An ordered list's number as its ``type`` prints it: 3, "c", "C", "iii" or "III"."""
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I") and 1 <= number <= 39:
        tens, units = divmod(number, 10)
        roman = "x" * tens + ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")[units]
        return roman.upper() if kind == "I" else roman
    return str(number)


class _TextCollector(HTMLParser):
    """Collects an HTML body's text with its paragraph and line breaks, and list numbering.

    Breaks are held back until the next text arrives, so nested blocks (mail clients wrap every
    line in a <div>) give one break, not a pile. List items keep a marker ("- " or "1. ") so the
    question splitter still sees a list.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.pending_breaks = 0
        self.pending_marker = ""
        self.hidden = 0
        self.pre = 0
        # One entry per open list: None for <ul>, else the <ol>'s next number and its type.
        self.lists: list[tuple[int, str] | None] = []

    def block(self, tag: str, *, nested: bool = False) -> None:
        paragraph = tag in _PARAGRAPH_TAGS and not nested
        self.pending_breaks = max(self.pending_breaks, 2 if paragraph else 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.pending_breaks += 1
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            # A list inside a list item goes on the next line, not after a blank one.
            self.block(tag, nested=tag in ("ul", "ol") and bool(self.lists))
        if tag == "pre":
            self.pre += 1
        elif tag == "ul":
            self.lists.append(None)
        elif tag == "ol":
            found = dict(attrs)
            start = (found.get("start") or "").strip()
            kind = (found.get("type") or "1").strip()
            # Item numbers as the question splitter reads them run 1 to 99; a list said to start
            # elsewhere ("0", "100", "²", "-1") is numbered from 1.
            first = int(start) if _LIST_START.fullmatch(start) else 1
            self.lists.append((first, kind))
        elif tag == "li":
            self.pending_marker = self.list_marker()

    def list_marker(self) -> str:
        """The item's marker, indented four spaces a level inside another list: a nested list
        that numbers from 1 again is the parts of the item above it, which the question
        splitter knows by that indent (``splitting.nested_numbers_as_parts``)."""
        indent = "    " * max(0, len(self.lists) - 1)
        current = self.lists[-1] if self.lists else None
        if current is None:
            return f"{indent}- "
        number, kind = current
        self.lists[-1] = (number + 1, kind)
        return f"{indent}{_ordinal(number, kind)}. "

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS:
            self.block(tag, nested=tag in ("ul", "ol") and len(self.lists) > 1)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def close(self) -> None:
        """Read the end of the page as HTML5 does: a tag, comment or declaration that the page
        ends inside (``<a href="...`` with no ``>``, ``<!--`` with no ``-->``) is not text
        (https://html.spec.whatwg.org/multipage/parsing.html, "eof-in-tag", "eof-in-comment").

        ``feed`` stops at the first such opening and keeps the rest of the page in ``rawdata``.
        The standard library's ``close`` then read that rest piece by piece, scanning to the end
        of the page again from every ``<`` in it, in time growing with the square of its length
        (6,666 "<a " took 14 seconds); from Python 3.12.11 and 3.13.5 (CVE-2025-6069) it drops
        it as here, so the reading is now the same on every Python. A page that closes what it
        opens is read exactly as before. (A lone "<" or "</" at the very end stays text, as the
        standard library leaves it.)
        """
        rest = self.rawdata
        if rest.startswith("<") and rest not in ("<", "</") and not self.cdata_elem:
            self.rawdata = ""
        super().close()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = data if self.pre else _HTML_SPACE.sub(" ", data)
        if not text.strip(" "):
            if text and self.chunks and not self.pending_breaks:
                self.chunks.append(" ")
            return
        if self.chunks and self.pending_breaks:
            self.chunks.append("\n" * self.pending_breaks)
        if not self.pre and (not self.chunks or self.chunks[-1].endswith("\n")):
            text = text.lstrip(" ")  # a new line starts with its words, not the source's indent
        self.chunks.append(self.pending_marker + text)
        self.pending_breaks, self.pending_marker = 0, ""


def html_to_text(html: str) -> str:
    """Plain text from an HTML email body: tags dropped, paragraph and line breaks kept."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = [line.rstrip(" ") for line in "".join(collector.chunks).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
