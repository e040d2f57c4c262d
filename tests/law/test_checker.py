"""The response checker: a named test per rule, failing and passing, on the seed and variants.

Every variant starts from ``data/190A-23.json`` (the seed response in the JSON form, which has
no errors) and changes one thing, so each test shows exactly what a rule reacts to.
"""

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from foidesk.law import checker
from foidesk.law.checker import Severity, check_response, findings_as_dict
from foidesk.law.response import load_response

DATA = Path(__file__).parent / "data"
TODAY = date(2023, 3, 1)


def seed() -> dict:
    return json.loads((DATA / "190A-23.json").read_text(encoding="utf-8"))


def cost_case() -> dict:
    return json.loads((DATA / "s12-cost-limit.json").read_text(encoding="utf-8"))


def findings(data: dict, **kwargs):
    kwargs.setdefault("today", TODAY)
    return check_response(load_response(data), **kwargs)


def codes(data: dict, severity: Severity | None = None, **kwargs) -> list[str]:
    return [f.code for f in findings(data, **kwargs) if severity is None or f.severity is severity]


def errors(data: dict, **kwargs) -> list[str]:
    return codes(data, Severity.ERROR, **kwargs)


def warnings(data: dict, **kwargs) -> list[str]:
    return codes(data, Severity.WARNING, **kwargs)


def ncnd_decision(data: dict) -> dict:
    return data["decisions"][0]


def simple_refusal(provisions, outcome="exempt", text="Exempt.", regime="foia", kind="police"):
    """A one-question response refusing under ``provisions`` with nothing else."""
    data = seed()
    data["request"]["regime"] = regime
    data["authority"]["kind"] = kind
    data["authority"]["is_police"] = kind == "police"
    data["decisions"] = [
        {"questions": [1, 2, 3, 4], "outcome": outcome, "provisions": provisions, "text": text}
    ]
    data["tests"] = []
    return data


def pit(provision, kind="disclosure", harm=True, written_for=None):
    para = {"text": "Reasoning.", "written_for": written_for or [provision]}
    return {
        "provision": provision,
        "kind": kind,
        "evidence_of_harm": [para] if harm else [],
        "factors_for": ["Openness and accountability."],
        "factors_against": ["Harm to law enforcement."],
        "balance": "The balance favours maintaining the exemption.",
        "conclusion": "Exempt.",
    }


# -- the seed --------------------------------------------------------------------------------


def test_seed_190a_23_has_no_errors():
    found = findings(seed())
    assert [f for f in found if f.severity is Severity.ERROR] == []
    assert found == []  # and no warnings: it states s40(5) is absolute, PITs are NCND ones


def test_s12_example_has_no_findings():
    assert findings(cost_case()) == []


def test_findings_as_dict_shape():
    data = seed()
    data["rights_paragraph"] = None
    out = findings_as_dict(findings(data))
    assert out == [
        {
            "severity": "error",
            "code": "rights_missing",
            "questions": [],
            "message": out[0]["message"],
            "citation": {
                "text": out[0]["citation"]["text"],
                "url": out[0]["citation"]["url"],
                "unverified": True,
            },
            "where": "rights_paragraph",
        }
    ]
    assert "s17(7)" in out[0]["citation"]["text"]
    json.dumps(out)


def test_every_rule_has_a_docstring_citing_its_source():
    for rule in checker.RULES:
        doc = rule.__doc__ or ""
        assert rule.__name__.startswith("rule_")
        assert any(w in doc for w in ("FOIA", "EIR", "FOISA")), rule.__name__
        assert "http" in doc, rule.__name__


def test_errors_come_before_warnings():
    data = seed()
    data["rights_paragraph"] = None
    ncnd_decision(data)["text"] = "We hold 12 records."
    found = findings(data)
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda s: s is not Severity.ERROR)
    assert Severity.WARNING in severities


# -- every question has an outcome -----------------------------------------------------------


def test_question_without_outcome():
    data = seed()
    data["decisions"][1]["questions"] = [3]
    found = [f for f in findings(data) if f.code == "question_without_outcome"]
    assert [(f.questions, f.where) for f in found] == [((4,), "request.questions[3]")]


def test_every_question_answered_passes():
    assert "question_without_outcome" not in codes(seed())


# -- refusals cite a provision ---------------------------------------------------------------


def test_refusal_without_provision():
    data = simple_refusal([], outcome="exempt")
    assert "refusal_without_provision" in errors(data)


def test_refusal_with_provision_passes():
    data = simple_refusal(["foia:s30(1)(a)"])
    data["tests"] = [pit("foia:s30(1)(a)", harm=False)]
    assert "refusal_without_provision" not in codes(data)
    assert errors(data) == []


