"""The command line as a whole: version, help, clause listing, output paths, import weight."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

import cpc_draft
from cpc_draft.assemble.library import default_library_path
from cpc_draft.cli import main
from cpc_draft.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "peru.yaml"


def run(*args):
    return CliRunner().invoke(
        main, [str(arg) for arg in args], prog_name="cpc-draft", catch_exceptions=False
    )


def all_commands(group: click.Group, path=()):
    """(path, command) for every command below ``group``, nested groups included."""
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*path, name))


def copy_example(tmp_path: Path) -> Path:
    spec = tmp_path / "peru.yaml"
    spec.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    return spec


# -- version ------------------------------------------------------------------------------------


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"cpc-draft, version {cpc_draft.__version__}\n"
    assert cpc_draft.__version__[0].isdigit()


def test_python_dash_m():
    completed = subprocess.run(
        [sys.executable, "-m", "cpc_draft", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"cpc-draft, version {cpc_draft.__version__}\n"


def test_python_dash_m_error_exit_code_and_no_traceback(tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "cpc_draft",
            "assemble",
            str(tmp_path / "none.yaml"),
            "-o",
            str(tmp_path / "out.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr == f"cpc-draft: error: {tmp_path / 'none.yaml'}: no such file\n"


# -- help -----------------------------------------------------------------------------------------


def example_block(help_text: str) -> list[str]:
    """The lines of the help's "Example:" block (between "Example:" and "Options:")."""
    lines = help_text.splitlines()
    start = [index for index, line in enumerate(lines) if line.strip() == "Example:"]
    assert len(start) == 1, help_text
    end = next(index for index, line in enumerate(lines) if line.strip() == "Options:")
    assert start[0] < end, "the Example block must come after the description"
    block = [line.strip() for line in lines[start[0] + 1 : end]]
    while block and not block[-1]:
        block.pop()
    assert block and all(block), f"the Example block must be the last paragraph:\n{help_text}"
    return block


def test_there_are_commands():
    names = {path[-1] for path, _ in all_commands(main)}
    assert {"assemble", "init", "clauses"} <= names


@pytest.mark.parametrize("path", [path for path, _ in all_commands(main)], ids="-".join)
def test_every_command_help_ends_with_an_example(path):
    result = run(*path, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: cpc-draft {' '.join(path)} ")
    block = example_block(result.stdout)
    assert block[-1].startswith("cpc-draft ")
    assert block[-1].split()[1 : 1 + len(path)] == list(path)  # it shows this very command


@pytest.mark.parametrize("path", [path for path, _ in all_commands(main)], ids="-".join)
def test_short_help_option(path):
    long, short = run(*path, "--help"), run(*path, "-h")
    assert short.exit_code == 0
    assert short.stdout == long.stdout


def test_main_help_ends_with_an_example_and_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    block = example_block(result.stdout)
    assert block[-1].startswith("cpc-draft ")
    commands = result.stdout.split("Commands:")[1]
    for path, _ in all_commands(main):
        assert f"  {path[0]} " in commands


def test_an_interrupted_run_says_so_and_exits_130(tmp_path, monkeypatch):
    import cpc_draft.assemble

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cpc_draft.assemble, "assemble", interrupted)
    result = run("assemble", copy_example(tmp_path), "-o", tmp_path / "peru.docx")
    assert result.exit_code == ExitCode.INTERRUPTED == 130
    assert result.stderr == "cpc-draft: interrupted; no output was written\n"
    assert not (tmp_path / "peru.docx").exists()


def test_unknown_command_is_a_usage_error():
    result = run("asemble")
    assert result.exit_code == 2
    assert "No such command 'asemble'" in result.stderr
    assert "Traceback" not in result.output


# -- clauses --------------------------------------------------------------------------------------


def outline_ids() -> list[str]:
    outline = default_library_path() / "outline.yaml"
    return yaml.safe_load(outline.read_text("utf-8"))["clauses"]


