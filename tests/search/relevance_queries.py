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

# -- Queries as people type them (issue #8) --------------------------------------------------------
#
# Written from the demo content before the search learnt compound splitting, spelling correction,
# relaxed matching and the English–German thesaurus; kept whatever the outcome. Kinds:
#
# - every query quoted in the issue, verbatim;
# - compounds the texts do not contain ("Parksensoren", hyphenated "Schul-WLAN");
# - typos (a letter dropped, doubled, swapped or replaced), which must find what the correctly
#   spelled word finds;
# - questions and filler words ("Wer kennt sich mit … aus?", "Gibt es Erfahrungen mit …");
# - English words for German entries and German words for the English translations;
# - abbreviations of the administration (DSFA, E-Auto, KI, IoT) and near-synonyms;
# - kind words people use for the labels the interface shows (Kontakt, Folien, Vortrag).
#
# ``as_typed_cases_with_unknown_words`` in test_relevance.py checks that at least 20 of them use
# a word that no data file of the project contains as typed, so those can only be found by the
# general rules, never by a list entry written for them.

PARKING = "Parkraummanagement mit Bodensensoren"
PARKING_TALK = "Vortrag: Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb"
BATTERY = "Bodensensoren: Batterielaufzeit im Winter deutlich kürzer als versprochen"
BATTERY_EN = "In-ground sensors: battery life in winter much shorter than promised"
MALTE = "Malte Hinrichsen - Parkraummanagement und LoRaWAN-Sensorik"
HANNES = "Hannes Voß - Verkehrsplanung und Parkraum"
LORAWAN_WORKSHOP = "Werkstatt LoRaWAN in der Praxis: Funkplanung, Batterien, Wartung"
LORAWAN_MINUTES = "Protokoll Werkstatt LoRaWAN in der Praxis"
LEA = "Lea Marquardt - Digitalisierungsbeauftragte der Hansestadt Stralsund"
GRETA = "Greta Sievers - Bürgerbeteiligung online und vor Ort"
PORTAL = "Beteiligungsportal Stralsund mitgestalten"
PORTAL_LESSON = "Beteiligungsportal: Wie wir mehr als die üblichen Verdächtigen erreichen"
PORTAL_WORKSHOP = "Werkstatt-Dokumentation: Beteiligungsportal und aufsuchende Beteiligung"
FLOOD = "Pegelsensoren an der Trave: digitale Hochwasserwarnung"
FLOOD_TALK = "Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest"
FLOOD_DAY = "Fachtag Hochwasservorsorge digital"
BENTE = "Bente Thormählen - Hochwasserschutz und Pegelsensoren"
FALSE_ALARMS = "Pegelsensoren: Fehlalarme durch Eisgang, Treibgut und Möwen"
LIGHTING = "Intelligente Straßenbeleuchtung mit LED und Bewegungssensoren"
DIMMING = "Gedimmte Straßenbeleuchtung: Sicherheitsgefühl ernst nehmen"
DIRK = "Dirk Schwanbeck - Straßenbeleuchtung und Lichtsteuerung"
GDPR_KIT = "DSGVO-Baukasten für Sensorprojekte"
TORBEN = "Torben Lüders - Datenschutz bei Sensorik- und Datenprojekten"
VISITORS_GDPR = "Besucherzählung ohne personenbezogene Daten: unser Weg durch die DSGVO"
CHARGING = "Datenbasierter Ladesäulen-Planer für die Elektromobilität"
FRIEDERIKE = "Friederike Dammann - Elektromobilität und Ladeinfrastruktur"
SCHOOL_WIFI = "Flächendeckendes WLAN an allen Wismarer Schulen"
NADINE = "Nadine Reincke - Schulen und digitale Teilhabe"
WASTE = "Smarte Abfallbehälter mit Füllstandssensoren"
WASTE_LESSON = "Füllstandssensoren: Die Tourensteuerung braucht die Fahrer*innen"
SABINE = "Sabine Krohn - Stadtreinigung und smarte Abfallbehälter"
TREES = "Sensorgestützte Baumbewässerung für Jungbäume"
TREES_LESSON = "Bodenfeuchtesensoren im Stadtgrün: Einbau gehört in die Hand der Kolonnen"
JONAS = "Jonas Wiechmann - Stadtbäume und sensorgestützte Bewässerung"
TWIN = "Digitaler Zwilling für Altstadt und Hafen"
TWIN_LESSON = "Digitaler Zwilling: Die Datenbeschaffung dauert länger als die Visualisierung"
TWIN_TALK = "Vortrag: Digitaler Zwilling für Altstadt und Hafen"
TWIN_WORKSHOP = "Workshop Digitaler Zwilling: Anwendungsfälle finden und priorisieren"
MIRKO = "Mirko Stahnke - Geodaten und Digitaler Zwilling"
HEAVY_RAIN = "Starkregengefahrenkarte für Bürger*innen"
BUILDING_PERMIT = "Digitaler Bauantrag nach dem Onlinezugangsgesetz"
CHATBOT_LESSON = "Warum wir den KI-Chatbot im Bürgerservice eingestellt haben"
VISITOR_GUIDANCE = "Digitale Besucherlenkung in der Altstadt (UNESCO-Welterbe)"
PAUL = "Paul Niemeyer - Besucherlenkung im Welterbe"
DATA_PLATFORM = "Urbane Datenplattform Rostock mit Open-Data-Portal"
SVENJA = "Svenja Brockmann - Urbane Datenplattform und Open Data"
SENIORS = "Digitallots*innen für Senior*innen"
OZG_SOLUTION = "OZG-Antragsstrecken mit einer Low-Code-Plattform"
AYLIN = "Aylin Korkmaz - OZG-Koordination und Antragsstrecken"
IMKE = "Dr. Imke Rathjen - Sensorlabor des Ostsee-Instituts"
REALTIME = "ÖPNV-Echtzeitanzeigen mit E-Paper an Haltestellen"

