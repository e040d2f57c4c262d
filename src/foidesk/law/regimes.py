"""The three access-to-information regimes and how each cites its own provisions.

- FOIA: Freedom of Information Act 2000, https://www.legislation.gov.uk/ukpga/2000/36
- EIR: Environmental Information Regulations 2004 (SI 2004/3391),
  https://www.legislation.gov.uk/uksi/2004/3391
- FOISA: Freedom of Information (Scotland) Act 2002, https://www.legislation.gov.uk/asp/2002/13

The regime decides which bank holidays stop the clock (FOIA s10(6) and EIR reg 2(1): any part of
the UK; FOISA s73: Scotland only), so it is an input to every calendar and deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

FOIA_URL = "https://www.legislation.gov.uk/ukpga/2000/36"
EIR_URL = "https://www.legislation.gov.uk/uksi/2004/3391"
FOISA_URL = "https://www.legislation.gov.uk/asp/2002/13"


class Regime(StrEnum):
    """The access regime a request is handled under."""

    FOIA = "foia"
    EIR = "eir"
    FOISA = "foisa"

    @property
    def short_name(self) -> str:
        """How practitioners cite it: ``FOIA``, ``EIR`` or ``FOISA``."""
        return _SHORT[self]

    @property
    def full_name(self) -> str:
        """The instrument's full title."""
        return _TITLE[self]

    @property
    def url(self) -> str:
        """The instrument on legislation.gov.uk."""
        return _URL[self]

    def provision_url(self, number: int) -> str:
        """URL of a section (Acts) or regulation (EIR) on legislation.gov.uk."""
        part = "regulation" if self is Regime.EIR else "section"
        return f"{_URL[self]}/{part}/{number}"


_SHORT = {Regime.FOIA: "FOIA", Regime.EIR: "EIR", Regime.FOISA: "FOISA"}
_TITLE = {
    Regime.FOIA: "Freedom of Information Act 2000",
    Regime.EIR: "Environmental Information Regulations 2004",
    Regime.FOISA: "Freedom of Information (Scotland) Act 2002",
}
_URL = {Regime.FOIA: FOIA_URL, Regime.EIR: EIR_URL, Regime.FOISA: FOISA_URL}


@dataclass(frozen=True, slots=True)
class Citation:
    """A rule as applied, in words a requester can check, with the source it comes from.

    ``text`` starts with the provision (``"FOIA s10(1): ..."``); ``url`` is the primary source
    listed in ``law/UK-FOI-RULES.md`` (legislation.gov.uk where there is one, else the
    regulator's page). ``unverified`` marks rules tagged UNVERIFIED there.
    """

    text: str
    url: str
    unverified: bool = False

    def __str__(self) -> str:
        flag = " [UNVERIFIED]" if self.unverified else ""
        return f"{self.text}{flag} <{self.url}>"
