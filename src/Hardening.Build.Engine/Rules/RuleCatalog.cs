using System.Collections.Generic;
using Hardening.Build.Rules.Filesystem;
using Hardening.Build.Rules.Privileges;
using Hardening.Build.Rules.Resources;
using Hardening.Build.Rules.Restart;
using Hardening.Build.Rules.SupplyChain;
using Hardening.Build.Rules.User;

namespace Hardening.Build.Rules
{
    /// <summary>The catalogue: every rule the engine runs, listed here so that loading costs no reflection.</summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<Rule> All { get; } = new Rule[]
        {
            new HARD1001RunsAsRoot(),
            new HARD1002ServiceRunsAsRoot(),
            new HARD1003ServiceImageDefaultUser(),
            new HARD1006SdkContainerRunsAsRoot(),
            new HARD2001RootFilesystemWritable(),
            new HARD2002TmpNotWritable(),
            new HARD2003TmpOnPersistentVolume(),
            new HARD3001CapabilitiesNotDropped(),
            new HARD3002NoNewPrivilegesNotSet(),
            new HARD3003PrivilegedPortUnbindable(),
            new HARD5001NoMemoryLimit(),
            new HARD5002NoCpuLimit(),
            new HARD7007SdkContainerImageTag(),
            new HARD8001NoRestartPolicy(),
            new HARD8002NoHealthcheck(),
            new HARD8003RestartWithoutBound(),
        };
    }
}
