using System;
using System.IO;
using System.Reflection;
using Hardening.Build.Tasks;
using Xunit;

namespace Hardening.Build.Tests.Task
{
    public sealed class TaskAssemblyResolverTests
    {
        private static readonly string s_yamlDirectory =
            Path.GetDirectoryName(typeof(YamlDotNet.Serialization.Deserializer).Assembly.Location)!;

        [Fact]
        public void BundledAssembly_ResolvedFromTaskFolder()
        {
            var requested = new AssemblyName("YamlDotNet, Version=16.0.0.0, Culture=neutral");

            string? candidate = TaskAssemblyResolver.FindCandidate(s_yamlDirectory, requested);

            Assert.Equal(Path.Combine(s_yamlDirectory, "YamlDotNet.dll"), candidate);
        }

        [Fact]
        public void NewerVersionRequested_NotResolved()
        {
            var requested = new AssemblyName("YamlDotNet, Version=99.0.0.0, Culture=neutral");

            Assert.Null(TaskAssemblyResolver.FindCandidate(s_yamlDirectory, requested));
        }

        [Fact]
        public void UnbundledAssembly_NotResolved()
        {
            var requested = new AssemblyName("xunit.core, Version=2.0.0.0, Culture=neutral");

            Assert.Null(TaskAssemblyResolver.FindCandidate(s_yamlDirectory, requested));
        }

        [Fact]
        public void MissingFile_NotResolved()
        {
            string empty = Path.Combine(Path.GetTempPath(), "hardening-resolver-" + Guid.NewGuid().ToString("N"));

            Assert.Null(TaskAssemblyResolver.FindCandidate(empty, new AssemblyName("YamlDotNet")));
        }
    }
}
