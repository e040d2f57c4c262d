"""The outcome an answer's wording gives (``intake.extraction``, step 4).

``classify(text, cites, whole=...)`` reads one answer, or a response read as one answer to the
whole request, and returns an outcome of ``shared/corpus/README.md`` or ``None`` when the
wording decides nothing:

- NCND ("neither confirm nor deny"; with information also given, ``partially_disclosed``; NCND
  under FOIA s12(2) is a cost refusal);
- cost (s12, or "would exceed the appropriate limit"), s14, clarification, s21 (also "this
  information is provided on the following website"; FOISA s25), s22, a question that is not a
  request for recorded information (FOIA s8: ``other``);
- partial wording, exemptions or withholding; held but "not held in a readily retrievable
  format", with nothing given, is a cost refusal (FOIA s12); "not held" ("unable to provide"
  with "not held" and no exemption is "not held"; FOISA s17's notice that information is not
  held withholds nothing); a redirection elsewhere (``other``);
- else disclosed when the answer gives anything: figures, the wording of a disclosure, or a
  document attached.

The Act's duties quoted above every answer ("Unless exemptions apply, the first duty ...", FOIA
s1 and s17) say nothing about the answer and are read past (``without_duties``). The patterns
are ``Cue``s, tried only when their words are in the text. Pure Python, no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foidesk.intake.splitting import LINK
from foidesk.intake.wording import (
    DATE,
    MONTH,
    Cue,
    Either,
    drop_sentences,
    quick,
    remembered_for_the_page,
    sentences,
)

__all__ = [
    "ATTACHED",
    "DUTIES",
    "NCND",
    "NCND_PARTIAL",
    "classify",
    "gives",
    "has_figures",
    "refuses",
    "without_duties",
    "without_footnote",
]

_NCND = re.compile(
    r"neither\s+confirm(?:s|ing)?\s+(?:nor|or)\s+den(?:y|ies|ying)|\bNCND\b|"
    r"\bnot\s+(?:required|obliged)\b[^.]{0,120}?\bto\s+confirm\s+or\s+deny\b|"
    r"\bno\s+inference\s+(?:can|should|may)\s+be\s+(?:taken|drawn)|"
    r"\bcan(?:not|'t|\s+not)\s+confirm\s+or\s+deny\b",
    re.I,
)
# "will not confirm or deny", "refuses to confirm or deny", "does or does not exist": other
# wordings of the same refusal (FOIA s2(1), the duty to confirm or deny excluded).
_NCND_OTHER = re.compile(
    r"\b(?:will|shall|would|does|do|can)\s+not\s+(?:either\s+)?confirm\s+or\s+deny\b|"
    r"\b(?:refuse[sd]?|refusing|unable|declines?|declined)\s+to\s+(?:either\s+)?confirm\s+or\s+"
    r"deny\b|\bdoes\s+or\s+does\s+not\s+exist\b|"
    r"\bunable\s+to\s+confirm\s+whether\s+or\s+not\s+(?:any\s+|the\s+)?information\s+is\s+held\b|"
    # "The duty to confirm or deny does not arise by virtue of section 40(5B)" (the Act's words,
    # FOIA s2(1)); "To confirm or deny whether any information is held would itself disclose
    # exempt information" (the reason an NCND response gives).
    r"\bduty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+(?:arise|apply)\b|"
    r"\b(?:to\s+confirm\s+or\s+deny|confirming\s+or\s+denying)\s+(?:whether|that)\b[^.]{0,100}?"
    r"\bwould\s+(?!not\b)(?:\w+\s+){0,2}?(?:disclose|reveal|breach|prejudice|contravene|"
    r"undermine|compromise)\w*",
    re.I,
)
_NCND_PARTIAL = re.compile(
    r"\bin\s+addition\s+to\b|\b(?:any|all)\s+other\s+(?:relevant\s+)?information\b|"
    r"\bany\s+further\s+information\b|\bovert\b|\battached\s+(?:our\s+)?response\b|"
    r"\b(?:some|majority)\s+of\s+the\s+(?:requested\s+)?information\b",
    re.I,
)
# What the authority has or has not done overtly: "has not trialled or used facial recognition
# in an overt capacity", "drones are deployed overtly" (not "a wide range of overt and covert
# tactics", the harm reasoning's words, nor "any overt use ... would be publicised", "the overt
# deployment of drones is a matter of public record").
_OVERT = re.compile(
    r"\b(?:used|trialled|deployed)\b[^.\n]{0,80}?\b(?:in\s+an\s+overt\s+(?:capacity|manner)|"
    r"overtly)\b|\bovertly\s+(?:used|deployed|trialled)\b",
    re.I,
)
# A nil return: "There have been no new stations or stations re-opened since ..." (not "There
# is no information held", "There were no records"; see ``gives``).
_NIL_RETURN = re.compile(
    r"\bthere\s+(?:have\s+been|has\s+been|were|was)\s+no\s+(?!(?:such\s+|relevant\s+)?"
    r"(?:information|data|records?|recorded|documents?|documentation|files?|details)\b)",
    re.I,
)
_COST = re.compile(
    # "... retrieved within the time and cost limits of FOI" (not "within appropriate limits").
    r"\b(?:appropriate|cost|fees?)\s+(?:\(cost\)\s+)?limit\b|\btime\s+threshold\b|"
    # "... within the Appropriate Time Limit which equates to 18 hours" (not "unable to respond
    # within the appropriate time limit": the deadline).
    r"\bappropriate\s+time\s+limit\b(?=[^.]{0,60}\b(?:18|24|40)\s+hours?\b)|"
    r"\b(?:time\s+and\s+cost|cost\s+and\s+time)\s+limits\b|"
    r"\b(?:18|24|40)[\s-]hours?\s+(?:threshold|limit)\b|\bpermitted\s+(?:18|24|40)\s+hours?\b|"
    r"\b(?:cost|costs)\s+of\s+[^.]{0,80}?\b(?:is|are|would\s+be)\s+above\s+the\s+amount\b|"
    r"\bappropriate\s+level\b|\bexceed\w*\s+(?:the\s+)?(?:18|24|40)\s+(?:staff\s+)?hours\b|"
    r"\b(?:cost|fees?)\s+threshold\b|\bexceed\w*\s+(?:the\s+)?(?:cost|time|fees?)\s+"
    r"(?:limit|threshold)\b|\b(?:more\s+than|over|in\s+excess\s+of|beyond)\s+(?:the\s+)?"
    r"(?:18|24|40)\s+(?:staff\s+|working\s+)?hours\b|£\s?(?:450|600)\b|"
    # "... to calculate the ages of patients ... would take a manually labour intensive and time
    # lengthy process": the burden of answering, without the limit named (not "Hand repairs
    # would be a labour intensive method", nor a burden argued under section 14).
    r"\bto\s+(?:calculate|determine|establish|collate|extract|compile|identify)\b[^.]{0,200}?"
    r"\bwould\s+take\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}labour[\s-]intensive\b|"
    # "Unfortunately, this cannot be answered within FOI time allocation".
    # (Not "unable to respond within the statutory time limit": the deadline, not the cost.)
    r"\b(?:cannot|can\s?not|could\s+not|unable\s+to)\s+(?:be\s+)?\w+\s+within\s+(?:the\s+)?"
    r"(?:FOI\s+)?(?:time|cost)\s+(?:allocation|allowance)\b|"
    # "because the cost of complying with your request would exceed the limit set by the FOIA"
    # (Not "... would not exceed the limit".)
    r"\bcost\s+of\s+complying\b(?:(?!\b(?:not|never)\b)[^.]){0,60}?\bexceed\w*\s+the\s+"
    r"(?:\w+\s+)?limit\b|"
    # Another law's limit, as an estimate of answering: "To provide a breakdown of the results
    # ... has been estimated to take longer than 14 hours" (the Freedom of Information (Jersey)
    # Law 2011).
    r"\bto\s+(?:provide|comply|locate|retrieve|extract|answer|collate)\b[^.]{0,160}?\bestimated\s+"
    r"(?:that\s+it\s+would\s+|to\s+)take\s+(?:longer|more)\s+than\s+\d{1,3}(?:\.\d)?\s+hours\b",
    re.I,
)
# "The requested information is not centrally recorded and is therefore not held in a readily
# retrievable format": held, but finding it would take a manual search (FOIA s12), unless what
# could be found is given after all ("However, in order to assist, ... 2013 – 150").
_NOT_RETRIEVABLE = re.compile(
    # ("... is not held centrally and is not available in a readily retrievable format", "as
    # this is not readily extractable information from our financial records")
    r"\bnot\s+(?:held|recorded|stored|kept|available)\s+in\s+(?:an?\s+)?(?:easily|readily)\s+"
    r"(?:retrievable|extractable)\b|"
    r"\bnot\s+(?:easily|readily)\s+(?:retrievable|extractable)\b",
    re.I,
)
_GIVEN_ANYWAY = re.compile(
    r"\b(?:however|but|nevertheless|nonetheless)\b,?\s+(?:in\s+order\s+to\s+assist(?:\s+you)?,?\s+)?"
    r"(?:we|I|the\s+\w+)\s+(?:have|has|am|are|is|can|could|will)\s+(?:been\s+)?(?:able\s+to\s+)?"
    r"(?:provide|provided|supply|supplied|give|given|offer|offered|share|shared)\b"
    # What is given is information ("a snap shot of March figures", "(see attached)"), not
    # advice on narrowing the request (s16) or an offer to search part of it.
    r"(?!\s+(?:you\s+)?(?:with\s+)?(?:some\s+)?(?:advice|assistance|help|guidance|to\s))"
    r"[^.]{0,80}?\b(?:figures?|data|numbers?|snap\s?shot|breakdown|totals?|below|attached|"
    r"enclosed)\b|"
    r"\bgesture\s+of\s+goodwill\b",
    re.I,
)
# A refusal of one part of the request: "unable to comply with this part of your request".
_PART_REFUSED = re.compile(
    r"\b(?:comply\s+with|answer(?:ing)?|refus\w*|respond\s+to)\s+(?:this|that|these)\s+parts?\s+of\s+"
    r"(?:your|the)\s+request\b",
    re.I,
)
# A cost refusal's working, whose figures give nothing: "4,312 reports", "at 3 minutes per report
# this would take over 215 hours", "£25 per hour".
_COST_WORKING = re.compile(
    r"\b\d[\d,.]*\s*(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|£\s?\d|\bper\s+hour\b|"
    r"\bexceed\w*\b|\bwould\s+(?:need|have|require|take|involve|mean)\b|\bsearch(?:ing)?\s+\d",
    re.I,
)
# The whole request refused, whatever part the refusal names: "the whole request is refused",
# "we cannot provide any of the information you asked for".
_WHOLE_REFUSED = re.compile(
    r"\bwhole\s+(?:of\s+(?:the\s+|your\s+)?)?request\s+(?:is|will\s+be|has\s+been|must\s+be)\s+"
    r"refused\b|\brefus\w*\s+(?:the\s+|your\s+)?(?:whole\s+(?:of\s+(?:the\s+|your\s+)?)?request|"
    r"request\s+(?:as\s+a\s+whole|in\s+its\s+entirety))\b|"
    r"\b(?:provide|supply|release|disclose|comply\s+with|answer)\s+any\s+(?:part\s+)?of\s+"
    r"(?:the\s+|your\s+|this\s+)?(?:information|request)\b|\bor\s+the\s+rest\s+of\s+it\b",
    re.I,
)
_COST_NEGATED = re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+){0,3}$", re.I)
_VEXATIOUS = re.compile(r"\bvexatious\b|\brepeated\s+request\b", re.I)
_CLARIFY = re.compile(
    # (Courtesy offers are taken out first: ``_CLARIFICATION_OFFERED``.)
    r"\b(?:seek|seeking|need|require|requires|request|requesting|ask\w*)\s+(?:for\s+)?"
    r"(?:some\s+|further\s+|a\s+)?clarification\b|\bplease\s+(?:could\s+you\s+)?clarify\b|"
    r"\b(?:could|can|would)\s+you\s+(?:please\s+)?clarify\b|\bclarify\s+(?:what|which|whether)\b|"
    # "before we can provide a response we would like you to clarify the following:"
    r"\b(?:like|need|ask|require)\s+you\s+to\s+clarify\b|"
    # "We would be extremely grateful if you could confirm whether the attached response ...
    # provides the information you are looking for?"
    r"\b(?:grateful|appreciate\s+it)\s+if\s+you\s+could\s+(?:confirm|clarify|specify|explain)\b|"
    r"\byour\s+request\s+(?:is|was)\s+(?:unclear|ambiguous)\b|\bunclear\s+(?:what|which)\s+"
    r"(?:information|data|records?)\b",
    re.I,
)
_S21 = re.compile(
    # FOISA s25 is the same exemption, "information otherwise accessible".
    r"\breasonably\s+accessible\b|\botherwise\s+accessible\b|\b(?:is|are)\s+available\s+elsewhere\b|"
    r"\balready\s+(?:publicly\s+)?available\b|"
    # "this information is readily available in the public domain via a press release"
    r"\b(?:is|are)\s+(?:readily\s+)?available\s+in\s+the\s+public\s+domain\b|"
    r"\b(?:is|are)\s+(?:publicly|freely)\s+available\b|\baccessible\s+by\s+other\s+means\b|"
    # "is available on the Council’s website", "Details are on the Council's website at ...".
    r"\b(?:is|are)\s+(?:already\s+)?(?:published\s+|available\s+|provided\s+)?(?:on|via|at)\s+"
    r"(?:our|the|this|the\s+following)\s+(?:[\w’'-]+\s+)?(?:website|web\s?page|link)\b|"
    r"\bcan\s+be\s+found\s+(?:on|at|via)\s+(?:our|the|this|the\s+following)\s+(?:[\w’'-]+\s+)?"
    r"(?:website|web\s?page|link)\b|"
    # "is published on data.police.uk", "is available at www.gov.uk/...": a site named by address.
    r"\b(?:is|are)\s+(?:already\s+)?(?:published|available)\s+(?:on|via|at)\s+"
    r"(?:https?://|www\.|[\w-]+(?:\.[\w-]+)*\.(?:gov|police|org|nhs|ac|co)\.uk\b)",
    re.I,
)
# "The following link will take you to the Report of the Review ...": an answer that only points
# to what is published (not beside figures given: "There were 1,204 burglaries. The following
# link will take you to our other crime statistics.").
_POINTS_TO_PUBLISHED = re.compile(
    r"\b(?:the\s+following|this|the\s+below)\s+links?\s+(?:will\s+)?(?:takes?|directs?)\s+you\s+to\b",
    re.I,
)
_SOME_HELD = re.compile(
    r"\bsome\s+(?:of\s+the\s+)?information\s+(?:\w+\s+){0,5}?(?:is|was)\s+held\b", re.I
)
_SOME_ELSEWHERE = re.compile(
    r"\bsome\s+of\s+the\s+(?:information|data)\b[^.;]{0,60}?\b(?:is|are)\s+(?:already\s+)?"
    r"(?:reasonably\s+)?(?:accessible|available|published)\b",
    re.I,
)
_S22 = re.compile(
    r"\b(?:intended|due)\s+for\s+(?:future\s+)?publication\b|\bfuture\s+publication|"
    r"\b(?:due|scheduled|planned|intended)\s+to\s+be\s+published\b",
    re.I,
)
_PARTIAL = re.compile(
    r"\b(?:disclose|provide|release|supply|disclosing|providing|releasing)\s+some\s+of\b|"
    r"\bsome\s+(?:of\s+(?:the|that)\s+)?(?:relevant\s+|requested\s+)?(?:information|data)\s+"
    r"(?:is|has\s+been|have\s+been|was|were)\s+(?:withheld|redacted|exempt)|"
    r"\bwithh\w+\s+some\b|\bheld\s+in\s+part\b|\bpartial(?:ly)?\s+(?:disclos|releas|provid)|"
    r"\bmajority\s+of\s+the\s+information\b|\bredact(?:ed|ions?)\b|"
    r"\bnot\s+(?:required|obliged)\b[^.]{0,40}\b(?:release|disclose|provide)\s+all\b|"
    # "I am not obliged to supply the information that you have requested in full. Parts of
    # this request are exempt ...", "it is not possible to meet your requirements in full".
    r"\bnot\s+(?:required|obliged|possible|able)\b[^.]{0,60}\bin\s+full\b|"
    r"\bparts?\s+of\s+(?:this|your|the)\s+request\s+(?:is|are)\s+exempt\b|"
    # Small numbers suppressed in a table of figures: "| 30 | <5* |".
    r"(?:^|[\s|(])<\s?(?:5|3|10)\*?(?=[\s|)]|$)",
    re.I,
)
_WITHHELD = re.compile(
    r"\bwithh(?:e|o)ld(?:ing)?\b|\bexempt\b|\bexemptions?\s+(?:appl|is\s+engaged)|"
    # "I have exempted this" (not "it has not been exempted", "none of it has been exempted").
    r"\bexempted\b(?<!\bnot\sbeen\sexempted)(?<!\bnever\sbeen\sexempted)"
    r"(?<!\bnone\sof\sit\shas\sbeen\sexempted)|"
    r"\bexemt\b|\bwill\s+not\s+be\s+(?:disclosed|released|provided|included)\b|"
    r"\b(?:we|i)\s+will\s+not\s+(?:provide|release|disclose|supply)\b|"
    r"\b(?:unable|not\s+(?:be\s+|currently\s+|yet\s+)?able)\s+to\s+(?:provide|release|disclose|supply)\b|"
    # (Not what the Act does not ask for, "not obliged to provide opinions or explanations", nor
    # a concession before the answer: "Although we are not obliged to provide information
    # outside the Act, we can tell you that there were 12".)
    r"\bnot\s+obliged\s+to\s+(?:supply|provide|disclose|release)\b"
    r"(?!\s+(?:you\s+with\s+)?(?:opinions?|explanations?|comments?|views)\b)"
    r"(?![^.\n]{0,150},\s*(?:but\s+|however,?\s+)?(?:we|I|the\s+(?:council|force|authority|"
    r"department|trust|service))\s+(?:can|could|have|has|will|would|am|are|is|do|does)\b)|"
    r"\brefusal\s+notice\b|\bby\s+virtue\s+of\b|"
    r"\b(?:cannot|can\s?not|could\s+not)\s+be\s+(?:disclosed|released|provided)\b|"
    r"\bengage\w*\s+(?:an?\s+)?exemption\b|\bnot\s+in\s+a\s+position\s+to\s+(?:provide|release|"
    r"disclose|supply)\b|\bdeclin\w*\s+to\s+(?:provide|release|disclose|supply)\b|"
    # "... the figures have not been provided due to exemptions within the Act".
    r"\b(?:has|have)\s+not\s+been\s+(?:provided|disclosed|released|supplied)\s+(?:due\s+to|"
    r"because\s+of|by\s+virtue\s+of|under)\s+(?:an?\s+|the\s+)?(?:exemptions?|section)\b|"
    # "Disclosure of the below documents has been refused".
    r"\b(?:has|have)\s+been\s+refused\b|\b(?:is|are)\s+(?:being\s+)?refused\b",
    re.I,
)
# The withholding words that say an exemption is relied on; without them, "we are unable to
# provide this as it is not held" is a "not held" answer, not a refusal (FOIA s1(1)(a)).
_EXEMPTION_WORDING = re.compile(
    r"\bwithh(?:e|o)ld(?:ing)?\b|\bexempt(?:ion)?s?\b|\bexemt\b|\brefusal\s+notice\b|"
    r"\bby\s+virtue\s+of\b",
    re.I,
)
_NOT_HELD = re.compile(
    r"\b(?:is|are|was|were)\s+not\s+held\b(?!\s+(?:in\s+(?:a|an|the)\s+)?(?:readily|easily|"
    r"centrally|electronically|in\s+a))|"
    # ("We do not however hold information in relation to Request number 5.")
    r"\b(?:(?:does|do|did)\s+not|(?:doesn|don|didn)['’]t)\s+(?:however\s+|therefore\s+|currently\s+)?"
    r"(?:hold|record|collate|capture|retain|"
    r"keep|collect)\b|"
    r"\b(?:have|has|hold|holds|keep|keeps)\s+no\s+(?:such\s+)?records?\b|"
    r"\bno\s+(?:relevant\s+|recorded\s+)?(?:information|data|"
    r"records?)\s+(?:relevant\s+to\s+(?:your|the|this)\s+request\s+)?"
    r"(?:is\s+|are\s+|was\s+|were\s+)?(?:held|recorded|found)\b|"
    r"\bholds?\s+no\s+(?:relevant\s+|recorded\s+)?(?:information|data|records?)\b|"
    # (Not a table's category: "Male 21175 Not Recorded 210 Unspecified 1"; but "The reason for
    # the stop is not recorded" / "2019 and earlier records ..." says it is not held.)
    r"\bnot\s+(?:centrally\s+)?recorded\b(?![ \t]+\d)|\bno\s+trace\b",
    re.I,
)
# More ways of saying it is not held, each tried only when its own words are on the page:
# "not collated", "Information not held", "no such policy exists", "no information ... was
# located", "we have no information", "this is not something the force records".
_NOT_HELD_OTHER = (
    (
        re.compile(r"\bnot\s+(?:centrally\s+)?(?:collated|captured|retained|collected)\b", re.I),
        ("collated", "captured", "retained", "collected"),
    ),
    (
        re.compile(
            r"\b(?:information|data|records?)\s+not\s+held\b|^\W*not\s+held\b",
            re.I | re.M,
        ),
        ("not held",),
    ),
    (
        re.compile(
            r"\b(?:does|do|did)\s+not\s+exist\b|\bno\s+such\s+(?:\w+\s+){0,3}?(?:exists?|existed)\b",
            re.I,
        ),
        ("exist",),
    ),
    (
        re.compile(
            r"\bno\s+(?:relevant\s+|such\s+)?(?:information|data|records?|documents?|documentation)"
            r"\s+(?:\w+\s+){0,5}?(?:was|were|has\s+been|have\s+been|could\s+be)\s+(?:located|"
            r"identified|found|traced)\b",
            re.I,
        ),
        ("located", "identified", "traced", "found"),
    ),
    (
        # "Specific information is not available - litter picking is done under contract."
        re.compile(
            r"\b(?:the\s+|this\s+|such\s+|specific\s+)?(?:information|data|figures)\s+(?:is|are)\s+"
            r"not\s+available\b(?!\s+(?:until|yet|at\s+(?:this|the\s+time)))",
            re.I,
        ),
        ("not available",),
    ),
    (
        re.compile(
            r"\b(?:have|has)\s+(?:no|not\s+got\s+any)\s+(?:relevant\s+|recorded\s+)?"
            r"(?:information|data)\b",
            re.I,
        ),
        ("have no", "has no", "not got"),
    ),
    (
        # "we do not have a match commander report", "the force does not have any such policy"
        re.compile(
            r"\b(?:we|force|police|constabulary|trust|council|service)\s+(?:(?:does|do|did)\s+"
            r"not|(?:doesn|don|didn)['’]t)\s+have\s+(?:a|an|any|the|this|that|these|those)\s+"
            r"(?:such\s+)?[\w'’ -]{0,40}?(?:report|policy|policies|"
            r"record|records|document|documents|data|information|figures|list|plan|agreement)\b",
            re.I,
        ),
        ("not have", "t have"),
    ),
    (
        # "The details of patients' waiting times are held at those other Boards", "is held by
        # another authority": held elsewhere, so not by this one.
        re.compile(
            r"\b(?:is|are)\s+held\s+(?:at|by)\s+(?:those\s+|the\s+)?(?:another|other)\s+"
            r"(?:\w+\s+){0,2}?(?:authority|authorities|boards?|body|bodies|forces?|"
            r"organisations?|trusts?|councils?)\b",
            re.I,
        ),
        ("held at", "held by"),
    ),
    (
        # "in this instance the Scottish Government does not have the information you have
        # requested" (FOISA s17 notices word it so; not "does not have the information to hand").
        re.compile(
            r"\b(?:does|do|did)\s+not\s+have\s+(?:the|any|this|that|such)\s+(?:information|data|"
            r"records?)\s+(?:(?:that\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|seek|want)|"
            r"requested)\b",
            re.I,
        ),
        ("not have",),
    ),
    (
        # "The Service does not categorise its calls as Cat1, Cat2 ...": the breakdown asked
        # for is not kept (not "does not classify this information as sensitive").
        re.compile(
            r"\b(?:does|do|did)\s+not\s+(?:categori[sz]e|classify)\s+(?:its|it['’]s|their|the|these|those)\s+"
            r"(?:\w+\s+){1,2}?(?:as|by|into|according\s+to)\s+(?!sensitive|confidential|personal)",
            re.I,
        ),
        ("categori", "classify"),
    ),
    (
        re.compile(
            r"\bnot\s+something\s+(?:that\s+)?(?:\w+\s+){1,3}?(?:records?|holds?|collects?|"
            r"captures?|keeps?|retains?|collates?)\b",
            re.I,
        ),
        ("not something",),
    ),
    (
        # "We have been unable to find permit documents related to CTCR.1546", "no records could
        # be located": searched for and not found (not "unable to find them within the cost
        # limit", a cost refusal, read before this).
        re.compile(
            r"\b(?:(?:have|has)\s+been\s+|were\s+|was\s+|are\s+|am\s+)?(?:unable|not\s+able)\s+"
            r"to\s+(?:find|locate|trace|identify)\s+(?:any\s+)?(?:\w+\s+){0,2}?(?:documents?|"
            r"records?|information|data|files?|correspondence|emails?|reports?|figures?|details)\b"
            r"|\bno\s+(?:such\s+)?(?:documents?|records?|information|files?)\s+(?:could|can)\s+be\s+"
            r"(?:found|located|traced|identified)\b",
            re.I,
        ),
        ("unable to", "not able to", "be found", "be located", "be traced", "be identified"),
    ),
)
# "Not held and is therefore exempt under Section 17": the FOISA notice that it is not held.
_NOT_HELD_NOTICE = re.compile(r"\bexempt\w*\s+(?:under|by\s+virtue\s+of)\s+section\s+17\b", re.I)
# Information held for only part of what was asked ("we only hold data from 2015"): with the
# rest given, a partial disclosure.
_PARTLY_HELD = re.compile(
    r"\bonly\s+(?:hold|holds|have|has|retain|retains|keep|keeps)\s+(?:\w+\s+){0,3}?"
    r"(?:information|data|records?|figures)\s+(?:from|since|for|after|back\s+to|going\s+back)\b|"
    r"\b(?:information|data|records?)\s+(?:is|are)\s+only\s+(?:held|available|recorded)\b|"
    r"\b(?:do|does)\s+not\s+hold\s+(?:\w+\s+){0,3}?(?:information|data|records?)\s+"
    r"(?:back\s+to|before|prior\s+to|for\s+(?:the\s+)?(?:years?|period))\b|"
    # "The information is held, in part, by ...", "we cannot provide data previous to 2012",
    # "The information we have dates back to 2004 only", "any pre 2012/13 data has not been
    # included", "The only answer that we can provide is ...".
    r"\bheld,?\s+in\s+part\b|"
    r"\b(?:cannot|can\s?not|can't|unable\s+to|not\s+able\s+to)\s+(?:provide|supply|give)\s+"
    r"(?:any\s+)?(?:data|information|figures|records)\s+(?:previous|prior|before)\b|"
    r"\bdates?\s+back\s+to\s+(?:\w+\s+)?\d{4}\s+only\b|"
    r"\b(?:data|information|figures)\s+(?:has|have)\s+not\s+been\s+included\b|"
    r"\bthe\s+only\s+(?:answer|information|data|figures?)\s+(?:that\s+)?(?:we|I)\s+"
    r"(?:can|could|are\s+able\s+to|am\s+able\s+to)\s+(?:provide|give|supply)\b|"
    # "NPH are unable to offer any other years", "we are unable to provide any further figures
    # for 2020", "The Trust does not have access to information regarding ...".
    r"\b(?:unable|not\s+able)\s+to\s+(?:provide|supply|give|offer)\s+(?:you\s+with\s+)?any\s+"
    r"(?:other|further|more|earlier|additional)\s+(?:years?|figures|data|information)\b|"
    r"\b(?:does|do)\s+not\s+have\s+access\s+to\s+(?:the\s+|this\s+|that\s+)?(?:information|data|"
    r"figures|records)\b",
    re.I,
)
_REDIRECT = re.compile(
    r"\b(?:submit|direct|redirect|send|forward|address)\w*\s+(?:this\s+(?:part\s+of\s+)?"
    r"(?:your\s+)?|your\s+|the\s+)?(?:request|question|enquiry)\s+to\b|"
    r"\bmay\s+wish\s+to\s+(?:contact|submit|approach|direct|redirect|write)\b|"
    # "Your request should be directed to the Home Office".
    r"\b(?:request|question|enquiry)\s+(?:should|would|could|may|must)\s+(?:be\s+)?(?:better\s+)?"
    r"(?:directed|redirected|addressed|sent|submitted|forwarded)\s+to\b|"
    # "any Freedom of Information requests related to the Salisbury incident should be directed
    # to the Police in the first instance": to another body, named. Not where later requests
    # or a review go ("Requests for an internal review should be sent to the Head of Legal
    # Services", "future requests should be addressed to the Information Rights Team").
    r"(?<!\bfuture\s)(?<!\bfurther\s)\b(?:requests|questions|enquiries)\b"
    r"(?!\s+(?:for|about|regarding)\s+(?:an?\s+|the\s+)?(?:internal\s+)?review\b)"
    r"[^.]{1,80}?\b(?:should|must)\s+be\s+(?:directed|redirected|addressed|sent|submitted|"
    r"forwarded)\s+to\s+(?:the\s+|our\s+)?"
    r"(?!(?:[\w']+\s+){0,3}?(?:team|department|office|unit|section|officer|manager|"
    r"directorate)\b|head\s+of\b)(?-i:[A-Z])|"
    r"\b(?:has|have|was|were)\s+been\s+transferred\b|"
    # "Questions 1 and 2 of your request have been passed to Nottinghamshire Police to answer".
    # Not a team of the authority's own ("forwarded to the Finance department for a response").
    r"\b(?:has|have)\s+been\s+(?:passed|referred|forwarded)\s+(?:on\s+)?to\s+"
    r"(?!(?:the|our)\s+(?:\w+\s+){0,3}?(?:department|team|service|section|unit)\b"
    r"(?!\s+(?:for|of)\s+(?-i:[A-Z])))"
    r"[^.]{1,80}?\s+"
    r"(?:to\s+answer|to\s+respond|for\s+(?:a\s+)?(?:response|reply|them\s+to\s+answer))\b|"
    r"\bnot\s+the\s+(?:responsible|appropriate)\s+"
    r"(?:authority|body|organisation)\b|\bnot\s+(?:a\s+matter\s+for|within\s+the\s+remit\s+of)\b|"
    r"\boutside\s+(?:the|our)\s+remit\b",
    re.I,
)
# FOIA s8: a question asking for an opinion or an explanation, not recorded information, is not
# a valid request; the answer given anyway is outside the Act ("other").
_NOT_A_REQUEST = re.compile(
    r"\bnot\s+(?:a\s+)?(?:valid\s+)?requests?\s+for\s+recorded\s+information\b|"
    r"\bfor\s+(?:a|the|your|this)\s+request\s+to\s+be\s+valid\b|"
    r"\bnot\s+a\s+valid\s+(?:[\w ]{0,40}\s)?request\b|"
    r"\bnot\s+a\s+request\s+for\s+(?:specific\s+)?recorded\s+information\b|"
    # "Your question falls outside the direct scope of the FOIA framework as it is not a direct
    # request for information held by the Commission."
    r"\bnot\s+a\s+(?:direct\s+)?request\s+for\s+(?:recorded\s+)?information\s+held\b",
    re.I,
)
# A request refused as invalid under FOIA s8 ("A valid request ... describes the information":
# rules file, section 4, [UNVERIFIED]; only the wording is read here): "does not comply with
# Section 8(1)(c)", "is invalid under section 8".
_REFUSED_UNDER_S8 = re.compile(
    r"\bdoes\s+not\s+(?:comply\s+with|fulfil|meet|satisfy)\s+(?:the\s+requirements\s+of\s+)?"
    r"section\s+8\b|\binvalid\s+(?:request\s+)?under\s+section\s+8\b",
    re.I,
)
# "Your question falls outside the scope of the FOIA": the answer, when nothing is given and
# nothing said not to be held.
_OUTSIDE_THE_ACT = re.compile(
    r"\b(?:falls?|is|are)\s+outside\s+(?:of\s+)?(?:the\s+)?(?:direct\s+)?scope\s+of\s+(?:the\s+)?"
    r"(?:FOIA|FOISA|Freedom\s+of\s+Information|Act\b)",
    re.I,
)
# The public service broadcasters' derogation (FOIA Schedule 1 Part VI): "The information you
# have requested is excluded from the Act because it is held for the purposes of ‘journalism,
# art or literature.’" (not "is not excluded from the Act").
_DEROGATION = re.compile(
    r"(?<!not\s)\bexcluded\s+from\s+the\s+(?:Act|FOIA)\b|"
    r"\bheld\s+for\s+(?:the\s+)?purposes?\s+of\s+.?journalism,\s+art\s+or\s+literature",
    re.I,
)
_ACKNOWLEDGEMENT = re.compile(
    r"\backnowledg\w*\s+(?:of\s+)?(?:receipt|your)|\bwill\s+respond\s+in\s+due\s+course\b|"
    r"\bbeing\s+dealt\s+with\b|\bwill\s+be\s+dealt\s+with\s+within\b|"
    # "Your request will be considered under the Freedom of Information Act ... We will be
    # writing to you within the statutory 20 working day timeframe with a response".
    r"\bwill\s+be\s+writing\s+to\s+you\s+within\b|"
    r"\bwill\s+(?:endeavour\s+to\s+)?respond\s+to\s+your\s+(?:request|enquiry|e-?mail)\s+within\b|"
    r"\byou\s+(?:will|should)\s+(?:receive|get)\s+a\s+(?:response|reply)\s+(?:within|by|no\s+later)\b|"
    r"\ba\s+response\s+should\s+be\s+sent\s+to\s+you",
    re.I,
)
# What "Please see ... below" may point to without giving anything: the response itself, or
# the reasons for a refusal.
_FRAMING = r"response|(?:exemption\s+)?explanations?|reasons?|reasoning"
_DISCLOSURE = quick(
    re.compile(
        # "Please see our response below" frames the response, and "Please see the exemption
        # explanation below" (or "see exemption explanation below") the reasoning; neither gives
        # anything by itself.
        # (Nor "Please see the below response to your request.")
        rf"\b(?:please\s+)?(?:find|see)\b(?!\s+(?:(?:our|the|my)\s+)?(?:full\s+)?(?:{_FRAMING})\s+"
        rf"(?:below|to\s+your\s+request)|\s+(?:our|the|my)\s+below\s+(?:{_FRAMING}))"
        r"[^.]{0,40}?\b(?:attached|enclosed|below|table)\b|"
        # (Not "we would not be able to provide further details".)
        r"\bas\s+follows\b|(?<!\bnot\s)(?<!\bnot\sbe\s)(?<!\bnot\scurrently\s)(?<!\bnot\syet\s)"
        r"\bable\s+to\s+(?:disclose|provide|release)\b|"
        r"\bdecided\s+to\s+disclose\b|"
        r"\b(?:can|could)\s+(?:advise|disclose|provide)\b(?!\s+(?:you\s+)?that\b)|\bthe\s+(?:answer|figure|total|"
        r"number)\s+(?:is|was)\b|"
        # "The answer to your request is nil." (not "... is that the Council does not hold it")
        r"\bthe\s+answer\s+to\s+your\s+(?:request|questions?)\s+(?:is|was)\s+(?:nil|none|zero|nought|0)\b|\bthere\s+(?:is|are|was|were|have\s+been|has\s+been)\s+"
        r"(?:currently\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s)|"
        r"\bis\s+attached\b|\battached\s+(?:is|are)\b|"
        r"\b(?:is|are)\s+(?:shown|provided|set\s+out|detailed|listed|given)\s+(?:below|above)\b|"
        # (Not "buildings that have been provided with statutory protection".)
        r"\b(?:have|has)\s+been\s+(?:provided|disclosed|released|supplied)\b"
        r"(?!\s+with\s+(?:statutory|legal|protection|funding|support)\b)|"
        r"\bhere\s+(?:is|are)\b|"
        r"\b(?:provided|supplied)\s+the\s+(?:below|following)\s+(?:response|information)\b|"
        r"\b(?:I|we)\s+(?:have\s+|am\s+|are\s+)?(?:attach|enclose|attached|enclosed|attaching|"
        r"enclosing)\b|\b(?:in|within|see)\s+(?:the\s+)?(?:attached\s+)?attachments?\b|"
        r"\bplease\s+find\s+(?:attached|enclosed)\b|\b(?:we|I)\s+can\s+confirm\s+that\s+"
        r"(?!(?:some\s+|the\s+|this\s+|any\s+|all\s+)?(?:relevant\s+|requested\s+)?"
        r"(?:information|data)\b)"
        # "I can confirm that the Service (CFRS) does hold the information", "... that North
        # Yorkshire Fire and Rescue hold such information but ...": held, not given.
        r"(?![^.]{0,80}?\b(?:holds?|held)\b)",
        re.I,
    )
)
_PROCEDURAL_SENTENCE = quick(
    re.compile(
        r"explanatory\s+notes|https?://|\bPIT\b|public\s+interest\s+test|prejudice\s+test|"
        # "Your enquiry ... will be dealt with as follows:": how it will be handled.
        r"\b(?:dealt\s+with|handled|processed)\s+as\s+follows\b|"
        r"\bduty\s+to\s+(?:advise|assist)|\bsection\s+16\b|\bs\.?\s?16\b|"
        # "The exemptions ... are listed below:", "our response is provided below": what comes
        # next, announced; not anything given.
        r"\b(?:exemptions?|factors?|reasons?|rationale|(?:our|my|the)\s+(?:response|reply|answer))\b"
        r"[^.]{0,120}?\b(?:is|are)\s+(?:provided|listed|set\s+out|detailed|shown|given)\s+below\b",
        re.I,
    )
)
_CITATION_TEXT = re.compile(
    # (Not the year of "Regulations 2004".)
    r"\b(?:sections?|s\.?|regs?\.?|regulations?)\s*\d{1,3}(?!\d)[A-Z]?(?:\s*\(\s*\w{1,4}\s*\))*"
    # "Sections 24, 30 and 31": a list of them.
    r"(?:\s*(?:,|&|and|or)\s*(?:and\s+)?\d{1,3}[A-Z]?(?:\s*\(\s*\w{1,4}\s*\))*)*",
    re.I,
)
_DIGIT = re.compile(r"\d")
_SUBSECTION = re.compile(r"\(\s*\d{1,2}[A-Za-z]?\s*\)")
# Dates and years, the first date of a range whose second has the year ("from 22 December to
# 31 December 2010"), and the statutory period for a reply ("within the statutory 20 working
# day timeframe"): numbers that are not data.
_DATE_TEXT = quick(
    re.compile(
        DATE + r"|\b(?:19|20)\d{2}(?:[/-]\d{2,4})?\b"
        r"|\b(?:within|statutory|deadline\s+of)\s+(?:the\s+)?(?:statutory\s+)?\d{1,2}\s+working\s+days?\b"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\s+(?:to|until|and|[-–])\s+"
        rf"(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\s+(?:19|20)\d{{2}})"
        # "your email of 7 November", "which we received on 4 February", "received 10th" (the
        # line cut before its month).
        rf"|\b(?:received|dated|sent|(?:e-?mail|letter|request)\s+of)\s+(?:on\s+)?"
        rf"\d{{1,2}}(?:(?:st|nd|rd|th)?\s+(?:{MONTH})\b|(?:st|nd|rd|th)\b)",
        re.I,
    )
)
_BARE_CITATION = re.compile(r"\b\d{1,2}[A-Z]?(?:\s*\(\s*\w{1,4}\s*\))+")
_CONTACT_LINE = re.compile(
    r"\b(?:tel|telephone|phone|fax|mobile|ext|e-?mail|ref(?:erence)?|postcode)\b|@|https?://|www\.|"
    # The page's own field: "Request: FOI-2024-04156 FOI/18", "Case number: 5361828".
    r"^(?:foi\s+)?(?:request|case|foi)(?:\s+(?:no|number|id))?\.?\s*:|"
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|_\d|\d_",
    re.I,
)


# "1.", "Q2 -", "Question 3:", "(4)": the number of the item answered, not data.
_ITEM_MARKER = re.compile(
    r"^(?:(?:q(?:uestion)?|part|point)\s*\.?\s*\d{1,2}[a-z]?(?:[.):](?!\d)|\s+[-–](?=\s)|\s*$)"
    r"|\(?\d{1,2}[a-z]?(?:[.):](?!\d)|\s+[-–](?=\s)))\s*",
    re.I,
)


_NAMED_ITEM = re.compile(
    r"\b(?:requests?|questions?|q|parts?|points?|annex(?:e|es)?|appendix|appendices|schedule)"
    r"\s*(?:numbers?\s*)?\.?\s*\d{1,2}[a-z]?\b",
    re.I,
)
# In a longer line, the items or provisions it speaks of, listed: "the information requested at
# questions 1, 2, 3 and 4", "Information for items 1, 2 and 3", "Articles 5, 6 and 9 of the UK
# GDPR" (a list closed by "and", "or" or "to").
_ITEMS_LISTED = re.compile(
    r"\b(?:requests?|questions?|q|parts?|points?|items?|articles?|paragraphs?|pages?)"
    r"\s*(?:numbers?\s*)?\.?\s*\d{1,2}[a-z]?(?:\s*,\s*\d{1,2}[a-z]?)*\s*,?\s*(?:and|or|&|to)\s+"
    r"\d{1,2}[a-z]?\b",
    re.I,
)
_MARKER_FIRST = frozenset("0123456789(qQpP")


# The Act described rather than applied: "Section 1 ... places two duties on public
# authorities. Unless exemptions apply, the first duty ...", "Where exemptions are relied upon
# Section 17 of FOIA requires that we provide ... a notice which: a) states that fact ...".
# Forces print it above every answer, so it says nothing about this one (FOIA s1 and s17).
_DUTIES = re.compile(
    r"\bplaces\s+(?:two|2)\s+(?:duties|responsibilities)\b|\bunless\s+(?:an\s+)?exemptions?\s+"
    r"appl(?:y|ies)\b|\b(?:first|second)\s+duty\b|\bwhere\s+(?:an\s+)?exemptions?\s+(?:is|are)\s+"
    r"relied\s+upon\b|\bsection\s+17\s+of\s+(?:the\s+)?(?:FOIA?|Freedom\s+of\s+Information|Act)\b"
    r"[^.]{0,40}\brequires\b|\bstates\s+that\s+fact\b|\bspecifies\s+the\s+exemption|"
    r"\bwhy\s+the\s+exemption\s+applies\b",
    re.I,
)

_ATTACHED = re.compile(
    r"\b(?:find|see)\s+(?:\w+\s+){0,4}?(?:attached|enclosed)\b|"
    # "... are also attached", "our charging structure as attached".
    r"\b(?:is|are|been)\s+(?:also\s+)?(?:attached|enclosed)\b|\bthe\s+attached\b|\bas\s+attached\b|"
    # "Please see Annex A.", a sentence of its own: the answer in a document of its own (not
    # "Reasons for withholding the information are detailed at Annex 1.", nor "For an
    # explanation of the searches carried out, please see Annex A.").
    r"(?:^|[.:]\s+)(?:please\s+)?see\s+annex\s+[A-Z1-9]\s*(?:[.)]|$)|"
    # "Please see Annexes A and B to this response for a copy of some of the information you
    # requested."
    r"\bsee\s+annex(?:es)?\s+[A-Z1-9](?:\s*(?:,|and|&)\s*[A-Z1-9])*\s+(?:(?:to|of)\s+this\s+"
    r"(?:response|letter)\s+)?for\s+(?:a\s+copy\s+of\s+)?(?:the|some|all|part)\s+(?:of\s+the\s+)?"
    r"information\b|"
    r"\bthe\s+enclosed\s+(?:spreadsheets?|documents?|files?|tables?|letter|reports?|pdf|"
    r"response|information|list|cop(?:y|ies)|schedule|appendix|annex)\b|"
    r"\battached\s+(?:is|are|document|spreadsheet|file|response|table|pdf|report|letter)\b|"
    # "... is provided within the document attached", "... attached to this email" (not "the
    # document attached to your request", "the files attached to the crime report", "the
    # spreadsheet attached to the email you refer to": attached to something else).
    r"\bthe\s+(?:documents?|spreadsheets?|files?|tables?|reports?)\s+attached\b"
    r"(?!\s+to\b(?!\s+(?:this|our)\s+(?:e-?mail|letter|response|reply|correspondence)\b))|"
    r"\bATTACHMENT_\w*|\b\w+\.(?:pdf|xlsx?|docx?|csv|odt|ods)\b",
    re.I,
)
# "I have attached", "we enclose", "in the attachment", "2 Attachments" (a WhatDoTheyKnow
# message), "the accompanying spreadsheet": each tried only when its words are there.
_ATTACHMENT_OTHER = (
    (
        # "Please see the spreadsheet to see the information.", "Please see accompanying
        # documents FOI_25-116 Appendix A and B", "Attached to the email accompanying this
        # letter is a document bundle".
        re.compile(
            r"\bsee\s+(?:the\s+)?(?:accompanying\s+(?:documents?|spreadsheets?|files?|tables?|"
            r"appendi(?:x|ces)|annex(?:es)?)|spreadsheets?)\b"
            # (Not the requester's own: "see the spreadsheet you sent", "... in your request".)
            r"(?!\s+(?:(?:that\s+)?you\b|(?:which\s+)?(?:was\s+)?(?:attached|sent|supplied|"
            r"provided|enclosed|included|referred\s+to|mentioned)\s+(?:(?:to|in|with|by)\s+)?"
            r"(?:your|you)\b))|"
            r"(?:^|[.:]\s+)attached\s+to\s+(?:this|the|my|our)\s+(?:e-?mail|letter|response|reply)\b",
            re.I | re.M,
        ),
        ("see the spreadsheet", "see spreadsheet", "accompanying", "attached to"),
    ),
    (
        # "please see the enclosure which follows this letter" (not an animal's enclosure)
        re.compile(
            r"\b(?:see|find|in)\s+(?:the\s+)?enclosures?\b|\benclosures?\s+(?:which\s+follows?|"
            r"below|attached|with\s+this\s+letter)",
            re.I,
        ),
        ("enclosure",),
    ),
    (
        re.compile(
            r"\b(?:I|we)\s+(?:have\s+|am\s+|are\s+)?(?:attach|enclose|attached|enclosed|"
            r"attaching|enclosing)\b",
            re.I,
        ),
        (
            "i attach",
            "we attach",
            "i enclos",
            "we enclos",
            "have attach",
            "have enclos",
            "am attach",
            "are attach",
            "am enclos",
            "are enclos",
        ),
    ),
    (
        re.compile(
            r"\b(?:in|within|see)\s+(?:the\s+)?(?:attached\s+)?attachments?\b"
            r"(?!\s*:?\s*(?:none|n/a))|\bas\s+an?\s+attachment\b|^\d{1,2}\s+attachments?$|"
            r"\bdownload\s+(?:original\s+)?attachment\b",
            re.I | re.M,
        ),
        ("attachment",),
    ),
    (
        re.compile(
            r"\baccompanying\s+(?:excel\s+|word\s+|pdf\s+)?(?:spreadsheet|document|file|table|pdf|"
            r"report|letter|workbook)s?\b|"
            r"\battached\s+(?:to\s+this\s+(?:letter|e-?mail|response)|here(?:to|with))\b",
            re.I,
        ),
        ("accompanying", "attached to this", "attached here"),
    ),
)

# Each pattern is tried only when one of these words is in the text (see ``Cue``).
NCND = Either(
    Cue(_NCND, "neither", "ncnd", "inference", "confirm or"),
    Cue(_NCND_OTHER, "confirm or", "confirming or", "does or does", "whether or not"),
)
NCND_PARTIAL = Cue(
    _NCND_PARTIAL, "addition", "other", "further", "overt", "attached", "some of", "majority"
)
_COST = Cue(
    _COST,
    "labour",
    "limit",
    "threshold",
    "appropriate level",
    "hours",
    "above the amount",
    "£450",
    "£600",
    "allocation",
    "allowance",
)
_NOT_RETRIEVABLE = Cue(_NOT_RETRIEVABLE, "retrievable", "extractable")
_VEXATIOUS = Cue(_VEXATIOUS, "vexatious", "repeated request")
_CLARIFY = Cue(_CLARIFY, "clarif", "unclear", "ambiguous", "if you could")
# Clarification offered, not asked for: an acknowledgement's "Should we require clarification,
# I shall be in touch", the closing courtesy "Please contact me if you require further
# clarification of the information provided", "... if you have any queries or need
# clarification", "if any part of this response requires clarification", "If anything requires
# further clarification", "Should you wish to seek clarification"; and "Question 2 is unclear or
# requires clarification" (an "or" after the requester's queries only). "Your letter requires
# clarification" and "We would wish to seek clarification" ask for it.
_CLARIFICATION_OFFERED = Cue(
    re.compile(
        r"(?:,\s+or|\b(?:(?:should|if)\s+(?:we|I)|you(?:\s+wish\s+to)?|"
        r"(?:queries|questions|query|question)\s+or|(?:this|our|my|the)\s+(?:response|letter)|"
        r"anything))\s+(?:seek|seeking|need|require|requires|request|requesting|ask\w*)\s+"
        r"(?:for\s+)?(?:some\s+|further\s+|a\s+)?clarification\b",
        re.I,
    ),
    "clarification",
)


def _asks_to_clarify(text: str) -> bool:
    """Whether an answer asks the requester to clarify (FOIA s1(3)), courtesy offers aside."""
    return bool(_CLARIFY.search(_CLARIFICATION_OFFERED.sub(" ", text)))


_NOT_A_REQUEST = Cue(
    _NOT_A_REQUEST, "recorded information", "to be valid", "valid ", "information held"
)
_REFUSED_UNDER_S8 = Cue(_REFUSED_UNDER_S8, "section 8")
_OUTSIDE_THE_ACT = Cue(_OUTSIDE_THE_ACT, "outside")
_DEROGATION = Cue(_DEROGATION, "excluded from", "journalism")
_POINTS_TO_PUBLISHED = Cue(_POINTS_TO_PUBLISHED, "link")
_S21 = Cue(
    _S21,
    "accessible",
    "already",
    "available",
    "website",
    "web page",
    "webpage",
    "link",
    "www.",
    "http",
    ".uk",
)
_S22 = Cue(_S22, "publication", "published")
_PARTIAL = Cue(
    _PARTIAL,
    "some",
    "in part",
    "partial",
    "majority",
    "redact",
    "release all",
    "disclose all",
    "provide all",
    "in full",
    "part of",
    "parts of",
    "<",
)
_WITHHELD = Cue(
    _WITHHELD,
    "withh",
    "exempt",
    "exemt",
    "exemption",
    "not be ",
    "will not",
    "unable",
    "not able",
    "currently able",
    "yet able",
    "obliged",
    "refusal",
    "by virtue",
    "cannot",
    "can not",
    "could not",
    "position to",
    "declin",
    "refused",
)
_NOT_HELD = Either(
    Cue(
        _NOT_HELD,
        "held",
        "hold",
        "record",
        "collate",
        "capture",
        "retain",
        "keep",
        "trace",
        "collect",
    ),
    *(Cue(pattern, *needles) for pattern, needles in _NOT_HELD_OTHER),
)
_PARTLY_HELD = Cue(
    _PARTLY_HELD,
    "only",
    "not hold",
    "in part",
    "previous",
    "prior",
    "before",
    "not been included",
    "any other",
    "any further",
    "any more",
    "any earlier",
    "any additional",
    "have access",
)
_EXEMPTION_WORDING = Cue(_EXEMPTION_WORDING, "withh", "exempt", "exemt", "refusal", "by virtue")
_REDIRECT = Cue(
    _REDIRECT,
    "request to",
    "question to",
    "enquiry to",
    "may wish to",
    "directed to",
    "addressed to",
    "sent to",
    "submitted to",
    "forwarded to",
    "transferred",
    "been passed",
    "been referred",
    "been forwarded",
    "responsible",
    "appropriate authority",
    "appropriate body",
    "appropriate organisation",
    "matter for",
    "remit",
)
_ACKNOWLEDGEMENT = Cue(
    _ACKNOWLEDGEMENT,
    "acknowledg",
    "due course",
    "respond to your",
    "dealt with",
    "writing",
    "a response",
    "a reply",
)
ATTACHED = Either(
    Cue(
        _ATTACHED,
        "attached",
        "enclosed",
        "annex",
        "attachment_",
        ".pdf",
        ".xls",
        ".doc",
        ".csv",
        ".od",
    ),
    *(Cue(pattern, *needles) for pattern, needles in _ATTACHMENT_OTHER),
)
DUTIES = Cue(
    _DUTIES,
    "two duties",
    "2 duties",
    "two responsibilities",
    "unless exemption",
    "unless an exemption",
    "first duty",
    "second duty",
    "relied upon",
    "section 17 of",
    "states that fact",
    "specifies the exemption",
    "why the exemption applies",
)


_FOOTNOTE = re.compile(r"(?m)^\*+\s.*(?:\n(?!\s*$).*)*")


def without_footnote(answer: str) -> str:
    """An answer less a footnote ("* Numbers between 1 and 5 have been redacted ...") that
    explains cells it does not mark: the last answer before a table's footnote does not take
    on the footnote's redaction."""
    if "*" not in answer:
        return answer
    body = _FOOTNOTE.sub("", answer)
    return answer if "*" in body else body


