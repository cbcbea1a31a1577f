"""Text and Markdown drafts, file-type sniffing, and language identification."""

from __future__ import annotations

import codecs

import pytest

from cpc_draft.errors import InputFileError
from cpc_draft.readers import read_document, sniff
from cpc_draft.text.langid import identify

SPANISH = "Los Participantes tienen la intención de alcanzar los objetivos de la Alianza."
FRENCH = "Les Participants ont l'intention d'atteindre les objectifs du présent Partenariat."
ENGLISH = "The Participants intend to achieve the objectives of this Partnership."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
    ],
)
def test_encodings_keep_accents(tmp_path, encoding, prefix):
    path = tmp_path / "draft.txt"
    path.write_bytes(prefix + f"{FRENCH}\n\nNiñas y niños: «{SPANISH}»\n".encode(encoding))
    document = read_document(path)
    assert document.blocks[0].text == FRENCH
    assert "Niñas y niños" in document.blocks[1].text
    assert ("not UTF-8" in " ".join(document.warnings)) == (encoding == "cp1252")


def test_markdown_structure(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(
        "# Title of the compact\n\nArticle 3\nObjectives\n\n"
        f"{ENGLISH}\nIt continues on a second line.\n\n1. First objective.\n(b) Second one.\n\n"
        "| Year | United States (USD) |\n|---|---|\n| 2022 | US$1,000,000 |\n\n"
        "Artículo 3\nObjetivos\n\n"
        f"{SPANISH}\n",
        "utf-8",
    )
    blocks = read_document(path).blocks
    assert [(b.kind, b.text) for b in blocks[:4]] == [
        ("heading", "Title of the compact"),
        ("heading", "Article 3"),
        ("heading", "Objectives"),
        ("paragraph", f"{ENGLISH} It continues on a second line."),
    ]
    assert [b.kind for b in blocks[4:6]] == ["item", "item"]
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [b.cells for b in rows] == [("Year", "United States (USD)"), ("2022", "US$1,000,000")]
    assert [b.row for b in rows] == [0, 1]
    spanish_heading = next(b for b in blocks if b.text == "Artículo 3")
    assert spanish_heading.language == "es"  # a heading takes the language of what follows
    assert blocks[1].language == "en"
    assert [b.index for b in blocks] == list(range(len(blocks)))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH, "en"),
        (SPANISH, "es"),
        (FRENCH, "fr"),
        ("US$5,000,000", None),
        ("Total", None),
        ("Número de niñas, niños y adolescentes identificados", "es"),
        ("Nombre d'enfants victimes identifiés et orientés vers des services", "fr"),
    ],
)
def test_identify(text, language):
    assert identify(text) == language


def test_document_languages_by_share(tmp_path):
    path = tmp_path / "bilingual.txt"
    path.write_text("\n\n".join([ENGLISH, SPANISH, ENGLISH, SPANISH, "2022"]), "utf-8")
    document = read_document(path)
    assert set(document.languages) == {"en", "es"}
    assert [b.language for b in document.blocks] == ["en", "es", "en", "es", "es"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty (0 bytes)"),
        ("random.bin", bytes(range(256)) * 4, "is not a PDF, Word (.docx) or text file"),
        ("blank.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not a Word document"),
    ],
)
def test_unreadable_inputs(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    assert message in str(caught.value)


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(InputFileError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.parametrize(("suffix", "claimed"), [(".pdf", "PDF"), (".docx", "Word")])
def test_text_named_pdf_or_docx_is_refused(tmp_path, suffix, claimed):
    path = tmp_path / f"draft{suffix}"
    path.write_text(ENGLISH, "utf-8")
    assert sniff(path) == "text"  # the content decides what it is...
    with pytest.raises(InputFileError) as caught:
        read_document(path)  # ...and a file that lies about it gets a clear answer
    assert str(caught.value) == (
        f"{path}: is named {suffix} but holds plain text, not a {claimed} file; "
        "rename it .txt to read it as text"
    )


def test_type_comes_from_content_not_name(tmp_path):
    path = tmp_path / "draft.notes"
    path.write_text(ENGLISH, "utf-8")
    assert read_document(path).blocks[0].text == ENGLISH


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("DRAFT v3 – Embassy text for discussion", "Draft text v3 (as negotiated)"),
        ("BORRADOR – Documento de trabajo", "Borrador para discusión – no circular"),
        ("PROJET – version du 3 mars 2027", "Projet de protocole – document de travail"),
    ],
)
def test_draft_stamps_opening_and_closing_a_text_are_its_header_and_footer(tmp_path, first, last):
    """A text export keeps the stamp a Word draft has on every page: first and last, it
    is the header and footer, as the Word and PDF forms of the draft have it."""
    path = tmp_path / "stamped.txt"
    path.write_text(f"{first}\n\n{ENGLISH}\n\nArticle 1. Objectives\n\n{ENGLISH}\n\n{last}\n")
    document = read_document(path)
    assert document.headers == (first,)
    assert document.footers == (last,)
    assert document.blocks[0].text == ENGLISH
    assert document.blocks[-1].text == ENGLISH


def test_a_title_or_a_sentence_about_the_draft_is_not_a_stamp(tmp_path):
    title = "PROJET D'ACCORD ENTRE LES ÉTATS-UNIS ET LA RÉPUBLIQUE DE NORLANDE"
    closing = "Draft texts of the annexes will be exchanged before signature."
    path = tmp_path / "titled.txt"
    path.write_text(f"{title}\n\n{ENGLISH}\n\n{closing}\n", "utf-8")
    document = read_document(path)
    assert (document.headers, document.footers) == ((), ())
    assert [b.text for b in document.blocks] == [title, ENGLISH, closing]
