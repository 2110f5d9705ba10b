"""Parts of a whole as whole percentages that add up to exactly 100.

Rounding each share on its own can make 101 % or 99 % (three thirds: 33 + 33 + 33);
the largest-remainder (Hamilton) method gives the missing units to the shares that lost
the most in rounding down, so a reader adding up a split sees the whole.
"""

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """``counts`` as parts of ``total`` (percent by default) that add up to ``total``.

    Each part is first rounded down; the units left over go one each to the parts with
    the largest remainders, ties to the earlier part. All zero counts give all zeros.
    """
    if any(count < 0 for count in counts):
        raise ValueError("counts must not be negative")
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    exact = [Fraction(count * total, whole) for count in counts]
    parts = [int(share) for share in exact]  # rounded down: the shares are not negative
    left = total - sum(parts)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in by_remainder[:left]:
        parts[i] += 1
    return parts


def percent_shares(counts: Sequence[int], digits: int = 0) -> list[Decimal]:
    """``counts`` as shares of one (0.34) whose percentages, with ``digits`` decimals,
    add up to exactly 100; exact decimals, so formatting them rounds nothing again."""
    steps = 100 * 10**digits
    return [Decimal(part) / steps for part in largest_remainder(counts, steps)]
