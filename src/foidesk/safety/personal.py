"""Personal data patterns in a file's text, listed for the officer to review.

Third parties' personal data is exempt under FOIA s40(2) when disclosure would breach the data
protection principles, and the requester's own under s40(1) (``shared/law/UK-FOI-RULES.md``
D1, D2; https://ico.org.uk/for-organisations/foi/section-40-and-regulation-13-personal-information/).
A release under FOI goes to the world (D6), so every match is listed as a warning: the officer
decides whether it may go (a press office email address may; a witness's phone number may not).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from foidesk.safety.report import Collector, Where

# (Starting only where a run of the address's characters starts: tried from every character of
# a long run, the pattern took time growing with the square of its length.)
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
#: UK telephone numbers: 01/02/03/07/08 numbers of 10-11 digits, or +44, with the spaces,
#: dashes and brackets people type (as ``foidesk.disclosure.redaction``).
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s\-()]{0,2}){9,10}(?!\w)")
#: UK postcodes (Royal Mail outward and inward code).
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b")
#: National Insurance numbers (HMRC NIM39110): two prefix letters (not D F I Q U V, the second
#: not O), six digits, a suffix A-D; often typed in pairs.
NI_NUMBER = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
)
#: Police collar (shoulder) and warrant numbers: a rank abbreviation before a number
#: ("PC 1234", "DS1234", "PCSO 5678"), or the words themselves ("collar number 1234").
COLLAR = re.compile(
    r"\b(?:(?:PC|DC|PS|DS|TDC|PCSO|SC|Sgt|SGT)\s?\d{2,6}"
    r"|(?i:collar|shoulder|warrant|badge)\s+(?i:number|no\.?|num\.?)?(?:\s+is)?\s*:?\s*\d{2,7})\b"
)

PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("email_address", EMAIL, "an email address"),
    ("phone_number", PHONE, "a UK phone number"),
    ("postcode", POSTCODE, "a UK postcode"),
    ("ni_number", NI_NUMBER, "a National Insurance number"),
    ("collar_number", COLLAR, "a police collar or warrant number"),
)


def mask(text: str) -> str:
    """Show enough of a match to find it, not the whole of it: letters and digits in the
    middle become asterisks."""
    text = " ".join(text.split())
    if len(text) <= 4:
        return text[0] + "*" * (len(text) - 1)
    keep = 2 if len(text) > 6 else 1
    middle = "".join("*" if ch.isalnum() else ch for ch in text[keep:-keep])
    return text[:keep] + middle + text[-keep:]


#: Characters that stand for each other in a name as people and word processors write it:
#: the straight and the curly apostrophes, or none ("O'Brien", "O’Brien", "OBrien"), and the
#: hyphens and dashes of a double-barrelled name, also written with a space ("Fitzwarren Pybus").
_APOSTROPHES = "'’‘ʼ`´"
HYPHENS = "-‐‑‒–—"
_APOSTROPHE = "[" + re.escape(_APOSTROPHES) + "]?"
_HYPHEN = r"(?:\s*[" + re.escape(HYPHENS) + r"]\s*|\s+)"
#: Combining accents, for text whose accented letters are written as two characters.
_COMBINING = "[\u0300-\u036f]*"


def _unaccented(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def _accented_forms() -> dict[str, str]:
    """Each plain Latin letter and its accented forms ("e": "èéêëēĕėęě...")."""
    forms: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = _unaccented(ch).lower()
        if len(base) == 1 and base.isascii() and base.isalpha() and base != ch.lower():
            forms[base] = forms.get(base, "") + ch
    return forms


_ACCENTED = _accented_forms()


def _letter_pattern(ch: str) -> str:
    """One character of a name: an apostrophe or hyphen as any of its kind, a letter with or
    without its accents ("Zoë" is often typed "Zoe", and "Zoe" may be written "Zoë")."""
    if ch in _APOSTROPHES:
        return _APOSTROPHE
    if ch in HYPHENS:
        return _HYPHEN
    base = _unaccented(ch).lower()
    if len(base) == 1 and base in _ACCENTED:
        return "[" + re.escape(base + _ACCENTED[base]) + "]" + _COMBINING
    return re.escape(ch)


def words_pattern(text: str) -> re.Pattern[str]:
    """``text`` as whole words in any case, with any spacing or line break between them
    ("Jo  Bloggs" and "jo\nbloggs" both match "Jo Bloggs"), any apostrophe or hyphen for
    another ("O’Brien" matches "O'Brien") and letters with or without their accents."""
    words = ["".join(_letter_pattern(ch) for ch in word) for word in text.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def name_pattern(name: str) -> re.Pattern[str] | None:
    if len("".join(name.split())) < 2:
        return None
    return words_pattern(name)


def check_personal_data(
    units: Iterable[tuple[Where, str]],
    requester_names: Sequence[str],
    found: Collector,
) -> None:
    """Every match of a personal data pattern, and every mention of the requester, with where
    it is. Warnings, listed for review."""
    names = [(name, p) for name in requester_names if (p := name_pattern(name)) is not None]
    for where, text in units:
        if not text:
            continue
        for _name, pattern in names:
            for _match in pattern.finditer(text):
                found.warning(
                    "requester_name",
                    where,
                    # Not even masked: staff pages are applicant-blind.
                    "The requester's name appears here. FOI is "
                    "applicant-blind and a release goes to the world; the requester's own "
                    "personal data is exempt under s40(1).",
                )
        for code, pattern, what in PATTERNS:
            for match in pattern.finditer(text):
                found.warning(
                    code,
                    where,
                    f"This looks like {what} ('{mask(match.group())}'). If it is a person's, "
                    "it is personal data that s40(2) usually withholds; check before release.",
                )
