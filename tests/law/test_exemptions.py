"""The exemption catalogue: the legal facts a refusal turns on (rules sections 3, 4, 6, 7, 9)."""

import json

import pytest

from foidesk.law import exemptions as ex
from foidesk.law.exemptions import (
    CATALOGUE_VERSION,
    Basis,
    Effect,
    Role,
    Status,
    UnknownCondition,
    UnknownProvision,
    get_provision,
    is_absolute,
    may_use,
    mutually_exclusive,
    ncnd_covers,
    ncnd_provision_for,
    needs_harm_test,
    needs_public_interest_test,
    provisions_for,
)
from foidesk.law.regimes import Regime


def ncnd(pid):
    n = ncnd_provision_for(pid)
    return None if n is None else n.id


# -- the data file ---------------------------------------------------------------------------


def test_catalogue_is_versioned():
    cat = ex.load_catalogue()
    assert cat.version == CATALOGUE_VERSION == "2026.1"
    assert ex.default_catalogue().version == CATALOGUE_VERSION


def test_catalogue_refuses_duplicates_and_dangling_references():
    good = {
        "version": "x",
        "provisions": [
            {
                "id": "foia:s21",
                "name": "n",
                "role": "exemption",
                "effect": "absolute",
                "basis": "class",
                "status": "V",
            }
        ],
    }
    ex.catalogue_from_dict(good)
    with pytest.raises(ValueError, match="twice"):
        ex.catalogue_from_dict({**good, "provisions": good["provisions"] * 2})
    bad = json.loads(json.dumps(good))
    bad["provisions"][0]["ncnd"] = "foia:s21(9)"
    with pytest.raises(ValueError, match="unknown"):
        ex.catalogue_from_dict(bad)
    with pytest.raises(ValueError, match="version"):
        ex.catalogue_from_dict({"provisions": []})


def test_every_provision_has_a_source_and_a_legislation_link():
    for p in ex.default_catalogue().provisions.values():
        assert p.source.startswith("http"), p.id
        assert p.legislation_url.startswith("https://www.legislation.gov.uk/"), p.id
        assert p.name and p.title, p.id


def test_required_provisions_are_listed():
    ids = set(ex.default_catalogue().provisions)
    wanted = {
        "foia:s12", "foia:s12(2)", "foia:s14(1)", "foia:s14(2)", "foia:s21", "foia:s22",
        "foia:s22A", "foia:s27(1)", "foia:s27(2)", "foia:s30(1)(a)", "foia:s30(1)(b)",
        "foia:s30(1)(c)", "foia:s30(2)", "foia:s36(2)(a)", "foia:s36(2)(b)", "foia:s36(2)(c)",
        "foia:s37(1)(a)", "foia:s37(1)(b)", "foia:s40(1)", "foia:s40(2)", "foia:s40(5A)",
        "foia:s40(5B)", "foia:s41(1)", "foia:s42(1)", "foia:s43(1)", "foia:s43(2)",
        "foia:s44(1)(a)", "foia:s44(1)(b)", "foia:s44(1)(c)", "eir:reg12(6)", "eir:reg13(5A)",
        "foisa:s12", "foisa:s14(1)", "foisa:s14(2)", "foisa:s27(1)", "foisa:s27(2)",
        "foisa:s30(a)", "foisa:s30(b)", "foisa:s30(c)", "foisa:s33(1)", "foisa:s33(2)",
        "foisa:s35(1)(a)", "foisa:s36(1)", "foisa:s36(2)", "foisa:s38(1)(a)", "foisa:s38(1)(d)",
        "foisa:s39(1)", "foisa:s39(2)",
    }  # fmt: skip
    wanted |= {f"foia:s31(1)({c})" for c in "abcdefghi"}
    wanted |= {f"eir:reg12(4)({c})" for c in "abcde"} | {f"eir:reg12(5)({c})" for c in "abcdefg"}
    wanted |= {f"foia:s{n}" for n in (*range(21, 25), *range(26, 45))}
    wanted |= {f"foisa:s{n}" for n in range(25, 42)}
    assert wanted - ids == set()


def test_provisions_for_regime_in_statute_order():
    foia = provisions_for(Regime.FOIA)
    assert all(p.regime is Regime.FOIA for p in foia)
    ids = [p.id for p in foia]
    assert ids.index("foia:s22") < ids.index("foia:s22A") < ids.index("foia:s23")
    assert [p.id for p in provisions_for("eir", role=Role.NCND)] == [
        "eir:reg12(6)",
        "eir:reg13(5A)",
    ]
    assert ex.sorted_ids(["foia:s31(1)(i)", "foia:s31(1)(h)", "eir:reg12(4)(a)"]) == [
        "foia:s31(1)(h)", "foia:s31(1)(i)", "eir:reg12(4)(a)",
    ]  # fmt: skip


