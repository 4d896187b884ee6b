using System.Collections.Generic;
using Hardening.Build.Files;

namespace Hardening.Build
{
    public enum InputKind
    {
        Dockerfile,
        Compose,
    }

    /// <summary>A file to check and how to read it.</summary>
    public sealed class InputFile
    {
        public InputFile(string path, InputKind kind)
        {
            Path = path;
            Kind = kind;
        }

        /// <summary>Absolute path.</summary>
        public string Path { get; }

        public InputKind Kind { get; }
    }

    public sealed class CheckRequest
    {
        public CheckRequest(IReadOnlyList<InputFile> files)
        {
            Files = files;
        }

        public IReadOnlyList<InputFile> Files { get; }

        /// <summary>Files larger than this are reported with HARD0003 and not parsed.</summary>
        public long MaxFileBytes { get; set; } = SourceFileReader.DefaultMaxFileBytes;
    }

    public sealed class CheckResult
    {
        public CheckResult(IReadOnlyList<Finding> findings, int dockerfileCount, int composeFileCount, int serviceCount)
        {
            Findings = findings;
            DockerfileCount = dockerfileCount;
            ComposeFileCount = composeFileCount;
            ServiceCount = serviceCount;
        }

        /// <summary>Every finding and input diagnostic, ordered by file, line and column.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        public int DockerfileCount { get; }

        public int ComposeFileCount { get; }

        public int ServiceCount { get; }
    }
}
