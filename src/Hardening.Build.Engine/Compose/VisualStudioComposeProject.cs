using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Hardening.Build.Files;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// Reads the Compose files a Visual Studio <c>docker-compose.dcproj</c> runs: <c>DockerComposeBaseFilePath</c>
    /// (default <c>docker-compose</c>) gives the .yml and .override.yml files, then
    /// <c>AdditionalComposeFilePaths</c>; <c>DockerComposeEnvFilePath</c> replaces the .env file.
    /// </summary>
    public static class VisualStudioComposeProject
    {
        public static ComposeProjectSpec? Read(string dcprojPath, IFileSystem fileSystem, List<Finding> diagnostics)
        {
            SourceFile source = fileSystem.Read(dcprojPath);
            if (source.Error != null)
            {
                diagnostics.Add(source.Error);
                return null;
            }

            Dictionary<string, string> properties;
            try
            {
                properties = ReadProperties(source.Text!);
            }
            catch (XmlException ex)
            {
                diagnostics.Add(new Finding(
                    InputDiagnostics.UnresolvedReference,
                    new SourceLocation(dcprojPath, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)),
                    $"The Docker Compose project '{dcprojPath}' is not valid XML ({ex.Message}), so its Compose files were not found. Fix the project file."));
                return null;
            }

            string directory = Path.GetDirectoryName(dcprojPath) ?? string.Empty;
            string basePath = properties.TryGetValue("DockerComposeBaseFilePath", out string? configured) && configured.Length > 0
                ? configured
                : "docker-compose";
            string baseFile = Resolve(directory, basePath + ".yml");
            var files = new List<string> { baseFile };
            string overrideFile = Resolve(directory, basePath + ".override.yml");
            if (fileSystem.FileExists(overrideFile))
            {
                files.Add(overrideFile);
            }

            if (properties.TryGetValue("AdditionalComposeFilePaths", out string? additional))
            {
                foreach (string path in additional.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (path.Trim().Length > 0)
                    {
                        files.Add(Resolve(directory, path.Trim()));
                    }
                }
            }

            string? envFile = properties.TryGetValue("DockerComposeEnvFilePath", out string? env) && env.Length > 0
                ? Resolve(directory, env)
                : null;
            return new ComposeProjectSpec(Path.GetFileNameWithoutExtension(dcprojPath), files, Path.GetDirectoryName(baseFile) ?? directory, envFile);
        }

        // NOTE: a property's Condition is not evaluated; the last value written in the file is used.
        private static Dictionary<string, string> ReadProperties(string text)
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(text), settings))
            {
                // ReadElementContentAsString moves to the next node itself, so the loop must not read again.
                bool positioned = false;
                while (positioned || reader.Read())
                {
                    positioned = false;
                    if (reader.NodeType != XmlNodeType.Element || reader.Depth != 2 || reader.IsEmptyElement)
                    {
                        continue;
                    }

                    string name = reader.LocalName;
                    if (name == "DockerComposeBaseFilePath" || name == "AdditionalComposeFilePaths" || name == "DockerComposeEnvFilePath")
                    {
                        properties[name] = reader.ReadElementContentAsString().Trim();
                        positioned = true;
                    }
                }
            }

            return properties;
        }

        private static string Resolve(string directory, string path) =>
            Path.GetFullPath(Path.Combine(directory, path.Replace('\\', Path.DirectorySeparatorChar)));
    }
}
