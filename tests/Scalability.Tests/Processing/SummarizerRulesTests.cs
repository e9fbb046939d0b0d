using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Summaries;

namespace Scalability.Tests.Processing;

/// <summary>Each rule of the summarizer by exact output: roles of sentences, and the summary they lead to.</summary>
public sealed class SummarizerRulesTests
{
    private static readonly ExtractiveSummarizer Summarizer = ExtractiveSummarizer.Default;

    private static SentenceRole[] Roles(string text) => Summarizer.Explain(text).Select(s => s.Role).ToArray();

    private static string Summary(string text) => Summarizer.Summarize(text, 240);

    [Theory]
    [InlineData("Hi team, my card never arrived.", "My card never arrived.")]
    [InlineData("Dear Customer Support, I was charged twice for my order.", "I was charged twice for my order.")]
    [InlineData("Hello, The tracking number has not changed in 25 days.", "The tracking number has not changed in 25 days.")]
    [InlineData("hi, got my parcel today but the kettle inside is blue, not black.", "got my parcel today but the kettle inside is blue, not black.")]
    [InlineData("hi my card never arrived", "my card never arrived")]
    [InlineData("Hallo Frau Schneider, die Rechnung ist falsch.", "Die Rechnung ist falsch.")]
    [InlineData("Sehr geehrte Damen und Herren, hiermit kündige ich meinen Vertrag.", "Hiermit kündige ich meinen Vertrag.")]
    [InlineData("Bonjour à toute l'équipe, ma valise est perdue.", "Ma valise est perdue.")]
    [InlineData("Madame, Monsieur, je n'ai pas reçu mon colis.", "Je n'ai pas reçu mon colis.")]
    [InlineData("hola el router se reinicia solo cada 10 minutos", "el router se reinicia solo cada 10 minutos")]
    [InlineData("Olá, boa tarde! Fui cobrado duas vezes este mês.", "Fui cobrado duas vezes este mês.")]
    [InlineData("Spett.le Servizio Clienti, il pacco è arrivato rotto.", "Il pacco è arrivato rotto.")]
    [InlineData("Geachte heer, mevrouw, mijn pakket is beschadigd.", "Mijn pakket is beschadigd.")]
    [InlineData("Hi I want a refund,\nthe parcel never came.", "I want a refund, the parcel never came.")]
    public void A_greeting_that_opens_a_sentence_with_content_loses_the_greeting_not_the_content(string text, string expected)
    {
        Assert.Equal(expected, Summary(text));
    }

    [Theory]
    [InlineData("Dear Customer Support,")]
    [InlineData("To whom it may concern,")]
    [InlineData("Hi there!")]
    [InlineData("Sehr geehrte Damen und Herren,")]
    [InlineData("Hallo zusammen,")]
    [InlineData("Bonjour,")]
    [InlineData("Estimados señores:")]
    [InlineData("Geachte functionaris gegevensbescherming,")]
    [InlineData("Hola, ¿cómo están?")]
    [InlineData("Goeiemorgen,")]
    [InlineData("Exmos. Senhores,")]
    [InlineData("Buongiorno,")]
    [InlineData("Beste klantenservice,")]
    public void A_greeting_line_is_never_chosen(string greeting)
    {
        var text = $"{greeting}\n\nThe parcel arrived broken.";

        Assert.Equal(SentenceRole.Greeting, Roles(text)[0]);
        Assert.Equal("The parcel arrived broken.", Summary(text));
    }

    [Theory]
    [InlineData("Thank you, and I look forward to hearing from you soon.")]
    [InlineData("Thanks in advance for your help!")]
    [InlineData("I'd appreciate a quick reply.")]
    [InlineData("Kind regards,")]
    [InlineData("Vielen Dank für Ihre Hilfe")]
    [InlineData("Mit freundlichen Grüßen")]
    [InlineData("Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.")]
    [InlineData("Merci d'avance pour votre réponse.")]
    [InlineData("Quedo a la espera de su respuesta.")]
    [InlineData("Obrigado desde já.")]
    [InlineData("In attesa di un vostro riscontro, porgo distinti saluti.")]
    [InlineData("Met vriendelijke groet,")]
    [InlineData("I hope you are doing well today.")]
    public void A_closing_or_thanks_is_never_chosen(string closing)
    {
        var text = $"My router drops the connection every evening.\n\n{closing}";

        Assert.Equal([SentenceRole.Content, SentenceRole.Closing], Roles(text));
        Assert.Equal("My router drops the connection every evening.", Summary(text));
    }

