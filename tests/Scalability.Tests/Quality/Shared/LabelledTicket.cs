namespace Scalability.Tests.Quality;

/// <summary>A ticket text with its language and the support-taxonomy category it belongs to.</summary>
/// <param name="DataSet">Where it comes from: <c>dev</c>, <c>bitext</c>, <c>banking77</c>.</param>
public sealed record LabelledTicket(string DataSet, string Id, string Language, string Text, string Category);
