"""Writing files and folders whole or not at all.

A file is written to a temporary file beside it and moved into its place
(``os.replace``, atomic on POSIX and Windows) only once it is complete and
on the disk; a folder is made beside its place and swapped in. A write that
fails, or is interrupted, leaves what was there before as it was and
removes its temporary file. Only a process killed outright (``SIGKILL``, a
power cut) can leave one behind: a hidden file or folder named
``.NAME.*.tmp`` beside the target. A file built first in a folder of the
system's temporary ones (:func:`made_aside`: an SQLite database) is removed
by the command line whatever stops it but ``SIGKILL``; a program of its
own that ``SIGTERM`` or ``SIGHUP`` ends without a handler of its own may
leave that folder.

Ctrl-C (``SIGINT``), ``SIGTERM`` and ``SIGHUP`` are held back while a
file is put in its place (:func:`interrupts_held`): they would otherwise
stop the write between making the temporary file and removing it, or after
the new file is in place, so that a program that says it was interrupted
had written its file after all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Collection, Iterator
from contextvars import ContextVar
from typing import Any, TypeGuard, TypeVar

T = TypeVar("T")

__all__ = ["interrupts_held", "made_aside", "named", "remove_aside", "replace_folder", "write_file"]

# Whether a Ctrl-C held back while a file was put in place is raised once it
# is there (a script learns it was interrupted, its file whole), or the
# process goes on deaf to Ctrl-C: the command line's, whose command is done
# once its file is in place (its main() gives the handler back).
interrupt_after_writing: ContextVar[bool] = ContextVar("interrupt_after_writing", default=True)


# The signals that stop a program by default and that a program may catch:
# Ctrl-C, kill's and service managers' SIGTERM, a closed terminal's SIGHUP.
STOPS = ("SIGINT", "SIGTERM", "SIGHUP")


def stop_handlers() -> dict[int, Any]:
    """The handlers of :data:`STOPS`, by number, where this thread may set
    them (none elsewhere). A handler set outside Python, which
    ``getsignal`` says is ``None``, could not be set back: that signal is
    left out, and so left as it is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    numbers = [
        n for name in STOPS if (n := getattr(signal, name, None)) is not None
    ]  # SIGHUP: not on Windows
    return {n: h for n in numbers if (h := signal.getsignal(n)) is not None}


def give_back(handlers: dict[int, Any], quiet: bool = False) -> None:
    """Set each signal's handler back (with ``quiet``, ignore each instead),
    Ctrl-C's last: a Ctrl-C that comes meanwhile raises, and would leave the
    others as they were set."""
    import signal

    for number in sorted(handlers, key=lambda n: n == signal.SIGINT):
        signal.signal(number, signal.SIG_IGN if quiet else handlers[number])


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (``SIGINT``), ``SIGTERM`` and ``SIGHUP`` held back for the
    block: one that comes meanwhile is delivered when the block ends, or,
    where :data:`interrupt_after_writing` is false, all three are ignored
    from then on (the command line is done). Only the main thread receives
    signals; elsewhere the block runs as it is."""
    import signal

    caught: list[tuple[int, Any]] = []
    held = stop_handlers()
    try:
        for number in held:
            signal.signal(number, lambda n, frame: caught.append((n, frame)))
    except ValueError:  # not the main interpreter
        yield
        return
    try:
        yield
    finally:
        give_back(held, quiet=not interrupt_after_writing.get())
        # Each signal that came, once, a stop before an interrupt (Ctrl-C's
        # KeyboardInterrupt would end the delivery before it).
        first = dict(reversed(caught))
        for number in sorted(first, key=lambda n: n == signal.SIGINT):
            handler = held[number]
            if signal.getsignal(number) == signal.SIG_IGN:
                continue
            if callable(handler):
                handler(number, first[number])  # Python's own for SIGINT raises KeyboardInterrupt
            elif handler == signal.SIG_DFL:
                signal.raise_signal(number)


# The folders made aside to build a file in, not yet removed: the command
# line's Ctrl-C, SIGTERM and SIGHUP, which end the process at once (see
# cli._script), remove them first. (A file is put in place with interrupts held back.)
_ASIDE: set[str] = set()


@contextlib.contextmanager
def made_aside() -> Iterator[str]:
    """A new folder of the system's temporary ones to build a file in:
    removed when the block ends, or by :func:`remove_aside` if the program
    is stopped meanwhile."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp()
    _ASIDE.add(folder)
    try:
        yield folder
    finally:
        _ASIDE.discard(folder)
        shutil.rmtree(folder, ignore_errors=True)


def remove_aside() -> None:
    """Remove every folder :func:`made_aside` has made and not yet removed:
    the program is stopping."""
    import shutil

    for folder in list(_ASIDE):
        shutil.rmtree(folder, ignore_errors=True)


