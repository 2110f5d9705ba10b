"""User text is shown literally: markdown and HTML in it are never interpreted."""

import pytest

from ui.language import plain


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Fish &amp; Chips", r"Fish \&amp; Chips"),
        ("*VIP*", r"\*VIP\*"),
        (":red[alarm]", r"\:red\[alarm\]"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("$x$ # big", r"\$x\$ \# big"),
        ("Title\n===", "Title\n\\=\\=\\="),  # no heading underlined with "="
    ],
)
def test_markdown_and_html_signs_in_user_text_are_escaped(text, escaped):
    assert plain(text) == escaped


def test_cyrillic_and_emoji_pass_through_untouched():
    assert plain("Кофейни 🙂") == "Кофейни 🙂"
