using System.Collections.Generic;
using Hardening.Build.Rules.User;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1005PrivilegeToolTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD1005PrivilegeTool(), Lines(lines)));

        [Fact]
        public void SudoInRunReported()
        {
            List<Finding> findings = Run(new HARD1005PrivilegeTool(), Lines("FROM ubuntu:24.04", "RUN sudo apt-get update"));

            Finding finding = Assert.Single(findings);
            Assert.Equal("HARD1005", finding.Code);
            Assert.Equal(Severity.Warning, finding.Severity);
            Assert.Equal(2, finding.Location.Line);
            Assert.Equal(5, finding.Location.Column);
            Assert.Contains("'sudo'", finding.Message);
        }

        [Fact]
        public void EachToolReported()
        {
            Assert.Equal(new[] { "HARD1005@2:20" }, Check("FROM alpine:3.20", "RUN adduser app && su app -c true"));
            Assert.Equal(new[] { "HARD1005@2:5" }, Check("FROM debian:12", "RUN gosu nobody true"));
            Assert.Equal(new[] { "HARD1005@2:5" }, Check("FROM alpine:3.20", "RUN su-exec nobody true"));
            Assert.Equal(new[] { "HARD1005@2:5" }, Check("FROM alpine:3.20", "RUN doas true"));
            Assert.Equal(new[] { "HARD1005@2:5" }, Check("FROM debian:12", "RUN /usr/bin/sudo true"));
        }

        [Fact]
        public void CommandAfterOperatorsReported()
        {
            Assert.Equal(new[] { "HARD1005@2:13" }, Check("FROM debian:12", "RUN true || sudo true"));
            Assert.Equal(new[] { "HARD1005@2:24" }, Check("FROM debian:12", "RUN if true; then exec sudo true; fi"));
            Assert.Equal(new[] { "HARD1005@2:18" }, Check("FROM debian:12", "RUN DEBIAN=1 A=2 sudo true"));
        }

        [Fact]
        public void ContinuationLineReported()
        {
            Assert.Equal(new[] { "HARD1005@3:8" }, Check("FROM debian:12", "RUN set -e \\", "    && sudo true"));
        }

        [Fact]
        public void InstallReported()
        {
            Assert.Equal(new[] { "HARD1005@2:47" }, Check("FROM debian:12", "RUN apt-get update && apt-get install -y curl sudo"));
            Assert.Equal(new[] { "HARD1005@2:24" }, Check("FROM alpine:3.20", "RUN apk add --no-cache su-exec"));
            Assert.Equal(new[] { "HARD1005@2:20" }, Check("FROM fedora:40", "RUN dnf install -y sudo"));
            Assert.Equal(new[] { "HARD1005@2:20" }, Check("FROM centos:7", "RUN yum install -y gosu"));
            Assert.Equal(new[] { "HARD1005@2:48" }, Check("FROM debian:12", "RUN apt-get install -y --no-install-recommends gosu=1.14-1"));
            Assert.Equal(new[] { "HARD1005@2:25" }, Check("FROM ubi9:9.4", "RUN microdnf install -y sudo"));
            Assert.Equal(new[] { "HARD1005@2:21" }, Check("FROM photon:5.0", "RUN tdnf install -y doas"));
        }

        [Fact]
        public void HeredocScriptReported()
        {
            Assert.Equal(new[] { "HARD1005@4:1" }, Check("# syntax=docker/dockerfile:1", "FROM debian:12", "RUN <<EOF", "sudo true", "EOF"));
            Assert.Equal(new[] { "HARD1005@4:17" }, Check("FROM debian:12", "RUN <<EOF bash", "set -e", "apt-get install sudo", "EOF"));
        }

        [Fact]
        public void HeredocDataIgnored()
        {
            Assert.Empty(Check("FROM debian:12", "RUN cat > /etc/motd <<EOF", "sudo is not here", "EOF"));
        }

        [Fact]
        public void WordsThatOnlyContainToolIgnored()
        {
            Assert.Empty(Check("FROM debian:12", "RUN apt-get install -y pseudo"));
            Assert.Empty(Check("FROM debian:12", "RUN rm -f /etc/sudoers.d/app && echo sudoers"));
            Assert.Empty(Check("FROM debian:12", "RUN echo \"run sudo later\" && echo sudo"));
            Assert.Empty(Check("FROM debian:12", "RUN apt-get remove -y sudo"));
        }

        [Fact]
        public void ExecFormReported()
        {
            Assert.Equal(new[] { "HARD1005@2:5" }, Check("FROM debian:12", "RUN [\"sudo\", \"true\"]"));
        }

        [Fact]
        public void BuildStageIgnored()
        {
            Assert.Empty(Check("FROM debian:12 AS build", "RUN sudo true", "RUN apt-get install -y sudo", "FROM debian:12", "USER 10001"));
        }

        [Fact]
        public void ParentStageReported()
        {
            List<Finding> findings = Run(new HARD1005PrivilegeTool(), Lines("FROM debian:12 AS base", "RUN apt-get install -y gosu", "FROM base", "USER 10001"));

            Assert.Equal(new[] { "HARD1005@2:24" }, Describe(findings));
            Assert.Contains("in stage 'base', which it is built from", findings[0].Message);
        }

        [Fact]
        public void PrivilegeDropInEntrypointNotRun()
        {
            Assert.Empty(Check("FROM debian:12", "ENTRYPOINT [\"gosu\", \"app\", \"server\"]"));
        }
    }
}
