using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// Reports an image that runs as root: a USER that names root, or no USER on a base image whose
    /// default user is root or not in the catalogue. A Dockerfile that Compose services build is judged
    /// by the stage each service builds, with its build args, and not at all for services that set
    /// their own <c>user:</c>; any other Dockerfile by its final stage. A user that depends on a variable
    /// without a value gives HARD0005 instead, because the result cannot be known.
    /// </summary>
    public sealed class HARD1001RunsAsRoot : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD1001", "Container runs as root", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            var linked = new HashSet<DockerfileDocument>();
            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                linked.Add(link.Document);
            }

            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                DockerfileStage? final = document.FinalStage;
                if (final == null || linked.Contains(document) || IsExportOnly(final))
                {
                    continue;
                }

                Finding? finding = CheckStage(document, final, null, project.Settings.Catalog, "The final stage " + final.DisplayName, servicesNamed: false);
                if (finding != null)
                {
                    yield return finding;
                }
            }

            foreach (BuiltStage built in GroupByStage(project.BuildLinks))
            {
                string services = string.Join(", ", built.Services);
                string stageText = built.IsTarget
                    ? $"The stage {built.Stage.DisplayName}, the build target of service {services},"
                    : $"The final stage {built.Stage.DisplayName}, built by service {services},";
                Finding? finding = CheckStage(built.Document, built.Stage, built.BuildArgs, project.Settings.Catalog, stageText, servicesNamed: true);
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        /// <summary>
        /// Groups the services that run a stage's own user, so one root image gives one finding however many
        /// services build it. A service with its own <c>user:</c> is left to HARD1002.
        /// </summary>
        private static IEnumerable<BuiltStage> GroupByStage(IReadOnlyList<ServiceBuildLink> links)
        {
            var groups = new List<BuiltStage>();
            var index = new Dictionary<string, BuiltStage>(StringComparer.Ordinal);
            foreach (ServiceBuildLink link in links)
            {
                if (SetsOwnUser(link) || RunsWebAssembly(link))
                {
                    continue;
                }

                var key = new System.Text.StringBuilder();
                key.Append(link.Document.FilePath).Append('|').Append(link.Stage.Index).Append('|').Append(link.IsTarget);
                foreach (KeyValuePair<string, string> arg in link.BuildArgs)
                {
                    key.Append('|').Append(arg.Key).Append('=').Append(arg.Value);
                }

                if (!index.TryGetValue(key.ToString(), out BuiltStage? group))
                {
                    group = new BuiltStage(link.Document, link.Stage, link.IsTarget, link.BuildArgs);
                    index[key.ToString()] = group;
                    groups.Add(group);
                }

                string name = "'" + link.Service.Name + "'";
                if (!group.Services.Contains(name))
                {
                    group.Services.Add(name);
                }
            }

            return groups;
        }

        // A service built for platform wasi/wasm runs a WebAssembly module in a Wasm runtime, where the
        // Linux user of the image has no meaning.
        private static bool RunsWebAssembly(ServiceBuildLink link)
        {
            Compose.ComposeValue? platform = link.Service.Value("platform");
            return platform != null && platform.IsKnown && platform.Text.StartsWith("wasi/", StringComparison.Ordinal);
        }

        private static bool SetsOwnUser(ServiceBuildLink link)
        {
            Compose.ComposeValue? user = link.Service.User;
            return user != null && (!user.IsKnown || user.Text.Trim().Length > 0);
        }

        private static Finding? CheckStage(
            DockerfileDocument document,
            DockerfileStage stage,
            IReadOnlyDictionary<string, string>? buildArgs,
            BaseImageCatalog catalog,
            string stageText,
            bool servicesNamed)
        {
            UserResolution user = document.ResolveUser(stage, buildArgs, catalog);
            string privilegeDrop = DescribePrivilegeDrop(stage);
            string serviceFix = servicesNamed ? " Or give the service a non-root `user: \"10001:10001\"`." : string.Empty;
            if (!user.IsBaseImageDefault)
            {
                if (user.Kind == UserKind.NonRoot)
                {
                    return null;
                }

                if (user.Kind == UserKind.Unknown)
                {
                    string variable = user.UnresolvedVariable ?? "?";
                    return new Finding(
                        InputDiagnostics.UnresolvedValue,
                        user.Location,
                        $"{stageText} sets its user from the variable '{variable}', which has no value here, so whether it runs as root is unknown. Give it a default (`ARG {variable}=10001`) or write a numeric `USER 10001`.");
                }

                string where = user.DecidingStage == stage ? string.Empty : $" (inherited from stage {user.DecidingStage.DisplayName})";
                return new Finding(
                    Rule,
                    user.Location,
                    $"{stageText} runs as root: the user is '{user.User}'{where}. {FixFor(user)}{serviceFix}{privilegeDrop}");
            }

            if (user.Kind == UserKind.NonRoot)
            {
                return null;
            }

            string noUser = user.DecidingStage == stage
                ? "sets no USER"
                : $"sets no USER and inherits none from stage {user.DecidingStage.DisplayName}";
            string message;
            if (user.BaseImage == null)
            {
                message = $"{stageText} {noUser}, and its base image '{stage.BaseReference}' depends on the variable '{user.UnresolvedVariable}', which has no value here, so its default user is unknown and assumed to be root. {FixFor(user)}";
            }
            else if (user.BaseImageDefaults == null)
            {
                message = $"{stageText} {noUser}, and its base image '{user.BaseImage}' is not in the base-image catalogue, so its default user is unknown and assumed to be root. {FixFor(user)}";
            }
            else
            {
                message = $"{stageText} {noUser}, so it runs as {user.BaseImageDefaults.User}, the default user of its base image '{user.BaseImage}' ({user.BaseImageDefaults.Description}). {FixFor(user)}";
            }

            return new Finding(Rule, user.Location, message + serviceFix + privilegeDrop);
        }

        private static string FixFor(UserResolution user)
        {
            BaseImageDefaults? defaults = user.BaseImageDefaults;
            if (defaults != null && defaults.IsWindows)
            {
                return "Add `USER ContainerUser` before ENTRYPOINT or CMD.";
            }

            if (defaults != null && defaults.DefinesAppUid)
            {
                string? chiseled = ChiseledAlternative(user.BaseImage);
                return chiseled == null
                    ? "Add `USER $APP_UID` (uid 1654, the app user of .NET images) before ENTRYPOINT."
                    : $"Add `USER $APP_UID` (uid 1654, the app user of .NET images) before ENTRYPOINT, or build on {chiseled}, which runs as that user.";
            }

            return "Add a numeric non-root USER before ENTRYPOINT or CMD, such as `USER 10001`, or the uid of a user the image already has: a uid needs no passwd entry, and Kubernetes runAsNonRoot can verify it.";
        }

        /// <summary>
        /// True for a final stage built on <c>scratch</c> with no CMD or ENTRYPOINT in its chain: an image
        /// of files for <c>docker build --output</c>, which has nothing to run as a container.
        /// </summary>
        private static bool IsExportOnly(DockerfileStage stage)
        {
            DockerfileStage root = stage;
            for (DockerfileStage? current = stage; current != null; current = current.Parent)
            {
                root = current;
                foreach (DockerfileInstruction instruction in current.Instructions)
                {
                    if (instruction.Keyword == "CMD" || instruction.Keyword == "ENTRYPOINT")
                    {
                        return false;
                    }
                }
            }

            return root.BaseReference == "scratch";
        }

        /// <summary>
        /// Names the chiseled variant of a .NET runtime image of the same version, for example
        /// mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled for aspnet:10.0; null for the SDK image,
        /// which has no chiseled variant, and for tags without a version that has chiseled tags.
        /// </summary>
        private static string? ChiseledAlternative(string? baseImage)
        {
            if (baseImage == null)
            {
                return null;
            }

            ImageReference image = ImageReference.Parse(baseImage);
            string repository = image.Repository;
            if (repository != "dotnet/aspnet" && repository != "dotnet/runtime" && repository != "dotnet/runtime-deps")
            {
                return null;
            }

            string[] parts = image.Tag.Split('.', '-');
            if (parts.Length < 2 || !int.TryParse(parts[0], out int major) || !int.TryParse(parts[1], out int minor) || major < 8)
            {
                return null;
            }

            string? suffix = BaseImageCatalog.DotNetChiseledSuffix(major);
            return suffix == null ? null : $"{image.Registry}/{repository}:{major}.{minor}-{suffix}";
        }

        /// <summary>Mentions gosu or su-exec in ENTRYPOINT or CMD: they drop privileges only at run time.</summary>
        private static string DescribePrivilegeDrop(DockerfileStage stage)
        {
            for (DockerfileStage? current = stage; current != null; current = current.Parent)
            {
                foreach (DockerfileInstruction instruction in current.Instructions)
                {
                    if (instruction.Keyword != "ENTRYPOINT" && instruction.Keyword != "CMD")
                    {
                        continue;
                    }

                    foreach (string tool in new[] { "gosu", "su-exec" })
                    {
                        if (instruction.Arguments.IndexOf(tool, StringComparison.Ordinal) >= 0)
                        {
                            return $" The {instruction.Keyword} drops privileges with {tool} at run time, but the image user is still root, so `docker exec` and everything before the drop run as root.";
                        }
                    }
                }
            }

            return string.Empty;
        }

        private sealed class BuiltStage
        {
            public BuiltStage(DockerfileDocument document, DockerfileStage stage, bool isTarget, IReadOnlyDictionary<string, string> buildArgs)
            {
                Document = document;
                Stage = stage;
                IsTarget = isTarget;
                BuildArgs = buildArgs;
            }

            public DockerfileDocument Document { get; }

            public DockerfileStage Stage { get; }

            public bool IsTarget { get; }

            public IReadOnlyDictionary<string, string> BuildArgs { get; }

            public List<string> Services { get; } = new List<string>();
        }
    }
}
