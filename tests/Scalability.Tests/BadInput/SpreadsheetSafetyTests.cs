using Scalability.Grains.Output;

namespace Scalability.Tests.BadInput;

public sealed class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tstarts with a tab", "'\tstarts with a tab")]
    [InlineData("\rstarts with a CR", "'\rstarts with a CR")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-", "'-")]
    [InlineData("-12", "-12")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("-.5", "-.5")]
    [InlineData("-1e5", "-1e5")]
    [InlineData("-12\n", "'-12\n")]
    [InlineData("-Infinity", "'-Infinity")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("'=1", "'=1")]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    public void Cells_that_a_spreadsheet_would_run_get_a_quote_and_plain_numbers_do_not(string cell, string written)
    {
        Assert.Equal(written, SpreadsheetSafety.Neutralize(cell));
    }
}
