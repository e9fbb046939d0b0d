namespace Scalability.Grains.Processing.Training;

/// <summary>
/// One labeled ticket: its text (the text columns joined as <see cref="Ticket.Text"/> joins them, so that a model sees
/// at training the text a job will give it) and its category.
/// </summary>
/// <param name="RecordNumber">The record's 1-based number in its file: what the split is decided on.</param>
public sealed record LabeledExample(long RecordNumber, string Text, string Label);
