using Hardening.Build.Rules.Secrets;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD6002LiteralSecretInComposeTests
    {
        private static readonly HARD6002LiteralSecretInCompose Rule = new HARD6002LiteralSecretInCompose();

        private static string MapEnvironment(string entry) =>
            "services:\n  db:\n    image: x:1\n    environment:\n      " + entry + "\n";

        [Theory]
        [InlineData("POSTGRES_PASSWORD: example")]
        [InlineData("MYSQL_ROOT_PASSWORD: \"s3cr3t\"")]
        [InlineData("DB_PASSWD: gitea")]
        [InlineData("RABBITMQ_DEFAULT_PASS: guest")]
        [InlineData("API_TOKEN: tok_live_0123456789abcdef")]
        [InlineData("STRIPE_API_KEY: sk_test_123")]
        [InlineData("ApiKey: abc123")]
        [InlineData("JWT_SECRET: changeme")]
        [InlineData("AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI")]
        [InlineData("PIN_PASSWORD: 123456")]
        [InlineData("ConnectionStrings__Db: \"Server=db;Database=app;User Id=sa;Password=Pass@word1;\"")]
        [InlineData("DATABASE_URL: mysql://root:whalehello@db:3306/mysql")]
        public void MapForm_ReportedAtKey(string entry)
        {
            AssertFindings(Run(Rule, MapEnvironment(entry)), "HARD6002@5:7");
        }

        [Theory]
        [InlineData("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")]
        [InlineData("POSTGRES_PASSWORD: $POSTGRES_PASSWORD")]
        [InlineData("POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD:?set it}\"")]
        [InlineData("POSTGRES_PASSWORD: \"\"")]
        [InlineData("POSTGRES_PASSWORD:")]
        [InlineData("POSTGRES_PASSWORD_FILE: /run/secrets/db_password")]
        [InlineData("DB_PASSWORD: /run/secrets/db_password")]
        [InlineData("PUBLIC_KEY_PATH: /etc/app/signing.pub")]
        [InlineData("KMS_KEY_ALIAS: alias/app-data")]
        [InlineData("APP_AUTH_MODE: none")]
        [InlineData("PUBLIC_KEY: abc")]
        [InlineData("AWS_ACCESS_KEY_ID: AKIAEXAMPLE")]
        [InlineData("MYSQL_RANDOM_ROOT_PASSWORD: \"yes\"")]
        [InlineData("MYSQL_ALLOW_EMPTY_PASSWORD: 1")]
        [InlineData("PASSWORD_MIN_LENGTH: 12")]
        [InlineData("TOKEN_URL: https://login.example.com/token")]
        [InlineData("PWD: /app")]
        [InlineData("SECRET_NAME: db-password")]
        [InlineData("KEY: value")]
        [InlineData("ConnectionStrings__Db: \"Server=db;Database=app;User Id=sa;Password=${DB_PASSWORD};\"")]
        [InlineData("DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app")]
        [InlineData("REDIS_URL: redis://cache:6379")]
        public void NotALiteralSecret_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, MapEnvironment(entry)));
        }

        [Fact]
        public void ListForm_ReportedAtItem()
        {
            string yaml = "services:\n  db:\n    image: x:1\n    environment:\n      - ACCEPT_EULA=Y\n      - SA_PASSWORD=example_123\n      - DB_PASSWORD=${DB_PASSWORD}\n";

            AssertFindings(Run(Rule, yaml), "HARD6002@6:9");
        }

        [Fact]
        public void Message_HidesValue()
        {
            var findings = Run(Rule, MapEnvironment("SA_PASSWORD: example_123"));

            Assert.DoesNotContain("example_123", findings[0].Message);
            Assert.Contains("a literal value of 11 characters", findings[0].Message);
            Assert.Contains("`SA_PASSWORD: ${SA_PASSWORD}`", findings[0].Message);
        }

        [Fact]
        public void UrlPassword_MessageHidesValue()
        {
            var findings = Run(Rule, MapEnvironment("DATABASE_URL: mysql://root:whalehello@db:3306/mysql"));

            Assert.DoesNotContain("whalehello", findings[0].Message);
            Assert.Contains("a literal password of 10 characters", findings[0].Message);
        }

        [Fact]
        public void BuildArgsMap_ReportedAtKey()
        {
            string yaml = "services:\n  api:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_abcdef\n        APP_VERSION: 1.2.3\n";

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD6002@6:9");
            Assert.Contains("RUN --mount=type=secret,id=npm_token", findings[0].Message);
        }

        [Fact]
        public void BuildArgsList_ReportedAtItem()
        {
            string yaml = "services:\n  api:\n    build:\n      context: .\n      args:\n        - NUGET_API_KEY=oy2abc\n        - NUGET_SOURCE_URL=https://nuget.example.com\n        - GITHUB_TOKEN\n";

            AssertFindings(Run(Rule, yaml), "HARD6002@6:11");
        }

        [Fact]
        public void EscapedDollar_IsLiteral()
        {
            AssertFindings(Run(Rule, MapEnvironment("ADMIN_PASSWORD: pa$$word")), "HARD6002@5:7");
        }
    }
}
