using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// An image that a build or a service pulls: a FROM or <c>COPY --from</c> that names an image, or the
    /// <c>image:</c> of a Compose service without <c>build:</c> (with build, image: names the result).
    /// </summary>
    internal sealed class ImageUse
    {
        private ImageUse(string reference, SourceLocation location, string where, string? unresolvedVariable)
        {
            Reference = reference;
            Location = location;
            Where = where;
            UnresolvedVariable = unresolvedVariable;
        }

        /// <summary>The image after ARG or Compose interpolation; empty when <see cref="UnresolvedVariable"/> is set.</summary>
        public string Reference { get; }

        /// <summary>The image word of the FROM, the <c>--from</c> flag or the <c>image</c> value.</summary>
        public SourceLocation Location { get; }

        /// <summary>Where the image is used, for messages: "FROM of stage 'build'" or "Service 'db'".</summary>
        public string Where { get; }

        /// <summary>The variable without a value that the reference depends on; null when it resolved.</summary>
        public string? UnresolvedVariable { get; }

        public ImageReference Parse() => ImageReference.Parse(Reference);

        /// <summary>
        /// Lists the images of the project. A Dockerfile that services build is expanded with each
        /// service's build args, others with their ARG defaults; the same image at the same place is listed once.
        /// </summary>
        public static List<ImageUse> Collect(ProjectModel project)
        {
            var uses = new List<ImageUse>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<DockerfileDocument, IReadOnlyDictionary<string, string>?> build in Builds(project))
            {
                foreach (ImageUse use in InDockerfile(build.Key, build.Value))
                {
                    if (seen.Add(use.Location + "|" + use.Reference + "|" + use.UnresolvedVariable))
                    {
                        uses.Add(use);
                    }
                }
            }

            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                foreach (ComposeService service in composeProject.Services)
                {
                    ComposeValue? image = service.Image;
                    if (service.HasBuild || image == null)
                    {
                        continue;
                    }

                    string where = $"Service '{service.Name}'";
                    uses.Add(image.IsKnown
                        ? new ImageUse(image.Text.Trim(), image.Location, where, null)
                        : new ImageUse(string.Empty, image.Location, where, image.UnsetVariable ?? image.InterpolationError));
                }
            }

            return uses;
        }

        private static IEnumerable<KeyValuePair<DockerfileDocument, IReadOnlyDictionary<string, string>?>> Builds(ProjectModel project)
        {
            var linked = new HashSet<DockerfileDocument>();
            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                linked.Add(link.Document);
                yield return new KeyValuePair<DockerfileDocument, IReadOnlyDictionary<string, string>?>(link.Document, link.BuildArgs);
            }

            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                if (!linked.Contains(document))
                {
                    yield return new KeyValuePair<DockerfileDocument, IReadOnlyDictionary<string, string>?>(document, null);
                }
            }
        }

        private static IEnumerable<ImageUse> InDockerfile(DockerfileDocument document, IReadOnlyDictionary<string, string>? buildArgs)
        {
            foreach (DockerfileStage stage in document.Stages)
            {
                IReadOnlyList<InstructionWord> words = stage.From.Words;
                if (words.Count == 0)
                {
                    continue;
                }

                string where = $"The FROM of stage {stage.DisplayName}";
                SourceLocation location = document.Locate(words[0].Position);
                ExpansionResult expanded = document.ExpandFromReference(stage.BaseReference, buildArgs);
                string? unset = expanded.UnresolvedVariable ?? (expanded.Value.Length == 0 ? expanded.FirstUnsetVariable : null);
                if (unset != null)
                {
                    yield return new ImageUse(string.Empty, location, where, unset);
                    continue;
                }

                string reference = expanded.Value.Trim();
                if (reference.Length > 0 && reference != "scratch" && document.FindEarlierStage(stage, reference) == null)
                {
                    yield return new ImageUse(reference, location, where, null);
                }

                foreach (DockerfileInstruction instruction in stage.Instructions)
                {
                    InstructionFlag? from = instruction.Keyword == "COPY" ? instruction.GetFlag("from") : null;
                    if (from?.Value == null || from.Value.IndexOf('$') >= 0 || IsStageReference(document, from.Value))
                    {
                        continue;
                    }

                    yield return new ImageUse(from.Value, document.Locate(from.Position), $"COPY --from in stage {stage.DisplayName}", null);
                }
            }
        }

        private static bool IsStageReference(DockerfileDocument document, string value)
        {
            if (document.GetStage(value) != null)
            {
                return true;
            }

            foreach (char ch in value)
            {
                if (ch < '0' || ch > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
