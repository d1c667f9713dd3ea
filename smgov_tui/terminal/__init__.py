"""Terminal output shared by every front end: errors, warnings, widths, tables, the verdict, paths."""
