using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;
using static Hardening.Build.Tests.Dockerfile.DockerfileTestHelpers;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1001RunsAsRootTests
    {
        private static readonly string[] s_guideFixed =
        {
            "FROM python:3.11-slim",
            "",
            "WORKDIR /app",
            "",
            "COPY requirements.txt .",
            "RUN pip install --no-cache-dir -r requirements.txt",
            "",
            "COPY app.py .",
            "",
            "RUN groupadd -r appuser && useradd -r -g appuser appuser \\",
            "    && chown -R appuser:appuser /app",
            "",
            "USER appuser",
            "",
            "EXPOSE 5000",
            "",
            "CMD [\"python\", \"app.py\"]",
        };

        private static readonly string[] s_visualStudioTemplate =
        {
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base",
            "USER $APP_UID",
            "WORKDIR /app",
            "EXPOSE 8080",
            "",
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build",
            "WORKDIR /src",
            "COPY [\"Api/Api.csproj\", \"Api/\"]",
            "RUN dotnet restore \"./Api/Api.csproj\"",
            "COPY . .",
            "RUN dotnet build \"./Api/Api.csproj\" -c Release -o /app/build",
            "",
            "FROM build AS publish",
            "RUN dotnet publish \"./Api/Api.csproj\" -c Release -o /app/publish /p:UseAppHost=false",
            "",
            "FROM base AS final",
            "WORKDIR /app",
            "COPY --from=publish /app/publish .",
            "ENTRYPOINT [\"dotnet\", \"Api.dll\"]",
        };

        private static void AssertSingle(List<Finding> findings, string code, int line, int column)
        {
            Finding finding = Assert.Single(findings);
            Assert.Equal(code, finding.Code);
            Assert.Equal(line, finding.Location.Line);
            Assert.Equal(column, finding.Location.Column);
        }

        [Fact]
        public void GuideFixedFilePasses()
        {
            Assert.Empty(RunRule(Lines(s_guideFixed)));
        }

        [Fact]
        public void GuideWithoutUserReported()
        {
            List<Finding> findings = RunRule(Lines(s_guideFixed.Where(l => l != "USER appuser").ToArray()));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.Contains("python:3.11-slim", findings[0].Message);
            Assert.Contains("`USER 10001`", findings[0].Message);
        }

        [Fact]
        public void VisualStudioTemplatePasses()
        {
            Assert.Empty(RunRule(Lines(s_visualStudioTemplate)));
        }

        [Fact]
        public void VisualStudioWithoutUserReported()
        {
            List<Finding> findings = RunRule(Lines(s_visualStudioTemplate.Where(l => l != "USER $APP_UID").ToArray()));

            AssertSingle(findings, "HARD1001", 15, 1);
            Assert.Contains("USER $APP_UID", findings[0].Message);
            Assert.Contains("'final'", findings[0].Message);
        }

        [Fact]
        public void RootOnlyInBuildStages()
        {
            // Only the final stage ships, so USER root in the build and tools stages does not count.
            Assert.Empty(RunRule(Lines(
                "FROM golang:1.22.5 AS build",
                "USER root",
                "RUN go build -o /out/app ./...",
                "",
                "FROM alpine:3.20 AS tools",
                "RUN adduser -D -u 10001 app",
                "USER app",
                "USER root",
                "RUN apk add --no-cache ca-certificates",
                "",
                "FROM alpine:3.20",
                "COPY --from=build /out/app /usr/local/bin/app",
                "USER 10001",
                "CMD [\"app\"]")));
        }

        [Fact]
        public void UserOnlyInFinalStagePasses()
        {
            Assert.Empty(RunRule(Lines(
                "FROM alpine:3.20 AS builder",
                "RUN touch /artifact",
                "",
                "FROM alpine:3.20",
                "COPY --from=builder /artifact /artifact",
                "RUN adduser -D -u 10001 app",
                "USER app")));
        }

        [Fact]
        public void MissingUserAtFinalFrom()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM alpine:3.20 AS builder",
                "RUN touch /artifact",
                "",
                "FROM alpine:3.20",
                "COPY --from=builder /artifact /artifact",
                "RUN adduser -D -u 10001 app"));

            AssertSingle(findings, "HARD1001", 4, 1);
        }

        [Theory]
        [InlineData("USER 0:0", true)]
        [InlineData("USER 0", true)]
        [InlineData("USER 00", true)]
        [InlineData("USER root:root", true)]
        [InlineData("USER 0:1000", true)]
        [InlineData("USER root:wheel", true)]
        [InlineData("USER 1000:0", false)]
        [InlineData("USER 10001", false)]
        [InlineData("USER ROOT", false)]
        public void RootSpellings(string line, bool reported)
        {
            List<Finding> findings = RunRule(Lines("FROM alpine:3.20", line));

            if (reported)
            {
                AssertSingle(findings, "HARD1001", 2, 1);
            }
            else
            {
                Assert.Empty(findings);
            }
        }

        [Fact]
        public void DotNetAppUidPasses()
        {
            Assert.Empty(RunRule(Lines(
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0.11",
                "WORKDIR /app",
                "COPY publish/ .",
                "USER $APP_UID",
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]")));
        }

        [Fact]
        public void DotNetWithoutUserReported()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0.11",
                "WORKDIR /app",
                "COPY publish/ .",
                "ENTRYPOINT [\"dotnet\", \"App.dll\"]"));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.Contains("`USER $APP_UID`", findings[0].Message);
            Assert.Contains("chiseled", findings[0].Message);
        }

        [Theory]
        [InlineData("gcr.io/distroless/static-debian12:nonroot")]
        [InlineData("gcr.io/distroless/base-debian12:debug-nonroot-arm64")]
        [InlineData("mcr.microsoft.com/dotnet/runtime-deps:8.0-azurelinux3.0-distroless")]
        [InlineData("mcr.microsoft.com/dotnet/aspire-dashboard:9.0")]
        [InlineData("cgr.dev/chainguard/static:latest")]
        [InlineData("nginxinc/nginx-unprivileged:1.27@sha256:0123")]
        [InlineData("bitnami/redis:7.2")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022")]
        [InlineData("mcr.microsoft.com/dotnet/monitor/base:10.0.3-amd64")]
        [InlineData("mcr.microsoft.com/dotnet/monitor:9.0")]
        public void NonRootBasePasses(string image)
        {
            Assert.Empty(RunRule(Lines("FROM " + image, "COPY app /app", "ENTRYPOINT [\"/app\"]")));
        }

        [Theory]
        [InlineData("gcr.io/distroless/static-debian12:latest", "root")]
        [InlineData("cgr.dev/chainguard/python:latest-dev", "root")]
        [InlineData("scratch", "root")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022", "ContainerAdministrator")]
        [InlineData("registry.example.com:5000/base", "not in the base-image catalogue")]
        [InlineData("arm64v8/alpine:3.20", "Docker official image")]
        [InlineData("amd64/debian:12", "Docker official image")]
        [InlineData("logstash:7.16.1", "not in the base-image catalogue")]
        [InlineData("haproxy:3.0", "not in the base-image catalogue")]
        public void RootOrUnknownBaseReported(string image, string expectedText)
        {
            List<Finding> findings = RunRule(Lines("FROM " + image, "ENTRYPOINT [\"/app\"]"));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.Contains(expectedText, findings[0].Message);
        }

        [Fact]
        public void ScratchExportStage_NotReported()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build",
                "RUN dotnet publish -o /out",
                "FROM scratch",
                "COPY --from=build /out /"));

            Assert.Empty(findings);
        }

        [Fact]
        public void ScratchWithEntrypoint_Reported()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM golang:1.22.5 AS build",
                "RUN go build -o /app .",
                "FROM scratch",
                "COPY --from=build /app /app",
                "ENTRYPOINT [\"/app\"]"));

            AssertSingle(findings, "HARD1001", 3, 1);
        }

        [Fact]
        public void ChiseledSuggestion_MatchesVersion()
        {
            List<Finding> findings = RunRule(Lines("FROM mcr.microsoft.com/dotnet/aspnet:10.0", "ENTRYPOINT [\"dotnet\", \"App.dll\"]"));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", findings[0].Message);
        }

        [Fact]
        public void SdkFinalStage_NoChiseledSuggestion()
        {
            List<Finding> findings = RunRule(Lines("FROM mcr.microsoft.com/dotnet/sdk:10.0", "ENTRYPOINT [\"dotnet\", \"App.dll\"]"));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.DoesNotContain("chiseled", findings[0].Message);
        }

        [Fact]
        public void GosuStillReported()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM debian:12.5-slim",
                "RUN apt-get update && apt-get install -y --no-install-recommends gosu \\",
                " && useradd -u 10001 app",
                "ENTRYPOINT [\"gosu\", \"app\", \"/usr/local/bin/start\"]"));

            AssertSingle(findings, "HARD1001", 1, 1);
            Assert.Contains("gosu", findings[0].Message);
        }

        [Fact]
        public void LowerCaseUserRoot()
        {
            List<Finding> findings = RunRule(Lines(
                "from alpine:3.20",
                "run adduser -D -u 10001 app",
                "user root",
                "cmd [\"sh\"]"));

            AssertSingle(findings, "HARD1001", 3, 1);
        }

        [Fact]
        public void SplitKeywordRoot()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM alpine:3.20",
                "RUN adduser -D -u 10001 app",
                "USER app",
                "US\\",
                "# split keyword",
                "ER root",
                "CMD [\"sh\"]"));

            AssertSingle(findings, "HARD1001", 4, 1);
        }

        [Fact]
        public void HeredocsThenRoot()
        {
            string text = Lines(
                "# syntax=docker/dockerfile:1",
                "FROM alpine:3.20",
                "RUN <<EOF",
                "adduser -D -u 10001 app",
                "EOF",
                "# comment directly after the terminator",
                "RUN apk add --no-cache curl && \\",
                "    cat > /etc/motd <<MOTD",
                "hello",
                "MOTD",
                "USER root",
                "RUN <<EOF",
                "echo done",
                "EOF").TrimEnd('\n');

            Assert.Empty(Parse(text).Diagnostics);
            AssertSingle(RunRule(text), "HARD1001", 11, 1);
        }

        [Theory]
        [InlineData("RUN <<EOF bash", "EOF")]
        [InlineData("RUN <<'EOF'", "EOF")]
        [InlineData("RUN <<\"EOF\"", "EOF")]
        [InlineData("RUN <<-EOF", "\tEOF")]
        [InlineData("RUN <<-\\EOT", "\tEOT")]
        public void HeredocVariants(string opener, string terminator)
        {
            string text = Lines("FROM alpine:3.20", opener, "\tUSER 10001", terminator, "USER root");

            Assert.Empty(Parse(text).Diagnostics);
            AssertSingle(RunRule(text), "HARD1001", 5, 1);
        }

        [Fact]
        public void UnknownFlagsDoNotAbort()
        {
            string text = Lines(
                "# syntax=docker/dockerfile:1-labs",
                "FROM node:20.15.1-bookworm-slim",
                "WORKDIR /app",
                "COPY --exclude=*.md --parents ./src ./",
                "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN,required=true \\",
                "    npm ci --omit=dev",
                "RUN --network=none true",
                "USER root");

            Assert.Empty(Parse(text).Diagnostics);
            AssertSingle(RunRule(text), "HARD1001", 8, 1);
        }

        [Fact]
        public void UnresolvedUserIsSuggestion()
        {
            List<Finding> findings = RunRule(Lines("FROM alpine:3.20", "ARG UID", "USER ${UID}:${UID}"));

            AssertSingle(findings, "HARD0005", 3, 1);
            Assert.Equal(Severity.Suggestion, findings[0].Severity);
            Assert.Contains("'UID'", findings[0].Message);
        }

        [Fact]
        public void OnbuildRootReported()
        {
            List<Finding> findings = RunRule(Lines(
                "FROM alpine AS base",
                "RUN adduser -D app",
                "USER app",
                "ONBUILD USER root",
                "FROM base",
                "CMD [\"id\"]"));

            AssertSingle(findings, "HARD1001", 4, 1);
            Assert.Contains("'base'", findings[0].Message);
        }

        [Fact]
        public void UnresolvedBaseWithoutUser()
        {
            List<Finding> findings = RunRule(Lines("ARG BASE", "FROM ${BASE}", "CMD [\"id\"]"));

            AssertSingle(findings, "HARD1001", 2, 1);
            Assert.Contains("'BASE'", findings[0].Message);
        }

        [Fact]
        public void ForeignFrontendHasNoFinding()
        {
            Assert.Empty(RunRule(Lines("# syntax=example.com/other:1", "FROM alpine", "USER root")));
        }

        [Fact]
        public void EngineReportsOnFiles()
        {
            string directory = Path.Combine(Path.GetTempPath(), "hardening-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string bom = Path.Combine(directory, "Dockerfile.bom");
                File.WriteAllBytes(bom, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER root\n")).ToArray());
                string directive = Path.Combine(directory, "Dockerfile.bom-directive");
                File.WriteAllBytes(directive, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# escape=`\nFROM alpine:3.20\nRUN echo C:\\build\\\nUSER root\n")).ToArray());
                string broken = Path.Combine(directory, "Dockerfile.broken");
                File.WriteAllText(broken, "FROM alpine:3.20\r\nCMD [\"sleep\", 10]\r\n");
                string clean = Path.Combine(directory, "Dockerfile.clean");
                File.WriteAllText(clean, "FROM alpine:3.20\r\nUSER 10001\r\n");

                var request = new CheckRequest(new[]
                {
                    new InputFile(bom, InputKind.Dockerfile),
                    new InputFile(directive, InputKind.Dockerfile),
                    new InputFile(broken, InputKind.Dockerfile),
                    new InputFile(clean, InputKind.Dockerfile),
                });
                CheckResult result = HardeningEngine.Check(request);

                Assert.Equal(4, result.DockerfileCount);
                Assert.Equal(4, result.Findings.Count);
                Finding[] byFile(string path) => result.Findings.Where(f => f.Location.FilePath == path).ToArray();
                Finding bomFinding = Assert.Single(byFile(bom));
                Assert.Equal(("HARD1001", 3, 1), (bomFinding.Code, bomFinding.Location.Line, bomFinding.Location.Column));
                Finding directiveFinding = Assert.Single(byFile(directive));
                Assert.Equal(("HARD1001", 4, 1), (directiveFinding.Code, directiveFinding.Location.Line, directiveFinding.Location.Column));
                Finding[] brokenFindings = byFile(broken);
                Assert.Equal(new[] { "HARD1001", "HARD0001" }, brokenFindings.Select(f => f.Code));
                Assert.Equal((1, 1), (brokenFindings[0].Location.Line, brokenFindings[0].Location.Column));
                Assert.Equal((2, 5), (brokenFindings[1].Location.Line, brokenFindings[1].Location.Column));
                Assert.Empty(byFile(clean));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
