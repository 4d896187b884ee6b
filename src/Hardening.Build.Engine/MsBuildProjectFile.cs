using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Hardening.Build.Files;

namespace Hardening.Build
{
    /// <summary>
    /// Where the MSBuild project file writes each property, so that findings about a property such as
    /// <c>ContainerUser</c> point at it. Conditions are not evaluated: the last element of that name wins,
    /// as it does when every condition is true.
    /// </summary>
    public sealed class MsBuildProjectFile
    {
        private readonly Dictionary<string, SourceLocation> _properties;

        private MsBuildProjectFile(string? path, Dictionary<string, SourceLocation> properties)
        {
            Path = path;
            _properties = properties;
        }

        /// <summary>No known project file: <see cref="Locate"/> returns null.</summary>
        public static MsBuildProjectFile None { get; } = new MsBuildProjectFile(null, new Dictionary<string, SourceLocation>());

        /// <summary>The absolute path of the project file; null when the request named none.</summary>
        public string? Path { get; }

        /// <summary>
        /// Reads the project file. A file that cannot be read or is not valid XML gives a file whose
        /// properties all point at line 1, column 1, because the build itself reports such a file.
        /// </summary>
        public static MsBuildProjectFile Read(string? path, IFileSystem fileSystem)
        {
            if (string.IsNullOrEmpty(path))
            {
                return None;
            }

            if (!fileSystem.FileExists(path!))
            {
                return new MsBuildProjectFile(path, new Dictionary<string, SourceLocation>());
            }

            var properties = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
            SourceFile source = fileSystem.Read(path!);
            if (source.Text != null)
            {
                try
                {
                    ReadProperties(path!, source.Text, properties);
                }
                catch (XmlException)
                {
                    properties.Clear();
                }
            }

            return new MsBuildProjectFile(path, properties);
        }

        /// <summary>
        /// Returns where the property is written in the project file, at its opening <c>&lt;</c>; the start of the
        /// file when the project file does not write it (a Directory.Build.props or the command line may set it).
        /// Null when no project file is known.
        /// </summary>
        public SourceLocation? Locate(string propertyName)
        {
            if (_properties.TryGetValue(propertyName, out SourceLocation location))
            {
                return location;
            }

            return Path == null ? (SourceLocation?)null : SourceLocation.StartOf(Path);
        }

        /// <summary>Whether the project file itself writes the property, under any condition.</summary>
        public bool Writes(string propertyName) => _properties.ContainsKey(propertyName);

        private static void ReadProperties(string path, string text, Dictionary<string, SourceLocation> properties)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(text), settings))
            {
                bool insidePropertyGroup = false;
                int propertyGroupDepth = -1;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == propertyGroupDepth)
                    {
                        insidePropertyGroup = false;
                        propertyGroupDepth = -1;
                        continue;
                    }

                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "PropertyGroup" && !reader.IsEmptyElement)
                    {
                        insidePropertyGroup = true;
                        propertyGroupDepth = reader.Depth;
                        continue;
                    }

                    if (insidePropertyGroup && reader.Depth == propertyGroupDepth + 1)
                    {
                        // XmlReader puts LinePosition on the element name; the finding points at its '<'.
                        var info = (IXmlLineInfo)reader;
                        properties[reader.LocalName] = new SourceLocation(path, info.LineNumber, Math.Max(1, info.LinePosition - 1));
                    }
                }
            }
        }
    }
}
