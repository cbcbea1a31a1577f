"""A bad spec is refused with exit 2 and a ``FILE:LINE: FIELD: PROBLEM`` message, never a traceback.

Every bad input is the example spec examples/peru.yaml, copied into tmp_path and edited, so
the expected line is computed from the edited text and a failure points at a known line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cpc_draft.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "peru.yaml"


# -- helpers ------------------------------------------------------------------------------------


def peru_text() -> str:
    return EXAMPLE.read_text("utf-8")


def peru_data() -> dict:
    return yaml.safe_load(peru_text())


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r} in the example"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle``."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def index_of_line(lines: list[str], pattern: str, start: int = 0) -> int:
    """0-based index of the first line at or after ``start`` matching ``pattern``."""
    for index in range(start, len(lines)):
        if re.match(pattern, lines[index]):
            return index
    raise AssertionError(f"no line matches {pattern!r} after line {start + 1}")


def remove_top_level_key(text: str, key: str) -> str:
    """Drop ``key:`` and its indented block (comments and blank lines before the next key stay)."""
    lines = text.splitlines(keepends=True)
    first = index_of_line(lines, rf"{re.escape(key)}:")
    last = first + 1
    while last < len(lines) and (lines[last].startswith((" ", "\t")) or not lines[last].strip()):
        last += 1
    return "".join(lines[:first] + lines[last:])


def financial_plan_row_line(lines: list[str], field: str) -> int:
    """0-based index of ``field:`` in the first row of financial_plan.years."""
    plan = index_of_line(lines, r"financial_plan:")
    years = index_of_line(lines, r"\s+years:", plan)
    return index_of_line(lines, rf"\s+(- )?{field}: ", years)


def write(tmp_path: Path, text: str | bytes, name: str = "peru.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(
        main, [str(arg) for arg in args], prog_name="cpc-draft", catch_exceptions=False
    )


def assemble_refused(spec: Path, tmp_path: Path, *extra: str, suffix: str = ".docx"):
    """Assemble ``spec``; check exit 2, no traceback, no output, no *.part; return stderr."""
    output = tmp_path / f"out{suffix}"
    before = set(tmp_path.iterdir())
    result = run("assemble", spec, "-o", output, *extra)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not output.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []
    assert set(tmp_path.iterdir()) == before
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("cpc-draft: error: ") for line in lines), result.stderr
    return result.stderr


def error_lines(stderr: str) -> list[str]:
    return [line.removeprefix("cpc-draft: error: ") for line in stderr.splitlines()]


# -- YAML and file problems --------------------------------------------------------------------


def test_yaml_syntax_error_names_the_right_line(tmp_path):
    text = replace_once(peru_text(), "  partner: PEN\n", "  partner: PEN: USD\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "  partner: PEN: USD")
    # PyYAML says "...allowed here", libyaml (CSafeLoader) "...allowed in this context".
    assert f"peru.yaml:{line}: YAML syntax error: mapping values are not allowed" in stderr
    assert len(error_lines(stderr)) == 1


def test_yaml_syntax_error_unclosed_quote(tmp_path):
    text = replace_once(peru_text(), '    en: "Lima"\n', '    en: "Lima\n')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert re.search(r"peru\.yaml:\d+: YAML syntax error: ", stderr)


def test_empty_file(tmp_path):
    spec = write(tmp_path, "")
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [f"{spec}:1: the file is empty"]


def test_file_of_only_comments_and_blank_lines_is_refused(tmp_path):
    spec = write(tmp_path, "# nothing here\n\n")
    stderr = assemble_refused(spec, tmp_path)
    assert f"{spec}:1: " in stderr
    assert "empty" in stderr


def test_null_document_is_refused(tmp_path):
    spec = write(tmp_path, "~\n")
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:1: (top level): the spec must be a mapping of fields (see `cpc-draft init`)"
    ]


def test_a_list_instead_of_a_mapping(tmp_path):
    spec = write(tmp_path, "- en\n- es\n")
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}:1: (top level): the spec must be a mapping of fields (see `cpc-draft init`)"
    ]


def test_directory_as_spec(tmp_path):
    folder = tmp_path / "peru.yaml"
    folder.mkdir()
    before = set(tmp_path.iterdir())
    result = run("assemble", folder, "-o", tmp_path / "out.docx")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert error_lines(result.stderr) == [f"{folder}: is a directory, not a file"]
    assert set(tmp_path.iterdir()) == before


def test_missing_file(tmp_path):
    spec = tmp_path / "peru.yaml"
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [f"{spec}: no such file"]


def test_non_utf8_bytes(tmp_path):
    raw = peru_text().encode("utf-8")
    offset = raw.index(b"Lima")
    raw = raw[:offset] + b"\xe9" + raw[offset + 1 :]  # Latin-1 "é" where "L" was
    spec = write(tmp_path, raw)
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [f"{spec}: is not UTF-8 text (bad byte at offset {offset})"]


def test_utf8_byte_order_mark_is_accepted_by_the_reader(tmp_path):
    # A BOM (Notepad) is not an error; the only problem reported is the one we planted.
    text = replace_once(peru_text(), "\nobjectives:\n", "\nobjectivs:\n")
    spec = write(tmp_path, "\ufeff" + text)
    stderr = assemble_refused(spec, tmp_path)
    assert "BOM" not in stderr and "UTF-8" not in stderr
    assert "objectivs: unknown key" in stderr


def test_file_over_the_size_limit(tmp_path):
    text = peru_text()
    padding = "# " + "x" * 98 + "\n"
    text += padding * ((3_000_000 - len(text.encode("utf-8"))) // len(padding) + 1)
    spec = write(tmp_path, text)
    size = spec.stat().st_size
    assert size > 3_000_000
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [f"{spec}: is {size:,} bytes; the limit is 2,000,000"]


def test_anchors_and_aliases_are_refused(tmp_path):
    text = replace_once(
        peru_text(), '    en: "Lima"\n    es: "Lima"\n', '    en: &city "Lima"\n    es: *city\n'
    )
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, "&city")
    assert f"{spec}:{line}: " in stderr
    assert "anchors and aliases (&city) are not supported" in stderr


def test_anchor_on_a_mapping_is_refused(tmp_path):
    text = replace_once(peru_text(), "signing:\n  place:\n", "signing:\n  place: &a\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert f"{spec}:{line_of(text, '&a')}: " in stderr
    assert "anchors and aliases (&a) are not supported" in stderr


def test_alias_bomb_is_refused_quickly(tmp_path):
    # "Billion laughs" in miniature (10**4 leaves): refused, never expanded.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 5):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    spec = write(tmp_path, "\n".join(lines) + "\n")
    stderr = assemble_refused(spec, tmp_path)
    assert f"{spec}:1: " in stderr
    assert "anchors and aliases (&a0) are not supported" in stderr
    assert "unknown key" not in stderr  # refused while reading, before any field check


def test_duplicate_key(tmp_path):
    text = peru_text().rstrip("\n") + '\n\nsustainability:\n  en: "Again."\n  es: "Otra vez."\n'
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = len(text.splitlines()) - 2  # the second `sustainability:`
    assert text.splitlines()[line - 1] == "sustainability:"
    assert f"peru.yaml:{line}: sustainability: duplicate key" in stderr


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


# -- values are text, never markup or template code -------------------------------------------


def assemble_md(tmp_path: Path, text: str, *extra: str) -> str:
    spec = write(tmp_path, text)
    output = tmp_path / "out.md"
    result = run("assemble", spec, "-o", output, *extra)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"wrote {output}" in result.stdout
    assert list(tmp_path.glob(".*.part")) == []
    return output.read_text("utf-8")


def test_template_syntax_in_values_is_printed_literally(tmp_path):
    lines = peru_text().splitlines(keepends=True)
    objectives = index_of_line(lines, r"objectives:")
    en = index_of_line(lines, r"  - en: ", objectives)
    value = "Compute {{ 7*7 }} and loop {% for x in y %} then stop {# no comment #}."
    lines[en] = f'  - en: "{value}"\n'
    (tmp_path / "baseline").mkdir()
    baseline = assemble_md(tmp_path / "baseline", peru_text())
    md = assemble_md(tmp_path, "".join(lines))
    assert "{{ 7*7 }}" in md
    assert "{% for x in y %}" in md
    assert "{# no comment #}" in md
    assert value in md
    assert "49" not in baseline  # so that its absence below means something
    assert "49" not in md


def test_values_that_look_like_markup_stay_plain_text(tmp_path):
    text = peru_text()
    data = peru_data()
    sustainability = data["sustainability"]["en"]
    data_management = data["data_management"]["en"]
    text = replace_once(text, f'"{sustainability}"', f'"7. {sustainability}"')
    text = replace_once(text, f'"{data_management}"', '"::: table programs"')
    (tmp_path / "baseline").mkdir()
    baseline = assemble_md(tmp_path / "baseline", peru_text())
    md = assemble_md(tmp_path, text)
    # A numbered item would have been renumbered "1."; a paragraph keeps the "7. ".
    assert f"7. {sustainability}" in md
    assert f"1. {sustainability}" not in md
    # A directive would have vanished into a second programs table.
    assert "::: table programs" in md
    header = "| Program or initiative |"
    assert md.count(header) == baseline.count(header) >= 1


def test_html_in_values_is_escaped_in_the_markdown_preview(tmp_path):
    text = replace_once(peru_text(), '    en: "Lima"\n', '    en: "<b>Lima</b>"\n')
    md = assemble_md(tmp_path, text)
    assert "&lt;b&gt;Lima&lt;/b&gt;" in md
    assert "<b>" not in md


# -- the statutory gate (elements A-G) ---------------------------------------------------------


def test_missing_statutory_element_is_refused(tmp_path):
    text = remove_top_level_key(peru_text(), "sustainability")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}: statutory elements without content: F (no sustainability strategy); "
        "complete the spec or pass --allow-incomplete"
    ]


def test_allow_incomplete_writes_missing_markers_in_every_language(tmp_path):
    text = remove_top_level_key(peru_text(), "sustainability")
    spec = write(tmp_path, text)
    output = tmp_path / "out.md"
    result = run("assemble", spec, "-o", output, "--allow-incomplete")
    assert result.exit_code == 0, result.output
    assert f"cpc-draft: warning: {output}: [MISSING] markers for elements F" in result.stderr
    md = output.read_text("utf-8")
    assert "[MISSING: element F, strategy to sustain progress after the compact expires]" in md
    assert (
        "[MISSING: elemento F, estrategia para sostener los avances tras la expiración "
        "de la Alianza]" in md
    )
    assert md.count("[MISSING:") == 2  # one per language, nothing for the complete elements


def test_allow_incomplete_french_marker(tmp_path):
    text = remove_top_level_key(peru_text(), "sustainability")
    text = replace_once(text, "languages: [en, es]\n", "languages: [en, fr]\n")
    text = re.sub(r"(?m)^(\s*(?:- )?)es:", r"\1fr:", text)
    md = assemble_md(tmp_path, text, "--allow-incomplete")
    assert (
        "[MISSING: élément F, stratégie de pérennisation des progrès après l'expiration du "
        "Partenariat]" in md
    )


def test_several_missing_elements_are_all_listed(tmp_path):
    text = remove_top_level_key(peru_text(), "objectives")
    text = remove_top_level_key(text, "data_management")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert error_lines(stderr) == [
        f"{spec}: statutory elements without content: A (no objectives); "
        "G (no child protection data management); complete the spec or pass --allow-incomplete"
    ]
    output = tmp_path / "out.md"
    result = run("assemble", spec, "-o", output, "--allow-incomplete")
    assert result.exit_code == 0, result.output
    assert "[MISSING] markers for elements A, G" in result.stderr
    md = output.read_text("utf-8")
    for marker in (
        "[MISSING: element A, ",
        "[MISSING: elemento A, ",
        "[MISSING: element G, ",
        "[MISSING: elemento G, ",
    ):
        assert md.count(marker) == 1, marker


def test_empty_list_counts_as_missing(tmp_path):
    text = remove_top_level_key(peru_text(), "objectives") + "\nobjectives: []\n"
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    assert "statutory elements without content: A (no objectives)" in stderr
