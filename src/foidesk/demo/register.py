"""The demo force's request register: a West Midlands Police FOI office on the day it is opened.

Two parts:

- request 190A/23, the published response in ``shared/seed``, logged as it was received (20
  January 2023) and walked through to "responded", its four questions split exactly as the
  response treats them;
- about three hundred fictional requests received over the fourteen months before *today*, so
  the case list, the dashboard and the department pages look like a working FOI office whenever
  the demo is loaded: some overdue, some due within days, some waiting for a clarification or
  a fee, some answered by departments, some under internal review or with the ICO.

Everything is planned first as plain data (``demo_plan``: a fixed ``random.Random(2023)`` and
the date of the load, nothing else), then written through the register services in
``foidesk.cases.services``, so each request carries the audit trail the services write. The
requesters are made up; every email address is on an ``example`` domain (RFC 2606) and every
telephone number is in Ofcom's range for drama (0121 496 0xxx), so nothing can reach a real
person.

Services stamp the audit trail with the time of the load: the timeline of a demo request shows
when the demo was loaded, not when the step happened. The two dates the register reads back as
history (``Request.responded_on`` and ``Question.answered_at``) are set to historic dates after
the services have run; see ``_write_history``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from foidesk.accounts.models import User
from foidesk.cases import services
from foidesk.cases.models import (
    Authority,
    Channel,
    ClockEvent,
    ClockEventKind,
    CostLimit,
    Department,
    LinkKind,
    Question,
    QuestionStatus,
    RegimeChoice,
    Request,
    RequestLink,
    WeekendReceiptChoice,
)
from foidesk.cases.services import NewQuestion, NewRequester
from foidesk.cases.states import CLOCK_STOPPED_STATES, OPEN_STATES, RequestState
from foidesk.law.calendars import Calendar, default_calendar

S = RequestState
K = ClockEventKind

#: The seed of every random choice: the same day gives the same register.
DEMO_SEED = 2023

AUTHORITY_NAME = "West Midlands Police"

DEPARTMENTS = (
    "Professional Standards",
    "Human Resources",
    "Finance",
    "Intelligence",
    "Operations",
    "Corporate Communications",
    "Custody",
    "Legal Services",
    "Fleet and Estates",
)

#: Where each department's answers come from, for the answer texts.
_SYSTEMS = {
    "Professional Standards": "the professional standards case system",
    "Human Resources": "the HR and payroll system",
    "Finance": "the finance ledger",
    "Intelligence": "the crime recording system",
    "Operations": "the command and control system",
    "Corporate Communications": "the press office log",
    "Custody": "the custody record system",
    "Legal Services": "the civil claims register",
    "Fleet and Estates": "the fleet and estates management system",
}

# --- request 190A/23 (shared/seed/000_2ad7f8b4d19a12d5.txt) -----------------------------------

SEED_REFERENCE = "190A/23"
SEED_TITLE = "Officer alleged sexual offences or domestic violence"
#: Friday 20 January 2023, 10:14 in London. The request cites the Met's clarification of 18
#: January 2023, so it cannot be earlier; the response's reference number puts it in January.
SEED_RECEIVED = (date(2023, 1, 20), time(10, 14))
#: Thursday 16 February 2023: one working day before the statutory due date (17 February).
SEED_RESPONDED_ON = date(2023, 2, 16)

# The questions as the requester wrote them (typography included); the published response
# answers 1 and 2 together (NCND) and 3 and 4 by an attached table.
SEED_QUESTIONS = (
    "How many cases of alleged sexual offences or domestic violence involving your forces police "
    "officers and other staff are currently under live investigation?",
    "How many of your forces police officers and other staff are currently under live "
    "investigation for alleged sexual offences or domestic violence?",
    "How many of your forces police officers and police staff have been sacked over the past five "
    "financial years (2023/2022, 2022/2021, 2021/2020, 2020/2019, 2019/2018) for misconduct "
    "related to sexual or domestic abuse?",
    "Is your force currently carrying out a review of completed cases of alleged sexual offences "
    "or domestic violence involving officers and other staff?\n\n"
    "If yes, what number of cases of alleged sexual offences or domestic violence involving what "
    "number of your police force\u2019s officers and police staff is your police force currently "
    "reviewing?",
)
#: Background to question 4: it is not itself a question, so it is kept apart from the text.
SEED_Q4_CONTEXT = (
    "For context: On 16thJanuary 2023, it was reported that the Metropolitan Police announced that "
    "a total of 1,633 cases of alleged sexual offences or domestic violence involving 1,071 "
    "officers and other staff are being assessed.\n\n"
    "On 18thJanuary 2023, the Met released a clarification. They said \u2018assessed\u2019 in this "
    "context meant a review of already completed cases from previous years, and these cases were "
    "not live ongoing investigations. The full clarification is explained in this link:\n\n"
    "https://news.met.police.uk/news/clarification-on-our-review-of-previously-completed-"
    "misconduct-cases-460483"
)
SEED_REQUEST_TEXT = "\n\n".join(
    [
        f"1. {SEED_QUESTIONS[0]}",
        f"2. {SEED_QUESTIONS[1]}",
        f"3. {SEED_QUESTIONS[2]}",
        f"4. {SEED_Q4_CONTEXT}",
        SEED_QUESTIONS[3],
    ]
)
#: What Professional Standards returned for each question, and the hours it took.
SEED_ANSWERS = (
    (
        "Live cases extracted from the professional standards case system (sexual offence and "
        "domestic abuse categories); extract held by PSD. PSD advises neither confirm nor deny: "
        "confirming could alert the subjects of live investigations (s30(3), s31(3), s38(2), "
        "s40(5)).",
        Decimal("2.00"),
    ),
    (
        "Same extract as question 1, counted by individual. Same advice: neither confirm nor deny.",
        Decimal("0.50"),
    ),
    (
        "Dismissals for misconduct relating to sexual or domestic abuse, financial years 2018/19 "
        "to 2022/23: table attached (officers and staff in separate columns).",
        Decimal("3.50"),
    ),
    (
        "Review of completed cases: see the second sheet of the attached table.",
        Decimal("1.00"),
    ),
)

# --- the fictional requests -------------------------------------------------------------------

#: How many generated requests end in each state (190A/23 adds one more "responded").
STATE_COUNTS: dict[RequestState, int] = {
    S.RECEIVED: 12,
    S.ACKNOWLEDGED: 18,
    S.AWAITING_CLARIFICATION: 9,
    S.AWAITING_FEE: 5,
    S.WITH_DEPARTMENT: 36,
    S.DRAFTING: 22,
    S.AWAITING_APPROVAL: 12,
    S.RESPONDED: 118,
    S.INTERNAL_REVIEW: 12,
    S.WITH_ICO: 5,
    S.CLOSED: 42,
    S.WITHDRAWN: 8,
}
#: Generated requests handled under FOISA (the product serves Scottish authorities too).
FOISA_COUNT = 4
#: Share of the rest drawn from the environmental topics and handled under the EIR.
EIR_SHARE = 0.11


@dataclass(frozen=True)
class Topic:
    """A kind of request a police force gets, paraphrased from real disclosure logs.

    Question texts may use ``{y3}``, ``{y5}`` (the last complete calendar years), ``{ly}``
    (last year), ``{fy3}``, ``{fy5}`` (the last complete financial years) and ``{since}``. A
    question given as ``(text, department)`` is routed somewhere other than ``department``.
    """

    title: str
    department: str
    questions: tuple[str | tuple[str, str], ...]
    eir: bool = False


TOPICS = (
    Topic(
        "Firearms and shotgun certificates",
        "Operations",
        (
            "How many firearm certificates and shotgun certificates were in force on 31 March of "
            "each of the financial years {fy3}?",
            "In each of those years, how many applications for grant or renewal were refused?",
            "How many certificates were revoked in each year, broken down by the reason for "
            "revocation?",
            "What is the current average time between receiving a complete application and "
            "granting the certificate?",
            (
                "How many staff work in the firearms licensing unit, and what is its annual "
                "budget?",
                "Finance",
            ),
        ),
    ),
    Topic(
        "Stop and search",
        "Operations",
        (
            "How many stop and searches did your officers carry out in each calendar year {y3}?",
            "Please break those figures down by the self-defined ethnicity of the person searched.",
            "How many of those searches led to an arrest?",
            "How many searches were carried out under section 60 of the Criminal Justice and "
            "Public Order Act 1994, and how many section 60 authorisations were made?",
            "How many of the people searched were aged under 18?",
        ),
    ),
    Topic(
        "Taser use",
        "Operations",
        (
            "On how many occasions was a Taser drawn, aimed, red-dotted, arced, fired or used in "
            "drive-stun mode in each calendar year {y3}?",
            "How many of those occasions involved a person aged under 18?",
            "How many Taser devices does the force hold, and how many officers are currently "
            "trained to carry one?",
            (
                "How many complaints were recorded about the use of Taser in the same years?",
                "Professional Standards",
            ),
        ),
    ),
    Topic(
        "Police vehicle pursuits",
        "Operations",
        (
            "How many police vehicle pursuits were there in each of the financial years {fy3}?",
            "How many of those pursuits ended in a collision?",
            "How many people were injured or killed as a result of a pursuit?",
            (
                "How many pursuits were referred to the Independent Office for Police Conduct?",
                "Professional Standards",
            ),
        ),
    ),
    Topic(
        "Drones",
        "Operations",
        (
            "How many drones does the force operate, and which makes and models are they?",
            "How many drone deployments were there in {ly}?",
            "Who oversees the force's drone operations?",
            ("What was the total cost of the drone unit in the financial year {fy1}?", "Finance"),
        ),
    ),
    Topic(
        "Misconduct hearings",
        "Professional Standards",
        (
            "How many gross misconduct hearings were held in each of the financial years {fy3}?",
            "How many of those hearings resulted in dismissal without notice?",
            "How many officers resigned or retired before their hearing concluded?",
            "How many hearings were held in public?",
        ),
    ),
    Topic(
        "Officers dismissed for misconduct",
        "Professional Standards",
        (
            "How many police officers and police staff were dismissed for gross misconduct in each "
            "of the financial years {fy5}?",
            "Please give the category of misconduct for each dismissal (for example dishonesty, "
            "discreditable conduct, sexual misconduct).",
            "How many of those dismissed were added to the College of Policing barred list?",
        ),
    ),
    Topic(
        "Overtime costs",
        "Finance",
        (
            "What did the force spend on overtime for police officers in each of the financial "
            "years {fy5}?",
            "What did it spend on overtime for police staff in the same years?",
            "Which ten departments or units had the highest overtime spend in {fy1}?",
            ("How many officers were paid more than 500 hours of overtime in {fy1}?", "Finance"),
        ),
    ),
    Topic(
        "Deaths in police custody",
        "Custody",
        (
            "How many people died in police custody, or within 48 hours of release, in each "
            "calendar year {y5}?",
            "For each death, which custody suite was the person held in?",
            (
                "How many of those deaths were referred to the Independent Office for Police "
                "Conduct?",
                "Professional Standards",
            ),
        ),
    ),
    Topic(
        "Knife crime",
        "Intelligence",
        (
            "How many offences involving a knife or sharp instrument were recorded in each "
            "calendar year {y3}?",
            "Please break the figures down by local policing area.",
            "In how many of those offences was the suspect aged under 18?",
            (
                "How many knife surrender bins does the force maintain, and how many knives were "
                "collected from them in {ly}?",
                "Operations",
            ),
        ),
    ),
    Topic(
        "Live facial recognition",
        "Intelligence",
        (
            "Has the force deployed live facial recognition since {since}?",
            "If so, on what dates and at which locations?",
            "How many alerts were generated, and how many were later judged to be false alerts?",
            "What criteria decide who is placed on a watchlist?",
            (
                "How much has the force spent on facial recognition software since {since}?",
                "Finance",
            ),
        ),
    ),
    Topic(
        "Retrospective facial recognition searches",
        "Intelligence",
        (
            "How many retrospective facial recognition searches of the Police National Database "
            "did the force run in each calendar year {y3}?",
            "How many of those searches produced a possible match?",
            "Does the force hold an equality impact assessment for the use of the technology?",
        ),
    ),
    Topic(
        "Fleet costs",
        "Fleet and Estates",
        (
            "How many vehicles are in the force fleet, broken down by type (marked cars, unmarked "
            "cars, vans, motorcycles, other)?",
            "What was spent on fleet maintenance and repairs in each of the financial years {fy3}?",
            "How many vehicles were written off after collisions in those years?",
        ),
    ),
    Topic(
        "Mobile phone contracts",
        "Finance",
        (
            "Which provider supplies the force's mobile phones and airtime, and when does the "
            "contract end?",
            "How many handsets are currently issued to officers and staff?",
            "What is the annual cost of the contract?",
            "How many handsets were reported lost or stolen in {ly}?",
        ),
    ),
    Topic(
        "Sickness absence",
        "Human Resources",
        (
            "How many working days were lost to sickness absence among police officers in each of "
            "the financial years {fy3}?",
            "What were the five most common recorded reasons for that absence?",
            "How many officers are currently on long-term sickness absence (more than 28 days)?",
            "How many officers are currently on restricted or recuperative duties?",
            "How many of those absences were recorded as stress, anxiety or depression?",
        ),
    ),
    Topic(
        "Vetting",
        "Professional Standards",
        (
            "How many applicants for police officer posts failed vetting in each calendar year "
            "{y3}?",
            "How many serving officers and staff had their vetting clearance withdrawn in the same "
            "years?",
            "How many vetting decisions were appealed, and how many appeals succeeded?",
        ),
    ),
    Topic(
        "Covert human intelligence source payments",
        "Intelligence",
        (
            "How much did the force pay to covert human intelligence sources in each of the "
            "financial years {fy5}?",
            "What was the largest single payment made in that period?",
        ),
    ),
    Topic(
        "Domestic abuse reports",
        "Intelligence",
        (
            "How many domestic abuse incidents and crimes were reported to the force in each "
            "calendar year {y3}?",
            "How many domestic abuse-related arrests were made in the same years?",
            "How many people were charged with a domestic abuse-related offence?",
            "How many Domestic Violence Protection Notices were issued?",
            (
                "How many Domestic Violence Protection Orders were breached in the same years?",
                "Legal Services",
            ),
        ),
    ),
    Topic(
        "Missing persons",
        "Operations",
        (
            "How many reports of missing people did the force receive in each calendar year {y3}?",
            "Please break the figures down by the risk level assessed (high, medium, low, "
            "no apparent risk).",
            "How many of the people reported missing were children in local authority care?",
        ),
    ),
    Topic(
        "Body-worn video",
        "Operations",
        (
            "How many body-worn video cameras does the force have?",
            "Please provide the force's current policy on when body-worn video must be switched "
            "on.",
            (
                "How many complaints in {ly} mentioned that body-worn video was not recording?",
                "Professional Standards",
            ),
        ),
    ),
    Topic(
        "Police equipment",
        "Finance",
        (
            "Which make and model of body-worn camera and personal radio do officers use?",
            "What type of incapacitant spray is issued (CS, PAVA or other), and who makes it?",
            "What is the current standard kit list issued to a response officer?",
        ),
    ),
    Topic(
        "Fixed speed cameras",
        "Operations",
        (
            "Which three fixed speed camera sites issued the most notices of intended prosecution "
            "across the calendar years {y3} taken together?",
            "How many notices did each of those sites issue?",
            "How much was received from speed awareness courses in {fy1}?",
        ),
    ),
    Topic(
        "Community resolutions",
        "Intelligence",
        (
            "How many community resolutions did the force give in each calendar year {y3}?",
            "Please break the figures down by offence type.",
        ),
    ),
    Topic(
        "Officer recruitment and early leavers",
        "Human Resources",
        (
            "How many police constables joined the force through each entry route (degree "
            "apprenticeship, degree holder programme, other) in each of the financial years {fy3}?",
            "How many of those recruits left the force within two years of joining?",
            "What reasons did leavers give in exit interviews?",
        ),
    ),
    Topic(
        "Serving officers with criminal convictions",
        "Human Resources",
        (
            "How many serving police officers have a criminal conviction or caution recorded?",
            "Please give the offence category for each.",
            (
                "How many serving officers are currently under criminal investigation?",
                "Professional Standards",
            ),
        ),
    ),
    Topic(
        "Spit and bite guards",
        "Custody",
        (
            "How many times were spit and bite guards used in each calendar year {y3}?",
            "How many of those uses involved a child?",
            "Where were they used (custody suite, street, vehicle)?",
        ),
    ),
    Topic(
        "Strip searches of children",
        "Custody",
        (
            "How many children were strip searched in custody in each calendar year {y3}?",
            "In how many of those searches was an appropriate adult present?",
            "Please break the figures down by age and ethnicity.",
        ),
    ),
    Topic(
        "101 and 999 call answering",
        "Operations",
        (
            "What was the average time taken to answer 101 calls in each month of {ly}?",
            "How many 101 calls were abandoned before being answered in each month?",
            "What percentage of 999 calls were answered within ten seconds in {ly}?",
        ),
    ),
    Topic(
        "Civil claims and compensation",
        "Legal Services",
        (
            "How many civil claims were brought against the force in each of the financial years "
            "{fy3}?",
            "How much was paid in damages and settlements in each of those years?",
            "How many of the claims were for wrongful arrest or false imprisonment?",
            "What were the force's own legal costs for defending claims in {fy1}?",
            "What was the largest single settlement paid in that period?",
        ),
    ),
    Topic(
        "Employment tribunal claims",
        "Legal Services",
        (
            "How many employment tribunal claims were brought against the force by officers or "
            "staff in each calendar year {y3}?",
            "How many claims alleged discrimination, and on which protected characteristic?",
            "How much was paid out in settlements and awards?",
        ),
    ),
    Topic(
        "Press office staffing and social media spend",
        "Corporate Communications",
        (
            "How many people work in the corporate communications department, and what is its "
            "annual salary cost?",
            "How much did the force spend on paid social media advertising in {ly}?",
            "Please list the recruitment advertising campaigns run since {since} and their costs.",
        ),
    ),
    Topic(
        "Police dogs",
        "Operations",
        (
            "How many police dogs does the force have, broken down by breed and role?",
            "How many dogs retired in each calendar year {y3}, and what happens to them?",
            ("What was the annual cost of the dog unit in {fy1}?", "Finance"),
        ),
    ),
    Topic(
        "Hate crime",
        "Intelligence",
        (
            "How many hate crimes were recorded in each calendar year {y3}?",
            "Please break the figures down by the strand of hate (race, religion, sexual "
            "orientation, disability, transgender identity).",
            "How many of those crimes resulted in a charge?",
        ),
    ),
    Topic(
        "Spiking offences",
        "Intelligence",
        (
            "How many reports of spiking by drink and by needle did the force receive in each "
            "calendar year {y3}?",
            "How many of those reports led to an arrest or a charge?",
        ),
    ),
    Topic(
        "Shoplifting",
        "Intelligence",
        (
            "How many shoplifting offences were recorded in each calendar year {y3}?",
            "How many of those offences were attended by an officer?",
            "How many resulted in a charge or summons?",
        ),
    ),
    Topic(
        "Police station front counters",
        "Fleet and Estates",
        (
            "Which police station front counters have closed since {since}?",
            "What are the current opening hours of each front counter still open?",
            (
                "How much has the force received from selling police buildings since {since}?",
                "Finance",
            ),
        ),
    ),
    Topic(
        "Air support requests",
        "Operations",
        (
            "How many times did the force request support from the National Police Air Service "
            "in {ly}?",
            "How many of those requests were declined or not attended?",
            ("What did the force pay towards the National Police Air Service in {fy1}?", "Finance"),
        ),
    ),
    Topic(
        "Interpreter costs",
        "Finance",
        (
            "How much did the force spend on interpreters and translation in each of the "
            "financial years {fy3}?",
            "Which ten languages were most often requested?",
        ),
    ),
    Topic(
        "Detentions under section 136 of the Mental Health Act",
        "Custody",
        (
            "How many people were detained under section 136 of the Mental Health Act 1983 in each "
            "calendar year {y3}?",
            "How many were taken to a police station rather than a health-based place of safety?",
            "How many of those detained were aged under 18?",
        ),
    ),
    Topic(
        "Officers' business interests",
        "Professional Standards",
        (
            "How many officers and staff have a registered business interest or second job?",
            "How many applications for a business interest were refused in {ly}?",
            "Please list the types of business interest approved (for example driving "
            "instructor, personal trainer).",
        ),
    ),
    Topic(
        "Gifts and hospitality",
        "Professional Standards",
        (
            "Please provide the force's gifts and hospitality register for {ly}.",
            "How many offers of gifts or hospitality were declined in that year?",
        ),
    ),
    Topic(
        "Agency staff and consultants",
        "Finance",
        (
            "How much did the force spend on agency staff in each of the financial years {fy3}?",
            "How much did it spend on management consultants in the same years, and with which "
            "firms?",
            ("How many agency workers were engaged on 1 April {ly}?", "Human Resources"),
        ),
    ),
    Topic(
        "Arrests of children",
        "Custody",
        (
            "How many children aged 10 to 17 were arrested in each calendar year {y3}?",
            "How many of those children were held in custody overnight?",
            "Please break the figures down by age and ethnicity.",
        ),
    ),
    Topic(
        "Officers' use of social media",
        "Professional Standards",
        (
            "How many complaints or conduct matters about officers' or staff's use of social media "
            "were recorded in each calendar year {y3}?",
            "How many of those cases led to a written warning or dismissal?",
            (
                "Please provide the force's social media policy for staff.",
                "Corporate Communications",
            ),
        ),
    ),
    # Environmental information (EIR reg 2(1)): energy, emissions, land and the fleet.
    Topic(
        "Energy use of police buildings",
        "Fleet and Estates",
        (
            "What was the electricity and gas consumption (kWh) of each police building in each "
            "of the financial years {fy3}?",
            "How many police buildings have solar panels, and how much electricity did they "
            "generate in {fy1}?",
            "What were the force's total greenhouse gas emissions reported for {fy1}?",
        ),
        eir=True,
    ),
    Topic(
        "Electric vehicles in the police fleet",
        "Fleet and Estates",
        (
            "How many fully electric and hybrid vehicles does the force operate?",
            "How many vehicle charging points are installed at police sites?",
            "What were the fleet's total carbon dioxide emissions in {fy1}?",
            "Does the force have a target date for a zero-emission fleet?",
        ),
        eir=True,
    ),
    Topic(
        "Lead contamination at firearms ranges",
        "Fleet and Estates",
        (
            "Has soil or water at the force's firearms training ranges been tested for lead since "
            "{since}?",
            "Please provide the results of any such testing.",
            "How is spent ammunition collected and disposed of?",
        ),
        eir=True,
    ),
    Topic(
        "Fuel used by police vehicles",
        "Fleet and Estates",
        (
            "How many litres of diesel and of petrol did the police fleet use in each of the "
            "financial years {fy3}?",
            "What guidance are officers given on leaving engines idling?",
        ),
        eir=True,
    ),
    Topic(
        "Weedkiller use on police land",
        "Fleet and Estates",
        (
            "Which herbicides and pesticides were used on police land in {ly}, and in what "
            "quantities?",
            "Does the force's grounds maintenance contract restrict the use of glyphosate?",
        ),
        eir=True,
    ),
)

#: What departments return: (text, hours range, weight). ``{system}`` is the department's.
_ANSWERS = (
    (
        "Figures extracted from {system} for the period asked; spreadsheet attached (one sheet, "
        "totals checked).",
        (0.5, 4.0),
        6,
    ),
    (
        "Held. Table attached; counts under five are marked for the FOI team to consider "
        "suppression.",
        (1.0, 5.0),
        4,
    ),
    (
        "Not held: {system} does not record this, and no other record holds it in a form that "
        "can be retrieved.",
        (0.25, 1.0),
        2,
    ),
    (
        "Partly held: {system} only holds this from April {since_year}; earlier records were "
        "deleted under the retention schedule.",
        (1.0, 3.0),
        2,
    ),
    (
        "Held, but only by reading each record by hand: the estimate is the hours shown. Please "
        "consider the cost limit (s12).",
        (16.0, 30.0),
        1,
    ),
    ("Current policy document attached. It is already on the force website.", (0.25, 0.5), 1),
)

_INTRO = {
    RegimeChoice.FOIA: "Under the Freedom of Information Act 2000, please provide the following.",
    RegimeChoice.EIR: "Under the Environmental Information Regulations 2004, please provide the "
    "following.",
    RegimeChoice.FOISA: "Under the Freedom of Information (Scotland) Act 2002, please provide the "
    "following.",
}


@dataclass(frozen=True)
class Person:
    """A fictional requester. ``weight`` makes some write often, as journalists do."""

    name: str
    email: str = ""
    organisation: str = ""
    channel: str = Channel.EMAIL
    weight: int = 1
    phone: str = ""
    address: str = ""


_J = "Midlands Ledger"
PEOPLE = (
    Person("Rosa Kettering", "rosa.kettering@example.org", _J, weight=4),
    Person("Callum Featherstone", "c.featherstone@example.org", _J, weight=4),
    Person("Imogen Thwaite", "imogen.thwaite@example.com", "Foundry News Agency", weight=5),
    Person("Dev Rathore", "dev.rathore@example.net", "Canal Street Press", weight=4),
    Person("Bronwen Ashdown", "data@tinlane.example.org", "Tin Lane Data Desk", weight=5),
    Person(
        "Open Policing Project",
        "foi@openpolicing.example.org",
        "Open Policing Project",
        Channel.WHATDOTHEYKNOW,
        weight=5,
    ),
    Person("Kieran Oduya", "request-7731-kieran@foi.example.org", "", Channel.WHATDOTHEYKNOW, 3),
    Person("Marguerite Llewellin", "mllewellin@example.com", "Harbourne Research Unit", weight=3),
    Person("Tobias Wren", "tobias.wren@example.net", "", Channel.WEB_FORM, 2),
    Person("Sunita Varsani", "sunita.v@example.org", "", Channel.WEB_FORM, 2),
    Person("Eamon Quarrie", "request-8104-eamon@foi.example.org", "", Channel.WHATDOTHEYKNOW, 2),
    Person("Lydia Proudfoot", "lydia.proudfoot@example.com", "", Channel.WEB_FORM),
    Person("Hamish Corrigan", "hamish.corrigan@example.net"),
    Person("Yasmin Eldridge", "y.eldridge@example.org", "Streetwise Data Collective", weight=3),
    Person("Felix Ambrose", "felix.ambrose@example.com", "", Channel.WEB_FORM),
    Person("Nia Gethin", "nia.gethin@example.org"),
    Person("Patrick Dunmore", "request-8350-patrick@foi.example.org", "", Channel.WHATDOTHEYKNOW),
    Person("Ruth Abernethy", "ruth.abernethy@example.net", "", Channel.WEB_FORM),
    Person("Samir Haddadi", "samir.haddadi@example.com", "Foundry News Agency", weight=2),
    Person("Catrin Moseley", "catrin.moseley@example.org", "", Channel.WEB_FORM),
    Person(
        "Gordon Pilbeam",
        "",
        "",
        Channel.POST,
        phone="0121 496 0417",
        address="14 Sample Row, Birmingham",
    ),
    Person("Zara Linford", "zara.linford@example.com"),
    Person("Oluwaseun Adeyemi-Price", "o.adeyemiprice@example.org", "", Channel.WEB_FORM),
    Person("Ivo Trelawny", "ivo.trelawny@example.net", "Canal Street Press"),
    Person("Maisie Garlick", "request-8622-maisie@foi.example.org", "", Channel.WHATDOTHEYKNOW),
    Person("Anwen Price-Jarvis", "anwen.pj@example.com", "", Channel.WEB_FORM),
    Person("Declan Mahoney", "declan.mahoney@example.org"),
    Person(
        "Edith Carrow",
        "",
        "",
        Channel.POST,
        address="Flat 3, 9 Example Terrace, Wolverhampton",
    ),
    Person("Ravi Chandarana", "ravi.chandarana@example.net", "", Channel.WEB_FORM),
    Person("Lowri Bevington", "lowri.bevington@example.org", "Harbourne Research Unit"),
    Person("Jasper Whitcombe", "jasper.whitcombe@example.com", "", Channel.WEB_FORM),
    Person("Ngozi Ebelechukwu", "request-8911-ngozi@foi.example.org", "", Channel.WHATDOTHEYKNOW),
    Person("Fergus Lambourne", "fergus.lambourne@example.net"),
    Person("Harriet Vosper", "harriet.vosper@example.org", "", Channel.WEB_FORM),
    Person("Aled Cadwaladr", "aled.cadwaladr@example.com"),
    Person(
        "Beatrix Holloway",
        "",
        "",
        Channel.POST,
        phone="0121 496 0782",
        address="2 Demo Close, Coventry",
    ),
    Person("Mustafa Karadeniz", "mustafa.karadeniz@example.org", "", Channel.WEB_FORM),
    Person("Tamsin Orrell", "tamsin.orrell@example.net", "Streetwise Data Collective"),
    Person("Cormac Fitzgibbon", "request-9240-cormac@foi.example.org", "", Channel.WHATDOTHEYKNOW),
    Person("Philippa Staunton", "philippa.staunton@example.com", "", Channel.WEB_FORM),
)
#: The requester of 190A/23: a journalist, made up.
SEED_REQUESTER = PEOPLE[0]

_REASONS_WITHDRAWN = (
    "The requester withdrew the request by email.",
    "The requester found the information in the force's published statistics.",
    "The requester said a colleague had already made the same request.",
)
_REASONS_REVIEW = (
    "The requester asked for an internal review of the refusal under s31.",
    "The requester asked for an internal review: they think more information is held.",
    "The requester asked for an internal review of the cost limit refusal (s12).",
)
_FEE_RULE = {
    RegimeChoice.FOIA: "FOIA s9; Fees Regs reg 6",
    RegimeChoice.EIR: "EIR reg 8",
    RegimeChoice.FOISA: "FOISA s9",
}
_CLARIFICATION_NOTES = (
    "Asked which years and which local policing areas the request means.",
    "Asked whether 'incidents' means recorded crimes or calls for service.",
    "Asked the requester to describe the document they want; the title given matches none.",
    "Asked whether the request covers police staff as well as officers.",
)


# --- the plan ----------------------------------------------------------------------------------


#: ``Step.count`` for "answer every question" (linking may change how many there are).
ALL = 99


@dataclass
class Step:
    """One thing done to a planned request, in order, through a service."""

    action: str  # "state", "event", "route" or "answer"
    state: str = ""
    reason: str = ""
    actor: str = "officer"
    kind: str = ""
    on: date | None = None
    extended_to: date | None = None
    note: str = ""
    #: "answer": how many questions (from the first) the departments answer, or ``ALL``.
    count: int = 0


@dataclass
class Spec:
    """A planned request: everything needed to log it and walk it to its state."""

    state: RequestState
    regime: str
    topic: Topic
    n_questions: int
    person: Person
    channel: str
    received: date
    received_at: datetime | None = None
    officer: str | None = "officer"
    steps: list[Step] = field(default_factory=list)
    responded_on: date | None = None
    answered_on: date | None = None
    text_date: date | None = None  # the date the question periods are worked out from
    links: list[tuple[str, int]] = field(default_factory=list)  # (kind, group) memberships
    intro: bool = True  # whether the request text opens by naming the law

    @property
    def questions(self) -> list[tuple[str, str]]:
        """(text, department) for each question, periods filled in for ``text_date``."""
        periods = _periods(self.text_date or self.received)
        out = []
        for item in self.topic.questions[: self.n_questions]:
            text, department = item if isinstance(item, tuple) else (item, self.topic.department)
            out.append((text.format(**periods), department))
        return out

    @property
    def request_text(self) -> str:
        questions = [text for text, _ in self.questions]
        if len(questions) == 1:
            return questions[0]
        body = "\n\n".join(f"{n}. {text}" for n, text in enumerate(questions, start=1))
        if not self.intro:
            return body
        return f"{_INTRO[RegimeChoice(self.regime)]}\n\n{body}"


def _fy(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def _periods(day: date) -> dict[str, str]:
    """Periods a requester would name on ``day``: complete calendar and financial years."""
    y = day.year
    # The last complete financial year ends on 31 March before ``day``.
    last_fy = y - 1 if day.month >= 4 else y - 2

    def years(n: int) -> str:
        items = [str(y - k) for k in range(n, 0, -1)]
        return ", ".join(items[:-1]) + " and " + items[-1]

    def fys(n: int) -> str:
        items = [_fy(last_fy - k) for k in range(n - 1, -1, -1)]
        return ", ".join(items[:-1]) + " and " + items[-1]

    return {
        "y3": years(3),
        "y5": years(5),
        "ly": str(y - 1),
        "fy1": _fy(last_fy),
        "fy3": fys(3),
        "fy5": fys(5),
        "since": f"1 January {y - 2}",
    }


class _Planner:
    """Plans requests relative to ``today``; every choice comes from one seeded generator."""

    def __init__(self, today: date, now: datetime) -> None:
        self.rng = random.Random(DEMO_SEED)  # noqa: S311 - reproducible demo data, not security
        self.today = today
        self.now = now
        self.topics = {
            "eir": [t for t in TOPICS if t.eir],
            "other": [t for t in TOPICS if not t.eir],
        }
        self.people_weights = [p.weight for p in PEOPLE]

    # Dates -------------------------------------------------------------------------------------

    def cal(self, regime: str) -> Calendar:
        return default_calendar(regime)

    def back(self, regime: str, n: int) -> date:
        """The n-th working day before today (today itself for 0)."""
        return self.cal(regime).subtract_working_days(self.today, n) if n else self.today

    def fwd(self, regime: str, day: date, n: int) -> date:
        """The n-th working day after ``day``, never later than today."""
        return min(self.cal(regime).add_working_days(day, n), self.today)

    def open_age(self, lo: int) -> int:
        """Working days since the clock started for an open request: some overdue, some due
        within the next five working days, the rest comfortably in time."""
        r = self.rng.random()
        if r < 0.28:
            return self.rng.randint(21, 32)
        if r < 0.55:
            return self.rng.randint(15, 20)
        return self.rng.randint(lo, 14)

    # The request -------------------------------------------------------------------------------

    def plan(self) -> list[Spec]:
        states = [state for state, count in STATE_COUNTS.items() for _ in range(count)]
        self.rng.shuffle(states)
        foisa = set(self.rng.sample(range(len(states)), FOISA_COUNT))
        specs = []
        for i, state in enumerate(states):
            if i in foisa:
                regime = RegimeChoice.FOISA
            elif self.rng.random() < EIR_SHARE:
                regime = RegimeChoice.EIR
            else:
                regime = RegimeChoice.FOIA
            pool = self.topics["eir" if regime == RegimeChoice.EIR else "other"]
            topic = self.rng.choice(pool)
            person = self.rng.choices(PEOPLE, weights=self.people_weights)[0]
            spec = Spec(
                state=state,
                regime=regime,
                topic=topic,
                n_questions=self._question_count(topic),
                person=person,
                channel=self._channel(person),
                received=self.today,
                intro=self.rng.random() < 0.6,
            )
            self._timeline(spec)
            specs.append(spec)
        specs.sort(key=lambda s: (s.received, s.state))
        self._group_links(specs)
        for spec in specs:
            spec.received_at = self._received_at(spec)
        specs.sort(key=lambda s: s.received_at)
        return specs

    def _question_count(self, topic: Topic) -> int:
        n = self.rng.choices((1, 2, 3, 4, 5), weights=(14, 24, 28, 20, 14))[0]
        return min(n, len(topic.questions))

    def _channel(self, person: Person) -> str:
        if person.channel == Channel.POST or self.rng.random() < 0.85:
            return person.channel
        return self.rng.choice([Channel.EMAIL, Channel.WEB_FORM])

    def _received_at(self, spec: Spec) -> datetime:
        tz = timezone.get_current_timezone()
        day = spec.received
        # Web forms and WhatDoTheyKnow arrive at weekends too (the day of receipt need not be a
        # working day: FOIA s10(6), rules T5-T7). Move some Monday receipts back a day or two.
        if (
            spec.channel in (Channel.WEB_FORM, Channel.WHATDOTHEYKNOW)
            and day.weekday() == 0
            and day < self.today
            and not spec.links
            and self.rng.random() < 0.5
        ):
            day -= timedelta(days=self.rng.choice((1, 2)))
        if spec.channel == Channel.POST:
            moment = time(self.rng.randint(9, 11), self.rng.choice((0, 15, 30, 45)))
        else:
            moment = time(self.rng.randint(7, 21), self.rng.randint(0, 59))
        at = datetime.combine(day, moment, tzinfo=tz)
        if at > self.now:  # received today: not after the moment the demo is loaded
            at = (self.now - timedelta(minutes=7)).astimezone(tz)
        return at

    def _timeline(self, spec: Spec) -> None:
        """Choose when the request arrived and the steps that brought it to its state."""
        rng, regime, state = self.rng, spec.regime, spec.state
        foia = regime == RegimeChoice.FOIA
        steps = spec.steps
        ack = Step("state", S.ACKNOWLEDGED)
        route = Step("route")
        to_dept = Step("state", S.WITH_DEPARTMENT)
        everything = Step("answer", count=ALL)

        def sought(on: date) -> Step:
            return Step(
                "event", kind=K.CLARIFICATION_SOUGHT, on=on, note=rng.choice(_CLARIFICATION_NOTES)
            )

        def fee_notice(on: date) -> Step:
            pages = rng.randint(60, 240)
            spec.answered_on = on  # the department's estimate came back before the notice
            return Step(
                "event",
                kind=K.FEE_NOTICE,
                on=on,
                note=f"Fees notice for disbursements: printing and posting {pages} pages, "
                f"\u00a3{pages * 0.10 + 4.20:.2f} ({_FEE_RULE[RegimeChoice(regime)]}).",
            )

        def with_clarification(start: date, received: date) -> None:
            """Clarification sought after receipt and received on ``start`` (clock restarts)."""
            spec.received = received
            asked = self.fwd(regime, received, rng.randint(1, 2))
            steps.extend([ack, sought(asked)])
            steps.append(Step("event", kind=K.CLARIFICATION_RECEIVED, on=max(start, asked)))

        def worked(n_start: int, *, clarify: float = 0.1, fee: float = 0.0) -> date:
            """Receipt n_start working days ago, then to the department; return the clock start."""
            start = self.back(regime, n_start)
            roll = rng.random()
            if roll < clarify:
                gap = rng.randint(3, 9)
                with_clarification(start, self.cal(regime).subtract_working_days(start, gap))
                steps.extend([route, to_dept])
            elif roll < clarify + fee and regime != RegimeChoice.EIR:
                paused = rng.randint(4, 10)
                spec.received = self.back(regime, n_start + paused)
                notice = self.fwd(regime, spec.received, rng.randint(3, 6))
                steps.extend([ack, route, to_dept, Step("answer", count=1), fee_notice(notice)])
                steps.append(Step("event", kind=K.FEE_PAID, on=self.fwd(regime, notice, paused)))
            else:
                spec.received = start
                steps.extend([ack, route, to_dept])
            return start

        def answered(start: date, latest: date) -> None:
            spec.answered_on = min(self.fwd(regime, start, rng.randint(3, 11)), latest)
            steps.append(everything)

        def responded(n_lo: int, n_hi: int, *, late: float = 0.05) -> date:
            """A full history up to the response; return the date of the response."""
            n = rng.randint(n_lo, n_hi)
            pit = foia and rng.random() < 0.03 and n > 45
            eir_ext = regime == RegimeChoice.EIR and rng.random() < 0.35 and n > 45
            start = worked(n, clarify=0.08, fee=0.04 if not (pit or eir_ext) else 0.0)
            if pit or eir_ext:
                took = rng.randint(24, 39)
            elif rng.random() < late:
                took = rng.randint(21, 32)
            else:
                took = rng.randint(5, 20)
            # After a fee pause ``start`` is already as late as the paused days make the clock.
            on = self.fwd(regime, start, took)
            if on >= self.today:
                on = self.back(regime, 1)
            answered(start, on)
            steps.append(Step("state", S.DRAFTING))
            if pit:
                day20 = self.cal(regime).add_working_days(start, 20)
                steps.append(
                    Step(
                        "event",
                        kind=K.PIT_EXTENSION,
                        on=day20,
                        extended_to=self.cal(regime).add_working_days(start, 40),
                        note="s17(2) notice sent: s31 public interest test needs more time.",
                    )
                )
            if eir_ext:
                steps.append(
                    Step(
                        "event",
                        kind=K.EIR_EXTENSION,
                        on=self.fwd(regime, start, rng.randint(10, 19)),
                        note="Complex and voluminous: building-by-building data from three "
                        "contractors (reg 7).",
                    )
                )
            steps.append(Step("state", S.AWAITING_APPROVAL))
            steps.append(Step("state", S.RESPONDED, actor="approver"))
            spec.responded_on = on
            return on

        if state == S.RECEIVED:
            spec.received = self.back(regime, rng.choice((0, 0, 0, 1, 1, 2, 3)))
            spec.officer = rng.choice(("officer", "officer2", None, None))
        elif state == S.ACKNOWLEDGED:
            spec.received = self.back(regime, rng.randint(1, 12))
            steps.append(ack)
            if rng.random() < 0.4:
                steps.append(route)
        elif state == S.AWAITING_CLARIFICATION:
            spec.received = self.back(regime, rng.randint(3, 45))
            if rng.random() < 0.6:
                steps.append(ack)
            steps.append(sought(self.fwd(regime, spec.received, rng.randint(1, 3))))
        elif state == S.AWAITING_FEE:
            spec.received = self.back(regime, rng.randint(8, 45))
            notice = self.fwd(regime, spec.received, rng.randint(4, 9))
            steps.extend([ack, route, to_dept, Step("answer", count=1), fee_notice(notice)])
        elif state == S.WITH_DEPARTMENT:
            if regime == RegimeChoice.EIR and rng.random() < 0.5:
                spec.received = self.back(regime, rng.randint(21, 36))
                steps.extend([ack, route, to_dept])
                steps.append(
                    Step(
                        "event",
                        kind=K.EIR_EXTENSION,
                        on=self.fwd(regime, spec.received, rng.randint(12, 19)),
                        note="Complex and voluminous: readings for every site are needed (reg 7).",
                    )
                )
            else:
                worked(self.open_age(2), clarify=0.2, fee=0.1 if foia else 0.0)
            partly = rng.randint(0, spec.n_questions - 1)
            if partly and not any(s.action == "answer" for s in steps):
                spec.answered_on = self.today
                steps.append(Step("answer", count=partly))
        elif state == S.DRAFTING:
            pit = foia and rng.random() < 0.2
            start = worked(rng.randint(21, 30) if pit else self.open_age(6), clarify=0.15)
            answered(start, self.today)
            steps.append(Step("state", S.DRAFTING))
            if pit:
                steps.append(
                    Step(
                        "event",
                        kind=K.PIT_EXTENSION,
                        on=self.cal(regime).add_working_days(start, 20),
                        extended_to=self.cal(regime).add_working_days(start, 40),
                        note="s17(2) notice sent: the s30 public interest test needs more time.",
                    )
                )
        elif state == S.AWAITING_APPROVAL:
            start = worked(self.open_age(9), clarify=0.1)
            answered(start, self.today)
            steps.extend([Step("state", S.DRAFTING), Step("state", S.AWAITING_APPROVAL)])
            if rng.random() < 0.25:
                steps.append(
                    Step(
                        "state",
                        S.DRAFTING,
                        actor="approver",
                        reason="Please set out the harm under s31 before the public interest "
                        "factors.",
                    )
                )
                steps.append(Step("state", S.AWAITING_APPROVAL))
        elif state == S.RESPONDED:
            responded(22, 285)
        elif state == S.INTERNAL_REVIEW:
            responded(30, 90, late=0.2)
            steps.append(Step("state", S.INTERNAL_REVIEW, reason=rng.choice(_REASONS_REVIEW)))
        elif state == S.WITH_ICO:
            responded(90, 260, late=0.2)
            case = f"IC-{rng.randint(100000, 399999)}-{rng.choice('BCDFGHJK')}{rng.randint(1, 9)}"
            steps.append(Step("state", S.INTERNAL_REVIEW, reason=rng.choice(_REASONS_REVIEW)))
            steps.append(
                Step("state", S.RESPONDED, reason="Internal review outcome sent: decision upheld.")
            )
            steps.append(Step("state", S.WITH_ICO, reason=f"ICO case reference {case}."))
        elif state == S.CLOSED:
            roll = rng.random()
            if roll < 0.1:
                spec.received = self.back(regime, rng.randint(70, 285))
                steps.extend([ack, sought(self.fwd(regime, spec.received, rng.randint(1, 3)))])
                steps.append(
                    Step(
                        "state",
                        S.CLOSED,
                        reason="No reply to the request for clarification (s1(3)).",
                    )
                )
            elif roll < 0.18 and regime != RegimeChoice.EIR:
                spec.received = self.back(regime, rng.randint(90, 285))
                notice = self.fwd(regime, spec.received, rng.randint(4, 9))
                steps.extend([ack, route, to_dept, Step("answer", count=1), fee_notice(notice)])
                steps.append(
                    Step("state", S.CLOSED, reason="Fee not paid within three months (s9(2)).")
                )
            elif roll < 0.3:
                responded(100, 285)
                steps.append(Step("state", S.INTERNAL_REVIEW, reason=rng.choice(_REASONS_REVIEW)))
                steps.append(
                    Step(
                        "state",
                        S.RESPONDED,
                        reason="Internal review outcome sent: more information disclosed.",
                    )
                )
                steps.append(Step("state", S.CLOSED))
            else:
                responded(40, 285)
                steps.append(Step("state", S.CLOSED))
        elif state == S.WITHDRAWN:
            spec.received = self.back(regime, rng.randint(3, 250))
            if rng.random() < 0.7:
                steps.append(ack)
                if rng.random() < 0.4:
                    steps.extend([route, to_dept])
            steps.append(Step("state", S.WITHDRAWN, reason=rng.choice(_REASONS_WITHDRAWN)))
        if state != S.RECEIVED:
            spec.officer = rng.choice(("officer", "officer2"))

    def _group_links(self, specs: list[Spec]) -> None:
        """Make some neighbours (by date of receipt) into linked requests.

        Round robins: the same text from several requesters within days (a campaign's template).
        Aggregated: one requester asking related questions of one department within 60 working
        days, which the Fees Regs reg 5 lets the force add together for the cost limit.
        """
        used: set[int] = set()
        candidates = [
            i
            for i in range(len(specs) - 3)
            if all(s.regime == RegimeChoice.FOIA for s in specs[i : i + 3])
        ]
        groups = 0
        for i in self.rng.sample(candidates, len(candidates)):
            if groups >= 7:
                break
            members = list(range(i, i + (3 if groups % 2 == 0 else 2)))
            if used & set(range(i - 1, i + 4)):
                continue
            anchor = specs[i]
            if groups < 4:  # round robin
                people = self.rng.sample(PEOPLE, len(members))
                for index, person in zip(members, people, strict=True):
                    member = specs[index]
                    member.topic, member.n_questions = anchor.topic, anchor.n_questions
                    member.person, member.channel = person, self._channel(person)
                    member.text_date, member.intro = anchor.received, anchor.intro
                    member.links.append((LinkKind.ROUND_ROBIN, groups))
            else:  # aggregated: same requester, same department, another topic
                same_department = [
                    t
                    for t in self.topics["other"]
                    if t.department == anchor.topic.department and t is not anchor.topic
                ]
                if not same_department:
                    continue
                second = specs[members[-1]]
                second.person, second.channel = anchor.person, anchor.channel
                second.topic = self.rng.choice(same_department)
                second.n_questions = self._question_count(second.topic)
                for index in (members[0], members[-1]):
                    specs[index].links.append((LinkKind.AGGREGATED, groups))
            used.update(members)
            groups += 1


def demo_plan(*, today: date, now: datetime) -> list[Spec]:
    """The generated requests for a load on ``today`` at ``now``, oldest first (pure)."""
    return _Planner(today, now).plan()


# --- writing it through the services -----------------------------------------------------------


def _authority() -> Authority:
    authority = Authority.current()
    authority.name = AUTHORITY_NAME
    authority.default_regime = RegimeChoice.FOIA
    authority.reference_pattern = "{seq}A/{yy}"
    authority.cost_limit = CostLimit.POUNDS_450
    authority.weekend_receipt = WeekendReceiptChoice.ICO
    authority.save()
    return authority


def _departments() -> dict[str, Department]:
    return {name: Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS}


class _Writer:
    def __init__(self, departments: dict[str, Department]) -> None:
        self.departments = departments
        self.users = {u.username: u for u in User.objects.all()}
        self.contacts = {d.name: d.contacts.order_by("pk").first() for d in departments.values()}
        for name, contact in self.contacts.items():
            if contact is None:
                raise services.RegisterError(f"The demo department {name} has no contact")
        self.rng = random.Random(DEMO_SEED)  # noqa: S311 - reproducible demo data
        self.responded: dict[int, date] = {}
        self.answered: dict[int, datetime] = {}

    def create(self, spec: Spec) -> Request:
        officer = self.users[spec.officer] if spec.officer else None
        person = spec.person
        request = services.request_create(
            actor=officer or self.users["officer"],
            title=spec.topic.title,
            received_at=spec.received_at,
            regime=spec.regime,
            channel=spec.channel,
            request_text=spec.request_text,
            requester=NewRequester(
                name=person.name,
                email=person.email,
                phone=person.phone,
                address=person.address,
                organisation=person.organisation,
            ),
            questions=[NewQuestion(text=text) for text, _ in spec.questions],
            assigned_officer=officer,
        )
        questions = list(request.questions.order_by("number"))
        for step in spec.steps:
            # "officer" in a plan means whoever handles the case.
            actor = officer if step.actor == "officer" and officer else self.users[step.actor]
            if step.action == "state":
                request = services.request_transition(
                    actor=actor, request=request, to_state=step.state, reason=step.reason
                )
            elif step.action == "event":
                services.clock_event_record(
                    actor=actor,
                    request=request,
                    kind=step.kind,
                    on=step.on,
                    extended_to=step.extended_to,
                    note=step.note,
                )
                request.refresh_from_db()
            elif step.action == "route":
                for question, (_, department) in zip(questions, spec.questions, strict=True):
                    services.question_route(
                        actor=actor, question=question, department=self.departments[department]
                    )
            elif step.action == "answer":
                for question in questions[: step.count]:
                    if question.status == QuestionStatus.ANSWERED:
                        continue
                    self.answer(question, spec)
        if spec.responded_on:
            self.responded[request.pk] = spec.responded_on
        return request

    def answer(self, question: Question, spec: Spec) -> None:
        department = question.department
        text, (lo, hi), _ = self.rng.choices(_ANSWERS, weights=[a[2] for a in _ANSWERS])[0]
        text = text.format(system=_SYSTEMS[department.name], since_year=spec.received.year - 3)
        hours = Decimal(str(round(self.rng.uniform(lo, hi) * 4) / 4)).quantize(Decimal("0.01"))
        services.question_answer(
            actor=self.contacts[department.name], question=question, answer=text, hours_spent=hours
        )
        if spec.answered_on and spec.answered_on < timezone.localdate():
            moment = time(self.rng.randint(9, 16), self.rng.randint(0, 59))
            self.answered[question.pk] = datetime.combine(
                spec.answered_on, moment, tzinfo=timezone.get_current_timezone()
            )


def _load_seed_request(writer: _Writer) -> Request:
    """Request 190A/23, received and answered as the published response shows."""
    users = writer.users
    officer, approver, psd = users["officer"], users["approver"], users["psd"]
    tz = timezone.get_current_timezone()
    person = SEED_REQUESTER
    request = services.request_create(
        actor=officer,
        title=SEED_TITLE,
        received_at=datetime.combine(*SEED_RECEIVED, tzinfo=tz),
        regime=RegimeChoice.FOIA,
        channel=Channel.EMAIL,
        request_text=SEED_REQUEST_TEXT,
        requester=NewRequester(
            name=person.name, email=person.email, organisation=person.organisation
        ),
        questions=[
            NewQuestion(text=SEED_QUESTIONS[0]),
            NewQuestion(text=SEED_QUESTIONS[1]),
            NewQuestion(text=SEED_QUESTIONS[2]),
            NewQuestion(text=SEED_QUESTIONS[3], context=SEED_Q4_CONTEXT),
        ],
        assigned_officer=officer,
        reference=SEED_REFERENCE,
    )
    request = services.request_transition(actor=officer, request=request, to_state=S.ACKNOWLEDGED)
    psd_department = writer.departments["Professional Standards"]
    questions = list(request.questions.order_by("number"))
    # Dismissals (question 3) are held by HR as well, but the published response answers 3 and
    # 4 from one table, so all four go to Professional Standards.
    for question in questions:
        services.question_route(actor=officer, question=question, department=psd_department)
    request = services.request_transition(
        actor=officer, request=request, to_state=S.WITH_DEPARTMENT
    )
    answered_on = (date(2023, 2, 3), date(2023, 2, 3), date(2023, 2, 8), date(2023, 2, 8))
    for question, (answer, hours), day in zip(questions, SEED_ANSWERS, answered_on, strict=True):
        services.question_answer(actor=psd, question=question, answer=answer, hours_spent=hours)
        writer.answered[question.pk] = datetime.combine(day, time(15, 20), tzinfo=tz)
    for state, actor in (
        (S.DRAFTING, officer),
        (S.AWAITING_APPROVAL, officer),
        (S.RESPONDED, approver),
    ):
        request = services.request_transition(actor=actor, request=request, to_state=state)
    # Demo history: request_transition stamps responded_on with today's date, which is right
    # for a response sent now; 190A/23 was answered in February 2023, within the deadline.
    Request.objects.filter(pk=request.pk).update(responded_on=SEED_RESPONDED_ON)
    return request


def _link(writer: _Writer, created: list[tuple[Spec, Request]]) -> None:
    officer = writer.users["officer"]
    groups: dict[tuple[str, int], list[Request]] = {}
    for spec, request in created:
        for key in spec.links:
            groups.setdefault(key, []).append(request)
    for (kind, _), members in sorted(groups.items()):
        first, *others = members
        for other in others:
            services.request_link(actor=officer, request=other, other=first, kind=kind)
    # Same requester: the latest request of each frequent requester points at the one before.
    by_person: dict[str, list[Request]] = {}
    for spec, request in created:
        by_person.setdefault(spec.person.name, []).append(request)
    linked = 0
    for name in sorted(by_person):
        mine = by_person[name]
        if len(mine) < 4 or linked >= 14:
            continue
        for earlier, later in zip(mine[-3:-1], mine[-2:], strict=True):
            services.request_link(
                actor=officer, request=later, other=earlier, kind=LinkKind.SAME_REQUESTER
            )
            linked += 1


def _write_history(writer: _Writer) -> None:
    """Put the historic dates back that the services stamp with the time of the load.

    Demo history: ``request_transition`` records ``responded_on`` as today and
    ``question_answer`` records ``answered_at`` as now, which is right for work done now; the
    demo's requests were answered on the days planned for them, and the compliance figures
    and the department pages read these dates.
    """
    requests = list(Request.objects.filter(pk__in=writer.responded).only("pk"))
    for request in requests:
        request.responded_on = writer.responded[request.pk]
    Request.objects.bulk_update(requests, ["responded_on"], batch_size=500)
    questions = list(Question.objects.filter(pk__in=writer.answered).only("pk"))
    for question in questions:
        question.answered_at = writer.answered[question.pk]
    Question.objects.bulk_update(questions, ["answered_at"], batch_size=500)


def demo_register_loaded() -> bool:
    return Request.objects.filter(reference=SEED_REFERENCE).exists()


@transaction.atomic
def load_demo_register() -> bool:
    """Set up the authority and departments and, the first time, log the demo requests.

    Returns whether requests were loaded: if 190A/23 is already there the register is left as
    it is (loading again adds nothing). Department contacts come from ``load_demo_staff``,
    which must run first.
    """
    _authority()
    departments = _departments()
    if demo_register_loaded():
        return False
    writer = _Writer(departments)
    _load_seed_request(writer)
    now = timezone.now()
    created = [
        (spec, writer.create(spec)) for spec in demo_plan(today=timezone.localdate(), now=now)
    ]
    _link(writer, created)
    _write_history(writer)
    return True


# --- what was loaded -----------------------------------------------------------------------------


def demo_summary() -> str:
    """The register as it stands, counted the way the dashboard counts it."""
    today = timezone.localdate()
    soon = default_calendar(RegimeChoice.FOIA).add_working_days(today, 5)
    requests = Request.objects.all()
    by_state = Counter(requests.values_list("state", flat=True))
    by_regime = Counter(requests.values_list("regime", flat=True))
    running = requests.filter(state__in=OPEN_STATES - CLOCK_STOPPED_STATES)
    questions = Question.objects.all()
    lines = [
        f"Demo register for {Authority.current().name}: {requests.count()} requests, "
        f"{questions.count()} questions, {Department.objects.count()} departments.",
        "  By state:",
    ]
    lines += [f"    {state.label:<24} {by_state.get(state.value, 0):>4}" for state in RequestState]
    lines.append(
        "  By regime: " + ", ".join(f"{r.label} {by_regime.get(r.value, 0)}" for r in RegimeChoice)
    )
    lines.append(
        f"  Open: {requests.filter(state__in=OPEN_STATES).count()}; "
        f"overdue {running.filter(due_date__lt=today).count()}; "
        f"due in the next five working days "
        f"{running.filter(due_date__gte=today, due_date__lte=soon).count()}; "
        f"waiting for the requester "
        f"{requests.filter(state__in=CLOCK_STOPPED_STATES).count()}."
    )
    lines.append(
        f"  Questions answered by departments: "
        f"{questions.filter(status=QuestionStatus.ANSWERED).count()}; still with departments: "
        f"{questions.filter(status=QuestionStatus.WITH_DEPARTMENT).count()}. "
        f"Clock events: {ClockEvent.objects.count()}. Linked pairs: "
        f"{RequestLink.objects.count()}."
    )
    return "\n".join(lines) + "\n"
