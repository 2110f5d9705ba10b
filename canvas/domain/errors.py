"""Errors the workshop raises on purpose, each with a code the UI can translate."""

from typing import Any


class WorkshopError(Exception):
    """A refusal the user should read: ``code`` names the message, ``params`` fill it."""

    code = "error"

    def __init__(self, **params: Any) -> None:
        super().__init__(f"{self.code}: {params}")
        self.params = params


class NotFound(WorkshopError):
    """The record was deleted or never existed."""

    code = "not_found"


class StaleEdit(WorkshopError):
    """Someone saved the record after this page loaded it; nothing was overwritten."""

    code = "stale_edit"


class DuplicateSegmentName(WorkshopError):
    """Two segments of one workshop may not share a name (trimmed, any case)."""

    code = "duplicate_segment"


class TooManySegments(WorkshopError):
    """A workshop holds at most ``MAX_SEGMENTS`` segments."""

    code = "too_many_segments"


class TooManyTouchpoints(WorkshopError):
    """A workshop's inventory holds at most ``MAX_TOUCHPOINTS`` touchpoints."""

    code = "too_many_touchpoints"


class UnknownJoinCode(WorkshopError):
    """No course has the join code a participant typed."""

    code = "unknown_join_code"


class CourseClosed(WorkshopError):
    """The trainer closed the course for joining: its code admits nobody new."""

    code = "course_closed"


class CourseFrozen(WorkshopError):
    """The trainer froze the course: no participant's workshop in it takes a save."""

    code = "course_frozen"


class NameTaken(WorkshopError):
    """A display name is unique in its course (``fields.name_key``: any case, spacing or
    invisible characters); ``name`` is the one refused."""

    code = "participant_name_taken"


class ParticipantGone(NotFound):
    """The participant was removed from the course (by another tab or trainer) meanwhile."""

    code = "participant_gone"


class StaleRename(StaleEdit):
    """The participant was renamed after this page showed them; nothing was overwritten."""

    code = "stale_rename"


class SchemaTooNew(WorkshopError):
    """The database was written by a newer release: this one must not touch it."""

    code = "schema_too_new"


class DowngradeRefused(WorkshopError):
    """Going back to an older schema would drop tables and columns that hold data."""

    code = "downgrade_refused"
