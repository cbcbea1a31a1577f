"""`cpc-draft compare`: versions with known edits are reported exactly, in English,
Spanish and French, from Word and from PDF; the redline's tracked changes accept to the
new text and reject to the old; language versions with injected mismatches are caught.

Every version is made here from an assembled example (tests/version_factory.py edits
its WordprocessingML); PDFs are LibreOffice's conversions of those .docx files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from redline_helpers import libreoffice_accept_and_reject, reject_all
from version_factory import Version

from cpc_draft.cli import main
from cpc_draft.compare.files import compare_files, compare_language_versions
from cpc_draft.compare.versions import compare_versions
from cpc_draft.compare.worddiff import diff_words, side
from cpc_draft.readers import read_document
from cpc_draft.render.pdf import find_soffice

# Peru: English + Spanish; Côte d'Ivoire: English + French.
EXAMPLES = {"peru": ("en", "es"), "cote-divoire": ("en", "fr")}
REWORDING = {
    "en": ("intend to achieve", "plan to achieve"),
    "es": ("tienen la intención de alcanzar", "prevén alcanzar"),
    "fr": ("ont l'intention d'atteindre", "comptent atteindre"),
}


def _source(assembled, example: str) -> Path:
    return assembled[f"{example}-sequential-us"][1]


def _kinds(comparison) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (
            c.kind,
            c.language,
            c.old.label if c.old else None,
            c.new.label if c.new else None,
        )
        for c in comparison.changes
    ]


def _texts(path: Path) -> list[str]:
    return [" ".join(block.text.split()) for block in read_document(path).blocks]


@pytest.fixture(scope="module")
def versions(assembled, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(example, edit) -> .docx; "original" is the assembled draft itself."""
    folder = tmp_path_factory.mktemp("versions")
    made: dict[tuple[str, str], Path] = {}
    for example, languages in EXAMPLES.items():
        source = _source(assembled, example)
        made[example, "original"] = source

        def save(edit: str, version: Version) -> None:
            made[example, edit] = version.save(folder / f"{example}-{edit}.docx")  # noqa: B023

        save("moved", Version(source).move("responsibilities", "sustainability").renumber())
        save("deleted", Version(source).delete("data_management").renumber())
        save("renumbered", Version(source).renumber(first=2))
        reworded = Version(source)
        for position, language in enumerate(languages):
            old, new = REWORDING[language]
            reworded.replace(old, new, language=position)
        save("reworded", reworded)
        save("amount", _amount_changed(source, languages))
    return made


def _last_year_amounts(path: Path, languages) -> list[str]:
    """The U.S. cell of the last year row of the financial plan, per language version."""
    cells = []
    document = read_document(path)
    for language in languages:
        rows = [
            b.cells
            for b in document.blocks
            if b.kind == "table_row"
            and b.language == language
            and re.fullmatch(r"\d{4}", b.cells[0])
        ]
        cells.append(rows[-1][1])
    return cells


def _amount_changed(source: Path, languages) -> Version:
    version = Version(source)
    for position, cell in enumerate(_last_year_amounts(source, languages)):
        digit = re.search(r"[1-8]", cell)
        bumped = cell[: digit.start()] + str(int(digit.group()) + 1) + cell[digit.end() :]
        version.replace(cell, bumped, language=position)
    return version


@pytest.fixture(scope="module")
def version_pdfs(versions, tmp_path_factory, convert_to_pdf_once) -> dict[tuple[str, str], Path]:
    return convert_to_pdf_once(versions, tmp_path_factory.mktemp("version-pdfs"))


@pytest.fixture(scope="module")
def convert_to_pdf_once():
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    from conftest import convert_to_pdf

    def convert(paths: dict, folder: Path) -> dict:
        converted = convert_to_pdf(list(paths.values()), folder)
        return {key: converted[path] for key, path in paths.items()}

    return convert


