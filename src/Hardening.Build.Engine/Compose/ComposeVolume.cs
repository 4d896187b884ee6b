using System;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>One entry of a service's <c>volumes:</c>, in short (<c>src:dst:mode</c>) or long syntax.</summary>
    public sealed class ComposeVolume
    {
        public ComposeVolume(string type, string? source, string? target, SourceLocation location, bool isKnown)
        {
            Type = type;
            Source = source;
            Target = target;
            Location = location;
            IsKnown = isKnown;
        }

        /// <summary><c>bind</c>, <c>volume</c>, <c>tmpfs</c>, <c>npipe</c>, <c>image</c> or <c>cluster</c>.</summary>
        public string Type { get; }

        /// <summary>The host path or volume name; null for an anonymous volume or a tmpfs.</summary>
        public string? Source { get; }

        /// <summary>The path inside the container.</summary>
        public string? Target { get; }

        public SourceLocation Location { get; }

        /// <summary>False when part of the entry depends on a variable without a value.</summary>
        public bool IsKnown { get; }

        /// <summary>Reads a short-syntax entry: <c>[SOURCE:]TARGET[:MODE]</c>, aware of Windows drive letters.</summary>
        public static ComposeVolume FromShortSyntax(ComposeValue value)
        {
            string text = value.Text;
            int firstSplit = StartsWithDriveLetter(text) ? text.IndexOf(':', 2) : text.IndexOf(':');
            if (firstSplit < 0)
            {
                return new ComposeVolume("volume", null, text, value.Location, value.IsKnown);
            }

            string source = text.Substring(0, firstSplit);
            string rest = text.Substring(firstSplit + 1);
            int secondSplit = StartsWithDriveLetter(rest) ? rest.IndexOf(':', 2) : rest.IndexOf(':');
            string target = secondSplit < 0 ? rest : rest.Substring(0, secondSplit);
            string type = IsHostPath(source) ? "bind" : "volume";
            return new ComposeVolume(type, source, target, value.Location, value.IsKnown);
        }

        /// <summary>Reads a long-syntax entry: a mapping with <c>type</c>, <c>source</c> and <c>target</c>.</summary>
        public static ComposeVolume FromLongSyntax(YamlMapping mapping, Func<YamlNode?, ComposeValue?> read)
        {
            ComposeValue? type = read(mapping.Get("type"));
            ComposeValue? source = read(mapping.Get("source"));
            ComposeValue? target = read(mapping.Get("target"));
            bool isKnown = (type?.IsKnown ?? true) && (source?.IsKnown ?? true) && (target?.IsKnown ?? true);
            return new ComposeVolume(type?.Text ?? string.Empty, source?.Text, target?.Text, mapping.ReportLocation, isKnown);
        }

        /// <summary>Compose treats a source starting with '.', '/', '~', '\\' or a drive letter as a host path.</summary>
        public static bool IsHostPath(string source) =>
            source.StartsWith(".", StringComparison.Ordinal)
            || source.StartsWith("/", StringComparison.Ordinal)
            || source.StartsWith("~", StringComparison.Ordinal)
            || source.StartsWith("\\", StringComparison.Ordinal)
            || StartsWithDriveLetter(source);

        private static bool StartsWithDriveLetter(string text) =>
            text.Length >= 2
            && text[1] == ':'
            && ((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'))
            && (text.Length == 2 || text[2] == '\\' || text[2] == '/');
    }
}
