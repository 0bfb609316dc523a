"""The measures: one module or package per analysis step (quotes, sentiment, stance, markers,
keywords, topics). Each defines its public function(s) and its :class:`~discourse.Step`."""
