"""One compact's facts written in the styles partner ministries use, in every file form.

The metamorphic tests (tests/test_format_invariance.py) check that every form of one
draft gives the same review. The drafts are written here, for these tests: a fictional
partner ("the Republic of Norland") and our own wording, in five heading styles:

- ``article``: "Article 4 – Programs and Funding", the numbers in the text;
- ``section``: "SECTION IV. PROGRAMS AND FUNDING", Roman numerals in capitals;
- ``plain``: unnumbered descriptive headings ("What we will fund");
- ``paragraphs``: no headings at all, the paragraphs numbered "1." to "18." (an MOU's
  style);
- ``clausula`` (Spanish): "CLÁUSULA QUINTA.- PROGRAMAS Y FINANCIAMIENTO", amounts
  "1.500.000";
- ``article-fr`` (French): "Article premier – Objet", "Article 5 – Programmes et
  financement", amounts "1 500 000" with narrow no-break spaces, « : » spaced.

The Spanish and French words are in tests/style_texts.py.

Each draft is a list of blocks (kind, text or cells) rendered as:

- ``txt``: headings on lines of their own, pipe tables;
- ``docx-styled``: Word's Heading 1 style, real Word tables;
- ``docx-bold``: headings as bold Normal paragraphs, no heading style at all;
- ``docx-numbered``: headings numbered by Word's list numbering (the label is not in the
  paragraph's text: "Article %1 –" is the numbering's level text);
- ``pdf`` and ``pdf-2col``: LibreOffice's PDF of the styled Word file, in one column and
  in two (a section with two text columns).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from style_texts import FRENCH, SPANISH

HEADING, PARA, ITEM, TABLE = "heading", "para", "item", "table"
STYLES = ("article", "section", "plain", "paragraphs", "clausula", "article-fr")
LANGUAGE_TEXTS = {"clausula": SPANISH, "article-fr": FRENCH}
FORMS = ("txt", "docx-styled", "docx-bold", "docx-numbered", "pdf", "pdf-2col")
COLUMN_SPACE_TWIPS = 425  # the gap between the columns of the two-column form
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

# (formal title, plain-language title) of each article, in order
_TITLES = [
    ("Purpose", "Why we are working together"),
    ("Term", "How long the Partnership lasts"),
    ("Objectives", "What we want to achieve"),
    ("Responsibilities of the Participants", "Who does what"),
    ("Programs and Funding", "What we will fund"),
    ("Outcome Indicators", "How we will measure progress"),
    ("Multi-Year Financial Plan and Oversight", "Where the money comes from"),
    ("Sustainability", "After the Partnership ends"),
    ("Child Protection Data", "Keeping records of cases"),
    ("Nature of this Partnership", "What this document is"),
]


def _articles() -> list[list[tuple]]:
    return [
        [
            (PARA, "The purpose of this Partnership is to strengthen the efforts of the "
             "Republic of Norland to prosecute child traffickers, to protect child victims "
             "and to prevent child trafficking, in the northern provinces and the capital."),
        ],
        [
            (PARA, "The Partnership is intended to cover four years, from 1 January 2026 "
             "to 31 December 2029."),
        ],
        [
            (PARA, "During the term, the Participants expect to achieve the following "
             "specific objectives:"),
            (ITEM, "(a) more investigations, prosecutions and convictions of child "
             "traffickers;"),
            (ITEM, "(b) identification of child victims and their referral to specialised "
             "care;"),
            (ITEM, "(c) community-based prevention in the northern provinces;"),
            (ITEM, "(d) a single national case registry for child trafficking cases."),
        ],
        [
            (PARA, "The Government of the Republic of Norland intends to:"),
            (ITEM, "(a) lead the implementation of the Partnership through its Ministry of "
             "Justice;"),
            (ITEM, "(b) assign twelve prosecutors to the specialised child trafficking "
             "unit;"),
            (PARA, "The Government of the United States of America, through the Department "
             "of State, intends to:"),
            (ITEM, "(a) fund the programs described in this Partnership through "
             "implementing partners;"),
            (ITEM, "(b) provide technical assistance to the specialised unit and to social "
             "workers."),
        ],
        [
            (PARA, "The Participants intend to undertake the following programs, with the "
             "funding each government intends to allocate to them:"),
            (TABLE, [
                ["Program", "United States (USD)", "Norland (USD)"],
                ["Justice for children", "1,500,000", "600,000"],
                ["Care and recovery", "2,000,000", "900,000"],
                ["Community prevention", "1,500,000", "500,000"],
            ]),
        ],
        [
            (PARA, "The Participants intend to measure progress with the following outcome "
             "indicators:"),
            (TABLE, [
                ["Indicator", "Baseline (2025)", "Target 2027", "Target 2029"],
                ["Number of child trafficking cases prosecuted", "20", "35", "50"],
                ["Percentage of child victims referred to care", "40%", "60%", "80%"],
                ["Number of community protection committees", "5", "15", "30"],
            ]),
        ],
        [
            (PARA, "The estimated contributions of the two governments are as follows:"),
            (TABLE, [
                ["Year", "United States (USD)", "Norland (USD)"],
                ["2026", "1,500,000", "500,000"],
                ["2027", "1,500,000", "500,000"],
                ["2028", "1,200,000", "500,000"],
                ["2029", "800,000", "500,000"],
                ["Total", "5,000,000", "2,000,000"],
            ]),
            (PARA, "A joint steering committee is expected to oversee the financial plan, "
             "to review quarterly financial reports and to commission an independent audit "
             "each year."),
        ],
        [
            (PARA, "To sustain progress after the Partnership expires, the Government of "
             "Norland intends to include the specialised unit and the case registry in its "
             "national budget from 2030 and to adopt a national strategy for child "
             "protection before the end of the term."),
        ],
        [
            (PARA, "The Government of Norland intends to establish a national case "
             "management system for child trafficking cases, in which each case is recorded "
             "with a unique number, tracked from identification to closure, and reported "
             "every quarter for case management and policy planning."),
        ],
        [
            (PARA, "This Partnership is a non-binding expression of the intentions of the "
             "Participants and does not create legally binding rights or obligations under "
             "international or domestic law."),
        ],
    ]  # fmt: skip


def compact_blocks(style: str) -> list[tuple]:
    """The draft in ``style``: a list of (kind, text) and (TABLE, rows)."""
    if style in LANGUAGE_TEXTS:
        return _translated_blocks(style, LANGUAGE_TEXTS[style])
    if style == "paragraphs":
        return _numbered_paragraphs(compact_blocks("article"))
    blocks: list[tuple] = [
        (HEADING, "CHILD PROTECTION COMPACT PARTNERSHIP"),
        (PARA, "The Government of the United States of America and the Government of the "
         "Republic of Norland (the Participants) have reached the following understanding:"),
    ]  # fmt: skip
    for number, (titles, body) in enumerate(zip(_TITLES, _articles(), strict=True), start=1):
        blocks.append((HEADING, _heading(style, number, titles)))
        blocks += body
    blocks += [
        (PARA, "Done at Port Adler, in duplicate, on 3 March 2026, in the English language."),
        (PARA, "FOR THE GOVERNMENT OF THE UNITED STATES OF AMERICA"),
        (PARA, "FOR THE GOVERNMENT OF THE REPUBLIC OF NORLAND"),
    ]
    return blocks


def _numbered_paragraphs(blocks: list[tuple]) -> list[tuple]:
    """The draft with its article headings dropped and its paragraphs numbered in one
    run, up to the signatures; the title stays."""
    numbered: list[tuple] = [blocks[0]]
    number = 0
    for kind, content in blocks[1:]:
        if kind == HEADING:
            continue
        if kind == PARA and not content.startswith(("Done at", "FOR THE")):
            number += 1
            content = f"{number}. {content}"
        numbered.append((kind, content))
    return numbered


def _translated_blocks(style: str, texts: dict) -> list[tuple]:
    blocks: list[tuple] = [(HEADING, texts["title"]), (PARA, texts["opening"])]
    articles = zip(texts["titles"], texts["articles"], strict=True)
    for number, (title, body) in enumerate(articles, start=1):
        if style == "clausula":
            heading = f"CLÁUSULA {texts['ordinals'][number - 1]}.- {title.upper()}"
        else:
            heading = f"Article {'premier' if number == 1 else number} – {title}"
        blocks.append((HEADING, heading))
        blocks += body
    return blocks + [(PARA, line) for line in texts["closing"]]


def _heading(style: str, number: int, titles: tuple[str, str]) -> str:
    formal, plain = titles
    if style == "article":
        return f"Article {number} – {formal}"
    if style == "section":
        return f"SECTION {_ROMAN[number - 1]}. {formal.upper()}"
    return plain


def numbered_label(style: str) -> tuple[str, str] | None:
    """Word numbering for the numbered form: (format, level text), or None (plain)."""
    labels = {
        "article": ("decimal", "Article %1 –"),
        "section": ("upperRoman", "SECTION %1."),
        "article-fr": ("decimal", "Article %1 –"),  # Word writes "Article 1", not "premier"
    }
    return labels.get(style)


def strip_label(style: str, text: str) -> str:
    """A heading's title without the label that Word's numbering writes instead."""
    if style in ("article", "article-fr"):
        return text.split(" – ", 1)[1]
    if style == "section":
        return text.split(". ", 1)[1]
    return text


# -- rendering ------------------------------------------------------------------------------


def write_txt(blocks: list[tuple], path: Path) -> Path:
    lines: list[str] = []
    for kind, content in blocks:
        if kind == TABLE:
            lines += ["| " + " | ".join(row) + " |" for row in content[:1]]
            lines.append("|" + "|".join("---" for _ in content[0]) + "|")
            lines += ["| " + " | ".join(row) + " |" for row in content[1:]]
        else:
            lines.append(content)
        lines.append("")
    path.write_text("\n".join(lines), "utf-8")
    return path


def write_docx(blocks: list[tuple], path: Path, form: str, style: str) -> Path:
    document = Document()
    numbering = _add_heading_numbering(document, style) if form == "docx-numbered" else None
    for kind, content in blocks:
        if kind == TABLE:
            _table(document, content)
        elif kind == HEADING and form == "docx-bold":
            document.add_paragraph().add_run(content).bold = True
        elif kind == HEADING and numbering is not None and content != blocks[0][1]:
            paragraph = document.add_paragraph(strip_label(style, content), style="Heading 1")
            _number(paragraph, numbering)
        elif kind == HEADING:
            document.add_paragraph(content, style="Heading 1")
        else:
            document.add_paragraph(content)
    if form == "pdf-2col":
        _two_columns(document)
        _fit_tables(document, _column_width(document))
    document.save(path)
    return path


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)


def _add_heading_numbering(document, style: str) -> int | None:
    label = numbered_label(style)
    if label is None:
        return None
    number_format, level_text = label
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
        f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{level_text}"/>'
        f'<w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    )
    return 77


def _number(paragraph, num_id: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _column_width(document) -> int:
    """The width of one of two text columns, in EMU."""
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    return (text_width - Twips(COLUMN_SPACE_TWIPS)) // 2


def _fit_tables(document, width: int) -> None:
    """Tables as a word processor sets them in a two-column page: within their column
    (python-docx sizes a new table to the whole text width, wider than a column), each
    column as wide as its longest word at least, the room left shared by content (as
    Word's and LibreOffice's "autofit to contents" do)."""
    for table in document.tables:
        table.autofit = False
        texts = [[cell.text for cell in column.cells] for column in table.columns]
        shares = _autofit_shares(texts, width // Pt(1))
        for column, share in zip(table.columns, shares, strict=True):
            column.width = int(width * share)
            for cell in column.cells:
                cell.width = int(width * share)


def _autofit_shares(columns: list[list[str]], points: int) -> list[float]:
    """Each column's share of the width: its longest word and the cell's padding, plus
    the room left shared by how much longer its longest cell is (in characters of a
    9-point font, about five points wide)."""
    padding = 3  # characters: LibreOffice's default cell margins, left and right
    room = points / 5
    least = [
        padding + max(len(word) for text in texts for word in text.split()) for texts in columns
    ]
    most = [padding + max(len(text) for text in texts) for texts in columns]
    spare = max(0.0, room - sum(least))
    extra = [m - w for m, w in zip(most, least, strict=True)]
    widths = [w + spare * e / (sum(extra) or 1) for w, e in zip(least, extra, strict=True)]
    return [w / sum(widths) for w in widths]


def _two_columns(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    columns = section._sectPr.find(qn("w:cols"))
    if columns is None:
        columns = parse_xml(f"<w:cols {nsdecls('w')}/>")
        section._sectPr.append(columns)
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:space"), str(COLUMN_SPACE_TWIPS))