# An identifier of letters and digits, not a figure: a permit "CTCR.1546", a reference
# "FOI2024/04564", "TH/CTCU.0865/001", its digits after a stop or slash, or three and more of
# them. (Not a call sign, "NPAS15", a camera, "CAM12", a vehicle, "BX19 KLM", nor an officer's
# collar number, "PC1234": asked for, they are what is given.)
_CODE = re.compile(r"\b(?!(?:PC|PS|DC|DS|SC|PCSO)\d)[A-Z]{2,}(?:[./]\d|-?\d{3})[\w./-]*")


# A link's number in a page copied from an email ("[1]Regulation 12(4)(b)", "[2]www..."), not
# a figure.
_LINK_NUMBER = re.compile(r"\[\d{1,2}\](?=\S)")


# Money, a percentage or a table anywhere in an answer: figures given.
_SUMS_GIVEN = re.compile(r"£\s?\d|\btable\b|\d\s?%", re.I)


#: A count given in words against what it counts: "(a) 2014 - None.", "2016 - One
#: (residential).", "Fixed cameras: nil" (not "Information held - None", nor the response's own
#: particulars: "Fees: None", "Exemptions applied: None", "Answer: None").
_COUNT_IN_WORDS = re.compile(
    r"^(?![^\n]*\b(?:information|data|records?|documents?|held|fees?|charges?|attachments?|"
    r"exemptions?|exceptions?|redactions?|answer|response|reply|outcome)\b)"
    r"[^.\n]{1,40}?(?:\s[-–]|\s?:)\s*(?:none|nil|zero|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b[ .]*(?:\([^()\n]{1,40}\)[ .]*)?$",
    re.I,
)


