"""A narrow table cell's lines: a word that fills its line ends there.

A word processor breaks a word inside a cell only when the word is wider than the cell;
otherwise a line that one long word fills ends with that word, and the next line starts
another. Whether the cell broke a word or wrapped between two is told from the
document's own words, counting a word's other forms: "investigation" in the body
vouches for "investigations" in a cell. Each PDF is drawn here in Courier, the cell
just wide enough for its longest word.
"""

from __future__ import annotations

from pdf_factory import Pdf, norm

from cpc_draft.readers.pdf import read_pdf


def column(letters: int) -> float:
    """A cell just wide enough for ``letters`` Courier letters at 9 pt: padding, a point."""
    return letters * 0.6 * 9 + 2 * 3 + 1


COLUMN = column(14)


def _table_pdf(tmp_path, body: str, cell: str, width: float = COLUMN):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 460, body)
    page.grid(72, top + 12, [width, 60, 60], [["Indicator", "2025", "2029"], [cell, "28", "52"]])
    return read_pdf(pdf.save(tmp_path / "narrow.pdf"))


def _cells(document) -> list[str]:
    return [norm(block.text) for block in document.blocks if block.kind == "table_row"]


def test_a_word_known_in_another_form_ends_its_line(tmp_path):
    body = "The Office will give advice on investigation methods and on opening new cases."
    cell = "Child trafficking investigations opened (number per year)"
    document = _table_pdf(tmp_path, body, cell)
    assert f"{cell} | 28 | 52" in _cells(document)


def test_an_accented_form_vouches_for_a_spanish_word(tmp_path):
    body = "La Fiscalía dará asesoría sobre cada investigación y sobre el proceso iniciado."
    cell = "Número de investigaciones iniciadas por año"
    document = _table_pdf(tmp_path, body, cell, column(15))
    assert f"{cell} | 28 | 52" in _cells(document)


def test_une_enquete_ouverte_keeps_its_space(tmp_path):
    body = "Le Ministère ouvrira une enquête pour chaque signalement reçu."
    cell = "Nombre de signalements ouverts en enquête"
    document = _table_pdf(tmp_path, body, cell, column(12))
    assert f"{cell} | 28 | 52" in _cells(document)


def test_a_word_broken_by_the_cell_is_still_joined(tmp_path):
    # "Telecommunications" is wider than the cell, which breaks it after 14 letters
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 460, "Each Ministry will report every year.")
    left, top, right, bottom = 72, 120, 72 + COLUMN, 120 + 3 * 9 * 1.25 + 6
    for x0, y0, x1, y1 in (
        (left, top, right + 60, top),
        (left, bottom, right + 60, bottom),
        (left, top, left, bottom),
        (right, top, right, bottom),
        (right + 60, top, right + 60, bottom),
    ):
        page.line(x0, y0, x1, y1)
    page.lines(left + 3, top + 3, ["Ministry of", "Telecommunicat", "ions"], 9, 9 * 1.25)
    page.lines(right + 3, top + 3, ["40 %"], 9, 9 * 1.25)
    document = read_pdf(pdf.save(tmp_path / "broken.pdf"))
    assert "Ministry of Telecommunications | 40 %" in _cells(document)
