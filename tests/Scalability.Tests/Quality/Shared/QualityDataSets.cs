using CsvHelper;

namespace Scalability.Tests.Quality;

/// <summary>Which part of a shared data set: the one a calibration is fitted on, or the one held back to measure it.</summary>
public enum DataPart
{
    Fit,
    HeldBack,
    All,
}

/// <summary>
/// The labelled tickets that categorization quality is measured on, mapped onto the support taxonomy: the dev
/// fixtures (<c>tests/Scalability.Tests/Quality/dev/&lt;code&gt;.csv</c>), Bitext's instructions and BANKING77's queries
/// (both in shared/data). The fit and held-back parts: Bitext's even and odd records, BANKING77's official train and
/// test splits. Shared by the tests and the benchmark's quality report.
/// </summary>
public static class QualityDataSets
{
    public const string DevFolderInRepository = "tests/Scalability.Tests/Quality/dev";

    /// <summary>The labelled tickets written for tuning the vocabularies (see their README).</summary>
    public const string TrainFolderInRepository = "tests/Scalability.Tests/Quality/train";

    /// <summary>The held-out labelled tickets: for measuring only, never for tuning (see their README).</summary>
    public const string HeldOutFolderInRepository = "tests/Scalability.Tests/Quality/heldout";

    /// <summary>A second held-out set for German, French and Spanish, measured for the first time after the tuning (see its README).</summary>
    public const string SecondHeldOutFolderInRepository = "tests/Scalability.Tests/Quality/heldout2";

    /// <summary>The summarizer's labelled tickets, which the categorizer and the detector were not tuned on.</summary>
    public const string SummarizerFolderInRepository = "tests/Scalability.Tests/Processing/SummarizerFixtures";
    public const string BitextFile = "bitext-support-4514.csv";
    public const string Banking77File = "banking77.csv";

    /// <summary>Every fixture of the folder, subject and body joined as a job joins them.</summary>
    /// <param name="dataSet">The name the tickets are reported under.</param>
    public static IReadOnlyList<LabelledTicket> DevFixtures(string folder, string dataSet = "dev") =>
        FixtureTicket.ReadFolder(folder).Select(t => new LabelledTicket(dataSet, t.Id, t.Language, t.Text, t.Category)).ToArray();

