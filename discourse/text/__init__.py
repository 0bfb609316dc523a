"""Reading: the span model, decoding and structure, sentences, the tokenizer, proper names and
input coercion. Everything here points into ``Article.text`` with half-open offsets."""