_DIGIT_RUN = re.compile(r"\d+")
# "please contact Highways England on 0300 123 5000"
_PHONE_NUMBER = re.compile(r"(?<![\d,])\+?(?:44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d,])")
# A number standing alone in a longer line (not a time: "it would take approximately 5 minutes
# ... around 559 hours of work").
_STANDALONE_NUMBER = re.compile(
    r"(?<![\w£$.,/-])\d[\d,]*(?![\w%/-]|[.,]\d|\s*(?:minutes?|hours?|days?|weeks?|months?)\b)"
)
#: A clause that gives a figure: "figures for 2020 are 44", "in 2020 there were 44", "2020: 44"
#: (not a period, "CCTV is kept for 31 days", "our retention schedule is 7 years", nor a number
#: that counts no data, "see page 4", "call 0300 123 5000", "2 searches were made").
_CLAUSE_FIGURE = re.compile(
    r"(?:\b(?:is|are|was|were|totall?(?:ed|ing)|stood\s+at|came\s+to)\s+"
    # (Not the threshold below which figures are withheld: "as the number of officers concerned
    # is less than 5", "which is 12 officers or fewer".)
    r"(?!(?:\w+\s+)?(?:less|fewer|lower|smaller)\s+than\b|(?:\w+\s+)?(?:under|below)\s+\d)"
    r"(?:\w+\s+){0,2}?|"
    r"\bthere\s+(?:were|was|are|is|have\s+been|had\s+been)\s+|:\s*)"
    r"\d[\d,.]*(?!\d|[\d,.]*\s*(?:days?|weeks?|months?|years?|hours?|minutes?)\b)"
    r"(?!\s+(?:\w+\s+)?(?:or|and)\s+(?:fewer|less|under|below)\b)",
    re.I,
)
# A cost estimate's working: a time per record ("5 minutes to review each record", "at 3
# minutes each", "10 minutes per file") or its sum ("1,856 x 5 = 9,280 minutes").
_TIME_ESTIMATE = re.compile(
    r"\d\s*(?:minutes?|mins?|hours?|hrs?)\b[^.]{0,60}?\b(?:each|per|for\s+every)\b|"
    r"\d\s*[x×*]\s*\d",
    re.I,
)


