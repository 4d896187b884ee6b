namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>A service with <c>ipc: host</c>.</summary>
    public sealed class HARD4003HostIpc : HostNamespaceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4003", "Service uses the host IPC namespace", Severity.Warning);

        protected override string Field => "ipc";

        protected override string Consequence => "shares System V shared memory, semaphores and message queues with every host process";

        protected override string Fix => "Remove `ipc: host`; to share memory with another container, use `ipc: \"service:NAME\"` and `ipc: shareable` on that service.";
    }
}
