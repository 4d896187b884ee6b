using System.Collections.Generic;

namespace Hardening.Build.Syntax.Yaml
{
    /// <summary>
    /// The documents of a YAML stream, or the first error and the documents completed before it.
    /// </summary>
    public sealed class YamlLoadResult
    {
        public YamlLoadResult(IReadOnlyList<YamlNode> documents, YamlLoadError? error)
        {
            Documents = documents;
            Error = error;
        }

        /// <summary>One root node per document, in stream order. Empty for a file with no content.</summary>
        public IReadOnlyList<YamlNode> Documents { get; }

        public YamlLoadError? Error { get; }

        public bool Succeeded => Error == null;
    }

    /// <summary>Why a YAML stream could not be loaded, and where.</summary>
    public sealed class YamlLoadError
    {
        public YamlLoadError(string message, SourceLocation location)
        {
            Message = message;
            Location = location;
        }

        public string Message { get; }

        public SourceLocation Location { get; }

        public override string ToString() => $"{Location}: {Message}";
    }
}
