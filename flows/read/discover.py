"""Find the inbox files a run should handle: new or changed since the warehouse last saw them.

Discovery looks at names, sizes and mtimes only (cheap); content hashes are taken when a file is read.
Nothing here, nor anywhere in akhbar, modifies, moves or deletes an inbox file.
"""

from __future__ import annotations

import os
import stat as stat_module
from dataclasses import dataclass
from pathlib import Path

from flows.errors import AkhbarError

SUPPORTED_SUFFIXES = frozenset({".html", ".htm", ".txt"})
SIDECAR_SUFFIX = ".meta.json"
# Names browsers and editors give files still being written: wait until they are renamed.
IN_PROGRESS_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp", ".swp", ".opdownload")
IN_PROGRESS_PREFIXES = ("~$", ".~lock.", ".#")


@dataclass(frozen=True, slots=True)
class InboxFile:
    rel_path: str  # relative to the inbox, "/"-separated: the key of the files table
    path: Path
    size: int
    mtime_ns: int
    outside_link: bool = False  # a symlink whose target is outside the inbox: quarantined, never read
    broken_link: bool = False  # a symlink whose target does not exist: quarantined (read again once it resolves)


def is_in_progress(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(IN_PROGRESS_SUFFIXES) or name.startswith(IN_PROGRESS_PREFIXES)


def is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX)


def require_inbox_folder(inbox: Path) -> None:
    """The check every command that reads the inbox makes first."""
    if not inbox.is_dir():
        raise AkhbarError(f"inbox {inbox} is not a folder (set --inbox or AKHBAR_INBOX)")


def scan_inbox(inbox: Path) -> list[InboxFile]:
    """Every candidate file under ``inbox`` in a stable order (hidden folders and in-progress names skipped)."""
    root = inbox.resolve()
    found: list[InboxFile] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(_folder_links_out(root, Path(folder), dirs))
        for name in sorted(names):
            if name.startswith(".") or is_in_progress(name):
                continue
            path = Path(folder) / name
            if is_sidecar(name) and article_for_sidecar(path) is not None:
                continue  # read with its article (read_sidecar), not a file of its own
            item = _inbox_file(root, path)
            if item is not None:
                found.append(item)
    return found


def _folder_links_out(root: Path, folder: Path, dirs: list[str]) -> list[InboxFile]:
    """Symlinked folders that lead out of the inbox: never walked, but reported (quarantined), not skipped silently.

    A link to a folder inside the inbox is left out: its files are found where they really are.
    """
    links = []
    for name in dirs:
        link = folder / name
        if link.is_symlink() and not link.resolve().is_relative_to(root):
            links.append(InboxFile(text_name(link.relative_to(root).as_posix()), link, 0, 0, outside_link=True))
    return links


def _inbox_file(root: Path, path: Path) -> InboxFile | None:
    rel = text_name(path.relative_to(root).as_posix())
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                return InboxFile(rel, path, 0, 0, outside_link=True)
            if not target.exists():
                return InboxFile(rel, path, 0, 0, broken_link=True)
            stat = target.stat()
        else:
            stat = path.stat()
    except (FileNotFoundError, OSError):
        return None  # vanished while listing (or a dangling link): nothing to handle
    if not _is_regular(stat.st_mode):
        return None
    return InboxFile(rel, path, stat.st_size, stat.st_mtime_ns)


def text_name(name: str) -> str:
    """``name`` as valid text: bytes that are not UTF-8 (kept by Python as lone surrogates) shown as ``\\xff``.

    Linux names are bytes; one that is not UTF-8 cannot be stored as text and would fail every load.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def _is_regular(mode: int) -> bool:
    return stat_module.S_ISREG(mode)


def new_files(found: list[InboxFile], known: dict[str, set[tuple[int, int]]]) -> list[InboxFile]:
    """The files whose (size, mtime) the warehouse has not recorded for that path."""
    return [f for f in found if (f.size, f.mtime_ns) not in known.get(f.rel_path, set())]


def article_for_sidecar(sidecar: Path) -> Path | None:
    """The article file that ``sidecar_for`` pairs with ``sidecar``, or None for an orphan sidecar."""
    base = sidecar.name[: -len(SIDECAR_SUFFIX)] if sidecar.name.endswith(SIDECAR_SUFFIX) else None
    if not base:
        return None
    candidates = [sidecar.with_name(base + suffix) for suffix in sorted(SUPPORTED_SUFFIXES)]
    if Path(base).suffix.lower() in SUPPORTED_SUFFIXES:
        candidates.insert(0, sidecar.with_name(base))
    return next((c for c in candidates if c.is_file() and sidecar_for(c) == sidecar), None)


def sidecar_for(path: Path) -> Path | None:
    """``NAME.meta.json`` (or ``NAME.ext.meta.json``) next to ``path``, if there is one."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None
