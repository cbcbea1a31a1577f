"""Helpers for the spec-error tests: the example spec, edited, and the CLI run on it."""

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from cpc_draft.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "peru.yaml"


# -- helpers ------------------------------------------------------------------------------------


def peru_text() -> str:
    return EXAMPLE.read_text("utf-8")


def peru_data() -> dict:
    return yaml.safe_load(peru_text())


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r} in the example"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle``."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def index_of_line(lines: list[str], pattern: str, start: int = 0) -> int:
    """0-based index of the first line at or after ``start`` matching ``pattern``."""
    for index in range(start, len(lines)):
        if re.match(pattern, lines[index]):
            return index
    raise AssertionError(f"no line matches {pattern!r} after line {start + 1}")


def remove_top_level_key(text: str, key: str) -> str:
    """Drop ``key:`` and its indented block (comments and blank lines before the next key stay)."""
    lines = text.splitlines(keepends=True)
    first = index_of_line(lines, rf"{re.escape(key)}:")
    last = first + 1
    while last < len(lines) and (lines[last].startswith((" ", "\t")) or not lines[last].strip()):
        last += 1
    return "".join(lines[:first] + lines[last:])


def financial_plan_row_line(lines: list[str], field: str) -> int:
    """0-based index of ``field:`` in the first row of financial_plan.years."""
    plan = index_of_line(lines, r"financial_plan:")
    years = index_of_line(lines, r"\s+years:", plan)
    return index_of_line(lines, rf"\s+(- )?{field}: ", years)


def write(tmp_path: Path, text: str | bytes, name: str = "peru.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(
        main, [str(arg) for arg in args], prog_name="cpc-draft", catch_exceptions=False
    )


def assemble_refused(spec: Path, tmp_path: Path, *extra: str, suffix: str = ".docx"):
    """Assemble ``spec``; check exit 2, no traceback, no output, no *.part; return stderr."""
    output = tmp_path / f"out{suffix}"
    before = set(tmp_path.iterdir())
    result = run("assemble", spec, "-o", output, *extra)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not output.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []
    assert set(tmp_path.iterdir()) == before
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("cpc-draft: error: ") for line in lines), result.stderr
    return result.stderr


def error_lines(stderr: str) -> list[str]:
    return [line.removeprefix("cpc-draft: error: ") for line in stderr.splitlines()]
