using System.Globalization;
using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// Writes realistic synthetic support tickets as CSV for scale runs: the same rows and seed always give the same
/// bytes. Bodies are built from templates per support category with varied products, amounts, order numbers and
/// dates, from one-liners to multi-paragraph messages, with the things real CSV exports have: commas, line breaks and
/// double quotes inside fields, and non-ASCII names and words. Streams: memory does not grow with the row count.
/// </summary>
public static class SyntheticTicketGenerator
{
    /// <summary>The header of the generated CSV.</summary>
    public static IReadOnlyList<string> Columns => ColumnNames;

    private static readonly string[] ColumnNames =
        ["ticket_id", "created_at", "channel", "customer_name", "subject", "body", "priority"];

    /// <summary>When the first ticket was created; later ones follow at random intervals.</summary>
    public static readonly DateTime FirstCreatedAt = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Writes a header and <paramref name="rows"/> tickets as UTF-8 CSV (no byte order mark, LF line ends, RFC 4180
    /// quoting) to <paramref name="output"/>, which stays open.
    /// </summary>
    public static void Write(Stream output, long rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        using var writer = CsvWriter.Create(output, WriterOptions(), leaveOpen: true);
        Write(writer, rows, seed);
    }

    /// <summary>As <see cref="Write(Stream, long, int)"/>, to a text writer that does its own encoding.</summary>
    public static void Write(TextWriter output, long rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        using var writer = CsvWriter.Create(output, WriterOptions(), leaveOpen: true);
        Write(writer, rows, seed);
    }

    private static CsvWriterOptions WriterOptions() => new() { NewLine = "\n" };

    private static void Write(CsvWriter writer, long rows, int seed)
    {
        writer.WriteHeader(ColumnNames);
        var ticket = new TicketBuilder(new Random(seed));
        Span<char> scratch = stackalloc char[32];
        for (long number = 1; number <= rows; number++)
        {
            ticket.Next();

            scratch[0] = 'T';
            scratch[1] = '-';
            number.TryFormat(scratch[2..], out var digits, "D6", CultureInfo.InvariantCulture);
            writer.WriteField(scratch[..(2 + digits)]);

            ticket.CreatedAt.TryFormat(scratch, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            writer.WriteField(scratch[..written]);

            writer.WriteField(ticket.Channel);
            writer.WriteField(ticket.CustomerName.Span);
            writer.WriteField(ticket.Subject.Span);
            writer.WriteField(ticket.Body.Span);
            writer.WriteField(ticket.Priority);
            writer.EndRecord();
        }
    }

    /// <summary>Builds one ticket at a time into reused buffers; the random draws are the only source of variety.</summary>
    private sealed class TicketBuilder(Random random)
    {
        private string _first = "";
        private string _last = "";
        private CategoryTemplates _category = TemplateLibrary.Categories[0];

        // What a ticket is about stays the same across its subject and body: drawn on first use, -1 until then.
        private int _product, _plan, _carrier, _city, _operatingSystem, _feature, _color, _order, _errorCode;

        public DateTime CreatedAt { get; private set; } = FirstCreatedAt;
        public string Channel { get; private set; } = "";
        public string Priority { get; private set; } = "";
        public TextBuffer CustomerName { get; } = new();
        public TextBuffer Subject { get; } = new();
        public TextBuffer Body { get; } = new();

        public void Next()
        {
            CreatedAt = CreatedAt.AddSeconds(random.Next(5, 240));
            _product = _plan = _carrier = _city = _operatingSystem = _feature = _color = _order = _errorCode = -1;
            _category = Pick(TemplateLibrary.Categories, TemplateLibrary.CategoryWeightTotal, c => c.Weight);
            Channel = Pick(TemplateLibrary.Channels);
            WriteCustomerName();
            WriteSubject();
            WriteBody();
            Priority = PickPriority();
        }

        private void WriteCustomerName()
        {
            CustomerName.Clear();
            var roll = random.Next(100);
            if (roll < 3)
            {
                _first = Pick(TemplateLibrary.CjkNames);
                _last = "";
                CustomerName.Append(_first);
                return;
            }

            _first = Pick(TemplateLibrary.FirstNames);
            _last = Pick(TemplateLibrary.LastNames);
            if (roll < 8)
            {
                // Exported from a system that stores "Last, First": a comma inside the field.
                CustomerName.Append(_last).Append(", ").Append(_first);
            }
            else
            {
                CustomerName.Append(_first).Append(' ').Append(_last);
            }
        }

        private void WriteSubject()
        {
            Subject.Clear();
            var roll = random.Next(100);
            if (roll < 5)
            {
                Subject.Append("Re: ");
            }
            else if (roll < 8)
            {
                Subject.Append("URGENT: ");
            }

            Fill(Subject, Pick(_category.Subjects));
        }

        private void WriteBody()
        {
            Body.Clear();
            var shape = random.Next(100);
            if (shape < 10)
            {
                // A one-liner, as typed into a chat box.
                Fill(Body, Pick(_category.Openings));
                MaybeAppendEmoji();
                return;
            }

            if (random.Next(100) < 60)
            {
                Body.Append(Pick(TemplateLibrary.Greetings)).Append(random.Next(2) == 0 ? "\n\n" : " ");
            }

            Fill(Body, Pick(_category.Openings));
            MaybeAppendEmoji();

            int paragraphs;
            if (shape < 82)
            {
                paragraphs = 1;
            }
            else if (shape < 95)
            {
                paragraphs = 2;
            }
            else
            {
                paragraphs = random.Next(3, 10);
            }

            var detailStart = random.Next(_category.Details.Length);
            var detailsUsed = 0;
            for (var paragraph = 0; paragraph < paragraphs; paragraph++)
            {
                if (paragraph > 0)
                {
                    Body.Append("\n\n");
                }

                if (paragraph > 0 && paragraphs > 2 && random.Next(4) == 0)
                {
                    AppendTimeline();
                    continue;
                }

                var sentences = random.Next(2, 5);
                for (var s = 0; s < sentences; s++)
                {
                    // The first paragraph continues the opening sentence; later ones start after a blank line.
                    if (paragraph == 0 || s > 0)
                    {
                        Body.Append(' ');
                    }

                    if (random.Next(100) < 65 && detailsUsed < _category.Details.Length)
                    {
                        Fill(Body, _category.Details[(detailStart + detailsUsed) % _category.Details.Length]);
                        detailsUsed++;
                    }
                    else
                    {
                        Fill(Body, Pick(TemplateLibrary.Fillers));
                    }
                }
            }

            if (random.Next(100) < 50)
            {
                Fill(Body, Pick(TemplateLibrary.SignOffs));
            }
        }

        private void AppendTimeline()
        {
            Body.Append("Timeline:");
            var steps = random.Next(2, 5);
            for (var step = 0; step < steps; step++)
            {
                Body.Append("\n- ");
                Fill(Body, Pick(TemplateLibrary.TimelineSteps));
            }
        }

        private void MaybeAppendEmoji()
        {
            if (random.Next(100) < 2)
            {
                Body.Append(' ').Append(Pick(TemplateLibrary.Emoji));
            }
        }

        private string PickPriority()
        {
            var roll = random.Next(100) + _category.Urgency;
            return roll switch
            {
                < 30 => "low",
                < 75 => "medium",
                < 95 => "high",
                _ => "urgent",
            };
        }

        private void Fill(TextBuffer target, Template template)
        {
            foreach (var segment in template.Segments)
            {
                if (segment.Slot == Slot.Literal)
                {
                    target.Append(segment.Text);
                }
                else
                {
                    FillSlot(target, segment.Slot);
                }
            }
        }

        private void FillSlot(TextBuffer target, Slot slot)
        {
            switch (slot)
            {
                case Slot.Product:
                    target.Append(TemplateLibrary.Products[Draw(ref _product, TemplateLibrary.Products.Length)]);
                    break;
                case Slot.Order:
                    // Even numbers are written "#1234567", odd ones "ORD-12345": two systems' formats.
                    var order = Draw(ref _order, 10_000_000);
                    if (order % 2 == 0)
                    {
                        target.Append('#').Append(order, "D7");
                    }
                    else
                    {
                        target.Append("ORD-").Append(order % 100_000, "D5");
                    }

                    break;
                case Slot.Amount:
                    AppendAmount(target);
                    break;
                case Slot.Date:
                    AppendDate(target);
                    break;
                case Slot.Days:
                    target.Append(random.Next(2, 31));
                    break;
                case Slot.Last4:
                    target.Append(random.Next(10_000), "D4");
                    break;
                case Slot.Plan:
                    target.Append(TemplateLibrary.Plans[Draw(ref _plan, TemplateLibrary.Plans.Length)]);
                    break;
                case Slot.Error:
                    AppendError(target);
                    break;
                case Slot.Carrier:
                    target.Append(TemplateLibrary.Carriers[Draw(ref _carrier, TemplateLibrary.Carriers.Length)]);
                    break;
                case Slot.City:
                    target.Append(TemplateLibrary.Cities[Draw(ref _city, TemplateLibrary.Cities.Length)]);
                    break;
                case Slot.OperatingSystem:
                    target.Append(TemplateLibrary.OperatingSystems[Draw(ref _operatingSystem, TemplateLibrary.OperatingSystems.Length)]);
                    break;
                case Slot.Feature:
                    target.Append(TemplateLibrary.Features[Draw(ref _feature, TemplateLibrary.Features.Length)]);
                    break;
                case Slot.Color:
                    target.Append(TemplateLibrary.Colors[Draw(ref _color, TemplateLibrary.Colors.Length)]);
                    break;
                case Slot.Version:
                    target.Append(random.Next(1, 9)).Append('.').Append(random.Next(0, 20)).Append('.').Append(random.Next(0, 10));
                    break;
                case Slot.Count:
                    target.Append(random.Next(2, 13));
                    break;
                case Slot.Years:
                    target.Append(random.Next(2, 16));
                    break;
                case Slot.First:
                    target.Append(_first);
                    break;
                case Slot.Last:
                    target.Append(_last.Length > 0 ? _last : Pick(TemplateLibrary.LastNames));
                    break;
                case Slot.Email:
                    target.Append("user").Append(random.Next(100_000), "D5").Append("@example.com");
                    break;
                case Slot.CaseReference:
                    target.Append("CS-").Append(random.Next(1_000_000), "D6");
                    break;
                default:
                    throw new InvalidOperationException($"unknown slot {slot}");
            }
        }

        private void AppendAmount(TextBuffer target)
        {
            var units = random.Next(5, 500);
            var cents = random.Next(100);
            switch (random.Next(4))
            {
                case 0:
                    // Continental style: a decimal comma, which CSV must quote.
                    target.Append(units).Append(',').Append(cents, "D2").Append(" €");
                    break;
                case 1:
                    target.Append('£').Append(units).Append('.').Append(cents, "D2");
                    break;
                default:
                    target.Append('$').Append(units).Append('.').Append(cents, "D2");
                    break;
            }
        }

        private void AppendDate(TextBuffer target)
        {
            var day = random.Next(1, 29);
            switch (random.Next(4))
            {
                case 0:
                    target.Append(Pick(TemplateLibrary.Months)).Append(' ').Append(day);
                    break;
                case 1:
                    target.Append(random.Next(1, 13)).Append('/').Append(day);
                    break;
                case 2:
                    target.Append("2024-").Append(random.Next(1, 13), "D2").Append('-').Append(day, "D2");
                    break;
                default:
                    target.Append(Pick(TemplateLibrary.RelativeDays));
                    break;
            }
        }

        private void AppendError(TextBuffer target)
        {
            // One draw decides both the style and the code, so the same error reads the same everywhere in a ticket.
            var code = Draw(ref _errorCode, 3 * 0x10000);
            switch (code % 3)
            {
                case 0:
                    target.Append("0x8007").Append(code / 3, "X4");
                    break;
                case 1:
                    target.Append("E-").Append(1000 + code / 3 % 9000);
                    break;
                default:
                    target.Append(TemplateLibrary.ErrorMessages[code / 3 % TemplateLibrary.ErrorMessages.Length]);
                    break;
            }
        }

        private int Draw(ref int cached, int count) => cached >= 0 ? cached : cached = random.Next(count);

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private T Pick<T>(T[] items, int totalWeight, Func<T, int> weight)
        {
            var roll = random.Next(totalWeight);
            foreach (var item in items)
            {
                roll -= weight(item);
                if (roll < 0)
                {
                    return item;
                }
            }

            return items[^1];
        }
    }

    /// <summary>A growable character buffer, reused row after row so that building a ticket allocates nothing.</summary>
    private sealed class TextBuffer
    {
        private char[] _chars = new char[1024];

        public int Length { get; private set; }

        public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

        public void Clear() => Length = 0;

        public TextBuffer Append(string text)
        {
            Ensure(text.Length);
            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
            return this;
        }

        public TextBuffer Append(char c)
        {
            Ensure(1);
            _chars[Length++] = c;
            return this;
        }

        public TextBuffer Append(int value, string? format = null)
        {
            Ensure(16);
            value.TryFormat(_chars.AsSpan(Length), out var written, format, CultureInfo.InvariantCulture);
            Length += written;
            return this;
        }

        private void Ensure(int extra)
        {
            if (Length + extra > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + extra));
            }
        }
    }