    /// <summary>
    /// The hand-written short chat messages of <c>short-texts.tsv</c> in the dev folder (a language code, a tab and the
    /// text a line; # starts a comment), for language detection.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not a code, a tab and a text.</exception>
    public static IReadOnlyList<LabelledTicket> ShortTexts(string folder)
    {
        var path = Path.Combine(folder, "short-texts.tsv");
        var texts = new List<LabelledTicket>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab is < 2 or > 3 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"{path}, line {number}: expected a language code, a tab and a text");
            }

            texts.Add(new LabelledTicket("short", $"short-{number}", line[..tab], line[(tab + 1)..], ""));
        }

        return texts;
    }

    /// <summary>The text a job categorizes for a ticket with a subject and a body.</summary>
    public static string JoinSubject(string subject, string body) => subject.Length == 0 ? body : subject + "\n\n" + body;

    /// <summary>Bitext's instructions whose label maps onto the taxonomy (<see cref="MapBitextLabel"/>).</summary>
    public static IReadOnlyList<LabelledTicket> Bitext(string path, DataPart part)
    {
        var tickets = new List<LabelledTicket>();
        var record = 0;
        foreach (var row in ReadColumns(path, "instruction", "category", "intent"))
        {
            var inPart = part == DataPart.All || (record % 2 == 0) == (part == DataPart.Fit);
            if (inPart && MapBitextLabel(row[1], row[2]) is { } category)
            {
                tickets.Add(new LabelledTicket("bitext", $"bitext-{record + 1}", "en", row[0], category));
            }

            record++;
        }

        return tickets;
    }

    /// <summary>BANKING77's queries whose intent maps onto the taxonomy (<see cref="MapBanking77Label"/>).</summary>
    public static IReadOnlyList<LabelledTicket> Banking77(string path, DataPart part)
    {
        var tickets = new List<LabelledTicket>();
        var record = 0;
        foreach (var row in ReadColumns(path, "text", "label", "split"))
        {
            record++;
            var inPart = part == DataPart.All || row[2] == (part == DataPart.Fit ? "train" : "test");
            if (inPart && MapBanking77Label(row[1]) is { } category)
            {
                tickets.Add(new LabelledTicket("banking77", $"banking77-{record}", "en", row[0], category));
            }
        }

        return tickets;
    }

    /// <summary>
    /// Bitext's categories mapped onto the support taxonomy. Where a Bitext category mixes topics, its intent
    /// decides; rows whose topic the taxonomy has no category for are left out of the score:
    /// ORDER/place_order and change_order (shopping-cart edits), NEWSLETTER (subscribing and unsubscribing are
    /// different topics under one label). CONTACT (asking for a human or for opening hours) has no category of its
    /// own, so the right answer is the fallback, "other".
    /// </summary>
    public static string? MapBitextLabel(string category, string intent) => category switch
    {
        "REFUND" => "refund",
        "CANCELLATION_FEE" => "cancellation",
        "ACCOUNT" => "account_access",
        "INVOICE" or "PAYMENT" => "billing",
        "DELIVERY" or "SHIPPING_ADDRESS" => "delivery_shipping",
        "FEEDBACK" => "feedback",
        "CONTACT" => "other",
        "ORDER" => intent switch
        {
            "track_order" => "delivery_shipping",
            "cancel_order" => "cancellation",
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// BANKING77's 77 intents mapped onto the support taxonomy by what the customer wants done. billing: a charge,
    /// fee or payment they question (fees of every kind, a payment charged twice, not recognised, pending, declined,
    /// at the wrong exchange rate). refund: money back (asking for a refund, one that has not arrived). cancellation:
    /// closing the account, cancelling a transfer. account_access: passcodes and PINs, identity verification, personal
    /// details, a lost phone with the app on it. technical_issue: a card (physical, virtual, contactless) that does not
    /// work. delivery_shipping: a card that has not arrived, when it will. product_question: what the product supports
    /// and how to use it (cards, currencies, countries, limits, Apple Pay, how to get a card, top up, exchange or
    /// receive money). Left out, because the taxonomy has no category for them: the movements of a bank account
    /// (transfers, top-ups, cash deposits and withdrawals that are pending, failed, declined or missing), lost, stolen,
    /// compromised or swallowed cards, a reverted payment, card linking and expiry, the age limit and the source of
    /// funds.
    /// </summary>
    public static string? MapBanking77Label(string intent) => intent switch
    {
        "card_payment_fee_charged" or "direct_debit_payment_not_recognised" or "cash_withdrawal_charge"
            or "transaction_charged_twice" or "transfer_fee_charged" or "card_payment_not_recognised"
            or "card_payment_wrong_exchange_rate" or "extra_charge_on_statement" or "wrong_exchange_rate_for_cash_withdrawal"
            or "cash_withdrawal_not_recognised" or "pending_card_payment" or "declined_card_payment" or "exchange_charge"
            or "top_up_by_card_charge" or "top_up_by_bank_transfer_charge" => "billing",
        "request_refund" or "Refund_not_showing_up" => "refund",
        "terminate_account" or "cancel_transfer" => "cancellation",
        "passcode_forgotten" or "change_pin" or "pin_blocked" or "edit_personal_details" or "verify_my_identity"
            or "why_verify_identity" or "unable_to_verify_identity" or "lost_or_stolen_phone" => "account_access",
        "card_not_working" or "virtual_card_not_working" or "contactless_not_working" => "technical_issue",
        "card_arrival" or "card_delivery_estimate" => "delivery_shipping",
        "supported_cards_and_currencies" or "visa_or_mastercard" or "country_support" or "fiat_currency_support"
            or "atm_support" or "card_acceptance" or "disposable_card_limits" or "top_up_limits" or "getting_virtual_card"
            or "get_disposable_virtual_card" or "getting_spare_card" or "get_physical_card" or "order_physical_card"
            or "apple_pay_or_google_pay" or "exchange_via_app" or "exchange_rate" or "automatic_top_up"
            or "topping_up_by_card" or "top_up_by_cash_or_cheque" or "receiving_money" or "transfer_into_account" => "product_question",
        _ => null,
    };

    /// <summary>The values of the named columns of every record, in file order.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">It lacks one of the columns.</exception>
    public static List<string[]> ReadColumns(string path, params string[] columns)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing", path);
        }

        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        var indexes = columns.Select(column => reader.TryGetFieldIndex(column, out var index)
            ? index
            : throw new InvalidDataException($"{path} has no column '{column}'")).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(indexes.Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
