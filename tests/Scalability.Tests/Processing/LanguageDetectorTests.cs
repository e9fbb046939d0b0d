using Scalability.Grains.Processing.Languages;
using Scalability.Tests.Quality;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

public sealed class LanguageDetectorTests(ITestOutputHelper output)
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("pt")]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("pl")]
    [InlineData("sv")]
    [InlineData("tr")]
    [InlineData("cs")]
    [InlineData("ru")]
    [InlineData("ja")]
    public void Tells_every_dev_fixture_of_a_language(string language)
    {
        var tickets = QualityDataSets.DevFixtures(QualityPaths.DevFolder).Where(t => t.Language == language).ToArray();

        var wrong = tickets.Select(t => (t.Id, Detected: Detector.Detect(t.Text))).Where(r => r.Detected.Language != language).ToArray();

        output.WriteLine($"{language}: {tickets.Length - wrong.Length} of {tickets.Length} right");
        Assert.True(tickets.Length >= 2, $"{tickets.Length} dev fixtures in {language}");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("I can't log in", "en")]
    [InlineData("where is my order?", "en")]
    [InlineData("refund please, the item never arrived", "en")]
    [InlineData("my card was charged twice", "en")]
    [InlineData("the app keeps crashing", "en")]
    [InlineData("Rechnung ist falsch", "de")]
    [InlineData("mein Paket ist nicht angekommen", "de")]
    [InlineData("ich kann mich nicht einloggen", "de")]
    [InlineData("Bitte kündigen Sie mein Abo", "de")]
    [InlineData("wo bleibt meine Lieferung?", "de")]
    [InlineData("je n'arrive pas à me connecter", "fr")]
    [InlineData("où est ma commande ?", "fr")]
    [InlineData("je veux être remboursé", "fr")]
    [InlineData("l'application ne marche plus", "fr")]
    [InlineData("annulez mon abonnement svp", "fr")]
    [InlineData("no puedo entrar en mi cuenta", "es")]
    [InlineData("¿dónde está mi pedido?", "es")]
    [InlineData("quiero un reembolso", "es")]
    [InlineData("la app no funciona", "es")]
    [InlineData("cancelen mi suscripción por favor", "es")]
    [InlineData("não consigo entrar na minha conta", "pt")]
    [InlineData("cadê meu pedido?", "pt")]
    [InlineData("quero meu dinheiro de volta", "pt")]
    [InlineData("o aplicativo não funciona", "pt")]
    [InlineData("cancelem a minha assinatura", "pt")]
    [InlineData("non riesco ad accedere", "it")]
    [InlineData("dov'è il mio ordine?", "it")]
    [InlineData("voglio il rimborso", "it")]
    [InlineData("l'app non funziona", "it")]
    [InlineData("annullate il mio abbonamento", "it")]
    [InlineData("ik kan niet inloggen", "nl")]
    [InlineData("waar is mijn bestelling?", "nl")]
    [InlineData("ik wil mijn geld terug", "nl")]
    [InlineData("de app werkt niet", "nl")]
    [InlineData("zeg mijn abonnement op", "nl")]
    public void Tells_short_chat_messages_of_the_supported_languages(string text, string language)
    {
        var detected = Detector.Detect(text);

        Assert.Equal(language, detected.Language);
        Assert.InRange(detected.Confidence, 0.5, 0.99);
    }

    [Theory]
    [InlineData("nie mogę się zalogować do konta, co mam zrobić?", "pl")]
    [InlineData("jag kan inte logga in på mitt konto, vad ska jag göra?", "sv")]
    [InlineData("jeg kan ikke logge ind på min konto, hvad gør jeg?", "da")]
    [InlineData("jeg får ikke logget inn på kontoen min, hva gjør jeg nå?", "nb")]
    [InlineData("en pysty kirjautumaan sovellukseen, mitä teen?", "fi")]
    [InlineData("hesabıma giriş yapamıyorum, ne yapmalıyım?", "tr")]
    [InlineData("nemůžu se přihlásit ke svému účtu, co mám dělat?", "cs")]
    [InlineData("nu pot să mă conectez la contul meu, vă rog să mă ajutați", "ro")]
    [InlineData("nem tudok bejelentkezni a fiókomba, kérem segítsenek", "hu")]
    [InlineData("не могу войти в аккаунт", "ru")]
    [InlineData("не можу увійти в свій акаунт, що робити?", "uk")]
    [InlineData("не мога да вляза в профила си, ще ми помогнете ли?", "bg")]
    [InlineData("δεν μπορώ να συνδεθώ στον λογαριασμό μου", "el")]
    [InlineData("لا أستطيع تسجيل الدخول إلى حسابي", "ar")]
    [InlineData("אני לא מצליח להתחבר לחשבון שלי", "he")]
    [InlineData("मैं अपने खाते में लॉग इन नहीं कर पा रहा हूँ", "hi")]
    [InlineData("ฉันไม่สามารถเข้าสู่ระบบบัญชีของฉันได้", "th")]
    [InlineData("アカウントにログインできません", "ja")]
    [InlineData("我无法登录我的账户", "zh")]
    [InlineData("계정에 로그인할 수 없습니다", "ko")]
    public void Names_common_unsupported_languages(string text, string language)
    {
        var detected = Detector.Detect(text);

        Assert.Equal(language, detected.Language);
        Assert.False(SupportedLanguages.IsSupported(detected.Language));
        Assert.InRange(detected.Confidence, 0.5, 0.99);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 !!! ???")]
    [InlineData("#88213 / 2024-03-12 / 14:30")]
    [InlineData("ok")]
    [InlineData("Hallo")]
    [InlineData("create pro account")]
    public void Says_und_when_it_cannot_tell(string text)
    {
        Assert.Equal(LanguageDetection.Undetermined, Detector.Detect(text));
    }

    [Fact]
    public void Reads_damaged_exports_as_their_text()
    {
        Assert.Equal("fr", Detector.Detect("Bonjour,\\n\\nje souhaite r&eacute;silier mon abonnement.\\nCordialement").Language);
        Assert.Equal("de", Detector.Detect("Hallo,<br>mein Paket ist&nbsp;nicht angekommen.<br/>Gr&uuml;&szlig;e").Language);
    }

    [Fact]
    public void Looks_at_a_bounded_prefix()
    {
        var english = "Hello, I need help with the order I placed on Monday please. ";
        var german = string.Concat(Enumerable.Repeat("Ich habe eine Frage zu meiner Rechnung und bitte um Hilfe. ", 40));

        Assert.Equal("en", Detector.Detect(english + german).Language);
        Assert.Equal("de", Detector.Detect(german).Language);
        // Nothing in the first MaxScannedChars characters: the rest is not read.
        Assert.Equal(LanguageDetection.Undetermined, Detector.Detect(new string(' ', LanguageDetector.MaxScannedChars + 10) + german));
    }

    [Fact]
    public void Names_the_language_of_the_script_that_dominates()
    {
        Assert.Equal("ru", Detector.Detect("Order #4451: где мой заказ? Он должен был прийти вчера").Language);
        Assert.Equal("ja", Detector.Detect("注文番号 4451 の商品がまだ届いていません").Language);
    }

    [Fact]
    public void Is_deterministic_and_thread_safe()
    {
        var texts = QualityDataSets.DevFixtures(QualityPaths.DevFolder).Select(t => t.Text).ToArray();
        var expected = texts.Select(t => Detector.Detect(t)).ToArray();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[i], Detector.Detect(texts[i]));
            }
        });
    }

    [Fact]
    public void Rejects_evidence_that_is_not_a_word()
    {
        var error = Assert.Throws<ArgumentException>(() => new LanguageDetector([("xx", new DetectionEvidence(["two words"]))]));

        Assert.Equal("xx: 'two words' is not a single word of letters", error.Message);
    }
}
