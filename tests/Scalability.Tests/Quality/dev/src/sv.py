# Swedish dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("billing", "Fel på fakturan", "Hej,",
      "[[På min senaste faktura står det 599 kr men mitt abonnemang kostar 299 kr i månaden.]] Kan ni kontrollera "
      "det?",
      ("Med vänliga hälsningar,",), "Erik Lindqvist"),
    T("cancellation", "", "",
      "[[jag vill säga upp mitt abonnemang från och med nästa månad]], tack"),
    T("technical_issue", "Appen kraschar", "Hej!",
      "[[Appen stängs ner varje gång jag försöker logga in med BankID.]] Jag har en iPhone 13.",
      ("Tack på förhand,",), "Anna"),
]
