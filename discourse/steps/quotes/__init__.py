"""Quotes and speakers: who speaks in each sentence, directly or reported."""
