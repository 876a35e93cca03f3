"""Rule files: schema, loading and validation, the rule kinds, compiled rule sets."""
