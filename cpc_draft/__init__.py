"""cpc_draft: assemble, check and compare Child Protection Compact Partnership drafts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cpc-draft")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
