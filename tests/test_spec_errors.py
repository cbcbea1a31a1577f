"""A bad spec is refused with exit 2 and a ``FILE:LINE: FIELD: PROBLEM`` message, never a traceback:
YAML and file problems.

Every bad input is the example spec examples/peru.yaml, copied into tmp_path and edited, so
the expected line is computed from the edited text and a failure points at a known line.
"""

from __future__ import annotations

import re

import pytest
from spec_helpers import assemble_refused, error_lines, line_of, peru_text, replace_once, run, write

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


# -- explicit tags: refused as anchors are, one line each ---------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object:os.system x",  # a constructor a spec never needs
        '!!timestamp "x"',  # PyYAML's constructor fails on it with AttributeError
        '!!bool "maybe"',  # ... with KeyError
        '!!int ""',  # ... with IndexError
        "!local x",
    ],
)
def test_explicit_tags_are_refused_in_one_line(tmp_path, tagged):
    text = replace_once(peru_text(), 'name: "Ricardo Luna Mendoza"', f"name: {tagged}")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    tag = tagged.split()[0].replace("!!", "tag:yaml.org,2002:")
    assert error_lines(stderr) == [
        f"{spec}:{line_of(text, tagged)}: tags ({tag}) are not supported; write the value plainly"
    ]


def test_every_tag_and_anchor_at_once(tmp_path):
    text = replace_once(peru_text(), 'name: "Ricardo Luna Mendoza"', "name: !!str &n x")
    text = replace_once(text, "  years: 4\n", "  years: !!int 4\n")
    spec = write(tmp_path, text)
    lines = error_lines(assemble_refused(spec, tmp_path))
    assert [line.split(": ")[0] for line in lines] == [
        f"{spec}:{line_of(text, '!!int')}",
        f"{spec}:{line_of(text, '&n')}",
    ]


# -- values that would break sums and dates: refused by the schema's bounds ----------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1.0e+30", "1e+30"),  # a Decimal of 28 digits cannot round it to cents
        ("1.0e+300", "1e+300"),
        ("1" + "0" * 40, "1" + "0" * 40),  # an integer as large
        ("1000000000000000", "1000000000000000"),  # just over the bound
    ],
)
def test_an_amount_too_large_names_its_line(tmp_path, written, shown):
    text = replace_once(peru_text(), "      us: 1600000\n", f"      us: {written}\n")
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, f"      us: {written}")
    assert error_lines(stderr) == [
        f"{spec}:{line}: programs[0].funding.us: {shown} is more than the largest amount, "
        "999,999,999,999,999"
    ]


def test_the_largest_amount_is_accepted(tmp_path):
    text = replace_once(peru_text(), "      us: 1600000\n", "      us: 999999999999999\n")
    result = run("assemble", write(tmp_path, text), "-o", tmp_path / "out.md")
    assert result.exit_code == 0, result.output
    assert "999,999,999,999,999" in (tmp_path / "out.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  start: 2017-06-15\n", "  start: 9999-06-15\n", "term.start"),  # ends in 10003
        ("  start: 2017-06-15\n", "  start: 1066-10-14\n", "term.start"),
        ("  date: 2017-06-15\n", "  date: 9999-12-31\n", "signing.date"),
    ],
)
def test_a_date_out_of_range_names_its_line(tmp_path, old, new, field):
    text = replace_once(peru_text(), old, new)
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    value = new.split(": ")[1].strip()
    assert error_lines(stderr) == [
        f"{spec}:{line_of(text, new.strip())}: {field}: {value} is outside 1900-01-01..2199-12-31"
    ]


def test_every_out_of_range_value_at_once(tmp_path):
    text = replace_once(peru_text(), "  start: 2017-06-15\n", "  start: 9999-06-15\n")
    text = replace_once(text, "      us: 1600000\n", "      us: 1.0e+300\n")
    lines = error_lines(assemble_refused(write(tmp_path, text), tmp_path))
    assert [line.split(": ")[1] for line in lines] == ["term.start", "programs[0].funding.us"]


# -- line separators are spaces ----------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u2028\u2029\u2028"])
def test_a_value_of_line_separators_only_is_empty(tmp_path, separator):
    text = replace_once(peru_text(), '"Ricardo Luna Mendoza"', f'"{separator}"')
    spec = write(tmp_path, text)
    stderr = assemble_refused(spec, tmp_path)
    line = line_of(text, f'"{separator}"')
    assert error_lines(stderr) == [f"{spec}:{line}: signatories.partner.name: is empty"]
