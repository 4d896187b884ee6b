using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Xunit;
using static Hardening.Build.Tests.Dockerfile.DockerfileTestHelpers;

namespace Hardening.Build.Tests.Dockerfile
{
    public class DockerfileDocumentTests
    {
        [Fact]
        public void HeredocUserIgnored()
        {
            UserResolution user = FinalUser(Lines(
                "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0",
                "COPY <<EOF /app/NOTES.txt",
                "USER root",
                "EOF",
                "USER $APP_UID"));

            Assert.Equal("1654", user.User);
            Assert.Equal(UserKind.NonRoot, user.Kind);
            Assert.Equal(5, user.Location.Line);
        }

        [Fact]
        public void BlankContinuationKeepsNode()
        {
            UserResolution user = FinalUser(Lines(
                "FROM node:20-alpine",
                "USER node",
                "RUN echo start \\",
                "",
                "USER root",
                "CMD [\"node\", \"server.js\"]"));

            Assert.Equal("node", user.User);
            Assert.Equal(UserKind.NonRoot, user.Kind);
        }

        [Fact]
        public void LateDirectiveGivesRealUser()
        {
            UserResolution user = FinalUser(Lines(
                "# Base image for the API",
                "# escape=`",
                "FROM alpine",
                "RUN echo one `",
                "USER root"));

            Assert.Equal(UserKind.Root, user.Kind);
            Assert.Equal(5, user.Location.Line);
        }

        [Fact]
        public void BacktickContinuedAdministrator()
        {
            UserResolution user = FinalUser(Lines(
                "# escape=`",
                "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022",
                "COPY app C:\\app\\",
                "USER `",
                "    ContainerAdministrator"));

            Assert.Equal("ContainerAdministrator", user.User);
            Assert.Equal(UserKind.Root, user.Kind);
            Assert.Equal(4, user.Location.Line);
        }

        [Fact]
        public void GlobalArgNotVisibleInStage()
        {
            UserResolution user = FinalUser(Lines("ARG APP_USER=app", "FROM alpine", "USER ${APP_USER:-root}"));

            Assert.Equal("root", user.User);
            Assert.Equal(UserKind.Root, user.Kind);
        }

        [Fact]
        public void RedeclaredGlobalArgVisible()
        {
            UserResolution user = FinalUser(Lines("ARG APP_USER=app", "FROM alpine", "ARG APP_USER", "USER ${APP_USER:-root}"));

            Assert.Equal("app", user.User);
        }

        [Fact]
        public void UserBeforeArgDeclaration()
        {
            var buildArgs = new Dictionary<string, string> { ["uid"] = "1000" };
            UserResolution user = FinalUser(Lines("FROM alpine", "USER ${uid:-0}", "ARG uid=1000"), buildArgs);

            Assert.Equal("0", user.User);
            Assert.Equal(UserKind.Root, user.Kind);
        }

        [Fact]
        public void EnvReadsEarlierValues()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ENV RUNAS=root", "ENV RUNAS=app EFFECTIVE=$RUNAS", "USER $EFFECTIVE"));

            Assert.Equal("root", user.User);
            Assert.Equal(UserKind.Root, user.Kind);
        }

        [Fact]
        public void ChiseledDefaultApplies()
        {
            UserResolution user = FinalUser(Lines(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build",
                "USER root",
                "RUN dotnet publish -c Release -o /out",
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled",
                "COPY --from=build /out /app",
                "ENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]"));

            Assert.True(user.IsBaseImageDefault);
            Assert.Equal("1654", user.User);
            Assert.Equal(UserKind.NonRoot, user.Kind);
            Assert.Equal(4, user.Location.Line);
        }

        [Fact]
        public void StageInheritsUser()
        {
            DockerfileDocument document = Parse(Lines(
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base",
                "USER $APP_UID",
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build",
                "RUN dotnet publish -o /app/publish",
                "FROM base AS final",
                "COPY --from=build /app/publish ."));

            DockerfileStage final = document.FinalStage!;
            Assert.Same(document.GetStage("base"), final.Parent);
            UserResolution user = document.ResolveUser(final, null);
            Assert.Equal("1654", user.User);
            Assert.Equal(UserKind.NonRoot, user.Kind);
            Assert.Equal(2, user.Location.Line);
            Assert.Equal("base", user.DecidingStage.Name);
        }

        [Fact]
        public void OnbuildTriggerRunsInChild()
        {
            UserResolution user = FinalUser(Lines(
                "FROM alpine AS base",
                "RUN adduser -D app",
                "USER app",
                "ONBUILD USER root",
                "FROM base",
                "CMD [\"id\"]"));

            Assert.Equal("root", user.User);
            Assert.Equal(UserKind.Root, user.Kind);
            Assert.Equal(4, user.Location.Line);
            Assert.Equal(1, user.Location.Column);
        }