def test_cost_outcome_must_cite_s12():
    data = cost_case()
    data["decisions"][0]["provisions"] = ["foia:s14(1)"]
    assert "outcome_provision_mismatch" in errors(data)


def test_cost_outcome_with_s12_passes():
    assert "outcome_provision_mismatch" not in codes(cost_case())


# -- unknown and unspecific provisions -------------------------------------------------------


def test_unknown_provision():
    data = simple_refusal(["foia:s31(1)(z)"])
    found = [f for f in findings(data) if f.code == "unknown_provision"]
    assert found and "s31(1)" in found[0].message
    assert found[0].where == "decisions[0].provisions[0]"


def test_procedure_section_is_not_a_provision():
    assert "unknown_provision" in errors(simple_refusal(["foia:s17"]))


def test_bare_section_is_a_warning():
    data = simple_refusal(["foia:s31"])
    data["tests"] = [pit("foia:s31")]
    assert "unspecific_provision" in warnings(data)
    assert "unspecific_provision" not in codes(
        simple_refusal(["foia:s21"], "reasonably_accessible")
    )


# -- qualified: public interest test; absolute: none, and say so -----------------------------


def test_qualified_exemption_without_pit():
    data = simple_refusal(["foia:s30(1)(a)"])
    assert "public_interest_test_missing" in errors(data)


def test_qualified_exemption_with_pit_passes():
    data = simple_refusal(["foia:s30(1)(a)"])
    data["tests"] = [pit("foia:s30", harm=False)]  # a test for the section covers (1)(a)
    assert "public_interest_test_missing" not in codes(data)


def test_pit_without_balance_does_not_count():
    data = simple_refusal(["foia:s30(1)(a)"])
    t = pit("foia:s30(1)(a)", harm=False)
    t["factors_against"] = []
    data["tests"] = [t]
    found = [f for f in findings(data) if f.code == "public_interest_test_missing"]
    assert found and "no factors on both sides" in found[0].message


def test_qualified_ncnd_needs_its_own_ncnd_test():
    data = seed()
    for t in data["tests"]:
        if t["provision"] == "foia:s31(3)":
            t["kind"] = "disclosure"
    found = [f for f in findings(data) if f.code == "ncnd_public_interest_test_missing"]
    assert len(found) == 1
    assert "does not cover the duty to confirm or deny" in found[0].message
    assert found[0].where == "decisions[0].provisions[1]"


def test_qualified_ncnd_with_ncnd_test_passes():
    assert "ncnd_public_interest_test_missing" not in codes(seed())


def test_eir_exception_needs_pit():
    data = simple_refusal(["eir:reg12(4)(e)"], regime="eir")
    assert "public_interest_test_missing" in errors(data)
    data["tests"] = [pit("eir:reg12(4)(e)", harm=False)]
    assert "public_interest_test_missing" not in codes(data)


def test_s40_2_second_condition_needs_pit():
    data = simple_refusal([{"id": "foia:s40(2)", "condition": "second"}])
    assert "public_interest_test_missing" in errors(data)
    data = simple_refusal([{"id": "foia:s40(2)", "condition": "first"}], text="s40(2) is absolute.")
    assert errors(data) == []


def test_absolute_not_stated():
    data = seed()
    ncnd_decision(data)["text"] = ncnd_decision(data)["text"].replace(
        "is classed as absolute and there is no requirement to consider the public interest",
        "applies",
    )
    found = [f for f in findings(data) if f.code == "absolute_not_stated"]
    assert [(f.severity, f.where) for f in found] == [
        (Severity.WARNING, "decisions[0].provisions[3]")
    ]


def test_absolute_stated_passes():
    assert "absolute_not_stated" not in codes(seed())


def test_pit_for_absolute_provision_is_a_warning():
    data = simple_refusal(["foia:s41(1)"], text="Section 41 is an absolute exemption.")
    data["tests"] = [pit("foia:s41(1)", harm=False)]
    assert warnings(data) == ["public_interest_test_not_needed"]
    data["tests"] = []
    assert codes(data) == []


# -- prejudice: evidence of harm -------------------------------------------------------------


def test_prejudice_based_without_harm():
    data = simple_refusal(["foia:s31(1)(a)"])
    data["tests"] = [pit("foia:s31(1)(a)", harm=False)]
    found = [f for f in findings(data) if f.code == "harm_evidence_missing"]
    assert found and found[0].severity is Severity.ERROR