    private enum Slot
    {
        Literal,
        Product,
        Order,
        Amount,
        Date,
        Days,
        Last4,
        Plan,
        Error,
        Carrier,
        City,
        OperatingSystem,
        Feature,
        Color,
        Version,
        Count,
        Years,
        First,
        Last,
        Email,
        CaseReference,
    }

    private readonly record struct Segment(Slot Slot, string Text);

    /// <summary>A text with {slot} markers, split once into literal and slot segments so that filling it is a loop.</summary>
    private sealed class Template
    {
        private static readonly Dictionary<string, Slot> SlotNames = new(StringComparer.Ordinal)
        {
            ["product"] = Slot.Product, ["order"] = Slot.Order, ["amount"] = Slot.Amount, ["date"] = Slot.Date,
            ["days"] = Slot.Days, ["last4"] = Slot.Last4, ["plan"] = Slot.Plan, ["error"] = Slot.Error,
            ["carrier"] = Slot.Carrier, ["city"] = Slot.City, ["os"] = Slot.OperatingSystem,
            ["feature"] = Slot.Feature, ["color"] = Slot.Color, ["version"] = Slot.Version, ["count"] = Slot.Count,
            ["years"] = Slot.Years, ["first"] = Slot.First, ["last"] = Slot.Last, ["email"] = Slot.Email,
            ["case"] = Slot.CaseReference,
        };

