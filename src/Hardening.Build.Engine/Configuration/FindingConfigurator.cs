using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Files;

namespace Hardening.Build.Configuration
{
    /// <summary>What the configuration step made of the rules' findings.</summary>
    internal sealed class ConfiguredFindings
    {
        /// <summary>Findings to report, with their configured severity; none has severity None.</summary>
        public List<Finding> Reported { get; } = new List<Finding>();

        /// <summary>Findings suppressed by a comment or the baseline, each with its <see cref="Finding.Suppression"/>.</summary>
        public List<Finding> Suppressed { get; } = new List<Finding>();

        public List<string> Details { get; } = new List<string>();

        public List<string> EditorConfigFiles { get; } = new List<string>();

        /// <summary>A baseline of the findings not suppressed by a comment, to write on request.</summary>
        public Baseline CurrentBaseline { get; set; } = Baseline.FromFindings(new Finding[0], null);
    }

    /// <summary>
    /// Applies the user's configuration to the findings after the rules ran: severities from
    /// HardeningRule items and .editorconfig, <c># hardening-ignore</c> comments, and the baseline.
    /// </summary>
    internal sealed class FindingConfigurator
    {
        private readonly CheckRequest _request;
        private readonly IFileSystem _fileSystem;
        private readonly EditorConfigResolver _editorConfig;
        private readonly ConfiguredFindings _result = new ConfiguredFindings();
        private readonly HashSet<SourceLocation> _reportedSettings = new HashSet<SourceLocation>();
        private readonly List<Finding> _settingDiagnostics = new List<Finding>();
        private readonly HashSet<string> _loggedFiles = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, Severity?> _ruleSeverities = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);

        public FindingConfigurator(CheckRequest request, IFileSystem fileSystem)
        {
            _request = request;
            _fileSystem = fileSystem;
            _editorConfig = new EditorConfigResolver(fileSystem);
            foreach (KeyValuePair<string, Severity?> entry in request.RuleSeverities)
            {
                _ruleSeverities[entry.Key.Trim()] = entry.Value;
            }
        }

        public ConfiguredFindings Apply(ProjectModel project, IReadOnlyList<Finding> findings)
        {
            var comments = new InlineSuppressions(_request, _fileSystem, _result.Details);
            comments.Scan(project, findings);

            var all = new List<Finding>();
            foreach (Finding finding in findings)
            {
                all.Add(finding);
                comments.Match(finding);
            }

            // HARD0008 and HARD0009 can be suppressed too, but their comments are not checked for use again.
            foreach (Finding extra in comments.CommentDiagnostics())
            {
                all.Add(extra);
                comments.Match(extra);
            }

            var configured = new List<Finding>();
            foreach (Finding finding in all)
            {
                Finding withSeverity = ApplySeverity(finding);
                if (withSeverity.Severity == Severity.None)
                {
                    continue;
                }

                FindingSuppression? suppression = comments.SuppressionOf(finding);
                configured.Add(suppression == null ? withSeverity : withSeverity.WithSuppression(suppression));
            }

            foreach (Finding setting in _settingDiagnostics)
            {
                Finding withSeverity = ApplySeverity(setting);
                if (withSeverity.Severity != Severity.None)
                {
                    configured.Add(withSeverity);
                }
            }

            ApplyBaseline(configured);
            _result.EditorConfigFiles.AddRange(_editorConfig.ReadFiles);
            _result.EditorConfigFiles.Sort(StringComparer.Ordinal);
            foreach (string file in _result.EditorConfigFiles)
            {
                _result.Details.Add("[editorconfig] read " + file);
            }

            return _result;
        }

