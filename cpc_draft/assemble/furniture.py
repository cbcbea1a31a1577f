"""What every page of a draft carries, per language: the draft marking in the header
(the spec's ``draft`` section, or the language's own "DRAFT — FOR DISCUSSION" and the
date of assembly) and "Page X of Y" in the footer. A final text keeps only the footer.
"""

from __future__ import annotations

import datetime as dt
import os

from cpc_draft.assemble.formatting import Formatter
from cpc_draft.assemble.spec import CompactSpec
from cpc_draft.assemble.wording import wording
from cpc_draft.model import PageFurniture


def page_furniture(spec: CompactSpec, language: str, *, final: bool) -> PageFurniture:
    words = wording(language)
    if final:
        return PageFurniture("", "", words["page_of"])
    draft = spec.data.get("draft") or {}
    marking = draft["marking"][language] if draft.get("marking") else words["draft_marking"]
    details = []
    if draft.get("round") is not None:
        details.append(words["draft_round"].format(round=draft["round"]))
    if draft.get("version"):
        details.append(words["draft_version"].format(version=draft["version"]))
    details.append(Formatter(language).date(draft.get("date") or assembly_date()))
    return PageFurniture(marking, " — ".join(details), words["page_of"])


def assembly_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()
