using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Hardening.Build.Files;
using Hardening.Build.Tests.Support;
using Xunit;

namespace Hardening.Build.Tests.Robustness
{
    /// <summary>Broken and hostile input through the engine, in memory and on a temporary disk folder.</summary>
    public sealed class HostileInputTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "hardening-unit-" + Guid.NewGuid().ToString("N"));

        public HostileInputTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void LargeFile_RejectedWithoutReading()
        {
            string path = Path.Combine(_folder, "compose.yaml");
            using (var stream = new FileStream(path, FileMode.Create))
            {
                stream.SetLength(100L * 1024 * 1024);
            }

            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            SourceFile file = SourceFileReader.Read(path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            Assert.NotNull(file.Error);
            Assert.Equal("HARD0003", file.Error!.Code);
            Assert.Equal(1, file.Error.Location.Line);
            Assert.Equal(1, file.Error.Location.Column);
            Assert.True(allocated < 1024 * 1024, $"Reading allocated {allocated} bytes.");
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(4095)]
        [InlineData(4096)]
        [InlineData(300000)]
        public void FileOfAnySize_ReadWhole(int length)
        {
            string path = Path.Combine(_folder, "Dockerfile");
            string text = new string('a', length);
            File.WriteAllText(path, text);

            SourceFile file = SourceFileReader.Read(path);

            Assert.Null(file.Error);
            Assert.Equal(text, file.Text);
        }

        [Fact]
        public void FileAtLimit_ReadAndOneOver_Rejected()
        {
            string atLimit = Path.Combine(_folder, "Dockerfile");
            string overLimit = Path.Combine(_folder, "Dockerfile.big");
            File.WriteAllText(atLimit, new string('a', 5000));
            File.WriteAllText(overLimit, new string('a', 5001));

            SourceFile read = SourceFileReader.Read(atLimit, 5000);
            SourceFile rejected = SourceFileReader.Read(overLimit, 5000);

            Assert.Null(read.Error);
            Assert.Equal(5000, read.Text!.Length);
            Assert.Equal("HARD0003", rejected.Error!.Code);
        }

        [Fact]
        public void FileReportingSizeZero_ReadToEnd()
        {
            // Linux reports size 0 for files under /proc, like a device, although reading them gives text.
            // Other systems have no such file, so the test checks nothing there.
            const string path = "/proc/self/status";
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            SourceFile file = SourceFileReader.Read(path);

            Assert.Null(file.Error);
            Assert.Contains("Name:", file.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void InvalidUtf8OnDisk_DecodedWithReplacement()
        {
            string path = Path.Combine(_folder, "Dockerfile");
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes("FROM alpine\nLABEL a=caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray());

            SourceFile file = SourceFileReader.Read(path);

            Assert.Null(file.Error);
            Assert.Equal("FROM alpine\nLABEL a=caf\uFFFD\n", file.Text);
        }

        [Fact]
        public void Folder_ReportedAsFolder()
        {
            string path = Path.Combine(_folder, "Dockerfile");
            Directory.CreateDirectory(path);

            SourceFile file = SourceFileReader.Read(path);

            Assert.Equal("HARD0003", file.Error!.Code);
            Assert.Contains("is a folder, not a file", file.Error.Message);
        }

        [Fact]
        public void LinkOutside_NotRead()
        {
            string repository = Path.Combine(_folder, "repo");
            string outside = Path.Combine(_folder, "outside", "Dockerfile");
            Directory.CreateDirectory(repository);
            Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
            File.WriteAllText(outside, "FROM alpine\n");
            string link = Path.Combine(repository, "Dockerfile");
            File.CreateSymbolicLink(link, outside);
            string inside = Path.Combine(repository, "inside");
            File.CreateSymbolicLink(inside, "Dockerfile.real");
            File.WriteAllText(Path.Combine(repository, "Dockerfile.real"), "FROM alpine\n");
            var boundary = new RepositoryBoundary(repository);

            SourceFile linked = SourceFileReader.Read(link, SourceFileReader.DefaultMaxFileBytes, boundary);
            SourceFile linkedInside = SourceFileReader.Read(inside, SourceFileReader.DefaultMaxFileBytes, boundary);

            Assert.Equal("HARD0003", linked.Error!.Code);
            Assert.Contains("outside the repository", linked.Error.Message);
            Assert.Null(linkedInside.Error);
            Assert.Equal(outside, boundary.LinkTargetOutside(link));
            Assert.Null(boundary.LinkTargetOutside(inside));
        }

        [Fact]
        public void ReferencedLinkOutside_NotRead()
        {
            string repository = Path.Combine(_folder, "repo");
            string outside = Path.Combine(_folder, "outside.yml");
            Directory.CreateDirectory(repository);
            File.WriteAllText(outside, "services:\n  base:\n    image: nginx\n    user: root\n");
            string link = Path.Combine(repository, "base.yml");
            File.CreateSymbolicLink(link, outside);
            string compose = Path.Combine(repository, "compose.yaml");
            File.WriteAllText(compose, "services:\n  web:\n    extends:\n      file: base.yml\n      service: base\n");
            var request = new CheckRequest(new[] { new InputFile(compose, InputKind.Compose) }) { RepositoryRoot = repository };

            List<Finding> findings = HardeningEngine.Check(request).Findings.ToList();

            Finding unread = Assert.Single(findings, f => f.Code == "HARD0003");
            Assert.Equal(link, unread.Location.FilePath);
            Assert.Equal(1, unread.Location.Line);
            Assert.Equal(1, unread.Location.Column);
            Assert.DoesNotContain(findings, f => f.Code == "HARD1002");
        }

        [Fact]
        public void LinkLoop_ResolvesToNull()
        {
            string link = Path.Combine(_folder, "Dockerfile");
            File.CreateSymbolicLink(link, link);

            SourceFile file = SourceFileReader.Read(link, SourceFileReader.DefaultMaxFileBytes, new RepositoryBoundary(_folder));

            Assert.Null(RepositoryBoundary.ResolveLinks(link));
            Assert.Equal("HARD0003", file.Error!.Code);
        }

        [Fact]
        public void ComposeInvalidUtf8_Hard0002AtByte()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("services:\n  web:\n    image: ngin").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n    user: root\n")).ToArray();

            List<Finding> findings = Check(compose: bytes);

            Assert.Contains("HARD0002@/repo/app/compose.yaml:3:16", findings.Select(Describe));
            Assert.Contains("HARD1002@/repo/app/compose.yaml:4:11", findings.Select(Describe));
            Assert.Single(findings, f => f.Code == "HARD0002");
        }

        [Fact]
        public void DockerfileInvalidUtf8_NoDiagnostic()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("FROM alpine:3.20\nLABEL a=caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\nUSER root\n")).ToArray();

            List<Finding> findings = Check(dockerfile: bytes);

            Assert.Equal(new[] { "HARD1001@/repo/app/Dockerfile:3:1" }, findings.Select(Describe));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void DockerfileUtf16_Hard0001AtStart(bool littleEndian)
        {
            Encoding encoding = littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode;
            byte[] bytes = encoding.GetPreamble().Concat(encoding.GetBytes("FROM alpine:3.20\nUSER root\n")).ToArray();

            List<Finding> findings = Check(dockerfile: bytes);

            Assert.Equal(new[] { "HARD0001@/repo/app/Dockerfile:1:1", "HARD1001@/repo/app/Dockerfile:2:1" }, findings.Select(Describe));
            Assert.Contains(littleEndian ? "UTF-16LE" : "UTF-16BE", findings[0].Message);
        }

        [Fact]
        public void ComposeUtf16_Read()
        {
            byte[] bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("services:\n  web:\n    image: nginx\n    user: root\n")).ToArray();

            List<Finding> findings = Check(compose: bytes);

            Assert.Contains("HARD1002@/repo/app/compose.yaml:4:11", findings.Select(Describe));
            Assert.DoesNotContain(findings, f => f.Code.StartsWith("HARD000", StringComparison.Ordinal));
        }

        [Fact]
        public void CarriageReturnOnly_OneLineForDockerfile()
        {
            List<Finding> findings = Check(dockerfile: Encoding.UTF8.GetBytes("FROM alpine:3.20\rUSER root\r"));

            Finding parse = Assert.Single(findings, f => f.Code == "HARD0001");
            Assert.Equal(1, parse.Location.Line);
            Assert.Equal(1, parse.Location.Column);
            Assert.Contains("'alpine:3.20\\rUSER root'", parse.Message);
            Assert.DoesNotContain("stage 'root'", string.Join("\n", findings.Select(f => f.Message)));
        }

        [Fact]
        public void ExtendsOutside_Hard0006()
        {
            var fileSystem = new MemoryFileSystem()
                .Add("/repo/app/compose.yaml", "services:\n  web:\n    extends:\n      file: ../../outside/base.yml\n      service: base\n")
                .Add("/outside/base.yml", "services:\n  base:\n    image: nginx\n    user: root\n");
            var request = new CheckRequest(new[] { new InputFile("/repo/app/compose.yaml", InputKind.Compose) })
            {
                FileSystem = fileSystem,
                RepositoryRoot = "/repo/app",
            };

            List<Finding> findings = HardeningEngine.Check(request).Findings.ToList();

            Finding reference = Assert.Single(findings, f => f.Code == "HARD0006");
            Assert.Equal(4, reference.Location.Line);
            Assert.Equal(13, reference.Location.Column);
            Assert.DoesNotContain(findings, f => f.Code == "HARD1002");
        }

        [Fact]
        public void IncludeOutside_Hard0006()
        {
            var fileSystem = new MemoryFileSystem()
                .Add("/repo/app/compose.yaml", "include:\n  - ../../outside/base.yml\nservices: {}\n")
                .Add("/outside/base.yml", "services:\n  base:\n    image: nginx\n    user: root\n");
            var request = new CheckRequest(new[] { new InputFile("/repo/app/compose.yaml", InputKind.Compose) })
            {
                FileSystem = fileSystem,
                RepositoryRoot = "/repo",
            };

            List<Finding> findings = HardeningEngine.Check(request).Findings.ToList();

            Assert.Equal(new[] { "HARD0006@/repo/app/compose.yaml:2:5" }, findings.Select(Describe));
        }

        [Fact]
        public void DeepDockerfileVariables_Bounded()
        {
            string nested = string.Concat(Enumerable.Repeat("${A:-", 200_000)) + "x" + new string('}', 200_000);

            List<Finding> findings = Check(dockerfile: Encoding.UTF8.GetBytes("FROM alpine:3.20\nUSER " + nested + "\n"));

            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.Equal("/repo/app/Dockerfile", f.Location.FilePath));
        }

        [Fact]
        public void DeepComposeInterpolation_Bounded()
        {
            string nested = string.Concat(Enumerable.Repeat("${A:-", 150_000)) + "x" + new string('}', 150_000);
            var clock = Stopwatch.StartNew();

            List<Finding> findings = Check(compose: Encoding.UTF8.GetBytes("services:\n  web:\n    image: " + nested + "\n"));

            // A bound far above the linear time, so only the old quadratic growth (minutes here) fails it.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The check took {clock.Elapsed}.");
            Assert.Contains(findings, f => f.Code == "HARD2001");
        }

        [Fact]
        public void ErrorAtEndOfText_InsideFile()
        {
            // Found by the fuzzer: with no line break after the last line, YamlDotNet placed the error on line 5.
            List<Finding> findings = Check(compose: Encoding.UTF8.GetBytes("services:\n  web:\n  api:\n    image: {gi"));

            Assert.Equal(new[] { "HARD0002@/repo/app/compose.yaml:4:15" }, findings.Select(Describe));
        }

        [Fact]
        public void Message_LineBreaksEscaped()
        {
            string message = Finding.EscapeLineBreaks("a\rb\nc\u2028d\te");

            Assert.Equal("a\\rb\\nc\\u2028d\te", message);
        }

        [Fact]
        public void Check_LeavesEnvironmentAlone()
        {
            Dictionary<string, string?> before = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);

            Check(
                dockerfile: Encoding.UTF8.GetBytes("FROM alpine\nARG HOME\nUSER ${HOME}\n"),
                compose: Encoding.UTF8.GetBytes("services:\n  web:\n    image: ${PATH}\n    user: ${HOME:?unset}\n"));

            Dictionary<string, string?> after = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
            Assert.Equal(before.OrderBy(e => e.Key), after.OrderBy(e => e.Key));
        }

        private static List<Finding> Check(byte[]? dockerfile = null, byte[]? compose = null)
        {
            var fileSystem = new MemoryFileSystem();
            var inputs = new List<InputFile>();
            if (dockerfile != null)
            {
                fileSystem.AddBytes("/repo/app/Dockerfile", dockerfile);
                inputs.Add(new InputFile("/repo/app/Dockerfile", InputKind.Dockerfile));
            }

            if (compose != null)
            {
                fileSystem.AddBytes("/repo/app/compose.yaml", compose);
                inputs.Add(new InputFile("/repo/app/compose.yaml", InputKind.Compose));
            }

            var request = new CheckRequest(inputs) { FileSystem = fileSystem, RepositoryRoot = "/repo" };
            return HardeningEngine.Check(request).Findings.ToList();
        }

        private static string Describe(Finding finding) =>
            $"{finding.Code}@{finding.Location.FilePath}:{finding.Location.Line}:{finding.Location.Column}";

        [Fact]
        public void UnclosedFlowBeforeSuppressionScan_NoException()
        {
            // Found by the fuzzer: YamlDotNet's scanner threw InvalidOperationException while the
            // suppression comments were read, which escaped the engine.
            List<Finding> findings = Check(compose: Encoding.UTF8.GetBytes("services:\n  web:\n    command: [a, b\n? complex\n    user: root\n"));

            Assert.Contains(findings, f => f.Code == "HARD0002");
        }
    }
}