        private Template(Segment[] segments) => Segments = segments;

        public Segment[] Segments { get; }

        public static implicit operator Template(string text) => Parse(text);

        private static Template Parse(string text)
        {
            var segments = new List<Segment>();
            var position = 0;
            while (position < text.Length)
            {
                var open = text.IndexOf('{', position);
                if (open < 0)
                {
                    segments.Add(new Segment(Slot.Literal, text[position..]));
                    break;
                }

                var close = text.IndexOf('}', open);
                if (close < 0 || !SlotNames.TryGetValue(text[(open + 1)..close], out var slot))
                {
                    throw new InvalidOperationException($"template '{text}' has an unknown or unclosed slot at {open}");
                }

                if (open > position)
                {
                    segments.Add(new Segment(Slot.Literal, text[position..open]));
                }

                segments.Add(new Segment(slot, ""));
                position = close + 1;
            }

            return new Template([.. segments]);
        }
    }

    /// <param name="Weight">How often the category occurs, relative to the others.</param>
    /// <param name="Urgency">Shifts the priority roll: outages and lost money are more urgent than questions.</param>
    private sealed record CategoryTemplates(string Name, int Weight, int Urgency, Template[] Subjects, Template[] Openings, Template[] Details);

    /// <summary>The words tickets are made of. Openings state the problem; details and fillers fill out longer tickets.</summary>
    private static class TemplateLibrary
    {
        public static readonly CategoryTemplates[] Categories =
        [
            new("billing", 12, 5,
                ["Charged twice for order {order}", "Question about my invoice", "Wrong amount on my bill, again",
                 "Payment declined, but the money was taken", "Unexpected charge of {amount}",
                 "Need a copy of my receipt", "Billing error on the {plan} plan"],
                ["I was charged twice for my {plan} subscription this month.",
                 "My card ending in {last4} was charged {amount} on {date}, and I don't recognise the charge.",
                 "The invoice for {date} shows {amount}, which is more than I agreed to pay.",
                 "I can't find the invoice for order {order} anywhere.",
                 "My payment of {amount} went through twice.",
                 "Why was I billed {amount} when my plan is cheaper than that?",
                 "The checkout said \"Payment failed\", yet the money left my bank."],
                ["The first charge was at 10:14 and the second one a minute later.",
                 "My bank statement lists both transactions, each for {amount}.",
                 "Could you send me a corrected invoice with my company's VAT number on it?",
                 "I pay by credit card, and nothing on my side has changed recently.",
                 "Your website says the \"{plan}\" plan is {amount} a month, tax included.",
                 "Please tell me which payment method you have on file.",
                 "The receipt I got by email has a different amount than the invoice."]),
            new("refund", 10, 10,
                ["Refund request for order {order}", "Still waiting for my refund", "Return and refund: {product}",
                 "Money back, please", "Refund not received after {days} days"],
                ["I returned the {product} on {date} and I still haven't received my refund.",
                 "I would like my money back for order {order}; the {product} is not what was advertised.",
                 "You promised a refund of {amount} {days} days ago, and I have seen nothing since.",
                 "Please refund the {amount} I paid for the {product}.",
                 "How long does a refund take to reach my card?",
                 "I sent the {product} back with the prepaid label, so please process my refund."],
                ["The refund should go back to the original card, ending in {last4}.",
                 "Your return policy says refunds take 5-7 business days.",
                 "It has now been {days} days.",
                 "I'd accept store credit if that is faster.",
                 "The {product} was unused and still in its original box.",
                 "Case reference {case}, in case that helps."]),
            new("cancellation", 8, 0,
                ["Cancel my subscription", "Please cancel order {order}", "How do I cancel?",
                 "Stop the automatic renewal", "Question about the cancellation fee", "Unsubscribe me"],
                ["Please cancel my {plan} subscription, effective immediately.",
                 "I want to cancel order {order} before it goes out.",
                 "I no longer need the service, so please close my account and stop all future charges.",
                 "You renewed my plan for another year without asking; I want to cancel it.",
                 "How do I terminate my contract without paying the early termination fee?",
                 "Please unsubscribe me and make sure I am not billed again."],
                ["I tried to cancel online, but the button does nothing.",
                 "Please confirm the cancellation by email.",
                 "I was told there would be no penalty if I cancelled within {days} days.",
                 "My contract number is {case}.",
                 "We are moving abroad to {city}, so we won't use it anymore."]),
            new("account_access", 12, 15,
                ["Can't log in", "Locked out of my account", "Password reset not working",
                 "2FA code never arrives", "Forgot my username", "Was my account hacked?"],
                ["I can't log in to my account; the password reset email never arrives.",
                 "I'm locked out after too many login attempts.",
                 "The verification code you send by SMS never shows up on my phone.",
                 "Someone changed the email address on my account, and now I can't sign in.",
                 "I forgot my username, and the recovery form says it doesn't recognise my email.",
                 "I keep getting logged out of my account every few minutes."],
                ["I tried three different browsers and cleared the cookies.",
                 "My login email is {email}.",
                 "The reset link says \"This link has expired\" even when I click it right away.",
                 "I need to get in today because my project files are in there.",
                 "Please don't ask me to create a new account; I have {years} years of history on this one.",
                 "The last time I signed in successfully was {date}."]),
            new("technical_issue", 20, 20,
                ["App keeps crashing", "Error \"{error}\" when saving", "{product} not working",
                 "Screen freezes after update", "Sync broken since {date}", "Bluetooth won't connect"],
                ["The {product} app crashes every time I open the settings page.",
                 "I get the error \"{error}\" whenever I try to save a file.",
                 "My {product} stopped working after the latest firmware update.",
                 "The screen freezes for about ten seconds, then everything is slow.",
                 "My {product} won't connect to Wi-Fi anymore, although everything else in the house works fine.",
                 "Since {date}, the sync between my phone and my laptop is broken."],
                ["I've already restarted it, reinstalled the app and reset the network settings.",
                 "I'm on version {version} on {os}.",
                 "The log shows \"{error}\" followed by a timeout.",
                 "It happens roughly {count} times a day.",
                 "Here is what I did: opened the app, tapped Export, chose PDF, and it crashed.",
                 "A colleague on {os} has the same thing, so it's not just my machine."]),
            new("delivery_shipping", 16, 10,
                ["Where is my order {order}?", "Package not delivered", "Wrong shipping address",
                 "Tracking hasn't updated in {days} days", "Delivery delayed", "Parcel marked delivered but not here"],
                ["My order {order} was supposed to arrive on {date}, but it still hasn't shown up.",
                 "The tracking number from {carrier} hasn't updated in {days} days.",
                 "The parcel is marked as delivered, but there's nothing at my door.",
                 "I entered the wrong shipping address; can you change it to {city} before it ships?",
                 "The package arrived damaged: the box was crushed and the {product} is scratched.",
                 "Do you deliver to {city}, and how long does shipping usually take?"],
                ["{carrier} says the package is still at the depot.",
                 "I was home all day, and nobody rang the bell.",
                 "Please resend it, or tell me who to talk to at {carrier}.",
                 "My neighbour, Mrs. {last}, sometimes takes parcels in for me.",
                 "The estimated delivery date keeps moving.",
                 "It was a gift for {date}, so the timing matters."]),
            new("product_question", 10, -15,
                ["Is the {product} compatible with {os}?", "Question about {product} sizes",
                 "Does it support {feature}?", "Difference between {plan} and Premium", "Back in stock?"],
                ["Is the {product} compatible with {os}?",
                 "Does the {product} support {feature}, or do I need an adapter?",
                 "What's the difference between the {plan} and Premium plans?",
                 "When will the {product} in {color} be back in stock?",
                 "How do I set up {feature} on the {product}?",
                 "Does the {product} come with a charger, and what are its dimensions?"],
                ["I'm planning to buy {count} of them for my office.",
                 "The manual doesn't mention it.",
                 "I couldn't find the specs on your website.",
                 "Is the warranty valid in {city}?",
                 "I'd like a recommendation for a naïve beginner like me.",
                 "My current one is {years} years old, e.g. from before the redesign."]),
            new("feedback", 7, -20,
                ["Feedback on my last order", "Complaint about support", "Suggestion: {feature}",
                 "Great service!", "Very disappointed"],
                ["I want to file a complaint about how my last call was handled.",
                 "Just wanted to say your support team was fantastic, thank you!",
                 "A suggestion: please add {feature} to the {product}.",
                 "I'm very disappointed with the quality of the {product}.",
                 "I left a review, but it never appeared on the site.",
                 "The agent I spoke to on {date} was rude and hung up on me."],
                ["I've recommended you to friends, so this surprised me.",
                 "Overall the experience was fine, but it could be better.",
                 "I run a small café and use your things every day.",
                 "I'd rate it three stars out of five.",
                 "Please pass this on to the team."]),
            new("other", 5, -25,
                ["General question", "Partnership inquiry", "Newsletter", "Opening hours?", "Press inquiry"],
                ["Could you add me to your newsletter?",
                 "What are your opening hours over the holidays?",
                 "We'd like to discuss a partnership with your company.",
                 "Is there a phone number where I can reach a real person?",
                 "Are you hiring? I'd love to send my résumé.",
                 "Do you have a store in {city}?"],
                ["We are a small business based in {city}.",
                 "No rush on this.",
                 "I found you through a friend, {first}."]),
        ];