def test_prejudice_based_with_harm_passes():
    data = simple_refusal(["foia:s31(1)(a)"])
    data["tests"] = [pit("foia:s31(1)(a)")]
    assert errors(data) == []


def test_class_based_needs_no_harm():
    data = simple_refusal(["foia:s30(1)(a)"])
    data["tests"] = [pit("foia:s30(1)(a)", harm=False)]
    assert "harm_evidence_missing" not in codes(data)


def test_seed_ncnd_harm_is_present():
    data = seed()
    for t in data["tests"]:
        if t["provision"] == "foia:s38(2)":
            t["evidence_of_harm"] = []
    assert "harm_evidence_missing" in errors(data)  # s38(2) is prejudice-based ("endanger")


# -- NCND only through a provision that has one ----------------------------------------------


def test_ncnd_with_s21_is_an_error():
    data = seed()
    ncnd_decision(data)["provisions"].append("foia:s21")
    assert "ncnd_not_available" in errors(data)


def test_ncnd_s43_3_does_not_cover_trade_secrets():
    data = simple_refusal(["foia:s43(3)", "foia:s43(1)"], outcome="ncnd", text="NCND.")
    data["tests"] = [pit("foia:s43(3)", kind="ncnd")]
    assert "ncnd_provision_does_not_cover" in errors(data)


def test_ncnd_s43_3_for_commercial_prejudice_passes():
    data = simple_refusal(["foia:s43(3)"], outcome="ncnd", text="NCND.")
    data["tests"] = [pit("foia:s43(3)", kind="ncnd")]
    assert errors(data) == []


def test_foisa_ncnd_needs_s18_and_an_allowed_exemption():
    data = simple_refusal(["foisa:s35(1)(a)"], outcome="ncnd", text="NCND.", regime="foisa")
    data["rights_paragraph"] = (
        "You may request a review and apply to the Scottish Information Commissioner."
    )
    data["tests"] = [pit("foisa:s35(1)(a)", kind="ncnd")]
    assert "ncnd_without_s18" in errors(data)
    data["decisions"][0]["provisions"] = ["foisa:s18(1)", "foisa:s35(1)(a)"]
    data["tests"].append(pit("foisa:s18(1)", kind="ncnd"))
    assert "ncnd_without_s18" not in codes(data)
    assert errors(data) == []
    data["decisions"][0]["provisions"] = ["foisa:s18(1)", "foisa:s27(1)"]
    assert "ncnd_provision_does_not_cover" in errors(data)


def test_eir_ncnd_only_for_12_5_a():
    data = simple_refusal(
        ["eir:reg12(6)", "eir:reg12(5)(b)"], outcome="ncnd", text="NCND.", regime="eir"
    )
    data["tests"] = [pit("eir:reg12(6)", kind="ncnd"), pit("eir:reg12(5)(b)", kind="ncnd")]
    assert "ncnd_provision_does_not_cover" in errors(data)
    data["decisions"][0]["provisions"] = ["eir:reg12(6)", "eir:reg12(5)(a)"]
    data["tests"] = [pit("eir:reg12(6)", kind="ncnd"), pit("eir:reg12(5)(a)", kind="ncnd")]
    assert errors(data) == []


def test_eir_ncnd_without_ncnd_regulation():
    data = simple_refusal(["eir:reg12(5)(a)"], outcome="ncnd", text="NCND.", regime="eir")
    data["tests"] = [pit("eir:reg12(5)(a)", kind="ncnd")]
    assert "ncnd_not_available" in errors(data)


def test_ncnd_citing_disclosure_subsection_is_a_warning():
    data = simple_refusal(["foia:s31(1)(a)"], outcome="ncnd", text="NCND.")
    data["tests"] = [pit("foia:s31(1)(a)", kind="ncnd")]
    assert warnings(data) == ["ncnd_cites_disclosure_provision"]
    assert errors(data) == []


def test_ncnd_provision_in_confirming_decision_is_a_warning():
    data = simple_refusal(["foia:s31(3)"], outcome="exempt")
    data["tests"] = [pit("foia:s31(3)", kind="ncnd")]
    assert "ncnd_provision_in_confirming_decision" in warnings(data)


# -- NCND must not reveal --------------------------------------------------------------------


def test_ncnd_giving_figures_is_an_error():
    data = seed()
    ncnd_decision(data)["figures_given"] = True
    assert "ncnd_gives_figures" in errors(data)


