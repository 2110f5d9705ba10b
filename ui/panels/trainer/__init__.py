"""Panels of the trainer's course page: the gallery, comments, comparison and export."""