def _expected(example: str, edit: str) -> list[tuple[str, str, str | None, str | None]]:
    """What each edit must produce, per language version and nothing else."""
    english, other = EXAMPLES[example]
    labels = _labels(example)
    expected = []
    for language in (english, other):
        label = labels[language]
        if edit == "moved":
            expected.append(
                ("moved", language, label("4", "responsibilities"), label("8", "responsibilities"))
            )
        elif edit == "deleted":
            expected.append(("deleted", language, label("10", "data"), None))
        elif edit == "added":
            expected.append(("added", language, None, label("10", "data")))
        elif edit == "reworded":
            expected.append(
                ("modified", language, label("3", "objectives"), label("3", "objectives"))
            )
        elif edit == "amount":
            expected.append(("modified", language, label("8", "plan"), label("8", "plan")))
    return expected


def _labels(example: str):
    """Article labels as the assembled examples title them, per language."""
    titles = {
        "en": {
            "responsibilities": "Responsibilities of the Participants",
            "data": "Child Protection Data",
            "objectives": "Objectives",
            "plan": "Multi-Year Financial Plan",
        },
        "es": {
            "responsibilities": "Responsabilidades de los Participantes",
            "data": "Datos de protección de niñas, niños y adolescentes",
            "objectives": "Objetivos",
            "plan": "Plan financiero plurianual",
        },
        "fr": {
            "responsibilities": "Responsabilités des Participants",
            "data": "Données relatives à la protection de l'enfance",
            "objectives": "Objectifs",
            "plan": "Plan financier pluriannuel",
        },
    }
    word = {"en": "Article", "es": "Artículo", "fr": "Article"}  # as each text writes it
    return {
        language: (
            lambda number, key, names=names, word=word[language]: f"{word} {number} ({names[key]})"
        )
        for language, names in titles.items()
    }


EDITS = ["moved", "deleted", "added", "reworded", "amount", "renumbered"]


def _pair(made: dict, example: str, edit: str) -> tuple[Path, Path]:
    if edit == "added":  # the deleted version, then the original: one article added
        return made[example, "deleted"], made[example, "original"]
    return made[example, "original"], made[example, edit]


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("edit", EDITS)
def test_known_edits_are_reported_exactly(versions, example, edit):
    old, new = _pair(versions, example, edit)
    comparison = compare_versions(read_document(old), read_document(new))
    assert _kinds(comparison) == _expected(example, edit)
    if edit == "renumbered":
        renumbered = [pair for found in comparison.languages for pair in found.renumbered]
        assert len(renumbered) == 2 * 15  # every article of both language versions


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("edit", EDITS)
def test_pdf_against_docx_reports_the_same(versions, version_pdfs, example, edit):
    """A PDF reply against our .docx: the same edits, no noise from the format."""
    new = _pair(versions, example, edit)[1]
    old_pdf = _pair(version_pdfs, example, edit)[0]
    comparison = compare_versions(read_document(old_pdf), read_document(new))
    assert _kinds(comparison) == _expected(example, edit)


@pytest.mark.parametrize("example", EXAMPLES)
def test_unchanged_draft_in_another_format_has_no_changes(versions, version_pdfs, example):
    comparison = compare_versions(
        read_document(versions[example, "original"]),
        read_document(version_pdfs[example, "original"]),
    )
    assert comparison.changes == ()


def test_word_level_diff_names_the_changed_words(versions):
    comparison = compare_versions(
        read_document(versions["peru", "original"]), read_document(versions["peru", "reworded"])
    )
    english = comparison.changes[0]
    changed = [s for block in english.blocks for s in block.segments if s.op != "equal"]
    assert [(s.op, s.text.strip()) for s in changed] == [("delete", "intend"), ("insert", "plan")]


@pytest.mark.parametrize("example", EXAMPLES)
def test_fact_changes_name_the_amount(versions, example):
    comparison = compare_files(versions[example, "original"], versions[example, "amount"])
    money = [f for f in comparison.fact_changes if f.kind == "contribution"]
    assert len(money) == 1, comparison.fact_changes
    assert money[0].old.startswith("USD ") and money[0].new.startswith("USD ")
    assert money[0].old != money[0].new
    assert "United States" in money[0].detail
    assert not [f for f in comparison.fact_changes if f.kind == "element"]


