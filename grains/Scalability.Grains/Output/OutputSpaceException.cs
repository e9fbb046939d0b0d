namespace Scalability.Grains.Output;

/// <summary>The output's volume has too little free space for the job; the message says how much it has and needs.</summary>
public sealed class OutputSpaceException(string message) : Exception(message);
