"""The relevance suite's queries: what municipal employees type, and which entries answer them.

Each item is ``(query, expected titles)``. The queries are written from the point of view of
a member of the Hansestadt Wismar who looks for know-how in the four cities. They were
written from the demo content (``hanse_hub/demo/content.py``) before looking at any result
and are kept whether or not the search finds the answer, so the suite measures honestly: no
query was dropped or reworded to make it pass, and an expected list was widened only where a
result ranked above it was an equally right answer (the contact behind a solution, say).

How they were chosen:

- every city (Rostock, Lübeck, Stralsund, Wismar), the alliance and the partner institute,
  and every kind of entry: solutions, lessons learned, contacts ("Ansprechpartner …"),
  events and conference material, including words that occur only in attached files;
- the way people really type: 1-4 words, sometimes a "phrase", acronyms (OZG, DSGVO, ÖPNV,
  KI, GIS), umlauts written out or dropped ("Strassenbeleuchtung", "Buergerbeteiligung"),
  a part of a compound ("Beteiligung" for "Bürgerbeteiligung", "Pegel" for
  "Pegelsensoren"), synonyms ("Onlinezugangsgesetz", "Mülleimer", "Ladestationen") and
  other word forms than the text uses (singular/plural, verb/noun);
- the story of the clerk in Wismar who types "Parkplätze Sensoren" and must find Rostock's
  Parkraummanagement mit Bodensensoren, the lesson learned about the battery life and the
  person to call.

The expected titles are the entries a person would accept as the answer (usually 1-3), and
only entries the Wismar reader may see: published, not archived, public or network
visibility, or internal to Wismar. Queries whose right answer would be ambiguous were left
out.
"""

