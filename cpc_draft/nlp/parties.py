"""Who is named: the United States, the partner government, other bodies.

The span ruler marks fixed names (``PARTY``, id ``US`` / ``partner`` / ``other`` / ``both``:
"the TIP Office", "los Estados Unidos", "implementing partners", "the Participants") and
"Government of" phrases (``GOV_OF``, id ``single`` / ``plural``); the name after a
``GOV_OF`` is read here ("the Government of the Republic of Peru" -> partner "Republic of
Peru", short name "Peru"). Once the partner's short name is known its bare mentions count
too ("Peru", "Peruvian").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from cpc_draft.nlp.values import PartyMention
from cpc_draft.text.cues import has

# Small words inside a country's formal name ("Republic of the Philippines").
LINKERS = frozenset(
    ("of", "the", "de", "del", "la", "las", "los", "el", "du", "des", "d'", "d’", "l'", "l’")
)
ANDS = {"and", "y", "e", "et"}
ELIDED = re.compile(r"[a-z]['’][A-ZÀ-Þ]")
ARTICLE = re.compile(r"^(?:the|el|la|los|las|le|les|l['’])\s*", re.IGNORECASE)
# "Republic of Peru", "REPUBLIC OF TAVIRA", "República del Perú": the name is what follows
CONNECTOR = re.compile(r"\s(?i:of|de|del|du|des|de la|de l['’])\s+(?=[A-ZÀ-Þ]|(?i:the|la|les) )")
# "République d'Haïti", "République de l'Inde", where no connector above stands ("de Côte
# d'Ivoire" keeps its "d'")
ELIDED_CONNECTOR = re.compile(r"\s(?i:d['’]|de l['’])(?=[A-ZÀ-Þ])")
# "the Government of the Union of Kessa Islands (Kessa)", "(hereinafter "Peru")"
BRACKETED = re.compile(r"\s*\(([^()]{1,60})\)")
# ', en adelante "Santa Marta"', ', hereinafter "Norland"': a short name given in quotes
# within the same clause (after an "acting through the Ministry of …" aside)
QUOTED = re.compile(r"[\"“«]\s*([^\"”»]{1,60}?)\s*[\"”»]")
# "Government of the Republic of Belmora (GoB)", '(the "GoB")': an acronym the text gives a
# government, its letters among the initials of the name's words
ACRONYM = re.compile(
    r"\s*\(\s*(?:(?i:the|el|la|le|l['’])\s*)?[\"“«]?\s*([A-Z][A-Za-z]{1,5})\s*[\"”»]?\s*\)"
)
# '"GRP" means the Government of the Republic of Pelangi': an acronym a definition gives
# the government named after it
ACRONYM_MEANS = re.compile(
    r"[\"“«]\s*([A-Z][A-Za-z]{1,5})\s*[\"”»]\s*,?\s*(?i:means|shall mean|refers to|désigne"
    r"|signifie|significa|designa|se refiere a)\s+(?:(?i:the|el|la|le|l['’])\s*)?$"
)
DEFINED_REACH = 200


class PartnerName(str):
    """The partner's short name, and ``aliases``: the acronyms the draft gives the two
    governments ("GoB" -> partner, "GoUSA" -> US), which count as their mentions."""

    aliases: dict[str, str]

    def __new__(cls, name: str, aliases: dict[str, str] | None = None):
        made = super().__new__(cls, name)
        made.aliases = dict(aliases or {})
        return made


DEFINED_WEIGHT = 3  # a short name the text defines counts as three mentions
MAX_NAME = 12


def _is_name(token) -> bool:
    text = token.text
    return text[:1].isupper() or bool(ELIDED.match(text))


def _name_after(doc, at: int, plural: bool, currency: set[int]) -> list[tuple[int, int]]:
    """Token ranges of the name(s) after a "Government of" phrase; a currency ("PEN",
    "US$") ends the name: "Government of Peru PEN 5,000,000" names Peru."""
    names, start, end, i = [], at, at, at
    ends_name = _name_ends(doc.lang_)
    while i < len(doc) and i - at < MAX_NAME and i not in currency:
        token, low = doc[i], doc[i].lower_
        if token.is_upper and low in ends_name:
            break  # in a title in capitals: "… OF NORLAND ON A CHILD PROTECTION …"
        if _is_name(token):
            end = i + 1
        elif low in LINKERS:
            pass
        elif low in ANDS and end > start:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if plural:
                names.append((start, end))
                start = end = i + 1
            elif not (nxt is not None and _is_name(nxt)):  # "Trinidad and Tobago"
                break
        else:
            break
        i += 1
    if end > start:
        names.append((start, end))
    return names


@cache
def _name_ends(language: str) -> frozenset[str]:
    from cpc_draft.text.cues import phrases

    return frozenset(phrases("name_end", language))


def short_name(formal: str) -> str:
    """Short name of a formal one: "the Republic of Peru" -> "Peru", "República del Perú"
    -> "Perú", "République d'Haïti" -> "Haïti", "Jamaica" -> "Jamaica"."""
    name = ARTICLE.sub("", formal.strip())
    parts = CONNECTOR.split(name)
    if len(parts) == 1:
        parts = ELIDED_CONNECTOR.split(name)
    return ARTICLE.sub("", parts[-1]).strip() if len(parts) > 1 else name


@cache
def loose_pattern(name: str) -> re.Pattern:
    """A regex for a short name and its derived words ("Perú", "Peruvian"), accents and
    case ignored."""
    from cpc_draft.text.cues import loose

    derived = rf"{loose(name)}\w{{0,5}}"
    stem = _demonym_stem(name)
    if stem:  # "Khémira" -> "la Partie khémirienne", "Ghana" -> "ghanéen"
        derived += rf"|{loose(stem)}(?:{'|'.join(loose(end) for end in _demonym_ends())})"
    return re.compile(rf"(?<!\w)(?:{derived})(?!\w)", re.IGNORECASE)


MIN_DEMONYM_STEM = 4  # "Khémir" of "Khémira"; "Cub" of "Cuba" would find "cubano" and "cubic"


def _demonym_stem(name: str) -> str | None:
    """A one-word name without its final vowel, which its people's adjective drops."""
    if " " in name or len(name) - 1 < MIN_DEMONYM_STEM or name[-1].lower() not in "aeioué":
        return None
    return name[:-1]


