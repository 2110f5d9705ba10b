"""The room screen's QR code: the join address as a PNG, black on white, for a projector."""

import io

import segno

QR_TARGET = 760  # pixels: legible from the back of a room on a 1920×1080 projector
QR_BORDER = 4  # the quiet zone the standard asks for, in modules


def qr_png(address: str) -> bytes:
    """The address as a QR code PNG at least ``QR_TARGET`` pixels wide, each module a
    whole number of pixels (error correction M: a projector's glare costs little)."""
    code = segno.make_qr(address, error="m", boost_error=False)
    modules = code.symbol_size(scale=1, border=QR_BORDER)[0]
    scale = -(-QR_TARGET // modules)  # rounded up
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QR_BORDER, dark="#000", light="#fff")
    return buffer.getvalue()
