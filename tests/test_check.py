"""`check`: our own drafts pass, mutated drafts are flagged for exactly what was taken out.

Round trip: every bundled example, assembled in every layout and original and converted
to PDF by LibreOffice, checks with every element present, no error finding, and the
spec's totals among the contributions found. Mutations: a clause removed (or weakened)
from an assembled draft is flagged for that element and nothing else, in English,
Spanish and French, from .docx and from PDF.
"""

from __future__ import annotations

import dataclasses
import json
import os
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import ROOT, VARIANTS, convert_to_pdf, soffice, variant_id

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.assemble.spec import load_spec
from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.cli import main
from cpc_draft.model import ITEM, PARAGRAPH, TABLE, Block
from cpc_draft.readers import read_document
from cpc_draft.render.docx import write_docx

CONFIG = Config()


def _assert_clean(review, spec_path):
    statuses = {key: status.status for key, status in review.elements.items()}
    assert statuses == dict.fromkeys("ABCDEFG", "present"), {
        k: s.reason for k, s in review.elements.items() if s.status != "present"
    }
    errors = [f for f in review.findings if f.severity == "error"]
    assert errors == []
    spec = load_spec(spec_path).data
    rows = spec["financial_plan"]["years"]
    found = {(c.party, c.currency, Decimal(c.amount)) for c in review.primary.funding.contributions}
    for party, key in (("US", "us"), ("partner", "partner")):
        total = sum((row[key] for row in rows), Decimal(0))
        assert (party, spec["currencies"][key], total) in found, (party, total)


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_our_docx_drafts_check_clean(variant, assembled):
    _, path = assembled[variant_id(variant)]
    _assert_clean(review_document(read_document(path), CONFIG), variant[0])


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_our_pdf_drafts_check_clean(variant, assembled_pdfs):
    path = assembled_pdfs[variant_id(variant)]
    _assert_clean(review_document(read_document(path), CONFIG), variant[0])


# -- mutations ---------------------------------------------------------------------------------


def _drop(*clause_ids):
    def mutate(draft):
        return dataclasses.replace(
            draft, sections=tuple(s for s in draft.sections if s.clause_id not in clause_ids)
        )

    return mutate


def _edit(clause_id, change):
    def mutate(draft):
        sections = []
        for section in draft.sections:
            if section.clause_id == clause_id:
                texts = {
                    lang: dataclasses.replace(text, blocks=tuple(change(list(text.blocks))))
                    for lang, text in section.texts.items()
                }
                section = dataclasses.replace(section, texts=texts)
            sections.append(section)
        return dataclasses.replace(draft, sections=tuple(sections))

    return mutate


def _only_first_party_duties(blocks):
    """Keep the introduction and the first government's lettered duties."""
    kept, seen_items = [], False
    for block in blocks:
        if block.kind == ITEM:
            seen_items = True
        elif seen_items:
            break
        kept.append(block)
    return kept


def _without_tables(blocks):
    return [block for block in blocks if block.kind != TABLE]


def _without_targets(blocks):
    out = []
    for block in blocks:
        if block.kind == TABLE:
            keep = [0, 1, 2]  # indicator, unit, baseline: the yearly targets go
            rows = tuple(tuple(row[i] for i in keep) for row in block.rows)
            block = dataclasses.replace(block, rows=rows)
        out.append(block)
    return out


def _replace_body(text_by_language):
    """Keep the clause's heading, replace its body by one paragraph per language."""

    def mutate(draft):
        sections = []
        for section in draft.sections:
            texts = dict(section.texts)
            if section.clause_id == text_by_language["clause"]:
                for language, text in texts.items():
                    body = (Block(PARAGRAPH, text_by_language[language]),)
                    texts[language] = dataclasses.replace(text, blocks=body)
            sections.append(dataclasses.replace(section, texts=texts))
        return dataclasses.replace(draft, sections=tuple(sections))

    return mutate


