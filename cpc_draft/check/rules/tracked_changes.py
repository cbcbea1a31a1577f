"""The Word file carries unaccepted tracked changes.

A draft with pending insertions and deletions is not one text: what is checked is the
text with every change accepted, and the reviewer should know that.

Fails: a .docx with w:ins/w:del revisions. Passes: all changes accepted or rejected.
"""

ID = "tracked-changes"
DEFAULT_LEVEL = "error"


def check(review):
    for revision in review.document.revisions:
        yield {
            "message": f"unaccepted {revision.kind} by {revision.author or 'unknown'}: "
            f"{revision.text[:60]!r}",
            "block": revision.block,
        }
