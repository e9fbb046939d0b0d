namespace Scalability.Tests.Integration;

/// <summary>
/// Tests that run several silo processes each and measure how work moves between them: they run on their own, after
/// the parallel tests, so that their timings are not those of a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
