"""Helplines: every kind of crisis has a line in each country and language, every line is
sourced and recently checked, kinds filter the lines, and a bad file is refused by name."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dialogue_flows.helplines import HELPLINES_DIR, KINDS, Helplines, HelplinesFileError
from dialogue_flows.weekly import read_region

PEOPLE = {  # (country, language): a time zone that lands there
    ("uk", "en"): "Europe/London",
    ("uk", "da"): "Europe/London",
    ("dk", "da"): "Europe/Copenhagen",
    ("dk", "en"): "Europe/Copenhagen",
}


@pytest.fixture(scope="module")
def helplines() -> Helplines:
    return Helplines.load()


def test_both_shipped_files_load_with_both_languages(helplines: Helplines) -> None:
    assert sorted(path.stem for path in HELPLINES_DIR.glob("*.toml")) == ["dk", "uk"]
    for country in ("uk", "dk"):
        assert sorted(helplines.lines[country]) == ["da", "en"]


@pytest.mark.parametrize(("country", "language"), sorted(PEOPLE))
def test_every_kind_of_crisis_has_a_line(
    helplines: Helplines, country: str, language: str
) -> None:
    covered = {kind for line in helplines.lines[country][language].lines for kind in line.kinds}
    assert covered == KINDS - NOT_CONFIRMED.get(country, set())


NOT_CONFIRMED = {"dk": {"eating_disorders"}}
"""Kinds with no line in a country because no stored source confirmed one (README,
"Helplines"): Denmark's eating-disorder counselling line (Foreningen Spiseforstyrrelser
og Selvskade) is known from news pages, but its number and hours were on none."""


@pytest.mark.parametrize(("country", "language"), sorted(PEOPLE))
def test_no_line_says_call_your_region_instead_of_a_number(
    helplines: Helplines, country: str, language: str
) -> None:
    for line in helplines.lines[country][language].lines:
        assert any(character.isdigit() for character in line.number), line.name


def test_every_line_is_sourced_and_checked_within_twelve_months(helplines: Helplines) -> None:
    """Meant to fail when the data goes stale: a service must not run on old numbers.

    This is the one test that reads the wall clock (`date.today()`), on purpose: staleness
    is about the real day the suite runs. When it fails, read each line's source again,
    correct the line, and move its `checked` date on.
    """
    today = datetime.date.today()
    oldest = _twelve_months_before(today)
    for by_language in helplines.lines.values():
        for section in by_language.values():
            for line in section.lines:
                assert line.source.startswith("https://"), line.name
                assert oldest <= line.checked <= today, (line.name, line.checked)
                assert line.page_date is None or line.page_date <= line.checked, line.name


def test_kinds_filter_the_lines_with_the_emergency_line_first(helplines: Helplines) -> None:
    lines = helplines.for_person(
        "en", "Europe/London", {"domestic_abuse", "emergency"}, region="England"
    )
    assert [line.number for line in lines] == ["999", "0808 2000 247", "0808 801 0327"]
    alcohol = helplines.for_person("da", "Europe/Copenhagen", ["alcohol"])
    assert [line.name for line in alcohol] == ["Alkolinjen", "Den Blå Linje (Blå Kors)"]
    text = helplines.text("da", "Europe/Copenhagen", ["alcohol"])
    assert text.splitlines()[0] == "• Alkolinjen: 80 200 500 (hverdage 11–15; " + (
        "anonym rådgivning om alkohol, også til pårørende)"
    )
    assert "112" not in text


@pytest.mark.parametrize(
    ("town", "number"),
    [("Glasgow", "0800 027 1234"), ("Dundee", "0800 027 1234"), ("Cardiff", "0808 80 10 800"),
     ("Belfast", "0808 802 1414"), ("Hull", "0808 2000 247")],
)  # fmt: skip
def test_each_uk_nation_is_offered_its_own_domestic_abuse_line(
    helplines: Helplines, town: str, number: str
) -> None:
    """A Glaswegian was offered England's line (Refuge's). The town a person names for
    their check-in time says their nation; without one, all four in one short line."""
    nation = read_region(town)
    text = helplines.text("en", "Europe/London", ["domestic_abuse"], region=nation)
    numbers = {"0800 027 1234", "0808 80 10 800", "0808 802 1414", "0808 2000 247"}
    assert [n for n in sorted(numbers) if n in text] == [number]
    unknown = helplines.text("en", "Europe/London", ["domestic_abuse"]).splitlines()
    assert [line for line in unknown if all(n in line for n in numbers)] == [unknown[0]]


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize(
    ("town", "shown", "hidden"),
    [("Belfast", "0808 808 8000", "• NHS 111"), ("Derry", "0808 808 8000", "• NHS 111"),
     ("Glasgow", "• NHS 111", "0808 808 8000"), ("Swansea", "• NHS 111", "0808 808 8000"),
     ("Glasgow", "• Breathing Space", "• Mind Infoline"),
     ("Leeds", "• Mind Infoline", "• Breathing Space")],
)  # fmt: skip
def test_a_line_for_some_nations_only_is_not_offered_in_the_others(
    helplines: Helplines, language: str, town: str, shown: str, hidden: str
) -> None:
    """Maureen, in Belfast, was offered NHS 111, which does not answer in Northern
    Ireland, and not Lifeline, its own crisis line. Whoever's nation is not known sees
    both, each saying where it answers."""
    text = helplines.text(
        language, "Europe/London", ["suicide", "mental_health"], region=read_region(town)
    )
    assert shown in text
    assert hidden not in text
    unknown = helplines.text(language, "Europe/London", ["suicide", "mental_health"])
    unknown = unknown.splitlines()
    [nhs] = [line for line in unknown if line.startswith("• NHS 111")]
    [lifeline] = [line for line in unknown if "0808 808 8000" in line]
    assert "Wales" in nhs
    assert ("Northern Ireland" if language == "en" else "Nordirland") in lifeline


def test_drugs_and_alcohol_have_lines_of_their_own(helplines: Helplines) -> None:
    """Testers: a heroin lapse in Denmark was offered Alkolinjen, an alcohol line, only."""
    drugs = helplines.for_person("da", "Europe/Copenhagen", ["drugs"])
    assert [line.name for line in drugs] == ["Den Blå Linje (Blå Kors)"]
    uk_drugs = helplines.for_person("en", "Europe/London", ["drugs"])
    assert [line.name for line in uk_drugs] == ["FRANK", "CALM helpline"]
    uk_alcohol = helplines.for_person("en", "Europe/London", ["alcohol"])
    assert [line.name for line in uk_alcohol] == ["CALM helpline"]


def test_all_lines_when_no_kinds_are_asked(helplines: Helplines) -> None:
    every = helplines.for_person("en", "Europe/London")
    assert every == helplines.lines["uk"]["en"].lines
    nations = [line for line in every if line.region]  # one sentence in their place
    assert len(nations) == 4
    assert helplines.text("en", "Europe/London").count("\n") == len(every) - len(nations)


def test_a_misspelt_kind_asked_for_is_refused(helplines: Helplines) -> None:
    with pytest.raises(ValueError, match="drugz"):
        helplines.for_person("en", None, ["drugz"])


def test_the_emergency_number_follows_the_country(helplines: Helplines) -> None:
    assert helplines.emergency_number("en", "Europe/London") == "999"
    assert helplines.emergency_number("en", "Europe/Copenhagen") == "112"
    assert helplines.emergency_number("da", None) == "112"


def test_danish_speakers_in_the_uk_get_uk_lines_in_danish(helplines: Helplines) -> None:
    text = helplines.text("da", "Europe/London")
    assert "• Samaritans: 116 123 (døgnet rundt; gratis, på engelsk)" in text
    assert "70 201 201" not in text


def test_out_of_hours_medical_lines_in_denmark_are_numbers_for_every_region(
    helplines: Helplines,
) -> None:
    medical = helplines.for_person("da", "Europe/Copenhagen", ["medical"])
    assert [line.number for line in medical] == [
        "1813",
        "1818",
        "70 11 31 31",
        "70 11 07 07",
        "70 15 03 00",
    ]


def test_an_unknown_kind_in_an_override_file_is_refused_with_its_name(tmp_path: Path) -> None:
    own = tmp_path / "our_helplines.toml"
    own.write_text(
        "[[en.lines]]\n"
        'name = "Our crisis team"\nnumber = "0100 000 000"\nkinds = ["emergency", "crisis"]\n'
        'hours = "24/7"\nsource = "https://example.org/crisis"\nchecked = 2026-12-01\n',
        encoding="utf-8",
    )
    with pytest.raises(HelplinesFileError, match=r"our_helplines\.toml") as refused:
        Helplines.load("uk", own)
    assert "[en].lines.0.kinds.1" in str(refused.value)


def test_an_override_file_without_an_emergency_line_is_refused(tmp_path: Path) -> None:
    own = tmp_path / "no_emergency.toml"
    own.write_text(
        "[[da.lines]]\n"
        'name = "Vores linje"\nnumber = "12 34 56 78"\nkinds = ["suicide"]\n'
        'hours = "døgnet rundt"\nsource = "https://example.org/"\nchecked = 2026-12-01\n',
        encoding="utf-8",
    )
    with pytest.raises(HelplinesFileError, match=r"no_emergency\.toml.*emergency"):
        Helplines.load("dk", own)


def test_a_valid_override_replaces_the_service_country(tmp_path: Path) -> None:
    own = tmp_path / "ours.toml"
    own.write_text(
        "[[en.lines]]\n"
        'name = "Emergency"\nnumber = "999"\nkinds = ["emergency"]\nhours = "24/7"\n'
        'source = "https://example.org/"\nchecked = 2026-12-01\n'
        "[[en.lines]]\n"
        'name = "Our crisis team"\nnumber = "0100 000 000"\nkinds = ["mental_health"]\n'
        'hours = "weekdays 9–5"\nnote = "for our clients"\nsource = "https://example.org/"\n'
        "checked = 2026-12-01\nconfirmed = false\n",
        encoding="utf-8",
    )
    ours = Helplines.load("uk", own)
    assert ours.text("en", None, ["mental_health"]) == (
        "• Our crisis team: 0100 000 000 (weekdays 9–5; for our clients)"
    )
    assert not ours.for_person("en", None, ["mental_health"])[0].confirmed


def _twelve_months_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


COPENHAGEN_0944 = datetime.datetime(2026, 12, 2, 8, 44, tzinfo=datetime.UTC)  # a Wednesday
COPENHAGEN_2300 = datetime.datetime(2026, 12, 2, 22, 0, tzinfo=datetime.UTC)


def test_lines_open_now_come_first_and_closed_ones_say_their_hours(helplines: Helplines) -> None:
    """Testers: Livslinien (open 11–05) was offered first at 09:44."""
    kinds = ("emergency", "suicide", "mental_health")
    morning = helplines.text("da", "Europe/Copenhagen", kinds, now=COPENHAGEN_0944).splitlines()
    assert morning[0].startswith("• Alarmcentralen") and "1813" in morning[1]
    assert morning[2] == "• Livslinien: 70 201 201 (lukket nu, åbner kl. 11; alle dage 11–05; " + (
        "anonym rådgivning ved selvmordstanker)"
    )
    night = helplines.text("da", "Europe/Copenhagen", kinds, now=COPENHAGEN_2300).splitlines()
    assert night[1].startswith("• Livslinien")
    livslinien = helplines.for_person("da", "Europe/Copenhagen", ["suicide"])[0]
    at = datetime.datetime(2026, 12, 3, 4, 30)  # past midnight: the evening before's opening
    assert livslinien.is_open(at) and not livslinien.is_open(at.replace(hour=9))


def test_an_unknown_region_gets_one_short_sentence_and_a_known_one_its_own(
    helplines: Helplines,
) -> None:
    """Testers: a person in Odense was offered Region Hovedstaden's 1813; a person whose
    region was unknown met all five regions' numbers on one long line."""
    kinds = ("emergency", "suicide", "mental_health")
    unknown = helplines.text("da", "Europe/Copenhagen", kinds, now=COPENHAGEN_2300)
    assert unknown.count("•") == 3
    [regional] = [line for line in unknown.splitlines() if "1813" in line]
    assert regional.startswith("• Når lægen har lukket: 1813 i Region Hovedstaden, ellers")
    assert "70 11 07 07" not in unknown and "97 64 30 00" not in unknown
    assert len(regional) < 160
    odense = helplines.text("da", "Europe/Copenhagen", kinds, now=COPENHAGEN_2300,
                            region="Syddanmark")  # fmt: skip
    assert "70 11 07 07" in odense and "1813" not in odense and "1818" not in odense