def test_ncnd_revealing_held_is_an_error():
    data = seed()
    ncnd_decision(data)["reveals_held"] = True
    assert "ncnd_reveals_held" in errors(data)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("We hold the information but will neither confirm nor deny.", "ncnd_text_may_reveal"),
        ("No information is held. We neither confirm nor deny.", "ncnd_text_may_reveal"),
        ("There are 14 live investigations; otherwise NCND applies.", "ncnd_text_may_reveal"),
        ("We neither confirm nor deny. 14 officers.", "ncnd_text_has_figures"),
    ],
)
def test_ncnd_text_heuristics_warn(text, code):
    data = seed()
    ncnd_decision(data)["text"] += "\n\n" + text
    assert code in warnings(data)
    assert code not in errors(data)


def test_ncnd_text_heuristics_ignore_citations_questions_and_urls():
    # The seed says "neither confirm nor deny that we hold", cites "Section 30(3)", names
    # "Question 1 and 2" and links the APP page: none of that is a reveal.
    assert [c for c in codes(seed()) if c.startswith("ncnd_text")] == []


@pytest.mark.parametrize("citation", ["Section 24", "Sect. 24", "sec 24", "s.24", "EIR 12"])
def test_ncnd_text_heuristics_ignore_a_section_however_abbreviated(citation):
    data = seed()
    ncnd_decision(data)["text"] += f"\n\n{citation} applies to any information held."
    assert "ncnd_text_has_figures" not in warnings(data)


def test_ncnd_and_not_held_for_the_same_question():
    data = seed()
    data["decisions"].append({"questions": [2], "outcome": "not_held", "text": "Not held."})
    assert "ncnd_question_also_not_held" in warnings(data)


# -- mutually exclusive provisions -----------------------------------------------------------


def test_s23_1_with_s24_1_is_an_error():
    data = simple_refusal(["foia:s23(1)", "foia:s24(1)"], text="Section 23 is absolute.")
    data["tests"] = [pit("foia:s24(1)")]
    assert "mutually_exclusive" in errors(data)


def test_s23_5_with_s24_2_passes():
    data = simple_refusal(
        ["foia:s23(5)", "foia:s24(2)"], outcome="ncnd", text="Section 23 is absolute."
    )
    data["tests"] = [pit("foia:s24(2)", kind="ncnd")]
    assert "mutually_exclusive" not in codes(data)
    assert errors(data) == []


def test_s30_with_s31_same_information_is_an_error():
    data = simple_refusal(["foia:s30(1)(a)", "foia:s31(1)(a)"])
    data["tests"] = [pit("foia:s30(1)(a)", harm=False), pit("foia:s31(1)(a)")]
    assert "mutually_exclusive" in errors(data)


def test_s30_and_s31_in_separate_decisions_pass():
    data = simple_refusal(["foia:s30(1)(a)"])
    data["decisions"] = [
        {"questions": [1, 2], "outcome": "exempt", "provisions": ["foia:s30(1)(a)"]},
        {"questions": [3, 4], "outcome": "exempt", "provisions": ["foia:s31(1)(a)"]},
    ]
    data["tests"] = [pit("foia:s30(1)(a)", harm=False), pit("foia:s31(1)(a)")]
    assert "mutually_exclusive" not in codes(data)


def test_s30_3_with_s31_3_ncnd_in_the_alternative_passes():
    assert "mutually_exclusive" not in codes(seed())


# -- who may use what ------------------------------------------------------------------------


def test_s35_from_police_is_an_error():
    data = simple_refusal(["foia:s35(1)(a)"])
    data["tests"] = [pit("foia:s35(1)(a)", harm=False)]
    assert "provision_not_available_to_authority" in errors(data)


def test_s35_from_government_department_passes():
    data = simple_refusal(["foia:s35(1)(a)"], kind="government_department")
    data["tests"] = [pit("foia:s35(1)(a)", harm=False)]
    assert errors(data) == []


def test_authority_kind_argument_overrides_the_file():
    data = simple_refusal(["foia:s35(1)(a)"], kind="government_department")
    data["tests"] = [pit("foia:s35(1)(a)", harm=False)]
    assert "provision_not_available_to_authority" in errors(data, authority_kind="police")


def test_s33_from_police_is_only_a_warning_because_unverified():
    data = simple_refusal(["foia:s33(2)"])
    data["tests"] = [pit("foia:s33(2)")]
    found = [f for f in findings(data) if f.code == "provision_not_available_to_authority"]
    assert found[0].severity is Severity.WARNING
    assert found[0].citation.unverified
    assert "UNVERIFIED" in found[0].message


