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
        // Each path also covers everything below it, except those in WholeFolderOnly. A bind of a folder
        // that contains one of them, such as /var or /var/lib, is reported as well.
        private static readonly Dictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/etc"] = "the host's configuration, including password hashes in /etc/shadow",
            ["/etc/shadow"] = "the host's password hashes",
            ["/etc/gshadow"] = "the host's group password hashes",
            ["/etc/passwd"] = "the host's user accounts",
            ["/etc/group"] = "the host's groups",
            ["/etc/sudoers"] = "the host's sudo rules",
            ["/etc/sudoers.d"] = "the host's sudo rules",
            ["/etc/pam.d"] = "the host's login rules",
            ["/etc/security"] = "the host's login rules",
            ["/etc/ssh"] = "the host's SSH keys and server settings",
            ["/etc/ssl/private"] = "the host's private TLS keys",
            ["/etc/pki/tls/private"] = "the host's private TLS keys",
            ["/etc/kubernetes"] = "the cluster's credentials",
            ["/etc/rancher"] = "the cluster's credentials",
            ["/etc/docker"] = "the Docker engine's settings",
            ["/etc/containerd"] = "containerd's settings",
            ["/etc/systemd"] = "the host's services",
            ["/etc/crontab"] = "the host's scheduled jobs",
            ["/etc/cron.d"] = "the host's scheduled jobs",
            ["/etc/ld.so.preload"] = "the libraries every host program loads",
            ["/etc/ld.so.conf.d"] = "where host programs load libraries from",
            ["/etc/profile.d"] = "the scripts every host login runs",
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
            ["/usr/bin"] = "the host's programs",
            ["/usr/sbin"] = "the host's system programs",
            ["/usr/lib"] = "the host's libraries",
            ["/usr/lib64"] = "the host's libraries",
            ["/usr/libexec"] = "the host's helper programs",
            ["/usr/local/bin"] = "the host's locally installed programs",
            ["/usr/local/sbin"] = "the host's locally installed programs",
            ["/usr/local/lib"] = "the host's locally installed libraries",
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

        // Folders reported only when mounted whole, because binds of folders below them are common
        // and mostly harmless: an application's own /etc/pihole, /usr/share/appdata, or a project
        // under /home. Their sensitive children are listed separately above.
        private static readonly HashSet<string> WholeFolderOnly = new HashSet<string>(StringComparer.Ordinal)
        {
            "/etc",
            "/usr",
            "/home",
            "/Users",
            "~",
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
                if (reason == null || IsEngineSocket(source))
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