PURPOSE_ONLY = {
    "clause": "objectives",
    "en": "The Participants intend to work together against child trafficking.",
    "es": "Los Participantes tienen la intención de colaborar contra la trata de niñas y niños.",
    "fr": "Les Participants ont l'intention de collaborer contre la traite des enfants.",
}
PLAN_LATER = {
    "clause": "sustainability",
    "en": "The Participants intend to adopt a sustainability plan at a later date.",
    "es": "Los Participantes tienen la intención de adoptar un plan más adelante.",
    "fr": "Les Participants ont l'intention d'arrêter un plan de pérennité ultérieurement.",
}
DATA_ONLY = {
    "clause": "data_management",
    "en": "The Participants intend to share data on child trafficking.",
    "es": "Los Participantes tienen la intención de compartir datos sobre la trata.",
    "fr": "Les Participants ont l'intention de partager des données sur la traite.",
}

US_ONLY_PLAN = {
    "clause": "financial_plan",
    "en": "The Government of the United States of America intends to contribute an estimated "
    "US$5,000,000 over the term of this Partnership.",
    "es": "El Gobierno de los Estados Unidos de América tiene la intención de aportar un monto "
    "estimado de 5.000.000 USD durante la vigencia de la presente Alianza.",
    "fr": "Le Gouvernement des États-Unis d'Amérique a l'intention d'apporter une contribution "
    "estimée à 5 000 000 USD pendant la durée du présent Partenariat.",
}

MUTATIONS = {
    "E-us-only": ("E", _replace_body(US_ONLY_PLAN)),
    "A-purpose-only": ("A", _replace_body(PURPOSE_ONLY)),
    "F-plan-later": ("F", _replace_body(PLAN_LATER)),
    "G-no-system": ("G", _replace_body(DATA_ONLY)),
    "A-removed": ("A", _drop("objectives")),
    "B-removed": ("B", _drop("responsibilities")),
    "B-one-party": ("B", _edit("responsibilities", _only_first_party_duties)),
    "C-removed": ("C", _drop("programs")),
    "C-no-amounts": ("C", _edit("programs", _without_tables)),
    "D-removed": ("D", _drop("indicators", "annual_dialogue")),
    "D-no-targets": ("D", _edit("indicators", _without_targets)),
    "E-removed": ("E", _drop("financial_plan")),
    "F-removed": ("F", _drop("sustainability")),
    "G-removed": ("G", _drop("data_management")),
}
LANGUAGE_EXAMPLES = {"es": "peru", "fr": "cote-divoire"}


@pytest.fixture(scope="session")
def mutated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutated")
    paths = {}
    for example in LANGUAGE_EXAMPLES.values():
        draft = build_draft(
            ROOT / "examples" / f"{example}.yaml", AssembleOptions(layout="sequential")
        )
        for name, (_, mutate) in MUTATIONS.items():
            path = folder / f"{example}-{name}.docx"
            write_docx(mutate(draft), path)
            paths[(example, name)] = path
    return paths


def _flagged(review) -> set[str]:
    not_present = {k for k, s in review.elements.items() if s.status != "present"}
    with_findings = {f.element for f in review.findings}
    return not_present | with_findings


CASES = [(example, name) for example in LANGUAGE_EXAMPLES.values() for name in MUTATIONS]


@pytest.mark.parametrize(("example", "name"), CASES, ids=[f"{e}-{n}" for e, n in CASES])
def test_mutation_is_flagged_for_exactly_its_element_docx(mutated, example, name):
    element = MUTATIONS[name][0]
    review = review_document(read_document(mutated[(example, name)]), CONFIG)
    assert _flagged(review) == {element}, {
        k: (s.status, s.reason) for k, s in review.elements.items() if s.status != "present"
    }
    assert set(review.document.languages) == {"en", "es" if example == "peru" else "fr"}


