using System.Text.RegularExpressions;

namespace Scalability.Grains.Output;

/// <summary>
/// Keeps a spreadsheet from running text cells as formulas (CSV injection): a cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a single quote in front, which
/// spreadsheets show as text and do not evaluate. A cell that is a plain number (<c>-12</c>, <c>+3.5</c>,
/// <c>-1e5</c>) is left as it is: a negative number is data, not a formula, and quoting it would turn it into text.
/// </summary>
/// <remarks>The characters are those OWASP lists for CSV injection. Only the text a job copies or produces goes
/// through here (input columns, category, summary, error, a reject's raw text); the numbers it writes itself do not.</remarks>
public static partial class SpreadsheetSafety
{
    public const char Prefix = '\'';

    public static string Neutralize(string cell) =>
        cell.Length > 0 && IsTrigger(cell[0]) && !PlainNumber().IsMatch(cell) ? Prefix + cell : cell;

    private static bool IsTrigger(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