        public static readonly int CategoryWeightTotal = Categories.Sum(c => c.Weight);

        public static readonly Template[] Fillers =
        [
            "This is the second time I'm writing about this.", "I'd appreciate a quick reply.",
            "I've been a customer for {years} years.", "Let me know if you need anything else from me.",
            "Maybe I'm being naïve, but I expected this to be simple.", "I've attached a screenshot.",
            "My case reference is {case}.", "I'm reachable most afternoons.",
            "Honestly, I'm quite frustrated at this point.", "Thanks in advance for looking into it.",
            "I already spoke to someone on {date}, but nothing happened.",
            "My colleague, {first}, ran into the same thing last month.",
            "Your FAQ says \"contact us\", so here I am.",
        ];

        public static readonly Template[] TimelineSteps =
        [
            "{date}: first wrote to you", "{date}: was told to wait {days} days", "{date}: still nothing",
            "{date}: sent the screenshots again", "{date}: got an automatic reply (case {case})",
        ];

        public static readonly string[] Greetings =
            ["Hi,", "Hello,", "Hello team,", "Dear support,", "Hi there,", "Good morning,", "Hey,"];

        public static readonly Template[] SignOffs =
            ["\n\nThanks,\n{first}", "\n\nBest regards,\n{first} {last}", " Thank you!", " Cheers, {first}", "\n\n— {first}"];