def _clauses(text: str) -> list[str]:
    """The clauses after a semicolon in a line of ``text``: "We do not have the information
    for 2019; figures for 2020 are 44" gives "figures for 2020 are 44"."""
    return [c for line in text.split("\n") for c in re.split(r";[ ]+", line)[1:]]


@remembered_for_the_page
def has_figures(text: str) -> bool:
    """Data in an answer: a short line with a number in it (not a citation or a date), or a
    count in words against what it counts, money, or a table; or a clause after a semicolon
    that gives a figure ("We do not have the information for 2019; figures for 2020 are 44")."""
    if _SUMS_GIVEN.search(text):
        return True
    lines = text.split("\n")
    if "; " in text:
        lines += [c for c in _clauses(text) if _CLAUSE_FIGURE.search(c)]
    for line in lines:
        if line[:1] in _MARKER_FIRST:
            line = _ITEM_MARKER.sub("", line)
        if _COUNT_IN_WORDS.match(line):
            return True
        if not line or not _DIGIT.search(line) or _CONTACT_LINE.search(line):
            continue
        longer = len(line) > 80
        if longer:
            # (Most longer lines are sentences with a date or a section number in them: what
            # stripping them of those leaves cannot hold a count or three numbers.)
            if len(_DIGIT_RUN.findall(line)) < 3 and not _CLAUSE_FIGURE.search(line):
                continue
            line = _ITEMS_LISTED.sub(" ", line)
        line = _NAMED_ITEM.sub(" ", line)  # "a Refusal Notice for Request 2"
        line = _CODE.sub(" ", line)  # "permit documents related to CTCR.1546"
        line = _LINK_NUMBER.sub(" ", line)  # "withheld under [1]Regulation 12(4)(b)"
        bare = _DATE_TEXT.sub(" ", _BARE_CITATION.sub(" ", _CITATION_TEXT.sub(" ", line)))
        # "40. – (1) Any information to which a request ... relates is exempt": the Act quoted,
        # its subsection in brackets.
        bare = _SUBSECTION.sub(" ", bare)
        if longer:
            # A longer line gives figures where it states a count ("There were 45 incidents
            # recorded in 2022, compared with 38 in 2021") or is a table run into one line
            # ("Female 4046 Male 21175 Not Recorded 210 Grand Total 25432"); other numbers in
            # a sentence are seldom data, nor are a cost estimate's ("A search of the system
            # identified 1,856 records, and to review each record would take approximately 5
            # minutes: 1,856 x 5 = 9,280 minutes").
            if _TIME_ESTIMATE.search(bare):
                continue
            numbers = _STANDALONE_NUMBER.findall(_PHONE_NUMBER.sub(" ", bare))
            if _CLAUSE_FIGURE.search(bare) or len(numbers) >= 3:
                return True
            continue
        if re.search(r"\d", bare):
            return True
    return False


