"""Figures followed by the amount in words in brackets, written as on a cheque: "Q
4,250,000.00 (CUATRO MILLONES DOSCIENTOS CINCUENTA MIL QUETZALES VALDERIANOS EXACTOS)",
"USD 800.000,00 (OCHOCIENTOS MIL DÓLARES DE LOS ESTADOS UNIDOS DE AMÉRICA CON 00/100)".

The words may be followed, inside the bracket, by the currency's name (one the draft
defines, which the ruler does not know, whatever its noun: after figures in a code only
the draft defines, any name counts), a word such as "exactos", or the cents: one
amount, its words kept to be checked against its figures. pairs.pair_hits joins the
brackets that close right after the words; this joins the rest.
"""

from __future__ import annotations

from cpc_draft.nlp.pairs import CLOSE, LEAST_WORDS, OPEN, Hit
from cpc_draft.nlp.runs import CENTS, Kinds, run_starting_at

MAX_TAIL = 12  # tokens between the words and the closing bracket


def join_bracketed_words(doc, hits: list[Hit], kinds: Kinds, known) -> list[Hit]:
    """``hits`` (in order) with each "figures (words …)" joined into one hit, the hits
    found inside its bracket dropped."""
    out: list[Hit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue  # inside the bracket of the amount before
        if hit.words is None and hit.figures is not None:
            inner = [h for h in hits if h.start > hit.end and h is not hit]
            hit = _joined(doc, hit, kinds, inner, known) or hit
        out.append(hit)
    return out


def _joined(doc, hit: Hit, kinds: Kinds, later: list[Hit], known) -> Hit | None:
    opening = hit.end
    while opening < len(doc) and doc[opening].is_space:
        opening += 1
    if opening >= len(doc) or doc[opening].text not in OPEN:
        return None
    run = run_starting_at(doc, opening + 1, kinds)
    if run is None or not run.words or run.figures:
        return None
    close = _closing(doc, run.end)
    if close is None:
        return None
    named = [h for h in later if h.start <= close and h.words is not None]
    tail = doc[run.end : close]
    # a draft's own currency under a name of its own: words of a sum of money, not "(two
    # per cent of the total)"
    own = hit.currency not in known and bool(tail) and run.value >= LEAST_WORDS
    if not (named or own or _as_on_a_cheque(doc[opening + 1 : close], tail, kinds)):
        return None  # "(five per cent of the total)": words, but no amount's
    other = named[0].currency if named and named[0].currency != hit.currency else None
    if hit.currency not in known:
        other = None  # a draft's own code: its name in words is only "quetzales"
    return Hit(hit.start, close + 1, hit.currency, run.value, hit.figures, other, hit.scaled)


def _closing(doc, start: int) -> int | None:
    """The closing bracket after the words, with only words, cents ("00/100") and stops
    between; None otherwise."""
    for i in range(start, min(len(doc), start + MAX_TAIL)):
        text = doc[i].text
        if text in CLOSE:
            return i
        if not (doc[i].is_alpha or doc[i].is_space or CENTS.fullmatch(text) or text in ".,"):
            return None
    return None


def _as_on_a_cheque(inside, tail, kinds: Kinds) -> bool:
    """Words in capitals throughout, or a currency's noun after the number words."""
    letters = [t for t in inside if t.is_alpha]
    if letters and all(t.is_upper for t in letters):
        return True
    nouns = kinds.lex.nouns
    return not tail or any(t.lower_ in nouns for t in tail)
