"""What a clause template sees: the spec, resolved into one language and formatted.

Every figure is formatted here from the same spec value for every language, so the
language versions cannot disagree on an amount, a date or a year.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from cpc_draft.assemble.formatting import Formatter
from cpc_draft.assemble.spec import PARTIES, CompactSpec, PlannedIndicator, Program, Text
from cpc_draft.assemble.templating import capfirst
from cpc_draft.assemble.wording import contract, wording
from cpc_draft.model import TABLE, Block, Signatory
from cpc_draft.statute import elements


class LanguageView(NamedTuple):
    """The spec seen in one language, in the order of one alternat."""

    spec: CompactSpec
    language: str
    party_order: tuple[str, str]  # ("us", "partner") or ("partner", "us")
    missing: dict[str, str]  # element key -> English reason (the gate's result)

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.language)

    @property
    def words(self) -> dict:
        return wording(self.language)

    def text(self, value: Text | None) -> str | None:
        return value[self.language] if value is not None else None

    def texts(self, values) -> list[str]:
        return [self.text(value) for value in values or []]

    def party(self, key: str) -> dict:
        if key == "us":
            names = self.words["united_states"]
            name, short_name = names["name"], names["short_name"]
            government = names["government"]
        else:
            name = self.text(self.spec.partner.name)
            short_name = self.text(self.spec.partner.short_name)
            government = self.words["government_of"].format(name=name)
        signer = self.spec.signatories[key]
        return {
            "key": key,
            "name": name,
            "government": government,
            "short_name": short_name,
            "currency": self.spec.currencies[key],
            "signatory": {"name": signer.name, "title": self.text(signer.title)}
            if signer
            else None,
        }

    # -- the Jinja context ---------------------------------------------------------------

    def context(self) -> dict:
        spec, fmt = self.spec, self.fmt
        parties = {key: self.party(key) for key in PARTIES}
        return {
            "lang": self.language,
            "us": parties["us"],
            "partner": parties["partner"],
            "parties": [parties[key] for key in self.party_order],
            "instrument": self.words["instrument"],
            "tip_office": self.words["united_states"]["office"],
            "language_names": self.language_names(),
            "language_count": len(self.spec.languages),
            "term": {
                "years": spec.term.years,
                "years_words": fmt.words(spec.term.years),
                "start": fmt.date(spec.term.start),
                "end": fmt.date(spec.term.end),
                "start_year": spec.term.start.year,
                "end_year": spec.term.end.year,
            },
            "signing": self.signing(),
            "trafficking_types": self.texts(spec.trafficking_types),
            "objectives": self.texts(spec.objectives),
            "responsibilities": {key: self.texts(spec.responsibilities[key]) for key in PARTIES},
            "programs": [self.program(program) for program in spec.programs],
            "indicators": [self.indicator(indicator) for indicator in spec.indicators],
            "key_indicators": [
                self.text(indicator.name) for indicator in spec.indicators if indicator.key
            ],
            "plan": self.plan(),
            "sustainability": as_sentence(self.text(spec.sustainability)),
            "data_management": as_sentence(self.text(spec.data_management)),
            "missing": self.missing_markers(),
        }

    def signing(self) -> dict:
        signing = self.spec.signing
        return {
            "place": self.text(signing.place) if signing else None,
            "date": self.fmt.date(signing.date) if signing and signing.date else None,
        }

    def language_names(self) -> str:
        known = self.words.get("language_names", {})
        codes = self.ordered_languages()
        if all(code in known for code in codes):
            listed = [known[code] for code in codes]
        else:  # a language our data does not name: CLDR knows them all (slower to load)
            from babel import Locale

            names = Locale.parse(self.language).languages
            listed = [known.get(code) or names.get(code, code) for code in codes]
        if len(listed) == 1:
            return listed[0]
        joiner = self.words["languages_joiner"]
        last = listed[-1]
        if "languages_joiner_before_i" in self.words and re.match(r"(i|hi)(?![aeou])", last, re.I):
            joiner = self.words["languages_joiner_before_i"]
        return self.words["languages_separator"].join(listed[:-1]) + joiner + last

    def ordered_languages(self) -> list[str]:
        return ordered_languages(self.spec.languages, self.party_order[0])

    def program(self, program: Program) -> dict:
        return {
            "name": self.text(program.name),
            "description": self.text(program.description),
            "funding": {key: self.money(key, program.funding[key]) for key in PARTIES},
        }

    def indicator(self, indicator: PlannedIndicator) -> dict:
        return {
            "name": self.text(indicator.name),
            "unit": self.text(indicator.unit),
            "baseline": self.fmt.number(indicator.baseline),
            "targets": [self.fmt.number(target) for target in indicator.targets],
            "key": indicator.key,
        }

    def plan(self) -> dict:
        plan = self.spec.financial_plan
        years = [row.year for row in plan.years]
        totals = plan.totals()
        currencies = self.spec.currencies
        return {
            "years": sorted(years),
            "first_year": min(years) if years else None,
            "last_year": max(years) if years else None,
            "us_total": self.fmt.money_in_words(totals.us, currencies.us) if years else None,
            "partner_total": self.fmt.money_in_words(totals.partner, currencies.partner)
            if years
            else None,
            "us_at_least": plan.at_least.us,
            "partner_at_least": plan.at_least.partner,
            "partner_in_kind": as_sentence(self.text(plan.partner_in_kind)),
            "implementation": as_sentence(self.text(plan.implementation)),
            "oversight": as_sentence(self.text(plan.oversight)),
        }

    def money(self, key: str, amount: Decimal) -> str:
        return self.fmt.money(amount, self.spec.currencies[key])

    def missing_markers(self) -> dict[str, str]:
        metadata = elements()
        return {
            key: self.words["missing"].format(key=key, what=metadata[key].what[self.language])
            for key in self.missing
        }

    # -- tables ----------------------------------------------------------------------------

    def tables(self) -> dict[str, Block]:
        return {
            "financial_plan": self.financial_plan_table(),
            "indicators": self.indicators_table(),
            "programs": self.programs_table(),
        }

    def party_header(self, key: str) -> str:
        name = self.party(key)["short_name"]
        for article in self.words["articles"]:
            if name.lower().startswith(article):
                name = name[len(article) :]
                break
        return f"{capfirst(name)} ({self.spec.currencies[key]})"

    def financial_plan_table(self) -> Block | None:
        plan = self.spec.financial_plan
        if not plan.years:
            return None
        labels = self.words["table"]
        order = self.party_order
        same_currency = len({self.spec.currencies[key] for key in order}) == 1
        header = [labels["year"], *(self.party_header(key) for key in order)]
        if same_currency:
            header.append(labels["total"])
        rows = []
        for row in plan.in_year_order():
            cells = [str(row.year), *(self.money(key, row.amounts[key]) for key in order)]
            if same_currency:
                cells.append(self.money(order[0], row.amounts.us + row.amounts.partner))
            rows.append(tuple(cells))
        totals = plan.totals()
        total_row = [labels["total"], *(self.money(key, totals[key]) for key in order)]
        if same_currency:
            total_row.append(self.money(order[0], totals.us + totals.partner))
        return Block(TABLE, rows=(tuple(header), *rows, tuple(total_row)), total_rows=1)

    def indicators_table(self) -> Block | None:
        indicators = self.spec.indicators
        if not indicators:
            return None
        labels = self.words["table"]
        years = self.spec.term.years
        header = (
            labels["indicator"],
            labels["unit"],
            labels["baseline"],
            *(labels["target"].format(n=n) for n in range(1, years + 1)),
            labels["key"],
        )
        rows = []
        for indicator in indicators:
            view = self.indicator(indicator)
            rows.append(
                (
                    view["name"],
                    view["unit"],
                    view["baseline"],
                    *view["targets"],
                    labels["key_yes"] if view["key"] else labels["key_no"],
                )
            )
        return Block(TABLE, rows=(header, *rows))

    def programs_table(self) -> Block | None:
        programs = self.spec.programs
        if not programs:
            return None
        labels = self.words["table"]
        order = self.party_order
        header = (labels["program"], *(self.party_header(key) for key in order))
        rows = [
            (self.text(program.name), *(self.money(key, program.funding[key]) for key in order))
            for program in programs
        ]
        totals = {key: sum((p.funding[key] for p in programs), Decimal(0)) for key in order}
        total_row = (labels["total"], *(self.money(key, totals[key]) for key in order))
        return Block(TABLE, rows=(header, *rows, total_row), total_rows=1)

    # -- signatures ------------------------------------------------------------------------

    def signatories(self) -> tuple[Signatory, ...]:
        blank = "______________________________"
        result = []
        for key in self.party_order:
            party = self.party(key)
            signatory = party["signatory"] or {"name": None, "title": blank}
            result.append(
                Signatory(
                    heading=contract(
                        self.words["signature_for"].format(government=party["government"]),
                        self.language,
                    ).upper(),
                    name=signatory["name"] or blank,
                    title=signatory["title"],
                    name_label=self.words["signature_name"],
                    title_label=self.words["signature_title"],
                )
            )
        return tuple(result)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def as_sentence(text: str | None) -> str | None:
    """A spec field the clause prints as a paragraph of its own, whatever the user typed:
    a capital first letter and a final full stop ("grants to partners" ->
    "Grants to partners."). A list's trailing ";" or "," becomes the full stop."""
    if not text:
        return text
    text = capfirst(text.rstrip().rstrip(";,:").rstrip())
    return text if _SENTENCE_END.search(text) else text + "."


def ordered_languages(languages: list[str], first_party: str) -> list[str]:
    """English first in the U.S. original; the partner's languages first in the partner's."""
    partner_languages = [code for code in languages if code != "en"]
    if first_party == "us" or not partner_languages:
        return ["en", *partner_languages]
    return [*partner_languages, "en"]
