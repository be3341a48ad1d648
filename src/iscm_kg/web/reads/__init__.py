"""Per-page read models: the SPARQL behind each kind of page, turned into what its template shows.

Each function takes the request's :class:`~iscm_kg.web.site.Site` (engine and names) and returns
plain data: :mod:`.entity` for mechanism, State, organization and concept pages, :mod:`.vocabulary`
for concept schemes and the ontology, :mod:`.source` for the page of a source document.
"""
