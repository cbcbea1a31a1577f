"""Writers: a :class:`~cpc_draft.model.Draft` to .docx, .pdf (via LibreOffice) or .md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cpc_draft.errors import OutputError
from cpc_draft.model import Draft

Writer = Callable[..., None]


def writer_for(path: Path) -> Writer:
    """The writer for ``path``'s suffix; refuse a suffix we cannot write."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from cpc_draft.render.docx import write_docx

        return write_docx
    if suffix == ".pdf":
        from cpc_draft.render.pdf import write_pdf

        return write_pdf
    if suffix in (".md", ".markdown"):
        from cpc_draft.render.markdown import write_markdown

        return write_markdown
    raise OutputError(
        path, f"cannot write {suffix or 'a file without a suffix'}; use .docx, .pdf or .md"
    )


__all__ = ["Draft", "writer_for"]
