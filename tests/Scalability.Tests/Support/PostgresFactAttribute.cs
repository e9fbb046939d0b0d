using Xunit.Abstractions;
using Xunit.Sdk;

namespace Scalability.Tests.Support;

/// <summary>A test that needs a PostgreSQL server: reported as skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs a PostgreSQL server: reported as skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// Marks a test class whose tests (usually inherited from a base shared with SQLite, as <see cref="DatabaseFactAttribute"/>
/// tests) all need a PostgreSQL server.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresTestsAttribute : Attribute;

/// <summary>
/// A test written once for every database engine, in a base class with one subclass per engine. In a subclass marked
/// <see cref="PostgresTestsAttribute"/> it is skipped, with the reason, where there is no PostgreSQL server (an
/// attribute on a base method cannot tell the subclasses apart, hence the discoverer).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Scalability.Tests.Support.DatabaseFactDiscoverer", "Scalability.Tests")]
public sealed class DatabaseFactAttribute : FactAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresTestsAttribute)).Any();
        if (needsPostgres && PostgresServer.UnavailableReason is { } reason)
        {
            return
            [
                new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
