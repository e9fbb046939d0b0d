# Russian dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("delivery_shipping", "Где мой заказ?", "Здравствуйте!",
      "[[Мой заказ № 44512 должен был прийти в пятницу, но до сих пор не доставлен.]] Трекинг не обновляется.",
      ("Спасибо,",), "Ольга Иванова"),
    T("cancellation", "", "",
      "[[хочу отменить подписку]], больше не пользуюсь сервисом"),
]
