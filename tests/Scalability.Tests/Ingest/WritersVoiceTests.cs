using Scalability.Grains.Ingest;
using Scalability.Grains.Processing.Languages;

namespace Scalability.Tests.Ingest;

public sealed class WritersVoiceTests
{
    [Fact]
    public void Every_supported_language_lists_its_pronouns() =>
        Assert.Equal(SupportedLanguages.Codes, WritersVoice.LanguagesWithWords);

    [Theory]
    [InlineData("I ordered a phone last week and my parcel has not arrived.", Voice.FirstPerson)]
    [InlineData("Thank you for reaching out. You can track your parcel on your account page.", Voice.SecondPerson)]
    [InlineData("Ich habe letzte Woche bestellt und mein Paket ist nicht da.", Voice.FirstPerson)]
    [InlineData("Vielen Dank für Ihre Nachricht. Sie können Ihre Bestellung online verfolgen.", Voice.SecondPerson)]
    [InlineData("J'ai commandé un téléphone et mon colis n'est pas arrivé.", Voice.FirstPerson)]
    [InlineData("Merci pour votre message. Vous pouvez suivre votre colis en ligne.", Voice.SecondPerson)]
    [InlineData("Ik heb vorige week besteld en mijn pakket is er niet.", Voice.FirstPerson)]
    [InlineData("Je kunt je pakket volgen op jouw accountpagina.", Voice.SecondPerson)] // Dutch "je" is "you", not French "I"
    [InlineData("Parcel arrived damaged", Voice.Neither)]
    [InlineData("注文した商品が届きません", Voice.Neither)]
    public void A_text_speaks_for_its_writer_or_to_its_reader(string text, Voice expected) => Assert.Equal(expected, WritersVoice.Of(text));
}