    [Fact]
    public void A_thanks_with_content_is_content_and_loses_its_courtesy_clause()
    {
        const string text = "Thank you for the quick reply, but the refund has still not reached my card.";

        Assert.Equal([SentenceRole.Content], Roles(text));
        Assert.Equal("The refund has still not reached my card.", Summary(text));
    }

    [Theory]
    [InlineData("Bitte die Rechnung per Post schicken, danke!", "Bitte die Rechnung per Post schicken")]
    [InlineData("please send the invoice by post, thanks in advance", "please send the invoice by post")]
    [InlineData("Merci de me renvoyer la facture, merci d'avance.", "Merci de me renvoyer la facture")]
    [InlineData("Send it by post, thanks for the refund.", "Send it by post, thanks for the refund.")]
    [InlineData("Router kaputt, danke", "Router kaputt, danke")]
    [InlineData("I have sent the screenshots again Thank you!", "I have sent the screenshots again")]
    public void A_trailing_thanks_is_taken_off_a_content_sentence_of_three_words_or_more(string text, string summary)
    {
        Assert.Equal([SentenceRole.Content], Roles(text));
        Assert.Equal(summary, Summary(text));
    }

    [Fact]
    public void Praise_that_mentions_the_delivery_is_content()
    {
        Assert.Equal("Thanks for the super fast delivery, the new lamp looks great!", Summary("Thanks for the super fast delivery, the new lamp looks great!"));
    }

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("Enviado do meu iPhone")]
    [InlineData("Inviato da iPhone")]
    [InlineData("Verzonden vanaf mijn iPhone")]
    [InlineData("Get Outlook for Android")]
    public void A_sent_from_line_is_a_signature_in_every_language(string line)
    {
        var text = $"Please take me off your mailing list.\n\n{line}";

        Assert.Equal([SentenceRole.Content, SentenceRole.Signature], Roles(text));
        Assert.Equal("Please take me off your mailing list.", Summary(text));
    }

    [Fact]
    public void Name_title_company_and_phone_lines_after_a_closing_are_a_signature()
    {
        const string text = """
            Could you please issue a corrected invoice?

            Many thanks,

            Sarah Whitfield
            Finance Assistant, Northgate Interiors Ltd
            T: +44 161 496 0752
            www.northgate-interiors.example
            """;

        Assert.Equal(
            [SentenceRole.Content, SentenceRole.Closing, SentenceRole.Signature, SentenceRole.Signature, SentenceRole.Contact, SentenceRole.Contact],
            Roles(text));
    }

    [Fact]
    public void A_valediction_with_a_name_on_the_same_line_is_a_closing()
    {
        Assert.Equal([SentenceRole.Content, SentenceRole.Closing], Roles("Wann bekomme ich die 89,95 € zurück?? LG Mia"));
        Assert.Equal([SentenceRole.Content, SentenceRole.Closing], Roles("The lid is cracked. Cheers, Dan"));
    }

    [Fact]
    public void A_last_line_of_capitalised_words_after_content_is_a_name()
    {
        Assert.Equal(SentenceRole.Signature, Roles("My card never arrived.\nI ordered it two weeks ago.\nAnna Kowalski")[^1]);
    }

    [Fact]
    public void A_name_above_the_contact_lines_that_end_the_ticket_is_a_signature()
    {
        Assert.Equal(
            [SentenceRole.Content, SentenceRole.Content, SentenceRole.Closing, SentenceRole.Signature, SentenceRole.Contact],
            Roles("Faltan dos piezas del pedido.\nLes pido una nueva fecha.\n\nQuedo en espera de su respuesta.\nGerardo Ibarra Luna\nTel. 442 318 7706"));
    }

    [Fact]
    public void A_last_paragraph_of_short_capitalised_lines_after_a_finished_sentence_is_a_sign_off()
    {
        const string text = """
            Nous aimerions proposer nos vélos reconditionnés à vos clients. Pourriez-vous me dire à qui m'adresser ?

            Au plaisir d'échanger avec vous,
            Thomas Lambert
            Roue Libre, Liège
            """;

        Assert.Equal([SentenceRole.Content, SentenceRole.Content, SentenceRole.Closing, SentenceRole.Signature, SentenceRole.Signature], Roles(text));
    }

    [Fact]
    public void Lines_of_a_chat_written_without_punctuation_are_not_a_sign_off()
    {
        const string text = """
            Hi my order 5521 never came

            Tracking says Delivered
            Nobody Was Home
            """;

        Assert.DoesNotContain(SentenceRole.Closing, Roles(text));
        Assert.Contains("Tracking says Delivered", Summary(text));
    }

    [Fact]
    public void A_short_line_after_a_closing_that_says_something_wrong_is_not_a_signature()
    {
        Assert.Equal([SentenceRole.Content, SentenceRole.Closing, SentenceRole.Content], Roles("The app crashes.\n\nThanks,\nStill no fix after 3 weeks"));
    }

    [Theory]
    [InlineData("Tel. 0176 55512345")]
    [InlineData("+49 30 1234 5678")]
    [InlineData("anna.schmidt@example.com")]
    [InlineData("Account email: j.okafor@examplemail.com")]
    [InlineData("https://example.com/support")]
    public void A_contact_line_is_never_chosen(string line)
    {
        var text = $"My order never arrived.\n{line}";

        Assert.Equal([SentenceRole.Content, SentenceRole.Contact], Roles(text));
    }

    [Fact]
    public void A_number_in_a_sentence_with_words_does_not_make_it_a_contact_line()
    {
        Assert.Equal([SentenceRole.Content], Roles("Please refund the 49.99 to my account NL91 ABNA 0417 1643 00 by Friday."));
    }

    [Theory]
    [InlineData("This e-mail and any attachments are confidential and intended only for the addressee.")]
    [InlineData("Diese E-Mail ist vertraulich; wenn Sie nicht der richtige Empfänger sind, löschen Sie sie bitte.")]
    [InlineData("Este mensaje es confidencial y está dirigido exclusivamente a su destinatario.")]
    [InlineData("Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde en kan vertrouwelijke informatie bevatten.")]
    public void A_disclaimer_is_never_chosen(string disclaimer)
    {
        var text = $"The login page shows an error.\n\nRegards,\nAnna\n\n{disclaimer} It may not be shared.";

        var roles = Roles(text);
        Assert.Equal(SentenceRole.Disclaimer, roles[^2]);
        Assert.Equal(SentenceRole.Disclaimer, roles[^1]);
        Assert.Equal("The login page shows an error.", Summary(text));
    }

    [Fact]
    public void Filler_is_chosen_only_when_nothing_else_is_left()
    {
        Assert.Equal([SentenceRole.Content, SentenceRole.Filler], Roles("My invoice is wrong. Can you help me?"));
        Assert.Equal("Can you help me?", Summary("Hi,\n\nCan you help me?\n\nThanks!"));
    }

    [Fact]
    public void A_subject_line_is_not_a_summary()
    {
        const string text = "Re: AW: Order 123\n\nThe parcel never came and the tracking page is stuck.";

        Assert.Equal([SentenceRole.Subject, SentenceRole.Content], Roles(text));
        Assert.Equal("The parcel never came and the tracking page is stuck.", Summary(text));
    }

    [Fact]
    public void A_subject_with_something_to_say_stands_in_when_the_body_says_nothing()
    {
        Assert.Equal("Printer jams on every page", Summary("Re: Printer jams on every page\n\nThanks!"));
        Assert.Equal("", Summary("Re: AW: Order 123\n\nThanks!"));
    }

    [Fact]
    public void A_first_line_that_reads_like_a_sentence_is_not_a_subject()
    {
        Assert.Equal([SentenceRole.Content, SentenceRole.Content], Roles("My card never arrived.\n\nI ordered it two weeks ago."));
        Assert.Equal([SentenceRole.Content, SentenceRole.Filler, SentenceRole.Content], Roles("My card never arrived. Help!\n\nI ordered it two weeks ago."));
        Assert.Equal([SentenceRole.Content, SentenceRole.Content], Roles("Could you please issue a corrected invoice?\n\nThe VAT number is wrong."));
        Assert.Equal([SentenceRole.Subject, SentenceRole.Content], Roles("Where is my order #123?\n\nIt was due on Monday."));
    }

    [Fact]
    public void The_subject_words_lead_to_the_sentence_about_them()
    {
        const string text = """
            Dishwasher error F6

            We bought a whole new kitchen from you last spring, with an oven, a fridge, a hob, an extractor hood and a wine cooler in oak.
            The dishwasher shows F6 after each programme.
            Our neighbour recommended your shop to us.
            """;

        Assert.Equal("The dishwasher shows F6 after each programme.", Summary(text));

        // Without the subject line the first sentence, which names what was bought, keeps its bonus for coming first.
        Assert.Equal(
            "We bought a whole new kitchen from you last spring, with an oven, a fridge, a hob, an extractor hood and a wine cooler in oak.",
            Summary(text[(text.IndexOf('\n') + 2)..]));
    }

    [Fact]
    public void Reference_numbers_dates_and_timeline_noise_sink()
    {
        const string text = """
            I called on 3 February at 14:30 (ticket #55102), then again on 19 February and on 2 March, ref. 4471-22.
            The boiler still shows error E21 and there is no hot water.
            My customer number is 7781-2290 and my contract number is 5520193 since 12.03.2021.
            """;

        Assert.Equal("The boiler still shows error E21 and there is no hot water.", Summary(text));
    }

    [Fact]
    public void The_problem_wins_over_a_first_sentence_that_only_gives_context_when_it_is_much_stronger()
    {
        const string text = """
            I am writing about order 7781-2290.
            When I opened the box the glass top was shattered and one of the legs is bent, so the table is broken and useless.
            The delivery was on Wednesday at 6pm.
            """;

        // The first sentence names only an order number; the problem, with three problem words, outweighs its bonus.
        Assert.Equal("When I opened the box the glass top was shattered and one of the legs is bent, so the table is broken and useless.", Summary(text));
    }

    [Fact]
    public void No_sentence_is_chosen_twice_nor_a_near_duplicate()
    {
        const string text =
            "My refund of 89 euros has not arrived after three weeks. " +
            "The weather is fine. " +
            "My refund of 89 euros has not arrived after three weeks! " +
            "Three weeks later, my refund of 89 euros has still not arrived. " +
            "Could you tell me when the money will be on my card? " +
            "I live in Porto and I bought the jacket in your Lisbon shop in the spring of this year.";

        var summary = Summarizer.Summarize(text, 240);

        Assert.Equal("My refund of 89 euros has not arrived after three weeks. Could you tell me when the money will be on my card?", summary);
    }

    [Fact]
    public void A_long_ticket_gets_at_most_a_third_of_its_length()
    {
        var text = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Sentence {i} says the router drops the Wi-Fi connection again and again."));
        Assert.True(text.Length > 600);

        var summary = Summary(text);

        Assert.InRange(summary.Length, 1, (int)(ExtractiveSummarizer.MaxShareOfTicket * text.Length));
    }

    [Fact]
    public void A_short_ticket_of_two_sentences_is_returned_whole_and_cleaned()
    {
        Assert.Equal("My package never arrived. Tracking has said in transit since 3 May.",
            Summary("Hi there,\n\nMy package never arrived. Tracking has said in transit since 3 May.\n\nThanks,\nPriya"));
    }

    [Fact]
    public void Escapes_tags_and_quoted_replies_do_not_reach_the_summary()
    {
        const string text = @"Hi,<br><br>I sent back the blender &amp; the jug on 3 June.\nThe &pound;79.99 still hasn&#39;t come back to my card.<br>Thanks<br>Aoife\n\nOn Mon, 3 Jun 2024 at 10:12, Returns <returns@example.com> wrote:\n> We received your return.";

        Assert.Equal("I sent back the blender & the jug on 3 June. The £79.99 still hasn't come back to my card.", Summary(text));
    }
}
