using System.Collections.Generic;
using Hardening.Build.Rules.Filesystem;
using Hardening.Build.Rules.Namespaces;
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
            new HARD1006SdkContainerRunsAsRoot(),
            new HARD2001RootFilesystemWritable(),
            new HARD2002TmpNotWritable(),
            new HARD2003TmpOnPersistentVolume(),
            new HARD2004EngineSocketMounted(),
            new HARD2005SensitiveHostPathMounted(),
            new HARD2006SharedMountPropagation(),
            new HARD2007TmpfsWithoutSize(),
            new HARD3001CapabilitiesNotDropped(),
            new HARD3002NoNewPrivilegesNotSet(),
            new HARD3003PrivilegedPortUnbindable(),
            new HARD3004PrivilegedService(),
            new HARD3005DangerousCapabilityAdded(),
            new HARD3006ConfinementDisabled(),
            new HARD3007HostDeviceExposed(),
            new HARD4001HostNetwork(),
            new HARD4002HostPid(),
            new HARD4003HostIpc(),
            new HARD4004HostUserNamespace(),
            new HARD4005HostUts(),
            new HARD4006PortOnAllInterfaces(),
            new HARD5001NoMemoryLimit(),
            new HARD5002NoCpuLimit(),
            new HARD5003NoPidsLimit(),
            new HARD5004ConflictingLimits(),
            new HARD6001SecretInArgOrEnv(),
            new HARD6002LiteralSecretInCompose(),
            new HARD6003SecretFileCopied(),
            new HARD7001ImageNotTagged(),
            new HARD7002ImageNotPinnedByDigest(),
            new HARD7003RegistryNotAllowed(),
            new HARD7004AddNotNeeded(),
            new HARD7005VerificationDisabled(),
            new HARD7006SdkImageAtRuntime(),
            new HARD7007SdkContainerImageTag(),
            new HARD8001NoRestartPolicy(),
            new HARD8002NoHealthcheck(),
            new HARD8003RestartWithoutBound(),
        };
    }
}
