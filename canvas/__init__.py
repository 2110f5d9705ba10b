"""The Customer Relationships workshop: everything that is not the user interface."""
