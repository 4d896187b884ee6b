using System.Collections.Generic;
using Hardening.Build.Rules.Secrets;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD6001SecretInArgOrEnvTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD6001SecretInArgOrEnv(), Lines(lines)));

        [Fact]
        public void GuessingNamesFieldCase()
        {
            List<Finding> findings = Run(new HARD6001SecretInArgOrEnv(), Lines(
                "FROM alpine:3.20",
                "ARG NPM_TOKEN",
                "ENV PUBLIC_KEY_PATH=/etc/app/signing.pub",
                "ENV KMS_KEY_ALIAS=alias/app-data",
                "ENV DB_PASSWORD_FILE=/run/secrets/db_password",
                "ENV API_TOKEN=tok_live_0123456789abcdef",
                "ENV APP_AUTH_MODE=none",
                "RUN adduser -D -u 10001 app",
                "USER app"));

            Assert.Equal(new[] { "HARD6001@2:5", "HARD6001@6:5" }, Describe(findings));
            Assert.Equal(Severity.Suggestion, findings[0].Severity);
            Assert.Contains("--mount=type=secret,id=npm_token,env=NPM_TOKEN", findings[0].Message);
            Assert.Equal(Severity.Warning, findings[1].Severity);
            Assert.DoesNotContain("tok_live", findings[1].Message);
        }

        [Fact]
        public void ContinuedEnvPointsAtKeyLine()
        {
            Assert.Equal(
                new[] { "HARD6001@4:5" },
                Check("FROM alpine:3.20", "ENV APP_MODE=prod \\", "    APP_PORT=8080 \\", "    DB_PASSWORD=s3cr3t-value", "RUN adduser -D -u 10001 app"));
        }

        [Fact]
        public void SecretNamesReported()
        {
            string[] names =
            {
                "PASSWORD", "DB_PASSWD", "SA_PWD", "TOKEN", "GITHUB_TOKEN", "FEED_ACCESSTOKEN", "APIKEY", "API_KEY", "STRIPE-API-KEY",
                "AWS_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "CLIENT_SECRET", "OAUTH_CLIENTSECRET", "SECRET", "DJANGO_SECRET_KEY",
                "CONNECTIONSTRING", "DB_CONNECTION_STRING", "app.password", "GPG_PASSPHRASE",
            };
            foreach (string name in names)
            {
                Assert.True(HARD6001SecretInArgOrEnv.IsSecretName(name), name);
                Assert.Equal(new[] { "HARD6001@2:5" }, Check("FROM alpine:3.20", $"ENV {name}=abc123def"));
            }
        }

        [Fact]
        public void OtherNamesIgnored()
        {
            string[] names =
            {
                "PWD", "PASSWORD_FILE", "TOKEN_PATH", "SECRETS_DIR", "KMS_KEY_ALIAS", "AUTH_MODE", "TOKEN_NAME", "AWS_ACCESS_KEY_ID",
                "TOKEN_URL", "PUBLIC_KEY", "KEY", "MONKEY", "TOKENIZER", "CONNECTION_TIMEOUT",
            };
            foreach (string name in names)
            {
                Assert.False(HARD6001SecretInArgOrEnv.IsSecretName(name), name);
                Assert.Empty(Check("FROM alpine:3.20", $"ENV {name}=abc123def"));
            }
        }

        [Fact]
        public void NonLiteralValuesIgnored()
        {
            string[] values = { "", "\"\"", "$DB_PASSWORD", "${DB_PASSWORD}", "\"${DB_PASSWORD:-}\"", "/run/secrets/db", "./secret.txt", "~/token", "changeme", "<token>", "xxxx", "your-token-here", "none" };
            foreach (string value in values)
            {
                Assert.Empty(Check("FROM alpine:3.20", $"ENV DB_PASSWORD={value}"));
                Assert.Empty(Check("FROM alpine:3.20", $"ARG DB_PASSWORD={value}"));
            }
        }

        [Fact]
        public void ArgDefaultReported()
        {
            List<Finding> findings = Run(new HARD6001SecretInArgOrEnv(), Lines("ARG API_TOKEN=abc123", "FROM alpine:3.20"));

            Assert.Equal(new[] { "HARD6001@1:5" }, Describe(findings));
            Assert.Equal(Severity.Warning, findings[0].Severity);
            Assert.Contains("ARG gives 'API_TOKEN'", findings[0].Message);
        }

        [Fact]
        public void QuotedAndLegacyEnvReported()
        {
            Assert.Equal(new[] { "HARD6001@2:5" }, Check("FROM alpine:3.20", "ENV API_TOKEN=\"abc 123\""));
            Assert.Equal(new[] { "HARD6001@2:5" }, Check("FROM alpine:3.20", "ENV API_TOKEN abc 123"));
            Assert.Equal(new[] { "HARD6001@2:5", "HARD6001@2:19" }, Check("FROM alpine:3.20", "env API_TOKEN=abc DB_PWD=def"));
        }

        [Fact]
        public void EmbeddedPasswordReported()
        {
            Assert.Equal(
                new[] { "HARD6001@2:5" },
                Check("FROM alpine:3.20", "ENV ConnectionStrings__Default=\"Server=db;User Id=sa;Password=Pass@word1\""));
            Assert.Equal(new[] { "HARD6001@2:5" }, Check("FROM alpine:3.20", "ENV DATABASE_URL=postgres://app:s3cret@db:5432/app"));
        }

        [Fact]
        public void EmbeddedReferenceIgnored()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ENV ConnectionStrings__Default=\"Server=db;Password=$DB_PASSWORD\""));
            Assert.Empty(Check("FROM alpine:3.20", "ENV DATABASE_URL=postgres://db:5432/app"));
            Assert.Empty(Check("FROM alpine:3.20", "ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"));
        }

        [Fact]
        public void SecretMountArgIgnored()
        {
            Assert.Empty(Check(
                "# syntax=docker/dockerfile:1-labs",
                "FROM node:20.15.1-bookworm-slim",
                "ARG NPM_TOKEN",
                "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN,required=true \\",
                "    npm ci --omit=dev"));
        }

        [Fact]
        public void SecretMountWithoutArgIgnored()
        {
            Assert.Empty(Check(
                "FROM node:20.15.1-bookworm-slim",
                "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN,required=true npm ci"));
        }

        [Fact]
        public void GlobalArgWithoutValueSuggested()
        {
            List<Finding> findings = Run(new HARD6001SecretInArgOrEnv(), Lines("ARG GITHUB_TOKEN", "FROM alpine:3.20"));

            Assert.Equal(new[] { "HARD6001@1:5" }, Describe(findings));
            Assert.Equal(Severity.Suggestion, findings[0].Severity);
        }
    }
}
