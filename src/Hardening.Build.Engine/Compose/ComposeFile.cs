using System.Collections.Generic;

namespace Hardening.Build.Compose
{
    // Placeholder shape; the Compose model replaces this file.
    public sealed class ComposeFile
    {
        public ComposeFile(string filePath, IReadOnlyList<Finding> diagnostics)
        {
            FilePath = filePath;
            Diagnostics = diagnostics;
        }

        public string FilePath { get; }

        public IReadOnlyList<Finding> Diagnostics { get; }

        public IReadOnlyList<object> Services { get; } = new object[0];

        public static ComposeFile Load(string filePath, string text) => new ComposeFile(filePath, new Finding[0]);
    }
}
