using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hardening.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Hardening.Build.Tests.Task
{
    public sealed class CheckContainerHardeningTests : IDisposable
    {
        private const string HelpUriOfHard0003 = RuleDescriptor.HelpBaseUri + "HARD0003.md";

        private readonly string _directory;
        private readonly RecordingBuildEngine _engine = new RecordingBuildEngine();

        public CheckContainerHardeningTests()
        {
            _directory = Path.Combine(Path.GetTempPath(), "hardening-task-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
        }

        public void Dispose()
        {
            Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public void BinaryDockerfile_WarnsAtStart()
        {
            string path = WriteBinaryFile("Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));

            bool succeeded = task.Execute();

            Assert.True(succeeded);
            Assert.Empty(_engine.Errors);
            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0003", warning.Code);
            Assert.Equal(path, warning.File);
            Assert.Equal(1, warning.LineNumber);
            Assert.Equal(1, warning.ColumnNumber);
            Assert.Equal(0, warning.EndLineNumber);
            Assert.Equal(0, warning.EndColumnNumber);
            Assert.Equal(HelpUriOfHard0003, warning.HelpLink);
            Assert.Null(warning.Subcategory);
            Assert.Contains("NUL byte", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingFile_WarnsWithoutThrowing()
        {
            string path = Path.Combine(_directory, "Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));

            bool succeeded = task.Execute();

            Assert.True(succeeded);
            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0003", warning.Code);
            Assert.Equal(path, warning.File);
            Assert.Equal(1, warning.LineNumber);
            Assert.Equal(1, warning.ColumnNumber);
            Assert.Contains("was not found", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RelativeItem_ResolvedAgainstProjectDirectory()
        {
            string path = WriteBinaryFile("Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem("Dockerfile"));

            task.Execute();

            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal(path, warning.File);
            Assert.True(Path.IsPathRooted(warning.File));
        }

        [Fact]
        public void MessageWithBraces_LoggedVerbatim()
        {
            string path = Path.Combine(_directory, "{0}", "Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));

            task.Execute();

            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Contains(path, warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TreatWarningsAsErrors_LogsErrorAndFails()
        {
            string path = WriteBinaryFile("Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.TreatWarningsAsErrors = true;

            bool succeeded = task.Execute();

            Assert.False(succeeded);
            Assert.Empty(_engine.Warnings);
            BuildErrorEventArgs error = Assert.Single(_engine.Errors);
            Assert.Equal("HARD0003", error.Code);
            Assert.Equal(path, error.File);
            Assert.Equal(1, error.LineNumber);
            Assert.Equal(1, error.ColumnNumber);
            Assert.Equal(0, error.EndLineNumber);
            Assert.Equal(0, error.EndColumnNumber);
            Assert.Equal(HelpUriOfHard0003, error.HelpLink);
        }

        [Theory]
        [InlineData("CS1591;HARD0003", "")]
        [InlineData(" hard0003 , CS1591", "")]
        [InlineData("", "CS1591,HARD0003")]
        public void TreatWarningsAsErrors_ExemptCodeStaysWarning(string noWarn, string warningsNotAsErrors)
        {
            string path = WriteBinaryFile("Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.TreatWarningsAsErrors = true;
            task.NoWarn = noWarn;
            task.WarningsNotAsErrors = warningsNotAsErrors;

            bool succeeded = task.Execute();

            Assert.True(succeeded);
            Assert.Empty(_engine.Errors);
            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0003", warning.Code);
            Assert.Equal(1, warning.LineNumber);
            Assert.Equal(1, warning.ColumnNumber);
        }

        [Fact]
        public void EngineWarningsAsErrors_FailsTask()
        {
            string path = WriteBinaryFile("Dockerfile");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            _engine.WarningsAsErrors.Add("HARD0003");

            bool succeeded = task.Execute();

            Assert.False(succeeded);
            Assert.Empty(_engine.Warnings);
            BuildErrorEventArgs error = Assert.Single(_engine.Errors);
            Assert.Equal("HARD0003", error.Code);
            Assert.Equal(path, error.File);
            Assert.Equal(1, error.LineNumber);
            Assert.Equal(1, error.ColumnNumber);
            Assert.Equal(HelpUriOfHard0003, error.HelpLink);
        }

        [Fact]
        public void SmallMaxFileBytes_WarnsTooLarge()
        {
            string path = Path.Combine(_directory, "Dockerfile");
            File.WriteAllText(path, "FROM alpine:3.20\nUSER app\n");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.MaxFileBytes = 4;

            task.Execute();

            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0003", warning.Code);
            Assert.Equal(1, warning.LineNumber);
            Assert.Equal(1, warning.ColumnNumber);
            Assert.Contains("larger than the limit of 4 bytes", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void InvalidPath_LogsInternalErrorWarning()
        {
            CheckContainerHardening task = CreateTask(new TaskItem("bad\0name"));

            bool succeeded = task.Execute();

            Assert.True(succeeded);
            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0000", warning.Code);
            Assert.Contains("internal error", warning.Message, StringComparison.Ordinal);
            Assert.Contains("Please report this", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Execute_LogsInputsAndSummary()
        {
            string dockerfile = WriteBinaryFile("Dockerfile");
            string compose = Path.Combine(_directory, "compose.yaml");
            CheckContainerHardening task = CreateTask(new TaskItem(dockerfile), new TaskItem(compose));

            task.Execute();

            List<string> lowMessages = _engine.Messages
                .Where(m => m.Importance == MessageImportance.Low)
                .Select(m => m.Message ?? "")
                .ToList();
            Assert.Contains($"Hardening.Build: [input] File={dockerfile} Kind=Dockerfile (from the file name)", lowMessages);
            Assert.Contains($"Hardening.Build: [input] File={compose} Kind=Compose (from the file name)", lowMessages);
            Assert.Contains($"Hardening.Build: [input] ProjectDirectory={_directory}", lowMessages);
            BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance == MessageImportance.Normal);
            Assert.Equal(
                "Hardening.Build: checked 0 Dockerfile(s) and 0 Compose file(s) with 0 service(s): 0 error(s), 2 warning(s), 0 suggestion(s), 0 suppressed in source, 0 baselined.",
                summary.Message);
        }

        [Fact]
        public void NoWarnCodes_CountedInSummary()
        {
            string path = WriteText("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.NoWarn = "CS1591;HARD1001";

            task.Execute();

            BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Message!.Contains("checked ", StringComparison.Ordinal));
            Assert.Single(_engine.Warnings, w => w.Code == "HARD1001");
            Assert.Contains($" {_engine.Warnings.Count} warning(s) (1 of them in NoWarn, which MSBuild shows as messages),", summary.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void KindMetadata_OverridesFileName()
        {
            string path = WriteBinaryFile("deploy.yml");
            var item = new TaskItem(path);
            item.SetMetadata("Kind", "compose");
            CheckContainerHardening task = CreateTask(item);

            task.Execute();

            Assert.Contains(
                _engine.Messages,
                m => m.Message == $"Hardening.Build: [input] File={path} Kind=Compose (from Kind metadata)");
        }

        [Fact]
        public void SuggestionFinding_LoggedAsNormalMessage()
        {
            CheckContainerHardening task = CreateTask();
            var finding = new Finding(InputDiagnostics.UnresolvedValue, new SourceLocation("/app/compose.yaml", 4, 9), "Value ${TAG} is unset.");

            Severity logged = task.LogFinding(finding, new HashSet<string>());

            Assert.Equal(Severity.Suggestion, logged);
            Assert.Empty(_engine.Warnings);
            BuildMessageEventArgs message = Assert.Single(_engine.Messages);
            Assert.Equal(MessageImportance.Normal, message.Importance);
            Assert.Equal("HARD0005", message.Code);
            Assert.Equal("/app/compose.yaml", message.File);
            Assert.Equal(4, message.LineNumber);
            Assert.Equal(9, message.ColumnNumber);
            Assert.Equal("Value ${TAG} is unset.", message.Message);
        }

        [Fact]
        public void NoneFinding_NotLogged()
        {
            CheckContainerHardening task = CreateTask();
            var finding = new Finding(InputDiagnostics.UnresolvedValue, new SourceLocation("/app/compose.yaml", 4, 9), "Hidden.", Severity.None);

            Severity logged = task.LogFinding(finding, new HashSet<string>());

            Assert.Equal(Severity.None, logged);
            Assert.Empty(_engine.Messages);
            Assert.Empty(_engine.Warnings);
            Assert.Empty(_engine.Errors);
        }

        [Fact]
        public void ErrorFinding_LoggedAsErrorWithHelpLink()
        {
            CheckContainerHardening task = CreateTask();
            var finding = new Finding(InputDiagnostics.DockerfileParseError, new SourceLocation("/app/Dockerfile", 3, 5), "Broken.", Severity.Error);

            task.LogFinding(finding, new HashSet<string>());

            BuildErrorEventArgs error = Assert.Single(_engine.Errors);
            Assert.Equal("HARD0001", error.Code);
            Assert.Equal("/app/Dockerfile", error.File);
            Assert.Equal(3, error.LineNumber);
            Assert.Equal(5, error.ColumnNumber);
            Assert.Equal(0, error.EndLineNumber);
            Assert.Equal(0, error.EndColumnNumber);
            Assert.Equal(RuleDescriptor.HelpBaseUri + "HARD0001.md", error.HelpLink);
        }

        [Theory]
        [InlineData("/app/Dockerfile", InputKind.Dockerfile)]
        [InlineData("/app/api.Dockerfile", InputKind.Dockerfile)]
        [InlineData("/app/Dockerfile.prod", InputKind.Dockerfile)]
        [InlineData("/app/compose.yaml", InputKind.Compose)]
        [InlineData("/app/docker-compose.override.yml", InputKind.Compose)]
        [InlineData("/app/Docker-Compose.YML", InputKind.Compose)]
        [InlineData("/app/compose.json", InputKind.Dockerfile)]
        [InlineData("/app/settings.yml", InputKind.Dockerfile)]
        public void InferKind_UsesFileName(string path, InputKind expected)
        {
            Assert.Equal(expected, CheckContainerHardening.InferKind(path));
        }

        [Theory]
        [InlineData("Dockerfile", true, InputKind.Dockerfile)]
        [InlineData(" COMPOSE ", true, InputKind.Compose)]
        [InlineData("", false, InputKind.Dockerfile)]
        [InlineData("yaml", false, InputKind.Dockerfile)]
        public void TryParseKind_AcceptsTwoNames(string value, bool expectedParsed, InputKind expectedKind)
        {
            bool parsed = CheckContainerHardening.TryParseKind(value, out InputKind kind);

            Assert.Equal(expectedParsed, parsed);
            Assert.Equal(expectedKind, kind);
        }

        [Fact]
        public void RuleItem_SetsSeverity()
        {
            string path = WriteText("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            var rule = new TaskItem("HARD1001");
            rule.SetMetadata("Severity", "error");
            task.RuleSeverities = new ITaskItem[] { rule };

            bool succeeded = task.Execute();

            Assert.False(succeeded);
            BuildErrorEventArgs error = Assert.Single(_engine.Errors);
            Assert.Equal("HARD1001", error.Code);
            Assert.Equal(2, error.LineNumber);
            Assert.Equal(1, error.ColumnNumber);
        }

        [Fact]
        public void RuleItemInvalid_WarnsHard0009()
        {
            string path = WriteText("Dockerfile", "FROM alpine:3.20\nUSER 10001\n");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            var rule = new TaskItem("HARD1001");
            rule.SetMetadata("Severity", "loud");
            task.RuleSeverities = new ITaskItem[] { rule };

            task.Execute();

            BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
            Assert.Equal("HARD0009", warning.Code);
            Assert.Contains("'loud'", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void UpdateBaseline_WritesFileAndReportsNothing()
        {
            string path = WriteText("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            string baseline = Path.Combine(_directory, "hardening-baseline.json");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.BaselineFile = baseline;
            task.UpdateBaseline = true;

            task.Execute();

            Assert.Empty(_engine.Warnings);
            string json = File.ReadAllText(baseline);
            Assert.Contains("\"code\": \"HARD1001\"", json, StringComparison.Ordinal);
            Assert.Contains("\"file\": \"Dockerfile\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
            BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Message!.Contains("checked ", StringComparison.Ordinal));
            Assert.EndsWith("0 suppressed in source, 1 baselined.", summary.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void SarifFile_Written()
        {
            string path = WriteText("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            CheckContainerHardening task = CreateTask(new TaskItem(path));
            task.SarifFile = Path.Combine("obj", "hardening.sarif");

            task.Execute();

            string sarif = File.ReadAllText(Path.Combine(_directory, "obj", "hardening.sarif"));
            Assert.Contains("\"ruleId\": \"HARD1001\"", sarif, StringComparison.Ordinal);
            Assert.Contains("\"uri\": \"Dockerfile\"", sarif, StringComparison.Ordinal);
        }

        private string WriteText(string name, string text)
        {
            string path = Path.Combine(_directory, name);
            File.WriteAllText(path, text);
            return path;
        }

        private CheckContainerHardening CreateTask(params ITaskItem[] files) =>
            new CheckContainerHardening
            {
                BuildEngine = _engine,
                Files = files,
                ProjectDirectory = _directory,
            };

        private string WriteBinaryFile(string name)
        {
            string path = Path.Combine(_directory, name);
            File.WriteAllBytes(path, new byte[] { 0x46, 0x52, 0x4F, 0x4D, 0x00, 0x0A });
            return path;
        }
    }
}