def test_s36_needs_qualified_person_opinion():
    data = simple_refusal(["foia:s36(2)(c)"], kind="local_authority")
    data["tests"] = [pit("foia:s36(2)(c)")]
    assert "qualified_person_opinion_missing" in errors(data)
    data["decisions"][0]["provisions"] = [
        {
            "id": "foia:s36(2)(c)",
            "qualified_person_opinion": {"by": "Chief Executive", "date": "2023-02-01"},
        }
    ]
    assert errors(data) == []
    data["decisions"][0]["provisions"] = [{"id": "foia:s36(2)(c)", "statistical": True}]
    assert errors(data) == []


# -- regime ----------------------------------------------------------------------------------


def test_eir_request_refused_under_foia_is_an_error():
    data = simple_refusal(["foia:s31(1)(a)"], regime="eir")
    data["tests"] = [pit("foia:s31(1)(a)")]
    assert "regime_mismatch" in errors(data)


def test_foia_request_refused_under_eir_or_foisa_is_an_error():
    data = simple_refusal(["eir:reg12(5)(b)"])
    data["tests"] = [pit("eir:reg12(5)(b)")]
    assert "regime_mismatch" in errors(data)
    data = simple_refusal(["foisa:s35(1)(a)"])
    data["tests"] = [pit("foisa:s35(1)(a)")]
    assert "regime_mismatch" in errors(data)


def test_matching_regime_passes():
    data = simple_refusal(["eir:reg12(5)(b)"], regime="eir")
    data["tests"] = [pit("eir:reg12(5)(b)")]
    assert "regime_mismatch" not in codes(data)


def test_foia_s39_in_an_eir_case_passes():
    data = simple_refusal(["foia:s39(1)"], regime="eir")
    data["tests"] = [pit("foia:s39(1)", harm=False)]
    assert "regime_mismatch" not in codes(data)


# -- conditions ------------------------------------------------------------------------------


def test_s40_2_condition_not_stated_is_a_warning():
    data = simple_refusal(["foia:s40(2)"], text="Section 40(2) is absolute.")
    assert warnings(data) == ["condition_not_stated"]
    assert errors(data) == []


def test_unknown_condition_is_an_error():
    data = simple_refusal([{"id": "foia:s40(2)", "condition": "fourth"}])
    assert "unknown_condition" in errors(data)


# -- s12 ---------------------------------------------------------------------------------------


def test_s12_without_estimate():
    data = cost_case()
    data["decisions"][0]["cost_estimate"] = None
    assert "cost_estimate_missing" in errors(data)


def test_s12_without_advice_to_narrow():
    data = cost_case()
    data["decisions"][0]["advice_to_narrow"] = " "
    found = [f for f in findings(data) if f.code == "advice_to_narrow_missing"]
    assert found and "s16" in found[0].citation.text


def test_s12_estimate_not_above_police_limit():
    data = cost_case()
    data["decisions"][0]["cost_estimate"]["hours"] = {"locating": 8, "extracting": 10}
    found = [f for f in findings(data) if f.code == "cost_not_above_limit"]
    assert found and "18-hour" in found[0].message and "£450" in found[0].message


def test_s12_government_department_limit_is_24_hours():
    data = cost_case()
    data["authority"] = {"name": "Home Office", "is_police": False, "kind": "government_department"}
    data["decisions"][0]["cost_estimate"]["hours"] = {"locating": 10, "extracting": 12}
    assert "cost_not_above_limit" in errors(data)  # 22 h > 18 h but not > 24 h
    data["decisions"][0]["cost_estimate"]["hours"] = {"locating": 10, "extracting": 15}
    assert "cost_not_above_limit" not in codes(data)


def test_s12_redaction_does_not_count():
    data = cost_case()
    data["decisions"][0]["cost_estimate"]["hours"] = {"extracting": 10, "redacting": 30}
    assert "cost_not_above_limit" in errors(data)
    assert "cost_counts_excluded_activity" in warnings(data)


def test_foisa_cost_excludes_determining_whether_held():
    data = cost_case()
    data["request"]["regime"] = "foisa"
    data["rights_paragraph"] = (
        "You may request a review and then apply to the Scottish Information Commissioner."
    )
    data["decisions"][0]["provisions"] = ["foisa:s12(1)"]
    data["decisions"][0]["cost_estimate"]["hours"] = {
        "determining_whether_held": 30,
        "locating": 20,
    }
    assert "cost_not_above_limit" in errors(data)  # 20 countable hours, limit £600 / £15 = 40 h
    assert "cost_counts_excluded_activity" in warnings(data)
    data["decisions"][0]["cost_estimate"]["hours"] = {"locating": 41}
    assert errors(data) == []


