"""Files in and out: YAML with line numbers, outputs written atomically."""
