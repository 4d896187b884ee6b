using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Dockerfile;

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
            Dictionary<string, List<SuppressionComment>> comments = ScanSuppressions(project, findings);

            var all = new List<Finding>();
            var inlineSuppressions = new Dictionary<Finding, FindingSuppression>();
            foreach (Finding finding in findings)
            {
                all.Add(finding);
                MatchComments(finding, comments, inlineSuppressions);
            }

            foreach (Finding extra in CommentDiagnostics(comments, FilesWithParseErrors(findings)))
            {
                all.Add(extra);
                MatchComments(extra, comments, inlineSuppressions);
            }

            var configured = new List<Finding>();
            foreach (Finding finding in all)
            {
                Finding withSeverity = ApplySeverity(finding);
                if (withSeverity.Severity == Severity.None)
                {
                    continue;
                }

                configured.Add(inlineSuppressions.TryGetValue(finding, out FindingSuppression? suppression)
                    ? withSeverity.WithSuppression(suppression)
                    : withSeverity);
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

        private Dictionary<string, List<SuppressionComment>> ScanSuppressions(ProjectModel project, IReadOnlyList<Finding> findings)
        {
            var yamlFiles = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (InputFile input in _request.Files)
            {
                AddFile(input.Path, input.Kind == InputKind.Compose);
            }

            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                foreach (string file in composeProject.ReadFiles)
                {
                    AddFile(file, true);
                }
            }

            var dockerfiles = new Dictionary<string, DockerfileDocument>(StringComparer.Ordinal);
            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                dockerfiles[document.FilePath] = document;
            }

            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                dockerfiles[link.Document.FilePath] = link.Document;
                AddFile(link.Document.FilePath, false);
            }

            foreach (Finding finding in findings)
            {
                string path = finding.Location.FilePath;
                if (!string.IsNullOrEmpty(path))
                {
                    string extension = Path.GetExtension(path);
                    AddFile(path, string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase));
                }
            }

            var comments = new Dictionary<string, List<SuppressionComment>>(StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (!_fileSystem.FileExists(file))
                {
                    continue;
                }

                SourceFile source = _fileSystem.Read(file);
                if (source.Text == null)
                {
                    continue;
                }

                List<SuppressionComment> found = yamlFiles.Contains(file)
                    ? SuppressionScanner.ScanYaml(file, source.Text)
                    : SuppressionScanner.ScanDockerfile(file, source.Text, HeredocLines(dockerfiles, file));
                if (found.Count == 0)
                {
                    continue;
                }

                comments[file] = found;
                foreach (SuppressionComment comment in found)
                {
                    string scope = "no line";
                    if (comment.IsFileLevel)
                    {
                        scope = "the whole file";
                    }
                    else if (comment.TargetLine > 0)
                    {
                        scope = "line " + comment.TargetLine;
                    }

                    _result.Details.Add($"[suppression] {comment.Location}: {string.Join(" ", comment.Codes)} for {scope}{(comment.Justification == null ? "" : " -- " + comment.Justification)}");
                }
            }

            return comments;

            void AddFile(string path, bool isYaml)
            {
                if (isYaml)
                {
                    yamlFiles.Add(path);
                }

                if (seen.Add(path))
                {
                    files.Add(path);
                }
            }
        }

        private static HashSet<int> HeredocLines(Dictionary<string, DockerfileDocument> dockerfiles, string file)
        {
            var lines = new HashSet<int>();
            if (!dockerfiles.TryGetValue(file, out DockerfileDocument? document))
            {
                return lines;
            }

            foreach (DockerfileInstruction instruction in document.Syntax.Instructions)
            {
                foreach (Heredoc heredoc in instruction.Heredocs)
                {
                    int bodyLines = 0;
                    foreach (char c in heredoc.Body)
                    {
                        if (c == '\n')
                        {
                            bodyLines++;
                        }
                    }

                    for (int line = heredoc.BodyStartLine; line < heredoc.BodyStartLine + bodyLines; line++)
                    {
                        lines.Add(line);
                    }
                }
            }

            return lines;
        }

        private static void MatchComments(Finding finding, Dictionary<string, List<SuppressionComment>> comments, Dictionary<Finding, FindingSuppression> suppressions)
        {
            string path = finding.Location.FilePath;
            if (string.IsNullOrEmpty(path) || !comments.TryGetValue(path, out List<SuppressionComment>? fileComments))
            {
                return;
            }

            foreach (SuppressionComment comment in fileComments)
            {
                bool applies = comment.IsFileLevel || (comment.TargetLine > 0 && comment.TargetLine == finding.Location.Line);
                if (!applies || !comment.Covers(finding.Code))
                {
                    continue;
                }

                comment.MarkUsed(finding.Code);
                if (!suppressions.ContainsKey(finding))
                {
                    suppressions[finding] = new FindingSuppression(SuppressionKind.InSource, comment.Justification, comment.Location);
                }
            }
        }

        /// <summary>
        /// Reports invalid comments, and unused ones in files of this project that parsed. A shared file's
        /// comments may serve another project, and a file that failed to parse has findings missing.
        /// </summary>
        private IEnumerable<Finding> CommentDiagnostics(Dictionary<string, List<SuppressionComment>> comments, HashSet<string> filesWithParseErrors)
        {
            var diagnostics = new List<Finding>();
            foreach (KeyValuePair<string, List<SuppressionComment>> file in comments)
            {
                bool isOwned = IsInProject(file.Key) && !filesWithParseErrors.Contains(file.Key);
                foreach (SuppressionComment comment in file.Value)
                {
                    if (comment.Error != null)
                    {
                        diagnostics.Add(new Finding(ConfigurationDiagnostics.InvalidSetting, comment.Location, comment.Error));
                        continue;
                    }

                    var unused = new List<string>(comment.UnusedCodes);
                    if (unused.Count == 0 || !isOwned)
                    {
                        continue;
                    }

                    string codes = string.Join(", ", unused);
                    string message = comment.IsFileLevel
                        ? $"The file-level suppression of {codes} matches no finding in this file, so it has no effect. Remove {codes} from the comment."
                        : $"The suppression of {codes} matches no finding on the line it applies to, so it has no effect. Remove {codes} from the comment, or move the comment to the line right above the finding; for a missing setting that is the service's key or the final FROM.";
                    diagnostics.Add(new Finding(ConfigurationDiagnostics.UnusedSuppression, comment.Location, message));
                }
            }

            return diagnostics;
        }

        private static HashSet<string> FilesWithParseErrors(IReadOnlyList<Finding> findings)
        {
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                if (finding.Rule == InputDiagnostics.DockerfileParseError || finding.Rule == InputDiagnostics.ComposeParseError)
                {
                    files.Add(finding.Location.FilePath);
                }
            }

            return files;
        }

        private bool IsInProject(string path)
        {
            if (string.IsNullOrEmpty(_request.ProjectDirectory))
            {
                return true;
            }

            string prefix = _request.ProjectDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
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
