"""Topic segments within each section, and corpus topics."""
