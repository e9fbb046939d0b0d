# Japanese dev tickets: an unsupported language, to be named and given "other" with a low confidence.
TICKETS = [
    T("refund", "返金について", "お世話になっております。",
      "先週注文した商品を返品しました。[[まだ返金されていないので、確認していただけますか。]]",
      ("よろしくお願いいたします。",), "田中"),
    T("technical_issue", "", "",
      "[[アプリが起動しません]]。再インストールしても同じです。"),
]
