"""A bad spec is refused with exit 2 and a ``FILE:LINE: FIELD: PROBLEM`` message, never a traceback:
values are text, and the statutory gate.

Every bad input is the example spec examples/peru.yaml, copied into tmp_path and edited, so
the expected line is computed from the edited text and a failure points at a known line.
"""

from __future__ import annotations

import re
from pathlib import Path

from spec_helpers import (
    assemble_refused,
    error_lines,
    index_of_line,
    peru_data,
    peru_text,
    remove_top_level_key,
    replace_once,
    run,
    write,
)

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
