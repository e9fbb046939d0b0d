using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>
/// The real <c>scale run</c> and <c>scale analyze</c> on exports whose column names no known name matches: the
/// columns come from their values, the output says which and why, and a file without free text is refused.
/// </summary>
public sealed class ContentColumnsCommandTests : IDisposable
{
    private const int Tickets = 30;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Each customer message is 20 words in the first person, each reply 23 words addressed to the customer, each German
    // summary 3 words: so their averages are known. Row i takes product i % 6 and problem i % 5, which differ for
    // each of 30 rows.
    private static readonly string[] Products = ["lamp", "kettle", "jacket", "blender", "router", "headset"];
    private static readonly string[] Problems =
        ["it arrived broken in the box", "it stopped working after one day", "the parcel never reached my door", "I was charged twice for it", "the size sent was too small"];
    private static readonly string[] Asks = ["Can you help me", "Please send a replacement", "I want a refund", "What can I do"];
    private static readonly string[] Remedies = ["a replacement today", "a full refund", "a new parcel", "a prepaid label", "a credit note"];
    private static readonly string[] Produkte = ["eine Lampe", "einen Wasserkocher", "eine Jacke", "einen Mixer", "einen Router", "ein Headset"];
    private static readonly string[] Probleme =
        ["sie kam kaputt bei mir an", "das Gerät funktioniert seit gestern nicht", "das Paket ist noch nicht da", "mir wurde der Betrag doppelt berechnet", "die Größe ist viel zu klein"];
    private static readonly string[] Bitten = ["Was kann ich tun", "Bitte um schnelle Hilfe", "Bitte um eine Erstattung", "Ich brauche Ersatz bitte"];
    private static readonly string[] Geräte = ["Lampe", "Wasserkocher", "Jacke", "Mixer", "Router", "Headset"];
    private static readonly string[] Mängel = ["kaputt angekommen", "funktioniert nicht", "nie angekommen", "doppelt berechnet", "falsche Größe"];

