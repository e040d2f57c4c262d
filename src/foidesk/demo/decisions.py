"""The demo's paragraph library and the decisions, tests and sign-off of its responses.

Two parts:

- the paragraph library: the harm and public interest paragraphs of the seed response 190A/23
  (``shared/seed``; structured in ``tests/law/data/190A-23.json``, whose ids name them, e.g.
  ``wmp/harm/officer-investigations-ncnd/1@1``), plus reusable police paragraphs for the other
  demo cases, each written for the provisions it argues. Loaded through
  ``decisions.services.library_paragraph_save``, so each is versioned and audited; one paragraph
  has two versions, to show how a later edit leaves earlier responses as they were written.
- the decisions: 190A/23 exactly as the seed answers it, and, for the generated requests, a
  decision on every question from the *kind* of answer the demo plan chose for it (see
  ``KINDS``), with the provisions its regime uses (FOIA, EIR or FOISA ids) and a harm and public
  interest test, from the library, wherever the catalogue requires one.

Everything is written through the decision services, so the audit trail and the four-eyes rule
(``services.drafters``) see the demo as they see a real office: the assigned FOI officer drafts,
the decision maker approves, and nothing goes out without approval.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from foidesk.accounts.models import User
from foidesk.cases.models import Authority, Question, RegimeChoice, Request
from foidesk.decisions import services
from foidesk.decisions.models import (
    CostActivity,
    HarmAndPublicInterestTest,
    LibraryParagraph,
    OutcomeChoice,
    Section,
    TestKind,
)
from foidesk.law.exemptions import cost_limit_hours, needs_harm_test

Out = OutcomeChoice

# --- the library ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryText:
    """A library paragraph as the demo loads it: every version's text, oldest first."""

    key: str
    written_for: tuple[str, ...]
    topic: str
    section: str
    versions: tuple[str, ...]


@dataclass(frozen=True)
class SeedParagraph:
    """A paragraph of the seed response, as ``tests/law/data/190A-23.json`` gives it."""

    id: str  # "wmp/harm/officer-investigations-ncnd/1@1"
    written_for: tuple[str, ...]
    topic: str
    section: str
    text: str


def library_key(seed_id: str) -> str:
    """The library key for a seed paragraph id: the part before "@", as a slug.

    ``wmp/harm/officer-investigations-ncnd/1@1`` -> ``wmp-harm-officer-investigations-ncnd-1``
    (``LibraryParagraph.key`` is a slug; the version after "@" is the library's own).
    """
    return slugify(seed_id.split("@", 1)[0].replace("/", "-"))


_HARM_TOPIC = "evidence of harm: confirming or denying investigations of officers"
_FOR_NCND = "factors favouring confirming or denying"
_AGAINST_NCND = "factors against confirming or denying"
_SEED_HARM_FOR = ("foia:s30(3)", "foia:s31(3)", "foia:s38(2)")