QUERIES: list[tuple[str, list[str]]] = [
    # --- The clerk's story: Rostock's parking sensors --------------------------------------
    ("Parkplätze Sensoren", ["Parkraummanagement mit Bodensensoren"]),
    (
        "Bodensensoren Batterie",
        ["Bodensensoren: Batterielaufzeit im Winter deutlich kürzer als versprochen"],
    ),
    (
        "Batterielaufzeit Winter",
        ["Bodensensoren: Batterielaufzeit im Winter deutlich kürzer als versprochen"],
    ),
    (
        "Ansprechpartner Parkraummanagement",
        ["Malte Hinrichsen - Parkraummanagement und LoRaWAN-Sensorik"],
    ),
    ("Verkehrsplanung Wismar", ["Hannes Voß - Verkehrsplanung und Parkraum"]),
    (
        "Vortrag Parkraummanagement",
        ["Vortrag: Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb"],
    ),
    (
        "Kopfsteinpflaster Sensoren",
        [
            "Parkraummanagement mit Bodensensoren",
            "Vortrag: Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb",
        ],
    ),
    (
        "Batterietausch Kosten",
        [
            "Bodensensoren: Batterielaufzeit im Winter deutlich kürzer als versprochen",
            "Protokoll Werkstatt LoRaWAN in der Praxis",
            "Vortrag: Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb",
        ],
    ),
    ("Wartung Preise Sensoren", ["Protokoll Werkstatt LoRaWAN in der Praxis"]),
    # --- Rostock ---------------------------------------------------------------------------
    ("Open-Data-Portal", ["Urbane Datenplattform Rostock mit Open-Data-Portal"]),
    (
        "urbane Datenplattform",
        [
            "Urbane Datenplattform Rostock mit Open-Data-Portal",
            "Svenja Brockmann - Urbane Datenplattform und Open Data",
        ],
    ),
    ('"Open Data" Datenqualität', ["Open Data braucht Datenpat*innen in den Fachämtern"]),
    ("Datenpaten", ["Open Data braucht Datenpat*innen in den Fachämtern"]),
    ("Ladesäulen Standorte", ["Datenbasierter Ladesäulen-Planer für die Elektromobilität"]),
    ("Ladestationen planen", ["Datenbasierter Ladesäulen-Planer für die Elektromobilität"]),
    (
        "E-Mobilität",
        [
            "Datenbasierter Ladesäulen-Planer für die Elektromobilität",
            "Friederike Dammann - Elektromobilität und Ladeinfrastruktur",
        ],
    ),
    (
        "Ansprechpartner Elektromobilität",
        ["Friederike Dammann - Elektromobilität und Ladeinfrastruktur"],
    ),
    ("Tablet Ausleihe Schüler", ["Zentraler Schul-IT-Support mit Tablet-Ausleihe"]),
    ("IT-Support Schulen", ["Zentraler Schul-IT-Support mit Tablet-Ausleihe"]),
    ("ÖPNV Echtzeit", ["ÖPNV-Echtzeitanzeigen mit E-Paper an Haltestellen"]),
    ("Nahverkehr Anzeige Haltestelle", ["ÖPNV-Echtzeitanzeigen mit E-Paper an Haltestellen"]),
    ("Chatbot Bürgerservice", ["Warum wir den KI-Chatbot im Bürgerservice eingestellt haben"]),
    ("KI gescheitert", ["Warum wir den KI-Chatbot im Bürgerservice eingestellt haben"]),
    (
        "LoRaWAN Werkstatt",
        [
            "Werkstatt LoRaWAN in der Praxis: Funkplanung, Batterien, Wartung",
            "Protokoll Werkstatt LoRaWAN in der Praxis",
        ],
    ),
    (
        "Funkplanung",
        [
            "Werkstatt LoRaWAN in der Praxis: Funkplanung, Batterien, Wartung",
            "Protokoll Werkstatt LoRaWAN in der Praxis",
        ],
    ),
    # --- Lübeck ----------------------------------------------------------------------------
    (
        "Ansprechpartner Hochwasser Lübeck",
        ["Bente Thormählen - Hochwasserschutz und Pegelsensoren"],
    ),
    (
        "Pegel Trave",
        [
            "Pegelsensoren an der Trave: digitale Hochwasserwarnung",
            "Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest",
        ],
    ),
    (
        "Hochwasserwarnung",
        [
            "Pegelsensoren an der Trave: digitale Hochwasserwarnung",
            "Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest",
        ],
    ),
    ("Fehlalarme Pegelsensoren", ["Pegelsensoren: Fehlalarme durch Eisgang, Treibgut und Möwen"]),
    (
        "Folien Pegelsensoren",
        ["Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest"],
    ),
    (
        "Sturmflut Warnung",
        [
            "Pegelsensoren an der Trave: digitale Hochwasserwarnung",
            "Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest",
            "Bente Thormählen - Hochwasserschutz und Pegelsensoren",
        ],
    ),
    (
        "Bäume gießen Sensoren",
        [
            "Sensorgestützte Baumbewässerung für Jungbäume",
            "Bodenfeuchtesensoren im Stadtgrün: Einbau gehört in die Hand der Kolonnen",
        ],
    ),
    (
        "Bodenfeuchte",
        [
            "Sensorgestützte Baumbewässerung für Jungbäume",
            "Bodenfeuchtesensoren im Stadtgrün: Einbau gehört in die Hand der Kolonnen",
            "Muster-Leistungsbeschreibung Bodenfeuchtesensoren für Stadtbäume",
        ],
    ),
    (
        "Baumbewaesserung Luebeck",
        [
            "Sensorgestützte Baumbewässerung für Jungbäume",
            "Bodenfeuchtesensoren im Stadtgrün: Einbau gehört in die Hand der Kolonnen",
            "Jonas Wiechmann - Stadtbäume und sensorgestützte Bewässerung",
        ],
    ),
    (
        "Leistungsbeschreibung Bodenfeuchtesensoren",
        ["Muster-Leistungsbeschreibung Bodenfeuchtesensoren für Stadtbäume"],
    ),
    (
        "Onlinezugangsgesetz Lübeck",
        [
            "OZG-Antragsstrecken mit einer Low-Code-Plattform",
            "Aylin Korkmaz - OZG-Koordination und Antragsstrecken",
        ],
    ),
    ("Anwohnerparkausweis online", ["OZG-Antragsstrecken mit einer Low-Code-Plattform"]),
    ("Low Code Antrag", ["OZG-Antragsstrecken mit einer Low-Code-Plattform"]),
    ("Starkregen Karte", ["Starkregengefahrenkarte für Bürger*innen"]),
    (
        "Datenschutz Sensoren",
        [
            "DSGVO-Baukasten für Sensorprojekte",
            "Torben Lüders - Datenschutz bei Sensorik- und Datenprojekten",
        ],
    ),
    ("DSGVO Vorlagen", ["DSGVO-Baukasten für Sensorprojekte"]),
    (
        "Datenschutzbeauftragter",
        ["Torben Lüders - Datenschutz bei Sensorik- und Datenprojekten"],
    ),
    (
        "Folgenabschätzung",
        [
            "DSGVO-Baukasten für Sensorprojekte",
            "Torben Lüders - Datenschutz bei Sensorik- und Datenprojekten",
        ],
    ),
    # --- Stralsund -------------------------------------------------------------------------
    (
        "Beteiligung Stralsund",
        [
            "Beteiligungsportal Stralsund mitgestalten",
            "Greta Sievers - Bürgerbeteiligung online und vor Ort",
        ],
    ),
    (
        "Buergerbeteiligung online",
        [
            "Beteiligungsportal Stralsund mitgestalten",
            "Greta Sievers - Bürgerbeteiligung online und vor Ort",
        ],
    ),
    (
        "aufsuchende Beteiligung",
        [
            "Beteiligungsportal: Wie wir mehr als die üblichen Verdächtigen erreichen",
            "Werkstatt-Dokumentation: Beteiligungsportal und aufsuchende Beteiligung",
        ],
    ),
    (
        "Besucherlenkung Welterbe",
        [
            "Digitale Besucherlenkung in der Altstadt (UNESCO-Welterbe)",
            "Paul Niemeyer - Besucherlenkung im Welterbe",
        ],
    ),
    (
        "Besucherzählung Datenschutz",
        ["Besucherzählung ohne personenbezogene Daten: unser Weg durch die DSGVO"],
    ),
    (
        "Strassenbeleuchtung LED",
        [
            "Intelligente Straßenbeleuchtung mit LED und Bewegungssensoren",
            "Dirk Schwanbeck - Straßenbeleuchtung und Lichtsteuerung",
        ],
    ),
    (
        "Straßenlaternen dimmen",
        [
            "Gedimmte Straßenbeleuchtung: Sicherheitsgefühl ernst nehmen",
            "Intelligente Straßenbeleuchtung mit LED und Bewegungssensoren",
        ],
    ),
    ("Bauantrag digital", ["Digitaler Bauantrag nach dem Onlinezugangsgesetz"]),
    ("OZG Bauaufsicht", ["Digitaler Bauantrag nach dem Onlinezugangsgesetz"]),
    (
        "Digitalisierungsbeauftragte Stralsund",
        ["Lea Marquardt - Digitalisierungsbeauftragte der Hansestadt Stralsund"],
    ),
    # --- Wismar ----------------------------------------------------------------------------
    (
        "3D-Stadtmodell",
        [
            "Digitaler Zwilling für Altstadt und Hafen",
            "Mirko Stahnke - Geodaten und Digitaler Zwilling",
        ],
    ),
    (
        "Digital Twin",
        [
            "Digitaler Zwilling für Altstadt und Hafen",
            "Vortrag: Digitaler Zwilling für Altstadt und Hafen",
        ],
    ),
    (
        "Digitaler Zwilling Datenbeschaffung",
        ["Digitaler Zwilling: Die Datenbeschaffung dauert länger als die Visualisierung"],
    ),
    (
        "Workshop Zwilling",
        ["Workshop Digitaler Zwilling: Anwendungsfälle finden und priorisieren"],
    ),
    ("GIS Wismar", ["Mirko Stahnke - Geodaten und Digitaler Zwilling"]),
    (
        "Mülleimer Füllstand",
        [
            "Smarte Abfallbehälter mit Füllstandssensoren",
            "Füllstandssensoren: Die Tourensteuerung braucht die Fahrer*innen",
        ],
    ),
    (
        "Tourenplanung Fahrer",
        ["Füllstandssensoren: Die Tourensteuerung braucht die Fahrer*innen"],
    ),
    (
        "Stadtreinigung",
        [
            "Sabine Krohn - Stadtreinigung und smarte Abfallbehälter",
            "Smarte Abfallbehälter mit Füllstandssensoren",
        ],
    ),
    (
        "WLAN Schulen",
        [
            "Flächendeckendes WLAN an allen Wismarer Schulen",
            "Nadine Reincke - Schulen und digitale Teilhabe",
        ],
    ),
    (
        "Senioren Smartphone",
        ["Digitallots*innen für Senior*innen", "Nadine Reincke - Schulen und digitale Teilhabe"],
    ),
    (
        '"digitale Teilhabe"',
        ["Digitallots*innen für Senior*innen", "Nadine Reincke - Schulen und digitale Teilhabe"],
    ),
    ("E-Akte Einführung", ["Einführung der E-Akte in der Kernverwaltung"]),
    ("elektronische Akte", ["Einführung der E-Akte in der Kernverwaltung"]),
    # --- Smarte Hanse, partner institute, events -------------------------------------------
    (
        "Konferenz 2026",
        ["Smarte-Hanse-Konferenz 2026 in Stralsund", "Tagungsband Smarte-Hanse-Konferenz 2026"],
    ),
    ("Tagungsband", ["Tagungsband Smarte-Hanse-Konferenz 2026"]),
    (
        "interkommunale Zusammenarbeit",
        [
            "Interkommunale Zusammenarbeit: Was die Smarte Hanse gelernt hat",
            "Christoph Behrendt - Geschäftsstelle Smarte Hanse",
        ],
    ),
    ("IKZ", ["Interkommunale Zusammenarbeit: Was die Smarte Hanse gelernt hat"]),
    ("Geschäftsstelle", ["Christoph Behrendt - Geschäftsstelle Smarte Hanse"]),
    ("Fachtag Hochwasser", ["Fachtag Hochwasservorsorge digital"]),
    ("Sensorlabor", ["Dr. Imke Rathjen - Sensorlabor des Ostsee-Instituts"]),
    ("Sensoren Kalibrierung", ["Dr. Imke Rathjen - Sensorlabor des Ostsee-Instituts"]),
]
