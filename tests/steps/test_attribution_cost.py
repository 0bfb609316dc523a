"""The cost of speaker resolution grows linearly with the length of the article."""

from __future__ import annotations

from discourse.steps.quotes.attribution import attribute_quotes, quote_columns

_FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Frank", "Greta", "Hugo", "Irina", "Jakob"]
_LAST = ["Smith", "Petrova", "Miller", "Ivanov", "Garcia"]


def _article(n_paragraphs: int) -> str:
    """A generated article: 50 people sharing five surnames, quoted in turn."""
    pars = ["Long talks\n"]
    for i in range(n_paragraphs):
        first = _FIRST[(i // 5) % len(_FIRST)]  # 50 people, each quoted again and again
        last = _LAST[i % len(_LAST)]
        pars.append(
            f'"We will keep talking," said {first} {last}, a senior diplomat. '
            f"{last} added that the talks would go on. The diplomat said more was needed. "
            f'"It is hard," she said.'
        )
    return "\n\n".join(pars)


def _cost(n_paragraphs: int) -> tuple[float, int]:
    found = quote_columns(_article(n_paragraphs))
    n = len(found.columns["sentence_id"])
    return found.resolver_operations / n, n


def test_resolution_cost_per_sentence_does_not_grow():
    small, n_small = _cost(100)
    large, n_large = _cost(800)
    assert n_large > 7 * n_small
    assert small > 0
    # Linear cost: the work per sentence stays about the same (quadratic would be ~8x).
    assert large <= 1.5 * small


def test_speakers_still_resolved_in_long_articles():
    frame = attribute_quotes(_article(300))
    speakers = frame["speaker"].dropna()
    assert speakers.str.contains("Smith").any()
    assert not speakers.eq("The diplomat").any()