        public static readonly string[] Emoji = ["🙂", "😡", "🙏", "👍"];

        public static readonly string[] Channels = ["email", "email", "email", "web", "web", "chat", "chat", "phone", "social"];

        public static readonly string[] FirstNames =
        [
            "José", "Zoë", "Søren", "Ana", "Liam", "Olivia", "Noah", "Emma", "Mohammed", "Aarav", "Chloé", "Björn",
            "Łukasz", "Renée", "François", "Mei", "Yuki", "Chinedu", "Fatima", "Priya", "John", "Sarah", "Michael",
            "Emily", "David", "Laura", "Carlos", "Sofia", "Hannah", "Tom",
        ];

        public static readonly string[] LastNames =
        [
            "Müller", "García", "O'Brien", "Nguyen", "Smith", "Johnson", "Kowalski", "Okafor", "Patel", "Rossi",
            "Dubois", "Andersen", "Tanaka", "Kim", "Silva", "Brown", "Williams", "Jones", "Hernández", "Schröder",
            "Ødegaard", "Martin", "Lee", "Walker",
        ];

        public static readonly string[] CjkNames = ["王伟", "李娜", "张敏", "佐藤健", "김민준"];

        public static readonly string[] Products =
        [
            "AeroBook 14", "Pulse Fit band", "Nimbus X2 earbuds", "HomeCam 360", "Volt power bank", "Orbit router",
            "Lumen desk lamp", "Atlas backpack", "Brew Pro coffee maker", "Zephyr air purifier", "PixelPad tablet",
            "Echo Go speaker",
        ];

        public static readonly string[] Plans = ["Basic", "Plus", "Pro", "Family", "Business"];

        public static readonly string[] Carriers = ["UPS", "FedEx", "DHL", "USPS", "La Poste", "Royal Mail", "PostNord"];

        public static readonly string[] Cities =
            ["São Paulo", "Zürich", "Montréal", "Kraków", "Austin", "Leeds", "Osaka", "Nairobi", "Lyon", "Malmö", "Dublin"];

        public static readonly string[] OperatingSystems =
            ["Windows 11", "macOS Sonoma", "Android 14", "iOS 17", "Ubuntu 22.04", "ChromeOS"];

        public static readonly string[] Features =
            ["dark mode", "offline mode", "voice control", "multi-room audio", "gesture control", "custom shortcuts"];

        public static readonly string[] Colors = ["midnight blue", "sage green", "rosé gold", "matte black", "white"];

        public static readonly string[] ErrorMessages =
            ["Something went wrong (code 503)", "ERR_CONNECTION_RESET", "Unexpected token < in JSON", "Disk full, sync paused"];

        public static readonly string[] Months =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

        public static readonly string[] RelativeDays =
            ["last Tuesday", "yesterday", "the day before yesterday", "last week", "Monday morning", "the 12th"];
    }
}
