using System.Collections.Generic;
using Hardening.Build.Compose;
using Xunit;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeInterpolatorTests
    {
        private static readonly Dictionary<string, string> Variables = new Dictionary<string, string>
        {
            ["SET"] = "value",
            ["EMPTY"] = string.Empty,
        };

        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("$SET", "value")]
        [InlineData("${SET}", "value")]
        [InlineData("$SET-suffix", "value-suffix")]
        [InlineData("${UNSET:-fallback}", "fallback")]
        [InlineData("${EMPTY:-fallback}", "fallback")]
        [InlineData("${EMPTY-fallback}", "")]
        [InlineData("${UNSET-fallback}", "fallback")]
        [InlineData("${SET:+alternative}", "alternative")]
        [InlineData("${EMPTY:+alternative}", "")]
        [InlineData("${EMPTY+alternative}", "alternative")]
        [InlineData("${UNSET+alternative}", "")]
        [InlineData("${UNSET:-a-b}", "a-b")]
        [InlineData("${UNSET:-${SET}}", "value")]
        [InlineData("${UNSET:-${ALSO_UNSET:-deep}}", "deep")]
        [InlineData("${DOCKER_REGISTRY-}api", "api")]
        [InlineData("cost: $$5", "cost: $5")]
        [InlineData("$$SET", "$SET")]
        [InlineData("100$", "100$")]
        [InlineData("a $ b", "a $ b")]
        public void Interpolate_KnownValues(string text, string expected)
        {
            InterpolatedText result = ComposeInterpolator.Interpolate(text, Variables);

            Assert.True(result.IsKnown);
            Assert.Equal(expected, result.Text);
        }

        [Theory]
        [InlineData("$UNSET", "UNSET")]
        [InlineData("${UNSET}", "UNSET")]
        [InlineData("${UNSET:?must be set}", "UNSET")]
        [InlineData("${EMPTY:?must not be empty}", "EMPTY")]
        [InlineData("${UNSET?must be set}", "UNSET")]
        [InlineData("${UNSET:-$OTHER}", "OTHER")]
        public void Interpolate_UnsetVariable(string text, string variable)
        {
            InterpolatedText result = ComposeInterpolator.Interpolate(text, Variables);

            Assert.False(result.IsKnown);
            Assert.Equal(variable, result.UnsetVariable);
        }

        [Theory]
        [InlineData("${}")]
        [InlineData("${1}")]
        [InlineData("${SET/a/b}")]
        [InlineData("${SET")]
        public void Interpolate_InvalidFormat(string text)
        {
            InterpolatedText result = ComposeInterpolator.Interpolate(text, Variables);

            Assert.False(result.IsKnown);
            Assert.NotNull(result.Error);
        }

        [Fact]
        public void Interpolate_DeepNestingIsBounded()
        {
            string text = string.Concat(System.Linq.Enumerable.Repeat("${A:-", 200)) + "x" + new string('}', 200);

            InterpolatedText result = ComposeInterpolator.Interpolate(text, Variables);

            Assert.NotNull(result.Error);
        }
    }
}