        [Fact]
        public void OnbuildNotPassedToGrandchild()
        {
            UserResolution user = FinalUser(Lines(
                "FROM alpine AS base",
                "ONBUILD USER root",
                "FROM base AS middle",
                "USER app",
                "FROM middle"));

            Assert.Equal("app", user.User);
        }

        [Fact]
        public void TabHeredocThenUser()
        {
            UserResolution user = FinalUser(Lines(
                "FROM alpine",
                "COPY <<-\"EOT\" /entry.sh",
                "\t#!/bin/sh",
                "\texec \"$@\"",
                "\tEOT",
                "USER 1000"));

            Assert.Equal("1000", user.User);
            Assert.Equal(6, user.Location.Line);
        }

        [Fact]
        public void StagesAndLookup()
        {
            DockerfileDocument document = Parse(Lines(
                "ARG BASE_IMAGE=python:3.12.4-slim",
                "ARG TOOLS_IMAGE",
                "FROM ${TOOLS_IMAGE} AS tools",
                "RUN true",
                "",
                "FROM ${BASE_IMAGE} AS Runtime",
                "RUN useradd -u 10001 app",
                "USER app"));

            Assert.Empty(document.Diagnostics);
            Assert.Equal(2, document.Stages.Count);
            DockerfileStage tools = document.GetStage(0)!;
            Assert.Null(tools.BaseImage);
            Assert.Equal("TOOLS_IMAGE", tools.UnresolvedVariable);
            DockerfileStage runtime = document.GetStage("RUNTIME")!;
            Assert.Equal("runtime", runtime.Name);
            Assert.Equal(1, runtime.Index);
            Assert.Equal("${BASE_IMAGE}", runtime.BaseReference);
            Assert.Equal("python:3.12.4-slim", runtime.BaseImage);
            Assert.Equal(6, runtime.FromLocation.Line);
            Assert.Same(runtime, document.FinalStage);
            Assert.Null(document.GetStage(2));
        }

        [Fact]
        public void BuildArgOverridesBase()
        {
            var buildArgs = new Dictionary<string, string> { ["BASE"] = "gcr.io/distroless/static-debian12:nonroot" };
            DockerfileDocument document = Parse(Lines("ARG BASE=alpine:3.20", "FROM $BASE"));

            Assert.Equal(UserKind.Root, document.ResolveUser(document.FinalStage!, null).Kind);
            UserResolution user = document.ResolveUser(document.FinalStage!, buildArgs);
            Assert.Equal("65532", user.User);
            Assert.Equal(UserKind.NonRoot, user.Kind);
        }

        [Fact]
        public void ArgWithoutValueIsUnresolved()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ARG UID", "USER ${UID}"));

