# German dev tickets: 5 per category, mixed sectors and lengths.
TICKETS = [
    T("billing", "Rechnung Nr. 2024-11873 falsch", "Sehr geehrte Damen und Herren,",
      "auf meiner Rechnung vom 03.04.2024 steht ein Betrag von 89,90 €, vereinbart waren aber 49,90 € im Monat. "
      "[[Bitte korrigieren Sie den Rechnungsbetrag und schicken Sie mir eine neue Rechnung.]] "
      "Meine Kundennummer ist 4471190.",
      ("Mit freundlichen Grüßen",), "Petra Hoffmann"),
    T("delivery_shipping", "", "",
      "[[hallo, mein paket ist immer noch nicht da]], laut sendungsverfolgung liegt es seit 5 tagen im verteilzentrum"),
    T("account_access", "Login geht nicht", "Hallo,",
      "seit gestern komme ich nicht mehr in mein Konto. [[Beim Login kommt immer die Meldung, dass mein Passwort "
      "falsch ist, obwohl ich es gerade erst zurückgesetzt habe.]] Können Sie mir helfen?",
      ("Danke und viele Grüße",), "Jonas"),
    T("refund", "AW: Retoure 7719-223", "Guten Tag,",
      "ich habe die Jacke am 12.02. zurückgeschickt, die Retoure ist laut DHL am 15.02. bei Ihnen angekommen. "
      "[[Leider habe ich bis heute mein Geld nicht zurückbekommen.]] Bezahlt hatte ich 129,00 € per PayPal.",
      ("Viele Grüße",), "Sabine Krüger",
      "Von: Kundenservice <service@modehaus-online.de>\nGesendet: Freitag, 16. Februar 2024 09:12\n"
      "Betreff: Ihre Retoure 7719-223\n\nVielen Dank, Ihre Rücksendung ist bei uns eingegangen."),
    T("cancellation", "Kündigung meines Vertrags", "Sehr geehrte Damen und Herren,",
      "[[hiermit kündige ich meinen Mobilfunkvertrag mit der Rufnummer 0171 2345678 fristgerecht zum nächstmöglichen "
      "Zeitpunkt.]] Bitte bestätigen Sie mir die Kündigung und das Vertragsende schriftlich.",
      ("Mit freundlichen Grüßen",), "Thomas Becker\nLindenstraße 12\n50674 Köln"),
    T("technical_issue", "App stürzt ab", "",
      "[[die app stürzt jedes mal ab wenn ich auf 'überweisen' tippe]]. hab schon neu installiert, samsung s21"),
    T("product_question", "Frage zum Akku", "Hallo zusammen,",
      "ich überlege, den E-Bike-Akku PowerPack 500 zu kaufen. [[Passt der auch an mein Modell von 2019, das Trekking "
      "Comfort 3?]] Und wie lange hält der Akku ungefähr?",
      ("Danke vorab!",), "Markus"),
    T("feedback", "Lob an Ihren Techniker", "Hallo,",
      "[[ich möchte mich ausdrücklich für den Besuch von Herrn Yilmaz bedanken, er war pünktlich, freundlich und hat "
      "alles super erklärt.]] So stelle ich mir Service vor.",
      ("Beste Grüße",), "Familie Schneider"),
    T("other", "Newsletter abbestellen", "",
      "[[Bitte tragen Sie mich aus Ihrem Newsletter aus, ich bekomme jeden Tag mehrere Werbemails.]]",
      ("Danke",)),
    T("technical_issue", "WLAN bricht ständig ab", "Guten Abend,",
      "seit dem Firmware-Update der FritzBox am Wochenende habe ich massive Probleme. Das WLAN bricht alle 20 bis 30 "
      "Minuten ab, die Geräte verbinden sich danach zwar wieder, aber Videocalls werden jedes Mal unterbrochen. "
      "Am Montag habe ich bei der Hotline angerufen, dort wurde mir geraten, den Router neu zu starten. Das habe ich "
      "gemacht, am Dienstag um 14:30 dann noch einmal auf Werkseinstellungen zurückgesetzt. "
      "[[Die Verbindung fällt trotzdem immer wieder aus, sowohl im 2,4- als auch im 5-GHz-Netz.]] "
      "Ein LAN-Kabel am Laptop läuft stabil, es liegt also offenbar am WLAN. Ich arbeite im Homeoffice und bin auf "
      "eine stabile Verbindung angewiesen. Vertragsnummer: DSL-889231-K.",
      ("Ich bitte um eine schnelle Lösung.", "Mit freundlichen Grüßen"), "Dr. Anna Weber", damage="escapes"),
    T("billing", "", "",
      "[[ihr habt diesen monat zweimal abgebucht!!]] 2x 12,99 auf meinem konto, bitte prüfen"),
    T("delivery_shipping", "Lieferadresse ändern", "Hallo,",
      "ich habe gerade eine Bestellung aufgegeben (Bestellnummer 302-4459812) und gemerkt, dass noch meine alte "
      "Adresse hinterlegt war. [[Können Sie die Lieferung bitte an Gartenweg 7, 80331 München schicken?]]",
      ("Vielen Dank!",), "Lea Schmitt"),
    T("refund", "Erstattung Flug LH 1234", "Sehr geehrte Damen und Herren,",
      "mein Flug LH 1234 von Frankfurt nach Rom am 22.05.2024 wurde annulliert. Ich habe online die Erstattung "
      "beantragt (Vorgang R-55812), eine Umbuchung wollte ich nicht. [[Wann wird mir der Ticketpreis von 287,40 € "
      "zurückerstattet?]] Seit der Bestätigung sind sechs Wochen vergangen.",
      ("Mit freundlichen Grüßen",), "Klaus Neumann", damage="entities"),
    T("account_access", "", "",
      "[[bekomme keinen bestätigungscode per sms]], kann mich deshalb nicht anmelden"),
    T("cancellation", "Abo beenden", "Hi,",
      "[[wie kann ich mein Abo kündigen?]] In der App finde ich nirgends einen Button dafür, nur die Möglichkeit "
      "auf Premium upzugraden.",
      ("Gruß",), "Tim"),
    T("product_question", "Verfügbarkeit", "Guten Tag,",
      "[[ist der Kühlschrank KG 39 in Edelstahl wieder lieferbar?]] Auf der Website steht seit Wochen 'derzeit nicht "
      "verfügbar'.",
      ("Freundliche Grüße",), "H. Wagner"),
    T("feedback", "Enttäuscht", "Hallo,",
      "ich bin seit zehn Jahren Kunde bei Ihnen, aber was ich in den letzten Wochen erlebt habe, ist einfach "
      "enttäuschend. Drei Mal wurde mir ein Rückruf versprochen, keiner kam. In der Filiale wurde ich unfreundlich "
      "abgewimmelt. [[Ich möchte mich hiermit offiziell über den Umgang mit Kunden beschweren.]] Ich erwarte keine "
      "Entschädigung, aber dass das jemand liest.",
      ("Gruß",), "Martina Roth"),
    T("other", "Kooperationsanfrage", "Sehr geehrtes Team,",
      "wir sind ein Start-up aus Leipzig und entwickeln nachhaltige Verpackungen. [[Wir würden gerne über eine "
      "mögliche Zusammenarbeit sprechen.]] Wer ist bei Ihnen der richtige Ansprechpartner dafür?",
      ("Über eine Rückmeldung freue ich mich.", "Beste Grüße"),
      "Julia Meier\nGeschäftsführerin, GreenBox GmbH\nTel. +49 341 1234567"),
    T("billing", "Zahlungsart ändern", "Hallo,",
      "[[ich möchte meine Zahlungsmethode von Kreditkarte auf Lastschrift umstellen.]] Meine IBAN ist "
      "DE89 3704 0044 0532 0130 00. Geht das ab dem nächsten Monat?",
      ("Danke!",), "Stefan Braun"),
    T("technical_issue", "", "Hallo,",
      "[[der Drucker druckt nur noch leere Seiten]], obwohl die Patronen neu sind. Reinigung habe ich schon gemacht.",
      ("LG",), "Gerd\nVon meinem iPhone gesendet"),
    T("delivery_shipping", "Ware beschädigt angekommen", "Guten Tag,",
      "heute wurde meine Bestellung 118-99231 geliefert. Der Karton war schon außen eingedrückt. "
      "[[Beim Auspacken habe ich gesehen, dass die Glasplatte des Couchtischs gesprungen ist.]] Fotos habe ich "
      "gemacht. Wie geht es jetzt weiter?",
      ("Mit freundlichen Grüßen",), "Ayşe Demir", damage="br"),
    T("account_access", "Account gesperrt", "Hallo Support,",
      "ich habe mich wohl zu oft vertippt. [[Jetzt ist mein Account gesperrt und ich komme nicht mehr rein.]] "
      "Benutzername: k.fischer88. Bitte entsperren.",
      ("Danke",), "Katrin Fischer"),
    T("refund", "", "",
      "[[will mein geld zurück]], das produkt funktioniert nicht und ich hab es schon zurückgeschickt"),
    T("cancellation", "Stornierung Bestellung 4410023", "Guten Morgen,",
      "ich habe gestern Abend versehentlich zwei Mal dieselbe Bestellung aufgegeben. [[Bitte stornieren Sie die "
      "Bestellung 4410023, die andere (4410022) soll bleiben.]]",
      ("Vielen Dank und schöne Grüße",), "Frank Lehmann"),
    T("product_question", "", "",
      "[[gibt es die Hose auch in Größe 52 und in dunkelblau?]]"),
    T("feedback", "Verbesserungsvorschlag", "Hallo liebes Team,",
      "ich nutze eure App täglich und bin sehr zufrieden. [[Ein Vorschlag: Es wäre toll, wenn man die Einkaufsliste "
      "mit anderen teilen könnte.]] Weiter so!",
      (), "Lisa"),
    T("other", "", "",
      "[[wie kann ich mit einem echten Mitarbeiter sprechen? ich will keinen chatbot]]"),
    T("billing", "Mahnung trotz Zahlung", "Sehr geehrte Damen und Herren,",
      "heute habe ich eine Mahnung über 156,80 € zuzüglich 5,00 € Mahngebühr erhalten. Die Rechnung vom 01.03.2024 "
      "habe ich aber bereits am 08.03.2024 per Überweisung beglichen, der Kontoauszug liegt bei. "
      "Ich habe am Montag bei Ihrer Hotline angerufen, die Mitarbeiterin konnte die Zahlung nicht finden und hat "
      "mich gebeten, eine E-Mail zu schreiben. Am Mittwoch habe ich nochmals angerufen, ohne Ergebnis. "
      "Verwendungszweck war die Rechnungsnummer RE-2024-03-5512, Empfänger-IBAN DE44 5001 0517 5407 3249 31. "
      "[[Bitte ordnen Sie meine Zahlung zu und stornieren Sie die Mahngebühr.]] Ich bitte außerdem um eine kurze "
      "schriftliche Bestätigung, dass der Vorgang erledigt ist.",
      ("Mit freundlichen Grüßen",), "Werner Zimmermann\nKundennummer 77-30912"),
    T("technical_issue", "Update Fehler", "Hallo,",
      "[[nach dem letzten Update startet mein Laptop nicht mehr richtig, er bleibt beim Logo hängen.]] Es ist ein "
      "ProBook 450, knapp ein Jahr alt.",
      ("Grüße",), "Oliver"),
    T("delivery_shipping", "Falscher Artikel", "Hallo,",
      "[[im Paket war statt des bestellten Wasserkochers ein Toaster.]] Bestellnummer 55023-81. Wie bekomme ich den "
      "richtigen Artikel?",
      ("Danke",), "Nicole"),
    T("account_access", "E-Mail-Adresse im Kundenkonto ändern", "Guten Tag,",
      "[[ich möchte die E-Mail-Adresse in meinem Kundenkonto ändern, finde aber die Einstellung nicht.]] Neue "
      "Adresse: m.koch@web.de.",
      ("Viele Grüße",), "Michael Koch"),
    T("cancellation", "Kündigung Fitnessstudio", "Hallo,",
      "ich ziehe Ende Juni nach Hamburg. [[Ich möchte meine Mitgliedschaft deshalb zum 30.06.2024 beenden.]] "
      "Laut Vertrag habe ich ein Sonderkündigungsrecht bei Umzug, eine Meldebescheinigung schicke ich gern nach. "
      "Ich war übrigens immer zufrieden mit dem Studio. Mitgliedsnummer 10233.",
      ("Sportliche Grüße",), "Jana Wolf"),
    T("refund", "Gutschrift fehlt", "Sehr geehrtes Service-Team,",
      "im Januar haben Sie mir schriftlich zugesagt, dass ich für den zweiwöchigen Internetausfall eine Gutschrift "
      "über 30,00 € bekomme. [[Auf den letzten beiden Rechnungen ist davon nichts zu sehen, ich bitte um die "
      "versprochene Rückzahlung.]]",
      ("Mit freundlichen Grüßen",), "Ute Schulz",
      "Am 18.01.2024 um 11:20 schrieb Kundenservice <kundenservice@netzfunk.de>:\n> Wir schreiben Ihnen 30,00 EUR gut."),
    T("product_question", "Garantie", "Hallo,",
      "[[Wie lange habe ich Garantie auf die Kaffeemaschine und gilt die auch für das Mahlwerk?]] Gekauft im "
      "Dezember bei Ihnen im Shop.",
      ("Danke",), "Rolf"),
    T("feedback", "", "",
      "[[super schnelle lieferung und top verpackt, danke!]]"),
    T("other", "Bewerbung als Werkstudent", "Sehr geehrte Damen und Herren,",
      "[[hiermit bewerbe ich mich um die ausgeschriebene Stelle als Werkstudent im Kundenservice.]] Ich studiere "
      "BWL im 4. Semester an der Universität Mannheim. Meinen Lebenslauf finden Sie im Anhang.",
      ("Mit freundlichen Grüßen",), "Paul Richter"),
    T("billing", "Rabattcode", "Hallo,",
      "[[der Gutscheincode SOMMER15 wurde bei meiner Bestellung nicht abgezogen]], ich habe den vollen Preis von "
      "79,00 € bezahlt. Könnt ihr mir die Differenz gutschreiben?",
      ("Danke euch",), "Mia", damage="entities"),
    T("technical_issue", "Fehlermeldung beim Hochladen", "Guten Tag,",
      "wir nutzen Ihre Software seit drei Jahren im Büro. Seit Dienstag können wir keine Dokumente mehr hochladen. "
      "[[Es erscheint immer die Fehlermeldung 'Upload fehlgeschlagen (Code 503)'.]] Das betrifft alle fünf "
      "Arbeitsplätze, egal ob Chrome oder Edge. Cache löschen hat nichts gebracht. Unsere Lizenz läuft noch bis "
      "Dezember. Bitte melden Sie sich zeitnah, wir haben Fristen einzuhalten.",
      ("Mit freundlichen Grüßen",), "Sandra Peters\nSteuerkanzlei Peters & Partner\n0221 9876543"),
    T("delivery_shipping", "", "Hallo,",
      "[[wann wird meine Bestellung endlich verschickt?]] Seit einer Woche steht da 'in Bearbeitung'.",
      ("Gruß",), "Ben"),
    T("account_access", "Zwei-Faktor-Authentifizierung", "Hallo,",
      "ich habe ein neues Handy und die Authenticator-App ist weg. [[Ich kann mich jetzt nicht mehr einloggen, weil "
      "der Code für die Zwei-Faktor-Authentifizierung fehlt.]] Wie kann ich das zurücksetzen?",
      ("Danke für Ihre Hilfe",), "Dennis Hartmann"),
    T("cancellation", "", "",
      "[[Bitte die automatische Verlängerung meines Abos ausschalten]], ich will nach dem Jahr nicht weiter zahlen"),
    T("refund", "Rücksendung und Geld zurück", "Hallo,",
      "[[ich möchte die Schuhe zurückgeben und den Kaufpreis erstattet bekommen]], sie sind leider zu klein. "
      "Brauche ich ein Retourenlabel?",
      ("Liebe Grüße",), "Sophie"),
    T("product_question", "Frage zum Tarif", "Guten Tag,",
      "[[ist beim Tarif 'Mobil L' EU-Roaming inklusive und wie viel Datenvolumen habe ich im Ausland?]]",
      ("Danke",), "", "", "br"),
    T("feedback", "Beschwerde über Lieferdienst", "Sehr geehrte Damen und Herren,",
      "der Fahrer hat das Paket einfach vor die Tür geworfen, ohne zu klingeln, obwohl ich zu Hause war. Es ist "
      "zum Glück nichts kaputt gegangen. [[Ich finde dieses Verhalten respektlos und möchte, dass Sie das an Ihren "
      "Lieferdienst weitergeben.]]",
      ("Mit freundlichen Grüßen",), "Günther Vogel"),
    T("other", "Öffnungszeiten", "",
      "[[Hallo, wie sind eure Öffnungszeiten an Feiertagen?]] Habt ihr am Ostermontag offen?"),
]
