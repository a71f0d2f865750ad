"""Open standards in and out (docs/standards.md): iCalendar for events, CSV and JSON for lists,
publiccode.yml for solutions and an RDF catalogue (ADMS-AP, DCAT-AP.de).

The modules build documents from entries the caller already may see (the edges ask
``visible_entries`` first) and parse documents into service input; they never decide
visibility themselves.
"""