        /// <summary>
        /// Gives a finding its configured severity: a HardeningRule item wins over .editorconfig, which wins
        /// over the severity the rule gave. <c>default</c> keeps the rule's severity.
        /// </summary>
        private Finding ApplySeverity(Finding finding)
        {
            Severity severity = finding.Severity;
            string? source = null;

            if (_request.UseEditorConfig && IsRooted(finding.Location.FilePath))
            {
                EditorConfigProperties properties = _editorConfig.Resolve(finding.Location.FilePath);
                LogAppliedSections(finding.Location.FilePath, properties);
                EditorConfigProperty? property = properties.Get("dotnet_diagnostic." + finding.Code + ".severity");
                if (property != null)
                {
                    if (SeveritySetting.TryParse(property.Value, out Severity? configured))
                    {
                        severity = configured ?? finding.Severity;
                        source = property.Location.ToString();
                    }
                    else if (_reportedSettings.Add(property.Location))
                    {
                        _settingDiagnostics.Add(new Finding(
                            ConfigurationDiagnostics.InvalidSetting,
                            property.Location,
                            $"The severity '{property.Value}' of {finding.Code} is not valid, so the setting was ignored. Write {SeveritySetting.AcceptedValues}."));
                    }
                }
            }

            if (_ruleSeverities.TryGetValue(finding.Code, out Severity? itemSeverity))
            {
                severity = itemSeverity ?? finding.Severity;
                source = "the HardeningRule item";
            }

            if (source == null || severity == finding.Severity)
            {
                return finding;
            }

            _result.Details.Add($"[severity] {finding.Code} at {finding.Location}: {SeveritySetting.Format(finding.Severity)} -> {SeveritySetting.Format(severity)}, from {source}");
            return finding.WithSeverity(severity);
        }

        private void LogAppliedSections(string file, EditorConfigProperties properties)
        {
            if (properties.AppliedSections.Count > 0 && _loggedFiles.Add(file))
            {
                _result.Details.Add($"[editorconfig] {file}: {string.Join(", ", properties.AppliedSections)}");
            }
        }

        private void ApplyBaseline(List<Finding> configured)
        {
            var unsuppressed = new List<Finding>();
            foreach (Finding finding in configured)
            {
                if (finding.Suppression == null)
                {
                    unsuppressed.Add(finding);
                }
                else
                {
                    _result.Suppressed.Add(finding);
                }
            }

            _result.CurrentBaseline = Baseline.FromFindings(unsuppressed, _request.ProjectDirectory);
            Baseline? baseline = _request.UpdateBaseline ? _result.CurrentBaseline : ReadBaseline();
            foreach (Finding finding in unsuppressed)
            {
                if (baseline != null && baseline.TryConsume(finding, _request.ProjectDirectory))
                {
                    _result.Suppressed.Add(finding.WithSuppression(new FindingSuppression(SuppressionKind.External, "Listed in the baseline file.", null)));
                }
                else
                {
                    _result.Reported.Add(finding);
                }
            }
        }

        private Baseline? ReadBaseline()
        {
            string? path = _request.BaselinePath;
            if (string.IsNullOrEmpty(path) || !_fileSystem.FileExists(path!))
            {
                return null;
            }

            SourceFile source = _fileSystem.Read(path!);
            if (source.Error != null)
            {
                _result.Reported.Add(source.Error);
                return null;
            }

            Baseline baseline;
            try
            {
                baseline = Baseline.Parse(source.Text!);
            }
            catch (FormatException ex)
            {
                _result.Reported.Add(new Finding(
                    ConfigurationDiagnostics.InvalidSetting,
                    SourceLocation.StartOf(path!),
                    $"The baseline file '{path}' cannot be read, so no finding was baselined: {ex.Message} Write it again with 'dotnet build -p:HardeningUpdateBaseline=true'."));
                return null;
            }

            _result.Details.Add($"[baseline] read {baseline.Entries.Count} entries from {path}");
            foreach (BaselineEntry entry in baseline.Entries)
            {
                _result.Details.Add($"[baseline] {entry.Code} {entry.File} x{entry.Count}: {entry.Message}");
            }

            return baseline;
        }

        private static bool IsRooted(string? path) => !string.IsNullOrEmpty(path) && Path.IsPathRooted(path);
    }
}
