"""Splitting a bilingual document into one stream per language."""

from __future__ import annotations

from cpc_draft.model import Document, TextBlock
from cpc_draft.text.bilingual import language_streams


def _block(index, text, language, row=None, column=None, kind="paragraph"):
    return TextBlock(index=index, kind=kind, text=text, language=language, row=row, column=column)


def test_side_by_side_columns_become_streams_aligned_by_row():
    blocks = (
        _block(0, "Article 1", None, row=0, column=0, kind="heading"),
        _block(1, "The Participants intend to work together.", "en", row=0, column=0),
        _block(2, "Artículo 1", None, row=0, column=1, kind="heading"),
        _block(3, "Los Participantes tienen la intención de colaborar.", "es", row=0, column=1),
        _block(4, "US$5,000,000", None, row=1, column=0),
        _block(5, "5.000.000 USD", None, row=1, column=1),
    )
    streams = language_streams(
        Document(path="d.docx", format="docx", blocks=blocks, languages=("en", "es"))
    )
    assert set(streams) == {"en", "es"}
    assert [b.index for b in streams["en"].blocks] == [0, 1, 4]
    assert [b.index for b in streams["es"].blocks] == [2, 3, 5]
    assert [b.text for b in streams["es"].rows()[1]] == ["5.000.000 USD"]


def test_sequential_document_splits_by_block_language():
    blocks = (
        _block(0, "The Participants intend to work together.", "en"),
        _block(1, "Les Participants ont l'intention de collaborer.", "fr"),
        _block(2, "5 000 000 USD", "fr"),
    )
    streams = language_streams(
        Document(path="d.txt", format="text", blocks=blocks, languages=("en", "fr"))
    )
    assert [b.index for b in streams["fr"].blocks] == [1, 2]
    assert streams["fr"].rows() == {}


def test_monolingual_document_is_one_stream():
    blocks = (_block(0, "Only English here, for the Participants.", "en"),)
    streams = language_streams(
        Document(path="d.txt", format="text", blocks=blocks, languages=("en",))
    )
    assert list(streams) == ["en"]
