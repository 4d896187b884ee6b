using System.Collections.Generic;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>A loaded Compose file: its services and the diagnostics of loading it.</summary>
    public sealed class ComposeFile
    {
        private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

        public ComposeFile(string filePath, IReadOnlyList<ComposeService> services, IReadOnlyList<Finding> diagnostics)
        {
            FilePath = filePath;
            Services = services;
            Diagnostics = diagnostics;
        }

        public string FilePath { get; }

        public IReadOnlyList<ComposeService> Services { get; }

        /// <summary>HARD0002 when the YAML cannot be read, and HARD0004 for each value Compose would reject.</summary>
        public IReadOnlyList<Finding> Diagnostics { get; }

        public static ComposeFile Load(string filePath, string text) => Load(filePath, text, NoVariables);

        /// <summary>Loads a file; interpolation takes values only from <paramref name="variables"/> and from defaults.</summary>
        public static ComposeFile Load(string filePath, string text, IReadOnlyDictionary<string, string> variables)
        {
            var diagnostics = new List<Finding>();
            YamlLoadResult result = YamlLoader.Load(filePath, text);
            if (result.Error != null)
            {
                diagnostics.Add(new Finding(
                    InputDiagnostics.ComposeParseError,
                    result.Error.Location,
                    $"The Compose file cannot be parsed: {result.Error.Message}. Docker Compose cannot load it either, so fix the YAML at this line."));
            }

            // Later documents of a stream replace same-named services of earlier ones.
            // TODO: merge them field by field as Compose does with several files.
            var services = new List<ComposeService>();
            var indexByName = new Dictionary<string, int>();
            foreach (YamlNode document in result.Documents)
            {
                if (!(document is YamlMapping root) || !(root.Get("services") is YamlMapping servicesNode))
                {
                    continue;
                }

                foreach (YamlEntry entry in servicesNode.Entries)
                {
                    if (!(entry.Value is YamlMapping definition))
                    {
                        diagnostics.Add(new Finding(
                            InputDiagnostics.ComposeRejectsValue,
                            entry.Key.Location,
                            $"Service '{entry.Key.Value}' is not a mapping of settings, so Docker Compose rejects it. Write its settings indented under the name, for example `image: ...`."));
                        continue;
                    }

                    var service = new ComposeService(entry.Key.Value, entry.Key, definition, variables);
                    if (indexByName.TryGetValue(service.Name, out int index))
                    {
                        services[index] = service;
                    }
                    else
                    {
                        indexByName[service.Name] = services.Count;
                        services.Add(service);
                    }
                }
            }

            foreach (ComposeService service in services)
            {
                ComposeValidator.Validate(service, diagnostics);
            }

            return new ComposeFile(filePath, services, diagnostics);
        }
    }
}
