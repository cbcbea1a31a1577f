"""The compact spec, typed: load a YAML file, validate it (`schema`), build the model once.

Assemble reads the spec through these immutable records (``spec.term.start``,
``spec.financial_plan.totals()``, ``spec.programs[0].funding["us"]``), never through the
raw mapping. Text fields are :class:`Text` values (one string per language), amounts
``Decimal``; an optional part the spec leaves out is ``None`` or empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from cpc_draft.assemble.schema import PARTIES, Text, is_known_language, term_span, validate
from cpc_draft.fileio.yaml_source import (
    MAX_YAML_BYTES,
    LocatedYaml,
    dotted,
    load_yaml,
    read_text_file,
)

T = TypeVar("T")

__all__ = ["PARTIES", "CompactSpec", "Text", "is_known_language", "load_spec"]


class ByParty(NamedTuple, Generic[T]):
    """One value for each government, also by party key: ``funding["partner"]``."""

    us: T
    partner: T

    def __getitem__(self, party):
        if party == "us":
            return self.us
        if party == "partner":
            return self.partner
        return tuple.__getitem__(self, party)  # a position, as for any tuple


class Partner(NamedTuple):
    name: Text  # formal, with its article: "the Republic of Peru"
    short_name: Text  # after first mention: "Peru"
    code: str | None = None  # ISO 3166, e.g. PE


class Term(NamedTuple):
    start: dt.date
    end: dt.date  # the last day: given, or the start plus the years less one day
    years: int  # given, or the whole years between start and end


class Signing(NamedTuple):
    place: Text
    date: dt.date | None  # left out while negotiating


class Signer(NamedTuple):
    """Who signs for one government (model.Signatory is the signature block drawn)."""

    name: str | None  # None while unknown: a blank line is printed
    title: Text


class Program(NamedTuple):
    name: Text
    description: Text | None
    funding: ByParty[Decimal]  # each government's, in its own currency


class PlannedIndicator(NamedTuple):
    """An outcome indicator the compact sets (model.Indicator is one read from a draft)."""

    name: Text
    unit: Text
    baseline: Decimal
    targets: tuple[Decimal, ...]  # one per year of the term
    key: bool  # reviewed at every annual dialogue


class PlanYear(NamedTuple):
    year: int
    amounts: ByParty[Decimal]


class FinancialPlan(NamedTuple):
    years: tuple[PlanYear, ...] = ()  # in the order the spec lists them
    at_least: ByParty[bool] = ByParty(False, False)  # whose total is a floor
    partner_in_kind: Text | None = None
    implementation: Text | None = None
    oversight: Text | None = None

    def in_year_order(self) -> list[PlanYear]:
        return sorted(self.years, key=lambda row: row.year)

    def totals(self) -> ByParty[Decimal]:
        return ByParty(
            *(sum((row.amounts[key] for row in self.years), Decimal(0)) for key in PARTIES)
        )


class CompactSpec(NamedTuple):
    """A validated compact spec.

    ``data`` keeps the validated values as plain data (a mapping, as the YAML has them)
    for tools and tests that read a spec as data; assemble reads the typed fields.
    """

    path: Path
    sha256: str
    data: dict
    lines: LocatedYaml
    languages: tuple[str, ...]
    partner: Partner
    currencies: ByParty[str]
    term: Term
    signing: Signing | None
    signatories: ByParty[Signer | None]
    trafficking_types: tuple[Text, ...]
    objectives: tuple[Text, ...]
    responsibilities: ByParty[tuple[Text, ...]]
    programs: tuple[Program, ...]
    indicators: tuple[PlannedIndicator, ...]
    financial_plan: FinancialPlan
    sustainability: Text | None
    data_management: Text | None

    @property
    def partner_languages(self) -> list[str]:
        return [language for language in self.languages if language != "en"]

    @property
    def term_start(self) -> dt.date:
        return self.term.start

    @property
    def term_end(self) -> dt.date:
        return self.term.end

    @property
    def term_years(self) -> int:
        return self.term.years

    def where(self, *path: str | int) -> str:
        """``FILE:LINE: field`` for messages about an already validated spec."""
        return f"{self.path}:{self.lines.line_of(path)}: {dotted(path)}"


def load_spec(path: Path) -> CompactSpec:
    """Load and validate the spec at ``path``; raise :class:`SpecError` listing problems."""
    text = read_text_file(path, max_bytes=MAX_YAML_BYTES)
    located = load_yaml(path, text)
    data = validate(located)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _typed(path, digest, data, located)


# -- from validated data to the typed model ------------------------------------------------


def _typed(path: Path, sha256: str, data: dict, lines: LocatedYaml) -> CompactSpec:
    responsibilities = data.get("responsibilities") or {}
    signatories = data.get("signatories") or {}
    return CompactSpec(
        path=path,
        sha256=sha256,
        data=data,
        lines=lines,
        languages=tuple(data["languages"]),
        partner=Partner(
            data["partner"]["name"], data["partner"]["short_name"], data["partner"].get("code")
        ),
        currencies=ByParty(data["currencies"]["us"], data["currencies"]["partner"]),
        term=_term(data["term"]),
        signing=_signing(data.get("signing")),
        signatories=ByParty(*(_signer(signatories.get(key)) for key in PARTIES)),
        trafficking_types=tuple(data.get("trafficking_types") or ()),
        objectives=tuple(data.get("objectives") or ()),
        responsibilities=ByParty(*(tuple(responsibilities.get(key) or ()) for key in PARTIES)),
        programs=tuple(_program(program) for program in data.get("programs") or ()),
        indicators=tuple(_indicator(indicator) for indicator in data.get("indicators") or ()),
        financial_plan=_financial_plan(data.get("financial_plan")),
        sustainability=data.get("sustainability"),
        data_management=data.get("data_management"),
    )


def _term(term: dict) -> Term:
    end, years = term_span(term["start"], term.get("end"), term.get("years"))
    return Term(term["start"], end, years)


def _signing(signing: dict | None) -> Signing | None:
    return Signing(signing["place"], signing.get("date")) if signing else None


def _signer(signatory: dict | None) -> Signer | None:
    return Signer(signatory.get("name"), signatory["title"]) if signatory else None


def _program(program: dict) -> Program:
    funding = program["funding"]
    return Program(
        name=program["name"],
        description=program.get("description"),
        funding=ByParty(*(funding.get(key, Decimal(0)) for key in PARTIES)),
    )


def _indicator(indicator: dict) -> PlannedIndicator:
    return PlannedIndicator(
        name=indicator["name"],
        unit=indicator["unit"],
        baseline=indicator["baseline"],
        targets=tuple(indicator["targets"]),
        key=bool(indicator.get("key")),
    )


def _financial_plan(plan: dict | None) -> FinancialPlan:
    if not plan:
        return FinancialPlan()
    at_least = plan.get("at_least") or {}
    return FinancialPlan(
        years=tuple(
            PlanYear(row["year"], ByParty(row["us"], row["partner"]))
            for row in plan.get("years") or ()
        ),
        at_least=ByParty(*(bool(at_least.get(key)) for key in PARTIES)),
        partner_in_kind=plan.get("partner_in_kind"),
        implementation=plan.get("implementation"),
        oversight=plan.get("oversight"),
    )


def spec_from_yaml(located: LocatedYaml, text: str) -> CompactSpec:
    """Validate and type a spec already parsed from ``text`` (``assemble --allow-incomplete``
    first turns `init`'s TODO placeholders into visible markers)."""
    data = validate(located)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _typed(located.path, digest, data, located)
