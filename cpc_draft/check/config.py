"""Rule levels from `.cpc-draft.toml` or `[tool.cpc-draft]` in pyproject.toml.

    [rules]
    binding-wording = "error"      # error, warning, info or off
    term-length = "off"

The nearest configuration file at or above the current folder wins; an unknown rule or
level is refused with the file named (and "did you mean …?").
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from cpc_draft.check.rules import LEVELS, RULES
from cpc_draft.errors import CpcDraftError


@dataclass(frozen=True)
class Config:
    levels: dict[str, str] = field(default_factory=dict)
    source: Path | None = None
    model: str | None = None  # an installed trained spaCy pipeline (check --model); optional

    def level(self, rule_id: str) -> str:
        return self.levels.get(rule_id, RULES[rule_id].DEFAULT_LEVEL)


class ConfigError(CpcDraftError):
    """Raised when a configuration file is unreadable or names an unknown rule or level."""


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / ".cpc-draft.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and "[tool.cpc-draft" in project.read_text("utf-8", errors="replace"):
            return project
    return None


def load_config(path: Path | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration ({error})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("cpc-draft", {})
    unknown = set(data) - {"rules"}
    if unknown:
        raise ConfigError(f"{path}: unknown section {sorted(unknown)[0]!r} (only [rules] is known)")
    levels = {}
    for rule_id, level in (data.get("rules") or {}).items():
        if rule_id not in RULES:
            close = difflib.get_close_matches(rule_id, RULES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"{path}: unknown rule {rule_id!r}{hint}")
        if level not in LEVELS:
            raise ConfigError(
                f"{path}: rule {rule_id!r}: level {level!r} is not one of {', '.join(LEVELS)}"
            )
        levels[rule_id] = level
    return Config(levels, path)
