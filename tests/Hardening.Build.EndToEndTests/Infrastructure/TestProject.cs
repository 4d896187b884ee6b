using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Infrastructure
{
    /// <summary>
    /// A class library that references the packed Hardening.Build, written into its own temporary folder
    /// with stub Directory.Build files, a root .editorconfig and a nuget.config that reads the test feed
    /// (and nuget.org only on request) into a private packages folder. The folder is deleted when the test calls <see cref="Pass"/>
    /// and kept, with its binary logs, otherwise.
    /// </summary>
    internal sealed class TestProject : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private int _buildCount;
        private bool _passed;

        private TestProject(ITestOutputHelper output, string rootDirectory)
        {
            _output = output;
            RootDirectory = rootDirectory;
            ProjectDirectory = Path.Combine(rootDirectory, "app");
            ProjectPath = Path.Combine(ProjectDirectory, "App.csproj");
        }

        /// <summary>The test's folder: stub files, packages, logs, and the project folder below it.</summary>
        public string RootDirectory { get; }

        public string ProjectDirectory { get; }

        public string ProjectPath { get; }

        public static TestProject Create(ITestOutputHelper output, bool useNuGetOrg = false, [CallerMemberName] string testName = "")
        {
            PackageFeed feed = PackageFeed.Instance;
            string root = Path.Combine(feed.RunDirectory, testName + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            var project = new TestProject(output, root);
            Directory.CreateDirectory(project.ProjectDirectory);
            output.WriteLine($"Test folder (kept when the test fails): {root}");

            // Stubs stop MSBuild and the editor from walking up into folders above the test.
            project.WriteFile("../Directory.Build.props", "<Project />\n");
            project.WriteFile("../Directory.Build.targets", "<Project />\n");
            project.WriteFile(
                "../Directory.Packages.props",
                "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
            project.WriteFile("../.editorconfig", "root = true\n");
            project.WriteFile("../nuget.config", NuGetConfig(feed.FeedDirectory, Path.Combine(root, "packages"), useNuGetOrg));
            return project;
        }

        /// <summary>Writes the project file. <paramref name="properties"/> and <paramref name="items"/> are raw MSBuild XML.</summary>
        public void WriteProject(string properties = "", string items = "", string? targetFrameworks = null)
        {
            string frameworks = targetFrameworks == null
                ? $"<TargetFramework>{PackageFeed.Instance.TargetFramework}</TargetFramework>"
                : $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>";
            var text = new StringBuilder();
            text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
            text.AppendLine("  <PropertyGroup>");
            text.AppendLine("    " + frameworks);
            text.AppendLine("    " + properties);
            text.AppendLine("  </PropertyGroup>");
            text.AppendLine("  <ItemGroup>");
            text.AppendLine($"    <PackageReference Include=\"Hardening.Build\" Version=\"{PackageFeed.Instance.Version}\" PrivateAssets=\"all\" />");
            text.AppendLine("    " + items);
            text.AppendLine("  </ItemGroup>");
            text.AppendLine("</Project>");
            File.WriteAllText(ProjectPath, text.ToString());
        }

        /// <summary>Writes a text file relative to the project folder and returns its absolute path.</summary>
        public string WriteFile(string relativePath, string text)
        {
            string path = PathOf(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>Writes a short file with a NUL byte, which the engine reports as binary with HARD0003.</summary>
        public string WriteBinaryFile(string relativePath)
        {
            string path = PathOf(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x00, 0x0A });
            return path;
        }

        public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(ProjectDirectory, relativePath));

        /// <summary>Runs `dotnet build` with the flags that make its output canonical and its nodes short-lived.</summary>
        public BuildOutput Build(params string[] extraArguments) => BuildFile(ProjectPath, extraArguments);

        /// <summary>Builds another project or solution file, such as one beside the project folder.</summary>
        public BuildOutput BuildFile(string path, params string[] extraArguments)
        {
            _buildCount++;
            string binaryLog = Path.Combine(RootDirectory, "logs", $"build{_buildCount}.binlog");
            var arguments = new List<string>
            {
                "build",
                path,
                "-nologo",
                "-tl:off",
                "-clp:NoSummary",
                "-nodeReuse:false",
                "--disable-build-servers",
                "-bl:" + binaryLog,
            };
            arguments.AddRange(extraArguments);

            CommandResult result = DotNetCli.Run(ProjectDirectory, arguments);
            _output.WriteLine($"> {result.CommandLine} (exit code {result.ExitCode}, binary log {binaryLog})");
            _output.WriteLine(result.Output);
            return new BuildOutput(result, binaryLog);
        }

        /// <summary>Marks the test as passed, so the folder is deleted.</summary>
        public void Pass() => _passed = true;

        public void Dispose()
        {
            if (_passed)
            {
                Directory.Delete(RootDirectory, recursive: true);
                return;
            }

            _output.WriteLine($"Kept the test folder and its binary logs for inspection: {RootDirectory}");
        }

        private static string NuGetConfig(string feedDirectory, string packagesDirectory, bool useNuGetOrg)
        {
            string nugetOrg = useNuGetOrg
                ? "\n    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />"
                : "";
            return $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <config>
    <add key=""globalPackagesFolder"" value=""{packagesDirectory}"" />
  </config>
  <packageSources>
    <clear />
    <add key=""hardening-e2e"" value=""{feedDirectory}"" />{nugetOrg}
  </packageSources>
  <packageSourceMapping>
    <clear />
  </packageSourceMapping>
  <disabledPackageSources>
    <clear />
  </disabledPackageSources>
  <auditSources>
    <clear />
  </auditSources>
</configuration>
";
        }
    }
}
