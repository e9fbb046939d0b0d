# Czech dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("billing", "Faktura", "Dobrý den,",
      "[[na faktuře za březen je částka 1 299 Kč, ale můj tarif stojí 699 Kč měsíčně.]] Prosím o opravu.",
      ("S pozdravem,",), "Jan Novák"),
    T("account_access", "", "",
      "[[nemůžu se přihlásit ke svému účtu]], pořád mi to píše špatné heslo"),
]