def test_deeper_citation_resolves_to_the_listed_entry():
    assert get_provision("foia:s30(2)(a)(i)").id == "foia:s30(2)(a)"
    assert get_provision("foia:s42(1)(a)").id == "foia:s42(1)"
    with pytest.raises(UnknownProvision, match=r"s31\(1\) has no \(z\)"):
        get_provision("foia:s31(1)(z)")
    with pytest.raises(UnknownProvision):
        get_provision("foia:s17")
    with pytest.raises(UnknownProvision):
        get_provision("not an id")


# -- s21 / NCND ------------------------------------------------------------------------------


def test_s21_is_absolute_class_with_no_ncnd():
    p = get_provision("foia:s21")
    assert (p.effect, p.basis) == (Effect.ABSOLUTE, Basis.CLASS)
    assert ncnd_provision_for("foia:s21") is None
    assert ncnd_provision_for("foia:s21(1)") is None


def test_s21_is_the_only_foia_exemption_without_ncnd_apart_from_trade_secrets():
    without = {
        p.id.split("(")[0]
        for p in provisions_for(Regime.FOIA, role=Role.EXEMPTION)
        if ncnd_provision_for(p.id) is None
    }
    assert without == {"foia:s21", "foia:s43"}  # s43 only for s43(1) and the bare section


def test_s43_3_covers_only_s43_2():
    assert ncnd("foia:s43(2)") == "foia:s43(3)"
    assert ncnd("foia:s43(1)") is None
    assert ncnd_covers("foia:s43(3)", "foia:s43(2)")
    assert not ncnd_covers("foia:s43(3)", "foia:s43(1)")
    assert get_provision("foia:s43(1)").basis is Basis.CLASS
    assert get_provision("foia:s43(2)").basis is Basis.PREJUDICE


@pytest.mark.parametrize(
    ("pid", "expected"),
    [
        ("foia:s12(1)", "foia:s12(2)"),
        ("foia:s22(1)", "foia:s22(2)"),
        ("foia:s23(1)", "foia:s23(5)"),
        ("foia:s24(1)", "foia:s24(2)"),
        ("foia:s27(2)", "foia:s27(4)"),
        ("foia:s30(1)(a)", "foia:s30(3)"),
        ("foia:s30(2)(b)", "foia:s30(3)"),
        ("foia:s31(1)(a)", "foia:s31(3)"),
        ("foia:s36(2)(c)", "foia:s36(3)"),
        ("foia:s37(1)(a)", "foia:s37(2)"),
        ("foia:s38(1)(b)", "foia:s38(2)"),
        ("foia:s40(1)", "foia:s40(5A)"),
        ("foia:s40(2)", "foia:s40(5B)"),
        ("foia:s41(1)", "foia:s41(2)"),
        ("foia:s42(1)", "foia:s42(2)"),
        ("foia:s44(1)(a)", "foia:s44(2)"),
        ("eir:reg12(5)(a)", "eir:reg12(6)"),
        ("eir:reg13(1)", "eir:reg13(5A)"),
        ("foisa:s35(1)(a)", "foisa:s18(1)"),
    ],
)
def test_ncnd_provision_for(pid, expected):
    assert ncnd(pid) == expected
    assert ncnd_covers(expected, pid)


def test_an_ncnd_provision_is_its_own_ncnd():
    assert ncnd("foia:s31(3)") == "foia:s31(3)"


def test_foisa_ncnd_only_for_ss28_to_35_38_39_1_and_41():
    allowed = {*(f"foisa:s{n}" for n in range(28, 36)), "foisa:s38", "foisa:s41"}
    for p in provisions_for(Regime.FOISA, role=Role.EXEMPTION):
        section = p.id.split("(")[0]
        expected = section in allowed or p.id.startswith("foisa:s39(1)")
        assert (ncnd(p.id) == "foisa:s18(1)") is expected, p.id
        assert ncnd_covers("foisa:s18(1)", p.id) is expected, p.id
    for pid in ("foisa:s25(1)", "foisa:s26(a)", "foisa:s27(1)", "foisa:s36(2)", "foisa:s37(1)",
                "foisa:s40", "foisa:s39(2)"):  # fmt: skip
        assert ncnd(pid) is None


def test_eir_ncnd_only_for_12_5_a_and_personal_data():
    for p in provisions_for(Regime.EIR, role=Role.EXCEPTION):
        if p.id.startswith("eir:reg12(5)(a)"):
            assert ncnd(p.id) == "eir:reg12(6)"
        elif p.id.startswith("eir:reg13"):
            assert ncnd(p.id) == "eir:reg13(5A)"
        else:
            assert ncnd(p.id) is None, p.id
    assert not ncnd_covers("eir:reg12(6)", "eir:reg12(5)(b)")