#: The seed's paragraphs, verbatim from its structured form (typography included).
SEED_PARAGRAPHS = (
    SeedParagraph(
        "wmp/harm/officer-investigations-ncnd/1@1",
        _SEED_HARM_FOR,
        _HARM_TOPIC,
        Section.EVIDENCE_OF_HARM,
        "Domestic abuse affects people from all walks of life in many different ways and can "
        "include coercive behaviour, physical and sexual abuse. This is a very emotive subject "
        "and the Police Service strive to deal with all aspects of it which includes dealing "
        "with police officers who commit this type of offending. The College of Policing "
        "publish their Authorised Professional Practice on Domestic Abuse which provides "
        "guidance to the Police Service when dealing with this offending. Furthermore, some "
        "police forces publish their force policy on how Domestic Abuse affects police officers "
        "and police staff, which includes a section where the perpetrators of domestic abuse are "
        "police officers/staff members and what will happen in that instance.",
    ),
    SeedParagraph(
        "wmp/harm/officer-investigations-ncnd/2@1",
        _SEED_HARM_FOR,
        _HARM_TOPIC,
        Section.EVIDENCE_OF_HARM,
        "Should an officer who is currently being investigated for allegations of domestic "
        "abuse, or any other allegations of offending, such as misconduct or potentially "
        "criminal proceedings, it would likely ensue that in some cases formal charges may be "
        "made. However, we also need to consider that not all allegations are proven and may not "
        "lead to a formal charge. To confirm or deny that information is held would highlight "
        "that officers are or are not currently subject to an investigation into offences of "
        "domestic abuse, sexual offending, abusive behaviour, etc. Such an awareness would also "
        "highlight to suspects that their victims have either reported their offending to West "
        "Midlands police or not which either way could lead to further offending against their "
        "victims causing physical and/or emotional trauma.",
    ),
    SeedParagraph(
        "wmp/harm/officer-investigations-ncnd/3@1",
        _SEED_HARM_FOR,
        _HARM_TOPIC,
        Section.EVIDENCE_OF_HARM,
        "Irrespective of whether information is or isn\u2019t held, ongoing investigations "
        "would also be compromised if the offender were made aware an investigation into their "
        "behaviour is ongoing which would enable steps to be taken by them to destroy evidence, "
        "or put more pressure on their victims through coercive abuse to ensure their "
        "allegations are dropped.",
    ),
    SeedParagraph(
        "wmp/pit/s30-ncnd/for-1@1",
        ("foia:s30(3)",),
        _FOR_NCND,
        Section.FACTORS_FOR,
        "Confirming or denying whether information exists relevant to this request would lead "
        "to a better-informed general public by identifying that West Midlands police robustly "
        "investigate all aspects criminal offending, including allegations made against their "
        "own officers and staff members. This fact alone may encourage individuals to provide "
        "intelligence in order to assist with investigations and promote public trust in "
        "providing transparency and demonstrating openness and accountability into where the "
        "police are currently focusing their investigations.",
    ),
    SeedParagraph(
        "wmp/pit/s30-ncnd/against-1@1",
        ("foia:s30(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "Confirmation or denial that information is held for questions 1 and 2 would suggest "
        "West Midlands police take their responsibility to appropriately handle and manage "
        "intelligence supplied to them flippantly.",
    ),
    SeedParagraph(
        "wmp/pit/s30-ncnd/against-2@1",
        ("foia:s30(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "Under FOI there is a requirement to comply with s1(1)(a) and confirm what information "
        "is held. In some cases, it is that confirmation, or not, which could disclose facts "
        "which would undermine the investigative process and in such cases West Midlands police "
        "takes advantage of its ability under FOI legislation to, where appropriate, neither "
        "confirm nor deny that information is or is not held.",
    ),
    SeedParagraph(
        "wmp/pit/s30-ncnd/against-3@1",
        ("foia:s30(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "Irrespective of what information is or isn\u2019t held, any information which could "
        "be used to undermine prosecutions, aid offenders to continue with their abuse, is not "
        "in the public interest.",
    ),
    SeedParagraph(
        "wmp/pit/s31-ncnd/for-1@1",
        ("foia:s31(3)",),
        _FOR_NCND,
        Section.FACTORS_FOR,
        "Disclosure would provide transparency in the way police officers are dealt with when "
        "suspected of carrying out criminal offending such as domestic/sexual abuse offences "
        "and may improve public debate into the credibility of how West Midlands police deals "
        "with these allegations within the force. It would also serve to demonstrate that West "
        "Midlands police is open and accountable.",
    ),
    SeedParagraph(
        "wmp/pit/s31-ncnd/against-1@1",
        ("foia:s31(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "To confirm or deny that information is held would risk undermining the investigative "
        "process whilst determining whether any member of staff is responsible for improper "
        "conduct; including whether or not an allegation of this nature leading to police "
        "intervention was proportionate under the circumstances.",
    ),
    SeedParagraph(
        "wmp/pit/s31-ncnd/against-2@1",
        ("foia:s31(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "West Midlands police has a duty of care to the community at large and public safety is "
        "of paramount importance. If an FOI disclosure revealed information to the world (by "
        "citing an exemption or stating no information held) that would undermine an "
        "investigation and place the safety of an individual at risk, this could be used to "
        "offenders\u2019 advantage which would compromise any potential victims and public "
        "safety generally. It may also encourage offenders to carry out further crimes as "
        "detailed within the harm.",
    ),
    SeedParagraph(
        "wmp/pit/s31-ncnd/against-3@1",
        ("foia:s31(3)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "West Midlands police relies on information being supplied by the public. Irrespective "
        "of what information is or isn\u2019t held in relation to questions 1 and 2, by "
        "applying substantive exemptions would indicate that information is held and there are "
        "currently ongoing investigations. Such action would act as a deterrent to the public "
        "to provide intelligence to the force which would further undermine public safety, with "
        "repercussions that could hinder the prevention or detection of crime.",
    ),
    SeedParagraph(
        "wmp/pit/s38-ncnd/for-1@1",
        ("foia:s38(2)",),
        _FOR_NCND,
        Section.FACTORS_FOR,
        "Confirmation of whether information is or isn\u2019t held would provide reassurance "
        "to the general public that West Midlands police take all allegations seriously. This "
        "awareness could be used to improve any public consultations/debates in relation to "
        "this subject and also allow the public to take steps to protect themselves.",
    ),
    SeedParagraph(
        "wmp/pit/s38-ncnd/against-1@1",
        ("foia:s38(2)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "Confirming or denying that information exists could lead to the loss of public "
        "confidence in West Midlands police ability to protect the wellbeing of the community.",
    ),
    SeedParagraph(
        "wmp/pit/s38-ncnd/against-2@1",
        ("foia:s38(2)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        "West Midlands police has a duty of care towards the general public per se and to "
        "reveal information via an FOI request which would place the safety of individuals in "
        "danger, is not in the public interest.",
    ),
)

_TACTICS = ("foia:s31(1)(a)", "foia:s31(1)(b)")
_SAFETY = ("foia:s38(1)(a)", "foia:s38(1)(b)")
_T_TACTICS = "law enforcement: disclosing tactics and capabilities"
_T_SOURCES = "law enforcement and safety: people who give information to the police"
_T_SECURITY = "national security: confirming or denying covert capabilities"

#: The force's own paragraphs for the other demo cases, each written for its provisions.
OTHER_PARAGRAPHS = (
    # s31(1)(a) and (b): tactics and capabilities (partial and full refusals).
    LibraryText(
        "wmp-harm-tactics-capability-1",
        _TACTICS,
        _T_TACTICS,
        Section.EVIDENCE_OF_HARM,
        (
            "Disclosing the detail requested would show where, when and how the force uses "
            "particular tactics and equipment. Offenders could use it to avoid the areas and "
            "times where they are most likely to be caught.",
            # Version 2: the mosaic effect spelt out, after an internal review asked for it.
            "Disclosing the detail requested would show where, when and how the force uses "
            "particular tactics and equipment. Offenders could use it to avoid the areas and "
            "times where they are most likely to be caught. Disclosure under FOI is disclosure "
            "to the world: set beside similar disclosures by other forces, the detail would "
            "build a picture of where police capability is stronger or weaker across the "
            "country (the 'mosaic effect'), which criminals could exploit.",
        ),
    ),
    LibraryText(
        "wmp-harm-tactics-capability-2",
        _TACTICS,
        _T_TACTICS,
        Section.EVIDENCE_OF_HARM,
        (
            "The force would have to change how and where it deploys the resources concerned to "
            "restore their effectiveness, at a cost to the public purse, and in the meantime "
            "crime would be harder to prevent and offenders harder to bring to justice.",
        ),
    ),
    LibraryText(
        "wmp-pit-s31-tactics-for-1",
        _TACTICS,
        "factors favouring disclosure",
        Section.FACTORS_FOR,
        (
            "Disclosure would show how the force uses its resources and public money, and "
            "would inform public debate about the tactics it uses, promoting openness and "
            "accountability.",
        ),
    ),
    LibraryText(
        "wmp-pit-s31-tactics-against-1",
        _TACTICS,
        "factors against disclosure",
        Section.FACTORS_AGAINST,
        (
            "Disclosure would undermine the effectiveness of the tactics concerned: offenders "
            "who knew the force's capability in a given place or at a given time could plan "
            "around it, making crime harder to prevent and offenders harder to catch.",
        ),
    ),
    LibraryText(
        "wmp-pit-s31-tactics-against-2",
        _TACTICS,
        "factors against disclosure",
        Section.FACTORS_AGAINST,
        (
            "The Police Service relies on some of its methods not being widely known. Public "
            "safety is of paramount importance, and information which would help offenders "
            "evade detection is not in the public interest.",
        ),
    ),
    # s31(1)(a) and s38(1)(b): people who give information to the police.
    LibraryText(
        "wmp-harm-covert-sources-1",
        (*_TACTICS, *_SAFETY),
        _T_SOURCES,
        Section.EVIDENCE_OF_HARM,
        (
            "Covert human intelligence sources give information at great personal risk. The "
            "amount and timing of individual payments could, with what a criminal group "
            "already knows, help it work out who has been helping the police. Sources who are "
            "identified, and their families, face serious harm, and others would stop coming "
            "forward, so crime that the force now prevents or detects would go unchecked.",
        ),
    ),
    LibraryText(
        "wmp-pit-s38-safety-for-1",
        _SAFETY,
        "factors favouring disclosure",
        Section.FACTORS_FOR,
        (
            "Disclosure would give the public assurance that the force manages the risks to "
            "people who help it, and accounts properly for the public money spent on them.",
        ),
    ),
    LibraryText(
        "wmp-pit-s38-safety-against-1",
        _SAFETY,
        "factors against disclosure",
        Section.FACTORS_AGAINST,
        (
            "The force owes a duty of care to everyone who assists it. Disclosing information "
            "that could endanger an individual's safety is not in the public interest, and the "
            "fear of being identified would deter others from giving information.",
        ),
    ),
    # s23(5) with s24(2): the standard police NCND for covert capabilities.
    LibraryText(
        "wmp-harm-national-security-ncnd-1",
        ("foia:s24(2)",),
        _T_SECURITY,
        Section.EVIDENCE_OF_HARM,
        (
            "Forces receive many requests of this kind. If each confirmed or denied whether it "
            "holds information about specialist covert capabilities, the answers taken together "
            "would show where those capabilities exist and where they do not. People who "
            "threaten national security could use that picture to choose the places where "
            "they are least likely to be detected.",
        ),
    ),
    LibraryText(
        "wmp-pit-s24-ncnd-for-1",
        ("foia:s24(2)",),
        _FOR_NCND,
        Section.FACTORS_FOR,
        (
            "Confirming or denying would inform public debate about the use of covert "
            "techniques and show that the force is open about how it keeps people safe.",
        ),
    ),
    LibraryText(
        "wmp-pit-s24-ncnd-against-1",
        ("foia:s24(2)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        (
            "The Police Service works closely with the security bodies. Confirming or denying "
            "in some cases and not in others would, over time, reveal where they are involved, "
            "so the Police Service neither confirms nor denies consistently, whether or not "
            "information is held.",
        ),
    ),
    LibraryText(
        "wmp-pit-s24-ncnd-against-2",
        ("foia:s24(2)",),
        _AGAINST_NCND,
        Section.FACTORS_AGAINST,
        (
            "The public interest in safeguarding national security is very strong; it would be "
            "undermined by any answer that helped those who intend harm to the United Kingdom.",
        ),
    ),
    # s22(1): information intended for future publication.
    LibraryText(
        "wmp-pit-s22-for-1",
        ("foia:s22(1)",),
        "factors favouring disclosure",
        Section.FACTORS_FOR,
        (
            "Releasing the information now would make it available sooner and would show that "
            "the force is open about its performance.",
        ),
    ),
    LibraryText(
        "wmp-pit-s22-against-1",
        ("foia:s22(1)",),
        "factors against disclosure",
        Section.FACTORS_AGAINST,
        (
            "The information is being checked and prepared for publication, and will be "
            "published soon, in full and with the explanation needed to understand it. "
            "Releasing it early, in part, to one requester would bypass those checks and risk "
            "misleading the public.",
        ),
    ),
    # s40(2): third-party personal data. Absolute under the first condition (no test); kept for
    # the second and third conditions, which are qualified.
    LibraryText(
        "wmp-pit-s40-small-numbers-against-1",
        ("foia:s40(2)",),
        "personal data: small numbers",
        Section.FACTORS_AGAINST,
        (
            "Where a figure is very small, it could be combined with information already known "
            "locally, or reported in the press, to identify the officers, staff or members of "
            "the public concerned. They would reasonably expect such information about them to "
            "stay confidential.",
        ),
    ),
    # EIR reg 12(4)(b): manifestly unreasonable (the EIR have no cost limit).
    LibraryText(
        "wmp-pit-eir-manifestly-unreasonable-for-1",
        ("eir:reg12(4)(b)",),
        "factors favouring disclosure",
        Section.FACTORS_FOR,
        (
            "The Regulations presume in favour of disclosure (regulation 12(2)), and there is a "
            "public interest in knowing about the environmental impact of the force's estate "
            "and fleet.",
        ),
    ),
    LibraryText(
        "wmp-pit-eir-manifestly-unreasonable-against-1",
        ("eir:reg12(4)(b)",),
        "factors against disclosure",
        Section.FACTORS_AGAINST,
        (
            "Complying would take staff away from their normal duties for a time out of all "
            "proportion to the value of the information, at a cost to the public purse that "
            "the Regulations do not require the force to bear.",
        ),
    ),
)

LIBRARY: tuple[LibraryText, ...] = (
    *(
        LibraryText(library_key(p.id), p.written_for, p.topic, p.section, (p.text,))
        for p in SEED_PARAGRAPHS
    ),
    *OTHER_PARAGRAPHS,
)


class Library:
    """The demo paragraphs as loaded: every version of each key."""

    def __init__(self, paragraphs: Iterable[LibraryParagraph]) -> None:
        self.versions: dict[str, dict[int, LibraryParagraph]] = {}
        for p in paragraphs:
            self.versions.setdefault(p.key, {})[p.version] = p

    def current(self, key: str) -> LibraryParagraph:
        versions = self.versions[key]
        for p in versions.values():
            if p.is_current:
                return p
        return versions[max(versions)]

    def first(self, key: str) -> LibraryParagraph:
        versions = self.versions[key]
        return versions[min(versions)]

    def seed(self, seed_id: str) -> LibraryParagraph:
        """The version a seed id names (``...@1``)."""
        key, version = seed_id.rsplit("@", 1)
        return self.versions[library_key(key)][int(version)]


def load_demo_library(actor: User) -> Library:
    """Add the demo paragraphs the library lacks; return the demo keys as they now stand.

    A key already in the library is left alone, so loading again adds nothing and never undoes
    an edit made since (an edit is a new version of the key).
    """
    existing = set(
        LibraryParagraph.objects.filter(key__in=[t.key for t in LIBRARY]).values_list(
            "key", flat=True
        )
    )
    for entry in LIBRARY:
        if entry.key in existing:
            continue
        for text in entry.versions:
            services.library_paragraph_save(
                actor=actor,
                key=entry.key,
                written_for=list(entry.written_for),
                topic=entry.topic,
                section=entry.section,
                text=text,
            )
    return Library(LibraryParagraph.objects.filter(key__in=[t.key for t in LIBRARY]))


# --- 190A/23 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedTest:
    """A test of the seed response: its provision and the seed ids of its paragraphs."""

    provision: str
    evidence_of_harm: tuple[str, ...]
    factors_for: tuple[str, ...]
    factors_against: tuple[str, ...]


_SEED_HARM_IDS = tuple(p.id for p in SEED_PARAGRAPHS[:3])

#: The seed's three NCND tests (s40(5) is absolute, so it has none).
SEED_TESTS = (
    SeedTest(
        "foia:s30(3)",
        _SEED_HARM_IDS,
        ("wmp/pit/s30-ncnd/for-1@1",),
        (
            "wmp/pit/s30-ncnd/against-1@1",
            "wmp/pit/s30-ncnd/against-2@1",
            "wmp/pit/s30-ncnd/against-3@1",
        ),
    ),
    SeedTest(
        "foia:s31(3)",
        _SEED_HARM_IDS,
        ("wmp/pit/s31-ncnd/for-1@1",),
        (
            "wmp/pit/s31-ncnd/against-1@1",
            "wmp/pit/s31-ncnd/against-2@1",
            "wmp/pit/s31-ncnd/against-3@1",
        ),
    ),
    SeedTest(
        "foia:s38(2)",
        _SEED_HARM_IDS,
        ("wmp/pit/s38-ncnd/for-1@1",),
        ("wmp/pit/s38-ncnd/against-1@1", "wmp/pit/s38-ncnd/against-2@1"),
    ),
)

SEED_BALANCE = (
    "The points above highlight the merits of confirming, or denying, whether any information "
    "pertinent to questions 1 and 2 exists. The Police Service is charged with enforcing the "
    "law, preventing and detecting crime and protecting the communities we serve. As part of "
    "that policing purpose, various operations may or may not be ongoing. The Police Service "
    "will never divulge whether or not information pertinent to these questions does or does "
    "not exist, if to do so would place the safety of an individual(s) at risk, compromise an "
    "ongoing investigation or undermine the policing purpose in the effective delivery of "
    "operational law enforcement.\n\nWhilst there is a public interest in the transparency of "
    "policing operations and investigations particularly in relation to West Midlands police "
    "own police officers, providing reassurance that the Police Service is appropriately and "
    "effectively investigating current allegations of offending against West Midlands police "
    "officers, there is a very strong public interest in safeguarding the health and safety of "
    "individuals. As much as there is a public interest in knowing that policing activity into "
    "allegations against its own police officers is appropriate and balanced it will only be "
    "overridden in exceptional circumstances."
)
SEED_CONCLUSION = (
    "Therefore, at this moment in time, it is our opinion that for these issues the balance "
    "test for confirming, nor denying that information is held for questions 1 and 2 is "
    "appropriate."
)
SEED_NCND_PROVISIONS = ("foia:s30(3)", "foia:s31(3)", "foia:s38(2)", "foia:s40(5)")
SEED_NCND_TEXT = (
    "In relation to Question 1 and 2. West Midlands Police will neither confirm nor deny that "
    "we hold any of the requested information as the following exemptions apply.\n\n"
    "Section 30(3) Investigations;\n\nSection 31(3) Law Enforcement;\n\n"
    "Section 38(2) Health and Safety\n\nSection 40(5) Personal Information\n\n"
    "These exemptions and explanatory notes are shown here:\n\n"
    "https://www.app.college.police.uk/app-content/information-management/"
    "freedom-of-information/#freedom-of-information-exemptions\n\n"
    "When citing Section 40(5), there is a requirement to consider whether disclosure would be "
    "fair.  In this case release would not be fair and therefore Section 40(5) is classed as "
    "absolute and there is no requirement to consider the public interest.\n\n"
    "In line with the above, I am required to complete a Prejudice Test/Public Interest Test "
    "(PIT) on disclosure. Please find this PIT below."
)
SEED_DISCLOSED_TEXT = (
    "In relation to Question 3 and 4 please see the attached.\n\n"
    "We want our officers to uphold the highest of standards so the public has the utmost "
    "confidence in them.\n\n"
    "Sexual harassment and abuse are simply unacceptable but when it is done by a police "
    "officer \u2013 who holds a position of power and someone the public should trust \u2013 "
    "it must be rooted out and eliminated.\n\n"
    "We must do everything we can to maintain public confidence and trust in policing.\n\n"
    "This will provide reassurance to the public that we mean it when we say we\u2019ll do all "
    "we can to preserve and rebuild trust."
)


SEED_ATTACHMENT_NAME = "190A-23 dismissals 2018-19 to 2022-23.csv"
#: The table attached for questions 3 and 4. The seed does not print its figures: these are
#: invented, small, and counts under five are shown as "<5", as forces publish them.
SEED_DISMISSALS = (
    ("2018/19", "<5", "<5"),
    ("2019/20", "6", "<5"),
    ("2020/21", "<5", "<5"),
    ("2021/22", "8", "<5"),
    ("2022/23", "11", "5"),
)


def seed_attachment_csv() -> bytes:
    """The CSV attached to 190A/23, the same bytes on every run."""
    lines = [
        "Dismissals for misconduct related to sexual or domestic abuse, by financial year",
        "Financial year,Police officers,Police staff",
        *(",".join(row) for row in SEED_DISMISSALS),
        '"Note: counts under 5 are shown as ""<5"" so that no one can be identified."',
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def decide_seed_request(*, actor: User, request: Request, library: Library) -> None:
    """190A/23's decisions and tests as the seed gives them.

    Questions 1 and 2 neither confirmed nor denied under s30(3), s31(3), s38(2) and s40(5);
    questions 3 and 4 answered by the attached table (``SEED_ATTACHMENT_NAME``). One NCND test
    for each qualified provision, with the seed's paragraphs from the library; evidence of harm
    only where the provision is prejudice-based (s31(3), s38(2)): s30 is class-based, engaged
    by the kind of information, so the harm paragraphs the seed prints once for the whole test
    sit with the two provisions that need them.
    """
    services.decision_save(
        actor=actor,
        request=request,
        question_numbers=[1, 2],
        outcome=Out.NCND,
        provisions=[{"id": pid} for pid in SEED_NCND_PROVISIONS],
        text=SEED_NCND_TEXT,
    )
    services.decision_save(
        actor=actor,
        request=request,
        question_numbers=[3, 4],
        outcome=Out.DISCLOSED,
        text=SEED_DISCLOSED_TEXT,
        figures_given=True,
        reveals_held=True,
    )
    # The table answering questions 3 and 4, attached before the response is submitted so the
    # approved version includes it.
    if not request.attachments.filter(name=SEED_ATTACHMENT_NAME).exists():
        services.attachment_add(
            actor=actor,
            request=request,
            uploaded_file=ContentFile(seed_attachment_csv(), name=SEED_ATTACHMENT_NAME),
            question_numbers=[3, 4],
        )
    for seed_test in SEED_TESTS:
        test = services.test_save(
            actor=actor,
            request=request,
            provision=seed_test.provision,
            kind=TestKind.NCND,
            balance=SEED_BALANCE,
            conclusion=SEED_CONCLUSION,
        )
        harm = seed_test.evidence_of_harm if needs_harm_test(seed_test.provision) else ()
        for section, ids in (
            (Section.EVIDENCE_OF_HARM, harm),
            (Section.FACTORS_FOR, seed_test.factors_for),
            (Section.FACTORS_AGAINST, seed_test.factors_against),
        ):
            for seed_id in ids:
                services.test_paragraph_add(
                    actor=actor, test=test, section=section, library_paragraph=library.seed(seed_id)
                )


# --- the generated requests ------------------------------------------------------------------

#: What the demo plan can decide for a question. Most come from what the department returned
#: (``NATURAL_KINDS``, weighted as departments answer); the rest are placed so that every
#: outcome appears. "cost", "vexatious", "repeated" and "ncnd_covert" answer the whole request.
KINDS = (
    "disclosed",  # figures attached
    "partly",  # held only from a date: what is held is attached
    "small_numbers",  # table attached, counts under five withheld (s40(2), reg 13, FOISA s38)
    "not_held",
    "cost",  # s12 (FOISA s12, EIR reg 12(4)(b)) for the whole request, with the worksheet
    "accessible",  # s21 (FOISA s25); under the EIR a copy is simply attached
    "future",  # s22(1), with a public interest test
    "clarify",
    "transfer",
    "withdrawn",
    "s31_partial",  # s31(1)(a) and (b): the breakdown withheld, with harm and PIT
    "s31_exempt",  # s31(1)(a) and (b): withheld in full
    "chis_exempt",  # s31(1)(a) and s38(1)(b): payments to covert sources
    "ncnd_covert",  # s23(5) with s24(2)
    "vexatious",  # s14(1)
    "repeated",  # s14(2)
)
#: Kinds drawn for ordinary questions, with the weights departments' answers have.
NATURAL_KINDS = (
    ("disclosed", 12),
    ("small_numbers", 4),
    ("not_held", 3),
    ("partly", 2),
    ("cost", 1),
    ("accessible", 1),
)
#: Kinds that answer the whole request in one decision, strongest first.
WHOLE_REQUEST = ("vexatious", "repeated", "ncnd_covert", "cost")
#: Kinds only the FOIA texts below are written for.
FOIA_ONLY = frozenset(
    {"future", "s31_partial", "s31_exempt", "chis_exempt", "ncnd_covert", "vexatious", "repeated"}
)


def decision_groups(kinds: Sequence[str]) -> list[tuple[str, tuple[int, ...]]]:
    """(kind, question numbers) for each decision: one per question, or one for the request."""
    numbers = tuple(range(1, len(kinds) + 1))
    for whole in WHOLE_REQUEST:
        if whole in kinds:
            return [(whole, numbers)]
    return [(kind, (n,)) for n, kind in zip(numbers, kinds, strict=True)]


def outcome_of(kind: str, regime: str) -> str:
    """The outcome a kind of decision records under ``regime``."""
    if kind == "accessible" and regime == RegimeChoice.EIR:
        return Out.DISCLOSED  # the EIR have no s21: the copy is attached
    return {
        "disclosed": Out.DISCLOSED,
        "partly": Out.DISCLOSED,
        "small_numbers": Out.PARTIALLY_DISCLOSED,
        "not_held": Out.NOT_HELD,
        "cost": Out.COST_LIMIT,
        "accessible": Out.REASONABLY_ACCESSIBLE,
        "future": Out.FUTURE_PUBLICATION,
        "clarify": Out.CLARIFICATION_NEEDED,
        "transfer": Out.TRANSFERRED,
        "withdrawn": Out.WITHDRAWN,
        "s31_partial": Out.PARTIALLY_DISCLOSED,
        "s31_exempt": Out.EXEMPT,
        "chis_exempt": Out.EXEMPT,
        "ncnd_covert": Out.NCND,
        "vexatious": Out.VEXATIOUS,
        "repeated": Out.REPEATED,
    }[kind]


def outcomes_for(kinds: Sequence[str], regime: str) -> set[str]:
    """The outcomes a request planned with ``kinds`` ends with."""
    return {outcome_of(kind, regime) for kind, _ in decision_groups(kinds)}


#: Who holds what a transferred question asks, by the department it was routed to.
_TRANSFER_TO = {
    "Finance": "the Office of the Police and Crime Commissioner for the West Midlands",
    "Professional Standards": "the Independent Office for Police Conduct",
}
_TRANSFER_DEFAULT = "the Office of the Police and Crime Commissioner for the West Midlands"

_ABSOLUTE = "there is no requirement to consider the public interest"


@dataclass
class _Draft:
    """One request's drafting: what the writers below need, and the tests already begun."""

    actor: User
    request: Request
    library: Library
    rng: random.Random
    systems: dict[int, str]
    today: date
    on: date  # the day the response is drafted (its sending date, or today for drafts)
    full_harm: bool = True
    repeat_of: Request | None = None
    kinds: list[str] = field(default_factory=list)
    questions: dict[int, Question] = field(default_factory=dict)
    tests: dict[tuple[str, str], HarmAndPublicInterestTest] = field(default_factory=dict)

    @property
    def regime(self) -> str:
        return self.request.regime

    @property
    def old(self) -> bool:
        """Drafted before the library's later versions: the first version is what it used."""
        return self.on < self.today - timedelta(days=120)

    def system(self, number: int) -> str:
        return self.systems.get(number, "the force's records")

    def decide(self, numbers: Sequence[int], outcome: str, **fields) -> None:
        services.decision_save(
            actor=self.actor,
            request=self.request,
            question_numbers=list(numbers),
            outcome=outcome,
            **fields,
        )

    def test(
        self,
        provision: str,
        kind: str,
        *,
        harm: Sequence[str] = (),
        factors_for: Sequence[str] = (),
        factors_against: Sequence[str] = (),
        balance: str,
        conclusion: str,
    ) -> None:
        """A test from library keys, once per provision and kind (shared by its decisions)."""
        if (provision, kind) in self.tests:
            return
        test = services.test_save(
            actor=self.actor,
            request=self.request,
            provision=provision,
            kind=kind,
            balance=balance,
            conclusion=conclusion,
        )
        self.tests[(provision, kind)] = test
        for section, keys in (
            (Section.EVIDENCE_OF_HARM, harm),
            (Section.FACTORS_FOR, factors_for),
            (Section.FACTORS_AGAINST, factors_against),
        ):
            for key in keys:
                self.add(test, section, key)

    def add(self, test: HarmAndPublicInterestTest, section: str, key: str) -> None:
        paragraph = self.library.first(key) if self.old else self.library.current(key)
        services.test_paragraph_add(
            actor=self.actor, test=test, section=section, library_paragraph=paragraph
        )


# Harm and public interest tests ------------------------------------------------------------

#: The harm for s31 tactics: how offenders would use the detail, then what it would cost. A
#: draft sent back by the decision maker had only the second (see ``complete_harm``).
_TACTICS_HARM = ("wmp-harm-tactics-capability-1", "wmp-harm-tactics-capability-2")


def _tactics_test(d: _Draft) -> None:
    d.test(
        "foia:s31(1)",
        TestKind.DISCLOSURE,
        harm=_TACTICS_HARM if d.full_harm else _TACTICS_HARM[1:],
        factors_for=("wmp-pit-s31-tactics-for-1",),
        factors_against=("wmp-pit-s31-tactics-against-1", "wmp-pit-s31-tactics-against-2"),
        balance=(
            "There is a public interest in knowing how the force uses its resources, and the "
            "information disclosed goes a long way to meeting it. The Police Service will not, "
            "however, disclose detail that would help offenders work out where, when and how "
            "particular tactics are used: that would undermine the prevention and detection of "
            "crime and put the public and officers at greater risk."
        ),
        conclusion=(
            "Having weighed the factors above, the public interest in maintaining the exemption "
            "outweighs the public interest in disclosing the withheld detail."
        ),
    )


def complete_harm(*, actor: User, request: Request, library: Library, today: date) -> None:
    """Revise a draft sent back for its s31 harm: the evidence of harm becomes the two tactics
    paragraphs, how offenders would use the detail first."""
    draft = _Draft(actor, request, library, random.Random(0), {}, today, today)  # noqa: S311
    for test in request.tests.filter(provision="foia:s31(1)"):
        harm = list(test.paragraphs.filter(section=Section.EVIDENCE_OF_HARM))
        if [p.library_paragraph.key for p in harm if p.library_paragraph] == list(_TACTICS_HARM):
            continue
        for paragraph in harm:
            services.test_paragraph_remove(actor=actor, paragraph=paragraph)
        for key in _TACTICS_HARM:
            draft.add(test, Section.EVIDENCE_OF_HARM, key)


# One writer per kind -----------------------------------------------------------------------


def _disclosed(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.DISCLOSED,
        text=f"Please see the attached spreadsheet: the figures come from {d.system(numbers[0])} "
        "and cover the period you asked about.",
        figures_given=True,
        reveals_held=True,
    )


def _partly(d: _Draft, numbers: tuple[int, ...]) -> None:
    year = _local_date(d.request).year - 3
    d.decide(
        numbers,
        Out.DISCLOSED,
        text=f"{_cap(d.system(numbers[0]))} holds this information only from April {year}; "
        "earlier records were deleted under the force's retention schedule. The figures held "
        "are attached.",
        figures_given=True,
        reveals_held=True,
    )


def _small_numbers(d: _Draft, numbers: tuple[int, ...]) -> None:
    provision, law = {
        RegimeChoice.FOIA: ("foia:s40(2)", "Section 40(2) Personal Information"),
        RegimeChoice.EIR: (
            "eir:reg13(1)",
            "regulation 13(1) of the Environmental Information Regulations 2004 (personal data)",
        ),
        RegimeChoice.FOISA: (
            "foisa:s38(1)(b)",
            "section 38(1)(b) of the Freedom of Information (Scotland) Act 2002 (personal "
            "information)",
        ),
    }[RegimeChoice(d.regime)]
    absolute = {
        RegimeChoice.FOIA: "Section 40(2) is an absolute exemption under the first condition",
        RegimeChoice.EIR: "Under the first condition regulation 13(1) is absolute",
        RegimeChoice.FOISA: "Section 38(1)(b) is an absolute exemption under the first condition",
    }[RegimeChoice(d.regime)]
    d.decide(
        numbers,
        Out.PARTIALLY_DISCLOSED,
        provisions=[{"id": provision, "condition": "first"}],
        text="Please see the attached table. Where a figure is fewer than five it is shown as "
        "'<5': set beside information already in the public domain, an exact small number "
        "could identify the officers, staff or members of the public concerned, and disclosing "
        f"it would not be fair to them. That detail is withheld under {law}. {absolute}, so "
        f"{_ABSOLUTE}.",
        figures_given=True,
        reveals_held=True,
    )


def _not_held(d: _Draft, numbers: tuple[int, ...]) -> None:
    text = (
        f"West Midlands Police does not hold this information: {d.system(numbers[0])} does not "
        "record it, and no other record holds it in a form that can be retrieved."
    )
    provisions: list[dict] = []
    if d.regime == RegimeChoice.EIR:
        provisions = [{"id": "eir:reg12(4)(a)"}]
        text += (
            " The exception in regulation 12(4)(a) of the Environmental Information Regulations "
            "2004 applies: the information was not held when your request was received."
        )
    elif d.regime == RegimeChoice.FOISA:
        text += (
            " In terms of section 17(1) of the Freedom of Information (Scotland) Act 2002, this "
            "is notice that the information is not held."
        )
    d.decide(numbers, Out.NOT_HELD, provisions=provisions, text=text, reveals_held=True)


def _accessible(d: _Draft, numbers: tuple[int, ...]) -> None:
    where = (
        "The force's publication scheme, on its website www.west-midlands.police.uk (Freedom of "
        "Information pages), which lists the documents and data the force publishes; the "
        "version published there is the current one."
    )
    if d.regime == RegimeChoice.EIR:
        d.decide(
            numbers,
            Out.DISCLOSED,
            text="A copy of the current policy is attached. It is also published on the force "
            "website.",
            figures_given=True,
            reveals_held=True,
        )
        return
    provision, section = (
        ("foisa:s25(1)", "Section 25(1)")
        if d.regime == RegimeChoice.FOISA
        else ("foia:s21(1)", "Section 21")
    )
    d.decide(
        numbers,
        Out.REASONABLY_ACCESSIBLE,
        provisions=[{"id": provision}],
        text="The information you asked for is already published, so it is reasonably "
        f"accessible to you and exempt under {section} (information accessible by other "
        f"means). {section} is an absolute exemption and {_ABSOLUTE}. Where to find it is set "
        "out below.",
        reveals_held=True,
        where=where,
    )


def _cost(d: _Draft, numbers: tuple[int, ...]) -> None:
    """A refusal on cost with its worksheet: lines per question and activity, over the limit."""
    regime = d.regime
    _, rate, limit = cost_limit_hours(regime, Authority.current().kind)
    costly = [n for n in numbers if d.kinds[n - 1] == "cost"] or [numbers[0]]
    minutes = d.rng.choice((4, 5, 6, 8, 10))
    lines: list[tuple[int, str, Decimal, str]] = []
    for n in numbers:
        q = d.questions[n]
        if n in costly:
            lines += [
                (n, CostActivity.DETERMINING, _h(d.rng.choice((0.25, 0.5))), ""),
                (n, CostActivity.LOCATING, _h(d.rng.uniform(0.5, 2)), "Identify the records"),
                (n, CostActivity.RETRIEVING, _h(d.rng.uniform(1, 3)), "Open each record"),
            ]
        else:
            spent = float(q.hours_spent or Decimal("0.5"))
            lines += [
                (n, CostActivity.LOCATING, _h(max(spent / 2, 0.25)), ""),
                (n, CostActivity.EXTRACTING, _h(max(spent / 2, 0.25)), ""),
            ]
    countable = {CostActivity.LOCATING, CostActivity.RETRIEVING, CostActivity.EXTRACTING}
    if regime != RegimeChoice.FOISA:
        countable.add(CostActivity.DETERMINING)
    counted = sum(float(h) for _, a, h, _ in lines if a in countable)
    # The costly questions' reading by hand: enough records to go well over the limit.
    needed = max(limit - counted, 0) + d.rng.uniform(4, 22)
    records = int(needed * 60 / minutes / len(costly)) + 1
    for n in costly:
        lines.append(
            (
                n,
                CostActivity.EXTRACTING,
                _h(records * minutes / 60),
                f"Read {records:,} records by hand at about {minutes} minutes each",
            )
        )
    lines.sort(key=lambda line: line[0])
    total = sum(float(h) for _, a, h, _ in lines if a in countable)
    system = d.system(costly[0])
    basis = (
        f"{_cap(system)} has no field for this: each record from the period would have to be "
        f"read by hand. A sample of 20 records took about {minutes} minutes each, and there are "
        f"about {records:,} records for the period asked about. Determining whether the "
        "information is held, locating, retrieving and extracting it come to about "
        f"{total:.0f} hours."
    )
    qn = ", ".join(map(str, costly))
    if len(numbers) > 1:
        advice = (
            f"If you limit question {qn} to a single year, or to the figures {system} can report "
            "without reading each record, we expect to be able to answer it within the limit. "
            "The other questions could be answered on their own: please let us know if you "
            "would like to resubmit them as a new request."
        )
    else:
        advice = (
            "If you limit your request to a single year, or to the figures "
            f"{system} can report without reading each record, we expect to be able to answer it "
            "within the limit."
        )
    provisions: list[dict] = []
    if regime == RegimeChoice.FOIA:
        provisions = [{"id": "foia:s12(1)"}]
        text = (
            "West Midlands Police estimates that the cost of complying with your request would "
            "exceed the appropriate limit of \u00a3450 (18 hours of work at \u00a325 an hour) set "
            "by the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
            "Regulations 2004. Section 12(1) therefore applies to the whole of your request, and "
            "this letter is a notice under section 17(5) of the Act. The estimate is set out "
            "below, with advice on how the request could be narrowed (section 16)."
        )
    elif regime == RegimeChoice.FOISA:
        provisions = [{"id": "foisa:s12(1)"}]
        text = (
            "West Midlands Police estimates that the cost of complying with your request would "
            "exceed the upper limit of \u00a3600 set by the Freedom of Information (Fees for "
            "Required Disclosure) (Scotland) Regulations 2004, with staff time at no more than "
            f"\u00a3{rate:.0f} an hour. Section 12(1) of the Freedom of Information (Scotland) "
            "Act 2002 therefore applies to the whole of your request, and this letter is a "
            "notice under section 16(4). The estimate is set out below, with advice on how the "
            "request could be narrowed (section 15)."
        )
    else:
        provisions = [{"id": "eir:reg12(4)(b)"}]
        text = (
            f"Complying with your request would take about {total:.0f} hours of staff time, as "
            "the estimate below shows. West Midlands Police considers the request manifestly "
            "unreasonable, and refuses it under regulation 12(4)(b) of the Environmental "
            "Information Regulations 2004. The exception is subject to the public interest "
            "test, set out below, and to the presumption in favour of disclosure (regulation "
            "12(2)). Advice on narrowing the request (regulation 9) is below."
        )
        d.test(
            "eir:reg12(4)(b)",
            TestKind.DISCLOSURE,
            factors_for=("wmp-pit-eir-manifestly-unreasonable-for-1",),
            factors_against=("wmp-pit-eir-manifestly-unreasonable-against-1",),
            balance=(
                "The Regulations presume in favour of disclosure, and the information would "
                "add to public understanding of the force's environmental impact. But the work "
                "involved is out of all proportion to that value, and the advice below shows "
                "how a narrower request could be answered in full."
            ),
            conclusion=(
                "The public interest in maintaining the exception outweighs the public "
                "interest in disclosure."
            ),
        )
    d.decide(
        numbers,
        Out.COST_LIMIT,
        provisions=provisions,
        text=text,
        reveals_held=True,
        advice_to_narrow=advice,
        cost_basis=basis,
    )
    decision = d.request.decisions.order_by("-order", "-id").first()
    for n, activity, hours, note in lines:
        services.cost_line_add(
            actor=d.actor,
            decision=decision,
            activity=activity,
            hours=hours,
            question=d.questions[n],
            note=note,
        )


def _future(d: _Draft, numbers: tuple[int, ...]) -> None:
    published = _thursday_after(d.on + timedelta(days=28))
    d.decide(
        numbers,
        Out.FUTURE_PUBLICATION,
        provisions=[{"id": "foia:s22(1)"}],
        text="This information is held with a view to publication: it will be published as "
        "part of the force's annual statistics, which we expect to publish on "
        f"{published:%-d %B %Y}. It is therefore exempt under Section 22(1) (information "
        "intended for future publication). Section 22 is qualified, so a Public Interest Test "
        "is set out below.",
        reveals_held=True,
        publication_date=published,
    )
    d.test(
        "foia:s22(1)",
        TestKind.DISCLOSURE,
        factors_for=("wmp-pit-s22-for-1",),
        factors_against=("wmp-pit-s22-against-1",),
        balance=(
            "The information will be published within weeks, for everyone, with the checks and "
            "explanation that make it reliable. The public interest in having it a few weeks "
            "sooner does not outweigh the public interest in publishing it properly."
        ),
        conclusion=(
            "The public interest in maintaining the exemption outweighs the public interest in "
            "disclosure before publication."
        ),
    )


def _clarify(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.CLARIFICATION_NEEDED,
        text=f"Question {numbers[0]} could be read in more than one way. Please tell us which "
        "records and which period you mean, and we will answer it as soon as you reply. The "
        "rest of your request is answered in this letter.",
    )


def _transfer(d: _Draft, numbers: tuple[int, ...]) -> None:
    department = d.questions[numbers[0]].department
    body = _TRANSFER_TO.get(department.name if department else "", _TRANSFER_DEFAULT)
    d.decide(
        numbers,
        Out.TRANSFERRED,
        text=f"This information is held by {body}, a separate public authority, rather than by "
        "West Midlands Police. With your agreement we have passed this question to them, and "
        "they will reply to you directly.",
        reveals_held=True,
    )


def _withdrawn(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.WITHDRAWN,
        text=f"You withdrew question {numbers[0]} while your request was being handled, so it "
        "has not been answered.",
    )


def _s31(d: _Draft, numbers: tuple[int, ...], *, partial: bool) -> None:
    provisions = [{"id": pid} for pid in _TACTICS]
    law = (
        "Section 31(1)(a) and (b) Law Enforcement (the prevention or detection of crime, and the "
        "apprehension or prosecution of offenders)"
    )
    pit = (
        "In line with the above, I am required to complete a Prejudice Test and Public Interest "
        "Test on disclosure. Please find it below."
    )
    if partial:
        d.decide(
            numbers,
            Out.PARTIALLY_DISCLOSED,
            provisions=provisions,
            text="Most of the information is attached. The breakdown by unit, location and date "
            "is withheld: it would show where and when the force deploys particular tactics and "
            f"resources. That detail is exempt under {law}. {pit}",
            figures_given=True,
            reveals_held=True,
        )
    else:
        d.decide(
            numbers,
            Out.EXEMPT,
            provisions=provisions,
            text="The information requested would show the force's tactical capability, and is "
            f"withheld in full under {law}. {pit}",
            reveals_held=True,
        )
    _tactics_test(d)


def _chis(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.EXEMPT,
        provisions=[{"id": "foia:s31(1)(a)"}, {"id": "foia:s38(1)(b)"}],
        text="The value of individual payments to covert human intelligence sources is withheld "
        "under Section 31(1)(a) Law Enforcement and Section 38(1)(b) Health and Safety: it could "
        "help identify the people who give the police information, and put them at risk. Both "
        "exemptions are qualified and prejudice-based, so the harm and the Public Interest Test "
        "are set out below.",
        reveals_held=True,
    )
    balance = (
        "There is a public interest in accountability for public money, and the totals "
        "disclosed meet much of it. Against that, the safety of people who assist the police, "
        "and the flow of information on which the prevention and detection of crime depend, "
        "carry very great weight."
    )
    conclusion = (
        "The public interest in maintaining the exemption outweighs the public interest in "
        "disclosing individual payments."
    )
    d.test(
        "foia:s31(1)",
        TestKind.DISCLOSURE,
        harm=("wmp-harm-covert-sources-1",),
        factors_for=("wmp-pit-s31-tactics-for-1",),
        factors_against=("wmp-pit-s31-tactics-against-1",),
        balance=balance,
        conclusion=conclusion,
    )
    d.test(
        "foia:s38(1)",
        TestKind.DISCLOSURE,
        harm=("wmp-harm-covert-sources-1",),
        factors_for=("wmp-pit-s38-safety-for-1",),
        factors_against=("wmp-pit-s38-safety-against-1",),
        balance=balance,
        conclusion=conclusion,
    )


def _ncnd_covert(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.NCND,
        provisions=[{"id": "foia:s23(5)"}, {"id": "foia:s24(2)"}],
        text="West Midlands Police can neither confirm nor deny that it holds the information "
        "you have requested, as the following exemptions apply.\n\n"
        "Section 23(5) Information supplied by, or concerning, certain security bodies;\n\n"
        "Section 24(2) National Security.\n\n"
        "Section 23(5) is an absolute exemption and there is no requirement to consider the "
        "public interest. Section 24(2) is qualified: the harm in confirming or denying, and "
        "the Public Interest Test, are set out below.\n\n"
        "This should not be taken as an indication that the information you have requested "
        "does or does not exist.",
    )
    d.test(
        "foia:s24(2)",
        TestKind.NCND,
        harm=("wmp-harm-national-security-ncnd-1",),
        factors_for=("wmp-pit-s24-ncnd-for-1",),
        factors_against=("wmp-pit-s24-ncnd-against-1", "wmp-pit-s24-ncnd-against-2"),
        balance=(
            "There is a public interest in openness about the techniques the police use, but "
            "the Police Service will not confirm or deny where doing so, across all the "
            "requests forces receive, would undermine national security. Safeguarding national "
            "security carries very great weight, and it will be overridden only in exceptional "
            "circumstances."
        ),
        conclusion=(
            "Therefore, at this moment in time, the balance favours neither confirming nor "
            "denying that the information is held."
        ),
    )


def _vexatious(d: _Draft, numbers: tuple[int, ...]) -> None:
    d.decide(
        numbers,
        Out.VEXATIOUS,
        provisions=[{"id": "foia:s14(1)"}],
        text="West Midlands Police considers this request vexatious under section 14(1) of the "
        "Freedom of Information Act 2000. It is one of a series of overlapping requests on the "
        "same subject received within a few weeks, each asking for the same records cut a "
        "different way, much of which has already been provided. Taken together, answering "
        "them would impose a burden on the force out of all proportion to the value of the "
        "information. This letter is a notice under section 17(5) of the Act; section 14 is "
        "not an exemption, so there is no public interest test.",
    )


def _repeated(d: _Draft, numbers: tuple[int, ...]) -> None:
    earlier = d.repeat_of
    if earlier is not None and earlier.responded_on is not None:
        received = _local_date(earlier)
        what = (
            f"the same as your request {earlier.reference}, received on {received:%-d %B %Y}, "
            f"which we answered on {earlier.responded_on:%-d %B %Y}"
        )
    else:
        what = "the same as a request you made recently, which we have already answered"
    d.decide(
        numbers,
        Out.REPEATED,
        provisions=[{"id": "foia:s14(2)"}],
        text=f"This request is {what}. No reasonable interval has passed since then, so section "
        "14(2) of the Freedom of Information Act 2000 applies and we are not obliged to comply "
        "with it again. This letter is a notice under section 17(5) of the Act; the earlier "
        "response still stands.",
    )


_WRITERS = {
    "disclosed": _disclosed,
    "partly": _partly,
    "small_numbers": _small_numbers,
    "not_held": _not_held,
    "cost": _cost,
    "accessible": _accessible,
    "future": _future,
    "clarify": _clarify,
    "transfer": _transfer,
    "withdrawn": _withdrawn,
    "s31_partial": lambda d, numbers: _s31(d, numbers, partial=True),
    "s31_exempt": lambda d, numbers: _s31(d, numbers, partial=False),
    "chis_exempt": _chis,
    "ncnd_covert": _ncnd_covert,
    "vexatious": _vexatious,
    "repeated": _repeated,
}


def write_decisions(
    *,
    actor: User,
    request: Request,
    kinds: Sequence[str],
    library: Library,
    rng: random.Random,
    systems: dict[int, str],
    today: date,
    on: date,
    count: int | None = None,
    full_harm: bool = True,
    repeat_of: Request | None = None,
) -> None:
    """Draft the decisions (and their tests) for ``request`` as ``kinds`` plan them.

    ``count`` drafts only the first questions (a draft in progress; a whole-request decision
    is drafted whole); ``full_harm=False`` gives the s31 tactics test only the second of its
    harm paragraphs (the draft a decision maker sends back: still one the checker passes, as
    ``response_submit`` requires, but not yet saying how offenders would use the detail);
    ``on`` is the day drafted, which decides the library version a test takes.
    """
    draft = _Draft(
        actor=actor,
        request=request,
        library=library,
        rng=rng,
        systems=systems,
        today=today,
        on=on,
        full_harm=full_harm,
        repeat_of=repeat_of,
        kinds=list(kinds),
        questions={q.number: q for q in request.questions.select_related("department")},
    )
    for kind, numbers in decision_groups(kinds):
        if count is not None and len(numbers) == 1 and numbers[0] > count:
            continue
        _WRITERS[kind](draft, numbers)


# --- small helpers ---------------------------------------------------------------------------


def _h(hours: float) -> Decimal:
    """Hours to the quarter, at least a quarter."""
    return max(Decimal(str(round(hours * 4) / 4)), Decimal("0.25")).quantize(Decimal("0.01"))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thursday_after(day: date) -> date:
    """Statistics come out on Thursdays: the first one on or after ``day``."""
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _local_date(request: Request) -> date:
    return timezone.localtime(request.received_at).date()
