"""Sentence sentiment: TextBlob's and VADER's scores (exact ports) and a combined score."""