def without_duties(text: str) -> str:
    """``text`` less its sentences that describe the Act's duties rather than apply them."""
    if not DUTIES.search(text):
        return text
    return drop_sentences(text, lambda sentence: bool(DUTIES.search(sentence)))


def _given_beside_the_part(text: str) -> bool:
    """Whether a cost refusal of "this part of your request" gives the rest: something given
    outside the refusal's own working ("would need to read each of the 4,312 reports ... over
    215 hours" gives nothing), and the whole request not refused after all."""
    if _WHOLE_REFUSED.search(text):
        return False
    besides = [
        s
        for s in sentences(text)
        if not (_COST.search(s) or _PART_REFUSED.search(s) or _COST_WORKING.search(s))
    ]
    return gives("\n".join(besides))


def _cost_refusal(text: str, cites: Sequence[str]) -> bool:
    if any(c == "s12" or c.startswith("s12(") for c in cites):
        return True
    for m in _COST.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        sentence_start = max(before.rfind(". "), before.rfind("\n"))
        if not _COST_NEGATED.search(before[sentence_start + 1 :]):
            return True
    return False


# "The information is exempt pursuant to section 24(1) - National Security. See below.": a bare
# pointer after a refusal points to the reasons set out below, not to information.
_SEE_BELOW = re.compile(r"^(?:please\s+)?see\s+below\.?$", re.I)


