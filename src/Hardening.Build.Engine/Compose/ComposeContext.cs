using System;
using System.Collections.Generic;
using System.IO;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// What each loaded Compose file needs to be read: the variables its values are interpolated with
    /// (its project's <c>.env</c>), and the folder its relative paths start from.
    /// </summary>
    public sealed class ComposeContext
    {
        private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

        private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _variables =
            new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

        private readonly Dictionary<string, string> _baseDirectories = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Records a file's variables and base folder; the first registration of a file wins.</summary>
        public void Register(string filePath, IReadOnlyDictionary<string, string> variables, string baseDirectory)
        {
            if (!_variables.ContainsKey(filePath))
            {
                _variables[filePath] = variables;
                _baseDirectories[filePath] = baseDirectory;
            }
        }

        public IReadOnlyDictionary<string, string> VariablesFor(string filePath) =>
            filePath != null && _variables.TryGetValue(filePath, out IReadOnlyDictionary<string, string>? variables) ? variables : NoVariables;

        /// <summary>
        /// The folder relative paths in <paramref name="filePath"/> resolve against: the project folder for
        /// the files of the project, and the file's own folder for files reached by extends or include.
        /// </summary>
        public string BaseDirectoryFor(string filePath) =>
            _baseDirectories.TryGetValue(filePath, out string? directory) ? directory : Path.GetDirectoryName(filePath) ?? string.Empty;
    }
}
