"""Configuration of `check`: found from each draft's folder upwards, validated like a spec.

What a user sees: which rules fire for which draft, and for a bad configuration every
problem at once, each ``FILE:LINE: KEY: PROBLEM``, exit code 2 and no traceback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

ROOT = Path(__file__).resolve().parent.parent
JAMAICA = ROOT / "examples" / "received" / "jamaica-draft.txt"
# The Jamaica draft fires both: element F is missing, and it never says it is non-binding.
MISSING, NON_BINDING = "element-missing", "non-binding-statement"


def check(*args, cwd: Path, monkeypatch) -> object:
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, ["check", *map(str, args)])


def rules_fired(result) -> dict[str, set[str]]:
    """Each reviewed document's path -> the rule ids of its findings."""
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    return {
        document["path"]: {finding["rule"] for finding in document["findings"]}
        for document in report["documents"]
    }


def error_lines(result) -> list[str]:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert all(line.startswith("cpc-draft: error: ") for line in lines), result.stderr
    return [line.removeprefix("cpc-draft: error: ") for line in lines]


def draft_in(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(JAMAICA, folder / "draft.txt"))


# -- found from each file's folder upwards ---------------------------------------------------


def test_each_draft_takes_the_nearest_configuration_above_it(tmp_path, monkeypatch):
    draft_in(tmp_path)
    draft_in(tmp_path / "partner" / "round2")
    (tmp_path / ".cpc-draft.toml").write_text(f'[rules]\n{NON_BINDING} = "off"\n', "utf-8")
    (tmp_path / "partner" / ".cpc-draft.toml").write_text(f'[rules]\n{MISSING} = "off"\n', "utf-8")
    fired = rules_fired(check(".", "--format", "json", cwd=tmp_path, monkeypatch=monkeypatch))
    assert MISSING in fired["draft.txt"] and NON_BINDING not in fired["draft.txt"]
    nested = fired[str(Path("partner/round2/draft.txt"))]
    # the nearest file wins whole, as in ruff: the outer one's settings are not merged in
    assert MISSING not in nested and NON_BINDING in nested


def test_a_draft_outside_the_current_folder_finds_its_own(tmp_path, monkeypatch):
    draft = draft_in(tmp_path / "received")
    (tmp_path / "received" / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.cpc-draft.rules]\n{MISSING} = "off"\n', "utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = check(draft, "--format", "json", cwd=elsewhere, monkeypatch=monkeypatch)
    assert MISSING not in rules_fired(result)[str(draft)]


def test_a_draft_with_none_above_it_takes_the_current_folders(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".cpc-draft.toml").write_text(f'[rules]\n{MISSING} = "off"\n', "utf-8")
    result = check(JAMAICA, "--format", "json", cwd=project, monkeypatch=monkeypatch)
    assert MISSING not in rules_fired(result)[str(JAMAICA)]


def test_config_given_applies_to_every_draft(tmp_path, monkeypatch):
    draft_in(tmp_path / "a")
    (tmp_path / "a" / ".cpc-draft.toml").write_text(f'[rules]\n{NON_BINDING} = "off"\n', "utf-8")
    given = tmp_path / "given.toml"
    given.write_text(f'[rules]\n{MISSING} = "off"\n', "utf-8")
    result = check(
        "a", "--config", given, "--format", "json", cwd=tmp_path, monkeypatch=monkeypatch
    )
    fired = rules_fired(result)[str(Path("a/draft.txt"))]
    assert MISSING not in fired and NON_BINDING in fired


def test_a_bad_configuration_found_for_one_draft_stops_the_run(tmp_path, monkeypatch):
    draft_in(tmp_path / "good")
    draft_in(tmp_path / "bad")
    (tmp_path / "bad" / ".cpc-draft.toml").write_text('[rules]\nterm-lenght = "off"\n', "utf-8")
    result = check(".", cwd=tmp_path, monkeypatch=monkeypatch)
    assert error_lines(result) == [
        f"{tmp_path / 'bad' / '.cpc-draft.toml'}:2: rules: unknown rule 'term-lenght'; "
        "did you mean 'term-length'?"
    ]
    assert result.stdout == ""


