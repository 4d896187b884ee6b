using System.Linq;
using System.Text;
using Hardening.Build.Syntax.Yaml;
using Xunit;

namespace Hardening.Build.Tests.Yaml
{
    public class YamlLoaderTests
    {
        private const string FilePath = "/project/compose.yaml";

        [Fact]
        public void Locations_AreOneBased()
        {
            YamlMapping root = LoadMapping("services:\n  api:\n    image: nginx\n");

            YamlEntry services = root.Entries[0];
            AssertAt(services.Key.Location, 1, 1);
            var api = (YamlMapping)services.Value;
            AssertAt(api.Location, 2, 3);
            YamlEntry image = ((YamlMapping)api.Get("api")!).Entries[0];
            AssertAt(image.Key.Location, 3, 5);
            AssertAt(image.Value.Location, 3, 12);
            Assert.Equal(3, image.Value.Location.EndLine);
            Assert.Equal(17, image.Value.Location.EndColumn);
            Assert.Null(image.Value.AliasLocation);
        }

        [Fact]
        public void Locations_FlowCollections()
        {
            YamlMapping root = LoadMapping("cap_drop: [ALL, NET_RAW]\nlimits: {memory: 256m}\n");

            var capDrop = (YamlSequence)root.Get("cap_drop")!;
            AssertAt(capDrop.Location, 1, 11);
            Assert.Equal(1, capDrop.Location.EndLine);
            Assert.Equal(25, capDrop.Location.EndColumn);
            AssertAt(capDrop.Items[1].Location, 1, 17);
            YamlEntry memory = ((YamlMapping)root.Get("limits")!).Entries[0];
            AssertAt(memory.Key.Location, 2, 10);
            AssertAt(memory.Value.Location, 2, 18);
        }

        [Theory]
        [InlineData("", YamlScalarType.Null)]
        [InlineData("~", YamlScalarType.Null)]
        [InlineData("null", YamlScalarType.Null)]
        [InlineData("Null", YamlScalarType.Null)]
        [InlineData("NULL", YamlScalarType.Null)]
        [InlineData("nULL", YamlScalarType.String)]
        [InlineData("true", YamlScalarType.Boolean)]
        [InlineData("True", YamlScalarType.Boolean)]
        [InlineData("TRUE", YamlScalarType.Boolean)]
        [InlineData("false", YamlScalarType.Boolean)]
        [InlineData("False", YamlScalarType.Boolean)]
        [InlineData("FALSE", YamlScalarType.Boolean)]
        [InlineData("tRUE", YamlScalarType.String)]
        [InlineData("yes", YamlScalarType.String)]
        [InlineData("no", YamlScalarType.String)]
        [InlineData("on", YamlScalarType.String)]
        [InlineData("off", YamlScalarType.String)]
        [InlineData("y", YamlScalarType.String)]
        [InlineData("22:22", YamlScalarType.String)]
        [InlineData("0:0", YamlScalarType.String)]
        [InlineData("0", YamlScalarType.Integer)]
        [InlineData("123", YamlScalarType.Integer)]
        [InlineData("-1", YamlScalarType.Integer)]
        [InlineData("+5", YamlScalarType.Integer)]
        [InlineData("0o17", YamlScalarType.Integer)]
        [InlineData("0o8", YamlScalarType.String)]
        [InlineData("0o", YamlScalarType.String)]
        [InlineData("0x1F", YamlScalarType.Integer)]
        [InlineData("0xG", YamlScalarType.String)]
        [InlineData("-0x1", YamlScalarType.String)]
        [InlineData("1_000", YamlScalarType.String)]
        [InlineData("0b1", YamlScalarType.String)]
        [InlineData("3.8", YamlScalarType.Float)]
        [InlineData("1.", YamlScalarType.Float)]
        [InlineData("-.5", YamlScalarType.Float)]
        [InlineData("1e3", YamlScalarType.Float)]
        [InlineData("1.5E-3", YamlScalarType.Float)]
        [InlineData("+1e+3", YamlScalarType.Float)]
        [InlineData("1e", YamlScalarType.String)]
        [InlineData(".", YamlScalarType.String)]
        [InlineData("-.", YamlScalarType.String)]
        [InlineData("1.2.3", YamlScalarType.String)]
        [InlineData(".inf", YamlScalarType.Float)]
        [InlineData("-.Inf", YamlScalarType.Float)]
        [InlineData("+.INF", YamlScalarType.Float)]
        [InlineData(".infinity", YamlScalarType.String)]
        [InlineData(".nan", YamlScalarType.Float)]
        [InlineData(".NaN", YamlScalarType.Float)]
        [InlineData(".NAN", YamlScalarType.Float)]
        [InlineData("-.nan", YamlScalarType.String)]
        [InlineData("256m", YamlScalarType.String)]
        public void PlainScalar_CoreSchemaType(string value, YamlScalarType expected)
        {
            var scalar = (YamlScalar)LoadMapping("key: " + value + "\n").Get("key")!;

            Assert.Equal(value, scalar.Value);
            Assert.Equal(expected, scalar.Type);
            Assert.Equal(YamlScalarStyle.Plain, scalar.Style);
        }

