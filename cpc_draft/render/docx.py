"""A draft as a real Word document.

- Layouts: ``sequential`` (each language's full text in turn, a page break between) and
  ``side-by-side`` (one table row per clause, a column per language, articles aligned;
  a clause's data tables are set between rows, each in its language's column, so their
  header rows repeat on each page: see :mod:`cpc_draft.render.side_by_side`).
- Provenance: each clause's text sits in a block-level content control whose tag is
  ``cpc:<clause id>@<version>`` (alias: the clause heading); the package carries a custom
  properties part with the tool version and the spec's SHA-256.
- Every run is tagged with its language so Word proofs each text in its own language.
- Numbers and article labels are literal text, not Word auto-numbering: what a reader of
  the .docx, its PDF or a plain-text extract sees is the same.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from cpc_draft.fileio.output import write_atomically
from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import ITEM, SIGNATURES, TABLE, TITLE, Block, Draft, Section
from cpc_draft.render import wordml
from cpc_draft.render.package import (
    add_custom_properties,
    insert_body,
    new_document,
    set_core_properties,
    text_width,
)
from cpc_draft.render.pages import add_page_furniture
from cpc_draft.render.side_by_side import clause_pieces, is_table, rows_of
from cpc_draft.render.tables import CELL_MARGIN, data_table
from cpc_draft.render.wordml import PLAIN, TAB_RUN, Cell, RunStyle


def write_docx(draft: Draft, path: Path, *, force: bool = False) -> None:
    document = build_document(draft)
    write_atomically(path, lambda temporary: document.save(str(temporary)), force=force)


def build_document(draft: Draft):
    # Side by side, each language gets half the page: landscape keeps a column about as
    # wide as a book page and leaves room for the indicator table's yearly targets.
    landscape = draft.layout == "side-by-side" and len(draft.languages) > 1
    document = new_document(landscape=landscape)
    builder = _BodyBuilder(text_width(landscape=landscape))
    # One language has nothing to put beside it: side by side is then the sequential body.
    side_by_side = draft.layout == "side-by-side" and len(draft.languages) > 1
    markup = builder.side_by_side(draft) if side_by_side else builder.sequential(draft)
    insert_body(document, markup)
    add_page_furniture(document, draft, text_width(landscape=landscape))
    set_core_properties(document, draft)
    add_custom_properties(document, draft.properties)
    return document


CELL_PADDING = 216  # Word's default left + right cell margins
HANGING_INDENT = 567  # 1 cm: list labels hang in the margin of their text
MISSING_STYLE = RunStyle(bold=True, color="C00000", highlight="yellow")


class _BodyBuilder:
    """The document body as WordprocessingML, one content control per clause and language."""

    def __init__(self, text_width: int) -> None:
        self.control_ids = itertools.count(1)
        self.text_width = text_width

    def sequential(self, draft: Draft) -> str:
        parts = []
        for index, language in enumerate(draft.languages):
            if index:
                parts.append(wordml.page_break())
            for position, section in enumerate(draft.sections):
                # The last paragraph before "Done at …" joins it on the signature page,
                # so that page carries text of the compact, not the signatures alone.
                following = draft.sections[position + 1 : position + 2]
                lead_in = bool(following) and following[0].kind == "closing"
                parts.append(
                    self.clause(section, language, self.text_width, False, lead_in=lead_in)
                )
        return "".join(parts)

    def side_by_side(self, draft: Draft) -> str:
        """One layout row per clause, a column per language. A clause's data tables leave
        the layout: Word repeats no header row of a nested table, so each language's
        table is set in its column after the text before it, and the layout resumes
        after."""
        columns = len(draft.languages)
        width = self.text_width // columns
        parts, rows, unsplittable = [], [], set()

        def end_layout() -> None:
            if rows:
                parts.append(
                    wordml.table(
                        rows,
                        [width] * columns,
                        grid=False,
                        unsplittable_rows=frozenset(unsplittable),
                        centered=True,
                    )
                )
            rows.clear()
            unsplittable.clear()

        for group in rows_of(draft.sections):
            pieces = clause_pieces(group[0], draft.languages) if len(group) == 1 else None
            if pieces is None:
                if group[0].kind in ("title", "closing", "signatures"):
                    unsplittable.add(len(rows))
                rows.append(self._layout_row(group, draft.languages, width, None))
                continue
            for start, end in pieces:
                if end - start == 1 and is_table(group[0], draft.languages[0], start):
                    end_layout()
                    parts += [
                        self.column_table(group[0], code, start, column * width, width)
                        for column, code in enumerate(draft.languages)
                    ]
                else:
                    rows.append(self._layout_row(group, draft.languages, width, (start, end)))
        end_layout()
        return "".join(parts)

    def _layout_row(self, group, languages, width: int, blocks) -> list[Cell]:
        # A cell must end with a paragraph; ours ends with the content control.
        return [
            Cell(
                "".join(
                    self.clause(
                        section, language, width - CELL_PADDING, True, column, blocks=blocks
                    )
                    for section in group
                )
                + _SPACER,
                width,
            )
            for column, language in enumerate(languages)
        ]

    def column_table(
        self, section: Section, language: str, index: int, left: int, width: int
    ) -> str:
        """A clause's data table in its language's column (``left`` twips from the margin,
        ``width`` wide), but outside the layout table, in a content control of its clause.
        Each language's table stands below the one before, in its own column: a reader of
        the page (or of its PDF) still finds each language in its column. The spacer in
        front: LibreOffice drops the bold of the first run of a table that opens a content
        control; the gap after keeps the next table from joining it."""
        block = section.texts[language].blocks[index]
        # Inside the text of the layout's cell, whether the application puts the table's
        # border (Word) or its cells' text (LibreOffice) at the indent: the white between
        # the columns stays clear of the tables, as a PDF reader needs to find columns.
        indent = left + CELL_PADDING // 2 + CELL_MARGIN
        inner = width - CELL_PADDING - CELL_MARGIN
        table = data_table(block, language, inner, small=True, indent=indent)
        return wordml.content_control(
            next(self.control_ids), section.tag, _alias(section, language), _SPACER + table + _GAP
        )

    def clause(
        self,
        section: Section,
        language: str,
        width: int,
        in_cell: bool,
        column: int = 0,
        *,
        lead_in: bool = False,
        blocks: tuple[int, int] | None = None,
    ) -> str:
        """A clause in a content control; ``blocks`` (start, end) sets only those blocks,
        with the label and title only in front of the first."""
        text = section.texts[language]
        start, end = blocks or (0, len(text.blocks))
        parts = []
        # Label and title are two paragraphs, not one with a line break: LibreOffice drops
        # a <w:br/> inside a block-level content control ("Article 1Purpose"). The label is
        # a Heading 1 and the title a Heading 2, so Word's navigation pane lists the
        # articles with their titles beneath; side by side, only the first column's.
        for index, line in enumerate((text.label, text.heading)):
            if line and not start:
                parts.append(
                    wordml.paragraph(
                        [wordml.run(line, language)],
                        style="Heading2" if index or not text.label else "Heading1",
                        align="center",
                        space_before=0 if index and text.label else None,
                        # keep-with-next inside a table row makes rows refuse to split
                        keep_next=False if in_cell else None,
                        outline_level=9 if column else None,
                    )
                )
        last = len(text.blocks) - 1
        parts += [
            self.block(block, section, language, width, in_cell, keep=lead_in and index == last)
            for index, block in enumerate(text.blocks)
            if start <= index < end
        ]
        content = "".join(parts) or _SPACER
        return wordml.content_control(
            next(self.control_ids), section.tag, _alias(section, language), content
        )

    def block(
        self,
        block: Block,
        section: Section,
        language: str,
        width: int,
        in_cell: bool,
        *,
        keep: bool = False,
    ) -> str:
        style = MISSING_STYLE if block.is_missing else PLAIN
        if block.kind == TITLE:
            return wordml.paragraph(
                [wordml.run(block.text, language)], style="Title", align="center"
            )
        if block.kind == ITEM:
            runs = [
                wordml.run(block.label, language),
                TAB_RUN,
                *text_runs(block.text, language, style),
            ]
            return wordml.paragraph(runs, hanging_twips=HANGING_INDENT)
        if block.kind == TABLE:
            return data_table(block, language, width, small=in_cell) + _GAP
        if block.kind == SIGNATURES:
            return _signatures(section.signatories[language], language, width, stacked=in_cell)
        # "Done at …" stays on the page of the signatures that follow it.
        closing = (keep or section.kind == "closing") and not in_cell
        return wordml.paragraph(
            text_runs(block.text, language, style),
            align="both",
            keep_next=True if closing else None,
            keep_lines=closing,
        )


def _alias(section: Section, language: str) -> str:
    """A clause's content control name: its label and title, or its id."""
    text = section.texts[language]
    return " ".join(part for part in (text.label, text.heading) if part) or section.clause_id


