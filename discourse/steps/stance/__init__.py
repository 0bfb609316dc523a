"""Stance toward targets the researcher names: targets, scorers and their evaluation."""
