using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Tests.Support;
using Xunit;

namespace Hardening.Build.Tests.Compose
{
    /// <summary>Compose files listed as items but stored outside the MSBuild project's folder.</summary>
    public class ExternalComposeFileTests
    {
        private const string Compose =
            "services:\n" +
            "  backend:\n" +
            "    build: backend\n" +
            "  db:\n" +
            "    image: mariadb:10.6\n";

        [Fact]
        public void ListedFile_AllServicesChecked()
        {
            var fileSystem = new MemoryFileSystem()
                .Add("/repos/sample/compose.yaml", Compose)
                .Add("/repos/sample/backend/Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n");
            var request = new CheckRequest(new[] { new InputFile("/repos/sample/compose.yaml", InputKind.Compose) })
            {
                FileSystem = fileSystem,
                ProjectDirectory = "/work/checker",
            };

            CheckResult result = HardeningEngine.Check(request);

            List<string> services = result.Findings
                .Where(f => f.Code == "HARD2001")
                .Select(f => f.Message.Split('\'')[1])
                .ToList();
            Assert.Equal(new[] { "backend", "db" }, services);
            Assert.Contains(result.Findings, f => f.Code == "HARD1001" && f.Location.FilePath == "/repos/sample/backend/Dockerfile" && f.Location.Line == 1);
            Assert.Equal(1, result.ComposeFileCount);
            Assert.Equal(2, result.ServiceCount);
        }
    }
}