@cache
def _demonym_ends() -> tuple[str, ...]:
    from cpc_draft.text.cues import phrases

    ends = {end for language in ("en", "es", "fr") for end in phrases("demonym_end", language)}
    return tuple(sorted(ends, key=len, reverse=True))


def mentions_in_doc(doc, partner: str | None = None, text: str | None = None):
    """Every party mention in one Doc, longest first where two overlap, in text order.
    ``text`` is ``doc.text`` if the caller has it (spaCy rebuilds it on every access)."""
    group = doc.spans.get("cpc") or []
    text = doc.text if text is None else text
    found: list[tuple[int, int, str, str | None]] = []  # char start, end, party, name
    us, governments, currency = [], [], set()
    for span in group:  # one pass: Span.label_ looks its string up on every access
        label = span.label_
        if label == "PARTY":
            found.append((span.start_char, span.end_char, span.id_, None))
            if span.id_ == "US":
                us.append(span)
        elif label == "GOV_OF":
            governments.append(span)
        elif label.startswith("CUR_"):
            currency.update(range(span.start, span.end))
    for span in governments:
        found.extend(_government(doc, span, us, currency))
    if partner:
        for match in loose_pattern(partner).finditer(text):
            found.append((match.start(), match.end(), "partner", None))
        aliases = getattr(partner, "aliases", None)
        if aliases:
            for match in _alias_pattern(tuple(sorted(aliases))).finditer(text):
                found.append((match.start(), match.end(), aliases[match.group()], None))
    kept: list[tuple[int, int, str, str | None]] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[3] is None, f[0])):
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return [
        PartyMention(party, text[start:end], start, end, name)
        for start, end, party, name in sorted(kept)
    ]


@cache
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(alias) for alias in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _acronym(text: str, mention: PartyMention) -> str | None:
    """The acronym in brackets right after a government's formal name, or defined as
    meaning it just before, if its letters are initials of that name's words:
    "Government of the Republic of Belmora (GoB)", '"GRP" means the Government of …'."""
    found = ACRONYM.match(text, mention.end) or ACRONYM_MEANS.search(
        text, max(0, mention.start - 40), mention.start
    )
    if found is None:
        return None
    acronym = found.group(1)
    initials = {word[0].casefold() for word in re.findall(r"[^\W\d_]+", mention.text)}
    capitals = sum(ch.isupper() for ch in acronym)
    if capitals < 2 or not {ch.casefold() for ch in acronym} <= initials:
        return None
    return acronym


