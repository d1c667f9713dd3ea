"""The editing session every front end shares: values and bases, pending edits, saving, conflicts, other sessions."""