def test_s12_should_cite_fees_regulations():
    data = cost_case()
    data["decisions"][0]["text"] = "Section 12 applies."
    assert warnings(data) == ["fees_regulations_not_cited"]


def test_s12_2_needs_confirming_alone_above_limit():
    data = cost_case()
    data["decisions"][0]["provisions"] = ["foia:s12(2)"]
    data["decisions"][0]["cost_estimate"]["hours"] = {"locating": 4, "extracting": 25}
    assert "cost_ncnd_not_above_limit" in warnings(data)
    data["decisions"][0]["cost_estimate"]["hours"] = {"determining_whether_held": 19}
    assert "cost_ncnd_not_above_limit" not in codes(data)


# -- s14 ---------------------------------------------------------------------------------------


def test_s14_with_pit_is_a_warning():
    data = simple_refusal(["foia:s14(1)"], outcome="vexatious", text="Vexatious.")
    data["tests"] = [pit("foia:s14(1)", harm=False)]
    assert "public_interest_test_for_s14" in warnings(data)
    assert "public_interest_test_for_s14" not in errors(data)


def test_s14_without_pit_passes():
    data = simple_refusal(["foia:s14(1)"], outcome="vexatious", text="Vexatious.")
    assert codes(data) == []


# -- s21, s22 ----------------------------------------------------------------------------------


def test_s21_should_say_where():
    data = simple_refusal(
        ["foia:s21"], outcome="reasonably_accessible", text="Section 21 is absolute."
    )
    assert warnings(data) == ["accessible_without_where"]
    data["decisions"][0]["where"] = "https://www.police.uk/"
    assert codes(data) == []


def test_s22_should_give_publication_date():
    data = simple_refusal(["foia:s22(1)"], outcome="future_publication")
    data["tests"] = [pit("foia:s22(1)", harm=False)]
    assert warnings(data) == ["publication_date_missing"]
    data["decisions"][0]["publication_date"] = "2023-06-01"
    assert codes(data) == []


def test_foisa_s27_publication_beyond_12_weeks():
    data = simple_refusal(["foisa:s27(1)"], outcome="future_publication", regime="foisa")
    data["rights_paragraph"] = (
        "You may request a review and apply to the Scottish Information Commissioner."
    )
    data["tests"] = [pit("foisa:s27(1)", harm=False)]
    data["decisions"][0]["publication_date"] = "2023-04-20"  # received 20 Jan + 12 weeks = 14 Apr
    assert "publication_beyond_12_weeks" in errors(data)
    data["decisions"][0]["publication_date"] = "2023-04-14"
    assert "publication_beyond_12_weeks" not in codes(data)


def test_eir_not_held_should_cite_12_4_a():
    data = simple_refusal([], outcome="not_held", regime="eir")
    assert "eir_not_held_without_exception" in warnings(data)
    data["decisions"][0]["provisions"] = ["eir:reg12(4)(a)"]
    assert codes(data) == []  # reg 12(4)(a) needs no practical PIT


# -- s17(7) rights ---------------------------------------------------------------------------


def test_rights_missing_is_an_error():
    data = seed()
    data["rights_paragraph"] = None
    assert errors(data) == ["rights_missing"]


def test_rights_without_ico_is_an_error():
    data = seed()
    data["rights_paragraph"] = "You may ask for an internal review."
    found = [f for f in findings(data) if f.code == "rights_incomplete"]
    assert found and "the ICO" in found[0].message


def test_rights_missing_when_all_disclosed_is_a_warning():
    data = seed()
    data["decisions"] = [{"questions": [1, 2, 3, 4], "outcome": "disclosed"}]
    data["tests"] = []
    data["rights_paragraph"] = None
    assert warnings(data) == ["rights_missing"]
    assert errors(data) == []


def test_foisa_rights_need_review_and_commissioner():
    data = simple_refusal(
        ["foisa:s25(1)"],
        outcome="reasonably_accessible",
        regime="foisa",
        text="Section 25 is absolute.",
    )
    data["decisions"][0]["where"] = "https://www.scotland.police.uk/"
    data["rights_paragraph"] = "Complain to the ICO."
    assert "rights_incomplete" in errors(data)
    data["rights_paragraph"] = (
        "You may require a review, then apply to the Scottish Information Commissioner."
    )
    assert codes(data) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "You may ask for an internal review. If you remain dissatisfied you may complain to the "
        "Information Commissioner's Office (ICO): https://ico.org.uk/make-a-complaint/",
        "You may require a review. You may then apply to the Information Commissioner.",
    ],
)
def test_foisa_rights_sending_the_requester_to_the_uk_ico_is_an_error(paragraph):
    """FOISA s47: the application after a review is to the Scottish Information Commissioner;
    the UK Information Commissioner (the ICO) has no say over a FOISA request."""
    data = simple_refusal(
        ["foisa:s25(1)"],
        outcome="reasonably_accessible",
        regime="foisa",
        text="Section 25 is absolute.",
    )
    data["decisions"][0]["where"] = "https://www.scotland.police.uk/"
    data["rights_paragraph"] = paragraph
    found = [f for f in findings(data) if f.code == "rights_incomplete"]
    assert found and found[0].severity is Severity.ERROR
    assert "Scottish Information Commissioner" in found[0].message
    data["rights_paragraph"] = "You may require a review, then apply to the Commissioner."
    assert codes(data) == []


