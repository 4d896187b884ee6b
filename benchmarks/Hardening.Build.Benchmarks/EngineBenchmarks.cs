using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace Hardening.Build.Benchmarks
{
    /// <summary>Reads, parses and checks one generated Dockerfile through <see cref="HardeningEngine.Check"/>.</summary>
    [MemoryDiagnoser]
    public class DockerfileBenchmarks
    {
        [ParamsSource(nameof(Inputs))]
        public DockerfileInput Input { get; set; } = null!;

        public static IEnumerable<DockerfileInput> Inputs() => DockerfileInput.All();

        [Benchmark]
        public int ParseAndCheck() => HardeningEngine.Check(Input.Request).Findings.Count;
    }

    /// <summary>
    /// Loads, merges and checks one generated Compose project, with its override file, .env file and
    /// the Dockerfile its services build, through <see cref="HardeningEngine.Check"/>.
    /// </summary>
    [MemoryDiagnoser]
    public class ComposeBenchmarks
    {
        [ParamsSource(nameof(Inputs))]
        public ComposeInput Input { get; set; } = null!;

        public static IEnumerable<ComposeInput> Inputs() => ComposeInput.All();

        [Benchmark]
        public int LoadMergeAndCheck() => HardeningEngine.Check(Input.Request).Findings.Count;
    }
}