def test_an_opening_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    own = tmp_path / "our_helplines.toml"
    own.write_text(
        "[[en.lines]]\n"
        'name = "Our crisis team"\nnumber = "0100 000 000"\nkinds = ["emergency"]\n'
        'hours = "weekdays"\nopen = ["weekdays 9-5"]\n'
        'source = "https://example.org/crisis"\nchecked = 2026-12-01\n',
        encoding="utf-8",
    )
    with pytest.raises(HelplinesFileError, match=r"\[en\]\.lines\.0\.open\.0"):
        Helplines.load("uk", own)


def test_a_line_with_hours_says_when_it_opens(helplines: Helplines) -> None:
    """A line that is not open day and night must say when (`open`), so a reply can put
    the lines open now first."""
    always = {"24/7", "døgnet rundt"}
    for by_language in helplines.lines.values():
        for section in by_language.values():
            for line in section.lines:
                assert (line.open is None) == (line.hours in always), line.name


LONDON_SATURDAY_1000 = datetime.datetime(2026, 3, 7, 10, 0, tzinfo=datetime.UTC)
ASCENSION_DAY_1100 = datetime.datetime(2026, 5, 14, 9, 0, tzinfo=datetime.UTC)  # Thursday


def test_a_closed_line_says_when_it_opens_today_tomorrow_or_on_a_day(
    helplines: Helplines,
) -> None:
    """Testers: lines closed at the hour a person wrote were listed as if they answered."""
    evening = datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.UTC)  # Monday night
    mind = helplines.text("en", "Europe/London", ["mental_health"], now=evening)
    assert "• Mind Infoline: 0300 123 3393 (closed now, opens tomorrow at 9:00; " in mind
    saturday = helplines.text("en", "Europe/London", ["mental_health"], now=LONDON_SATURDAY_1000)
    assert "(closed now, opens Monday at 9:00; weekdays 9am–6pm;" in saturday
    assert saturday.splitlines()[-1].startswith("• Mind Infoline")  # after the open ones
    danish = helplines.text("da", "Europe/London", ["mental_health"], now=LONDON_SATURDAY_1000)
    assert "(lukket nu, åbner mandag kl. 9 (britisk tid); hverdage 9–18;" in danish