            Assert.Equal(UserKind.Unknown, user.Kind);
            Assert.Equal("UID", user.UnresolvedVariable);
            Assert.Equal(3, user.Location.Line);
        }

        [Fact]
        public void BuildArgResolvesArg()
        {
            var buildArgs = new Dictionary<string, string> { ["UID"] = "0" };
            UserResolution user = FinalUser(Lines("FROM alpine", "ARG UID=1000", "USER ${UID}"), buildArgs);

            Assert.Equal(UserKind.Root, user.Kind);
        }

        [Fact]
        public void ArgDefaultExpanded()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ARG A=10001", "ARG B=$A:$A", "USER $B"));

            Assert.Equal("10001:10001", user.User);
        }

        [Fact]
        public void EnvWinsOverArg()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ARG RUNAS=0", "ENV RUNAS=app", "USER $RUNAS"));

            Assert.Equal("app", user.User);
        }

        [Fact]
        public void LegacyEnvForm()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ENV RUNAS some user", "USER ${RUNAS}"));

            Assert.Equal("some user", user.User);
        }

        [Fact]
        public void UnresolvedThroughEnv()
        {
            UserResolution user = FinalUser(Lines("FROM alpine", "ARG UID", "ENV RUNAS=$UID", "USER $RUNAS"));

            Assert.Equal(UserKind.Unknown, user.Kind);
            Assert.Equal("UID", user.UnresolvedVariable);
        }

        [Fact]
        public void UnknownBaseEnvIsUnresolved()
        {
            UserResolution user = FinalUser(Lines("FROM registry.example.com/base:1", "USER $APP_UID"));

            Assert.Equal(UserKind.Unknown, user.Kind);
            Assert.Equal("APP_UID", user.UnresolvedVariable);
        }

        [Fact]
        public void DotNet7HasNoAppUid()
        {
            UserResolution user = FinalUser(Lines("FROM mcr.microsoft.com/dotnet/aspnet:7.0", "USER $APP_UID"));

            Assert.Equal(UserKind.Unknown, user.Kind);
            Assert.Equal("APP_UID", user.UnresolvedVariable);
        }

        [Theory]
        [InlineData("USER \"1000\"", "1000")]
        [InlineData("USER '$UID'", "$UID")]
        [InlineData("USER \\$UID", "$UID")]
        [InlineData("USER ${UID:-1000}:${GID:-1000}", "1000:1000")]
        [InlineData("USER ${UID-1000}", "1000")]
        [InlineData("USER ${NAME:+x}app", "app")]
        [InlineData("USER ${NAME+x}app", "app")]
        [InlineData("USER 1000 # comment", "1000 # comment")]
        public void UserExpansion(string line, string expected)
        {
            UserResolution user = FinalUser(Lines("FROM alpine", line));

            Assert.Equal(expected, user.User);
        }

        [Fact]
        public void NoFromIsError()
        {
            DockerfileDocument document = Parse(Lines("ARG A=1", "RUN true"));

            Assert.Empty(document.Stages);
            Assert.Null(document.FinalStage);
            Finding finding = Assert.Single(document.Diagnostics);
            Assert.Equal("HARD0001", finding.Code);
            Assert.Equal(1, finding.Location.Line);
            Assert.Equal(1, finding.Location.Column);
            Assert.Contains("no FROM", finding.Message);
        }

        [Fact]
        public void EmptyFileIsError()
        {
            Finding finding = Assert.Single(Parse(string.Empty).Diagnostics);

            Assert.Equal("HARD0001", finding.Code);
            Assert.Equal(1, finding.Location.Line);
            Assert.Equal(1, finding.Location.Column);
        }

        [Fact]
        public void ForeignFrontendNotChecked()
        {
            DockerfileDocument document = Parse(Lines("# syntax=example.com/other/frontend:1", "FROM alpine", "USER root"));

            Assert.Equal("example.com/other/frontend:1", document.UnsupportedFrontend);
            Assert.Empty(document.Stages);
            Finding finding = Assert.Single(document.Diagnostics);
            Assert.Equal("HARD0001", finding.Code);
            Assert.Equal(1, finding.Location.Line);
            Assert.Contains("not checked", finding.Message);
        }

        [Theory]
        [InlineData("# syntax=docker/dockerfile:1")]
        [InlineData("# syntax=docker/dockerfile:1.7-labs")]
        [InlineData("# syntax=docker.io/docker/dockerfile-upstream:master")]
        public void DockerFrontendChecked(string directive)
        {
            DockerfileDocument document = Parse(Lines(directive, "FROM alpine"));

            Assert.Null(document.UnsupportedFrontend);
            Assert.Empty(document.Diagnostics);
            Assert.Single(document.Stages);
        }

        [Theory]
        [InlineData("FOO bar", 2, 1)]
        [InlineData("CMD [\"sleep\", 10]", 2, 5)]
        [InlineData("  CMD [\"a\", [\"b\"]]", 2, 7)]
        [InlineData("ONBUILD FROM alpine", 2, 9)]
        [InlineData("USER", 2, 1)]
        [InlineData("FROM alpine AS 1st", 2, 16)]
        [InlineData("FROM alpine base", 2, 1)]
        [InlineData("ENV ONLYNAME", 2, 1)]
        [InlineData("ENV A=1 B", 2, 9)]
        [InlineData("RUN <<EOF\necho", 2, 5)]
        [InlineData("HEALTHCHECK [\"x\"]", 2, 13)]
        [InlineData("HEALTHCHECK CMD [\"a\", 1]", 2, 17)]
        public void ParseErrorLocation(string line, int expectedLine, int expectedColumn)
        {
            DockerfileDocument document = Parse(Lines("FROM alpine", line, "USER root"));

            Finding finding = Assert.Single(document.Diagnostics);
            Assert.Equal("HARD0001", finding.Code);
            Assert.Equal(FilePath, finding.Location.FilePath);
            Assert.Equal(expectedLine, finding.Location.Line);
            Assert.Equal(expectedColumn, finding.Location.Column);
        }

        [Theory]
        [InlineData("# escape=x\nFROM alpine", 1, 1)]
        [InlineData("# escape=\\\n# escape=`\nFROM alpine", 2, 1)]
        [InlineData("RUN true\nFROM alpine", 1, 1)]
        public void DirectiveAndOrderErrors(string text, int expectedLine, int expectedColumn)
        {
            Finding finding = Assert.Single(Parse(text).Diagnostics);

            Assert.Equal(expectedLine, finding.Location.Line);
            Assert.Equal(expectedColumn, finding.Location.Column);
        }

        [Fact]
        public void StagesKeptAfterError()
        {
            DockerfileDocument document = Parse(Lines("FROM alpine", "FOO bar", "USER root"));

            Assert.Single(document.Diagnostics);
            Assert.Equal(UserKind.Root, document.ResolveUser(document.FinalStage!, null).Kind);
        }
    }
}
