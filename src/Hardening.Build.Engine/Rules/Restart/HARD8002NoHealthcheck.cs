using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Restart
{
    /// <summary>
    /// A Compose service that runs without a healthcheck: none in <c>healthcheck:</c>, none in the
    /// Dockerfile stage it builds, and none in an image known to define none. A disabled healthcheck
    /// counts as none. Services whose image may define its own are not reported, and neither are
    /// Dockerfiles that no service builds, because nothing shows how they are run.
    /// </summary>
    public sealed class HARD8002NoHealthcheck : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD8002", "No healthcheck", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service, ProjectModel project)
        {
            ServiceBuildLink? link = project.BuildLinkOf(service);
            ServiceHealthcheck health = ServiceHealthcheck.Resolve(service, link);
            string fix = health.HasNoShell
                ? $"The image '{health.BaseImage}' has no shell or curl, so write an exec-form probe that runs a binary of the image, such as `healthcheck: {{test: [\"CMD\", \"/app/healthcheck\", \"http://localhost:8080/healthz\"]}}` with a small health-check program shipped in the image, or the app itself started with a health-check argument."
                : "Add `healthcheck: {test: [\"CMD\", \"<probe>\", \"http://localhost:8080/healthz\"], interval: 30s}` with a probe program the image has (many images have neither curl nor wget), or a HEALTHCHECK instruction to its Dockerfile.";

            if (health.State == HealthcheckState.Disabled)
            {
                yield return Report(
                    health.DisabledAt ?? service.KeyLocation,
                    $"Service '{service.Name}' turns its healthcheck off ({health.Source}), so Docker cannot report it unhealthy and `depends_on: condition: service_healthy` cannot wait for it. {fix}");
            }
            else if (health.State == HealthcheckState.Missing)
            {
                yield return Report(
                    service.KeyLocation,
                    $"Service '{service.Name}' has no healthcheck, neither in the Compose file nor in {health.Source}, so Docker cannot report a hung app as unhealthy and `depends_on: condition: service_healthy` cannot wait for it. {fix}");
            }
        }
    }
}
