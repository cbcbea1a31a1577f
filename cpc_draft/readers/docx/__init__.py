"""Word (.docx) drafts, read straight from the WordprocessingML of a safely opened package."""

from cpc_draft.readers.docx.reader import read_docx
from cpc_draft.readers.docx.zipsafe import Limits, open_package

__all__ = ["Limits", "open_package", "read_docx"]
