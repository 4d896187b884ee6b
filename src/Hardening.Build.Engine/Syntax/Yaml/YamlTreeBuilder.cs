using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hardening.Build.Syntax.Yaml
{
    /// <summary>
    /// Builds located nodes from parser events with an explicit stack, so deep input cannot
    /// overflow the call stack. Expands aliases, applies merge keys and enforces the limits of
    /// <see cref="YamlLoader"/>.
    /// </summary>
    internal sealed class YamlTreeBuilder
    {
        private const string StandardTagPrefix = "tag:yaml.org,2002:";
        private const string MergeKey = "<<";

        private readonly string _filePath;
        private readonly List<YamlNode> _documents = new List<YamlNode>();
        private readonly List<Frame> _frames = new List<Frame>();
        private readonly Dictionary<string, AnchoredNode> _anchors = new Dictionary<string, AnchoredNode>(StringComparer.Ordinal);
        private int _nodeCount;
        private int _aliasNodeCount;

        public YamlTreeBuilder(string filePath)
        {
            _filePath = filePath;
        }

        /// <summary>Where the innermost open flow sequence or flow mapping starts, or null when none is open.</summary>
        public SourceLocation? InnermostFlowCollection
        {
            get
            {
                for (int i = _frames.Count - 1; i >= 0; i--)
                {
                    if (_frames[i].IsFlow)
                    {
                        return _frames[i].Location;
                    }
                }

                return null;
            }
        }

        /// <exception cref="YamlTreeException">The event breaks a rule or a limit of the loader.</exception>
        public void Add(ParsingEvent parsingEvent)
        {
            switch (parsingEvent)
            {
                case Scalar scalar:
                    AddScalar(scalar);
                    break;
                case AnchorAlias alias:
                    AddAlias(alias);
                    break;
                case SequenceStart sequenceStart:
                    Open(new SequenceFrame(
                        Locate(sequenceStart.Start),
                        TagOf(sequenceStart.Tag),
                        AnchorOf(sequenceStart.Anchor),
                        sequenceStart.Style == SequenceStyle.Flow));
                    break;
                case MappingStart mappingStart:
                    Open(new MappingFrame(
                        Locate(mappingStart.Start),
                        TagOf(mappingStart.Tag),
                        AnchorOf(mappingStart.Anchor),
                        mappingStart.Style == MappingStyle.Flow));
                    break;
                case SequenceEnd _:
                case MappingEnd _:
                    Close(parsingEvent.End);
                    break;
                case DocumentStart _:
                    // Anchors are scoped to one document.
                    _anchors.Clear();
                    break;
            }
        }

        public YamlLoadResult Finish() => new YamlLoadResult(_documents.ToArray(), null);

        public YamlLoadResult Fail(string message, SourceLocation location) =>
            new YamlLoadResult(_documents.ToArray(), new YamlLoadError(message, location));

        private void AddScalar(Scalar scalar)
        {
            SourceLocation location = Locate(scalar.Start, scalar.End);
            CountNodes(1, location);

            string? tag = TagOf(scalar.Tag);
            bool isNonSpecific = !scalar.Tag.IsEmpty && scalar.Tag.Value == "!";
            YamlScalarType type = ResolveType(scalar, tag, isNonSpecific, location);
            var node = new YamlScalar(scalar.Value, type, StyleOf(scalar.Style), location, tag);

            if (IsExpectingKey())
            {
                CheckDuplicateKey(node);
            }

            Complete(node, 0, 1, AnchorOf(scalar.Anchor));
        }

        private void AddAlias(AnchorAlias alias)
        {
            SourceLocation site = Locate(alias.Start, alias.End);
            string name = alias.Value.Value;

            if (!_anchors.TryGetValue(name, out AnchoredNode anchored))
            {
                throw new YamlTreeException(DescribeUnknownAnchor(name), site);
            }

            if (_frames.Count + anchored.Height > YamlLoader.MaxDepth)
            {
                throw TooDeep(site);
            }

            CountAliasNodes(anchored.NodeCount, site);
            YamlNode copy = CopyForAlias(anchored.Node, site);

            if (IsExpectingKey())
            {
                if (!(copy is YamlScalar key))
                {
                    throw NonScalarKey(copy, site);
                }

                CheckDuplicateKey(key);
            }

            Complete(copy, anchored.Height, anchored.NodeCount, null);
        }

        private string DescribeUnknownAnchor(string name)
        {
            foreach (Frame frame in _frames)
            {
                if (frame.Anchor == name)
                {
                    return $"Alias '*{name}' is inside the node that anchor '&{name}' marks, which would make the node contain itself. Move the alias out of that node.";
                }
            }

            return $"Alias '*{name}' refers to anchor '&{name}', which is not defined earlier in this document. Define the anchor before its first use or correct the name.";
        }

        private void Open(Frame frame)
        {
            if (_frames.Count >= YamlLoader.MaxDepth)
            {
                throw TooDeep(frame.Location);
            }

            if (IsExpectingKey())
            {
                throw NonScalarKey(frame is SequenceFrame ? "a sequence" : "a mapping", frame.Location);
            }

            CountNodes(1, frame.Location);
            _frames.Add(frame);
        }

        private void Close(Mark end)
        {
            int top = _frames.Count - 1;
            Frame frame = _frames[top];
            _frames.RemoveAt(top);

            // YamlDotNet 16 marks a closing ']' or '}' at its own column, but the end of a span is exclusive.
            int endColumn = (int)end.Column + (frame.IsFlow ? 1 : 0);
            var location = new SourceLocation(_filePath, frame.Location.Line, frame.Location.Column, (int)end.Line, endColumn);
            YamlNode node = frame is MappingFrame mapping
                ? new YamlMapping(MergedEntries(mapping), location, frame.Tag)
                : new YamlSequence(((SequenceFrame)frame).Items, location, frame.Tag);

            Complete(node, frame.MaxChildHeight + 1, frame.NodeCount, frame.Anchor);
        }

        /// <summary>Registers a finished node's anchor and hands the node to its parent or to the document list.</summary>
        private void Complete(YamlNode node, int height, int nodeCount, string? anchor)
        {
            if (anchor != null)
            {
                _anchors[anchor] = new AnchoredNode(node, height, nodeCount);
            }

            if (_frames.Count == 0)
            {
                _documents.Add(node);
                return;
            }

            Frame parent = _frames[_frames.Count - 1];
            parent.NodeCount += nodeCount;
            if (height > parent.MaxChildHeight)
            {
                parent.MaxChildHeight = height;
            }

            if (parent is SequenceFrame sequence)
            {
                sequence.Items.Add(node);
                return;
            }

            var mapping = (MappingFrame)parent;
            if (mapping.PendingKey == null)
            {
                // Non-scalar keys were rejected before they were built.
                var key = (YamlScalar)node;
                mapping.PendingKey = key;
                mapping.KeyLocations[key.Value] = key.ReportLocation;
                return;
            }

            if (IsMergeKey(mapping.PendingKey))
            {
                CheckMergeValue(node);
                mapping.Merges ??= new List<MergeSource>();
                mapping.Merges.Add(new MergeSource(mapping.Entries.Count, node));
            }
            else
            {
                mapping.Entries.Add(new YamlEntry(mapping.PendingKey, node));
            }

            mapping.PendingKey = null;
        }

        private bool IsExpectingKey() =>
            _frames.Count > 0 && _frames[_frames.Count - 1] is MappingFrame mapping && mapping.PendingKey == null;

        private void CheckDuplicateKey(YamlScalar key)
        {
            var mapping = (MappingFrame)_frames[_frames.Count - 1];
            if (mapping.KeyLocations.TryGetValue(key.Value, out SourceLocation first))
            {
                throw new YamlTreeException(
                    $"Mapping key '{key.Value}' is already defined at line {first.Line}. Compose rejects duplicate keys, so remove or rename one of them.",
                    key.ReportLocation);
            }
        }

        private static bool IsMergeKey(YamlScalar key) =>
            key.Value == MergeKey
            && key.Style == YamlScalarStyle.Plain
            && (key.Tag == null || key.Tag == StandardTagPrefix + "merge");

        private static void CheckMergeValue(YamlNode value)
        {
            if (value is YamlMapping)
            {
                return;
            }

            // Only a sequence written in place is a list of merge sources. An alias to a sequence is
            // an error, as in Compose.
            if (value is YamlSequence sequence && value.AliasLocation == null)
            {
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    YamlNode item = sequence.Items[i];
                    if (!(item is YamlMapping))
                    {
                        throw new YamlTreeException(
                            $"Merge key '<<' lists {Describe(item)} as item {i + 1}, but it can merge only mappings. Remove the item or replace it with an alias to a mapping.",
                            item.ReportLocation);
                    }
                }

                return;
            }

            throw new YamlTreeException(
                $"Merge key '<<' cannot merge {Describe(value)}. Use a mapping, an alias to a mapping, or a list of those.",
                value.ReportLocation);
        }

        /// <summary>
        /// Applies the merge keys of a mapping shallowly. Keys written in the mapping win over merged
        /// ones, and earlier merge sources win over later ones. Merged entries take the place of
        /// their <c>&lt;&lt;</c> key.
        /// </summary>
        private static IReadOnlyList<YamlEntry> MergedEntries(MappingFrame mapping)
        {
            List<MergeSource>? merges = mapping.Merges;
            if (merges == null)
            {
                return mapping.Entries;
            }

            var usedKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlEntry entry in mapping.Entries)
            {
                usedKeys.Add(entry.Key.Value);
            }

            var result = new List<YamlEntry>(mapping.Entries.Count);
            int next = 0;
            for (int i = 0; i <= mapping.Entries.Count; i++)
            {
                while (next < merges.Count && merges[next].Position == i)
                {
                    AddMergedEntries(merges[next].Value, usedKeys, result);
                    next++;
                }

                if (i < mapping.Entries.Count)
                {
                    result.Add(mapping.Entries[i]);
                }
            }

            return result;
        }

        private static void AddMergedEntries(YamlNode source, HashSet<string> usedKeys, List<YamlEntry> result)
        {
            if (source is YamlMapping mapping)
            {
                foreach (YamlEntry entry in mapping.Entries)
                {
                    if (usedKeys.Add(entry.Key.Value))
                    {
                        result.Add(entry);
                    }
                }

                return;
            }

            foreach (YamlNode item in ((YamlSequence)source).Items)
            {
                AddMergedEntries(item, usedKeys, result);
            }
        }

        /// <summary>
        /// Copies an anchored node for one alias. Every node of the copy records the alias site, so a
        /// finding points where the value was used. The recursion is bounded by
        /// <see cref="YamlLoader.MaxDepth"/>, which the caller checked.
        /// </summary>
        private static YamlNode CopyForAlias(YamlNode node, SourceLocation aliasSite)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    return new YamlScalar(scalar.Value, scalar.Type, scalar.Style, scalar.Location, scalar.Tag, aliasSite);

                case YamlSequence sequence:
                    var items = new YamlNode[sequence.Items.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = CopyForAlias(sequence.Items[i], aliasSite);
                    }

                    return new YamlSequence(items, sequence.Location, sequence.Tag, aliasSite);

                default:
                    var mapping = (YamlMapping)node;
                    var entries = new YamlEntry[mapping.Entries.Count];
                    for (int i = 0; i < entries.Length; i++)
                    {
                        YamlEntry entry = mapping.Entries[i];
                        var key = (YamlScalar)CopyForAlias(entry.Key, aliasSite);
                        entries[i] = new YamlEntry(key, CopyForAlias(entry.Value, aliasSite));
                    }

                    return new YamlMapping(entries, mapping.Location, mapping.Tag, aliasSite);
            }
        }

        private void CountNodes(int count, SourceLocation location)
        {
            if (_nodeCount + count > YamlLoader.MaxNodeCount)
            {
                throw new YamlTreeException(
                    $"The YAML stream has more than {YamlLoader.MaxNodeCount} nodes, counting alias copies, so loading stopped here. Split the file, or check it with a smaller HardeningMaxFileBytes.",
                    location);
            }

            _nodeCount += count;
        }

        // Alias copies have their own, lower limit: they are what lets a small file expand without end.
        private void CountAliasNodes(int count, SourceLocation location)
        {
            if (_aliasNodeCount + count > YamlLoader.MaxAliasNodeCount)
            {
                throw new YamlTreeException(
                    $"The YAML stream's aliases expand to more than {YamlLoader.MaxAliasNodeCount} nodes, so loading stopped here. Repeat large anchored blocks less often.",
                    location);
            }

            _aliasNodeCount += count;
            CountNodes(count, location);
        }

        private static YamlTreeException TooDeep(SourceLocation location) =>
            new YamlTreeException(
                $"Sequences and mappings are nested more than {YamlLoader.MaxDepth} levels deep here, counting alias copies. Flatten the structure.",
                location);

        private static YamlTreeException NonScalarKey(YamlNode key, SourceLocation location) =>
            NonScalarKey(key is YamlSequence ? "a sequence" : "a mapping", location);

        private static YamlTreeException NonScalarKey(string kind, SourceLocation location) =>
            new YamlTreeException(
                $"A mapping key is {kind}, but Compose accepts only scalar keys. Write the key as a plain string.",
                location);

        private YamlScalarType ResolveType(Scalar scalar, string? tag, bool isNonSpecific, SourceLocation location)
        {
            if (tag != null && tag.StartsWith(StandardTagPrefix, StringComparison.Ordinal))
            {
                string name = tag.Substring(StandardTagPrefix.Length);
                string value = scalar.Value;
                switch (name)
                {
                    case "str":
                        return YamlScalarType.String;
                    case "null":
                        return Expect(YamlCoreSchema.IsNull(value), YamlScalarType.Null, value, name, "null", location);
                    case "bool":
                        return Expect(YamlCoreSchema.IsBoolean(value), YamlScalarType.Boolean, value, name, "boolean (true or false)", location);
                    case "int":
                        return Expect(YamlCoreSchema.IsInteger(value), YamlScalarType.Integer, value, name, "integer", location);
                    case "float":
                        return Expect(YamlCoreSchema.IsFloat(value), YamlScalarType.Float, value, name, "floating-point number", location);
                }
            }

            bool isPlain = scalar.Style == ScalarStyle.Plain || scalar.Style == ScalarStyle.Any;
            return isPlain && !isNonSpecific ? YamlCoreSchema.ResolvePlain(scalar.Value) : YamlScalarType.String;
        }

        private static YamlScalarType Expect(bool matches, YamlScalarType type, string value, string tagName, string expected, SourceLocation location)
        {
            if (!matches)
            {
                throw new YamlTreeException(
                    $"Value '{value}' has the tag !!{tagName} but is not a valid {expected}. Correct the value or remove the tag.",
                    location);
            }

            return type;
        }

        private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };

        private static string Describe(YamlNode node) => node switch
        {
            YamlScalar scalar => $"the scalar '{scalar.Value}'",
            YamlSequence _ => "a sequence",
            _ => "a mapping",
        };

        /// <summary>Returns the tag as the parser resolved it: <c>!reset</c> as written, <c>!!str</c> as <c>tag:yaml.org,2002:str</c>.</summary>
        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.Value == "!" ? null : tag.Value;

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private SourceLocation Locate(Mark start) => new SourceLocation(_filePath, (int)start.Line, (int)start.Column);

        private SourceLocation Locate(Mark start, Mark end) =>
            new SourceLocation(_filePath, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

        private readonly struct AnchoredNode
        {
            public AnchoredNode(YamlNode node, int height, int nodeCount)
            {
                Node = node;
                Height = height;
                NodeCount = nodeCount;
            }

            public YamlNode Node { get; }

            /// <summary>Levels of sequences and mappings in the node: 0 for a scalar.</summary>
            public int Height { get; }

            public int NodeCount { get; }
        }

        private readonly struct MergeSource
        {
            public MergeSource(int position, YamlNode value)
            {
                Position = position;
                Value = value;
            }

            /// <summary>How many written entries precede the <c>&lt;&lt;</c> key.</summary>
            public int Position { get; }

            public YamlNode Value { get; }
        }

        /// <summary>An open sequence or mapping.</summary>
        private abstract class Frame
        {
            protected Frame(SourceLocation location, string? tag, string? anchor, bool isFlow)
            {
                Location = location;
                Tag = tag;
                Anchor = anchor;
                IsFlow = isFlow;
            }

            public SourceLocation Location { get; }

            public string? Tag { get; }

            public string? Anchor { get; }

            public bool IsFlow { get; }

            public int MaxChildHeight { get; set; }

            /// <summary>Nodes in this subtree so far, itself included.</summary>
            public int NodeCount { get; set; } = 1;
        }

        private sealed class SequenceFrame : Frame
        {
            public SequenceFrame(SourceLocation location, string? tag, string? anchor, bool isFlow)
                : base(location, tag, anchor, isFlow)
            {
            }

            public List<YamlNode> Items { get; } = new List<YamlNode>();
        }

        private sealed class MappingFrame : Frame
        {
            public MappingFrame(SourceLocation location, string? tag, string? anchor, bool isFlow)
                : base(location, tag, anchor, isFlow)
            {
            }

            /// <summary>Entries as written, without merge keys.</summary>
            public List<YamlEntry> Entries { get; } = new List<YamlEntry>();

            /// <summary>The key whose value is awaited; null while the next event is a key.</summary>
            public YamlScalar? PendingKey { get; set; }

            public Dictionary<string, SourceLocation> KeyLocations { get; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

            public List<MergeSource>? Merges { get; set; }
        }
    }

    /// <summary>A rule or limit of the loader that the input breaks.</summary>
    internal sealed class YamlTreeException : Exception
    {
        public YamlTreeException(string message, SourceLocation location)
            : base(message)
        {
            Location = location;
        }

        public SourceLocation Location { get; }
    }
}
