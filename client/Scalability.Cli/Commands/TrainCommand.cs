using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing.Training;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale train</c>: learns a categorizer from labeled tickets, scores it on held-out rows, and writes the model
/// that <c>scale run --model</c> uses.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var csv = CommonOptions.Csv();
        csv.Description = "The CSV file of labeled tickets (UTF-8, with a header row).";
        var labelColumn = new Option<string>("--label-column") { Description = "The column holding each ticket's category.", Required = true };
        var textColumns = CommonOptions.Columns("--text-columns",
            "The columns to read as ticket text (detected when left out, as 'scale run' detects them; give 'scale run' the same).");
        var output = new Option<string>("--out") { Description = "The model file to write.", Required = true };
        var testFraction = new Option<double>("--test-fraction")
        {
            Description = "The share of each category held out to score the model on, not trained on.",
            DefaultValueFactory = _ => TrainingSplit.DefaultTestFraction,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Chooses the held-out rows: the same seed and file give the same split on any machine.",
            DefaultValueFactory = _ => TrainingSplit.DefaultSeed,
        };
        var crossValidate = new Option<int?>("--cross-validate")
        {
            Description = "Also score the trainer by K-fold cross-validation over all rows (K of 2 or more): the mean and standard deviation of macro-F1 over the folds.",
        };
        var json = CommonOptions.Json();
        var command = new Command("train",
            "Train a categorizer on labeled tickets, report its accuracy and macro-F1 on held-out rows, and write the model for 'scale run --model'.")
        {
            csv, labelColumn, textColumns, output, testFraction, seed, crossValidate, json,
        };
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(
            Path.GetFullPath(parse.GetValue(csv)!),
            parse.GetValue(labelColumn)!,
            CommonOptions.SplitColumns(parse.GetValue(textColumns)),
            Path.GetFullPath(parse.GetValue(output)!),
            parse.GetValue(testFraction),
            parse.GetValue(seed),
            parse.GetValue(crossValidate),
            parse.GetValue(json),
            cancellationToken), cancellationToken));
        return command;
    }

    private static int Run(
        string input, string labelColumn, string[]? textColumns, string output, double testFraction, int seed, int? folds, bool json,
        CancellationToken cancellationToken)
    {
        if (folds is < 2)
        {
            return Fail($"--cross-validate must be 2 or more folds (got {folds})");
        }

        if (testFraction is not (> 0 and < 1))
        {
            return Fail($"--test-fraction must be above 0 and below 1 (got {testFraction.ToString(CultureInfo.InvariantCulture)})");
        }

        if (string.Equals(input, output, StringComparison.Ordinal))
        {
            return Fail($"--out would overwrite the input file {input}");
        }

        LabeledData data;
        TrainingRun run;
        CrossValidation? crossValidation = null;
        try
        {
            data = LabeledCsv.Read(input, labelColumn, textColumns, cancellationToken);
            Console.Error.WriteLine(string.Join(Environment.NewLine,
            [
                $"columns: label = '{data.LabelColumn}'; text = {ColumnText.Choices(data.TextChoices ?? [])}",
                .. ColumnText.NotRead(data.NotRead, "  "),
            ]));
            var options = new TrainingOptions
            {
                TestFraction = testFraction,
                Seed = seed,
                LabelColumn = data.LabelColumn,
                TextColumns = data.TextColumns,
            };
            run = CategorizerTrainer.Train(data.Examples, options, cancellationToken);
            if (folds is { } k)
            {
                crossValidation = CategorizerTrainer.CrossValidate(data.Examples, k, options, cancellationToken);
            }
        }
        catch (InputException e)
        {
            return Fail(e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail($"{input}: {e.Message}");
        }

        try
        {
            run.Categorizer.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"{output}: cannot write the model: {e.Message}");
        }

        var summary = Summarize(data, run, crossValidation, output);
        Console.Out.WriteLine(json ? JsonSerializer.Serialize(summary, ScaleJson.Options) : Describe(summary));
        return ExitCodes.Success;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }

    /// <summary>What <c>scale train</c> prints, and with <c>--json</c> its shape.</summary>
    internal sealed record TrainingSummary(
        string InputPath, string LabelColumn, IReadOnlyList<string> TextColumns, long Rows, long SkippedBlankLabel, long SkippedMalformed,
        int TrainRows, int HeldOutRows, double TestFraction, int Seed, string Trainer, int Features, double Accuracy, double MacroF1,
        double CalibrationError, IReadOnlyList<ClassMetrics> Classes, double TrainingSeconds, double TrainingRowsPerSecond, double ScoringSeconds,
        CrossValidationSummary? CrossValidation, string ModelPath, long ModelBytes);

    /// <summary>The <c>--cross-validate</c> figures.</summary>
    internal sealed record CrossValidationSummary(int Folds, IReadOnlyList<double> MacroF1, double MeanMacroF1, double StandardDeviation, double Seconds);

    private static TrainingSummary Summarize(LabeledData data, TrainingRun run, CrossValidation? crossValidation, string output) => new(
        data.Path, data.LabelColumn, data.TextColumns, data.Rows, data.BlankLabels, data.Malformed,
        run.Split.Train.Count, run.Split.HeldOut.Count, run.Categorizer.Info.TestFraction, run.Categorizer.Info.Seed,
        run.Categorizer.Info.Trainer, run.Categorizer.Info.Features, run.HeldOut.Accuracy, run.HeldOut.MacroF1, run.CalibrationError,
        run.HeldOut.Classes, run.TrainingTime.TotalSeconds, run.Split.Train.Count / Math.Max(run.TrainingTime.TotalSeconds, 1e-9),
        run.ScoringTime.TotalSeconds,
        crossValidation is { } cv ? new CrossValidationSummary(cv.Folds, cv.MacroF1, cv.Mean, cv.StandardDeviation, cv.Time.TotalSeconds) : null,
        output, new FileInfo(output).Length);

    private static IEnumerable<string> CrossValidationLines(CrossValidationSummary? cv)
    {
        if (cv is null)
        {
            yield break;
        }

        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c,
            $"  {cv.Folds}-fold CV macro-F1 {cv.MeanMacroF1:0.000} ± {cv.StandardDeviation:0.000} (folds {string.Join(", ", cv.MacroF1.Select(f => f.ToString("0.000", c)))}; {Format.Duration(cv.Seconds)})");
    }

    private static string Describe(TrainingSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max("macro average".Length, s.Classes.Max(m => m.Category.Length));
        List<string> lines =
        [
            string.Create(c, $"trained in {Format.Duration(s.TrainingSeconds)} ({s.TrainingRowsPerSecond:N0} rows/s): {s.Trainer}"),
            $"  input      {s.InputPath}",
            $"  columns    label '{s.LabelColumn}'; text {string.Join(", ", s.TextColumns.Select(t => $"'{t}'"))}",
            $"  rows       {s.Rows:N0} read · {s.TrainRows:N0} trained on · {s.HeldOutRows:N0} held out " +
            $"({(s.TestFraction * 100).ToString("0.#", c)}% of each category, seed {s.Seed}) · skipped {s.SkippedBlankLabel:N0} with a blank label, {s.SkippedMalformed:N0} malformed",
            string.Create(c, $"  held out   accuracy {s.Accuracy:0.000} · macro-F1 {s.MacroF1:0.000} over {s.Classes.Count} categories"),
            string.Create(c, $"  confidence calibrated on the held-out rows: expected calibration error {s.CalibrationError:0.000} (each half scored by a fit on the other)"),
            .. CrossValidationLines(s.CrossValidation),
            string.Create(c, $"  model      {s.ModelPath} ({Format.Bytes(s.ModelBytes)}, {s.Features:N0} terms)"),
            "",
            $"  {"category".PadRight(width)}  precision  recall     F1  support",
        ];
        foreach (var m in s.Classes)
        {
            lines.Add(string.Create(c, $"  {m.Category.PadRight(width)}  {m.Precision,9:0.000}  {m.Recall,6:0.000}  {m.F1,5:0.000}  {m.Support,7:N0}"));
        }

        lines.Add(string.Create(c,
            $"  {"macro average".PadRight(width)}  {s.Classes.Average(m => m.Precision),9:0.000}  {s.Classes.Average(m => m.Recall),6:0.000}  {s.MacroF1,5:0.000}  {s.Classes.Sum(m => m.Support),7:N0}"));
        return string.Join(Environment.NewLine, lines);
    }
}
