"""`assemble` tells the negotiator what looks wrong in a spec, with a suggestion."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ROOT
from spec_helpers import line_of, replace_once

from cpc_draft.cli import main

COTE_DIVOIRE = ROOT / "examples" / "cote-divoire.yaml"


def assemble(tmp_path, text: str):
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, "utf-8")
    output = tmp_path / "draft.md"
    result = CliRunner().invoke(main, ["assemble", str(spec), "-o", str(output)])
    return spec, output, result


def test_cfa_is_not_a_code_and_the_cfa_francs_are_suggested(tmp_path):
    text = replace_once(COTE_DIVOIRE.read_text("utf-8"), "partner: XOF", "partner: CFA")
    spec, output, result = assemble(tmp_path, text)
    assert result.exit_code == 2 and not output.exists()
    assert result.stderr == (
        f"cpc-draft: error: {spec}:{line_of(text, 'partner: CFA')}: currencies.partner: 'CFA' "
        "is not an ISO 4217 currency code; did you mean XOF (West African CFA franc) or "
        "XAF (Central African CFA franc)?\n"
    )


def test_an_unknown_language_is_one_error_with_a_suggestion(tmp_path):
    text = replace_once(
        COTE_DIVOIRE.read_text("utf-8"), "languages: [en, fr]", "languages: [en, fx]"
    )
    spec, _, result = assemble(tmp_path, text)
    assert result.exit_code == 2
    # one line, not one per French text that now names a language the spec lacks
    assert result.stderr == (
        f"cpc-draft: error: {spec}:{line_of(text, 'languages: [en, fx]')}: languages[1]: 'fx' "
        "is not a known language code (e.g. en, es, fr); did you mean fr? "
        "(the clause library has en, es, fr)\n"
    )


def test_a_term_outside_four_to_five_years_is_a_warning(tmp_path):
    text = COTE_DIVOIRE.read_text("utf-8").replace("years: 5", "years: 6")
    text = text.replace("targets: [", "targets: [1, ")
    text = replace_once(
        text,
        "    - year: 2026\n",
        "    - year: 2027\n      us: 1\n      partner: 1\n    - year: 2026\n",
    )
    spec, output, result = assemble(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert output.exists()
    assert (
        f"cpc-draft: warning: {spec}:{line_of(text, 'years: 6')}: term.years: a term of 6 years; "
        "Child Protection Compacts run 4 to 5 years: check the term\n"
    ) in result.stderr


def test_years_without_a_contribution_are_named(tmp_path):
    text = COTE_DIVOIRE.read_text("utf-8")
    text = replace_once(text, "      us: 400000\n", "      us: 0\n")
    text = replace_once(text, "      us: 1500000\n", "      us: 1100000\n")  # totals still agree
    spec, _, result = assemble(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert (
        f"{spec}:{line_of(text, '      us: 0')}: financial_plan.years[0].us: the United States "
        "contributes nothing in 2022; element E asks for each government's estimated yearly "
        "contribution: give the amount"
    ) in result.stderr
    assert "partner government contributes nothing" not in result.stderr