# -- absolute or qualified, class or prejudice -----------------------------------------------


@pytest.mark.parametrize(
    "pid",
    ["foia:s21", "foia:s23(1)", "foia:s23(5)", "foia:s32(1)", "foia:s34(1)", "foia:s37(1)(a)",
     "foia:s37(1)(aa)", "foia:s37(1)(ab)", "foia:s40(1)", "foia:s40(5A)", "foia:s40(5B)",
     "foia:s41(1)", "foia:s44(1)(a)", "foisa:s25(1)", "foisa:s26(a)", "foisa:s36(2)",
     "foisa:s37(1)", "foisa:s38(1)(a)", "foisa:s38(1)(c)", "foisa:s38(1)(d)"],
)  # fmt: skip
def test_absolute_provisions(pid):
    assert is_absolute(pid)
    assert not needs_public_interest_test(pid)


@pytest.mark.parametrize(
    "pid",
    ["foia:s22(1)", "foia:s24(1)", "foia:s24(2)", "foia:s26(1)(a)", "foia:s30(1)(a)",
     "foia:s30(3)", "foia:s31(1)(a)", "foia:s31(3)", "foia:s35(1)(a)", "foia:s36(2)(c)",
     "foia:s37(1)(ac)", "foia:s37(1)(ad)", "foia:s37(1)(b)", "foia:s38(2)", "foia:s42(1)",
     "foia:s43(1)", "foia:s43(2)", "foisa:s34(1)", "foisa:s35(1)(a)", "foisa:s36(1)",
     "foisa:s41(a)", "foisa:s18(1)"],
)  # fmt: skip
def test_qualified_provisions(pid):
    assert not is_absolute(pid)
    assert needs_public_interest_test(pid)


def test_s23_is_absolute_and_class_based():
    p = get_provision("foia:s23(1)")
    assert (p.effect, p.basis) == (Effect.ABSOLUTE, Basis.CLASS)
    assert not needs_harm_test("foia:s23(1)")


def test_s24_is_qualified_with_a_necessity_test_argued_with_harm():
    p = get_provision("foia:s24(1)")
    assert (p.effect, p.basis) == (Effect.QUALIFIED, Basis.NECESSITY)
    assert needs_harm_test("foia:s24(1)") and needs_harm_test("foia:s24(2)")


def test_s30_is_class_qualified_with_ncnd_s30_3():
    p = get_provision("foia:s30(1)(a)")
    assert (p.effect, p.basis) == (Effect.QUALIFIED, Basis.CLASS)
    assert not needs_harm_test("foia:s30(1)(a)") and not needs_harm_test("foia:s30(3)")
    assert needs_public_interest_test("foia:s30(3)")


def test_s31_is_prejudice_qualified_with_ncnd_s31_3():
    p = get_provision("foia:s31(1)(a)")
    assert (p.name, p.effect, p.basis) == ("Law enforcement", Effect.QUALIFIED, Basis.PREJUDICE)
    assert needs_harm_test("foia:s31(3)") and needs_public_interest_test("foia:s31(3)")


def test_s31_2_purposes_need_no_test_of_their_own():
    p = get_provision("foia:s31(2)(b)")
    assert p.role is Role.PURPOSE
    assert not needs_public_interest_test("foia:s31(2)(b)")
    assert not needs_harm_test("foia:s31(2)(b)")


def test_s40_2_first_condition_absolute_second_and_third_qualified():
    assert is_absolute("foia:s40(2)")  # the default is the first condition
    assert is_absolute("foia:s40(2)", "first")
    assert not is_absolute("foia:s40(2)", "second")
    assert not is_absolute("foia:s40(2)", "third")
    assert needs_public_interest_test("foia:s40(2)", "third")
    with pytest.raises(UnknownCondition):
        is_absolute("foia:s40(2)", "fourth")
    with pytest.raises(UnknownCondition):
        is_absolute("foia:s31(1)(a)", "first")


def test_s36_absolute_only_for_the_houses_of_parliament():
    assert not is_absolute("foia:s36(2)(c)", authority_kind="police")
    assert is_absolute("foia:s36(2)(c)", authority_kind="houses_of_parliament")
    assert get_provision("foia:s36(2)(c)").qualified_person


def test_s37_partly_absolute():
    assert get_provision("foia:s37").effect is Effect.VARIES
    assert is_absolute("foia:s37(2)", "sovereign_heir")
    assert not is_absolute("foia:s37(2)")  # default: the qualified limbs


