"""Publication dates as precise as an article allows: a year, a month, a day, or a range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PART = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_PATTERN = re.compile(rf"^{_PART}(?:/{_PART})?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Published:
    """When a source was published: one partial date, or a range `earliest/latest`."""

    earliest: PartialDate
    latest: PartialDate

    @classmethod
    def parse(cls, text: str) -> Published:
        """Parse `2022`, `2022-06`, `2022-06-15` or a range such as `2021-07/2021-09`."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(
                "must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                "or a range such as 2021-07/2021-09"
            )
        groups = match.groups()
        earliest = _partial(*groups[:3])
        latest = _partial(*groups[3:]) if groups[3] else earliest
        if latest.last_day < earliest.first_day:
            raise ValueError("the end of the date range comes before its start")
        return cls(earliest, latest)

    @property
    def newest_day(self) -> dt.date:
        """The latest day the source can have been published: what its age is measured from."""
        return self.latest.last_day

    def iso(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.iso()
        return f"{self.earliest.iso()}/{self.latest.iso()}"


def _partial(year: str, month: str | None, day: str | None) -> PartialDate:
    date = PartialDate(int(year), int(month) if month else None, int(day) if day else None)
    # Raises ValueError with a readable message for 2022-13 or 2022-02-30.
    dt.date(date.year, date.month or 1, date.day or 1)
    return date
