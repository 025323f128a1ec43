"""Moves read before content: each written as people write, and content that must stay content."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogue_flows import moves, words
from dialogue_flows.moves import Move, read_move, split_move

SAID = {
    Move.KEEP: {
        "en": ["keep it", "Keep it.", "I think I'll keep it like that, 6 is good for me",
               "keep it as it is", "its fine as it is", "leave it like that", "nah keep it",
               "no need to change it", "same", "keeep it lol", "i'll stick with it",
               "kep it as is"],
        "da": ["det er fint som det er", "behold", "behold den", "lad det være som det er",
               "jeg beholder den", "den er fin som den er", "ingen ændringer",
               "nej behold den bare", "det samme", "jeg vil gerne beholde det",
               "lad det vaere som det er", "det er fint som det er, 6 er fint"],
    },
    Move.THATS_ALL: {
        "en": ["that's all", "No I think that's it really", "oh sorry, that's all",
               "thats al", "nothing else", "that's it", "no more ideas", "im done",
               "i cant think of anything else", "thats everything", "nope thats it",
               "THATS ALLLL"],
        "da": ["nej det var det", "det var det", "ikke mere", "det var alt", "ikke flere",
               "jeg er færdig", "færdig", "det var vist det", "ikke mere tak",
               "nej, det var alt", "mere har jeg ikke", "intet andet"],
    },
    Move.YES: {
        "en": ["yes", "yeah", "Yep!", "yup", "sure", "ok", "okay", "yes please", "yeah sure",
               "of course", "that's right", "yesss", "sounds good"],
        "da": ["ja", "jo", "jep", "ja tak", "gerne", "ja gerne", "selvfølgelig", "helt sikkert",
               "det er rigtigt", "jaaa", "klart", "ja da"],
    },
    Move.NO: {
        "en": ["no", "nope", "nah", "no thanks", "not really", "noooo", "no way",
               "not quite", "that's not right", "no thank you", "nah not really"],
        "da": ["nej", "nej tak", "næ", "nix", "ikke rigtig", "slet ikke", "neeej",
               "nej nej", "det er forkert", "ikke helt", "overhovedet ikke"],
    },
    Move.NOT_NOW: {
        "en": ["not now", "later", "maybe later", "maybe another time", "not today",
               "not right now", "ask me later", "can we do this later", "another time",
               "later pls", "not now sorry"],
        "da": ["ikke nu", "senere", "måske senere", "maaske senere", "en anden gang",
               "ikke i dag", "ikke lige nu", "spørg mig senere", "vi tager det senere",
               "måske en anden dag", "nej ikke nu", "senre"],
    },
    Move.BUSY: {
        "en": ["busy", "im busy right now", "nah im busy rn", "i'm a bit busy", "bit busy atm",
               "got loads on", "BUSY", "busy today", "im busy atm", "got a lot on right now",
               "i am busy at the moment"],
        "da": ["travlt", "har travlt", "jeg har travlt lige nu", "nej har travlt",
               "jeg har travlt i dag", "har ikke tid", "har lidt travlt",
               "jeg har ikke tid lige nu", "har travlt for tiden", "har meget om ørerne",
               "nej jeg har travlt"],
    },
    Move.SEVERAL: {
        "en": ["nah thats 2 things", "thats 2 ideas not 1", "that's two different things",
               "they're separate things", "split it up", "thats 3 things", "those are separate",
               "that's 2 options not 1", "its two separate ideas", "thats different things",
               "separate them"],
        "da": ["nej det var 4 forskellige ting", "det er to ting", "del det op",
               "det var tre forskellige idéer", "det er 2 ting", "det er forskellige ting",
               "de er forskellige", "del dem op", "det var 3 ting", "der er to ideer",
               "det er to forskellige forslag"],
    },
    Move.STOP: {
        "en": ["stop", "pause", "i want to stop", "STOP", "stop now", "can we stop here",
               "i need a break", "i wanna stop", "lets pause", "cant be bothered",
               "enough for today", "quit"],
        "da": ["stop nu", "jeg gider ikke mere", "stop", "pause", "jeg vil stoppe",
               "lad os stoppe her", "hold op", "gider ikke", "jeg vil gerne holde pause",
               "nok for i dag", "stop det", "afbryd"],
    },
    Move.SKIP: {
        "en": ["skip", "skip it", "skip this one", "pass", "next", "next question", "move on",
               "lets move on", "can we skip this", "rather not say", "skip pls"],
        "da": ["spring over", "spring den over", "videre", "næste", "næste spørgsmål",
               "lad os gå videre", "kan vi springe det over", "det vil jeg helst ikke svare på",
               "den springer jeg over", "drop den", "videre tak"],
    },
    Move.DONT_KNOW: {
        "en": ["idk", "no idea", "not sure", "i don't know", "dont knw", "dunno",
               "i really dont know", "no clue", "hmm i dont know", "im not sure tbh",
               "i have no idea", "who knows"],
        "da": ["ved ikke", "aner det ikke", "ved ik", "det ved jeg ikke", "jeg ved det ikke",
               "ingen anelse", "aner ikke", "ikke sikker", "det ved jeg sgu ikke",
               "øh ved ikke", "jeg er ikke sikker", "hvem ved", "ingen idé",
               "har ikk nogen ide"],
    },
    Move.ALREADY_SAID: {
        "en": ["i just said", "told you already", "i already told you", "i said that already",
               "i just said lol", "like i said", "you already asked that", "same as before",
               "i've already said that", "see above", "i told you", "i just said above",
               "as i just said"],
        "da": ["jeg har lige sagt det", "det har jeg lige sagt", "det har jeg allerede sagt",
               "som jeg sagde", "jeg sagde det jo", "det har du spurgt om",
               "det har du allerede spurgt om", "se ovenfor", "samme som før",
               "det har jeg jo skrevet", "det sagde jeg jo", "det skrev jeg jo",
               "jeg skrev det jo", "jeg skrev det lige ovenfor"],
    },
    Move.ADVICE: {
        "en": ["can you just give me some advice?", "which one do you think?", "what should i do",
               "what would you do", "what do you think", "you choose", "any advice?",
               "tell me what to do", "what do you suggest", "which one?", "you pick",
               "give me some ideas"],
        "da": ["hvad synes du", "hvad skal jeg gøre", "hvad ville du gøre", "giv mig et råd",
               "har du et råd", "vælg du", "hvilken synes du?", "hvad foreslår du",
               "hvad synes du?", "du bestemmer", "har du nogle idéer", "hvad ville du vælge"],
    },
    Move.QUESTION: {
        "en": ["what is this for?", "why do you ask?", "what do you mean?", "whats the point",
               "why?", "how does this work?", "who are you", "what does that mean",
               "huh?", "what?", "i dont understand the question"],
        "da": ["hvad mener du?", "hvad er meningen", "hvorfor spørger du", "hvorfor?",
               "hvad betyder det", "hvordan virker det", "hvem er du", "hva?",
               "jeg forstår ikke spørgsmålet", "hvad mener du med det", "hvad?"],
    },
    Move.CHANGE_HOW: {
        "en": ["How do I change my step?", "how can i change the step", "how do i edit my goal",
               "can we change the step?", "change my step", "how do i fix my step",
               "how would i change my plan", "where do i change my step", "how do i remove it?",
               "could you change my step", "how do i delete that"],
        "da": ["hvordan ændrer jeg mit skridt?", "hvordan retter jeg målet",
               "kan vi ændre skridtet", "ændr mit skridt", "hvordan sletter jeg det",
               "hvor ændrer jeg mit skridt",
               "kan jeg ændre mit skridt?", "hvordan skifter man skridtet",
               "hvordan fjerner jeg det", "må jeg ændre skridtet", "hvordan ændrer vi planen"],
    },
    Move.REAL_PERSON: {
        "en": ["are you a real person", "is this a bot", "are you a bot?", "r u a robot",
               "am i talking to a real person", "are you human", "are you real?",
               "is this ai", "are u a real person lol", "is anyone there", "who am i talking to",
               "are u a real person or a bot", "are you a bot or a real person", "u a bot?",
               "is this a bot or a person"],
        "da": ["er du et menneske", "er det en robot", "er du en robot?", "er du en bot",
               "er du rigtig", "taler jeg med et menneske", "er det et rigtigt menneske",
               "er du ægte", "er der nogen", "hvem taler jeg med", "er du et menneske?",
               "er du et rigtigt menneske eller en robot", "er du en bot eller et menneske"],
    },
    Move.PRIVACY: {
        "en": ["is this thing recording me", "who reads this", "who can see this?",
               "is this private", "does my worker see this", "what happens to what i write",
               "is anyone reading this", "is this confidential?", "are you recording this",
               "where does this go", "will social services see this"],
        "da": ["hvem læser det her", "bliver det gemt", "er det her fortroligt",
               "kan min kontaktperson se det", "hvad sker der med det jeg skriver",
               "læser nogen med", "gemmer du det her", "er det anonymt?",
               "hvor ender det jeg skriver", "kan kommunen se det her"],
    },
    Move.KEEP_OUT: {
        "en": ["dont put it in anything", "please dont write that down", "off the record",
               "keep this between us", "dont tell my worker", "dont tell anyone",
               "this is between you and me", "i dont want that written down",
               "dont put that in my notes", "keep it out of the report", "pls dont tell social",
               "that doesnt go anywhere"],
        "da": ["skriv det ikke ned", "det skal ikke med i noget", "det bliver mellem os",
               "sig det ikke til nogen", "gem det ikke", "det må ikke komme videre",
               "lad være med at skrive det ned", "hold det for dig selv",
               "jeg vil ikke have det skrevet ned", "fortæl det ikke til min kontaktperson",
               "det skal du ikke skrive ned", "off the record"],
    },
    Move.DOUBT: {
        "en": ["yeah cos thats so easy", "yeah right", "as if", "easier said than done",
               "if only it was that easy", "an app aint gonna fix nothin",
               "thats not a goal is it", "ye cos that ll be easy", "oh thanks for that",
               "no shit sherlock", "thats obvious"],
        "da": ["ja ja, som om det er så nemt", "lettere sagt end gjort",
               "det er lettere sagt end gjort",
               "gid det var så nemt", "det er da ikke et mål", "som om det er så let",
               "ja ja det er nemt nok", "en app løser ikke noget", "nå tak for det",
               "det er da indlysende", "bare det var så enkelt"],
    },
    Move.WHO_TO_CALL: {
        "en": ["who can i talk to", "who can i call about this", "is there a number i can call",
               "who do i ring", "can you give me a number", "i need a helpline",
               "is there anyone i can talk to", "what number can i call", "who could i phone",
               "where can i turn to", "who can i talk to without it going to social services",
               "is there like an eating disorder helpline or smth", "is there a carers line"],
        "da": ["hvem kan jeg ringe til", "hvem kan jeg snakke med", "hvem kan jeg tale med om det",
               "er der nogen jeg kan ringe til", "kan du give mig et nummer",
               "jeg har brug for et nummer", "hvilket nummer kan jeg ringe til",
               "hvor kan jeg henvende mig", "er der et nummer jeg kan ringe til",
               "hvem kan jeg skrive til",
               "hvem kan jeg snakke med uden at det ender hos kommunen",
               "er der en rådgivning for spiseforstyrrelser", "findes der en linje for pårørende"],
    },
    Move.ABOUT_GROW: {
        "en": ["what is grow", "what's GROW?", "what does grow mean", "whats grow about",
               "how does grow work", "what does GROW stand for", "what grow means",
               "i dont understand what grow is", "explain grow", "what is this grow thing"],
        "da": ["hvad er grow", "hvad betyder GROW?", "hvad står grow for", "hvordan virker grow",
               "hvad går grow ud på", "jeg forstår ikke hvad grow er", "forklar grow",
               "hvad er grow for noget", "hvad betyder det med grow", "hvorfor grow"],
    },
    Move.TOO_LONG: {
        "en": ["this is long", "too many questions", "this is taking ages", "its so long",
               "how many more questions", "are we nearly done", "so many questions",
               "this is taking forever", "thats a lot of questions", "how much longer"],
        "da": ["det er langt", "for mange spørgsmål", "det tager lang tid", "det her er så langt",
               "hvor mange spørgsmål mangler der", "er vi snart færdige", "så mange spørgsmål",
               "det tager evigheder", "det er alt for langt", "hvor længe varer det"],
    },
    Move.IN_ENGLISH: {
        "en": ["english please", "in english", "can we speak english", "can you write english",
               "english pls", "i prefer english", "hmm dansk is hard for me. english please",
               "switch to english", "my danish is not good. english please", "no danish please"],
        "da": ["på engelsk tak", "engelsk tak", "kan vi skrive engelsk", "skriv på engelsk",
               "jeg vil helst have det på engelsk", "skift til engelsk", "på engelsk",
               "dansk er svært for mig. på engelsk tak", "kan vi tale på engelsk", "tal engelsk"],
    },
    Move.IN_DANISH: {
        "en": ["danish please", "in danish", "can we speak danish", "can you write danish",
               "i prefer danish", "switch to danish", "write in danish please",
               "my english is not good. danish please", "danish thanks", "speak danish"],
        "da": ["dansk tak", "på dansk", "på dansk tak", "kan vi skrive dansk", "skriv på dansk",
               "jeg vil helst have det på dansk", "skift til dansk", "kan vi tale på dansk",
               "engelsk er svært for mig. på dansk tak", "tal dansk"],
    },
    Move.GREETING: {
        "en": ["hi", "hello", "hey", "good morning", "hiya", "heyyy", "hello there", "hey there",
               "good evening", "morning", "how are you", "hi there"],
        "da": ["hej", "godmorgen", "hejsa", "god morgen", "halløj", "hej hej", "davs",
               "godaften", "hej med dig", "hvordan går det", "goddag", "mojn"],
    },
    Move.THANKS: {
        "en": ["thanks", "thank you", "cheers", "thanks a lot", "ok thanks", "ta", "thx",
               "many thanks", "thanks so much", "ty", "thank you so much", "okay thanks"],
        "da": ["tak", "mange tak", "tusind tak", "tak for det", "ok tak", "tak skal du have",
               "tak tak", "okay tak", "tusind tak for det", "mange tak for det", "takk",
               "tak!"],
    },
    Move.THINKING: {
        "en": ["hmm", "hmm ok", "hm", "hmmm", "fair enough", "i see", "hmm i see", "ah i see",
               "good to know", "hmm okay", "hmmm ok", "hmm fair enough"],
        "da": ["hmm", "hmm okay", "hm", "nå ok", "nå okay", "jeg forstår", "hmmm",
               "det er godt at vide", "hmm ok", "hm ok", "hmm jeg forstår", "hmm nå ok"],
    },
    Move.RETRACT: {
        "en": ["scratch that", "actually no, scratch that, i dont know what i want", "forget that",
               "never mind", "scrap that", "forget what i said", "i take that back",
               "ignore that", "no wait, scratch that", "oh forget it", "nevermind lol",
               "strike that"],
        "da": ["glem det", "nej vent, glem det", "glem det jeg sagde", "det tager jeg tilbage",
               "pyt med det", "slet det", "nej vent", "jeg har ombestemt mig",
               "glem det, jeg ved ikke hvad jeg vil", "drop det der", "stryg det",
               "øh glem det igen"],
    },
    Move.CORRECTION: {
        "en": ["that's not what i said", "you got that wrong", "i didnt say that",
               "no i didnt say that", "thats not what i meant", "you misunderstood me",
               "i never said that", "what? i didnt say that", "you've got it all wrong",
               "that's not my goal", "i didn't mean that", "where did you get that",
               "did you even read that", "are you even listening"],
        "da": ["det har jeg ikke sagt", "det sagde jeg ikke", "du har misforstået mig",
               "det var ikke det jeg sagde", "det mente jeg ikke", "nej det har jeg ikke sagt",
               "hva? det har jeg aldrig sagt", "du misforstod mig", "det er ikke mit mål",
               "det er ikke hvad jeg mente", "hvor har du det fra", "det har jeg aldrig skrevet",
               "læste du overhovedet hvad jeg skrev"],
    },
    Move.GOAL_IS: {
        "en": ["my goal is", "goal is", "the goal is", "me goal is", "my goal would be",
               "the goal should be", "what i really want is", "no my goal is", "well my goal is",
               "my goal is actually"],
        "da": ["målet er", "mit mål er", "mål er", "mit mål skal være", "nej målet er",
               "mit mål er faktisk", "det jeg vil er", "det jeg egentlig vil er", "altså målet er",
               "mit mål ville være"],
    },
    Move.JUDGING: {
        "en": ["is that a stupid goal?", "is that silly", "does that sound stupid?",
               "is it a dumb goal", "is that ok?", "that sounds stupid doesnt it",
               "i know its silly", "am i being daft", "is that too small?",
               "is that a daft thing to want", "does it sound pathetic", "is that a weird answer"],
        "da": ["er det et dumt mål?", "er det dumt", "lyder det dumt?", "er det fjollet",
               "det lyder sikkert dumt", "er det for småt?", "er det ok?", "er det et dumt svar",
               "jeg ved godt det er dumt", "er det et lille mål", "lyder det åndssvagt",
               "er det i orden"],
    },
    Move.BACK: {
        "en": ["go back", "can we go back", "back", "go back please", "previous question",
               "can i change my last answer", "undo that", "wait go back", "go back a step",
               "back to the last question", "can we go back a step?", "undo"],
        "da": ["gå tilbage", "kan vi gå tilbage", "tilbage", "forrige spørgsmål", "fortryd",
               "kan jeg ændre mit sidste svar", "gå tilbage tak", "vent gå tilbage",
               "gaa tilbage", "tilbage til det forrige spørgsmål", "må jeg gå tilbage et skridt",
               "fortryd det"],
    },
    Move.CALL_FOR_HELP: {
        "en": ["should I have rung the ambulance?", "should i have called an ambulance",
               "should i have rung 999", "should i call an ambulance next time",
               "should i ring 999 if it happens again", "was i right to call an ambulance",
               "did i need to call 999", "should i call 999 if he wont wake",
               "is it worth ringing an ambulance", "should I have rung the ambulance or not?",
               "do i need to ring 999"],
        "da": ["skulle jeg have ringet 112?", "skulle jeg have ringet efter en ambulance",
               "skal jeg ringe 112 næste gang", "bør jeg ringe efter en ambulance",
               "var det rigtigt at ringe 112", "burde jeg have ringet 112",
               "skal jeg ringe 112 hvis han ikke vågner", "er det nødvendigt at ringe 112",
               "skal jeg ringe til 112 hvis det sker igen", "skulle jeg have ringet til 112",
               "burde jeg have ringet efter en ambulance"],
    },
    Move.MEDICINE: {
        "en": ["is that bad wi lithium", "is G bad with my lithium", "can i drink on my meds",
               "is it ok to drink on antidepressants", "does alcohol mix with my methadone",
               "will weed interact with my medication", "is drinking dangerous with my tablets",
               "should i be worried about mixing it", "can i take it with my sertraline",
               "is it safe to smoke with my quetiapine", "do lithium and alcohol mix"],
        "da": ["er det farligt at tage G oven i min litium", "kan jeg drikke på min medicin",
               "må jeg drikke når jeg tager antabus", "er det ok at ryge med mine piller",
               "passer alkohol sammen med min medicin", "går det med mine lykkepiller",
               "kan jeg tage det sammen med min metadon", "er det skidt med min medicin",
               "må jeg ryge oven i mine piller", "bør jeg være bekymret for blandingen",
               "er det et problem med mine sovepiller"],
    },
    Move.SQUARE_ONE: {
        "en": ["am i back to square one now?", "so im back to square one", "back to day one",
               "month down the shitter", "all that time down the drain", "months down the drain",
               "do i have to start again", "ive thrown it all away", "i lost my clean time",
               "does that undo everything", "was it all for nothing", "guess im back to zero"],
        "da": ["er jeg tilbage til start nu?", "så er jeg tilbage til nul", "tilbage til start",
               "måneder ud i vasken", "alle de måneder spildt", "skal jeg starte helt forfra nu",
               "jeg har smidt det hele væk", "jeg har mistet min clean tid",
               "var det hele for ingenting", "det hele var spildt",
               "nu er jeg tilbage til scratch"],
    },
    Move.SENT: {
        "en": ["gp sent me", "my worker said i should try this", "idk my gp sent me here",
               "i was referred by my gp", "its part of my probation", "my mum made me do this",
               "i only came cos i had to", "my doctor referred me", "coming here wasnt my idea",
               "social worker told me to use this app", "my keyworker sent me along lol"],
        "da": ["lægen sendte mig", "min sagsbehandler sagde jeg skulle prøve det her",
               "jeg blev henvist af lægen", "min kontaktperson sendte mig herind",
               "kommunen siger jeg skal bruge den her app", "det var ikke min egen idé",
               "det var ikke mig der ville", "jeg kom kun fordi jeg skulle",
               "det er en del af min behandling", "min behandler har sendt mig hertil",
               "jobcentret sendte mig"],
    },
}  # fmt: skip

CONTENT = [
    "Helen", "Noah", "Jo Smith", "Ahmed", "Mary Jane", "Dona", "Maja",
    "long day at work", "my commute is long", "det tager lang tid at finde en lejlighed",
    "ask my sister", "stop smoking", "next week", "pass my driving test", "skip breakfast",
    "næste uge", "videre med uddannelsen", "passe mit arbejde", "springe i vandet",
    "keep my flat tidy", "no more drinking on weekdays",
    "yes and also ring my mum", "no idea what to do about money, maybe ask the bank",
    "get a job", "wanna get bak to work", "see my kids more", "cut down on drinking",
    "find a flat", "email the teacher", "go with Claire just to look", "do some clay at home",
    "go back to work", "back to college", "gå tilbage til skolen", "tilbage på arbejdet",
    "6", "3 probably. Maybe 3.", "6 is good for me", "about 2 I guess", "monday evening",
    "London", "ring the housing office on monday", "keep going to meetings",
    "stop seeing people who use", "pause my gym membership and save money",
    "not drinking on weekdays", "later nights are hard", "i want to end it all",
    "make it stop", "my sister knows", "18 month clean off the gear", "people liked my bowls",
    "ringe til min søster", "stoppe med at ryge", "få et job", "se mine børn mere",
    "holde min lejlighed ren", "nej til mere alkohol i hverdagen", "finde en lejlighed",
    "tale med Mette om brevet", "jeg vil gerne have et arbejde", "gå en tur hver dag",
    "ved at lave mad", "senere i ugen ringer jeg til kommunen", "tak til min mor for hjælpen",
    "i don't know how to ask for help with forms", "what my mum said about the flat",
    "forget about the past", "forget about him and move on", "is that bus still running",
           "my goal is big", "glem ikke at ringe", "det er dumt at drikke", "stupid forms",
           "scratch card habit", "that is what i want", "i said i would ring her",
]  # fmt: skip


LATER = [
    # Written after the tables, as a check: 38 of 62 were read at first; the tables
    # then learnt fillers inside phrases and the missing phrasings.
    (Move.KEEP, "nah its fine how it is"),
    (Move.KEEP, "leave it as is thanks"),
    (Move.KEEP, "keep it pls"),
    (Move.KEEP, "lad den bare være"),
    (Move.KEEP, "den er fin sådan"),
    (Move.KEEP, "I'm happy with it as it is"),
    (Move.THATS_ALL, "thats about it"),
    (Move.THATS_ALL, "nothing else really"),
    (Move.THATS_ALL, "that's all i can think of"),
    (Move.THATS_ALL, "det var vist alt"),
    (Move.THATS_ALL, "ikke mere fra mig"),
    (Move.THATS_ALL, "no that's everything"),
    (Move.YES, "yeah go on then"),
    (Move.YES, "yes definitely"),
    (Move.YES, "ja det vil jeg gerne"),
    (Move.YES, "jo tak"),
    (Move.YES, "ok sure"),
    (Move.NO, "nope not really"),
    (Move.NO, "no not at all"),
    (Move.NO, "nej det gør jeg ikke"),
    (Move.NO, "nah mate"),
    (Move.NO, "nej ikke rigtig"),
    (Move.NOT_NOW, "can we do this another time"),
    (Move.NOT_NOW, "not rn"),
    (Move.NOT_NOW, "later maybe"),
    (Move.NOT_NOW, "ikke lige nu tak"),
    (Move.NOT_NOW, "en anden gang måske"),
    (Move.STOP, "i want to stop now"),
    (Move.STOP, "please stop"),
    (Move.STOP, "stop asking me questions"),
    (Move.STOP, "jeg vil gerne stoppe nu"),
    (Move.STOP, "lad os holde pause"),
    (Move.DONT_KNOW, "honestly no idea"),
    (Move.DONT_KNOW, "i'm not really sure"),
    (Move.DONT_KNOW, "idk tbh"),
    (Move.DONT_KNOW, "det ved jeg virkelig ikke"),
    (Move.DONT_KNOW, "aner det ikke helt"),
    (Move.ALREADY_SAID, "i already said that!"),
    (Move.ALREADY_SAID, "i've told you this"),
    (Move.ALREADY_SAID, "you asked me that already"),
    (Move.ALREADY_SAID, "det har jeg jo sagt"),
    (Move.ALREADY_SAID, "jeg har allerede svaret"),
    (Move.ADVICE, "what would you suggest"),
    (Move.ADVICE, "what do you reckon i should do"),
    (Move.ADVICE, "can you give me advice"),
    (Move.ADVICE, "hvad ville du foreslå"),
    (Move.ADVICE, "kan du ikke bare give mig et råd"),
    (Move.QUESTION, "what's the point of this"),
    (Move.QUESTION, "why are you asking"),
    (Move.ABOUT_GROW, "what does grow stand for"),
    (Move.QUESTION, "hvad går det ud på"),
    (Move.QUESTION, "hvorfor spørger du om det"),
    (Move.REAL_PERSON, "am i talking to a robot"),
    (Move.REAL_PERSON, "is this a real human"),
    (Move.REAL_PERSON, "are you an ai?"),
    (Move.REAL_PERSON, "er du en rigtig person"),
    (Move.REAL_PERSON, "er det en maskine jeg skriver med"),
    (Move.GREETING, "hiya!"),
    (Move.GREETING, "hey there :)"),
    (Move.THANKS, "thanks so much"),
    (Move.GREETING, "hej med dig"),
    (Move.GREETING, "godaften"),
]

MORE_CONTENT = [
    "stop drinking so much",
    "keep the flat clean",
    "ask for advice at the job centre",
    "a real job",
    "say hello to my neighbour",
    "not drinking before 6",
    "hi to my dad more often",
    "thank my sister",
    "ring min sagsbehandler",
    "stoppe med hash",
    "spørge om råd hos min mor",
    "hvad jeg vil er at få et job",
    "later bedtimes are a problem",
    "the same job as before",
    "idk what to do about my landlord",
    "no to cocaine",
    "yes to the course",
    "pause and breathe when I get angry",
    "what I want is a flat",
    "Sam",
]


TEXT_SPEAK = [
    # Found by testers playing service users (issue 15): stored as a why, a step, ideas.
    (Move.QUESTION, "what do u mean"),
    (Move.QUESTION, "wat do u mean??"),
    (Move.QUESTION, "i dont get what u mean"),
    (Move.ADVICE, "can u just tell me what to do"),
    (Move.ADVICE, "pls just tell me wat to do"),
    (Move.ADVICE, "what shud i do"),
    (Move.ADVICE, "hvad synes du jeg skal gøre"),
    (Move.ADVICE, "hva synes du jeg ska gøre"),
    (Move.ADVICE, "ka du ik bare sige hva jeg skal gøre"),
    (Move.ADVICE, "hvad tror du jeg bør vælge"),
    (Move.QUESTION, "nej det var et spørgsmål til dig"),
    (Move.QUESTION, "det va ik en ide"),
    (Move.QUESTION, "that wasnt an idea"),
    (Move.QUESTION, "no that was a question for u"),
    (Move.REAL_PERSON, "r u a bot"),
    (Move.DONT_KNOW, "ved ik"),
    (Move.DONT_KNOW, "i dont kno"),
    (Move.NOT_NOW, "not now pls"),
]


@pytest.mark.parametrize(("move", "text"), TEXT_SPEAK)
def test_text_speak_is_written_out_before_moves_are_read(move: Move, text: str) -> None:
    assert read_move(text) == move


@pytest.mark.parametrize("text", ["ring ur mum", "ask u about the cv", "ka godt lide at gå"])
def test_text_speak_with_content_is_still_content(text: str) -> None:
    assert read_move(text) is None


@pytest.mark.parametrize(("move", "text"), LATER)
def test_phrasings_written_after_the_tables(move: Move, text: str) -> None:
    assert read_move(text) == move


@pytest.mark.parametrize("text", [*MORE_CONTENT, "Sam", "Kate", "Don", "Ben", "Al", "Jo-Anne"])
def test_more_content_and_names_are_not_moves(text: str) -> None:
    assert read_move(text) is None


@pytest.mark.parametrize(
    ("move", "language", "text"),
    [(m, lang, t) for m, by in SAID.items() for lang, texts in by.items() for t in texts],
)
def test_each_move_as_people_write_it(move: Move, language: str, text: str) -> None:
    assert read_move(text) == move


def test_at_least_ten_phrasings_per_move_and_language() -> None:
    assert set(SAID) == set(Move)
    assert all(len(texts) >= 10 for by in SAID.values() for texts in by.values())


@pytest.mark.parametrize("text", CONTENT)
def test_content_is_not_a_move(text: str) -> None:
    assert read_move(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes, ring my mum", (Move.YES, "ring my mum")),
        ("yes and also ring my mum", (Move.YES, "ring my mum")),
        ("i just said lol. get a job", (Move.ALREADY_SAID, "get a job")),
        ("nej, ring til min søster", (Move.NO, "ring til min søster")),
        ("idk - maybe ask the bank", (Move.DONT_KNOW, "maybe ask the bank")),
        ("nej det var det", (Move.THATS_ALL, "")),
        ("stop smoking", (None, "stop smoking")),
        ("no more drinking on weekdays", (None, "no more drinking on weekdays")),
        ("no idea what to do about money, maybe ask the bank",
         (None, "no idea what to do about money, maybe ask the bank")),
    ],
)  # fmt: skip
def test_a_leading_move_is_split_from_the_content(
    text: str, expected: tuple[Move | None, str]
) -> None:
    assert split_move(text) == expected


def test_mixed_languages_and_invisible_letters() -> None:
    assert read_move("ok, det var det") == Move.THATS_ALL
    assert read_move("nej thats all") == Move.THATS_ALL
    assert read_move("that\u2019s all") == Move.THATS_ALL


@pytest.mark.parametrize("module", [moves, words])
def test_the_documented_examples_hold(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


def test_no_phrase_belongs_to_two_moves() -> None:
    seen: dict[tuple[str, ...], Move | None] = {}
    for phrases in moves._table().starting.values():
        for phrase in phrases:
            assert seen.setdefault(phrase.words, phrase.move) == phrase.move, phrase.words


@pytest.mark.parametrize(
    "text",
    ["i want to end it all", "make it stop", "i cant go on", "i can't do this anymore",
     "jeg kan ikke mere", "i want it all to stop", "i just want to disappear",
     "jeg vil ikke leve mere", "stop everything", "i give up on life"],
)  # fmt: skip
def test_words_of_distress_are_never_a_move(text: str) -> None:
    """The crisis check reads first; here such words must not even look like "stop"."""
    assert read_move(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    move = read_move(text)
    first, rest = split_move(text)
    assert rest in text
    assert move is None or (first == move and rest == "")
