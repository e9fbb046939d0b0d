# Polish dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("refund", "Zwrot pieniędzy", "Dzień dobry,",
      "odesłałam kurtkę 12.03.2024, a sklep potwierdził odbiór paczki. [[Do dziś nie otrzymałam zwrotu 249,99 zł "
      "na konto.]] Proszę o sprawdzenie.",
      ("Pozdrawiam,",), "Katarzyna Nowak"),
    T("account_access", "", "",
      "[[nie mogę się zalogować do aplikacji]], wyskakuje błąd że hasło jest nieprawidłowe"),
    T("delivery_shipping", "Przesyłka", "Witam,",
      "[[Moje zamówienie nr 55123 miało przyjść we wtorek, ale kurier jeszcze go nie dostarczył.]]",
      ("Dziękuję,",), "Piotr Wiśniewski"),
]
