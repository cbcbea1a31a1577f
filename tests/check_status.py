"""Run `cpc-draft check` on a short draft, as a reviewer would, and read one element's
status from its report: shared by the tests of element statuses."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cpc_draft.cli import main


def element_status(tmp_path: Path, text: str, key: str, name: str = "draft.txt") -> str:
    """present, partial or missing: what `check` prints on element ``key``'s line."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    line = re.search(rf"^  {key} \S+\s+\S (present|partial|missing)", result.output, re.M)
    assert line, result.output
    return line.group(1)
