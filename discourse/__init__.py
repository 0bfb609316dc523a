"""discourse: political discourse analysis of news articles and speeches."""
__version__ = "0.1.0"
