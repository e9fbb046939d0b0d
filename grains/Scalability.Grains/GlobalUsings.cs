global using Orleans;
global using Orleans.Runtime;
global using Scalability.GrainInterfaces.Datasets;
global using Scalability.GrainInterfaces.Jobs;
global using Scalability.GrainInterfaces.Processing;
global using Scalability.GrainInterfaces.Scaling;
