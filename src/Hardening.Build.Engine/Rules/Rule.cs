using System.Collections.Generic;

namespace Hardening.Build.Rules
{
    /// <summary>
    /// One check: a pure function of the project model that yields findings. A rule reads no file
    /// and does not depend on where its findings are shown.
    /// </summary>
    public abstract class Rule
    {
        public abstract RuleDescriptor Descriptor { get; }

        public abstract IEnumerable<Finding> Check(ProjectModel project);
    }
}
