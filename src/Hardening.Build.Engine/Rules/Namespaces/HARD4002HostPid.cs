namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>A service with <c>pid: host</c>.</summary>
    public sealed class HARD4002HostPid : HostNamespaceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4002", "Service uses the host PID namespace", Severity.Warning);

        protected override string Field => "pid";

        protected override string Consequence => "sees every process on the host with its command line, and a root process in it can signal them";

        protected override string Fix => "Remove `pid: host`; to watch another container's processes, use `pid: \"service:NAME\"` instead.";
    }
}
