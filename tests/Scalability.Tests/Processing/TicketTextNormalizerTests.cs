using Scalability.Grains.Processing.Summaries;

namespace Scalability.Tests.Processing;

public sealed class TicketTextNormalizerTests
{
    private static string Normalize(string text) => TicketTextNormalizer.Default.Normalize(text);

    [Fact]
    public void Literal_escapes_become_line_breaks_and_spaces()
    {
        Assert.Equal("Hi,\n\nmy order\nnever came. Thanks", Normalize(@"Hi,\n\nmy order\r\nnever came.\tThanks"));
    }

    [Fact]
    public void A_path_with_backslashes_is_not_taken_for_escapes()
    {
        Assert.Equal(@"The installer stops at C:\new\tools and C:\Users\nina.", Normalize(@"The installer stops at C:\new\tools and C:\Users\nina."));
    }

    [Fact]
    public void Line_tags_become_line_breaks_and_other_tags_go()
    {
        const string html = "<p>Hello,</p><p>my <b>card</b> was <span style=\"color:red\">charged twice</span>.<br/>Order 12.<BR>Thanks</p>";

        Assert.Equal("Hello,\n\nmy card was charged twice.\nOrder 12.\nThanks", Normalize(html));
    }

    [Fact]
    public void Style_and_script_contents_and_comments_are_not_text()
    {
        const string html = "<html><head><style>p { margin: 0 }</style></head><body><!-- header -->The app crashes.<script>var x = 1 < 2;</script></body></html>";

        Assert.Equal("The app crashes.", Normalize(html));
    }

    [Fact]
    public void A_less_than_sign_that_opens_no_known_tag_is_kept()
    {
        Assert.Equal("Ping <support@example.com> if 3 < 4 and <3 stays", Normalize("Ping <support@example.com> if 3 < 4 and <3 stays"));
    }

    [Fact]
    public void Character_references_are_decoded_once_or_twice_when_exported_twice()
    {
        Assert.Equal("Caf\u00e9 & bar \"n\u00ba 5\" it's d\u00e9j\u00e0 \u20ac 5", Normalize("Caf&eacute; &amp; bar &quot;n&ordm; 5&quot; it&#39;s d&#xE9;j&agrave;&nbsp;&euro; 5"));
        Assert.Equal("r\u00e9sili\u00e9\nnow", Normalize("r&amp;eacute;sili&amp;eacute;&lt;br&gt;now"));
        Assert.Equal("&unknown; &amp stays", Normalize("&unknown; &amp stays"));
    }

    [Fact]
    public void White_space_is_collapsed_and_blank_lines_are_kept_once()
    {
        Assert.Equal("a b\n\nc d\ne", Normalize("  a   b  \n\n\n\n c \u00A0d \r\n\te\u200B  \n\n"));
    }

    [Theory]
    [InlineData("On Mon, 12 Feb 2024 at 10:41, Helpdesk <help@example.com> wrote:")]
    [InlineData("Am 28.10.2024 um 09:14 schrieb Kundenservice <service@example.de>:")]
    [InlineData("Le 14 nov. 2024 à 09:32, Service Client <service@example.fr> a écrit :")]
    [InlineData("El mar, 12 nov 2024 a las 10:15, Atención al Cliente (<clientes@example.es>) escribió:")]
    [InlineData("Em seg., 4 de nov. de 2024 às 10:02, Apoio ao Cliente <apoio@example.pt> escreveu:")]
    [InlineData("Il giorno lun 18 nov 2024 alle ore 11:20 Ufficio Fatturazione <fatture@example.it> ha scritto:")]
    [InlineData("Op di 12 nov 2024 om 14:05 schreef Facturatie <facturen@example.nl>:")]
    public void An_attribution_line_in_each_language_cuts_the_quoted_message(string attribution)
    {
        var text = $"The refund has still not arrived.\n\nAnna\n\n{attribution}\nDear customer,\nyour refund was approved.";

        Assert.Equal("The refund has still not arrived.\n\nAnna", Normalize(text));
    }

    [Fact]
    public void A_wrapped_attribution_is_cut_from_its_first_line()
    {
        const string text = "Still no code.\n\nOn Mon, 12 Feb 2024 at 10:41 Helpdesk Team <\nhelp@example.com> wrote:\nPlease try again.";

        Assert.Equal("Still no code.", Normalize(text));
    }

    [Fact]
    public void An_attribution_before_quoted_lines_drops_them_and_keeps_the_reply_below()
    {
        const string text = "On Tue, 5 Mar 2024 at 09:12, Shop <shop@example.com> wrote:\n> Your order has shipped.\n> Regards\n\nIt has not arrived.";

        Assert.Equal("It has not arrived.", Normalize(text));
    }

