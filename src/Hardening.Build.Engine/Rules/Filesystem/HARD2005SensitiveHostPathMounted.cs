using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>
    /// A bind mount of a host path that exposes or lets the container change the host: the root,
    /// system configuration, kernel interfaces, devices, boot files, the engine's data, system
    /// binaries, or a user's credentials.
    /// </summary>
    public sealed class HARD2005SensitiveHostPathMounted : ComposeServiceRule
    {
        // Each path also covers everything below it; a bind of a folder that contains one of them, such
        // as /var or /var/lib, is reported as well.
        private static readonly Dictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/etc"] = "the host's configuration, including password hashes in /etc/shadow",
            ["/proc"] = "the host's processes and kernel settings",
            ["/sys"] = "the host's kernel and device settings",
            ["/dev"] = "the host's devices, including its disks",
            ["/boot"] = "the host's kernel and boot loader",
            ["/root"] = "the home folder of the host's root user",
            ["/home"] = "the home folders of the host's users",
            ["/Users"] = "the home folders of the host's users",
            ["/var/lib/docker"] = "the Docker engine's images, containers and volumes",
            ["/var/lib/containerd"] = "containerd's images and containers",
            ["/var/lib/containers"] = "Podman's images and containers",
            ["/var/lib/kubelet"] = "the kubelet's pods and their secrets",
            ["/lib/modules"] = "the host's kernel modules",
            ["/usr"] = "the host's programs and libraries",
            ["/bin"] = "the host's programs",
            ["/sbin"] = "the host's system programs",
            ["/lib"] = "the host's libraries",
            ["/lib64"] = "the host's libraries",
            ["~"] = "a user's home folder",
            ["~/.ssh"] = "a user's SSH keys",
            ["~/.gnupg"] = "a user's GnuPG keys",
            ["~/.aws"] = "a user's AWS credentials",
            ["~/.azure"] = "a user's Azure credentials",
            ["~/.kube"] = "a user's Kubernetes credentials",
            ["~/.docker"] = "a user's Docker registry credentials",
        };

        // Folders reported only when mounted whole: binds of project folders below them are common and intended.
        private static readonly HashSet<string> WholeFolderOnly = new HashSet<string>(StringComparer.Ordinal)
        {
            "/home",
            "/Users",
            "~",
        };

        // Files that containers read to share the host's time zone or trusted certificates. Only a
        // read-only bind of them is accepted, because writing /etc/localtime changes the host's clock zone.
        private static readonly string[] ReadOnlyAllowed =
        {
            "/etc/localtime",
            "/etc/timezone",
            "/usr/share/zoneinfo",
            "/etc/ssl/certs",
            "/etc/pki/ca-trust/extracted",
            "/usr/share/ca-certificates",
        };

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2005", "Sensitive host path mounted", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            foreach (Mount mount in Mount.Read(service))
            {
                ComposeVolume volume = mount.Volume;
                if (!mount.IsHostMount || !volume.IsKnown || volume.Source == null)
                {
                    continue;
                }

                string source = HostPaths.Normalize(volume.Source);
                string? reason = FindReason(source);
                if (reason == null || IsEngineSocket(source) || (mount.IsReadOnly && IsAllowedReadOnly(source)))
                {
                    continue;
                }

                string access = mount.IsReadOnly
                    ? "read-only, which still lets it read"
                    : "read-write, which lets it read and change";
                yield return Report(
                    volume.Location,
                    $"Service '{service.Name}' bind-mounts the host path '{volume.Source}' {access} {reason}. Remove this volume entry, or mount only the specific file or folder the service needs, read-only.");
            }
        }

        private static string? FindReason(string source)
        {
            if (source == "/" || IsDriveRoot(source))
            {
                return "the host's whole filesystem";
            }

            foreach (KeyValuePair<string, string> entry in Reasons)
            {
                bool matches = WholeFolderOnly.Contains(entry.Key) ? source == entry.Key : HostPaths.IsAtOrBelow(source, entry.Key);
                if (matches)
                {
                    return entry.Value;
                }
            }

            // A folder above a sensitive path, such as /var/lib above /var/lib/docker.
            foreach (KeyValuePair<string, string> entry in Reasons)
            {
                if (entry.Key.StartsWith("/", StringComparison.Ordinal) && HostPaths.IsAtOrBelow(entry.Key, source))
                {
                    return $"everything under it, including {entry.Value}";
                }
            }

            return null;
        }

        private static bool IsAllowedReadOnly(string source)
        {
            foreach (string allowed in ReadOnlyAllowed)
            {
                if (HostPaths.IsAtOrBelow(source, allowed))
                {
                    return true;
                }
            }

            return false;
        }

        // HARD2004 reports these; one fact gives one finding.
        private static bool IsEngineSocket(string source)
        {
            string name = HostPaths.FileName(source);
            return name.EndsWith(".sock", StringComparison.Ordinal) && (HostPaths.IsAtOrBelow(source, "~/.docker") || source.StartsWith("/run", StringComparison.Ordinal));
        }

        private static bool IsDriveRoot(string source)
        {
            string path = source.Replace('\\', '/').TrimEnd('/');
            return path.Length == 2 && path[1] == ':' && char.IsLetter(path[0]);
        }
    }
}
