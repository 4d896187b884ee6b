using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// Loads a Compose project as Docker Compose v2 does: each file's documents in order, with
    /// <c>include</c> and <c>extends</c> resolved per file, then the files merged in load order. Values are
    /// interpolated with the project's <c>.env</c> and the given environment, never the machine's.
    /// </summary>
    public sealed class ComposeProjectLoader
    {
        // Bounds chains of extends and include, which compose-go only stops on a cycle.
        private const int MaxReferenceDepth = 64;

        private readonly IFileSystem _fileSystem;
        private readonly IReadOnlyDictionary<string, string> _environment;
        private readonly RepositoryBoundary? _boundary;
        private readonly Dictionary<string, YamlLoadResult> _documents = new Dictionary<string, YamlLoadResult>(StringComparer.Ordinal);
        private readonly List<Finding> _diagnostics = new List<Finding>();
        private readonly HashSet<string> _reportedFiles = new HashSet<string>(StringComparer.Ordinal);
        private readonly ComposeContext _context = new ComposeContext();
        private readonly List<string> _readFiles = new List<string>();

        // Set when Docker Compose itself would fail to load the project. Its services are then not
        // judged, because a setting that lives in the file that failed would look missing.
        private bool _loadFailed;

        private ComposeProjectLoader(IFileSystem fileSystem, IReadOnlyDictionary<string, string> environment, RepositoryBoundary? boundary)
        {
            _fileSystem = fileSystem;
            _environment = environment;
            _boundary = boundary;
        }

        /// <param name="boundary">When set, files that extends and include reach outside it are reported with HARD0006 and not read.</param>
        public static ComposeProject Load(
            ComposeProjectSpec spec,
            IFileSystem fileSystem,
            IReadOnlyDictionary<string, string> environment,
            RepositoryBoundary? boundary = null)
        {
            var loader = new ComposeProjectLoader(fileSystem, environment, boundary);
            return loader.LoadProject(spec);
        }

        private ComposeProject LoadProject(ComposeProjectSpec spec)
        {
            IReadOnlyDictionary<string, string> variables = LoadVariables(spec.EnvFile ?? Path.Combine(spec.ProjectDirectory, ".env"), _environment);
            var services = new ServiceTable();
            foreach (string file in spec.Files)
            {
                _context.Register(file, variables, spec.ProjectDirectory);
                foreach (YamlMapping document in LoadDocuments(file, null))
                {
                    services.MergeFrom(LoadLayer(document, file, variables, new List<string> { file }));
                }
            }

            var result = new List<ComposeService>();
            foreach (ServiceTable.Definition definition in _loadFailed ? new List<ServiceTable.Definition>() : services.Definitions)
            {
                var service = new ComposeService(definition.Key.Value, definition.Key, definition.Mapping, _context);
                ComposeValidator.Validate(service, _diagnostics);
                result.Add(service);
            }

            return new ComposeProject(spec, result, _diagnostics, _context) { ReadFiles = _readFiles, LoadFailed = _loadFailed };
        }

        /// <summary>The services of one document: its includes, then its own services over them, with extends resolved.</summary>
        private ServiceTable LoadLayer(YamlMapping document, string file, IReadOnlyDictionary<string, string> variables, List<string> chain)
        {
            var layer = new ServiceTable();
            if (document.Get("include") is YamlNode include)
            {
                LoadIncludes(include, file, variables, chain, layer);
            }

            ServiceTable local = ReadServices(document);
            var resolved = new ServiceTable();
            foreach (string name in local.ResetNames)
            {
                resolved.Reset(name);
            }

            foreach (ServiceTable.Definition definition in local.Definitions)
            {
                var visiting = new List<string> { file + "#" + definition.Key.Value };
                YamlMapping mapping = ResolveExtends(definition.Mapping, local, file, variables, visiting);
                resolved.Add(definition.Key, mapping);
            }

            layer.MergeFrom(resolved);
            return layer;
        }

        private ServiceTable ReadServices(YamlMapping document)
        {
            var table = new ServiceTable();
            if (!(document.Get("services") is YamlMapping services))
            {
                return table;
            }

            foreach (YamlEntry entry in services.Entries)
            {
                if (entry.Value.Tag == "!reset")
                {
                    // An override file removes a service of the files before it with `name: !reset`.
                    table.Reset(entry.Key.Value);
                }
                else if (entry.Value is YamlMapping mapping)
                {
                    table.Add(entry.Key, mapping);
                }
                else
                {
                    _diagnostics.Add(new Finding(
                        InputDiagnostics.ComposeRejectsValue,
                        entry.Key.Location,
                        $"Service '{entry.Key.Value}' is not a mapping of settings, so Docker Compose rejects it. Write its settings indented under the name, for example `image: ...`."));
                }
            }

            return table;
        }

        private YamlMapping ResolveExtends(
            YamlMapping service,
            ServiceTable services,
            string file,
            IReadOnlyDictionary<string, string> variables,
            List<string> visiting)
        {
            YamlEntry? extends = service.GetEntry("extends");
            if (extends == null)
            {
                return service;
            }

            YamlMapping withoutExtends = Without(service, "extends");
            if (!TryReadExtends(extends, out YamlScalar? baseName, out YamlScalar? baseFile))
            {
                Report(extends.Key.Location, "extends must name a service: write `extends: base` or `extends: {service: base, file: common.yml}`.");
                return withoutExtends;
            }

            string baseFilePath = file;
            ServiceTable baseServices = services;
            if (baseFile != null)
            {
                string relative = Interpolate(baseFile, variables);
                baseFilePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, relative));
                baseServices = LoadServicesOfFile(baseFilePath, baseFile.ReportLocation, variables);
            }

            string name = Interpolate(baseName!, variables);
            string node = baseFilePath + "#" + name;
            if (visiting.Contains(node) || visiting.Count >= MaxReferenceDepth)
            {
                Report(extends.Key.ReportLocation, $"extends forms a cycle: {string.Join(" -> ", Names(visiting))} -> {name}. Remove one of the extends so the chain ends.");
                return withoutExtends;
            }

            ServiceTable.Definition? baseDefinition = baseServices.Find(name);
            if (baseDefinition == null)
            {
                if (baseFile == null || (_fileSystem.FileExists(baseFilePath) && !IsOutsideBoundary(baseFilePath)))
                {
                    Report(baseName!.ReportLocation, $"extends names the service '{name}', which is not defined in '{baseFilePath}'. Correct the service name.");
                }

                return withoutExtends;
            }

            visiting.Add(node);
            YamlMapping resolvedBase = ResolveExtends(baseDefinition.Mapping, baseServices, baseFilePath, variables, visiting);
            visiting.RemoveAt(visiting.Count - 1);
            return ComposeMerger.MergeMappings(resolvedBase, withoutExtends);
        }

        private static bool TryReadExtends(YamlEntry extends, out YamlScalar? service, out YamlScalar? file)
        {
            file = null;
            service = extends.Value as YamlScalar;
            if (extends.Value is YamlMapping mapping)
            {
                service = mapping.Get("service") as YamlScalar;
                file = mapping.Get("file") as YamlScalar;
            }

            return service != null && !service.IsNull;
        }

        private ServiceTable LoadServicesOfFile(string path, SourceLocation referencedAt, IReadOnlyDictionary<string, string> variables)
        {
            var table = new ServiceTable();
            _context.Register(path, variables, Path.GetDirectoryName(path) ?? string.Empty);
            foreach (YamlMapping document in LoadDocuments(path, referencedAt))
            {
                table.MergeFrom(ReadServices(document));
            }

            return table;
        }

        private void LoadIncludes(YamlNode include, string file, IReadOnlyDictionary<string, string> parentVariables, List<string> chain, ServiceTable layer)
        {
            IReadOnlyList<YamlNode> items = include is YamlSequence sequence ? sequence.Items : new[] { include };
            string directory = Path.GetDirectoryName(file) ?? string.Empty;
            foreach (YamlNode item in items)
            {
                var paths = new List<YamlScalar>();
                YamlScalar? projectDirectory = null;
                YamlScalar? envFile = null;
                if (item is YamlScalar single)
                {
                    paths.Add(single);
                }
                else if (item is YamlMapping mapping)
                {
                    CollectScalars(mapping.Get("path"), paths);
                    projectDirectory = mapping.Get("project_directory") as YamlScalar;
                    envFile = mapping.Get("env_file") as YamlScalar;
                }

                if (paths.Count == 0)
                {
                    Report(item.ReportLocation, "include needs a path: write `include: [other/compose.yaml]`.");
                    continue;
                }

                LoadInclude(paths, projectDirectory, envFile, directory, parentVariables, chain, layer);
            }
        }

        private void LoadInclude(
            List<YamlScalar> paths,
            YamlScalar? projectDirectory,
            YamlScalar? envFile,
            string directory,
            IReadOnlyDictionary<string, string> parentVariables,
            List<string> chain,
            ServiceTable layer)
        {
            string firstPath = Path.GetFullPath(Path.Combine(directory, Interpolate(paths[0], parentVariables)));
            string includedDirectory = projectDirectory != null && !projectDirectory.IsNull
                ? Path.GetFullPath(Path.Combine(directory, Interpolate(projectDirectory, parentVariables)))
                : Path.GetDirectoryName(firstPath) ?? directory;
            string envPath = envFile != null && !envFile.IsNull
                ? Path.GetFullPath(Path.Combine(directory, Interpolate(envFile, parentVariables)))
                : Path.Combine(includedDirectory, ".env");
            if (IsOutsideBoundary(envPath))
            {
                if (envFile != null && !envFile.IsNull)
                {
                    Report(envFile.ReportLocation, $"The file '{envPath}' is outside the repository '{_boundary!.Root}', so it was not read. Move it into the repository, or set HardeningRepositoryRoot to a folder that contains both.");
                }

                envPath = string.Empty;
            }

            // The included project reads its own .env; the including project's variables win over it.
            IReadOnlyDictionary<string, string> variables = LoadVariables(envPath, parentVariables);
            var included = new ServiceTable();
            foreach (YamlScalar pathNode in paths)
            {
                string path = Path.GetFullPath(Path.Combine(directory, Interpolate(pathNode, parentVariables)));
                if (chain.Contains(path) || chain.Count >= MaxReferenceDepth)
                {
                    Report(pathNode.ReportLocation, $"include forms a cycle: {string.Join(" -> ", chain)} -> {path}. Remove one of the includes so the chain ends.");
                    continue;
                }

                _context.Register(path, variables, includedDirectory);
                chain.Add(path);
                foreach (YamlMapping document in LoadDocuments(path, pathNode.ReportLocation))
                {
                    included.MergeFrom(LoadLayer(document, path, variables, chain));
                }

                chain.RemoveAt(chain.Count - 1);
            }

            layer.MergeFrom(included);
        }

        /// <summary>Reads and parses a file once; reports a missing file at the place that references it.</summary>
        private IEnumerable<YamlMapping> LoadDocuments(string path, SourceLocation? referencedAt)
        {
            if (!_documents.TryGetValue(path, out YamlLoadResult? result))
            {
                result = ReadYaml(path, referencedAt);
                _documents[path] = result;
            }

            foreach (YamlNode document in result.Documents)
            {
                if (document is YamlMapping mapping)
                {
                    yield return mapping;
                }
            }
        }

        private YamlLoadResult ReadYaml(string path, SourceLocation? referencedAt)
        {
            var empty = new YamlLoadResult(new YamlNode[0], null);
            if (referencedAt.HasValue && IsOutsideBoundary(path))
            {
                Report(referencedAt.Value, $"The file '{path}' is outside the repository '{_boundary!.Root}', so it was not read. Move it into the repository, or set HardeningRepositoryRoot to a folder that contains both.");
                return empty;
            }

            if (referencedAt.HasValue && !_fileSystem.FileExists(path))
            {
                Report(referencedAt.Value, $"The file '{path}' was not found. Correct the path, which is relative to the folder of the file that refers to it.");
                return empty;
            }

            SourceFile source = _fileSystem.Read(path);
            if (source.Error != null)
            {
                _loadFailed = true;
                if (_reportedFiles.Add(path))
                {
                    _diagnostics.Add(source.Error);
                }

                return empty;
            }

            _readFiles.Add(path);
            if (source.InvalidUtf8Index >= 0 && _reportedFiles.Add(path))
            {
                // Docker Compose's YAML parser rejects such bytes; the rest of the text is still checked.
                _diagnostics.Add(new Finding(
                    InputDiagnostics.ComposeParseError,
                    YamlLoader.LocationOf(path, source.Text!, source.InvalidUtf8Index),
                    "The Compose file contains bytes that are not valid UTF-8 here, so Docker Compose cannot load it. Save the file as UTF-8."));
            }

            YamlLoadResult result = YamlLoader.Load(path, source.Text!);
            if (result.Error != null)
            {
                _loadFailed = true;
                if (_reportedFiles.Add(path))
                {
                    _diagnostics.Add(new Finding(
                        InputDiagnostics.ComposeParseError,
                        result.Error.Location,
                        $"The Compose file cannot be parsed: {result.Error.Message} Until it is fixed, Docker Compose cannot load the project and its services are not checked."));
                }
            }

            return result;
        }

        private IReadOnlyDictionary<string, string> LoadVariables(string envPath, IReadOnlyDictionary<string, string> overrides)
        {
            if (envPath.Length == 0 || !_fileSystem.FileExists(envPath))
            {
                return overrides;
            }

            SourceFile source = _fileSystem.Read(envPath);
            if (source.Error != null)
            {
                if (_reportedFiles.Add(envPath))
                {
                    _diagnostics.Add(source.Error);
                }

                return overrides;
            }

            DotEnvFile env = DotEnvFile.Parse(source.Text!, overrides);
            _loadFailed |= env.Error != null;
            if (env.Error != null && _reportedFiles.Add(envPath))
            {
                _diagnostics.Add(new Finding(
                    InputDiagnostics.ComposeParseError,
                    new SourceLocation(envPath, env.ErrorLine, 1),
                    $"The .env file cannot be parsed: {env.Error}. Docker Compose stops on it too, so fix this line."));
            }

            return env.Variables;
        }

        private bool IsOutsideBoundary(string path) => _boundary != null && !_boundary.Contains(path);

        private string Interpolate(YamlScalar scalar, IReadOnlyDictionary<string, string> variables) =>
            ComposeInterpolator.Interpolate(scalar.Value, variables).Text;

        private void Report(SourceLocation location, string message)
        {
            _loadFailed = true;
            _diagnostics.Add(new Finding(InputDiagnostics.UnresolvedReference, location, message));
        }

        private static void CollectScalars(YamlNode? node, List<YamlScalar> into)
        {
            if (node is YamlScalar scalar && !scalar.IsNull)
            {
                into.Add(scalar);
            }
            else if (node is YamlSequence sequence)
            {
                foreach (YamlNode item in sequence.Items)
                {
                    CollectScalars(item, into);
                }
            }
        }

        private static YamlMapping Without(YamlMapping mapping, string key)
        {
            var entries = new List<YamlEntry>();
            foreach (YamlEntry entry in mapping.Entries)
            {
                if (entry.Key.Value != key)
                {
                    entries.Add(entry);
                }
            }

            return new YamlMapping(entries, mapping.Location, mapping.Tag, mapping.AliasLocation);
        }

        private static IEnumerable<string> Names(List<string> visiting)
        {
            foreach (string node in visiting)
            {
                yield return node.Substring(node.LastIndexOf('#') + 1);
            }
        }

        /// <summary>Services by name in first-definition order; merging keeps the first key's location.</summary>
        private sealed class ServiceTable
        {
            private readonly List<Definition> _definitions = new List<Definition>();
            private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly List<string> _resets = new List<string>();

            public IReadOnlyList<Definition> Definitions => _definitions;

            public IReadOnlyList<string> ResetNames => _resets;

            public Definition? Find(string name) => _index.TryGetValue(name, out int index) ? _definitions[index] : null;

            public void Add(YamlScalar key, YamlMapping mapping)
            {
                if (_index.TryGetValue(key.Value, out int index))
                {
                    Definition existing = _definitions[index];
                    _definitions[index] = new Definition(existing.Key, ComposeMerger.MergeMappings(existing.Mapping, mapping));
                }
                else
                {
                    _index[key.Value] = _definitions.Count;
                    _definitions.Add(new Definition(key, mapping));
                }
            }

            /// <summary>Removes the service, and remembers to remove it from the tables this one is merged into.</summary>
            public void Reset(string name)
            {
                _resets.Add(name);
                if (_index.TryGetValue(name, out int index))
                {
                    _definitions.RemoveAt(index);
                    _index.Clear();
                    for (int i = 0; i < _definitions.Count; i++)
                    {
                        _index[_definitions[i].Key.Value] = i;
                    }
                }
            }

            public void MergeFrom(ServiceTable other)
            {
                foreach (string name in other._resets)
                {
                    Reset(name);
                }

                foreach (Definition definition in other._definitions)
                {
                    Add(definition.Key, definition.Mapping);
                }
            }

            public sealed class Definition
            {
                public Definition(YamlScalar key, YamlMapping mapping)
                {
                    Key = key;
                    Mapping = mapping;
                }

                public YamlScalar Key { get; }

                public YamlMapping Mapping { get; }
            }
        }
    }
}
