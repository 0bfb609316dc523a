"""Lexicons: glob patterns, dictionaries, and the loader/validator for lexicon files."""
