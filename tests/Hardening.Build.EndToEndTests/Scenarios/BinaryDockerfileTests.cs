using System.IO;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>
    /// A file named Dockerfile that contains a NUL byte. The engine reports it with HARD0003 at (1,1)
    /// without parsing it, so these tests exercise the package, the targets and MSBuild's handling of
    /// the warning, whatever rules exist.
    /// </summary>
    public sealed class BinaryDockerfileTests
    {
        private readonly ITestOutputHelper _output;

        public BinaryDockerfileTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void BinaryDockerfile_WarnsHard0003()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            Assert.Equal(project.ProjectPath, diagnostic.Project);
            project.Pass();
        }

        [Fact]
        public void NoWarn_Silences()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<NoWarn>$(NoWarn);HARD0003</NoWarn>");
            project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void WarningsAsErrors_FailsBuild()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<WarningsAsErrors>$(WarningsAsErrors);HARD0003</WarningsAsErrors>");
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.False(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("error", diagnostic.Severity);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }

        [Fact]
        public void TreatWarningsAsErrors_FailsBuild()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.False(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("error", diagnostic.Severity);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }

        [Fact]
        public void WarningsNotAsErrors_KeepsWarning()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>HARD0003</WarningsNotAsErrors>");
            project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }

        [Fact]
        public void DesignTimeBuild_PrintsNothing()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build("-p:DesignTimeBuild=true");

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void HardeningEnabledFalse_PrintsNothing()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<HardeningEnabled>false</HardeningEnabled>");
            project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void HardeningFileRemove_PrintsNothing()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(items: "<HardeningFile Remove=\"Dockerfile\" />");
            project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void SecondBuild_WarnsAgain()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput first = project.Build();
            BuildOutput second = project.Build();

            foreach (BuildOutput build in new[] { first, second })
            {
                Assert.True(build.Succeeded);
                BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
                Assert.Equal("HARD0003", diagnostic.Code);
                Assert.Equal(dockerfile, diagnostic.File);
                Assert.Equal(1, diagnostic.Line);
                Assert.Equal(1, diagnostic.Column);
            }

            string stamp = project.PathOf(Path.Combine("obj", "Debug", PackageFeed.Instance.TargetFramework, "Hardening.stamp"));
            Assert.True(File.Exists(stamp), $"Stamp file '{stamp}' is missing.");
            project.Pass();
        }

        [Fact]
        public void MultiTargeted_WarnsOnce()
        {
            // The second framework's targeting pack is not bundled with the SDK, so restore needs nuget.org.
            using TestProject project = TestProject.Create(_output, useNuGetOrg: true);
            string frameworks = PackageFeed.Instance.TargetFramework + ";net8.0";
            project.WriteProject(targetFrameworks: frameworks);
            string dockerfile = project.WriteBinaryFile("Dockerfile");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(dockerfile, diagnostic.File);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            Assert.Equal($"{project.ProjectPath}::TargetFramework={PackageFeed.Instance.TargetFramework}", diagnostic.Project);
            project.Pass();
        }

        [Fact]
        public void DockerComposeProjectPath_FindsOutsideFile()
        {
            using TestProject project = TestProject.Create(_output);

            // Visual Studio writes this path with backslashes, on every operating system.
            project.WriteProject(properties: @"<DockerComposeProjectPath>..\compose\docker-compose.dcproj</DockerComposeProjectPath>");
            project.WriteFile("../compose/docker-compose.dcproj", Inputs.DockerComposeProject);
            string compose = project.WriteBinaryFile("../compose/docker-compose.yml");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic diagnostic = Assert.Single(build.Hardening);
            Assert.Equal("HARD0003", diagnostic.Code);
            Assert.Equal(compose, diagnostic.File);
            Assert.Equal(1, diagnostic.Line);
            Assert.Equal(1, diagnostic.Column);
            project.Pass();
        }
    }
}
