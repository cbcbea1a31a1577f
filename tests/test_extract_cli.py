"""`cpc-draft extract`: the document model as JSON and text, and clean failures."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.cli import main
from cpc_draft.render.markdown import write_markdown


def test_json_has_the_promised_fields(tmp_path):
    draft = tmp_path / "peru.md"
    write_markdown(
        build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout="sequential")), draft
    )
    result = CliRunner().invoke(main, ["extract", str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"path", "pages", "languages", "warnings", "blocks"} <= set(data)
    assert data["path"] == str(draft)
    assert set(data["languages"]) == {"en", "es"}
    block = data["blocks"][0]
    assert {"index", "kind", "page", "language", "text", "clause"} <= set(block)
    texts = [b["text"] for b in data["blocks"]]
    assert any("five million US dollars (US$5,000,000)" in text for text in texts)


def test_text_format(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Article 1\nPurpose\n\nThe Participants intend to work together.\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "[0 en heading] Article 1",
        "[1 en heading] Purpose",
        "[2 en paragraph] The Participants intend to work together.",
    ]


def test_failure_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"cpc-draft: error: {path}: is empty (0 bytes)\n"
    assert result.stdout == ""


def test_json_escapes_what_a_terminal_would_obey(tmp_path):
    """C1 controls (U+009B is CSI to some terminals), DEL and the bidi overrides in a
    draft's text are written as \\u escapes: the same JSON value, safe to print."""
    draft = tmp_path / "controls.txt"
    text = "The Participants intend \u009b31m to fund\u007f programs \u202eKCOLB\u202c."
    draft.write_text(f"Article 1 – Purpose\n\n{text}\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert not any(char in result.stdout for char in "\u009b\u007f\u202e\u202c")
    assert "\\u009b31m" in result.stdout
    texts = [block["text"] for block in json.loads(result.stdout)["blocks"]]
    assert any("\u009b31m to fund" in t for t in texts)
