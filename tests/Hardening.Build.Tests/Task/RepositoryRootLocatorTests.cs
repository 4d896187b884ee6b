using System;
using System.IO;
using Hardening.Build.Tasks;
using Xunit;

namespace Hardening.Build.Tests.Task
{
    public sealed class RepositoryRootLocatorTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "hardening-root-" + Guid.NewGuid().ToString("N"));

        public RepositoryRootLocatorTests()
        {
            Directory.CreateDirectory(Path.Combine(_folder, "src", "app"));
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void GitFolder_IsRoot()
        {
            Directory.CreateDirectory(Path.Combine(_folder, ".git"));

            Assert.Equal(_folder, RepositoryRootLocator.Locate(Path.Combine(_folder, "src", "app"), null));
        }

        [Fact]
        public void GitFile_IsRoot()
        {
            File.WriteAllText(Path.Combine(_folder, "src", ".git"), "gitdir: ../.git/worktrees/src\n");

            Assert.Equal(Path.Combine(_folder, "src"), RepositoryRootLocator.Locate(Path.Combine(_folder, "src", "app"), null));
        }

        [Fact]
        public void NoGit_WidensToDcprojFolder()
        {
            string project = Path.Combine(_folder, "src", "app");
            string dcproj = Path.Combine(_folder, "docker-compose.dcproj");

            Assert.Equal(project, RepositoryRootLocator.Locate(project, null));
            Assert.Equal(_folder, RepositoryRootLocator.Locate(project, dcproj));
        }
    }
}
