using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Hardening.Build.Json;

namespace Hardening.Build.Reporting
{
    /// <summary>
    /// Writes a check's findings as a SARIF 2.1.0 log, the format that GitHub code scanning and other
    /// viewers read. Suppressed findings are included with their <c>suppressions</c>.
    /// </summary>
    public static class SarifLogWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <summary>The base id that relative artifact URIs are resolved against: the project folder.</summary>
        public const string SourceRootBaseId = "%SRCROOT%";

        private const string ToolName = "Hardening.Build";
        private const string InformationUri = "https://github.com/hardening-build/Hardening.Build";

        /// <summary>
        /// Returns the SARIF JSON. Paths under <paramref name="projectDirectory"/> get URIs relative to
        /// <see cref="SourceRootBaseId"/>; other paths get absolute file URIs.
        /// </summary>
        public static string Write(CheckResult result, string? projectDirectory, string toolVersion)
        {
            var findings = new List<Finding>(result.Findings);
            findings.AddRange(result.SuppressedFindings);
            findings.Sort(Finding.CompareByLocation);

            var rules = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                rules[finding.Code] = finding.Rule;
            }

            var ruleIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string code in rules.Keys)
            {
                ruleIndexes[code] = ruleIndexes.Count;
            }

            string? rootPrefix = string.IsNullOrEmpty(projectDirectory)
                ? null
                : projectDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;

            var writer = new JsonWriter();
            writer.StartObject();
            writer.Property("$schema", SchemaUri);
            writer.Property("version", "2.1.0");
            writer.Name("runs").StartArray().StartObject();

            WriteTool(writer, rules.Values, toolVersion);
            if (rootPrefix != null)
            {
                writer.Name("originalUriBaseIds").StartObject()
                    .Name(SourceRootBaseId).StartObject().Property("uri", new Uri(rootPrefix).AbsoluteUri).EndObject()
                    .EndObject();
            }

            writer.Property("columnKind", "utf16CodeUnits");
            writer.Name("results").StartArray();
            foreach (Finding finding in findings)
            {
                WriteResult(writer, finding, ruleIndexes[finding.Code], rootPrefix);
            }

            writer.EndArray();
            writer.EndObject().EndArray();
            writer.EndObject();
            return writer.ToString();
        }

        /// <summary>Returns the SARIF level: error, warning, note for a suggestion, or none.</summary>
        public static string Level(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            Severity.Suggestion => "note",
            _ => "none",
        };

        private static void WriteTool(JsonWriter writer, IEnumerable<RuleDescriptor> rules, string toolVersion)
        {
            writer.Name("tool").StartObject().Name("driver").StartObject();
            writer.Property("name", ToolName);
            writer.Property("informationUri", InformationUri);
            writer.Property("version", toolVersion);
            writer.Name("rules").StartArray();
            foreach (RuleDescriptor rule in rules)
            {
                writer.StartObject();
                writer.Property("id", rule.Code);
                writer.Property("name", PascalCase(rule.Title));
                writer.Name("shortDescription").StartObject().Property("text", rule.Title).EndObject();

                // NOTE: rules have no long description of their own yet; their page contains it.
                writer.Name("fullDescription").StartObject().Property("text", $"{rule.Title}. {rule.HelpUri} says why it matters, what is checked and how to fix it.").EndObject();
                writer.Property("helpUri", rule.HelpUri);
                writer.Name("defaultConfiguration").StartObject().Property("level", Level(rule.DefaultSeverity)).EndObject();
                writer.EndObject();
            }

            writer.EndArray();
            writer.EndObject().EndObject();
        }

        private static void WriteResult(JsonWriter writer, Finding finding, int ruleIndex, string? rootPrefix)
        {
            writer.StartObject();
            writer.Property("ruleId", finding.Code);
            writer.Property("ruleIndex", ruleIndex);
            writer.Property("level", Level(finding.Severity));
            writer.Name("message").StartObject().Property("text", finding.Message).EndObject();

            SourceLocation location = finding.Location;
            if (!string.IsNullOrEmpty(location.FilePath))
            {
                writer.Name("locations").StartArray().StartObject().Name("physicalLocation").StartObject();
                writer.Name("artifactLocation").StartObject();
                if (rootPrefix != null && location.FilePath.StartsWith(rootPrefix, PathComparison))
                {
                    writer.Property("uri", RelativeUri(location.FilePath.Substring(rootPrefix.Length)));
                    writer.Property("uriBaseId", SourceRootBaseId);
                }
                else
                {
                    writer.Property("uri", new Uri(location.FilePath).AbsoluteUri);
                }

                writer.EndObject();
                if (location.Line > 0)
                {
                    writer.Name("region").StartObject();
                    writer.Property("startLine", location.Line);
                    if (location.Column > 0)
                    {
                        writer.Property("startColumn", location.Column);
                    }

                    if (location.EndLine > 0)
                    {
                        writer.Property("endLine", location.EndLine);
                        if (location.EndColumn > 0)
                        {
                            writer.Property("endColumn", location.EndColumn);
                        }
                    }

                    writer.EndObject();
                }

                writer.EndObject().EndObject().EndArray();
            }

            if (finding.Suppression != null)
            {
                writer.Name("suppressions").StartArray().StartObject();
                writer.Property("kind", finding.Suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                if (finding.Suppression.Justification != null)
                {
                    writer.Property("justification", finding.Suppression.Justification);
                }

                writer.EndObject().EndArray();
            }

            writer.EndObject();
        }

        /// <summary>Escapes each segment of a relative path and joins them with <c>/</c>.</summary>
        private static string RelativeUri(string relativePath)
        {
            string[] segments = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            for (int i = 0; i < segments.Length; i++)
            {
                segments[i] = Uri.EscapeDataString(segments[i]);
            }

            return string.Join("/", segments);
        }

        private static string PascalCase(string title)
        {
            var name = new StringBuilder();
            bool upper = true;
            foreach (char c in title)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return name.ToString();
        }

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
