using Scalability.Grains.Ingest;

namespace Scalability.Tests.Ingest;

public sealed class ValueShapesTests
{
    [Theory]
    [InlineData("2021-03-22", ValueShapes.DateParts.Date)]
    [InlineData("2021/3/2", ValueShapes.DateParts.Date)]
    [InlineData("22/03/2021", ValueShapes.DateParts.Date)]
    [InlineData("03/22/2021", ValueShapes.DateParts.Date)]
    [InlineData("22.03.2021", ValueShapes.DateParts.Date)]
    [InlineData("22.03.21", ValueShapes.DateParts.Date)]
    [InlineData("Mar 22, 2021", ValueShapes.DateParts.Date)]
    [InlineData("22 March 2021", ValueShapes.DateParts.Date)]
    [InlineData("14-Jul-2020", ValueShapes.DateParts.Date)]
    [InlineData("2023-06-01 12:15:36", ValueShapes.DateParts.Date | ValueShapes.DateParts.Time)]
    [InlineData("2023-06-01T16:45:38Z", ValueShapes.DateParts.Date | ValueShapes.DateParts.Time)]
    [InlineData("2023-06-01T11:14:38.120+02:00", ValueShapes.DateParts.Date | ValueShapes.DateParts.Time)]
    [InlineData("Thu, 01 Jun 2023 07:29:40 +0000", ValueShapes.DateParts.Date | ValueShapes.DateParts.Time)]
    [InlineData("06/01/2023 3:45 PM", ValueShapes.DateParts.Date | ValueShapes.DateParts.Time)]
    [InlineData("12:15", ValueShapes.DateParts.Time)]
    [InlineData("7:05 am", ValueShapes.DateParts.Time)]
    [InlineData("1.8.3", ValueShapes.DateParts.None)]
    [InlineData("2021", ValueShapes.DateParts.None)]
    [InlineData("25:61", ValueShapes.DateParts.None)]
    [InlineData("2021-13-01", ValueShapes.DateParts.None)]
    [InlineData("Call me at 10:30 tomorrow", ValueShapes.DateParts.None)]
    [InlineData("Tue, 01 Jun 2023 07:29:40 +0000", ValueShapes.DateParts.None)] // 1 June 2023 was a Thursday
    public void Dates_and_times_are_told_in_their_common_formats(string value, ValueShapes.DateParts expected) =>
        Assert.Equal(expected, ValueShapes.DateOrTime(value));

    [Theory]
    [InlineData("42", true, false)]
    [InlineData("-3.5", true, false)]
    [InlineData("1,234.50", true, false)]
    [InlineData("1.234,50", true, false)]
    [InlineData("12 %", true, false)]
    [InlineData("1e6", true, false)]
    [InlineData("$12.50", false, true)]
    [InlineData("-£3.20", false, true)]
    [InlineData("12,50 €", false, true)]
    [InlineData("USD 100", false, true)]
    [InlineData("R$ 99,90", false, true)]
    [InlineData("12 apples", false, false)]
    [InlineData("ABC 100", false, false)]
    [InlineData("$", false, false)]
    public void Numbers_and_amounts_are_told_apart(string value, bool number, bool amount) =>
        Assert.Equal((number, amount), (ValueShapes.IsNumber(value), ValueShapes.IsAmount(value)));

    [Theory]
    [InlineData("+49 30 1234567", true)]
    [InlineData("(555) 123-4567", true)]
    [InlineData("555.123.4567", true)]
    [InlineData("020 7946 0958", true)]
    [InlineData("+1 555 010 9999 ext. 12", true)]
    [InlineData("5551234567", false)] // digits alone: an id or a number
    [InlineData("2021-000123", false)] // one group: a reference
    [InlineData("+12 34", false)] // too few digits
    public void Phone_numbers_are_digits_grouped_as_phone_numbers_are(string value, bool expected) =>
        Assert.Equal(expected, ValueShapes.IsPhone(value));

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData("Ana Lima <ana.lima@example.org>", true)]
    [InlineData("ana@example", false)]
    [InlineData("write to ana@example.com", false)]
    public void E_mail_addresses_are_bare_or_with_a_display_name(string value, bool expected) =>
        Assert.Equal(expected, ValueShapes.IsEmail(value));

    [Theory]
    [InlineData("https://example.com/a?b=1", true)]
    [InlineData("www.example.net/help", true)]
    [InlineData("see https://example.com", false)]
    public void Urls_are_one_address(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsUrl(value));

    [Theory]
    [InlineData("Marisa Obrien", true)]
    [InlineData("Jean-Luc Picard", true)]
    [InlineData("O'Brien, Mary", true)]
    [InlineData("Maria da Silva", true)]
    [InlineData("Ludwig van Beethoven", true)]
    [InlineData("Madonna", false)] // one word says too little
    [InlineData("Product setup", false)]
    [InlineData("Room 101", false)]
    public void Person_names_are_capitalised_words(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsPersonName(value));

    [Theory]
    [InlineData("I'm having an issue with my e-mail.", 7)]
    [InlineData("cancel_order", 1)]
    [InlineData("  two   words ", 2)]
    [InlineData("注文した商品が届きません", 6)] // 12 characters without spaces: about 6 words
    [InlineData("Mein Paket ist nicht angekommen", 5)]
    [InlineData("", 0)]
    public void Words_are_counted_in_spaced_and_unspaced_scripts(string value, int expected) => Assert.Equal(expected, ValueShapes.Words(value));

    [Theory]
    [InlineData("LG Smart TV", true)]
    [InlineData("Pending Customer Response", true)]
    [InlineData("Product setup", false)]
    [InlineData("Closed", null)]
    public void Title_case_is_every_word_capitalised(string value, bool? expected) => Assert.Equal(expected, ValueShapes.IsTitleCased(value));
}
