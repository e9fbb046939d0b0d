# Dutch dev tickets (Netherlands and Flanders): 5 per category, mixed sectors and lengths.
TICKETS = [
    T("billing", "Factuur klopt niet", "Beste klantenservice,",
      "[[Op mijn factuur van maart staat een bedrag van € 78,50, terwijl mijn abonnement € 39,50 per maand is.]] "
      "Kunt u dit controleren en aanpassen? Klantnummer 8812334.",
      ("Met vriendelijke groet,",), "Jeroen de Vries"),
    T("delivery_shipping", "", "",
      "[[mijn pakket is nog steeds niet bezorgd]], track en trace staat al 4 dagen op 'onderweg'"),
    T("account_access", "Inloggen lukt niet", "Hallo,",
      "[[Ik kan niet meer inloggen in de app, ik krijg steeds de melding dat mijn wachtwoord onjuist is.]] Ik heb "
      "het al twee keer opnieuw ingesteld.",
      ("Groetjes,",), "Sanne"),
    T("refund", "Geld terug retour", "Goedemiddag,",
      "Ik heb de jas op 04-03-2024 teruggestuurd en volgens PostNL is het pakket op 06-03 bij jullie aangekomen. "
      "[[Ik heb mijn geld nog steeds niet teruggekregen.]] Bestelnummer 2299-881.",
      ("Met vriendelijke groet,",), "Lotte Jansen"),
    T("cancellation", "Opzeggen abonnement", "Geachte heer/mevrouw,",
      "[[Hierbij zeg ik mijn abonnement op de sportschool op per 1 juli.]] Graag ontvang ik een schriftelijke "
      "bevestiging.",
      ("Met vriendelijke groet,",), "Mark Bakker\nLidnummer 44120"),
    T("technical_issue", "", "",
      "[[de app crasht elke keer als ik een foto wil uploaden]], iphone 12"),
    T("product_question", "Vraag over de wasmachine", "Hallo,",
      "[[Past de wasmachine WM 800 ook onder een aanrecht van 85 cm hoog?]] En hoeveel lawaai maakt hij bij "
      "het centrifugeren?",
      ("Alvast bedankt!",), "Pieter"),
    T("feedback", "Compliment", "Hoi,",
      "[[Ik wil graag een compliment geven aan de monteur die vandaag langs kwam, super vriendelijk en snel.]]",
      ("Groet,",), "Familie Visser"),
    T("other", "", "",
      "[[graag afmelden voor de nieuwsbrief]], ik krijg elke dag reclame"),
    T("technical_issue", "Internetstoring", "Beste,",
      "Sinds het weekend valt mijn internetverbinding steeds weg. Het lampje op het modem knippert oranje en na een "
      "paar minuten werkt het weer, om dan een half uur later weer uit te vallen. Ik heb maandag om 19:00 gebeld, "
      "toen moest ik het modem resetten. Dinsdag heb ik een nieuwe kabel geprobeerd. Woensdag zei een medewerker "
      "dat er geen storing in de wijk is. [[Mijn internet valt nog steeds meerdere keren per dag uit en ik kan zo "
      "niet thuiswerken.]] Kunnen jullie een monteur sturen? Mijn klantnummer is 1-2233445 en ik ben overdag "
      "bereikbaar op 06-12345678.",
      ("Alvast bedankt,", "Met vriendelijke groet,"), "Ahmed el Amrani", damage="escapes"),
    T("billing", "", "",
      "[[jullie hebben twee keer € 14,99 afgeschreven deze maand]], graag terugboeken of uitleggen"),
    T("delivery_shipping", "Afleveradres wijzigen", "Hallo,",
      "[[Kan ik het afleveradres van bestelling 55-7712 nog wijzigen?]] Ik ben verhuisd naar Kerkstraat 12, "
      "3511 AB Utrecht.",
      ("Bedankt!",), "Eva"),
    T("refund", "Terugbetaling vlucht", "Geachte heer/mevrouw,",
      "Mijn vlucht KL1234 van Amsterdam naar Lissabon op 12-05-2024 is geannuleerd. Ik heb gekozen voor "
      "terugbetaling en niet voor een voucher (dossier RF-88123). [[Na vijf weken heb ik de € 312,00 nog steeds "
      "niet terugontvangen.]]",
      ("Met vriendelijke groet,",), "Wim Peeters", damage="entities"),
    T("account_access", "", "",
      "[[ik krijg geen verificatiecode via sms]] dus ik kan niet inloggen"),
    T("cancellation", "Bestelling annuleren", "Hoi,",
      "[[Ik wil mijn bestelling van vanochtend annuleren]], ik heb per ongeluk de verkeerde maat besteld.",
      ("Groetjes",), "Fleur"),
    T("product_question", "Op voorraad?", "Goedendag,",
      "[[Is de bank Oslo in het grijs weer op voorraad?]] Op de site staat al weken 'uitverkocht'.",
      ("Met vriendelijke groet,",), "Els Maes"),
    T("feedback", "Klacht over de service", "Beste,",
      "Ik ben al tien jaar klant maar zo slecht ben ik nog nooit geholpen. Drie keer werd ik teruggebeld beloofd, "
      "niemand belde. [[Ik wil hierbij een klacht indienen over de manier waarop ik behandeld ben.]]",
      ("Groet,",), "Henk Smit"),
    T("other", "Samenwerking", "Beste team,",
      "[[Wij zijn een lokale voetbalclub uit Eindhoven en zoeken een sponsor voor onze nieuwe shirts.]] Hebben jullie "
      "interesse?",
      ("Sportieve groet,",), "Bas Willems\nVoorzitter VV De Kempen\n040-1234567"),
    T("billing", "Betaalmethode wijzigen", "Hallo,",
      "[[Ik wil graag mijn betaalmethode wijzigen van creditcard naar automatische incasso.]] Mijn IBAN is "
      "NL91 ABNA 0417 1643 00.",
      ("Bedankt,",), "Koen Mertens"),
    T("technical_issue", "Printer geeft foutmelding", "Hallo,",
      "[[De printer geeft steeds foutmelding E-04 en print niets meer.]] De cartridges zijn nieuw.",
      ("Groeten",), "Tom\nVerzonden vanaf mijn iPhone", damage="br"),
    T("delivery_shipping", "Beschadigd pakket", "Beste,",
      "[[Het pakket kwam vandaag aan met een kapotte doos en de lamp erin is gebroken.]] Ik heb foto's gemaakt.",
      ("Groet,",), "Nina"),
    T("account_access", "Account geblokkeerd", "Hallo,",
      "[[Mijn account is geblokkeerd na te veel inlogpogingen.]] Kunnen jullie het deblokkeren? Gebruikersnaam: "
      "jdejong.",
      ("Bedankt",), "Jan de Jong"),
    T("refund", "", "",
      "[[wanneer krijg ik mijn geld terug?]] heb de schoenen 3 weken geleden geretourneerd"),
    T("cancellation", "Opzegging contract", "Geachte heer/mevrouw,",
      "Hierbij wil ik mijn energiecontract met klantnummer EN-55012 beëindigen per 31-07-2024 in verband met een "
      "verhuizing naar het buitenland. De eindstand van de meter geef ik door op de dag van de verhuizing. "
      "[[Graag ontvang ik een bevestiging van de opzegging en de einddatum.]]",
      ("Met vriendelijke groet,",), "Marieke van den Berg\nLaan van Meerdervoort 88\n2517 AN Den Haag"),
    T("product_question", "", "",
      "[[hebben jullie deze sneakers ook in maat 43?]]"),
    T("feedback", "Suggestie", "Hoi,",
      "[[Een suggestie: het zou fijn zijn als ik mijn bestelling kan volgen via WhatsApp.]] Verder top!",
      (), "Lisa"),
    T("other", "", "",
      "[[wat zijn jullie openingstijden op zondag?]]"),
    T("billing", "Onbekende afschrijving", "Beste,",
      "Op mijn bankafschrift zie ik een afschrijving van € 29,95 met jullie naam, maar ik heb niets besteld. Ik heb "
      "maandag om 10:15 gebeld en dinsdag een mail gestuurd via het contactformulier, maar nog geen reactie "
      "gehad. Op vrijdag zag ik nog een tweede afschrijving van hetzelfde bedrag. "
      "[[Ik wil weten waarvoor deze bedragen in rekening zijn gebracht.]] Als het om een fout gaat, verwacht ik "
      "dat het bedrag wordt gecorrigeerd. Mijn klantnummer is 8810-552.",
      ("Met vriendelijke groet,",), "Dirk Hendriks"),
    T("technical_issue", "", "Hallo,",
      "[[Mijn laptop start niet meer op na de laatste update]], hij blijft hangen op het logo.",
      ("Groet",), "Ruben"),
    T("delivery_shipping", "", "",
      "[[waar blijft mijn bestelling?]] is al een week geleden"),
    T("account_access", "E-mailadres wijzigen", "Goedemorgen,",
      "[[Ik wil het e-mailadres van mijn account wijzigen]], maar ik kan de instelling niet vinden.",
      ("Met vriendelijke groet,",), "Sophie Claes"),
    T("cancellation", "Automatische verlenging", "Hallo,",
      "[[Zet alsjeblieft de automatische verlenging van mijn abonnement uit]], ik wil na dit jaar stoppen.",
      ("Bedankt",), "Thijs"),
    T("refund", "Terugbetaling", "Beste,",
      "De blender deed het na twee dagen al niet meer. [[Ik wil geen nieuwe, maar graag mijn geld terug.]]",
      ("Groet,",), "Anouk"),
    T("product_question", "Garantie", "Hallo,",
      "[[Hoe lang is de garantie op de koffiemachine en geldt die ook voor de molen?]]",
      ("Dank u wel",), "", "", "br"),
    T("feedback", "", "",
      "[[super snelle levering en netjes verpakt, bedankt!]]"),
    T("other", "Sollicitatie", "Geachte heer/mevrouw,",
      "[[Hierbij solliciteer ik naar de functie van klantenservicemedewerker.]] Mijn cv vindt u in de bijlage.",
      ("Met vriendelijke groet,",), "Yara Dekker"),
    T("billing", "", "Hoi,",
      "[[De kortingscode WELKOM10 is niet verrekend]], ik heb de volle prijs betaald.",
      ("Groetjes",), "Noah"),
    T("technical_issue", "Probleem met de software", "Geachte support,",
      "Wij gebruiken uw boekhoudsoftware al drie jaar op kantoor. Sinds de update naar versie 6.2 van donderdag "
      "kunnen twee van de vier collega's het programma niet meer openen. [[Er verschijnt de melding 'Fout 1042: "
      "database niet bereikbaar' en daarna sluit het programma af.]] We hebben de server al opnieuw opgestart. "
      "Graag zo snel mogelijk contact, want wij zitten midden in de jaarafsluiting.",
      ("Met vriendelijke groet,",), "Erik Vermeulen\nVermeulen Administratie\n010-7654321",
      "Op do 11 apr 2024 om 16:20 schreef Support <support@boekhoudpro.nl>:\n> Versie 6.2 is nu beschikbaar."),
    T("delivery_shipping", "Artikel ontbreekt", "Hallo,",
      "[[In het pakket ontbrak de oplader]], terwijl die wel op de pakbon staat.",
      ("Groet,",), "Daan", damage="entities"),
    T("account_access", "", "",
      "[[wachtwoord vergeten en de resetmail komt niet aan]]"),
    T("cancellation", "Reservering annuleren", "Goedenavond,",
      "[[Ik moet mijn hotelreservering voor 15 augustus annuleren]], reserveringsnummer 77123. Zijn daar kosten "
      "aan verbonden?",
      ("Met vriendelijke groet,",), "Laura Wouters"),
    T("refund", "Dubbel betaald", "Hallo,",
      "Door een storing op jullie site heb ik dezelfde bestelling twee keer betaald, maar maar één pakket "
      "ontvangen. [[Graag de tweede betaling terugstorten.]]",
      ("Bedankt",), "Joost"),
    T("product_question", "Compatibel?", "Hoi,",
      "[[Is dit hoesje geschikt voor de Samsung Galaxy S23?]]",
      ("Bedankt",), "Milan"),
    T("feedback", "Bezorger", "Hallo,",
      "[[De bezorger was erg onbeleefd en gooide het pakket over het hek.]] Dat kan echt niet.",
      ("Groet,",), "Ingrid"),
    T("other", "Iemand spreken", "",
      "[[hoe kan ik iemand aan de telefoon krijgen?]] ik vind nergens een nummer"),
]
