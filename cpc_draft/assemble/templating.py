"""The Jinja environment every clause renders in.

Sandboxed (a clause can call no Python it was not handed) and strict (a misspelt variable
is an error, not a blank). Spec values are never templates: Jinja prints them as text.
Each printed value is prefixed with VALUE_MARK so that the line-based markup parser can
tell a clause author's "1. " from a spec value that happens to begin with "1. "; the mark
is a control character, which spec validation refuses in user text, and the parser
removes it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined, Template
from jinja2.bccache import FileSystemBytecodeCache
from jinja2.sandbox import ImmutableSandboxedEnvironment

from cpc_draft import __version__

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


def compile_template(name: str, source: str) -> Template:
    """A clause template, compiled once per user and reused from a bytecode cache.

    Compiling the library's ~40 templates is a third of a cold `assemble`. The cache is
    keyed on the source, so an edited clause is recompiled; where the cache folder cannot
    be written (read-only home, CI sandbox) we compile every time and say nothing.
    """
    environment = template_environment()
    cache = _bytecode_cache()
    if cache is None:
        return environment.from_string(source)
    try:
        bucket = cache.get_bucket(environment, name, None, source)
        if bucket.code is None:
            bucket.code = environment.compile(source, name)
            cache.set_bucket(bucket)
        return environment.template_class.from_code(
            environment, bucket.code, environment.make_globals(None), None
        )
    except OSError:
        return environment.from_string(source)


@cache
def _bytecode_cache() -> FileSystemBytecodeCache | None:
    if os.environ.get("CPC_DRAFT_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "cpc-draft" / f"templates-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    if not os.access(folder, os.W_OK) or folder.stat().st_uid != os.getuid():
        return None  # never load code from a folder someone else controls
    return FileSystemBytecodeCache(str(folder))
