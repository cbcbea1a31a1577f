"""Substance put off for later: what a sentence or a paragraph leaves to be decided.

A clause can name its topic and still provide nothing: "a plan will be agreed later",
"its scope and design will be settled by the Steering Board during the first year",
"se proponen acordar en su momento una estrategia", "les modalités … feront l'objet
d'un document séparé". Any element whose substance is so deferred is partial, however
well its heading names it (GAO-23-105390: sustainability plans promised for later never
came).

A sentence defers when it uses a deferral phrase (data/cues.yaml: deferred) without a
deadline in a year ("by June 2029": a dated commitment plans), or when an intention is
only to decide ("intend to agree", "se proponen examinar"). A deferring sentence whose
subject is the substance ("Its scope and design …", "Les modalités …") defers the whole
paragraph: the sentence that announced the thing ("X intends to establish a system")
no longer describes one.
"""

from __future__ import annotations

import re
from functools import cache

from cpc_draft.check.facts.sentences import sentences
from cpc_draft.text.cues import cue, has, phrase_pattern, phrases

OPENING_WORDS = 6  # a deferral's subject stands in its first words: "Its scope and design"
INTENT_GAP = 3  # words from "intend to" to the decision it puts off: "intend to jointly agree"
DEADLINE_GAP = 6  # words from the deadline word to its year: "a más tardar el 31 de diciembre de"
LACK_GAP = 4  # words from "the lack of" to what is lacking: "absence de statistiques consolidées"

_YEAR = r"(?:FY\s?)?(?<!\d)(?:19|20)\d\d(?!\d)"


def defers(sentence: str, language: str, *, intentions: bool = True) -> bool:
    """The sentence leaves its substance to later. ``intentions=False`` counts only the
    deferral phrases, not an intention to decide ("intend to examine the use of funds"
    is oversight, not a deferral)."""
    if has("deferred", language, sentence) and not _deadline(language).search(sentence):
        return True
    return intentions and _decides_later(sentence, language)


def defers_substance(sentence: str, language: str) -> bool:
    """A deferring sentence about the substance of what the paragraph announces."""
    if not defers(sentence, language):
        return False
    opening = " ".join(_strip_label(sentence).split()[:OPENING_WORDS])
    return has("substance", language, opening) or _opens_with_reference(opening, language)


def live_sentences(text: str, language: str, *, intentions: bool = True) -> list[str]:
    """The sentences of a paragraph that provide something now: none where a sentence
    defers the paragraph's substance, else those that do not defer."""
    found = sentences(text)
    if intentions and any(defers_substance(s, language) for s in found):
        return []
    return [s for s in found if not defers(s, language, intentions=intentions)]


def deferring(text: str, language: str) -> list[str]:
    """The sentences of a paragraph that leave something for later."""
    return [s for s in sentences(text) if defers(s, language)]


def deferred_mentions(blocks, group: str, language: str) -> list:
    """The blocks with a sentence that names ``group``'s topic and leaves it for later:
    "The indicators will be agreed at the first meeting", "Los indicadores se definirán"."""
    return [
        block
        for block in blocks
        if has(group, language, block.text)
        and any(has(group, language, s) for s in deferring(block.text, language))
    ]


def lacking(sentence: str, at: int, language: str) -> bool:
    """The words at ``at`` are what the sentence says is lacking: "the lack of a case
    management system", "l'absence de statistiques consolidées"."""
    window = " ".join(sentence[:at].split()[-LACK_GAP:])
    return has("lack", language, window)


def _decides_later(sentence: str, language: str) -> bool:
    """An intention whose object is a decision: "intend to agree", "se proponen acordar",
    "se proposent d'examiner", "tienen la intención de conversar … y de acordar"; or an
    agreement to decide later: "conviennent d'examiner, lors du dernier dialogue …"; or
    an intention to write a plan: "tienen la intención de elaborar … un plan"."""
    decide, prepare = _first_words("decide_verb", language), _first_words("prepare_verb", language)
    intentions = (cue("commitment", language), cue("agree_to", language))
    for match in (m for intention in intentions for m in intention.finditer(sentence)):
        rest = sentence[match.end() :]
        # "de", "d'", "to": the particles between the intention and its verb
        words = [w.split("'")[-1].split("’")[-1].strip(",;:") for w in rest.split()[:INTENT_GAP]]
        if any(decide.fullmatch(word) for word in words if word):
            return True
        # "intend to develop, before the third year ends, a plan to sustain …": the plan
        # is still to be written; "by 30 June 2029" would make it a dated commitment, and
        # "… a strategy, as follows:" sets the plan out
        if (
            any(prepare.fullmatch(word) for word in words if word)
            and has("plan_noun", language, rest)
            and not _deadline(language).search(sentence)
            and not sentence.rstrip().endswith(":")
        ):
            return True
    return False


@cache
def _first_words(group: str, language: str) -> re.Pattern:
    """The first word of each verb of ``group``: "agree on" starts with "agree"."""
    return phrase_pattern(sorted({p.split()[0] for p in phrases(group, language)}))


@cache
def _deadline(language: str) -> re.Pattern:
    """ "by 30 June 2028", "before the end of 2029": a date follows, not an agent ("by
    the Participants during FY2028" is who defers, and when)."""
    date_word = cue("date_word", language).pattern
    gap = rf"(?:\d{{1,2}}(?:st|nd|rd|th|er|º|°)?|{date_word})"
    words = cue("deadline", language).pattern
    return re.compile(rf"{words}(?:[\s,]+{gap}){{0,{DEADLINE_GAP}}}[\s,]+{_YEAR}")


def _opens_with_reference(opening: str, language: str) -> bool:
    first = opening.split()[:1]
    return bool(first) and cue("back_reference", language).fullmatch(first[0]) is not None


_LABEL = re.compile(r"^\s*(?:\(?[0-9ivxlcIVXLC]+(?:\.\d+)*[.)]?|[a-z]\))\s+")


def _strip_label(sentence: str) -> str:
    """ "11.2 Its scope …" -> "Its scope …"."""
    return _LABEL.sub("", sentence, count=1)
