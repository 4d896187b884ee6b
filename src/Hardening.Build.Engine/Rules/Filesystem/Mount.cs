using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>
    /// One entry of a service's <c>volumes:</c> with the parts the mount rules read beyond
    /// <see cref="ComposeVolume"/>: the short syntax's mode list and the long syntax's option values.
    /// </summary>
    internal sealed class Mount
    {
        private Mount(ComposeVolume volume, IReadOnlyList<string> modes, bool isReadOnly, ComposeValue? propagation, ComposeValue? tmpfsSize)
        {
            Volume = volume;
            Modes = modes;
            IsReadOnly = isReadOnly;
            Propagation = propagation;
            TmpfsSize = tmpfsSize;
        }

        public ComposeVolume Volume { get; }

        /// <summary>The comma-separated options after the short syntax's target, such as <c>ro</c> or <c>rshared</c>; empty for the long syntax.</summary>
        public IReadOnlyList<string> Modes { get; }

        /// <summary>True for the short syntax's <c>ro</c> mode or the long syntax's <c>read_only: true</c>.</summary>
        public bool IsReadOnly { get; }

        /// <summary>The long syntax's <c>bind.propagation</c>; null when not set or short syntax.</summary>
        public ComposeValue? Propagation { get; }

        /// <summary>The long syntax's <c>tmpfs.size</c>; null when not set or short syntax.</summary>
        public ComposeValue? TmpfsSize { get; }

        /// <summary>True for a bind mount or a Windows named pipe, whose source is on the host.</summary>
        public bool IsHostMount => Volume.Type == "bind" || Volume.Type == "npipe";

        /// <summary>Reads the service's volumes in the order <see cref="ComposeService.Volumes"/> does.</summary>
        public static IReadOnlyList<Mount> Read(ComposeService service)
        {
            var mounts = new List<Mount>();
            if (!(service.Entry("volumes")?.Value is YamlSequence sequence))
            {
                return mounts;
            }

            foreach (YamlNode item in sequence.Items)
            {
                if (item is YamlMapping mapping)
                {
                    mounts.Add(FromLongSyntax(service, mapping));
                }
                else if (service.Read(item) is ComposeValue value)
                {
                    mounts.Add(FromShortSyntax(value));
                }
            }

            return mounts;
        }

        private static Mount FromShortSyntax(ComposeValue value)
        {
            ComposeVolume volume = ComposeVolume.FromShortSyntax(value);
            var modes = new List<string>();

            // The mode list starts after SOURCE:TARGET, which ComposeVolume has already split off.
            if (volume.Source != null && volume.Target != null)
            {
                int modeStart = volume.Source.Length + 1 + volume.Target.Length;
                if (modeStart < value.Text.Length && value.Text[modeStart] == ':')
                {
                    foreach (string mode in value.Text.Substring(modeStart + 1).Split(','))
                    {
                        modes.Add(mode.Trim());
                    }
                }
            }

            bool isReadOnly = modes.Contains("ro");
            return new Mount(volume, modes, isReadOnly, null, null);
        }

        private static Mount FromLongSyntax(ComposeService service, YamlMapping mapping)
        {
            ComposeVolume volume = ComposeVolume.FromLongSyntax(mapping, service.Read);

            ComposeValue? readOnly = service.Read(mapping.Get("read_only"));
            bool isReadOnly = readOnly != null && readOnly.IsKnown && readOnly.TryGetBoolean(out bool value) && value;

            ComposeValue? propagation = (mapping.Get("bind") as YamlMapping)?.Get("propagation") is YamlNode node ? service.Read(node) : null;
            ComposeValue? size = (mapping.Get("tmpfs") as YamlMapping)?.Get("size") is YamlNode sizeNode ? service.Read(sizeNode) : null;
            return new Mount(volume, Array.Empty<string>(), isReadOnly, propagation, size);
        }
    }
}
