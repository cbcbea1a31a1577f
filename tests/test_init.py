"""`cpc-draft init`: a commented starting spec that assemble refuses until every TODO is filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import docx_paragraph_texts
from docx import Document
from docx.oxml.ns import qn

from cpc_draft.cli import main

PERU = ("--partner", "Republic of Peru", "--language", "es", "--start", "2026-01-01")


def run(*args):
    return CliRunner().invoke(
        main, [str(arg) for arg in args], prog_name="cpc-draft", catch_exceptions=False
    )


def init_peru(tmp_path: Path, *extra) -> tuple[Path, object]:
    output = tmp_path / "peru.yaml"
    return output, run("init", *PERU, "-o", output, *extra)


def test_init_writes_a_valid_commented_spec(tmp_path):
    output, result = init_peru(tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote {output}; fill in every TODO, then: cpc-draft assemble {output} -o draft.docx\n"
    )
    text = output.read_text("utf-8")
    data = yaml.safe_load(text)
    assert data["languages"] == ["en", "es"]
    assert data["partner"]["code"] == "PE"
    assert data["currencies"] == {"us": "USD", "partner": "PEN"}
    assert data["partner"]["name"]["en"] == "the Republic of Peru"
    # Names with the article each language gives them ("del Perú" once contracted).
    assert data["partner"]["name"]["es"] == "la República del Perú"
    assert data["partner"]["short_name"] == {"en": "Peru", "es": "el Perú"}
    assert str(data["term"]["start"]) == "2026-01-01"
    assert data["draft"] == {"round": 1}  # the header's marking: "Negotiation round 1"
    assert data["term"]["years"] == 5
    plan_years = [row["year"] for row in data["financial_plan"]["years"]]
    assert plan_years == [2026, 2027, 2028, 2029, 2030]
    assert len(data["indicators"][0]["targets"]) == 5
    # Comments guide the user: the header and the statutory elements (A)-(G).
    assert text.startswith(
        "# Compact spec for a Child Protection Compact (CPC) Partnership with Republic of Peru.\n"
    )
    for key in "ABCDEFG":
        assert re.search(rf"(?m)^# \({key}\) ", text), key
    assert "--allow-incomplete" in text
    # Every text field has both languages.
    assert set(data["objectives"][0]) == {"en", "es"}
    assert set(data["sustainability"]) == {"en", "es"}


def test_init_years_option_shapes_the_plan(tmp_path):
    output = tmp_path / "short.yaml"
    result = run("init", *PERU, "--years", "3", "-o", output)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["term"]["years"] == 3
    assert [row["year"] for row in data["financial_plan"]["years"]] == [2026, 2027, 2028]
    assert data["indicators"][0]["targets"] == [0, 0, 0]


def test_init_refuses_to_overwrite_without_force(tmp_path):
    output = tmp_path / "peru.yaml"
    output.write_text("# my work\n", "utf-8")
    result = run("init", *PERU, "-o", output)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr == (
        f"cpc-draft: error: {output}: already exists; pass --force to overwrite it\n"
    )
    assert output.read_text("utf-8") == "# my work\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["peru.yaml"]  # no *.part


def test_init_twice_without_force_leaves_the_first_file(tmp_path):
    output, first = init_peru(tmp_path)
    assert first.exit_code == 0
    before = output.read_bytes()
    second = run("init", "--partner", "Republic of Ghana", "-o", output)
    assert second.exit_code == 2
    assert "already exists" in second.stderr
    assert output.read_bytes() == before


def test_init_force_overwrites(tmp_path):
    output = tmp_path / "peru.yaml"
    output.write_text("# my work\n", "utf-8")
    result = run("init", *PERU, "-o", output, "--force")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["partner"]["code"] == "PE"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["peru.yaml"]


def test_init_without_output_prints_the_spec(tmp_path):
    output, _ = init_peru(tmp_path)
    printed = run("init", *PERU)
    assert printed.exit_code == 0
    assert printed.stdout == output.read_text("utf-8")
    assert printed.stderr == ""
    assert yaml.safe_load(printed.stdout)["partner"]["code"] == "PE"


def test_assemble_refuses_the_fresh_spec_and_names_its_todos(tmp_path):
    spec, result = init_peru(tmp_path)
    assert result.exit_code == 0
    text = spec.read_text("utf-8")
    lines = text.splitlines()
    draft = tmp_path / "draft.docx"
    assembled = run("assemble", spec, "-o", draft)
    assert assembled.exit_code == 2
    assert "Traceback" not in assembled.output
    assert not draft.exists()
    errors = assembled.stderr.splitlines()
    assert errors and all(line.startswith("cpc-draft: error: ") for line in errors)
    assert all("still holds the placeholder 'TODO" in line for line in errors), assembled.stderr
    # Each names file, line and field; check a few known ones.
    signing_en = next(i for i, line in enumerate(lines) if 'en: "TODO: city of signature"' in line)
    assert (
        f"cpc-draft: error: {spec}:{signing_en + 1}: signing.place.en: still holds the "
        "placeholder 'TODO: city of signature'; fill it in"
    ) in errors
    for field in (
        "signing.place.es",
        "signatories.us.name",
        "objectives[0].en",
        "objectives[0].es",
        "sustainability.en",
        "data_management.es",
    ):
        assert any(f": {field}: still holds the placeholder" in line for line in errors), field
    # One problem per TODO in a value (the header comments hold TODOs too; not counted).
    todo_values = [line for line in lines if '"TODO' in line and not line.lstrip().startswith("#")]
    assert len(errors) == len(todo_values)


@pytest.mark.parametrize(
    "partner",
    ['Republic "of" Peru', "Republic of\nPeru", "Peru: {x: 1}", "Peru # comment", "{{ 7*7 }}", ""],
)
def test_partner_names_that_could_break_the_yaml_are_refused(tmp_path, partner):
    output = tmp_path / "peru.yaml"
    result = run("init", "--partner", partner, "-o", output)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr == (
        f"cpc-draft: error: --partner: {partner!r} is not a country name "
        "(letters, spaces and . , ' ( ) - only)\n"
    )
    assert not output.exists()


def test_unknown_language_is_refused(tmp_path):
    output = tmp_path / "peru.yaml"
    result = run("init", "--partner", "Republic of Peru", "--language", "zz", "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (
        "cpc-draft: error: --language: 'zz' is not a known language code; "
        "the clause library has en, es, fr\n"
    )
    assert not output.exists()


def test_french_partner_with_an_apostrophe(tmp_path):
    # CLDR writes "Côte d’Ivoire" with a typographic apostrophe; users type "'".
    output = tmp_path / "ci.yaml"
    result = run(
        "init",
        "--partner",
        "Republic of Côte d'Ivoire",
        "--language",
        "fr",
        "--start",
        "2026-01-01",
        "-o",
        output,
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["languages"] == ["en", "fr"]
    assert data["partner"]["code"] == "CI"
    assert data["currencies"]["partner"] == "XOF"
    assert data["partner"]["name"]["en"] == "the Republic of Côte d'Ivoire"
    # The French short name carries its article ("à la Côte d'Ivoire"), and its
    # apostrophe is the one French texts use (data/languages/fr.yaml), not CLDR's "’".
    assert data["partner"]["name"]["fr"] == "la République de Côte d'Ivoire"
    assert data["partner"]["short_name"] == {"en": "Côte d'Ivoire", "fr": "la Côte d'Ivoire"}


def test_unknown_country_leaves_todo_placeholders(tmp_path):
    output = tmp_path / "x.yaml"
    result = run(
        "init",
        "--partner",
        "Republic of Atlantis",
        "--language",
        "es",
        "--start",
        "2026-01-01",
        "-o",
        output,
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["partner"]["code"] == "TODO"
    assert data["partner"]["short_name"]["en"] == "Republic of Atlantis"
    assert data["partner"]["short_name"]["es"].startswith("TODO")
    assembled = run("assemble", output, "-o", tmp_path / "x.docx")
    assert assembled.exit_code == 2
    assert f"{output}:" in assembled.stderr
    assert "partner.code: still holds the placeholder 'TODO'" in assembled.stderr


def test_english_only_init(tmp_path):
    output = tmp_path / "en.yaml"
    result = run("init", "--partner", "Republic of Ghana", "--start", "2026-01-01", "-o", output)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["languages"] == ["en"]
    assert data["partner"]["code"] == "GH"
    assert data["currencies"]["partner"] == "GHS"


def test_init_into_a_missing_folder(tmp_path):
    output = tmp_path / "nowhere" / "peru.yaml"
    result = run("init", *PERU, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (f"cpc-draft: error: {output}: folder {output.parent} does not exist\n")


def _init_and_assemble(tmp_path: Path, partner: str, *languages: str) -> tuple[dict, str]:
    """init for ``partner``, then a rough Markdown draft of it: (spec data, draft text)."""
    spec = tmp_path / "spec.yaml"
    options = [arg for code in languages for arg in ("--language", code)]
    result = run(
        "init", "--partner", partner, *options, "--start", "2026-01-01", "-o", spec, "--force"
    )
    assert result.exit_code == 0, result.output
    draft = tmp_path / "draft.md"
    assembled = run("assemble", spec, "-o", draft, "--allow-incomplete", "--force")
    assert assembled.exit_code == 0, assembled.output
    return yaml.safe_load(spec.read_text("utf-8")), draft.read_text("utf-8")


def test_french_names_read_with_their_article_and_its_contractions(tmp_path):
    data, draft = _init_and_assemble(tmp_path, "Republic of Côte d'Ivoire", "fr")
    assert "à la Côte d'Ivoire" in draft and "par la Côte d'Ivoire" in draft
    assert "à Côte d'Ivoire" not in draft and "par Côte d'Ivoire" not in draft
    data, draft = _init_and_assemble(tmp_path, "Kingdom of Morocco", "fr")
    assert data["partner"]["name"] == {"en": "the Kingdom of Morocco", "fr": "le Royaume du Maroc"}
    assert data["partner"]["short_name"]["fr"] == "le Maroc"
    assert "du Maroc" in draft and "au Maroc" in draft
    assert "de le Maroc" not in draft and "à le Maroc" not in draft


@pytest.mark.parametrize("partner", ["Mongolia", "Haiti"])
def test_english_names_without_an_article_get_none(tmp_path, partner):
    data, draft = _init_and_assemble(tmp_path, partner)
    assert f"the {partner}" not in draft and f"The {partner}" not in draft
    assert f"{partner}" in data["partner"]["short_name"]["en"]


def test_haiti_in_french_elides_de(tmp_path):
    _, draft = _init_and_assemble(tmp_path, "Haiti", "fr")
    assert "d'Haïti" in draft and "de Haïti" not in draft


def test_a_guessed_article_is_marked_todo(tmp_path):
    # Mauritius is not in data/country_names.yaml: the French article is a guess.
    output = tmp_path / "mu.yaml"
    result = run("init", "--partner", "Mauritius", "--language", "fr", "-o", output)
    assert result.exit_code == 0, result.output
    line = next(
        line
        for line in output.read_text("utf-8").splitlines()
        if "fr: " in line and "Maurice" in line
    )
    assert "# TODO: article guessed" in line


def test_a_language_the_library_lacks_is_refused_with_those_it_has(tmp_path):
    output = tmp_path / "br.yaml"
    result = run("init", "--partner", "Brazil", "--language", "pt", "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (
        "cpc-draft: error: --language: 'pt' is a language the clause library lacks; "
        "the clause library has en, es, fr\n"
    )
    assert not output.exists()


def test_a_rough_draft_shows_init_todos_as_markers(tmp_path):
    spec, _ = init_peru(tmp_path)
    draft = tmp_path / "rough.docx"
    result = run("assemble", spec, "-o", draft, "--allow-incomplete")
    assert result.exit_code == 0, result.output
    assert "still TODO, printed as [TODO: …] markers" in result.stderr
    texts = docx_paragraph_texts(draft)
    assert any("[TODO: city of signature]" in text for text in texts)
    assert not any(text.lstrip().startswith("TODO") for text in texts)
    # In the text, the markers are as visible as [MISSING: …]: highlighted.
    body = Document(str(draft)).element.body
    done_at = [
        r for r in body.iter(qn("w:r")) if "[TODO: city of signature]" in "".join(r.itertext())
    ]
    assert done_at and all(r.find(f".//{qn('w:highlight')}") is not None for r in done_at)


def test_final_and_allow_incomplete_contradict(tmp_path):
    spec, _ = init_peru(tmp_path)
    result = run("assemble", spec, "-o", tmp_path / "x.docx", "--allow-incomplete", "--final")
    assert result.exit_code == 2
    assert "--final and --allow-incomplete contradict each other" in result.stderr
