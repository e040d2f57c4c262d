"""An authority's disclosure-control policy for small numbers.

This is a setting, not a rule of law. FOIA has no fixed small-number threshold: it is "not
uncommon" to withhold figures of fewer than five under s40(2), but in *IC v Miller* [2018]
UKUT 229 (AAC) the Upper Tribunal upheld a finding that figures of 5 or fewer were not personal
data in that context; the test is whether a motivated intruder could identify someone
(shared/law/UK-FOI-RULES.md D7, D8). No national police standard for suppressing cells was
found (D10, unverified). So each authority sets its own policy here, and the response must
still be judged case by case: a figure above the threshold can identify someone (D9), and one
below it may not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True, slots=True)
class Policy:
    """How small counts are withheld.

    - ``threshold``: counts from 1 to ``threshold - 1`` are withheld (primary suppression) and
      shown as ``marker``; 0 or 1 withholds nothing.
    - ``suppress_zeros``: withhold zeros too (shown with the same marker, so a reader cannot
      tell a withheld 0 from a withheld 3). Off by default: a zero is usually safe to show.
    - ``secondary``: withhold further cells so that no withheld figure can be worked out from a
      row, column or grand total shown beside it (secondary suppression); shown as
      ``secondary_marker``, because showing "<5" for a cell of 40 would be untrue.
    - ``protect_totals``: apply the threshold to totals as well (a total of 3 says as much as a
      cell of 3).
    - ``rounding``: round every figure shown to the nearest multiple of this base (half up),
      totals rounded from their true values, so they may not equal the sum of the rounded
      figures.
    """

    threshold: int = 5
    marker: str = ""
    suppress_zeros: bool = False
    secondary: bool = True
    secondary_marker: str = "*"
    protect_totals: bool = True
    rounding: int | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, int) or isinstance(self.threshold, bool):
            raise ValueError("threshold: must be a whole number")
        if self.threshold < 0:
            raise ValueError("threshold: cannot be negative")
        if not self.marker:
            object.__setattr__(self, "marker", f"<{self.threshold}")
        for name in ("marker", "secondary_marker"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{name}: must be some text")
            if value.startswith(_UNSAFE_START):
                raise ValueError(
                    f"{name}: {value!r} would be read as a formula by a spreadsheet; "
                    "it must not start with = + - @"
                )
            if value.strip().lstrip("0123456789") == "":
                raise ValueError(f"{name}: {value!r} would read as a figure")
        if self.rounding is not None and (
            not isinstance(self.rounding, int)
            or isinstance(self.rounding, bool)
            or self.rounding < 2
        ):
            raise ValueError("rounding: must be empty or a whole number of at least 2")

    @property
    def suppresses(self) -> bool:
        """Whether any count can be withheld by the threshold."""
        return self.threshold > 1 or self.suppress_zeros

    def withholds(self, value: int) -> bool:
        """Whether the threshold alone withholds ``value`` (primary suppression)."""
        if value == 0:
            return self.suppress_zeros
        return value < self.threshold

    def in_words(self) -> list[str]:
        """The policy as sentences for the caveats of a published table (no figures)."""
        lines = []
        if self.threshold > 1:
            low = "1" if self.threshold > 2 else ""
            span = f"from {low} to {self.threshold - 1}" if low else "of 1"
            zeros = " Zeros are withheld too." if self.suppress_zeros else " Zeros are shown."
            lines.append(
                f"Counts {span} are withheld and shown as {self.marker}, to reduce the risk of "
                f"identifying the people counted.{zeros}"
            )
        elif self.suppress_zeros:
            lines.append(f"Zeros are withheld and shown as {self.marker}.")
        else:
            lines.append("No counts are withheld for being small.")
        if self.secondary and self.suppresses:
            lines.append(
                "Where a withheld count could be worked out from a total, another count is "
                f"withheld as well and shown as {self.secondary_marker}."
            )
        if self.protect_totals and self.suppresses:
            lines.append("Totals are treated in the same way as counts.")
        if self.rounding:
            lines.append(
                f"Figures shown are rounded to the nearest {self.rounding}; totals are rounded "
                "separately, so they may not equal the sum of the figures shown."
            )
        lines.append(
            "This is the authority's policy on small numbers, not a legal rule: each release is "
            "also judged on whether anyone could be identified from it."
        )
        return lines

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Policy:
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{unknown[0]}: unknown policy field")
        return cls(**data)
