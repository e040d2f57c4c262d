"""What a published response page says about itself: its title, reference, publishing
authority, dates and regime (``intake.extraction``, step 6).

- References as printed: "190A/23", "01.FOI.23.028716", "FOI 1742481/23", "2022 – 281 /
  WE5543", from a labelled field ("Our ref:", "Case Number 3588", "FOI ID:" / "8186"), a
  "Request: FOI/13384" line, "quoting FOI/6931 in any future communications", a case number
  alone on its line ("RSN21564"), or a heading that opens with or carries one.
- The title: the page's own, less the reference and the authority's name.
- The publishing authority, from the page's title, its text or its address.
- Dates: received (else published) is the date the page shows; "FOI date 08/2023" gives
  "2023-08".
- The regime: FOISA and the EIR recognised from their names and citations, else FOIA.

Pure Python, no Django import; the wording patterns are ``Cue``s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from foidesk.intake.splitting import SALUTATION, SITE_FURNITURE
from foidesk.intake.wording import DATE, MONTH, MONTH_NAMES, Cue
from foidesk.law.regimes import Regime

__all__ = ["PageDates", "authority", "dates", "reference", "regime", "title"]

# "FOI/13384", "7548/19", and a year set off by a spaced hyphen as printed ("728 - 24", "177- 25").
_REF_TOKEN = (
    # "FOI 15674", "ATISN 15980": a register's capitals before the number.
    # "DC/FOI 782/17": a department's letters before the register's.
    r"(?:(?:[A-Z]{2,4}/)?FOI[ -]?|(?-i:[A-Z]{3,6})\s(?=\d))?[A-Z0-9][A-Z0-9./_-]*\d[A-Z0-9./_-]*"  # noqa: S105
    # On the same line, and not a year after the dash ("4567 – 2023 Annual Report").
    r"(?:(?<=\d)[ \t][-–][ \t]?(?!(?:19|20)\d{2}\b)\d{2,5}\b|(?<=-)[ \t]\d{2}\b)?"
    # "FOI 19 1413": the register's year, then its number, spaced.
    r"(?:(?<=FOI \d\d)[ \t]\d{3,5}\b)?"
    # "2022 – 281 / WE5543", "2024-373/ WE09531": a case number after the register's.
    r"(?:[ \t]?/[ \t]?(?-i:[A-Z]{1,4}\d{2,})\b|(?<=/)[ \t](?-i:[A-Z]{1,4}\d{2,})\b)?"
)
_LABELLED_REF = re.compile(
    # "Ref. No.: FOI 798".
    r"(?:(?:\b(?:our|your|foi|request|case)\s+)?\bref(?:erence)?(?:\.?\s+(?:n\s?o|number|num))?\.?|"
    r"\brequest\s+for\s+information\b|"
    # "Case Number 3588", "Freedom of Information Act request number: 2022-135", and a log's
    # field with its value on the next line: "FOI ID:" / "8186", "- FoI Number" / "- 2023-038".
    # ("FOI ID number" / "05335")
    r"\b(?:foi|case|request)\s+(?:id(?:\s+number)?|number|no\.?)(?!\w)"
    # "Reference number allocated to this request:" / "201718-304".
    r"|\bref(?:erence)?\s+(?:number\s+)?(?:allocated|assigned|given)\s+to\s+(?:this|your)\s+"
    r"(?:request|case|enquiry))"
    # "Our Ref: eCase: FOI2017/07922": the case system's name before the reference.
    rf"\s*[:.#–-]?\s*(?:[a-z]{{2,10}}:\s*)?(?P<ref>{_REF_TOKEN})",
    re.I,
)
# A reference's label that names it as the request's: "FOI Reference", "Request Number".
_NAMES_THE_REQUEST = re.compile(r"(?:foi|request)\s+(?:ref|number|no|id)", re.I)
# What may come before such a label on its line when it is a field of the letter's head:
# "FREEDOM OF INFORMATION REQUEST REFERENCE NO: 4850/11", "- Request Number: 2023/456".
_FIELD_BEFORE = re.compile(r"[-•*]?\s*(?:(?:freedom\s+of\s+information|foi)\s+(?:act\s+)?)?", re.I)
# "Please feel free to contact our team if you have any queries quoting FOI/6931 in any future
# communications."
_QUOTED_REF = re.compile(
    r"\bquot(?:e|ing)\s+(?:(?:our|the|this)\s+)?(?:reference\s+(?:number\s+)?)?"
    rf"(?P<ref>{_REF_TOKEN})\s+(?:in|on)\s+(?:any|all)\s+(?:future|further)\b",
    re.I,
)
# "RSN21564": a case number alone on its line (``_under_the_salutation``).
_CODE_LINE = re.compile(r"^(?P<bare>[A-Z]{2,6}\d{4,8}|[A-Z]{2,6}\d{2}[-/]\d{3,6})$")
# "Request: FOI/13384", "Request: [FOI/75]", "Request Number: FOI/15812", "FOI Request 2240",
# "Request 101002833837",
# "FOI request (FOI-70688433)", "Freedom of Information request NUH 23975", "Information Request
# NPH00-1673/20" heading a page.
_REQUEST_REF = re.compile(
    # "Re: Freedom of Information request – 72722".
    # "Freedom of Information Act (FOIA) Request – 240515008".
    r"^(?:re\s*:\s*)?(?:foi\s+|freedom\s+of\s+information\s+(?:act\s+(?:\(\w+\)\s+)?)?|"
    r"information\s+)?request"
    r"(?:\s+(?:no|number))?\.?\s*"
    rf"(?::\s*\[?(?P<ref>{_REF_TOKEN})|"
    # "FREEDOM OF INFORMATION REQUEST 20/09/1088".
    rf"(?:(?<=\s)[-–]\s*)?(?!(?:{MONTH})\.?\s)"
    # (The page's title may follow: "FOI Request 2121 - Firefighter cancer mitigation".)
    r"\(?(?P<bare>(?:[A-Z]{2,5}[ -])?(?:[A-Z0-9][A-Z0-9/-]*)?\d{3,}[A-Z0-9/_-]*)\)?"
    # ("FOI request 240515008: drone sightings at prisons")
    r"(?:$|(?=\s[-–]\s+\w)|(?=:\s+\w))|"
    # "Freedom of Information request – RFI20121173 Thank you for your request ...": a coded
    # reference, the letter running on after it (not "– GP2015 contract").
    r"(?<=\s)[-–]\s*(?P<coded>(?-i:[A-Z]{2,6})[-/]?\d{5,}[A-Z0-9/-]*)(?=\s*$|\s+(?-i:[A-Z]))\b)",
    re.I,
)
# "Freedom of Information: 003814/19 – Incidents NRM referral", "Freedom of Information: Right to
# know request 1009-11": a letter's heading.
_FOI_HEADING_REF = re.compile(
    r"^freedom\s+of\s+information\s*:\s*(?:right\s+to\s+know\s+)?(?:request\s+)?"
    rf"(?P<ref>{_REF_TOKEN})(?=\s*$|\s+[-–]\s)",
    re.I,
)
# A heading that opens with the reference: "FOI 2023 150 - Maternity ...", "FI16190", "ATISN 16387",
# "FOI4719 / October 2023", "FOI_25-087 Reports of ...", "FOI / 4091 / 2020 - Fire appliances".
_LEADING_REF = re.compile(
    r"^(?P<ref>(?:FOI|FI|ATISN)(?:[ _/-]| / )?\d{2,}(?:(?:[ _/-]| / )\d+)*)"
    r"(?=$|\s+[-–/]\s|\s+[A-Z])"
    # "NFRS 2022 72 - Fires on ...", "360 01 25 – Callouts to ...": a heading that opens with
    # its reference, in groups of figures, before a dash and the title.
    r"|^(?P<grouped>(?-i:[A-Z]{2,6})\s\d{2,}(?:\s\d{2,})+|\d{2,}(?:\s\d{2,}){2,}"
    # "2011/263 – Crime statistics – Facebook crime".
    r"|\d{1,7}/\d{2,5})"
    r"(?=\s+[-–]\s+\w)"
)
_BULLET = re.compile(r"^[-•*]\s+")
_HEADING_REF = re.compile(
    r"(?:\(\s*(?P<a>\d{1,7}[A-Z]?[/_]\d{2,4}|\d{1,7}\.\d{4}-\d{2})\s*\)|"
    r"\s[-–]\s(?P<b>\d{1,7}[A-Z]?[/_]\d{2,4}|\d{1,7}\.\d{4}-\d{2})(?=\s[-–]\s|$|\b(?![./]))"
    r"|\((?P<c>\d{2}\.FOI\.\d{2}\.\d{3,8})\)|(?P<d>\b\d{2}\.FOI\.\d{2}\.\d{3,8}\b))"
)


# The word before a labelled reference when it numbers another kind of record: "crime reference
# 12345", "report reference 4197715", "planning application reference 21/0032".
_OTHER_RECORD = re.compile(
    r"\b(?:crime|incident|occurrence|report|company|planning|application|invoice|order|"
    r"account|customer|claim|ticket|job|vehicle|grid|tender|contract|booking|permit|licence|"
    r"license|policy)[ \t]+$"
    # "Further to our response to your previous FOI request, reference FO18-2087, ...".
    r"|\b(?:previous|earlier|original|last)[ \t]+(?:\w+[ \t]+){0,2}?request,?[ \t]+$",
    re.I,
)


# "Your Ref: 14 March 2013": a date (the month and its year on the same line).
_MONTH_AFTER = re.compile(rf"[ \t]+(?:{MONTH})[ \t]+(?:19|20)\d{{2}}\b", re.I)


def _is_financial_year(token: str) -> bool:
    m = re.fullmatch(r"(\d{4})[/_](\d{2}|\d{4})", token)
    return bool(m) and int(m.group(2)[-2:]) == (int(m.group(1)) + 1) % 100


# "14/03/2023": a date, not a reference.
_DATE_SHAPED = re.compile(r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:\d{2}|(?:19|20)\d{2})")
# "12/2021": a month, in a heading ("12/2021 – Parking income"); labelled, often a reference.
_A_MONTH = re.compile(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}")


def _not_a_reference(token: str, *, heading: bool = False) -> bool:
    """A financial year, a date, or a year alone; in a heading also a month ("12/2021 – Parking
    income") or a financial year written short ("Passenger Transport - 17/18"), which a
    labelled reference may well be ("Reference: 3/2013", "Ref: 17/18")."""
    return (
        _is_financial_year(token)
        or bool(_DATE_SHAPED.fullmatch(token))
        # (A recent year alone: "request - 2014"; not an old log's "Reference Number: 2052".)
        or bool(re.fullmatch(r"199\d|20[0-2]\d|203[01]", token))
        or (heading and bool(_A_MONTH.fullmatch(token)))
        or (heading and _is_short_financial_year(token))
    )


def _is_short_financial_year(token: str) -> bool:
    m = re.fullmatch(r"(\d{2})/(\d{2})", token)
    return bool(m) and int(m.group(2)) == (int(m.group(1)) + 1) % 100


def _names_the_request(head: str, m: re.Match[str]) -> bool:
    """Whether the labelled reference ``m`` is set out as the request's own, a field of the
    page's head ("FOI Reference: 2023/456", "Request Number 5123" alone on its line), not a
    request named in passing ("... released in response to FOI request number 2022/1187")."""
    if not _NAMES_THE_REQUEST.match(m.group(0)):
        return False
    line_start = head.rfind("\n", 0, m.start()) + 1
    if not _FIELD_BEFORE.fullmatch(head, line_start, m.start()):
        return False
    label = head[m.start() : m.start("ref")]
    return bool(re.search(r"[:#–-]", label)) or bool(re.match(r"[ \t]*(?:\n|$)", head[m.end() :]))


def reference(lines: list[str]) -> str | None:
    """The authority's reference as printed: a labelled one, else one in a heading line."""
    head = "\n".join(lines[:60])
    # (match, whether it is a heading's: a heading's number, "12/2021 – Parking income", may be
    # a month, where a labelled one, "Reference: 3/2013", seldom is)
    found = [
        # Not "your report reference 4197715": another record's number, not the request's; nor
        # "Your ref: 14 March 2013", a date.
        *sorted(
            (
                (m, False)
                for m in _LABELLED_REF.finditer(head)
                if not _OTHER_RECORD.search(head, 0, m.start())
                and not _MONTH_AFTER.match(head, m.end())
            ),
            # "Our ref: GSA4850/11" over "FREEDOM OF INFORMATION REQUEST REFERENCE NO: 4850/11":
            # the one labelled as the request's is its reference; another is the letter's file.
            key=lambda found: not _names_the_request(head, found[0]),
        ),
        *(
            (m, False)
            for x in lines[:60]
            # (A breadcrumb's entry: "- FOI Request 2121 - Fire...")
            if "request" in x[:60].lower() and (m := _REQUEST_REF.match(_BULLET.sub("", x)))
        ),
        # (Further down, only alone on its line: "Dear ..." / "ATISN 16363" heading the
        # original reply under a later one.)
        *(
            (m, True)
            for k, x in enumerate(lines[:60])
            if (m := _LEADING_REF.match(x)) and (k < 25 or m.end() == len(x.rstrip()))
        ),
        *((m, True) for x in lines[:60] if (m := _FOI_HEADING_REF.match(x))),
        *((m, False) for m in _QUOTED_REF.finditer(head)),
    ]
    for m, heading in found:
        groups = m.groupdict()
        ref = (
            groups.get("ref")
            or groups.get("bare")
            or groups.get("coded")
            or groups.get("grouped")
            or ""
        ).rstrip("./-_")
        if len(re.sub(r"\D", "", ref)) >= 2 and not _not_a_reference(ref, heading=heading):
            return ref
    for line in lines[:25]:
        if len(line) > 160:
            continue
        for m in _HEADING_REF.finditer(line):
            ref = next(g for g in m.groups() if g)
            if not _not_a_reference(ref, heading=True):
                return ref
    return _under_the_salutation(lines[:60])


def _under_the_salutation(lines: Sequence[str]) -> str | None:
    """ "Dear Mr Smith" / "RSN21564": a case number alone on its line just under a letter's
    salutation, when nothing else gives the reference."""
    dear = None
    for i, line in enumerate(lines):
        if SALUTATION.match(line):
            dear = i
        elif dear is not None and i - dear <= 3 and (m := _CODE_LINE.match(line)):
            return m.group("bare")
    return None


_TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def title(page_title: str | None, lines: list[str], ref: str | None) -> str:
    """The page's title without its reference ``ref`` or the publishing authority."""
    shown = page_title
    if not shown:
        with_ref = (
            next((x for x in lines[:25] if ref and ref in x and len(x) <= 160), None)
            if ref
            else None
        )
        shown = with_ref or next(
            (x for x in lines[:25] if x and len(x) <= 160 and not SITE_FURNITURE.search(x)), ""
        )
    shown = re.split(r"\s+[|–]\s+(?=[^|–]*$)", shown)[0] if " | " in shown else shown
    while (m := _TRAILING_PAREN.search(shown)) is not None and m.start() > 0:
        inner = m.group(1)
        if (ref and ref in inner) or re.search(
            r"police|constabulary|whatdotheyknow|\d{2,}[/_.]\d", inner, re.I
        ):
            shown = shown[: m.start()]
        else:
            break
    if ref:
        bare = shown.rstrip(" )")
        if bare.endswith(ref):
            shown = bare[: -len(ref)].rstrip(" -–(")
    return shown.strip(" -–:") or (ref or "Untitled page")


_FORCE_WORD = re.compile(r"[Pp]olice(?: [Ss]ervice)?|Constabulary")
# The words before "Police": "West Midlands", "Avon and Somerset", "Police Service of" ...
_FORCE_NAME = re.compile(r"((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:and |& )?){1,3})$")
_FORCE_TAIL = re.compile(r" (?:Scotland|of Northern Ireland)\b")
_NOT_AN_AUTHORITY = re.compile(
    r"^(?:the|a|an|your|our|this|that|these|west\s+midlands\s+police\s+own|any|all|each|every|"
    r"british|local|national|other|some|transport|military|ministry|chief|deputy|senior|"
    r"metropolitan police officers)\b|^(?:Police|Constabulary|Police Service)$",
    re.I,
)


def authority(page_title: str | None, text: str, url: str | None) -> str | None:
    """Who published the response: the title's "(X Police)", else the force the response (or,
    failing that, the page) names most, else the police.uk address."""
    if page_title:
        m = re.search(
            r"\((?:[^()]*request to\s+)?([^(),]*(?:Police|Constabulary)[^(),]*)", page_title
        )
        if m:
            return m.group(1).strip()
    counts: dict[str, int] = {}
    text = text[:20000]
    for m in _FORCE_WORD.finditer(text):
        before = _FORCE_NAME.search(text[max(0, m.start() - 60) : m.start()])
        tail = _FORCE_TAIL.match(text, m.end())
        words = before.group(1) if before else ""
        name = words + m.group(0) + (tail.group(0) if tail else "")
        name = re.sub(r"^(?:Dear|Thank you|From|To)\s+", "", name).strip()
        name = re.sub(r"\b(police|service)\b", lambda w: w.group(1).title(), name)
        if _NOT_AN_AUTHORITY.match(name) or len(name.split()) < 2:
            continue
        counts[name] = counts.get(name, 0) + 1
    if counts:
        return max(counts.items(), key=lambda kv: kv[1])[0]
    if url:
        m = re.search(r"//(?:[a-z0-9]+\.)*?([a-z-]+)\.police\.uk", url)
        if m:
            host = m.group(1)
            return _POLICE_HOSTS.get(host) or f"{host.replace('-', ' ').title()} Police"
    return None


# police.uk host names that do not spell the force's name.
_POLICE_HOSTS = {
    "met": "Metropolitan Police",
    "avonandsomerset": "Avon and Somerset Police",
    "westyorkshire": "West Yorkshire Police",
    "southyorkshire": "South Yorkshire Police",
    "northyorkshire": "North Yorkshire Police",
    "westmercia": "West Mercia Police",
    "thamesvalley": "Thames Valley Police",
    "devon-cornwall": "Devon and Cornwall Police",
    "gmp": "Greater Manchester Police",
    "dyfed-powys": "Dyfed-Powys Police",
    "psni": "Police Service of Northern Ireland",
    "btp": "British Transport Police",
    "cityoflondon": "City of London Police",
    "northants": "Northamptonshire Police",
}


_RECEIVED_DATE = (
    re.compile(rf"\bdate\s+(?:of\s+request|request\s+received|received)\s*:?\s*({DATE})", re.I),
    # "your email dated 25 March 2015", "correspondence received 12/01/2020": the word before
    # the date is matched here and what it is about is checked in ``_received_date``.
    re.compile(rf"\b(?:received|dated)\s*(?:on\s*)?:?\s*({DATE})", re.I),
)
_ABOUT_REQUEST = re.compile(
    r"\b(?:request|correspondence|e-?mail|letter|application)\b[^.\n]{0,80}$", re.I
)
_RESPONSE_DATE = (
    re.compile(rf"\bdate\s+(?:of\s+)?(?:response|reply|responded)\s*:?\s*({DATE})", re.I),
    re.compile(rf"\b(?:responded|response\s+sent)\s+(?:on\s+)?:?\s*({DATE})", re.I),
)
_PUBLISHED_DATE = (
    re.compile(
        r"^(?:dated|date\s+published|published(?:\s+on)?|publication\s+date|"
        r"date\s+of\s+(?:publication|disclosure)|disclosure\s+date|date\s+disclosed|"
        rf"disclosed(?:\s+on)?|date)\s*:?\s*({DATE})",
        re.I | re.M,
    ),
)
_MONTH_YEAR = re.compile(r"^(?:foi\s+)?date\s*:?\s*\n?\s*(\d{1,2})/(\d{4})\s*$", re.I | re.M)


def _iso(raw: str) -> str | None:
    """A date as printed ("25/03/15", "16th January 2023", "Jan 5, 2020") in ISO form."""
    raw = raw.strip().lower().replace(",", " ")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", raw):
            return date(*(int(x) for x in m.groups())).isoformat()
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", raw)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if year < 100:
                year += 2000 if year < 70 else 1900
            return date(year, month, day).isoformat()
        m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?({MONTH})\.?\s+(\d{{4}})", raw)
        if m:
            return date(int(m.group(3)), MONTH_NAMES[m.group(2)], int(m.group(1))).isoformat()
        m = re.fullmatch(rf"({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(\d{{4}})", raw)
        if m:
            return date(int(m.group(3)), MONTH_NAMES[m.group(1)], int(m.group(2))).isoformat()
    except ValueError:
        return None
    return None


def _received_date(text: str) -> str | None:
    """When the request was received: "Date of request: 25/03/15", "received 19 November
    2012", "your email dated 25 March 2015" (but not any other "dated")."""
    text = text[:6000]
    found = _first_date(_RECEIVED_DATE[:1], text)
    if found:
        return found
    for m in _RECEIVED_DATE[1].finditer(text):
        if m.group(0)[:5].lower() == "dated" and not _ABOUT_REQUEST.search(
            text[max(0, m.start() - 100) : m.start()]
        ):
            continue
        iso = _iso(re.sub(r"\s+", " ", m.group(1)))
        if iso:
            return iso
    return None


def _first_date(patterns: Sequence[Cue], text: str) -> str | None:
    """The first date one of ``patterns`` finds near the top of the page (where logs print
    them)."""
    text = text[:6000]
    if not re.search(r"\d", text):
        return None
    for pattern in patterns:
        for m in pattern.finditer(text):
            iso = _iso(re.sub(r"\s+", " ", m.group(1)))
            if iso:
                return iso
    return None


_FOISA = re.compile(
    r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOISA\b|Scottish\s+Information\s+"
    r"Commissioner",
    re.I,
)
_EIR_NAME = re.compile(r"Environmental\s+Information\s+Regulations|\bEIRs?\b")
_FOIA_NAME = re.compile(r"Freedom\s+of\s+Information\s+Act|\bFOIA\b", re.I)
_REG_CITE = re.compile(r"\breg(?:ulation)?s?\.?\s*1[23]\s*\(", re.I)


def regime(text: str) -> Regime:
    """FOISA or EIR when the response names them (or cites regulations 12/13), else FOIA."""
    if _FOISA.search(text):
        return Regime.FOISA
    eir = len(_EIR_NAME.findall(text))
    if eir and (eir > len(_FOIA_NAME.findall(text)) or _REG_CITE.search(text)):
        return Regime.EIR
    return Regime.FOIA


def scottish_regulations(text: str) -> bool:
    """Whether the response names the Environmental Information (Scotland) Regulations 2004,
    whose exceptions are numbered otherwise than England's (regs 10 and 11)."""
    if "cotland" not in text and "EI" not in text:
        return False
    return bool(_EISR.search(text))


_EISR = re.compile(
    r"Environmental\s+Information\s+\(Scotland\)\s+Regulations|\bEISRs?\b|\bEI\(S\)Rs?\b", re.I
)


# Each pattern is tried only when one of these words is on the page (see ``Cue``).
_RECEIVED_DATE = (
    Cue(_RECEIVED_DATE[0], "date of request", "date request", "date received"),
    Cue(_RECEIVED_DATE[1], "received", "dated"),
)
_RESPONSE_DATE = (
    Cue(_RESPONSE_DATE[0], "date of re", "date re"),
    Cue(_RESPONSE_DATE[1], "responded", "response sent"),
)
_PUBLISHED_DATE = (
    Cue(
        _PUBLISHED_DATE[0],
        "dated",
        "published",
        "publication",
        "disclos",
        "date:",
        "date\n",
        "date ",
    ),
)
_LABELLED_REF = Cue(
    _LABELLED_REF,
    "ref",
    "request id",
    "request for information",
    "case no",
    "case number",
    "request no",
    "request number",
    "foi id",
    "foi no",
    "foi number",
)
_FOISA = Cue(_FOISA, "scotland", "foisa", "scottish")


@dataclass(frozen=True, slots=True)
class PageDates:
    """The dates a page prints, as ISO dates ("2023-08" for a month only)."""

    received: str | None
    responded: str | None
    published: str | None
    #: The date the page shows: received, else published, else an "FOI date 08/2023".
    shown: str | None


def dates(text: str) -> PageDates:
    """The dates on a page (see ``PageDates``)."""
    received = _received_date(text)
    published = _first_date(_PUBLISHED_DATE, text)
    shown = received or published
    if shown is None and (m := _MONTH_YEAR.search(text)) and 1 <= int(m.group(1)) <= 12:
        shown = f"{m.group(2)}-{int(m.group(1)):02d}"
    return PageDates(received, _first_date(_RESPONSE_DATE, text), published, shown)
