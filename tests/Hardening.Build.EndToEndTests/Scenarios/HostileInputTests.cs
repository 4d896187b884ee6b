using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>
    /// Broken and hostile files in one project: each gives at most one input diagnostic at its first
    /// error, the other files are still checked, and the build neither fails nor hangs.
    /// </summary>
    public sealed class HostileInputTests
    {
        private const string ComposeUserRoot = "services:\n  web:\n    image: nginx:1.27\n    user: root\n";

        private readonly ITestOutputHelper _output;

        public HostileInputTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void BrokenFiles_OneDiagnosticEach()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(items:
                "<HardeningFile Include=\"folder/Dockerfile\" Kind=\"Dockerfile\" />" +
                "<HardeningFile Include=\"deleted/Dockerfile\" Kind=\"Dockerfile\" />");

            // Billion laughs: six levels of ten aliases would expand to a million nodes.
            var bomb = new StringBuilder("x-a: &a [l, l, l, l, l, l, l, l, l, l]\n");
            for (char level = 'b'; level <= 'g'; level++)
            {
                char previous = (char)(level - 1);
                bomb.Append($"x-{level}: &{level} [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
            }

            project.WriteFile("bomb/compose.yaml", bomb.ToString());
            project.WriteFile("flow/compose.yaml", "services: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
            project.WriteFile("block/compose.yaml", "services:\n  web:\n    command:\n      " + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n");

            var continued = new StringBuilder("FROM alpine:3.20\nRUN echo \\\n");
            for (int i = 0; i < 10_000; i++)
            {
                continued.Append("  part \\\n");
            }

            continued.Append("  end\nUSER root\n");
            project.WriteFile("continued/Dockerfile", continued.ToString());

            WriteSparse(project.PathOf("huge/compose.yaml"), 100L * 1024 * 1024);
            WriteSparse(project.PathOf("huge/Dockerfile"), 100L * 1024 * 1024);
            project.WriteBinaryFile("binary/Dockerfile");
            WriteBytes(project.PathOf("utf8/Dockerfile"), Concat(Encoding.UTF8.GetBytes("FROM alpine:3.20\nLABEL note=caf"), new byte[] { 0xE9 }, Encoding.UTF8.GetBytes("\nUSER root\n")));
            WriteBytes(project.PathOf("utf8/compose.yaml"), Concat(Encoding.UTF8.GetBytes("services:\n  web:\n    image: ngin"), new byte[] { 0xC3, 0x28 }, Encoding.UTF8.GetBytes("\n    user: root\n")));
            WriteBytes(project.PathOf("utf16le/Dockerfile"), Concat(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes("FROM alpine:3.20\nUSER root\n")));
            WriteBytes(project.PathOf("utf16be/Dockerfile"), Concat(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode.GetBytes("FROM alpine:3.20\nUSER root\n")));
            WriteBytes(project.PathOf("utf16le/compose.yaml"), Concat(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes(ComposeUserRoot)));
            WriteBytes(project.PathOf("utf16be/compose.yaml"), Concat(new byte[] { 0xFE, 0xFF }, Encoding.BigEndianUnicode.GetBytes(ComposeUserRoot)));
            project.WriteFile("nul/compose.yaml", "services:\n  web:\n    image: nginx\0\n");
            project.WriteFile("cr/Dockerfile", "FROM alpine:3.20\rUSER root\r");
            project.WriteFile("cr/compose.yaml", ComposeUserRoot.Replace('\n', '\r'));
            project.WriteFile("long/Dockerfile", "FROM alpine:3.20\nRUN echo " + new string('a', 1_000_000) + "\nUSER root\n");
            project.WriteFile("long/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    command: " + new string('a', 1_000_000) + "\n    user: root\n");
            project.WriteFile("heredoc/Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho hi\nUSER root\n");
            project.WriteFile("quote/compose.yaml", "services:\n  web:\n    image: \"nginx\n    user: root\n");
            project.WriteFile("flowopen/compose.yaml", "services:\n  web:\n    image: nginx\n    cap_drop: [ALL\n    user: root\n");
            project.WriteFile("duplicate/compose.yaml", "services:\n  web:\n    image: nginx\n    image: nginx\n");
            project.WriteFile("tabs/compose.yaml", "services:\n  web:\n\timage: nginx\n");
            Directory.CreateDirectory(project.PathOf("folder/Dockerfile"));
            project.WriteFile("extends-cycle/compose.yaml", "services:\n  a:\n    extends: b\n    image: nginx\n  b:\n    extends: a\n");
            project.WriteFile("include-cycle/compose.yaml", "include:\n  - other.yml\nservices: {}\n");
            project.WriteFile("include-cycle/other.yml", "include:\n  - compose.yaml\n");

            var clock = Stopwatch.StartNew();
            BuildOutput build = project.Build();
            _output.WriteLine($"Build took {clock.Elapsed.TotalSeconds:F1} s.");

            Assert.True(build.Succeeded);
            Assert.DoesNotContain(build.Diagnostics, d => d.Code == "MSB4018" || d.Code == "HARD0000");

            // The 100 MB files are rejected by their size, before they are opened.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"The build took {clock.Elapsed}.");
            string[] actual = Describe(project, build);
            foreach (string line in actual)
            {
                _output.WriteLine(line);
            }

            Assert.Equal(
                new[]
                {
                    "HARD0001@cr/Dockerfile:1:1",
                    "HARD0001@heredoc/Dockerfile:2:5",
                    "HARD0001@utf16be/Dockerfile:1:1",
                    "HARD0001@utf16le/Dockerfile:1:1",
                    "HARD0002@block/compose.yaml:4:1001",
                    "HARD0002@bomb/compose.yaml:5:38",
                    "HARD0002@duplicate/compose.yaml:4:5",
                    "HARD0002@flow/compose.yaml:1:510",
                    "HARD0002@flowopen/compose.yaml:4:15",
                    "HARD0002@quote/compose.yaml:3:12",
                    "HARD0002@tabs/compose.yaml:3:1",
                    "HARD0002@utf8/compose.yaml:3:16",
                    "HARD0003@binary/Dockerfile:1:1",
                    "HARD0003@deleted/Dockerfile:1:1",
                    "HARD0003@folder/Dockerfile:1:1",
                    "HARD0003@huge/Dockerfile:1:1",
                    "HARD0003@huge/compose.yaml:1:1",
                    "HARD0003@nul/compose.yaml:1:1",
                    "HARD0006@extends-cycle/compose.yaml:3:5",
                    "HARD0006@extends-cycle/compose.yaml:6:5",
                    "HARD0006@include-cycle/other.yml:2:5",
                    "HARD1001@continued/Dockerfile:10004:1",
                    "HARD1001@cr/Dockerfile:1:1",
                    "HARD1001@heredoc/Dockerfile:1:1",
                    "HARD1001@long/Dockerfile:3:1",
                    "HARD1001@utf16be/Dockerfile:2:1",
                    "HARD1001@utf16le/Dockerfile:2:1",
                    "HARD1001@utf8/Dockerfile:3:1",
                    "HARD1002@cr/compose.yaml:4:11",
                    "HARD1002@long/compose.yaml:5:11",
                    "HARD1002@utf16be/compose.yaml:4:11",
                    "HARD1002@utf16le/compose.yaml:4:11",
                    "HARD1002@utf8/compose.yaml:4:11",
                },
                actual);
            project.Pass();
        }

        /// <summary>
        /// The input diagnostics and the two root-user findings, as "CODE@path:line:column" relative to the
        /// project. The other rules' findings on the same services would only repeat what the rule tests check.
        /// </summary>
        internal static string[] Describe(TestProject project, BuildOutput build) =>
            build.Hardening
                .Where(d => d.Code.StartsWith("HARD0", StringComparison.Ordinal) || d.Code == "HARD1001" || d.Code == "HARD1002")
                .Select(d => $"{d.Code}@{Path.GetRelativePath(project.ProjectDirectory, d.File)}:{d.Line}:{d.Column}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();

        /// <summary>Creates a file of the given size without writing its bytes; the file system stores it sparse.</summary>
        internal static void WriteSparse(string path, long length)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            stream.SetLength(length);
        }

        private static void WriteBytes(string path, byte[] bytes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
    }
}
