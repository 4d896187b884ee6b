using System;
using System.Collections.Generic;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// Merges one service definition over another as Docker Compose v2 does for several files and for
    /// <c>extends</c>: mappings merge by key, scalars are replaced, and each kind of list follows its own
    /// rule. Every node keeps the file and line where it was written.
    /// </summary>
    public static class ComposeMerger
    {
        private const string ResetTag = "!reset";
        private const string OverrideTag = "!override";

        // Lists appended and then de-duplicated by their text.
        private static readonly HashSet<string> UniqueLists = new HashSet<string>(StringComparer.Ordinal)
        {
            "cap_add", "cap_drop", "dns", "dns_opt", "dns_search", "expose", "links", "profiles", "extra_hosts",
            "group_add", "external_links", "device_cgroup_rules",
        };

        // Fields whose later value replaces the earlier one whole, even when both are lists.
        private static readonly HashSet<string> ReplacedFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "command", "entrypoint", "test",
        };

        // Fields written as a KEY=VALUE list or a mapping; both become a mapping merged by key.
        private static readonly HashSet<string> KeyValueFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "environment", "labels", "annotations", "sysctls", "args",
        };

        // Fields written as a list of names or a mapping of name to settings.
        private static readonly HashSet<string> NamedFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "networks", "depends_on",
        };

        /// <summary>Merges <paramref name="over"/> on top of <paramref name="under"/>; the result keeps <paramref name="under"/>'s location.</summary>
        public static YamlMapping MergeMappings(YamlMapping under, YamlMapping over)
        {
            var entries = new List<YamlEntry>(under.Entries);
            var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < entries.Count; i++)
            {
                indexByKey[entries[i].Key.Value] = i;
            }

            var removed = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlEntry entry in over.Entries)
            {
                string key = entry.Key.Value;
                if (entry.Value.Tag == ResetTag)
                {
                    removed.Add(key);
                    continue;
                }

                removed.Remove(key);
                if (!indexByKey.TryGetValue(key, out int index))
                {
                    indexByKey[key] = entries.Count;
                    entries.Add(entry);
                    continue;
                }

                YamlEntry existing = entries[index];
                entries[index] = entry.Value.Tag == OverrideTag
                    ? entry
                    : MergeEntry(existing, entry);
            }

            if (removed.Count > 0)
            {
                entries.RemoveAll(entry => removed.Contains(entry.Key.Value));
            }

            return new YamlMapping(entries, under.Location, under.Tag, under.AliasLocation);
        }

        private static YamlEntry MergeEntry(YamlEntry under, YamlEntry over)
        {
            string key = over.Key.Value;
            YamlNode underValue = Normalize(key, under.Value);
            YamlNode overValue = Normalize(key, over.Value);

            if (ReplacedFields.Contains(key))
            {
                return over;
            }

            if (underValue is YamlMapping underMapping && overValue is YamlMapping overMapping)
            {
                if (key == "logging" && !SameDriver(underMapping, overMapping))
                {
                    return new YamlEntry(over.Key, overMapping);
                }

                return new YamlEntry(under.Key, MergeMappings(underMapping, overMapping));
            }

            if (underValue is YamlSequence underList && overValue is YamlSequence overList)
            {
                return new YamlEntry(under.Key, MergeLists(key, underList, overList));
            }

            return new YamlEntry(over.Key, overValue);
        }

        private static YamlSequence MergeLists(string key, YamlSequence under, YamlSequence over)
        {
            var items = new List<YamlNode>(under.Items);
            switch (key)
            {
                case "security_opt":
                    // The engine applies the options in order, so duplicates and contradictions stay.
                    items.AddRange(over.Items);
                    break;
                case "volumes":
                case "devices":
                    AddUnique(items, over.Items, VolumeTarget);
                    break;
                case "secrets":
                case "configs":
                    AddUnique(items, over.Items, ReferenceTarget);
                    break;
                case "tmpfs":
                    AddUnique(items, over.Items, TmpfsKey);
                    break;
                case "ports":
                    AddUnique(items, over.Items, PortKey);
                    break;
                default:
                    if (UniqueLists.Contains(key))
                    {
                        AddUnique(items, over.Items, ScalarText);
                    }
                    else
                    {
                        items.AddRange(over.Items);
                    }

                    break;
            }

            return new YamlSequence(items, under.Location, under.Tag, under.AliasLocation);
        }

        /// <summary>Appends each item, replacing in place an earlier item with the same key.</summary>
        private static void AddUnique(List<YamlNode> items, IReadOnlyList<YamlNode> additions, Func<YamlNode, string?> keyOf)
        {
            foreach (YamlNode addition in additions)
            {
                string? key = keyOf(addition);
                int existing = key == null ? -1 : items.FindIndex(item => keyOf(item) == key);
                if (existing >= 0)
                {
                    items[existing] = addition;
                }
                else
                {
                    items.Add(addition);
                }
            }
        }

        /// <summary>
        /// Brings a field to the form used for merging: <c>build: ./dir</c> becomes a mapping with a context,
        /// a string <c>tmpfs</c> or <c>env_file</c> a one-item list, and KEY=VALUE lists mappings.
        /// </summary>
        public static YamlNode Normalize(string key, YamlNode value)
        {
            if (key == "build" && value is YamlScalar context && !context.IsNull)
            {
                var contextKey = new YamlScalar("context", YamlScalarType.String, YamlScalarStyle.Plain, context.Location, null, context.AliasLocation);
                return new YamlMapping(new[] { new YamlEntry(contextKey, context) }, context.Location, null, context.AliasLocation);
            }

            if ((key == "tmpfs" || key == "env_file") && value is YamlScalar single && !single.IsNull)
            {
                return new YamlSequence(new YamlNode[] { single }, single.Location, null, single.AliasLocation);
            }

            if ((KeyValueFields.Contains(key) || NamedFields.Contains(key)) && value is YamlSequence list)
            {
                return ToMapping(list, splitAtEquals: KeyValueFields.Contains(key));
            }

            return value;
        }

        private static YamlMapping ToMapping(YamlSequence list, bool splitAtEquals)
        {
            var entries = new List<YamlEntry>();
            var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (YamlNode item in list.Items)
            {
                if (!(item is YamlScalar scalar))
                {
                    continue;
                }

                int equals = splitAtEquals ? scalar.Value.IndexOf('=') : -1;
                string name = equals < 0 ? scalar.Value : scalar.Value.Substring(0, equals);
                var key = new YamlScalar(name, YamlScalarType.String, scalar.Style, scalar.Location, null, scalar.AliasLocation);
                YamlScalar value = equals < 0
                    ? new YamlScalar(string.Empty, YamlScalarType.Null, YamlScalarStyle.Plain, scalar.Location, null, scalar.AliasLocation)
                    : new YamlScalar(scalar.Value.Substring(equals + 1), YamlScalarType.String, scalar.Style, scalar.Location, null, scalar.AliasLocation);

                var entry = new YamlEntry(key, value);
                if (indexByKey.TryGetValue(name, out int index))
                {
                    entries[index] = entry;
                }
                else
                {
                    indexByKey[name] = entries.Count;
                    entries.Add(entry);
                }
            }

            return new YamlMapping(entries, list.Location, list.Tag, list.AliasLocation);
        }

        private static bool SameDriver(YamlMapping under, YamlMapping over)
        {
            string? underDriver = (under.Get("driver") as YamlScalar)?.Value;
            string? overDriver = (over.Get("driver") as YamlScalar)?.Value;
            return overDriver == null || underDriver == null || underDriver == overDriver;
        }

        private static string? ScalarText(YamlNode node) => (node as YamlScalar)?.Value;

        // Compose keys tmpfs entries by the text before the first '=', so '/tmp:size=64m' and
        // '/tmp:size=128m' collide while '/tmp' and '/tmp:size=64m' are both kept.
        private static string? TmpfsKey(YamlNode node)
        {
            string? text = ScalarText(node);
            if (text == null)
            {
                return null;
            }

            int equals = text.IndexOf('=');
            return equals < 0 ? text : text.Substring(0, equals);
        }

        private static string? VolumeTarget(YamlNode node)
        {
            if (node is YamlMapping mapping)
            {
                return (mapping.Get("target") as YamlScalar)?.Value;
            }

            string? text = ScalarText(node);
            if (text == null)
            {
                return null;
            }

            int start = text.Length >= 2 && text[1] == ':' ? 2 : 0;
            int first = text.IndexOf(':', start);
            if (first < 0)
            {
                return text;
            }

            int second = text.IndexOf(':', first + 1);
            return second < 0 ? text.Substring(first + 1) : text.Substring(first + 1, second - first - 1);
        }

        private static string? ReferenceTarget(YamlNode node)
        {
            if (node is YamlMapping mapping)
            {
                string? target = (mapping.Get("target") as YamlScalar)?.Value;
                return target ?? (mapping.Get("source") as YamlScalar)?.Value;
            }

            return ScalarText(node);
        }

        private static string? PortKey(YamlNode node)
        {
            if (!(node is YamlMapping mapping))
            {
                return ScalarText(node);
            }

            string Field(string name) => (mapping.Get(name) as YamlScalar)?.Value ?? string.Empty;
            string protocol = Field("protocol");
            return $"{Field("host_ip")}:{Field("published")}:{Field("target")}/{(protocol.Length == 0 ? "tcp" : protocol)}";
        }
    }
}
