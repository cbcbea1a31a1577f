"""Word 97-2003, RTF and OpenDocument drafts: read through LibreOffice, or refused in one
line that says what to do.

The RTF is written by the test (RTF is text: control words, groups and escapes); the OLE
files are the compound-file signature and the UTF-16 stream names a directory holds,
which is all the reader looks at before LibreOffice. Whole drafts in these formats,
made by LibreOffice from Word forms, are compared with the text form in
tests/test_format_invariance.py.
"""

from __future__ import annotations

from click.testing import CliRunner
from conftest import requires_libreoffice

from cpc_draft.cli import main
from cpc_draft.readers import read_document

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

RTF_DRAFT = rb"""{\rtf1\ansi\ansicpg1252\deff0
{\fonttbl{\f0 Times New Roman;}}
{\info{\title Draft compact}}
\pard\qc\b CHILD PROTECTION COMPACT PARTNERSHIP\b0\par
\pard Between the Government of the United States of America and the Government of the
Republic of Nor\'e9land.\par
\pard\b Article 1. Objectives\b0\par
\pard The Participants intend to strengthen the prosecution of child trafficking cases.\par
}"""


def run(*args, env=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], prog_name="cpc-draft", env=env)


@requires_libreoffice
def test_an_rtf_draft_is_read_as_its_paragraphs(tmp_path):
    path = tmp_path / "draft.rtf"
    path.write_bytes(RTF_DRAFT)
    document = read_document(path)
    texts = [" ".join(block.text.split()) for block in document.blocks]
    assert texts[0] == "CHILD PROTECTION COMPACT PARTNERSHIP"
    assert "Republic of Noréland." in texts[1]  # the \'e9 escape decoded, not shown
    assert "Article 1. Objectives" in texts
    assert not any("\\" in text or "{" in text for text in texts)  # no RTF code read as text
    assert document.warnings[0] == (
        "converted from an RTF document to .docx by LibreOffice before reading"
    )


def test_without_libreoffice_an_rtf_draft_is_refused_with_what_to_install(tmp_path):
    path = tmp_path / "draft.rtf"
    path.write_bytes(RTF_DRAFT)
    result = run("check", path, env={"PATH": str(tmp_path)})  # no soffice on this PATH
    assert result.exit_code == 2
    assert result.output == (
        f"cpc-draft: error: {path}: is an RTF document, read through LibreOffice, which is "
        "not installed (Debian: apt-get install libreoffice-writer-nogui); or save it as .docx\n"
    )


def test_a_password_protected_word_file_is_refused(tmp_path):
    path = tmp_path / "locked.docx"
    stream = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE_SIGNATURE + b"\0" * 1000 + stream + b"\0" * 2000)
    result = run("check", path)
    assert result.exit_code == 2
    assert result.output == (
        f"cpc-draft: error: {path}: is a password-protected Word file; remove its password "
        "in Word and save it\n"
    )


def test_an_office_file_that_is_not_word_is_refused(tmp_path):
    path = tmp_path / "budget.doc"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 1000 + "Workbook".encode("utf-16-le"))
    result = run("check", path)
    assert result.exit_code == 2
    assert "is an Office file but not a Word document" in result.output
    assert len(result.output.splitlines()) == 1


def test_a_stream_name_across_the_reading_chunks_is_found(tmp_path):
    from cpc_draft.readers.office import _CHUNK

    path = tmp_path / "locked.doc"
    stream = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE_SIGNATURE + b"\0" * (_CHUNK - len(OLE_SIGNATURE) - 7) + stream)
    assert "password-protected" in run("check", path).output


@requires_libreoffice
def test_a_damaged_doc_ends_in_one_line(tmp_path):
    path = tmp_path / "damaged.doc"
    stream = "WordDocument".encode("utf-16-le")
    path.write_bytes(OLE_SIGNATURE + b"\0" * 600 + stream + b"\x07" * 3000)
    result = run("check", path)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"cpc-draft: error: {path}: is a Word 97-2003 document (.doc), and LibreOffice could "
        "not convert it"
    )
    assert len(result.output.splitlines()) == 1


@requires_libreoffice
def test_a_conversion_that_runs_out_of_memory_ends_in_one_line(tmp_path, monkeypatch):
    """The converter runs under an address-space limit (a hostile file must not take the
    machine's memory); here the limit is set too low for LibreOffice to start at all."""
    from cpc_draft.readers import office

    monkeypatch.setattr(office, "CONVERSION_MEMORY", 32 << 20)
    path = tmp_path / "draft.rtf"
    path.write_bytes(RTF_DRAFT)
    result = run("check", path)
    assert result.exit_code == 2
    assert result.output.startswith(
        f"cpc-draft: error: {path}: is an RTF document, and LibreOffice could not convert it"
    )
    assert len(result.output.splitlines()) == 1