        [Fact]
        public void QuotedAndBlockScalars_AreStrings()
        {
            YamlMapping root = LoadMapping("a: \"true\"\nb: '5'\nc: |\n  null\nd: >-\n  1\n");

            AssertScalar(root.Get("a"), "true", YamlScalarType.String, YamlScalarStyle.DoubleQuoted);
            AssertScalar(root.Get("b"), "5", YamlScalarType.String, YamlScalarStyle.SingleQuoted);
            AssertScalar(root.Get("c"), "null\n", YamlScalarType.String, YamlScalarStyle.Literal);
            AssertScalar(root.Get("d"), "1", YamlScalarType.String, YamlScalarStyle.Folded);
        }

        [Fact]
        public void StandardTags_SetType()
        {
            YamlMapping root = LoadMapping("a: !!str 5\nb: !!int \"7\"\nc: !!bool 'true'\nd: !!float 1\ne: !!null ''\nf: ! 5\n");

            AssertScalar(root.Get("a"), "5", YamlScalarType.String, YamlScalarStyle.Plain);
            AssertScalar(root.Get("b"), "7", YamlScalarType.Integer, YamlScalarStyle.DoubleQuoted);
            AssertScalar(root.Get("c"), "true", YamlScalarType.Boolean, YamlScalarStyle.SingleQuoted);
            AssertScalar(root.Get("d"), "1", YamlScalarType.Float, YamlScalarStyle.Plain);
            AssertScalar(root.Get("e"), "", YamlScalarType.Null, YamlScalarStyle.SingleQuoted);
            AssertScalar(root.Get("f"), "5", YamlScalarType.String, YamlScalarStyle.Plain);
            Assert.Equal("tag:yaml.org,2002:str", root.Get("a")!.Tag);
            Assert.Null(root.Get("f")!.Tag);
        }

        [Theory]
        [InlineData("a: !!int abc\n", "!!int", "abc")]
        [InlineData("a: !!bool yes\n", "!!bool", "yes")]
        [InlineData("a: !!null x\n", "!!null", "x")]
        [InlineData("a: !!float 1e\n", "!!float", "1e")]
        public void StandardTag_MismatchIsError(string text, string tag, string value)
        {
            YamlLoadError error = LoadError(text);

            AssertAt(error.Location, 1, 4);
            Assert.Contains($"Value '{value}' has the tag {tag}", error.Message);
        }

