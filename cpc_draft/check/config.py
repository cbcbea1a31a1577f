"""Rule levels from `.cpc-draft.toml` or `[tool.cpc-draft]` in pyproject.toml.

    [rules]
    binding-wording = "error"      # error, warning, info or off
    term-length = "off"

Each checked file takes the nearest configuration at or above its own folder, as ruff and
Vale find theirs; a file with none above it takes the one at or above the current folder.
``check --config FILE`` sets one configuration for every file. A configuration is
validated like a spec: every problem at once, each as ``FILE:LINE: KEY: PROBLEM``.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from cpc_draft.check.config_lines import line_of, syntax_error_line
from cpc_draft.check.rules import LEVELS, RULES
from cpc_draft.errors import CpcDraftError
from cpc_draft.fileio.inputs import read_input_text

OWN_FILE, PROJECT_FILE = ".cpc-draft.toml", "pyproject.toml"
PROJECT_TABLE = ("tool", "cpc-draft")
MAX_CONFIG_BYTES = 1_000_000  # a configuration is a few lines; pyproject.toml a few pages


@dataclass(frozen=True)
class Config:
    levels: dict[str, str] = field(default_factory=dict)
    source: Path | None = None
    model: str | None = None  # an installed trained spaCy pipeline (check --model); optional
    found: bool = True  # found by looking upwards (not --config): a file's own may differ

    def level(self, rule_id: str) -> str:
        return self.levels.get(rule_id, RULES[rule_id].DEFAULT_LEVEL)

    def for_file(self, path: Path) -> Config:
        """The configuration that governs ``path``: its folder's nearest, else this one."""
        if not self.found:
            return self
        nearest = find_config(Path(os.path.abspath(path)).parent)
        if nearest is None or nearest == self.source:
            return self
        return replace(_load_file(nearest), model=self.model)


class ConfigError(CpcDraftError):
    """Raised when a configuration file is malformed or names an unknown rule or level;
    holds every problem found, each ``FILE:LINE: KEY: PROBLEM``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `.cpc-draft.toml`, or pyproject.toml with a [tool.cpc-draft] table, at
    or above ``start`` (the current folder)."""
    folder = Path(os.path.abspath(start or Path.cwd()))
    for candidate in (folder, *folder.parents):
        own = candidate / OWN_FILE
        if os.path.lexists(own):  # a pipe or a link to nothing is refused, not passed over
            return own
        project = candidate / PROJECT_FILE
        if os.path.isfile(project) and _has_project_table(project):
            return project
    return None


def load_config(path: Path | None = None) -> Config:
    """The configuration at ``path`` (``--config``), or the one found from the current
    folder, which each file's own nearer configuration overrides (:meth:`Config.for_file`)."""
    if path is not None:
        return replace(_load_file(path), found=False)
    found = find_config()
    return _load_file(found) if found else Config()


# Each file read once, however many drafts it governs (and again if it changed).
_LOADED: dict[tuple, Config] = {}


def _load_file(path: Path) -> Config:
    try:
        status = os.stat(path)
        key = (path, status.st_mtime_ns, status.st_size, status.st_ino)
    except OSError:  # reading it says why, in one line
        return _read_config(path)
    if key not in _LOADED:
        _LOADED[key] = _read_config(path)
    return _LOADED[key]


def _read_config(path: Path) -> Config:
    text = read_input_text(path, max_bytes=MAX_CONFIG_BYTES)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, problem = syntax_error_line(error, text.count("\n") + 1)
        raise ConfigError([f"{path}:{line}: TOML syntax error: {problem}"]) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise ConfigError([f"{path}:1: TOML nested too deeply to be a configuration"]) from None
    prefix: tuple[str, ...] = ()
    if path.name == PROJECT_FILE:
        prefix = PROJECT_TABLE
        data = data.get("tool", {}).get("cpc-draft", {}) if _is_table(data.get("tool")) else {}
    problems = _Validator(path, text, prefix)
    levels = problems.check(data)
    if problems.found:
        raise ConfigError([message for _, message in sorted(problems.found)])
    return Config(levels, path)


class _Validator:
    """Checks the parsed configuration, collecting every problem with its line."""

    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]) -> None:
        self.path, self.lines, self.prefix = path, text.splitlines(), prefix
        self.found: list[tuple[int, str]] = []  # (line, message): reported in line order

    def problem(self, keys: tuple[str, ...], message: str, *, shown: int | None = None) -> None:
        """``message`` about ``keys``, on their line; only the first ``shown`` keys named."""
        where = (*self.prefix, *keys)
        line = line_of(self.lines, where)
        named = ".".join(where[: None if shown is None else len(self.prefix) + shown])
        self.found.append((line, f"{self.path}:{line}: {named or '(top level)'}: {message}"))

    def check(self, data: object) -> dict[str, str]:
        if not _is_table(data):
            self.problem((), f"expected a table with [rules], got {_describe(data)}")
            return {}
        for key in data:
            if key != "rules":
                hint = _did_you_mean(key, ["rules"])
                self.problem((key,), f"unknown section (only [rules] is known){hint}")
        rules = data.get("rules", {})
        if not _is_table(rules):
            self.problem(("rules",), f"expected a table of rule = level, got {_describe(rules)}")
            return {}
        return {
            rule_id: level for rule_id, level in rules.items() if self.check_rule(rule_id, level)
        }

    def check_rule(self, rule_id: str, level: object) -> bool:
        if rule_id not in RULES:
            hint = _did_you_mean(rule_id, RULES)
            self.problem(("rules", rule_id), f"unknown rule {rule_id!r}{hint}", shown=1)
            return False
        if level not in LEVELS:
            self.problem(
                ("rules", rule_id), f"level {_describe(level)} is not one of {', '.join(LEVELS)}"
            )
            return False
        return True


def _has_project_table(path: Path) -> bool:
    return "[tool.cpc-draft" in read_input_text(path, max_bytes=MAX_CONFIG_BYTES)


def _is_table(value: object) -> bool:
    return isinstance(value, dict)


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value) if isinstance(value, str) else f"{type(value).__name__} {value!r}"
