"""Turning submitted form values into checked domain inputs, every problem named at once."""