def test_every_eir_exception_is_qualified():
    for p in provisions_for(Regime.EIR):
        if p.id.startswith("eir:reg12"):
            assert not is_absolute(p.id), p.id
    assert not is_absolute("eir:reg13(1)", "second")
    assert needs_public_interest_test("eir:reg12(4)(b)")
    assert not needs_public_interest_test("eir:reg12(4)(a)")  # nothing held: no practical PIT


def test_eir_adverse_effect_needs_harm_and_emissions_override():
    assert needs_harm_test("eir:reg12(5)(b)")
    assert not needs_harm_test("eir:reg12(4)(e)")
    assert get_provision("eir:reg12(5)(d)").emissions_override
    assert not get_provision("eir:reg12(5)(c)").emissions_override


def test_s12_and_s14_are_not_exemptions_and_have_no_pit():
    for pid in ("foia:s12", "foia:s12(1)", "foia:s12(2)", "foia:s14(1)", "foia:s14(2)",
                "foisa:s12(1)", "foisa:s14(1)"):  # fmt: skip
        assert not needs_public_interest_test(pid), pid
        assert not is_absolute(pid), pid
        assert not needs_harm_test(pid), pid
    assert get_provision("foia:s12(2)").role is Role.NCND


def test_foisa_harm_is_substantial_prejudice_for_s35():
    assert needs_harm_test("foisa:s35(1)(a)")
    assert not needs_harm_test("foisa:s34(1)")


# -- who may use what ------------------------------------------------------------------------


def test_s35_not_available_to_police():
    assert not may_use("foia:s35(1)(a)", "police")
    assert not may_use("foia:s35(1)(a)", "local_authority")
    assert may_use("foia:s35(1)(a)", "government_department")
    assert may_use("foia:s35(1)(a)", "welsh_government")


def test_s33_only_for_audit_bodies_and_unverified():
    p = get_provision("foia:s33(2)")
    assert not may_use(p.id, "police") and may_use(p.id, "audit_body")
    assert p.status is Status.UNVERIFIED and p.citation().unverified


def test_foisa_s29_only_for_the_scottish_administration():
    assert not may_use("foisa:s29(1)(a)", "police")
    assert may_use("foisa:s29(1)(a)", "scottish_administration")


def test_everyone_may_use_s31():
    assert may_use("foia:s31(1)(a)", "police") and may_use("foia:s31(1)(a)", None)


# -- mutually exclusive pairs ----------------------------------------------------------------


def test_s23_1_and_s24_1_exclusive_but_not_s23_5_and_s24_2():
    assert mutually_exclusive("foia:s23(1)", "foia:s24(1)") is not None
    assert mutually_exclusive("foia:s24(1)", "foia:s23(1)") is not None
    assert mutually_exclusive("foia:s23(5)", "foia:s24(2)") is None


def test_s30_and_s31_exclusive_for_disclosure_not_for_ncnd():
    assert mutually_exclusive("foia:s30(1)(a)", "foia:s31(1)(b)") is not None
    assert mutually_exclusive("foia:s30(2)(b)", "foia:s31(1)(a)") is not None
    assert mutually_exclusive("foia:s30(3)", "foia:s31(3)") is None


def test_s35_and_s36_exclusive():
    assert mutually_exclusive("foia:s35(1)(a)", "foia:s36(2)(b)") is not None


# -- links -----------------------------------------------------------------------------------


def test_explanatory_notes_for_police_include_the_app_page():
    assert ex.explanatory_notes("foia:s31(3)") == (
        "https://www.legislation.gov.uk/ukpga/2000/36/section/31",
    )
    police = ex.explanatory_notes("foia:s31(3)", "police")
    assert police[1] == ex.POLICE_EXPLANATORY_NOTES_URL
    assert ex.explanatory_notes("eir:reg12(5)(b)")[0].endswith("/uksi/2004/3391/regulation/12")
    assert ex.explanatory_notes("foia:s22A(1)")[0].endswith("/section/22A")


def test_cost_limits():
    assert ex.cost_limit_hours("foia", "police") == (450.0, 25.0, 18.0)
    assert ex.cost_limit_hours("foia", "government_department") == (600.0, 25.0, 24.0)
    assert ex.cost_limit_hours("foisa", "police") == (600.0, 15.0, 40.0)


def test_label_and_citation():
    p = get_provision("foia:s31(1)(a)")
    assert p.label == "FOIA s31(1)(a) (Law enforcement: The prevention or detection of crime)"
    assert p.citation().url.startswith("https://legislation.gov.uk/ukpga/2000/36/section/31")
    assert get_provision("eir:reg12(5)(b)").display == "EIR reg 12(5)(b)"
