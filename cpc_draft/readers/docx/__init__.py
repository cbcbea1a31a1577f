"""Word (.docx) drafts -> Document, straight from the WordprocessingML.

The package is opened through :mod:`.zipsafe` (bounded zip) and :mod:`.safexml` (hardened
XML parser), never through python-docx, whose loader inflates and parses everything it
finds. python-docx is also blind to most of what matters here (content controls, tracked
changes, text boxes, footnotes), so the XML is read directly.

What comes out, and where it is decided:

- **Blocks in reading order** (:mod:`.body`): body paragraphs and tables, descending into
  content controls, custom XML and text boxes; blocks inside a content control tagged
  ``cpc:<clause>@<version>`` carry ``clause``.
- **Accepted-all text** (:mod:`.runs`, :mod:`.changes`): insertions are read, deletions
  are not, and a paragraph whose mark was deleted runs on into the next (:mod:`.blocks`).
  Every unaccepted insertion and deletion is a :class:`~cpc_draft.model.Revision` (author,
  date, text, the index of the block it sits in — for a change that leaves no block
  behind, such as a wholly deleted paragraph, the block that follows it, or the last
  block), and one warning counts them together with moves, paragraph-mark, table-row
  and formatting changes.
- **Kinds** (:mod:`.paragraphs`, from :mod:`.styles` and :mod:`.numbering`): heading,
  item or paragraph, with Word numbering rendered as text ("Article 3", "(b)").
- **Tables** (:mod:`.tables`): a ``table_row`` block per row of a data table; a
  side-by-side table (a column per language) split into its columns' blocks; a layout
  cut around its data tables (so their header rows repeat) read as one (:mod:`.layout`).
- **Pages** (:mod:`.pages`): a block's page from the page breaks the file records
  (Word's rendered breaks, explicit breaks), and none for a file Word did not lay out.
- **Apart from the blocks**: headers and footers (one text per distinct part), footnotes
  and endnotes (one text per note), found through the relationships (:mod:`.parts`), and
  the custom document properties (docProps/custom.xml) as ``properties``.
"""

from cpc_draft.readers.docx.document import read_docx
from cpc_draft.readers.docx.zipsafe import Limits, open_package

__all__ = ["Limits", "open_package", "read_docx"]
