using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules
{
    /// <summary>
    /// A stage that becomes an image: the final stage of a Dockerfile that no Compose service builds,
    /// or the stage a service builds (its <c>build.target</c> or the last one) with its build args.
    /// Services that build the same stage with the same args share one entry.
    /// </summary>
    internal sealed class BuiltStage
    {
        private BuiltStage(DockerfileDocument document, DockerfileStage stage, bool isTarget, IReadOnlyDictionary<string, string>? buildArgs)
        {
            Document = document;
            Stage = stage;
            IsTarget = isTarget;
            BuildArgs = buildArgs;
        }

        public DockerfileDocument Document { get; }

        public DockerfileStage Stage { get; }

        public bool IsTarget { get; }

        /// <summary>The services' known build args; null for a Dockerfile that no service builds.</summary>
        public IReadOnlyDictionary<string, string>? BuildArgs { get; }

        /// <summary>The services that build the stage, each quoted; empty for a Dockerfile that no service builds.</summary>
        public List<string> Services { get; } = new List<string>();

        /// <summary>The link of the first service that builds the stage; null for a Dockerfile that no service builds.</summary>
        public ServiceBuildLink? FirstLink { get; private set; }

        /// <summary>The stage for messages, such as "The final stage 'final', built by service 'api',".</summary>
        public string Description
        {
            get
            {
                if (Services.Count == 0)
                {
                    return "The final stage " + Stage.DisplayName;
                }

                string services = string.Join(", ", Services);
                return IsTarget
                    ? $"The stage {Stage.DisplayName}, the build target of service {services},"
                    : $"The final stage {Stage.DisplayName}, built by service {services},";
            }
        }

        /// <summary>
        /// Lists the built stages of the project. When <paramref name="skipServicesWithOwnUser"/> is set,
        /// services whose <c>user:</c> replaces the image user are left out.
        /// </summary>
        public static List<BuiltStage> Collect(ProjectModel project, bool skipServicesWithOwnUser = false)
        {
            var linked = new HashSet<DockerfileDocument>();
            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                linked.Add(link.Document);
            }

            var stages = new List<BuiltStage>();
            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                if (document.FinalStage != null && !linked.Contains(document))
                {
                    stages.Add(new BuiltStage(document, document.FinalStage, false, null));
                }
            }

            var index = new Dictionary<string, BuiltStage>(StringComparer.Ordinal);
            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                if (skipServicesWithOwnUser && SetsOwnUser(link.Service))
                {
                    continue;
                }

                string key = Key(link);
                if (!index.TryGetValue(key, out BuiltStage? built))
                {
                    built = new BuiltStage(link.Document, link.Stage, link.IsTarget, link.BuildArgs) { FirstLink = link };
                    index[key] = built;
                    stages.Add(built);
                }

                string name = "'" + link.Service.Name + "'";
                if (!built.Services.Contains(name))
                {
                    built.Services.Add(name);
                }
            }

            return stages;
        }

        /// <summary>Returns the stage and the stages it is built from, from the root down.</summary>
        public List<DockerfileStage> Chain()
        {
            var chain = new List<DockerfileStage>();
            for (DockerfileStage? current = Stage; current != null; current = current.Parent)
            {
                chain.Insert(0, current);
            }

            return chain;
        }

        /// <summary>
        /// True for a stage built on <c>scratch</c> with no CMD or ENTRYPOINT in its chain: an image of
        /// files for <c>docker build --output</c>, which never runs as a container.
        /// </summary>
        public bool IsExportOnly()
        {
            List<DockerfileStage> chain = Chain();
            return chain[0].BaseReference == "scratch" && !HasCommand();
        }

        /// <summary>True when a stage of the chain sets CMD or ENTRYPOINT.</summary>
        public bool HasCommand()
        {
            foreach (DockerfileStage stage in Chain())
            {
                foreach (Syntax.Dockerfile.DockerfileInstruction instruction in stage.Instructions)
                {
                    if (instruction.Keyword == "CMD" || instruction.Keyword == "ENTRYPOINT")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool SetsOwnUser(ComposeService service)
        {
            ComposeValue? user = service.User;
            return user != null && (!user.IsKnown || user.Text.Trim().Length > 0);
        }

        private static string Key(ServiceBuildLink link)
        {
            var key = new StringBuilder();
            key.Append(link.Document.FilePath).Append('|').Append(RuntimeHelpers.GetHashCode(link.Document)).Append('|').Append(link.Stage.Index).Append('|').Append(link.IsTarget);
            foreach (KeyValuePair<string, string> arg in link.BuildArgs)
            {
                key.Append('|').Append(arg.Key).Append('=').Append(arg.Value);
            }

            return key.ToString();
        }
    }
}
