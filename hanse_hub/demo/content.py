"""Demo content for the Smarte Hanse knowledge-exchange hub (``hanse_hub``).

Pure data, read by the demo seeder: ``TENANTS`` (the four Hanseatic cities, the
joint office of the alliance and one partner institute), ``ENTRIES`` (solutions,
lessons learned, contacts, events and conference material) and ``ADOPTIONS``
(which city took over which solution of another city).

All persons, figures, addresses and URLs are fictional. E-mail addresses and
websites use the reserved ``.example`` top-level domain. The texts are German
except for a few English translations (``language == "en"``).
"""

from textwrap import dedent


def _md(text: str) -> str:
    """Strip the common indentation and surrounding blank lines of a text block."""
    return dedent(text).strip()


# ---------------------------------------------------------------------------
# Tenants
# ---------------------------------------------------------------------------

TENANTS: list[dict] = [
    {
        "slug": "rostock",
        "kind": "city",
        "official_name": "Hanse- und Universitätsstadt Rostock",
        "short_name": "Rostock",
        "colour": "#1d4f91",
        "website": "https://www.rostock.example",
        "contact_address": (
            "Hanse- und Universitätsstadt Rostock\n"
            "Stabsstelle Digitalisierung\n"
            "Am Ziegenmarkt 4\n"
            "18055 Rostock"
        ),
    },
    {
        "slug": "luebeck",
        "kind": "city",
        "official_name": "Hansestadt Lübeck",
        "short_name": "Lübeck",
        "colour": "#9e1b22",
        "website": "https://www.luebeck.example",
        "contact_address": (
            "Hansestadt Lübeck\nBereich Digitalisierung und IT\nKohlmarkt 12\n23552 Lübeck"
        ),
    },
    {
        "slug": "stralsund",
        "kind": "city",
        "official_name": "Hansestadt Stralsund",
        "short_name": "Stralsund",
        "colour": "#0b5d57",
        "website": "https://www.stralsund.example",
        "contact_address": (
            "Hansestadt Stralsund\nStabsstelle Digitalisierung\nFährstraße 9\n18439 Stralsund"
        ),
    },
    {
        "slug": "wismar",
        "kind": "city",
        "official_name": "Hansestadt Wismar",
        "short_name": "Wismar",
        "colour": "#5a2d82",
        "website": "https://www.wismar.example",
        "contact_address": (
            "Hansestadt Wismar\n"
            "Hauptamt, Sachgebiet Digitalisierung\n"
            "Hinter dem Rathaus 2\n"
            "23966 Wismar"
        ),
    },
    {
        "slug": "smarte-hanse",
        "kind": "alliance",
        "official_name": "Geschäftsstelle Smarte Hanse",
        "short_name": "Smarte Hanse",
        "colour": "#1f3350",
        "website": "https://www.smarte-hanse.example",
        "contact_address": (
            "Geschäftsstelle Smarte Hanse\n"
            "c/o Hansestadt Stralsund\n"
            "Am Querkanal 3\n"
            "18439 Stralsund"
        ),
    },
    {
        "slug": "institut-urbane-daten",
        "kind": "partner",
        "official_name": "Ostsee-Institut für urbane Datensysteme e. V.",
        "short_name": "Ostsee-Institut",
        "colour": "#35591c",
        "website": "https://www.urbane-daten.example",
        "contact_address": (
            "Ostsee-Institut für urbane Datensysteme e. V.\n"
            "Sensorlabor\n"
            "Werftstraße 21\n"
            "23966 Wismar"
        ),
    },
]


# ---------------------------------------------------------------------------
# Contacts: who knows what
# ---------------------------------------------------------------------------

