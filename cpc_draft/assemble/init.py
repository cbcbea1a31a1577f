"""`cpc-draft init`: write a commented starting spec for a new compact.

The partner's country code and currency are looked up in CLDR (through Babel) from the
English name given, its names with their articles in ``data/country_names.yaml`` (see
:mod:`.names`), so "Republic of Peru" starts with PE, PEN and "el Perú". What cannot be
known (texts in the partner's language, names of a country the data lacks) is left as a
TODO placeholder, which `assemble` refuses until it is filled in (or, with
``--allow-incomplete``, prints as a visible marker).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import NamedTuple

from cpc_draft.assemble.names import partner_names
from cpc_draft.assemble.schema import is_known_language
from cpc_draft.assemble.templating import template_environment
from cpc_draft.assemble.wording import available_languages
from cpc_draft.errors import CpcDraftError
from cpc_draft.fileio.output import write_atomically

_PARTNER_NAME = re.compile(r"[^\W\d_][\w .,'’()-]{1,119}")


class Territory(NamedTuple):
    code: str
    english_name: str
    currency: str


def find_territory(partner: str) -> Territory | None:
    """The country whose English CLDR name occurs in ``partner`` (longest match wins)."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    text = partner.casefold().replace("'", "’")  # CLDR writes "Côte d’Ivoire"
    matches = [
        (code, name)
        for code, name in Locale("en").territories.items()
        if code.isalpha() and len(code) == 2 and name.casefold() in text
    ]
    if not matches:
        return None
    code, name = max(matches, key=lambda match: len(match[1]))
    currencies = get_territory_currencies(code, dt.date.today())
    return Territory(code, name, currencies[0] if currencies else "USD")


def render_init_spec(partner: str, languages: list[str], start: dt.date, years: int) -> str:
    if not _PARTNER_NAME.fullmatch(partner):
        raise CpcDraftError(
            f"--partner: {partner!r} is not a country name (letters, spaces and . , ' ( ) - only)"
        )
    _check_languages(languages)
    languages = ["en", *[code for code in languages if code != "en"]]
    territory = find_territory(partner)
    names = partner_names(
        partner,
        territory.code if territory else None,
        territory.english_name if territory else None,
        languages,
    )

    def quoted(value: str | None, todo: str, language: str) -> str:
        return json.dumps(value or f"TODO: {todo} of {partner} in {language}", ensure_ascii=False)

    template = _template()
    return template.render(
        partner=partner,
        formal={
            code: quoted(name.formal, "formal name, with its article,", code)
            for code, name in names.items()
        },
        short={code: quoted(name.short, "short name", code) for code, name in names.items()},
        checks={code: name.check for code, name in names.items()},
        code=territory.code if territory else "",
        currency=territory.currency if territory else "TODO",
        languages=languages,
        others=languages[1:],
        start=start.isoformat(),
        years=years,
        plan_years=[start.year + offset for offset in range(years)],
    )


def _check_languages(languages: list[str]) -> None:
    """Refuse a language the clause library cannot write, naming those it can."""
    from cpc_draft.assemble.library import load_library

    library = load_library()
    have = [code for code in available_languages() if not library.languages_missing(code)]
    for language in languages:
        if language in have:
            continue
        problem = (
            "is a language the clause library lacks"
            if is_known_language(language)
            else "is not a known language code"
        )
        raise CpcDraftError(
            f"--language: {language!r} {problem}; the clause library has {', '.join(have)}"
        )


def write_init_spec(path: Path, text: str, *, force: bool) -> None:
    write_atomically(path, lambda temporary: temporary.write_text(text, "utf-8"), force=force)


def _template():
    from cpc_draft.assemble.library import bundled_path

    source = (bundled_path("templates") / "spec_init.yaml.j2").read_text("utf-8")
    return template_environment(mark_values=False).from_string(source)
