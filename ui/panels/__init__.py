"""Parts of pages too large for the page script, grouped by the page that shows them."""
