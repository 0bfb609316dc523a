"""Safe file output: atomic writes and file names derived from untrusted text.

Every file the package writes goes through :func:`atomic_write`: the content is written to a
temporary file in the same folder and renamed over the target, so an interrupted run never
leaves a half-written file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from discourse.errors import DiscourseError

__all__ = ["OutputError", "atomic_write", "ensure_folder", "safe_filename", "write_text"]


class OutputError(DiscourseError, OSError):
    """An output folder or file cannot be created or written."""


def ensure_folder(folder: str | Path) -> Path:
    """Create ``folder`` (and parents) and check that it is writable."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot create the output folder ({exc.strerror}). Choose another "
            "output folder."
        ) from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: the output folder is not writable. Choose another folder.")
    return path


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file next to ``path``; rename it over ``path`` on success.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_write(target) as f:
    ...     _ = f.write("done")
    >>> target.read_text()
    'done'
    """
    path = Path(path)
    ensure_folder(path.parent)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8); return the path."""
    with atomic_write(path) as handle:
        handle.write(text)
    return Path(path)


def write_with(path: str | Path, writer: Callable[[str], Any]) -> Path:
    """Atomically write a file produced by ``writer(tmp_path)`` (e.g. ``fig.savefig``)."""
    path = Path(path)
    ensure_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: str, path: Path) -> None:
    # mkstemp creates 0600 files; outputs are meant to be shared like any other file.
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_filename(name: str, *, default: str = "document", max_length: int = 80) -> str:
    """A file name made from untrusted text: no folders, no dots in front, ASCII only.

    Examples
    --------
    >>> safe_filename("../../etc/passwd")
    'etc_passwd'
    >>> safe_filename("Lavrov: Moscow–Baku ties")
    'Lavrov_Moscow-Baku_ties'
    """
    text = unicodedata.normalize("NFKD", name).replace("–", "-").replace("—", "-")
    text = text.encode("ascii", "ignore").decode("ascii")
    text = _UNSAFE.sub("_", text).strip("._-")
    text = re.sub(r"_+", "_", text)[:max_length].strip("._-")
    return text or default
