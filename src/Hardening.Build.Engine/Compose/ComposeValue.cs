using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>A scalar of a Compose file after interpolation, with the place it was written.</summary>
    public sealed class ComposeValue
    {
        public ComposeValue(YamlScalar node, InterpolatedText interpolated)
        {
            Node = node;
            Text = interpolated.Text;
            UnsetVariable = interpolated.UnsetVariable;
            InterpolationError = interpolated.Error;
        }

        public YamlScalar Node { get; }

        /// <summary>Where a finding about the value points: the alias site when it came through an alias.</summary>
        public SourceLocation Location => Node.ReportLocation;

        public string Text { get; }

        /// <summary>The YAML type as written, before Compose's casts: <c>user: 1000</c> is an Integer.</summary>
        public YamlScalarType RawType => Node.Type;

        public string? UnsetVariable { get; }

        public string? InterpolationError { get; }

        /// <summary>False when the text depends on a variable without a value, or the expression is invalid.</summary>
        public bool IsKnown => UnsetVariable == null && InterpolationError == null;

        /// <summary>
        /// Reads the value as a boolean the way Compose casts it, and also the intended value of an
        /// integer 1 or 0, which Compose rejects but whose meaning is plain.
        /// </summary>
        public bool TryGetBoolean(out bool value)
        {
            if (RawType == YamlScalarType.Integer && (Text == "1" || Text == "0"))
            {
                value = Text == "1";
                return true;
            }

            return ComposeCasts.TryParseBoolean(Text, out value, out _);
        }

        public override string ToString() => Text;
    }
}
