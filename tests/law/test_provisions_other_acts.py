"""Sections of other Acts, and police powers named by their section, are not FOI citations.

Police FOI responses often repeat the question, and questions name powers: "searches under
section 23 Misuse of Drugs Act 1971", "Section 35 dispersal orders", "conditions under sections
12 and 14 of the 1986 Act" (Public Order Act). Only provisions of FOIA, FOISA and the EIR that a
response relies on are citations (``shared/corpus/README.md``).
"""

import pytest

from foidesk.law.provisions import normalise_citations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How many searches under section 23 Misuse of Drugs Act 1971?", []),
        ("Stops under Section 43 Terrorism Act 2000", []),
        ("Sections 12 and 14 of the 1986 Act allow conditions on a procession", []),
        ("How many Section 35 dispersal orders were issued?", []),
        ("Section 27 dispersal directions", []),
        ("Section 12 of the 2000 Act applies to your request", ["s12"]),
        ("Section 40(2) Personal Information, Data Protection Act 2018 applies", ["s40(2)"]),
        (
            "Section 31(1)(a) Law Enforcement and Section 24(1) National Security",
            ["s24(1)", "s31(1)(a)"],
        ),
        ("Section 23 FOI Act", ["s23"]),
        ("Sections 30(3) and 31(3) apply", ["s30(3)", "s31(3)"]),
    ],
)
def test_other_acts_and_powers(text: str, expected: list[str]) -> None:
    assert normalise_citations(text) == expected