_CONTACTS: list[dict] = [
    # --- Rostock -----------------------------------------------------------
    {
        "ref": "hro-kontakt-parkraum",
        "kind": "contact",
        "tenant": "rostock",
        "language": "de",
        "title": "Malte Hinrichsen - Parkraummanagement und LoRaWAN-Sensorik",
        "summary": (
            "Ansprechpartner für das sensorgestützte Parkraummanagement in Rostock, "
            "von der Ausschreibung der Bodensensoren bis zum Betrieb."
        ),
        "body": _md("""
            Malte Hinrichsen ist Verkehrsingenieur und leitet seit 2021 das Sachgebiet
            Verkehrssteuerung im Amt für Mobilität. Er hat die Ausschreibung der
            Bodensensoren für die Östliche Altstadt verantwortet und koordiniert heute
            den Betrieb gemeinsam mit den Stadtwerken.

            Fragen zu Sensorauswahl, Einbau im Asphalt, Batterietausch und zur
            Einbindung der Belegungsdaten in Parkleitsystem und App beantwortet er gern.
            Er hat außerdem Erfahrung damit, Parkdaten datenschutzkonform als Open Data
            zu veröffentlichen.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["parkraum", "lorawan", "sensorik", "vergabe"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-05-13",
        "review_by": "2027-05-31",
        "author_role": "editor",
        "person_name": "Malte Hinrichsen",
        "position": "Sachgebietsleiter Verkehrssteuerung",
        "org_unit": "Amt für Mobilität, Abteilung Verkehrsmanagement",
        "email": "m.hinrichsen@rostock.example",
        "phone": "+49 381 000-2140",
        "expertise": [
            "Parkraummanagement",
            "LoRaWAN-Sensorik",
            "Parkleitsysteme",
            "Vergabe von IoT-Hardware",
        ],
        "consent": True,
    },
    {
        "ref": "hro-kontakt-datenplattform",
        "kind": "contact",
        "tenant": "rostock",
        "language": "de",
        "title": "Svenja Brockmann - Urbane Datenplattform und Open Data",
        "summary": (
            "Leitet das Team Urbane Daten und ist erste Anlaufstelle für Fragen zur "
            "Rostocker Datenplattform, zu Schnittstellen und zu Open-Data-Lizenzen."
        ),
        "body": _md("""
            Svenja Brockmann ist Geoinformatikerin und hat vor ihrem Wechsel in die
            Stadtverwaltung mehrere Jahre bei einem Vermessungsbüro gearbeitet. Seit 2022
            baut sie mit einem Team aus vier Mitarbeiter*innen die Urbane Datenplattform
            der Hanse- und Universitätsstadt Rostock auf.

            Sie berät Fachämter dabei, Datensätze aufzubereiten, Metadaten zu pflegen und
            passende Lizenzen zu wählen. In der Smarten Hanse moderiert sie die
            Arbeitsgruppe Daten und Schnittstellen und beschäftigt sich zunehmend mit dem
            Thema Digitaler Zwilling.
        """),
        "topics": ["daten-infrastruktur", "digitale-verwaltung"],
        "tags": ["open data", "datenplattform", "schnittstellen", "metadaten"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-11-06",
        "review_by": "2027-03-31",
        "author_role": "admin",
        "person_name": "Svenja Brockmann",
        "position": "Teamleiterin Urbane Daten",
        "org_unit": "Hauptamt, Stabsstelle Digitalisierung",
        "email": "s.brockmann@rostock.example",
        "phone": "+49 381 000-1187",
        "expertise": [
            "Open Data",
            "Urbane Datenplattform",
            "SensorThings API",
            "Datenlizenzen",
            "Digitaler Zwilling",
        ],
        "consent": True,
    },
    {
        "ref": "hro-kontakt-schule",
        "kind": "contact",
        "tenant": "rostock",
        "language": "de",
        "title": "Kemal Aydin - Schuldigitalisierung und Medienentwicklungsplanung",
        "summary": (
            "Koordiniert die Medienentwicklungsplanung und den IT-Support für die "
            "Rostocker Schulen; Kontakt nur für Mitarbeiter*innen der Verwaltung."
        ),
        "body": _md("""
            Kemal Aydin war zehn Jahre Lehrer für Mathematik und Informatik, bevor er 2020
            in das Amt für Schule und Sport wechselte. Er verantwortet den
            Medienentwicklungsplan, die Tablet-Ausleihe und den Vertrag mit dem
            IT-Dienstleister für den Schul-Support.

            Interne Hinweise: Bitte Anfragen zu Vertragskonditionen und Preisen aus dem
            Rahmenvertrag nur über das Funktionspostfach stellen, nicht an die
            persönliche Adresse. Vertretung in den Schulferien durch das Sachgebiet
            Schulverwaltung.
        """),
        "topics": ["bildung"],
        "tags": ["schule", "tablets", "medienentwicklungsplan", "it-support"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "published",
        "published": "2024-02-19",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "person_name": "Kemal Aydin",
        "position": "Koordinator Medienentwicklungsplanung",
        "org_unit": "Amt für Schule und Sport",
        "email": "k.aydin@rostock.example",
        "phone": "+49 381 000-4415",
        "expertise": [
            "Medienentwicklungsplan",
            "Schul-IT-Support",
            "Mobile-Device-Management",
            "DigitalPakt Schule",
        ],
        "consent": True,
    },
    {
        "ref": "hro-kontakt-emobilitaet",
        "kind": "contact",
        "tenant": "rostock",
        "language": "de",
        "title": "Friederike Dammann - Elektromobilität und Ladeinfrastruktur",
        "summary": (
            "Referentin für Elektromobilität in der Klimaschutzleitstelle; plant mit dem "
            "Ladesäulen-Planer den Ausbau öffentlicher Ladepunkte."
        ),
        "body": _md("""
            Friederike Dammann hat Energie- und Umwelttechnik studiert und arbeitet seit
            2019 in der Klimaschutzleitstelle. Sie hat das Ladeinfrastrukturkonzept der
            Stadt geschrieben und den datenbasierten Ladesäulen-Planer mitentwickelt.

            Sie kennt sich mit Förderprogrammen für Ladeinfrastruktur,
            Sondernutzungserlaubnissen für Ladesäulen im Straßenraum und der Abstimmung
            mit Netzbetreibern aus.
        """),
        "topics": ["mobilitaet", "energie", "klimaschutz-stadtgruen"],
        "tags": ["elektromobilität", "ladesäulen", "förderung", "klimaschutz"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-09-02",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "person_name": "Friederike Dammann",
        "position": "Referentin Elektromobilität",
        "org_unit": "Amt für Umwelt- und Klimaschutz, Klimaschutzleitstelle",
        "email": "f.dammann@rostock.example",
        "phone": "+49 381 000-3392",
        "expertise": [
            "Elektromobilität",
            "Ladeinfrastrukturplanung",
            "Fördermittel",
            "Sondernutzung im Straßenraum",
        ],
        "consent": True,
    },
    {
        "ref": "hro-kontakt-verwaltung",
        "kind": "contact",
        "tenant": "rostock",
        "language": "de",
        "title": "Ole Petersen - ehemals Projektleitung KI-Chatbot Bürgerservice",
        "summary": (
            "War Projektleiter des inzwischen eingestellten KI-Chatbots im Bürgerservice; "
            "hat die Stelle gewechselt, steht für Erfahrungsaustausch aber weiter bereit."
        ),
        "body": _md("""
            Ole Petersen leitete von 2023 bis 2025 das Projekt KI-Chatbot im Bürgerservice.
            Seit Anfang 2026 arbeitet er im Personalamt an der Digitalisierung der
            Bewerbungsverfahren.

            Wer selbst über einen Chatbot für Bürger*innen nachdenkt, kann ihn weiterhin
            zu den Erfahrungen aus Vergabe, Pilotbetrieb und Einstellung des Projekts
            ansprechen. Für aktuelle Fragen zum Bürgerservice bitte die Stabsstelle
            Digitalisierung kontaktieren.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["chatbot", "künstliche intelligenz", "bürgerservice"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "archived",
        "published": "2023-09-18",
        "review_by": "2027-01-31",
        "author_role": "admin",
        "person_name": "Ole Petersen",
        "position": "Referent Digitalisierung Personalwesen (bis 2025 Projektleiter Chatbot)",
        "org_unit": "Personalamt",
        "email": "o.petersen@rostock.example",
        "phone": "+49 381 000-1021",
        "expertise": [
            "Chatbots in der Verwaltung",
            "Projektabbruch und Evaluation",
            "Bürgerservice",
        ],
        "consent": True,
    },
    # --- Lübeck ------------------------------------------------------------
    {
        "ref": "hl-kontakt-pegel",
        "kind": "contact",
        "tenant": "luebeck",
        "language": "de",
        "title": "Bente Thormählen - Hochwasserschutz und Pegelsensoren",
        "summary": (
            "Verantwortet das Netz der Pegelsensoren an Trave und Wakenitz und die "
            "digitale Hochwasserwarnung der Hansestadt Lübeck."
        ),
        "body": _md("""
            Bente Thormählen ist Wasserbauingenieurin und leitet das Sachgebiet
            Hochwasserschutz und Gewässer. Sie hat den Aufbau der Pegelsensoren an der
            Trave fachlich begleitet und die Schwellenwerte für die Hochwasserwarnung mit
            Feuerwehr und Katastrophenschutz abgestimmt.

            Ansprechpartnerin für Sensorstandorte, Alarmketten, Sturmflutlagen an der
            Ostsee und die Zusammenarbeit mit den Landesbehörden.
        """),
        "topics": ["wasser-hochwasser", "sicherheit"],
        "tags": ["hochwasser", "pegel", "sturmflut", "katastrophenschutz"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-03-11",
        "review_by": "2027-03-31",
        "author_role": "editor",
        "person_name": "Bente Thormählen",
        "position": "Sachgebietsleiterin Hochwasserschutz und Gewässer",
        "org_unit": "Bereich Umwelt-, Natur- und Verbraucherschutz",
        "email": "b.thormaehlen@luebeck.example",
        "phone": "+49 451 000-3321",
        "expertise": [
            "Hochwasserschutz",
            "Pegelmessung",
            "Alarm- und Warnketten",
            "Sturmflutvorsorge",
        ],
        "consent": True,
    },
    {
        "ref": "hl-kontakt-stadtgruen",
        "kind": "contact",
        "tenant": "luebeck",
        "language": "de",
        "title": "Jonas Wiechmann - Stadtbäume und sensorgestützte Bewässerung",
        "summary": (
            "Gärtnermeister und Projektleiter der sensorgestützten Baumbewässerung im "
            "Lübecker Stadtgrün."
        ),
        "body": _md("""
            Jonas Wiechmann arbeitet seit 2012 im Bereich Stadtgrün und Verkehr, zuerst
            in der Baumpflegekolonne, heute als Projektleiter. Er hat die
            Bodenfeuchtesensoren an Jungbäumen gemeinsam mit den Kolleg*innen aus dem
            Betriebshof eingebaut und die Gießtouren auf Sensordaten umgestellt.

            Er spricht gern mit anderen Grünflächenämtern über Sensortypen,
            Einbautiefen, Gießrouten und darüber, wie man Kolonnen für neue Technik
            gewinnt.
        """),
        "topics": ["klimaschutz-stadtgruen"],
        "tags": ["stadtbäume", "baumbewässerung", "bodenfeuchte", "klimaanpassung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-06-24",
        "review_by": "2027-06-30",
        "author_role": "editor",
        "person_name": "Jonas Wiechmann",
        "position": "Projektleiter Baumbewässerung",
        "org_unit": "Bereich Stadtgrün und Verkehr",
        "email": "j.wiechmann@luebeck.example",
        "phone": "+49 451 000-4870",
        "expertise": [
            "Baumbewässerung",
            "Bodenfeuchtesensoren",
            "Stadtbäume und Klimaanpassung",
            "Tourenplanung",
        ],
        "consent": True,
    },
    {
        "ref": "hl-kontakt-ozg",
        "kind": "contact",
        "tenant": "luebeck",
        "language": "de",
        "title": "Aylin Korkmaz - OZG-Koordination und Antragsstrecken",
        "summary": (
            "Koordiniert die Umsetzung des OZG in der Hansestadt Lübeck und baut "
            "Online-Antragsstrecken mit einer Low-Code-Plattform."
        ),
        "body": _md("""
            Aylin Korkmaz ist Verwaltungswirtin und hat berufsbegleitend
            Verwaltungsinformatik studiert. Seit 2022 koordiniert sie die OZG-Umsetzung
            und hat mit ihrem Team mehr als 60 Online-Anträge live gebracht.

            Sie berät zu Prozessanalyse, Formulardesign in einfacher Sprache, zur
            Anbindung an Fachverfahren und zur Frage, welche Leistungen man besser
            selbst baut und welche man aus dem Einer-für-Alle-Angebot übernimmt.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["ozg", "online-antrag", "low-code", "prozessanalyse"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-10-02",
        "review_by": "2027-01-31",
        "author_role": "admin",
        "person_name": "Aylin Korkmaz",
        "position": "OZG-Koordinatorin",
        "org_unit": "Bereich Digitalisierung und IT",
        "email": "a.korkmaz@luebeck.example",
        "phone": "+49 451 000-1290",
        "expertise": [
            "OZG-Umsetzung",
            "Low-Code-Antragsstrecken",
            "Prozessmodellierung",
            "Einfache Sprache",
        ],
        "consent": True,
    },
    {
        "ref": "hl-kontakt-datenschutz",
        "kind": "contact",
        "tenant": "luebeck",
        "language": "de",
        "title": "Torben Lüders - Datenschutz bei Sensorik- und Datenprojekten",
        "summary": (
            "Stellvertretender Datenschutzbeauftragter; unterstützt die Städte der "
            "Smarten Hanse bei Datenschutz-Folgenabschätzungen für Smart-City-Projekte."
        ),
        "body": _md("""
            Torben Lüders ist Jurist und seit 2020 stellvertretender behördlicher
            Datenschutzbeauftragter der Hansestadt Lübeck. Er hat den DSGVO-Baukasten für
            Sensorprojekte entwickelt und gibt dazu regelmäßig Schulungen im Netzwerk.

            Themen: Datenschutz-Folgenabschätzung, Auftragsverarbeitung, Videotechnik
            und Zählsensorik im öffentlichen Raum, Löschkonzepte.
        """),
        "topics": ["sicherheit", "digitale-verwaltung"],
        "tags": ["datenschutz", "dsgvo", "folgenabschätzung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-01-22",
        "review_by": "2027-01-31",
        "author_role": "editor",
        "person_name": "Torben Lüders",
        "position": "Stellvertretender behördlicher Datenschutzbeauftragter",
        "org_unit": "Bereich Recht und Datenschutz",
        "email": "t.lueders@luebeck.example",
        "phone": "+49 451 000-1044",
        "expertise": [
            "DSGVO",
            "Datenschutz-Folgenabschätzung",
            "Auftragsverarbeitung",
            "Sensorik im öffentlichen Raum",
        ],
        "consent": True,
    },
    {
        "ref": "hl-kontakt-innenstadt",
        "kind": "contact",
        "tenant": "luebeck",
        "language": "de",
        "title": "Marlene Vogt - Citymanagement und Leerstand",
        "summary": (
            "Entwurf: Kontaktprofil der Citymanagerin. Noch nicht freigegeben, weil die "
            "Einwilligung zur Veröffentlichung fehlt."
        ),
        "body": _md("""
            Marlene Vogt betreut im Citymanagement die Zusammenarbeit mit dem
            Einzelhandel auf der Altstadtinsel und hat das Pilotprojekt zum
            Leerstandsmanagement begleitet.

            Hinweis der Redaktion: Profil bitte erst veröffentlichen, wenn die
            schriftliche Einwilligung vorliegt. Nachfrage erfolgt nach ihrer Rückkehr aus
            der Elternzeit.
        """),
        "topics": ["tourismus-einzelhandel"],
        "tags": ["innenstadt", "leerstand", "einzelhandel"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-04-30",
        "author_role": "editor",
        "person_name": "Marlene Vogt",
        "position": "Citymanagerin",
        "org_unit": "Wirtschaftsförderung, Innenstadtentwicklung",
        "email": "m.vogt@luebeck.example",
        "phone": "+49 451 000-5512",
        "expertise": ["Citymanagement", "Leerstandsmanagement", "Einzelhandel"],
        "consent": False,
    },
    # --- Stralsund ---------------------------------------------------------
    {
        "ref": "hst-kontakt-beteiligung",
        "kind": "contact",
        "tenant": "stralsund",
        "language": "de",
        "title": "Greta Sievers - Bürgerbeteiligung online und vor Ort",
        "summary": (
            "Leitet die Stabsstelle Bürgerbeteiligung und betreut das Beteiligungsportal "
            "der Hansestadt Stralsund."
        ),
        "body": _md("""
            Greta Sievers ist Stadtplanerin und Moderatorin. Sie hat das
            Beteiligungsportal in Stralsund eingeführt und verbindet Online-Verfahren mit
            Formaten vor Ort, etwa Stadtteilspaziergängen und Infoständen auf dem
            Wochenmarkt.

            Sie berät gern zu Beteiligungskonzepten, Moderation von Online-Dialogen,
            Barrierefreiheit und dazu, wie Ergebnisse nachvollziehbar an Politik und
            Bürger*innen zurückgemeldet werden.
        """),
        "topics": ["beteiligung"],
        "tags": ["bürgerbeteiligung", "beteiligungsportal", "moderation"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-08-28",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "person_name": "Greta Sievers",
        "position": "Leiterin Stabsstelle Bürgerbeteiligung",
        "org_unit": "Büro der Oberbürgermeisterin, Stabsstelle Bürgerbeteiligung",
        "email": "g.sievers@stralsund.example",
        "phone": "+49 3831 000-250",
        "expertise": [
            "Bürgerbeteiligung",
            "Online-Beteiligung",
            "Moderation",
            "Beteiligungskonzepte",
        ],
        "consent": True,
    },
    {
        "ref": "hst-kontakt-tourismus",
        "kind": "contact",
        "tenant": "stralsund",
        "language": "de",
        "title": "Paul Niemeyer - Besucherlenkung im Welterbe",
        "summary": (
            "Projektleiter für die digitale Besucherlenkung in der Stralsunder Altstadt, "
            "die zum UNESCO-Welterbe gehört."
        ),
        "body": _md("""
            Paul Niemeyer kommt aus dem Destinationsmanagement und arbeitet seit 2021 im
            Welterbe-Management der Hansestadt Stralsund. Er verantwortet die
            Besucherzählung, die Auslastungsanzeige für Innenstadt und Hafen sowie die
            Zusammenarbeit mit Reedereien und Reiseveranstaltern.

            Ansprechpartner für Frequenzmessung, Besucherströme, Kreuzfahrt-Spitzentage
            und die Abstimmung mit dem Denkmalschutz.
        """),
        "topics": ["tourismus-einzelhandel", "mobilitaet"],
        "tags": ["tourismus", "besucherlenkung", "welterbe", "frequenzmessung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-04-15",
        "review_by": "2027-04-30",
        "author_role": "editor",
        "person_name": "Paul Niemeyer",
        "position": "Projektleiter Besucherlenkung",
        "org_unit": "Welterbe-Management und Tourismus",
        "email": "p.niemeyer@stralsund.example",
        "phone": "+49 3831 000-318",
        "expertise": [
            "Besucherlenkung",
            "Frequenzmessung",
            "Welterbe-Management",
            "Kreuzfahrttourismus",
        ],
        "consent": True,
    },
    {
        "ref": "hst-kontakt-beleuchtung",
        "kind": "contact",
        "tenant": "stralsund",
        "language": "de",
        "title": "Dirk Schwanbeck - Straßenbeleuchtung und Lichtsteuerung",
        "summary": (
            "Sachbearbeiter für Straßenbeleuchtung; hat die Umrüstung auf LED mit "
            "bedarfsgerechter Steuerung in Stralsunder Straßen begleitet."
        ),
        "body": _md("""
            Dirk Schwanbeck ist Elektromeister und betreut seit über 20 Jahren die
            Straßenbeleuchtung der Hansestadt Stralsund. Er kennt jeden Schaltschrank
            und hat die Umrüstung von rund 3.100 Leuchten auf LED mit
            Bewegungssensoren technisch geplant.

            Er hilft bei Fragen zu Leuchtentypen, Steuerungsprotokollen, Dimmprofilen,
            Wartungsverträgen und zur Berechnung von Energieeinsparungen.
        """),
        "topics": ["energie", "sicherheit"],
        "tags": ["straßenbeleuchtung", "led", "lichtsteuerung", "energieeinsparung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-10-07",
        "review_by": "2027-10-31",
        "author_role": "editor",
        "person_name": "Dirk Schwanbeck",
        "position": "Sachbearbeiter Straßenbeleuchtung",
        "org_unit": "Amt für Planung und Bau, Abteilung Straßen und Stadtgrün",
        "email": "d.schwanbeck@stralsund.example",
        "phone": "+49 3831 000-472",
        "expertise": [
            "Straßenbeleuchtung",
            "LED-Umrüstung",
            "Lichtsteuerung",
            "Energiecontrolling",
        ],
        "consent": True,
    },
    {
        "ref": "hst-kontakt-digitalisierung",
        "kind": "contact",
        "tenant": "stralsund",
        "language": "de",
        "title": "Lea Marquardt - Digitalisierungsbeauftragte der Hansestadt Stralsund",
        "summary": (
            "Koordiniert die Smart-City-Projekte in Stralsund und vertritt die Stadt in "
            "der Lenkungsgruppe der Smarten Hanse."
        ),
        "body": _md("""
            Lea Marquardt leitet die Stabsstelle Digitalisierung. Sie hat zuvor bei einem
            kommunalen IT-Dienstleister Projekte zur E-Akte und zum Onlinezugangsgesetz
            betreut.

            Bei ihr laufen die Fäden für Datenplattform, Sensorik, Vergabe von
            IT-Rahmenverträgen und die Übernahme von Lösungen aus den Partnerstädten
            zusammen.
        """),
        "topics": ["digitale-verwaltung", "daten-infrastruktur"],
        "tags": ["smart city", "strategie", "vergabe", "kooperation"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2023-06-19",
        "review_by": "2027-06-30",
        "author_role": "admin",
        "person_name": "Lea Marquardt",
        "position": "Digitalisierungsbeauftragte",
        "org_unit": "Stabsstelle Digitalisierung",
        "email": "l.marquardt@stralsund.example",
        "phone": "+49 3831 000-205",
        "expertise": [
            "Smart-City-Strategie",
            "IT-Vergabe",
            "Datenplattform",
            "Interkommunale Zusammenarbeit",
        ],
        "consent": True,
    },
    # --- Wismar ------------------------------------------------------------
    {
        "ref": "hwi-kontakt-zwilling",
        "kind": "contact",
        "tenant": "wismar",
        "language": "de",
        "title": "Mirko Stahnke - Geodaten und Digitaler Zwilling",
        "summary": (
            "GIS-Koordinator der Hansestadt Wismar und Projektleiter des Digitalen "
            "Zwillings für Altstadt und Hafen."
        ),
        "body": _md("""
            Mirko Stahnke ist Vermessungsingenieur und koordiniert seit 2018 das
            Geoinformationssystem der Hansestadt Wismar. Er leitet den Aufbau des
            Digitalen Zwillings und hat dafür 3D-Gebäudemodelle, Leitungsdaten und
            Sensordaten zusammengeführt.

            Er unterstützt gern bei Fragen zu CityGML, 3D-Stadtmodellen, Datenformaten
            und Webvisualisierung.
        """),
        "topics": ["daten-infrastruktur", "beteiligung"],
        "tags": ["digitaler zwilling", "gis", "3d-stadtmodell", "citygml"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-08-12",
        "review_by": "2027-08-31",
        "author_role": "editor",
        "person_name": "Mirko Stahnke",
        "position": "GIS-Koordinator",
        "org_unit": "Bauamt, Abteilung Vermessung und Geoinformation",
        "email": "m.stahnke@wismar.example",
        "phone": "+49 3841 000-612",
        "expertise": [
            "Digitaler Zwilling",
            "3D-Stadtmodell",
            "CityGML",
            "Geodateninfrastruktur",
        ],
        "consent": True,
    },
    {
        "ref": "hwi-kontakt-abfall",
        "kind": "contact",
        "tenant": "wismar",
        "language": "de",
        "title": "Sabine Krohn - Stadtreinigung und smarte Abfallbehälter",
        "summary": (
            "Betriebsleiterin der Stadtreinigung; hat die Füllstandssensoren in "
            "öffentlichen Abfallbehältern eingeführt."
        ),
        "body": _md("""
            Sabine Krohn leitet die Stadtreinigung im Entsorgungs- und Verkehrsbetrieb.
            Unter ihrer Leitung wurden 180 öffentliche Abfallbehälter in Altstadt und
            Hafen mit Füllstandssensoren ausgestattet und die Leerungstouren neu
            geplant.

            Sie berichtet offen über Personalplanung, Tourensteuerung und die
            Zusammenarbeit mit den Fahrer*innen.
        """),
        "topics": ["klimaschutz-stadtgruen", "tourismus-einzelhandel"],
        "tags": ["abfall", "stadtreinigung", "füllstandssensoren", "tourenplanung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2025-02-03",
        "review_by": "2027-12-31",
        "author_role": "editor",
        "person_name": "Sabine Krohn",
        "position": "Betriebsleiterin Stadtreinigung",
        "org_unit": "Entsorgungs- und Verkehrsbetrieb der Hansestadt Wismar",
        "email": "s.krohn@wismar.example",
        "phone": "+49 3841 000-733",
        "expertise": [
            "Stadtreinigung",
            "Füllstandssensoren",
            "Tourenplanung",
            "Personalführung im Betriebshof",
        ],
        "consent": True,
    },
    {
        "ref": "hwi-kontakt-mobilitaet",
        "kind": "contact",
        "tenant": "wismar",
        "language": "de",
        "title": "Hannes Voß - Verkehrsplanung und Parkraum",
        "summary": (
            "Verkehrsplaner der Hansestadt Wismar; prüft derzeit die Übernahme des "
            "Rostocker Parkraummanagements mit Bodensensoren."
        ),
        "body": _md("""
            Hannes Voß arbeitet seit 2017 in der Verkehrsplanung. Er hat die
            Mobilitätsstation am Bahnhof geplant und bewertet aktuell, ob und wie das
            sensorgestützte Parkraummanagement aus Rostock in Wismar eingesetzt werden
            kann.

            Themen: Parkraumkonzepte, Radverkehr, Mobilitätsstationen, ÖPNV-Anbindung.
        """),
        "topics": ["mobilitaet"],
        "tags": ["verkehrsplanung", "parkraum", "mobilitätsstation", "radverkehr"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2025-05-19",
        "review_by": "2027-05-31",
        "author_role": "editor",
        "person_name": "Hannes Voß",
        "position": "Verkehrsplaner",
        "org_unit": "Bauamt, Abteilung Verkehrsplanung",
        "email": "h.voss@wismar.example",
        "phone": "+49 3841 000-645",
        "expertise": [
            "Parkraumkonzepte",
            "Mobilitätsstationen",
            "Radverkehrsplanung",
            "ÖPNV-Anbindung",
        ],
        "consent": True,
    },
    {
        "ref": "hwi-kontakt-bildung",
        "kind": "contact",
        "tenant": "wismar",
        "language": "de",
        "title": "Nadine Reincke - Schulen und digitale Teilhabe",
        "summary": (
            "Sachgebietsleiterin für Schulen und digitale Teilhabe; verantwortet den "
            "WLAN-Ausbau an Schulen und das Programm Digitallots*innen."
        ),
        "body": _md("""
            Nadine Reincke ist Sozialpädagogin und Verwaltungsfachwirtin. Sie verbindet
            Schulträgeraufgaben mit Angeboten zur digitalen Teilhabe, etwa den
            ehrenamtlichen Digitallots*innen, die Senior*innen beim Umgang mit
            Smartphone und Online-Diensten helfen.

            Ansprechpartnerin für DigitalPakt-Anträge, Schul-WLAN, Ehrenamtskoordination
            und Kooperationen mit Bibliotheken und Seniorenbeirat.
        """),
        "topics": ["bildung", "gesundheit-soziales"],
        "tags": ["schule", "digitale teilhabe", "senior*innen", "ehrenamt"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-03-25",
        "review_by": "2026-08-31",
        "author_role": "admin",
        "person_name": "Nadine Reincke",
        "position": "Sachgebietsleiterin Schulen und digitale Teilhabe",
        "org_unit": "Amt für Schule, Jugend und Soziales",
        "email": "n.reincke@wismar.example",
        "phone": "+49 3841 000-580",
        "expertise": [
            "DigitalPakt Schule",
            "Schul-WLAN",
            "Digitale Teilhabe im Alter",
            "Ehrenamtskoordination",
        ],
        "consent": True,
    },
    # --- Alliance and partner ------------------------------------------------
    {
        "ref": "sh-kontakt-geschaeftsstelle",
        "kind": "contact",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Christoph Behrendt - Geschäftsstelle Smarte Hanse",
        "summary": (
            "Leitet die gemeinsame Geschäftsstelle der vier Hansestädte und organisiert "
            "die Smarte-Hanse-Konferenz."
        ),
        "body": _md("""
            Christoph Behrendt leitet seit der Gründung 2023 die Geschäftsstelle Smarte
            Hanse in Stralsund. Er koordiniert die Arbeitsgruppen, bereitet die Sitzungen
            der Lenkungsgruppe vor und organisiert die jährliche Smarte-Hanse-Konferenz.

            Wenn Sie nicht wissen, wer in den vier Städten zu einem Thema Bescheid weiß:
            Fragen Sie ihn, er vermittelt den Kontakt.
        """),
        "topics": ["digitale-verwaltung", "beteiligung"],
        "tags": ["kooperation", "netzwerk", "konferenz", "wissenstransfer"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-05-15",
        "review_by": "2027-05-31",
        "author_role": "admin",
        "person_name": "Christoph Behrendt",
        "position": "Leiter der Geschäftsstelle",
        "org_unit": "Geschäftsstelle Smarte Hanse",
        "email": "c.behrendt@smarte-hanse.example",
        "phone": "+49 3831 000-900",
        "expertise": [
            "Interkommunale Kooperation",
            "Fördermittelmanagement",
            "Veranstaltungsorganisation",
            "Wissenstransfer",
        ],
        "consent": True,
    },
    {
        "ref": "iud-kontakt-sensorik",
        "kind": "contact",
        "tenant": "institut-urbane-daten",
        "language": "de",
        "title": "Dr. Imke Rathjen - Sensorlabor des Ostsee-Instituts",
        "summary": (
            "Leitet das Sensorlabor des Ostsee-Instituts und begleitet die Städte bei "
            "Test, Kalibrierung und Evaluation von Umwelt- und Verkehrssensoren."
        ),
        "body": _md("""
            Dr. Imke Rathjen ist Physikerin und leitet das Sensorlabor des
            Ostsee-Instituts für urbane Datensysteme. Ihr Team testet Sensoren vor dem
            Einsatz in der Klimakammer, prüft Herstellerangaben zu Genauigkeit und
            Batterielaufzeit und wertet Pilotprojekte wissenschaftlich aus.

            Für die Städte der Smarten Hanse bietet das Labor Vergleichsmessungen und
            unabhängige Stellungnahmen für Vergabeverfahren an.
        """),
        "topics": ["daten-infrastruktur", "wasser-hochwasser"],
        "tags": ["sensorik", "kalibrierung", "evaluation", "forschung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-11-04",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "person_name": "Dr. Imke Rathjen",
        "position": "Wissenschaftliche Leiterin Sensorlabor",
        "org_unit": "Ostsee-Institut für urbane Datensysteme, Sensorlabor",
        "email": "i.rathjen@urbane-daten.example",
        "phone": "+49 3841 000-910",
        "expertise": [
            "Sensorkalibrierung",
            "LoRaWAN-Funkplanung",
            "Energiebudget von IoT-Geräten",
            "Wissenschaftliche Evaluation",
        ],
        "consent": True,
    },
]

# ---------------------------------------------------------------------------
# Solutions: Rostock
# ---------------------------------------------------------------------------

_SOLUTIONS_ROSTOCK: list[dict] = [
    {
        "ref": "hro-parkraum-sensoren",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "Parkraummanagement mit Bodensensoren",
        "summary": (
            "420 LoRaWAN-Bodensensoren erfassen in der Östlichen Altstadt und am "
            "Stadthafen die Belegung einzelner Parkplätze. Freie Stellplätze werden in "
            "Echtzeit in der App Rostock mobil und auf drei Parkleittafeln angezeigt."
        ),
        "body": _md("""
            ## Worum es geht

            Seit April 2024 liegt unter 420 Parkplätzen in der Östlichen Altstadt und am
            Stadthafen jeweils ein Bodensensor. Die Sensoren erkennen mit einer
            Kombination aus Magnetfeld- und Radarmessung, ob ein Fahrzeug auf dem
            Stellplatz steht, und melden jede Änderung über das städtische LoRaWAN-Netz.
            Die Belegung wird alle 60 Sekunden aggregiert und in der App
            **Rostock mobil**, auf drei dynamischen Parkleittafeln und als Open Data auf
            der [Urbanen Datenplattform](https://daten.rostock.example/dataset/parkraum)
            veröffentlicht.

            ## Ergebnisse nach zwei Betriebsjahren

            - Der Parksuchverkehr in der Östlichen Altstadt ist laut Verkehrszählung
              (Herbst 2023 im Vergleich zu Herbst 2025) um rund **18 %** gesunken.
            - Die Parkfunktion der App wird monatlich von etwa 12.000 Nutzer*innen
              aufgerufen, an Sommerwochenenden bis zu 2.500-mal am Tag.
            - Die Erkennungsgenauigkeit liegt bei 97,8 % (Stichprobe mit 1.200 manuellen
              Kontrollen durch den Gemeindlichen Vollzugsdienst).
            - Erstmals liegen belastbare Daten zur Auslastung einzelner Straßenzüge vor.
              Sie sind in die Fortschreibung des Parkraumkonzepts eingeflossen.

            ## Datenschutz

            Die Sensoren erfassen ausschließlich den Zustand frei oder belegt. Es werden
            keine Kennzeichen, Bilder oder Fahrzeugmerkmale verarbeitet. Eine
            Datenschutz-Folgenabschätzung war deshalb nach Abstimmung mit dem
            Datenschutzbeauftragten nicht erforderlich; die Bewertung ist dokumentiert.

            ## Was wir anders machen würden

            Die Batterien halten im Winter deutlich kürzer als vom Hersteller angegeben.
            Details und unsere Konsequenzen stehen im Lessons-learned-Beitrag zur
            Batterielaufzeit der Bodensensoren.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["lorawan", "sensorik", "parkraum", "parkplätze", "open data", "app"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-06-03",
        "review_by": "2027-06-30",
        "author_role": "editor",
        "problem": _md("""
            In der Östlichen Altstadt und rund um den Stadthafen suchen an Wochenenden und
            in der Saison viele Autofahrer*innen lange nach einem freien Parkplatz.
            Schätzungen aus Verkehrszählungen gingen von bis zu 30 % Parksuchverkehr in
            einzelnen Straßen aus. Anwohner*innen beschwerten sich über Lärm und
            zugeparkte Einfahrten, und für die Fortschreibung des Parkraumkonzepts fehlten
            verlässliche Daten zur tatsächlichen Auslastung.
        """),
        "approach": _md("""
            1. **Bedarfsanalyse 2022:** Auswahl von 420 Stellplätzen mit hohem
               Parkdruck; bewusst nur Straßen mit Asphaltdecke.
            2. **Offene Ausschreibung 2023** mit funktionaler Leistungsbeschreibung:
               Erkennungsgenauigkeit mindestens 95 %, Batterielaufzeit mindestens
               fünf Jahre, offenes Datenformat, Betrieb im städtischen LoRaWAN-Netz.
            3. **Einbau** durch eine Tiefbaufirma in Kernbohrungen (Durchmesser 12 cm)
               innerhalb von drei Nächten je Abschnitt; sieben Gateways auf städtischen
               Gebäuden.
            4. **Datenfluss:** LoRaWAN-Netzwerkserver, eigener Decoder, MQTT, Ablage in
               der SensorThings API der Urbanen Datenplattform.
            5. **Ausspielung** über eine offene Schnittstelle an App, Parkleittafeln und
               das Open-Data-Portal.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Gut übertragbar auf Städte mit eigenem oder gemeinsam genutztem LoRaWAN-Netz.
            Der Decoder und die Anbindung an die Datenplattform stehen als Open Source
            zur Verfügung. Nicht geeignet ist das Verfahren für Kopfsteinpflaster und
            historische Pflasterflächen, weil die Sensoren dort nicht dauerhaft dicht
            eingebaut werden können. Für kleinere Städte empfehlen wir, mit 100 bis 150
            Stellplätzen an einem Schwerpunkt zu beginnen.
        """),
        "costs": (
            "ca. 194.000 € Investition (420 Sensoren inkl. Einbau je 335 €, 7 Gateways, "
            "Softwareintegration 38.000 €), davon 60 % gefördert; ca. 21.000 € jährlicher "
            "Betrieb (Batterietausch, Netzwerkserver, App-Pflege)"
        ),
        "partners": (
            "Stadtwerke Rostock (Betrieb LoRaWAN-Netz), Tiefbauamt, Gemeindlicher "
            "Vollzugsdienst, Ostsee-Institut für urbane Datensysteme (Evaluation)"
        ),
        "software_licence": "EUPL-1.2",
        "repository_url": "https://code.rostock.example/mobilitaet/parkraum-sensorik",
        "technologies": [
            "LoRaWAN",
            "ChirpStack",
            "MQTT",
            "OGC SensorThings API",
            "PostgreSQL/PostGIS",
            "Grafana",
        ],
        "contacts": ["hro-kontakt-parkraum"],
    },
    {
        "ref": "hro-parkraum-sensoren-en",
        "kind": "solution",
        "tenant": "rostock",
        "language": "en",
        "translation_of": "hro-parkraum-sensoren",
        "title": "Parking management with in-ground sensors",
        "summary": (
            "420 LoRaWAN in-ground sensors detect whether individual parking bays in "
            "Rostock's eastern old town and city harbour are occupied. Free spaces are "
            "shown in real time in the Rostock mobil app and on three guidance signs."
        ),
        "body": _md("""
            ## What it is about

            Since April 2024, 420 parking bays in the eastern old town and at the city
            harbour have an in-ground sensor. Combining magnetometer and radar
            measurements, each sensor detects whether a vehicle is parked and reports
            every change via the municipal LoRaWAN network. Occupancy is aggregated every
            60 seconds and published in the **Rostock mobil** app, on three dynamic
            guidance signs and as open data on the
            [urban data platform](https://daten.rostock.example/dataset/parkraum).

            ## Results after two years of operation

            - Traffic searching for parking in the eastern old town dropped by about
              **18 %** (traffic counts autumn 2023 compared with autumn 2025).
            - About 12,000 people use the parking feature of the app every month.
            - Detection accuracy is 97.8 % (1,200 manual spot checks).
            - For the first time the city has reliable occupancy data per street, which
              fed into the update of the parking strategy.

            ## Data protection

            The sensors only record free or occupied. No licence plates, images or
            vehicle features are processed.

            ## What we would do differently

            Batteries run down much faster in winter than the manufacturer promised. See
            the lesson learned on the battery life of the in-ground sensors.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["lorawan", "sensors", "parking", "open data", "app"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-07-15",
        "review_by": "2027-06-30",
        "author_role": "editor",
        "problem": _md("""
            At weekends and in the tourist season, many drivers circle the eastern old
            town and the city harbour looking for a parking space. Traffic counts
            suggested up to 30 % of traffic in some streets was searching for parking.
            Residents complained about noise and blocked driveways, and the city lacked
            reliable occupancy data for its parking strategy.
        """),
        "approach": _md("""
            1. **Needs analysis 2022:** 420 bays with high parking pressure, only in
               asphalt streets.
            2. **Open tender 2023** with a functional specification: at least 95 %
               detection accuracy, at least five years of battery life, open data
               format, operation in the municipal LoRaWAN network.
            3. **Installation** in core drill holes within three nights per section;
               seven gateways on municipal buildings.
            4. **Data flow:** LoRaWAN network server, own decoder, MQTT, storage in the
               SensorThings API of the urban data platform.
            5. **Delivery** through an open interface to the app, guidance signs and
               the open data portal.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Easy to transfer to cities with their own or a shared LoRaWAN network. The
            decoder and platform integration are open source. Not suitable for
            cobblestones or historic paving. Smaller cities should start with 100 to
            150 bays in one hotspot.
        """),
        "costs": (
            "approx. EUR 194,000 investment, 60 % funded; approx. EUR 21,000 annual "
            "operation (battery replacement, network server, app maintenance)"
        ),
        "partners": (
            "Stadtwerke Rostock (LoRaWAN network), civil engineering office, municipal "
            "enforcement service, Ostsee-Institut für urbane Datensysteme (evaluation)"
        ),
        "software_licence": "EUPL-1.2",
        "repository_url": "https://code.rostock.example/mobilitaet/parkraum-sensorik",
        "technologies": [
            "LoRaWAN",
            "ChirpStack",
            "MQTT",
            "OGC SensorThings API",
            "PostgreSQL/PostGIS",
            "Grafana",
        ],
        "contacts": ["hro-kontakt-parkraum"],
    },
    {
        "ref": "hro-datenplattform",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "Urbane Datenplattform Rostock mit Open-Data-Portal",
        "summary": (
            "Eine quelloffene Datenplattform bündelt Sensordaten, Geodaten und "
            "Fachdaten der Verwaltung und stellt mehr als 240 Datensätze als Open Data "
            "bereit."
        ),
        "body": _md("""
            ## Die Plattform

            Die Urbane Datenplattform ist das Rückgrat aller Rostocker Smart-City-Projekte.
            Sie besteht aus drei Bausteinen:

            - einem **Datenkatalog** mit Open-Data-Portal unter
              [daten.rostock.example](https://daten.rostock.example),
            - einer **Zeitreihendatenbank** mit SensorThings API für Sensordaten
              (Parkraum, Pegel, Luftqualität, Bodenfeuchte),
            - einem **Dashboard-Baukasten**, mit dem Fachämter ohne Programmierung
              eigene Auswertungen erstellen.

            ## Zahlen

            Stand Oktober 2026 sind 243 Datensätze veröffentlicht, davon 31 mit
            Echtzeitdaten. Die Schnittstellen werden im Monatsmittel 1,9 Millionen Mal
            abgerufen, vor allem von der App Rostock mobil, von Forschungseinrichtungen
            und von Start-ups aus der Region.

            ## Organisation

            Entscheidend war weniger die Technik als die Organisation: Jedes Fachamt
            benennt eine **Datenpat*in**, die für Aktualität und Metadaten ihrer
            Datensätze verantwortlich ist. Ein Datenrat aus fünf Ämtern entscheidet
            zweimal im Jahr über Prioritäten. Die Stralsunder Kolleg*innen haben die
            Plattform 2025 für ihre Stadt übernommen.
        """),
        "topics": ["daten-infrastruktur", "digitale-verwaltung"],
        "tags": ["open data", "datenplattform", "schnittstellen", "dashboard", "sensorik"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-11-20",
        "review_by": "2027-03-31",
        "author_role": "admin",
        "problem": _md("""
            Daten der Stadtverwaltung lagen verstreut in Fachverfahren, Excel-Tabellen und
            auf Abteilungslaufwerken. Jedes Sensorprojekt brachte eine eigene Cloud des
            jeweiligen Herstellers mit. Anfragen von Bürger*innen, Wissenschaft und
            Wirtschaft nach Daten wurden einzeln per E-Mail beantwortet.
        """),
        "approach": _md("""
            - Aufbau ab 2022 ausschließlich mit Open-Source-Komponenten im kommunalen
              Rechenzentrum.
            - Vorgabe in allen neuen Ausschreibungen: Sensordaten müssen über offene
              Protokolle direkt in die Plattform fließen, Herstellerclouds sind optional.
            - Open by default: Datensätze ohne Personenbezug werden unter der Lizenz
              dl-de/by-2-0 oder dl-de/zero-2-0 veröffentlicht.
            - Schulungsreihe Datenkompetenz für 140 Mitarbeiter*innen.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Die gesamte Installation ist als Infrastruktur-Code dokumentiert und wurde
            2025 von Stralsund übernommen. Für den Betrieb sollten mindestens 1,5
            Vollzeitstellen eingeplant werden, dazu Ansprechpersonen in den Fachämtern.
            Kleinere Städte können die Plattform auch als Mandant bei einer
            Partnerstadt nutzen.
        """),
        "costs": (
            "ca. 310.000 € Aufbau 2022-2024 (davon 65 % Förderung), ca. 85.000 € "
            "jährlicher Betrieb inkl. Hosting, ohne eigenes Personal"
        ),
        "partners": "Kommunales Rechenzentrum, Stadtwerke Rostock, Hochschulen der Region",
        "software_licence": "AGPL-3.0-or-later",
        "repository_url": "https://code.rostock.example/daten/urbane-datenplattform",
        "technologies": [
            "CKAN",
            "OGC SensorThings API",
            "PostgreSQL/TimescaleDB",
            "Kubernetes",
            "Grafana",
            "DCAT-AP.de",
        ],
        "contacts": ["hro-kontakt-datenplattform"],
    },
    {
        "ref": "hro-datenplattform-en",
        "kind": "solution",
        "tenant": "rostock",
        "language": "en",
        "translation_of": "hro-datenplattform",
        "title": "Rostock urban data platform with open data portal",
        "summary": (
            "An open-source data platform brings together sensor data, geodata and "
            "administrative data and publishes more than 240 data sets as open data."
        ),
        "body": _md("""
            ## The platform

            The urban data platform is the backbone of all smart city projects in
            Rostock. It has three building blocks:

            - a **data catalogue** with an open data portal at
              [daten.rostock.example](https://daten.rostock.example),
            - a **time series database** with a SensorThings API for sensor data,
            - a **dashboard kit** that lets departments build their own analyses
              without programming.

            ## Figures

            As of October 2026, 243 data sets are published, 31 of them with real-time
            data. The interfaces are called about 1.9 million times a month.

            ## Organisation

            Organisation mattered more than technology: every department names a
            **data steward** who keeps data sets and metadata up to date. Stralsund
            took over the platform for its own use in 2025.
        """),
        "topics": ["daten-infrastruktur", "digitale-verwaltung"],
        "tags": ["open data", "data platform", "api", "dashboard"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-02-05",
        "review_by": "2027-03-31",
        "author_role": "admin",
        "problem": _md("""
            Municipal data were scattered across specialist applications, spreadsheets
            and network drives. Every sensor project came with its own vendor cloud,
            and requests for data were answered one by one by e-mail.
        """),
        "approach": _md("""
            - Built from 2022 with open-source components only, hosted in the municipal
              data centre.
            - All new tenders require sensor data to flow into the platform via open
              protocols.
            - Open by default: data without personal reference are published under
              dl-de/by-2-0 or dl-de/zero-2-0.
            - Data literacy training for 140 staff members.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            The installation is documented as infrastructure code and was reused by
            Stralsund in 2025. Plan at least 1.5 full-time positions for operation.
            Smaller cities can use the platform as a tenant of a partner city.
        """),
        "costs": (
            "approx. EUR 310,000 set-up 2022-2024 (65 % funded), approx. EUR 85,000 "
            "annual operation including hosting, excluding own staff"
        ),
        "partners": "Municipal data centre, Stadtwerke Rostock, regional universities",
        "software_licence": "AGPL-3.0-or-later",
        "repository_url": "https://code.rostock.example/daten/urbane-datenplattform",
        "technologies": [
            "CKAN",
            "OGC SensorThings API",
            "PostgreSQL/TimescaleDB",
            "Kubernetes",
            "Grafana",
            "DCAT-AP.de",
        ],
        "contacts": ["hro-kontakt-datenplattform"],
    },
    {
        "ref": "hro-ladesaeulen",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "Datenbasierter Ladesäulen-Planer für die Elektromobilität",
        "summary": (
            "Ein Geodatenmodell bewertet jeden Straßenabschnitt danach, wie dringend dort "
            "öffentliche Ladesäulen gebraucht werden, und beschleunigt so den Ausbau der "
            "Ladeinfrastruktur."
        ),
        "body": _md("""
            ## Ausgangslage

            Für den Hochlauf der E-Mobilität braucht Rostock nach dem
            Ladeinfrastrukturkonzept bis 2030 rund 1.100 öffentlich zugängliche
            Ladepunkte. 2023 waren es 212. Betreiber fragten immer wieder an, wo sie
            Ladesäulen aufstellen dürfen, und jede Anfrage wurde einzeln zwischen
            Tiefbauamt, Verkehrsbehörde und Netzbetreiber abgestimmt.

            ## Der Ladesäulen-Planer

            Der Planer kombiniert 14 Datenebenen, unter anderem Einwohnerdichte,
            Anteil von Mehrfamilienhäusern ohne eigene Stellplätze, Zulassungszahlen
            von Elektrofahrzeugen nach Postleitzahl, Netzanschlusskapazität und
            bestehende Ladepunkte. Daraus entsteht eine Karte mit einer Bedarfsstufe von
            1 bis 5 für jeden Straßenabschnitt.

            Geeignete Flächen werden vorab mit allen Ämtern geprüft und als
            **Standortpool** veröffentlicht. Betreiber können sich auf diese Standorte
            bewerben; die Sondernutzungserlaubnis ist dann in der Regel in sechs statt
            bisher 20 Wochen erteilt.

            ## Stand

            Seit Pilotstart im Juni 2025 wurden 86 Standorte aus dem Pool vergeben und 61
            davon gebaut. Lübeck prüft derzeit die Übernahme des Modells.
        """),
        "topics": ["mobilitaet", "energie", "klimaschutz-stadtgruen"],
        "tags": ["elektromobilität", "ladesäulen", "e-mobilität", "geodaten", "planung"],
        "licence": "dl-de/by-2-0",
        "visibility": "public",
        "status": "published",
        "published": "2025-07-07",
        "review_by": "2027-07-31",
        "author_role": "editor",
        "problem": _md("""
            Der Ausbau öffentlicher Ladesäulen verlief zu langsam und ungleich: In
            Einfamilienhausgebieten standen neue Ladepunkte, in dicht bebauten Vierteln
            ohne private Stellplätze fehlten sie. Die Einzelfallprüfung jeder
            Betreiberanfrage band viel Personal.
        """),
        "approach": _md("""
            - Bedarfsmodell auf Basis offener und städtischer Geodaten, jährlich
              aktualisiert.
            - Vorabprüfung von Flächen durch alle beteiligten Ämter und den
              Netzbetreiber in einer gemeinsamen Sitzung pro Quartal.
            - Veröffentlichung des Standortpools als Karte und als Open Data.
            - Vergabe nach transparenten Kriterien (Ladeleistung, Preisgestaltung,
              Barrierefreiheit).
        """),
        "maturity": "pilot",
        "transferability": _md("""
            Das Modell ist als QGIS-Projekt mit Python-Skripten dokumentiert und lässt
            sich mit den Daten anderer Städte füttern. Die Zulassungszahlen nach
            Postleitzahl müssen beim Kraftfahrt-Bundesamt bzw. der eigenen
            Zulassungsstelle angefragt werden. Der organisatorische Teil (gemeinsame
            Vorabprüfung) ist wichtiger als das Modell selbst.
        """),
        "costs": (
            "ca. 48.000 € für Modellentwicklung durch einen Dienstleister, 0,3 "
            "Vollzeitstellen für Pflege und Koordination"
        ),
        "partners": "Verteilnetzbetreiber, Tiefbauamt, Straßenverkehrsbehörde",
        "software_licence": "MIT",
        "repository_url": "https://code.rostock.example/klima/ladesaeulen-planer",
        "technologies": ["QGIS", "Python", "PostGIS", "GeoJSON"],
        "contacts": ["hro-kontakt-emobilitaet"],
    },
    {
        "ref": "hro-schul-it",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "Zentraler Schul-IT-Support mit Tablet-Ausleihe",
        "summary": (
            "Ein zentrales Support-Team mit Ticketsystem betreut die IT von 58 Schulen; "
            "über eine Ausleihe erhalten Schüler*innen ohne eigenes Gerät ein Tablet."
        ),
        "body": _md("""
            ## Ausgangslage

            Mit dem DigitalPakt Schule kamen bis 2024 über 9.000 Tablets und 1.400
            digitale Tafeln an die Rostocker Schulen. Die Betreuung lag bis dahin bei
            engagierten Lehrkräften, die dafür ein bis zwei Anrechnungsstunden
            erhielten. Das reichte nicht mehr.

            ## Lösung

            - **Zentrales Support-Team** aus acht Techniker*innen, davon zwei in
              Ausbildung, mit festen Sprechzeiten an jeder Schule.
            - **Ticketsystem** mit Kategorien für Hardware, Netz, Lernplattform und
              Geräteausleihe; Reaktionszeit im Schnitt 1,3 Arbeitstage.
            - **Mobile-Device-Management** für alle Schulgeräte, Profile je Schulart.
            - **Tablet-Ausleihe** für Schüler*innen aus Familien mit geringem
              Einkommen, gekoppelt an den Nachweis über Leistungen für Bildung und
              Teilhabe. Derzeit sind 1.850 Geräte verliehen.

            ## Erfahrungen

            Die Lehrkräfte berichten in der Befragung 2025 von deutlich weniger
            Unterrichtsausfall durch Technikprobleme. Der Engpass ist inzwischen das
            Schul-WLAN in den Altbauten, nicht mehr der Support.
        """),
        "topics": ["bildung", "digitale-verwaltung"],
        "tags": ["schule", "tablets", "it-support", "digitalpakt", "bildung"],
        "licence": "CC-BY-SA-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-10-21",
        "review_by": "2027-10-31",
        "author_role": "editor",
        "problem": _md("""
            Der IT-Support an Schulen hing an einzelnen Lehrkräften. Geräte aus dem
            DigitalPakt lagen teilweise ungenutzt in Schränken, weil niemand sie
            einrichten konnte. Schüler*innen ohne eigenes Gerät waren beim
            Distanzunterricht und bei Hausaufgaben benachteiligt.
        """),
        "approach": _md("""
            - Schaffung von acht Stellen im Amt für Schule und Sport (davon zwei
              Ausbildungsplätze Fachinformatik).
            - Einführung eines Ticketsystems und eines Mobile-Device-Managements.
            - Ausleihvertrag mit einfacher Sprache und Versicherung über den
              Schulträger.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Die Struktur ist auf kleinere Schulträger übertragbar; als Faustregel planen
            wir eine Techniker*innenstelle je 1.200 Endgeräte. Die Musterverträge für
            die Ausleihe teilen wir im Netzwerk.
        """),
        "costs": (
            "ca. 520.000 € Personalkosten jährlich, 35.000 € jährlich für Ticketsystem "
            "und MDM-Lizenzen"
        ),
        "partners": "Medienzentrum, Schulleitungen, Kommunales Rechenzentrum",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Mobile-Device-Management", "Ticketsystem", "Moodle"],
        "contacts": ["hro-kontakt-schule"],
    },
    {
        "ref": "hro-oepnv-echtzeit",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "ÖPNV-Echtzeitanzeigen mit E-Paper an Haltestellen",
        "summary": (
            "Solarbetriebene E-Paper-Anzeigen zeigen an 64 Haltestellen ohne Stromanschluss "
            "die Echtzeit-Abfahrten von Bus und Straßenbahn."
        ),
        "body": _md("""
            ## Idee

            Dynamische Fahrgastinformation gab es bisher nur an großen Haltestellen mit
            Stromanschluss. An kleineren Haltestellen in den Außenbezirken hingen
            lediglich gedruckte Fahrpläne. Gerade dort warten aber viele ältere
            Fahrgäste und Schüler*innen.

            ## Umsetzung

            Die Anzeigen arbeiten mit E-Paper, brauchen kaum Energie und werden über ein
            kleines Solarmodul versorgt. Sie erhalten die Echtzeitdaten des
            Verkehrsverbunds über Mobilfunk (NB-IoT) und aktualisieren sich alle 30
            Sekunden. Eine Vorlesefunktion per Knopfdruck sagt die nächsten Abfahrten an.

            ## Ergebnisse

            - 64 Haltestellen ausgestattet, Verfügbarkeit 99,1 % im Jahresmittel.
            - In der Fahrgastbefragung bewerten 82 % die Anzeigen als hilfreich.
            - Im Winter reicht die Solarleistung an zwei stark verschatteten
              Standorten nicht; dort wurde ein Akku nachgerüstet.
        """),
        "topics": ["mobilitaet", "energie"],
        "tags": ["öpnv", "fahrgastinformation", "e-paper", "barrierefreiheit", "nb-iot"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-09-11",
        "review_by": "2026-06-30",
        "author_role": "editor",
        "problem": _md("""
            An Haltestellen ohne Stromanschluss war keine Echtzeitinformation möglich.
            Ein Stromanschluss kostet je Haltestelle 6.000 bis 15.000 €, dazu kommen
            lange Genehmigungszeiten für Tiefbauarbeiten.
        """),
        "approach": _md("""
            Gemeinsame Ausschreibung von Stadt und Verkehrsbetrieb für 64 autarke
            Anzeigen; Anbindung an die vorhandene Echtzeitschnittstelle des
            Verkehrsverbunds; Montage an bestehenden Haltestellenmasten.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Sehr gut übertragbar, sofern Echtzeitdaten des ÖPNV in einem Standardformat
            vorliegen. Verschattung der Standorte vorab prüfen.
        """),
        "costs": "ca. 3.900 € je Anzeige inkl. Montage, ca. 90 € jährlich je Anzeige für Mobilfunk",
        "partners": "Rostocker Verkehrsbetrieb, Verkehrsverbund, Behindertenbeirat",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["E-Paper", "NB-IoT", "GTFS-Realtime", "Solar"],
        "contacts": ["hro-kontakt-parkraum"],
    },
    {
        "ref": "hro-chatbot",
        "kind": "solution",
        "tenant": "rostock",
        "language": "de",
        "title": "KI-Chatbot für den Bürgerservice (eingestellt)",
        "summary": (
            "Ein textbasierter Chatbot sollte Fragen von Bürger*innen zu Terminen, "
            "Unterlagen und Gebühren beantworten. Das Projekt wurde 2025 nach dem "
            "Pilotbetrieb eingestellt."
        ),
        "body": _md("""
            ## Was geplant war

            Ab 2023 sollte ein Chatbot auf der Website des Bürgerservice rund um die Uhr
            Fragen beantworten, etwa welche Unterlagen für einen Reisepass nötig sind
            oder wie man einen Wohnsitz ummeldet. Ziel war, das Service-Telefon um 20 %
            zu entlasten.

            ## Was passiert ist

            Im Pilotbetrieb von September 2024 bis März 2025 führte der Chatbot rund
            14.000 Dialoge. Nur 41 % der Anfragen konnten ohne Weiterleitung
            abgeschlossen werden. Bei Gebühren und Sonderfällen gab der Chatbot mehrfach
            falsche Auskünfte, die im Bürgerservice korrigiert werden mussten. Die
            Anrufzahlen am Service-Telefon sanken nicht messbar.

            ## Entscheidung

            Im Mai 2025 wurde der Betrieb eingestellt. Die Investition floss zum Teil in
            eine bessere Wissensdatenbank, die heute von den Mitarbeiter*innen am
            Telefon genutzt wird. Die ehrliche Auswertung steht im zugehörigen
            Lessons-learned-Beitrag.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["chatbot", "künstliche intelligenz", "bürgerservice", "gescheitert"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "archived",
        "published": "2023-10-16",
        "review_by": "2027-05-31",
        "author_role": "admin",
        "problem": _md("""
            Das Service-Telefon des Bürgerservice war zu Stoßzeiten überlastet; ein
            großer Teil der Anrufe betraf Standardfragen, die auch auf der Website
            beantwortet werden.
        """),
        "approach": _md("""
            Vergabe an einen Anbieter eines KI-gestützten Chatbots als Software as a
            Service; Befüllung mit Inhalten aus der Dienstleistungsdatenbank;
            Pilotbetrieb über sechs Monate mit wöchentlicher Auswertung.
        """),
        "maturity": "discontinued",
        "transferability": _md("""
            Nicht zur Nachnutzung empfohlen. Wer einen Chatbot plant, sollte zuerst die
            Qualität der Dienstleistungsbeschreibungen verbessern und klare
            Abbruchkriterien festlegen.
        """),
        "costs": (
            "ca. 96.000 € für Einrichtung und 18 Monate Lizenz, ca. 0,5 Vollzeitstellen "
            "für Redaktion während des Piloten"
        ),
        "partners": "Externer Softwareanbieter, Kommunales Rechenzentrum",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Chatbot", "Sprachmodell", "Software as a Service"],
        "contacts": ["hro-kontakt-verwaltung"],
    },
]

# ---------------------------------------------------------------------------
# Solutions: Lübeck
# ---------------------------------------------------------------------------

_SOLUTIONS_LUEBECK: list[dict] = [
    {
        "ref": "hl-pegelsensoren-trave",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "Pegelsensoren an der Trave: digitale Hochwasserwarnung",
        "summary": (
            "Zwölf Pegelsensoren an Trave, Wakenitz und Stadtgraben messen den "
            "Wasserstand im Minutentakt und lösen bei Grenzwerten automatisch eine "
            "Hochwasserwarnung an Feuerwehr, Betriebe und Anwohner*innen aus."
        ),
        "body": _md("""
            ## Warum Pegelsensoren?

            Die Altstadtinsel und die Uferbereiche an der Untertrave werden bei
            Ostsee-Sturmfluten und langanhaltendem Starkregen regelmäßig überflutet.
            Bisher gab es nur zwei amtliche Pegel, und zwischen Warnung und Wasser auf
            der Straße lagen manchmal weniger als zwei Stunden.

            ## Aufbau

            - **12 Radar-Pegelsensoren** an Brücken und Kaimauern, berührungslos, mit
              Solarversorgung und LoRaWAN-Anbindung; an drei kritischen Standorten
              zusätzlich Mobilfunk als Rückfallebene.
            - **Auswertung** in der Datenplattform: Messwerte jede Minute,
              Plausibilitätsprüfung gegen die amtlichen Pegel und Wetterdaten.
            - **Warnstufen** von 1 (erhöhter Wasserstand) bis 4 (Überflutung von
              Straßen erwartet), abgestimmt mit Feuerwehr und Katastrophenschutz.
            - **Hochwasserwarnung** per App-Push, SMS-Dienst für angemeldete Betriebe,
              Sirenenansage an zwei Standorten und Anzeige auf
              [pegel.luebeck.example](https://pegel.luebeck.example).

            ## Erfahrungen aus den Sturmfluten

            Bei der Sturmflut im Oktober 2025 erreichte die erste Warnung die
            Feuerwehr 4 Stunden 40 Minuten vor den ersten überfluteten Straßen. 380
            Betriebe und 2.100 Haushalte sind für den SMS-Dienst angemeldet. Die Zahl der
            Fehlalarme war anfangs zu hoch; wie wir das gelöst haben, beschreibt der
            Beitrag zu Fehlalarmen durch Eisgang und Treibgut.
        """),
        "topics": ["wasser-hochwasser", "sicherheit", "daten-infrastruktur"],
        "tags": ["hochwasser", "pegel", "hochwasserwarnung", "lorawan", "sturmflut"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-04-08",
        "review_by": "2027-04-30",
        "participants": ["institut-urbane-daten"],
        "author_role": "editor",
        "problem": _md("""
            Hochwasser an der Trave entsteht aus einer Mischung von Ostseewasserstand,
            Wind und Abfluss aus dem Hinterland. Die wenigen amtlichen Pegel liegen
            außerhalb der besonders betroffenen Altstadtbereiche. Feuerwehr und
            Betriebe am Ufer wurden zu spät und zu ungenau gewarnt.
        """),
        "approach": _md("""
            1. Gefährdungsanalyse mit Feuerwehr und Landesbehörde, Auswahl von zwölf
               Messpunkten.
            2. Test von drei Sensortypen im Sensorlabor des Ostsee-Instituts
               (Genauigkeit, Vereisung, Wellenschlag).
            3. Ausschreibung von Sensoren und Wartung getrennt, damit der Hersteller
               austauschbar bleibt.
            4. Schwellenwerte und Warntexte gemeinsam mit dem Katastrophenschutz
               festgelegt und nach jeder Lage überprüft.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Übertragbar auf alle Städte an Flüssen, Kanälen und Küsten. Die Warnlogik
            und die Warntexte stehen im Repository. Wichtig: Schwellenwerte müssen
            lokal hydrologisch hergeleitet werden, sie lassen sich nicht einfach
            kopieren. Stralsund hat das System an die Bedingungen am Strelasund
            angepasst.
        """),
        "costs": (
            "ca. 86.000 € Investition (12 Sensoren je 4.100 €, Montage, Softwareanpassung), "
            "ca. 9.500 € jährlicher Betrieb inkl. Wartung und SMS-Dienst"
        ),
        "partners": (
            "Berufsfeuerwehr, Katastrophenschutz, Landesamt für Umwelt, Ostsee-Institut "
            "für urbane Datensysteme, Stadtwerke"
        ),
        "software_licence": "EUPL-1.2",
        "repository_url": "https://code.luebeck.example/umwelt/pegelwarnung",
        "technologies": [
            "Radar-Pegelsensoren",
            "LoRaWAN",
            "LTE-M",
            "OGC SensorThings API",
            "Node-RED",
            "SMS-Gateway",
        ],
        "contacts": ["hl-kontakt-pegel"],
    },
    {
        "ref": "hl-pegelsensoren-trave-en",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "en",
        "translation_of": "hl-pegelsensoren-trave",
        "title": "Water level sensors on the Trave: digital flood warning",
        "summary": (
            "Twelve water level sensors on the Trave, the Wakenitz and the city moat "
            "measure the water level every minute and automatically warn the fire "
            "brigade, businesses and residents when thresholds are reached."
        ),
        "body": _md("""
            ## Why water level sensors?

            Lübeck's old town island and the banks of the lower Trave flood regularly
            during Baltic storm surges and long periods of heavy rain. There used to be
            only two official gauges, and sometimes less than two hours passed between
            the warning and water in the streets.

            ## Set-up

            - **12 radar water level sensors** on bridges and quay walls, contactless,
              solar powered, connected via LoRaWAN with mobile fallback.
            - **Analysis** on the data platform with plausibility checks against the
              official gauges and weather data.
            - **Warning levels** 1 to 4, agreed with the fire brigade and civil
              protection.
            - **Flood warnings** via app push notification, SMS service for
              businesses, siren announcements and a public website.

            ## Experience

            During the storm surge in October 2025 the first warning reached the fire
            brigade 4 hours 40 minutes before the first streets flooded.

            *Translation in progress; the German original is authoritative.*
        """),
        "topics": ["wasser-hochwasser", "sicherheit", "daten-infrastruktur"],
        "tags": ["flood", "water level", "early warning", "lorawan", "storm surge"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "draft",
        "review_by": "2027-04-30",
        "participants": ["institut-urbane-daten"],
        "author_role": "editor",
        "problem": _md("""
            Floods on the Trave result from Baltic sea levels, wind and runoff. The few
            official gauges are outside the most affected parts of the old town, so
            warnings came too late and were too imprecise.
        """),
        "approach": _md("""
            Hazard analysis with the fire brigade, lab tests of three sensor types,
            separate tenders for sensors and maintenance, thresholds and warning texts
            agreed with civil protection and reviewed after every event.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Transferable to any city on rivers, canals or coasts. Thresholds must be
            derived locally; they cannot simply be copied.
        """),
        "costs": (
            "approx. EUR 86,000 investment, approx. EUR 9,500 annual operation including "
            "maintenance and SMS service"
        ),
        "partners": (
            "Fire brigade, civil protection, state environment agency, Ostsee-Institut "
            "für urbane Datensysteme, municipal utility"
        ),
        "software_licence": "EUPL-1.2",
        "repository_url": "https://code.luebeck.example/umwelt/pegelwarnung",
        "technologies": [
            "Radar water level sensors",
            "LoRaWAN",
            "LTE-M",
            "OGC SensorThings API",
            "Node-RED",
            "SMS gateway",
        ],
        "contacts": ["hl-kontakt-pegel"],
    },
    {
        "ref": "hl-baumbewaesserung",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "Sensorgestützte Baumbewässerung für Jungbäume",
        "summary": (
            "Bodenfeuchtesensoren an 250 Jungbäumen zeigen, welcher Baum wirklich Wasser "
            "braucht. Die Gießtouren im Stadtgrün werden danach geplant und sparen Wasser "
            "und Fahrten."
        ),
        "body": _md("""
            ## Hintergrund

            Nach drei Dürresommern sind in Lübeck zwischen 2018 und 2022 mehr als 600
            Jungbäume vertrocknet. Ein neu gepflanzter Straßenbaum kostet mit
            Fertigstellungs- und Entwicklungspflege rund 3.000 €. Gegossen wurde bisher
            nach festem Plan, unabhängig davon, ob es geregnet hatte.

            ## So funktioniert es

            In den Wurzelballen von 250 Jungbäumen stecken Bodenfeuchtesensoren in zwei
            Tiefen (30 und 60 cm). Sie messen die Saugspannung und senden die Werte
            stündlich per LoRaWAN. Ein Ampelsystem in der Gießkarte zeigt, welche Bäume
            in den nächsten Tagen Wasser brauchen. Die Kolonnen erhalten morgens eine
            optimierte Gießroute auf dem Tablet.

            ## Ergebnis der Saison 2025

            - **31 % weniger Gießwasser** bei den Bäumen mit Sensor im Vergleich zur
              Kontrollgruppe, bei gleichem oder besserem Vitalitätszustand.
            - **22 % weniger Gießfahrten**, weil Bäume mit ausreichender Bodenfeuchte
              ausgelassen werden.
            - Ausfälle bei Jungbäumen mit Sensor: 1,2 % (Kontrollgruppe 4,8 %).

            Die Bodenfeuchtewerte sind auch als Open Data verfügbar. Bürger*innen, die
            eine Baumpatenschaft übernommen haben, sehen in der Gießkarte, wann ihr Baum
            Wasser braucht.
        """),
        "topics": ["klimaschutz-stadtgruen", "wasser-hochwasser"],
        "tags": ["stadtgrün", "baumbewässerung", "bodenfeuchte", "lorawan", "klimaanpassung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-01-27",
        "review_by": "2027-01-31",
        "author_role": "editor",
        "problem": _md("""
            Jungbäume vertrocknen in heißen Sommern, obwohl die Kolonnen im Dauereinsatz
            sind. Gleichzeitig wird an manchen Standorten gegossen, obwohl der Boden noch
            feucht ist. Wasser, Personal und Fahrzeuge sind knapp.
        """),
        "approach": _md("""
            - Auswahl von 250 Jungbäumen in sechs Stadtteilen, dazu eine Kontrollgruppe
              ohne Sensor.
            - Einbau der Sensoren bei der Pflanzung bzw. in der Winterpause durch die
              eigenen Kolonnen.
            - Gießkarte und Routenplanung als Erweiterung der vorhandenen
              Baumkataster-Software.
            - Schulung aller Kolonnenführer*innen, wöchentliche Rückmeldung in der
              ersten Saison.
        """),
        "maturity": "pilot",
        "transferability": _md("""
            Gut übertragbar, sofern ein Baumkataster vorhanden ist. Die
            Muster-Leistungsbeschreibung für Sensoren stellen wir im Netzwerk bereit.
            Wismar hat das Verfahren 2026 mit eigenen Sensoren übernommen.
        """),
        "costs": (
            "ca. 62.000 € Investition (250 Sensoren je 185 €, Gateways, Software), "
            "ca. 7.000 € jährlicher Betrieb; Einsparung bei Wasser und Fahrten ca. "
            "11.000 € je Saison"
        ),
        "partners": "Betriebshof, Stadtwerke (LoRaWAN), Bürgerverein Baumpatenschaften",
        "software_licence": "MIT",
        "repository_url": "https://code.luebeck.example/stadtgruen/giesskarte",
        "technologies": ["Bodenfeuchtesensoren", "LoRaWAN", "Baumkataster", "Leaflet"],
        "contacts": ["hl-kontakt-stadtgruen"],
    },
    {
        "ref": "hl-ozg-antragsstrecken",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "OZG-Antragsstrecken mit einer Low-Code-Plattform",
        "summary": (
            "Mit einer Low-Code-Plattform baut ein kleines Team Online-Anträge für "
            "Leistungen nach dem OZG selbst und bindet sie direkt an die Fachverfahren an."
        ),
        "body": _md("""
            ## Warum selbst bauen?

            Viele kommunale Leistungen nach dem OZG wurden nicht als fertige
            Einer-für-Alle-Lösung angeboten oder passten nicht zu den Lübecker
            Fachverfahren. Statt für jede Leistung einen Dienstleister zu beauftragen,
            hat der Bereich Digitalisierung eine Low-Code-Plattform eingeführt.

            ## Vorgehen pro Leistung

            1. Prozessaufnahme mit dem Fachbereich (halber Tag Workshop).
            2. Formular in einfacher Sprache, Test mit fünf Bürger*innen.
            3. Anbindung an Servicekonto, E-Payment und Fachverfahren über
               Standardschnittstellen.
            4. Go-live, Auswertung der Nutzungszahlen nach drei Monaten.

            ## Stand

            64 Online-Anträge sind live, darunter Sondernutzung für Baustelleneinrichtungen,
            Anwohnerparkausweis, Hundesteuer und Zuschüsse für Balkonkraftwerke. Im Jahr
            2025 gingen 41.000 Anträge online ein; bei den zehn meistgenutzten Leistungen
            liegt die Online-Quote über 60 %.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["ozg", "low-code", "online-antrag", "e-payment", "prozessanalyse"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-03-04",
        "review_by": "2027-03-31",
        "author_role": "admin",
        "problem": _md("""
            Die OZG-Frist war verstrichen, aber die meisten kommunalen Leistungen waren
            noch nicht online. Externe Umsetzungen dauerten je Leistung mehrere Monate und
            kosteten 15.000 bis 40.000 €.
        """),
        "approach": _md("""
            Einführung einer Low-Code-Plattform im kommunalen Rechenzentrum, Aufbau
            eines Teams aus drei Prozessgestalter*innen und einer Entwicklerin,
            Baukasten wiederverwendbarer Formularbausteine.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Die Formularbausteine und Prozessmodelle (BPMN) teilen wir gern. Die
            Plattform selbst ist proprietär; vor einer Übernahme sollte geprüft werden,
            ob das eigene Rechenzentrum sie betreiben kann. Rostock prüft die Übernahme.
        """),
        "costs": (
            "ca. 70.000 € jährliche Plattformlizenz, 4 Vollzeitstellen; durchschnittlich "
            "12 Personentage je Antragsstrecke"
        ),
        "partners": "Kommunales Rechenzentrum, Fachbereiche, Landesportal",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Low-Code-Plattform", "BPMN", "FIT-Connect", "XÖV-Standards"],
        "contacts": ["hl-kontakt-ozg"],
    },
    {
        "ref": "hl-leerstandsmanagement",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "Digitales Leerstandsmanagement für die Altstadtinsel",
        "summary": (
            "Eine Karte mit leerstehenden Ladenflächen und Kontaktdaten der "
            "Eigentümer*innen sollte Zwischennutzungen erleichtern. Der Pilot endete 2025 "
            "mit dem Auslaufen der Förderung."
        ),
        "body": _md("""
            ## Der Pilot

            Von 2023 bis 2025 erfasste das Citymanagement alle leerstehenden
            Ladenflächen in der Altstadt in einer internen Karte, ergänzt um Größe,
            Mietvorstellung und Ansprechpersonen. Interessierte Gründer*innen und
            Kulturinitiativen konnten über ein Formular Flächen für Zwischennutzungen
            anfragen.

            ## Ergebnisse

            In zwei Jahren wurden 23 Zwischennutzungen vermittelt, davon sind neun in
            reguläre Mietverhältnisse übergegangen. Der Pflegeaufwand für aktuelle
            Eigentümerdaten war jedoch hoch, und viele Eigentümer*innen wollten nicht
            öffentlich genannt werden.

            ## Warum archiviert?

            Nach Ende der Förderung hat das Land eine landesweite Flächenbörse gestartet,
            in die die Daten überführt wurden. Eine eigene Lösung wird nicht
            weiterbetrieben.
        """),
        "topics": ["tourismus-einzelhandel", "beteiligung"],
        "tags": ["leerstand", "innenstadt", "einzelhandel", "zwischennutzung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "archived",
        "published": "2023-07-03",
        "review_by": "2026-12-31",
        "author_role": "editor",
        "problem": _md("""
            Nach der Pandemie standen auf der Altstadtinsel zeitweise 48 Ladenflächen
            leer. Wer eine Fläche für eine Zwischennutzung suchte, kam kaum an die
            Eigentümer*innen heran.
        """),
        "approach": _md("""
            Erfassung der Leerstände durch das Citymanagement, Einwilligung der
            Eigentümer*innen zur Weitergabe von Kontaktdaten, Vermittlung über ein
            Online-Formular und persönliche Begleitung.
        """),
        "maturity": "discontinued",
        "transferability": _md("""
            Die Erfassungsmethodik und die Einwilligungsvorlage sind nachnutzbar. Vor
            einer eigenen Softwarelösung sollte geprüft werden, ob es eine landesweite
            Flächenbörse gibt.
        """),
        "costs": "ca. 28.000 € Software und Erfassung, 0,5 Vollzeitstellen im Citymanagement",
        "partners": "Wirtschaftsförderung, Kaufmannschaft, Industrie- und Handelskammer",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Webkarte", "Online-Formular"],
        "contacts": [],
    },
    {
        "ref": "hl-starkregenkarte",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "Starkregengefahrenkarte für Bürger*innen",
        "summary": (
            "Eine interaktive Karte zeigt für jede Adresse, wie stark ein Grundstück bei "
            "Starkregen gefährdet ist, und gibt konkrete Tipps zur Eigenvorsorge."
        ),
        "body": _md("""
            ## Was die Karte zeigt

            Auf Basis einer Simulation mit einem hochaufgelösten Geländemodell zeigt die
            Starkregengefahrenkarte Wassertiefen und Fließwege für ein seltenes (30-jährliches),
            ein außergewöhnliches (100-jährliches) und ein extremes Regenereignis.
            Bürger*innen geben ihre Adresse ein und sehen sofort, ob ihr Keller oder
            ihre Einfahrt gefährdet ist.

            ## Eigenvorsorge

            Zu jeder Gefährdungsstufe gibt es Hinweise: Rückstauklappen,
            Kellerfenster-Abdichtung, Entsiegelung von Vorgärten. Ein Förderprogramm für
            Objektschutzmaßnahmen ist direkt verlinkt.

            ## Nutzung

            Im ersten Jahr wurde die Karte 48.000-mal aufgerufen. Die Beratungsanfragen
            beim Bereich Umwelt haben sich verdreifacht, was wir als Erfolg werten. Die
            Karte muss nach der Aktualisierung des Geländemodells neu berechnet werden.
        """),
        "topics": ["wasser-hochwasser", "klimaschutz-stadtgruen", "beteiligung"],
        "tags": ["starkregen", "klimaanpassung", "karte", "eigenvorsorge"],
        "licence": "dl-de/by-2-0",
        "visibility": "public",
        "status": "published",
        "published": "2023-05-22",
        "review_by": "2026-09-01",
        "author_role": "editor",
        "problem": _md("""
            Starkregen kann überall auftreten, nicht nur an Gewässern. Viele
            Eigentümer*innen wussten nicht, dass ihr Grundstück in einer Senke oder auf
            einem Fließweg liegt.
        """),
        "approach": _md("""
            Hydraulische Simulation durch ein Ingenieurbüro, Veröffentlichung als
            Webkarte mit Adresssuche, begleitende Informationskampagne und
            Beratungsangebot.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Viele Länder stellen inzwischen Starkregenhinweiskarten bereit; eine eigene
            Simulation lohnt sich bei starkem Relief oder komplexer Entwässerung.
            Kartenoberfläche und Texte sind nachnutzbar.
        """),
        "costs": "ca. 115.000 € Simulation, 14.000 € Webkarte, geringe Betriebskosten",
        "partners": "Entsorgungsbetriebe (Stadtentwässerung), Ingenieurbüro, Verbraucherzentrale",
        "software_licence": "MIT",
        "repository_url": "https://code.luebeck.example/umwelt/starkregenkarte",
        "technologies": ["Hydraulische 2D-Simulation", "MapLibre", "WMS", "Adresssuche"],
        "contacts": ["hl-kontakt-pegel"],
    },
    {
        "ref": "hl-datenschutz-baukasten",
        "kind": "solution",
        "tenant": "luebeck",
        "language": "de",
        "title": "DSGVO-Baukasten für Sensorprojekte",
        "summary": (
            "Vorlagen, Checklisten und Musterbewertungen helfen Projektteams, Datenschutz "
            "bei Sensorik im öffentlichen Raum von Anfang an richtig zu machen."
        ),
        "body": _md("""
            ## Inhalt des Baukastens

            - **Schnellprüfung** in zehn Fragen: Werden personenbezogene Daten
              verarbeitet? Ist eine Datenschutz-Folgenabschätzung nötig?
            - **Musterbewertungen** für typische Sensoren: Parkplatzsensoren,
              Pegelsensoren, Bodenfeuchte, Wärmebildzähler, WLAN-Zählung, Kameras mit
              Edge-Auswertung.
            - **Vorlagen** für Verzeichnis der Verarbeitungstätigkeiten,
              Auftragsverarbeitungsvertrag und Informationsschild vor Ort.
            - **Löschkonzept** für Rohdaten und aggregierte Daten.

            ## Wirkung

            Seit Einführung dauert die Datenschutzprüfung neuer Sensorprojekte im
            Schnitt drei statt elf Wochen. Der Baukasten wird in allen vier Städten der
            Smarten Hanse genutzt; Wismar hat ihn 2025 vollständig übernommen.

            ## Hinweis

            Der Baukasten ersetzt nicht die Beteiligung der eigenen
            Datenschutzbeauftragten. Die Musterbewertungen sind mit der
            Landesdatenschutzbehörde nicht abgestimmt.
        """),
        "topics": ["sicherheit", "digitale-verwaltung", "daten-infrastruktur"],
        "tags": ["datenschutz", "dsgvo", "vorlagen", "sensorik", "folgenabschätzung"],
        "licence": "CC-BY-SA-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-09-16",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "problem": _md("""
            Jedes Sensorprojekt begann die Datenschutzprüfung von vorn. Projektteams
            wussten nicht, welche Unterlagen nötig sind, und die Prüfung wurde oft erst
            kurz vor dem Start angestoßen.
        """),
        "approach": _md("""
            Auswertung von zwölf abgeschlossenen Prüfungen, Ableitung wiederkehrender
            Fragen, Erstellung von Vorlagen in einfacher Sprache, Test mit drei
            Projektteams, Schulungen im Netzwerk.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Sofort nachnutzbar. Landesrechtliche Besonderheiten (Landesdatenschutzgesetz)
            sind markiert und müssen angepasst werden.
        """),
        "costs": "keine Sachkosten, ca. 40 Personentage Erstellung",
        "partners": "Datenschutzbeauftragte der Partnerstädte",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Vorlagen", "Checklisten"],
        "contacts": ["hl-kontakt-datenschutz"],
    },
]

# ---------------------------------------------------------------------------
# Solutions: Stralsund
# ---------------------------------------------------------------------------

_SOLUTIONS_STRALSUND: list[dict] = [
    {
        "ref": "hst-beteiligungsportal",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Beteiligungsportal Stralsund mitgestalten",
        "summary": (
            "Auf dem Beteiligungsportal diskutieren Bürger*innen Planungen der Stadt, "
            "kommentieren Entwürfe auf einer Karte und sehen, was aus ihren Hinweisen "
            "geworden ist."
        ),
        "body": _md("""
            ## Ein Ort für alle Beteiligungsverfahren

            Seit 2023 laufen alle Online-Verfahren der Hansestadt Stralsund über ein
            gemeinsames Beteiligungsportal unter
            [mitgestalten.stralsund.example](https://mitgestalten.stralsund.example).
            Ob Spielplatzplanung, Radverkehrskonzept oder Bebauungsplan: Bürger*innen
            finden alle laufenden Verfahren an einer Stelle, können Hinweise auf einer
            Karte verorten und Beiträge anderer unterstützen.

            ## Funktionen

            - Kartenbasierte Kommentierung mit Foto-Upload
            - Umfragen und Ideenwettbewerbe
            - Formelle Beteiligung zu Bauleitplänen nach Baugesetzbuch
            - **Rückmeldeseite** je Verfahren: Was wurde übernommen, was nicht, und warum?
            - Barrierefreie Bedienung (BITV 2.0 geprüft), Texte in einfacher Sprache

            ## Zahlen

            Bis Oktober 2026 gab es 31 Verfahren mit zusammen 9.400 Beiträgen. 4.800
            Personen haben ein Konto, dazu kommen anonyme Beiträge bei Umfragen. Bei der
            Neugestaltung des Hafenvorplatzes gingen 1.150 Hinweise ein, von denen 64 in
            den Entwurf eingeflossen sind.

            ## Offline gehört dazu

            Das Portal ersetzt keine Veranstaltungen vor Ort. Zu jedem größeren Verfahren
            gibt es einen Infostand auf dem Wochenmarkt und Tablets in der
            Stadtbibliothek, an denen Mitarbeiter*innen beim Eintragen helfen.
        """),
        "topics": ["beteiligung", "digitale-verwaltung"],
        "tags": ["bürgerbeteiligung", "beteiligungsportal", "online-beteiligung", "karte"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2023-09-04",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "problem": _md("""
            Beteiligungsverfahren liefen über verschiedene Kanäle: E-Mail, Papierbögen,
            einzelne Umfragetools von Planungsbüros. Ergebnisse waren schwer
            auszuwerten, und Bürger*innen erfuhren selten, was mit ihren Hinweisen
            passiert ist. Es beteiligten sich meist dieselben Gruppen.
        """),
        "approach": _md("""
            1. Leitlinien für Bürgerbeteiligung, beschlossen von der Bürgerschaft 2022.
            2. Auswahl einer quelloffenen Beteiligungssoftware, Betrieb beim kommunalen
               IT-Dienstleister.
            3. Schulung von 35 Mitarbeiter*innen aus acht Ämtern als
               Verfahrensbetreuer*innen.
            4. Verbindliche Rückmeldeseite als Abschluss jedes Verfahrens.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Sehr gut übertragbar. Die Software ist Open Source, die Leitlinien und
            Vorlagen für Rückmeldeseiten stellen wir bereit. Rostock und Wismar haben
            das Portal übernommen, Rostock mit eigenem Design und zusätzlichem
            Kartenmodul.
        """),
        "costs": (
            "ca. 38.000 € Einführung inkl. Anpassungen, ca. 14.000 € jährlicher Betrieb "
            "und Support, 1 Vollzeitstelle in der Stabsstelle"
        ),
        "partners": "Kommunaler IT-Dienstleister, Stadtbibliothek, Seniorenbeirat, Jugendbeirat",
        "software_licence": "AGPL-3.0-or-later",
        "repository_url": "https://code.stralsund.example/beteiligung/mitgestalten",
        "technologies": ["Beteiligungssoftware (Open Source)", "PostgreSQL", "OpenStreetMap"],
        "contacts": ["hst-kontakt-beteiligung"],
    },
    {
        "ref": "hst-besucherlenkung",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Digitale Besucherlenkung in der Altstadt (UNESCO-Welterbe)",
        "summary": (
            "Anonyme Frequenzsensoren messen die Auslastung von Altstadt und Hafen. Eine "
            "Auslastungsampel in App und auf Infostelen lenkt Besucher*innen an "
            "Spitzentagen zu weniger vollen Orten."
        ),
        "body": _md("""
            ## Viel Besuch im Welterbe

            Die Altstadt von Stralsund gehört zum UNESCO-Welterbe. An Spitzentagen im
            Sommer, wenn zusätzlich Kreuzfahrtschiffe anlegen, sind in der Altstadt und
            am Hafen mehr als 30.000 Besucher*innen unterwegs. Einzelne Gassen und der
            Alte Markt sind dann überfüllt, während andere sehenswerte Orte kaum besucht
            werden.

            ## Wie die Besucherlenkung funktioniert

            - **18 Frequenzsensoren** an Laternenmasten zählen Personen mit
              Wärmebildtechnik. Es entstehen keine Bilder und keine personenbezogenen
              Daten, nur Zählwerte je Richtung und Viertelstunde.
            - Eine **Auslastungsampel** für acht Bereiche der Altstadt erscheint in der
              Tourismus-App, auf der Website und auf vier digitalen Infostelen.
            - Bei hoher Auslastung schlägt das System **Alternativen** vor: Rundgänge
              durch weniger besuchte Quartiere, Museen mit freien Kapazitäten,
              Parkplätze am Stadtrand mit Shuttle.
            - Die Daten fließen anonymisiert in die Tourismusplanung und in die
              Abstimmung mit Reedereien über Anlegezeiten.

            ## Wirkung

            An Spitzentagen 2025 verteilte sich der Besuch messbar besser: Die höchste
            Viertelstundenbelegung am Alten Markt sank um 14 %, die Frequenz in den
            empfohlenen Nebenquartieren stieg um 9 %. Der Einzelhandel in den
            Nebenstraßen berichtet von mehr Laufkundschaft.
        """),
        "topics": ["tourismus-einzelhandel", "mobilitaet", "daten-infrastruktur"],
        "tags": ["besucherlenkung", "welterbe", "tourismus", "frequenzmessung", "altstadt"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-05-27",
        "review_by": "2027-05-31",
        "author_role": "editor",
        "problem": _md("""
            Überfüllung an wenigen Orten der Altstadt belastet Anwohner*innen, Denkmäler
            und das Besuchserlebnis. Die Stadt hatte keine Daten darüber, wann und wo es
            wirklich voll ist; Planungen beruhten auf Schätzungen.
        """),
        "approach": _md("""
            - Frequenzmessung mit datenschutzfreundlichen Wärmebildsensoren, abgestimmt
              mit Denkmalpflege (unauffällige Montage an vorhandenen Masten).
            - Datenschutzprüfung nach dem DSGVO-Baukasten der Smarten Hanse.
            - Auslastungsampel und Empfehlungslogik auf der städtischen Datenplattform.
            - Regelmäßiger Austausch mit Tourismusverband, Einzelhandel und Reedereien.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Übertragbar auf Städte mit hohem Tagestourismus. Wichtig sind die frühe
            Einbindung der Denkmalpflege und eine klare Kommunikation, dass keine
            Kameras eingesetzt werden. Die Empfehlungslogik ist einfach und lässt sich
            an andere Quartiere anpassen.
        """),
        "costs": (
            "ca. 74.000 € Investition (18 Sensoren, vier Infostelen, App-Erweiterung), "
            "ca. 12.000 € jährlicher Betrieb"
        ),
        "partners": "Tourismusverband, Denkmalpflege, Hafenverwaltung, Einzelhandelsverband",
        "software_licence": "EUPL-1.2",
        "repository_url": "https://code.stralsund.example/tourismus/besucherlenkung",
        "technologies": ["Wärmebild-Frequenzsensoren", "LoRaWAN", "Datenplattform", "Web-App"],
        "contacts": ["hst-kontakt-tourismus"],
    },
    {
        "ref": "hst-strassenbeleuchtung",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Intelligente Straßenbeleuchtung mit LED und Bewegungssensoren",
        "summary": (
            "3.100 Leuchten in Stralsunder Straßen wurden auf LED umgerüstet und werden "
            "nachts bedarfsgerecht gedimmt. Der Stromverbrauch der Straßenbeleuchtung "
            "sank um 68 %."
        ),
        "body": _md("""
            ## Von Natriumdampf zu LED

            Die Straßenbeleuchtung war einer der größten Stromverbraucher der Stadt. Bis
            2022 leuchteten in vielen Straßen noch Natriumdampf- und
            Quecksilberdampflampen aus den 1990er-Jahren. In drei Bauabschnitten wurden
            3.100 von insgesamt 5.400 Leuchten auf LED umgestellt.

            ## Licht nur, wenn es gebraucht wird

            In Wohnstraßen und auf Radwegen dimmen die Leuchten zwischen 22 und 5 Uhr
            auf 30 % der Leistung. Bewegungssensoren erkennen Fußgänger*innen,
            Radfahrende und Autos und schalten die Leuchten entlang der Straße für zwei
            Minuten auf volle Helligkeit. Hauptverkehrsstraßen, Kreuzungen und
            Fußgängerüberwege sind von der Dimmung ausgenommen.

            ## Zahlen

            | Kennzahl | vorher | nachher |
            |---|---|---|
            | Stromverbrauch der umgerüsteten Leuchten | 1,46 GWh/Jahr | 0,47 GWh/Jahr |
            | CO2-Emissionen | ca. 560 t/Jahr | ca. 180 t/Jahr |
            | Störungsmeldungen | ca. 900/Jahr | ca. 260/Jahr |

            Bei aktuellen Strompreisen spart die Stadt rund 280.000 € im Jahr. Das
            Lichtmanagementsystem meldet defekte Leuchten automatisch, Bürger*innen
            müssen Ausfälle kaum noch melden.

            ## Insektenschutz

            Es werden ausschließlich warmweiße Leuchten (2.700 bzw. 2.200 Kelvin im
            Uferbereich) eingesetzt, die nach unten abstrahlen.
        """),
        "topics": ["energie", "klimaschutz-stadtgruen", "sicherheit"],
        "tags": ["straßenbeleuchtung", "led", "energieeinsparung", "sensorik", "klimaschutz"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-11-11",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "problem": _md("""
            Hohe Energiekosten, veraltete Leuchtmittel, für die es kaum noch Ersatzteile
            gab, und viele Störungen. Gleichzeitig wünschten sich Anwohner*innen in
            manchen Straßen mehr Licht, Naturschutzverbände in Ufernähe weniger.
        """),
        "approach": _md("""
            1. Bestandsaufnahme aller Leuchten mit Alter, Typ und Verbrauch.
            2. Priorisierung nach Einsparpotenzial und Zustand der Masten.
            3. Ausschreibung in drei Losen, Förderung über die Kommunalrichtlinie.
            4. Lichtmanagementsystem mit offenem Protokoll, damit Leuchten
               verschiedener Hersteller gesteuert werden können.
            5. Information der Anwohner*innen vor jeder Umstellung, Testphase mit
               Rückmeldemöglichkeit.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Sehr gut übertragbar. Offene Steuerungsprotokolle in der Ausschreibung
            verlangen, sonst entsteht eine Abhängigkeit vom Leuchtenhersteller. Lübeck
            hat die Dimmprofile übernommen und für die Altstadtinsel angepasst.
        """),
        "costs": (
            "ca. 2,9 Mio. € Investition (davon 30 % Förderung), Amortisation nach "
            "rund acht Jahren; Lichtmanagement ca. 18.000 € jährlich"
        ),
        "partners": "Stadtwerke (Netzbetrieb), Naturschutzbehörde, Ordnungsamt, Polizei",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["LED-Leuchten", "Bewegungssensoren", "Lichtmanagementsystem", "Zhaga-D4i"],
        "contacts": ["hst-kontakt-beleuchtung"],
    },
    {
        "ref": "hst-digitaler-bauantrag",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Digitaler Bauantrag nach dem Onlinezugangsgesetz",
        "summary": (
            "Bauanträge können vollständig digital gestellt, geprüft und beschieden "
            "werden. Die Bauaufsicht arbeitet seitdem ohne Papierakten."
        ),
        "body": _md("""
            ## Umsetzung des Onlinezugangsgesetzes in der Bauaufsicht

            Seit Januar 2024 nimmt die untere Bauaufsichtsbehörde Bauanträge über den
            digitalen Bauantrag des Landes entgegen, der nach dem Einer-für-Alle-Prinzip
            entwickelt wurde. Stralsund gehörte zu den ersten Pilotkommunen.

            ## Was sich geändert hat

            - Entwurfsverfasser*innen laden Pläne und Nachweise als PDF hoch; eine
              Vollständigkeitsprüfung erfolgt automatisch.
            - Die Beteiligung der Fachämter (Denkmalschutz, Brandschutz, Tiefbau) läuft
              parallel statt nacheinander über eine gemeinsame Plattform.
            - Die Baugenehmigung wird elektronisch zugestellt.

            ## Ergebnisse

            Die durchschnittliche Bearbeitungsdauer vollständiger Anträge sank von 14 auf
            9 Wochen. 87 % der Anträge gehen inzwischen digital ein. Ein Engpass bleibt
            die Beteiligung externer Stellen, die teilweise noch Papier erwarten.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["onlinezugangsgesetz", "bauantrag", "e-akte", "bauaufsicht"],
        "licence": "dl-de/by-2-0",
        "visibility": "public",
        "status": "published",
        "published": "2024-06-17",
        "review_by": "2026-03-31",
        "author_role": "editor",
        "problem": _md("""
            Bauanträge kamen in mehrfacher Papierausfertigung, wurden von Amt zu Amt
            getragen und lagerten in einem überfüllten Archiv. Rückfragen zur
            Vollständigkeit kosteten Wochen.
        """),
        "approach": _md("""
            Teilnahme als Pilotkommune am Landesverfahren, Anbindung an das
            Fachverfahren der Bauaufsicht, Einführung der E-Akte in der Bauaufsicht,
            Schulungen für Architekturbüros aus der Region.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Die Landeslösung steht allen Kommunen offen. Unsere Checklisten für die
            Umstellung und Schulungsunterlagen für Entwurfsverfasser*innen teilen wir
            gern.
        """),
        "costs": (
            "Landeslösung ohne Lizenzkosten; ca. 60.000 € für Scanner, Großbildschirme und Schulung"
        ),
        "partners": "Land (Einer-für-Alle-Verfahren), Architektenkammer, Fachverfahrenshersteller",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Digitaler Bauantrag (Landeslösung)", "XBau", "E-Akte"],
        "contacts": ["hst-kontakt-digitalisierung"],
    },
    {
        "ref": "hst-barrierefreie-wege",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Barrierefreie Wege durch die Altstadt (Idee)",
        "summary": (
            "Entwurf: Eine Routingfunktion soll Menschen mit Rollstuhl, Rollator oder "
            "Kinderwagen Wege durch die Altstadt ohne Kopfsteinpflaster und Stufen zeigen."
        ),
        "body": _md("""
            ## Idee

            Das Kopfsteinpflaster der Altstadt ist schön, aber für viele Menschen ein
            Hindernis. Gemeinsam mit dem Behindertenbeirat wollen wir Gehwege,
            Bordsteinabsenkungen, Steigungen und Oberflächen erfassen und daraus eine
            barrierefreie Routingfunktion in der Stadt-App bauen.

            ## Geplante Schritte

            1. Erfassung mit einem Messrollstuhl und einer Mapping-Party mit
               Freiwilligen (Frühjahr 2027).
            2. Eintragung der Daten in OpenStreetMap, damit auch andere Apps sie nutzen.
            3. Prototyp des Routings, Test mit Betroffenen.

            ## Offene Fragen

            - Wer pflegt die Daten nach Baustellen?
            - Welche Fördermöglichkeiten gibt es für die Erfassung?
        """),
        "topics": ["gesundheit-soziales", "mobilitaet", "tourismus-einzelhandel"],
        "tags": ["barrierefreiheit", "inklusion", "routing", "openstreetmap"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "draft",
        "review_by": "2027-06-30",
        "author_role": "editor",
        "problem": _md("""
            Menschen mit Mobilitätseinschränkungen finden keine verlässlichen
            Informationen darüber, welche Wege in der Altstadt für sie passierbar sind.
        """),
        "approach": _md("""
            Gemeinsame Datenerfassung mit Behindertenbeirat und Freiwilligen, offene
            Daten in OpenStreetMap, Routing-Prototyp in der Stadt-App.
        """),
        "maturity": "idea",
        "transferability": _md("""
            Noch offen; die Erfassungsmethodik soll so dokumentiert werden, dass andere
            Altstädte sie übernehmen können.
        """),
        "costs": "geschätzt 25.000 € für Erfassung und Prototyp",
        "partners": "Behindertenbeirat, Seniorenbeirat, OpenStreetMap-Community",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["OpenStreetMap", "Routing-Engine"],
        "contacts": ["hst-kontakt-tourismus"],
    },
    {
        "ref": "hst-iot-rahmenvertrag",
        "kind": "solution",
        "tenant": "stralsund",
        "language": "de",
        "title": "Rahmenvertrag IoT-Plattform und Sensorbetrieb (Vergabevorbereitung)",
        "summary": (
            "Interner Entwurf: Vorbereitung eines Rahmenvertrags für Betrieb und Wartung "
            "der IoT-Plattform und aller städtischen Sensoren ab 2027."
        ),
        "body": _md("""
            ## Interner Stand der Vergabevorbereitung

            **Nur für den internen Gebrauch - nicht an Bieter*innen weitergeben.**

            Die bisherigen Einzelverträge für Pegel-, Frequenz- und Beleuchtungssensoren
            laufen zwischen Juni 2027 und März 2028 aus. Wir wollen sie in einem
            Rahmenvertrag mit zwei Losen bündeln:

            - Los 1: Betrieb der IoT-Plattform und des LoRaWAN-Netzes
            - Los 2: Wartung, Batterietausch und Entstörung der Sensoren

            ## Budget

            Die Haushaltsplanung sieht für 2027 bis 2030 insgesamt 410.000 € vor. Die
            Markterkundung lässt eher 460.000 bis 520.000 € erwarten. Die Kämmerei hat
            eine Aufstockung bisher abgelehnt; Gespräch mit dem Finanzsenator ist für
            Januar angefragt. Fallback: Los 2 nur für Pegel- und Frequenzsensoren, die
            Beleuchtungssensoren bleiben beim bestehenden Wartungsvertrag.

            ## Offene Punkte

            - Abstimmung mit Rostock, ob ein gemeinsamer Rahmenvertrag über die Smarte
              Hanse möglich ist (würde Zeitplan um ca. sechs Monate verschieben).
            - Zuschlagskriterien: Preis 50 %, Reaktionszeiten 30 %, Exit-Strategie 20 %.
            - Ein Bieter hat bereits inoffiziell nachgefragt; Kontakt wurde an die
              Vergabestelle verwiesen und dokumentiert.
        """),
        "topics": ["daten-infrastruktur", "digitale-verwaltung"],
        "tags": ["vergabe", "rahmenvertrag", "iot", "budget", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-01-31",
        "author_role": "admin",
        "problem": _md("""
            Viele kleine Einzelverträge mit unterschiedlichen Laufzeiten, Reaktionszeiten
            und Ansprechpersonen; hoher Verwaltungsaufwand und keine einheitliche
            Exit-Strategie bei Herstellerwechsel.
        """),
        "approach": _md("""
            Bündelung in einem Rahmenvertrag mit zwei Losen, offenes Verfahren nach
            vorheriger Markterkundung, Prüfung einer gemeinsamen Vergabe mit Rostock.
        """),
        "maturity": "idea",
        "transferability": _md("""
            Nach Abschluss der Vergabe sollen die Vergabeunterlagen im Netzwerk geteilt
            werden.
        """),
        "costs": "Haushaltsansatz 410.000 € für 2027-2030; Markterkundung 460.000-520.000 €",
        "partners": "Vergabestelle, Kämmerei, Stadtwerke",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["LoRaWAN", "IoT-Plattform"],
        "contacts": ["hst-kontakt-digitalisierung"],
    },
]

# ---------------------------------------------------------------------------
# Solutions: Wismar and the alliance
# ---------------------------------------------------------------------------

_SOLUTIONS_WISMAR: list[dict] = [
    {
        "ref": "hwi-digitaler-zwilling",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Digitaler Zwilling für Altstadt und Hafen",
        "summary": (
            "Ein Digitaler Zwilling verbindet 3D-Stadtmodell, Leitungsdaten und "
            "Sensordaten. Er wird für Planungen am Hafen, für Hochwasserszenarien und "
            "für die Bürgerbeteiligung genutzt."
        ),
        "body": _md("""
            ## Was der Digitale Zwilling kann

            Der Digitale Zwilling der Hansestadt Wismar ist ein webbasiertes 3D-Modell
            von Altstadt und Hafen. Er enthält:

            - alle Gebäude im Detaillierungsgrad LoD2, wichtige Baudenkmäler in LoD3,
            - Straßenbäume aus dem Baumkataster,
            - unterirdische Leitungen (nur für berechtigte Nutzer*innen),
            - Live-Daten von Pegel-, Parkraum- und Luftqualitätssensoren.

            ## Anwendungsfälle

            1. **Hafenentwicklung:** Varianten für die Bebauung am Westhafen wurden im
               Modell verglichen; Sichtachsen auf die Kirchtürme ließen sich in der
               Ausschussitzung direkt prüfen.
            2. **Hochwasser:** Überflutungsszenarien bei Wasserständen von 1,5 bis 2,5 m
               über Normal zeigen, welche Gebäude und Straßen betroffen wären.
            3. **Bürgerbeteiligung:** Bei der Planung eines Parkhauses konnten
               Bürger*innen das Gebäude im Browser aus ihrem Fenster betrachten.

            ## Offene Daten

            Das 3D-Modell ohne Leitungsdaten steht als Open Data im Format CityGML zur
            Verfügung. Die Visualisierung basiert auf einer quelloffenen Software, die
            wir gemeinsam mit dem Ostsee-Institut weiterentwickeln.
        """),
        "topics": ["daten-infrastruktur", "beteiligung", "wasser-hochwasser"],
        "tags": ["digitaler zwilling", "3d-stadtmodell", "citygml", "simulation", "hafen"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-03-10",
        "review_by": "2027-03-31",
        "participants": ["institut-urbane-daten"],
        "author_role": "admin",
        "problem": _md("""
            Planungen im denkmalgeschützten Hafen- und Altstadtbereich sind komplex;
            Pläne in 2D reichten für Ausschüsse und Öffentlichkeit oft nicht aus. Daten
            zu Gebäuden, Leitungen und Sensoren lagen in getrennten Systemen.
        """),
        "approach": _md("""
            - Befliegung und Erstellung des 3D-Modells 2023, Ergänzung der Denkmäler per
              Laserscan.
            - Zusammenführung der Fachdaten in einer Geodateninfrastruktur mit
              Rechtekonzept.
            - Webvisualisierung mit quelloffener 3D-Software, Erweiterungen für
              Szenarien und Sensordaten gemeinsam mit dem Ostsee-Institut.
        """),
        "maturity": "pilot",
        "transferability": _md("""
            Die Erweiterungen der Visualisierung sind quelloffen und übertragbar. Der
            größte Aufwand liegt in der Datenbeschaffung und -pflege, nicht in der
            Software. Wer anfangen will, sollte mit einem konkreten Anwendungsfall
            beginnen statt mit einem vollständigen Modell der ganzen Stadt.
        """),
        "costs": (
            "ca. 240.000 € Aufbau 2023-2025 (davon 75 % Förderung), ca. 30.000 € "
            "jährlicher Betrieb, 1 Vollzeitstelle GIS"
        ),
        "partners": "Ostsee-Institut für urbane Datensysteme, Landesvermessungsamt, Stadtwerke",
        "software_licence": "Apache-2.0",
        "repository_url": "https://code.wismar.example/geo/digitaler-zwilling",
        "technologies": ["CityGML", "3D Tiles", "CesiumJS", "PostGIS", "OGC SensorThings API"],
        "contacts": ["hwi-kontakt-zwilling"],
    },
    {
        "ref": "hwi-abfallbehaelter",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Smarte Abfallbehälter mit Füllstandssensoren",
        "summary": (
            "180 öffentliche Abfallbehälter in Altstadt und Hafen melden ihren Füllstand. "
            "Die Stadtreinigung leert nach Bedarf statt nach festem Plan."
        ),
        "body": _md("""
            ## Ausgangslage

            Im Sommer quollen die Abfallbehälter am Alten Hafen über, während in
            Wohngebieten halbleere Behälter geleert wurden. Überfüllte Behälter ziehen
            Möwen und Ratten an und führen zu Beschwerden.

            ## Lösung

            Ultraschallsensoren im Deckel messen den Füllstand und senden ihn viermal
            täglich per LoRaWAN. Die Tourenplanung der Stadtreinigung erzeugt jeden
            Morgen eine Route mit allen Behältern über 70 % Füllstand und solchen, die
            nach der Prognose bis zum Abend voll sein werden. In der Hochsaison gibt es
            eine zusätzliche Nachmittagstour.

            ## Ergebnisse nach einem Jahr

            - **34 % weniger Leerungsfahrten** in den Wohngebieten
            - Beschwerden über überfüllte Behälter am Hafen von 96 auf 17 gesunken
            - Zwölf Behälter wurden versetzt oder durch größere ersetzt, weil die Daten
              zeigten, dass sie dauerhaft zu klein waren.

            ## Wichtig

            Der Erfolg hing weniger an der Technik als an den Fahrer*innen. Wie wir sie
            einbezogen haben, beschreibt der zugehörige Erfahrungsbericht.
        """),
        "topics": ["klimaschutz-stadtgruen", "tourismus-einzelhandel", "daten-infrastruktur"],
        "tags": ["abfall", "smarte mülleimer", "füllstandssensoren", "lorawan", "tourenplanung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-04-14",
        "review_by": "2027-04-30",
        "author_role": "editor",
        "problem": _md("""
            Feste Leerungsrouten passen nicht zum stark schwankenden Abfallaufkommen
            zwischen Saison und Winter, Wochenende und Werktag, Hafen und Wohngebiet.
        """),
        "approach": _md("""
            Nachrüstung vorhandener Behälter mit Sensoren, Tourenplanung mit offener
            Routing-Software, Einbindung der Fahrer*innen von Anfang an, Pilot mit 40
            Behältern, danach Ausweitung auf 180.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Übertragbar auf Städte mit stark saisonalem Abfallaufkommen. Bei der
            Ausschreibung darauf achten, dass die Sensoren herstellerunabhängig über
            LoRaWAN ausgelesen werden können. Lübeck hat sich gegen eine Übernahme
            entschieden, weil dort ein anderes Behältersystem im Einsatz ist.
        """),
        "costs": (
            "ca. 47.000 € Investition (180 Sensoren je 210 €, Tourenplanung, Montage), "
            "ca. 5.500 € jährlicher Betrieb; Einsparung ca. 38.000 € jährlich"
        ),
        "partners": "Entsorgungs- und Verkehrsbetrieb, Stadtwerke (LoRaWAN), Hafenverwaltung",
        "software_licence": "MIT",
        "repository_url": "https://code.wismar.example/stadtreinigung/fuellstand",
        "technologies": ["Ultraschall-Füllstandssensoren", "LoRaWAN", "Tourenoptimierung"],
        "contacts": ["hwi-kontakt-abfall"],
    },
    {
        "ref": "hwi-mobilitaetsstation",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Mobilitätsstation am Bahnhof mit Lastenrad-Verleih",
        "summary": (
            "Entwurf: Am Bahnhof sollen Carsharing, Leihräder, Lastenräder, sichere "
            "Fahrradabstellplätze und Ladesäulen an einem Ort gebündelt werden."
        ),
        "body": _md("""
            ## Planung

            Die Mobilitätsstation am Bahnhof soll im Frühjahr 2027 in Betrieb gehen. Sie
            bündelt:

            - 40 Plätze in einer abschließbaren Fahrradsammelanlage mit Buchung per App,
            - sechs Leih-Lastenräder mit elektrischer Unterstützung,
            - zwei Carsharing-Fahrzeuge,
            - vier Ladepunkte für Elektromobilität,
            - eine Infosäule mit Echtzeitabfahrten von Bahn und Bus.

            ## Stand der Abstimmung

            Die Förderzusage liegt vor. Offen ist noch der Betrieb des Lastenradverleihs;
            ein Verein hat Interesse angemeldet. Die Buchungssoftware für die
            Sammelanlage soll mit Rostock abgestimmt werden, um Nutzer*innen ein
            gemeinsames Konto anbieten zu können.
        """),
        "topics": ["mobilitaet", "klimaschutz-stadtgruen", "energie"],
        "tags": ["mobilitätsstation", "lastenrad", "carsharing", "radverkehr", "öpnv"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "draft",
        "review_by": "2027-05-31",
        "author_role": "editor",
        "problem": _md("""
            Pendler*innen und Gäste kommen mit der Bahn, finden aber für die letzten
            Kilometer kaum Alternativen zum Auto. Fahrräder werden am Bahnhof häufig
            gestohlen.
        """),
        "approach": _md("""
            Umbau einer bisherigen Parkplatzfläche, Förderung aus einem
            Landesprogramm, Betrieb der Fahrradsammelanlage durch die Stadt, des
            Lastenradverleihs durch einen Verein.
        """),
        "maturity": "pilot",
        "transferability": _md("""
            Nach Inbetriebnahme werden Betreibermodell und Kosten dokumentiert.
        """),
        "costs": "geplant ca. 410.000 € Investition, davon 75 % Förderung",
        "partners": "Deutsche Bahn (Bahnhofsumfeld), Verkehrsbetrieb, Carsharing-Anbieter, Verein",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Zugangssystem Fahrradsammelanlage", "Buchungs-App", "Ladesäulen"],
        "contacts": ["hwi-kontakt-mobilitaet"],
    },
    {
        "ref": "hwi-e-akte",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Einführung der E-Akte in der Kernverwaltung",
        "summary": (
            "Seit 2025 arbeiten alle Ämter der Kernverwaltung mit der E-Akte. Interne "
            "Projektdokumentation mit Kosten, Zeitplan und Lieferantenbewertung."
        ),
        "body": _md("""
            ## Stand

            Die E-Akte ist in 14 von 14 Ämtern der Kernverwaltung eingeführt, 410
            Arbeitsplätze arbeiten damit. Der Posteingang wird zentral gescannt. Die
            Eigenbetriebe folgen 2027.

            ## Interne Hinweise zum Vertrag

            - Der Lizenzvertrag läuft bis Ende 2028. Der Anbieter hat für die
              Verlängerung eine Preiserhöhung um 12 % angekündigt; nach den
              Verhandlungen im Oktober 2026 liegt das Angebot bei 7 %.
            - Die Schnittstelle zum Ratsinformationssystem ist weiterhin nicht stabil;
              Mängelrüge vom 3. September 2026 ist noch nicht abgearbeitet.
            - Bei Anfragen anderer Städte zu den Konditionen bitte auf die
              Vertraulichkeitsklausel in Paragraf 14 des Vertrags achten.

            ## Lieferantenbewertung

            Fachliche Beratung gut, Reaktionszeit bei Störungen unzureichend (im Schnitt
            3,5 Tage statt vereinbarter 2 Tage). Wir empfehlen anderen Städten,
            Vertragsstrafen für Reaktionszeiten aufzunehmen.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["e-akte", "dokumentenmanagement", "scanstelle", "vertrag", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "published",
        "published": "2025-06-30",
        "review_by": "2027-06-30",
        "author_role": "admin",
        "problem": _md("""
            Papierakten, Umlaufmappen und Ablagen auf Netzlaufwerken; keine
            Vertretungsfähigkeit im Homeoffice.
        """),
        "approach": _md("""
            Stufenweise Einführung Amt für Amt, zentrale Scanstelle, Multiplikator*innen
            in jedem Amt, Aktenplan überarbeitet.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Erfahrungen mit Einführung und Scanstelle teilen wir gern; Vertragsdetails
            nur auf Anfrage im Einzelfall.
        """),
        "costs": (
            "ca. 380.000 € Einführung 2023-2025, ca. 96.000 € jährliche Lizenz- und "
            "Wartungskosten (Angebot Verlängerung: +7 %)"
        ),
        "partners": "Kommunaler IT-Dienstleister, Softwareanbieter",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Dokumentenmanagementsystem", "Scanlösung", "XDOMEA"],
        "contacts": [],
    },
    {
        "ref": "hwi-schul-wlan",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Flächendeckendes WLAN an allen Wismarer Schulen",
        "summary": (
            "Alle 16 Schulen in Trägerschaft der Hansestadt Wismar haben flächendeckendes "
            "WLAN mit zentraler Verwaltung und Jugendschutzfilter."
        ),
        "body": _md("""
            ## Ausbau

            Mit Mitteln aus dem DigitalPakt Schule wurden zwischen 2022 und 2025 in allen
            16 Schulen strukturierte Verkabelung und 640 WLAN-Accesspoints installiert.
            Jeder Unterrichtsraum ist versorgt, auch in den denkmalgeschützten
            Schulgebäuden der Altstadt.

            ## Betrieb

            - Zentrales Controller-Management beim kommunalen IT-Dienstleister
            - Getrennte Netze für Verwaltung, Lehrkräfte, Schüler*innen und Gäste
            - Jugendschutzfilter nach Altersstufen, abgestimmt mit den Schulkonferenzen
            - Monitoring mit automatischer Störungsmeldung

            ## Lessons

            Denkmalschutz und Brandschutz haben die Kabelwege in Altbauten deutlich
            verteuert. In zwei Schulen mussten Funkstrecken statt Kabel genutzt werden.
            Für Bildung mit digitalen Medien war der WLAN-Ausbau die wichtigste
            Voraussetzung, wichtiger als neue Endgeräte.
        """),
        "topics": ["bildung", "daten-infrastruktur"],
        "tags": ["schule", "wlan", "digitalpakt", "bildung", "netzwerk"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2025-08-25",
        "review_by": "2026-07-31",
        "author_role": "editor",
        "problem": _md("""
            WLAN gab es nur in Lehrerzimmern und einzelnen Fachräumen; Tablets aus dem
            DigitalPakt waren im Unterricht kaum nutzbar.
        """),
        "approach": _md("""
            Bestandsaufnahme und Ausleuchtungsplanung je Schule, Ausschreibung in vier
            Losen, Bauarbeiten in den Ferien, zentraler Betrieb.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Ausleuchtungsplanung und Leistungsverzeichnisse sind nachnutzbar. Für
            Altbauten ausreichend Puffer bei Kosten und Zeit einplanen.
        """),
        "costs": (
            "ca. 1,35 Mio. € Investition (90 % DigitalPakt), ca. 42.000 € jährlicher Betrieb"
        ),
        "partners": "Kommunaler IT-Dienstleister, Schulen, Denkmalpflege",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["WLAN (Wi-Fi 6)", "Controller-Management", "Jugendschutzfilter"],
        "contacts": ["hwi-kontakt-bildung"],
    },
    {
        "ref": "hwi-digitallotsen",
        "kind": "solution",
        "tenant": "wismar",
        "language": "de",
        "title": "Digitallots*innen für Senior*innen",
        "summary": (
            "Ehrenamtliche Digitallots*innen helfen älteren Menschen in Sprechstunden und "
            "zu Hause bei Smartphone, Online-Terminen und digitalen Verwaltungsleistungen."
        ),
        "body": _md("""
            ## Das Angebot

            32 ehrenamtliche Digitallots*innen bieten wöchentliche Sprechstunden in der
            Stadtbibliothek, in zwei Begegnungsstätten und im Seniorenbüro an. Wer nicht
            mobil ist, kann einen Hausbesuch vereinbaren. Typische Fragen:

            - Wie buche ich online einen Termin im Bürgerbüro?
            - Wie nutze ich Videosprechstunden meiner Hausarztpraxis?
            - Wie erkenne ich betrügerische Nachrichten?

            ## Qualifizierung

            Alle Lots*innen durchlaufen eine Schulung über vier Abende, unter anderem zu
            Datenschutz, Betrugsmaschen und dazu, wie man erklärt, ohne selbst die
            Geräte der Ratsuchenden zu bedienen.

            ## Zahlen 2025

            1.480 Beratungen, davon 210 Hausbesuche. 91 % der Ratsuchenden waren älter
            als 65 Jahre. Aus dem Angebot ist eine Tablet-Gruppe entstanden, die sich
            selbst organisiert.
        """),
        "topics": ["gesundheit-soziales", "bildung", "digitale-verwaltung"],
        "tags": ["digitale teilhabe", "senior*innen", "ehrenamt", "bildung"],
        "licence": "CC-BY-SA-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-12-09",
        "review_by": "2027-12-31",
        "author_role": "editor",
        "problem": _md("""
            Immer mehr Leistungen von Verwaltung, Gesundheitswesen und Banken sind nur
            noch oder vor allem digital erreichbar. Viele ältere Menschen fühlen sich
            abgehängt.
        """),
        "approach": _md("""
            Gewinnung von Ehrenamtlichen über Seniorenbeirat und Freiwilligenagentur,
            Schulungsreihe, feste Sprechstunden, Aufwandsentschädigung und
            Versicherung über die Stadt.
        """),
        "maturity": "in_operation",
        "transferability": _md("""
            Sehr gut übertragbar. Schulungsunterlagen und Handreichungen stehen unter
            CC BY-SA zur Verfügung.
        """),
        "costs": "ca. 24.000 € jährlich (Koordination 0,25 Stellen, Schulungen, Geräte)",
        "partners": "Stadtbibliothek, Seniorenbeirat, Freiwilligenagentur, Verbraucherzentrale",
        "software_licence": None,
        "repository_url": None,
        "technologies": ["Tablets", "Schulungsmaterial"],
        "contacts": ["hwi-kontakt-bildung"],
    },
]

_SOLUTIONS_ALLIANCE: list[dict] = [
    {
        "ref": "sh-lorawan-netz",
        "kind": "solution",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Gemeinsames LoRaWAN-Netz der Smarten Hanse (Konzeptentwurf)",
        "summary": (
            "Interner Entwurf: Die vier Hansestädte prüfen, ihre LoRaWAN-Netze unter "
            "einem gemeinsamen Netzwerkserver zusammenzuführen und gemeinsam zu "
            "betreiben."
        ),
        "body": _md("""
            ## Idee

            Alle vier Städte betreiben eigene LoRaWAN-Netze mit zusammen rund 70
            Gateways. Ein gemeinsamer Netzwerkserver könnte Betriebskosten senken,
            Sensoren zwischen den Städten austauschbar machen und das Roaming entlang
            der Küste ermöglichen.

            ## Stand der Verhandlungen (vertraulich)

            - Rostock wäre bereit, den Betrieb zu übernehmen, verlangt aber eine
              Kostenbeteiligung von 18.000 € je Stadt und Jahr.
            - Lübeck hält 12.000 € für angemessen und möchte zuerst die Kosten des
              eigenen Netzes offenlegen.
            - Stralsund bindet die Entscheidung an den geplanten IoT-Rahmenvertrag.
            - Wismar kann frühestens im Doppelhaushalt 2028/2029 Mittel einplanen.

            Nächster Schritt: Kostenvergleich durch die Geschäftsstelle bis Februar 2027,
            Beschlussvorlage für die Lenkungsgruppe im März 2027.
        """),
        "topics": ["daten-infrastruktur"],
        "tags": ["lorawan", "kooperation", "netzwerkserver", "budget", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-03-31",
        "participants": ["rostock", "luebeck", "stralsund", "wismar"],
        "author_role": "admin",
        "problem": _md("""
            Vier getrennte Netze, vier Netzwerkserver, vier Wartungsverträge. Sensoren
            einer Stadt funktionieren im Netz der anderen nicht ohne Umkonfiguration.
        """),
        "approach": _md("""
            Kostenvergleich, technisches Konzept für einen gemeinsamen Netzwerkserver
            mit Mandanten je Stadt, Vereinbarung über Kostenteilung.
        """),
        "maturity": "idea",
        "transferability": _md("""
            Interkommunale Modelle dieser Art sind auch für Landkreise interessant.
        """),
        "costs": "Verhandlungsstand: 12.000-18.000 € je Stadt und Jahr",
        "partners": "Stadtwerke der vier Städte, Ostsee-Institut für urbane Datensysteme",
        "software_licence": "MIT",
        "repository_url": None,
        "technologies": ["LoRaWAN", "ChirpStack", "Mandantenfähigkeit"],
        "contacts": ["sh-kontakt-geschaeftsstelle"],
    },
]

# ---------------------------------------------------------------------------
# Lessons learned
# ---------------------------------------------------------------------------

_LESSONS: list[dict] = [
    # --- Rostock -----------------------------------------------------------
    {
        "ref": "hro-lesson-batterielaufzeit",
        "kind": "lesson",
        "tenant": "rostock",
        "language": "de",
        "title": "Bodensensoren: Batterielaufzeit im Winter deutlich kürzer als versprochen",
        "summary": (
            "Die Batterien unserer Parkplatzsensoren halten nicht die zugesagten fünf "
            "Jahre. Kälte und häufige Belegungswechsel verkürzen die Batterielaufzeit auf "
            "rund drei Jahre; das hat Folgen für Betrieb und Kosten."
        ),
        "body": _md("""
            ## Was wir beobachtet haben

            Im ersten Winter (2024/2025) meldeten 37 der 420 Bodensensoren im
            Parkraummanagement einen kritischen Batteriestand, obwohl sie erst neun
            Monate in Betrieb waren. Im zweiten Winter waren es 112. Die Auswertung der
            Spannungsverläufe zusammen mit dem Sensorlabor des Ostsee-Instituts ergab:

            - Bei Temperaturen unter 0 °C sinkt die nutzbare Kapazität der
              Lithium-Batterien um bis zu 35 %.
            - Stellplätze mit hoher Wechselfrequenz (Kurzzeitparken vor Bäckerei und
              Apotheke) senden bis zu 80 Belegungswechsel am Tag statt der vom
              Hersteller angenommenen 20.
            - Bei schlechter Funkverbindung wiederholen die Sensoren Nachrichten mit
              höherem Spreading Factor, was zusätzlich Energie kostet.

            Die realistische Batterielaufzeit liegt bei uns bei etwa **drei Jahren**
            statt der versprochenen fünf bis sieben Jahre.

            ## Folgen

            Der Batterietausch ist aufwendig: Der Sensor muss aus dem Asphalt gebohrt
            und neu vergossen werden, die Fahrbahn wird dafür teilweise gesperrt. Pro
            Sensor kostet das rund 120 €. Statt der kalkulierten 5.000 € im Jahr
            rechnen wir nun mit durchschnittlich 17.000 € jährlich für Batterietausch.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["batterielaufzeit", "bodensensoren", "lorawan", "winter", "betriebskosten"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-11-24",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "context": _md("""
            Seit April 2024 betreiben wir 420 Bodensensoren im Parkraummanagement der
            Östlichen Altstadt. In der Ausschreibung hatten wir eine Batterielaufzeit von
            mindestens fünf Jahren gefordert; der Hersteller hatte sieben Jahre bei
            Normalbetrieb angegeben, ohne genauer zu definieren, was Normalbetrieb heißt.
        """),
        "what_worked": _md("""
            - Das Monitoring der Batteriespannung über die Datenplattform hat das Problem
              früh sichtbar gemacht, bevor Sensoren ausfielen.
            - Die gemeinsame Analyse mit dem Sensorlabor lieferte belastbare Zahlen für
              das Gespräch mit dem Hersteller.
            - Der Hersteller hat per Firmware-Update die Sendehäufigkeit bei schnellen
              Wechseln gebündelt; das bringt etwa 15 % mehr Laufzeit.
        """),
        "what_did_not_work": _md("""
            - Die Leistungsbeschreibung definierte die Batterielaufzeit nicht unter
              realen Bedingungen (Temperaturbereich, Anzahl Ereignisse pro Tag,
              Funkqualität). Eine Gewährleistung ließ sich deshalb nicht durchsetzen.
            - Wir hatten keinen Preis für den Batterietausch im Vertrag vereinbart.
            - Die Gateway-Abdeckung in engen Altstadtstraßen war schlechter als geplant.
        """),
        "recommendations": _md("""
            1. Batterielaufzeit in der Ausschreibung mit **konkretem Lastprofil**
               festlegen: Temperaturbereich -15 bis +40 °C, Zahl der Ereignisse pro Tag,
               Spreading Factor.
            2. Eine **Prüfung im Labor** oder einen Feldtest mit zehn Sensoren über
               einen Winter vor der Hauptbeschaffung einplanen.
            3. Kosten für Batterietausch oder Sensortausch als **Festpreis** in den
               Vertrag aufnehmen.
            4. Vor dem Einbau eine **Funkplanung** machen und lieber ein Gateway mehr
               installieren.
            5. Lebenszykluskosten über zehn Jahre statt nur Investitionskosten
               vergleichen.
        """),
        "solutions": ["hro-parkraum-sensoren"],
    },
    {
        "ref": "hro-lesson-batterielaufzeit-en",
        "kind": "lesson",
        "tenant": "rostock",
        "language": "en",
        "translation_of": "hro-lesson-batterielaufzeit",
        "title": "In-ground sensors: battery life in winter much shorter than promised",
        "summary": (
            "The batteries of our parking sensors do not last the promised five years. "
            "Cold weather and frequent occupancy changes cut battery life to about three "
            "years, with consequences for operation and costs."
        ),
        "body": _md("""
            ## What we observed

            In the first winter (2024/2025), 37 of the 420 in-ground sensors reported a
            critical battery level after only nine months of operation. In the second
            winter it was 112. Analysing the voltage curves with the sensor lab of the
            Ostsee-Institut showed:

            - Below 0 °C the usable capacity of the lithium batteries drops by up to
              35 %.
            - Bays with short-term parking send up to 80 occupancy changes a day instead
              of the 20 assumed by the manufacturer.
            - Poor radio coverage makes sensors repeat messages at a higher spreading
              factor, which costs additional energy.

            Realistic battery life is about **three years** instead of five to seven.

            ## Consequences

            Replacing a battery means drilling the sensor out of the asphalt. Each
            replacement costs about EUR 120. We now expect about EUR 17,000 a year
            instead of EUR 5,000.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["battery life", "in-ground sensors", "lorawan", "winter", "operating costs"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-01-12",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "context": _md("""
            Since April 2024 we have operated 420 in-ground sensors for parking
            management in the eastern old town. The tender required at least five years
            of battery life; the manufacturer promised seven years under normal
            operation without defining normal operation.
        """),
        "what_worked": _md("""
            - Battery voltage monitoring on the data platform made the problem visible
              early.
            - The joint analysis with the sensor lab provided solid figures for talks
              with the manufacturer.
            - A firmware update bundling messages gained about 15 % battery life.
        """),
        "what_did_not_work": _md("""
            - The specification did not define battery life under real conditions, so
              no warranty claim was possible.
            - There was no agreed price for battery replacement in the contract.
            - Gateway coverage in narrow old town streets was worse than planned.
        """),
        "recommendations": _md("""
            1. Specify battery life with a **concrete load profile** (temperature range,
               events per day, spreading factor).
            2. Run a **lab test** or a one-winter field test with ten sensors first.
            3. Agree a **fixed price** for battery or sensor replacement.
            4. Do proper **radio planning** and add one gateway too many.
            5. Compare life-cycle costs over ten years, not only investment costs.
        """),
        "solutions": ["hro-parkraum-sensoren"],
    },
    {
        "ref": "hro-lesson-chatbot",
        "kind": "lesson",
        "tenant": "rostock",
        "language": "de",
        "title": "Warum wir den KI-Chatbot im Bürgerservice eingestellt haben",
        "summary": (
            "Ein ehrlicher Rückblick auf ein gescheitertes Projekt: Der Chatbot hat das "
            "Service-Telefon nicht entlastet, weil die Grundlage - gute, aktuelle "
            "Dienstleistungsbeschreibungen - fehlte."
        ),
        "body": _md("""
            ## Kurzfassung

            Wir haben 96.000 € und rund eineinhalb Jahre Arbeit in einen Chatbot
            gesteckt, der nach sechs Monaten Pilotbetrieb eingestellt wurde. Wir
            schreiben diesen Beitrag, damit andere Städte nicht dieselben Fehler machen.

            ## Die wichtigsten Gründe für das Scheitern

            1. **Schlechte Wissensbasis:** Die Dienstleistungsbeschreibungen auf der
               Website waren teilweise veraltet und widersprüchlich. Der Chatbot hat
               diese Fehler zuverlässig weitergegeben.
            2. **Falsches Ziel:** Wir wollten Anrufe reduzieren. Die meisten Anrufe
               betrafen aber Terminfragen und Einzelfälle, die der Chatbot ohnehin nicht
               lösen konnte.
            3. **Keine Abbruchkriterien:** Erst nach vier Monaten haben wir festgelegt,
               ab welcher Quote wir aufhören. Bis dahin haben wir zu lange gehofft.
            4. **Zu wenig Redaktion:** Eine halbe Stelle reichte nicht, um Antworten zu
               prüfen und nachzusteuern.

            ## Was geblieben ist

            Die Überarbeitung von 180 Dienstleistungsbeschreibungen war der eigentliche
            Gewinn. Sie nutzen heute Website, Service-Telefon und Bürgerbüros.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["chatbot", "gescheitert", "künstliche intelligenz", "bürgerservice", "evaluation"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-06-16",
        "review_by": "2027-06-30",
        "author_role": "admin",
        "context": _md("""
            Der Bürgerservice der Hanse- und Universitätsstadt Rostock erhält in Spitzen
            bis zu 1.800 Anrufe am Tag. 2023 wurde beschlossen, einen KI-gestützten
            Chatbot als Software as a Service zu beschaffen. Pilotbetrieb von September
            2024 bis März 2025.
        """),
        "what_worked": _md("""
            - Einfache Fragen zu Öffnungszeiten und benötigten Unterlagen wurden meist
              korrekt beantwortet.
            - Die wöchentliche Auswertung der Dialoge zeigte sehr genau, wo unsere
              Informationen unklar sind.
            - Der Abbruch wurde transparent kommuniziert, auch gegenüber der Politik.
        """),
        "what_did_not_work": _md("""
            - Nur 41 % der Dialoge wurden ohne Weiterleitung abgeschlossen (Ziel: 70 %).
            - Falsche Auskünfte zu Gebühren führten zu Beschwerden.
            - Die Anrufzahlen am Service-Telefon sanken nicht messbar.
            - Die Integration in das Terminvergabesystem war vertraglich nicht
              vorgesehen und hätte weitere 40.000 € gekostet.
        """),
        "recommendations": _md("""
            - Erst die Inhalte verbessern, dann über einen Chatbot nachdenken.
            - Messbare Ziele und **Abbruchkriterien vor dem Start** festlegen.
            - Genau analysieren, worum es in den Anrufen wirklich geht.
            - Pilotverträge kurz halten und ohne automatische Verlängerung abschließen.
            - Auch gescheiterte Projekte dokumentieren und teilen.
        """),
        "solutions": ["hro-chatbot"],
    },
    {
        "ref": "hro-lesson-datenqualitaet",
        "kind": "lesson",
        "tenant": "rostock",
        "language": "de",
        "title": "Open Data braucht Datenpat*innen in den Fachämtern",
        "summary": (
            "Nach dem Start der Datenplattform veralteten viele Datensätze schnell. Erst "
            "feste Verantwortliche in den Fachämtern haben die Datenqualität verbessert."
        ),
        "body": _md("""
            ## Das Problem

            Ein Jahr nach dem Start der Urbanen Datenplattform waren 38 % der Datensätze
            älter als ihr angegebenes Aktualisierungsintervall. Nutzer*innen meldeten
            fehlerhafte Koordinaten und tote Links. Das Team Urbane Daten hat versucht,
            alles selbst zu pflegen, und war damit überfordert.

            ## Die Lösung

            Jedes Fachamt hat eine Datenpat*in benannt, die 5 bis 10 % ihrer Arbeitszeit
            für die Datensätze des Amts aufwendet. Ein automatischer Bericht zeigt
            monatlich, welche Datensätze überfällig sind. Nach einem Jahr lag der Anteil
            veralteter Datensätze bei 9 %.
        """),
        "topics": ["daten-infrastruktur", "digitale-verwaltung"],
        "tags": ["open data", "datenqualität", "organisation", "datenplattform"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-09-30",
        "review_by": "2026-10-15",
        "author_role": "admin",
        "context": _md("""
            Die Urbane Datenplattform Rostock ging 2023 mit 120 Datensätzen an den Start.
            Die Pflege war zentral beim Team Urbane Daten angesiedelt.
        """),
        "what_worked": _md("""
            - Benennung von Datenpat*innen per Verfügung des Oberbürgermeisters.
            - Monatlicher Überfälligkeitsbericht mit freundlicher Erinnerung.
            - Automatisierte Aktualisierung direkt aus den Fachverfahren, wo möglich.
        """),
        "what_did_not_work": _md("""
            - Zentrale Pflege durch ein kleines Team.
            - Datensätze ohne klare Verantwortlichkeit im Fachamt zu veröffentlichen.
        """),
        "recommendations": _md("""
            Von Anfang an für jeden Datensatz eine verantwortliche Person im Fachamt
            festlegen und Aktualisierungsintervalle realistisch wählen. Lieber weniger
            Datensätze, die gepflegt werden.
        """),
        "solutions": ["hro-datenplattform"],
    },
    {
        "ref": "hro-lesson-vergabe-sensoren",
        "kind": "lesson",
        "tenant": "rostock",
        "language": "de",
        "title": "Interne Auswertung: Vergabe der Bodensensoren 2023",
        "summary": (
            "Interne Nachbetrachtung des Vergabeverfahrens für die Parkplatzsensoren: "
            "Bieterfragen, Wertung, Preisverhandlungen und was wir beim nächsten Mal "
            "anders machen."
        ),
        "body": _md("""
            **Interne Auswertung - nicht zur Weitergabe an Bieter*innen oder Presse.**

            ## Verfahren

            Offenes Verfahren, Veröffentlichung im März 2023, vier Angebote. Zuschlag im
            Juni 2023 an den zweitgünstigsten Bieter, weil das günstigste Angebot die
            Anforderungen an offene Datenformate nicht erfüllte und ausgeschlossen
            wurde. Der ausgeschlossene Bieter hat gerügt; die Rüge wurde
            zurückgewiesen, ein Nachprüfungsantrag wurde nicht gestellt.

            ## Preise

            Die Angebote lagen zwischen 268 € und 410 € je Sensor inklusive Einbau. Der
            Zuschlag erfolgte zu 335 €. Unsere Kostenschätzung lag bei 290 €; die
            Differenz wurde über Mittel aus dem Haushaltsrest 2022 gedeckt.
        """),
        "topics": ["mobilitaet", "digitale-verwaltung"],
        "tags": ["vergabe", "ausschreibung", "rüge", "intern", "bodensensoren"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "published",
        "published": "2023-09-25",
        "review_by": "2027-09-30",
        "author_role": "admin",
        "context": _md("""
            Erste Ausschreibung von IoT-Hardware in diesem Umfang durch das Amt für
            Mobilität; Unterstützung durch die zentrale Vergabestelle.
        """),
        "what_worked": _md("""
            - Die Mindestanforderung offene Datenformate als Ausschlusskriterium hat
              uns vor einer Herstellerbindung bewahrt.
            - Die Teststellung von drei Sensoren je Bieter über vier Wochen war sehr
              aussagekräftig.
        """),
        "what_did_not_work": _md("""
            - 47 Bieterfragen, viele davon wegen unklarer Formulierungen zu Schnittstellen.
            - Keine Vorgaben zur Batterielaufzeit unter Winterbedingungen.
            - Wartung und Batterietausch nicht mit ausgeschrieben.
        """),
        "recommendations": _md("""
            - Leistungsbeschreibung vorab von einer Partnerstadt gegenlesen lassen.
            - Wartung als eigenes Los mit Festpreisen ausschreiben.
            - Kostenschätzung auf Basis einer Markterkundung statt Herstellerlisten.
        """),
        "solutions": ["hro-parkraum-sensoren"],
    },
    # --- Lübeck ------------------------------------------------------------
    {
        "ref": "hl-lesson-pegel-fehlalarme",
        "kind": "lesson",
        "tenant": "luebeck",
        "language": "de",
        "title": "Pegelsensoren: Fehlalarme durch Eisgang, Treibgut und Möwen",
        "summary": (
            "In den ersten Monaten lösten die Pegelsensoren an der Trave mehrere falsche "
            "Hochwasserwarnungen aus. Eine Plausibilitätsprüfung und ein zweistufiges "
            "Warnverfahren haben das Problem gelöst."
        ),
        "body": _md("""
            ## Was passiert ist

            Zwischen Oktober 2024 und Februar 2025 gab es elf Fehlalarme. Die Ursachen:

            - **Treibgut** und ein festgemachtes Sportboot unter einem Sensor haben den
              Radarstrahl reflektiert und einen um bis zu 1,2 m zu hohen Pegel
              vorgetäuscht.
            - **Eisschollen** im Stadtgraben führten im Januar zu Sprüngen in den
              Messwerten.
            - Auf einem Sensor hatten sich **Möwen** niedergelassen, deren Kot die
              Solarzelle verdeckte; der Sensor sendete danach sporadisch Nullwerte.

            Zwei der Fehlalarme gingen per SMS an alle angemeldeten Betriebe. Das hat
            Vertrauen gekostet.

            ## Was wir geändert haben

            Messwerte werden jetzt nur dann zu einer Hochwasserwarnung, wenn
            benachbarte Pegel und der amtliche Pegel die Entwicklung bestätigen. Die
            Warnung an Betriebe und Bürger*innen erfolgt erst nach Bestätigung durch die
            Rufbereitschaft, die Vorwarnung an die Feuerwehr bleibt automatisch.
        """),
        "topics": ["wasser-hochwasser", "sicherheit"],
        "tags": ["pegel", "hochwasserwarnung", "fehlalarm", "plausibilisierung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-04-28",
        "review_by": "2027-04-30",
        "author_role": "editor",
        "context": _md("""
            Zwölf Radar-Pegelsensoren an Trave, Wakenitz und Stadtgraben seit Frühjahr
            2024; automatische Warnung in vier Stufen.
        """),
        "what_worked": _md("""
            - Plausibilitätsprüfung gegen benachbarte Sensoren und amtliche Pegel.
            - Zweistufiges Verfahren: automatische Vorwarnung an die Feuerwehr, geprüfte
              Warnung an die Öffentlichkeit.
            - Vogelabwehrspitzen und eine quartalsweise Sichtkontrolle.
        """),
        "what_did_not_work": _md("""
            - Vollautomatische öffentliche Warnung ohne menschliche Prüfung.
            - Sensorstandorte direkt über Liegeplätzen von Booten.
        """),
        "recommendations": _md("""
            - Sensorstandorte gemeinsam mit Hafenverwaltung und Wasserschutzpolizei
              auswählen.
            - Von Anfang an Plausibilitätsregeln definieren und in einer Testphase ohne
              öffentliche Warnung erproben.
            - Fehlalarme offen kommunizieren und erklären.
        """),
        "solutions": ["hl-pegelsensoren-trave"],
    },
    {
        "ref": "hl-lesson-baumbewaesserung",
        "kind": "lesson",
        "tenant": "luebeck",
        "language": "de",
        "title": "Bodenfeuchtesensoren im Stadtgrün: Einbau gehört in die Hand der Kolonnen",
        "summary": (
            "Die sensorgestützte Baumbewässerung funktioniert, weil die Gießkolonnen von "
            "Anfang an beteiligt waren. Technische Probleme gab es bei Einbautiefe und "
            "Vandalismus."
        ),
        "body": _md("""
            ## Erfahrungen aus zwei Saisons

            Die ersten 40 Sensoren wurden von einer externen Firma eingebaut. Ein Drittel
            davon saß zu flach oder außerhalb des Wurzelballens und lieferte
            unbrauchbare Werte. Seit die eigenen Kolonnen die Sensoren bei der Pflanzung
            einbauen, liegt die Ausfallquote unter 3 %.

            Die Akzeptanz der Technik war anfangs gering: Warum soll ein Sensor besser
            wissen, wann ein Baum Wasser braucht, als jemand mit 20 Jahren Erfahrung?
            Geholfen hat, dass die Kolonnenführer*innen die Schwellenwerte für die
            Gießampel selbst mitbestimmt haben.

            ## Vandalismus

            Sichtbare Sensorköpfe wurden in zwei Stadtteilen herausgezogen. Inzwischen
            verwenden wir Sensoren mit vergrabenem Funkmodul und kleinem Hinweisschild
            zur Baumbewässerung.
        """),
        "topics": ["klimaschutz-stadtgruen"],
        "tags": ["baumbewässerung", "stadtgrün", "bodenfeuchte", "beteiligung mitarbeitende"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-10-13",
        "review_by": "2027-10-31",
        "author_role": "editor",
        "context": _md("""
            Pilot mit 250 Jungbäumen seit 2024, Bodenfeuchtesensoren in 30 und 60 cm
            Tiefe, Gießrouten auf dem Tablet.
        """),
        "what_worked": _md("""
            - Einbau durch eigene Kolonnen bei der Pflanzung.
            - Gemeinsame Festlegung der Schwellenwerte mit den Praktiker*innen.
            - Kontrollgruppe ohne Sensoren, die den Nutzen belegt.
        """),
        "what_did_not_work": _md("""
            - Nachträglicher Einbau durch Fremdfirmen ohne Baumpflegekenntnisse.
            - Sichtbare Sensorköpfe an stark frequentierten Standorten.
            - Tablets ohne robuste Hüllen im Gießfahrzeug.
        """),
        "recommendations": _md("""
            Kolonnen früh einbinden, Sensoren bei der Pflanzung einbauen, eine
            Kontrollgruppe einrichten und die Gießampel gemeinsam kalibrieren.
        """),
        "solutions": ["hl-baumbewaesserung"],
    },
    {
        "ref": "hl-lesson-ozg-low-code",
        "kind": "lesson",
        "tenant": "luebeck",
        "language": "de",
        "title": "Low-Code für OZG-Leistungen: Zwischenbilanz nach 18 Monaten",
        "summary": (
            "Entwurf: Was Low-Code bei der OZG-Umsetzung leistet und wo die Grenzen "
            "liegen. Noch in Abstimmung mit dem Bereich Digitalisierung."
        ),
        "body": _md("""
            ## Zwischenstand

            Mit der Low-Code-Plattform sind 64 Antragsstrecken entstanden. Einfache
            Anträge schaffen wir in fünf bis acht Personentagen, komplexe mit
            Fachverfahrensanbindung in 20 bis 30.

            ## Grenzen

            - Bei Leistungen mit vielen Sonderfällen wird das Formular unübersichtlich.
            - Die Anbindung alter Fachverfahren ohne Schnittstelle bleibt aufwendig.
            - Die Abhängigkeit von einem Plattformanbieter ist real; ein Wechsel würde
              einen Neubau aller Strecken bedeuten.

            Noch offen: Zahlen zur Nutzung ergänzen, Abschnitt zur Personalbindung mit
            Personalrat abstimmen.
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["ozg", "low-code", "online-antrag", "zwischenbilanz"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "draft",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "context": _md("""
            Seit März 2024 baut ein Team aus vier Personen OZG-Antragsstrecken mit einer
            Low-Code-Plattform.
        """),
        "what_worked": _md("""
            - Schnelle Umsetzung einfacher Leistungen.
            - Wiederverwendbare Bausteine (Adresse, Bankverbindung, Upload).
        """),
        "what_did_not_work": _md("""
            - Komplexe Leistungen mit vielen Varianten.
            - Fehlende Schnittstellen alter Fachverfahren.
        """),
        "recommendations": _md("""
            Low-Code für die Masse einfacher Leistungen nutzen, für komplexe
            Verfahren Landes- oder Einer-für-Alle-Lösungen prüfen.
        """),
        "solutions": ["hl-ozg-antragsstrecken"],
    },
    {
        "ref": "hl-lesson-betriebskosten",
        "kind": "lesson",
        "tenant": "luebeck",
        "language": "de",
        "title": "Haushaltsverhandlungen: Betriebskosten der Sensorik durchsetzen",
        "summary": (
            "Interner Entwurf: Wie wir die dauerhaften Betriebskosten für Pegel- und "
            "Bodenfeuchtesensoren im Haushalt 2027 verankern wollen."
        ),
        "body": _md("""
            **Intern - Verhandlungsstand, nicht veröffentlichen.**

            ## Ausgangslage

            Die Förderung für Pegelsensoren und Baumbewässerung deckte nur die
            Investition. Für 2027 fehlen im Haushalt 16.500 € Betriebskosten. Die
            Kämmerei hat im ersten Gespräch am 14. Oktober 2026 auf die
            Haushaltssperre verwiesen.

            ## Argumentation

            - Die Baumbewässerung spart nachweislich ca. 11.000 € je Saison an Wasser
              und Fahrten; diese Einsparung soll im Budget Stadtgrün gegengerechnet
              werden.
            - Die Pegelwarnung ist Teil der Gefahrenabwehr; Vorschlag, die Kosten aus
              dem Budget Katastrophenschutz zu tragen.
            - Bei Abschaltung müssten Fördermittel anteilig zurückgezahlt werden
              (Zweckbindung fünf Jahre).

            Nächster Termin mit der Kämmerei: 9. Dezember 2026.
        """),
        "topics": ["wasser-hochwasser", "klimaschutz-stadtgruen"],
        "tags": ["haushalt", "betriebskosten", "förderung", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-01-31",
        "author_role": "admin",
        "context": _md("""
            Geförderte Sensorprojekte ohne gesicherte Folgefinanzierung im
            Ergebnishaushalt.
        """),
        "what_worked": _md("""
            Belastbare Einsparzahlen aus der Kontrollgruppe der Baumbewässerung.
        """),
        "what_did_not_work": _md("""
            Betriebskosten wurden bei Antragstellung nicht im Haushalt angemeldet.
        """),
        "recommendations": _md("""
            Betriebskosten schon bei der Förderantragstellung für die gesamte
            Zweckbindungsfrist im Haushalt anmelden.
        """),
        "solutions": ["hl-pegelsensoren-trave", "hl-baumbewaesserung"],
    },
    # --- Stralsund ---------------------------------------------------------
    {
        "ref": "hst-lesson-beteiligung-reichweite",
        "kind": "lesson",
        "tenant": "stralsund",
        "language": "de",
        "title": "Beteiligungsportal: Wie wir mehr als die üblichen Verdächtigen erreichen",
        "summary": (
            "Online-Bürgerbeteiligung erreicht nicht automatisch neue Zielgruppen. Erst "
            "aufsuchende Formate und eine konsequente Rückmeldung haben die Beteiligung "
            "breiter gemacht."
        ),
        "body": _md("""
            ## Ernüchterung im ersten Jahr

            Die Auswertung der ersten zwölf Verfahren auf dem Beteiligungsportal zeigte:
            68 % der Beiträge kamen von Männern über 50, ein großer Teil aus zwei
            Stadtteilen. Junge Menschen, Familien und Menschen mit Migrationsgeschichte
            waren kaum vertreten.

            ## Was wir geändert haben

            - **Aufsuchende Beteiligung:** Mitarbeiter*innen gehen mit Tablets an
              Schulen, in Kitas, auf Spielplätze und in Nachbarschaftstreffs.
            - **Kurze Formate:** Drei-Fragen-Umfragen per QR-Code auf Plakaten im
              betroffenen Quartier.
            - **Mehrsprachigkeit:** Zusammenfassungen in Englisch, Arabisch, Ukrainisch
              und einfacher Sprache.
            - **Rückmeldung:** Jedes Verfahren endet mit einer öffentlichen Antwort, was
              aus den Hinweisen geworden ist.

            Bei der Spielplatzplanung im Frühjahr 2026 stammten 41 % der Beiträge von
            Kindern und Jugendlichen.
        """),
        "topics": ["beteiligung"],
        "tags": ["bürgerbeteiligung", "beteiligungsportal", "zielgruppen", "aufsuchend"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2024-11-18",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "context": _md("""
            Beteiligungsportal der Hansestadt Stralsund seit 2023, bis Ende 2024 zwölf
            Verfahren.
        """),
        "what_worked": _md("""
            - Aufsuchende Formate mit Tablets vor Ort.
            - QR-Code-Umfragen im Quartier.
            - Rückmeldeseite als Pflicht für jedes Verfahren.
        """),
        "what_did_not_work": _md("""
            - Reine Online-Verfahren mit Pressemitteilung als einziger Werbung.
            - Lange Fragebögen mit Fachbegriffen.
        """),
        "recommendations": _md("""
            Beteiligung nach Zielgruppen planen, für jedes Verfahren mindestens ein
            aufsuchendes Format vorsehen und Reichweite nach Alter und Stadtteil
            auswerten.
        """),
        "solutions": ["hst-beteiligungsportal"],
    },
    {
        "ref": "hst-lesson-strassenbeleuchtung",
        "kind": "lesson",
        "tenant": "stralsund",
        "language": "de",
        "title": "Gedimmte Straßenbeleuchtung: Sicherheitsgefühl ernst nehmen",
        "summary": (
            "Die Dimmung der Straßenbeleuchtung spart viel Energie, hat aber in einigen "
            "Straßen Sorgen ausgelöst. Gespräche vor Ort und angepasste Dimmprofile haben "
            "geholfen."
        ),
        "body": _md("""
            ## Reaktionen nach der Umstellung

            Nach der Umstellung der ersten 900 Leuchten gingen 74 Beschwerden ein. Die
            meisten kamen aus zwei Straßen mit Fußwegen zu Bushaltestellen und aus einer
            Siedlung, in der es kurz zuvor Einbrüche gegeben hatte. Viele Menschen
            empfanden die gedimmten Straßen als unsicher, obwohl die Bewegungssensoren
            das Licht bei Annäherung hochregeln.

            ## Was wir gelernt haben

            - Bewegungssensoren reagierten an manchen Standorten zu spät; wer um die Ecke
              kam, stand zunächst im Halbdunkel. Die Erfassungszonen wurden erweitert,
              sodass jeweils drei Leuchten voraus hochfahren.
            - Wege zu Haltestellen des ÖPNV und zu Schulen werden nicht mehr unter 50 %
              gedimmt.
            - Ortsbegehungen am Abend mit Anwohner*innen, Polizei und Ordnungsamt haben
              mehr bewirkt als jede Pressemitteilung.

            Die Energieeinsparung liegt trotz der Anpassungen bei 68 %, statt der
            geplanten 71 %.
        """),
        "topics": ["energie", "sicherheit"],
        "tags": ["straßenbeleuchtung", "sicherheitsgefühl", "dimmung", "beteiligung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-03-17",
        "review_by": "2027-03-31",
        "author_role": "editor",
        "context": _md("""
            Umrüstung von 3.100 Leuchten auf LED mit Bewegungssensoren und nächtlicher
            Dimmung in Stralsunder Straßen ab 2023.
        """),
        "what_worked": _md("""
            - Abendliche Ortsbegehungen mit Betroffenen.
            - Vorlauf von drei Leuchten bei der Bewegungserkennung.
            - Eigene Dimmprofile für Schulwege und Wege zu Haltestellen.
        """),
        "what_did_not_work": _md("""
            - Ein einheitliches Dimmprofil für alle Wohnstraßen.
            - Information nur per Amtsblatt und Pressemitteilung.
        """),
        "recommendations": _md("""
            Vor der Umstellung Straßen mit besonderem Sicherheitsbedürfnis identifizieren,
            Anwohner*innen direkt informieren und eine Testphase mit
            Rückmeldemöglichkeit einplanen.
        """),
        "solutions": ["hst-strassenbeleuchtung"],
    },
    {
        "ref": "hst-lesson-besucherzaehlung-dsgvo",
        "kind": "lesson",
        "tenant": "stralsund",
        "language": "de",
        "title": "Besucherzählung ohne personenbezogene Daten: unser Weg durch die DSGVO",
        "summary": (
            "Warum wir uns gegen WLAN-Tracking und für Wärmebildzähler entschieden haben "
            "und wie die Abstimmung mit dem Datenschutz gelaufen ist."
        ),
        "body": _md("""
            ## Die Ausgangsfrage

            Für die Besucherlenkung in der Altstadt brauchten wir Frequenzdaten. Anbieter
            boten uns WLAN- und Bluetooth-Tracking an, das auch Verweildauern und
            Laufwege liefert. Technisch verlockend, datenschutzrechtlich heikel: Auch
            gehashte MAC-Adressen gelten nach überwiegender Auffassung als
            personenbezogene Daten im Sinne der DSGVO.

            ## Entscheidung

            Wir haben uns für Wärmebildsensoren entschieden, die nur Zählwerte erzeugen.
            Der DSGVO-Baukasten der Smarten Hanse hat die Prüfung stark beschleunigt; nach
            vier Wochen lag die Freigabe des Datenschutzbeauftragten vor. Auf
            Verweildauern verzichten wir bewusst.
        """),
        "topics": ["tourismus-einzelhandel", "sicherheit"],
        "tags": ["datenschutz", "dsgvo", "frequenzmessung", "wärmebild", "besucherlenkung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2024-07-01",
        "review_by": "2027-07-31",
        "author_role": "editor",
        "context": _md("""
            Vorbereitung der digitalen Besucherlenkung im UNESCO-Welterbe Altstadt
            Stralsund, 2023/2024.
        """),
        "what_worked": _md("""
            - Datenschutz von Anfang an als Auswahlkriterium.
            - Nutzung des DSGVO-Baukastens aus Lübeck.
            - Informationsschilder an jedem Sensor mit QR-Code zur Erläuterung.
        """),
        "what_did_not_work": _md("""
            - Die ersten Anbietergespräche ohne Datenschutzbeauftragten haben Zeit
              gekostet.
        """),
        "recommendations": _md("""
            Prüfen, welche Daten für die Steuerung wirklich nötig sind. Zählwerte
            reichen für Besucherlenkung fast immer aus.
        """),
        "solutions": ["hst-besucherlenkung"],
    },
    # --- Wismar ------------------------------------------------------------
    {
        "ref": "hwi-lesson-zwilling-daten",
        "kind": "lesson",
        "tenant": "wismar",
        "language": "de",
        "title": "Digitaler Zwilling: Die Datenbeschaffung dauert länger als die Visualisierung",
        "summary": (
            "Die 3D-Visualisierung stand nach drei Monaten, die Beschaffung und "
            "Bereinigung der Daten dauerte fast zwei Jahre."
        ),
        "body": _md("""
            ## Unsere Erwartung

            Wir dachten, der Digitale Zwilling sei vor allem ein Softwareprojekt. Die
            Visualisierung lief tatsächlich nach drei Monaten im Browser.

            ## Die Realität

            - Leitungsdaten der Versorger lagen in vier verschiedenen Formaten und
              Koordinatensystemen vor; eine Vereinbarung zur Datennutzung mit einem
              Versorger dauerte 14 Monate.
            - Das Baumkataster war in Teilen zehn Jahre alt.
            - Für die Denkmäler fehlten Höhenangaben, die wir per Laserscan nachholen
              mussten.

            ## Was wir heute anders machen würden

            Mit einem konkreten Anwendungsfall beginnen (bei uns: Hochwasserszenarien
            am Hafen) und nur die Daten beschaffen, die dafür nötig sind.
        """),
        "topics": ["daten-infrastruktur", "wasser-hochwasser"],
        "tags": ["digitaler zwilling", "datenbeschaffung", "geodaten", "projektplanung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2025-09-08",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "context": _md("""
            Aufbau des Digitalen Zwillings für Altstadt und Hafen, 2023 bis 2025.
        """),
        "what_worked": _md("""
            - Quelloffene Visualisierung, schnell einsatzbereit.
            - Zusammenarbeit mit dem Ostsee-Institut bei Datenmodellierung.
        """),
        "what_did_not_work": _md("""
            - Der Versuch, alle Daten gleichzeitig zu integrieren.
            - Zu späte Verhandlungen über Datennutzungsverträge mit Versorgern.
        """),
        "recommendations": _md("""
            Anwendungsfall zuerst, Datennutzungsverträge früh verhandeln, für
            Datenpflege dauerhaft Personal einplanen.
        """),
        "solutions": ["hwi-digitaler-zwilling"],
    },
    {
        "ref": "hwi-lesson-abfall-touren",
        "kind": "lesson",
        "tenant": "wismar",
        "language": "de",
        "title": "Füllstandssensoren: Die Tourensteuerung braucht die Fahrer*innen",
        "summary": (
            "Die ersten dynamischen Touren scheiterten an der Praxis. Erst mit den "
            "Erfahrungen der Fahrer*innen wurde die Tourenplanung für die smarten "
            "Abfallbehälter alltagstauglich."
        ),
        "body": _md("""
            ## Holpriger Start

            In den ersten Wochen erzeugte die Software Routen, die rechnerisch optimal,
            aber praktisch unmöglich waren: Wendemanöver in Einbahnstraßen, Halt in
            Ladezonen zu Lieferzeiten, Anfahrt über eine für das Fahrzeug zu schmale
            Brücke. Die Fahrer*innen fuhren daraufhin wieder ihre alten Touren.

            ## Die Wende

            Gemeinsam mit vier erfahrenen Fahrer*innen haben wir Sperrzeiten, Wendepunkte
            und Fahrzeugbeschränkungen in die Tourenplanung eingetragen. Außerdem dürfen
            die Teams Behälter als nicht anfahrbar markieren. Seitdem wird die
            vorgeschlagene Route in über 90 % der Fälle gefahren.
        """),
        "topics": ["klimaschutz-stadtgruen", "tourismus-einzelhandel"],
        "tags": ["abfall", "tourenplanung", "mitarbeitende", "smarte mülleimer"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2025-10-27",
        "review_by": "2027-10-31",
        "author_role": "editor",
        "context": _md("""
            180 Abfallbehälter mit Füllstandssensoren, bedarfsgerechte Leerungstouren
            seit 2025.
        """),
        "what_worked": _md("""
            - Praxiswissen der Fahrer*innen in die Planung übernommen.
            - Möglichkeit, Vorschläge im Fahrzeug zu korrigieren.
        """),
        "what_did_not_work": _md("""
            - Routen allein aus Füllstand und Straßennetz zu berechnen.
            - Einführung ohne Testphase in der Hochsaison.
        """),
        "recommendations": _md("""
            Einführung im Winter starten, Fahrer*innen als Mitgestaltende einbinden und
            Personalrat früh beteiligen.
        """),
        "solutions": ["hwi-abfallbehaelter"],
    },
    {
        "ref": "hwi-lesson-parkraum-uebernahme",
        "kind": "lesson",
        "tenant": "wismar",
        "language": "de",
        "title": "Übernahme des Rostocker Parkraummanagements: interne Zwischenbewertung",
        "summary": (
            "Interner Entwurf: Was wir bei der Prüfung der Rostocker Bodensensoren für "
            "die Wismarer Altstadt gelernt haben, inklusive Kostenrahmen."
        ),
        "body": _md("""
            **Intern - Entwurf für die Vorlage im Bauausschuss.**

            ## Stand der Prüfung

            Wir prüfen, 120 Stellplätze rund um den Marktplatz und am Alten Hafen mit
            Bodensensoren auszustatten. Rostock stellt Decoder und Schnittstellen als
            Open Source bereit und würde uns den Betrieb auf seiner Datenplattform als
            Mandant anbieten.

            ## Bisherige Erkenntnisse

            - Etwa 40 der gewünschten Stellplätze liegen auf Kopfsteinpflaster; dort ist
              der Einbau nicht möglich. Alternative: Überkopf-Sensoren an Laternen,
              die noch getestet werden müssen.
            - Die Batterieerfahrungen aus Rostock fließen in unsere
              Leistungsbeschreibung ein.
            - Kostenrahmen: ca. 52.000 € Investition, ca. 6.500 € jährlich; im
              Haushalt 2027 sind bisher nur 30.000 € eingeplant. Der Kämmerer hat eine
              Verschiebung auf 2028 ins Gespräch gebracht.
        """),
        "topics": ["mobilitaet"],
        "tags": ["parkraum", "übernahme", "bodensensoren", "intern", "haushalt"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "context": _md("""
            Prüfung der Übernahme des Parkraummanagements mit Bodensensoren aus Rostock
            seit Mai 2026.
        """),
        "what_worked": _md("""
            - Offener Austausch mit Rostock, Besichtigung vor Ort.
            - Zugriff auf Quellcode und Auswertungen.
        """),
        "what_did_not_work": _md("""
            - Die ursprüngliche Standortauswahl hat das Kopfsteinpflaster nicht
              berücksichtigt.
        """),
        "recommendations": _md("""
            Vor einer Übernahme die baulichen Voraussetzungen (Straßenbelag,
            Funkabdeckung) genau prüfen.
        """),
        "solutions": ["hro-parkraum-sensoren"],
    },
    {
        "ref": "hwi-lesson-e-akte-scanstelle",
        "kind": "lesson",
        "tenant": "wismar",
        "language": "de",
        "title": "E-Akte-Pilot 2023: Die Scanstelle haben wir unterschätzt",
        "summary": (
            "Im Pilot zur E-Akte stauten sich die Posteingänge, weil Personal und "
            "Prozesse in der zentralen Scanstelle nicht ausreichten."
        ),
        "body": _md("""
            ## Was passiert ist

            Im Pilot mit zwei Ämtern sollte der gesamte Posteingang zentral gescannt
            werden. Geplant war eine halbe Stelle. Tatsächlich kamen täglich rund 600
            Seiten an, darunter gebundene Unterlagen und Pläne im Format A0. Nach drei
            Wochen lagen Rückstände von über einer Woche vor.

            ## Konsequenzen

            Die Scanstelle wurde auf zwei Stellen aufgestockt, ein Großformatscanner
            beschafft und eine Regel eingeführt, welche Unterlagen gar nicht gescannt
            werden. Diese Erfahrungen sind in die flächendeckende Einführung eingeflossen.

            *Archiviert: Der Pilot ist abgeschlossen; die E-Akte ist inzwischen in der
            gesamten Kernverwaltung eingeführt.*
        """),
        "topics": ["digitale-verwaltung"],
        "tags": ["e-akte", "scanstelle", "pilot", "personalbemessung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "archived",
        "published": "2023-12-11",
        "review_by": "2027-06-30",
        "author_role": "editor",
        "context": _md("""
            Pilot der E-Akte im Hauptamt und im Ordnungsamt der Hansestadt Wismar, 2023.
        """),
        "what_worked": _md("""
            - Multiplikator*innen in jedem Amt.
            - Schnelle Reaktion durch Aufstockung.
        """),
        "what_did_not_work": _md("""
            - Personalbemessung der Scanstelle auf Basis von Schätzungen.
            - Fehlende Regeln, was nicht gescannt werden muss.
        """),
        "recommendations": _md("""
            Posteingang vorab zwei Wochen zählen, Großformate einplanen und ein
            Scankonzept mit Ausnahmen festlegen.
        """),
        "solutions": ["hwi-e-akte"],
    },
    # --- Alliance ----------------------------------------------------------
    {
        "ref": "sh-lesson-kooperation",
        "kind": "lesson",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Interkommunale Zusammenarbeit: Was die Smarte Hanse gelernt hat",
        "summary": (
            "Nach drei Jahren Kooperation ziehen die vier Hansestädte Bilanz: Übernahmen "
            "gelingen, wenn Lösungen offen dokumentiert sind und Menschen sich kennen."
        ),
        "body": _md("""
            ## Drei Jahre Smarte Hanse

            Seit 2023 arbeiten Rostock, Lübeck, Stralsund und Wismar in der Smarten
            Hanse zusammen. Bis Ende 2026 wurden zehn Lösungen zwischen den Städten
            übernommen oder angepasst, darunter das Beteiligungsportal, die
            Datenplattform und der DSGVO-Baukasten.

            ## Erfolgsfaktoren

            - **Offene Lizenzen:** Lösungen mit Open-Source-Lizenz wurden deutlich
              häufiger übernommen als proprietäre.
            - **Persönliche Kontakte:** Fast jede Übernahme begann mit einem Gespräch
              auf der Konferenz oder in einer Arbeitsgruppe.
            - **Ehrliche Dokumentation:** Beiträge über Fehlschläge werden am häufigsten
              gelesen.

            ## Hindernisse

            Unterschiedliche Haushaltszyklen, Vergaberecht bei gemeinsamen Beschaffungen
            und unterschiedliche IT-Dienstleister bremsen. Gemeinsame Vergaben sind
            möglich, brauchen aber ein halbes Jahr mehr Vorlauf.
        """),
        "topics": ["digitale-verwaltung", "beteiligung"],
        "tags": ["kooperation", "wissenstransfer", "open source", "interkommunal"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-10-05",
        "review_by": "2027-10-31",
        "participants": ["rostock", "luebeck", "stralsund", "wismar"],
        "author_role": "admin",
        "context": _md("""
            Kooperation der vier Hansestädte mit gemeinsamer Geschäftsstelle seit 2023,
            jährliche Konferenz, sechs Arbeitsgruppen.
        """),
        "what_worked": _md("""
            - Gemeinsame Wissensplattform mit Lösungen, Lessons learned und Kontakten.
            - Jährliche Konferenz mit viel Zeit für Austausch.
            - Hospitationen zwischen den Verwaltungen.
        """),
        "what_did_not_work": _md("""
            - Gemeinsame Beschaffung ohne ausreichenden Vorlauf.
            - Arbeitsgruppen ohne klaren Auftrag schliefen ein.
        """),
        "recommendations": _md("""
            Mit wenigen konkreten Übernahmen starten, Lösungen offen lizenzieren, eine
            Geschäftsstelle mit klarer Rolle einrichten und Fehlschläge teilen.
        """),
        "solutions": ["hst-beteiligungsportal", "hro-datenplattform", "hl-datenschutz-baukasten"],
    },
]

# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------

_EVENTS: list[dict] = [
    {
        "ref": "sh-konferenz-2026",
        "kind": "event",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Smarte-Hanse-Konferenz 2026 in Stralsund",
        "summary": (
            "Zwei Tage Austausch über Smart-City-Lösungen der vier Hansestädte: "
            "Parkraummanagement, Hochwasserwarnung, Bürgerbeteiligung, Digitaler Zwilling "
            "und vieles mehr."
        ),
        "body": _md("""
            Die dritte Smarte-Hanse-Konferenz findet am 17. und 18. September 2026 in
            Stralsund statt. Eingeladen sind Mitarbeiter*innen der Verwaltungen,
            kommunalen Unternehmen und Partner aus Wissenschaft und Zivilgesellschaft.

            ## Schwerpunkte

            - Sensorik im Betrieb: Was passiert nach dem Pilotprojekt?
            - Klimaanpassung: Hochwasser, Starkregen und Stadtgrün
            - Beteiligung und Digitaler Zwilling
            - Übernahme von Lösungen zwischen Städten: Marktplatz der Lösungen

            ## Anmeldung

            Die Teilnahme ist für Beschäftigte der Mitgliedsstädte kostenfrei. Anmeldung
            bis 31. August 2026 über
            [konferenz.smarte-hanse.example](https://konferenz.smarte-hanse.example).
            Die Veranstaltungsorte sind barrierefrei erreichbar.
        """),
        "topics": ["mobilitaet", "wasser-hochwasser", "beteiligung", "daten-infrastruktur"],
        "tags": ["konferenz", "smarte hanse", "wissenstransfer", "stralsund"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-04-20",
        "review_by": "2027-03-31",
        "participants": ["stralsund"],
        "author_role": "admin",
        "starts_at": "2026-09-17T09:00",
        "ends_at": "2026-09-18T15:30",
        "place": "Speicher am Querkanal, Am Querkanal 5, 18439 Stralsund",
        "organiser": "Geschäftsstelle Smarte Hanse in Zusammenarbeit mit der Hansestadt Stralsund",
        "programme": _md("""
            ### Donnerstag, 17. September 2026

            - **09:00** Ankommen, Kaffee, Marktplatz der Lösungen öffnet
            - **09:30** Begrüßung durch die Oberbürgermeisterin der Hansestadt Stralsund
              und Christoph Behrendt (Geschäftsstelle Smarte Hanse)
            - **10:00** Keynote: Drei Jahre Smarte Hanse - was wir voneinander gelernt
              haben
            - **10:45** Parkraummanagement mit Bodensensoren: Zwei Jahre Betrieb in
              Rostock (Malte Hinrichsen, Rostock)
            - **11:30** Pegelsensoren an der Trave: Hochwasserwarnung im Praxistest
              (Bente Thormählen, Lübeck)
            - **12:15** Mittagspause
            - **13:30** Parallele Werkstätten
              - A: Beteiligungsportal und aufsuchende Beteiligung (Greta Sievers)
              - B: Batterien, Funk und Wartung: Sensorik im Dauerbetrieb
                (Dr. Imke Rathjen, Ostsee-Institut)
              - C: Straßenbeleuchtung und Energie sparen (Dirk Schwanbeck)
            - **15:30** Kaffeepause
            - **16:00** Marktplatz der Lösungen: Städte stellen an Ständen aus
            - **18:30** Hafenrundgang mit Besucherlenkung live, anschließend
              Abendessen

            ### Freitag, 18. September 2026

            - **09:00** Digitaler Zwilling für Altstadt und Hafen (Mirko Stahnke, Wismar)
            - **09:45** Podium: Gemeinsam beschaffen - Chancen und Grenzen
              interkommunaler Vergaben (Lea Marquardt und Gäste)
            - **11:00** Open Space: Themen der Teilnehmenden
            - **13:00** Mittagessen
            - **14:00** Ergebnisse des Open Space, Verabredungen für 2027
            - **15:30** Ende der Konferenz
        """),
    },
    {
        "ref": "sh-konferenz-2026-en",
        "kind": "event",
        "tenant": "smarte-hanse",
        "language": "en",
        "translation_of": "sh-konferenz-2026",
        "title": "Smarte Hanse Conference 2026 in Stralsund",
        "summary": (
            "Two days of exchange on smart city solutions from the four Hanseatic cities: "
            "parking management, flood warning, citizen participation, digital twin and "
            "more."
        ),
        "body": _md("""
            The third Smarte Hanse Conference takes place on 17 and 18 September 2026 in
            Stralsund. Staff of the municipal administrations, municipal companies and
            partners from research and civil society are invited.

            ## Focus topics

            - Sensors in operation: what happens after the pilot?
            - Climate adaptation: floods, heavy rain and urban green
            - Participation and the digital twin
            - Reusing solutions between cities: solutions marketplace

            ## Registration

            Participation is free of charge for staff of the member cities. Register by
            31 August 2026 at
            [konferenz.smarte-hanse.example](https://konferenz.smarte-hanse.example).
            Most sessions are held in German.
        """),
        "topics": ["mobilitaet", "wasser-hochwasser", "beteiligung", "daten-infrastruktur"],
        "tags": ["conference", "smarte hanse", "knowledge transfer", "stralsund"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-05-11",
        "review_by": "2027-03-31",
        "participants": ["stralsund"],
        "author_role": "admin",
        "starts_at": "2026-09-17T09:00",
        "ends_at": "2026-09-18T15:30",
        "place": "Speicher am Querkanal, Am Querkanal 5, 18439 Stralsund",
        "organiser": "Geschäftsstelle Smarte Hanse together with the Hanseatic City of Stralsund",
        "programme": _md("""
            ### Thursday, 17 September 2026

            - **09:00** Arrival, coffee, solutions marketplace opens
            - **09:30** Welcome by the Lord Mayor of Stralsund and Christoph Behrendt
            - **10:00** Keynote: three years of Smarte Hanse
            - **10:45** Parking management with in-ground sensors (Malte Hinrichsen)
            - **11:30** Water level sensors on the Trave (Bente Thormählen)
            - **12:15** Lunch
            - **13:30** Parallel workshops: participation portal; sensors in long-term
              operation; street lighting and energy saving
            - **16:00** Solutions marketplace
            - **18:30** Harbour walk and dinner

            ### Friday, 18 September 2026

            - **09:00** Digital twin for the old town and harbour (Mirko Stahnke)
            - **09:45** Panel: joint procurement between municipalities
            - **11:00** Open space
            - **14:00** Results and plans for 2027
            - **15:30** End of conference
        """),
    },
    {
        "ref": "sh-konferenz-2025",
        "kind": "event",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Smarte-Hanse-Konferenz 2025 in Lübeck",
        "summary": (
            "Die zweite Konferenz der Smarten Hanse stand unter dem Motto Vom Pilot in den Betrieb."
        ),
        "body": _md("""
            Die zweite Smarte-Hanse-Konferenz fand am 25. und 26. September 2025 in
            Lübeck statt. Rund 180 Teilnehmende aus den vier Städten diskutierten, wie
            Pilotprojekte in den Regelbetrieb überführt werden können.

            Die Vortragsfolien sind, soweit freigegeben, als Material an dieser
            Veranstaltung hinterlegt.
        """),
        "topics": ["daten-infrastruktur", "tourismus-einzelhandel"],
        "tags": ["konferenz", "smarte hanse", "lübeck", "regelbetrieb"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "archived",
        "published": "2025-04-07",
        "review_by": "2027-04-30",
        "participants": ["luebeck"],
        "author_role": "admin",
        "starts_at": "2025-09-25T09:30",
        "ends_at": "2025-09-26T14:00",
        "place": "Hafenschuppen an der Untertrave, An der Untertrave 41, 23552 Lübeck",
        "organiser": "Geschäftsstelle Smarte Hanse in Zusammenarbeit mit der Hansestadt Lübeck",
        "programme": _md("""
            ### Donnerstag, 25. September 2025

            - **09:30** Begrüßung
            - **10:00** Vom Pilot in den Betrieb: Erfahrungen aus vier Städten
            - **11:00** Besucherlenkung im Welterbe Stralsund (Paul Niemeyer)
            - **12:00** Mittagspause
            - **13:00** Werkstätten zu Datenplattform, Datenschutz und Förderung
            - **17:00** Führung Pegelsensoren an der Trave

            ### Freitag, 26. September 2025

            - **09:00** Podium Finanzierung des Regelbetriebs
            - **11:00** Verabredungen der Arbeitsgruppen
            - **14:00** Ende
        """),
    },
    {
        "ref": "hro-werkstatt-lorawan",
        "kind": "event",
        "tenant": "rostock",
        "language": "de",
        "title": "Werkstatt LoRaWAN in der Praxis: Funkplanung, Batterien, Wartung",
        "summary": (
            "Eintägige Praxiswerkstatt in Rostock für Kolleg*innen aus den Partnerstädten, "
            "die Sensorik im Dauerbetrieb haben oder planen."
        ),
        "body": _md("""
            In der Werkstatt teilen wir unsere Erfahrungen aus zwei Jahren
            Parkraummanagement mit Bodensensoren und dem Betrieb des städtischen
            LoRaWAN-Netzes. Am Nachmittag besichtigen wir Gateways und Sensorstandorte in
            der Östlichen Altstadt.

            Die Werkstatt richtet sich an Mitarbeiter*innen aus Fachämtern, IT und
            Stadtwerken. Maximal 25 Teilnehmende.
        """),
        "topics": ["daten-infrastruktur", "mobilitaet"],
        "tags": ["lorawan", "werkstatt", "sensorik", "batterielaufzeit", "funkplanung"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-01-26",
        "review_by": "2027-01-31",
        "participants": ["wismar", "institut-urbane-daten"],
        "author_role": "editor",
        "starts_at": "2026-03-12T09:30",
        "ends_at": "2026-03-12T16:00",
        "place": "Rathaus Rostock, Festsaal, Am Ziegenmarkt 4, 18055 Rostock",
        "organiser": "Hanse- und Universitätsstadt Rostock, Amt für Mobilität",
        "programme": _md("""
            - **09:30** Begrüßung und Vorstellungsrunde
            - **10:00** Funkplanung in engen Altstadtstraßen (Stadtwerke Rostock)
            - **10:45** Batterielaufzeit im Winter: Messergebnisse aus dem Sensorlabor
              (Dr. Imke Rathjen)
            - **11:30** Wartung und Batterietausch: Kosten, Verträge, Abläufe
              (Malte Hinrichsen)
            - **12:30** Mittagessen
            - **13:30** Begehung: Gateways und Sensoren in der Östlichen Altstadt
            - **15:00** Austausch: Was brauchen die Partnerstädte?
            - **16:00** Ende
        """),
    },
    {
        "ref": "hl-fachtag-hochwasser",
        "kind": "event",
        "tenant": "luebeck",
        "language": "de",
        "title": "Fachtag Hochwasservorsorge digital",
        "summary": (
            "Fachtag in Lübeck zu Pegelsensoren, Hochwasserwarnung, Starkregenvorsorge "
            "und Digitalem Zwilling für Küstenstädte."
        ),
        "body": _md("""
            Sturmfluten an der Ostsee und Starkregen stellen alle Hansestädte vor
            ähnliche Aufgaben. Auf dem Fachtag zeigen Lübeck, Stralsund und Wismar, wie
            sie Pegelsensoren, Warnsysteme und Simulationen einsetzen. Eingeladen sind
            Fachleute aus Umwelt, Feuerwehr, Katastrophenschutz und Stadtentwässerung.
        """),
        "topics": ["wasser-hochwasser", "sicherheit"],
        "tags": ["hochwasser", "fachtag", "pegel", "starkregen", "sturmflut"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-09-28",
        "review_by": "2027-01-31",
        "author_role": "editor",
        "starts_at": "2026-12-10T10:00",
        "ends_at": "2026-12-10T16:30",
        "place": "Feuerwache 1, Schulungszentrum, Kronsforder Weg 20, 23560 Lübeck",
        "organiser": "Hansestadt Lübeck, Bereich Umwelt-, Natur- und Verbraucherschutz",
        "programme": _md("""
            - **10:00** Begrüßung
            - **10:15** Zwei Jahre Pegelsensoren an der Trave (Bente Thormählen)
            - **11:00** Sturmflutwarnung am Strelasund: Anpassung des Lübecker Systems
              (Hansestadt Stralsund)
            - **11:45** Hochwasserszenarien im Digitalen Zwilling (Mirko Stahnke)
            - **12:30** Mittagspause
            - **13:30** Starkregengefahrenkarte und Eigenvorsorge
            - **14:30** Warnketten mit Feuerwehr und Katastrophenschutz: Übung am Tisch
            - **16:00** Zusammenfassung
        """),
    },
    {
        "ref": "hwi-workshop-zwilling",
        "kind": "event",
        "tenant": "wismar",
        "language": "de",
        "title": "Workshop Digitaler Zwilling: Anwendungsfälle finden und priorisieren",
        "summary": (
            "Workshop für Partnerstädte, die einen Digitalen Zwilling planen: Wie findet "
            "man den ersten Anwendungsfall und welche Daten braucht man dafür?"
        ),
        "body": _md("""
            Nach den vielen Nachfragen auf der Smarte-Hanse-Konferenz laden wir zu einem
            praktischen Workshop nach Wismar ein. Wir zeigen den Digitalen Zwilling live,
            erarbeiten in Kleingruppen Anwendungsfälle für die Teilnehmenden und prüfen
            gemeinsam, welche Daten dafür bereits vorhanden sind.

            Teilnahme nur für Beschäftigte der Smarte-Hanse-Städte, Anmeldung über die
            Geschäftsstelle.
        """),
        "topics": ["daten-infrastruktur", "beteiligung"],
        "tags": ["digitaler zwilling", "workshop", "anwendungsfälle", "geodaten"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2026-10-19",
        "review_by": "2027-02-28",
        "author_role": "editor",
        "starts_at": "2027-02-18T09:30",
        "ends_at": "2027-02-18T15:30",
        "place": "Zeughaus Wismar, Seminarraum 2, Ulmenstraße 15, 23966 Wismar",
        "organiser": "Hansestadt Wismar, Abteilung Vermessung und Geoinformation",
        "programme": _md("""
            - **09:30** Begrüßung, Erwartungen der Teilnehmenden
            - **10:00** Live-Demo Digitaler Zwilling Wismar (Mirko Stahnke)
            - **11:00** Kleingruppen: Anwendungsfälle sammeln und bewerten
            - **12:30** Mittagessen
            - **13:30** Datencheck: Was ist vorhanden, was fehlt?
            - **14:30** Nächste Schritte und Kooperationsmöglichkeiten
            - **15:30** Ende
        """),
    },
    {
        "ref": "hst-netzwerktreffen-beteiligung",
        "kind": "event",
        "tenant": "stralsund",
        "language": "de",
        "title": "Netzwerktreffen Beteiligungsverantwortliche 2027",
        "summary": (
            "Entwurf: Internes Arbeitstreffen der Beteiligungsverantwortlichen der vier "
            "Städte zur gemeinsamen Weiterentwicklung des Beteiligungsportals."
        ),
        "body": _md("""
            Entwurf, Termin und Raum noch nicht bestätigt.

            Themen: gemeinsame Weiterentwicklung der Beteiligungssoftware, Aufteilung der
            Kosten für das Kartenmodul (Rostock hat 8.500 € angeboten, Stralsund und
            Wismar je 4.000 €), Austausch über Moderationsregeln.
        """),
        "topics": ["beteiligung"],
        "tags": ["beteiligungsportal", "netzwerktreffen", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-03-31",
        "author_role": "editor",
        "starts_at": "2027-04-15T10:00",
        "ends_at": "2027-04-15T15:00",
        "place": "Rathaus Stralsund, Beratungsraum 1",
        "organiser": "Hansestadt Stralsund, Stabsstelle Bürgerbeteiligung",
        "programme": _md("""
            - **10:00** Stand der Verfahren in den vier Städten
            - **11:00** Kartenmodul: Anforderungen und Kostenteilung
            - **12:30** Mittagsimbiss
            - **13:30** Moderationsregeln und Umgang mit Hassrede
            - **15:00** Ende
        """),
    },
]

# ---------------------------------------------------------------------------
# Material (talks, minutes, templates)
# ---------------------------------------------------------------------------

_MATERIALS: list[dict] = [
    {
        "ref": "mat-hro-parkraum-konferenz",
        "kind": "material",
        "tenant": "rostock",
        "language": "de",
        "title": "Vortrag: Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb",
        "summary": (
            "Folien und Sprechnotizen zum Rostocker Vortrag auf der "
            "Smarte-Hanse-Konferenz 2026 über Bodensensoren, Parkleittafeln und "
            "Batterielaufzeit."
        ),
        "body": _md("""
            Vortrag von Malte Hinrichsen auf der Smarte-Hanse-Konferenz 2026 in
            Stralsund. Die Folien fassen Aufbau, Ergebnisse und Betriebserfahrungen
            zusammen; die Notizen enthalten die Antworten auf Fragen aus dem Publikum.
        """),
        "topics": ["mobilitaet", "daten-infrastruktur"],
        "tags": ["vortrag", "parkraum", "lorawan", "konferenz 2026"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-09-24",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "event": "sh-konferenz-2026",
        "solution": "hro-parkraum-sensoren",
        "speakers": ["hro-kontakt-parkraum"],
        "files": [
            {
                "filename": "parkraum-vortrag.pdf",
                "description": "Vortragsfolien (14 Seiten) als PDF",
                "alt_text": (
                    "Folien zum Parkraummanagement in Rostock mit Karte der Sensorstandorte "
                    "und Diagrammen zur Belegung"
                ),
                "language": "de",
                "text": _md("""
                    Parkraummanagement mit Bodensensoren - zwei Jahre Betrieb in Rostock

                    Ausgangslage: In der Östlichen Altstadt suchten bis zu 30 Prozent der
                    Autofahrenden einen Parkplatz. Es fehlten Daten zur tatsächlichen
                    Auslastung der Stellplätze.

                    Aufbau: 420 Bodensensoren in Kernbohrungen, sieben Gateways auf
                    städtischen Dächern, Netzwerkserver bei den Stadtwerken, Decoder und
                    SensorThings API auf der Urbanen Datenplattform. Anzeige in der App
                    Rostock mobil und auf drei Parkleittafeln an den Einfallstraßen.

                    Ergebnisse: Parksuchverkehr minus 18 Prozent, Erkennungsgenauigkeit
                    97,8 Prozent, 12.000 Nutzer*innen im Monat. Die Belegungsdaten haben
                    die Fortschreibung des Parkraumkonzepts und die neue Gebührenordnung
                    für das Anwohnerparken fundiert.

                    Betrieb: Die Batterielaufzeit liegt bei rund drei Jahren statt fünf.
                    Kälte unter null Grad, viele Belegungswechsel und hoher Spreading
                    Factor kosten Energie. Batterietausch heißt Ausbohren und Neuvergießen;
                    Kosten rund 120 Euro je Sensor.

                    Empfehlungen: Lastprofil in die Leistungsbeschreibung, Winterfeldtest
                    vor der Hauptbeschaffung, Festpreis für Batterietausch, Funkplanung mit
                    Reserve, Lebenszykluskosten über zehn Jahre vergleichen.
                """),
            },
            {
                "filename": "parkraum-notizen.txt",
                "description": "Sprechnotizen und Antworten auf Publikumsfragen",
                "alt_text": "Textdatei mit Notizen zum Vortrag",
                "language": "de",
                "text": _md("""
                    Fragen aus dem Publikum und Antworten

                    Frage aus Wismar: Funktioniert das auch auf Kopfsteinpflaster? Nein,
                    die Kernbohrung lässt sich im Pflaster nicht dauerhaft abdichten. Für
                    Pflasterflächen testen wir Überkopfsensoren an Laternenmasten.

                    Frage aus Lübeck: Wie reagieren Anwohner*innen? Überwiegend positiv,
                    seit die Parkleittafeln den Suchverkehr aus den Wohnstraßen
                    heraushalten. Es gab anfangs Sorgen wegen Überwachung; die Sensoren
                    erkennen aber nur frei oder belegt.

                    Frage zur Vollzugsdienst-Nutzung: Die Daten werden nicht für
                    Knöllchen genutzt. Das war eine bewusste Entscheidung, um Akzeptanz zu
                    sichern, und ist im Datenschutzkonzept festgehalten.
                """),
            },
        ],
    },
    {
        "ref": "mat-hl-pegel-konferenz",
        "kind": "material",
        "tenant": "luebeck",
        "language": "de",
        "title": "Vortrag: Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest",
        "summary": (
            "Folien des Lübecker Vortrags auf der Smarte-Hanse-Konferenz 2026 zu "
            "Sensorstandorten, Warnstufen und Fehlalarmen."
        ),
        "body": _md("""
            Vortrag von Bente Thormählen auf der Smarte-Hanse-Konferenz 2026. Enthält die
            Auswertung der Sturmflut vom Oktober 2025 und die überarbeiteten Warnstufen.
        """),
        "topics": ["wasser-hochwasser", "sicherheit"],
        "tags": ["vortrag", "pegel", "hochwasserwarnung", "konferenz 2026"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-09-24",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "event": "sh-konferenz-2026",
        "solution": "hl-pegelsensoren-trave",
        "speakers": ["hl-kontakt-pegel"],
        "files": [
            {
                "filename": "pegelsensoren-trave-vortrag.pdf",
                "description": "Vortragsfolien (18 Seiten) als PDF",
                "alt_text": (
                    "Folien mit Karte der zwölf Pegelstandorte an Trave und Wakenitz und "
                    "Wasserstandskurve der Sturmflut Oktober 2025"
                ),
                "language": "de",
                "text": _md("""
                    Pegelsensoren an der Trave - Hochwasserwarnung im Praxistest

                    Zwölf Radarpegel hängen an Brücken und Kaimauern in der Altstadt, an der
                    Untertrave und am Stadtgraben. Sie messen berührungslos jede Minute und
                    senden per LoRaWAN; drei Standorte haben zusätzlich Mobilfunk.

                    Warnstufen: Stufe 1 erhöhter Wasserstand, Stufe 2 Uferwege betroffen,
                    Stufe 3 Überflutung von Kellern am Ufer möglich, Stufe 4 Überflutung von
                    Straßen erwartet. Die Vorwarnung an die Leitstelle der Feuerwehr geht
                    automatisch raus, die öffentliche Warnung nach Bestätigung durch die
                    Rufbereitschaft.

                    Sturmflut Oktober 2025: Höchster Wasserstand 1,68 Meter über Normal.
                    Erste Warnung an die Feuerwehr 4 Stunden 40 Minuten vor den ersten
                    überfluteten Straßen. Sandsackausgabe am Klughafen rechtzeitig
                    eingerichtet, keine Schäden an Gebäuden der Stadt.

                    Fehlalarme: Treibgut, ein festgemachtes Sportboot, Eisschollen und
                    Möwenkot auf den Solarzellen. Lösung: Plausibilisierung gegen
                    Nachbarpegel und amtlichen Pegel, Vogelabwehr, Sichtkontrolle im
                    Quartal.
                """),
            },
        ],
    },
    {
        "ref": "mat-hst-beteiligung-konferenz",
        "kind": "material",
        "tenant": "stralsund",
        "language": "de",
        "title": "Werkstatt-Dokumentation: Beteiligungsportal und aufsuchende Beteiligung",
        "summary": (
            "Fotoprotokoll und Ergebnisse der Werkstatt A auf der Smarte-Hanse-Konferenz "
            "2026 zum Stralsunder Beteiligungsportal."
        ),
        "body": _md("""
            In der Werkstatt haben 32 Teilnehmende Erfahrungen mit Online-Beteiligung
            ausgetauscht. Die Dokumentation enthält die Pinnwände als Text und die
            wichtigsten Verabredungen.
        """),
        "topics": ["beteiligung"],
        "tags": ["werkstatt", "bürgerbeteiligung", "beteiligungsportal", "konferenz 2026"],
        "licence": "CC-BY-SA-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-09-28",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "event": "sh-konferenz-2026",
        "solution": "hst-beteiligungsportal",
        "speakers": ["hst-kontakt-beteiligung"],
        "files": [
            {
                "filename": "werkstatt-beteiligung-dokumentation.pdf",
                "description": "Fotoprotokoll der Werkstatt mit abgeschriebenen Pinnwänden",
                "alt_text": (
                    "Fotos von drei Pinnwänden mit Moderationskarten zu Zielgruppen, "
                    "Formaten und Rückmeldung"
                ),
                "language": "de",
                "text": _md("""
                    Werkstatt A: Beteiligungsportal und aufsuchende Beteiligung

                    Pinnwand 1, Wen erreichen wir nicht? Jugendliche, Alleinerziehende,
                    Schichtarbeitende, Menschen ohne Deutschkenntnisse, Menschen ohne
                    Internetzugang, Bewohner*innen von Plattenbaugebieten am Stadtrand.

                    Pinnwand 2, Formate, die funktionieren: Tablet-Stand auf dem
                    Wochenmarkt, Drei-Fragen-Umfrage per QR-Code am Bushäuschen,
                    Kinderbeteiligung mit Knetmodellen für den Spielplatz, Sprechstunde im
                    Stadtteilzentrum, Beteiligungsfahrrad mit Lastenbox.

                    Pinnwand 3, Rückmeldung: Jede Beteiligung braucht eine öffentliche
                    Antwort. Stralsund nutzt dafür eine Rückmeldeseite mit den Spalten
                    übernommen, teilweise übernommen, nicht übernommen und Begründung.

                    Verabredung: Die Städte tauschen ihre Moderationsregeln aus; Stralsund
                    lädt 2027 zu einem Netzwerktreffen der Beteiligungsverantwortlichen ein.
                """),
            },
        ],
    },
    {
        "ref": "mat-hwi-zwilling-konferenz",
        "kind": "material",
        "tenant": "wismar",
        "language": "de",
        "title": "Vortrag: Digitaler Zwilling für Altstadt und Hafen",
        "summary": (
            "Folien zum Wismarer Digitalen Zwilling mit Anwendungsfällen Hafenentwicklung, "
            "Hochwasserszenarien und Beteiligung."
        ),
        "body": _md("""
            Vortrag von Mirko Stahnke am zweiten Konferenztag der Smarte-Hanse-Konferenz
            2026. Die Folien enthalten Screenshots aus dem Digitalen Zwilling und eine
            Übersicht der Datenquellen.
        """),
        "topics": ["daten-infrastruktur", "beteiligung"],
        "tags": ["vortrag", "digitaler zwilling", "3d-stadtmodell", "konferenz 2026"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-09-29",
        "review_by": "2027-09-30",
        "author_role": "editor",
        "event": "sh-konferenz-2026",
        "solution": "hwi-digitaler-zwilling",
        "speakers": ["hwi-kontakt-zwilling"],
        "files": [
            {
                "filename": "digitaler-zwilling-wismar.pdf",
                "description": "Vortragsfolien (22 Seiten) als PDF",
                "alt_text": (
                    "Folien mit 3D-Ansichten des Wismarer Hafens, einer Überflutungssimulation "
                    "und einer Tabelle der Datenquellen"
                ),
                "language": "de",
                "text": _md("""
                    Digitaler Zwilling für Altstadt und Hafen der Hansestadt Wismar

                    Datenquellen: Gebäudemodell LoD2 aus der Landesvermessung, Laserscan
                    der Kirchtürme und Giebelhäuser in LoD3, Baumkataster,
                    Leitungsauskunft der Versorger, Echtzeitdaten von Pegel- und
                    Parkraumsensoren.

                    Anwendungsfall Westhafen: Drei Bebauungsvarianten im Vergleich;
                    Sichtachsen auf St. Marien und St. Nikolai wurden in der
                    Ausschusssitzung direkt im Modell geprüft. Die Variante mit
                    Hochpunkt wurde daraufhin verworfen.

                    Anwendungsfall Hochwasser: Wasserstände von 1,5 bis 2,5 Meter über
                    Normal; Überflutungsflächen, betroffene Gebäude und Zufahrten für
                    Rettungsdienste. Grundlage für den Alarm- und Einsatzplan Sturmflut.

                    Lernkurve: Die Visualisierung war in drei Monaten fertig, die
                    Datenbeschaffung dauerte fast zwei Jahre. Anwendungsfall zuerst!
                """),
            },
        ],
    },
    {
        "ref": "mat-sh-tagungsband-2026",
        "kind": "material",
        "tenant": "smarte-hanse",
        "language": "de",
        "title": "Tagungsband Smarte-Hanse-Konferenz 2026",
        "summary": (
            "Zusammenfassung aller Vorträge, Werkstätten und Verabredungen der "
            "Smarte-Hanse-Konferenz 2026 in Stralsund."
        ),
        "body": _md("""
            Der Tagungsband fasst die Konferenz auf 28 Seiten zusammen und enthält die
            Verabredungen für 2027. Die einzelnen Vortragsfolien sind als eigene
            Materialien an der Veranstaltung hinterlegt.
        """),
        "topics": ["daten-infrastruktur", "beteiligung", "energie"],
        "tags": ["tagungsband", "konferenz 2026", "dokumentation", "smarte hanse"],
        "licence": "CC-BY-4.0",
        "visibility": "public",
        "status": "published",
        "published": "2026-10-12",
        "review_by": "2027-10-31",
        "author_role": "admin",
        "event": "sh-konferenz-2026",
        "solution": None,
        "speakers": ["sh-kontakt-geschaeftsstelle", "hst-kontakt-digitalisierung"],
        "files": [
            {
                "filename": "tagungsband-smarte-hanse-2026.pdf",
                "description": "Tagungsband als barrierearmes PDF (28 Seiten)",
                "alt_text": (
                    "Tagungsband mit Titelbild des Stralsunder Hafens und Inhaltsverzeichnis"
                ),
                "language": "de",
                "text": _md("""
                    Tagungsband der Smarte-Hanse-Konferenz 2026, Stralsund,
                    17. und 18. September 2026

                    Teilnahme: 214 Personen aus 23 Organisationen, davon 162 aus den vier
                    Stadtverwaltungen. Zufriedenheit in der Abschlussbefragung: 1,7 auf
                    einer Skala von 1 bis 6.

                    Zentrale Botschaften: Sensorik im Dauerbetrieb braucht Budget für
                    Wartung und Batterietausch. Beteiligung gelingt aufsuchend.
                    Straßenbeleuchtung mit LED und Bewegungsmeldern ist die
                    wirtschaftlichste Klimaschutzmaßnahme im Straßenraum. Gemeinsame
                    Vergaben brauchen sechs Monate mehr Vorlauf.

                    Marktplatz der Lösungen: 19 Stände, am häufigsten nachgefragt wurden
                    Parkraummanagement, Baumbewässerung und der DSGVO-Baukasten.

                    Verabredungen für 2027: Kostenvergleich für ein gemeinsames
                    LoRaWAN-Netz, Workshop Digitaler Zwilling in Wismar, Netzwerktreffen
                    Beteiligung in Stralsund, Fachtag Hochwasservorsorge in Lübeck.
                    Die Konferenz 2027 findet in Wismar statt.
                """),
            },
        ],
    },
    {
        "ref": "mat-hro-lorawan-werkstatt",
        "kind": "material",
        "tenant": "rostock",
        "language": "de",
        "title": "Protokoll Werkstatt LoRaWAN in der Praxis",
        "summary": (
            "Ergebnisprotokoll der Rostocker LoRaWAN-Werkstatt mit Messwerten zur "
            "Batterielaufzeit und einer Checkliste für den Sensorbetrieb."
        ),
        "body": _md("""
            Protokoll der Werkstatt vom 12. März 2026 in Rostock mit 23 Teilnehmenden
            aus allen vier Städten und dem Ostsee-Institut. Nur für das Netzwerk
            freigegeben, weil Preise aus Wartungsverträgen genannt werden.
        """),
        "topics": ["daten-infrastruktur", "mobilitaet"],
        "tags": ["protokoll", "lorawan", "batterielaufzeit", "checkliste", "wartung"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "published",
        "published": "2026-03-20",
        "review_by": "2027-03-31",
        "author_role": "editor",
        "event": "hro-werkstatt-lorawan",
        "solution": "hro-parkraum-sensoren",
        "speakers": ["hro-kontakt-parkraum", "iud-kontakt-sensorik"],
        "files": [
            {
                "filename": "protokoll-lorawan-werkstatt.txt",
                "description": "Ergebnisprotokoll als Textdatei",
                "alt_text": "Textdatei mit dem Protokoll der Werkstatt",
                "language": "de",
                "text": _md("""
                    Protokoll Werkstatt LoRaWAN in der Praxis, Rostock, 12. März 2026

                    Funkplanung: In engen Altstadtgassen reicht ein Gateway auf einem
                    Kirchturm nicht. Stadtwerke empfehlen Gateways in maximal 800 Metern
                    Abstand und eine Messfahrt vor dem Sensoreinbau.

                    Sensorlabor: Klimakammertests bei minus 15 Grad zeigen 30 bis 35
                    Prozent weniger nutzbare Batteriekapazität. Jede Erhöhung des Spreading
                    Factor von 7 auf 10 verdoppelt ungefähr den Energiebedarf je
                    Nachricht.

                    Wartungspreise im Vergleich: Batterietausch Bodensensor Rostock 120
                    Euro, Pegelsensor Lübeck 65 Euro (gut erreichbar an Brücken),
                    Füllstandssensor Wismar 18 Euro (Deckel aufschrauben).

                    Checkliste Sensorbetrieb: Batteriespannung überwachen, Ausfallalarm
                    nach 6 Stunden ohne Nachricht, Ersatzsensoren auf Lager (5 Prozent),
                    Festpreise für Tausch im Vertrag, jährliche Sichtkontrolle.

                    Verabredung: Die Geschäftsstelle prüft einen gemeinsamen Rahmenvertrag
                    für Wartung; Wismar meldet Interesse an der Parkraumlösung an.
                """),
            },
        ],
    },
    {
        "ref": "mat-hst-besucherlenkung-2025",
        "kind": "material",
        "tenant": "stralsund",
        "language": "de",
        "title": "Vortrag 2025: Besucherlenkung im Welterbe Stralsund",
        "summary": (
            "Folien von der Smarte-Hanse-Konferenz 2025 zum ersten Betriebsjahr der "
            "digitalen Besucherlenkung; durch neuere Zahlen überholt."
        ),
        "body": _md("""
            Archivierter Vortrag von Paul Niemeyer auf der Konferenz 2025 in Lübeck. Die
            Zahlen beziehen sich auf die Saison 2024; aktuelle Werte stehen in der
            Lösungsbeschreibung.
        """),
        "topics": ["tourismus-einzelhandel", "mobilitaet"],
        "tags": ["vortrag", "besucherlenkung", "welterbe", "konferenz 2025"],
        "licence": "CC-BY-4.0",
        "visibility": "network",
        "status": "archived",
        "published": "2025-10-06",
        "review_by": "2027-10-31",
        "author_role": "editor",
        "event": "sh-konferenz-2025",
        "solution": "hst-besucherlenkung",
        "speakers": ["hst-kontakt-tourismus"],
        "files": [
            {
                "filename": "besucherlenkung-welterbe-2025.pdf",
                "description": "Vortragsfolien (12 Seiten) als PDF",
                "alt_text": (
                    "Folien mit Heatmap der Besucherfrequenz in der Stralsunder Altstadt "
                    "an einem Kreuzfahrttag"
                ),
                "language": "de",
                "text": _md("""
                    Besucherlenkung im UNESCO-Welterbe Stralsund - erstes Betriebsjahr

                    Wärmebildzähler an 18 Laternenmasten zählen Passant*innen je Richtung
                    und Viertelstunde, ohne Bilder zu speichern. Die Auslastungsampel
                    zeigt grün, gelb und rot für acht Bereiche der Altstadt.

                    Saison 2024: An 23 Kreuzfahrttagen waren am Alten Markt mittags mehr
                    als 2.400 Personen pro Viertelstunde unterwegs. Die Empfehlungen für
                    Nebenquartiere wurden in der App 31.000-mal aufgerufen.

                    Nächste Schritte: Abstimmung der Anlegezeiten mit den Reedereien,
                    Ausbau der Infostelen, Anbindung der Parkplätze am Stadtrand mit
                    Shuttle-Bus.
                """),
            },
        ],
    },
    {
        "ref": "mat-hl-leistungsbeschreibung",
        "kind": "material",
        "tenant": "luebeck",
        "language": "de",
        "title": "Muster-Leistungsbeschreibung Bodenfeuchtesensoren für Stadtbäume",
        "summary": (
            "Vorlage für die Ausschreibung von Bodenfeuchtesensoren zur Baumbewässerung, "
            "mit Anforderungen an Messverfahren, Batterie und Datenformat."
        ),
        "body": _md("""
            Die Muster-Leistungsbeschreibung basiert auf der Lübecker Ausschreibung 2024
            und wurde um die Erfahrungen aus zwei Saisons ergänzt. Sie ist für die
            Nachnutzung in den Partnerstädten freigegeben.
        """),
        "topics": ["klimaschutz-stadtgruen", "daten-infrastruktur"],
        "tags": ["vorlage", "leistungsbeschreibung", "vergabe", "baumbewässerung"],
        "licence": "CC0-1.0",
        "visibility": "network",
        "status": "published",
        "published": "2025-11-03",
        "review_by": "2027-11-30",
        "author_role": "editor",
        "event": None,
        "solution": "hl-baumbewaesserung",
        "speakers": ["hl-kontakt-stadtgruen"],
        "files": [
            {
                "filename": "leistungsbeschreibung-bodenfeuchte.txt",
                "description": "Muster-Leistungsbeschreibung als bearbeitbare Textdatei",
                "alt_text": "Textdatei mit der Muster-Leistungsbeschreibung",
                "language": "de",
                "text": _md("""
                    Muster-Leistungsbeschreibung Bodenfeuchtesensoren (Stadtgrün)

                    1. Gegenstand: Lieferung von Sensoren zur Messung der Saugspannung im
                    Wurzelraum von Jungbäumen in zwei Tiefen (30 und 60 Zentimeter),
                    einschließlich Einbauanleitung und Schulung der Baumkolonnen.

                    2. Messverfahren: Saugspannung in Kilopascal, Messbereich 0 bis 200
                    kPa, Messintervall einstellbar zwischen 15 und 120 Minuten.

                    3. Energie: Batterielaufzeit mindestens vier Jahre bei stündlicher
                    Übertragung, Spreading Factor 10 und Temperaturen von minus 15 bis plus
                    40 Grad. Nachweis durch Prüfbericht eines unabhängigen Labors.

                    4. Datenübertragung: LoRaWAN Klasse A, offengelegter Payload-Decoder,
                    Betrieb im Netz des Auftraggebers, keine Pflicht zur Nutzung einer
                    Herstellercloud.

                    5. Vandalismusschutz: Funkmodul unterirdisch oder bodenbündig, kein
                    sichtbarer Sensorkopf über 5 Zentimeter.

                    6. Wartung: Festpreis je Sensortausch für eine Laufzeit von sechs
                    Jahren.
                """),
            },
        ],
    },
    {
        "ref": "mat-hwi-abfall-auswertung",
        "kind": "material",
        "tenant": "wismar",
        "language": "de",
        "title": "Auswertung Füllstandsdaten Saison 2026 (Entwurf)",
        "summary": (
            "Interner Entwurf der Auswertung der Füllstandsdaten aller smarten "
            "Abfallbehälter für die Saison 2026 mit Personalkennzahlen."
        ),
        "body": _md("""
            Entwurf für die Betriebsausschusssitzung im Januar 2027. Enthält
            Personalkennzahlen und ist daher nur intern sichtbar.
        """),
        "topics": ["klimaschutz-stadtgruen", "tourismus-einzelhandel"],
        "tags": ["auswertung", "abfall", "füllstand", "intern"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "draft",
        "review_by": "2027-01-31",
        "author_role": "editor",
        "event": None,
        "solution": "hwi-abfallbehaelter",
        "speakers": ["hwi-kontakt-abfall"],
        "files": [
            {
                "filename": "auswertung-fuellstand-2026-entwurf.txt",
                "description": "Entwurf der Auswertung als Textdatei",
                "alt_text": "Textdatei mit Kennzahlen zur Saison 2026",
                "language": "de",
                "text": _md("""
                    Auswertung Füllstandssensoren Saison 2026 (Entwurf, intern)

                    Leerungen: 21.400 statt 32.800 bei fester Tour (minus 35 Prozent).
                    Überfüllte Behälter: 17 Beschwerden, davon 11 am Hafen an
                    Veranstaltungswochenenden (Hafenfest, Schwedenfest).

                    Personal: Die Nachmittagstour in der Hochsaison wurde mit 1,5 Stellen
                    aus der Grünpflege gedeckt. Überstunden im Juli 412 Stunden, im August
                    388 Stunden. Vorschlag: befristete Saisonkraft für 2027.

                    Technik: 6 Sensoren ausgefallen, 4 davon durch Vandalismus. Drei
                    Behälter am Alten Hafen werden gegen Unterflurbehälter getauscht.
                """),
            },
        ],
    },
    {
        "ref": "mat-hro-kalkulation-wartung",
        "kind": "material",
        "tenant": "rostock",
        "language": "de",
        "title": "Kostenkalkulation Wartungsvertrag Bodensensoren 2025 (überholt)",
        "summary": (
            "Interne Kalkulation für die Nachverhandlung des Wartungsvertrags; durch die "
            "Vereinbarung vom Februar 2026 überholt."
        ),
        "body": _md("""
            Archiviert: Grundlage der Verhandlungen mit dem Hersteller im Herbst 2025.
            Die finalen Konditionen stehen in der Vertragsakte.
        """),
        "topics": ["mobilitaet"],
        "tags": ["kalkulation", "wartung", "vertrag", "intern", "batterietausch"],
        "licence": "CC-BY-4.0",
        "visibility": "internal",
        "status": "archived",
        "published": "2025-10-20",
        "review_by": "2027-02-28",
        "author_role": "admin",
        "event": None,
        "solution": "hro-parkraum-sensoren",
        "speakers": ["hro-kontakt-parkraum"],
        "files": [
            {
                "filename": "kalkulation-wartung-bodensensoren.txt",
                "description": "Kalkulation als Textdatei",
                "alt_text": "Textdatei mit Kostenpositionen",
                "language": "de",
                "text": _md("""
                    Kalkulation Wartungsvertrag Bodensensoren (Stand Oktober 2025, intern)

                    Annahme Batterielaufzeit drei Jahre: jährlich ca. 140 Sensoren zu
                    tauschen. Herstellerangebot 165 Euro je Tausch, eigenes Ziel 110 Euro,
                    Schmerzgrenze 130 Euro.

                    Argumente für die Verhandlung: zugesagte Laufzeit nicht erreicht,
                    Laborbericht des Ostsee-Instituts, Referenzprojekt für den Hersteller
                    in der Region, Option auf 120 weitere Sensoren in Wismar.

                    Ergebnis Februar 2026 (nachgetragen): 120 Euro je Tausch, Firmware-Update
                    kostenfrei, Verlängerung der Gewährleistung auf Vergussmasse um zwei
                    Jahre.
                """),
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# All entries
# ---------------------------------------------------------------------------

ENTRIES: list[dict] = [
    *_CONTACTS,
    *_SOLUTIONS_ROSTOCK,
    *_SOLUTIONS_LUEBECK,
    *_SOLUTIONS_STRALSUND,
    *_SOLUTIONS_WISMAR,
    *_SOLUTIONS_ALLIANCE,
    *_LESSONS,
    *_EVENTS,
    *_MATERIALS,
]


# ---------------------------------------------------------------------------
# Adoptions: which city took over which solution
# ---------------------------------------------------------------------------

ADOPTIONS: list[dict] = [
    {
        "tenant": "wismar",
        "solution": "hro-parkraum-sensoren",
        "status": "evaluating",
        "changes": (
            "Geprüft werden 120 Stellplätze um Marktplatz und Alten Hafen. Auf "
            "Kopfsteinpflaster sollen Überkopfsensoren an Laternen getestet werden; Betrieb "
            "als Mandant auf der Rostocker Datenplattform."
        ),
        "contact": "hwi-kontakt-mobilitaet",
        "started_on": "2026-05-04",
        "decided_on": None,
        "visibility": "public",
    },
    {
        "tenant": "stralsund",
        "solution": "hro-parkraum-sensoren",
        "status": "dropped",
        "changes": (
            "Nicht übernommen: Die Parkplätze in der Altstadt liegen fast vollständig auf "
            "historischem Kopfsteinpflaster, in das keine Bodensensoren eingebaut werden "
            "dürfen. Die Denkmalpflege hat Kernbohrungen abgelehnt."
        ),
        "contact": "hst-kontakt-digitalisierung",
        "started_on": "2025-03-10",
        "decided_on": "2025-11-17",
        "visibility": "public",
    },
    {
        "tenant": "rostock",
        "solution": "hst-beteiligungsportal",
        "status": "adapted",
        "changes": (
            "Eigenes Design nach Rostocker Corporate Design, zusätzliches Kartenmodul mit "
            "Luftbildern und Anbindung an die Urbane Datenplattform; Betrieb im eigenen "
            "Rechenzentrum statt beim Stralsunder Dienstleister."
        ),
        "contact": "hro-kontakt-datenplattform",
        "started_on": "2024-02-01",
        "decided_on": "2024-06-20",
        "visibility": "public",
    },
    {
        "tenant": "wismar",
        "solution": "hst-beteiligungsportal",
        "status": "adopted",
        "changes": (
            "Unverändert übernommen, gemeinsamer Betrieb mit Stralsund beim kommunalen "
            "IT-Dienstleister als eigener Mandant; Leitlinien für Bürgerbeteiligung in "
            "leicht angepasster Form beschlossen."
        ),
        "contact": None,
        "started_on": "2024-09-02",
        "decided_on": "2025-01-23",
        "visibility": "public",
    },
    {
        "tenant": "luebeck",
        "solution": "hst-strassenbeleuchtung",
        "status": "adapted",
        "changes": (
            "Dimmprofile übernommen, auf der Altstadtinsel wegen Denkmalschutz aber nur "
            "Austausch der Leuchtmittel in historischen Laternen ohne Bewegungssensoren; "
            "eigene Ausschreibung mit denselben offenen Steuerungsprotokollen."
        ),
        "contact": None,
        "started_on": "2025-02-12",
        "decided_on": "2025-09-04",
        "visibility": "network",
    },
    {
        "tenant": "stralsund",
        "solution": "hl-pegelsensoren-trave",
        "status": "adapted",
        "changes": (
            "Warnlogik und Software übernommen, Schwellenwerte für den Strelasund neu "
            "hergeleitet; sechs statt zwölf Sensoren, zusätzlich Anbindung an den "
            "Sturmflutwarndienst des Landes."
        ),
        "contact": "hst-kontakt-digitalisierung",
        "started_on": "2024-10-07",
        "decided_on": "2025-05-15",
        "visibility": "public",
    },
    {
        "tenant": "wismar",
        "solution": "hl-baumbewaesserung",
        "status": "adopted",
        "changes": (
            "Verfahren und Gießkarte übernommen, Sensoren nach der Lübecker "
            "Muster-Leistungsbeschreibung eigenständig beschafft; Start mit 80 Jungbäumen."
        ),
        "contact": None,
        "started_on": "2025-11-10",
        "decided_on": "2026-03-02",
        "visibility": "public",
    },
    {
        "tenant": "rostock",
        "solution": "hl-ozg-antragsstrecken",
        "status": "evaluating",
        "changes": (
            "Geprüft wird die Übernahme von Formularbausteinen und Prozessmodellen; "
            "offen ist, ob das Rostocker Rechenzentrum die Low-Code-Plattform betreiben "
            "kann."
        ),
        "contact": None,
        "started_on": "2026-06-15",
        "decided_on": None,
        "visibility": "network",
    },
    {
        "tenant": "luebeck",
        "solution": "hwi-abfallbehaelter",
        "status": "dropped",
        "changes": (
            "Nicht übernommen: Lübeck nutzt Unterflurbehälter, für die der in Wismar "
            "eingesetzte Sensortyp nicht geeignet ist. Interner Hinweis: Das Angebot eines "
            "zweiten Herstellers lag 40 % über dem Budget, Prüfung 2028 erneut."
        ),
        "contact": None,
        "started_on": "2025-06-02",
        "decided_on": "2025-10-28",
        "visibility": "internal",
    },
    {
        "tenant": "stralsund",
        "solution": "hro-datenplattform",
        "status": "adopted",
        "changes": (
            "Installation aus dem Rostocker Infrastruktur-Code übernommen, eigener "
            "Datenkatalog unter der Stralsunder Domain; Dashboards für Besucherlenkung und "
            "Pegel ergänzt und an Rostock zurückgegeben."
        ),
        "contact": "hst-kontakt-digitalisierung",
        "started_on": "2024-04-22",
        "decided_on": "2025-02-14",
        "visibility": "public",
    },
    {
        "tenant": "luebeck",
        "solution": "hro-ladesaeulen",
        "status": "evaluating",
        "changes": (
            "Test des Bedarfsmodells mit Lübecker Daten für zwei Stadtteile; Abstimmung "
            "mit dem örtlichen Netzbetreiber zur Netzanschlusskapazität läuft."
        ),
        "contact": None,
        "started_on": "2026-08-03",
        "decided_on": None,
        "visibility": "public",
    },
    {
        "tenant": "rostock",
        "solution": "hwi-digitaler-zwilling",
        "status": "evaluating",
        "changes": (
            "Geprüft wird die Nachnutzung der Visualisierungserweiterungen für "
            "Hochwasserszenarien am Stadthafen und an der Warnow."
        ),
        "contact": "hro-kontakt-datenplattform",
        "started_on": "2026-10-01",
        "decided_on": None,
        "visibility": "network",
    },
    {
        "tenant": "wismar",
        "solution": "hl-datenschutz-baukasten",
        "status": "adopted",
        "changes": (
            "Vollständig übernommen; Verweise auf das Landesdatenschutzgesetz "
            "Mecklenburg-Vorpommern angepasst."
        ),
        "contact": "hwi-kontakt-zwilling",
        "started_on": "2025-01-13",
        "decided_on": "2025-03-27",
        "visibility": "network",
    },
]
