"""English and Danish: every message in both, and whole conversations in Danish."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import Dialogue, RunningBot
from pypdf import PdfReader

from bot.exports import export
from bot.exports.document import History
from dialogue_flows.catalogue import LOCALE_DIR, Catalogue, read_messages
from dialogue_flows.engine import Engine
from dialogue_flows.types import Msg

DANISH_PLAN = ("ja", "Maja", "Se min søster Åse hver uge", "Fællesskab",
               "Hun er den eneste familie, jeg har", "Vi snakker i telefon nu og da",
               "Hun tager altid telefonen. Jeg er loyal", "Træthed efter arbejde", "ja",
               "Ringe til Åse om søndagen\nInvitere hende på kaffe", "Det var alt",
               "1", "Sende hende en sms", "søndag eftermiddag", "otte",
               "Jeg har gjort det før")  # fmt: skip


def test_every_message_exists_in_both_languages_with_the_same_placeholders(
    catalogue: Catalogue,
) -> None:
    assert set(catalogue.languages) == {"en", "da"}
    assert catalogue.keys("en") == catalogue.keys("da")
    for key in catalogue.keys("en"):
        forms = catalogue.forms(key, "en") + catalogue.forms(key, "da")
        placeholders = [set(re.findall(r"{(\w+)}", form)) for form in forms]
        assert all(found == placeholders[0] for found in placeholders), key
        assert len(catalogue.forms(key, "en")) == len(catalogue.forms(key, "da")), key


def test_counts_take_the_plural_form_of_their_language(catalogue: Catalogue) -> None:
    for path in LOCALE_DIR.glob("*.po"):
        assert "Plural-Forms: nplurals=2; plural=(n != 1);" in path.read_text(), path
    said = {(n, language): catalogue.render(Msg("count.ratings", {"count": n}), language)
            for n in (0, 1, 2) for language in ("en", "da")}  # fmt: skip
    assert said[1, "da"] == "1 valgt niveau" and said[0, "da"] == "0 valgte niveauer"
    assert said[1, "en"] == "1 level chosen" and said[2, "en"] == "2 levels chosen"


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_quick_reader_reads_what_babel_reads(language: str) -> None:
    path = LOCALE_DIR / f"{language}.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    babel = {
        m.id if isinstance(m.id, str) else m.id[0]: m.string
        if isinstance(m.string, str) else tuple(m.string)
        for m in catalog if m.id and m.string
    }  # fmt: skip
    entries, rule = read_messages(path)
    assert entries == babel
    assert len(babel) > 400 and any(isinstance(forms, tuple) for forms in babel.values())
    babel_rule = gettext.c2py(catalog.plural_expr)
    assert [rule(n) for n in range(4)] == [babel_rule(n) for n in range(4)] == [1, 0, 1, 1]


def test_the_quick_reader_keeps_escapes_and_passes_over_comments_and_old_entries(
    tmp_path: Path,
) -> None:
    path = tmp_path / "xx.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: xx\\n"\n\n'
        '#. a "quoted" comment\n#, fuzzy\nmsgid "a.key"\nmsgstr ""\n'
        '"Say \\"hi\\"\\n"\n"\\tthen \\\\ go"\n\n'
        'msgid "untranslated"\nmsgstr ""\n\n#~ msgid "old"\n#~ msgstr "gone"\n',
        encoding="utf-8",
    )
    with path.open("rb") as file:
        babel = {str(m.id): str(m.string) for m in read_po(file) if m.id and m.string}
    assert read_messages(path)[0] == babel == {"a.key": 'Say "hi"\n\tthen \\ go'}


def test_a_whole_grow_conversation_and_check_in_in_danish(engine: Engine, catalogue: Catalogue
                                                          ) -> None:  # fmt: skip
    person = Dialogue(engine, catalogue, language="da")
    [welcome] = person.command("start")
    assert welcome.startswith("Hej, jeg hedder growcoach")
    person.run(*DANISH_PLAN[:-1])
    [summary] = person.say(DANISH_PLAN[-1])
    assert "Her er din plan, Maja" in summary and "Sikkerhed: 8/10" in summary
    assert "når det går fremad med “Se min søster Åse hver uge”" in summary
    [day] = person.say("nej tak")
    assert "Hvilken dag passer dig?" in day
    person.say("mandag kl. 18")
    [zone] = person.say("København")
    assert "hver mandag kl. 18:00 (dansk tid)" in zone
    person.run("/checkin", "Jeg gjorde noget af det", "Alarmen hjalp", "Jeg var træt", "seks")
    [done] = person.say("Behold samme skridt")
    assert "Du kom i gang" in done
    [goals] = person.command("goals")
    assert "Fremskridt: 6/10 (tjekket ind 2. marts)" in goals
    assert "Næste tjek-ind: mandag den 2. marts kl. 18:00" in goals
    assert person.person is not None and person.person.language == "da"


def test_language_can_be_switched_and_back(engine: Engine, catalogue: Catalogue) -> None:
    person = Dialogue(engine, catalogue, language="da")
    person.run("ja", "Ole")
    person.command("language")
    [english] = person.say("English")
    assert person.person is not None and person.person.language == "en"
    assert english.startswith("Done: I'll write in English from now on.")
    assert english.endswith(
        "What would you like to work towards? Put it in your own words; big or small is fine."
    )  # the goal question, taken up in English
    person.run("/language")
    person.press("da")
    assert person.person.language == "da"
    assert person.keys == ["language.chosen", "resume.back", "grow.goal"]


def test_a_danish_pdf_is_in_danish_with_its_letters(engine: Engine, catalogue: Catalogue
                                                    ) -> None:  # fmt: skip
    person = Dialogue(engine, catalogue, language="da")
    person.run(*DANISH_PLAN, "nej", "Ingen påmindelser, tak", "/checkin", "Jeg gjorde det",
               "Åse blev glad, og jeg følte mig stærk", "7", "Behold samme skridt")  # fmt: skip
    assert person.person is not None
    history = History.of(person.person, tuple(person.goals.values()), None, "p1", person.now)
    text = "\n".join(p.extract_text() for p in PdfReader(
        io.BytesIO(export(history, "pdf", catalogue).content)).pages)  # fmt: skip
    for words in ("Målhistorik: Maja", "Livsområde", "Fællesskab",
                  "Se min søster Åse hver uge", "Åse blev glad, og jeg følte mig stærk",
                  "Side 1 af 1", "Fremskridt"):  # fmt: skip
        assert words in text, words
    csv_head = export(history, "csv", catalogue).content.decode("utf-8-sig").splitlines()[0]
    assert csv_head.startswith("hændelse,dato (UTC),mål_nr,livsområde")  # no zone given yet


async def test_a_danish_telegram_user_is_greeted_in_danish(telegram_direct: RunningBot) -> None:
    bot, api = telegram_direct, telegram_direct.api
    await bot.handle(api.send_text(9001, "/start", language="da"))
    [welcome] = api.sent_to(9001)
    assert welcome.text.startswith("Hej, jeg hedder growcoach")
    assert [label for label, _ in welcome.buttons] == ["Ja, det er i orden", "Ikke nu"]
    await bot.handle(api.send_text(9002, "/start", language="en-GB"))
    assert api.sent_to(9002)[0].text.startswith("Hello, I'm growcoach")
    menus = {c.params.get("language_code", "") for c in api.calls if c.method == "setMyCommands"}
    assert menus == {"", "da"}
