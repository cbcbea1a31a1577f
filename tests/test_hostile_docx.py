"""Hostile and broken .docx files: one clear InputFileError each, bounded cost, no leaks.

The zip bomb inflates to 4 GiB from ~4 MB; python-docx alone would spend minutes and
gigabytes on it. The subprocess tests run the reader under a 1 GiB address-space limit
with a 30 s timeout (a hang guard, not a speed assertion).
"""

from __future__ import annotations

import json
import random
import resource
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_factory import (
    document_xml,
    make_bomb,
    make_docx,
    p,
    patch_zip,
    python_docx_bytes,
    sdt,
    zip_with,
)
from lxml import etree

from cpc_draft.errors import InputFileError
from cpc_draft.readers import read_document
from cpc_draft.readers.docx import Limits, open_package, read_docx

DAMAGED = "is not a valid .docx (damaged zip: "
DTD = "word/document.xml contains a DTD (XML entity declarations are refused)"
SECRET = "TOP-SECRET-7f3a9c"


def refusal(path: Path, reader=read_docx) -> str:
    with pytest.raises(InputFileError) as caught:
        reader(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message and "Traceback" not in message
    return message.removeprefix(f"{path}: ")


@pytest.fixture
def valid(tmp_path) -> Path:
    return make_docx(tmp_path / "valid.docx", p("The Participants intend to cooperate."))


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = make_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", 4 << 30)
    assert path.stat().st_size < 6_000_000
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").file_size == 4 << 30
    return path


def billion_laughs(levels: int = 10) -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    )
    return f"<!DOCTYPE w:document [{entities}]>"


def external_entity(secret_file: Path) -> str:
    return f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "{secret_file.as_uri()}">]>'


def deeply_nested(depth: int = 100_000) -> str:
    """``depth`` nested content controls, each with its own id as Word writes them (which
    also keeps the part from compressing past the zip-bomb ratio)."""
    opening = "".join(
        f'<w:sdt><w:sdtPr><w:id w:val="{number * 7919 % 1_000_003}"/></w:sdtPr><w:sdtContent>'
        for number in range(depth)
    )
    return document_xml(opening + p("deep") + "</w:sdtContent></w:sdt>" * depth)


# -- broken files ----------------------------------------------------------------------------


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert refusal(path, read_document) == "is empty (0 bytes)"
    assert refusal(path) == DAMAGED + "File is not a zip file)"


