"""A backup folder's layout and ``manifest.json``: what the folder holds, every file's
size and SHA-256, and the check that nothing is missing, changed or added.

Shared by ``canvas.ops.backup``, which writes a folder, and ``canvas.ops.restore``.
"""

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

FORMAT: Literal[1] = 1  # the layout of a backup folder; a reader refuses any other
MANIFEST = "manifest.json"
WORKSHOPS = "workshops"
SQLITE_COPY = "database.sqlite"
POSTGRES_DUMP = "database.dump"

Kind = Literal["sqlite", "postgresql"]


class BackupError(Exception):
    """A backup or restore was refused or failed; the message says why and what to do."""


class FileEntry(BaseModel):
    """A file of the backup folder with its size and checksum."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int = Field(ge=0)


class WorkshopEntry(FileEntry):
    """A workshop's JSON file, and what the database said of the workshop."""

    id: int
    title: str
    course_id: int | None = None
    participant: str = ""


class Manifest(BaseModel):
    """``manifest.json``: what the folder holds and how to check it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = FORMAT
    created_at: datetime
    database: Kind
    alembic_revision: str
    document_schema_version: int
    rows: dict[str, int]  # rows per table when the backup was taken
    database_copy: FileEntry
    workshops: list[WorkshopEntry]


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_entry(folder: Path, name: str) -> FileEntry:
    path = folder / name
    return FileEntry(file=name, sha256=checksum(path), bytes=path.stat().st_size)


_FILE_NAMES = re.compile(rf"({WORKSHOPS}/[0-9]+\.json|{SQLITE_COPY}|{POSTGRES_DUMP})")


def read_manifest(folder: Path) -> Manifest:
    """The folder's manifest, or ``BackupError`` saying what is wrong with it."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder")
    if not path.is_file():
        raise BackupError(f"{path} is missing: this is not a backup folder")
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not valid JSON: {error}") from error
    if isinstance(data, dict) and data.get("format") != FORMAT:
        raise BackupError(
            f"{path} has backup format {data.get('format')!r}; this release reads {FORMAT}"
        )
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as error:
        raise BackupError(f"{path} is malformed: {error}") from error
    for entry in [manifest.database_copy, *manifest.workshops]:
        # The names are ours: anything else (a path outside the folder) is tampering.
        if not _FILE_NAMES.fullmatch(entry.file):
            raise BackupError(f"{path} lists an unexpected file name {entry.file!r}")
    return manifest


def verify(folder: Path, entries: Sequence[FileEntry]) -> None:
    """Raise ``BackupError`` naming every listed file that is missing or changed,
    and every workshop file the manifest does not list."""
    problems = []
    for entry in entries:
        path = folder / entry.file
        if not path.is_file():
            problems.append(f"{entry.file} is missing")
        elif path.stat().st_size != entry.bytes or checksum(path) != entry.sha256:
            problems.append(f"{entry.file} does not match its checksum in {MANIFEST}")
    listed = {entry.file for entry in entries}
    for path in sorted((folder / WORKSHOPS).glob("*")):
        name = f"{WORKSHOPS}/{path.name}"
        if name not in listed:
            problems.append(f"{name} is not listed in {MANIFEST}")
    if problems:
        raise BackupError(
            f"{folder} failed its check, nothing was restored: " + "; ".join(problems)
        )