def test_foia_rights_sending_the_requester_to_the_scottish_commissioner_is_an_error():
    """FOIA s50: complaints go to the Information Commissioner (the ICO), not the Scottish
    Information Commissioner, whose remit is FOISA."""
    data = seed()
    data["rights_paragraph"] = (
        "You may ask for an internal review, then apply to the Scottish Information Commissioner."
    )
    found = [f for f in findings(data) if f.code == "rights_incomplete"]
    assert found and "the ICO" in found[0].message


def test_foisa_not_held_needs_rights():
    data = simple_refusal([], outcome="not_held", regime="foisa")
    data["rights_paragraph"] = None
    assert "rights_missing" in errors(data)


# -- the clock -------------------------------------------------------------------------------


def test_response_sent_late():
    data = seed()
    data["dates"]["sent"] = "2023-02-20"  # due Fri 17 Feb 2023
    found = [f for f in findings(data) if f.code == "response_late"]
    assert found and "Fri 17 Feb 2023" in found[0].message


def test_response_sent_on_the_due_date_passes():
    data = seed()
    data["dates"]["sent"] = "2023-02-17"
    assert codes(data) == []


def test_unsent_response_overdue_today():
    data = seed()
    data["dates"]["sent"] = None
    assert "response_overdue" in errors(data, today=date(2023, 2, 20))
    assert "response_overdue" not in codes(data, today=date(2023, 2, 17))


def test_recorded_due_date_differs_is_a_warning():
    data = seed()
    data["dates"]["due"] = "2023-02-16"
    assert warnings(data) == ["due_date_differs"]


def test_pit_extension_without_notice_is_an_error():
    data = seed()
    data["dates"].update(pit_extension_to="2023-03-10", sent="2023-03-09")
    assert "pit_extension_notice_missing" in errors(data)


def test_pit_extension_notice_after_day_20_is_an_error():
    data = seed()
    data["dates"].update(
        pit_extension_to="2023-03-10", sent="2023-03-09", pit_extension_notice_sent="2023-02-20"
    )
    assert "pit_extension_notice_late" in errors(data)


def test_pit_extension_with_timely_notice_passes():
    data = seed()
    data["dates"].update(
        due=None,
        pit_extension_to="2023-03-10",
        sent="2023-03-09",
        pit_extension_notice_sent="2023-02-17",
    )
    assert codes(data) == []


def test_pit_extension_decision_late():
    data = seed()
    data["dates"].update(
        due=None,
        pit_extension_to="2023-03-10",
        sent="2023-03-13",
        pit_extension_notice_sent="2023-02-17",
    )
    assert "response_late" in errors(data)


def test_pit_extension_longer_than_ico_limit_is_a_warning():
    data = seed()
    data["dates"].update(
        due=None,
        pit_extension_to="2023-04-28",
        sent="2023-04-28",
        pit_extension_notice_sent="2023-02-17",
    )
    found = [f for f in findings(data) if f.code == "pit_extension_long"]
    assert found and found[0].severity is Severity.WARNING and found[0].citation.unverified


def test_pit_extension_under_foisa_is_an_error():
    data = simple_refusal(
        ["foisa:s25(1)"],
        outcome="reasonably_accessible",
        regime="foisa",
        text="Section 25 is absolute.",
    )
    data["decisions"][0]["where"] = "https://www.scotland.police.uk/"
    data["rights_paragraph"] = (
        "You may require a review, then apply to the Scottish Information Commissioner."
    )
    data["dates"] = {"sent": "2023-02-16", "pit_extension_to": "2023-03-10"}
    assert "extension_not_available" in errors(data)


# -- paragraphs pasted under the wrong provision ---------------------------------------------


