# Turkish dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("delivery_shipping", "Siparişim gelmedi", "Merhaba,",
      "[[Siparişim 10 gündür kargoda görünüyor ama hâlâ elime ulaşmadı.]] Sipariş numaram 7781223.",
      ("Teşekkürler,",), "Ayşe Yılmaz"),
    T("refund", "", "",
      "[[iade ettiğim ürünün parası hala hesabıma yatmadı]], ne zaman yatacak?"),
]