def test_clauses_lists_every_clause_of_the_outline_in_order():
    result = run("clauses")
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == outline_ids()
    for line in result.stdout.splitlines():
        _id, version, status, kind = line.split()[:4]
        assert version.count(".") == 2
        assert status in ("draft", "approved", "deprecated")
        assert kind in ("title", "preamble", "article", "closing", "signatures")


def test_clauses_lists_the_elements_served():
    result = run("clauses")
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()}
    served = {key for row in rows.values() for key in row[4].split(",") if key != "-"}
    assert served >= set("ABCDEFG")
    assert "A" in rows["objectives"][4].split(",")


def test_clauses_check():
    result = run("clauses", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{default_library_path()}: {len(outline_ids())} clauses, no problems\n"
    )


def test_clauses_check_reports_a_broken_library(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "outline.yaml").write_text("clauses: [objectives]\n", "utf-8")
    (library / "objectives.md").write_text(
        (default_library_path() / "objectives.md")
        .read_text("utf-8")
        .replace("{{ missing.A }}", "{{ missing.A }", 1),
        "utf-8",
    )
    result = run("clauses", "--check", "--library", library)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{library / 'objectives.md'}:" in result.stderr
    assert "template syntax error" in result.stderr
    assert f"{library / 'outline.yaml'}: no clause in the outline serves statutory element B" in (
        result.stderr
    )


def test_clauses_with_a_missing_library_folder(tmp_path):
    result = run("clauses", "--library", tmp_path / "nope")
    assert result.exit_code == 2
    assert result.stderr == (
        f"cpc-draft: error: {tmp_path / 'nope'}: clause library folder not found\n"
    )


# -- output paths ---------------------------------------------------------------------------------


def test_unknown_output_suffix(tmp_path):
    spec = copy_example(tmp_path)
    output = tmp_path / "peru.odt"
    result = run("assemble", spec, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cpc-draft: error: {output}: cannot write .odt; use .docx, .pdf or .md\n"
    )
    assert not output.exists()


def test_output_without_suffix(tmp_path):
    spec = copy_example(tmp_path)
    output = tmp_path / "peru"
    result = run("assemble", spec, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cpc-draft: error: {output}: cannot write a file without a suffix; "
        "use .docx, .pdf or .md\n"
    )


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_existing_output_is_not_overwritten_without_force(tmp_path, suffix):
    spec = copy_example(tmp_path)
    output = tmp_path / f"peru{suffix}"
    output.write_bytes(b"precious")
    result = run("assemble", spec, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (
        f"cpc-draft: error: {output}: already exists; pass --force to overwrite it\n"
    )
    assert output.read_bytes() == b"precious"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["peru.yaml", output.name])


def test_force_overwrites(tmp_path):
    spec = copy_example(tmp_path)
    output = tmp_path / "peru.md"
    output.write_bytes(b"precious")
    result = run("assemble", spec, "-o", output, "--force")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {output} (en, es, side-by-side, us original)\n"
    assert output.read_text("utf-8").startswith("# [en] ")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["peru.md", "peru.yaml"]


