"""A bad spec is refused with exit 2 and a ``FILE:LINE: FIELD: PROBLEM`` message, never a traceback:
problems of the fields.

Every bad input is the example spec examples/peru.yaml, copied into tmp_path and edited, so
the expected line is computed from the edited text and a failure points at a known line.
"""

from __future__ import annotations

import re

import pytest
import yaml
from spec_helpers import (
    assemble_refused,
    error_lines,
    financial_plan_row_line,
    index_of_line,
    line_of,
    peru_data,
    peru_text,
    replace_once,
    write,
)

# -- field problems ----------------------------------------------------------------------------


def test_unknown_key_suggests_the_right_one(tmp_path):
    text = replace_once(peru_text(), "\nobjectives:\n", "\nobjectivs:\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "\nobjectivs:") + 1
    assert f"peru.yaml:{line}: objectivs: unknown key; did you mean 'objectives'?" in stderr


def test_unknown_nested_key_suggests_the_right_one(tmp_path):
    text = replace_once(peru_text(), "  short_name:\n", "  shortname:\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "  shortname:")
    assert f"peru.yaml:{line}: partner.shortname: unknown key; did you mean 'short_name'?" in stderr
    # ...and the required field it replaced is reported missing too.
    assert "partner.short_name: missing (required: " in stderr


def test_missing_translation(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    start = index_of_line(lines, r"objectives:")
    first = index_of_line(lines, r"  - en:", start)
    second = index_of_line(lines, r"  - en:", first + 1)
    es_line = index_of_line(lines, r"    es:", second)
    del lines[es_line]
    text = "".join(lines)
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert (
        f"{spec}:{second + 1}: objectives[1].es: missing translation (language 'es')"
        in error_lines(stderr)
    )
    assert len(error_lines(stderr)) == 1


def test_translation_in_a_language_the_spec_does_not_have(tmp_path):
    text = replace_once(peru_text(), '    es: "Lima"\n', '    es: "Lima"\n    fr: "Lima"\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, '    fr: "Lima"')
    assert (
        f"peru.yaml:{line}: signing.place.fr: language 'fr' is not in the spec's languages (en, es)"
        in stderr
    )


def test_negative_amount(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    index = financial_plan_row_line(lines, "us")
    lines[index] = re.sub(r"us: \d+", "us: -500000", lines[index])
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert (
        f"{spec}:{index + 1}: financial_plan.years[0].us: -500000 is negative; "
        "amounts must be non-negative numbers"
    ) in error_lines(stderr)


@pytest.mark.parametrize("written", ['"5,000,000"', "5,000,000", '"$5 million"'])
def test_amount_written_as_text(tmp_path, written):
    lines = peru_text().splitlines(keepends=True)
    index = financial_plan_row_line(lines, "us")
    lines[index] = re.sub(r"us: \d+", f"us: {written}", lines[index])
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    value = yaml.safe_load(written)
    assert (
        f"{spec}:{index + 1}: financial_plan.years[0].us: {value!r} is not a number "
        "(write 5000000, not '5,000,000' or '$5 million')"
    ) in error_lines(stderr)


def test_amount_that_is_not_finite(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    index = financial_plan_row_line(lines, "us")
    lines[index] = re.sub(r"us: \d+", "us: .inf", lines[index])
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert f"{spec}:{index + 1}: financial_plan.years[0].us: inf is not a finite number" in (
        error_lines(stderr)
    )


def test_control_character_written_as_an_escape(tmp_path):
    # "\x07" inside a double-quoted YAML string is the BEL character U+0007.
    text = replace_once(peru_text(), '    en: "Lima"\n', '    en: "Li\\x07ma"\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, '"Li\\x07ma"')
    assert (
        f"{spec}:{line}: signing.place.en: contains the control character U+0007, "
        "which a Word document cannot store; remove it"
    ) in error_lines(stderr)


def test_value_mark_control_character_is_refused(tmp_path):
    # U+0002 is the assembler's internal value mark; a spec must never smuggle it in.
    text = replace_once(peru_text(), '    es: "Lima"\n', '    es: "\\x021. Lima"\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, '"\\x021. Lima"')
    assert f"peru.yaml:{line}: signing.place.es: contains the control character U+0002" in stderr


def test_control_character_written_raw(tmp_path):
    text = replace_once(peru_text(), '    en: "Lima"\n', '    en: "Li\x07ma"\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, '"Li\x07ma"')
    assert f"peru.yaml:{line}:" in stderr
    assert "U+0007" in stderr


def test_control_character_written_raw_is_refused_without_traceback(tmp_path):
    # The part of the raw-byte case that works today: exit 2, the file named, no output.
    text = replace_once(peru_text(), '    en: "Lima"\n', '    en: "Li\x07ma"\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert "peru.yaml:" in stderr
    assert "#x0007" in stderr or "U+0007" in stderr


def test_invalid_date(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    term = index_of_line(lines, r"term:")
    start = index_of_line(lines, r"  start: ", term)
    lines[start] = "  start: 2022-02-30\n"
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert f"peru.yaml:{start + 1}: term.start: '2022-02-30' is not a valid value (" in stderr
    assert "day is out of range for month" in stderr


def test_invalid_date_names_the_field(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    term = index_of_line(lines, r"term:")
    start = index_of_line(lines, r"  start: ", term)
    lines[start] = "  start: 2022-02-30\n"
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert f"peru.yaml:{start + 1}: term.start: " in stderr


def test_date_written_as_text(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    term = index_of_line(lines, r"term:")
    start = index_of_line(lines, r"  start: ", term)
    lines[start] = "  start: 15/06/2017\n"
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert (
        f"peru.yaml:{start + 1}: term.start: '15/06/2017' is not a date; write it as YYYY-MM-DD"
        in stderr
    )


def test_term_end_before_start(tmp_path):
    data = peru_data()
    start = data["term"]["start"]
    lines = peru_text().splitlines(keepends=True)
    term = index_of_line(lines, r"term:")
    years = index_of_line(lines, r"  years: ", term)
    lines[years] = f"  end: {start.year - 1}-01-01\n"
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{years + 1}: term.end: {start.year - 1}-01-01 is not after the start {start}"
    ]


def test_term_without_length(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    term = index_of_line(lines, r"term:")
    del lines[index_of_line(lines, r"  years: ", term)]
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{term + 1}: term: give the term's length as years: N or end: YYYY-MM-DD"
    ]


def test_unknown_language_code(tmp_path):
    text = replace_once(peru_text(), "languages: [en, es]\n", "languages: [en, xx]\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "languages: [en, xx]")
    assert (
        f"{spec}:{line}: languages[1]: 'xx' is not a known language code (e.g. en, es, fr)"
        in error_lines(stderr)
    )


def test_english_is_required(tmp_path):
    text = replace_once(peru_text(), "languages: [en, es]\n", "languages: [es]\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "languages: [es]")
    assert (
        f"peru.yaml:{line}: languages: English (en) must be one of the languages of a U.S. compact"
        in stderr
    )


def test_language_not_in_the_clause_library(tmp_path):
    # pt is a real language (CLDR knows it) but the clause library has only en, es, fr.
    text = replace_once(peru_text(), "languages: [en, es]\n", "languages: [en, pt]\n")
    text = re.sub(r"(?m)^(\s*(?:- )?)es:", r"\1pt:", text)
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "languages: [en, pt]")
    assert error_lines(stderr) == [
        f"{spec}:{line}: languages[1]: language 'pt' is not in the clause library "
        "(it has en, es, fr); add a '# pt:' section to every clause"
    ]


def test_todo_placeholder_left_in(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    key = index_of_line(lines, r"sustainability:")
    en = index_of_line(lines, r"  en: ", key)
    lines[en] = '  en: "TODO: write the strategy"\n'
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{en + 1}: sustainability.en: still holds the placeholder "
        "'TODO: write the strategy'; fill it in"
    ]


def test_empty_text_value(tmp_path):
    text = replace_once(peru_text(), '    es: "Lima"\n', '    es: "   "\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, '    es: "   "')
    assert error_lines(stderr) == [f"{spec}:{line}: signing.place.es: is empty"]


def test_wrong_number_of_indicator_targets(tmp_path):
    years = peru_data()["term"]["years"]
    lines = peru_text().splitlines(keepends=True)
    indicators = index_of_line(lines, r"indicators:")
    targets = index_of_line(lines, r"\s+targets: \[", indicators)
    lines[targets] = re.sub(r"\[[^\]]*\]", "[1, 2]", lines[targets])
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{targets + 1}: indicators[0].targets: 2 targets for a {years}-year term; "
        "give one per year"
    ]


def test_financial_plan_year_outside_the_term(tmp_path):
    data = peru_data()
    first_year = data["term"]["start"].year
    last_year = first_year + data["term"]["years"] - 1
    if data["term"]["start"].month != 1 or data["term"]["start"].day != 1:
        last_year += 1  # a term from mid-year ends in the following calendar year
    lines = peru_text().splitlines(keepends=True)
    index = financial_plan_row_line(lines, "year")
    lines[index] = re.sub(r"year: \d{4}", "year: 2099", lines[index])
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{index + 1}: financial_plan.years[0].year: 2099 is outside the term "
        f"({first_year}–{last_year})"
    ]


def test_financial_plan_year_listed_twice(tmp_path):
    data = peru_data()
    lines = peru_text().splitlines(keepends=True)
    first = financial_plan_row_line(lines, "year")
    second = index_of_line(lines, r"\s+- year: ", first + 1)
    lines[second] = re.sub(
        r"year: \d{4}", f"year: {data['financial_plan']['years'][0]['year']}", lines[second]
    )
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    year = data["financial_plan"]["years"][0]["year"]
    assert error_lines(stderr) == [
        f"{spec}:{second + 1}: financial_plan.years[1].year: {year} is listed twice"
    ]


def test_unknown_currency_suggests_one(tmp_path):
    text = replace_once(peru_text(), "  partner: PEN\n", "  partner: PENN\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "  partner: PENN")
    assert f"{spec}:{line}: currencies.partner: 'PENN' is not an ISO 4217 currency code" in stderr


def test_several_problems_are_all_reported(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    us = financial_plan_row_line(lines, "us")
    lines[us] = re.sub(r"us: \d+", "us: -1", lines[us])
    objectives = index_of_line(lines, r"objectives:")
    lines[objectives] = "objectivs:\n"
    spec = write(tmp_path, "".join(lines))
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:{objectives + 1}: objectivs: unknown key; did you mean 'objectives'?",
        f"{spec}:{us + 1}: financial_plan.years[0].us: -1 is negative; "
        "amounts must be non-negative numbers",
    ]
