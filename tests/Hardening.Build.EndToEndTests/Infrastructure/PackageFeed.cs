using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>
    /// The Hardening.Build package, packed once per test run into a folder feed. Each run gets its own
    /// prerelease version, so no NuGet cache can serve the bits of an earlier run.
    /// </summary>
    internal sealed class PackageFeed
    {
        private static readonly Lazy<PackageFeed> s_instance = new Lazy<PackageFeed>(Pack);

        private PackageFeed(string runDirectory, string feedDirectory, string version, string targetFramework)
        {
            RunDirectory = runDirectory;
            FeedDirectory = feedDirectory;
            Version = version;
            TargetFramework = targetFramework;
        }

        public static PackageFeed Instance => s_instance.Value;

        /// <summary>The temporary folder of this run, outside the repository, which contains every test project.</summary>
        public string RunDirectory { get; }

        public string FeedDirectory { get; }

        public string Version { get; }

        /// <summary>The framework whose targeting pack ships with the SDK, so builds need no download.</summary>
        public string TargetFramework { get; }

        private static PackageFeed Pack()
        {
            string runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            string runsDirectory = Path.Combine(Path.GetTempPath(), "hardening-e2e");
            DeleteOldRuns(runsDirectory);
            string runDirectory = Path.Combine(runsDirectory, runId);
            string feedDirectory = Path.Combine(runDirectory, "feed");
            Directory.CreateDirectory(feedDirectory);

            string repositoryRoot = typeof(PackageFeed).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "RepositoryRoot")
                .Value!;
            string version = "0.1.0-e2e." + runId.Replace("-", ".r", StringComparison.Ordinal);

            // Building into the run folder keeps the repository's bin/ and obj/ folders untouched.
            CommandResult pack = DotNetCli.Run(
                repositoryRoot,
                new[]
                {
                    "pack",
                    Path.Combine(repositoryRoot, "src", "Hardening.Build.Tasks", "Hardening.Build.Tasks.csproj"),
                    "-c", "Release",
                    "-nologo",
                    "-tl:off",
                    "-nodeReuse:false",
                    "--disable-build-servers",
                    "-o", feedDirectory,
                    "--artifacts-path", Path.Combine(runDirectory, "pack"),
                    "-p:Version=" + version,
                });
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{pack.CommandLine}' failed with exit code {pack.ExitCode}:\n{pack.Output}");
            }

            CommandResult sdkVersion = DotNetCli.Run(runDirectory, new[] { "--version" });
            string major = sdkVersion.Output.Trim().Split('.')[0];
            return new PackageFeed(runDirectory, feedDirectory, version, "net" + major + ".0");
        }

        /// <summary>
        /// Deletes run folders older than a day. Passing tests delete their own project folders, but the
        /// feed and the pack output of each run stay, as do the folders of failed tests.
        /// </summary>
        private static void DeleteOldRuns(string runsDirectory)
        {
            if (!Directory.Exists(runsDirectory))
            {
                return;
            }

            foreach (string directory in Directory.GetDirectories(runsDirectory))
            {
                if (Directory.GetCreationTimeUtc(directory) < DateTime.UtcNow.AddDays(-1))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
    }
}