def _substantive(text: str) -> str:
    """``text`` less its procedural sentences and a bare "See below." after a refusal, one a
    line (so a short line of figures is still a short line)."""
    said = [s for s in sentences(text) if not _PROCEDURAL_SENTENCE.search(s)]
    return "\n".join(
        s
        for k, s in enumerate(said)
        if not (k and _SEE_BELOW.match(s.strip()) and refuses(said[k - 1]))
    )


# "there is no information we can provide", "nothing more we can provide", "no further
# information I can provide", "nothing we can disclose": saying nothing is given (not "Having
# searched once more we can provide the figures", nor "Further information we can provide is
# that ...", which give something).
_NOTHING_TO_GIVE = Cue(
    re.compile(
        r"\b(?:no(?:\s+(?:more|further))?\s+information|nothing(?:\s+(?:more|further|that))?)\s+"
        r"(?:we|I)\s+(?:can|could)\s+(?:advise|disclose|provide)\b",
        re.I,
    ),
    "no information",
    "no more",
    "no further",
    "nothing",
)


def gives(text: str) -> bool:
    """Whether an answer gives anything: figures, the wording of a disclosure, or a document
    attached ("provided me with the enclosed spreadsheet")."""
    substantive = _substantive(text)
    return (
        has_figures(substantive)
        or bool(_DISCLOSURE.search(_NOTHING_TO_GIVE.sub(" ", substantive)))
        # ("There was no contract in place, so the information is not held": why nothing is held.)
        or bool(_NIL_RETURN.search(substantive) and not _NOT_HELD.search(substantive))
        or bool(ATTACHED.search(LINK.sub(" ", substantive)))
    )