def test_output_in_a_missing_folder(tmp_path):
    spec = copy_example(tmp_path)
    output = tmp_path / "missing" / "peru.docx"
    result = run("assemble", spec, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == (f"cpc-draft: error: {output}: folder {output.parent} does not exist\n")
    assert not output.parent.exists()


def test_output_is_a_directory(tmp_path):
    spec = copy_example(tmp_path)
    output = tmp_path / "out.docx"
    output.mkdir()
    result = run("assemble", spec, "-o", output)
    assert result.exit_code == 2
    assert result.stderr == f"cpc-draft: error: {output}: is a directory; give a file name\n"


def test_assemble_docx_and_md(tmp_path):
    spec = copy_example(tmp_path)
    for name in ("peru.docx", "peru.md"):
        output = tmp_path / name
        result = run("assemble", spec, "-o", output, "--original", "partner")
        assert result.exit_code == 0, result.output
        assert result.stdout == f"wrote {output} (es, en, side-by-side, partner original)\n"
        assert output.stat().st_size > 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["peru.docx", "peru.md", "peru.yaml"]


def test_bad_option_value_is_a_usage_error(tmp_path):
    spec = copy_example(tmp_path)
    result = run("assemble", spec, "-o", tmp_path / "x.md", "--layout", "diagonal")
    assert result.exit_code == 2
    assert "Invalid value for '--layout'" in result.stderr
    assert not (tmp_path / "x.md").exists()


# -- import weight --------------------------------------------------------------------------------


def test_assemble_path_does_not_import_spacy_or_pdfplumber():
    code = (
        "import sys, cpc_draft.cli, cpc_draft.assemble, cpc_draft.render.docx, "
        "cpc_draft.render.markdown, cpc_draft.assemble.spec, cpc_draft.assemble.library; "
        "print('spacy' in sys.modules, 'pdfplumber' in sys.modules)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "False False\n"


def test_running_assemble_does_not_import_spacy_or_pdfplumber(tmp_path):
    output = tmp_path / "peru.docx"
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cpc_draft.cli import main\n"
        f"args = ['assemble', {str(EXAMPLE)!r}, '-o', {str(output)!r}]\n"
        "result = CliRunner().invoke(main, args)\n"
        "assert result.exit_code == 0, result.output\n"
        "print('spacy' in sys.modules, 'pdfplumber' in sys.modules)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "False False\n"
    assert output.exists()


# -- help, bare command, passwords, extract -o (issue 15) ----------------------------------------


def test_bare_command_prints_the_help_and_exits_0():
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: cpc-draft ")
    assert "Commands:" in result.stdout


def test_main_help_shows_each_commands_whole_summary():
    commands = " ".join(run("--help").stdout.split("Commands:")[1].split())
    for path, command in all_commands(main):
        summary = " ".join(command.help.split("\n\n")[0].split())
        assert f"{path[0]} {summary}" in commands
    assert "22 U.S.C. § 7103a(d)(2) and the GAO's findings." in commands
    assert "..." not in commands


def _encrypted_pdf(tmp_path: Path) -> Path:
    from pdf_factory import Pdf

    pdf = Pdf()
    pdf.page().paragraph(72, 72, 400, "Secret text of the compact.")
    return pdf.save(tmp_path / "secret.pdf", password="secret")


def test_password_from_the_environment(tmp_path):
    path = _encrypted_pdf(tmp_path)
    runner = CliRunner()
    refused = runner.invoke(main, ["extract", str(path)])
    assert refused.exit_code == ExitCode.FAILURE and "is encrypted" in refused.stderr
    read = runner.invoke(main, ["extract", str(path)], env={"CPC_DRAFT_PASSWORD": "secret"})
    assert read.exit_code == 0, read.output
    assert "Secret text of the compact." in read.stdout


def test_password_dash_asks_for_it_without_echoing_it(tmp_path):
    path = _encrypted_pdf(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(path), "--password", "-"], input="secret\n")
    assert result.exit_code == 0, result.output
    assert "Password:" in result.stderr and "secret" not in result.stderr
    assert "Secret text of the compact." in result.stdout


def test_extract_writes_its_output_file_and_never_over_one(tmp_path):
    draft = ROOT / "examples" / "received" / "jamaica-draft.txt"
    target = tmp_path / "jamaica.json"
    first = run("extract", draft, "--format", "json", "-o", target)
    assert first.exit_code == 0 and first.stdout == ""
    assert f"wrote {target}" in first.stderr
    blocks = yaml.safe_load(target.read_text("utf-8"))["blocks"]
    assert blocks and all(block["line"] >= 1 for block in blocks)
    target.write_text("mine", "utf-8")
    again = run("extract", draft, "-o", target)
    assert again.exit_code == ExitCode.FAILURE and target.read_text("utf-8") == "mine"
    assert str(target) in again.stderr and len(again.stderr.splitlines()) == 1
    forced = run("extract", draft, "-o", target, "--force")
    assert forced.exit_code == 0 and target.read_text("utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jamaica.json"]  # no temporary left
