using System.Collections.Generic;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>One build stage: a FROM line and the instructions up to the next FROM.</summary>
    public sealed class DockerfileStage
    {
        internal DockerfileStage(
            int index,
            string? name,
            DockerfileInstruction from,
            SourceLocation fromLocation,
            string baseReference,
            IReadOnlyList<DockerfileInstruction> instructions)
        {
            Index = index;
            Name = name;
            From = from;
            FromLocation = fromLocation;
            BaseReference = baseReference;
            Instructions = instructions;
        }

        /// <summary>0-based position among the stages, as <c>COPY --from=0</c> counts.</summary>
        public int Index { get; }

        /// <summary>The <c>AS</c> name in lower case, as BuildKit stores it; null when none was given.</summary>
        public string? Name { get; }

        public DockerfileInstruction From { get; }

        /// <summary>The FROM keyword.</summary>
        public SourceLocation FromLocation { get; }

        /// <summary>The image or stage as written after FROM, before variables are expanded.</summary>
        public string BaseReference { get; }

        /// <summary>
        /// <see cref="BaseReference"/> after global ARGs are expanded with their defaults; null when it
        /// depends on a variable that has no value (see <see cref="UnresolvedVariable"/>).
        /// </summary>
        public string? BaseImage { get; internal set; }

        /// <summary>The global ARG that <see cref="BaseReference"/> needs but that has no value.</summary>
        public string? UnresolvedVariable { get; internal set; }

        /// <summary>The earlier stage this one is built from (<c>FROM &lt;stage name&gt;</c>); null for an image.</summary>
        public DockerfileStage? Parent { get; internal set; }

        /// <summary>The instructions after FROM, in file order.</summary>
        public IReadOnlyList<DockerfileInstruction> Instructions { get; }

        /// <summary>The stage's name in quotes, or for an unnamed stage its FROM, as messages name it.</summary>
        public string DisplayName => Name != null ? "'" + Name + "'" : "(FROM " + BaseReference + ")";

        public override string ToString() => "stage " + DisplayName + " FROM " + BaseReference;
    }
}