def test_truncated_zip(tmp_path, valid):
    path = tmp_path / "truncated.docx"
    path.write_bytes(valid.read_bytes()[: valid.stat().st_size // 2])
    assert refusal(path, read_document) == DAMAGED + "File is not a zip file)"


def test_corrupted_part_data(tmp_path, valid):
    data = bytearray(valid.read_bytes())
    with zipfile.ZipFile(valid) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    data[start : start + 40] = b"\xff" * 40
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    assert refusal(path, read_document).startswith(DAMAGED)


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("Dear colleagues,\nplease find the draft attached.\n", "utf-8")
    # read_document decides by content (it is text); the Word reader itself refuses it
    assert refusal(path) == DAMAGED + "File is not a zip file)"


def test_zip_without_document_part(tmp_path):
    path = zip_with(tmp_path / "other.docx", {"hello.txt": "hi", "xl/workbook.xml": "<w/>"})
    message = "is a zip file but not a Word document (no word/document.xml)"
    assert refusal(path, read_document) == message


def test_python_docx_package_without_document_part(tmp_path):
    path = patch_zip(python_docx_bytes(), tmp_path / "gutted.docx", drop=("word/document.xml",))
    assert refusal(path) == "is a zip file but not a Word document (no word/document.xml)"


def test_malformed_xml(tmp_path, valid):
    broken = document_xml("<w:p><w:r><w:t>unclosed</w:r></w:p>")
    path = patch_zip(valid, tmp_path / "malformed.docx", {"word/document.xml": broken})
    assert refusal(path, read_document) == "word/document.xml is not well-formed XML (line 2)"


def test_not_wordprocessingml(tmp_path, valid):
    path = patch_zip(valid, tmp_path / "svg.docx", {"word/document.xml": "<svg/>"})
    assert refusal(path) == "word/document.xml is not a WordprocessingML document"


# -- zip bombs ------------------------------------------------------------------------------


def test_zip_bomb_refused_from_its_declared_size(bomb):
    assert refusal(bomb, read_document) == (
        "word/document.xml would inflate to 4,294,967,296 bytes; the limit is 50,000,000 "
        "(a zip bomb?)"
    )


def test_small_bomb_refused_by_compression_ratio(tmp_path, valid):
    filler = "<w:p/>" * 2_000_000  # 12 MB that deflates ~1000:1
    path = patch_zip(valid, tmp_path / "ratio.docx", {"word/document.xml": document_xml(filler)})
    message = refusal(path)
    assert message.startswith("word/document.xml is compressed ")
    assert message.endswith(":1; the limit is 100:1 (a zip bomb?)")


def test_lying_declared_size_is_caught_while_reading(tmp_path, valid):
    """The central directory claims 40 kB; the stream holds 3 MB. The bounded read stops
    and the CRC check fails instead of inflating whatever the stream holds."""
    body = p("x" * 3_000_000)
    path = patch_zip(valid, tmp_path / "liar.docx", {"word/document.xml": document_xml(body)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("word/document.xml")
    assert info.compress_size < 40_000 < info.file_size
    directory = _central_entry(data, "word/document.xml")
    struct.pack_into("<I", data, directory + 24, 40_000)  # uncompressed size
    path.write_bytes(bytes(data))
    message = refusal(path)
    assert message.startswith(DAMAGED) and "CRC" in message


def _central_entry(data: bytearray, name: str) -> int:
    offset = data.find(b"PK\x01\x02")
    while offset >= 0:
        length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + length].decode() == name:
            return offset
        offset = data.find(b"PK\x01\x02", offset + 4)
    raise AssertionError(name)


def test_encrypted_zip_member(tmp_path, valid):
    data = bytearray(valid.read_bytes())
    entry = _central_entry(data, "word/document.xml")
    flags = struct.unpack_from("<H", data, entry + 8)[0]
    struct.pack_into("<H", data, entry + 8, flags | 1)  # "encrypted"
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))
    assert refusal(path) == (
        "word/document.xml is encrypted (a password-protected zip, not a Word document)"
    )


def test_too_many_zip_entries(tmp_path):
    path = tmp_path / "entries.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"media/{number}", b"")
    assert refusal(path).startswith("is a zip of 10,001 entries")


# -- XML attacks ----------------------------------------------------------------------------


def test_billion_laughs(tmp_path, valid):
    xml = document_xml(p("&lol9;"), prolog=billion_laughs())
    path = patch_zip(valid, tmp_path / "laughs.docx", {"word/document.xml": xml})
    assert refusal(path, read_document) == DTD


def test_external_entity_never_leaks(tmp_path, valid):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = document_xml(p("&leak;"), prolog=external_entity(secret))
    path = patch_zip(valid, tmp_path / "xxe.docx", {"word/document.xml": xml})
    message = refusal(path, read_document)
    assert message == DTD
    assert SECRET not in message


def test_dtd_in_utf32_is_caught_by_the_parser_check(tmp_path, valid):
    """UTF-32 hides "<!DOCTYPE" from the byte scan; the parsed document's DTD gives it away,
    and the entity was never resolved meanwhile."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = document_xml(p("&leak;"), prolog=external_entity(secret))
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32")
    path = patch_zip(valid, tmp_path / "xxe32.docx", {"word/document.xml": xml})
    message = refusal(path)
    assert message == DTD and SECRET not in message


def test_dtd_in_another_part_is_refused_too(tmp_path):
    body = p("Body")
    laughs = billion_laughs().replace("w:document", "Properties")
    custom = (
        f'<?xml version="1.0"?>{laughs}<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties"/>'
    )
    path = make_docx(tmp_path / "props.docx", body, properties={})
    path = patch_zip(path, tmp_path / "props-dtd.docx", {"docProps/custom.xml": custom})
    assert (
        refusal(path) == "docProps/custom.xml contains a DTD (XML entity declarations are refused)"
    )


def test_the_parser_itself_never_resolves_entities(tmp_path):
    """Defence in depth: even without the DTD refusal, the parser settings keep local files
    out of the tree."""
    from cpc_draft.readers.docx.safexml import hardened_parser

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = f'<?xml version="1.0"?>{external_entity(secret)}<w:document>&leak;</w:document>'
    xml = xml.replace("<w:document>", '<w:document xmlns:w="urn:w">')
    root = etree.fromstring(xml.encode(), hardened_parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")


def test_hundred_thousand_nested_content_controls(tmp_path, valid):
    path = patch_zip(valid, tmp_path / "deep.docx", {"word/document.xml": deeply_nested()})
    assert refusal(path, read_document) == (
        "word/document.xml nests XML elements more than 256 levels deep; refused"
    )


def test_nesting_within_the_parser_limit_is_still_bounded(tmp_path):
    body = p("shallow")
    for _ in range(100):  # 200 XML levels: libxml2 accepts it, the reader does not
        body = sdt(body)
    path = make_docx(tmp_path / "nested.docx", body)
    assert refusal(path) == (
        "nests tables, content controls or text boxes more than 64 levels deep; refused"
    )


def test_markup_flood_is_refused_before_parsing(tmp_path, valid):
    body = "".join(p(f"{number}") for number in range(2_000))
    path = patch_zip(valid, tmp_path / "flood.docx", {"word/document.xml": document_xml(body)})
    with open_package(path, Limits(markup=5_000)) as package, pytest.raises(InputFileError) as e:
        package.xml("word/document.xml")
    assert "word/document.xml is too large to read safely (" in str(e.value)
    assert "the limit is 5,000)" in str(e.value)
    assert read_docx(path).blocks[-1].text == "1999"  # the default limit reads it


# -- bounded cost, as the user runs it -------------------------------------------------------

_READ = """
import sys
from pathlib import Path
from cpc_draft.errors import InputFileError
from cpc_draft.readers import read_document
try:
    read_document(Path(sys.argv[1]))
except InputFileError as error:
    print(error)
    sys.exit(2)
print("read without error")
"""


def _one_gigabyte() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _read_bounded(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        preexec_fn=_one_gigabyte,
        capture_output=True,
        text=True,
        timeout=30,  # a hang guard, not a speed assertion
        check=False,
    )


def _flood(path: Path, valid: Path) -> Path:
    """12 million empty elements (48 MB) with random one-letter names: it compresses ~8:1
    (no ratio alarm) and stays under the 50 MB part limit, but parsed it would take
    ~1.5 GB. Built with slice assignment, in well under a second."""
    import random

    count = 12_000_000
    letters = random.Random(7).randbytes(count).translate(bytes(97 + n % 16 for n in range(256)))
    markup = bytearray(4 * count)
    markup[0::4], markup[1::4] = b"<" * count, letters
    markup[2::4], markup[3::4] = b"/" * count, b">" * count
    head, tail = document_xml("BODY").encode("utf-8").split(b"BODY")
    return patch_zip(valid, path, {"word/document.xml": head + bytes(markup) + tail}, level=1)


@pytest.mark.parametrize("case", ["bomb", "laughs", "deep", "flood"])
def test_bounded_memory_and_time_in_a_subprocess(case, bomb, valid, tmp_path):
    if case == "bomb":
        path, expected = bomb, "would inflate to 4,294,967,296 bytes"
    elif case == "laughs":
        xml = document_xml(p("&lol9;"), prolog=billion_laughs())
        path = patch_zip(valid, tmp_path / "laughs.docx", {"word/document.xml": xml})
        expected = DTD
    elif case == "deep":
        path = patch_zip(valid, tmp_path / "deep.docx", {"word/document.xml": deeply_nested()})
        expected = "nests XML elements more than 256 levels deep"
    else:
        path, expected = _flood(tmp_path / "flood.docx", valid), "too large to read safely"
    completed = _read_bounded(path)
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert completed.stdout.startswith(f"{path}: ")
    assert expected in completed.stdout
    assert "Traceback" not in completed.stderr


# -- the command line ------------------------------------------------------------------------


def _cli():
    from cpc_draft.cli import main

    if "extract" not in main.commands:  # pragma: no cover - until the command exists
        pytest.skip("cpc-draft extract is not available")
    return main


def test_cli_reports_a_bomb_in_one_line(bomb):
    result = CliRunner().invoke(_cli(), ["extract", str(bomb)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"cpc-draft: error: {bomb}: word/document.xml would inflate to 4,294,967,296 bytes; "
        "the limit is 50,000,000 (a zip bomb?)\n"
    )
    assert result.stdout == ""


def test_cli_reports_an_external_entity_without_leaking(tmp_path, valid):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, "utf-8")
    xml = document_xml(p("&leak;"), prolog=external_entity(secret))
    path = patch_zip(valid, tmp_path / "xxe.docx", {"word/document.xml": xml})
    result = CliRunner().invoke(_cli(), ["extract", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr == f"cpc-draft: error: {path}: {DTD}\n"
    assert SECRET not in result.output


# -- Word files that amplify as they are read --------------------------------------------------

_WORDS = ("child", "protection", "shelter", "program", "case", "data", "law", "partner")


def _words(characters: int, seed: int = 3) -> str:
    """Random words (they compress ~3:1: no zip-bomb alarm), about ``characters`` long."""
    pick = random.Random(seed).choice
    out, size = [], 0
    while size < characters:
        out.append(pick(_WORDS))
        size += len(out[-1]) + 1
    return " ".join(out)


def _nested_insertions(depth: int, text: str) -> str:
    opening = "".join(
        f'<w:ins w:id="{number}" w:author="Ana" w:date="2024-03-01T10:00:00Z">'
        for number in range(depth)
    )
    return p(opening + f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' + "</w:ins>" * depth)


def _numbering(level_text: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{level_text} %1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def _numbered_paragraphs(count: int) -> str:
    words = _words(12 * count).split()
    numbering = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return "".join(
        f"<w:p>{numbering}<w:r><w:t>{words[i]} {i}</w:t></w:r></w:p>" for i in range(count)
    )


def _extract_bounded(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", "extract", "--format", "json", str(path)],
        preexec_fn=_one_gigabyte,
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard, not a speed assertion
        check=False,
    )


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("insertions nested deep", "nests tracked insertions more than 8 levels deep; refused"),
        ("insertions kept per level", "would produce more than 8,000,000 characters of text"),
        ("a huge list level text", "word/numbering.xml: a list level's number text is 1,000,"),
        ("list numbers on every paragraph", "would produce more than 8,000,000 characters"),
    ],
)
def test_reading_that_amplifies_is_refused_early_in_one_line(case, expected, tmp_path):
    path = tmp_path / "amplifies.docx"
    if case == "insertions nested deep":  # each level would keep the text again
        make_docx(path, _nested_insertions(240, _words(100_000)))
    elif case == "insertions kept per level":  # 9 copies of a megabyte
        make_docx(path, _nested_insertions(8, _words(1_000_000)))
    elif case == "a huge list level text":
        make_docx(path, p("x"), parts={"word/numbering.xml": _numbering(_words(1_000_000))})
    else:  # a label of 1,000 characters (allowed) on 8,500 paragraphs
        numbering = {"word/numbering.xml": _numbering(_words(995)[:990])}
        make_docx(path, _numbered_paragraphs(8_500), parts=numbering)
    completed = _extract_bounded(path)
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith(f"cpc-draft: error: {path}: ")
    assert completed.stderr.count("\n") == 1
    assert expected in completed.stderr


def test_a_paragraph_of_over_a_million_characters_is_read_in_paragraphs(tmp_path):
    text = _words(1_200_000)
    path = make_docx(tmp_path / "long.docx", p("Article 1") + p(text))
    completed = _extract_bounded(path)
    assert completed.returncode == 0, completed.stderr[-2000:]
    read = json.loads(completed.stdout)
    assert any(
        "block 1 holds 1,200,0" in w and "without a paragraph break" in w for w in read["warnings"]
    )
    pieces = [block["text"] for block in read["blocks"][1:]]
    assert len(pieces) > 1 and " ".join(pieces) == text  # cut at spaces, nothing lost


def test_word_text_is_read_as_displayed(tmp_path):
    stored = "US$\u202e000,000,5\u202c and US$1,\u200b000,000\u00b9 over five years."
    path = make_docx(tmp_path / "tricks.docx", p("Article 1") + p(stored))
    document = read_document(path)
    assert document.blocks[1].text == "US$5,000,000 and US$1,000,000 over five years."
    assert any("zero width space U+200B ×1" in w for w in document.warnings)
    assert any("read as displayed: “5,000,000”" in w for w in document.warnings)
