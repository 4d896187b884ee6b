using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Hardening.Build.Files;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// Checks the given Dockerfiles and Compose files with <see cref="HardeningEngine"/> and logs each
    /// finding as an MSBuild warning, error or message at its file, line and column.
    /// </summary>
    /// <remarks>
    /// The task has no mutable static fields, reads no environment variable and resolves every path
    /// against <see cref="ProjectDirectory"/>, so it is safe to run on several projects at once.
    /// </remarks>
    public sealed class CheckContainerHardening : Task
    {
        /// <summary>The code of the warning logged when the task itself fails.</summary>
        internal const string InternalErrorCode = "HARD0000";

        private const string LogPrefix = "Hardening.Build: ";

#if NETFRAMEWORK
        static CheckContainerHardening()
        {
            // .NET Framework MSBuild has one load context for every task, so bind YamlDotNet and the
            // engine to the copies beside this DLL before Execute first touches them.
            TaskAssemblyResolver.Register();
        }
#endif

        /// <summary>
        /// The files to check. Metadata <c>Kind</c> is <c>Dockerfile</c> or <c>Compose</c>. Without it, the
        /// kind comes from the file name. Empty when only the .NET SDK's container properties are checked.
        /// </summary>
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The absolute folder that relative item paths are resolved against.</summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>Whether to log warnings as errors, except the codes in <see cref="NoWarn"/> and <see cref="WarningsNotAsErrors"/>.</summary>
        public bool TreatWarningsAsErrors { get; set; }

        /// <summary>
        /// The project's <c>$(NoWarn)</c>: codes separated by <c>;</c> or <c>,</c> that stay warnings under
        /// <see cref="TreatWarningsAsErrors"/>, so that MSBuild can still turn them into messages.
        /// </summary>
        public string? NoWarn { get; set; }

        /// <summary>Codes separated by <c>;</c> or <c>,</c> that stay warnings under <see cref="TreatWarningsAsErrors"/>.</summary>
        public string? WarningsNotAsErrors { get; set; }

        /// <summary>Files larger than this many bytes are reported with HARD0003 and not parsed. 0 or less keeps the engine's default.</summary>
        public long MaxFileBytes { get; set; }

        /// <summary>
        /// Declared Compose projects, each the equivalent of <c>docker compose -f a.yml -f b.yml</c>: the item
        /// is a name, metadata <c>Files</c> lists the files in load order (separated by <c>;</c>, relative to
        /// <see cref="ProjectDirectory"/>), and optional metadata <c>EnvFile</c> replaces the .env file.
        /// </summary>
        public ITaskItem[] ComposeProjects { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Visual Studio's docker-compose.dcproj, whose Compose files form one project; empty when none.</summary>
        public string? DockerComposeProjectPath { get; set; }

        /// <summary>
        /// Whether the build's environment variables take part in Compose interpolation, as the shell's do
        /// for <c>docker compose</c>. Off by default, so a build gives the same findings on every machine.
        /// </summary>
        public bool UseEnvironmentVariables { get; set; }

        /// <summary>
        /// Declared base images: the item is an image name, a name with tag, or a prefix ending in <c>*</c>,
        /// and metadata <c>User</c> is the user the image runs as by default.
        /// </summary>
        public ITaskItem[] BaseImages { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Whether images must be pinned by digest.</summary>
        public bool RequireDigest { get; set; }

        /// <summary>Registries or registry/namespace prefixes that images may come from, separated by <c>;</c>; empty allows all.</summary>
        public string? AllowedRegistries { get; set; }

        /// <summary>The full path of the MSBuild project file, where findings about its properties point.</summary>
        public string? ProjectFilePath { get; set; }

        /// <summary>
        /// Project properties that rules read: the item is the property name and metadata <c>Value</c> its
        /// value. Items with an empty value are left out, as MSBuild treats an empty property as unset.
        /// </summary>
        public ITaskItem[] ProjectProperties { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// The HardeningRule items: the item is a code and metadata <c>Severity</c> is none, silent,
        /// suggestion, warning, error or default. They win over .editorconfig.
        /// </summary>
        public ITaskItem[] RuleSeverities { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The baseline file: read when it exists, written when <see cref="UpdateBaseline"/> is true; empty for none.</summary>
        public string? BaselineFile { get; set; }

        /// <summary>Whether to write the current findings to <see cref="BaselineFile"/> and report none of them.</summary>
        public bool UpdateBaseline { get; set; }

        /// <summary>Where to write the SARIF 2.1.0 log of every finding; empty for none.</summary>
        public string? SarifFile { get; set; }

        /// <summary>
        /// The folder that references in checked files may not leave. Empty means the nearest folder at or
        /// above <see cref="ProjectDirectory"/> that contains <c>.git</c>. Without one, it is the project
        /// folder, or the folder that contains both it and <see cref="DockerComposeProjectPath"/>.
        /// </summary>
        public string? RepositoryRoot { get; set; }

        /// <summary>
        /// The result cache file, which keeps the findings with what they depend on. A build in which
        /// nothing of that changed logs them again without checking. Empty for no cache.
        /// </summary>
        public string? CacheFile { get; set; }

        private RecordingLog? _recorder;

        /// <summary>Logs through the task's logger and keeps each line for the result cache.</summary>
        private RecordingLog _log => _recorder ??= new RecordingLog(Log);

        public override bool Execute()
        {
            if (TryReplay())
            {
                return !Log.HasLoggedErrors;
            }

            _recorder = new RecordingLog(Log);
            try
            {
                Run();
            }
            catch (Exception ex)
            {
                if (!string.IsNullOrEmpty(CacheFile))
                {
                    CheckResultCache.Delete(CacheFile!);
                }

                Log.LogWarning(
                    subcategory: null,
                    warningCode: InternalErrorCode,
                    helpKeyword: null,
                    file: null,
                    lineNumber: 0,
                    columnNumber: 0,
                    endLineNumber: 0,
                    endColumnNumber: 0,
                    message: "Hardening.Build internal error, so the container files were not checked: {0} Please report this, with the exception text, at https://github.com/hardening-build/Hardening.Build/issues.",
                    ex.ToString());
            }

            return !Log.HasLoggedErrors;
        }

        /// <summary>
        /// Logs the kept findings of the last check when its cache matches this build. This path touches no
        /// engine type, so a no-op build does not load the engine or YamlDotNet.
        /// </summary>
        private bool TryReplay()
        {
            if (string.IsNullOrEmpty(CacheFile))
            {
                Log.LogMessage(MessageImportance.Low, LogPrefix + "no result cache is used (HardeningReuseResults is false), so the files are checked.");
                return false;
            }

            if (UpdateBaseline)
            {
                Log.LogMessage(MessageImportance.Low, LogPrefix + "the baseline is being updated, so the files are checked.");
                return false;
            }

            try
            {
                string cacheFile = ResolvePath(CacheFile!);
                CheckResultCache? cache = CheckResultCache.Read(cacheFile);
                if (cache == null)
                {
                    Log.LogMessage(MessageImportance.Low, LogPrefix + "no results of an earlier check are kept at {0}, so the files are checked.", cacheFile);
                    return false;
                }

                if (cache.Key != CacheKey(FindRepositoryRoot()))
                {
                    Log.LogMessage(
                        MessageImportance.Low,
                        LogPrefix + "the task's parameters changed since the last check{0}, so the files are checked again.",
                        UseEnvironmentVariables ? ", or the environment did, which Compose interpolation reads" : string.Empty);
                    return false;
                }

                string? changed = cache.FirstChangedPath();
                if (changed != null)
                {
                    Log.LogMessage(MessageImportance.Low, LogPrefix + "{0} differs from what the last check saw (its length, last write time, content, or whether it exists), so the files are checked again.", changed);
                    return false;
                }

                if (!string.IsNullOrEmpty(SarifFile) && !File.Exists(ResolvePath(SarifFile!)))
                {
                    Log.LogMessage(MessageImportance.Low, LogPrefix + "the SARIF log {0} is missing, so the files are checked again to write it.", ResolvePath(SarifFile!));
                    return false;
                }

                foreach (TaskLogEntry entry in cache.Entries)
                {
                    entry.WriteTo(Log, replayed: true);
                }

                Log.LogMessage(
                    MessageImportance.Low,
                    LogPrefix + "none of the {0} files the last check read or looked for changed, so its results were logged again from {1}.",
                    cache.Paths.Count,
                    cacheFile);
                return true;
            }
            catch (Exception ex)
            {
                // A cache that cannot be read costs one full check, never a finding.
                Log.LogMessage(MessageImportance.Low, LogPrefix + "the result cache could not be used ({0}), so the files are checked again.", ex.Message);
                return false;
            }
        }

        /// <summary>
        /// Everything besides the files that the findings depend on: each parameter of this task, the
        /// repository root found for it, the culture the messages are formatted in, the environment when
        /// Compose interpolation reads it, and the build of this package.
        /// </summary>
        internal string CacheKey(string? repositoryRoot)
        {
            var key = new StringBuilder();
            PropertyInfo[] parameters = typeof(CheckContainerHardening).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Array.Sort(parameters, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (PropertyInfo parameter in parameters)
            {
                key.Append(parameter.Name).Append('=');
                object? value = parameter.GetValue(this);
                if (value is ITaskItem[] items)
                {
                    foreach (ITaskItem item in items)
                    {
                        AppendItem(key, item);
                    }
                }
                else
                {
                    key.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                key.Append('\n');
            }

            key.Append("located root=").Append(repositoryRoot).Append('\n');
            key.Append("culture=").Append(CultureInfo.CurrentCulture.Name).Append('/').Append(CultureInfo.CurrentUICulture.Name).Append('\n');
            if (UseEnvironmentVariables)
            {
                var variables = new List<string>();
                foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
                {
                    variables.Add(entry.Key + "=" + entry.Value);
                }

                // Only a hash is kept, because the environment can hold secrets and obj/ is often
                // uploaded as a build artifact.
                variables.Sort(StringComparer.Ordinal);
                key.Append("environment hash=").Append(CheckResultCache.HashText(string.Join("\u0000", variables.ToArray()))).Append('\n');
            }

            // A new build of the package changes the rules, so its files are part of the key.
            string taskAssembly = typeof(CheckContainerHardening).Assembly.Location;
            string folder = Path.GetDirectoryName(taskAssembly) ?? string.Empty;
            foreach (string file in new[] { taskAssembly, Path.Combine(folder, "Hardening.Build.Engine.dll") })
            {
                key.Append("assembly=").Append(file).Append(' ').Append(CheckResultCache.StateOf(file, hashContent: false, out _)).Append('\n');
            }

            return key.ToString();
        }

        /// <summary>
        /// Appends the item's spec, its full path, the project that defined it and its custom metadata.
        /// Well-known metadata such as ModifiedTime and AccessedTime is left out, because reading a file
        /// changes it. The file's own state is kept with the paths instead.
        /// </summary>
        private static void AppendItem(StringBuilder key, ITaskItem item)
        {
            key.Append('[').Append(item.ItemSpec)
                .Append("|FullPath:").Append(item.GetMetadata("FullPath"))
                .Append("|DefiningProjectFullPath:").Append(item.GetMetadata("DefiningProjectFullPath"));
            var names = new List<string>();
            foreach (object name in item.CloneCustomMetadata().Keys)
            {
                names.Add((string)name);
            }

            names.Sort(StringComparer.Ordinal);
            foreach (string name in names)
            {
                key.Append('|').Append(name).Append(':').Append(item.GetMetadata(name));
            }

            key.Append(']');
        }

        /// <summary>Logs a detail line, seen with <c>-v:detailed</c>.</summary>
        private void Detail(string format, params object?[] args) =>
            _log.Message(MessageImportance.Low, LogPrefix + string.Format(CultureInfo.CurrentCulture, format, args));

        /// <summary>Logs a warning about the task's own inputs, such as an item without needed metadata.</summary>
        private void InputWarning(string code, string? file, string format, params object?[] args) =>
            _log.Add(new TaskLogEntry(TaskLogKind.Warning, MessageImportance.Normal, code, null, file, 0, 0, string.Format(CultureInfo.CurrentCulture, format, args)));

        // Not inlined, so that compiling Execute does not load the engine for a build that replays the cache.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Run()
        {
            DateTime started = DateTime.UtcNow;
            LogInputs();

            string? repositoryRoot = FindRepositoryRoot();
            Detail("[input] RepositoryRoot={0}", repositoryRoot ?? "");
            var boundary = repositoryRoot == null ? null : new RepositoryBoundary(repositoryRoot);
            var fileSystem = new RecordingFileSystem(new DiskFileSystem(MaxFileBytes > 0 ? MaxFileBytes : SourceFileReader.DefaultMaxFileBytes, boundary));
            List<InputFile> inputs = GatherInputs(boundary, fileSystem);
            var request = new CheckRequest(inputs)
            {
                FileSystem = fileSystem,
                RepositoryRoot = repositoryRoot,
                ComposeProjects = GatherComposeProjects(),
                DockerComposeProjectPath = string.IsNullOrEmpty(DockerComposeProjectPath) ? null : ResolvePath(DockerComposeProjectPath!),
                ProjectDirectory = string.IsNullOrEmpty(ProjectDirectory) ? null : Path.GetFullPath(ProjectDirectory),
                Environment = UseEnvironmentVariables ? ReadEnvironment() : new Dictionary<string, string>(),
                Settings = GatherSettings(),
                RuleSeverities = GatherRuleSeverities(),
                BaselinePath = string.IsNullOrEmpty(BaselineFile) ? null : ResolvePath(BaselineFile!),
            };

            // Without a file to write, updating would hide every finding and keep no record of them.
            request.UpdateBaseline = UpdateBaseline && request.BaselinePath != null;
            if (MaxFileBytes > 0)
            {
                request.MaxFileBytes = MaxFileBytes;
            }

            CheckResult result = HardeningEngine.Check(request);
            foreach (string detail in result.Details)
            {
                _log.Message(MessageImportance.Low, LogPrefix + detail);
            }

            HashSet<string> exemptCodes = ParseCodes(NoWarn);
            exemptCodes.UnionWith(ParseCodes(WarningsNotAsErrors));
            HashSet<string> noWarnCodes = ParseCodes(NoWarn);
            var counts = new Dictionary<Severity, int>();
            int noWarnWarnings = 0;
            foreach (Finding finding in result.Findings)
            {
                Severity logged = LogFinding(finding, exemptCodes);
                counts.TryGetValue(logged, out int count);
                counts[logged] = count + 1;
                if (logged == Severity.Warning && noWarnCodes.Contains(finding.Code))
                {
                    noWarnWarnings++;
                }
            }

            foreach (string note in result.Notes)
            {
                _log.Message(MessageImportance.Low, LogPrefix + note);
            }

            LogSummary(result, counts, noWarnWarnings);
            WriteReports(request, result);
            WriteCache(repositoryRoot, fileSystem.Paths, started);
        }

        private void WriteCache(string? repositoryRoot, IEnumerable<string> paths, DateTime started)
        {
            if (string.IsNullOrEmpty(CacheFile))
            {
                return;
            }

            string cacheFile = ResolvePath(CacheFile!);
            if (UpdateBaseline)
            {
                // The baseline just written changes what the next build reports.
                CheckResultCache.Delete(cacheFile);
                return;
            }

            bool written;
            try
            {
                written = CheckResultCache.Write(cacheFile, CacheKey(repositoryRoot), paths, _log.Entries, started);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The findings are logged already; without a cache the next build checks in full.
                Log.LogMessage(MessageImportance.Low, LogPrefix + "the result cache {0} could not be written ({1}), so the next build checks in full.", cacheFile, ex.Message);
                return;
            }

            if (written)
            {
                Log.LogMessage(MessageImportance.Low, LogPrefix + "kept the results in {0} for builds in which nothing changes.", cacheFile);
            }
            else
            {
                CheckResultCache.Delete(cacheFile);
                Log.LogMessage(
                    MessageImportance.Low,
                    LogPrefix + "a file the check read was written less than {0} s before it, so the results were not kept and the next build checks again.",
                    CheckResultCache.RacyWindow.TotalSeconds);
            }
        }

        private Dictionary<string, Severity?> GatherRuleSeverities()
        {
            var severities = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
            foreach (ITaskItem item in RuleSeverities)
            {
                string value = item.GetMetadata("Severity");

                // Point at the project file that declares the item, not at this package's targets.
                string definedIn = item.GetMetadata("DefiningProjectFullPath");
                if (!Configuration.SeveritySetting.TryParse(value, out Severity? severity))
                {
                    InputWarning(
                        "HARD0009", definedIn,
                        "The HardeningRule item '{0}' has Severity '{1}', which is not valid, so it was ignored. Write {2}.",
                        item.ItemSpec,
                        value,
                        Configuration.SeveritySetting.AcceptedValues);
                    continue;
                }

                if (!IsKnownCode(item.ItemSpec.Trim()))
                {
                    InputWarning(
                        "HARD0009", definedIn,
                        "The HardeningRule item '{0}' names no Hardening.Build code, so it was ignored. Write a code of the rule list, such as HARD2001.",
                        item.ItemSpec);
                    continue;
                }

                Detail("[input] HardeningRule={0} Severity={1}", item.ItemSpec, value);
                severities[item.ItemSpec.Trim()] = severity;
            }

            return severities;
        }

        private static bool IsKnownCode(string code)
        {
            foreach (Rules.Rule rule in Rules.RuleCatalog.All)
            {
                if (string.Equals(rule.Descriptor.Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            // The input and configuration diagnostics, HARD0000 to HARD0009.
            return code.Length == 8 && code.StartsWith("HARD000", StringComparison.OrdinalIgnoreCase) && char.IsDigit(code[7]);
        }

        private void WriteReports(CheckRequest request, CheckResult result)
        {
            if (UpdateBaseline && request.BaselinePath != null)
            {
                WriteText(request.BaselinePath, result.CurrentBaseline.ToJson());
                _log.Message(
                    MessageImportance.High,
                    LogPrefix + string.Format(
                        CultureInfo.CurrentCulture,
                        "wrote {0} baseline entries to {1}. Later builds report only findings that are not in it.",
                        result.CurrentBaseline.Entries.Count,
                        request.BaselinePath));
            }

            if (!string.IsNullOrEmpty(SarifFile))
            {
                string path = ResolvePath(SarifFile!);
                string version = typeof(CheckContainerHardening).Assembly
                    .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
                // Paths relative to the repository root are what code scanning resolves against the checkout.
                WriteText(path, Reporting.SarifLogWriter.Write(result, request.RepositoryRoot ?? request.ProjectDirectory, version));
                // Logged past the recorder, because a build that replays the results does not write it.
                Log.LogMessage(MessageImportance.Low, LogPrefix + "wrote the SARIF log to {0}", path);
            }
        }

        /// <summary>Writes UTF-8 without a byte-order mark, so that the file is the same on every machine.</summary>
        private static void WriteText(string path, string text)
        {
            string? directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        private void LogInputs()
        {
            Detail("[input] ProjectDirectory={0}", ProjectDirectory ?? "");
            Detail("[input] TreatWarningsAsErrors={0}", TreatWarningsAsErrors);
            Detail("[input] NoWarn={0}", NoWarn ?? "");
            Detail("[input] WarningsNotAsErrors={0}", WarningsNotAsErrors ?? "");
            Detail("[input] MaxFileBytes={0}", MaxFileBytes);
            Detail("[input] DockerComposeProjectPath={0}", DockerComposeProjectPath ?? "");
            Detail("[input] UseEnvironmentVariables={0}", UseEnvironmentVariables);
            Detail("[input] BaselineFile={0}", BaselineFile ?? "");
            Detail("[input] UpdateBaseline={0}", UpdateBaseline);
            Detail("[input] SarifFile={0}", SarifFile ?? "");
        }

        private RuleSettings GatherSettings()
        {
            var catalog = new Dockerfiles.BaseImageCatalog();
            foreach (ITaskItem item in BaseImages)
            {
                string user = item.GetMetadata("User").Trim();
                if (user.Length == 0)
                {
                    InputWarning(
                        "HARD0006", null,
                        "The HardeningBaseImage item '{0}' has no User metadata, so it was ignored. Write the user the image runs as, for example User=\"10001\" or User=\"root\".",
                        item.ItemSpec);
                    continue;
                }

                catalog.Add(item.ItemSpec, user);
                Detail("[input] BaseImage={0} User={1}", item.ItemSpec, user);
            }

            var registries = new List<string>();
            foreach (string registry in (AllowedRegistries ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (registry.Trim().Length > 0)
                {
                    registries.Add(registry.Trim());
                }
            }

            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (ITaskItem item in ProjectProperties)
            {
                string value = item.GetMetadata("Value");
                if (value.Trim().Length > 0)
                {
                    properties[item.ItemSpec] = value;
                    Detail("[input] {0}={1}", item.ItemSpec, value);
                }
            }

            string? projectFile = string.IsNullOrEmpty(ProjectFilePath) ? null : ResolvePath(ProjectFilePath!);
            Detail("[input] ProjectFilePath={0}", projectFile ?? "");
            Detail("[input] RequireDigest={0}", RequireDigest);
            Detail("[input] AllowedRegistries={0}", string.Join(";", registries));
            return new RuleSettings
            {
                Catalog = catalog,
                RequireDigest = RequireDigest,
                AllowedRegistries = registries,
                ProjectFilePath = projectFile,
                ProjectProperties = properties,
            };
        }

        private List<Compose.ComposeProjectSpec> GatherComposeProjects()
        {
            var projects = new List<Compose.ComposeProjectSpec>();
            foreach (ITaskItem item in ComposeProjects)
            {
                var files = new List<string>();
                foreach (string file in item.GetMetadata("Files").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (file.Trim().Length > 0)
                    {
                        files.Add(ResolvePath(file.Trim()));
                    }
                }

                if (files.Count == 0)
                {
                    InputWarning(
                        "HARD0006", null,
                        "The HardeningComposeProject item '{0}' has no Files metadata, so it was ignored. List its Compose files in load order, for example Files=\"docker-compose.yml;docker-compose.prod.yml\".",
                        item.ItemSpec);
                    continue;
                }

                string envFile = item.GetMetadata("EnvFile");
                string directory = Path.GetDirectoryName(files[0]) ?? string.Empty;
                var spec = new Compose.ComposeProjectSpec(item.ItemSpec, files, directory, envFile.Length == 0 ? null : ResolvePath(envFile));
                Detail("[input] ComposeProject={0}", spec);
                projects.Add(spec);
            }

            return projects;
        }

        private static Dictionary<string, string> ReadEnvironment()
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string name && entry.Value is string value)
                {
                    variables[name] = value;
                }
            }

            return variables;
        }

        private string? FindRepositoryRoot()
        {
            if (!string.IsNullOrEmpty(RepositoryRoot))
            {
                return ResolvePath(RepositoryRoot!);
            }

            string? dockerComposeProject = string.IsNullOrEmpty(DockerComposeProjectPath) ? null : ResolvePath(DockerComposeProjectPath!);
            return string.IsNullOrEmpty(ProjectDirectory) ? null : RepositoryRootLocator.Locate(ProjectDirectory!, dockerComposeProject);
        }

        /// <param name="fileSystem">Records each item's path, read or skipped, for the result cache.</param>
        private List<InputFile> GatherInputs(RepositoryBoundary? boundary, RecordingFileSystem fileSystem)
        {
            var inputs = new List<InputFile>(Files.Length);
            foreach (ITaskItem item in Files)
            {
                string path = ResolvePath(item);
                fileSystem.Track(path);

                // MSBuild's ** follows symbolic links to folders, so the default globs can reach files
                // outside the repository; those are skipped. Items the project lists are always checked.
                string? outside = IsDefaultItem(item) ? boundary?.LinkTargetOutside(path) : null;
                if (outside != null)
                {
                    Detail("[input] File={0} skipped: a symbolic link leads it to '{1}', outside the repository.", path, outside);
                    continue;
                }

                string kindMetadata = item.GetMetadata("Kind");
                InputKind kind;
                string reason;
                if (TryParseKind(kindMetadata, out InputKind declared))
                {
                    kind = declared;
                    reason = "from Kind metadata";
                }
                else
                {
                    kind = InferKind(path);
                    reason = kindMetadata.Length == 0
                        ? "from the file name"
                        : $"from the file name, because Kind '{kindMetadata}' is neither Dockerfile nor Compose";
                }

                Detail("[input] File={0} Kind={1} ({2})", path, kind, reason);
                inputs.Add(new InputFile(path, kind));
            }

            return inputs;
        }

        private static bool IsDefaultItem(ITaskItem item) =>
            string.Equals(item.GetMetadata("HardeningDefaultItem"), "true", StringComparison.OrdinalIgnoreCase);

        private string ResolvePath(ITaskItem item)
        {
            string spec = item.ItemSpec;
            if (Path.IsPathRooted(spec) || (!string.IsNullOrEmpty(ProjectDirectory) && Path.IsPathRooted(ProjectDirectory)))
            {
                return ResolvePath(spec);
            }

            // MSBuild computes FullPath against the directory of the project that defined the item.
            return item.GetMetadata("FullPath");
        }

        private string ResolvePath(string spec)
        {
            spec = spec.Replace('\\', Path.DirectorySeparatorChar);
            if (Path.IsPathRooted(spec))
            {
                return Path.GetFullPath(spec);
            }

            if (!string.IsNullOrEmpty(ProjectDirectory) && Path.IsPathRooted(ProjectDirectory))
            {
                return Path.GetFullPath(Path.Combine(ProjectDirectory, spec));
            }

            return Path.GetFullPath(spec);
        }

        /// <summary>Logs one finding and returns the severity it was logged with.</summary>
        internal Severity LogFinding(Finding finding, HashSet<string> exemptCodes)
        {
            Severity severity = finding.Severity;
            if (severity == Severity.Warning && TreatWarningsAsErrors && !exemptCodes.Contains(finding.Code))
            {
                severity = Severity.Error;
            }

            SourceLocation location = finding.Location;
            TaskLogKind? kind = severity switch
            {
                Severity.Error => TaskLogKind.Error,
                Severity.Warning => TaskLogKind.Warning,
                Severity.Suggestion => TaskLogKind.Message,
                _ => null,
            };

            if (kind != null)
            {
                // Suggestions are messages, which carry no help link in MSBuild.
                string? helpLink = kind == TaskLogKind.Message ? null : finding.Rule.HelpUri;
                _log.Add(new TaskLogEntry(
                    kind.Value, MessageImportance.Normal, finding.Code, helpLink, location.FilePath, location.Line, location.Column, finding.Message));
            }

            return severity;
        }

        /// <param name="noWarnWarnings">Warnings whose code is in NoWarn, which MSBuild logs as messages.</param>
        private void LogSummary(CheckResult result, Dictionary<Severity, int> counts, int noWarnWarnings)
        {
            counts.TryGetValue(Severity.Error, out int errors);
            counts.TryGetValue(Severity.Warning, out int warnings);
            counts.TryGetValue(Severity.Suggestion, out int suggestions);
            int inline = 0;
            int baselined = 0;
            foreach (Finding finding in result.SuppressedFindings)
            {
                if (finding.Suppression!.Kind == SuppressionKind.InSource)
                {
                    inline++;
                }
                else
                {
                    baselined++;
                }
            }

            _log.Add(new TaskLogEntry(
                TaskLogKind.Summary,
                MessageImportance.Normal,
                null,
                null,
                null,
                0,
                0,
                LogPrefix + string.Format(
                    CultureInfo.CurrentCulture,
                    "checked {0} Dockerfile(s) and {1} Compose file(s) with {2} service(s): {3} error(s), {4} warning(s){8}, {5} suggestion(s), {6} suppressed in source, {7} baselined.",
                    result.DockerfileCount,
                    result.ComposeFileCount,
                    result.ServiceCount,
                    errors,
                    warnings,
                    suggestions,
                    inline,
                    baselined,
                    noWarnWarnings == 0
                        ? string.Empty
                        : string.Format(CultureInfo.CurrentCulture, " ({0} of them in NoWarn, which MSBuild shows as messages)", noWarnWarnings))));
        }

        internal static bool TryParseKind(string value, out InputKind kind)
        {
            string trimmed = value.Trim();
            if (string.Equals(trimmed, "Dockerfile", StringComparison.OrdinalIgnoreCase))
            {
                kind = InputKind.Dockerfile;
                return true;
            }

            if (string.Equals(trimmed, "Compose", StringComparison.OrdinalIgnoreCase))
            {
                kind = InputKind.Compose;
                return true;
            }

            kind = InputKind.Dockerfile;
            return false;
        }

        /// <summary>
        /// Infers the kind from the file name: a name that contains "compose" and ends in .yml or .yaml
        /// is a Compose file, anything else a Dockerfile.
        /// </summary>
        internal static InputKind InferKind(string path)
        {
            string name = Path.GetFileName(path);
            bool isYaml = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
            bool mentionsCompose = name.IndexOf("compose", StringComparison.OrdinalIgnoreCase) >= 0;
            return isYaml && mentionsCompose ? InputKind.Compose : InputKind.Dockerfile;
        }

        /// <summary>Splits an MSBuild code list such as <c>$(NoWarn)</c> at <c>;</c> and <c>,</c>.</summary>
        internal static HashSet<string> ParseCodes(string? list)
        {
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (list == null)
            {
                return codes;
            }

            foreach (string part in list.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string code = part.Trim();
                if (code.Length > 0)
                {
                    codes.Add(code);
                }
            }

            return codes;
        }
    }
}
