using System;
using System.Collections.Generic;
using System.Globalization;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A non-root service that drops every capability but must listen on a port below 1024: the
    /// container side of <c>ports:</c>, or an EXPOSE of the stage it builds. Binding such a port needs
    /// CAP_NET_BIND_SERVICE unless <c>net.ipv4.ip_unprivileged_port_start</c> is lowered. Docker 20.10 and
    /// later lower it to 0 in each container's own network namespace, so the finding is a warning only
    /// where that does not apply (host networking, or the sysctl set above the port) and a suggestion
    /// elsewhere: older engines and some Kubernetes container runtimes keep the kernel's default of 1024.
    /// </summary>
    public sealed class HARD3003PrivilegedPortUnbindable : Rule
    {
        private const string UnprivilegedPortStart = "net.ipv4.ip_unprivileged_port_start";

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3003", "Non-root service cannot bind a port below 1024", Severity.Suggestion);

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                foreach (ComposeService service in composeProject.Services)
                {
                    ServiceBuildLink? link = project.BuildLinkOf(service);
                    foreach (Finding finding in CheckService(service, link, project.Settings.Catalog))
                    {
                        yield return finding;
                    }
                }
            }
        }

        private IEnumerable<Finding> CheckService(ComposeService service, ServiceBuildLink? link, BaseImageCatalog catalog)
        {
            if (!DropsBindCapability(service) || RunsAs(service, link, catalog) != UserKind.NonRoot)
            {
                yield break;
            }

            bool hostNetwork = service.Value("network_mode") is ComposeValue mode && mode.IsKnown && mode.Text == "host";
            int start = UnprivilegedStart(service, hostNetwork, out bool certain);

            if (!hostNetwork)
            {
                foreach (YamlNode port in PortEntries(service))
                {
                    if (ContainerPort(service, port) is int number && number > 0 && number < start)
                    {
                        yield return Report(service, port.ReportLocation, number, "the container port of its ports entry", certain, hostNetwork);
                    }
                }
            }

            if (link == null)
            {
                yield break;
            }

            for (DockerfileStage? stage = link.Stage; stage != null; stage = stage.Parent)
            {
                foreach (DockerfileInstruction instruction in stage.Instructions)
                {
                    if (instruction.Keyword != "EXPOSE")
                    {
                        continue;
                    }

                    foreach (InstructionWord word in instruction.Words)
                    {
                        if (ParsePort(word.Text) is int number && number > 0 && number < start)
                        {
                            SourceLocation location = link.Document.Locate(instruction.Position);
                            yield return Report(service, location, number, "the port its image EXPOSEs", certain, hostNetwork);
                        }
                    }
                }
            }
        }

        private Finding Report(ComposeService service, SourceLocation location, int port, string why, bool certain, bool hostNetwork)
        {
            string setting = hostNetwork
                ? "With network_mode: host the host's limit applies, so the service cannot start."
                : certain
                    ? $"Its sysctls set {UnprivilegedPortStart} above {port}, so the service cannot start."
                    : $"Docker 20.10 and later allow it by setting {UnprivilegedPortStart}=0 in the container, but older engines and some Kubernetes container runtimes keep the kernel's limit of 1024, and there the service cannot start.";
            return new Finding(
                Descriptor,
                location,
                $"Service '{service.Name}' runs as a non-root user with every capability dropped, yet must listen on port {port} ({why}), which is below 1024. {setting} Listen on a port of 1024 or above, such as 8080 (for ASP.NET Core, ASPNETCORE_HTTP_PORTS=8080).",
                certain || hostNetwork ? Severity.Warning : Descriptor.DefaultSeverity);
        }

        /// <summary>True when cap_drop contains ALL and nothing gives NET_BIND_SERVICE back.</summary>
        private static bool DropsBindCapability(ComposeService service)
        {
            bool dropsAll = false;
            foreach (ComposeValue capability in service.Values("cap_drop"))
            {
                dropsAll |= capability.IsKnown && ComposeCasts.NormalizeCapability(capability.Text) == "ALL";
            }

            foreach (ComposeValue capability in service.Values("cap_add"))
            {
                string name = capability.IsKnown ? ComposeCasts.NormalizeCapability(capability.Text) : "ALL";
                if (name == "ALL" || name == "CAP_NET_BIND_SERVICE")
                {
                    return false;
                }
            }

            ComposeValue? privileged = service.Value("privileged");
            bool isPrivileged = privileged != null && (!privileged.IsKnown || (privileged.TryGetBoolean(out bool value) && value));
            return dropsAll && !isPrivileged;
        }

        private static UserKind RunsAs(ComposeService service, ServiceBuildLink? link, BaseImageCatalog catalog)
        {
            ComposeValue? user = service.User;
            if (user != null && (!user.IsKnown || user.Text.Trim().Length > 0))
            {
                return user.IsKnown ? BaseImageCatalog.ClassifyUser(user.Text) : UserKind.Unknown;
            }

            if (link != null)
            {
                return link.ResolveImageUser().Kind;
            }

            ComposeValue? image = service.Image;
            return image != null && image.IsKnown
                ? catalog.Lookup(image.Text)?.Kind ?? UserKind.Unknown
                : UserKind.Unknown;
        }

        private static int UnprivilegedStart(ComposeService service, bool hostNetwork, out bool certain)
        {
            certain = false;
            YamlNode? sysctls = service.Entry("sysctls")?.Value;
            if (sysctls != null && ComposeMerger.Normalize("sysctls", sysctls) is YamlMapping mapping
                && service.Read(mapping.Get(UnprivilegedPortStart)) is ComposeValue value
                && value.IsKnown
                && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int start))
            {
                certain = start > 0;
                return start;
            }

            // The kernel's default. Docker's per-container 0 is the uncertain case described above.
            return 1024;
        }

        private static IEnumerable<YamlNode> PortEntries(ComposeService service)
        {
            if (service.Entry("ports")?.Value is YamlSequence ports)
            {
                foreach (YamlNode item in ports.Items)
                {
                    yield return item;
                }
            }
        }

        /// <summary>The container side of a ports entry: <c>[HOST:]CONTAINER[/PROTOCOL]</c>, or <c>target</c> in the long form.</summary>
        private static int? ContainerPort(ComposeService service, YamlNode entry)
        {
            if (entry is YamlMapping mapping)
            {
                ComposeValue? target = service.Read(mapping.Get("target"));
                return target != null && target.IsKnown ? ParsePort(target.Text) : null;
            }

            ComposeValue? value = service.Read(entry);
            if (value == null || !value.IsKnown)
            {
                return null;
            }

            string text = value.Text;
            int colon = text.LastIndexOf(':');
            return ParsePort(colon < 0 ? text : text.Substring(colon + 1));
        }

        /// <summary>Reads <c>80</c>, <c>80/tcp</c> or the first port of a range such as <c>80-81</c>.</summary>
        private static int? ParsePort(string text)
        {
            string port = text;
            int slash = port.IndexOf('/');
            if (slash >= 0)
            {
                port = port.Substring(0, slash);
            }

            int dash = port.IndexOf('-');
            if (dash >= 0)
            {
                port = port.Substring(0, dash);
            }

            return int.TryParse(port.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : (int?)null;
        }
    }
}
