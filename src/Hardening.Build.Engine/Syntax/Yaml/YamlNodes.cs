using System;
using System.Collections.Generic;

namespace Hardening.Build.Syntax.Yaml
{
    /// <summary>
    /// A node of a loaded YAML document with the place it was written. Aliases are expanded into
    /// copies that remember the alias site, and merge keys are already applied.
    /// </summary>
    public abstract class YamlNode
    {
        protected YamlNode(SourceLocation location, string? tag, SourceLocation? aliasLocation)
        {
            Location = location;
            Tag = tag;
            AliasLocation = aliasLocation;
        }

        /// <summary>Where the node's text starts (for an alias copy: the anchored definition).</summary>
        public SourceLocation Location { get; }

        /// <summary>An explicit tag such as <c>!reset</c> or <c>!override</c>; null when none was written.</summary>
        public string? Tag { get; }

        /// <summary>Where the <c>*alias</c> that produced this copy was written; null for an original node.</summary>
        public SourceLocation? AliasLocation { get; }

        /// <summary>Where a finding about this node should point: the alias site when there is one.</summary>
        public SourceLocation ReportLocation => AliasLocation ?? Location;
    }

    /// <summary>The YAML 1.2 core schema type of a scalar. Quoted scalars are always strings.</summary>
    public enum YamlScalarType
    {
        String,
        Null,
        Boolean,
        Integer,
        Float,
    }

    public enum YamlScalarStyle
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    }

    public sealed class YamlScalar : YamlNode
    {
        public YamlScalar(
            string value,
            YamlScalarType type,
            YamlScalarStyle style,
            SourceLocation location,
            string? tag = null,
            SourceLocation? aliasLocation = null)
            : base(location, tag, aliasLocation)
        {
            Value = value;
            Type = type;
            Style = style;
        }

        /// <summary>The scalar's text as YAML defines it (quotes and escapes processed, block scalars folded).</summary>
        public string Value { get; }

        public YamlScalarType Type { get; }

        public YamlScalarStyle Style { get; }

        public bool IsNull => Type == YamlScalarType.Null;

        public override string ToString() => Value;
    }

    public sealed class YamlSequence : YamlNode
    {
        public YamlSequence(
            IReadOnlyList<YamlNode> items,
            SourceLocation location,
            string? tag = null,
            SourceLocation? aliasLocation = null)
            : base(location, tag, aliasLocation)
        {
            Items = items;
        }

        public IReadOnlyList<YamlNode> Items { get; }
    }

    /// <summary>A key and its value in a mapping.</summary>
    public sealed class YamlEntry
    {
        public YamlEntry(YamlScalar key, YamlNode value)
        {
            Key = key;
            Value = value;
        }

        public YamlScalar Key { get; }

        public YamlNode Value { get; }
    }

    /// <summary>
    /// A mapping with scalar keys, in document order. Keys written as sequences or mappings are not
    /// valid Compose and are reported by the loader instead.
    /// </summary>
    public sealed class YamlMapping : YamlNode
    {
        private readonly Dictionary<string, YamlEntry> _byKey;

        public YamlMapping(
            IReadOnlyList<YamlEntry> entries,
            SourceLocation location,
            string? tag = null,
            SourceLocation? aliasLocation = null)
            : base(location, tag, aliasLocation)
        {
            Entries = entries;
            _byKey = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
            foreach (YamlEntry entry in entries)
            {
                _byKey[entry.Key.Value] = entry;
            }
        }

        public IReadOnlyList<YamlEntry> Entries { get; }

        public YamlEntry? GetEntry(string key) => _byKey.TryGetValue(key, out YamlEntry? entry) ? entry : null;

        public YamlNode? Get(string key) => GetEntry(key)?.Value;
    }
}
