"""The Jinja environment every clause renders in.

Sandboxed (a clause can call no Python it was not handed) and strict (a misspelt variable
is an error, not a blank). Spec values are never templates: Jinja prints them as text.
Each printed value is prefixed with VALUE_MARK so that the line-based markup parser can
tell a clause author's "1. " from a spec value that happens to begin with "1. "; the mark
is a control character, which spec validation refuses in user text, and the parser
removes it.
"""

from __future__ import annotations

from functools import cache

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

VALUE_MARK = "\x02"


def capfirst(value: object) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def _mark_value(value: object) -> object:
    if isinstance(value, str) and value:
        return VALUE_MARK + value
    return value


@cache
def template_environment(*, mark_values: bool = True) -> ImmutableSandboxedEnvironment:
    """The clause environment; ``mark_values=False`` for templates that are not clauses."""
    environment = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_mark_value if mark_values else None,
    )
    environment.filters["capfirst"] = capfirst
    return environment
