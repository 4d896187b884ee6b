using System;
using System.IO;
using System.Linq;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>Findings of the parsers and rules, checked through a real build.</summary>
    public sealed class RuleTests
    {
        private readonly ITestOutputHelper _output;

        public RuleTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void UserRoot_WarnsHard1001()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string dockerfile = project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("HARD1001", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(2, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            Assert.Equal(project.ProjectPath, diagnostic.Project);
            project.Pass();
        }

        [Fact]
        public void UnchangedFiles_FindingsReplayedUntilEdited()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string dockerfile = project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);

            // The results of a check are kept only when its files are at least 3 s old, so these are dated back.
            foreach (string file in Directory.GetFiles(project.ProjectDirectory).Concat(Directory.GetFiles(project.RootDirectory)))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
            }

            BuildOutput first = project.Build("-fl", DetailedLog(project, "first"));
            BuildOutput second = project.Build("-fl", DetailedLog(project, "second"));
            project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot.Replace("USER root", "USER 10001", StringComparison.Ordinal));
            BuildOutput edited = project.Build("-fl", DetailedLog(project, "edited"));

            Assert.True(first.Succeeded);
            Assert.True(second.Succeeded);
            Assert.True(edited.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(second.Hardening);
            Assert.Equal(first.Hardening.Single().ToString(), diagnostic.ToString());
            Assert.Equal((dockerfile, 2, 1, "HARD1001"), (diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Code));
            Assert.DoesNotContain(Replayed, ReadDetailedLog(project, "first"), StringComparison.Ordinal);
            Assert.Contains(Replayed, ReadDetailedLog(project, "second"), StringComparison.Ordinal);
            Assert.Contains($"{dockerfile} differs from what the last check saw", ReadDetailedLog(project, "edited"), StringComparison.Ordinal);
            Assert.Empty(edited.Hardening);
            project.Pass();
        }

        [Fact]
        public void UserRootNoWarn_Silences()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<NoWarn>$(NoWarn);HARD1001</NoWarn>");
            project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void UserRootWarningsAsErrors_FailsBuild()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<WarningsAsErrors>HARD1001</WarningsAsErrors>");
            string dockerfile = project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);

            BuildOutput build = project.Build();

            Assert.False(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("error", diagnostic.Severity);
            Assert.Equal("HARD1001", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(2, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }

        [Fact]
        public void UserRootTreatWarningsAsErrors_FailsBuild()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
            string dockerfile = project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);

            BuildOutput build = project.Build();

            Assert.False(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("error", diagnostic.Severity);
            Assert.Equal("HARD1001", diagnostic.Code);
            Assert.Equal(2, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }

        [Fact]
        public void BrokenCompose_OneHard0002AndDockerfileChecked()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string compose = project.WriteFile("compose.yaml", Inputs.BrokenCompose);
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic composeError = Assert.Single(build.Hardening, d => d.File == compose);
            Assert.Equal("HARD0002", composeError.Code);
            Assert.Equal(3, composeError.Line);
            Assert.Equal(17, composeError.Column);
            BuildDiagnostic dockerfileWarning = Assert.Single(build.Hardening, d => d.File == dockerfile);
            Assert.Equal("HARD0003", dockerfileWarning.Code);
            Assert.Equal(1, dockerfileWarning.Line);
            Assert.Equal(1, dockerfileWarning.Column);
            project.Pass();
        }

        [Fact]
        public void ComposeWithoutReadOnly_WarnsHard2001()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string compose = project.WriteFile("compose.yaml", Inputs.ComposeWithoutReadOnly);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening, d => d.Code == "HARD2001");
            Assert.Equal(compose, diagnostic.File);
            Assert.Equal(2, diagnostic.Line);
            Assert.Equal(3, diagnostic.Column);
            project.Pass();
        }

        private const string Replayed = "so its results were logged again from";

        private static string DetailedLog(TestProject project, string name) =>
            $"-flp:LogFile={Path.Combine(project.RootDirectory, "logs", name + ".log")};Verbosity=detailed";

        private static string ReadDetailedLog(TestProject project, string name) =>
            File.ReadAllText(Path.Combine(project.RootDirectory, "logs", name + ".log"));
    }
}
