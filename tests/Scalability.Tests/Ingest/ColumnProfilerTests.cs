using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;

namespace Scalability.Tests.Ingest;

/// <summary>What the profiler finds in columns of each kind, by its exact answer.</summary>
public sealed class ColumnProfilerTests
{
    private static ColumnProfile Profile(params string[] values) => ColumnProfiler.Profile(0, "c", values);

    private static string[] Twice(params string[] values) => [.. values, .. values];

    public static TheoryData<string, string[], ColumnKind, string> Columns => new()
    {
        { "integer ids", ["1", "2", "3", "4", "5", "6", "7", "8"], ColumnKind.Id, "unique short values" },
        { "coded ids", ["TCK-00017", "TCK-00018", "TCK-00021", "TCK-00022", "TCK-00030"], ColumnKind.Id, "unique short values" },
        {
            "GUIDs",
            ["0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
             "6fa459ea-ee8a-3ca4-894e-db77e160355e", "886313e1-3b8a-5372-9b90-0c9aee199e5d"],
            ColumnKind.Id, "unique short values"
        },
        { "ISO dates", ["2021-03-22", "2021-05-22", "2020-07-14", "2020-11-13", "2020-02-04"], ColumnKind.DateTime, "dates" },
        { "European dates", ["22/03/2021", "05.11.2020", "14.07.2020", "31/12/2020", "01/02/2021"], ColumnKind.DateTime, "dates" },
        { "dates with month names", ["Mar 22, 2021", "March 5, 2020", "22 Mar 2021", "14-Jul-2020", "12/31/2020"], ColumnKind.DateTime, "dates" },
        {
            "dates and times",
            ["2023-06-01 12:15:36", "2023-06-01T16:45:38Z", "2023-06-01T11:14:38.120+02:00", "Thu, 01 Jun 2023 07:29:40 +0000", "06/01/2023 3:45 PM"],
            ColumnKind.DateTime, "dates and times"
        },
        { "times", ["12:15", "09:30:05", "3:45 PM", "23:59", "7:05 am"], ColumnKind.DateTime, "times" },
        { "numbers", ["42", "-3.5", "1,234.50", "1.234,50", "12 %", "7"], ColumnKind.Number, "numbers" },
        { "ages, which repeat", ["32", "42", "48", "27", "67", "32"], ColumnKind.Number, "numbers" },
        { "amounts", ["$12.50", "€3.00", "12,50 €", "USD 100", "-£3.20", "¥1200"], ColumnKind.Amount, "amounts" },
        {
            "e-mail addresses",
            ["carrollallison@example.com", "clarkeashley@example.com", "Ana Lima <ana.lima@example.org>", "bradleyolson@example.org", "k.ito@example.jp"],
            ColumnKind.Email, "e-mail addresses"
        },
        { "URLs", ["https://example.com/a", "http://shop.example.org/orders/17?x=1", "www.example.net/help"], ColumnKind.Url, "URLs" },
        { "phone numbers", ["+49 30 1234567", "(555) 123-4567", "555.123.4567", "+1 555 010 9999", "020 7946 0958"], ColumnKind.Phone, "phone numbers" },
        {
            "person names",
            ["Marisa Obrien", "Jessica Rios", "Jean-Luc Picard", "Maria da Silva", "O'Brien, Mary", "Ludwig van Beethoven"],
            ColumnKind.PersonName, "person names"
        },
        { "a status", ["Open", "Closed", "Pending Customer Response", "Closed", "Open", "Closed"], ColumnKind.Label, "labels: 3 distinct values" },
        {
            "intents, more than a handful but each a code",
            Twice("cancel_order", "change_order", "track_order", "get_refund", "check_invoice", "delivery_period", "payment_issue",
                "contact_human_agent", "edit_account", "recover_password", "newsletter_subscription", "place_order"),
            ColumnKind.Label, "labels: 12 distinct values"
        },
        {
            "product names, which repeat and capitalise every word",
            Twice("LG Smart TV", "Dell XPS", "GoPro Hero", "Microsoft Office", "Nintendo Switch", "Sony PlayStation", "Canon EOS",
                "Fitbit Charge", "Apple AirPods", "Google Pixel", "Amazon Echo", "Philips Hue Lights"),
            ColumnKind.Label, "labels: 12 distinct values"
        },
        {
            "subjects chosen from a list (as in the Kaggle tickets)",
            Twice("Product setup", "Peripheral compatibility", "Network problem", "Account access", "Data loss", "Payment issue",
                "Refund request", "Software bug", "Battery life", "Installation support", "Delivery problem", "Product compatibility",
                "Hardware issue", "Product recommendation", "Display issue", "Cancellation request"),
            ColumnKind.ShortText, "short phrases: 2 words a value on average, 16 distinct values"
        },
        {
            "subjects people wrote",
            ["Can't log in after the update", "Refund for order 1182", "Parcel arrived damaged", "Invoice shows the wrong address",
             "App crashes on start", "Change my delivery date"],
            ColumnKind.ShortText, "short phrases: 4.3 words a value on average, 6 distinct values"
        },
        {
            "customer messages in English",
            ["I ordered a blender two weeks ago and it still has not arrived. Can you tell me where my parcel is?",
             "My card was charged twice for the same order. I would like one of the payments refunded.",
             "The app logs me out every time I open it since yesterday's update. I have already reinstalled it.",
             "I want to change the delivery address of my order to my office, please.",
             "Hello, the headphones I received are broken on the left side. How do I return them?",
             "I cannot find the invoice for my last purchase in my account. Could you send it to me?"],
            ColumnKind.FreeText, "free text: 17 words a value on average, 100% distinct; in the first person in 100% of values"
        },
        {
            "customer messages in German",
            ["Ich habe vor zwei Wochen bestellt und mein Paket ist immer noch nicht da.",
             "Meine Karte wurde zweimal belastet. Ich möchte eine Zahlung zurück.",
             "Seit dem Update meldet mich die App ständig ab, obwohl ich sie neu installiert habe.",
             "Bitte ändern Sie die Lieferadresse meiner Bestellung, ich bin umgezogen.",
             "Der Kopfhörer, den ich bekommen habe, ist links kaputt. Wie kann ich ihn zurückschicken?",
             "Ich finde die Rechnung für meinen letzten Einkauf nicht in meinem Konto."],
            ColumnKind.FreeText, "free text: 13 words a value on average, 100% distinct; in the first person in 100% of values"
        },
        {
            "customer messages in French",
            ["J'ai commandé un mixeur il y a deux semaines et mon colis n'est toujours pas arrivé.",
             "Ma carte a été débitée deux fois pour la même commande, je voudrais un remboursement.",
             "Depuis la mise à jour, l'application me déconnecte à chaque ouverture.",
             "Je souhaite changer l'adresse de livraison de ma commande.",
             "Le casque que j'ai reçu ne fonctionne pas du côté gauche. Comment le renvoyer ?",
             "Je ne trouve pas la facture de mon dernier achat dans mon compte."],
            ColumnKind.FreeText, "free text: 13 words a value on average, 100% distinct; in the first person in 100% of values"
        },
        {
            "customer messages in Japanese, written without spaces",
            ["二週間前に注文した商品がまだ届いていません。配送状況を教えてください。",
             "同じ注文で二回請求されました。一回分を返金してほしいです。",
             "昨日のアップデート以降、アプリを開くたびにログアウトされます。",
             "注文の配送先住所を会社に変更したいです。",
             "届いたヘッドホンの左側が壊れています。返品方法を教えてください。"],
            ColumnKind.FreeText, "free text: 14 words a value on average, 100% distinct"
        },
        {
            "agents' replies",
            ["Thank you for reaching out. You can track your parcel from the Orders page of your account.",
             "We are sorry you were charged twice. Your refund is on its way and you will see it within 5 days.",
             "Please update the app to the latest version; your settings are kept when you reinstall it.",
             "You can change your delivery address until the order ships. Go to your orders and choose Edit.",
             "Thanks for letting us know. You will receive a return label by e-mail within the hour."],
            ColumnKind.FreeText, "free text: 17 words a value on average, 100% distinct; addressed to the reader in 100% of values"
        },
        {
            "a column filled in 4 records of 10",
            ["Case maybe show recently my computer follow.", "", "", "Try capital clearly never color toward story.", "", " ",
             "West decision evidence bit.", "", "Ready goal sure decade.", ""],
            ColumnKind.MostlyEmpty, "mostly empty: 40% filled"
        },
        { "an empty column", ["", " ", "", "", ""], ColumnKind.Empty, "empty" },
        { "single words that seldom repeat", ["Berlin", "Paris", "Lisbon", "Berlin", "Madrid", "Rome", "Vienna"], ColumnKind.Other, "short values: 1 word a value on average" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Classifies_a_column_by_its_values(string what, string[] values, ColumnKind kind, string description)
    {
        var profile = Profile(values);

        Assert.True((kind, description) == (profile.Kind, profile.Description), $"{what}: {profile.Kind}, \"{profile.Description}\"");
    }

    [Fact]
    public void A_stray_value_does_not_change_a_columns_kind()
    {
        string[] dates = ["2021-03-22", "2021-05-22", "2020-07-14", "2020-11-13", "2020-02-04", "2021-01-09", "2021-01-10", "2021-01-11", "2021-01-12"];

        Assert.Equal(ColumnKind.DateTime, Profile([.. dates, "n/a"]).Kind);
        Assert.NotEqual(ColumnKind.DateTime, Profile([.. dates[..8], "n/a", "unknown"]).Kind);
    }

    [Fact]
    public void Values_unique_in_a_handful_of_records_are_no_ids()
    {
        Assert.Equal(ColumnKind.Id, Profile("A1", "B2", "C3", "D4", "E5").Kind);
        Assert.Equal(ColumnKind.Other, Profile("A1", "B2", "C3", "D4").Kind);
        // A blank in one record: ids are in every record.
        Assert.Equal(ColumnKind.Other, Profile("A1", "B2", "C3", "D4", "E5", "").Kind);
    }

    [Fact]
    public void A_profile_keeps_its_evidence()
    {
        var profile = ColumnProfiler.Profile(3, "notes", ["Great service, thank you all so much!", "Great service, thank you all so much!", "", "It works again now, nothing else to do here."]);

        Assert.Equal((3, "notes", 4, 3, 2), (profile.Index, profile.Name, profile.Records, profile.Filled, profile.Distinct));
        Assert.Equal(7.7, profile.AverageWords, 1);
        Assert.True(profile.OneLine);
        // Two different texts among three: varied, and long enough to be free text.
        Assert.Equal(ColumnKind.FreeText, profile.Kind);
    }
}
