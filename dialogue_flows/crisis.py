"""Spotting crisis language in what a person writes, in English and Danish.

This is not a diagnosis tool and makes no judgement about a person: it only decides
whether a message should be answered, before anything else, with helplines and the
person's own safety plan. It errs towards answering: a warm word with helplines that
was not needed costs little; one missed costs much.

How: the text is normalised (case, accents on English letters, repeated letters,
common spellings), everyday idioms that merely look alarming ("this goal is killing
me", "I could die laughing", "jeg døde af grin") are blanked out, and what remains is
searched for crisis phrases: suicide, self-harm, overdose, harm to others, and
indirect phrasing ("I can't go on", "better off without me", "jeg kan ikke mere").
Its recall and false-positive rate on a labelled set are measured by
`scripts/crisis_eval.py` and recorded in the README.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

# Idioms blanked out before looking: they use crisis words for everyday things.
_IDIOMS = [
    r"(is|are|was|were|'s|'re) killing me", r"killing it", r"killed it", r"kill(ing)? time",
    r"die(d)? (of|from) (laughing|laughter|embarrassment|boredom|shame)",
    r"(nearly|almost|could|would|gonna) die laughing", r"died laughing",
    r"dying to \w+", r"to die for", r"dead (tired|on my feet|late|end)", r"deadline",
    r"(overdos\w*|od'?d) on (coffee|caffeine|sugar|chocolate|sweets|cake|tv|netflix|work)",
    r"(overdose|overdoses) (risks?|training|prevention|awareness)",
    r"suicide (prevention|awareness)", r"harm reduction", r"self[- ]?(esteem|care|worth)",
    r"cut(ting)? (down|back)", r"cut (ties|my hair)", r"cut myself a (slice|piece)",
    r"i could kill for", r"kill the (lights|weeds|music)", r"(end|ending) (my|the|this) "
    r"(shift|day|call|habit|contract|tenancy|meeting)",
    r"take (my|the) (pills|tablets|meds|medication) (every|on time|each|with)",
    r"took my (pills|tablets|meds|medication) on time",
    # Danish
    r"(slår|dræber) mig ihjel", r"dræber mig", r"dø(de|r)? af (grin|kedsomhed|skam)",
    r"dø af grin", r"til at dø for", r"døds(ens)? træt", r"dødtræt",
    r"slog tiden ihjel", r"skære ned på", r"skære båndene", r"skar mig (på|en skive)",
    r"overdosis af (kaffe|sukker|slik|chokolade)", r"selvmordsforebyggelse",
    r"skadesreduktion", r"selvværd", r"slå ihjel for", r"kan ikke mere (kaffe|mad|slik)",
    r"kan ikke mere i dag", r"gøre en ende på (den|min|de) (dårlige )?(vane|vaner)",
    r"(dræbe|slå) ukrudt\w*",
]  # fmt: skip

_CRISIS = [
    # English: suicide, in many spellings and slang
    r"\bsu+i+c+i*d+e*\w*", r"\bsuc[iu]*d\w*", r"\bsuisid\w*", r"\bsuicde\b", r"\bsewerslide\b",
    r"\bunalive\b", r"\bkms\b", r"suicide note",
    r"\bkill(ing)? my ?self\b", r"\bend(ing)? (my ?self|my l[a-z]*fe|it all|things|it)\b",
    r"\btak(e|ing) my (own )?life\b",
    r"\b(want|wanna|going|gonna|wish|like) (to|too)? ?(die|dye)\b",
    r"\bwanna die\b", r"\bwish i (was|were) dead\b", r"\b(better|rather) (off )?(be )?dead\b",
    r"\bbetter off (without me|if i (was|were)? ?(gone|dead))\b", r"\bbetter off dead\b",
    r"\bdon'?t want to (be here|be alive|live|exist)\b", r"\bstop existing\b",
    r"\bcan'?(no)?t (go|keep) (on|living)\b", r"\bcannot go on\b",
    r"\b(no (reason|point)|what'?s the point) (to|in|of) liv(e|ing)\b",
    r"\b(life|living) (is|isn'?t|is not) (not )?worth (it|living)\b", r"\bnot worth living\b",
    r"\bdone with life\b", r"\bgive up on life\b", r"\bhang my ?self\b",
    r"\bjump(ing)? (off|in front of|from) (a|the)\b", r"\bwould miss me if i died\b",
    r"\b(took|take|taken|swallow(ed)?) (all|a load of|a lot of|loads of|too many) "
    r"(of )?(my |the )?(pills|tablets|meds)\b",
    r"\bsaving up (pills|tablets|meds)\b", r"\boverdos\w*", r"\b(going|gonna) (to )?od\b",
    r"\bused way too much on purpose\b", r"\b(drink|use) my ?self to death\b",
    r"\b(cut|cutting|burn|burning|hurt|hurting|harm|harming) my ?self\b",
    r"\bself[- ]?harm\w*", r"\bslit my wrists?\b", r"\bdisappear forever\b",
    r"\b(never|not) wake up\b", r"\bdon'?t wake up\b", r"\bgoodbye forever\b",
    r"\bmy last message\b", r"\bwon'?t be around\b", r"\bplan to end\b",
    r"\bwant it all to stop\b",
    # English: harm to others
    r"\b(want|going|gonna|like|might|scared i'?ll) (to )?(kill|hurt|harm|killing) "
    r"(him|her|them|someone|somebody|people|others|my (kids|partner|neighbour|neighbor|"
    r"wife|husband|mum|dad|children|baby))\b",
    # Danish
    r"\bselvmord\w*", r"\bselvmort\w*", r"\bslå mig (selv )?ihjel\b", r"\bdræbe mig selv\b",
    r"\btage (mit (eget )?liv|livet af mig)\b", r"\b(vil|gerne|lyst til at|ønsker at) dø\b",
    r"\bvar død\b", r"\b(vil|orker) ikke (at )?leve\b", r"\bikke lyst til at leve\b",
    r"\bkan ikke (mere|klare mere|holde det ud|leve)\b", r"\bende mit liv\b",
    r"\bgøre en ende på (det|mit liv)\b", r"\bbedre uden mig\b",
    r"\bingen grund til at leve\b", r"\bikke værd at leve\b", r"\bhænge mig\b",
    r"\bspringe ud (foran|fra)\b", r"\b(taget|tage|tog) alle (mine )?(piller|tabletter)\b",
    r"\boverdosis\b", r"\bsamler på piller\b",
    r"\b(skærer|skåret|skære|skar|brænder|brændt) (i )?mig( selv)?\b",
    r"\b(skade|gøre skade på) mig selv\b", r"\bselvskade\w*",
    r"\bforsvinde for altid\b", r"\bikke vågner\b", r"\bfarvel for altid\b",
    r"\bmin sidste besked\b", r"\bplan for at dø\b", r"\bafskedsbrev\b",
    r"\b(slå|dræbe) (ham|hende|dem|nogen|min \w+) ?(ihjel)?\b",
    r"\bgør nogen fortræd\b", r"\bgøre (skade på )?(andre|nogen|mine børn)( fortræd)?\b",
    r"\bdrikke mig ihjel\b", r"\bikke (være|være her) (her )?(mere|længere)\b",
    r"\bsavne mig hvis jeg døde\b",
]  # fmt: skip

_IDIOM = re.compile("|".join(f"(?:{p})" for p in _IDIOMS))
_LOOKING = re.compile("|".join(f"(?:{p})" for p in _CRISIS))
_STRETCHED = re.compile(r"(\w)\1{2,}")


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, spaces single."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text)


def is_crisis(text: str) -> bool:
    """Whether this message should be met at once with helplines and the safety plan.

    Letters stretched for feeling ("dieee", "killll") are read both cut to two and to
    one, so that "kill" and "die" are found either way.
    """
    plain = normalise(text)
    for stretched in (r"\1\1", r"\1"):
        shortened, changed = _STRETCHED.subn(stretched, plain)
        if _LOOKING.search(_IDIOM.sub(" ", shortened)):
            return True
        if not changed:  # nothing stretched: the second reading would be the same
            return False
    return False


class Concern(StrEnum):
    """What a message seems to be about; it decides which reply and which lines fit."""

    EMERGENCY = "emergency"
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HARM_FROM_OTHERS = "harm_from_others"
    HARM_TO_OTHERS = "harm_to_others"
    LAPSE = "lapse"
    DISTRESS = "distress"


def assess(text: str) -> frozenset[Concern]:
    """The concerns a message raises; empty when it raises none."""
    return frozenset({Concern.SUICIDE}) if is_crisis(text) else frozenset()
