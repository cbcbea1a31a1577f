"""`cpc-draft init`: write a commented starting spec for a new compact.

The partner's country code, currency and short names are looked up in CLDR (through
Babel) from the English name given, so "Republic of Peru" starts with PE, PEN and
"Perú". What cannot be known (formal names and texts in the partner's language) is left
as a TODO placeholder, which `assemble` refuses until it is filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import NamedTuple

from cpc_draft.assemble.schema import is_known_language
from cpc_draft.assemble.templating import template_environment
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
    from babel import Locale

    if not _PARTNER_NAME.fullmatch(partner):
        raise CpcDraftError(
            f"--partner: {partner!r} is not a country name (letters, spaces and . , ' ( ) - only)"
        )
    for language in languages:
        if not is_known_language(language):
            raise CpcDraftError(
                f"--language: {language!r} is not a known language code (e.g. es, fr)"
            )
    languages = ["en", *[code for code in languages if code != "en"]]
    territory = find_territory(partner)
    formal = partner if partner.lower().startswith("the ") else f"the {partner}"
    short = {
        code: (Locale.parse(code).territories.get(territory.code) if territory else None)
        or f"TODO: short name of {partner} in {code}"
        for code in languages
    }
    short["en"] = territory.english_name if territory else partner

    template = _template()
    return template.render(
        partner=partner,
        formal_en=json.dumps(formal, ensure_ascii=False),
        short={code: json.dumps(name, ensure_ascii=False) for code, name in short.items()},
        code=territory.code if territory else "",
        currency=territory.currency if territory else "TODO",
        languages=languages,
        others=languages[1:],
        start=start.isoformat(),
        years=years,
        plan_years=[start.year + offset for offset in range(years)],
    )


def write_init_spec(path: Path, text: str, *, force: bool) -> None:
    write_atomically(path, lambda temporary: temporary.write_text(text, "utf-8"), force=force)


def _template():
    from cpc_draft.assemble.library import bundled_path

    source = (bundled_path("templates") / "spec_init.yaml.j2").read_text("utf-8")
    return template_environment(mark_values=False).from_string(source)
