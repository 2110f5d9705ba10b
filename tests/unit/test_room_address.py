"""The room screen's join address and QR code: worked out by hand from the page's URL,
the Host header or the operator's PUBLIC_URL."""

import io

import pytest
import segno
from PIL import Image

from canvas.domain.room import BadPublicUrl, join_address, public_url
from canvas.figures.qr import QR_BORDER, QR_TARGET, qr_png


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("http://localhost:8501/room", "http://localhost:8501"),
        ("http://localhost:8501/room/", "http://localhost:8501"),
        ("https://crm.example.org/course/room", "https://crm.example.org/course"),
        ("https://crm.example.org/room?lang=ru#top", "https://crm.example.org"),
        ("http://10.0.0.5:8501/", "http://10.0.0.5:8501"),
    ],
)
def test_the_address_is_the_room_pages_own_without_the_page_path(page_url, expected):
    assert join_address(override=None, page_url=page_url, page_path="room") == expected


def test_public_url_wins_over_what_the_browser_sees():
    found = join_address(
        override=" https://workshop.example.org/crm/ ",
        page_url="http://localhost:8501/room",
        page_path="room",
    )
    assert found == "https://workshop.example.org/crm"


def test_without_a_page_url_the_host_header_and_forwarded_scheme_tell_it():
    assert join_address(
        override=None,
        page_url=None,
        page_path="room",
        host="crm.example.org",
        forwarded_proto="https",
    ) == ("https://crm.example.org")
    assert join_address(override=None, page_url=None, page_path="room", host="10.0.0.5:8501") == (
        "http://10.0.0.5:8501"
    )


@pytest.mark.parametrize("host", [None, "", "evil.org/path", "a b", "user@host"])
def test_nothing_trustworthy_gives_no_address(host):
    assert join_address(override=None, page_url=None, page_path="room", host=host) is None


@pytest.mark.parametrize(
    "value",
    [
        "workshop.example.org",
        "ftp://workshop.example.org",
        "https://",
        "https://workshop.example.org/?code=ABC",
        "https://workshop.example.org/#x",
        "https://workshop example.org",
        "javascript:alert(1)",
    ],
)
def test_a_public_url_that_is_no_web_address_is_refused(value):
    with pytest.raises(BadPublicUrl):
        public_url(value)


def test_the_qr_code_holds_the_address_in_whole_pixels_per_module_and_is_large_enough():
    address = "https://workshop.example.org/crm"
    image = Image.open(io.BytesIO(qr_png(address)))
    # That address fits version 3 at level M: 29 modules, 37 with the border; the smallest
    # whole scale reaching 760 px is ceil(760 / 37) = 21, so 777 px.
    symbol = segno.make_qr(address, error="m", boost_error=False)
    assert (symbol.version, symbol.symbol_size(border=QR_BORDER)) == (3, (37, 37))
    assert image.size == (777, 777) and image.size[0] >= QR_TARGET
    # The top-left pixel of each module is the module: dark finder corner, light border.
    pixels = image.convert("L")
    assert pixels.getpixel((4 * 21, 4 * 21)) == 0
    assert pixels.getpixel((0, 0)) == 255
