"""Where the page scripts live, for ``AppTest.switch_page``: the one place to change
when they move to another folder."""

PAGE_FOLDER = "app_pages"


def page_file(name: str) -> str:
    """The page script of ``name`` (e.g. ``relationships``) relative to ``app.py``."""
    return f"{PAGE_FOLDER}/{name}.py"
