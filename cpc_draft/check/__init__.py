"""Check: a draft -> facts per language -> element statuses -> rule findings."""