AS_TYPED: list[tuple[str, list[str]]] = [
    # --- Verbatim from the issue ----------------------------------------------------------------
    ("Parksensoren", [PARKING, PARKING_TALK, BATTERY]),
    ("Parkplatzsensoren", [PARKING, BATTERY, PARKING_TALK]),
    ("Wer kennt sich mit LoRaWAN aus?", [MALTE]),
    ("Digitalisirung", [LEA, AYLIN, SVENJA]),
    ("Kontakt Parkraum", [MALTE, HANNES]),
    ("citizen participation", [GRETA, PORTAL, PORTAL_LESSON]),
    ("hochwaser warnung", [FLOOD, FLOOD_TALK, FALSE_ALARMS]),
    ("Datenschutzfolgenabschätzung", [GDPR_KIT, TORBEN]),
    ("Schul-WLAN", [SCHOOL_WIFI, NADINE]),
    ("E-Auto", [CHARGING, FRIEDERIKE]),
    ("parking sensors", [PARKING, BATTERY, PARKING_TALK]),
    ("flood warning", [FLOOD, FLOOD_TALK, BENTE]),
    ("street lighting", [LIGHTING, DIRK, DIMMING]),
    # --- Compounds the texts do not contain -----------------------------------------------------
    ("Parksensorik", [PARKING, MALTE, PARKING_TALK]),
    ("Hochwasserwarnsystem", [FLOOD, FLOOD_TALK, BENTE]),
    ("Baumsensoren", [TREES, TREES_LESSON, JONAS]),
    ("Mülltonnensensoren", [WASTE, WASTE_LESSON, SABINE]),
    ("Abfallsensoren", [WASTE, WASTE_LESSON, SABINE]),
    ("Pegelmessnetz", [FLOOD, BENTE]),
    ("Beteiligungsplattform", [PORTAL, GRETA, PORTAL_LESSON]),
    ("Sensorbatterien", [BATTERY, LORAWAN_MINUTES, LORAWAN_WORKSHOP]),
    ("Besucherzählsensoren", [VISITOR_GUIDANCE, VISITORS_GDPR]),
    ("Straßenlaternensteuerung", [LIGHTING, DIRK]),
    ("Ladesäulenstandortplanung", [CHARGING, FRIEDERIKE]),
    ("Schulwlan", [SCHOOL_WIFI, NADINE]),
    ("Zwillingsprojekt Wismar", [TWIN, TWIN_LESSON, MIRKO]),
    # --- Typos ----------------------------------------------------------------------------------
    ("Bodensensorn", [PARKING, BATTERY, PARKING_TALK]),
    ("Strassenbeluchtung", [LIGHTING, DIMMING, DIRK]),
    ("Beteiligungsportl", [PORTAL, PORTAL_LESSON, PORTAL_WORKSHOP]),
    ("Abfalbehälter", [WASTE, SABINE]),
    ("Datenplatform Rostock", [DATA_PLATFORM, SVENJA]),
    ("Pegelsensorn Trave", [FLOOD, FLOOD_TALK, FALSE_ALARMS]),
    ("Baumbewäserung", [TREES, TREES_LESSON, JONAS]),
    ("Besucherlenkug Stralsund", [VISITOR_GUIDANCE, PAUL]),
    ("Digitaler Zwiling", [TWIN, TWIN_LESSON, TWIN_TALK]),
    ("Bauantarg digital", [BUILDING_PERMIT]),
    ("Chatbott", [CHATBOT_LESSON]),
    ("Starkregengefarenkarte", [HEAVY_RAIN]),
    ("Fülstandssensoren", [WASTE, WASTE_LESSON]),
    ("Lorawan Sensorik Kontakt", [MALTE]),
    # --- Questions and filler words -------------------------------------------------------------
    ("Gibt es Erfahrungen mit Bodensensoren?", [BATTERY, PARKING]),
    ("Wer ist zuständig für Straßenbeleuchtung in Stralsund?", [DIRK]),
    ("Wie funktioniert die Starkregengefahrenkarte?", [HEAVY_RAIN]),
    ("Warum wurde der Chatbot eingestellt?", [CHATBOT_LESSON]),
    ("Hat jemand Erfahrungen mit Füllstandssensoren?", [WASTE_LESSON, WASTE]),
    ("Welche Stadt hat einen digitalen Zwilling?", [TWIN, TWIN_LESSON, MIRKO]),
    ("Wer kennt sich mit Datenschutz bei Sensoren aus?", [TORBEN, GDPR_KIT]),
    ("Kann mir jemand bei der Baumbewässerung helfen?", [JONAS, TREES, TREES_LESSON]),
    # --- English for German entries, German for the English translations ------------------------
    ("digital twin", [TWIN, TWIN_LESSON, TWIN_TALK]),
    ("heavy rain map", [HEAVY_RAIN]),
    ("tree irrigation sensors", [TREES, TREES_LESSON, JONAS]),
    ("school wifi", [SCHOOL_WIFI, NADINE]),
    ("waste bins fill level", [WASTE, WASTE_LESSON]),
    ("data protection sensors", [GDPR_KIT, TORBEN]),
    ("charging stations", [CHARGING, FRIEDERIKE]),
    ("visitor guidance old town", [VISITOR_GUIDANCE, PAUL]),
    ("building permit online", [BUILDING_PERMIT]),
    ("Parkplatzsensoren Batterie", [BATTERY, BATTERY_EN]),
    # --- Abbreviations and near-synonyms --------------------------------------------------------
    ("DSFA Sensorik", [GDPR_KIT, TORBEN]),
    ("KI Bürgerservice", [CHATBOT_LESSON]),
    ("Elektroauto Ladesäulen", [CHARGING, FRIEDERIKE]),
    ("Laternen LED", [LIGHTING, DIMMING, DIRK]),
    ("Mülleimer Sensoren", [WASTE, WASTE_LESSON, SABINE]),
    ("Bus Echtzeit Haltestelle", [REALTIME]),
    # --- Kind words -----------------------------------------------------------------------------
    ("Kontakt Straßenbeleuchtung", [DIRK]),
    ("Folien Hochwasser", [FLOOD_TALK]),
    ("Präsentation Bodensensoren", [PARKING_TALK]),
    ("Kontaktperson Open Data", [SVENJA]),
    ("Experte Datenschutz", [TORBEN]),
    ("Veranstaltung Hochwasser", [FLOOD_DAY]),
    ("Erfahrungsbericht Chatbot", [CHATBOT_LESSON]),
    ("Expertin Sensoren Kalibrierung", [IMKE]),
]
