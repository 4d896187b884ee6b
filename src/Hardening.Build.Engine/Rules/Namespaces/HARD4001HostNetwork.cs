namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>A service with <c>network_mode: host</c>.</summary>
    public sealed class HARD4001HostNetwork : HostNamespaceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4001", "Service uses the host network", Severity.Warning);

        protected override string Field => "network_mode";

        protected override string Consequence => "shares the host's network stack: it can listen on every host interface, reach services bound to the host's loopback, and its ports bypass Docker's port mapping";

        protected override string Fix => "Remove network_mode and publish only the ports the service needs under ports, bound to one address such as \"127.0.0.1:8080:8080\".";
    }
}
