using System.Collections.Generic;
using Hardening.Build.Rules.SupplyChain;
using Xunit;
using static Hardening.Build.Tests.Support.SdkProjectHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7007SdkContainerImageTagTests
    {
        private static readonly Dictionary<string, string> Enabled = new Dictionary<string, string>
        {
            ["EnableSdkContainerSupport"] = "true",
            ["IsPublishable"] = "true",
        };

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:latest")]
        [InlineData("localhost:5000/base")]
        [InlineData("localhost:5000/base:latest")]
        [InlineData("registry.example.com/base")]
        public void MovingBaseImage_ReportedAtProperty(string image)
        {
            List<Finding> findings = Run(new Dictionary<string, string> { ["ContainerBaseImage"] = image }, Enabled);

            AssertFindings(findings, "HARD7007@" + ProjectPath + ":3:5");
            Assert.Contains($"ContainerBaseImage '{image}'", findings[0].Message);
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0.11-noble-chiseled")]
        [InlineData("localhost:5000/base:1.2")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:Latest")]
        public void FixedBaseImage_NoFinding(string image)
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerBaseImage"] = image }, Enabled));
        }

        [Fact]
        public void LatestImageTag_ReportedAtProperty()
        {
            var written = new Dictionary<string, string> { ["ContainerRepository"] = "shop/api", ["ContainerImageTag"] = "latest" };

            AssertFindings(Run(written, Enabled), "HARD7007@" + ProjectPath + ":4:5");
        }

        [Theory]
        [InlineData("latest")]
        [InlineData("latest;latest")]
        [InlineData(" latest ; ")]
        public void OnlyLatestImageTags_ReportedAtProperty(string tags)
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerImageTags"] = tags }, Enabled), "HARD7007@" + ProjectPath + ":3:5");
        }

        [Theory]
        [InlineData("ContainerImageTag", "1.2.3")]
        [InlineData("ContainerImageTags", "1.2.3;latest")]
        [InlineData("ContainerImageTags", "$(Version)")]
        public void VersionTag_NoFinding(string property, string value)
        {
            AssertFindings(Run(new Dictionary<string, string> { [property] = value }, Enabled));
        }

        [Fact]
        public void NoTagSet_NoFinding()
        {
            AssertFindings(Run(new Dictionary<string, string> { ["ContainerRepository"] = "shop/api" }, Enabled));
        }

        [Fact]
        public void PublishingOff_NoFinding()
        {
            var evaluated = new Dictionary<string, string> { ["EnableSdkContainerSupport"] = "false" };

            AssertFindings(Run(new Dictionary<string, string> { ["ContainerBaseImage"] = "ubuntu", ["ContainerImageTag"] = "latest" }, evaluated));
        }

        [Fact]
        public void BaseAndTag_BothReported()
        {
            var written = new Dictionary<string, string> { ["ContainerBaseImage"] = "mcr.microsoft.com/dotnet/aspnet", ["ContainerImageTag"] = "latest" };

            AssertFindings(Run(written, Enabled), "HARD7007@" + ProjectPath + ":3:5", "HARD7007@" + ProjectPath + ":4:5");
        }

        [Fact]
        public void WarningSeverity()
        {
            Assert.Equal(Severity.Warning, new HARD7007SdkContainerImageTag().Descriptor.DefaultSeverity);
        }
    }
}
