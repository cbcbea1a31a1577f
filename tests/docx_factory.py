"""Small .docx files for the reader tests, made on the fly.

python-docx makes the ordinary parts (styles, numbering, settings, headers); what it
cannot make — tracked changes with authors and dates, tagged content controls, footnotes,
text boxes in mc:AlternateContent, DTDs — is written as WordprocessingML and patched
into the zip with :mod:`zipfile`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DATE = "2024-03-01T10:00:00Z"


# -- WordprocessingML fragments -------------------------------------------------------------


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", inner: str = "", properties: str = "") -> str:
    """A run: ``text`` in a w:t, or ``inner`` markup as is."""
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f"<w:r>{rpr}{t(text) if text else ''}{inner}</w:r>"


def p(*runs: str, style: str | None = None, properties: str = "") -> str:
    """A paragraph; plain strings become runs, markup (starting with "<") is kept."""
    body = "".join(run if run.startswith("<") else r(run) for run in runs)
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr += properties
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def ins(text: str, author: str = "Ana", date: str = DATE, change_id: int = 1) -> str:
    return f'<w:ins w:id="{change_id}" w:author="{author}" w:date="{date}">{r(text)}</w:ins>'


def delete(text: str, author: str = "Ben", date: str = DATE, change_id: int = 2) -> str:
    return (
        f'<w:del w:id="{change_id}" w:author="{author}" w:date="{date}">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def sdt(content: str, tag: str | None = None, alias: str | None = None) -> str:
    properties = ""
    if alias:
        properties += f'<w:alias w:val="{alias}"/>'
    if tag:
        properties += f'<w:tag w:val="{tag}"/>'
    return f"<w:sdt><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def cell(*content: str) -> str:
    return f"<w:tc><w:tcPr/>{''.join(content) or p()}</w:tc>"


def row(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def table(*rows: str) -> str:
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{"".join(rows)}</w:tbl>'


def text_table(rows: list[list[str]]) -> str:
    """A table of one-paragraph cells."""
    return table(*(row(*(cell(p(value)) for value in values)) for values in rows))


def text_box(*paragraphs: str) -> str:
    """A run holding a text box the way Word writes it: a DrawingML choice and a VML
    fallback, each with its own copy of the text."""
    content = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Box"/>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{content}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="Box"><v:textbox>'
        f"<w:txbxContent>{content}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def vml_text_box(*paragraphs: str) -> str:
    """An old-style text box: VML only."""
    return (
        '<w:r><w:pict><v:shape id="Old"><v:textbox>'
        f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )


def document_xml(body: str, prolog: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"{prolog}<w:document {NAMESPACES}><w:body>{body}"
        '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>'
    )


def part_xml(root: str, content: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:{root} {NAMESPACES}>{content}</w:{root}>"
    )


def notes_xml(kind: str, texts: list[str]) -> str:
    """footnotes.xml or endnotes.xml (kind "footnote"/"endnote") with Word's separators."""
    notes = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0">'
        f"<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    for number, text in enumerate(texts, start=1):
        reference = "<w:r><w:footnoteRef/></w:r>" if kind == "footnote" else ""
        notes += f'<w:{kind} w:id="{number}"><w:p>{reference}{r(" " + text)}</w:p></w:{kind}>'
    return part_xml(f"{kind}s", notes)


def custom_xml(properties: dict[str, str]) -> str:
    entries = "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
        f'pid="{pid}" name="{escape(name)}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{entries}</Properties>'
    )


# -- packages -------------------------------------------------------------------------------


def python_docx_bytes(document=None) -> bytes:
    buffer = io.BytesIO()
    (document or docx.Document()).save(buffer)
    return buffer.getvalue()


def patch_zip(
    source: bytes | Path,
    target: Path,
    replace: dict[str, str | bytes] | None = None,
    drop: tuple[str, ...] = (),
    level: int = 6,
) -> Path:
    """Copy a zip, replacing or adding members (``replace``) and leaving out ``drop``;
    ``level`` is the deflate level of the new members."""
    replace = {
        name: value.encode("utf-8") if isinstance(value, str) else value
        for name, value in (replace or {}).items()
    }
    data = source.read_bytes() if isinstance(source, Path) else source
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as new,
    ):
        for info in old.infolist():
            if info.filename in drop or info.filename in replace:
                continue
            new.writestr(info, old.read(info))
        for name, value in replace.items():
            new.writestr(name, value)
    return target


