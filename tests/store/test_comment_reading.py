"""A participant reading the trainer's comments, on SQLite and PostgreSQL: opened once,
read for good; the workshop's revision moves on so every page's count drops."""

import pytest
from sqlalchemy import Engine

from canvas.domain import NotFound
from canvas.domain.course import CommentInput, CourseInput, JoinRequest, unread
from canvas.store import comments, courses, reads
from canvas.store.db import reading, transaction


def _anna(engine: Engine) -> int:
    with transaction(engine) as session:
        course = courses.create_course(session, data=CourseInput(title="Spring"))
        anna = courses.join_course(
            session, request=JoinRequest(code=course.join_code, display_name="Anna")
        )
        for text in ("Good start", "Which channel?"):
            comments.add_comment(session, workshop_id=anna.id, data=CommentInput(text=text))
    return anna.id


def _revision(engine: Engine, workshop_id: int) -> int:
    with reading(engine) as session:
        return reads.workshop_state(session, workshop_id=workshop_id).revision


def _mark(engine: Engine, workshop_id: int) -> int:
    with transaction(engine) as session:
        return comments.mark_read(session, workshop_id=workshop_id)


def test_new_comments_start_unread_and_opening_them_reads_them_all(engine):
    anna = _anna(engine)
    with reading(engine) as session:
        listed = comments.list_comments(session, workshop_id=anna)
    assert unread(listed) == 2 and all(c.read_at is None for c in listed)
    before = _revision(engine, anna)

    assert _mark(engine, anna) == 2
    with reading(engine) as session:
        view = reads.load_view(session, workshop_id=anna)
    assert unread(view.comments) == 0 and all(c.read_at is not None for c in view.comments)
    assert _revision(engine, anna) == before + 1  # every cached view of it is stale now


def test_opening_them_again_writes_nothing_and_a_later_comment_is_unread(engine):
    anna = _anna(engine)
    _mark(engine, anna)
    before = _revision(engine, anna)
    assert _mark(engine, anna) == 0
    assert _revision(engine, anna) == before  # nothing read: no reason to redraw anything

    with transaction(engine) as session:
        comments.add_comment(session, workshop_id=anna, data=CommentInput(text="And now?"))
    with reading(engine) as session:
        listed = comments.list_comments(session, workshop_id=anna)
    assert [c.text for c in listed if c.unread] == ["And now?"]


def test_reading_a_workshop_that_is_gone_is_refused(engine):
    with pytest.raises(NotFound), transaction(engine) as session:
        comments.mark_read(session, workshop_id=987654)
