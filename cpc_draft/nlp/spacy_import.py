"""Import spaCy without its command-line interface.

``import spacy`` ends with ``from .cli.info import info``, and ``spacy.cli`` imports the
whole of spaCy's CLI: typer, weasel, requests, httpx, rich and the training commands.
That is about 0.5 s of every cold ``check`` and ``compare`` (40% of importing spaCy on a
2-core machine), for a function we never call.

While spaCy is imported, ``spacy.cli`` and ``spacy.cli.info`` are placeholders:

- ``spacy.info`` becomes a function that imports the real one when it is called;
- anything else asked of the ``spacy.cli`` placeholder loads the real package;
- the placeholders are removed once spaCy is imported, so a later ``import spacy.cli``
  (a user's plugin, a trained pipeline's package) loads the real CLI as usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def import_spacy():
    """The ``spacy`` module, imported without ``spacy.cli`` if no one imported it yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholders = _placeholders()
    if placeholders is None:  # spaCy is not where the import system would look
        return importlib.import_module("spacy")
    sys.modules.update(placeholders)
    try:
        return importlib.import_module("spacy")
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is placeholders[_CLI]:
            del spacy.cli


def _placeholders() -> dict[str, types.ModuleType] | None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return None
    cli = types.ModuleType(_CLI, "placeholder for spaCy's CLI while spaCy is imported")
    # Submodules other than info (none in spaCy 3.8) are found and loaded for real.
    cli.__path__ = [f"{location}/cli" for location in spec.submodule_search_locations]
    cli.__getattr__ = _real_cli_attribute
    info = types.ModuleType(_INFO, "placeholder for spacy.cli.info")
    info.info = _info
    cli.info = info
    cli._placeholder = info._placeholder = True
    return {_CLI: cli, _INFO: info}


def _real_cli_attribute(name: str):
    """The placeholder's ``__getattr__`` (PEP 562): load the real CLI and answer from it."""
    for placeholder in (_CLI, _INFO):
        if getattr(sys.modules.get(placeholder), "_placeholder", False):
            del sys.modules[placeholder]
    return getattr(importlib.import_module(_CLI), name)


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