def _government(doc, span, us, currency) -> list[tuple[int, int, str, str | None]]:
    names = _name_after(doc, span.end, span.id_ == "plural", currency)
    if not names:
        return []
    parties = []
    for first, last in names:
        is_us = any(u.start < last and u.end > first for u in us)
        parties.append(("US", None) if is_us else ("partner", doc[first:last].text))
    start, end = span.start_char, doc[names[-1][1] - 1].idx + len(doc[names[-1][1] - 1].text)
    kinds = {party for party, _ in parties}
    if len(parties) > 1:
        partner = next((name for party, name in parties if party == "partner"), None)
        return [(start, end, "both" if len(kinds) > 1 else kinds.pop(), partner)]
    party, name = parties[0]
    return [(start, end, party, name)]


def find_party_mentions(text: str, language: str, partner: str | None = None):
    """Party mentions in ``text`` (character offsets into it). Without ``partner``, the
    partner's short name is learned from the text's own "Government of X" mentions."""
    from cpc_draft.nlp.pipeline import docs_of

    pieces = docs_of([text], language)[0]
    if partner is None:
        partner = _learn(pieces)
    out = []
    for offset, piece, doc in pieces:
        for m in mentions_in_doc(doc, partner, piece):
            out.append(PartyMention(m.party, m.text, m.start + offset, m.end + offset, m.name))
    return out


def _learn(pieces) -> str | None:
    """The most frequent partner short name in (offset, text, Doc) pieces, a name in
    capitals counted with its other writings ("REPUBLIC OF TAVIRA" is "Tavira"), a short
    name the text gives in brackets after the formal one counted more."""
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    aliases: dict[str, str] = {}
    for _, piece, doc in pieces:
        for mention in mentions_in_doc(doc, None, piece):
            acronym = _acronym(piece, mention) if mention.party in ("US", "partner") else None
            if acronym:
                aliases.setdefault(acronym, mention.party)
            if mention.name and mention.party in ("partner", "both"):
                defined = _defined_short_name(piece, mention, doc.lang_)
                name = defined or short_name(mention.name)
                counts[name.casefold()] += DEFINED_WEIGHT if defined else 1
                written.setdefault(name.casefold(), Counter())[name] += 1
    if not counts:
        return None
    forms = written[counts.most_common(1)[0][0]]
    name = max(forms, key=lambda form: (not form.isupper(), forms[form]))
    return PartnerName(name, aliases)


def _defined_short_name(text: str, mention: PartyMention, language: str) -> str | None:
    """The short name in brackets right after a formal name, or in quotes after a
    defining phrase in the same clause, if it is part of that name: "Government of the
    Union of Kessa Islands (Kessa)" -> "Kessa"; ', en adelante "Santa Marta"' -> "Santa
    Marta"; "(hereinafter "the Participants")" names no partner."""
    found = BRACKETED.match(text, mention.end) or _defined_later(text, mention.end, language)
    if found is None:
        return None
    words = re.findall(r"[\w'’-]+", found.group(1))
    named = []
    for word in reversed(words):  # the capitalised words at the end of the bracket
        if not word[:1].isupper():
            break
        named.insert(0, word)
    formal = {word.casefold() for word in re.findall(r"[\w'’-]+", mention.name or "")}
    if named and all(word.casefold() in formal for word in named):
        return " ".join(named)
    return None


def partner_name(texts, language: str) -> str | None:
    """The partner's short name ("Peru") from the formal mentions in ``texts``, or None."""
    from cpc_draft.nlp.pipeline import docs_of

    if isinstance(texts, str):
        texts = [texts]
    return _learn([piece for pieces in docs_of(list(texts), language) for piece in pieces])


def _defined_later(text: str, end: int, language: str) -> re.Match | None:
    """The quoted name after a defining phrase ("en adelante", "hereinafter") that follows
    the formal name in its clause: no other government named, no sentence ended between."""
    reach = text[end : end + DEFINED_REACH]
    phrase = _defining(language).search(reach)
    if phrase is None:
        return None
    between = reach[: phrase.start()]
    if re.search(r"[.;]\s", between) or has("government", language, between):
        return None
    return QUOTED.match(text, end + phrase.end())


@cache
def _defining(language: str) -> re.Pattern:
    from cpc_draft.nlp.lexicon import lexicon

    words = sorted(lexicon(language).defining, key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?i:{alternation})\s*[,:]?\s*(?=[\"“«])")
