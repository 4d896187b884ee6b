using System.Collections.Generic;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// One service of a Compose file: its name, where it is defined, and typed, located access to the
    /// fields the rules read. Values are interpolated when read.
    /// </summary>
    public sealed class ComposeService
    {
        public ComposeService(string name, YamlScalar key, YamlMapping definition, ComposeContext context)
        {
            Name = name;
            Key = key;
            Definition = definition;
            Context = context;
        }

        public string Name { get; }

        /// <summary>The service's name under <c>services:</c>; findings about missing settings point here.</summary>
        public YamlScalar Key { get; }

        public SourceLocation KeyLocation => Key.Location;

        /// <summary>The merged definition: its nodes may come from several files.</summary>
        public YamlMapping Definition { get; }

        public ComposeContext Context { get; }

        public ComposeValue? User => Value("user");

        public ComposeValue? Image => Value("image");

        public bool HasBuild => Entry("build") != null;

        private ComposeBuild? _build;
        private bool _buildRead;

        /// <summary>The service's build settings, read once; null when it only pulls an image.</summary>
        public ComposeBuild? Build
        {
            get
            {
                if (!_buildRead)
                {
                    _build = ComposeBuild.Read(this);
                    _buildRead = true;
                }

                return _build;
            }
        }

        /// <summary>The entry with this key, unless it is missing or cleared with <c>!reset</c>.</summary>
        public YamlEntry? Entry(string key)
        {
            YamlEntry? entry = Definition.GetEntry(key);
            return entry == null || IsReset(entry.Value) ? null : entry;
        }

        /// <summary>The scalar at <paramref name="key"/>; null when missing, null in YAML, reset, or not a scalar.</summary>
        public ComposeValue? Value(string key) => Read(Entry(key)?.Value);

        /// <summary>The scalar at a nested path such as deploy / resources / limits / memory.</summary>
        public ComposeValue? ValueAt(params string[] path)
        {
            YamlNode? node = Definition;
            foreach (string key in path)
            {
                node = node is YamlMapping mapping ? mapping.Get(key) : null;
                if (node == null || IsReset(node))
                {
                    return null;
                }
            }

            return Read(node);
        }

        /// <summary>The mapping at a nested path, such as deploy / restart_policy.</summary>
        public YamlNode? NodeAt(params string[] path)
        {
            YamlNode? node = Definition;
            foreach (string key in path)
            {
                node = node is YamlMapping mapping ? mapping.Get(key) : null;
                if (node == null || IsReset(node) || (node is YamlScalar scalar && scalar.IsNull))
                {
                    return null;
                }
            }

            return node;
        }

        /// <summary>
        /// The scalars of a field that takes a string or a list of strings (<c>tmpfs</c>), or a list
        /// (<c>cap_drop</c>, <c>security_opt</c>); a scalar where a list belongs is read as one item.
        /// </summary>
        public IReadOnlyList<ComposeValue> Values(string key)
        {
            var values = new List<ComposeValue>();
            YamlNode? node = Entry(key)?.Value;
            if (node is YamlSequence sequence)
            {
                foreach (YamlNode item in sequence.Items)
                {
                    ComposeValue? value = Read(item);
                    if (value != null)
                    {
                        values.Add(value);
                    }
                }
            }
            else
            {
                ComposeValue? value = Read(node);
                if (value != null)
                {
                    values.Add(value);
                }
            }

            return values;
        }

        public IReadOnlyList<ComposeVolume> Volumes()
        {
            var volumes = new List<ComposeVolume>();
            if (Entry("volumes")?.Value is YamlSequence sequence)
            {
                foreach (YamlNode item in sequence.Items)
                {
                    if (item is YamlMapping mapping)
                    {
                        volumes.Add(ComposeVolume.FromLongSyntax(mapping, Read));
                    }
                    else if (Read(item) is ComposeValue value)
                    {
                        volumes.Add(ComposeVolume.FromShortSyntax(value));
                    }
                }
            }

            return volumes;
        }

        /// <summary>
        /// Interpolates a scalar node with the variables of the file it was written in; YAML null and
        /// non-scalars give null.
        /// </summary>
        public ComposeValue? Read(YamlNode? node)
        {
            if (!(node is YamlScalar scalar) || scalar.IsNull || IsReset(scalar))
            {
                return null;
            }

            InterpolatedText text = scalar.Type == YamlScalarType.String
                ? ComposeInterpolator.Interpolate(scalar.Value, Context.VariablesFor(scalar.Location.FilePath))
                : new InterpolatedText(scalar.Value, null, null);
            return new ComposeValue(scalar, text);
        }

        private static bool IsReset(YamlNode node) => node.Tag == "!reset";
    }
}
