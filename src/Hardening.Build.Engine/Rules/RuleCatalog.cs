using System.Collections.Generic;
using Hardening.Build.Rules.Filesystem;
using Hardening.Build.Rules.Privileges;
using Hardening.Build.Rules.Resources;
using Hardening.Build.Rules.Restart;
using Hardening.Build.Rules.Secrets;
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
            new HARD1004UserNotNumeric(),
            new HARD1005PrivilegeTool(),
            new HARD2001RootFilesystemWritable(),
            new HARD2002TmpNotWritable(),
            new HARD2003TmpOnPersistentVolume(),
            new HARD3001CapabilitiesNotDropped(),
            new HARD3002NoNewPrivilegesNotSet(),
            new HARD3003PrivilegedPortUnbindable(),
            new HARD5001NoMemoryLimit(),
            new HARD5002NoCpuLimit(),
            new HARD6001SecretInArgOrEnv(),
            new HARD6003SecretFileCopied(),
            new HARD7001ImageNotTagged(),
            new HARD7002ImageNotPinnedByDigest(),
            new HARD7003RegistryNotAllowed(),
            new HARD7004AddNotNeeded(),
            new HARD7005VerificationDisabled(),
            new HARD7006SdkImageAtRuntime(),
            new HARD8001NoRestartPolicy(),
        };
    }
}
