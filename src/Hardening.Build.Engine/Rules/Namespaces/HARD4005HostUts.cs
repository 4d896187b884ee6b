namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>A service with <c>uts: host</c>.</summary>
    public sealed class HARD4005HostUts : HostNamespaceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD4005", "Service uses the host UTS namespace", Severity.Suggestion);

        protected override string Field => "uts";

        protected override string Consequence => "shares the host's host name and domain name, and a process with CAP_SYS_ADMIN can change them for the whole host";

        protected override string Fix => "Remove `uts: host`; set the name the service needs with hostname.";
    }
}
