"""`compare`: two versions of a draft, or the language versions of one draft."""