#: The exception for information not held: EIR reg 12(4)(a) (rules file, "Exceptions" row) and
#: the EISR's reg 10(4)(a) (a secondary source).
_NOT_HELD_EXCEPTIONS = frozenset({"reg12(4)(a)", "reg10(4)(a)"})


def _without_table_headings(text: str) -> str:
    """``text`` less a table's row of column headings, the line above rows of figures
    ("Release Partial Release Refuse Information Not Held Failure to Respond Invalid" over "On
    Time 995 695 358 565 0 25"): its "Partial Release" and "Not Held" label columns, and say
    nothing of the answer."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    # (Rows of figures are few, and a number is cheaper to count than a heading to read.)
    headings = {
        k
        for k in range(len(lines) - 1)
        if len(_DIGIT_RUN.findall(lines[k + 1])) >= 3
        and not lines[k].rstrip().endswith((".", ":"))
        and len(_STANDALONE_NUMBER.findall(lines[k + 1])) >= 3
        and not _STANDALONE_NUMBER.findall(_DATE_TEXT.sub(" ", lines[k]))
        and _title_case(lines[k])
    }
    if not headings:
        return text
    return "\n".join(line for k, line in enumerate(lines) if k not in headings)


def _title_case(line: str) -> bool:
    """Whether most of a line's words (four or more) begin with a capital."""
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def classify(text: str, cites: Sequence[str], *, whole: bool) -> str | None:
    """The outcome an answer's wording gives (rules in the module docstring).

    ``whole`` is for a response read as one answer to the whole request: there an
    acknowledgement or boilerplate alone decides nothing.
    """
    if not text.strip():
        return None
    text = _without_table_headings(text)
    # Not a ground for withholding: the cost limit, vexatious requests, accessible and future
    # publication, and the exception for information not held, which says nothing is held.
    exemption_cites = [
        c
        for c in cites
        if not re.match(r"s1[24]\b|s12\(|s14\(|s2[12]\b", c) and c not in _NOT_HELD_EXCEPTIONS
    ]
    if NCND.search(text):
        if "s12(2)" in cites and not exemption_cites:
            # FOIA s12(2): the cost of finding out whether it is held is itself over the limit.
            return "cost_limit_s12"
        if _PARTIAL.search(text) or (NCND_PARTIAL.search(text) and gives(text)):
            # "Overt information attached, neither confirm nor deny any other"; without anything
            # given, "any other information" is only the refusal's wording.
            return "partially_disclosed"
        # What the answer says besides its refusal to confirm or deny.
        besides = "\n".join(s for s in sentences(text) if not NCND.search(s))
        if _OVERT.search(besides):
            # "The force has not trialled or used facial recognition in an overt capacity.
            # ... can neither confirm nor deny that any further information ...": the answer
            # about overt use is given, nil as it is; the rest is neither confirmed nor denied.
            return "partially_disclosed"
        if NCND_PARTIAL.search(text) and _NOT_HELD.search(besides):
            # "No information held. In addition, ... neither confirms nor denies that it holds
            # any other information": the answer is that it is not held.
            return "not_held"
        return "ncnd"
    cites_s14 = any(c.startswith("s14") for c in cites)
    worded_s14 = bool(_VEXATIOUS.search(text))
    if cites_s14 and worded_s14:
        # "S14 Vexatious Requests - over burdensome": a section 14 refusal that discusses the
        # burden, and perhaps why section 12 does not apply, is not a cost refusal.
        return "vexatious_s14"
    if _REFUSED_UNDER_S8.search(text) and not _asks_to_clarify(text):
        # "your request does not comply with Section 8(1)(c) ... Requests defined by Section 12
        # ... are invalid": refused as no valid request (FOIA s8), whatever the cost wording
        # that explains why.
        return "other"
    if _cost_refusal(text, cites):
        # README convention: figures given anyway under a cost refusal ("however we have been
        # able to provide a snap shot of March figures (See attached)", "as a gesture of
        # goodwill") count as disclosed for the question they answer: so in a question's own
        # answer. Given under a refusal of the whole request, they answer no question in
        # particular (``extraction._goodwill_answered`` finds those that do).
        if not whole and _GIVEN_ANYWAY.search(text) and gives(text):
            return "disclosed"
        if whole and _PART_REFUSED.search(text) and _given_beside_the_part(text):
            # "Please see attached ..." / "... we feel unable to comply with this part of your
            # request": the cost refusal is of one part; the rest is given.
            return "partially_disclosed"
        return "cost_limit_s12"
    if cites_s14 or worded_s14:
        return "vexatious_s14"
    if _asks_to_clarify(text):
        return "clarification_needed"
    # (Wording alone, where another exemption is cited and s21 is not, is about something else:
    # "the terms of reference ... are available at the link below". FOISA's s25 is s21.)
    others = [c for c in exemption_cites if not c.startswith("s25")]
    if (
        any(c == "s21" for c in cites)
        or (_S21.search(text) and not others)
        or (_POINTS_TO_PUBLISHED.search(text) and not others and not gives(text))
    ):
        # "Some of the information that you have requested is already accessible by other means
        # and is therefore exempt in accordance with Section 21": the rest is answered.
        return (
            "partially_disclosed" if _SOME_ELSEWHERE.search(text) else "reasonably_accessible_s21"
        )
    if any(c.startswith("s22") for c in cites) or _S22.search(text):
        return "future_publication_s22"
    if _NOT_A_REQUEST.search(text) or (
        # (Not where sums or a table are given beside it: "The remaining information ... was
        # £2.1 million.")
        _DEROGATION.search(text) and not _SUMS_GIVEN.search(text)
    ):
        return "other"
    if _PARTIAL.search(text):
        return "partially_disclosed"
    given = gives(text)
    not_held = _NOT_HELD.search(text)
    if not_held and not exemption_cites and _NOT_HELD_NOTICE.search(text):
        # "This information is not held and is therefore exempt under Section 17 of the Freedom
        # of Information (Scotland) Act 2002": FOISA s17 is the notice that information is not
        # held (the rules file does not quote it: [UNVERIFIED]); section 17 is procedure under
        # either Act (corpus README), so nothing is withheld.
        return "partially_disclosed" if given else "not_held"
    if not exemption_cites and any(c in _NOT_HELD_EXCEPTIONS for c in cites):
        # "The Council is refusing your request under regulation 12(4)(a)": the refusal is that
        # nothing is held.
        return "partially_disclosed" if given else "not_held"
    if exemption_cites or (
        _WITHHELD.search(text) and (not not_held or _EXEMPTION_WORDING.search(text))
    ):
        return "partially_disclosed" if given else "exempt"
    # "... is therefore not held in a readily retrievable format": held, but finding it would
    # take a manual search (FOIA s12); "No records were found." would still be an answer that it
    # is not held.
    unretrievable = _NOT_RETRIEVABLE.search(text) and not given
    if unretrievable and not _NOT_HELD.search(_retrievable_aside(text)):
        return "cost_limit_s12"
    if not_held or _PARTLY_HELD.search(text):
        return "partially_disclosed" if given else "not_held"
    if _REDIRECT.search(text) or (not given and _OUTSIDE_THE_ACT.search(text)):
        return "other"
    if given and _SOME_HELD.search(text):
        # "I can confirm that some information in scope of your request is held. Please see
        # Annex A.": what is given is only part of what was asked.
        return "partially_disclosed"
    if given:
        return "disclosed"
    if whole or _ACKNOWLEDGEMENT.search(text):
        return None
    return "disclosed" if re.search(r"\w", _substantive(text)) else None


def _retrievable_aside(text: str) -> str:
    """``text`` less its sentences saying the information is not readily retrievable."""
    return drop_sentences(text, lambda sentence: bool(_NOT_RETRIEVABLE.search(sentence)))


def refuses(sentence: str) -> bool:
    """Whether a sentence refuses something: withheld, not held, neither confirmed nor denied,
    or an exemption cited."""
    return bool(
        _WITHHELD.search(sentence)
        or _NOT_HELD.search(sentence)
        or NCND.search(sentence)
        or _CITATION_TEXT.search(sentence)
    )
