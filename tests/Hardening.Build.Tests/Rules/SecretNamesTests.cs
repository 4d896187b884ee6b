using Hardening.Build.Rules.Secrets;
using Xunit;

namespace Hardening.Build.Tests.Rules
{
    public class SecretNamesTests
    {
        [Theory]
        [InlineData("DB_PASSWORD")]
        [InlineData("dbPassword")]
        [InlineData("NPM_TOKEN")]
        [InlineData("client-secret")]
        [InlineData("Storage.AccountKey")]
        [InlineData("SECRET_KEY_BASE")]
        [InlineData("GOOGLE_APPLICATION_CREDENTIALS_JSON")]
        [InlineData("REFRESH_TOKEN")]
        public void Secret_True(string name)
        {
            Assert.True(SecretNames.IsSecretName(name));
        }

        [Theory]
        [InlineData("KMS_KEY_ALIAS")]
        [InlineData("APP_AUTH_MODE")]
        [InlineData("PUBLIC_KEY")]
        [InlineData("DB_PASSWORD_FILE")]
        [InlineData("AWS_ACCESS_KEY_ID")]
        [InlineData("PWD")]
        [InlineData("BYPASS_CACHE")]
        [InlineData("TOKEN_LIFETIME")]
        [InlineData("PRIMARY_KEY")]
        public void NotSecret_False(string name)
        {
            Assert.False(SecretNames.IsSecretName(name));
        }

        [Fact]
        public void SplitWords_CaseAndSeparators()
        {
            Assert.Equal(new[] { "CONNECTION", "STRINGS", "DB" }, SecretNames.SplitWords("ConnectionStrings__Db"));
        }
    }
}
