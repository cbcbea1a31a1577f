"""Hostile inputs around the documents: pipes, devices, over-long and strange file names.

Every case ends the way a user must see it: exit code 2 and one line on standard error
naming the file and the problem, or the faithful output. Cases that could hang (a named
pipe waits for a writer forever) run the CLI in a subprocess under a timeout, a hang
guard and not a speed assertion. Every file is made here, by the test.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

ROOT = Path(__file__).resolve().parent.parent
PERU = ROOT / "examples" / "peru.yaml"
JAMAICA = ROOT / "examples" / "received" / "jamaica-draft.txt"
HANG_GUARD = 60  # seconds; every case here ends in about one
MEMORY_BOUND = 2 << 30  # bytes of address space: spaCy's blank pipelines fit in well under

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _bounded_memory() -> None:
    # /dev/zero read whole would grow until the machine gave out: fail early instead.
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run_bounded(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=HANG_GUARD,
        stdin=subprocess.DEVNULL,
        preexec_fn=_bounded_memory,
    )


def run(*args) -> object:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def assert_one_error_line(stderr: str, *fragments: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cpc-draft: error: "), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr
    return lines[0]


# -- pipes and devices: refused before they are opened ---------------------------------------


@needs_fifo
def test_a_named_pipe_as_the_spec_is_refused(tmp_path):
    os.mkfifo(tmp_path / "peru.yaml")
    result = run_bounded("assemble", "peru.yaml", "-o", "draft.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "peru.yaml: is a named pipe (FIFO), not a regular file")
    assert not (tmp_path / "draft.docx").exists()


@needs_fifo
def test_a_named_pipe_as_the_configuration_is_refused(tmp_path):
    os.mkfifo(tmp_path / "rules.toml")
    result = run_bounded("check", "--config", "rules.toml", JAMAICA, cwd=tmp_path)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "rules.toml: is a named pipe (FIFO)")


@needs_fifo
def test_a_named_pipe_found_as_the_configuration_is_refused(tmp_path):
    shutil.copy(JAMAICA, tmp_path / "draft.txt")
    os.mkfifo(tmp_path / ".cpc-draft.toml")
    result = run_bounded("check", "draft.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, ".cpc-draft.toml: is a named pipe (FIFO)")


@needs_fifo
def test_a_named_pipe_in_a_clause_library_is_refused(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(ROOT / "clause_library", library)
    (library / "preamble.md").unlink()
    os.mkfifo(library / "preamble.md")
    result = run_bounded("clauses", "--check", "--library", library, cwd=tmp_path)
    assert result.returncode == 2
    assert "preamble.md: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@needs_fifo
@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_named_pipe_as_the_draft_is_named_for_what_it_is(tmp_path, command):
    os.mkfifo(tmp_path / "draft.pdf")
    result = run_bounded(command, "draft.pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "draft.pdf: is a named pipe (FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("command", ["assemble", "extract", "config"])
def test_a_device_that_never_ends_is_refused(tmp_path, command):
    args = {
        "assemble": ["assemble", "/dev/zero", "-o", "draft.docx"],
        "extract": ["extract", "/dev/zero"],
        "config": ["check", "--config", "/dev/zero", JAMAICA],
    }[command]
    result = run_bounded(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "/dev/zero: is a character device, not a regular file")


# -- names longer than the file system allows ------------------------------------------------

LONG_NAME = "a" * 300  # one part of a path: ext4, APFS and NTFS allow 255
LONG_PATH = "/".join(["b" * 200] * 25)  # more than PATH_MAX (4,096) in all


@pytest.mark.parametrize("name", [LONG_NAME, LONG_PATH], ids=["long-name", "long-path"])
@pytest.mark.parametrize(
    "command",
    ["assemble", "check", "extract", "compare", "config"],
)
def test_an_input_name_too_long_is_one_line(tmp_path, monkeypatch, name, command):
    monkeypatch.chdir(tmp_path)
    args = {
        "assemble": ["assemble", f"{name}.yaml", "-o", "draft.docx"],
        "check": ["check", f"{name}.txt"],
        "extract": ["extract", f"{name}.txt"],
        "compare": ["compare", f"{name}.txt", JAMAICA],
        "config": ["check", "--config", f"{name}.toml", JAMAICA],
    }[command]
    result = run(*args)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, f"{name}.", "File name too long")


@pytest.mark.parametrize("name", [LONG_NAME, LONG_PATH], ids=["long-name", "long-path"])
@pytest.mark.parametrize(
    "command",
    ["assemble-docx", "assemble-md", "check", "compare-html", "redline", "init"],
)
def test_an_output_name_too_long_is_one_line(tmp_path, monkeypatch, name, command):
    monkeypatch.chdir(tmp_path)
    args = {
        "assemble-docx": ["assemble", PERU, "-o", f"{name}.docx"],
        "assemble-md": ["assemble", PERU, "-o", f"{name}.md"],
        "check": ["check", JAMAICA, "--format", "json", "-o", f"{name}.json"],
        "compare-html": ["compare", JAMAICA, JAMAICA, "--format", "html", "-o", f"{name}.html"],
        "redline": ["compare", JAMAICA, JAMAICA, "--format", "docx", "-o", f"{name}.docx"],
        "init": ["init", "--partner", "Republic of Peru", "-o", f"{name}.yaml"],
    }[command]
    result = run(*args)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, f"{name}.", "cannot be written (File name too long)")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["assemble", "clauses"])
def test_a_library_folder_name_too_long_is_one_line(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    args = ["--library", LONG_NAME]
    args = (
        ["assemble", PERU, *args, "-o", "draft.docx"] if command == "assemble" else [command, *args]
    )
    result = run(*args)
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, f"{LONG_NAME}: clause library folder not found")


def test_an_output_name_as_long_as_allowed_is_written(tmp_path):
    """Its temporary file must fit too: the longest name a folder allows still works."""
    output = tmp_path / ("n" * 250 + ".md")
    result = run("assemble", PERU, "-o", output)
    assert result.exit_code == 0, result.output
    assert output.read_text("utf-8").startswith("# ")
    assert [path.name for path in tmp_path.iterdir()] == [output.name]


# -- names holding newlines and escapes stay on one line -------------------------------------


@pytest.mark.parametrize("char", ["\n", "\r", "\x1b", "\u2028", "\x85"])
def test_a_file_name_with_a_line_break_or_escape_stays_on_one_line(tmp_path, char):
    draft = tmp_path / f"draft{char}cpc-draft: error: forged.pdf"
    draft.write_bytes(b"")  # empty: refused, and the message names it
    result = run("check", draft)
    assert result.exit_code == 2
    shown = char.encode("unicode_escape").decode("ascii")
    line = assert_one_error_line(result.stderr, f"draft{shown}cpc-draft: error: forged.pdf")
    assert char not in line


# -- line separators in spec values: text, never structure -----------------------------------

# A list item, a known table, a table row and an unknown table (once blamed on the clause).
FORGED_PLACE = "Lima\u2028- forged item\u2029::: table programs\u2028| a | b |\u2029::: table evil"
FLAT_PLACE = "Lima - forged item ::: table programs | a | b | ::: table evil"


def spec_with_separators(tmp_path: Path) -> Path:
    text = PERU.read_text("utf-8")
    for old, new in (
        ('    en: "Lima"\n', f'    en: "{FORGED_PLACE}"\n'),
        ('name: "Brian A. Nichols"', 'name: "Brian A.\u2028Nichols"'),
        ('name: "Ricardo Luna Mendoza"', 'name: "Ricardo\u2029Luna Mendoza"'),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    spec = tmp_path / "peru.yaml"
    spec.write_text(text, "utf-8")
    return spec


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_line_separators_in_spec_values_read_as_spaces_in_markdown(tmp_path, layout):
    spec = spec_with_separators(tmp_path)
    baseline, output = tmp_path / "plain.md", tmp_path / "draft.md"
    assert run("assemble", PERU, "-o", baseline, "--layout", layout).exit_code == 0
    result = run("assemble", spec, "-o", output, "--layout", layout)
    assert result.exit_code == 0, result.output
    text = output.read_text("utf-8")
    assert "\u2028" not in text and "\u2029" not in text
    done_at = [line for line in text.splitlines() if line.startswith("Done at ")]
    assert done_at and done_at[0].startswith(f"Done at {FLAT_PLACE}, on ")
    assert "Name: Brian A. Nichols" in text and "Name: Ricardo Luna Mendoza" in text
    # no forged list item, table or table row: the structure is the example's own
    structure = ("• ", "| ", "|---")
    shape = [line[:4] for line in text.splitlines() if line.startswith(structure)]
    plain_shape = [line[:4] for line in baseline.read_text("utf-8").splitlines()]
    assert shape == [line for line in plain_shape if line.startswith(structure)]


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_line_separators_in_spec_values_read_as_spaces_in_word(tmp_path, layout):
    from conftest import docx_paragraph_texts, docx_tables

    spec = spec_with_separators(tmp_path)
    baseline, output = tmp_path / "plain.docx", tmp_path / "draft.docx"
    assert run("assemble", PERU, "-o", baseline, "--layout", layout).exit_code == 0
    result = run("assemble", spec, "-o", output, "--layout", layout)
    assert result.exit_code == 0, result.output
    paragraphs = docx_paragraph_texts(output)
    assert not any("\u2028" in text or "\u2029" in text for text in paragraphs)
    assert any(text.startswith(f"Done at {FLAT_PLACE}, on ") for text in paragraphs)
    assert any("Brian A. Nichols" in text for text in paragraphs)
    assert any("Ricardo Luna Mendoza" in text for text in paragraphs)
    assert len(paragraphs) == len(docx_paragraph_texts(baseline))
    assert len(docx_tables(output)) == len(docx_tables(baseline))


# -- terminal control sequences from a document: shown, never obeyed -------------------------

TITLE_SEQUENCE = "\x1b]0;pwned\x07"  # OSC: sets the terminal's window title
CSI_SEQUENCES = "\x1b[2J\x1b[8m\x9b1m"  # clear the screen, conceal text; a C1 CSI
RAW_CONTROLS = ("\x1b", "\x07", "\x9b")


def hostile_draft(folder: Path, name: str = "draft.txt") -> Path:
    text = JAMAICA.read_text("utf-8")
    old = "Case information will be recorded"
    assert old in text
    text = text.replace(old, f"Case {TITLE_SEQUENCE}information {CSI_SEQUENCES}will be recorded")
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def assert_shown_not_obeyed(output: str) -> None:
    assert not any(control in output for control in RAW_CONTROLS), repr(output[:200])
    assert "\\x1b]0;pwned\\x07" in output
    assert "\\x1b[2J\\x1b[8m\\x9b1m" in output


DRAFT = "DRAFT"  # where the hostile draft goes among a command's arguments


@pytest.mark.parametrize(
    "command",
    [
        ["extract", DRAFT],
        ["check", DRAFT],
        ["check", DRAFT, "--format", "html"],
        ["compare", JAMAICA, DRAFT],
        ["compare", JAMAICA, DRAFT, "--format", "html"],
    ],
    ids=["extract", "check", "check-html", "compare", "compare-html"],
)
def test_control_sequences_in_a_document_are_escaped(tmp_path, command):
    draft = hostile_draft(tmp_path)
    result = run(*(draft if arg == DRAFT else arg for arg in command))
    assert result.exit_code in (0, 1), result.output
    assert_shown_not_obeyed(result.stdout)


def test_control_sequences_in_a_file_name_are_escaped_in_the_report(tmp_path):
    draft = hostile_draft(tmp_path, name="draft\x1b]0;pwned\x07.txt")
    result = run("check", draft)
    assert result.exit_code in (0, 1), result.output
    first = result.stdout.splitlines()[0]
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert first.startswith(f"{tmp_path}/draft\\x1b]0;pwned\\x07.txt (text, en)")


def test_colour_stays_for_a_clean_report_on_a_terminal(tmp_path, monkeypatch):
    """Escaping is no excuse to drop colour where the document holds nothing to escape."""
    from cpc_draft.report.outputs import human_text

    def render(style):
        return style("bold", bold=True) + " text\n"

    def colour(text, **_):
        return f"\x1b[1m{text}\x1b[0m"

    assert human_text(render, colour) == "\x1b[1mbold\x1b[0m text\n"
    assert human_text(lambda style: style("\x1b]0;x\x07", bold=True), colour) == "\\x1b]0;x\\x07"


def test_control_characters_from_a_clause_library_are_escaped_in_markdown(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(ROOT / "clause_library", library)
    clause = library / "objectives.md"
    text = clause.read_text("utf-8")
    assert text.count("\n# en: Objectives\n") == 1
    clause.write_text(text.replace("\n# en: Objectives\n", f"\n# en: Objectives{TITLE_SEQUENCE}\n"))
    output = tmp_path / "draft.md"
    result = run("assemble", PERU, "--library", library, "-o", output)
    assert result.exit_code == 0, result.output
    markdown = output.read_text("utf-8")
    assert "\x1b" not in markdown and "\x07" not in markdown
    assert "Objectives\\x1b]0;pwned\\x07" in markdown


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_zip_entry_name_with_a_newline_stays_on_one_line(tmp_path, command):
    from docx_factory import patch_zip, python_docx_bytes

    entry = "word/bomb\ncpc-draft: error: forged.xml"
    draft = patch_zip(python_docx_bytes(), tmp_path / "draft.docx", {entry: b" " * 3_000_000})
    result = run(command, draft)
    assert result.exit_code == 2
    assert_one_error_line(
        result.stderr, f"{draft}: word/bomb\\ncpc-draft: error: forged.xml is compressed"
    )


def test_yaml_errors_in_a_clause_library_are_one_line_each_with_their_line(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(ROOT / "clause_library", library)
    clause = library / "objectives.md"
    text = clause.read_text("utf-8")
    clause.write_text(text.replace("\nversion: 1.0.0\n", "\nversion: [1.0.0\n", 1), "utf-8")
    (library / "outline.yaml").write_text("# the order\nclauses: [title,\n", "utf-8")
    result = run("clauses", "--check", "--library", library)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    # libyaml names the line where it noticed: the one after the unclosed bracket
    assert f"cpc-draft: error: {clause}:4: front matter is not valid YAML " in result.stderr
    assert f"cpc-draft: error: {library / 'outline.yaml'}:3: cannot read the outline " in (
        result.stderr
    )
    assert all(line.startswith("cpc-draft: error: ") for line in lines), result.stderr