def test_paragraph_for_another_section_is_an_error():
    data = seed()
    data["tests"][0]["factors_for"][0]["written_for"] = ["foia:s38(2)"]  # in the s30(3) test
    found = [f for f in findings(data) if f.code == "paragraph_for_other_provision"]
    assert found and found[0].where == "tests[0].factors_for[0]"
    assert found[0].severity is Severity.ERROR


def test_paragraph_for_another_subsection_is_a_warning():
    data = seed()
    data["tests"][1]["factors_against"][0]["written_for"] = ["foia:s31(1)(a)"]  # s31(3) test
    assert warnings(data) == ["paragraph_for_other_subsection"]
    assert errors(data) == []


def test_paragraph_written_for_the_section_passes():
    data = seed()
    data["tests"][1]["factors_against"][0]["written_for"] = ["foia:s31"]
    assert codes(data) == []


def test_test_for_uncited_provision_is_a_warning():
    data = seed()
    data["tests"].append(pit("foia:s42(1)", harm=False))
    assert warnings(data) == ["test_for_uncited_provision"]


# -- the catalogue is not mutated by checking ------------------------------------------------


def test_checking_does_not_change_the_input():
    data = seed()
    before = copy.deepcopy(data)
    findings(data)
    assert data == before


# -- loading the JSON form (response.py) -----------------------------------------------------


def test_round_trip():
    from foidesk.law.response import response_to_dict

    r = load_response(seed())
    assert load_response(response_to_dict(r)) == r
    assert r.request.question_numbers == (1, 2, 3, 4)
    assert r.decisions[0].provision_ids == (
        "foia:s30(3)", "foia:s31(3)", "foia:s38(2)", "foia:s40(5)",
    )  # fmt: skip
    assert r.tests[0].evidence_of_harm[0].written_for == (
        "foia:s30(3)", "foia:s31(3)", "foia:s38(2)",
    )  # fmt: skip


def test_load_reports_every_problem_with_its_path():
    from foidesk.law.response import ResponseFormatError

    data = seed()
    data["request"]["regime"] = "gdpr"
    data["decisions"][0]["provisions"].append({"id": "foia:s40(2)", "conditon": "first"})
    del data["authority"]["name"]
    with pytest.raises(ResponseFormatError) as info:
        load_response(data)
    text = "\n".join(info.value.errors)
    assert "request.regime: 'gdpr' is not one of" in text
    assert "decisions[0].provisions[4]: Additional properties are not allowed" in text
    assert "authority: 'name' is a required property" in text
    assert str(info.value).startswith("invalid response JSON: ")


def test_load_checks_what_the_schema_cannot():
    from foidesk.law.response import ResponseFormatError

    data = seed()
    data["request"]["questions"][1]["number"] = 1
    data["dates"]["sent"] = "2023-02-29"
    data["attachments"][0]["questions"] = [7]
    with pytest.raises(ResponseFormatError) as info:
        load_response(data)
    assert sorted(info.value.errors) == [
        "attachments[0].questions: there is no question 7",
        "dates.sent: '2023-02-29' is not a real date (YYYY-MM-DD)",
        "decisions[0].questions: there is no question 2 in the request",
        "request.questions: question number 1 is used more than once",
    ]


def test_load_refuses_dates_the_clock_cannot_count_from():
    from foidesk.law.response import ResponseFormatError

    data = seed()
    data["request"]["received"] = "1871-12-29"
    data["dates"]["received"] = "9999-12-31"
    data["dates"]["fee_notice"] = "9999-12-31"
    data["dates"]["sent"] = "2023-02-16"  # not counted from: not limited
    with pytest.raises(ResponseFormatError) as info:
        load_response(data)
    known = "is outside the years whose bank holidays are known (1872 to 2100)"
    assert sorted(info.value.errors) == [
        f"dates.fee_notice: 31 December 9999 {known}",
        f"dates.received: 31 December 9999 {known}",
        f"request.received: 29 December 1871 {known}",
    ]


def test_a_deadline_that_runs_past_the_known_years_is_not_an_extension_finding():
    # Received Mon 20 Dec 2100: working day 20 would be in 2101. That is no fault of the
    # response (not "extension_invalid"): the check cannot be done, and says why.
    from foidesk.law.deadlines import DateOutOfRange

    data = seed()
    data["request"]["received"] = data["dates"]["received"] = "2100-12-20"
    data["dates"]["due"] = data["dates"]["sent"] = None
    with pytest.raises(DateOutOfRange, match="runs past 31 December 2100"):
        check_response(load_response(data), today=date(2100, 12, 21))


def test_validator_in_use_is_named():
    from foidesk.law.response import validator_name

    assert validator_name().startswith("jsonschema 4.")
