using System.Collections.Generic;
using System.Globalization;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Restart
{
    /// <summary>
    /// An <c>on-failure</c> restart policy without a maximum retry count, which restarts a service that
    /// fails at start forever. The effective policy is Docker Compose's: <c>deploy.restart_policy</c>
    /// replaces <c>restart</c> when present. A missing healthcheck is HARD8002's finding, not this one's.
    /// </summary>
    public sealed class HARD8003RestartWithoutBound : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD8003", "on-failure restart policy has no retry limit", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service, ProjectModel project)
        {
            if (service.NodeAt("deploy", "restart_policy") is YamlMapping policy)
            {
                return CheckDeployPolicy(service, project, policy);
            }

            if (service.Value("restart") is ComposeValue restart)
            {
                return CheckRestart(service, project, restart);
            }

            return new Finding[0];
        }

        private IEnumerable<Finding> CheckRestart(ComposeService service, ProjectModel project, ComposeValue restart)
        {
            if (!restart.IsKnown)
            {
                yield return Unresolved(service, "restart", restart);
                yield break;
            }

            string text = restart.Text.Trim();
            if (text == "on-failure" || text == "on-failure:0")
            {
                yield return Report(
                    restart.Location,
                    $"Service '{service.Name}' has `restart: {text}` with no maximum retry count, so a service that fails at start restarts forever. Write `restart: on-failure:5`.");
            }
        }

        private IEnumerable<Finding> CheckDeployPolicy(ComposeService service, ProjectModel project, YamlMapping policy)
        {
            // NOTE: without condition, docker compose up gives the container no restart policy while Swarm
            // defaults to any, so a policy without condition is not judged.
            ComposeValue? condition = service.Read(policy.Get("condition"));
            if (condition == null)
            {
                yield break;
            }

            if (!condition.IsKnown)
            {
                yield return Unresolved(service, "deploy.restart_policy.condition", condition);
                yield break;
            }

            string text = condition.Text.Trim();
            if (text == "on-failure")
            {
                ComposeValue? maxAttempts = service.Read(policy.Get("max_attempts"));
                if (maxAttempts != null && !maxAttempts.IsKnown)
                {
                    yield return Unresolved(service, "deploy.restart_policy.max_attempts", maxAttempts);
                }
                else if (maxAttempts == null || IsZero(maxAttempts.Text))
                {
                    yield return Report(
                        maxAttempts?.Location ?? condition.Location,
                        $"Service '{service.Name}' has deploy.restart_policy condition 'on-failure' with no maximum retry count, so a service that fails at start restarts forever. Add `max_attempts: 5` to deploy.restart_policy.");
                }
            }
        }

        private static bool IsZero(string text) =>
            long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) && number == 0;
    }
}
