using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules
{
    /// <summary>A rule that looks at one Compose service at a time.</summary>
    public abstract class ComposeServiceRule : Rule
    {
        public sealed override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                foreach (ComposeService service in composeProject.Services)
                {
                    foreach (Finding finding in CheckService(service, project))
                    {
                        yield return finding;
                    }
                }
            }
        }

        /// <summary>Checks one service; rules that need the project's settings override this overload instead.</summary>
        protected virtual IEnumerable<Finding> CheckService(ComposeService service) => new Finding[0];

        protected virtual IEnumerable<Finding> CheckService(ComposeService service, ProjectModel project) => CheckService(service);

        protected Finding Report(SourceLocation location, string message) => new Finding(Descriptor, location, message);

        /// <summary>
        /// Reports, in place of this rule's finding, that a value it needs depends on a variable that has
        /// no value, so nothing is claimed about it.
        /// </summary>
        protected Finding Unresolved(ComposeService service, string field, ComposeValue value)
        {
            string reason = value.UnsetVariable != null
                ? $"the unset variable {value.UnsetVariable}"
                : $"an invalid interpolation ({value.InterpolationError})";
            return new Finding(
                InputDiagnostics.UnresolvedValue,
                value.Location,
                $"Service '{service.Name}': {field} depends on {reason}, so {Descriptor.Code} could not check it. Set the variable in the .env file beside the Compose file (or the project's EnvFile), write a default such as ${{{value.UnsetVariable ?? "NAME"}:-value}}, or set HardeningComposeUseEnvironment to true to read it from the build's environment.");
        }
    }
}
