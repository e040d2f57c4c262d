"""The demo force's request register: a West Midlands Police FOI office on the day it is opened.

Two parts:

- request 190A/23, the published response in ``shared/seed``, logged as it was received (20
  January 2023), its four questions split exactly as the response treats them, decided as the
  seed decides them (``foidesk.demo.decisions``), signed off and sent on 16 February 2023;
- about three hundred fictional requests received over the fourteen months before *today*, so
  the case list, the dashboard and the department pages look like a working FOI office whenever
  the demo is loaded: some overdue, some due within days, some waiting for a clarification or
  a fee, some answered by departments, some drafted or awaiting approval (one sent back), some
  answered, under internal review or with the ICO. Across the answered ones every outcome a
  decision can record appears at least once.

Everything is planned first as plain data (``demo_plan``: a fixed ``random.Random(2023)`` and
the date of the load, nothing else), then written through the register and decision services
(``foidesk.cases.services``, ``foidesk.decisions.services``), so each request carries the audit
trail the services write and no response goes out without a decision on every question, a
submission by the FOI officer and approval by a decision maker who drafted none of it. The
requesters are made up; every email address is on an ``example`` domain (RFC 2606) and every
telephone number is in Ofcom's range for drama (0121 496 0xxx), so nothing can reach a real
person.

Services stamp the audit trail with the time of the load: the timeline of a demo request shows
when the demo was loaded, not when the step happened. The dates the register reads back as
history are historic: ``Request.responded_on`` is the sending date given to
``response_record_sent``; ``Question.answered_at`` is set after the services have run (see
``_write_history``); and a response sent on a day was sent for approval and approved that
morning, with the files it went with attached before (``_signed_off_on``), since a response
cannot be recorded as sent before the day it was approved.
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
from foidesk.decisions import services as decision_services
from foidesk.decisions.models import (
    Decision,
    LibraryParagraph,
    OutcomeChoice,
    ResponseAttachment,
    ResponseVersion,
    SignOffStatus,
    TestParagraph,
)
from foidesk.demo.decisions import (
    NATURAL_KINDS,
    Library,
    complete_harm,
    decide_seed_request,
    load_demo_library,
    outcomes_for,
    write_decisions,
)
from foidesk.law.calendars import Calendar, default_calendar
from foidesk.law.exemptions import AuthorityKind

S = RequestState
K = ClockEventKind

#: The seed of every random choice: the same day gives the same register.
DEMO_SEED = 2023

AUTHORITY_NAME = "West Midlands Police"
#: The demo's paragraph for its FOISA requests (FOISA s19: the review, s20, and the Scottish
#: Information Commissioner, s47); its FOIA and EIR requests keep the general paragraph.
DEMO_FOISA_RIGHTS_PARAGRAPH = (
    "If you are dissatisfied with the way we have handled your request, you may ask us to review "
    "it. Please write to the Freedom of Information Unit within 40 working days of the date of "
    "this response (FOISA s20). If you remain dissatisfied after the review, you may apply to the "
    "Scottish Information Commissioner within six months of receiving our review response (FOISA "
    "s47): https://www.foi.scot/appeal"
)

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
        "Review of completed cases: the figures are in the attached table.",
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

#: What departments return for each kind of decision the plan makes (``demo.decisions.KINDS``):
#: (text, hours range). ``{system}`` is the department's. Questions a requester withdrew, and
#: requests refused as vexatious or repeated, are never answered by a department.
_ANSWERS: dict[str, tuple[str, tuple[float, float]]] = {
    "disclosed": (
        "Figures extracted from {system} for the period asked; spreadsheet attached (one sheet, "
        "totals checked).",
        (0.5, 4.0),
    ),
    "small_numbers": (
        "Held. Table attached; counts under five are marked for the FOI team to consider "
        "suppression.",
        (1.0, 5.0),
    ),
    "not_held": (
        "Not held: {system} does not record this, and no other record holds it in a form that "
        "can be retrieved.",
        (0.25, 1.0),
    ),
    "partly": (
        "Partly held: {system} only holds this from April {since_year}; earlier records were "
        "deleted under the retention schedule.",
        (1.0, 3.0),
    ),
    "cost": (
        "Held, but only by reading each record by hand: the estimate is the hours shown. Please "
        "consider the cost limit (s12).",
        (16.0, 30.0),
    ),
    "accessible": (
        "Current policy document attached. It is already on the force website.",
        (0.25, 0.5),
    ),
    "future": (
        "Held: the figures are being checked for the force's annual statistics, due out in the "
        "next few weeks. Suggest s22 (future publication).",
        (0.5, 1.5),
    ),
    "clarify": (
        "We cannot tell which records this means (it could cover several systems): please ask "
        "the requester to clarify.",
        (0.25, 0.5),
    ),
    "transfer": (
        "Not held by the force: another public authority holds this (details in the covering "
        "email). Suggest transferring the question.",
        (0.25, 0.5),
    ),
    "s31_partial": (
        "Held; table attached. The breakdown by location and date would show where the tactic "
        "is used: the unit asks that it is withheld (s31).",
        (1.0, 4.0),
    ),
    "s31_exempt": (
        "Held. Releasing it would show the force's tactical capability: the unit advises "
        "withholding it in full (s31).",
        (0.5, 2.0),
    ),
    "chis_exempt": (
        "Held by the dedicated source unit. Totals can be released; individual payments must "
        "not be, as they could identify sources (s31, s38).",
        (1.0, 3.0),
    ),
    "ncnd_covert": (
        "Advice: neither confirm nor deny. Any answer, including a denial, would reveal "
        "capability (s23(5), s24(2)).",
        (0.5, 1.5),
    ),
}

#: Questions on these topics that a force withholds, in whole or part (FOIA requests only):
#: topic title -> {question index: kind of decision}.
_SENSITIVE = {
    "Drones": {0: "s31_exempt"},
    "Police equipment": {2: "s31_partial"},
    "Live facial recognition": {3: "s31_partial"},
    "Covert human intelligence source payments": {1: "chis_exempt"},
}

#: The topic given to the requests the force neither confirms nor denies (s23(5), s24(2)).
COVERT_TOPIC = Topic(
    "Covert mobile phone surveillance equipment",
    "Intelligence",
    (
        "Has the force bought, hired or used IMSI catchers, or any other equipment that covertly "
        "intercepts or tracks mobile telephones, since {since}?",
        "If so, how much has the force spent on such equipment, and which companies supplied it?",
        "How many times was such equipment deployed in each calendar year {y3}?",
        "Please provide any policy or guidance the force holds on its use.",
    ),
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
_REVIEW_S31 = "The requester asked for an internal review of the refusal under s31."
_REVIEW_HELD = "The requester asked for an internal review: they think more information is held."
_REVIEW_S12 = "The requester asked for an internal review of the cost limit refusal (s12)."
_REASONS_REVIEW = (_REVIEW_S31, _REVIEW_HELD, _REVIEW_S12)
_SENT_BACK = (
    "The s31 harm gives what disclosure would cost the force, not how offenders would use the "
    "detail: please add the tactics and capability paragraph before the public interest factors."
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
    """One thing done to a planned request, in order, through a service.

    Actions: "state", "event", "route", "answer" (register services); "decide" (draft the
    decisions the spec's ``kinds`` plan), "submit", "send_back", "revise" (add the harm a
    decision maker asked for), "approve" and "send" (decision services; "approve" and "send"
    on ``on``, the day the response went).
    """

    action: str
    state: str = ""
    reason: str = ""
    actor: str = "officer"
    kind: str = ""
    on: date | None = None
    extended_to: date | None = None
    note: str = ""
    #: "answer": how many questions (from the first) the departments answer, or ``ALL``;
    #: "decide": how many questions are decided so far (a draft in progress), or ``ALL``.
    count: int = 0
    #: "decide": whether the s31 tactics test has all its evidence of harm (a draft the decision
    #: maker sends back has only part of it).
    harm: bool = True


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
    #: For each question, the kind of decision it gets (``foidesk.demo.decisions.KINDS``); the
    #: department's answer follows from it.
    kinds: list[str] = field(default_factory=list)
    #: For a request refused as repeated (s14(2)): the earlier request it repeats.
    repeat_of: Spec | None = None

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
        # A letter signs off with the requester's name: the disclosure log must remove it.
        return (
            f"{_INTRO[RegimeChoice(self.regime)]}\n\n{body}\n\n"
            f"Yours faithfully,\n{self.person.name}"
        )


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
        # Scottish requests: two answered (so FOISA's own provisions appear in responses sent),
        # the rest anywhere.
        answered = [i for i, state in enumerate(states) if state == S.RESPONDED]
        others = [i for i, state in enumerate(states) if state != S.RESPONDED]
        foisa = set(self.rng.sample(answered, 2)) | set(self.rng.sample(others, FOISA_COUNT - 2))
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
        _DecisionPlanner(self.today).plan(specs)
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
            # Sign-off: the officer drafts and submits, a decision maker approves, and the
            # officer records the response as sent on the day it went.
            steps.append(Step("decide", count=ALL))
            steps.append(Step("submit"))
            steps.append(Step("approve", actor="approver", on=on))
            steps.append(Step("send", on=on))
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
            # A quarter of FOIA drafts came back once: the first version's s31 harm fell short.
            sent_back = rng.random() < 0.25 and foia
            steps.append(Step("state", S.DRAFTING))
            steps.extend([Step("decide", count=ALL, harm=not sent_back), Step("submit")])
            if sent_back:
                steps.append(Step("send_back", actor="approver", reason=_SENT_BACK))
                steps.extend([Step("revise"), Step("submit")])
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
                # The review upholds the response: one that changed the decisions would need
                # a new approval, and a request under review cannot yet be sent for approval
                # (internal review -> awaiting approval is not in the transition table).
                steps.append(
                    Step(
                        "state",
                        S.RESPONDED,
                        reason="Internal review outcome sent: the response was upheld, with "
                        "further advice and assistance.",
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


_PLAIN_KINDS = frozenset({"disclosed", "partly", "small_numbers", "not_held", "accessible"})
_S31_KINDS = frozenset({"s31_partial", "s31_exempt", "chis_exempt"})


def _without_cost(kinds: list[str]) -> list[str]:
    return ["disclosed" if kind == "cost" else kind for kind in kinds]


def _unrouted(spec: Spec) -> None:
    """A request refused without asking departments (vexatious, repeated)."""
    spec.steps = [
        step
        for step in spec.steps
        if step.action not in ("route", "answer")
        and not (step.action == "state" and step.state == S.WITH_DEPARTMENT)
    ]
    spec.answered_on = None


class _DecisionPlanner:
    """Chooses the decision on every planned question, so that every outcome appears.

    Its own generator (seeded like the rest), so choosing decisions leaves the register's other
    random choices as they were. Every question first gets a kind drawn as departments answer
    (``NATURAL_KINDS``); then some requests are given the outcomes that do not come from a
    department's answer (NCND, vexatious, repeated, future publication, clarification,
    transfer, withdrawal), questions on sensitive topics are withheld, histories that name a
    ground (a s31 public interest extension or review, a s12 review, a draft sent back for its
    s31 harm) get that ground, and anything still missing is placed.
    """

    def __init__(self, today: date) -> None:
        self.rng = random.Random(DEMO_SEED)  # noqa: S311 - reproducible demo data
        self.today = today
        self.taken: set[int] = set()  # id() of specs given a special outcome

    def plan(self, specs: list[Spec]) -> None:
        rng = self.rng
        names = [kind for kind, _ in NATURAL_KINDS]
        weights = [weight for _, weight in NATURAL_KINDS]
        for spec in specs:
            spec.kinds = rng.choices(names, weights=weights, k=spec.n_questions)
        sent = [spec for spec in specs if any(step.action == "send" for step in spec.steps)]
        self._whole_requests(sent)
        for spec in specs:
            if spec.regime == RegimeChoice.FOIA and id(spec) not in self.taken:
                for index, kind in _SENSITIVE.get(spec.topic.title, {}).items():
                    if index < spec.n_questions:
                        spec.kinds[index] = kind
        for spec in specs:
            self._from_history(spec)
        self._per_question(sent)
        self._fill_gaps(sent)
        self._drafts([spec for spec in specs if spec.state == S.DRAFTING])

    def _plain(self, spec: Spec) -> bool:
        """A FOIA request answered without clock events, links or review: free to reshape."""
        return (
            spec.regime == RegimeChoice.FOIA
            and id(spec) not in self.taken
            and not spec.links
            and spec.state in (S.RESPONDED, S.CLOSED)
            and not any(step.action == "event" for step in spec.steps)
            and not any(step.state == S.INTERNAL_REVIEW for step in spec.steps)
        )

    def _take(self, spec: Spec, kind: str) -> None:
        self.taken.add(id(spec))
        spec.kinds = [kind] * spec.n_questions

    def _whole_requests(self, sent: list[Spec]) -> None:
        pool = [spec for spec in sent if self._plain(spec)]
        self.rng.shuffle(pool)
        for spec in pool[:2]:  # neither confirm nor deny: covert equipment
            spec.topic = COVERT_TOPIC
            spec.n_questions = min(max(spec.n_questions, 2), len(COVERT_TOPIC.questions))
            self._take(spec, "ncnd_covert")
        vexatious = pool[2]
        _unrouted(vexatious)
        self._take(vexatious, "vexatious")
        # Repeated: the same requester sends the same request again soon after the answer.
        for later in pool[3:]:
            earlier = [
                spec
                for spec in sent
                if spec.regime == RegimeChoice.FOIA
                and id(spec) not in self.taken
                and spec is not later
                # s14(2): the earlier request was complied with (answered, or nothing held)
                and set(spec.kinds) <= {"disclosed", "partly", "not_held"}
                and spec.responded_on is not None
                and spec.responded_on < later.received
                and (later.received - spec.responded_on).days <= 90
            ]
            if not earlier:
                continue
            first = max(earlier, key=lambda spec: spec.responded_on)
            later.topic, later.n_questions = first.topic, first.n_questions
            later.text_date, later.intro = first.text_date or first.received, first.intro
            later.person, later.channel = first.person, first.channel
            later.repeat_of = first
            group = (LinkKind.SAME_REQUESTER, 100)
            first.links.append(group)
            later.links.append(group)
            _unrouted(later)
            self._take(later, "repeated")
            self.taken.add(id(first))
            break

    def _from_history(self, spec: Spec) -> None:
        """Give a request the ground its history names."""
        if id(spec) in self.taken:
            return
        foia = spec.regime == RegimeChoice.FOIA
        extended = any(step.kind == K.PIT_EXTENSION for step in spec.steps)
        for step in spec.steps:
            if extended and step.reason == _REVIEW_S12:
                step.reason = _REVIEW_S31  # the extension was for the s31 public interest test
        reasons = {step.reason for step in spec.steps if step.state == S.INTERNAL_REVIEW}
        s31 = foia and (
            extended
            or any(step.action == "send_back" for step in spec.steps)
            or _REVIEW_S31 in reasons
        )
        if s31 and not _S31_KINDS & set(spec.kinds):
            spec.kinds = _without_cost(spec.kinds)
            spec.kinds[0] = "s31_partial"
        if _REVIEW_S12 in reasons:
            spec.kinds[0] = "cost"
        if _REVIEW_HELD in reasons and "not_held" not in spec.kinds:
            spec.kinds = _without_cost(spec.kinds)
            spec.kinds[-1] = "not_held"
        if s31 or reasons:
            self.taken.add(id(spec))

    def _candidates(self, sent: list[Spec], *, foia: bool = False) -> list[Spec]:
        found = [
            spec
            for spec in sent
            if id(spec) not in self.taken
            and spec.n_questions >= 2
            and set(spec.kinds) <= _PLAIN_KINDS
            and (spec.regime == RegimeChoice.FOIA or not foia)
        ]
        self.rng.shuffle(found)
        return found

    def _per_question(self, sent: list[Spec]) -> None:
        """Outcomes for one question of a request the rest of which is answered."""
        for kind, count, foia in (
            ("future", 2, True),
            ("clarify", 2, False),
            ("transfer", 2, False),
            ("withdrawn", 2, False),
        ):
            for spec in self._candidates(sent, foia=foia)[:count]:
                # Never the first question: a fees notice may rest on its answer.
                choices = list(range(1, spec.n_questions))
                if kind == "transfer":
                    departments = [department for _, department in spec.questions]
                    routed = [i for i in choices if departments[i] in ("Finance",)]
                    choices = routed or choices
                spec.kinds[self.rng.choice(choices)] = kind
                self.taken.add(id(spec))

    def _fill_gaps(self, sent: list[Spec]) -> None:
        """Place any outcome the draws above happened not to give."""
        for outcome, kind in (
            (OutcomeChoice.DISCLOSED, "disclosed"),
            (OutcomeChoice.PARTIALLY_DISCLOSED, "small_numbers"),
            (OutcomeChoice.EXEMPT, "s31_exempt"),
            (OutcomeChoice.NOT_HELD, "not_held"),
            (OutcomeChoice.COST_LIMIT, "cost"),
            (OutcomeChoice.REASONABLY_ACCESSIBLE, "accessible"),
        ):
            if any(outcome in outcomes_for(spec.kinds, spec.regime) for spec in sent):
                continue
            spec = self._candidates(sent, foia=True)[0]
            spec.kinds[0] = kind
            self.taken.add(id(spec))

    def _drafts(self, drafting: list[Spec]) -> None:
        """Drafts in progress: one sent back by the decision maker, most partly decided."""
        sent_back = next((s for s in drafting if s.regime == RegimeChoice.FOIA), None)
        for spec in drafting:
            if spec is sent_back:
                spec.kinds = _without_cost(spec.kinds)
                if not _S31_KINDS & set(spec.kinds):
                    spec.kinds[0] = "s31_partial"
                spec.steps += [
                    Step("decide", count=ALL, harm=False),
                    Step("submit"),
                    Step("send_back", actor="approver", reason=_SENT_BACK),
                ]
            elif self.rng.random() < 0.6:
                spec.steps.append(Step("decide", count=self.rng.randint(1, spec.n_questions)))


def demo_plan(*, today: date, now: datetime) -> list[Spec]:
    """The generated requests for a load on ``today`` at ``now``, oldest first (pure)."""
    return _Planner(today, now).plan()


# --- writing it through the services -----------------------------------------------------------


def _authority() -> Authority:
    authority = Authority.current()
    authority.name = AUTHORITY_NAME
    authority.kind = AuthorityKind.POLICE
    authority.default_regime = RegimeChoice.FOIA
    authority.reference_pattern = "{seq}A/{yy}"
    authority.cost_limit = CostLimit.POUNDS_450
    authority.weekend_receipt = WeekendReceiptChoice.ICO
    # Every refusal must give the rights (FOIA s17(7), FOISA s19). The demo's register mixes
    # regimes: its FOIA and EIR requests name the ICO (the general paragraph) and its FOISA
    # requests the Scottish Information Commissioner (s47), unless either was changed.
    if not authority.rights_paragraph.strip():
        authority.rights_paragraph = Authority._meta.get_field("rights_paragraph").default
    if not authority.rights_paragraph_foisa.strip():
        authority.rights_paragraph_foisa = DEMO_FOISA_RIGHTS_PARAGRAPH
    authority.save()
    return authority


def _departments() -> dict[str, Department]:
    return {name: Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS}


class _Writer:
    def __init__(self, departments: dict[str, Department], library: Library) -> None:
        self.departments = departments
        self.library = library
        self.today = timezone.localdate()
        self.users = {u.username: u for u in User.objects.all()}
        self.contacts = {d.name: d.contacts.order_by("pk").first() for d in departments.values()}
        for name, contact in self.contacts.items():
            if contact is None:
                raise services.RegisterError(f"The demo department {name} has no contact")
        self.rng = random.Random(DEMO_SEED)  # noqa: S311 - reproducible demo data
        self.decision_rng = random.Random(DEMO_SEED)  # noqa: S311 - reproducible demo data
        self.answered: dict[int, datetime] = {}
        self.created: list[tuple[Spec, Request]] = []

    def request_for(self, spec: Spec | None) -> Request | None:
        return next((request for s, request in self.created if s is spec), None)

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
            else:
                request = self.sign_off(spec, step, actor, request)
        self.created.append((spec, request))
        return request

    def sign_off(self, spec: Spec, step: Step, actor: User, request: Request) -> Request:
        """The decision services: draft, submit, send back, revise, approve, send."""
        if step.action == "decide":
            systems = {
                q.number: _SYSTEMS[q.department.name]
                for q in request.questions.select_related("department")
                if q.department
            }
            write_decisions(
                actor=actor,
                request=request,
                kinds=spec.kinds,
                library=self.library,
                rng=self.decision_rng,
                systems=systems,
                today=self.today,
                on=spec.responded_on or self.today,
                count=None if step.count >= spec.n_questions else step.count,
                full_harm=step.harm,
                repeat_of=self.request_for(spec.repeat_of),
            )
        elif step.action == "submit":
            decision_services.response_submit(actor=actor, request=request)
        elif step.action == "send_back":
            decision_services.response_send_back(actor=actor, request=request, reasons=step.reason)
        elif step.action == "revise":
            complete_harm(actor=actor, request=request, library=self.library, today=self.today)
        elif step.action == "approve":
            version = decision_services.response_approve(actor=actor, request=request)
            if step.on is not None:
                _signed_off_on(version, step.on)
        elif step.action == "send":
            decision_services.response_record_sent(actor=actor, request=request, sent_on=step.on)
        else:
            raise ValueError(f"Unknown demo step {step.action!r}")
        return Request.objects.get(pk=request.pk)

    def answer(self, question: Question, spec: Spec) -> None:
        kind = spec.kinds[question.number - 1]
        if kind not in _ANSWERS:  # withdrawn before the department answered
            return
        department = question.department
        text, (lo, hi) = _ANSWERS[kind]
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
    """Request 190A/23, received, answered, decided and sent as the published response shows."""
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
    request = services.request_transition(actor=officer, request=request, to_state=S.DRAFTING)
    decide_seed_request(actor=officer, request=request, library=writer.library)
    # Four eyes: Priya Shah drafted it, Grace Okafor (who wrote none of it) approves it.
    decision_services.response_submit(actor=officer, request=request)
    version = decision_services.response_approve(actor=approver, request=request)
    _signed_off_on(version, SEED_RESPONDED_ON)
    return decision_services.response_record_sent(
        actor=officer, request=request, sent_on=SEED_RESPONDED_ON
    )


def _signed_off_on(version: ResponseVersion, day: date) -> None:
    """Demo history: ``version``, approved just now by the services, was sent for approval and
    approved on the morning of ``day``, the day it went, with its files attached before that.

    A response cannot be recorded as sent before the day it was approved, and the disclosure
    log publishes only files attached before the approval; the services stamp both with the time
    of the load, which is right for work done now but not for the demo's history.
    """
    if day >= timezone.localdate():
        return
    tz = timezone.get_current_timezone()
    at = {hour: datetime.combine(day, time(hour), tzinfo=tz) for hour in (9, 10, 11)}
    names = [a["name"] for a in version.snapshot.get("attachments", [])]
    ResponseAttachment.objects.filter(request_id=version.request_id, name__in=names).update(
        uploaded_at=at[9]
    )
    ResponseVersion.objects.filter(pk=version.pk).update(submitted_at=at[10], decided_at=at[11])


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
            if RequestLink.objects.filter(
                from_request__in=[earlier, later],
                to_request__in=[earlier, later],
                kind=LinkKind.SAME_REQUESTER,
            ).exists():
                continue  # a repeated request is linked to the one it repeats already
            services.request_link(
                actor=officer, request=later, other=earlier, kind=LinkKind.SAME_REQUESTER
            )
            linked += 1


def _write_history(writer: _Writer) -> None:
    """Put back the historic dates of the departments' answers.

    Demo history: ``question_answer`` records ``answered_at`` as now, which is right for work
    done now; the demo's questions were answered on the days planned for them, and the
    department pages read these dates. (``responded_on`` is historic already: it is the date
    given to ``response_record_sent``.)
    """
    questions = list(Question.objects.filter(pk__in=writer.answered).only("pk"))
    for question in questions:
        question.answered_at = writer.answered[question.pk]
    Question.objects.bulk_update(questions, ["answered_at"], batch_size=500)


def demo_register_loaded() -> bool:
    return Request.objects.filter(reference=SEED_REFERENCE).exists()


@transaction.atomic
def load_demo_register() -> bool:
    """Set up the authority, departments and paragraph library and, the first time, log the
    demo requests with their decisions and sign-off.

    Returns whether requests were loaded: if 190A/23 is already there the register is left as
    it is (loading again adds nothing; the library gains only paragraphs it lacks). Staff come
    from ``load_demo_staff``, which must run first: the department contacts answer questions,
    the FOI officers draft and the decision maker approves.
    """
    _authority()
    departments = _departments()
    library = load_demo_library(actor=User.objects.get(username="officer"))
    if demo_register_loaded():
        return False
    writer = _Writer(departments, library)
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
        f"{questions.exclude(answered_at=None).count()}; still with departments: "
        f"{questions.filter(status=QuestionStatus.WITH_DEPARTMENT).count()}; decided: "
        f"{questions.filter(status=QuestionStatus.DECIDED).count()}. "
        f"Clock events: {ClockEvent.objects.count()}. Linked pairs: "
        f"{RequestLink.objects.count()}."
    )
    versions = Counter(ResponseVersion.objects.values_list("status", flat=True))
    lines.append(
        f"  Sign-off: {versions.get(SignOffStatus.APPROVED, 0)} versions approved by a second "
        f"person, {versions.get(SignOffStatus.AWAITING, 0)} awaiting approval, "
        f"{versions.get(SignOffStatus.SENT_BACK, 0)} sent back."
    )
    by_outcome = Counter(Decision.objects.values_list("outcome", flat=True))
    lines.append(
        f"  Decisions: {sum(by_outcome.values())} ("
        + ", ".join(
            f"{o.label.split(' (')[0].lower()} {by_outcome[o.value]}"
            for o in OutcomeChoice
            if by_outcome.get(o.value)
        )
        + ")."
    )
    library = LibraryParagraph.objects.all()
    lines.append(
        f"  Paragraph library: {library.filter(is_current=True).count()} paragraphs "
        f"({library.count()} versions), used "
        f"{TestParagraph.objects.exclude(library_paragraph=None).count()} times in tests."
    )
    return "\n".join(lines) + "\n"
