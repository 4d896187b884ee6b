using Hardening.Build.Rules.User;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1003ServiceImageDefaultUserTests
    {
        private static readonly HARD1003ServiceImageDefaultUser Rule = new HARD1003ServiceImageDefaultUser();

        [Theory]
        [InlineData("nginx:1.27.0-alpine")]
        [InlineData("postgres:16")]
        [InlineData("registry.example.com/app:1.4.2")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0")]
        public void RootOrUnknownImage_ReportedAtServiceKey(string image)
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: " + image + "\n"), "HARD1003@2:3");
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:9.0-azurelinux3.0-distroless")]
        [InlineData("gcr.io/distroless/static-debian12:nonroot")]
        [InlineData("nginxinc/nginx-unprivileged:1.27")]
        public void NonRootImage_NoFinding(string image)
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: " + image + "\n"));
        }

        [Fact]
        public void UserSet_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: nginx:1.27.0-alpine\n    user: \"101\"\n"));
        }

        [Fact]
        public void BuiltService_LeftToDockerfile()
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: example/web:1\n    build: .\n"));
        }

        [Fact]
        public void ImageFromUnsetVariable_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: ${IMAGE}\n"), "HARD0005@3:12");
        }

        [Fact]
        public void SuggestionSeverity()
        {
            Assert.Equal(Severity.Suggestion, Rule.Descriptor.DefaultSeverity);
        }
    }
}
