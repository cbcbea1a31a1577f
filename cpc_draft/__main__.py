from cpc_draft.cli import run

run()
