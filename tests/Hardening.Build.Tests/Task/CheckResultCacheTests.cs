using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Hardening.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Hardening.Build.Tests.Task
{
    /// <summary>
    /// The result cache: a build in which nothing changed logs the last check's lines again, and any
    /// change the findings depend on makes the task check in full.
    /// </summary>
    public sealed class CheckResultCacheTests : IDisposable
    {
        private const string Replayed = "so its results were logged again from";

        private readonly string _directory;
        private readonly string _cacheFile;

        public CheckResultCacheTests()
        {
            _directory = Path.Combine(Path.GetTempPath(), "hardening-cache-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            _cacheFile = Path.Combine(_directory, "obj", "Hardening.cache");
        }

        public void Dispose()
        {
            Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public void UnchangedInputs_ReplayTheSameLines()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine\nUSER root\n");
            WriteOld(".editorconfig", "root = true\n\n[Dockerfile]\ndotnet_diagnostic.HARD7001.severity = suggestion\n");

            RecordingBuildEngine first = Run(dockerfile);
            RecordingBuildEngine second = Run(dockerfile);

            Assert.True(File.Exists(_cacheFile));
            Assert.DoesNotContain(first.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Contains(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Equal(Describe(first.Warnings), Describe(second.Warnings));
            Assert.Contains(second.Warnings, w => w.Code == "HARD1001" && w.LineNumber == 2 && w.ColumnNumber == 1 && w.File == dockerfile);
            Assert.Equal(Describe(first.Messages.Where(m => m.Code != null)), Describe(second.Messages.Where(m => m.Code != null)));
            Assert.Contains(second.Messages, m => m.Code == "HARD7001" && m.Importance == MessageImportance.Normal);
            Assert.Equal(first.Warnings.Select(w => w.HelpLink), second.Warnings.Select(w => w.HelpLink));
            BuildMessageEventArgs summary = Assert.Single(second.Messages, m => m.Message!.Contains("checked 1 Dockerfile(s)", StringComparison.Ordinal));
            Assert.Equal(MessageImportance.Normal, summary.Importance);
        }

        [Fact]
        public void ErrorsReplayed_FailTheTaskAgain()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");

            RecordingBuildEngine first = Run(dockerfile, task => task.TreatWarningsAsErrors = true, expectSuccess: false);
            RecordingBuildEngine second = Run(dockerfile, task => task.TreatWarningsAsErrors = true, expectSuccess: false);

            Assert.NotEmpty(first.Errors);
            Assert.Contains(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Equal(Describe(first.Errors), Describe(second.Errors));
        }

        [Fact]
        public void EditedFile_CheckedAgain()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            Run(dockerfile);

            WriteOld("Dockerfile", "FROM alpine:3.20\nUSER 10001\n", minutesAgo: 1);
            RecordingBuildEngine second = Run(dockerfile);

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Contains(second.Messages, m => m.Message == $"Hardening.Build: {dockerfile} differs from what the last check saw (its length, last write time, content, or whether it exists), so the files are checked again.");
            Assert.DoesNotContain(second.Warnings, w => w.Code == "HARD1001");
        }

        [Fact]
        public void NewEditorConfig_CheckedAgain()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            Run(dockerfile);

            WriteOld(".editorconfig", "root = true\n\n[Dockerfile]\ndotnet_diagnostic.HARD1001.severity = none\n");
            RecordingBuildEngine second = Run(dockerfile);

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.DoesNotContain(second.Warnings, w => w.Code == "HARD1001");
        }

        [Fact]
        public void NewComposeDotEnv_CheckedAgain()
        {
            string compose = WriteOld("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    user: \"${WEB_USER:-root}\"\n");
            RecordingBuildEngine first = Run(compose);
            Assert.Contains(first.Warnings, w => w.Code == "HARD1002" || w.Code == "HARD1001");

            WriteOld(".env", "WEB_USER=10001\n");
            RecordingBuildEngine second = Run(compose);

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.NotEqual(Describe(first.Warnings), Describe(second.Warnings));
        }

        [Fact]
        public void SameLengthAndTime_CheckedAgain()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER 10001\n");
            DateTime written = File.GetLastWriteTimeUtc(dockerfile);
            Run(dockerfile);

            // What cp -p or touch -r leave: other content of the same length, with the old time.
            File.WriteAllText(dockerfile, "FROM alpine:3.20\nUSER root \n");
            File.SetLastWriteTimeUtc(dockerfile, written);
            RecordingBuildEngine second = Run(dockerfile);

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Contains(second.Warnings, w => w.Code == "HARD1001" && w.LineNumber == 2);
        }

        [Fact]
        public void Environment_KeptOnlyAsHash()
        {
            string compose = WriteOld("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
            string path = Environment.GetEnvironmentVariable("PATH")!;

            Run(compose, task => task.UseEnvironmentVariables = true);

            string cache = File.ReadAllText(_cacheFile);
            Assert.False(string.IsNullOrEmpty(path));
            Assert.DoesNotContain(path, cache, StringComparison.Ordinal);
            Assert.Contains("environment hash=", cache, StringComparison.Ordinal);
        }

        [Fact]
        public void Replay_SaysSoAndWritesNothing()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            string sarif = Path.Combine(_directory, "obj", "hardening.sarif");
            RecordingBuildEngine first = Run(dockerfile, task => task.SarifFile = sarif);
            RecordingBuildEngine second = Run(dockerfile, task => task.SarifFile = sarif);

            Assert.Contains(first.Messages, m => m.Message == $"Hardening.Build: no results of an earlier check are kept at {_cacheFile}, so the files are checked.");
            Assert.Contains(first.Messages, m => m.Message!.StartsWith("Hardening.Build: wrote the SARIF log", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Messages, m => m.Message!.StartsWith("Hardening.Build: wrote the SARIF log", StringComparison.Ordinal));
            BuildMessageEventArgs summary = Assert.Single(second.Messages, m => m.Message!.Contains("checked 1 Dockerfile(s)", StringComparison.Ordinal));
            Assert.EndsWith("No file changed since that check, so its results were reused.", summary.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void NoCacheFile_SaysSo()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");

            RecordingBuildEngine build = Run(dockerfile, task => task.CacheFile = null);

            Assert.Contains(build.Messages, m => m.Message == "Hardening.Build: no result cache is used (HardeningReuseResults is false), so the files are checked.");
            Assert.False(File.Exists(_cacheFile));
        }

        [Fact]
        public void ChangedParameter_CheckedAgain()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            Run(dockerfile);

            RecordingBuildEngine second = Run(dockerfile, task => task.NoWarn = "HARD1001");

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Contains(second.Messages, m => m.Message == "Hardening.Build: the task's parameters changed since the last check, so the files are checked again.");
        }

        [Fact]
        public void FileWrittenJustBeforeCheck_ResultsNotKept()
        {
            string dockerfile = Path.Combine(_directory, "Dockerfile");
            File.WriteAllText(dockerfile, "FROM alpine:3.20\nUSER root\n");

            RecordingBuildEngine first = Run(dockerfile);

            Assert.False(File.Exists(_cacheFile));
            Assert.Contains(first.Messages, m => m.Message!.Contains("s before it, so the results were not kept", StringComparison.Ordinal));
        }

        [Fact]
        public void DeletedSarifLog_CheckedAgainAndWritten()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            string sarif = Path.Combine(_directory, "obj", "hardening.sarif");
            Run(dockerfile, task => task.SarifFile = sarif);
            File.Delete(sarif);

            RecordingBuildEngine second = Run(dockerfile, task => task.SarifFile = sarif);

            Assert.DoesNotContain(second.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.True(File.Exists(sarif));
        }

        [Fact]
        public void UpdateBaseline_NeverReplaysAndDropsTheCache()
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            string baseline = Path.Combine(_directory, "hardening-baseline.json");
            Run(dockerfile, task => task.BaselineFile = baseline);
            Assert.True(File.Exists(_cacheFile));

            RecordingBuildEngine update = Run(dockerfile, task =>
            {
                task.BaselineFile = baseline;
                task.UpdateBaseline = true;
            });

            Assert.DoesNotContain(update.Messages, m => m.Message!.Contains(Replayed, StringComparison.Ordinal));
            Assert.Empty(update.Warnings);
            Assert.False(File.Exists(_cacheFile));
        }

        [Theory]
        [InlineData("")]
        [InlineData("Hardening.Build result cache 2\nkey\npaths 5\n")]
        [InlineData("Hardening.Build result cache 2\nkey\npaths x\n")]
        [InlineData("Hardening.Build result cache 2\nkey\npaths 0\nentries 1\n1\t1\n")]
        [InlineData("Hardening.Build result cache 1\n")]
        public void DamagedCache_CheckedInFull(string text)
        {
            string dockerfile = WriteOld("Dockerfile", "FROM alpine:3.20\nUSER root\n");
            Directory.CreateDirectory(Path.GetDirectoryName(_cacheFile)!);
            File.WriteAllText(_cacheFile, text);

            RecordingBuildEngine build = Run(dockerfile);

            Assert.Contains(build.Warnings, w => w.Code == "HARD1001");
            Assert.DoesNotContain(build.Warnings, w => w.Code == "HARD0000");
            Assert.True(CheckResultCache.Read(_cacheFile) != null, "The full check rewrites the cache.");
        }

        [Fact]
        public void CacheKey_ChangesWithEveryParameter()
        {
            PropertyInfo[] parameters = typeof(CheckContainerHardening).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Assert.True(parameters.Length >= 20, $"Only {parameters.Length} parameters were found.");
            var task = new CheckContainerHardening { BuildEngine = new RecordingBuildEngine() };
            string original = task.CacheKey(null);

            foreach (PropertyInfo parameter in parameters)
            {
                object? before = parameter.GetValue(task);
                parameter.SetValue(task, OtherValue(parameter.PropertyType));

                Assert.NotEqual(original, task.CacheKey(null));
                parameter.SetValue(task, before);
            }

            var item = new TaskItem("Dockerfile");
            task.Files = new ITaskItem[] { item };
            string withItem = task.CacheKey(null);
            item.SetMetadata("Kind", "Compose");
            Assert.NotEqual(withItem, task.CacheKey(null));
            Assert.NotEqual(original, task.CacheKey("/repo"));
        }

        [Theory]
        [InlineData("plain")]
        [InlineData("tab\there, line\nfeed\r\nand a back\\slash at the end\\")]
        [InlineData("\\t is not a tab")]
        public void Escape_RoundTrips(string value)
        {
            string escaped = CheckResultCache.Escape(value);

            Assert.DoesNotContain("\t", escaped, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", escaped, StringComparison.Ordinal);
            Assert.Equal(value, CheckResultCache.Unescape(escaped));
        }

        private static object OtherValue(Type type)
        {
            if (type == typeof(bool))
            {
                return true;
            }

            if (type == typeof(long))
            {
                return 123L;
            }

            if (type == typeof(ITaskItem[]))
            {
                return new ITaskItem[] { new TaskItem("other") };
            }

            return "other";
        }

        private RecordingBuildEngine Run(string file, Action<CheckContainerHardening>? configure = null, bool expectSuccess = true)
        {
            var engine = new RecordingBuildEngine();
            var task = new CheckContainerHardening
            {
                BuildEngine = engine,
                Files = new ITaskItem[] { new TaskItem(file) },
                ProjectDirectory = _directory,
                RepositoryRoot = _directory,
                CacheFile = _cacheFile,
            };
            configure?.Invoke(task);

            Assert.Equal(expectSuccess, task.Execute());
            Assert.DoesNotContain(engine.Warnings, w => w.Code == "HARD0000");
            return engine;
        }

        /// <summary>Writes a file dated in the past, as files are that were not edited just before a build.</summary>
        private string WriteOld(string name, string text, int minutesAgo = 10)
        {
            string path = Path.Combine(_directory, name);
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
            return path;
        }

        private static List<string> Describe(IEnumerable<LazyFormattedBuildEventArgs> events) =>
            events.Select(e => e switch
            {
                BuildWarningEventArgs w => $"{w.File}({w.LineNumber},{w.ColumnNumber}) {w.Code} {w.HelpLink}: {w.Message}",
                BuildErrorEventArgs x => $"{x.File}({x.LineNumber},{x.ColumnNumber}) {x.Code} {x.HelpLink}: {x.Message}",
                BuildMessageEventArgs m => $"{m.File}({m.LineNumber},{m.ColumnNumber}) {m.Code} {m.Importance}: {m.Message}",
                _ => e.Message ?? "",
            }).ToList();
    }
}
