using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>
    /// A published port that listens on every host interface: short syntax without a host IP (a bare
    /// container port included), long syntax without <c>host_ip</c>, or the address 0.0.0.0 or ::.
    /// </summary>
    public sealed class HARD4006PortOnAllInterfaces : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4006", "Port published on all interfaces", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            // With the host network, ports are not published at all; HARD4001 reports that instead.
            ComposeValue? networkMode = service.Value("network_mode");
            if (networkMode != null && networkMode.Text == "host")
            {
                yield break;
            }

            if (!(service.Entry("ports")?.Value is YamlSequence ports))
            {
                yield break;
            }

            foreach (YamlNode item in ports.Items)
            {
                if (item is YamlMapping mapping)
                {
                    Finding? finding = CheckLongSyntax(service, mapping);
                    if (finding != null)
                    {
                        yield return finding;
                    }
                }
                else if (service.Read(item) is ComposeValue value)
                {
                    if (!value.IsKnown)
                    {
                        yield return Unresolved(service, "ports", value);
                    }
                    else if (IsAllInterfaces(HostIp(value.Text)))
                    {
                        yield return Report(value.Location, ShortSyntaxMessage(service, value.Text));
                    }
                }
            }
        }

        private Finding? CheckLongSyntax(ComposeService service, YamlMapping mapping)
        {
            ComposeValue? hostIp = service.Read(mapping.Get("host_ip"));
            if (hostIp != null && !hostIp.IsKnown)
            {
                return Unresolved(service, "ports host_ip", hostIp);
            }

            if (!IsAllInterfaces(hostIp?.Text))
            {
                return null;
            }

            string target = service.Read(mapping.Get("target"))?.Text ?? "?";
            string? published = service.Read(mapping.Get("published"))?.Text;
            string port = published == null ? $"container port {target} on a random host port" : $"port {published} (container port {target})";
            string where = hostIp == null ? "with no host_ip" : $"with host_ip '{hostIp.Text}'";
            return Report(
                hostIp?.Location ?? mapping.ReportLocation,
                $"Service '{service.Name}' publishes {port} {where}, so it listens on every host interface and any network that reaches the host reaches the service. Add `host_ip: 127.0.0.1` when only this machine uses it, or the address of the one interface that must serve it.");
        }

        /// <summary>
        /// The host IP of a short-syntax port as the engine splits it: protocol off, then the last ':'
        /// separates the container port and the one before it the host port; the rest is the IP,
        /// possibly in brackets. Null when there is no IP.
        /// </summary>
        internal static string? HostIp(string spec)
        {
            string text = spec.Trim();
            int slash = text.IndexOf('/');
            if (slash >= 0)
            {
                text = text.Substring(0, slash);
            }

            int containerSplit = text.LastIndexOf(':');
            if (containerSplit <= 0)
            {
                return null;
            }

            int hostSplit = text.LastIndexOf(':', containerSplit - 1);
            if (hostSplit < 0)
            {
                return null;
            }

            string ip = text.Substring(0, hostSplit);
            if (ip.StartsWith("[", StringComparison.Ordinal) && ip.EndsWith("]", StringComparison.Ordinal))
            {
                ip = ip.Substring(1, ip.Length - 2);
            }

            return ip;
        }

        private static bool IsAllInterfaces(string? ip) => string.IsNullOrEmpty(ip) || ip == "0.0.0.0" || ip == "::";

        private static string ShortSyntaxMessage(ComposeService service, string spec)
        {
            string trimmed = spec.Trim();
            string? ip = HostIp(trimmed);
            string bare = ip == null ? trimmed : trimmed.Substring(trimmed.IndexOf(ip, StringComparison.Ordinal) + ip.Length).TrimStart(']').TrimStart(':');
            bool randomPort = bare.IndexOf(':') < 0;
            string what = randomPort
                ? $"container port '{bare}' on a random host port"
                : $"'{trimmed}'";
            string fix = randomPort ? $"127.0.0.1::{bare}" : $"127.0.0.1:{bare}";
            return $"Service '{service.Name}' publishes {what} on every host interface, so any network that reaches the host reaches the service. Bind it to loopback when only this machine uses it: \"{fix}\", or to the address of the one interface that must serve it.";
        }
    }
}