def test_fact_changes_name_a_weakened_element(versions, assembled, tmp_path):
    source = _source(assembled, "peru")
    weakened = Version(source).delete("sustainability").renumber().save(tmp_path / "no-f.docx")
    comparison = compare_files(source, weakened)
    elements = [(f.element, f.old, f.new) for f in comparison.fact_changes if f.kind == "element"]
    # The duties article still asks for a sustainment strategy: weakened, not gone.
    assert elements == [("F", "present", "partial")]


def test_indicator_target_change_is_a_fact_change(assembled, tmp_path):
    source = _source(assembled, "peru")
    edited = Version(source).replace("115", "125", language=0).save(tmp_path / "target.docx")
    comparison = compare_files(source, edited)
    targets = [f for f in comparison.fact_changes if f.kind == "indicator"]
    assert [(f.old, f.new) for f in targets] == [("70, 85, 100, 115", "70, 85, 100, 125")]
    assert "charges are filed" in targets[0].detail


# Fact changes between two text versions of a draft in another hand's style (fictional
# partner, our own wording): what is edited is exactly what must be reported.
FACTS_DRAFT = (Path(__file__).parent / "data" / "drafts" / "versions-en.txt").read_text("utf-8")


def _fact_changes(tmp_path, edits: list[tuple[str, str]], base: str = FACTS_DRAFT):
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(base, "utf-8")
    edited = base
    for before, after in edits:
        assert before in edited, before
        edited = edited.replace(before, after)
    new.write_text(edited, "utf-8")
    return [(f.kind, f.old, f.new, f.detail) for f in compare_files(old, new).fact_changes]


def test_a_new_signing_date_is_not_a_new_term(tmp_path):
    changes = _fact_changes(tmp_path, [("November 20, 2026", "December 4, 2026")])
    assert changes == [("signing", "2026-11-20", "2026-12-04", "signature date")]


def test_a_term_from_the_signature_stays_the_same_term(tmp_path):
    tied = FACTS_DRAFT.replace(
        "for a term of five years beginning on January 1, 2027",
        "for five years from the date of its signature",
    )
    changes = _fact_changes(tmp_path, [("November 20, 2026", "December 4, 2026")], tied)
    assert [kind for kind, *_ in changes] == ["signing"]


def test_a_new_start_of_the_term_is_a_term_change(tmp_path):
    changes = _fact_changes(tmp_path, [("January 1, 2027", "July 1, 2027")])
    assert ("term", "2027-01-01", "2027-07-01", "term starts") in changes
    assert not [c for c in changes if c[0] == "signing"]


def test_objectives_removed_are_reported_and_rewording_is_not(tmp_path):
    changes = _fact_changes(
        tmp_path,
        [
            ("1. Strengthen the capacity", "1. Reinforce the capacity"),
            ("promptly referred", "swiftly referred"),
            (
                "3. Reduce the recruitment of children in border districts through community "
                "prevention.\n",
                "",
            ),
        ],
    )
    assert changes == [
        (
            "objective",
            "Reduce the recruitment of children in border districts through community prevention.",
            None,
            "objective removed",
        )
    ]


def test_programs_and_indicators_added_or_removed(tmp_path):
    changes = _fact_changes(
        tmp_path,
        [
            (
                "2. Program 2 - Protection and care of identified child victims.\n",
                "2. Program 2 - Protection and care of identified child victims.\n"
                "3. Program 3 - Prevention of online sexual exploitation in schools.\n",
            ),
            (
                "| Percentage of child victims referred to care within 48 hours | 40% |"
                " 60% | 80% |\n",
                "",
            ),
        ],
    )
    assert (
        "program",
        None,
        "Program 3 - Prevention of online sexual exploitation in schools.",
        "program added",
    ) in changes
    removed = [c for c in changes if c[0] == "indicator"]
    assert [(c[2], c[3]) for c in removed] == [(None, "indicator removed")]
    assert removed[0][1].startswith("Percentage of child victims referred to care")


