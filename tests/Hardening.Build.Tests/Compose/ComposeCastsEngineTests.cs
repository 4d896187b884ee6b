using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeCastsEngineTests
    {
        private static readonly string NoMemoryLimit = Hardened.Replace("    mem_limit: 256m\n", string.Empty);

        [Fact]
        public void MemoryUnits_EveryFormIsALimit()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", $$"""
                    services:
                      a:
                        image: registry.example.com/app:1.4.2
                        mem_limit: 2GB
                    {{NoMemoryLimit}}
                      b:
                        image: registry.example.com/app:1.4.2
                        mem_limit: 5g
                    {{NoMemoryLimit}}
                      c:
                        image: registry.example.com/app:1.4.2
                        mem_limit: 268435456
                    {{NoMemoryLimit}}
                      d:
                        image: registry.example.com/app:1.4.2
                        mem_limit: ${APP_MEM:-512m}
                    {{NoMemoryLimit}}
                    """)
                .AssertFindings();
        }

        [Fact]
        public void MemoryLots_RejectedNotMissing()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", $$"""
                    services:
                      a:
                        image: registry.example.com/app:1.4.2
                        mem_limit: lots
                    {{NoMemoryLimit}}
                    """)
                .AssertFindings("HARD0004@/repo/app/compose.yaml:4:16");
        }

        [Fact]
        public void MemoryFromEnv_Cast()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", $$"""
                    services:
                      a:
                        image: registry.example.com/app:1.4.2
                        mem_limit: ${APP_MEM:-512m}
                    {{NoMemoryLimit}}
                    """)
                .File("/repo/app/.env", "APP_MEM=0\n")
                .AssertFindings("HARD5001@/repo/app/compose.yaml:4:16");
        }
    }
}
