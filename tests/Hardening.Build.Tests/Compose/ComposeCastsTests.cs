using Hardening.Build.Compose;
using Xunit;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeCastsTests
    {
        [Theory]
        [InlineData("true", true, false)]
        [InlineData("TRUE", true, false)]
        [InlineData("False", false, false)]
        [InlineData("yes", true, true)]
        [InlineData("on", true, true)]
        [InlineData("y", true, true)]
        [InlineData("no", false, true)]
        [InlineData("off", false, true)]
        public void TryParseBoolean_Accepted(string text, bool expected, bool legacy)
        {
            Assert.True(ComposeCasts.TryParseBoolean(text, out bool value, out bool isLegacy));
            Assert.Equal(expected, value);
            Assert.Equal(legacy, isLegacy);
        }

        [Theory]
        [InlineData("1")]
        [InlineData("0")]
        [InlineData("enabled")]
        [InlineData("")]
        public void TryParseBoolean_Rejected(string text)
        {
            Assert.False(ComposeCasts.TryParseBoolean(text, out _, out _));
        }

        [Theory]
        [InlineData("1", true)]
        [InlineData("t", true)]
        [InlineData("True", true)]
        [InlineData("0", false)]
        [InlineData("F", false)]
        [InlineData("FALSE", false)]
        public void TryParseGoBoolean_Accepted(string text, bool expected)
        {
            Assert.True(ComposeCasts.TryParseGoBoolean(text, out bool value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("yes")]
        [InlineData("tRue")]
        [InlineData("")]
        public void TryParseGoBoolean_Rejected(string text)
        {
            Assert.False(ComposeCasts.TryParseGoBoolean(text, out _));
        }

        [Theory]
        [InlineData("268435456", 268435456L)]
        [InlineData("512", 512L)]
        [InlineData("-1", -1L)]
        [InlineData("256m", 268435456L)]
        [InlineData("256M", 268435456L)]
        [InlineData("2GB", 2147483648L)]
        [InlineData("5g", 5368709120L)]
        [InlineData("1.5g", 1610612736L)]
        [InlineData("64 MiB", 67108864L)]
        [InlineData("1k", 1024L)]
        [InlineData("100b", 100L)]
        public void TryParseBytes_Accepted(string text, long expected)
        {
            Assert.True(ComposeCasts.TryParseBytes(text, out long bytes));
            Assert.Equal(expected, bytes);
        }

        [Theory]
        [InlineData("lots")]
        [InlineData("5x")]
        [InlineData("m")]
        [InlineData("1gbb")]
        [InlineData("-5m")]
        [InlineData("")]
        public void TryParseBytes_Rejected(string text)
        {
            Assert.False(ComposeCasts.TryParseBytes(text, out _));
        }

        [Theory]
        [InlineData("0.5", 0.5)]
        [InlineData("2", 2.0)]
        [InlineData("0.50", 0.5)]
        [InlineData("0", 0.0)]
        public void TryParseCpus_Accepted(string text, double expected)
        {
            Assert.True(ComposeCasts.TryParseCpus(text, out double cpus));
            Assert.Equal(expected, cpus);
        }

        [Theory]
        [InlineData("50%")]
        [InlineData("half")]
        [InlineData("-1")]
        public void TryParseCpus_Rejected(string text)
        {
            Assert.False(ComposeCasts.TryParseCpus(text, out _));
        }

        [Theory]
        [InlineData("ALL", "ALL")]
        [InlineData("all", "ALL")]
        [InlineData("cap_all", "CAP_ALL")]
        [InlineData("net_admin", "CAP_NET_ADMIN")]
        [InlineData("CAP_NET_ADMIN", "CAP_NET_ADMIN")]
        public void NormalizeCapability_MatchesEngine(string text, string expected)
        {
            Assert.Equal(expected, ComposeCasts.NormalizeCapability(text));
        }
    }
}