        [Fact]
        public void CustomTags_KeptVerbatim()
        {
            YamlMapping root = LoadMapping("cap_add: !reset []\nenvironment: !override {A: 1}\nuser: !reset\nport: !custom 80\n");

            var capAdd = root.Get("cap_add")!;
            Assert.Equal("!reset", capAdd.Tag);
            Assert.Empty(Assert.IsType<YamlSequence>(capAdd).Items);
            AssertAt(capAdd.Location, 1, 10);
            Assert.Equal("!override", root.Get("environment")!.Tag);
            Assert.IsType<YamlMapping>(root.Get("environment"));
            AssertScalar(root.Get("user"), "", YamlScalarType.Null, YamlScalarStyle.Plain);
            Assert.Equal("!reset", root.Get("user")!.Tag);
            AssertScalar(root.Get("port"), "80", YamlScalarType.Integer, YamlScalarStyle.Plain);
            Assert.Equal("!custom", root.Get("port")!.Tag);
        }

        [Fact]
        public void Alias_CopyRecordsAliasSite()
        {
            YamlMapping root = LoadMapping("x-caps: &caps\n  - ALL\nservices:\n  api:\n    cap_drop: *caps\n");

            var api = (YamlMapping)((YamlMapping)root.Get("services")!).Get("api")!;
            var copy = (YamlSequence)api.Get("cap_drop")!;
            AssertAt(copy.Location, 1, 9);
            AssertAt(copy.AliasLocation!.Value, 5, 15);
            AssertAt(copy.ReportLocation, 5, 15);
            AssertAt(copy.Items[0].Location, 2, 5);
            AssertAt(copy.Items[0].ReportLocation, 5, 15);

            var original = (YamlSequence)root.Get("x-caps")!;
            Assert.NotSame(original, copy);
            Assert.Null(original.AliasLocation);
            Assert.Null(original.Items[0].AliasLocation);
        }

        [Fact]
        public void Alias_ScalarKeepsType()
        {
            YamlMapping root = LoadMapping("a: &flag true\nb: *flag\n");

            YamlNode copy = root.Get("b")!;
            AssertScalar(copy, "true", YamlScalarType.Boolean, YamlScalarStyle.Plain);
            AssertAt(copy.Location, 1, 4);
            AssertAt(copy.ReportLocation, 2, 4);
        }

        [Fact]
        public void Alias_UnknownAnchorIsError()
        {
            YamlLoadError error = LoadError("a: 1\nb: *missing\n");

            AssertAt(error.Location, 2, 4);
            Assert.Contains("'*missing'", error.Message);
            Assert.Contains("not defined", error.Message);
        }

        [Fact]
        public void Alias_InsideOwnAnchorIsError()
        {
            YamlLoadError error = LoadError("a: &self\n  b: *self\n");

            AssertAt(error.Location, 2, 6);
            Assert.Contains("contain itself", error.Message);
        }

        [Fact]
        public void Alias_AnchorsScopedToDocument()
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, "a: &x 1\n---\nb: *x\n");