def is_text_path(path: object) -> TypeGuard[str | os.PathLike[str]]:
    """Whether ``path`` is a path the library reads and writes: text, or an
    ``os.PathLike`` that gives text (a path of bytes, or one that gives
    bytes, written to would not be read back through the same path)."""
    return isinstance(path, str) or (isinstance(path, os.PathLike) and isinstance(os.fspath(path), str))


def named(path: str | os.PathLike[str], what: str) -> str | bytes:
    """``path`` as ``os.fspath`` gives it, or :class:`~peel_effectiveness.PeelDataError`
    where it is empty: an empty path names no ``what`` (it is never taken
    for the current folder or standard output)."""
    given = os.fspath(path)
    if not given:
        from .errors import PeelDataError, Problem

        raise PeelDataError([Problem(f"an empty path names no {what}")])
    return given


def _temporary(folder: str, name: str, make: Callable[[str], T]) -> tuple[str, T]:
    """A new file or folder beside ``name`` in ``folder``, with a name no
    one else has: its path and what ``make`` gave."""
    # Cut to 200 bytes, not characters, as a file's name is limited (255
    # bytes most places): 120 letters é with a suffix are a name of 244.
    short = name[:200]
    while len(os.fsencode(short)) > 200:
        short = short[:-1]
    for _ in range(100):
        path = os.path.join(folder, f".{short}.{os.urandom(4).hex()}.tmp")
        try:
            return path, make(path)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", os.path.join(folder, name))


def _as_target(e: OSError, target: str | os.PathLike[str]) -> OSError:
    """The error of a temporary file as an error about the file wanted."""
    return type(e)(e.errno, e.strerror or str(e), os.fspath(target))


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to the file ``path`` whole, or leave it as it was.

    A symbolic link is written through, as ``open`` would; a file that is
    not a regular file (``/dev/null``, a named pipe) is written as it is.
    A new file gets the permissions ``open`` would give it, a replaced one
    keeps its own; a file that may not be written (one made read-only,
    ``chmod a-w``) is not replaced.

    Raises:
        OSError: The file cannot be written (named in the error).
    """
    try:
        # The file the path leads to, through links: through /proc's too
        # (/dev/stdout to a pipe), which realpath cannot name.
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        mode = stat.S_IFREG  # (said by _write_file)
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A device or a named pipe is written as it is: no temporary file
        # is left to remove, and a pipe no one reads would hold the signals
        # back for good (Ctrl-C could not stop the wait).
        _write_file(path, data)
        return
    with interrupts_held():
        _write_file(path, data)


def _writable(target: str, mode: int) -> bool:
    """Whether the file may be written: a write permission of its mode,
    and the process's (its effective ids, where the system can say)."""
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False
    effective = os.access in os.supports_effective_ids
    return os.access(target, os.W_OK, effective_ids=effective)


