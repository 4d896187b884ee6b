using System.Collections.Generic;

namespace Hardening.Build.Benchmarks
{
    /// <summary>A benchmark parameter with the number of input bytes one operation reads.</summary>
    public interface ISizedInput
    {
        long InputBytes { get; }
    }

    /// <summary>One generated Dockerfile and the request that checks it.</summary>
    public sealed class DockerfileInput : ISizedInput
    {
        public const string Path = "/bench/dockerfile/Dockerfile";

        public DockerfileInput(int targetBytes, int stages)
        {
            TargetBytes = targetBytes;
            Stages = stages;
            FileSystem = new MemoryFileSystem();
            FileSystem.Add(Path, InputGenerator.Dockerfile(targetBytes, stages));
            Request = new CheckRequest(new[] { new InputFile(Path, InputKind.Dockerfile) })
            {
                FileSystem = FileSystem,
                ProjectDirectory = "/bench/dockerfile",
            };
        }

        public int TargetBytes { get; }

        public int Stages { get; }

        public MemoryFileSystem FileSystem { get; }

        public CheckRequest Request { get; }

        public long InputBytes => FileSystem.TotalBytes;

        public static IEnumerable<DockerfileInput> All()
        {
            yield return new DockerfileInput(1024, 1);
            yield return new DockerfileInput(100 * 1024, 1);
            yield return new DockerfileInput(100 * 1024, 100);
            yield return new DockerfileInput(1024 * 1024, 1);
            yield return new DockerfileInput(1024 * 1024, 100);
            yield return new DockerfileInput(1024 * 1024, 1000);
            yield return new DockerfileInput(10 * 1024 * 1024, 1);
            yield return new DockerfileInput(10 * 1024 * 1024, 1000);
        }

        // BenchmarkDotNet shortens parameter texts longer than 20 characters in its tables.
        public override string ToString() => $"{SizeText(TargetBytes)}, {Stages} st.";

        internal static string SizeText(int bytes) =>
            bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes / 1024} KiB";
    }

    /// <summary>
    /// One generated Compose project: docker-compose.yml, its override file, a .env file and the
    /// Dockerfile that the building services share.
    /// </summary>
    public sealed class ComposeInput : ISizedInput
    {
        public const string Directory = "/bench/compose";

        public ComposeInput(int targetBytes, int services)
        {
            TargetBytes = targetBytes;
            Services = services;
            FileSystem = new MemoryFileSystem();
            FileSystem.Add(Directory + "/docker-compose.yml", InputGenerator.ComposeFile(targetBytes, services));
            FileSystem.Add(Directory + "/docker-compose.override.yml", InputGenerator.ComposeOverride(services));
            FileSystem.Add(Directory + "/.env", "TAG=2.0.1\nENVIRONMENT=Staging\n");
            FileSystem.Add(Directory + "/app/Dockerfile", InputGenerator.Dockerfile(1024, 2));
            Request = new CheckRequest(new[]
            {
                new InputFile(Directory + "/docker-compose.yml", InputKind.Compose),
                new InputFile(Directory + "/docker-compose.override.yml", InputKind.Compose),
            })
            {
                FileSystem = FileSystem,
                ProjectDirectory = Directory,
            };
        }

        public int TargetBytes { get; }

        public int Services { get; }

        public MemoryFileSystem FileSystem { get; }

        public CheckRequest Request { get; }

        public long InputBytes => FileSystem.TotalBytes;

        public static IEnumerable<ComposeInput> All()
        {
            yield return new ComposeInput(1024, 1);
            yield return new ComposeInput(100 * 1024, 100);
            yield return new ComposeInput(1024 * 1024, 100);
            yield return new ComposeInput(1024 * 1024, 1000);
            yield return new ComposeInput(10 * 1024 * 1024, 1000);
            yield return new ComposeInput(10 * 1024 * 1024, 5000);
        }

        public override string ToString() => $"{DockerfileInput.SizeText(TargetBytes)}, {Services} svc.";
    }
}
