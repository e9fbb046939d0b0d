using Scalability.Tests.Support;

namespace Scalability.Tests.Quality;

/// <summary>
/// <c>planted-topics.csv</c>: 150 support tickets written for these tests. Three topics that the support taxonomy has no
/// category for, each in varied words (gift-card balances 32, loyalty points 26, store appointments 22), 38 unrelated
/// one-off questions (noise), and 32 tickets of the taxonomy's own categories, interleaved. The <c>topic</c> column
/// says which is which; the tickets' text is their subject and body.
/// </summary>
internal static class PlantedTopics
{
    public const string GiftCards = "gift_card";
    public const string LoyaltyPoints = "loyalty_points";
    public const string StoreAppointments = "store_appointment";
    public const string Noise = "noise";

    public static readonly string[] Planted = [GiftCards, LoyaltyPoints, StoreAppointments];

    /// <summary>
    /// The review threshold the tests run these tickets with. The planted topics have no category, so the keyword
    /// categorizer leaves them in <c>other</c> or gives them a category on an incidental word ("balance", "points"),
    /// which its calibrated confidence puts between 0.6 and 0.7: a threshold of 0.7 sends those to review, as an
    /// analyst looking for what the taxonomy misses would set it.
    /// </summary>
    public const double ReviewBelow = 0.7;

    public static string ReviewBelowOption { get; } = ReviewBelow.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Path { get; } =
        System.IO.Path.Combine(TestPaths.RepositoryRoot, "tests", "Scalability.Tests", "Quality", "planted-topics.csv");

    public sealed record Row(string Id, string Topic, string Subject, string Body)
    {
        /// <summary>As the job reads it with <c>--text-columns subject,body</c>.</summary>
        public string Text => Subject + "\n\n" + Body;
    }

    public static IReadOnlyList<Row> Rows { get; } = CsvFiles.Read(Path) is var table
        ? table.Rows.Select(r => new Row(r[table.Column("ticket_id")], r[table.Column("topic")], r[table.Column("subject")], r[table.Column("body")])).ToArray()
        : [];

    public static IEnumerable<Row> Of(string topic) => Rows.Where(r => r.Topic == topic);
}
