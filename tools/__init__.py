"""Developer tools (not installed): benchmark, fuzzing and model-fitting scripts."""
