"""cpc_draft: assemble, check and compare Child Protection Compact Partnership drafts."""

# The one place the version is written; pyproject.toml reads it from here. A constant
# (not importlib.metadata) because every command's start-up pays for that lookup.
__version__ = "0.1.0"
