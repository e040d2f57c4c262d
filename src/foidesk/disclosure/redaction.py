"""Finding the requester in text before it is published (plain Python, no Django).

A release under FOI is a release to the world and the process is applicant-blind
(``shared/law/UK-FOI-RULES.md`` D6): the disclosure log shows what was asked and what was
answered, never who asked. Publishing the requester's name or contact details would also be a
disclosure of their personal data that no FOI purpose needs (UK GDPR Art 5(1)(c), data
minimisation; FOIA s40(2) for third parties, D2).

Redaction works as Alaveteli's censor rules do: rules are data (a literal or a pattern, with a
reason and who made it), matches are *proposed* to the officer, who can untick a wrong one, and
then applied. ``leaks`` is the last line of defence: it finds the requester's full name and
contact details wherever they remain, and publishing refuses while any do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foidesk.safety.personal import EMAIL, HYPHENS, PHONE, POSTCODE, words_pattern

REDACTED = "[redacted]"

#: Words that are not a name on their own, however a person writes theirs.
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev revd cllr councillor".split()  # noqa: SIM905
)

#: Lines that close a letter: what follows on the next lines is a signature (a name, often
#: with a job title, an address or a phone number).
_CLOSINGS = (
    r"yours\s+(?:faithfully|sincerely|truly)",
    r"(?:kind|best|warm|many\s+thanks\s+and)?\s*regards",
    r"many\s+thanks",
    r"thanks(?:\s+in\s+advance)?",
    r"thank\s+you(?:\s+in\s+advance)?",
    r"best\s+wishes",
    r"with\s+thanks",
    r"cheers",
)

#: Quoted email headers: the value after these names is a person's name and address.
_HEADER_NAMES = ("from", "to", "cc", "bcc", "reply-to", "sender")

#: The patterns the outgoing-file scan uses too (``foidesk.safety.personal``): one definition
#: of what an email address, a UK phone number and a UK postcode look like.
EMAIL_PATTERN = EMAIL.pattern
PHONE_PATTERN = PHONE.pattern
POSTCODE_PATTERN = POSTCODE.pattern


@dataclass(frozen=True)
class Rule:
    """What to redact. ``kind`` is ``literal`` (matched as whole words, any case, any spacing)
    or ``pattern`` (a regular expression). ``whole_response`` rules apply to every text that
    is published; the others only to the request as received (an authority-wide email pattern
    must not remove the ICO's address from the rights paragraph)."""

    kind: str
    text: str
    reason: str
    whole_response: bool = False
    replacement: str = REDACTED
    key: str = ""

    def regex(self) -> re.Pattern[str]:
        if self.kind == "pattern":
            return re.compile(self.text, re.MULTILINE)
        return words_pattern(self.text)


@dataclass(frozen=True)
class Match:
    """One proposed redaction: where a rule matched in which text."""

    field: str
    start: int
    end: int
    text: str
    rule: Rule

    @property
    def key(self) -> str:
        """Stable within one proposal, so a form can name the matches the officer kept."""
        return f"{self.field}:{self.start}:{self.end}"


@dataclass(frozen=True)
class RequesterDetails:
    """Who asked, as the register holds it (``cases.Requester``)."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    #: A newspaper or campaign named in the request can point to who asked; proposed for
    #: redaction in the request only, and not a leak on its own (it is not personal data).
    organisation: str = ""

    def full_strings(self) -> list[tuple[str, str]]:
        """``(what, text)`` for the details that must never be published, whole."""
        out = []
        if self.name.strip():
            out.append(("name", self.name.strip()))
        if self.email.strip():
            out.append(("email address", self.email.strip()))
        if _digits(self.phone):
            out.append(("phone number", self.phone.strip()))
        out += [("address", line) for line in _address_lines(self.address)]
        out += [("postcode", code) for code in _postcodes(self.address)]
        return out


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def _address_lines(address: str) -> list[str]:
    """The lines of a postal address worth matching: long enough to be specific."""
    parts = re.split(r"[\n,]+", address or "")
    return [p.strip() for p in parts if len(p.strip()) >= 5 or re.search(r"\d", p.strip())]


def _postcodes(address: str) -> list[str]:
    """The postcodes in a postal address, however they are written ("tr9 4xy", "TR94XY")."""
    found = re.finditer(POSTCODE_PATTERN, (address or "").upper())
    return list(dict.fromkeys(re.sub(r"\s", "", m.group()) for m in found))


def _postcode_regex(code: str) -> str:
    """A postcode written any case, with or without the space before the inward code."""
    return rf"(?i)(?<!\w){re.escape(code[:-3])}\s*{re.escape(code[-3:])}(?!\w)"


def _name_parts(name: str) -> list[str]:
    """The words of a name worth redacting on their own, with each half of a double-barrelled
    one ("Fitzwarren-Pybus" is also "Ms Pybus")."""
    words = [w.strip(".,") for w in name.split()]
    parts = [w for w in words if len(w) >= 3 and w.lower() not in _TITLES]
    halves = [h for w in parts for h in re.split(f"[{re.escape(HYPHENS)}]+", w) if h != w]
    return list(dict.fromkeys(parts + [h for h in halves if len(h) >= 3]))


def _phone_rule(phone: str) -> Rule | None:
    digits = _digits(phone)
    if len(digits) < 6:
        return None
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    national = digits.lstrip("0")
    # Any spacing or punctuation between the digits, with 0 or +44 in front.
    body = r"[\s\-()]*".join(national)
    return Rule(
        "pattern",
        rf"(?<!\d)(?:\+44\s*(?:\(0\)\s*)?|\(?0)\)?[\s\-()]*{body}(?!\d)",
        "the requester's phone number",
        whole_response=True,
    )


def requester_rules(details: RequesterDetails) -> list[Rule]:
    """Rules for one requester: their name (whole and each part), email, phone, address, and
    (in the request only) the organisation they wrote for."""
    rules: list[Rule] = []
    if details.name.strip():
        rules.append(
            Rule("literal", details.name.strip(), "the requester's name", whole_response=True)
        )
        parts = _name_parts(details.name)
        # Each part on its own ("Dear Mr Quillfeather"), unless the name is one word.
        if parts != [details.name.strip()]:
            rules += [
                Rule("literal", part, "part of the requester's name", whole_response=True)
                for part in parts
            ]
    if details.email.strip():
        rules.append(
            Rule("literal", details.email.strip(), "the requester's email", whole_response=True)
        )
    phone = _phone_rule(details.phone)
    if phone:
        rules.append(phone)
    rules += [
        Rule("literal", line, "the requester's postal address", whole_response=True)
        for line in _address_lines(details.address)
    ]
    rules += [
        Rule("pattern", _postcode_regex(code), "the requester's postcode", whole_response=True)
        for code in _postcodes(details.address)
    ]
    if len(details.organisation.strip()) >= 3:
        rules.append(Rule("literal", details.organisation.strip(), "the requester's organisation"))
    return rules


def standard_rules() -> list[Rule]:
    """The authority-wide rules every request text gets: signatures, quoted email headers,
    email addresses, phone numbers and postcodes. They apply to the request as received only.
    """
    closings = "|".join(_CLOSINGS)
    headers = "|".join(re.escape(h) for h in _HEADER_NAMES)
    return [
        Rule(
            "pattern",
            # The signature: up to three short lines after a closing such as "Yours
            # faithfully,", ending at a blank line or the end of the text.
            rf"(?im)^[ \t]*(?:{closings})[ \t]*[,.!]?[ \t]*\n"
            r"(?P<redact>(?:[ \t]*\S[^\n]{0,80}\n?){1,3})",
            "a signature after the closing of a letter",
            key="standard:signature",
        ),
        Rule(
            "pattern",
            rf"(?im)^[ \t>]*(?:{headers})[ \t]*:[ \t]*(?P<redact>[^\n]+)",
            "a quoted email header naming the sender or recipient",
            key="standard:headers",
        ),
        Rule("pattern", EMAIL_PATTERN, "an email address", key="standard:email"),
        Rule("pattern", PHONE_PATTERN, "a phone number", key="standard:phone"),
        Rule("pattern", POSTCODE_PATTERN, "a postcode", key="standard:postcode"),
    ]


def find(
    texts: dict[str, str], rules: Sequence[Rule], *, request_fields: Iterable[str]
) -> list[Match]:
    """Every place the rules match, field by field; overlapping matches are merged so each
    stretch of text is proposed once, under the first rule that found it."""
    request_fields = set(request_fields)
    out: list[Match] = []
    for field, text in texts.items():
        if not text:
            continue
        spans: list[tuple[int, int, Rule]] = []
        for rule in rules:
            if not rule.whole_response and field not in request_fields:
                continue
            for m in rule.regex().finditer(text):
                start, end = m.span("redact") if "redact" in m.re.groupindex else m.span()
                # Keep the line break that ends a signature.
                while end > start and text[end - 1] in "\r\n \t":
                    end -= 1
                if end > start:
                    spans.append((start, end, rule))
        spans.sort(key=lambda s: (s[0], -s[1]))
        merged: list[tuple[int, int, Rule]] = []
        for start, end, rule in spans:
            if merged and start < merged[-1][1]:
                first = merged[-1]
                merged[-1] = (first[0], max(first[1], end), first[2])
            else:
                merged.append((start, end, rule))
        out += [Match(field, s, e, text[s:e], rule) for s, e, rule in merged]
    return out


def apply(text: str, matches: Iterable[Match]) -> str:
    """``text`` with the matches (all of one field) replaced, right to left."""
    for match in sorted(matches, key=lambda m: m.start, reverse=True):
        text = text[: match.start] + match.rule.replacement + text[match.end :]
    return text


# What may stand between the parts of a name in a file or its name: "Zebedee-Fairweather,
# Quentin", "quentin_zebedee-fairweather_results.csv", a name in two columns of a CSV.
_NAME_SEPARATORS = re.compile(r"[_,;|\t]+")


def _name_orders(name: str) -> list[str]:
    """A full name as written and surname first ("Quentin Zebedee-Fairweather" and
    "Zebedee-Fairweather Quentin")."""
    words = name.split()
    orders = [" ".join(words)]
    if len(words) >= 2:
        orders.append(" ".join([words[-1], *words[:-1]]))
    return orders


def _initial(word: str) -> str:
    """A first name's initial as a pattern: the capital letter, with or without a full stop."""
    return rf"(?-i:{re.escape(word[0].upper())})\.?"


def _name_patterns(name: str) -> list[re.Pattern[str]]:
    """The ways a person's name identifies them: the name as on record, in either order, and
    without the title it was recorded with ("Ottoline Fitzwarren-Pybus" for "Dr Ottoline
    Fitzwarren-Pybus"); the first name and surname without middle names; a title and the
    surname ("Mr Quillfeather", "Dr. Quillfeather"); the initial and the surname
    ("Z. Quillfeather", "Quillfeather, Z."). The surname or the first name alone is not the
    name (a surname may be a place or a street)."""
    patterns = [words_pattern(n) for n in _name_orders(name)]
    words = [w.strip(",") for w in name.split()]
    given = [w for w in words if w.strip(".").lower() not in _TITLES]
    if len(given) < 2:
        return patterns
    first, last = given[0], given[-1]
    patterns += [words_pattern(n) for n in _name_orders(" ".join(given))]
    patterns += [words_pattern(n) for n in _name_orders(f"{first} {last}")]
    surname = words_pattern(last).pattern
    titles = "|".join(sorted(_TITLES, key=len, reverse=True))
    initials = r"(?:\s*(?-i:[A-Z])\.?){0,2}"
    patterns += [
        re.compile(rf"(?<!\w)(?:{titles})\.?\s+{surname}", re.IGNORECASE),
        re.compile(rf"(?<!\w){_initial(first)}{initials}\s+{surname}", re.IGNORECASE),
        re.compile(rf"{surname}\s+{_initial(first)}(?!\w)", re.IGNORECASE),
    ]
    return patterns


def leaks(texts: dict[str, str], details: RequesterDetails) -> list[tuple[str, str]]:
    """``(field, what)`` for each place the requester's name or a contact detail is still
    present. Name parts alone are not counted (a surname may be a place or a street); the name
    is found in either order, without a title or middle names, as a title or an initial with
    the surname (``_name_patterns``), and across the separators of a file or a file name."""
    found = []
    for field, text in texts.items():
        if not text:
            continue
        flat = " ".join(text.split()).lower()
        # Not lowercased: an initial is a capital letter ("a Smith" is no "A. Smith").
        names_flat = " ".join(_NAME_SEPARATORS.sub(" ", text).split())
        digits = _digits(text)
        for what, value in details.full_strings():
            if what == "phone number":
                number = _digits(value).removeprefix("44").lstrip("0")
                if number and number in digits:
                    found.append((field, what))
            elif what == "postcode":
                if re.search(_postcode_regex(value), flat):
                    found.append((field, what))
            elif what == "name":
                if any(p.search(names_flat) for p in _name_patterns(value)):
                    found.append((field, what))
            elif Rule("literal", value, "").regex().search(flat):
                found.append((field, what))
    return found


def leaks_in_reference(reference: str, details: RequesterDetails) -> list[tuple[str, str]]:
    """``leaks`` for a request's reference, which is published as the entry's label and
    address and is never redacted: there any part of the requester's name counts as their name
    ("FOI-Quillfeather-23"), as well as their contact details."""
    field = "the reference"
    found = leaks({field: reference}, details)
    if (field, "name") not in found and any(
        words_pattern(part).search(reference) for part in _name_parts(details.name)
    ):
        found.append((field, "name"))
    return found
