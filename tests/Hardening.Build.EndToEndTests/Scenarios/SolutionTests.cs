using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>Builds of several projects at once, and what a build leaves behind.</summary>
    public sealed class SolutionTests
    {
        private const int ProjectCount = 4;

        private readonly ITestOutputHelper _output;

        public SolutionTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>
        /// Four projects in the Visual Studio layout share one docker-compose.dcproj and its Compose
        /// files. Parallel builds must report the same findings as serial ones, every time.
        /// </summary>
        [Fact]
        public void ParallelBuild_SameFindingsAsSerial()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: @"<DockerComposeProjectPath>..\docker-compose.dcproj</DockerComposeProjectPath>");
            project.WriteFile("../docker-compose.dcproj", Inputs.DockerComposeProject);
            project.WriteFile("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            var compose = new System.Text.StringBuilder("services:\n");
            compose.Append("  app:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n");
            string projectXml = File.ReadAllText(project.ProjectPath);
            for (int i = 1; i < ProjectCount; i++)
            {
                project.WriteFile($"../lib{i}/Lib{i}.csproj", projectXml);
                project.WriteFile($"../lib{i}/Dockerfile", $"FROM alpine:3.20\nUSER {(i % 2 == 0 ? "root" : "1000")}\n");
                compose.Append($"  lib{i}:\n    build:\n      context: .\n      dockerfile: lib{i}/Dockerfile\n    user: root\n");
            }

            project.WriteFile("../docker-compose.yml", compose.ToString());
            project.WriteFile("../docker-compose.override.yml", "services:\n  app:\n    read_only: true\n");
            string solution = WriteSolution(project);

            var runs = new List<string[]>();
            foreach (string parallelism in new[] { "-m:1", "-m", "-m:1", "-m", "-m:1", "-m" })
            {
                BuildOutput build = project.BuildFile(solution, parallelism);
                Assert.True(build.Succeeded);
                runs.Add(build.Hardening.Select(d => d.ToString()).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray());
            }

            foreach (string line in runs[0])
            {
                _output.WriteLine(line);
            }

            // The Compose files are beside the solution, outside every project folder, and there is no .git:
            // the boundary widens to the dcproj's folder, so no build reference is reported as outside.
            string[] located = runs[0].Select(line => Locate(project, line)).ToArray();
            Assert.DoesNotContain(located, line => line.StartsWith("HARD0006", StringComparison.Ordinal));
            Assert.Contains("HARD1001@app/Dockerfile:2:1", located);
            Assert.Contains("HARD1002@docker-compose.yml:10:11", located);
            Assert.Contains("HARD1002@docker-compose.yml:15:11", located);
            Assert.Contains("HARD1002@docker-compose.yml:20:11", located);
            for (int i = 1; i < runs.Count; i++)
            {
                Assert.Equal(runs[0], runs[i]);
            }

            project.Pass();
        }

        /// <summary>Turns a diagnostic line into "CODE@path:line:column", the path relative to the solution folder.</summary>
        private static string Locate(TestProject project, string line)
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?<file>.*)\((?<line>\d+),(?<column>\d+)\): \w+ (?<code>HARD\d+):");
            string folder = Path.GetDirectoryName(project.ProjectDirectory)!;
            string file = Path.GetRelativePath(folder, match.Groups["file"].Value);
            return $"{match.Groups["code"].Value}@{file}:{match.Groups["line"].Value}:{match.Groups["column"].Value}";
        }

        /// <summary>A build changes nothing in the project tree outside obj/ and bin/.</summary>
        [Fact]
        public void Build_ChangesOnlyObjAndBin()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);
            project.WriteFile("compose.yaml", "include:\n  - extra/compose.yml\nservices:\n  web:\n    build: .\n    env_file: .env\n");
            project.WriteFile("extra/compose.yml", "services:\n  extra:\n    image: nginx:1.27\n");
            project.WriteFile(".env", "TAG=1\n");
            Dictionary<string, string> before = Snapshot(project.ProjectDirectory);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Contains(build.Hardening, d => d.Code == "HARD1001");
            Dictionary<string, string> after = Snapshot(project.ProjectDirectory);
            Assert.Equal(before.OrderBy(e => e.Key, StringComparer.Ordinal), after.OrderBy(e => e.Key, StringComparer.Ordinal));
            project.Pass();
        }

        /// <summary>Names, sizes and write times of every file and folder, without obj/ and bin/.</summary>
        private static Dictionary<string, string> Snapshot(string root)
        {
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, path);
                string top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top == "obj" || top == "bin")
                {
                    continue;
                }

                var info = new FileInfo(path);
                string size = info.Exists ? info.Length.ToString() : "folder";
                entries[relative] = $"{size} {File.GetLastWriteTimeUtc(path):O}";
            }

            return entries;
        }

        private static string WriteSolution(TestProject project)
        {
            string folder = Path.GetDirectoryName(project.ProjectDirectory)!;
            var commands = new List<string[]> { new[] { "new", "sln", "-n", "All", "--format", "sln" } };
            commands.Add(new[] { "sln", "All.sln", "add", "app/App.csproj" });
            for (int i = 1; i < ProjectCount; i++)
            {
                commands.Add(new[] { "sln", "All.sln", "add", $"lib{i}/Lib{i}.csproj" });
            }

            foreach (string[] command in commands)
            {
                CommandResult result = DotNetCli.Run(folder, command);
                Assert.True(result.ExitCode == 0, $"'{result.CommandLine}' failed: {result.Output}");
            }

            return Path.Combine(folder, "All.sln");
        }
    }
}
