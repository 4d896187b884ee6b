using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>
    /// A service that can reach a container engine's API: a bind of the Docker, containerd, Podman or
    /// CRI-O socket or of the folder that contains it, the Windows Docker pipe, or <c>use_api_socket: true</c>.
    /// </summary>
    public sealed class HARD2004EngineSocketMounted : ComposeServiceRule
    {
        // Socket files by name, wherever they are: rootless and Desktop engines put them under home
        // folders and $XDG_RUNTIME_DIR, whose value differs per machine.
        private static readonly Dictionary<string, string> EngineBySocketName = new Dictionary<string, string>
        {
            ["docker.sock"] = "Docker",
            ["containerd.sock"] = "containerd",
            ["podman.sock"] = "Podman",
            ["crio.sock"] = "CRI-O",
            ["dockershim.sock"] = "Docker",
            ["docker_engine"] = "Docker",
        };

        // Folders that hold an engine socket; /var/run is normalised to /run before the comparison.
        private static readonly Dictionary<string, string> EngineBySocketFolder = new Dictionary<string, string>
        {
            ["/run"] = "Docker",
            ["/run/containerd"] = "containerd",
            ["/run/podman"] = "Podman",
            ["/run/crio"] = "CRI-O",
        };

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2004", "Container engine socket mounted", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            foreach (Mount mount in Mount.Read(service))
            {
                ComposeVolume volume = mount.Volume;
                if (!mount.IsHostMount || volume.Source == null)
                {
                    continue;
                }

                string source = HostPaths.Normalize(volume.Source);
                string? engine = FindEngine(source, volume.IsKnown, out bool isFolder);
                if (engine == null)
                {
                    continue;
                }

                string what = isFolder
                    ? $"the host folder '{volume.Source}', which holds the {engine} socket"
                    : $"the {engine} socket '{volume.Source}'";
                yield return Report(
                    volume.Location,
                    $"Service '{service.Name}' mounts {what}. Any process in the container can then use the engine's API to start a privileged container and take over the host, and a read-only mount does not prevent that. Remove this volume entry; if the service must manage containers, point it at a socket proxy that allows only the API calls it needs.");
            }

            ComposeValue? useApiSocket = service.Value("use_api_socket");
            if (useApiSocket != null)
            {
                if (!useApiSocket.IsKnown)
                {
                    yield return Unresolved(service, "use_api_socket", useApiSocket);
                }
                else if (useApiSocket.TryGetBoolean(out bool uses) && uses)
                {
                    yield return Report(
                        useApiSocket.Location,
                        $"Service '{service.Name}' sets use_api_socket to '{useApiSocket.Text}', so Compose mounts the Docker engine socket and the user's registry credentials into it. Any process in the container can then take over the host. Remove `use_api_socket: true`.");
                }
            }
        }

        // A source that depends on an unset variable is judged only by its file name, because the
        // directory is the part that differs per machine (for example $XDG_RUNTIME_DIR/docker.sock).
        private static string? FindEngine(string source, bool isKnown, out bool isFolder)
        {
            isFolder = false;
            if (EngineBySocketName.TryGetValue(HostPaths.FileName(source), out string? engine))
            {
                return engine;
            }

            if (isKnown && EngineBySocketFolder.TryGetValue(source, out engine))
            {
                isFolder = true;
                return engine;
            }

            return null;
        }
    }
}
