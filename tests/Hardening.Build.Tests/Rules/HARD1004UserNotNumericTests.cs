using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules.User;
using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1004UserNotNumericTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD1004UserNotNumeric(), Lines(lines)));

        [Fact]
        public void NamedUserReported()
        {
            List<Finding> findings = Run(new HARD1004UserNotNumeric(), Lines("FROM alpine:3.20", "RUN adduser -D -u 10001 app", "USER app", "CMD [\"sh\"]"));

            Finding finding = Assert.Single(findings);
            Assert.Equal("HARD1004", finding.Code);
            Assert.Equal(Severity.Suggestion, finding.Severity);
            Assert.Equal(3, finding.Location.Line);
            Assert.Equal(1, finding.Location.Column);
            Assert.Contains("'app'", finding.Message);
            Assert.Contains("`USER 101`", finding.Message);
        }

        [Fact]
        public void NameWithGroupReported()
        {
            Assert.Equal(new[] { "HARD1004@2:1" }, Check("FROM alpine:3.20", "USER app:app"));
        }

        [Fact]
        public void NumericUserPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "USER 10001"));
            Assert.Empty(Check("FROM alpine:3.20", "USER 10001:10001"));
            Assert.Empty(Check("FROM alpine:3.20", "USER 10001:app"));
        }

        [Fact]
        public void AppUidOnDotNetPasses()
        {
            Assert.Empty(Check("FROM mcr.microsoft.com/dotnet/aspnet:8.0", "USER $APP_UID"));
            Assert.Empty(Check("FROM mcr.microsoft.com/dotnet/aspnet:8.0", "USER ${APP_UID}"));
        }

        [Fact]
        public void AppNameOnDotNetSuggestsAppUid()
        {
            List<Finding> findings = Run(new HARD1004UserNotNumeric(), Lines("FROM mcr.microsoft.com/dotnet/aspnet:8.0", "USER app"));

            Assert.Equal(new[] { "HARD1004@2:1" }, Describe(findings));
            Assert.Contains("`USER $APP_UID`", findings[0].Message);
        }

        [Fact]
        public void ArgWithNumericDefaultPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ARG UID=10001", "USER $UID"));
        }

        [Fact]
        public void ArgWithNameDefaultReported()
        {
            Assert.Equal(new[] { "HARD1004@3:1" }, Check("FROM alpine:3.20", "ARG NAME=app", "USER ${NAME}"));
        }

        [Fact]
        public void NumericBaseDefaultPasses()
        {
            Assert.Empty(Check("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", "ENTRYPOINT [\"dotnet\", \"app.dll\"]"));
            Assert.Empty(Check("FROM gcr.io/distroless/static:nonroot"));
        }

        [Fact]
        public void DeclaredNamedBaseDefaultReported()
        {
            var catalog = new BaseImageCatalog();
            catalog.Add("registry.example.com/base", "app");
            var settings = new RuleSettings { Catalog = catalog };

            List<Finding> findings = Run(new HARD1004UserNotNumeric(), Lines("FROM registry.example.com/base:1.2", "CMD [\"app\"]"), settings);

            Assert.Equal(new[] { "HARD1004@1:1" }, Describe(findings));
            Assert.Contains("default user of its base image", findings[0].Message);
        }

        [Fact]
        public void RootLeftToHard1001()
        {
            Assert.Empty(Check("FROM alpine:3.20", "USER root"));
            Assert.Empty(Check("FROM alpine:3.20"));
        }

        [Fact]
        public void WindowsUserPasses()
        {
            Assert.Empty(Check("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022", "USER ContainerUser"));
            Assert.Empty(Check("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022"));
        }

        [Fact]
        public void BuildStageUserIgnored()
        {
            Assert.Empty(Check("FROM alpine:3.20 AS build", "USER builder", "FROM alpine:3.20", "USER 10001"));
        }

        [Fact]
        public void InheritedNameReportedAtItsUser()
        {
            Assert.Equal(new[] { "HARD1004@2:1" }, Check("FROM alpine:3.20 AS base", "USER app", "FROM base AS final", "CMD [\"app\"]"));
        }

        [Fact]
        public void ServiceWithOwnUserSkipped()
        {
            var harness = new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  api:\n    build: .\n    user: \"10001\"\n  web:\n    build: .\n")
                .File("/repo/app/Dockerfile", "FROM alpine:3.20\nUSER app\n");

            List<string> codes = new List<string>();
            foreach (Finding finding in harness.Check().Findings)
            {
                if (finding.Code == "HARD1004")
                {
                    codes.Add(ComposeHarnessDescribe(finding));
                    Assert.Contains("service 'web'", finding.Message);
                    Assert.DoesNotContain("'api'", finding.Message);
                }
            }

            Assert.Equal(new[] { "/repo/app/Dockerfile:2:1" }, codes);
        }

        private static string ComposeHarnessDescribe(Finding finding) => $"{finding.Location.FilePath}:{finding.Location.Line}:{finding.Location.Column}";
    }
}