def text_runs(text: str, language: str, style: RunStyle) -> list[str]:
    """Runs of ``text``, the language's ordinal suffixes raised ("1er" in French)."""
    pattern = _superscript(language)
    if pattern is None:
        return [wordml.run(text, language, style)]
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces += [(text[start : match.start()], style), (match.group(), raised(style))]
        start = match.end()
    pieces.append((text[start:], style))
    return [wordml.run(piece, language, look) for piece, look in pieces if piece]


def raised(style: RunStyle) -> RunStyle:
    return replace(style, superscript=True)


@cache
def _superscript(language: str) -> re.Pattern | None:
    entry = resources.files("cpc_draft").joinpath(f"data/languages/{language}.yaml")
    if not entry.is_file():
        return None
    pattern = load_data(entry.read_text("utf-8")).get("superscript")
    return re.compile(pattern) if pattern else None


_SPACER = wordml.paragraph(tiny=True)
_KEEP_SPACER = wordml.paragraph(tiny=True, keep_next=True)
_GAP = wordml.paragraph(space_after=0)


def _signatures(signatories, language: str, width: int, *, stacked: bool) -> str:
    blocks = []
    for signatory in signatories:
        blocks.append(
            "".join(
                [
                    wordml.paragraph(
                        [wordml.run(signatory.heading, language, RunStyle(bold=True))]
                    ),
                    wordml.paragraph(),
                    wordml.paragraph([wordml.run("______________________________", language)]),
                    wordml.paragraph(
                        [wordml.run(f"{signatory.name_label} {signatory.name}", language)]
                    ),
                    wordml.paragraph(
                        [wordml.run(f"{signatory.title_label} {signatory.title}", language)]
                    ),
                ]
            )
        )
    # The spacer in front: LibreOffice drops the bold of the first run of a table that
    # opens a content control.
    if stacked:
        cells = [[Cell("".join(block + wordml.paragraph() for block in blocks), width)]]
        return _SPACER + wordml.table(cells, [width], grid=False) + _SPACER
    # One unsplittable row, kept with the "Done at …" paragraph before it.
    column = width // len(blocks)
    cells = [[Cell(block, column) for block in blocks]]
    table = wordml.table(
        cells, [column] * len(blocks), grid=False, unsplittable_rows=frozenset({0})
    )
    return _KEEP_SPACER + table + _SPACER
