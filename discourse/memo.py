"""Work shared by the steps of one analysis: pure functions of a text computed once.

Several steps read the same sentences with the same function (the corrected lexicon pass
scores a sentence for the sentiment step and again for every target the stance step finds
in it). A function decorated with :func:`per_analysis` keeps its results while an
:func:`analysis_scope` is open, which :meth:`discourse.Pipeline.analyze` opens around its
steps, and forgets them when it closes: nothing is kept from one document to the next, and
outside a scope the function is called as usual. A scope keeps at most
:data:`MAX_RESULTS` results; later calls are computed as usual, so that a very long
document does not hold every sentence's tokens at once (Python's garbage collector walks
every object kept, and on a 5 MB document that walk cost more than the sharing saved).

Examples
--------
>>> calls = []
>>> @per_analysis
... def shout(text):
...     calls.append(text)
...     return text.upper()
>>> with analysis_scope():
...     shout("peace"), shout("peace")
('PEACE', 'PEACE')
>>> shout("peace"), len(calls)  # outside a scope: called again
('PEACE', 2)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

__all__ = ["MAX_RESULTS", "analysis_scope", "per_analysis"]

#: Results one scope keeps (all functions together): some four per sentence, so articles of
#: up to several thousand sentences share all their work.
MAX_RESULTS = 30_000

R = TypeVar("R")

#: The results of the open scope, by function and arguments; None outside a scope.
_RESULTS: ContextVar[dict[Hashable, Any] | None] = ContextVar("discourse_memo", default=None)


@contextmanager
def analysis_scope() -> Iterator[None]:
    """Keep the results of :func:`per_analysis` functions until the block ends.

    Scopes nest: an inner scope starts empty and the outer one is restored after it.
    """
    token = _RESULTS.set({})
    try:
        yield
    finally:
        _RESULTS.reset(token)


def per_analysis(fn: Callable[..., R]) -> Callable[..., R]:
    """Compute ``fn`` once per distinct positional arguments inside an :func:`analysis_scope`.

    ``fn`` must be pure and its positional arguments hashable; a call with keyword arguments
    is not remembered.
    """

    @wraps(fn)
    def remembered(*args: Any, **kwargs: Any) -> R:
        results = _RESULTS.get()
        if results is None or kwargs:
            return fn(*args, **kwargs)
        key = (fn, args)
        try:
            return results[key]
        except KeyError:
            value = fn(*args)
            if len(results) < MAX_RESULTS:
                results[key] = value
            return value

    return remembered