# -- every problem at once, each on its line -------------------------------------------------


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, "utf-8")
    return path


def refused(tmp_path, monkeypatch, text: str) -> list[str]:
    path = write_config(tmp_path, text)
    return error_lines(check(JAMAICA, "--config", path, cwd=tmp_path, monkeypatch=monkeypatch))


def test_every_problem_at_once_in_line_order(tmp_path, monkeypatch):
    text = (
        "[rules]\n"
        'element-mising = "off"\n'
        "term-length = 3\n"
        "# a comment\n"
        'binding-wording = "loud"\n'
        "\n"
        "[rule]\n"
        "x = 1\n"
    )
    path = tmp_path / "rules.toml"
    assert refused(tmp_path, monkeypatch, text) == [
        f"{path}:2: rules: unknown rule 'element-mising'; did you mean 'element-missing'?",
        f"{path}:3: rules.term-length: level int 3 is not one of error, warning, info, off",
        f"{path}:5: rules.binding-wording: level 'loud' is not one of error, warning, info, off",
        f"{path}:7: rule: unknown section (only [rules] is known); did you mean 'rules'?",
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('rules = "x"\n', 1, "rules: expected a table of rule = level, got 'x'"),
        ("\n\nrules = [1, 2]\n", 3, "rules: expected a table of rule = level, got an array"),
        (
            'rules = { term-length = "of" }\n',
            1,
            "rules.term-length: level 'of' is not one of error, warning, info, off",
        ),
        (
            '[rules]\nterm-length = ["off"]\n',
            2,
            "rules.term-length: level an array is not one of error, warning, info, off",
        ),
        ('rules.term-lenght = "off"\n', 1, "rules: unknown rule 'term-lenght'"),
    ],
    ids=["string", "array", "inline-table", "level-array", "dotted-key"],
)
def test_a_configuration_of_the_wrong_shape(tmp_path, monkeypatch, text, line, message):
    path = tmp_path / "rules.toml"
    problems = refused(tmp_path, monkeypatch, text)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{line}: {message}")


def test_a_pyproject_table_names_its_full_keys(tmp_path, monkeypatch):
    draft_in(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.cpc-draft.rules]\nterm-length = "never"\n', "utf-8"
    )
    problems = error_lines(check("draft.txt", cwd=tmp_path, monkeypatch=monkeypatch))
    assert problems == [
        f"{tmp_path / 'pyproject.toml'}:5: tool.cpc-draft.rules.term-length: "
        "level 'never' is not one of error, warning, info, off"
    ]


def test_a_toml_syntax_error_names_its_line(tmp_path, monkeypatch):
    path = tmp_path / "rules.toml"
    problems = refused(tmp_path, monkeypatch, '[rules]\nterm-length = "off"\nbroken = \n')
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:3: TOML syntax error: ")


def test_toml_nested_thousands_deep_is_refused_in_one_line(tmp_path, monkeypatch):
    text = "x = " + "[" * 20_000 + "]" * 20_000 + "\n"
    path = tmp_path / "rules.toml"
    assert refused(tmp_path, monkeypatch, text) == [
        f"{path}:1: TOML nested too deeply to be a configuration"
    ]


def test_a_configuration_that_is_not_utf8_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "rules.toml"
    path.write_bytes(b'[rules]\nterm-length = "\xff"\n')
    result = check(JAMAICA, "--config", path, cwd=tmp_path, monkeypatch=monkeypatch)
    assert error_lines(result) == [f"{path}: is not UTF-8 text (bad byte at offset 23)"]


def test_a_good_configuration_still_sets_levels(tmp_path, monkeypatch):
    path = write_config(tmp_path, f'[rules]\n{MISSING} = "warning"\n')
    result = check(JAMAICA, "--config", path, cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output  # its one error-level rule, lowered
