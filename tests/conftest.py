"""Real votes of the Council as named fixtures, each with the outcome the UN recorded.

Sources (see ../shared/facts/FACTS.md §4–5): UN press releases SC/15464 (S/2023/792,
S/2023/795), SC/15496 (res. 2712), SC/15546 (res. 2720), SC/15641 (res. 2728);
Security Council Report, November 2023 Monthly Forecast (S/2023/772, S/2023/773);
scprocedure.org ch. 6 §2 (S/2014/916); the official 1950 note on resolution 83.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, settings

import unsc

settings.register_profile(
    "unsc", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("unsc")


def recorded(
    symbol: str,
    date: str,
    *,
    yes: str = "",
    no: str = "",
    abstain: str = "",
    absent: str = "",
    not_participating: str = "",
) -> unsc.Resolution:
    """A real vote, with every member's vote given (complete=True checks that)."""
    day = datetime.date.fromisoformat(date)
    draft = unsc.Resolution(symbol, council=unsc.Council.of_year(day.year), date=day)
    return draft.with_votes(
        yes=yes,
        no=no,
        abstain=abstain,
        absent=absent,
        not_participating=not_participating,
        complete=True,
    )


@pytest.fixture(name="s_2023_772")
def _s_2023_772() -> unsc.Resolution:
    """Russian draft on Gaza, 16 Oct 2023: 5–4–6, failed for lack of votes (not a veto)."""
    return recorded(
        "S/2023/772",
        "2023-10-16",
        yes="CHN GAB MOZ RUS ARE",
        no="FRA JPN GBR USA",
        abstain="ALB BRA ECU GHA MLT CHE",
    )


@pytest.fixture(name="s_2023_773")
def _s_2023_773() -> unsc.Resolution:
    """Brazilian draft on Gaza, 18 Oct 2023: 12–1–2, vetoed by the United States."""
    return recorded(
        "S/2023/773",
        "2023-10-18",
        yes="ALB BRA CHN ECU FRA GAB GHA JPN MLT MOZ CHE ARE",
        no="USA",
        abstain="RUS GBR",
    )


@pytest.fixture(name="s_2023_792")
def _s_2023_792() -> unsc.Resolution:
    """US draft, 25 Oct 2023: 10–3–2, vetoed by China and Russia (UAE's no is no veto)."""
    return recorded(
        "S/2023/792",
        "2023-10-25",
        yes="ALB ECU FRA GAB GHA JPN MLT CHE GBR USA",
        no="CHN RUS ARE",
        abstain="BRA MOZ",
    )


@pytest.fixture(name="s_2023_795")
def _s_2023_795() -> unsc.Resolution:
    """Russian draft, 25 Oct 2023: 4–2–9, failed for lack of votes (UK, US no: no veto)."""
    return recorded(
        "S/2023/795",
        "2023-10-25",
        yes="CHN GAB RUS ARE",
        no="GBR USA",
        abstain="ALB BRA ECU FRA GHA JPN MLT MOZ CHE",
    )


@pytest.fixture(name="res_2712")
def _res_2712() -> unsc.Resolution:
    """Resolution 2712 (2023), 15 Nov 2023: 12–0–3, three permanent members abstaining."""
    return recorded(
        "S/RES/2712 (2023)",
        "2023-11-15",
        yes="ALB BRA CHN ECU FRA GAB GHA JPN MLT MOZ CHE ARE",
        abstain="RUS GBR USA",
    )


@pytest.fixture(name="res_2720")
def _res_2720() -> unsc.Resolution:
    """Resolution 2720 (2023), 22 Dec 2023: 13–0–2 (Russia, US abstaining)."""
    return recorded(
        "S/RES/2720 (2023)",
        "2023-12-22",
        yes="ALB BRA CHN ECU FRA GAB GHA JPN MLT MOZ CHE ARE GBR",
        abstain="RUS USA",
    )


@pytest.fixture(name="res_2728")
def _res_2728() -> unsc.Resolution:
    """Resolution 2728 (2024), 25 Mar 2024: 14–0–1 (US abstaining)."""
    return recorded(
        "S/RES/2728 (2024)",
        "2024-03-25",
        yes="DZA CHN ECU FRA GUY JPN MLT MOZ KOR RUS SLE SVN CHE GBR",
        abstain="USA",
    )


@pytest.fixture(name="res_2735")
def _res_2735() -> unsc.Resolution:
    """Resolution 2735 (2024), 10 Jun 2024: 14–0–1 (Russia abstaining)."""
    return recorded(
        "S/RES/2735 (2024)",
        "2024-06-10",
        yes="DZA CHN ECU FRA GUY JPN MLT MOZ KOR SLE SVN CHE GBR USA",
        abstain="RUS",
    )


@pytest.fixture(name="s_2014_916")
def _s_2014_916() -> unsc.Resolution:
    """Palestine draft, 30 Dec 2014: 8–2–5; one vote short, so the US no was no veto."""
    return recorded(
        "S/2014/916",
        "2014-12-30",
        yes="ARG TCD CHL CHN FRA JOR LUX RUS",
        no="AUS USA",
        abstain="LTU NGA KOR RWA GBR",
    )


@pytest.fixture(name="res_83")
def _res_83() -> unsc.Resolution:
    """Resolution 83 (1950), 27 Jun 1950: 7–1–0 of 11; USSR absent, Egypt and India not voting."""
    return recorded(
        "S/RES/83 (1950)",
        "1950-06-27",
        yes="CHN FRA GBR USA CUB ECU NOR",
        no="YUG",
        absent="SUN",
        not_participating="EGY IND",
    )