            Assert.Single(result.Documents);
            Assert.NotNull(result.Error);
            AssertAt(result.Error!.Location, 3, 4);
        }

        [Fact]
        public void Merge_NestedMappingReplaced()
        {
            const string text =
                "x-hardened: &hardened\n" +
                "  read_only: true\n" +
                "  deploy: {resources: {limits: {memory: 256m}}}\n" +
                "services:\n" +
                "  api:\n" +
                "    <<: *hardened\n" +
                "    deploy:\n" +
                "      replicas: 2\n";

            YamlMapping root = LoadMapping(text);

            var api = (YamlMapping)((YamlMapping)root.Get("services")!).Get("api")!;
            Assert.Equal(new[] { "read_only", "deploy" }, api.Entries.Select(e => e.Key.Value).ToArray());
            Assert.Null(api.GetEntry("<<"));

            YamlEntry readOnly = api.GetEntry("read_only")!;
            AssertScalar(readOnly.Value, "true", YamlScalarType.Boolean, YamlScalarStyle.Plain);
            AssertAt(readOnly.Key.Location, 2, 3);
            AssertAt(readOnly.Value.Location, 2, 14);
            AssertAt(readOnly.Value.AliasLocation!.Value, 6, 9);

            var deploy = (YamlMapping)api.Get("deploy")!;
            AssertAt(deploy.Location, 8, 7);
            Assert.Null(deploy.AliasLocation);
            Assert.Single(deploy.Entries);
            Assert.Null(deploy.Get("resources"));
            AssertScalar(deploy.Get("replicas"), "2", YamlScalarType.Integer, YamlScalarStyle.Plain);
        }

        [Fact]
        public void Merge_ListEarlierWins()
        {
            YamlMapping root = LoadMapping("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n");

            var c = (YamlMapping)root.Get("c")!;
            Assert.Equal(new[] { "x", "y", "z" }, c.Entries.Select(e => e.Key.Value).ToArray());
            AssertScalar(c.Get("x"), "1", YamlScalarType.Integer, YamlScalarStyle.Plain);
            AssertAt(c.Get("x")!.Location, 1, 11);
            AssertAt(c.Get("x")!.AliasLocation!.Value, 4, 8);
            AssertAt(c.Get("y")!.Location, 2, 17);
            AssertAt(c.Get("y")!.AliasLocation!.Value, 4, 12);
        }

        [Fact]
        public void Merge_ExplicitKeyWinsEitherSide()
        {
            YamlMapping root = LoadMapping("base: &base {a: 1, b: 1, c: 1}\nm:\n  a: 2\n  <<: *base\n  c: 2\n");

            var m = (YamlMapping)root.Get("m")!;
            Assert.Equal(new[] { "a", "b", "c" }, m.Entries.Select(e => e.Key.Value).ToArray());
            AssertAt(m.Get("a")!.Location, 3, 6);
            Assert.Null(m.Get("a")!.AliasLocation);
            AssertAt(m.Get("b")!.Location, 1, 23);
            AssertAt(m.Get("c")!.Location, 5, 6);
            Assert.Null(m.Get("c")!.AliasLocation);
        }

        [Fact]
        public void Merge_InlineMapping()
        {
            YamlMapping root = LoadMapping("m: {<<: {a: 1}, b: 2}\n");

            var m = (YamlMapping)root.Get("m")!;
            Assert.Equal(new[] { "a", "b" }, m.Entries.Select(e => e.Key.Value).ToArray());
            AssertAt(m.Get("a")!.Location, 1, 13);
            Assert.Null(m.Get("a")!.AliasLocation);
        }

        [Fact]
        public void Merge_QuotedKeyIsPlainEntry()
        {
            YamlMapping root = LoadMapping("m:\n  \"<<\": {a: 1}\n");

            var m = (YamlMapping)root.Get("m")!;
            Assert.Single(m.Entries);
            Assert.IsType<YamlMapping>(m.Get("<<"));
        }

        [Theory]
        [InlineData("a: &s 1\nm:\n  <<: *s\n", 3, 7, "the scalar '1'")]
        [InlineData("m:\n  <<: plain\n", 2, 7, "the scalar 'plain'")]
        [InlineData("m:\n  <<:\n", 2, 6, "the scalar ''")]
        [InlineData("a: &l [1]\nm:\n  <<: *l\n", 3, 7, "a sequence")]
        [InlineData("a: &a {x: 1}\nm:\n  <<: [*a, 5]\n", 3, 12, "the scalar '5'")]
        [InlineData("a: &a {x: 1}\nm:\n  <<: [*a, [1]]\n", 3, 12, "a sequence")]
        public void Merge_NonMappingIsError(string text, int line, int column, string described)
        {
            YamlLoadError error = LoadError(text);

            AssertAt(error.Location, line, column);
            Assert.StartsWith("Merge key '<<'", error.Message);
            Assert.Contains(described, error.Message);
        }

        [Fact]
        public void DuplicateKey_IsErrorAtSecondKey()
        {
            YamlLoadError error = LoadError("services:\n  api:\n    image: a\n    user: root\n    image: b\n");

            AssertAt(error.Location, 5, 5);
            Assert.StartsWith("Mapping key 'image' is already defined at line 3.", error.Message);
        }

        [Fact]
        public void DuplicateKey_FlowMapping()
        {
            YamlLoadError error = LoadError("a: {x: 1, x: 2}\n");

            AssertAt(error.Location, 1, 11);
            Assert.StartsWith("Mapping key 'x' is already defined at line 1.", error.Message);
        }

        [Fact]
        public void DuplicateKey_SameTextDifferentStyle()
        {
            YamlLoadError error = LoadError("a: 1\n\"a\": 2\n");

            AssertAt(error.Location, 2, 1);
            Assert.StartsWith("Mapping key 'a' is already defined at line 1.", error.Message);
        }

        [Fact]
        public void DuplicateKey_TwoMergeKeys()
        {
            YamlLoadError error = LoadError("a: &a {x: 1}\nm:\n  <<: *a\n  <<: *a\n");

            AssertAt(error.Location, 4, 3);
            Assert.StartsWith("Mapping key '<<' is already defined at line 3.", error.Message);
        }

        [Fact]
        public void DuplicateKey_ViaMergeIsAllowed()
        {
            YamlMapping root = LoadMapping("a: &a {x: 1}\nm:\n  <<: *a\n  x: 2\n");

            AssertScalar(((YamlMapping)root.Get("m")!).Get("x"), "2", YamlScalarType.Integer, YamlScalarStyle.Plain);
        }

        [Fact]
        public void DuplicateKey_InSiblingMappingsIsAllowed()
        {
            YamlMapping root = LoadMapping("a: {x: 1}\nb: {x: 2}\n");

            Assert.Equal(2, root.Entries.Count);
        }

        [Theory]
        [InlineData("? [a]\n: 1\n", 1, 3, "a sequence")]
        [InlineData("{x: 1}: 2\n", 1, 1, "a mapping")]
        [InlineData("a: &m {x: 1}\n*m : 2\n", 2, 1, "a mapping")]
        public void NonScalarKey_IsError(string text, int line, int column, string kind)
        {
            YamlLoadError error = LoadError(text);

            AssertAt(error.Location, line, column);
            Assert.StartsWith($"A mapping key is {kind}", error.Message);
        }

        [Fact]
        public void AliasKey_ScalarIsAllowed()
        {
            YamlMapping root = LoadMapping("a: &k name\n*k : 2\n");

            YamlEntry entry = root.GetEntry("name")!;
            AssertAt(entry.Key.Location, 1, 4);
            AssertAt(entry.Key.ReportLocation, 2, 1);
        }

        [Fact]
        public void MultiDocument_OneRootEach()
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, "a: 1\n---\nb: 2\n...\n--- plain\n");

            Assert.Null(result.Error);
            Assert.Equal(3, result.Documents.Count);
            AssertAt(((YamlMapping)result.Documents[1]).Entries[0].Key.Location, 3, 1);
            AssertScalar(result.Documents[2], "plain", YamlScalarType.String, YamlScalarStyle.Plain);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# only a comment\n")]
        [InlineData("\n\n")]
        public void EmptyStream_NoDocuments(string text)
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, text);

            Assert.Null(result.Error);
            Assert.Empty(result.Documents);
        }

        [Fact]
        public void Error_KeepsCompletedDocuments()
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, "a: 1\n---\nb: 'x\n");

            Assert.Single(result.Documents);
            Assert.NotNull(result.Error);
            AssertAt(result.Error!.Location, 3, 4);
        }

        [Fact]
        public void ByteOrderMark_IsSkipped()
        {
            YamlMapping root = LoadMapping("\uFEFFservices:\n  api: {}\n");

            YamlEntry services = root.Entries[0];
            Assert.Equal("services", services.Key.Value);
            AssertAt(services.Key.Location, 1, 1);
            AssertAt(((YamlMapping)services.Value).Entries[0].Key.Location, 2, 3);
        }

        [Fact]
        public void CrLf_SameLocationsAsLf()
        {
            const string text = "services:\n  api:\n    image: nginx\n    user: \"0:0\"\n";
            YamlMapping lf = LoadMapping(text);
            YamlMapping crlf = LoadMapping(text.Replace("\n", "\r\n"));

            YamlMapping lfApi = (YamlMapping)((YamlMapping)lf.Get("services")!).Get("api")!;
            YamlMapping crlfApi = (YamlMapping)((YamlMapping)crlf.Get("services")!).Get("api")!;
            Assert.Equal(lfApi.Location, crlfApi.Location);
            AssertAt(crlfApi.GetEntry("user")!.Key.Location, 4, 5);
            AssertAt(crlfApi.Get("user")!.Location, 4, 11);
            Assert.Equal(lfApi.Get("user")!.Location, crlfApi.Get("user")!.Location);
            Assert.Equal("0:0", crlfApi.Get("user")!.ToString());
        }

        [Fact]
        public void ComposeFile_WithVersion()
        {
            YamlMapping root = LoadMapping("version: \"3.8\"\nservices:\n  api:\n    image: nginx\n");

            AssertScalar(root.Get("version"), "3.8", YamlScalarType.String, YamlScalarStyle.DoubleQuoted);
            AssertAt(root.GetEntry("services")!.Key.Location, 2, 1);
        }

        [Fact]
        public void ComposeFile_WithoutVersion()
        {
            YamlMapping root = LoadMapping("services:\n  api:\n    image: nginx\n");

            Assert.Null(root.Get("version"));
            AssertAt(root.GetEntry("services")!.Key.Location, 1, 1);
        }

        [Fact]
        public void Scalars_Yaml11BooleansStayStrings()
        {
            const string text =
                "services:\n" +
                "  api:\n" +
                "    image: example/api\n" +
                "    read_only: yes\n" +
                "    privileged: \"False\"\n";

            YamlMapping root = LoadMapping(text);

            var api = (YamlMapping)((YamlMapping)root.Get("services")!).Get("api")!;
            AssertScalar(api.Get("read_only"), "yes", YamlScalarType.String, YamlScalarStyle.Plain);
            AssertAt(api.Get("read_only")!.Location, 4, 16);
            AssertScalar(api.Get("privileged"), "False", YamlScalarType.String, YamlScalarStyle.DoubleQuoted);
            AssertAt(api.Get("privileged")!.Location, 5, 17);
        }

        [Fact]
        public void AliasBomb_StopsAtNodeLimit()
        {
            var text = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
            for (char level = 'b'; level <= 'i'; level++)
            {
                char previous = (char)(level - 1);
                string alias = "*" + previous;
                text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]\n");
            }

            YamlLoadResult result = YamlLoader.Load(FilePath, text.ToString());

            // Levels a to e create 74,737 nodes with their keys, and the first *e on line 6 would add 66,430.
            Assert.NotNull(result.Error);
            AssertAt(result.Error!.Location, 6, 8);
            Assert.Contains("more than 100000 nodes", result.Error.Message);
            Assert.Empty(result.Documents);
        }

        [Fact]
        public void NodeLimit_CountsPlainNodes()
        {
            string text = "[" + string.Join(",", Enumerable.Repeat("1", YamlLoader.MaxNodeCount)) + "]";

            YamlLoadError error = LoadError(text);

            // The sequence itself is node 1, so item 100,000 at column 2 + 2 * 99,999 is one too many.
            AssertAt(error.Location, 1, 2 + (2 * (YamlLoader.MaxNodeCount - 1)));
        }

        [Fact]
        public void Nesting_500FlowLevelsLoad()
        {
            string text = new string('[', YamlLoader.MaxDepth) + new string(']', YamlLoader.MaxDepth);

            YamlLoadResult result = YamlLoader.Load(FilePath, text);

            Assert.Null(result.Error);
            Assert.IsType<YamlSequence>(Assert.Single(result.Documents));
        }

        [Fact]
        public void Nesting_10000FlowSequencesIsError()
        {
            YamlLoadError error = LoadError(new string('[', 10_000));

            AssertAt(error.Location, 1, 501);
            Assert.Contains("more than 500 levels", error.Message);
        }

        [Fact]
        public void Nesting_10000FlowMappingsIsError()
        {
            string text = string.Concat(Enumerable.Repeat("{a: ", 10_000));

            YamlLoadError error = LoadError(text);

            AssertAt(error.Location, 1, 2001);
            Assert.Contains("more than 500 levels", error.Message);
        }

        [Fact]
        public void Nesting_BlockMappingsIsError()
        {
            var text = new StringBuilder();
            for (int level = 0; level < 600; level++)
            {
                text.Append(' ', 2 * level).Append("a:\n");
            }

            YamlLoadError error = LoadError(text.ToString());

            AssertAt(error.Location, 501, 1001);
        }

        [Fact]
        public void Nesting_AliasCopyCounts()
        {
            string anchored = "a: &deep " + new string('[', 300) + new string(']', 300) + "\n";
            string user = "b: " + new string('[', 250) + "*deep" + new string(']', 250) + "\n";

            YamlLoadError error = LoadError(anchored + user);

            AssertAt(error.Location, 2, 254);
            Assert.Contains("more than 500 levels", error.Message);
        }

        [Fact]
        public void UnterminatedQuote_IsLocated()
        {
            YamlLoadError error = LoadError("services:\n  api:\n    image: 'nginx\n");

            AssertAt(error.Location, 3, 12);
            Assert.Contains("quoted scalar", error.Message);
            Assert.Contains("Close the quote", error.Message);
            Assert.DoesNotContain("Line:", error.Message);
        }

        [Fact]
        public void UnterminatedFlowSequence_IsLocated()
        {
            YamlLoadError error = LoadError("cap_drop: [ALL, NET_RAW\n");

            AssertAt(error.Location, 2, 1);
            Assert.Contains("flow sequence", error.Message);
            Assert.Contains("opens at line 1, column 11", error.Message);
        }

        [Fact]
        public void UnterminatedFlowSequence_BeforeNextKey()
        {
            // YamlDotNet 16.3.0 throws InvalidOperationException here instead of a YamlException.
            YamlLoadError error = LoadError("cap_drop: [ALL, NET_RAW\nuser: root\n");

            AssertAt(error.Location, 1, 11);
            Assert.Contains("flow collection that opens here", error.Message);
        }

        [Fact]
        public void UnterminatedFlowMapping_IsLocated()
        {
            YamlLoadError error = LoadError("limits: {memory: 256m\n");

            AssertAt(error.Location, 2, 1);
            Assert.Contains("opens at line 1, column 9", error.Message);
        }

        [Theory]
        [InlineData("a:\n\tb: 1\n", 2, 1)]
        [InlineData("services:\n  api:\n  \timage: nginx\n", 3, 3)]
        public void TabIndentation_IsLocated(string text, int line, int column)
        {
            YamlLoadError error = LoadError(text);

            AssertAt(error.Location, line, column);
            Assert.Contains("tab", error.Message);
            Assert.Contains("Indent with spaces", error.Message);
        }

        [Fact]
        public void Error_HasAbsolutePath()
        {
            YamlLoadError error = LoadError("a: [\n");

            Assert.Equal(FilePath, error.Location.FilePath);
        }

        [Fact]
        public void Load_EveryPrefixReturns()
        {
            for (int length = 0; length <= SampleCompose.Length; length++)
            {
                YamlLoadResult result = YamlLoader.Load(FilePath, SampleCompose.Substring(0, length));

                Assert.NotNull(result.Documents);
                if (result.Error != null)
                {
                    Assert.True(result.Error.Location.Line > 0, $"prefix of {length} characters: {result.Error}");
                }
            }
        }

        [Fact]
        public void Load_EveryInsertedIndicatorReturns()
        {
            const string indicators = "[]{}'\"&*!:-?|>\t%@#,\\\r";
            for (int position = 0; position <= SampleCompose.Length; position++)
            {
                foreach (char indicator in indicators)
                {
                    string text = SampleCompose.Insert(position, indicator.ToString());

                    YamlLoadResult result = YamlLoader.Load(FilePath, text);

                    if (result.Error != null)
                    {
                        Assert.True(result.Error.Location.Line > 0, $"'{indicator}' at {position}: {result.Error}");
                        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
                    }
                }
            }
        }

        [Fact]
        public void Load_LargeFileIsFast()
        {
            var text = new StringBuilder("services:\n");
            for (int i = 0; i < 2000; i++)
            {
                text.Append($"  api{i}:\n    image: example/api:{i}\n    read_only: true\n    cap_drop: [ALL]\n    user: \"1000:1000\"\n    environment:\n      A: \"1\"\n");
            }

            YamlLoadResult result = YamlLoader.Load(FilePath, text.ToString());

            Assert.Null(result.Error);
            var services = (YamlMapping)((YamlMapping)result.Documents[0]).Get("services")!;
            Assert.Equal(2000, services.Entries.Count);
        }

        private const string SampleCompose =
            "version: \"3.8\"\n" +
            "x-base: &base\n" +
            "  read_only: true\n" +
            "  cap_drop: [ALL]\n" +
            "services:\n" +
            "  api:\n" +
            "    <<: *base\n" +
            "    image: 'example/api:1.0'\n" +
            "    user: \"1000:1000\"\n" +
            "    security_opt:\n" +
            "      - no-new-privileges:true\n" +
            "    deploy: {resources: {limits: {memory: 256m}}}\n" +
            "    command: >\n" +
            "      run --port 80\n" +
            "  db:\n" +
            "    image: example/db\n" +
            "    tmpfs: !reset []\n";

        private static YamlMapping LoadMapping(string text)
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, text);

            Assert.Null(result.Error);
            return Assert.IsType<YamlMapping>(Assert.Single(result.Documents));
        }

        private static YamlLoadError LoadError(string text)
        {
            YamlLoadResult result = YamlLoader.Load(FilePath, text);

            Assert.NotNull(result.Error);
            return result.Error!;
        }

        private static void AssertScalar(YamlNode? node, string value, YamlScalarType type, YamlScalarStyle style)
        {
            YamlScalar scalar = Assert.IsType<YamlScalar>(node);
            Assert.Equal(value, scalar.Value);
            Assert.Equal(type, scalar.Type);
            Assert.Equal(style, scalar.Style);
        }

        private static void AssertAt(SourceLocation location, int line, int column)
        {
            Assert.Equal(FilePath, location.FilePath);
            Assert.Equal((line, column), (location.Line, location.Column));
        }

        [Fact]
        public void ManyPlainNodes_LoadWithoutAliasLimit()
        {
            // 5,000 services of twenty settings each: far above the alias limit, below the node limit.
            var text = new StringBuilder("services:\n");
            for (int i = 0; i < 5000; i++)
            {
                text.Append("  s").Append(i).Append(":\n");
                for (int j = 0; j < 20; j++)
                {
                    text.Append("    k").Append(j).Append(": v\n");
                }
            }

            YamlLoadResult result = YamlLoader.Load(FilePath, text.ToString());

            Assert.Null(result.Error);
            YamlMapping services = (YamlMapping)((YamlMapping)result.Documents[0]).Get("services")!;
            Assert.Equal(5000, services.Entries.Count);
        }
    }
}
