"""The Word file carries unaccepted tracked changes.

A draft with pending insertions and deletions is not one text: what is checked is the
text with every change accepted, and the reviewer should know that.

Fails: a .docx with w:ins/w:del revisions. Passes: all changes accepted or rejected.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import quoted
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "tracked-changes"
DEFAULT_LEVEL = "error"


def check(review: Review) -> Iterator[Problem]:
    for revision in review.document.revisions:
        yield Problem(
            f"unaccepted {revision.kind} by {revision.author or 'an unknown author'}: "
            f"{quoted(revision.text, limit=60)}",
            block=revision.block,
        )
