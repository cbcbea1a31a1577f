"""Files in and out: regular-file inputs within limits, YAML with line numbers, outputs
written atomically."""