def names_a_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` can only name a folder, as ``open`` takes it: it
    ends in a separator, ``.`` or ``..`` (which realpath would tidy away,
    and so write the file before it)."""
    given = os.fsdecode(path)
    last = given.rstrip(os.sep + (os.altsep or ""))
    return last != given or os.path.basename(given) in ("", ".", "..")


def writes_to(path: str | os.PathLike[str], stream: Any) -> bool:
    """Whether ``path`` is the file, pipe or terminal ``stream`` writes to
    (``/dev/stdout``, or the file standard output already is): what is
    written there goes through the stream, whose place in the file the
    shell shares (a file of its own would replace what the shell wrote
    before and after, or write over it)."""
    try:
        mine, named = os.fstat(stream.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError, TypeError):
        return False  # closed, in memory, or no such file: not the stream
    if stat.S_ISCHR(named.st_mode):
        return False  # a device (/dev/null, a terminal) keeps no place to share
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def names_descriptor(path: str | os.PathLike[str]) -> int | None:
    """The descriptor ``path`` names by its name (``/dev/stdout`` 1,
    ``/dev/fd/2`` and ``/proc/self/fd/2`` 2...), or ``None``: standard
    output and error on one terminal are one file, told apart by name."""
    given = os.path.abspath(os.fsdecode(path))
    named = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}.get(given)
    if named is not None:
        return named
    for folder in ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/"):
        rest = given[len(folder) :] if given.startswith(folder) else ""
        if rest.isdigit():
            return int(rest)
    return None


def is_terminal(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a terminal (``/dev/tty``): what is written there
    is read by a person, whose terminal runs control codes."""
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except (OSError, ValueError, TypeError):
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _write_file(path: str | os.PathLike[str], data: bytes) -> None:
    try:
        if names_a_folder(path):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        try:
            mode: int | None = os.stat(path).st_mode  # through links, as write_file's
        except FileNotFoundError:
            mode = None  # a new file, or a link to one: made where realpath says
        if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            with open(path, "wb") as f:  # a device or a named pipe, as it is
                f.write(data)
            return
        target = os.path.realpath(path)
        if mode is not None and stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if mode is not None and stat.S_ISREG(mode) and not _writable(target, mode):
            # Replacing a file needs only its folder's permission: a file
            # made read-only is refused, as writing it in place is (by
            # anyone: root may write it in place, and is kept from it too).
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        folder, name = os.path.split(target)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        tmp, fd = _temporary(folder, name, lambda p: os.open(p, flags, 0o666))
    except OSError as e:
        raise _as_target(e, path) from None
    except ValueError as e:  # a NUL in the name
        raise OSError(errno.EINVAL, str(e), os.fspath(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, target)
    except OSError as e:
        _remove(tmp)
        if e.errno == errno.EBUSY:  # a file mounted into a container (docker -v out.db:/out.db)
            raise _mounted("file", "another path", path) from None
        raise _as_target(e, path) from None
    except BaseException:
        _remove(tmp)
        raise


def _mounted(what: str, where: str, path: str | os.PathLike[str]) -> OSError:
    """The error of a file or folder mounted at ``path`` (a mount point),
    which cannot be moved aside or replaced: what is written whole is
    written beside it and moved there (a container's mounted file or folder)."""
    why = f"a {what} mounted here (a mount point), which cannot be replaced whole: write to {where}"
    return OSError(errno.EBUSY, why, os.fspath(path))


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def replace_folder(
    path: str | os.PathLike[str],
    fill: Callable[[str], T],
    allowed: Collection[str] = (),
    what: str = "what is written here",
) -> T:
    """Make the folder ``path`` anew: ``fill`` writes its files into a new
    folder beside it, which then takes its place; what ``fill`` returns is
    returned. If ``fill`` fails, or is interrupted, the folder is left as
    it was.

    Args:
        path: The folder.
        fill: Writes the files into the folder it is given.
        allowed: The names an existing folder may hold: a folder holding
            anything else is not replaced (it is not one this function
            made), so nothing but what it made is ever removed.
        what: What the folder holds, for the error that refuses one
            holding anything else ("a data package").

    Raises:
        OSError: The folder cannot be written, or holds other files
            (named in the error).
    """
    with interrupts_held():
        return _replace_folder(path, fill, allowed, what)


def _replace_folder(
    path: str | os.PathLike[str], fill: Callable[[str], T], allowed: Collection[str], what: str
) -> T:
    import shutil

    target = os.path.realpath(path)
    try:
        try:
            mode: int | None = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None:
            if not stat.S_ISDIR(mode):
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), os.fspath(path))
            # A folder under an allowed name (forces.csv/) is not a file this
            # function wrote: removing it would remove what it holds.
            with os.scandir(target) as entries:
                others = sorted(
                    e.name + "/" if e.is_dir(follow_symlinks=False) else e.name
                    for e in entries
                    if e.name not in allowed or e.is_dir(follow_symlinks=False)
                )
            if others:
                # Only on this failure: the model is not imported for it.
                from .model._messages import first_of

                shown = first_of(others, 3)
                raise FileExistsError(
                    errno.EEXIST,
                    f"the folder holds more than {what} ({shown}), which replacing it would remove: "
                    "name a new folder",
                    os.fspath(path),
                )
            if os.path.ismount(target):  # said before the folder is filled, not after
                raise _mounted("folder", "a folder inside it", path)
            # A file of it mounted (docker -v host.csv:/out/pk/grid.csv) would
            # move aside with the folder, and the new one not reach the host.
            mounted = sorted(n for n in os.listdir(target) if os.path.ismount(os.path.join(target, n)))
            if mounted:
                why = f"its file {mounted[0]} is mounted here (a mount point), which cannot be replaced: write to another folder"
                raise OSError(errno.EBUSY, why, os.fspath(path))
        parent, name = os.path.split(target)
        os.makedirs(parent, exist_ok=True)  # as a folder is made where none is
        tmp, _ = _temporary(parent, name, lambda p: os.mkdir(p, 0o777))
    except OSError as e:
        raise _as_target(e, path) from None
    except ValueError as e:  # a NUL in the name
        raise OSError(errno.EINVAL, str(e), os.fspath(path)) from None
    try:
        result = fill(tmp)
        if mode is None:
            os.rename(tmp, target)
            return result
        os.chmod(tmp, stat.S_IMODE(mode))
        try:
            old, _ = _temporary(parent, name, lambda p: os.rename(target, p))
        except OSError as e:
            if e.errno != errno.EBUSY:
                raise
            # A mount point (a container's mounted folder) cannot be moved aside.
            raise _mounted("folder", "a folder inside it", path) from None
        try:
            os.rename(tmp, target)
        except BaseException:
            os.rename(old, target)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return result
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _as_target(e, path) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
