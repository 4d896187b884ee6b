using System.Collections.Generic;
using Hardening.Build.Rules.SupplyChain;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7005VerificationDisabledTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD7005VerificationDisabled(), Lines(lines)));

        [Fact]
        public void CurlInsecureReported()
        {
            List<Finding> findings = Run(new HARD7005VerificationDisabled(), Lines("FROM alpine:3.20", "RUN curl -k https://example.com/x -o /x"));

            Assert.Equal(new[] { "HARD7005@2:10" }, Describe(findings));
            Assert.Contains("'-k' turns off curl's certificate check", findings[0].Message);
        }

        [Fact]
        public void RunSpellingsReported()
        {
            var cases = new Dictionary<string, int>
            {
                ["RUN curl --insecure -fsSL https://x"] = 10,
                ["RUN curl -fsSLk https://x"] = 10,
                ["RUN wget --no-check-certificate https://x"] = 10,
                ["RUN apt-get install -y --allow-unauthenticated curl"] = 24,
                ["RUN apt-get update --allow-insecure-repositories"] = 20,
                ["RUN apt-get install --force-yes curl"] = 21,
                ["RUN apt-get -o Acquire::https::Verify-Peer=false update"] = 16,
                ["RUN apt-get -oAcquire::https::Verify-Host=false update"] = 13,
                ["RUN echo \"deb [trusted=yes] http://repo.example.com ./\" > /etc/apt/sources.list.d/x.list"] = 10,
                ["RUN yum install -y --nogpgcheck app"] = 20,
                ["RUN dnf --setopt=sslverify=false install app"] = 9,
                ["RUN echo gpgcheck=0 >> /etc/yum.repos.d/x.repo"] = 10,
                ["RUN rpm -i --nosignature app.rpm"] = 12,
                ["RUN zypper --no-gpg-checks install app"] = 12,
                ["RUN apk add --allow-untrusted /tmp/app.apk"] = 13,
                ["RUN pip install --trusted-host pypi.org flask"] = 17,
                ["RUN pip install --trusted-host=pypi.org flask"] = 17,
                ["RUN pip config set global.trusted-host pypi.org"] = 20,
                ["RUN npm config set strict-ssl false"] = 20,
                ["RUN yarn config set strict-ssl false"] = 21,
                ["RUN npm install --strict-ssl=false"] = 17,
                ["RUN git config --global http.sslVerify false"] = 25,
                ["RUN git -c http.sslVerify=false clone https://x"] = 12,
                ["RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci"] = 5,
                ["RUN export GIT_SSL_NO_VERIFY=1 && git clone https://x"] = 12,
                ["RUN dotnet nuget add source http://feed/index.json -n feed --allow-insecure-connections"] = 60,
                ["RUN DOTNET_NUGET_SIGNATURE_VERIFICATION=false dotnet restore"] = 5,
            };
            foreach (KeyValuePair<string, int> run in cases)
            {
                Assert.Equal(new[] { $"HARD7005@2:{run.Value}" }, Check("FROM alpine:3.20", run.Key));
            }
        }

        [Fact]
        public void EnvSpellingsReported()
        {
            string[] assignments =
            {
                "NODE_TLS_REJECT_UNAUTHORIZED=0", "NODE_TLS_REJECT_UNAUTHORIZED=\"0\"", "PYTHONHTTPSVERIFY=0", "GIT_SSL_NO_VERIFY=true",
                "PIP_TRUSTED_HOST=pypi.org", "NPM_CONFIG_STRICT_SSL=false", "DOTNET_NUGET_SIGNATURE_VERIFICATION=false",
            };
            foreach (string assignment in assignments)
            {
                Assert.Equal(new[] { "HARD7005@2:5" }, Check("FROM alpine:3.20", "ENV " + assignment));
            }

            Assert.Equal(new[] { "HARD7005@2:5" }, Check("FROM alpine:3.20", "ENV NODE_TLS_REJECT_UNAUTHORIZED 0"));
            Assert.Equal(new[] { "HARD7005@3:5" }, Check("FROM alpine:3.20", "ENV A=1 \\", "    PYTHONHTTPSVERIFY=0"));
        }

        [Fact]
        public void SafeValuesPass()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 DOTNET_NUGET_SIGNATURE_VERIFICATION=true NPM_CONFIG_STRICT_SSL=true"));
            Assert.Empty(Check("FROM alpine:3.20", "RUN npm config set strict-ssl true && git config http.sslVerify true"));
            Assert.Empty(Check("FROM alpine:3.20", "RUN echo gpgcheck=1 >> /etc/yum.repos.d/x.repo"));
        }

        [Fact]
        public void ShortKOutsideCurlPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "RUN wget -k https://x && ls -k && sort -k2 file"));
            Assert.Empty(Check("FROM alpine:3.20", "RUN curl -fsSL https://x | sh -k"));
        }

        [Fact]
        public void QuotedTextPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "RUN echo \"never use curl --insecure\""));
        }

        [Fact]
        public void ContinuationPointsAtFlagLine()
        {
            Assert.Equal(new[] { "HARD7005@3:13" }, Check("FROM alpine:3.20", "RUN apk add curl \\", "    && curl --insecure https://x"));
        }

        [Fact]
        public void HeredocScriptReported()
        {
            Assert.Equal(new[] { "HARD7005@4:6" }, Check("# syntax=docker/dockerfile:1", "FROM alpine:3.20", "RUN <<EOF", "curl -k https://x", "EOF"));
        }

        [Fact]
        public void BuildStageReported()
        {
            Assert.Equal(new[] { "HARD7005@2:19" }, Check("FROM alpine:3.20 AS build", "RUN wget -q -O /x --no-check-certificate https://x", "FROM alpine:3.20"));
        }
    }
}
