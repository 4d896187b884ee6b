using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build
{
    /// <summary>
    /// Reads the request's files once and builds the model the rules see: the Dockerfiles, the Compose
    /// projects merged as Docker Compose loads them, and the link from each built service to its stage.
    /// </summary>
    internal sealed class ModelBuilder
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private readonly CheckRequest _request;
        private readonly IFileSystem _fileSystem;
        private readonly RepositoryBoundary? _boundary;
        private readonly List<Finding> _diagnostics = new List<Finding>();
        private readonly Dictionary<string, DockerfileDocument> _dockerfiles = new Dictionary<string, DockerfileDocument>(StringComparer.Ordinal);
        private readonly List<DockerfileDocument> _inputDockerfiles = new List<DockerfileDocument>();
        private readonly List<string> _notes = new List<string>();

        // The diagnostics of each Dockerfile read, by path (or by the location of a dockerfile_inline), in
        // the order read. They are reported only for the Dockerfiles this project checks or whose services
        // it keeps, so that a shared Compose project does not make every project of a solution report
        // the parse errors of the others' Dockerfiles.
        private readonly Dictionary<string, List<Finding>> _dockerfileDiagnostics = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        private readonly List<string> _dockerfileOrder = new List<string>();
        private ComposeProjectSpec? _visualStudioSpec;

        public ModelBuilder(CheckRequest request)
        {
            _request = request;
            _boundary = string.IsNullOrEmpty(request.RepositoryRoot) ? null : new RepositoryBoundary(request.RepositoryRoot!);
            _fileSystem = request.FileSystem ?? new DiskFileSystem(request.MaxFileBytes, _boundary);
        }

        public IReadOnlyList<Finding> Diagnostics => _diagnostics;

        /// <summary>Decisions worth a line in a detailed log, such as services left to another project.</summary>
        public IReadOnlyList<string> Notes => _notes;

        public ProjectModel Build()
        {
            var composeFiles = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (InputFile input in _request.Files)
            {
                if (!seen.Add(input.Path))
                {
                    continue;
                }

                if (input.Kind == InputKind.Compose)
                {
                    composeFiles.Add(input.Path);
                }
                else if (LoadDockerfile(input.Path, null) is DockerfileDocument document)
                {
                    // NOTE: the context is taken to be the Dockerfile's folder. Visual Studio builds from the solution
                    // folder (DockerfileContext), whose .dockerignore is then not the one read here.
                    document.DockerIgnore = DockerIgnore.Load(_fileSystem, document.FilePath, Path.GetDirectoryName(document.FilePath) ?? string.Empty);
                    _inputDockerfiles.Add(document);
                }
            }

            var projects = new List<ComposeProject>();
            var links = new List<ServiceBuildLink>();
            foreach (ComposeProjectSpec spec in GroupComposeFiles(composeFiles))
            {
                ComposeProject loaded = ComposeProjectLoader.Load(spec, _fileSystem, _request.Environment, _boundary);
                if (loaded.LoadFailed)
                {
                    _notes.Add($"Compose project '{spec}' cannot be loaded, so its services were not checked; its diagnostics say why.");
                }

                string? sharedFrom = spec == _visualStudioSpec ? SharedProjectDirectory(spec) : null;
                List<ServiceBuildLink> projectLinks = LinkServices(loaded, sharedFrom, out List<Finding> linkDiagnostics);
                ComposeProject? owned = spec == _visualStudioSpec
                    ? KeepOwnedServices(loaded, projectLinks, linkDiagnostics)
                    : WithDiagnostics(loaded, linkDiagnostics);
                if (owned == null)
                {
                    continue;
                }

                projects.Add(owned);
                _diagnostics.AddRange(owned.Diagnostics);
                var ownedServices = new HashSet<ComposeService>(owned.Services);
                foreach (ServiceBuildLink link in projectLinks)
                {
                    if (ownedServices.Contains(link.Service))
                    {
                        links.Add(new ServiceBuildLink(owned, link.Service, link.Document, link.Stage, link.IsTarget, link.BuildArgs, _request.Settings.Catalog)
                        {
                            ContextDirectory = link.ContextDirectory,
                            DockerIgnore = link.DockerIgnore,
                        });
                    }
                }
            }

            ReportDockerfileDiagnostics(projects);
            return new ProjectModel(_inputDockerfiles, projects, links, _request.Settings)
            {
                ProjectFile = MsBuildProjectFile.Read(_request.Settings.ProjectFilePath, _fileSystem),
            };
        }

        private IReadOnlyList<ComposeProjectSpec> GroupComposeFiles(List<string> composeFiles)
        {
            var declared = new List<ComposeProjectSpec>(_request.ComposeProjects);
            var replacesDefault = new HashSet<string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(_request.DockerComposeProjectPath))
            {
                ComposeProjectSpec? visualStudio = VisualStudioComposeProject.Read(_request.DockerComposeProjectPath!, _fileSystem, _diagnostics);
                if (visualStudio != null)
                {
                    _visualStudioSpec = visualStudio;
                    declared.Add(visualStudio);
                    replacesDefault.Add(visualStudio.Files[0]);
                }
            }

            return ComposeProjectDiscovery.Group(composeFiles, declared, replacesDefault);
        }

        /// <summary>The list that collects the diagnostics of one Dockerfile, made on first use.</summary>
        private List<Finding> DockerfileDiagnostics(string key)
        {
            if (!_dockerfileDiagnostics.TryGetValue(key, out List<Finding>? diagnostics))
            {
                diagnostics = new List<Finding>();
                _dockerfileDiagnostics[key] = diagnostics;
                _dockerfileOrder.Add(key);
            }

            return diagnostics;
        }

        /// <summary>
        /// Reports the diagnostics of the Dockerfiles this project checks itself, and of those that the
        /// services it keeps build. A Dockerfile read only to link a service another project reports is
        /// left to that project.
        /// </summary>
        private void ReportDockerfileDiagnostics(List<ComposeProject> keptProjects)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (InputFile input in _request.Files)
            {
                if (input.Kind != InputKind.Compose)
                {
                    reported.Add(input.Path);
                }
            }

            foreach (ComposeProject project in keptProjects)
            {
                foreach (ComposeService service in project.Services)
                {
                    ComposeBuild? build = service.Build;
                    if (build == null || !IsLocalBuild(build))
                    {
                        continue;
                    }

                    if (build.DockerfileInline != null)
                    {
                        reported.Add(InlineKey(build.DockerfileInline));
                    }
                    else if (build.Dockerfile == null || build.Dockerfile.IsKnown)
                    {
                        reported.Add(build.ResolveDockerfilePath(project.Context));
                    }
                }
            }

            foreach (string key in _dockerfileOrder)
            {
                if (reported.Contains(key))
                {
                    _diagnostics.AddRange(_dockerfileDiagnostics[key]);
                }
            }
        }

        /// <summary>Whether a service builds from a local context that the check can read.</summary>
        // NOTE: a Git or HTTP build context is not fetched, so such a service's image user stays unknown.
        private static bool IsLocalBuild(ComposeBuild build) =>
            !build.IsRemote && (build.Context == null || build.Context.IsKnown);

        private static string InlineKey(YamlScalar inline) =>
            $"{inline.Location.FilePath}({inline.Location.Line},{inline.Location.Column})";

        /// <summary>Parses a Dockerfile once; <paramref name="referencedAt"/> is where a Compose file names it.</summary>
        private DockerfileDocument? LoadDockerfile(string path, SourceLocation? referencedAt)
        {
            if (_dockerfiles.TryGetValue(path, out DockerfileDocument? known))
            {
                return known;
            }

            if (referencedAt.HasValue && !_fileSystem.FileExists(path))
            {
                return null;
            }

            SourceFile source = _fileSystem.Read(path);
            List<Finding> diagnostics = DockerfileDiagnostics(path);
            if (source.Error != null)
            {
                diagnostics.Add(source.Error);
                return null;
            }

            DockerfileDocument document = DockerfileDocument.Parse(path, source.Text!);
            if (source.Utf16Encoding != null)
            {
                // The text is still checked, but the encoding is the file's first and only parse error.
                diagnostics.Add(new Finding(
                    InputDiagnostics.DockerfileParseError,
                    SourceLocation.StartOf(path),
                    $"The Dockerfile is saved as {source.Utf16Encoding}, but Docker reads Dockerfiles as UTF-8, so `docker build` fails with 'unknown instruction' on line 1. Save the file as UTF-8."));
                diagnostics.AddRange(document.Diagnostics.Where(d => d.Rule != InputDiagnostics.DockerfileParseError));
            }
            else
            {
                diagnostics.AddRange(document.Diagnostics);
            }

            _dockerfiles[path] = document;
            return document;
        }

        /// <summary>
        /// Links each service that builds an image to the Dockerfile stage it builds. With
        /// <paramref name="sharedFrom"/>, the folder of a project that shares the Compose project with
        /// others, a project that turns out not to own the shared services links only the services that
        /// may build inside its folder, because <see cref="KeepOwnedServices"/> drops the others. That
        /// keeps each project from parsing every Dockerfile of the solution.
        /// </summary>
        private List<ServiceBuildLink> LinkServices(ComposeProject project, string? sharedFrom, out List<Finding> diagnostics)
        {
            var links = new List<ServiceBuildLink>();
            diagnostics = new List<Finding>();
            bool? ownsShared = null;
            foreach (ComposeService service in project.Services)
            {
                ComposeBuild? build = service.Build;

                if (build == null || !IsLocalBuild(build))
                {
                    continue;
                }

                if (sharedFrom != null && ownsShared == false && !MayBuildInside(build, project.Context, sharedFrom))
                {
                    continue;
                }

                DockerfileDocument? document = build.DockerfileInline != null
                    ? ParseInline(build.DockerfileInline)
                    : FindDockerfile(service, build, project.Context, diagnostics);
                if (document == null || document.Stages.Count == 0)
                {
                    continue;
                }

                DockerfileStage? stage = document.FinalStage;
                bool isTarget = build.Target != null && build.Target.IsKnown && build.Target.Text.Length > 0;
                if (isTarget)
                {
                    stage = document.GetStage(build.Target!.Text);
                    if (stage == null)
                    {
                        diagnostics.Add(new Finding(
                            InputDiagnostics.UnresolvedReference,
                            build.Target.Location,
                            $"Service '{service.Name}' builds the target '{build.Target.Text}', which is not a stage of '{document.FilePath}'. Correct build.target to one of the stage names."));
                        continue;
                    }
                }

                var args = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, ComposeValue> arg in build.Args)
                {
                    if (arg.Value.IsKnown)
                    {
                        args[arg.Key] = arg.Value.Text;
                    }
                }

                string contextDirectory = build.ResolveContextDirectory(project.Context);
                string? dockerfilePath = build.DockerfileInline != null ? null : document.FilePath;
                var link = new ServiceBuildLink(project, service, document, stage!, isTarget, args, _request.Settings.Catalog)
                {
                    ContextDirectory = contextDirectory,
                    DockerIgnore = DockerIgnore.Load(_fileSystem, dockerfilePath, contextDirectory),
                };
                links.Add(link);

                // The first linked service decides, as in KeepOwnedServices, whether this project owns the rest.
                if (sharedFrom != null && ownsShared == null)
                {
                    ownsShared = BuildsInside(link, sharedFrom);
                }
            }

            return links;
        }

        /// <summary>
        /// The folder of this project when its Compose files lie outside it, because it then shares Visual
        /// Studio's Compose project with other projects. Null otherwise.
        /// </summary>
        private string? SharedProjectDirectory(ComposeProjectSpec spec)
        {
            string? directory = _request.ProjectDirectory;
            return string.IsNullOrEmpty(directory) || IsInside(spec.Files[0], directory!) ? null : directory;
        }

        /// <summary>
        /// Whether a service's link could satisfy <see cref="BuildsInside"/>, judged from paths alone,
        /// before its Dockerfile is read.
        /// </summary>
        private static bool MayBuildInside(ComposeBuild build, ComposeContext context, string directory)
        {
            // An unknown dockerfile value links nothing, here or in FindDockerfile.
            if (build.DockerfileInline == null && build.Dockerfile != null && !build.Dockerfile.IsKnown)
            {
                return false;
            }

            string dockerfile = build.DockerfileInline != null
                ? build.DockerfileInline.Location.FilePath
                : build.ResolveDockerfilePath(context);
            return IsInside(dockerfile, directory) || IsInside(build.ResolveContextDirectory(context) + Path.DirectorySeparatorChar, directory);
        }

        private DockerfileDocument? FindDockerfile(ComposeService service, ComposeBuild build, ComposeContext context, List<Finding> diagnostics)
        {
            if (build.Dockerfile != null && !build.Dockerfile.IsKnown)
            {
                return null;
            }

            string path = build.ResolveDockerfilePath(context);
            SourceLocation referencedAt = build.Dockerfile?.Location ?? build.Context?.Location ?? build.Entry.Key.Location;
            if (_boundary != null && !_boundary.Contains(path))
            {
                diagnostics.Add(new Finding(
                    InputDiagnostics.UnresolvedReference,
                    referencedAt,
                    $"Service '{service.Name}' builds from '{path}', which is outside the repository '{_boundary.Root}', so it was not read and the image user was not checked. Move the Dockerfile into the repository, or set HardeningRepositoryRoot to a folder that contains both."));
                return null;
            }
            DockerfileDocument? document = LoadDockerfile(path, referencedAt);

            // BuildKit also tries the lower-case name when the default 'Dockerfile' is missing.
            if (document == null && build.Dockerfile == null && !_fileSystem.FileExists(path))
            {
                document = LoadDockerfile(Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, "dockerfile"), referencedAt);
            }

            if (document == null && !_fileSystem.FileExists(path))
            {
                diagnostics.Add(new Finding(
                    InputDiagnostics.UnresolvedReference,
                    referencedAt,
                    $"Service '{service.Name}' builds from '{path}', which was not found, so its image user was not checked. Correct build.context or build.dockerfile; dockerfile is relative to the context."));
            }

            return document;
        }

        /// <summary>Parses a <c>dockerfile_inline</c> block so its findings point at lines of the Compose file.</summary>
        private DockerfileDocument? ParseInline(YamlScalar inline)
        {
            string file = inline.Location.FilePath;
            int lineOffset = inline.Location.Line - 1;
            int columnOffset = 0;
            if (inline.Style == YamlScalarStyle.Literal || inline.Style == YamlScalarStyle.Folded)
            {
                // The block's text starts on the line after the indicator, indented like its first line.
                lineOffset = inline.Location.Line;
                columnOffset = BlockIndentation(file, inline.Location.Line);
            }

            string key = InlineKey(inline);
            if (_dockerfiles.TryGetValue(key, out DockerfileDocument? known))
            {
                return known;
            }

            DockerfileDocument document = DockerfileDocument.Parse(file, inline.Value, lineOffset, columnOffset);
            DockerfileDiagnostics(key).AddRange(document.Diagnostics);
            _dockerfiles[key] = document;
            return document;
        }

        private int BlockIndentation(string file, int indicatorLine)
        {
            SourceFile source = _fileSystem.Read(file);
            if (source.Text == null)
            {
                return 0;
            }

            string[] lines = source.Text.Split('\n');
            for (int i = indicatorLine; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (line.Trim().Length > 0)
                {
                    return line.Length - line.TrimStart(' ').Length;
                }
            }

            return 0;
        }

        private static ComposeProject WithDiagnostics(ComposeProject project, List<Finding> linkDiagnostics)
        {
            var all = new List<Finding>(project.Diagnostics);
            all.AddRange(linkDiagnostics);
            return new ComposeProject(project.Spec, project.Services, all, project.Context) { ReadFiles = project.ReadFiles, LoadFailed = project.LoadFailed };
        }

        /// <summary>
        /// Keeps what this MSBuild project should report of the Compose project of Visual Studio's
        /// docker-compose.dcproj, which every service project of the solution points at. When the Compose
        /// files are inside the project folder, all of it. Otherwise the services that build a Dockerfile
        /// inside the folder. The other services and the load diagnostics go to the project that builds
        /// the first built service, so each fact is reported once in the solution.
        /// </summary>
        private ComposeProject? KeepOwnedServices(ComposeProject project, List<ServiceBuildLink> links, List<Finding> linkDiagnostics)
        {
            string? directory = _request.ProjectDirectory;
            if (string.IsNullOrEmpty(directory) || IsInside(project.Spec.Files[0], directory!))
            {
                return WithDiagnostics(project, linkDiagnostics);
            }

            ServiceBuildLink? firstBuilt = links.Count > 0 ? links[0] : null;
            bool ownsShared = firstBuilt == null || BuildsInside(firstBuilt, directory!);
            var services = new List<ComposeService>();
            var leftOut = new List<string>();
            foreach (ComposeService service in project.Services)
            {
                ServiceBuildLink? link = links.Find(candidate => candidate.Service == service);
                bool builtHere = link != null && BuildsInside(link, directory!);
                if (builtHere || (ownsShared && link == null))
                {
                    services.Add(service);
                }
                else
                {
                    leftOut.Add(service.Name);
                }
            }

            if (leftOut.Count > 0)
            {
                _notes.Add($"Compose project '{project.Name}': services {string.Join(", ", leftOut)} are reported by the project that builds them{(ownsShared ? string.Empty : ", and the other services by the project that builds " + firstBuilt!.Service.Name)}.");
            }

            var diagnostics = new List<Finding>();
            if (ownsShared)
            {
                diagnostics.AddRange(project.Diagnostics);
                diagnostics.AddRange(linkDiagnostics);
            }

            return new ComposeProject(project.Spec, services, diagnostics, project.Context) { ReadFiles = project.ReadFiles, LoadFailed = project.LoadFailed };
        }

        // A dockerfile_inline lives in the Compose file, so the build context decides where the service belongs.
        private static bool BuildsInside(ServiceBuildLink link, string directory) =>
            IsInside(link.Document.FilePath, directory) || IsInside(link.ContextDirectory + Path.DirectorySeparatorChar, directory);

        private static bool IsInside(string path, string directory)
        {
            string prefix = directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                ? directory
                : directory + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, PathComparison);
        }
    }
}
