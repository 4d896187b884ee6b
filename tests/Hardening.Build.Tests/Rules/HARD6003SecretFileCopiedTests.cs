using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules.Secrets;
using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD6003SecretFileCopiedTests
    {
        private const string FullIgnore = ".env\n.git\n**/*.pfx\n**/*.p12\n**/*.pem\n**/*.key\n";

        private static string[] Check(string? dockerIgnore, params string[] lines) =>
            Describe(Run(new HARD6003SecretFileCopied(), Lines(lines), dockerIgnore: dockerIgnore));

        [Fact]
        public void SecretFilesReported()
        {
            string[] files = { ".env", ".env.production", "certs/aspnetapp.pfx", "cert.p12", "tls.key", "privkey.pem", "server-key.pem", "id_rsa", ".ssh/id_ed25519", ".npmrc", ".git-credentials", ".netrc", ".pypirc" };
            foreach (string file in files)
            {
                Assert.Equal(new[] { "HARD6003@2:6" }, Check(FullIgnore, "FROM alpine:3.20", $"COPY {file} /app/"));
                Assert.Equal(new[] { "HARD6003@2:5" }, Check(FullIgnore, "FROM alpine:3.20", $"ADD {file} /app/"));
            }
        }

        [Fact]
        public void OtherFilesIgnored()
        {
            string[] files = { ".env.example", ".env.sample", "ca.pem", "rootCA.crt", "appsettings.Production.json", "app.csproj", "keys/" };
            foreach (string file in files)
            {
                Assert.Empty(Check(FullIgnore, "FROM alpine:3.20", $"COPY {file} /app/"));
            }
        }

        [Fact]
        public void SecondSourceReported()
        {
            List<Finding> findings = Run(new HARD6003SecretFileCopied(), Lines("FROM alpine:3.20", "COPY app.dll cert.pfx /app/"), dockerIgnore: FullIgnore);

            Assert.Equal(new[] { "HARD6003@2:14" }, Describe(findings));
            Assert.Contains("'cert.pfx'", findings[0].Message);
        }

        [Fact]
        public void ExecFormReported()
        {
            Assert.Equal(new[] { "HARD6003@2:6" }, Check(FullIgnore, "FROM alpine:3.20", "COPY [\"id_rsa\", \"/root/.ssh/\"]"));
        }

        [Fact]
        public void CopyFromStageIgnored()
        {
            Assert.Empty(Check(null, "FROM alpine:3.20 AS certs", "RUN true", "FROM alpine:3.20", "COPY --from=certs /certs/tls.key /app/"));
        }

        [Fact]
        public void BuildStageIgnored()
        {
            Assert.Empty(Check(null, "FROM alpine:3.20 AS build", "COPY . .", "COPY .env .", "FROM alpine:3.20", "COPY --from=build /src/out /app"));
        }

        [Fact]
        public void WholeContextWithoutIgnoreReported()
        {
            List<Finding> findings = Run(new HARD6003SecretFileCopied(), Lines("FROM node:20", "WORKDIR /app", "COPY . ."), dockerIgnore: null);

            Assert.Equal(new[] { "HARD6003@3:6" }, Describe(findings));
            Assert.Equal(Severity.Suggestion, findings[0].Severity);
            Assert.Contains("has no .dockerignore", findings[0].Message);
        }

        [Fact]
        public void WholeContextSpellingsReported()
        {
            foreach (string source in new[] { ".", "./", "*", "./*" })
            {
                Assert.Equal(new[] { "HARD6003@2:6" }, Check(null, "FROM node:20", $"COPY {source} /app/"));
            }

            Assert.Equal(new[] { "HARD6003@2:5" }, Check(null, "FROM node:20", "ADD . /app/"));
        }

        [Fact]
        public void WholeContextWithPartialIgnoreSuggested()
        {
            List<Finding> findings = Run(new HARD6003SecretFileCopied(), Lines("FROM node:20", "COPY . ."), dockerIgnore: "node_modules\n.git\n");

            Assert.Equal(new[] { "HARD6003@2:6" }, Describe(findings));
            Assert.Equal(Severity.Suggestion, findings[0].Severity);
            Assert.Contains("does not exclude .env, cert.pfx", findings[0].Message);
            Assert.Contains("`**/*.pfx`", findings[0].Message);
            Assert.DoesNotContain("`.git`", findings[0].Message);
        }

        [Fact]
        public void WholeContextWithFullIgnorePasses()
        {
            Assert.Empty(Check(FullIgnore, "FROM node:20", "COPY . ."));
            Assert.Empty(Check("**/.env\n.git/\n*.pfx\n*.p12\n*.pem\n*.key\n", "FROM node:20", "COPY . ."));
            Assert.Empty(Check("*\n!src\n", "FROM node:20", "COPY . ."));
        }

        [Fact]
        public void UnknownIgnoreSkipsWholeContext()
        {
            var document = DockerfileDocument.Parse(FilePath, Lines("FROM node:20", "COPY . ."));
            var project = new ProjectModel(new[] { document }, new Hardening.Build.Compose.ComposeProject[0]);

            Assert.Empty(new HARD6003SecretFileCopied().Check(project));
        }

        [Fact]
        public void EngineReadsContextIgnore()
        {
            var harness = new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  web:\n    build: ./web\n")
                .File("/repo/app/web/Dockerfile", "FROM node:20\nCOPY . .\n")
                .File("/repo/app/web/.dockerignore", ".env\n");

            string[] found = harness.Check().Findings.Where(f => f.Code == "HARD6003").Select(f => $"{f.Location.Line}:{f.Location.Column}:{f.Severity}").ToArray();

            Assert.Equal(new[] { "2:6:Suggestion" }, found);
        }

        [Fact]
        public void EngineReadsDockerfileSpecificIgnore()
        {
            var harness = new EngineHarness()
                .Dockerfile("/repo/app/web.Dockerfile", "FROM node:20\nUSER 10001\nCOPY . .\n")
                .File("/repo/app/web.Dockerfile.dockerignore", FullIgnore);

            Assert.DoesNotContain(harness.Check().Findings, f => f.Code == "HARD6003");
        }

        [Fact]
        public void EngineWithoutIgnoreSuggests()
        {
            var harness = new EngineHarness().Dockerfile("/repo/app/Dockerfile", "FROM node:20\nUSER 10001\nCOPY . .\n");

            Finding finding = Assert.Single(harness.Check().Findings, f => f.Code == "HARD6003");
            Assert.Equal(3, finding.Location.Line);
            Assert.Equal(6, finding.Location.Column);
            Assert.Equal(Severity.Suggestion, finding.Severity);
        }

        [Fact]
        public void IgnorePatternSemantics()
        {
            DockerIgnore ignore = DockerIgnore.Parse(null, "# comment\n/bin\n**/obj/\nsecrets/*.key\n!secrets/public.key\n*.md\n!README.md\n[a-c].txt\n");

            Assert.True(ignore.IsExcluded("bin/app.dll"));
            Assert.True(ignore.IsExcluded("src/obj/x.json"));
            Assert.True(ignore.IsExcluded("obj"));
            Assert.True(ignore.IsExcluded("secrets/tls.key"));
            Assert.False(ignore.IsExcluded("secrets/public.key"));
            Assert.False(ignore.IsExcluded("secrets/nested/tls.key"));
            Assert.True(ignore.IsExcluded("CHANGES.md"));
            Assert.False(ignore.IsExcluded("README.md"));
            Assert.False(ignore.IsExcluded("docs/CHANGES.md"));
            Assert.True(ignore.IsExcluded("b.txt"));
            Assert.False(ignore.IsExcluded("d.txt"));
            Assert.False(ignore.IsExcluded("src/bin/app.dll"));
        }
    }
}
