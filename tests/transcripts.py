"""Conversations with the engine, written to `docs/transcripts/` so anyone can read them.

Each script is what one person might type; the transcript is what growcoach answers,
buttons shown as `[label]`. Regenerate after changing a flow or a catalogue:

    python -m tests.transcripts

`tests/test_transcripts.py` fails when a file here is stale, so the transcripts always
show how growcoach sounds today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dialogue_flows.catalogue import Catalogue
from dialogue_flows.engine import Engine, parse_command
from dialogue_flows.outcome_records import Outcomes
from dialogue_flows.records import Goal, Person, Schedule
from dialogue_flows.types import Input, Reply, Snapshot, Text

FOLDER = Path(__file__).parent.parent / "docs" / "transcripts"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Script:
    name: str
    title: str
    language: str
    lines: tuple[str, ...]
    about: str


PLAN_EN = (
    "/start",
    "yes",
    "Dee",
    "get back to college",
    "yes",
    "to prove to myself i can",
    "dropped out 2 yrs ago",
    "my mum. and im good with my hands",
    "money and nerves",
    "yes",
    "ring the college\nlook at the website",
    "that's all",
    "ring the college",
    "ring them thursday morning",
    "6",
    "i want it",
    "yes",
    "havent rung them",
    "rung them and booked a visit",
    "visited the college",
    "enrolled on a course",
    "skip",
    "very",
    "Monday 18:00",
    "London",
    "yes",
)
PLAN_DA = (
    "/start",
    "ja",
    "Jonas",
    "skrive et brev til min søster Mette",
    "Fællesskab",
    "hun er min eneste familie",
    "vi har ikke talt sammen i et år",
    "jeg er god til at skrive",
    "jeg bliver bange for svaret",
    "ja",
    "skrive et udkast\nspørge min kontaktperson om hjælp",
    "det var det",
    "1",
    "skrive første linje",
    "søndag",
    "7",
    "jeg har lyst",
    "nej tak",
    "mandag kl. 18",
    "Aarhus",
    "ja tak",
)

SCRIPTS = (
    Script("short-answerer.en", "A short answerer (English)", "en",
           ("/start", "ok", "sam", "wanna get bak to work", "yeh", "money", "nothin rn",
            "idk", "idk", "nerves", "yes", "cv", "yes", "write cv", "sat", "3", "dunno",
            "dunno", "keep it", "no", "no reminders thanks"),
           "Answers in a word or two, with typos; says “idk” twice; keeps a step at 3/10."),
    Script("short-answerer.da", "En der svarer kort (dansk)", "da",
           ("/start", "ja", "mo", "komme i arbejde", "ja", "penge", "ledig", "ved ikke",
            "ved ikke", "nerver", "ja", "cv", "ja", "skrive cv", "lørdag", "3", "aner det ikke",
            "aner det ikke", "behold det", "nej", "ingen påmindelser, tak"),
           "Svarer med et ord eller to; siger “ved ikke” to gange; beholder et skridt på 3/10."),
    Script("long-ambivalent.en", "A long, ambivalent answerer (English)", "en",
           ("/start", "yes", "Helen. Well, Hels to my sister, but Helen is fine", "yes",
            "I think I want to get back into pottery, I used to love it before everything "
            "went wrong, but I'm not sure I'm ready, maybe",
            "actually no, scratch that, i dont know what i want", "is that a stupid goal?",
            "get back into pottery I suppose", "Community",
            "It was the one place I felt like myself. People liked my bowls.",
            "well um 18 month clean off the gear now, but I haven't touched clay in years",
            "Claire from group keeps asking me to come along. And I'm patient, I suppose",
            "Honestly I'm scared of walking in there and everyone knowing",
            "not quite", "It's not everyone knowing, it's me feeling like a fraud", "yeah",
            "email the teacher, or go with Claire just to look, or do some clay at home",
            "oh sorry, that's all", "going with Claire just to look I think",
            "Text Claire to ask when she's next going", "tonight after tea",
            "probably about 4 I guess", "Claire would be pleased", "text her tomorrow instead",
            "6, but make it thursday not tomorrow", "Skip this one", "No reminders, thanks"),
           "Long answers, a name in a sentence, a goal taken back and “is that a stupid "
           "goal?”, a correction to the summary, three ideas in one message, a choice in "
           "words, a step made smaller and its day put right with the rating."),
    Script("long-ambivalent.da", "En med lange, tvivlende svar (dansk)", "da",
           ("/start", "ja", "Maja, men de fleste siger bare Maj", "Maja er fint",
            "Jeg vil gerne sove bedre, tror jeg, men jeg ved ikke om det er realistisk lige nu",
            "nej vent, glem det, jeg ved ikke hvad jeg vil", "er det et dumt mål?",
            "øh altså bare sove bedre", "ja",
            "Når jeg sover, kan jeg passe mit arbejde og være der for min datter",
            "Jeg falder i søvn kl. 3 de fleste nætter, og så er dagen ødelagt",
            "Min kontaktperson er god. Jeg er vedholdende, når jeg først går i gang",
            "Telefonen i sengen og tankemylder", "ja",
            "lægge telefonen i køkkenet, ellers gå en tur om aftenen, måske læse i stedet",
            "nej det var det", "telefonen i køkkenet tror jeg",
            "Lægge telefonen i køkkenet", "i aften", "cirka 5 tror jeg, men gør det i morgen",
            "Jeg vil det gerne", "nej tak", "ingen påmindelser, tak"),
           "Lange svar, navn i en sætning, et mål taget tilbage og “er det et dumt mål?”, tre "
           "idéer i én besked, et valg med ord, en ny dag sagt med tallet."),
    Script("boundary-tester.en", "A boundary tester (English)", "en",
           ("/start", "hmm ok", "are you a real person", "what is this", "yes", "call me Tee",
            "can you just give me some advice?", "what do you think", "be happier", "Health",
            "i just said", "why do you ask", "to feel normal again", "living with my nan",
            "hello?", "football. my mates", "idk", "idk", "are you a bot", "yes",
            "which one do you think?", "what do you think", "join the 5-a-side",
            "that's all", "keep it", "tuesday", "stop", "/start", "8",
            "been before", "no", "No reminders, thanks"),
           "Asks if it is a person, asks for advice twice, says “I just said”, stops and "
           "comes back, says “idk” twice."),
    Script("boundary-tester.da", "En der prøver grænserne (dansk)", "da",
           ("/start", "hmm ok", "er du et menneske", "hvad er det her", "ja", "kald mig Tee",
            "kan du ikke bare give mig et råd", "hvad synes du", "have det bedre", "Helbred",
            "det har jeg lige sagt", "hvorfor spørger du", "føle mig normal igen",
            "bor hos min mormor", "hej?", "fodbold. mine venner", "ved ikke", "ved ikke",
            "er du en robot", "ja", "hvad synes du", "hvad synes du", "spille 5-mands",
            "det var det", "behold det", "tirsdag", "stop", "/start", "8",
            "har været der før", "nej", "Ingen påmindelser, tak"),
           "Spørger om det er et menneske, beder om råd to gange, siger “det har jeg sagt”, "
           "stopper og kommer tilbage, siger “ved ikke” to gange."),
    Script("checkin-setback.en", "A check-in with a setback (English)", "en",
           (*PLAN_EN, "/checkin", "i tried but hung up before anyone answered",
            "i got as far as dialling", "panicked when it rang", "2",
            "Make the step smaller", "ask mum to sit with me when i ring", "friday", "7",
            "mum will be there", "-1"),
           "A plan, then a check-in where the step was partly done and made smaller."),
    Script("checkin-setback.da", "Et tjek-ind med et tilbageslag (dansk)", "da",
           (*PLAN_DA, "/checkin",
            "Jeg fik skrevet brevet, men jeg turde ikke vise det til Mette",
            "jeg satte mig bare og skrev", "jeg blev bange for hvad hun ville sige", "3",
            "Behold samme skridt"),
           "En plan og et tjek-ind, hvor skridtet kun blev gjort delvist."),
    Script("text-speaker.en", "Text-speak, and a plan put right on the way (English)", "en",
           ("/start", "ye", "Jay", "get a job in joinery", "ye", "what do u mean",
            "need the money n its what im good at", "dunno", "out of work 2 yrs",
            "my keyworker", "no cv", "not quite", "i have an old cv, its just out of date",
            "ye", "can u just tell me what to do",
            "ring the joinery place my mate works at, ask keyworker bout cv, do cscs card",
            "ye", "3 prob", "book the cscs test online", "/export json", "monday eve around 7",
            "8", "cos i already looked it up", "nah", "sunday at 7", "no 7 at night not morning",
            "London", "actually make it 8", "evening", "ye"),
           "Text-speak moves, three ideas in a comma list, “3 prob”, an export in the middle, "
           "an evening time in few letters, a bare hour met with “morning or evening?”, and a "
           "time put right after it is said back (“make it 8”: asked the same way)."),
    Script("text-speaker.da", "Forkortelser, og en plan der bliver rettet undervejs (dansk)",
           "da",
           ("/start", "ja", "Ali", "finde en bolig", "ja", "hva mener du",
            "så jeg kan få min søn på besøg", "ved ik", "jeg bor på et værelse",
            "min rådgiver", "ventelisten", "ja", "hvad synes du jeg skal gøre",
            "skrive mig op flere steder eller spørge min søster",
            "nej det var et spørgsmål til dig", "ja",
            "ingen af dem. ideer: ringe til kommunens boligsocial, spørge min rådgiver, "
            "søge om bostøtte", "3 nok", "ringe i morgen kl 10", "7", "det er nemt",
            "nej tak", "om soendagen kl 7 om aftenen", "Aarhus", "nej kl 20", "ja"),
           "Forkortelser, “ingen af dem” med nye idéer, en dansk dag med endelse, et tidspunkt "
           "rettet, efter det er sagt tilbage."),
    Script("crisis-mid-grow.en", "Crisis words in the middle of a goal (English)", "en",
           ("/start", "yes", "Jo", "get back into football", "Community",
            "i miss the lads and feeling fit",
            "honestly whats the point of any of it, everyone would be better off without me",
            "not sure", "im not ringing 999 over that. not now",
            "you already asked me that. yeah", "havent kicked a ball in 2 yrs",
            "i want to die tbh", "im fine its nothing. just a bad week", "/mydata"),
           "Risk mid-GROW; “not sure”; a refusal to call; “you already asked”; a second "
           "crisis the same day; “im fine its nothing”; /mydata."),
    Script("crisis-mid-grow.da", "Krisesprog midt i et mål (dansk)", "da",
           ("/start", "ja", "Maja", "Se min søster Åse hver uge", "Fællesskab",
            "hun er min eneste familie", "jeg vil ikke leve mere, alle ville have det bedre "
            "uden mig", "ved ik", "jeg ringer ikke til nogen. ikke nu",
            "du har allerede spurgt mig om det. ja", "vi ses næsten aldrig",
            "jeg vil ikke leve mere", "jeg har det fint, det er ingenting. bare en dårlig uge",
            "/mydata"),
           "Risiko midt i GROW; “ved ik”; vil ikke ringe; “du har allerede spurgt”; en anden "
           "krise samme dag; “det er ingenting”; /mydata."),
    Script("false-alarm.en", "A false alarm, then a true one (English)", "en",
           ("/start", "yes", "Gary", "get the allotment sorted before winter", "Purpose",
            "its the one thing that gets me out the house",
            "been up there most days. my lad wont come near me when ive had a drink",
            "eh? you misread me. he's 12, he just hates the spiders", "yes",
            "me brother, he helps with the heavy stuff", "the weather, and me back",
            "yes thats it",
            "and the urge to cut came back last night, didnt do it but its there",
            "im safe for now", "no thanks", "ask me brother to come up saturdays"),
           "A crisis only suspected, protested in words; all of the answer offered back "
           "to keep; a real urge, not acted on, the same day."),
    Script("false-alarm.da", "En falsk alarm, så en ægte (dansk)", "da",
           ("/start", "ja", "Lone", "have det bedre med min søster", "ja",
            "ringe til hende hver søndag", "hun er der altid for mig",
            "vi ses hver uge. jeg har sagt farvel til alle i foreningen",
            "4. jeg er bare stoppet i foreningen, du misforstod", "ja",
            "min søster. og ja, jeg har sagt farvel til alle i foreningen, det sagde jeg jo",
            "trangen til at skære i mig selv kom tilbage i nat, men jeg gjorde det ikke",
            "jeg er okay lige nu", "nej tak", "hun bor langt væk"),
           "En falsk alarm, “4.” valgt med ord efter; de samme ord igen; en ægte trang samme "
           "dag (kort svar); tilbage til spørgsmålet."),
)  # fmt: skip


def converse(engine: Engine, catalogue: Catalogue, script: Script) -> str:
    """Drive the engine through the script as an adapter would; the transcript as Markdown."""
    person: Person | None = None
    goals: dict[int, Goal] = {}
    schedule: Schedule | None = None
    outcomes = Outcomes()
    now = START
    you, bot = ("Du", "growcoach") if script.language == "da" else ("You", "growcoach")
    lines = [f"# {script.title}", "", f"_{script.about}_", ""]
    for said in script.lines:
        event: Input = parse_command(said) or Text(said)
        snapshot = Snapshot("console:transcript", person, tuple(goals[n] for n in sorted(goals)),
                            script.language, schedule, outcomes)  # fmt: skip
        turn = engine.handle(snapshot, event, now)
        person = turn.person or person
        outcomes = turn.outcomes or outcomes
        schedule = turn.schedule if turn.schedule_changed else schedule
        goals.update({goal.number: goal for goal in turn.goals})
        now += timedelta(minutes=1) if said != "/checkin" else timedelta(days=7)
        lines += [f"**{you}:** {_quoted(said)}", ""]
        for reply in turn.replies:
            lines += [f"**{bot}:** {_reply(catalogue, reply, turn.language)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _quoted(text: str) -> str:
    return text.replace("\n", " / ")


def _reply(catalogue: Catalogue, reply: Reply, language: str) -> str:
    text = "\n\n".join(catalogue.render(part, language) for part in reply.parts)
    buttons = " ".join(f"`[{catalogue.render(c.label, language)}]`" for c in reply.choices)
    body = text.replace("\n", "  \n")
    return f"{body}  \n{buttons}" if buttons else body


def transcripts() -> dict[str, str]:
    catalogue = Catalogue.load()
    engine = Engine(catalogue)
    return {f"{script.name}.md": converse(engine, catalogue, script) for script in SCRIPTS}


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    written = transcripts()
    for stale in set(path.name for path in FOLDER.glob("*.md")) - set(written) - {"README.md"}:
        (FOLDER / stale).unlink()
    for name, text in written.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(written)} transcripts to {FOLDER}")


if __name__ == "__main__":
    main()