    private static readonly Dictionary<string, Func<int, string>> Columns = new()
    {
        ["case_ref"] = i => $"CR-2024-{i + 1:0000}",
        ["created"] = i => new DateOnly(2024, 3, 1).AddDays(i / 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["status"] = i => (i % 3) switch { 0 => "open", 1 => "closed", _ => "pending" },
        ["email"] = i => $"customer{i + 1}@example.com",
        ["customer_text"] = i => $"Last week I ordered a {Products[i % 6]} from the shop but {Problems[i % 5]}. {Asks[i % 4]}?",
        ["kundentext"] = i => $"Letzte Woche habe ich {Produkte[i % 6]} im Shop bestellt, aber {Probleme[i % 5]}. {Bitten[i % 4]}.",
        ["kurz"] = i => $"{Geräte[i % 6]} {Mängel[i % 5]}",
        ["reply"] = i => $"Thank you for telling us about your {Products[i % 6]}. You will receive {Remedies[i % 5]}, and you can track it from your account page.",
    };

    /// <summary>Writes <see cref="Tickets"/> rows of the given columns: (header name, which of <see cref="Columns"/>).</summary>
    private string Write(string name, params (string Header, string Column)[] columns)
    {
        var csv = new StringBuilder(string.Join(",", columns.Select(c => c.Header))).Append('\n');
        for (var i = 0; i < Tickets; i++)
        {
            csv.Append(string.Join(",", columns.Select(c => Quote(Columns[c.Column](i))))).Append('\n');
        }

        return _temp.Write(name, csv.ToString());
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private const string CaseRef = "'case_ref' (by content: unique short values, a different one in each of the 30 records sampled)";
    private const string CustomerText = "free text: 20 words a value on average, 100% distinct; in the first person in 100% of values";

    [Theory]
    [InlineData("Document", "customer_text", CustomerText)]
    [InlineData("first_customer_text", "customer_text", CustomerText)]
    [InlineData("Beschreibung", "kundentext", CustomerText)]
    public async Task A_text_column_of_any_name_is_read_and_said_why(string textHeader, string column, string evidence)
    {
        var input = Write($"{textHeader}.csv", ("case_ref", "case_ref"), ("created", "created"), ("state", "status"), ("email", "email"), (textHeader, column));
        var output = _temp.File($"{textHeader}.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"columns: id = {CaseRef}; text = '{textHeader}' (by content: {evidence})" + Environment.NewLine, run.StdErr);
        var results = CsvFiles.Read(output);
        Assert.Equal(["case_ref", "created", "state", "email", textHeader, .. ColumnMapper.ResultColumns], results.Header);
        Assert.Equal(Enumerable.Range(0, Tickets).Select(Columns["case_ref"]), results.Values("case_ref"));
        Assert.All(results.Values("status"), s => Assert.Equal("ok", s));
        // The summary is drawn from the text column: each is a part of its row's text.
        Assert.All(results.Rows, r => Assert.Contains(r[results.Column("summary")].TrimEnd('…'), r[results.Column(textHeader)]));
    }

    [Fact]
    public async Task With_all_three_the_customers_text_is_read_after_its_summary_and_the_reply_is_named()
    {
        var input = Write("together.csv",
            ("case_ref", "case_ref"), ("created", "created"), ("state", "status"), ("Beschreibung", "kurz"),
            ("first_customer_text", "customer_text"), ("Document", "reply"));
        var output = _temp.File("together.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains(
            $"columns: id = {CaseRef}; text = 'Beschreibung' (by content: subject-like short phrases: 3 words a value on average, 30 distinct values), " +
            $"'first_customer_text' (by content: {CustomerText})" + Environment.NewLine +
            "  'Document': also free text, not read (use --text-columns to read it): 23 words a value on average, 100% distinct; addressed to the reader in 100% of values" +
            Environment.NewLine, run.StdErr);
        var results = CsvFiles.Read(output);
        Assert.Equal(["case_ref", "created", "state", "Beschreibung", "first_customer_text", "Document", .. ColumnMapper.ResultColumns], results.Header);
        Assert.Equal(Enumerable.Range(0, Tickets).Select(Columns["case_ref"]), results.Values("case_ref"));
        // Read: the German summary, then the customer's message (the summarizer joins their lines); not the reply.
        Assert.All(results.Rows, r => Assert.Contains(r[results.Column("summary")].TrimEnd('…'),
            r[results.Column("Beschreibung")] + " " + r[results.Column("first_customer_text")]));
    }

    [Fact]
    public async Task Analyze_gives_the_choices_their_reasons_and_every_columns_kind()
    {
        var input = Write("together.csv",
            ("case_ref", "case_ref"), ("created", "created"), ("state", "status"), ("Beschreibung", "kurz"),
            ("first_customer_text", "customer_text"), ("Document", "reply"));

        var json = await ScaleCli.RunAsync(_temp.Path, "analyze", input, "--json");
        var text = await ScaleCli.RunAsync(_temp.Path, "analyze", input);

        Assert.True(json.ExitCode == 0, json.StdErr);
        var analysis = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal("case_ref", analysis.GetProperty("idColumn").GetString());
        Assert.Equal(("case_ref", "content", "by content: unique short values, a different one in each of the 30 records sampled"), Choice(analysis.GetProperty("idChoice")));
        Assert.Equal(
            [
                ("Beschreibung", "content", "by content: subject-like short phrases: 3 words a value on average, 30 distinct values"),
                ("first_customer_text", "content", $"by content: {CustomerText}"),
            ],
            analysis.GetProperty("textChoices").EnumerateArray().Select(Choice));
        Assert.Equal(
            [("Document", "content", "also free text, not read (use --text-columns to read it): 23 words a value on average, 100% distinct; addressed to the reader in 100% of values")],
            analysis.GetProperty("notRead").EnumerateArray().Select(Choice));
        Assert.Equal(30, analysis.GetProperty("sampledRecords").GetInt32());
        Assert.Equal(
            ["case_ref: id", "created: dateTime", "state: label", "Beschreibung: shortText", "first_customer_text: freeText", "Document: freeText"],
            analysis.GetProperty("columnKinds").EnumerateArray().Select(c => $"{c.GetProperty("column").GetString()}: {c.GetProperty("kind").GetString()}"));

        Assert.True(text.ExitCode == 0, text.StdErr);
        Assert.Contains("  id column    case_ref (by content: unique short values, a different one in each of the 30 records sampled)", text.StdOut);
        Assert.Contains("  not read     Document: also free text, not read (use --text-columns to read it): ", text.StdOut);
        Assert.Contains(string.Join(Environment.NewLine,
            "  column kinds (from the first 30 records)",
            "    case_ref: unique short values",
            "    created: dates",
            "    state: labels: 3 distinct values",
            "    Beschreibung: short phrases: 3 words a value on average, 30 distinct values",
            $"    first_customer_text: {CustomerText}",
            "    Document: free text: 23 words a value on average, 100% distinct; addressed to the reader in 100% of values"), text.StdOut);
    }

    [Fact]
    public async Task The_named_options_still_win_over_content()
    {
        var input = Write("together.csv",
            ("case_ref", "case_ref"), ("created", "created"), ("state", "status"), ("Beschreibung", "kurz"),
            ("first_customer_text", "customer_text"), ("Document", "reply"));
        var output = _temp.File("named.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--text-columns", "Document", "--id-column", "created");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("columns: id = 'created' (as given); text = 'Document' (as given)" + Environment.NewLine, run.StdErr);
        Assert.DoesNotContain("not read", run.StdErr);
    }

    [Fact]
    public async Task A_file_without_free_text_is_refused_naming_what_each_column_holds()
    {
        var input = _temp.Write("ledger.csv",
            "id,amount,created,status,email\n" +
            "1001,12.50,2024-03-01,open,ana@example.com\n" +
            "1002,7.99,2024-03-01,closed,ben@example.com\n" +
            "1003,120.00,2024-03-02,open,carla@example.org\n" +
            "1004,12.50,2024-03-04,pending,dev@example.net\n" +
            "1005,3.10,2024-03-05,closed,eva@example.com\n" +
            "1006,45.00,2024-03-05,open,femi@example.com\n");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("ledger.results.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: {input}: no free-text column among 'id' (unique short values), 'amount' (numbers), 'created' (dates), " +
            "'status' (labels: 3 distinct values), 'email' (e-mail addresses); name the columns to read with --text-columns" + Environment.NewLine,
            run.StdErr);
        Assert.Equal("", run.StdOut);
        Assert.False(File.Exists(_temp.File("ledger.results.csv")));
    }

    private static (string?, string?, string?) Choice(JsonElement choice) =>
        (choice.GetProperty("column").GetString(), choice.GetProperty("source").GetString(), choice.GetProperty("reason").GetString());
}
