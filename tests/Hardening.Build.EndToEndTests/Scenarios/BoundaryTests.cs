using System;
using System.IO;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>
    /// The repository boundary: the project folder holds a <c>.git</c> folder, and <c>outside/</c> beside it
    /// holds files that references and symbolic links try to reach.
    /// </summary>
    public sealed class BoundaryTests
    {
        private const string OutsideCompose = "services:\n  base:\n    image: nginx:1.27\n    user: root\n";

        private readonly ITestOutputHelper _output;

        public BoundaryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void OutsideReferences_NotRead()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(items: "<HardeningFile Include=\"listed/Dockerfile\" />");
            Directory.CreateDirectory(project.PathOf(".git"));
            project.WriteFile("../outside/common.yml", OutsideCompose);
            project.WriteFile("../outside/Dockerfile", "FROM alpine:3.20\nUSER root\n");
            project.WriteFile("../outside/linked/Dockerfile", "FROM alpine:3.20\nUSER root\n");

            project.WriteFile("extends/compose.yaml", "services:\n  web:\n    extends:\n      file: ../../outside/common.yml\n      service: base\n");
            project.WriteFile("include/compose.yaml", "include:\n  - ../../outside/common.yml\nservices: {}\n");
            project.WriteFile("build/compose.yaml", "services:\n  web:\n    build:\n      context: ../../outside\n");

            // A link to a file outside: reported when listed, skipped when only the default globs find it.
            Directory.CreateDirectory(project.PathOf("listed"));
            File.CreateSymbolicLink(project.PathOf("listed/Dockerfile"), project.PathOf("../outside/Dockerfile"));
            Directory.CreateDirectory(project.PathOf("unlisted"));
            File.CreateSymbolicLink(project.PathOf("unlisted/Dockerfile"), project.PathOf("../outside/Dockerfile"));

            // A linked folder out of the project, and a link loop inside it.
            Directory.CreateSymbolicLink(project.PathOf("linked"), project.PathOf("../outside/linked"));
            Directory.CreateDirectory(project.PathOf("loop"));
            File.CreateSymbolicLink(project.PathOf("loop/Dockerfile"), project.PathOf("loop/Dockerfile"));
            Directory.CreateSymbolicLink(project.PathOf("loop/again"), project.PathOf("loop"));

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.DoesNotContain(build.Diagnostics, d => d.Code == "MSB4018" || d.Code == "HARD0000");
            string[] actual = HostileInputTests.Describe(project, build);
            foreach (string line in actual)
            {
                _output.WriteLine(line);
            }

            Assert.Equal(
                new[]
                {
                    "HARD0003@listed/Dockerfile:1:1",
                    "HARD0003@loop/Dockerfile:1:1",
                    "HARD0006@build/compose.yaml:4:16",
                    "HARD0006@extends/compose.yaml:4:13",
                    "HARD0006@include/compose.yaml:2:5",
                },
                actual);
            project.Pass();
        }
    }
}
