"""The command-line interface (`accord ...`), on top of the pipeline and the store."""
