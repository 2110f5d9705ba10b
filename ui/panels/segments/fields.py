"""The segment form's widgets, shared by the "add" and the "edit" forms.

The figures are text fields, not number inputs: Streamlit's number input cannot format
by locale, so a Russian form showed «1500000.00» beside tables reading «1 500 000 ₽», and
refused the decimal comma people type. A text field shows the stored amount as the tables
do and takes it back as the user writes it (``canvas/forms/numbers``); the label carries
the currency's sign, as every other place does.
"""

from typing import Any

import streamlit as st

from canvas.domain import CustomerSegment
from canvas.forms.numbers import read_fields, shown, signs
from canvas.i18n import currency_symbol
from ui.language import lang, tr
from ui.saving import show_problems

NUMBERS = (
    "customers",
    "revenue_per_customer",
    "acquisition_cost",
    "retention_rate",
    "gross_margin",
)


def segment_fields(
    prefix: str, seg: CustomerSegment | None, colour: str, currency: str
) -> dict[str, Any]:
    """The segment form's widgets; returns what was typed, figures as text."""
    code = lang()
    name = st.text_input(tr("field.name"), value=seg.name if seg else "", key=f"{prefix}-name")
    description = st.text_area(
        tr("field.description"),
        value=seg.description if seg else "",
        key=f"{prefix}-desc",
        height=80,
    )
    # labels of two lines (Russian) and one: the fields line up along their bottom edge
    a, b, c, d, f, g = st.columns([3, 3, 3, 3, 3, 1], vertical_alignment="bottom")
    customers = a.text_input(
        tr("field.customers"),
        value=shown(seg.customers if seg else None, code, 0),
        key=f"{prefix}-n",
        help=tr("segments.customers_help"),
    )
    money_fields = {}
    for column, field in ((b, "revenue_per_customer"), (c, "acquisition_cost")):
        money_fields[field] = column.text_input(
            tr(f"field.{field}") + f", {currency_symbol(currency, code)}",
            value=shown(getattr(seg, field) if seg else None, code),
            key=f"{prefix}-{field}",
            help=tr("numbers.typed_help"),
        )
    retention = d.text_input(
        tr("field.retention_rate"),
        value=shown(seg.retention_rate if seg else None, code, 1),
        key=f"{prefix}-ret",
        help=tr("segments.retention_help"),
    )
    margin = f.text_input(
        tr("field.gross_margin"),
        value=shown(seg.gross_margin if seg else None, code, 1),
        key=f"{prefix}-margin",
        help=tr("segments.margin_help"),
    )
    picked = g.color_picker(
        tr("field.colour"), value=seg.colour if seg else colour, key=f"{prefix}-col"
    )
    return {
        "name": name,
        "description": description,
        "customers": customers,
        "retention_rate": retention,
        "gross_margin": margin,
        "colour": picked,
        **money_fields,
    }


def checked(typed: dict[str, Any], currency: str) -> dict[str, Any] | None:
    """The form's values with the figures read as numbers, or ``None`` (and the list of
    what to fix shown) when some figure is no number; the domain checks the rest."""
    money = signs(currency)
    strip = {"revenue_per_customer": money, "acquisition_cost": money}
    strip |= {"retention_rate": "%", "gross_margin": "%"}
    typed_numbers = {k: typed[k] for k in NUMBERS}
    numbers, problems = read_fields(typed_numbers, lang(), strip, frozenset({"customers"}))
    if problems:
        show_problems(problems)
        return None
    return {**typed, **numbers}
