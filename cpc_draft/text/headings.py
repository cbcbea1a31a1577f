"""What marks a heading in the text itself, whatever format the draft came in."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data

# "Article 3", "ARTICLE III", "Artículo 3", "Article premier", "Art. 3"
ARTICLE_HEADING = re.compile(
    r"^(article|artículo|articulo|artigo|art\.)\s+([0-9]+|[ivxlc]+|premier|primero)\b",
    re.IGNORECASE,
)
# What ends an ordinal clause label: "PRIMERO.-", "Segunda:", "FIRST —", "Primero." (a
# comma does not: "First, the Government …" is a sentence).
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ORDINAL_SEPARATOR = r"(?:\s*\.\s*[-–—]|\s*[:.]|\s+[-–—])\s*"


@cache
def _data() -> dict:
    text = resources.files("cpc_draft").joinpath("data/headings.yaml").read_text("utf-8")
    return load_data(text)


@cache
def ordinal_numbers() -> dict[str, int]:
    """Every ordinal word or compound, folded -> its number: "décimo primero" -> 11."""
    data = _data()
    words: dict[str, int] = {}
    for table in ("ordinal_units", "ordinal_whole"):
        for value, names in data[table].items():
            words.update((str(name).casefold(), int(value)) for name in names)
    for tens, tens_names in data["ordinal_tens"].items():
        for unit, unit_names in data["ordinal_units"].items():
            for tens_name in tens_names:
                for unit_name in unit_names:
                    for joiner in (" ", "", "-"):
                        compound = f"{tens_name}{joiner}{unit_name}".casefold()
                        words[compound] = int(tens) + int(unit)
    return words


@cache
def _first_words() -> frozenset[str]:
    """The words an ordinal label can start with: "décimo", "decimoprimero", "twenty-first"."""
    return frozenset(_FIRST_WORD.match(word).group() for word in ordinal_numbers())


@cache
def _ordinal_pattern() -> re.Pattern:
    ordinals = sorted(ordinal_numbers(), key=len, reverse=True)
    spelled = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordinals)
    return re.compile(
        rf"^(?P<ordinal>{spelled})(?:{_ORDINAL_SEPARATOR}(?P<title>\S.*)?|\s*)$",
        re.IGNORECASE | re.DOTALL,
    )


def ordinal_heading(text: str) -> tuple[int, str] | None:
    """(number, words after the label) of a clause numbered by an ordinal word alone:
    "DÉCIMO QUINTO.- VIGENCIA." -> (15, "VIGENCIA."); None for anything else, and for
    an ordinal in lower case, which starts a sentence rather than a heading. A bare word
    must be in capitals ("SEGUNDO"): "Second" alone may be a line cut off a sentence."""
    text = text.strip()
    first = _FIRST_WORD.match(text)
    if first is None or first.group().casefold() not in _first_words():
        return None  # most blocks: decided without trying every ordinal
    match = _ordinal_pattern().match(text)
    if match is None or not match.group("ordinal")[0].isupper():
        return None
    if match.group("ordinal") == text and not text.isupper():
        return None
    ordinal = " ".join(match.group("ordinal").split()).casefold()
    return ordinal_numbers()[ordinal], (match.group("title") or "").strip()
