"""Every bundled example assembles, in both layouts and both originals, into a real .docx."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from conftest import EXAMPLES, ROOT, VARIANTS, docx_tables, normalized_text, variant_id

from cpc_draft.assemble.gate import missing_elements
from cpc_draft.assemble.library import load_library
from cpc_draft.assemble.spec import ByParty, load_spec
from cpc_draft.check.crosslang import figures_of
from cpc_draft.errors import SpecError
from cpc_draft.model import ITEM, PARAGRAPH, TABLE, TITLE

GOLDEN = __import__("pathlib").Path(__file__).parent / "golden"
ELEMENTS = "ABCDEFG"


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_docx_text_matches_golden(variant, assembled, update_golden):
    _, path = assembled[variant_id(variant)]
    text = normalized_text(path)
    golden = GOLDEN / f"{variant_id(variant)}.txt"
    if update_golden:
        golden.write_text(text, "utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-golden"
    assert text == golden.read_text("utf-8")


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_complete(spec):
    assert missing_elements(load_spec(spec)) == {}


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_every_element_has_its_section_in_every_language(variant, assembled):
    draft, _ = assembled[variant_id(variant)]
    library = load_library()
    served = {key for cid in library.outline for key in library.clauses[cid].elements}
    assert served == set(ELEMENTS)
    for section in draft.sections:
        for key in library.clauses[section.clause_id].elements:
            for language in draft.languages:
                text = section.texts[language]
                assert text.heading, (section.clause_id, language)
                body = [b for b in text.blocks if b.kind in (PARAGRAPH, ITEM, TABLE)]
                assert body, f"element {key}: {section.clause_id} is empty in {language}"
                assert not any(b.is_missing for b in text.blocks)


def _section_figures(section, language) -> Counter:
    """Figures by kind and value (amounts count as numbers here: no spaCy needed)."""
    text = section.texts[language]
    found = figures_of(text.label, language)
    for block in text.blocks:
        found += figures_of(block.text, language)
        for row in block.rows:
            for cell in row:
                found += figures_of(cell, language)
    for signatory in section.signatories.get(language, ()):
        found += figures_of(f"{signatory.name} {signatory.title}", language)
    return Counter(found)


@pytest.mark.parametrize(
    "variant", [v for v in VARIANTS if "ghana" not in v[0].stem], ids=variant_id
)
def test_figures_agree_across_languages(variant, assembled):
    draft, _ = assembled[variant_id(variant)]
    first, *others = draft.languages
    for section in draft.sections:
        expected = _section_figures(section, first)
        for language in others:
            assert _section_figures(section, language) == expected, (section.clause_id, language)


def test_money_and_dates_are_written_per_language(assembled):
    draft, _ = assembled["peru-sequential-us"]
    plan = next(s for s in draft.sections if s.clause_id == "financial_plan")
    english = " ".join(b.text for b in plan.texts["en"].blocks)
    spanish = " ".join(b.text for b in plan.texts["es"].blocks)
    assert "five million US dollars (US$5,000,000)" in english
    assert "eight million Peruvian soles (PEN 8,000,000)" in english
    assert "cinco millones de dólares estadounidenses (5.000.000\u00a0USD)" in spanish
    assert "ocho millones de soles peruanos (8.000.000\u00a0PEN)" in spanish
    table = next(b for b in plan.texts["es"].blocks if b.kind == TABLE)
    assert table.rows[-1] == ("Total", "5.000.000\u00a0USD", "8.000.000\u00a0PEN")


def _plan_text(draft, language: str) -> str:
    plan = next(s for s in draft.sections if s.clause_id == "financial_plan")
    return " ".join(b.text for b in plan.texts[language].blocks if b.kind != TABLE)


@pytest.mark.parametrize(
    ("example", "languages", "floor", "estimate"),
    [
        # Peru's spec says the partner's total is a floor (the press release: "at least
        # eight million soles"), the U.S. total an estimate.
        ("peru", ("en", "es"), ("at least eight million", "como mínimo ocho millones"),
         ("an estimated five million", "un monto estimado de cinco millones")),
        # Côte d'Ivoire's spec leaves both totals estimates.
        ("cote-divoire", ("en", "fr"), (), ("an estimated", "une contribution estimée à")),
    ],
)  # fmt: skip
def test_a_total_is_a_floor_only_where_the_spec_says_at_least(
    assembled, example, languages, floor, estimate
):
    draft, _ = assembled[f"{example}-sequential-us"]
    texts = [_plan_text(draft, language) for language in languages]
    for text, phrase in zip(texts, floor, strict=False):
        assert phrase in text
    for text, phrase in zip(texts, estimate, strict=True):
        assert phrase in text
    if not floor:
        assert not any(word in " ".join(texts) for word in ("at least", "au moins"))


def test_at_least_names_a_party_and_says_true_or_false(tmp_path):
    spec = (ROOT / "examples" / "peru.yaml").read_text("utf-8")
    bad = spec.replace("at_least: {partner: true}", "at_least: {partner: maybe, peru: true}")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, "utf-8")
    with pytest.raises(SpecError) as raised:
        load_spec(path)
    problems = [problem.split(": ", 1)[1] for problem in raised.value.problems]
    assert problems == [
        "financial_plan.at_least.peru: unknown party",
        "financial_plan.at_least.partner: 'maybe' is not true or false",
    ]


def test_french_amounts_use_narrow_spaces(assembled):
    draft, _ = assembled["cote-divoire-sequential-us"]
    plan = next(s for s in draft.sections if s.clause_id == "financial_plan")
    table = next(b for b in plan.texts["fr"].blocks if b.kind == TABLE)
    assert table.rows[-1][1] == "5\u202f000\u202f000\u00a0USD"


@pytest.mark.parametrize("spec", [p for p in EXAMPLES if p.stem != "ghana"], ids=lambda p: p.stem)
def test_alternat_swaps_names_columns_and_signatures(spec, assembled):
    us_draft, us_path = assembled[f"{spec.stem}-side-by-side-us"]
    partner_draft, partner_path = assembled[f"{spec.stem}-side-by-side-partner"]
    partner_language = us_draft.languages[1]
    assert us_draft.languages == ("en", partner_language)
    assert partner_draft.languages == (partner_language, "en")

    us_title = us_draft.title["en"]
    partner_title = partner_draft.title["en"]
    assert us_title.index("United States") < us_title.index("Government of the Republic")
    assert partner_title.index("Government of the Republic") < partner_title.index("United States")

    def first_column_language(path):
        first_row = docx_tables(path)[0][0]
        return first_row[0], first_row[1]

    left, right = first_column_language(partner_path)
    assert left == partner_draft.title[partner_language]
    assert right == partner_draft.title["en"]
    left, _ = first_column_language(us_path)
    assert left == us_draft.title["en"]

    def signers(draft):
        section = next(s for s in draft.sections if s.kind == "signatures")
        return [signatory.heading for signatory in section.signatories["en"]]

    assert signers(us_draft)[0].endswith("UNITED STATES OF AMERICA:")
    assert signers(partner_draft)[1].endswith("UNITED STATES OF AMERICA:")
    assert signers(partner_draft)[0] == signers(us_draft)[1]


def test_articles_are_numbered_alike_in_every_language(assembled):
    draft, _ = assembled["colombia-side-by-side-partner"]
    numbers = [s.number for s in draft.sections if s.kind == "article"]
    assert numbers == list(range(1, len(numbers) + 1))
    for section in draft.sections:
        if section.number:
            assert section.texts["en"].label == f"Article {section.number}"
            assert section.texts["es"].label == f"Artículo {section.number}"


def test_title_block_is_a_title(assembled):
    draft, _ = assembled["ghana-sequential-us"]
    assert draft.languages == ("en",)
    title = draft.sections[0].texts["en"].blocks
    assert [b.kind for b in title] == [TITLE]
    assert "Government of the Republic of Ghana" in title[0].text


def test_the_spec_is_read_through_typed_records():
    spec = load_spec(ROOT / "examples" / "peru.yaml")
    assert spec.languages == ("en", "es")
    assert spec.partner.short_name["en"] == "Peru" and spec.partner.code == "PE"
    assert (spec.currencies.us, spec.currencies["partner"]) == ("USD", "PEN")
    assert (spec.term.start.isoformat(), spec.term.end.isoformat(), spec.term.years) == (
        "2017-06-15",
        "2021-06-14",
        4,
    )
    assert spec.signing.place["es"] == "Lima" and spec.signing.date.isoformat() == "2017-06-15"
    assert spec.signatories.partner.name == "Ricardo Luna Mendoza"
    assert spec.programs[0].funding["us"] == Decimal(1600000)
    assert all(len(indicator.targets) == 4 for indicator in spec.indicators)
    plan = spec.financial_plan
    assert [row.year for row in plan.in_year_order()] == [2017, 2018, 2019, 2020]
    assert plan.totals() == ByParty(Decimal(5000000), Decimal(8000000))
    assert (plan.at_least.us, plan.at_least.partner) == (False, True)


def test_what_a_spec_leaves_out_is_none_or_empty(tmp_path):
    lines = (ROOT / "examples" / "peru.yaml").read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("signing:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("objectives:"))
    path = tmp_path / "unsigned.yaml"
    path.write_text("".join(lines[:start] + lines[end:]), "utf-8")
    spec = load_spec(path)
    assert spec.signing is None
    assert spec.signatories == ByParty(None, None)
