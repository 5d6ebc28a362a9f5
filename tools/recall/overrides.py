"""Per-id hand decisions (genuine one-off judgement calls) and review notes, keyed by concept."""

OVERRIDES = {
}

NOTES = {
}
