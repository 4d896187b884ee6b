using Hardening.Build.Configuration;
using Xunit;

namespace Hardening.Build.Tests.Configuration
{
    /// <summary>The glob rules of the EditorConfig specification, as a table of section, path and result.</summary>
    public class EditorConfigGlobTests
    {
        [Theory]
        // * matches any characters except /, and a name without / matches in any folder.
        [InlineData("*.yml", "compose.yml", true)]
        [InlineData("*.yml", "deploy/compose.yml", true)]
        [InlineData("*.yml", "compose.yaml", false)]
        [InlineData("a*e.c", "ace.c", true)]
        [InlineData("a*e.c", "abcde.c", true)]
        [InlineData("a*e.c", "a/e.c", false)]
        [InlineData("Dockerfile", "Dockerfile", true)]
        [InlineData("Dockerfile", "src/api/Dockerfile", true)]
        [InlineData("Dockerfile", "Dockerfile.prod", false)]
        // ? matches one character except /.
        [InlineData("ab?def.c", "abcdef.c", true)]
        [InlineData("ab?def.c", "abdef.c", false)]
        [InlineData("ab?def.c", "ab/def.c", false)]
        // ** matches any characters, / included.
        [InlineData("a**z.c", "a/z.c", true)]
        [InlineData("a**z.c", "amnz.c", true)]
        [InlineData("b/**z.c", "b/z.c", true)]
        [InlineData("b/**z.c", "b/c/z.c", true)]
        [InlineData("d/**/z.c", "d/z.c", true)]
        [InlineData("d/**/z.c", "d/e/z.c", true)]
        [InlineData("d/**/z.c", "d/e/f/z.c", true)]
        [InlineData("d/**/z.c", "dz.c", false)]
        [InlineData("**/compose.yml", "compose.yml", true)]
        [InlineData("**/compose.yml", "a/b/compose.yml", true)]
        // A name with / is relative to the .editorconfig folder; a leading / changes nothing.
        [InlineData("deploy/*.yml", "deploy/compose.yml", true)]
        [InlineData("deploy/*.yml", "compose.yml", false)]
        [InlineData("deploy/*.yml", "app/deploy/compose.yml", false)]
        [InlineData("/compose.yml", "compose.yml", true)]
        [InlineData("/compose.yml", "sub/compose.yml", false)]
        // [name], [!name] and ranges match one character.
        [InlineData("[ab].c", "a.c", true)]
        [InlineData("[ab].c", "c.c", false)]
        [InlineData("[!ab].c", "c.c", true)]
        [InlineData("[!ab].c", "a.c", false)]
        [InlineData("[a-c].c", "b.c", true)]
        [InlineData("[a-c].c", "d.c", false)]
        [InlineData("[ab", "[ab", true)]
        // {s1,s2} matches any of the strings, nested braces included.
        [InlineData("*.{yml,yaml}", "compose.yml", true)]
        [InlineData("*.{yml,yaml}", "compose.yaml", true)]
        [InlineData("*.{yml,yaml}", "compose.json", false)]
        [InlineData("{a,{b,c}}.c", "c.c", true)]
        [InlineData("{a,{b,c}}.c", "d.c", false)]
        [InlineData("{single}.c", "{single}.c", true)]
        [InlineData("{single}.c", "single.c", false)]
        [InlineData("{}.c", "{}.c", true)]
        [InlineData("{a,b.c", "{a,b.c", true)]
        // {num1..num2} matches whole numbers between the two, in either order.
        [InlineData("f{1..3}.c", "f1.c", true)]
        [InlineData("f{1..3}.c", "f3.c", true)]
        [InlineData("f{1..3}.c", "f4.c", false)]
        [InlineData("f{1..3}.c", "f0.c", false)]
        [InlineData("f{-3..3}.c", "f-2.c", true)]
        [InlineData("f{-3..3}.c", "f-4.c", false)]
        [InlineData("f{3..1}.c", "f2.c", true)]
        [InlineData("f{1..10}.c", "f10.c", true)]
        [InlineData("f{1..10}.c", "fx.c", false)]
        // A backslash escapes the next character.
        [InlineData(@"a\*.c", "a*.c", true)]
        [InlineData(@"a\*.c", "ab.c", false)]
        [InlineData(@"\[ab\].c", "[ab].c", true)]
        // Matching is case-sensitive and must cover the whole path.
        [InlineData("*.yml", "compose.YML", false)]
        [InlineData("compose.yml", "compose.yml.bak", false)]
        public void Pattern_MatchesAsSpecified(string section, string path, bool expected)
        {
            EditorConfigGlob glob = EditorConfigGlob.Parse(section);

            Assert.Equal(expected, glob.IsMatch(path));
        }
    }
}