    [Fact]
    public void Quoted_lines_are_dropped_wherever_they_are()
    {
        Assert.Equal("My answer is no.\nAnd again no.", Normalize("> Will you renew?\nMy answer is no.\n>> earlier\nAnd again no."));
    }

    [Fact]
    public void A_sentence_with_wrote_and_a_colon_is_not_an_attribution()
    {
        const string text = "On Monday the agent wrote: we will refund you. Nothing happened.\nOn 3 May your colleague wrote: the parcel is lost.";

        Assert.Equal(text, Normalize(text));
    }

    [Theory]
    [InlineData("From: Support <support@example.com>\nSent: Tuesday, 9 April 2024 16:02\nTo: Tom\nSubject: RE: Refund")]
    [InlineData("Von: Nils Hartmann <nils@example.de>\nGesendet: Montag, 3. Juni 2024 11:02\nAn: service@example.de\nBetreff: Reklamation")]
    [InlineData("De : Paul Girard <paul@example.fr>\nEnvoyé : lundi 7 octobre 2024 18:45\nÀ : remboursements@example.fr\nObjet : Demande")]
    [InlineData("De: Irene Molina <irene@example.es>\nEnviado el: lunes, 4 de noviembre de 2024 19:20\nPara: soporte@example.es\nAsunto: Solicitud")]
    [InlineData("De: Fernanda Lima <fernanda@example.br>\nEnviado: segunda-feira, 4 de novembro de 2024 08:30\nPara: atendimento@example.br\nAssunto: Boleto")]
    [InlineData("Da: Martina Ricci <martina@example.it>\nInviato: mercoledì 30 ottobre 2024 18:02\nA: info@example.it\nOggetto: Richiesta")]
    [InlineData("Van: Joost Mulder <joost@example.nl>\nVerzonden: maandag 28 oktober 2024 20:11\nAan: info@example.nl\nOnderwerp: Restitutie")]
    public void A_header_block_in_each_language_cuts_the_quoted_message(string header)
    {
        var text = $"Please answer my mail below.\n\nThanks,\nSam\n\n{header}\n\nThe course was cancelled.";

        Assert.Equal("Please answer my mail below.\n\nThanks,\nSam", Normalize(text));
    }

    [Fact]
    public void A_header_block_flattened_into_one_line_is_cut_where_it_starts()
    {
        const string text = "Please cancel it. Thanks, Ben From: orders@example.com Sent: 02 October 2024 08:15 To: Ben Subject: Order 55 Thank you for your order!";

        Assert.Equal("Please cancel it. Thanks, Ben", Normalize(text));
    }

    [Fact]
    public void A_from_line_without_other_header_fields_is_text()
    {
        const string text = "From: my phone the app shows an error.\nTo be honest I am tired of it.";

        Assert.Equal(text, Normalize(text));
    }

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("----- Original Message -----")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-------- Message d'origine --------")]
    [InlineData("-----Mensaje original-----")]
    [InlineData("-----Mensagem original-----")]
    [InlineData("-----Messaggio originale-----")]
    [InlineData("-----Oorspronkelijk bericht-----")]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("Begin forwarded message:")]
    public void A_separator_line_cuts_the_quoted_message(string separator)
    {
        var text = $"Please cancel this order.\n\n{separator}\nThank you for your order!";

        Assert.Equal("Please cancel this order.", Normalize(text));
    }

    [Fact]
    public void A_separator_in_a_flattened_text_cuts_at_its_dashes()
    {
        Assert.Equal("Please cancel this order. Ben", Normalize("Please cancel this order. Ben -----Original Message----- Thank you for your order!"));
    }

    [Fact]
    public void Prose_that_mentions_the_original_message_is_kept()
    {
        const string text = "I forwarded the original message to you twice.";

        Assert.Equal(text, Normalize(text));
    }

    [Fact]
    public void A_text_that_is_all_quoted_keeps_its_text()
    {
        Assert.Equal("My parcel never came.\nPlease help.", Normalize("> My parcel never came.\n> Please help."));
        Assert.Equal("From: Anna <anna@example.com>\nSubject: Broken\nThe lid is broken.", Normalize("From: Anna <anna@example.com>\nSubject: Broken\nThe lid is broken."));
    }

    [Fact]
    public void Blank_and_empty_text_normalise_to_nothing()
    {
        Assert.Equal("", Normalize(""));
        Assert.Equal("", Normalize(" \r\n\t<br>&nbsp;"));
    }
}
