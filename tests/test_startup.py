"""What makes a cold `compare` or `check` fast, and loses nothing doing it.

- spaCy is imported without its command-line interface, which stays importable;
- the drafts are read (and, by `compare`, their texts compared) in the sandbox while
  spaCy loads here: the results are those of reading them here (where the system cannot
  fork, or the child dies), and a file that cannot be read is named as if it had been
  read here (how long it all takes is for benchmarks/bench_check.py and bench_compare.py);
- the console entry leaves Python's last garbage-collection pass out, and loses no output.

The versions are made here from the assembled Peru example (tests/version_factory.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_factory import make_bomb
from pdf_factory import Pdf
from version_factory import Version

from cpc_draft import sandbox
from cpc_draft.check import batch, review
from cpc_draft.check.config import Config
from cpc_draft.cli import main
from cpc_draft.compare import files
from cpc_draft.compare.files import compare_files, compare_language_versions
from cpc_draft.errors import InputFileError


def _python(code: str) -> str:
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


@pytest.fixture(scope="module")
def pair(assembled, tmp_path_factory) -> tuple[Path, Path]:
    """The Peru draft and a version with one amount changed and an article deleted."""
    source = assembled["peru-sequential-us"][1]
    folder = tmp_path_factory.mktemp("startup")
    new = Version(source).delete("data_management").renumber()
    new.replace("2,300,000", "2,100,000", language=0, times=2, limit=1)
    return source, new.save(folder / "peru-new.docx")


def _summary(comparison) -> tuple:
    changes = tuple((c.kind, c.language, c.old and c.old.label) for c in comparison.changes)
    facts = tuple((f.kind, str(f.old), str(f.new)) for f in comparison.fact_changes)
    return changes, facts


# -- spaCy without its CLI --------------------------------------------------------------------


def test_spacy_is_imported_without_its_cli_which_stays_importable():
    out = _python(
        "import sys\n"
        "from cpc_draft.nlp import load_pipeline\n"
        "load_pipeline('en')\n"
        "cli = ('spacy.cli', 'typer', 'weasel', 'requests', 'httpx')\n"
        "print(sorted(m for m in sys.modules if m.startswith(cli)))\n"
        "import spacy\n"
        "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
        "import spacy.cli\n"
        "print(callable(spacy.cli.download), 'typer' in sys.modules)\n"
    )
    assert out.splitlines() == ["[]", "True", "True True"]


def test_a_spacy_imported_before_is_used_as_it_is():
    out = _python(
        "import spacy\n"
        "from cpc_draft.nlp.spacy_import import import_spacy\n"
        "print(import_spacy() is spacy, callable(spacy.cli.download))\n"
    )
    assert out == "True True\n"


# -- read ahead, or here: the same -------------------------------------------------------------


def _dying_first(function, marker: Path):
    """``function``, except that its first call (in the sandbox's child) dies unanswered."""

    def dying(*arguments):
        if not marker.exists():
            marker.write_text("died")
            os._exit(9)
        return function(*arguments)

    return dying


def test_without_fork_or_with_a_dead_child_the_result_is_the_same(pair, tmp_path, monkeypatch):
    expected = _summary(compare_files(*pair))
    assert ("deleted", "en", "Article 10 (Child Protection Data)") in expected[0]
    assert ("contribution", "PEN 2,300,000 (2019)", "PEN 2,100,000 (2019)") in expected[1]
    with monkeypatch.context() as patch:
        patch.setattr(sandbox, "can_fork", lambda **_: False)
        assert _summary(compare_files(*pair)) == expected
    with monkeypatch.context() as patch:
        marker = tmp_path / "marker"
        patch.setattr(files, "_read_and_compare", _dying_first(files._read_and_compare, marker))
        assert _summary(compare_files(*pair)) == expected
        assert marker.read_text() == "died"


def test_check_reads_ahead_with_the_result_of_reading_here(pair, monkeypatch):
    def findings(outcomes) -> list:
        assert [outcome.error for outcome in outcomes] == [None, None]
        return [(o.review.elements, o.review.findings) for o in outcomes]

    ahead = findings(batch.run(list(pair), Config()))
    assert ahead[0][0] == review.review_path(pair[0], Config()).elements
    monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    assert findings(batch.run(list(pair), Config())) == ahead


def test_language_versions_read_ahead_are_those_read_here(pair, monkeypatch):
    ahead = compare_language_versions([pair[0]])
    assert ahead.languages == ("en", "es") and ahead.mismatches == ()
    monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    here = compare_language_versions([pair[0]])
    assert (here.languages, here.mismatches) == (ahead.languages, ahead.mismatches)


@pytest.mark.parametrize("broken", [0, 1], ids=["old", "new"])
def test_a_version_the_child_cannot_read_is_named(pair, tmp_path, broken):
    damaged = tmp_path / "damaged.docx"  # a sound zip, so only reading finds the fault
    with zipfile.ZipFile(damaged, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document><w:body>")  # cut short
    paths = list(pair)
    paths[broken] = damaged
    with pytest.raises(InputFileError) as raised:
        compare_files(*paths)
    assert raised.value.path == damaged
    result = CliRunner().invoke(main, ["compare", *map(str, paths)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith(
        f"cpc-draft: error: {damaged}: "
    )


_ARTICLES = [
    ("Article 1", "The Participants intend to protect children from trafficking."),
    ("Article 2", "The Participants intend to meet every year to review progress."),
]


def _pdf(path: Path, articles, password: str | None = None) -> Path:
    pdf = Pdf()
    page, top = pdf.page(), 72.0
    for heading, body in articles:
        top = page.lines(72, top, [heading], bold=True) + 6
        top = page.paragraph(72, top, 460, body) + 12
    return pdf.save(path, password=password)


def test_two_pdfs_are_read_together_with_the_result_of_reading_them_in_turn(tmp_path, monkeypatch):
    old = _pdf(tmp_path / "old.pdf", _ARTICLES)
    reworded = [_ARTICLES[0], ("Article 2", _ARTICLES[1][1].replace("every year", "twice"))]
    new = _pdf(tmp_path / "new.pdf", reworded)
    together = compare_files(old, new)
    assert [(c.kind, c.old.label) for c in together.changes] == [("modified", "Article 2")]
    monkeypatch.setattr(sandbox, "can_fork", lambda **_: False)
    assert _summary(compare_files(old, new)) == _summary(together)


def test_the_password_reaches_the_child_that_reads_the_pdfs(tmp_path):
    old = _pdf(tmp_path / "old.pdf", _ARTICLES, password="secret")
    reworded = [_ARTICLES[0], ("Article 2", _ARTICLES[1][1].replace("every year", "twice"))]
    new = _pdf(tmp_path / "new.pdf", reworded, password="secret")
    comparison = compare_files(old, new, password="secret")
    assert [(c.kind, c.old.label) for c in comparison.changes] == [("modified", "Article 2")]


@pytest.mark.parametrize("locked", [0, 1], ids=["old", "new"])
def test_a_pdf_that_cannot_be_opened_is_named_whichever_version_it_is(tmp_path, locked):
    paths = [_pdf(tmp_path / f"{name}.pdf", _ARTICLES) for name in ("old", "new")]
    paths[locked] = _pdf(tmp_path / "locked.pdf", _ARTICLES, password="secret")
    with pytest.raises(InputFileError) as raised:
        compare_files(*paths)
    assert raised.value.path == paths[locked]
    assert raised.value.problem == "is encrypted; give the password with --password"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.docx", b"", "is empty (0 bytes)"),
        (
            "peru.yaml",
            b"partner: Peru\n",
            "is a compact spec, not a draft; assemble it first: "
            "cpc-draft assemble {path} -o draft.docx",
        ),
        ("damaged.docx", b"PK\x03\x04" + b"\x00" * 200, "is not a valid .docx (damaged zip: "),
        ("bomb.docx", None, "word/document.xml would inflate to 4,294,967,296 bytes"),
    ],
    ids=["empty", "spec", "damaged-zip", "zip-bomb"],
)
def test_what_is_refused_at_a_glance_is_refused_before_spacy_loads(
    pair, tmp_path, name, content, problem
):
    refused = tmp_path / name
    if content is None:
        make_bomb(refused, 4 << 30)
    else:
        refused.write_bytes(content)
    out = _python(
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from cpc_draft.cli import main\n"
        f"result = CliRunner().invoke(main, ['compare', {str(pair[0])!r}, {str(refused)!r}])\n"
        "print(result.exit_code, result.output.strip())\n"
        "print('spacy' in sys.modules)\n"
    )
    message = problem.format(path=refused)
    line, spacy_loaded = out.splitlines()
    assert line.startswith(f"2 cpc-draft: error: {refused}: {message}")
    assert spacy_loaded == "False"


# -- the console entry -------------------------------------------------------------------------


def test_the_console_entry_writes_everything_and_keeps_the_exit_code(pair):
    completed = subprocess.run(
        [sys.executable, "-m", "cpc_draft", "compare", *map(str, pair), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout.rstrip().endswith("}")
    assert '"fact_changes"' in completed.stdout


@pytest.mark.parametrize("second", ["docx", "pdf"])
def test_check_loads_the_pdf_table_finder_once_only_when_pdfs_are_to_come(pair, tmp_path, second):
    """Reader children forked after it inherit pdfplumber's table finder (about 0.13 s a
    PDF otherwise); a run without more PDFs does not load it at all."""
    other = pair[1] if second == "docx" else _pdf(tmp_path / "second.pdf", _ARTICLES)
    out = _python(
        "import sys\n"
        "from pathlib import Path\n"
        "from cpc_draft.check import batch\n"
        "from cpc_draft.check.config import Config\n"
        f"paths = [Path({str(pair[0])!r}), Path({str(other)!r})]\n"
        "outcomes = batch.run(paths, Config())\n"
        "print([o.error for o in outcomes], 'pdfplumber.table' in sys.modules)\n"
    )
    assert out == f"[None, None] {second == 'pdf'}\n"