@pytest.fixture(scope="session")
def mutated_pdfs(mutated, tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    converted = convert_to_pdf(list(mutated.values()), tmp_path_factory.mktemp("mutated-pdf"))
    return {key: converted[path] for key, path in mutated.items()}


@pytest.mark.parametrize(("example", "name"), CASES, ids=[f"{e}-{n}" for e, n in CASES])
def test_mutation_is_flagged_for_exactly_its_element_pdf(mutated_pdfs, example, name):
    element = MUTATIONS[name][0]
    review = review_document(read_document(mutated_pdfs[(example, name)]), CONFIG)
    assert _flagged(review) == {element}, {
        k: (s.status, s.reason) for k, s in review.elements.items() if s.status != "present"
    }


# -- the received prose draft, seeds and the command line --------------------------------------

JAMAICA = ROOT / "examples" / "received" / "jamaica-draft.txt"


def test_received_prose_draft_shows_the_gao_weaknesses():
    review = review_document(read_document(JAMAICA), CONFIG)
    statuses = {k: s.status for k, s in review.elements.items()}
    assert statuses == {
        "A": "present",
        "B": "present",
        "C": "partial",
        "D": "partial",
        "E": "partial",
        "F": "missing",
        "G": "present",
    }
    rules = {f.rule for f in review.findings}
    assert {
        "indicator-targets",
        "key-indicators",
        "partner-contribution",
        "sustainability-plan",
        "element-missing",
    } <= rules
    us = [c for c in review.primary.funding.contributions if c.party == "US"]
    assert any(c.amount == "5000000" and c.qualifier == "up to" for c in us)
    assert review.primary.term.years == 4


def test_peru_press_release_contributions(tmp_path):
    seed = next((ROOT.parent / "shared" / "seeds").glob("002_*.txt"), None)
    if seed is None:
        pytest.skip("the seed texts (../shared/seeds) are not beside this checkout")
    path = tmp_path / "peru-release.txt"
    path.write_text(seed.read_text("utf-8"), "utf-8")
    contributions = review_document(read_document(path), CONFIG).primary.funding.contributions
    found = {(c.party, c.currency, c.amount, c.qualifier) for c in contributions}
    assert ("US", "USD", "5000000", None) in found
    assert ("partner", "PEN", "8000000", "at least") in found


_PLAN_INTRODUCTION = {
    "en": "The Participants intend to contribute the following amounts in each year of the "
    "Partnership, subject to the availability of funds.",
    "es": "Los Participantes tienen la intención de aportar los siguientes montos en cada año "
    "de la Alianza, sujeto a la disponibilidad de fondos.",
}


@pytest.mark.parametrize(
    ("language", "header", "rows"),
    [
        ("en", "| Year | United States | Peru |", ("Year 1", "Year 2")),
        ("en", "| Fiscal year | United States | Peru |", ("FY2022", "FY2023")),
        ("es", "| Año | Estados Unidos | Perú |", ("Año 1", "Año 2")),
    ],
)
def test_a_plan_table_by_year_of_the_term_is_a_plan_by_year(tmp_path, language, header, rows):
    """Element E asks for contributions by year: rows labelled "Year 1" are that, as
    rows labelled "2022" are, though no heading names a financial plan."""
    table = [_PLAN_INTRODUCTION[language], "", header, "|---|---|---|"]
    table += [f"| {label} | US$1,000,000 | PEN 500,000 |" for label in rows]
    path = tmp_path / f"plan-{language}.md"
    path.write_text("\n".join(table) + "\n", "utf-8")
    review = review_document(read_document(path), CONFIG)
    assert review.primary.stream.language == language
    assert review.primary.plan.by_year
    assert "no multi-year financial plan" not in review.elements["E"].reason


def test_cli_exit_codes_and_json(tmp_path, assembled):
    runner = CliRunner()
    _, clean = assembled["ghana-sequential-us"]
    result = runner.invoke(main, ["check", str(clean), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    assert set(document["elements"]) == set("ABCDEFG")
    assert {"status", "reason", "evidence"} <= set(document["elements"]["A"])
    assert {"party", "amount", "currency", "qualifier", "text", "page", "block"} <= set(
        document["contributions"][0]
    )
    result = runner.invoke(main, ["check", str(JAMAICA)])
    assert result.exit_code == 1
    assert "F sustainability" in result.stdout and "✗ missing" in result.stdout
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["check", str(JAMAICA), str(empty)])
    assert result.exit_code == 2
    assert f"cpc-draft: error: {empty}: is empty (0 bytes)" in result.stderr


def test_sarif_is_2_1_0_with_rules_and_results():
    result = CliRunner().invoke(main, ["check", str(JAMAICA), "--format", "sarif"])
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "element-missing" in rule_ids
    assert run["results"] and all(r["ruleId"] in rule_ids for r in run["results"])
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


def test_config_sets_levels_and_refuses_unknown_rules(tmp_path):
    (tmp_path / ".cpc-draft.toml").write_text('[rules]\nelement-missing = "warning"\n', "utf-8")
    result = CliRunner().invoke(
        main, ["check", str(JAMAICA), "--config", str(tmp_path / ".cpc-draft.toml")]
    )
    assert result.exit_code == 0  # the only error-level rule was lowered to a warning
    (tmp_path / "bad.toml").write_text('[rules]\nelement-mising = "off"\n', "utf-8")
    result = CliRunner().invoke(
        main, ["check", str(JAMAICA), "--config", str(tmp_path / "bad.toml")]
    )
    assert result.exit_code == 2
    assert "unknown rule 'element-mising'; did you mean 'element-missing'?" in result.stderr


def test_jobs_give_the_same_results(assembled):
    paths = [str(path) for name, (_, path) in assembled.items() if name.endswith("sequential-us")]
    one = CliRunner().invoke(main, ["check", *paths, "--format", "json"])
    two = CliRunner().invoke(main, ["check", *paths, "--format", "json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_rules_command_lists_every_rule_with_its_doc():
    from cpc_draft.check.rules import RULES

    result = CliRunner().invoke(main, ["rules"])
    for rule_id, module in RULES.items():
        assert f"{rule_id} ({module.DEFAULT_LEVEL})" in result.stdout
        assert module.__doc__.strip().splitlines()[0] in result.stdout


def test_an_unknown_model_is_a_clear_error():
    result = CliRunner().invoke(main, ["check", str(JAMAICA), "--model", "no_such_pipeline"])
    assert result.exit_code == 2
    assert "--model 'no_such_pipeline' is not an installed spaCy pipeline" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v[1] == "sequential"], ids=variant_id)
def test_term_and_signing_come_back(variant, assembled):
    from cpc_draft.report.check import review_to_dict

    _, path = assembled[variant_id(variant)]
    data = review_to_dict(review_document(read_document(path), CONFIG))
    spec = load_spec(variant[0])
    assert data["term"]["start"] == spec.term_start.isoformat()
    assert data["term"]["end"] == spec.term_end.isoformat()
    assert data["term"]["years"] == spec.term_years
    signing = spec.data["signing"]
    assert data["signing"] == {"place": signing["place"]["en"], "date": signing["date"].isoformat()}


def test_a_spec_is_not_a_draft():
    spec = ROOT / "examples" / "peru.yaml"
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exit_code == 2
    assert f"{spec}: is a compact spec, not a draft; assemble it first" in result.stderr


# -- the period of each contribution -----------------------------------------------------------


def _assert_periods(review, spec_path):
    """Every language version gives the plan table's rows their year, the plan's totals
    the range of its years, and no contribution any other period."""
    spec = load_spec(spec_path).data
    rows, currencies = spec["financial_plan"]["years"], spec["currencies"]
    years = [str(row["year"]) for row in rows]
    span = f"{years[0]}–{years[-1]}"
    for language, facts in review.facts.items():
        found = {
            (c.party, c.currency, Decimal(c.amount), c.period) for c in facts.funding.contributions
        }
        for party, key in (("US", "us"), ("partner", "partner")):
            total = sum((Decimal(row[key]) for row in rows), Decimal(0))
            assert (party, currencies[key], total, span) in found, (language, party, span)
            for row, year in zip(rows, years, strict=True):
                item = (party, currencies[key], Decimal(row[key]), year)
                assert item in found, (language, item)
        assert {c.period for c in facts.funding.contributions} <= {None, span, *years}, language


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_contribution_periods_come_back_docx(variant, assembled):
    _, path = assembled[variant_id(variant)]
    _assert_periods(review_document(read_document(path), CONFIG), variant[0])


@pytest.mark.parametrize("variant", VARIANTS, ids=variant_id)
def test_contribution_periods_come_back_pdf(variant, assembled_pdfs):
    path = assembled_pdfs[variant_id(variant)]
    _assert_periods(review_document(read_document(path), CONFIG), variant[0])


@pytest.mark.parametrize("bad", [0, 1, 2])
def test_jobs_with_an_unreadable_file_and_more_workers_than_files(tmp_path, bad):
    """The first files are read before the workers start, one for each; one that cannot be
    read must not stop the others, and --jobs beyond the number of files is no error."""
    from cpc_draft.check import batch

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    copy = tmp_path / "jamaica-copy.txt"
    copy.write_text(JAMAICA.read_text("utf-8"), "utf-8")
    files = [JAMAICA, copy]
    files.insert(bad, empty)
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    serial = batch.run(files, CONFIG, jobs=1)
    parallel = batch.run(files, CONFIG, jobs=8)
    if cores is not None:  # the readers had every core but one, spaCy that one: all back
        assert os.sched_getaffinity(0) == cores
    assert [o.path for o in parallel] == files
    assert [o.error for o in parallel] == [o.error for o in serial]
    assert parallel[bad].error == f"{empty}: is empty (0 bytes)"
    good = [o for o in parallel if o.review]
    assert len(good) == 2
    elements = [{k: s.status for k, s in o.review.elements.items()} for o in good]
    assert elements == [
        {k: s.status for k, s in o.review.elements.items()} for o in serial if o.review
    ]
    assert elements[0]["F"] == "missing"


def test_jobs_read_pdfs_ahead_with_the_same_results(assembled_pdfs):
    """Two PDFs are read at once (each in its reader's child) while spaCy loads."""
    paths = [str(path) for name, path in assembled_pdfs.items() if name.endswith("-us")][:3]
    one = CliRunner().invoke(main, ["check", *paths, "--format", "json"])
    two = CliRunner().invoke(main, ["check", *paths, "--format", "json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert [d["path"] for d in json.loads(two.stdout)["documents"]] == paths


def test_json_lists_combined_totals_apart_from_each_party(tmp_path):
    """ "A combined total of US$8,200,000" is money of the compact, given in the JSON for
    tools, but no one government's contribution."""
    draft = tmp_path / "combined.txt"
    draft.write_text(
        "Article 5 – Funding\n\n"
        "The United States intends to contribute US$5,000,000 and the Government of "
        "Valdoria intends to contribute US$3,200,000, for a combined total of "
        "US$8,200,000.\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(draft), "--format", "json"])
    (document,) = json.loads(result.stdout)["documents"]
    assert [(c["party"], c["amount"]) for c in document["combined_totals"]] == [("both", "8200000")]
    assert "8200000" not in [c["amount"] for c in document["contributions"]]


def test_text_report_says_how_the_file_was_read(tmp_path):
    """A reader's warning (here: not UTF-8, read as Windows-1252) comes before the
    verdict in the text report, as in JSON and HTML."""
    draft = tmp_path / "latin1.txt"
    draft.write_bytes(
        "Article 1 – Purpose\n\nThe Participants intend to protect children in Valdoría.\n".encode(
            "cp1252"
        )
    )
    result = CliRunner().invoke(main, ["check", str(draft)])
    lines = result.stdout.splitlines()
    assert lines[1].startswith("  read: ") and "Windows-1252" in lines[1], lines[:3]
    assert lines[2].startswith("  A ")
