namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>A service with <c>userns_mode: host</c>.</summary>
    public sealed class HARD4004HostUserNamespace : HostNamespaceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4004", "Service opts out of user namespace remapping", Severity.Suggestion);

        protected override string Field => "userns_mode";

        protected override string Consequence => "runs without the user namespace remapping the engine may be configured with, so its root user is the host's root user";

        protected override string Fix => "Remove `userns_mode: host`.";
    }
}
