global using Scalability.GrainInterfaces.Datasets;
global using Scalability.GrainInterfaces.Jobs;
global using Scalability.GrainInterfaces.Processing;
global using Xunit;
