using Scalability.Grains.Ingest;
using Scalability.Grains.Processing.Training;
using Scalability.Tests.Support;

namespace Scalability.Tests.Training;

public sealed class LabeledCsvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rows_with_a_blank_label_are_counted_and_left_out_and_record_numbers_are_those_of_a_job()
    {
        var path = _temp.Write("labeled.csv",
            "id,subject,body,topic\n1,Refund,money back please,billing\n2,Login,cannot sign in, \n3,Card,\"charged\ntwice\",billing\n4,Parcel,where is it,delivery\n");

        var data = LabeledCsv.Read(path, "topic", textColumns: null);

        Assert.Equal((4L, 1L, 0L), (data.Rows, data.BlankLabels, data.Malformed));
        Assert.Equal(["subject", "body"], data.TextColumns);
        Assert.True(data.TextDetected);
        Assert.Equal([1L, 3L, 4L], data.Examples.Select(e => e.RecordNumber));
        Assert.Equal(new Ticket("3", 3, [new TicketField("subject", "Card"), new TicketField("body", "charged\ntwice")]).Text, data.Examples[1].Text);
        Assert.Equal(["billing", "billing", "delivery"], data.Examples.Select(e => e.Label));
        Assert.Equal([KeyValuePair.Create("billing", 2), KeyValuePair.Create("delivery", 1)], data.Categories);
    }

    [Fact]
    public void A_detected_text_column_that_is_the_label_is_not_read_as_text()
    {
        var path = _temp.Write("topic.csv", "topic,message\nbilling,charged twice\ndelivery,late parcel\n");

        var data = LabeledCsv.Read(path, "topic", textColumns: null);

        Assert.Equal(["message"], data.TextColumns);
        Assert.Equal(["charged twice", "late parcel"], data.Examples.Select(e => e.Text));
    }

    [Fact]
    public void Naming_the_label_column_as_text_is_refused()
    {
        var path = _temp.Write("named.csv", "text,label\nhello,a\nworld,b\n");

        var error = Assert.Throws<InputException>(() => LabeledCsv.Read(path, "label", ["text", "label"]));

        Assert.Equal($"{path}: column 'label' cannot be both the label column and a text column: a model would read its answer", error.Message);
    }

    [Fact]
    public void A_missing_label_column_is_named_with_the_columns_there_are()
    {
        var path = _temp.Write("nolabel.csv", "text,label\nhello,a\nworld,b\n");

        var error = Assert.Throws<InputException>(() => LabeledCsv.Read(path, "category", null));

        Assert.Equal($"{path}: --label-column: no column named 'category'; the columns are 'text', 'label'", error.Message);
    }

    [Fact]
    public void One_category_is_not_enough_to_train_on()
    {
        var path = _temp.Write("one.csv", "text,label\nhello,a\nworld,a\nagain,\n");

        var error = Assert.Throws<InputException>(() => LabeledCsv.Read(path, "label", null));

        Assert.Equal($"{path}: --label-column 'label' holds one category only ('a'); a categorizer needs at least 2 to choose from", error.Message);
    }

    [Fact]
    public void Malformed_records_are_counted_and_left_out()
    {
        var path = _temp.Write("malformed.csv", "text,label\nhello,a\ntoo,many,fields\nworld,b\n");

        var data = LabeledCsv.Read(path, "label", null);

        Assert.Equal((3L, 1L), (data.Rows, data.Malformed));
        Assert.Equal([1L, 3L], data.Examples.Select(e => e.RecordNumber));
    }

    [Fact]
    public void The_trainer_refuses_one_category_and_too_few_examples_to_hold_any_out()
    {
        LabeledExample[] one = [new(1, "hello", "a"), new(2, "world", "a")];
        LabeledExample[] tiny = [new(1, "hello", "a"), new(2, "world", "b")];

        var single = Assert.Throws<ArgumentException>(() => CategorizerTrainer.Train(one, new TrainingOptions()));
        var few = Assert.Throws<ArgumentException>(() => CategorizerTrainer.Train(tiny, new TrainingOptions()));

        Assert.Equal("every example has the category 'a'; a categorizer needs at least 2 categories to choose from", single.Message);
        Assert.Equal("2 examples are too few to hold 20% of each category out for scoring", few.Message);
    }
}
