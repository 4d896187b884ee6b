using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules.User;
using Xunit;
using static Hardening.Build.Tests.Support.SdkProjectHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1006SdkContainerRunsAsRootTests
    {
        private static readonly Dictionary<string, string> Enabled = new Dictionary<string, string>
        {
            ["EnableSdkContainerSupport"] = "true",
            ["IsPublishable"] = "true",
            ["TargetFrameworkIdentifier"] = ".NETCoreApp",
            ["TargetFrameworkVersion"] = "v8.0",
        };

        [Theory]
        [InlineData("root")]
        [InlineData("0")]
        [InlineData("0:0")]
        [InlineData("root:app")]
        [InlineData("ContainerAdministrator")]
        [InlineData("containeradministrator")]
        public void RootUser_ReportedAtProperty(string user)
        {
            List<Finding> findings = Run(new Dictionary<string, string> { ["ContainerUser"] = user }, Enabled);

            AssertFindings(findings, "HARD1006@" + ProjectPath + ":3:5");
            Assert.Contains($"ContainerUser to '{user}'", findings[0].Message);
        }

        [Theory]
        [InlineData("app")]
        [InlineData("1654")]
        [InlineData("10001:10001")]
        [InlineData("ContainerUser")]
        public void NonRootUser_NoFinding(string user)
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerUser"] = user }, Enabled));
        }

        [Fact]
        public void RootUserFromDirectoryProps_ReportedAtFileStart()
        {
            var evaluated = new Dictionary<string, string>(Enabled) { ["ContainerUser"] = "root" };

            AssertFindings(Run(new Dictionary<string, string>(), evaluated), "HARD1006@" + ProjectPath + ":1:1");
        }

        [Theory]
        [InlineData("false", "true")]
        [InlineData("true", "false")]
        [InlineData("", "true")]
        public void PublishingOff_NoFinding(string enable, string publishable)
        {
            var evaluated = new Dictionary<string, string>(Enabled) { ["EnableSdkContainerSupport"] = enable, ["IsPublishable"] = publishable };

            AssertFindings(Run(new Dictionary<string, string> { ["ContainerUser"] = "root" }, evaluated));
        }

        [Theory]
        [InlineData("ubuntu:24.04")]
        [InlineData("docker.io/library/debian:12")]
        [InlineData("mcr.microsoft.com/dotnet/runtime:7.0")]
        [InlineData("mcr.microsoft.com/windows/servercore:ltsc2022")]
        public void RootBaseImage_ReportedAtBaseImage(string image)
        {
            List<Finding> findings = Run(new Dictionary<string, string> { ["ContainerBaseImage"] = image }, Enabled);

            AssertFindings(findings, "HARD1006@" + ProjectPath + ":3:5");
            Assert.Contains($"ContainerBaseImage '{image}'", findings[0].Message);
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:9.0-alpine")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled")]
        [InlineData("gcr.io/distroless/static:nonroot")]
        [InlineData("registry.example.com/base/dotnet:1.0")]
        public void AppUidOrNonRootOrUnknownBase_NoFinding(string image)
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerBaseImage"] = image }, Enabled));
        }

        [Fact]
        public void DeclaredRootBase_Reported()
        {
            var catalog = new BaseImageCatalog();
            catalog.Add("registry.example.com/base/*", "0");

            List<Finding> findings = Run(new Dictionary<string, string> { ["ContainerBaseImage"] = "registry.example.com/base/dotnet:1.0" }, Enabled, catalog);

            AssertFindings(findings, "HARD1006@" + ProjectPath + ":3:5");
        }

        [Fact]
        public void DeclaredNonRootBase_NoFinding()
        {
            var catalog = new BaseImageCatalog();
            catalog.Add("ubuntu", "10001");

            AssertFindings(Run(new Dictionary<string, string> { ["ContainerBaseImage"] = "ubuntu:24.04" }, Enabled, catalog));
        }

        [Fact]
        public void NonRootUserOverRootBase_NoFinding()
        {
            var written = new Dictionary<string, string> { ["ContainerBaseImage"] = "ubuntu:24.04", ["ContainerUser"] = "10001" };

            AssertFindings(Run(written, Enabled));
        }

        [Fact]
        public void Net7DefaultImage_ReportedAtTargetFramework()
        {
            var written = new Dictionary<string, string> { ["TargetFramework"] = "net7.0", ["ContainerRepository"] = "shop/api" };
            var evaluated = new Dictionary<string, string>(Enabled) { ["TargetFrameworkVersion"] = "v7.0" };

            List<Finding> findings = Run(written, evaluated);

            AssertFindings(findings, "HARD1006@" + ProjectPath + ":3:5");
            Assert.Contains(".NET 7", findings[0].Message);
        }

        [Fact]
        public void Net7WithoutContainerSettings_NoFinding()
        {
            var evaluated = new Dictionary<string, string>(Enabled) { ["TargetFrameworkVersion"] = "v7.0" };

            AssertFindings(Run(new Dictionary<string, string> { ["TargetFramework"] = "net7.0" }, evaluated));
        }

        [Fact]
        public void Net7WindowsDefaultImage_NoFinding()
        {
            var written = new Dictionary<string, string> { ["ContainerRepository"] = "shop/api", ["ContainerRuntimeIdentifier"] = "win-x64" };
            var evaluated = new Dictionary<string, string>(Enabled) { ["TargetFrameworkVersion"] = "v7.0" };

            AssertFindings(Run(written, evaluated));
        }

        [Fact]
        public void Net8DefaultImage_NoFinding()
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerRepository"] = "shop/api" }, Enabled));
        }

        [Fact]
        public void NoProjectFile_NoFinding()
        {
            var project = new ProjectModel(new DockerfileDocument[0], new Hardening.Build.Compose.ComposeProject[0], new ServiceBuildLink[0], new RuleSettings
            {
                ProjectProperties = new Dictionary<string, string>(Enabled) { ["ContainerUser"] = "root" },
            });

            Assert.Empty(new HARD1006SdkContainerRunsAsRoot().Check(project));
        }

        [Fact]
        public void WarningSeverity()
        {
            Assert.Equal(Severity.Warning, new HARD1006SdkContainerRunsAsRoot().Descriptor.DefaultSeverity);
        }
    }
}