def test_when_every_line_that_fits_is_closed_one_open_to_talk_to_comes_first(
    helplines: Helplines,
) -> None:
    """CALM (17–24) closed in the morning: Samaritans, open day and night, leads."""
    morning = helplines.text("en", "Europe/London", ["alcohol"], now=LONDON_SATURDAY_1000)
    assert morning.splitlines()[0].startswith("• Samaritans: 116 123 (24/7")
    assert "(closed now, opens at 17:00;" in morning.splitlines()[1]
    at_six = LONDON_SATURDAY_1000 + datetime.timedelta(hours=8)
    evening = helplines.text("en", "Europe/London", ["alcohol"], now=at_six)
    assert evening.startswith("• CALM helpline: 0800 58 58 58 (every day 5pm–midnight;")
    assert "Samaritans" not in evening


def test_out_of_hours_doctors_are_open_all_day_on_public_holidays(helplines: Helplines) -> None:
    """ "weekends and holidays all day": on Ascension Day (a Thursday) at 11:00 the
    out-of-hours doctor answers; on an ordinary Thursday at 11:00 it does not."""
    odense = helplines.text("da", "Europe/Copenhagen", ["medical"], now=ASCENSION_DAY_1100,
                            region="Syddanmark")  # fmt: skip
    assert "lukket nu" not in odense
    ordinary = ASCENSION_DAY_1100 + datetime.timedelta(days=7)
    closed = helplines.text("da", "Europe/Copenhagen", ["medical"], now=ordinary,
                            region="Syddanmark")  # fmt: skip
    assert "(lukket nu, åbner kl. 16;" in closed


def test_lines_with_hours_need_the_words_for_closed(tmp_path: Path) -> None:
    own = tmp_path / "no_closed.toml"
    own.write_text(
        "[[en.lines]]\n"
        'name = "Emergency"\nnumber = "999"\nkinds = ["emergency"]\nhours = "24/7"\n'
        'source = "https://example.org/"\nchecked = 2026-12-01\n'
        "[[en.lines]]\n"
        'name = "Our line"\nnumber = "0100 000 000"\nkinds = ["mental_health"]\n'
        'hours = "weekdays"\nopen = ["mon-fri"]\nsource = "https://example.org/"\n'
        "checked = 2026-12-01\n",
        encoding="utf-8",
    )
    with pytest.raises(HelplinesFileError, match="closed"):
        Helplines.load("uk", own)