# -- the word diff itself ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The United States intends to provide US$5,000,000.",
            "The United States intends to provide US$6,000,000.",
        ),
        ("Los Participantes  tienen la intención", "Los Participantes prevén"),
        ("", "Article nouveau « tout »"),
        ("a b c d e", "e d c b a"),
    ],
)
def test_word_diff_rebuilds_both_sides(old, new):
    segments = diff_words(old, new)
    assert side(segments, "new") == new
    assert side(segments, "old").split() == old.split()


# -- the Word redline ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def redline(versions, tmp_path_factory) -> tuple[Path, Path, Path]:
    """Old, new (moved, reworded and deleted at once) and the redline between them."""
    folder = tmp_path_factory.mktemp("redline")
    old = versions["cote-divoire", "original"]
    new = (
        Version(old)
        .move("responsibilities", "sustainability")
        .delete("data_management")
        .replace(*REWORDING["en"], language=0)
        .replace(*REWORDING["fr"], language=1)
        .renumber()
        .save(folder / "new.docx")
    )
    output = folder / "redline.docx"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(old),
            str(new),
            "--format",
            "docx",
            "-o",
            str(output),
            "--author",
            "Legal Office",
        ],
    )
    assert result.exit_code == 1, result.output  # differences found
    return old, new, output


def test_redline_accepts_to_new_and_rejects_to_old(redline, tmp_path):
    old, new, output = redline
    assert _texts(output) == _texts(new)  # our reader reads the accepted-all text
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(output.read_bytes()))
    assert _texts(rejected) == _texts(old)


def test_redline_changes_are_tracked_with_author_and_date(redline):
    _, _, output = redline
    document = read_document(output)
    assert document.revisions, "no tracked changes"
    assert {revision.author for revision in document.revisions} == {"Legal Office"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r.date) for r in document.revisions)
    deleted = " ".join(r.text for r in document.revisions if r.kind == "deletion")
    inserted = " ".join(r.text for r in document.revisions if r.kind == "insertion")
    assert "intend" in deleted and "plan" in inserted
    assert "intention" in deleted and "comptent" in inserted


def test_libreoffice_accepts_to_new_and_rejects_to_old(redline, tmp_path, convert_to_pdf_once):
    """LibreOffice's own Accept All / Reject All on the redline `compare` wrote (moves,
    deletions, word changes and renumbered headings in English and French)."""
    old, new, output = redline
    accepted, rejected = libreoffice_accept_and_reject(output, tmp_path)
    assert _texts(accepted) == _texts(new)
    assert _texts(rejected) == _texts(old)


def test_redline_opens_in_libreoffice(redline, tmp_path, convert_to_pdf_once):
    _, _, output = redline
    pdf = convert_to_pdf_once({"redline": output}, tmp_path)["redline"]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "plan to achieve" in " ".join(_texts(pdf))


# -- language versions --------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_faithful_translations_raise_no_mismatch(versions, version_pdfs, example):
    for path in (versions[example, "original"], version_pdfs[example, "original"]):
        assert compare_language_versions([path]).mismatches == ()


@pytest.mark.parametrize("example", EXAMPLES)
def test_injected_mismatches_are_caught(assembled, example, tmp_path):
    source = _source(assembled, example)
    _, partner_language = EXAMPLES[example]
    amount = _last_year_amounts(source, [partner_language])[0]
    digit = re.search(r"[1-8]", amount)
    bumped = amount[: digit.start()] + str(int(digit.group()) + 1) + amount[digit.end() :]
    duration = {"es": ("cuatro años", "cinco años"), "fr": ("cinq ans", "six ans")}[
        partner_language
    ]
    signed = {
        "es": ("Lima, el 15 de junio", "Lima, el 16 de junio"),
        "fr": ("Abidjan, le 15 septembre", "Abidjan, le 16 septembre"),
    }
    edited = Version(source).replace(amount, bumped, language=1)
    edited = edited.replace(*duration, language=1, times=2, limit=1)
    edited = edited.replace(*signed[partner_language], language=1).save(tmp_path / "x.docx")
    found = compare_language_versions([edited]).mismatches
    kinds = sorted((m.kind, m.article) for m in found)
    expected = [("amount", "8"), ("date", "15"), ("duration", "3")]
    assert kinds == expected, [m.message() for m in found]
    date = next(m for m in found if m.kind == "date")
    assert date.values[partner_language] == [date.values["en"][0][:-2] + "16"]
    amount_mismatch = next(m for m in found if m.kind == "amount")
    assert set(amount_mismatch.values) == {"en", partner_language}
    assert all(amount_mismatch.values.values())


