"""Analysis-ready releases: tidy tables, a State-year panel, CSVW/Frictionless metadata, the
latest-statement graph, archives and diffs between releases (issue 17)."""