def make_docx(
    path: Path,
    body: str,
    *,
    headers: tuple[str, ...] = (),  # texts, or paragraph markup
    footers: tuple[str, ...] = (),
    footnotes: tuple[str, ...] = (),
    endnotes: tuple[str, ...] = (),
    properties: dict[str, str] | None = None,
    parts: dict[str, str | bytes] | None = None,
    prolog: str = "",
) -> Path:
    """A python-docx package whose body is ``body`` (WordprocessingML), with extra parts
    wired in through relationships and content types as Word would."""
    base = python_docx_bytes()
    with zipfile.ZipFile(io.BytesIO(base)) as package:
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
        root_rels = package.read("_rels/.rels").decode("utf-8")
    replace: dict[str, str | bytes] = {"word/document.xml": document_xml(body, prolog)}
    added = []
    for index, text in enumerate(headers, start=1):
        added.append((f"header{index}.xml", "header", part_xml("hdr", _paragraph(text))))
    for index, text in enumerate(footers, start=1):
        added.append((f"footer{index}.xml", "footer", part_xml("ftr", _paragraph(text))))
    if footnotes:
        added.append(("footnotes.xml", "footnotes", notes_xml("footnote", list(footnotes))))
    if endnotes:
        added.append(("endnotes.xml", "endnotes", notes_xml("endnote", list(endnotes))))
    for number, (name, kind, xml) in enumerate(added, start=100):
        replace[f"word/{name}"] = xml
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rId{number}" Type="{REL_TYPE}/{kind}" Target="{name}"/>'
            "</Relationships>",
        )
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{name}" ContentType="{CONTENT_TYPE}.{kind}+xml"/></Types>',
        )
    if properties is not None:
        replace["docProps/custom.xml"] = custom_xml(properties)
        root_rels = root_rels.replace(
            "</Relationships>",
            f'<Relationship Id="rId99" Type="{REL_TYPE}/custom-properties" '
            'Target="docProps/custom.xml"/></Relationships>',
        )
        types = types.replace(
            "</Types>",
            '<Override PartName="/docProps/custom.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        )
    replace["word/_rels/document.xml.rels"] = rels
    replace["[Content_Types].xml"] = types
    replace["_rels/.rels"] = root_rels
    replace.update(parts or {})
    return patch_zip(base, path, replace)


def _paragraph(text: str) -> str:
    return text if text.startswith("<w:p") else p(text)


def make_bomb(path: Path, inflated_bytes: int) -> Path:
    """A .docx whose document.xml is a valid document inflating to ``inflated_bytes``
    (gigabytes) while the file stays a few megabytes.

    The member is written streaming through ``ZipFile.open(…, "w", force_zip64=True)``
    in 16 MB chunks, so nothing large exists on disk or in memory. Deflating gigabytes
    takes ~6 s per GB, so identical chunks reuse one compressed block: each chunk is
    compressed after a full flush, which makes its deflate output always the same. The
    CRC is computed for real: the file is a genuine bomb for any reader that inflates it.
    """
    chunk = b"a" * (16 << 20)
    base = python_docx_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
        head = (
            document_xml("<w:p><w:r><w:t>", "").split("<w:sectPr>")[0].encode("utf-8")
        )  # an open w:t that the filler goes into
        tail = b"</w:t></w:r></w:p></w:body></w:document>"
        with target.open("word/document.xml", "w", force_zip64=True) as member:
            _reuse_compressed_chunks(member, chunk)
            member.write(head)
            written = len(head) + len(tail)
            while written + len(chunk) <= inflated_bytes:
                member.write(chunk)
                written += len(chunk)
            member.write(b"a" * (inflated_bytes - written))
            member.write(tail)
    return path


def _reuse_compressed_chunks(member, chunk: bytes) -> None:
    """Make ``member`` (a zipfile write handle) compress ``chunk`` once, then reuse it."""
    compressor = getattr(member, "_compressor", None)
    if compressor is None:  # another Python: plain (slower) compression still works
        return
    real = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    cached = real.compress(chunk) + real.flush(zlib.Z_FULL_FLUSH)

    class Reusing:
        def compress(self, data: bytes) -> bytes:
            if data is chunk:
                return cached
            return real.compress(data) + real.flush(zlib.Z_FULL_FLUSH)

        def flush(self) -> bytes:
            return real.flush()

    member._compressor = Reusing()


def zip_with(path: Path, members: dict[str, str | bytes]) -> Path:
    """A plain zip holding ``members`` and nothing else."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    return path


# A clause in each language, long enough to read as a side-by-side layout
SIDE_BY_SIDE_EN = (
    "The Participants intend to strengthen the capacity of the State and of civil society "
    "to identify child victims of trafficking, refer them to specialized services and "
    "provide them with comprehensive, trauma-informed care in every region of the country."
)
SIDE_BY_SIDE_ES = (
    "Los Participantes tienen la intención de fortalecer la capacidad del Estado y de la "
    "sociedad civil para identificar a las niñas, niños y adolescentes víctimas de trata, "
    "derivarlos a servicios especializados y brindarles atención integral en todo el país."
)