def test_article_in_one_language_only(assembled, tmp_path):
    source = _source(assembled, "peru")
    version = Version(source)
    spanish_data = version.clauses("data_management")[1]
    spanish_data.getparent().remove(spanish_data)
    found = compare_language_versions([version.save(tmp_path / "one-less.docx")]).mismatches
    missing = [m for m in found if m.kind == "article_missing"]
    assert missing and missing[0].article == "10"
    assert missing[0].values == {"en": ["10"], "es": []}


def test_two_texts_of_one_draft(assembled, tmp_path):
    source = _source(assembled, "peru")
    english = Version(source).keep_language(0).save(tmp_path / "en.docx")
    spanish = Version(source).keep_language(1).save(tmp_path / "es.docx")
    assert compare_language_versions([english, spanish]).mismatches == ()
    result = CliRunner().invoke(
        main, ["compare", "--languages", str(english), str(spanish), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["languages"] == ["en", "es"] and data["mismatches"] == []


# -- the command line ---------------------------------------------------------------------


def test_json_report_shape(versions):
    old, new = versions["peru", "original"], versions["peru", "moved"]
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["summary"] == {"added": 0, "deleted": 0, "moved": 2, "modified": 0}
    change = data["changes"][0]
    assert change["kind"] == "moved"
    assert change["old"]["label"].startswith("Article 4") and change["new"]["label"].startswith(
        "Article 8"
    )
    assert {"label", "index"} <= set(change["old"]) and "diff" in change
    assert isinstance(data["fact_changes"], list)
    assert len(data["renumbered"]) == 2 * 4  # articles 5-8 moved up one place


def test_same_file_is_exit_zero(versions):
    path = versions["peru", "original"]
    result = CliRunner().invoke(main, ["compare", str(path), str(path)])
    assert result.exit_code == 0, result.output
    assert "no changes to the text" in result.output


def test_output_file_is_never_overwritten_without_force(versions, tmp_path):
    old, new = versions["peru", "original"], versions["peru", "reworded"]
    target = tmp_path / "report.txt"
    target.write_text("keep me")
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text() == "keep me"
    assert "--force" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-old.docx", "missing-new.docx"], "missing-old.docx"),
        (["only-one.docx"], "two files"),
    ],
)
def test_bad_invocations_get_one_line(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["compare", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_docx_format_needs_an_output_file(versions):
    path = versions["peru", "original"]
    result = CliRunner().invoke(main, ["compare", str(path), str(path), "--format", "docx"])
    assert result.exit_code == 2
    assert "-o" in result.output


def test_languages_needs_two_languages(versions, tmp_path):
    english = Version(versions["peru", "original"]).keep_language(0).save(tmp_path / "en.docx")
    result = CliRunner().invoke(main, ["compare", "--languages", str(english)])
    assert result.exit_code == 2
    assert "one language" in result.output


def test_bundled_version_example(tmp_path):
    """examples/versions/peru-v2.yaml against peru.yaml, as examples/README.md runs it."""
    runner = CliRunner()
    root = Path(__file__).resolve().parent.parent
    paths = []
    for name, spec in (("v1", "examples/peru.yaml"), ("v2", "examples/versions/peru-v2.yaml")):
        target = tmp_path / f"{name}.docx"
        result = runner.invoke(main, ["assemble", str(root / spec), "-o", str(target)])
        assert result.exit_code == 0, result.output
        paths.append(str(target))
    result = runner.invoke(main, ["compare", *paths, "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    modified = sorted((c["language"], c["new"]["title"]) for c in data["changes"])
    assert modified == [
        ("en", "Multi-Year Financial Plan"),
        ("en", "Outcome Indicators"),
        ("en", "Sustainability"),
        ("es", "Indicadores de resultados"),
        ("es", "Plan financiero plurianual"),
        ("es", "Sostenibilidad"),
    ]
    facts = sorted((f["kind"], f["old"], f["new"]) for f in data["fact_changes"])
    assert [kind for kind, _, _ in facts] == ["contribution", "contribution", "indicator"]
    assert facts[2][1:] == ("70, 85, 100, 115", "70, 85, 100, 120")
    assert {f[1].split(" (")[0] for f in facts[:2]} == {"PEN 2,300,000"}


def test_markdown_against_word(versions, tmp_path):
    """A text reply (the Markdown preview, edited) against our .docx."""
    root = Path(__file__).resolve().parent.parent
    preview = tmp_path / "peru.md"
    result = CliRunner().invoke(
        main,
        [
            "assemble",
            str(root / "examples/peru.yaml"),
            "-o",
            str(preview),
            "--layout",
            "sequential",
        ],
    )
    assert result.exit_code == 0, result.output
    original = versions["peru", "original"]
    assert compare_versions(read_document(original), read_document(preview)).changes == ()
    edited = tmp_path / "peru-edited.md"
    edited.write_text(preview.read_text("utf-8").replace(*REWORDING["en"], 1), "utf-8")
    comparison = compare_versions(read_document(original), read_document(edited))
    assert _kinds(comparison) == _expected("peru", "reworded")[:1]


def test_redline_never_loads_spacy(versions, tmp_path):
    """A redline shows the text: no facts, so the NLP stack stays unloaded (fast)."""
    old, new = versions["peru", "original"], versions["peru", "reworded"]
    output = tmp_path / "redline.docx"
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cpc_draft.cli import main\n"
        f"args = ['compare', {str(old)!r}, {str(new)!r}, '--format', 'docx', '-o', "
        f"{str(output)!r}]\n"
        "result = CliRunner().invoke(main, args)\n"
        "assert result.exit_code == 1, result.output\n"
        "print('spacy' in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "False\n"
    assert output.exists()


def test_an_indicator_change_names_the_indicator_not_its_figures(tmp_path):
    """'target 2030 of: share of … within 48 hours: 85% → 75%', not the whole line with
    both versions' figures in the name."""
    line = (
        "- share of child victims referred to care within 48 hours: from 35% in 2025 to {} by 2030;"
    )
    text = "Section 6. Indicators\n\nProgress will be measured with the following indicators:\n{}\n"
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(text.format(line.format("85%")), "utf-8")
    new.write_text(text.format(line.format("75%")), "utf-8")
    result = CliRunner().invoke(main, ["compare", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert (
        "target 2030 of: share of child victims referred to care within 48 hours: 85% → 75%"
        in result.output
    )


def test_paragraphs_numbered_after_their_clause_are_renumbered_with_it(tmp_path):
    """Deleting Clause 2 renumbers Clause 3 as Clause 2, and its paragraphs "3.1", "3.2"
    as "2.1", "2.2" (Word's numbering does that by itself): not a modification."""
    clauses = [
        ("Objectives", ["The Participants intend to protect children.", "They will report."]),
        ("Review", ["An independent review will take place in 2028."]),
        ("Sustainability", ["The Government will fund the shelters.", "Training continues."]),
    ]

    def write(name, kept):
        lines = []
        for number, (title, paragraphs) in enumerate(kept, start=1):
            lines += [f"Clause {number} — {title}", ""]
            lines += [f"{number}.{i} {text}\n" for i, text in enumerate(paragraphs, start=1)]
        path = tmp_path / name
        path.write_text("\n".join(lines), "utf-8")
        return path

    old, new = write("v1.txt", clauses), write("v2.txt", [clauses[0], clauses[2]])
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--format", "json"])
    data = json.loads(result.output)
    assert [(c["kind"], c["old"]["label"]) for c in data["changes"]] == [
        ("deleted", "Clause 2 (Review)")
    ]
    assert [(r["old"], r["new"]) for r in data["renumbered"]] == [
        ("Clause 3 (Sustainability)", "Clause 2 (Sustainability)")
    ]
